#!/usr/bin/env python3
"""Validates ppsaudit's JSON report of both examples (and of a service with several records at
fault) against schema/ppsaudit-report.schema.json
with the jsonschema library (Draft 2020-12), and checks that the schema rejects a broken report."""
import copy
import json
import os
import subprocess
import sys

import jsonschema


def main():
    binary, source_dir = sys.argv[1:3]
    os.chdir(source_dir)
    with open("schema/ppsaudit-report.schema.json", encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    run = subprocess.run([binary, "check", "examples/cambridgeshire-pps.yaml", "examples/east-sussex-parent-link.yaml",
                          "--rules", "examples/cambridgeshire-pps.rules.yaml", "--as-of", "2011-12-31",
                          "--due-within", "365", "--format", "json", "--fail-on", "none"],
                         capture_output=True, check=True)
    report = json.loads(run.stdout)
    errors = sorted(validator.iter_errors(report), key=lambda e: list(e.path))
    for error in errors:
        print(f"schema error at {'/'.join(map(str, error.path))}: {error.message}")
    results = sum(len(s["results"]) for s in report["services"])
    upcoming = sum(len(s["upcoming"]) for s in report["services"])
    if results == 0 or upcoming == 0:
        print(f"the report is too thin to prove anything: {results} results, {upcoming} deadlines")
        return 1
    # The schema must be able to fail: an unknown result and a missing key are both refused.
    broken = copy.deepcopy(report)
    broken["services"][0]["results"][0]["result"] = "passed"
    with_deadlines = next(s for s in broken["services"] if s["upcoming"])
    del with_deadlines["upcoming"][0]["due"]
    if len(list(validator.iter_errors(broken))) != 2:
        print("the schema did not reject a broken report")
        return 1
    # Each result that needs attestation carries the YAML that attests it, and no other result does.
    results_all = [r for s in report["services"] for r in s["results"]]
    attest = [r for r in results_all if r["result"] == "needs_attestation"]
    if not attest or any("attestation_yaml" not in r for r in attest) or any(
            "attestation_yaml" in r for r in results_all if r["result"] != "needs_attestation"):
        print("'attestation_yaml' must be on every result that needs attestation, and on no other")
        return 1
    broken_attest = copy.deepcopy(report)
    next(r for s in broken_attest["services"] for r in s["results"] if "attestation_yaml" in r)["attestation_yaml"] = ""
    if len(list(validator.iter_errors(broken_attest))) != 1:
        print("the schema did not reject an empty 'attestation_yaml'")
        return 1
    # A 2008 service audited under the 2014 Act: the era warnings validate too.
    era = subprocess.run([binary, "check", "examples/cambridgeshire-pps.yaml", "--profile", "iass", "--as-of",
                          "2008-07-31", "--format", "json", "--fail-on", "none"], capture_output=True, check=True)
    era_report = json.loads(era.stdout)
    era_errors = list(validator.iter_errors(era_report))
    for error in era_errors:
        print(f"schema error in the era report at {'/'.join(map(str, error.path))}: {error.message}")
    warnings = len(era_report["services"][0]["warnings"])
    if warnings == 0:
        print("the era report has no warnings")
        return 1
    # Two untrained people: a finding's other records at fault ('also_at') validate too.
    at_fault = subprocess.run([binary, "check", "tests/good-input/records-at-fault.yaml", "--as-of", "2010-07-31",
                               "--format", "json", "--fail-on", "none"], capture_output=True, check=True)
    at_fault_report = json.loads(at_fault.stdout)
    at_fault_errors = list(validator.iter_errors(at_fault_report))
    for error in at_fault_errors:
        print(f"schema error in the records-at-fault report at {'/'.join(map(str, error.path))}: {error.message}")
    also_at = sum(len(r.get("also_at", [])) for s in at_fault_report["services"] for r in s["results"])
    if also_at == 0:
        print("the records-at-fault report has no 'also_at'")
        return 1
    # A register with one broken file: the roll-up and the error entry validate too.
    register = subprocess.run([binary, "check", "tests/register", "tests/register-broken", "--as-of", "2011-12-31",
                               "--format", "json", "--fail-on", "none"], capture_output=True)
    if register.returncode != 2:
        print(f"the register with a broken file exited {register.returncode}, not 2")
        return 1
    register_report = json.loads(register.stdout)
    register_errors = list(validator.iter_errors(register_report))
    for error in register_errors:
        print(f"schema error in the register report at {'/'.join(map(str, error.path))}: {error.message}")
    if len(register_report["errors"]) != 1 or len(register_report["rollup"]) < 21:
        print("the register report lacks its error entry or its roll-up")
        return 1
    broken_register = copy.deepcopy(register_report)
    broken_register["errors"][0]["diagnostics"] = []
    broken_register["rollup"][0]["status"] = "fine"
    if len(list(validator.iter_errors(broken_register))) != 2:
        print("the schema did not reject a broken register report")
        return 1
    errors += register_errors
    print(f"register report: {len(register_report['rollup'])} roll-up rows, {len(register_errors)} schema errors")
    # Against a baseline: every result marked, and the baseline's absent results listed.
    compared = subprocess.run([binary, "check", "tests/baseline/riverside-changed.yaml", "--as-of", "2011-06-30",
                               "--baseline", "tests/baseline/riverside-2011.json", "--format", "json",
                               "--fail-on", "none"], capture_output=True, check=True)
    compared_report = json.loads(compared.stdout)
    compared_errors = list(validator.iter_errors(compared_report))
    for error in compared_errors:
        print(f"schema error in the baseline report at {'/'.join(map(str, error.path))}: {error.message}")
    counts = compared_report["baseline"]["counts"]
    if not all(counts[state] > 0 for state in ("new", "unchanged", "fixed", "absent")):
        print(f"the baseline report does not show every state: {counts}")
        return 1
    broken_compared = copy.deepcopy(compared_report)
    broken_compared["services"][0]["results"][0]["baseline"] = "absent"
    del broken_compared["baseline"]["absent"][0]["service_audited"]
    if len(list(validator.iter_errors(broken_compared))) != 2:
        print("the schema did not reject a broken baseline report")
        return 1
    errors += compared_errors
    print(f"baseline report: {counts}, {len(compared_errors)} schema errors")
    print(f"json report: {len(report['services'])} services, {results} results, {upcoming} deadlines, "
          f"{len(errors)} schema errors; era report: {warnings} warnings, {len(era_errors)} schema errors; "
          f"records at fault: {also_at} other records, {len(at_fault_errors)} schema errors")
    return 1 if errors or era_errors or at_fault_errors else 0


if __name__ == "__main__":
    sys.exit(main())
