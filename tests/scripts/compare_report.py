#!/usr/bin/env python3
"""Checks what `ppsaudit compare` writes, beyond its hand-worked differences:

- the JSON validates against schema/ppsaudit-compare.schema.json (Draft 2020-12), and the
  schema rejects a broken comparison, so that it cannot pass by checking nothing;
- every format is byte-identical across two runs, and --output FORMAT=PATH writes exactly what
  --format FORMAT prints;
- who attested a rule, and why a rule does not apply, are shown in every format, not hidden;
- a service offering advocacy (the 2018 sense) compared with one whose policy refuses to
  advocate (the 2001 sense) gets an era note naming both records, in every format; two services
  that do not pull apart get none.
"""
import copy
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

EXAMPLES = ["examples/cambridgeshire-pps.yaml", "examples/east-sussex-parent-link.yaml", "--as-of", "2011-12-31"]
ADVOCACY = ["tests/good-input/two-readings.yaml", "examples/east-sussex-parent-link.yaml", "--as-of", "2011-12-31"]
ATTESTED = ["examples/east-sussex-parent-link.yaml", "tests/good-input/compare-attested.yaml", "--as-of", "2011-12-31"]
# Before the NPPN 2010 exemplification applied: its rules are not applicable on both sides.
BEFORE_2010 = ["examples/cambridgeshire-pps.yaml", "examples/east-sussex-parent-link.yaml", "--as-of", "2008-07-31"]
FORMATS = ["text", "markdown", "html", "json"]


def compare(binary, args):
    run = subprocess.run([binary, "compare", *args], capture_output=True, timeout=120)
    if run.returncode != 0:
        sys.exit(f"ppsaudit compare {' '.join(args)} exited {run.returncode}:\n{run.stderr.decode()}")
    return run.stdout


def main():
    binary, source_dir = sys.argv[1:3]
    os.chdir(source_dir)
    failures = []
    with open("schema/ppsaudit-compare.schema.json", encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    reports = {}
    for name, args in (("examples", EXAMPLES), ("advocacy", ADVOCACY)):
        report = json.loads(compare(binary, args + ["--format", "json"]))
        reports[name] = report
        for error in validator.iter_errors(report):
            failures.append(f"{name}: schema error at {'/'.join(map(str, error.path))}: {error.message}")
    examples = reports["examples"]
    if not (examples["differences"] and examples["agreements"] and examples["only_a"] and examples["only_b"]):
        failures.append("the examples' comparison is too thin to prove anything")

    # The schema must be able to fail: an unknown result, and a one-sided rule with two sides.
    broken = copy.deepcopy(examples)
    broken["differences"][0]["a"]["result"] = "passed"
    broken["only_a"][0]["b"] = broken["only_a"][0]["a"]
    if len(list(validator.iter_errors(broken))) != 2:
        failures.append("the schema did not reject a broken comparison")

    # Across eras: the advocacy pair gets a note naming both records; the examples get none.
    directions = reports["advocacy"]["era_directions"]
    if len(directions) != 1 or directions[0]["a"]["line"] == 0 or directions[0]["b"]["line"] == 0:
        failures.append(f"the advocacy comparison should have one located era note, has {directions}")
    if examples["era_directions"]:
        failures.append("the examples do not pull apart across eras, but an era note is given")
    for fmt in ("text", "markdown", "html"):
        if "refuses to advocate" not in " ".join(compare(binary, ADVOCACY + ["--format", fmt]).decode().split()):
            failures.append(f"the {fmt} comparison does not show the era note")

    # Shown, not hidden: who attested (a difference) and why a rule does not apply (an agreement).
    attested = json.loads(compare(binary, ATTESTED + ["--format", "json"]))
    found = [r for r in attested["differences"] if r["rule"] == "sen-cop-2001/regard-to-guidance"]
    if not found or found[0]["b"]["message"] != "attested by Pat Example, manager on 2011-06-01":
        failures.append(f"the attested rule is not a difference naming who attested: {found}")
    before = json.loads(compare(binary, BEFORE_2010 + ["--format", "json"]))
    outside = [r for r in before["agreements"] if r["a"]["result"] == "not_applicable" and r["a"]["outside_era"]]
    if not outside:
        failures.append("comparing as of 2008-07-31 gives no rule that is not applicable on both sides")
    for fmt in ("text", "markdown", "html"):
        shown = " ".join(compare(binary, ATTESTED + ["--format", fmt]).decode().split())
        if "attested by Pat Example, manager on 2011-06-01" not in shown:
            failures.append(f"the {fmt} comparison does not say who attested")
        if outside:
            reason = " ".join(outside[0]["b"]["message"].split())
            shown = " ".join(compare(binary, BEFORE_2010 + ["--format", fmt]).decode().split())
            if fmt != "text" and reason.replace("'", "") not in shown.replace("\\", "").replace("&#39;", "").replace("'", ""):
                failures.append(f"the {fmt} comparison does not say why {outside[0]['rule']} does not apply")
            elif fmt == "text" and reason not in shown:
                failures.append(f"the text comparison does not say why {outside[0]['rule']} does not apply")

    # Deterministic, and --output writes what --format prints.
    with tempfile.TemporaryDirectory() as folder:
        for fmt in FORMATS:
            first = compare(binary, EXAMPLES + ["--format", fmt])
            if compare(binary, EXAMPLES + ["--format", fmt]) != first:
                failures.append(f"{fmt}: two runs differ")
            path = os.path.join(folder, f"compare.{fmt}")
            if compare(binary, EXAMPLES + ["--output", f"{fmt}={path}"]) != b"":
                failures.append(f"{fmt}: --output without --format also printed to standard output")
            with open(path, "rb") as handle:
                if handle.read() != first:
                    failures.append(f"{fmt}: --output wrote something other than --format prints")

    for failure in failures:
        print(failure)
    print(f"compare: {len(examples['differences'])} differences, {len(examples['agreements'])} agreements; "
          f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
