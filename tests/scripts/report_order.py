#!/usr/bin/env python3
"""Every report format lists findings in the one report order (man/ppsaudit.1, "The order of
findings").

Runs `ppsaudit check` on a subject in every format and reads back, from each format as its
reader sees it, which rules it lists with which result and in what order:
- JSON: the results must follow the documented key (framework by first appearance, strength
  strongest first, area by first appearance within the framework);
- JUnit and SARIF: the whole sequence of (rule, result) must equal the JSON's;
- text, Markdown and HTML, which list each result in its own block: for every result, the rules
  with that result must come in the JSON's order, and none may be missing.
Each comparison is also shown to fail on a reordered list, so that it cannot pass vacuously.

usage: report_order.py PPSAUDIT SOURCE_DIR -- CHECK_ARGS...
"""

import html
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

STRENGTHS = ["must", "must_have_regard", "should", "commitment", "minimum_standard", "good_practice", "best_practice"]
RESULTS = ["met", "not_met", "not_applicable", "needs_attestation", "not_assessable"]
failures = []


def fail(message):
    failures.append(message)
    print(f"FAIL: {message}")


def report(binary, cwd, args, fmt):
    done = subprocess.run([binary, "check", *args, "--fail-on", "none", "--format", fmt, "--color", "never"],
                          cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"ppsaudit check --format {fmt} exited {done.returncode}: {done.stderr}")
    return done.stdout


def check_report_order(service):
    """The results of one service follow the documented key: frameworks each in one run; within
    one, strengths strongest first; within a strength, each area in one run, and the areas in
    one order throughout the framework (their first appearance)."""
    results, name = service["results"], service["file"]
    runs = [results[0]["framework"]] if results else []
    for previous, result in zip(results, results[1:]):
        if result["framework"] != previous["framework"]:
            runs.append(result["framework"])
    if len(runs) != len(set(runs)):
        fail(f"json: {name}: a framework's results are split: {runs}")
    for framework in set(runs):
        rows = [r for r in results if r["framework"] == framework]
        strengths = [STRENGTHS.index(r["strength"]) for r in rows]
        if strengths != sorted(strengths):
            fail(f"json: {name}: {framework}: strengths are not strongest first: {strengths}")
        before = set()  # (a, b): area a is listed before area b
        for strength in set(strengths):
            areas = [r["area"] for r in rows if STRENGTHS.index(r["strength"]) == strength]
            area_runs = [a for i, a in enumerate(areas) if i == 0 or areas[i - 1] != a]
            if len(area_runs) != len(set(area_runs)):
                fail(f"json: {name}: {framework}: an area's results are split within a strength: {area_runs}")
            for i, a in enumerate(area_runs):
                for b in area_runs[i + 1:]:
                    before.add((a, b))
        conflicts = sorted((a, b) for a, b in before if (b, a) in before and a < b)
        if conflicts:
            fail(f"json: {name}: {framework}: areas come in different orders at different strengths: {conflicts}")


def from_json(text):
    sequence = []
    for service in json.loads(text)["services"]:
        check_report_order(service)
        sequence += [(result["rule"], result["result"]) for result in service["results"]]
    return sequence


def from_junit(text):
    sequence = []
    for case in ET.fromstring(text).iter("testcase"):
        failure, error, skipped = case.find("failure"), case.find("error"), case.find("skipped")
        if failure is not None:
            result = "needs_attestation" if failure.get("type") == "needs_attestation" else "not_met"
        elif error is not None:
            result = "not_assessable"
        elif skipped is not None:
            result = "not_applicable"
        else:
            result = "met"
        sequence.append((case.get("name"), result))
    return sequence


def from_sarif(text):
    kinds = {"pass": "met", "fail": "not_met", "review": "needs_attestation", "open": "not_assessable",
             "notApplicable": "not_applicable"}
    return [(r["ruleId"], kinds[r["kind"]]) for run in json.loads(text)["runs"] for r in run["results"]]


def from_text(text):
    heading = {"NOT MET": "not_met", "NOT ASSESSABLE": "not_assessable", "NEEDS ATTESTATION": "needs_attestation"}
    sequence = []
    # The text report wraps long lines, indenting the lines after the first by four or more
    # spaces: join them to the line they continue.
    text = re.sub(r"\n    +(?=\S)", " ", text)
    for line in text.splitlines():
        if m := re.match(r"  (NOT MET|NOT ASSESSABLE|NEEDS ATTESTATION) \[[^]]*\] (\S+): ", line):
            sequence.append((m.group(2), heading[m.group(1)]))
        elif m := re.match(r"  MET \(\d+\): (.*)$", line):
            sequence += [(rule, "met") for rule in m.group(1).split(", ")]
        elif m := re.match(r"  NOT APPLICABLE: (\S+) \(", line):
            sequence.append((m.group(1), "not_applicable"))
    return sequence


def unescape_markdown(text):
    return html.unescape(re.sub(r"\\(.)", r"\1", text))


def from_markdown(text):
    sections = {"Action list": "not_met", "Needs evidence": "not_assessable", "Needs attestation": "needs_attestation"}
    sequence, section = [], None
    for line in text.splitlines():
        if m := re.match(r"#+ (.*?)( \(.*\))?$", line):
            section = sections.get(m.group(1))
        elif section and (m := re.match(r"- \*\*(.+?)\*\*: ", line)):
            sequence.append((unescape_markdown(m.group(1)), section))
        elif m := re.match(r"- Met \(\d+\): (.*)$", line):
            # the list of rules met may wrap onto indented lines
            sequence += [(unescape_markdown(rule), "met") for rule in m.group(1).rstrip(",").split(", ") if rule]
            section = "met-list"
        elif section == "met-list" and line.startswith("  ") and not line.startswith("  -"):
            sequence += [(unescape_markdown(rule), "met") for rule in line.strip().rstrip(",").split(", ") if rule]
        elif m := re.match(r"  - (.+?): ", line):
            if section in ("met-list", "not-applicable"):
                sequence.append((unescape_markdown(m.group(1)), "not_applicable"))
                section = "not-applicable"
        elif line.startswith("- Not applicable"):
            section = "not-applicable"
    return sequence


def from_html(text):
    lists = {"list-not-met": "not_met", "list-not-assessable": "not_assessable", "list-attestation": "needs_attestation"}
    sequence = []
    # A rule id in the pack may break after a '/' (<wbr>): the id is the text without it.
    pattern = re.compile(r'<ol class="findings (list-[a-z-]+)">(.*?)</ol>|<caption>Met \(\d+\)</caption>(.*?)</table>|'
                         r"<caption>Not applicable \(\d+\)</caption>(.*?)</table>", re.S)
    for m in pattern.finditer(text):
        if m.group(1):
            sequence += [(html.unescape(rule.replace("<wbr>", "")), lists[m.group(1)])
                         for rule in re.findall(r"<li>\n<p><strong>.*?</strong>: (.*?)</p>", m.group(2))]
        else:
            rows = m.group(3) if m.group(3) is not None else m.group(4)
            result = "met" if m.group(3) is not None else "not_applicable"
            sequence += [(html.unescape(re.sub(r" \(fixed\)$", "", rule.replace("<wbr>", ""))), result)
                         for rule in re.findall(r'<tr><th scope="row">(.*?)</th>', rows)]
    return sequence


def by_result(sequence, result):
    return [rule for rule, r in sequence if r == result]


def same_order(name, expected, actual, whole):
    """Whether `actual` lists the rules as `expected` does: the whole sequence, or result by result."""
    if whole:
        return actual == expected
    return all(by_result(actual, r) == by_result(expected, r) for r in RESULTS)


def compare(name, expected, actual, whole):
    if same_order(name, expected, actual, whole):
        print(f"ok: {name}: {len(actual)} findings in report order")
    else:
        for result in RESULTS:
            if by_result(actual, result) != by_result(expected, result):
                fail(f"{name}: rules {result}: {by_result(actual, result)} != json's {by_result(expected, result)}")
        if whole and actual != expected and all(by_result(actual, r) == by_result(expected, r) for r in RESULTS):
            fail(f"{name}: results interleave differently from the json report")
    # The comparison must notice a reordering, or it proves nothing.
    for result in RESULTS:
        rules = by_result(expected, result)
        if len(set(rules)) > 1:
            shuffled = [(rule, result) for rule in reversed(rules)] + [(x, r) for x, r in expected if r != result]
            if same_order(name, expected, shuffled, whole):
                fail(f"{name}: the comparison did not notice a reversed list of rules {result}")
            break


def main():
    binary, source_dir, separator, *args = sys.argv[1:]
    assert separator == "--", __doc__
    expected = from_json(report(binary, source_dir, args, "json"))
    if len(expected) < 10 or len({r for _, r in expected}) < 2:
        fail(f"the subject gives too few findings ({len(expected)}) to show an order")
    readers = {"junit": (from_junit, True), "sarif": (from_sarif, True), "text": (from_text, False),
               "markdown": (from_markdown, False), "html": (from_html, False)}
    for fmt, (reader, whole) in readers.items():
        compare(fmt, expected, reader(report(binary, source_dir, args, fmt)), whole)
    if failures:
        sys.exit(f"{len(failures)} check(s) failed")


if __name__ == "__main__":
    main()
