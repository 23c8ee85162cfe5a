#!/usr/bin/env python3
"""Checks `ppsaudit compare` against a hand-worked expectation file.

The file holds
    # args: compare A.yaml B.yaml --as-of DATE
    # only-a: PACK        (every rule of PACK is A's alone; repeatable)
    # only-b: PACK        (every rule of PACK is B's alone; repeatable)
    rule-id  A-result  B-result   # why
one line per rule on which the two differ. ppsaudit runs with those arguments plus --format
json; its differences must be exactly the file's (none missing, none extra, both results
equal); each rule of an only-a or only-b pack must be in that list and nowhere else; and every
rule of only_a and only_b must come from a pack the file names.
"""
import json
import os
import shlex
import subprocess
import sys


def read_expectations(path):
    args, only, expected = None, {"a": set(), "b": set()}, {}
    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            if raw.startswith("# args:"):
                args = shlex.split(raw[len("# args:"):])
                continue
            for side in ("a", "b"):
                if raw.startswith(f"# only-{side}:"):
                    only[side].add(raw.split(":", 1)[1].strip())
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split()
            if len(parts) != 3:
                sys.exit(f"{path}:{number}: expected 'rule-id A-result B-result', got {raw.strip()!r}")
            if parts[0] in expected:
                sys.exit(f"{path}:{number}: '{parts[0]}' is listed twice")
            if "#" not in raw:
                sys.exit(f"{path}:{number}: '{parts[0]}' has no reason")
            expected[parts[0]] = (parts[1], parts[2])
    if args is None:
        sys.exit(f"{path}: no '# args:' line")
    return args, only, expected


def main():
    binary, source_dir, expected_path = sys.argv[1:4]
    os.chdir(source_dir)
    args, only, expected = read_expectations(expected_path)
    run = subprocess.run([binary] + args + ["--format", "json"], capture_output=True, timeout=120)
    if run.returncode != 0:
        print(f"ppsaudit exited {run.returncode}:\n{run.stderr.decode()}")
        return 1
    report = json.loads(run.stdout)
    got = {r["rule"]: (r["a"]["result"], r["b"]["result"]) for r in report["differences"]}
    failures = []
    for rule in sorted(set(expected) | set(got)):
        if rule not in got:
            failures.append(f"  {rule}: expected to differ {expected[rule]}, but ppsaudit does not list it")
        elif rule not in expected:
            failures.append(f"  {rule}: ppsaudit lists a difference {got[rule]} the expectation file does not")
        elif expected[rule] != got[rule]:
            failures.append(f"  {rule}: expected {expected[rule]}, got {got[rule]}")
    for r in report["agreements"]:
        if r["a"]["result"] != r["b"]["result"]:
            failures.append(f"  {r['rule']}: listed as agreeing with results {r['a']['result']}, {r['b']['result']}")
    for side, other in (("a", "b"), ("b", "a")):
        for r in report[f"only_{side}"]:
            if r["pack"] not in only[side]:
                failures.append(f"  {r['rule']}: only {side.upper()} has it, but its pack is not named 'only-{side}'")
            if r[side] is None or r[other] is not None:
                failures.append(f"  {r['rule']}: only {side.upper()} has it, but the sides say otherwise")
        elsewhere = [r["rule"] for key in ("differences", "agreements", f"only_{other}") for r in report[key]
                     if r["pack"] in only[side]]
        for rule in elsewhere:
            failures.append(f"  {rule}: its pack is {side.upper()}'s alone, but it is listed as both sides'")
        if only[side] and not report[f"only_{side}"]:
            failures.append(f"  only {side.upper()} should have the rules of {', '.join(sorted(only[side]))}: none listed")
    if failures:
        print(f"FAIL {expected_path}:")
        print("\n".join(failures))
        return 1
    print(f"ok {expected_path}: {len(expected)} differences as expected, {len(report['agreements'])} agreements, "
          f"{len(report['only_a'])} only A, {len(report['only_b'])} only B")
    return 0


if __name__ == "__main__":
    sys.exit(main())
