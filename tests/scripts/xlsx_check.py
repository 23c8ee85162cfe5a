#!/usr/bin/env python3
"""The xlsx self-assessment workbook, read as a manager's spreadsheet program reads it (openpyxl):
for each example, its sheets, headers, frozen panes, filters and print set-up; every rule's row
(reference, criterion, RAG word and fill, what to do) against the JSON report of the same run;
the Summary's COUNTIF formulas, their stored results and what they count, against the JSON
counts; and the same bytes from two runs and from standard output.

With "refusals": a register, a path that cannot be written, an unusable TMPDIR and a terminal
are refused with exit 2 and a `ppsaudit: error:` message."""
import io
import json
import os
import pty
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

EXAMPLES = [("examples/cambridgeshire-pps.yaml", "2008-07-31"),
            ("examples/east-sussex-parent-link.yaml", "2011-12-31")]
HEADINGS = ["Reference", "Citation", "Criterion", "Area", "Strength", "RAG", "Evidence found", "What to do",
            "Owner", "Target date", "Notes"]
# Each result's word in the RAG column and its fill: met green, not met red, needs attestation
# and not assessable amber, not applicable grey.
RAG = {"met": ("Met", "FFC6EFCE"), "not_met": ("Not met", "FFFFC7CE"),
       "not_applicable": ("Not applicable", "FFD9D9D9"), "needs_attestation": ("Needs attestation", "FFFFEB9C"),
       "not_assessable": ("Not assessable", "FFFFEB9C")}
COUNTED = ["met", "not_met", "not_applicable", "needs_attestation", "not_assessable"]


def run(binary, *args, **kwargs):
    return subprocess.run([binary, "check", *args], capture_output=True, **kwargs)


def check_workbook(binary, example, as_of, folder, failures):
    name = os.path.basename(example)
    path = os.path.join(folder, name + ".xlsx")
    ran = run(binary, example, "--as-of", as_of, "--fail-on", "none", "--format", "json", "--output", f"xlsx={path}")
    if ran.returncode != 0:
        failures.append(f"{name}: exit {ran.returncode}: {ran.stderr!r}")
        return
    service = json.loads(ran.stdout)["services"][0]
    book = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)  # the formulas' stored results
    frameworks = service["frameworks"]
    if book.sheetnames[0] != "Summary" or len(book.sheetnames) != 1 + len(frameworks):
        failures.append(f"{name}: sheets {book.sheetnames}, not Summary and one per framework ({len(frameworks)})")
        return
    lowered = [sheet.lower() for sheet in book.sheetnames]
    if len(set(lowered)) != len(lowered):
        failures.append(f"{name}: sheet names not unique: {book.sheetnames}")
    for sheet in book.sheetnames:
        if len(sheet) > 31 or any(c in sheet for c in "[]:*?/\\") or sheet.startswith("'") or sheet.endswith("'"):
            failures.append(f"{name}: sheet name {sheet!r} is not one Excel takes")

    # The Summary: the service's facts, then a row per framework.
    summary = book["Summary"]
    facts = {summary.cell(row, 1).value: summary.cell(row, 2).value for row in range(1, 10)}
    for label, want in [("Service", service["name"]), ("Service id", service["id"]), ("Audit date", as_of),
                        ("Service file", service["file"])]:
        if facts.get(label) != want:
            failures.append(f"{name}: Summary {label} is {facts.get(label)!r}, not {want!r}")
    if not str(facts.get("Profile", "")).startswith(service["profile"] or "none"):
        failures.append(f"{name}: Summary profile {facts.get('Profile')!r}, not {service['profile']!r}")
    head = next((row for row in range(1, 30) if summary.cell(row, 1).value == "Framework"), None)
    if head is None:
        failures.append(f"{name}: the Summary has no Framework header")
        return
    want_head = ["Framework", "Sheet"] + [RAG[result][0] for result in COUNTED] + ["Total", "Practice level"]
    got_head = [summary.cell(head, col).value for col in range(1, len(want_head) + 1)]
    if got_head != want_head:
        failures.append(f"{name}: Summary header {got_head}, not {want_head}")
    if summary.freeze_panes != f"A{head + 1}":
        failures.append(f"{name}: Summary frozen at {summary.freeze_panes}, not below its header")

    results = service["results"]
    for index, framework in enumerate(frameworks):
        row = head + 1 + index
        sheet_name = summary.cell(row, 2).value
        if summary.cell(row, 1).value != framework["framework"] or sheet_name != book.sheetnames[1 + index]:
            failures.append(f"{name}: Summary row {row} names {summary.cell(row, 1).value!r} / {sheet_name!r}, "
                            f"not {framework['framework']!r} / {book.sheetnames[1 + index]!r}")
            continue
        sheet = book[sheet_name]
        quoted = "'" + sheet_name.replace("'", "''") + "'"
        for col, result in enumerate(COUNTED, start=3):
            formula = summary.cell(row, col).value
            want_formula = f'=COUNTIF({quoted}!$F:$F,"{RAG[result][0]}")'
            if formula != want_formula:
                failures.append(f"{name}: {sheet_name} {result} formula {formula!r}, not {want_formula!r}")
            stored = values["Summary"].cell(row, col).value
            counted = sum(1 for cells in sheet.iter_rows(min_row=2, min_col=6, max_col=6)
                          if cells[0].value == RAG[result][0])
            if stored != framework["counts"][result] or counted != framework["counts"][result]:
                failures.append(f"{name}: {sheet_name} {result}: stored {stored}, counted {counted}, "
                                f"JSON {framework['counts'][result]}")
        total = sum(framework["counts"].values())
        if summary.cell(row, 8).value != f"=SUM(C{row}:G{row})" or values["Summary"].cell(row, 8).value != total:
            failures.append(f"{name}: {sheet_name} total {summary.cell(row, 8).value!r} = "
                            f"{values['Summary'].cell(row, 8).value!r}, not {total}")
        level = framework["practice_level"] or "none"
        if summary.cell(row, 9).value != level:
            failures.append(f"{name}: {sheet_name} practice level {summary.cell(row, 9).value!r}, not {level!r}")

        # The framework's sheet: header, frozen, filtered, printed A4 landscape, fit to width,
        # the header row repeated on every page.
        rows = [r for r in results if r["framework"] == framework["framework"]]
        header = [cell.value for cell in sheet[1]]
        if header != HEADINGS:
            failures.append(f"{name}: {sheet_name} header {header}")
        if sheet.freeze_panes != "A2":
            failures.append(f"{name}: {sheet_name} frozen at {sheet.freeze_panes}, not A2")
        if sheet.auto_filter.ref != f"A1:K{len(rows) + 1}":
            failures.append(f"{name}: {sheet_name} filter {sheet.auto_filter.ref}, not A1:K{len(rows) + 1}")
        if str(sheet.print_title_rows).replace("$", "") != "1:1":
            failures.append(f"{name}: {sheet_name} print titles {sheet.print_title_rows!r}, not row 1")
        setup = sheet.page_setup
        if setup.orientation != "landscape" or str(setup.paperSize) != "9":
            failures.append(f"{name}: {sheet_name} printed {setup.orientation} on paper {setup.paperSize}")
        # fitToWidth left out is 1, the default (ECMA-376 Part 1, 18.3.1.63).
        if not sheet.sheet_properties.pageSetUpPr.fitToPage or setup.fitToWidth not in (None, 1, "1") or \
                str(setup.fitToHeight) != "0":
            failures.append(f"{name}: {sheet_name} not fit to one page wide")
        if sheet.max_row != len(rows) + 1:
            failures.append(f"{name}: {sheet_name} has {sheet.max_row - 1} rows, JSON {len(rows)} results")
        # Every row, in the JSON report's order.
        for number, result in enumerate(rows, start=2):
            cells = [cell for cell in sheet[number]]
            word, fill = RAG[result["result"]]
            rag = cells[5]
            got_fill = rag.fill.fgColor.rgb if rag.fill.fill_type == "solid" else None
            want_fix = result["fix"] if result["result"] in ("not_met", "not_assessable") else None
            problems = []
            if cells[0].value != result["rule"]:
                problems.append(f"reference {cells[0].value!r}")
            if cells[2].value != result["title"]:
                problems.append(f"criterion {cells[2].value!r}")
            if rag.value != word or got_fill != fill:
                problems.append(f"RAG {rag.value!r} on {got_fill}, not {word!r} on {fill}")
            if want_fix is not None and cells[7].value != (want_fix or None):
                problems.append(f"what to do {cells[7].value!r}")
            if result["message"] and result["message"] not in (cells[6].value or ""):
                problems.append(f"evidence {cells[6].value!r} without the message")
            for citation in result["citations"]:
                if citation["locator"] not in (cells[1].value or ""):
                    problems.append(f"citation {cells[1].value!r} without {citation['locator']!r}")
            if any(cell.value is not None for cell in cells[8:11]):
                problems.append("Owner / Target date / Notes not blank")
            if problems:
                failures.append(f"{name}: {sheet_name} row {number} ({result['rule']}): " + "; ".join(problems))

    # The workbook is made at the audit date, and is the same bytes run after run, whether
    # written with --output or to standard output.
    with zipfile.ZipFile(path) as archive:
        core = archive.read("docProps/core.xml").decode()
        if f"<dcterms:created xsi:type=\"dcterms:W3CDTF\">{as_of}T00:00:00Z</dcterms:created>" not in core:
            failures.append(f"{name}: the workbook's created time is not the audit date: {core}")
        stamps = {info.date_time for info in archive.infolist()}
        if stamps != {(1980, 1, 1, 0, 0, 0)}:
            failures.append(f"{name}: zip entry times vary: {stamps}")
    again = os.path.join(folder, name + ".again.xlsx")
    run(binary, example, "--as-of", as_of, "--fail-on", "none", "--output", f"xlsx={again}")
    with open(path, "rb") as first, open(again, "rb") as second:
        original = first.read()
        if original != second.read():
            failures.append(f"{name}: two runs wrote different workbooks")
    piped = run(binary, example, "--as-of", as_of, "--fail-on", "none", "--format", "xlsx")
    if piped.returncode != 0 or piped.stdout != original:
        failures.append(f"{name}: --format xlsx on standard output (exit {piped.returncode}) is not the same workbook")
    openpyxl.load_workbook(io.BytesIO(piped.stdout))


def refused(ran, what, wanted, failures):
    if ran.returncode != 2 or b"ppsaudit: error: " not in ran.stderr or wanted not in ran.stderr:
        failures.append(f"{what}: exit {ran.returncode}, stderr {ran.stderr!r}, not exit 2 saying {wanted!r}")


def check_refusals(binary, folder, failures):
    one, two = (example for example, _ in EXAMPLES)
    # A register: a workbook is one service's self-assessment, on standard output or to a file.
    ran = run(binary, one, two, "--as-of", "2011-12-31", "--format", "xlsx")
    refused(ran, "a register on standard output", b"one service's self-assessment", failures)
    if ran.stdout:
        failures.append("a refused register still wrote to standard output")
    target = os.path.join(folder, "register.xlsx")
    ran = run(binary, one, two, "--as-of", "2011-12-31", "--output", f"xlsx={target}", "--output",
              f"json={target}.json")
    refused(ran, "a register with --output xlsx=", b"one service's self-assessment", failures)
    if os.path.exists(target) or os.path.exists(target + ".json"):
        failures.append("a refused register still wrote a report")
    # A path that cannot be written: nothing written, no temporary file left beside it or in TMPDIR.
    scratch = os.path.join(folder, "tmp")
    os.mkdir(scratch)
    blocked = os.path.join(folder, "missing", "audit.xlsx")
    ran = run(binary, one, "--as-of", "2008-07-31", "--output", f"xlsx={blocked}",
              env={**os.environ, "TMPDIR": scratch})
    refused(ran, "an unwritable path", b"cannot write '" + blocked.encode() + b"'", failures)
    if os.listdir(scratch):
        failures.append(f"temporary files left in TMPDIR: {os.listdir(scratch)}")
    # A TMPDIR where the scratch workbook cannot be made.
    ran = run(binary, one, "--as-of", "2008-07-31", "--output", f"xlsx={os.path.join(folder, 'a.xlsx')}",
              env={**os.environ, "TMPDIR": os.path.join(folder, "no-such-folder")})
    refused(ran, "an unusable TMPDIR", b"cannot make a temporary file", failures)
    # A terminal: binary is not written to it.
    controller, terminal = pty.openpty()
    try:
        ran = subprocess.run([binary, "check", one, "--as-of", "2008-07-31", "--format", "xlsx"], stdout=terminal,
                             stderr=subprocess.PIPE)
    finally:
        os.close(terminal)
        os.close(controller)
    refused(ran, "a terminal", b"redirect it to a file, or use --output xlsx=PATH", failures)


def main():
    binary, source_dir, part = sys.argv[1:4]
    os.chdir(source_dir)
    failures = []
    with tempfile.TemporaryDirectory() as folder:
        if part == "workbook":
            for example, as_of in EXAMPLES:
                check_workbook(binary, example, as_of, folder, failures)
        else:
            check_refusals(binary, folder, failures)
    for failure in failures:
        print("FAIL: " + failure)
    print(f"xlsx {part}: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
