#!/usr/bin/env python3
"""Checks that Spectral gives ppsaudit's verdicts, file by file and rule by rule.

    bench/compare.py PPSAUDIT_JSON SPECTRAL_JSON RULESET [PPSAUDIT_JSON SPECTRAL_JSON RULESET]...

Each triple is one era: ppsaudit's JSON report (check --format json) of some files, Spectral's
JSON output (lint -f json) on the same files, and the Spectral ruleset it ran, whose rule
names are ppsaudit rule ids. For every file of the report and every rule of the ruleset,
Spectral must fire exactly when ppsaudit's result is not_met or not_assessable (a missing key is
never met), and stay silent when it is met or not_applicable. A rule that ppsaudit did not
judge on a file, or judged needs_attestation, is counted as skipped, and a skipped pair fails
the comparison like a disagreement: it is never counted as agreeing. Prints a table by rule;
exit status 0 when every pair agrees, 1 otherwise. Python 3 standard library only."""
import collections
import json
import os
import re
import sys

FINDING = {"not_met", "not_assessable"}
SILENT = {"met", "not_applicable"}


def ruleset_ids(path):
    """The rule names of a Spectral ruleset: the keys two spaces in under 'rules:'."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    block = text.split("\nrules:\n", 1)[1]
    return re.findall(r"(?m)^  ([a-z0-9-]+/[a-z0-9-]+):\s*$", block)


def compare(report_path, spectral_path, ruleset_path, tally, problems):
    rules = ruleset_ids(ruleset_path)
    with open(report_path, encoding="utf-8") as handle:
        report = json.load(handle)
    with open(spectral_path, encoding="utf-8") as handle:
        spectral = json.load(handle)
    fired = set()
    for finding in spectral:
        source = os.path.realpath(finding.get("source", ""))
        if finding.get("code") not in rules:
            problems.append("%s: Spectral reported '%s': %s" % (source, finding.get("code"), finding.get("message")))
            continue
        fired.add((source, finding["code"]))
    files = set()
    for service in report["services"]:
        path = os.path.realpath(service["file"])
        files.add(path)
        results = {r["rule"]: r["result"] for r in service["results"]}
        for rule in rules:
            result = results.get(rule, "not judged")
            spoke = (path, rule) in fired
            row = tally[rule]
            row["files"] += 1
            if result in FINDING or result in SILENT:
                agrees = spoke == (result in FINDING)
                row[("agree " if agrees else "disagree ") + result] += 1
                if not agrees:
                    problems.append("%s: %s: ppsaudit says %s, Spectral %s" % (
                        path, rule, result, "fired" if spoke else "was silent"))
            else:
                row["skipped"] += 1
                problems.append("%s: %s: skipped (ppsaudit: %s)" % (path, rule, result))
    for source, rule in sorted(fired):
        if source not in files:
            problems.append("%s: Spectral linted a file ppsaudit did not audit" % source)
    return len(files)


def main(argv):
    if len(argv) < 3 or len(argv) % 3:
        sys.exit(__doc__.split("\n\n")[1])
    tally = collections.defaultdict(collections.Counter)
    problems = []
    files = 0
    for i in range(0, len(argv), 3):
        files += compare(argv[i], argv[i + 1], argv[i + 2], tally, problems)
    pairs = sum(row["files"] for row in tally.values())
    agree = sum(n for row in tally.values() for k, n in row.items() if k.startswith("agree "))
    print("%-50s %5s %8s %8s %8s %8s %8s" % ("rule", "files", "not_met", "not_ass.", "met", "not_app.", "disagree"))
    for rule in sorted(tally):
        row = tally[rule]
        disagree = sum(n for k, n in row.items() if k.startswith("disagree ")) + row["skipped"]
        print("%-50s %5d %8d %8d %8d %8d %8d" % (rule, row["files"], row["agree not_met"], row["agree not_assessable"],
                                                row["agree met"], row["agree not_applicable"], disagree))
    for problem in problems:
        print("compare: " + problem)
    ok = not problems and pairs > 0 and agree == pairs
    print("compare: %d rules on %d files: %d of %d verdicts agree%s" % (
        len(tally), files, agree, pairs, "" if ok else " (FAILED)"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
