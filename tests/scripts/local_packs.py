#!/usr/bin/env python3
"""A service file names its own local packs (man/ppsaudit-service.5, local_packs): in one run of
two services each is audited against its own commitments and not the other's; a pack that is
also given with --rules is read once and applies to every service.

usage: local_packs.py PPSAUDIT SOURCE_DIR
"""

import collections
import json
import subprocess
import sys

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"FAIL: {message}")


def audit(binary, cwd, *args):
    done = subprocess.run([binary, "check", *args, "--as-of", "2011-12-31", "--fail-on", "none", "--format", "json"],
                          cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"ppsaudit check {' '.join(args)} exited {done.returncode}: {done.stderr}")
    return {s["name"]: s["results"] for s in json.loads(done.stdout)["services"]}


def packs(results):
    return collections.Counter(r["pack"] for r in results)


def main():
    binary, cwd = sys.argv[1], sys.argv[2]
    cambs, sussex = "Cambridgeshire Parent Partnership Service", "Parent Link"
    services = audit(binary, cwd, "examples/cambridgeshire-pps.yaml", "examples/east-sussex-parent-link.yaml")
    check(packs(services[cambs])["cambridgeshire-pps"] > 0 and packs(services[cambs])["east-sussex-parent-link"] == 0,
          f"Cambridgeshire must get its own pack only: {packs(services[cambs])}")
    check(packs(services[sussex])["east-sussex-parent-link"] > 0 and packs(services[sussex])["cambridgeshire-pps"] == 0,
          f"East Sussex must get its own pack only: {packs(services[sussex])}")
    own = packs(services[cambs])["cambridgeshire-pps"]

    # The same pack named by the service and by --rules: read once, every rule once; and
    # --rules applies it to the other service too.
    services = audit(binary, cwd, "examples/cambridgeshire-pps.yaml", "examples/east-sussex-parent-link.yaml",
                     "--rules", "examples/cambridgeshire-pps.rules.yaml")
    ids = [r["rule"] for r in services[cambs]]
    check(len(ids) == len(set(ids)), "a pack named twice must not apply twice")
    check(packs(services[cambs])["cambridgeshire-pps"] == own, "the pack's rules must apply once each")
    check(packs(services[sussex])["cambridgeshire-pps"] == own, "--rules must apply the pack to every service")
    if failures:
        sys.exit(f"{len(failures)} failure(s)")
    print("ok")


if __name__ == "__main__":
    main()
