#!/usr/bin/env python3
"""Values read from words that mean two things (man/ppsaudit-service.5, cadence) stay visible:
every report format names the words, both readings, where the values are, and the results the
other reading would change (issue 9 §6).

Two subjects:
- the Cambridgeshire example as of 2008-07-31: its policy says "bi-annual"; both of its policies
  are read together as every two years, and read as twice a year two results would change from
  met to not met (the Code's twice-yearly review would have fallen due on 2008-04-16);
- tests/good-input/two-readings.yaml as of 2019-06-01, written for the test: two sets of words,
  read apart; the first changes the 2018 standard on reviewing the impartiality policy from not
  met to met, the second changes nothing. Its advocacy gets the era note.

Each expectation is computed from the JSON and then looked for in text, Markdown, HTML, JUnit
and SARIF, so no format can drop them. `compare` of the two shows each side's readings as
`check` does, in text, Markdown, HTML and JSON.

usage: readings.py PPSAUDIT SOURCE_DIR
"""

import html
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"FAIL: {message}")


def run(binary, cwd, args, fmt):
    done = subprocess.run([binary, "check", *args, "--fail-on", "none", "--format", fmt, "--color", "never"],
                          cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"ppsaudit check --format {fmt} exited {done.returncode}: {done.stderr}")
    return done.stdout


def subject(binary, cwd, args, expected):
    """`expected`: per reading, (source, reading, alternative, [value paths], {rule: (from, to)})."""
    service = json.loads(run(binary, cwd, args, "json"))["services"][0]
    readings = service["readings"]
    check(len(readings) == len(expected), f"{args[0]}: {len(readings)} readings, expected {len(expected)}")
    for got, (source, reading, alternative, paths, changes) in zip(readings, expected):
        check(got["source"] == source, f"{args[0]}: source {got['source']!r}, expected {source!r}")
        check((got["reading"], got["alternative"]) == (reading, alternative),
              f"{args[0]}: read {got['reading']} / {got['alternative']}, expected {reading} / {alternative}")
        check([v["path"] for v in got["values"]] == paths, f"{args[0]}: values {got['values']}, expected {paths}")
        got_changes = {c["rule"]: (c["result"], c["alternative_result"]) for c in got["changes"]}
        check(got_changes == changes, f"{args[0]}: changes {got_changes}, expected {changes}")

    # The text report wraps its lines at 100 columns: read it with each run of spaces and line
    # breaks as one space (the values' paths, one word each, are unchanged by that).
    text = " ".join(run(binary, cwd, args, "text").split())
    # Markdown is wrapped and escaped: read it as its reader does, as words.
    markdown = " ".join(run(binary, cwd, args, "markdown").replace("\\", "").split())
    page = html.unescape(run(binary, cwd, args, "html"))
    junit = ET.fromstring(run(binary, cwd, args, "junit"))
    sarif = json.loads(run(binary, cwd, args, "sarif"))
    junit_readings = [p.get("value") for p in junit.iter("property") if p.get("name") == "other_reading"]
    notifications = [n for run_ in sarif["runs"] for inv in run_.get("invocations", [])
                     for n in inv["toolExecutionNotifications"] if n["descriptor"]["id"] == "other_reading"]
    check(len(notifications) == len(expected), f"{args[0]}: SARIF has {len(notifications)} other readings")
    for source, reading, alternative, paths, changes in expected:
        words = f"\u201c{source}\u201d"
        check(f"two readings: {words} is read as {reading}; read as {alternative}" in text,
              f"{args[0]}: text lacks the reading of {source!r}")
        check(words in markdown and "Two readings" in markdown,
              f"{args[0]}: Markdown lacks the reading of {source!r}")
        check(words in page and "Two readings" in page, f"{args[0]}: HTML lacks the reading of {source!r}")
        check(any(words in value for value in junit_readings), f"{args[0]}: JUnit lacks the reading of {source!r}")
        found = [n for n in notifications if words in n["message"]["text"]]
        check(len(found) == 1 and len(found[0]["locations"]) == len(paths),
              f"{args[0]}: SARIF has no notification, with one location a value, for {source!r}")
        for path in paths:
            check(path in text and path in markdown and path in page,
                  f"{args[0]}: text, Markdown or HTML lacks the value {path}")
        for rule, (was, would) in changes.items():
            sentence = f"{rule}: {was.replace('_', ' ')}, but {would.replace('_', ' ')} under the other reading"
            for name, body in (("text", text), ("Markdown", markdown), ("HTML", page),
                               ("SARIF", json.dumps(found[0]["message"]["text"], ensure_ascii=False) if found else "")):
                check(sentence in body, f"{args[0]}: {name} lacks {sentence!r}")
    return service


def compared(binary, cwd):
    """`compare` shows each side's readings as `check` does: JSON's are check's, and text,
    Markdown and HTML name the words and each result that would change."""
    sides = ["examples/cambridgeshire-pps.yaml", "tests/good-input/two-readings.yaml"]
    as_of = "2019-06-01"

    def compare(fmt):
        done = subprocess.run([binary, "compare", *sides, "--as-of", as_of, "--format", fmt], cwd=cwd,
                              capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"ppsaudit compare --format {fmt} exited {done.returncode}: {done.stderr}")
        return done.stdout

    comparison = json.loads(compare("json"))
    text = compare("text")
    markdown = " ".join(compare("markdown").replace("\\", "").split())
    page = html.unescape(compare("html"))
    for side, path in zip(("a", "b"), sides):
        checked = json.loads(run(binary, cwd, [path, "--as-of", as_of], "json"))["services"][0]["readings"]
        check(comparison[side]["readings"] == checked and checked,
              f"compare: side {side}'s readings differ from check's: {comparison[side]['readings']}")
        for reading in checked:
            words = f"\u201c{reading['source']}\u201d"
            check(f"two readings: {words} is read as {reading['reading']}" in text, f"compare: text lacks {words}")
            check(words in markdown and "Two readings" in markdown, f"compare: Markdown lacks {words}")
            check(words in page and "Two readings" in page, f"compare: HTML lacks {words}")
            for change in reading["changes"]:
                for name, body in (("text", text), ("Markdown", markdown), ("HTML", page)):
                    check(f"{change['rule']}: {change['result'].replace('_', ' ')}, but" in body,
                          f"compare: {name} lacks the change of {change['rule']}")


def main():
    binary, source_dir = sys.argv[1], sys.argv[2]
    due = "PAG consider and reviews all PPS policies on a bi-annual basis"
    subject(binary, source_dir,
            ["examples/cambridgeshire-pps.yaml", "--rules", "examples/cambridgeshire-pps.rules.yaml",
             "--as-of", "2008-07-31"],
            [(due, "biennially", "twice-yearly",
              ["policies[id=impartiality].review.cadence", "policies[id=confidentiality].review.cadence"],
              {"nppn-impartiality/review-on-time": ("met", "not_met"),
               "cambridgeshire-pps/policy-review": ("met", "not_met")})])
    service = subject(binary, source_dir, ["tests/good-input/two-readings.yaml", "--as-of", "2019-06-01"],
                      [("The steering group reviews this policy bi-annually", "twice-yearly", "biennially",
                        ["policies[id=impartiality].review.cadence"],
                        {"iass-2018/impartiality-policy-reviewed": ("not_met", "met")}),
                       ("Reviewed on a biannual basis", "biennially", "twice-yearly",
                        ["policies[id=confidentiality].review.cadence"], {})])
    notes = service["notes"]
    check(len(notes) == 1 and notes[0]["kind"] == "era_conflict" and "advocacy" in notes[0]["message"]
          and notes[0]["location"]["line"] == 16,
          f"two-readings: expected one advocacy note at line 16, got {notes}")
    # The audit itself follows the reading the file takes.
    results = {r["rule"]: r["result"] for r in service["results"]}
    check(results.get("iass-2018/impartiality-policy-reviewed") == "not_met",
          "two-readings: the audit must follow the file's reading (twice-yearly: overdue)")
    compared(binary, source_dir)
    if failures:
        sys.exit(f"{len(failures)} failure(s)")
    print("ok")


if __name__ == "__main__":
    main()
