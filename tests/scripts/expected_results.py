#!/usr/bin/env python3
"""Checks every rule's result for an example service against a hand-worked expectation file.

The expectation file (examples/NAME.expected) holds:
    # args: check examples/NAME.yaml --rules examples/NAME.rules.yaml --as-of 2008-07-31
    rule-id  result   # why, from the policy text and the example's data
one line per rule. ppsaudit runs with those arguments plus --format json --fail-on none, and
the set of (rule, result) pairs must be exactly the file's: no rule missing, none extra.
"""
import json
import os
import shlex
import subprocess
import sys


def main():
    binary, source_dir, expected_path = sys.argv[1:4]
    os.chdir(source_dir)
    args = None
    expected = {}
    with open(expected_path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            line = raw.split("#", 1)[0].strip() if not raw.startswith("# args:") else ""
            if raw.startswith("# args:"):
                args = shlex.split(raw[len("# args:"):])
                continue
            if not line:
                continue
            parts = line.split()
            if len(parts) != 2:
                print(f"{expected_path}:{number}: expected 'rule-id result', got {raw.strip()!r}")
                return 1
            if parts[0] in expected:
                print(f"{expected_path}:{number}: '{parts[0]}' is listed twice")
                return 1
            expected[parts[0]] = parts[1]
    if args is None:
        print(f"{expected_path}: no '# args:' line")
        return 1
    run = subprocess.run([binary] + args + ["--format", "json", "--fail-on", "none"], capture_output=True, timeout=120)
    if run.returncode != 0:
        print(f"ppsaudit exited {run.returncode}:\n{run.stderr.decode()}")
        return 1
    report = json.loads(run.stdout)
    got = {}
    for service in report["services"]:
        for result in service["results"]:
            got[result["rule"]] = result["result"]
    failures = []
    for rule in sorted(set(expected) | set(got)):
        if rule not in got:
            failures.append(f"  {rule}: expected {expected[rule]}, but ppsaudit did not evaluate it")
        elif rule not in expected:
            failures.append(f"  {rule}: ppsaudit gave {got[rule]}, but the expectation file does not list it")
        elif expected[rule] != got[rule]:
            failures.append(f"  {rule}: expected {expected[rule]}, got {got[rule]}")
    if failures:
        print(f"FAIL {expected_path}:")
        print("\n".join(failures))
        return 1
    print(f"ok {expected_path}: {len(expected)} results as expected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
