#!/usr/bin/env python3
"""End-to-end tests of `ppsaudit due`, one CTest test per case (tests/e2e/due.cmake):
usage: due.py BINARY SOURCE_DIR WORK_DIR CASE. Each case fails with a message on stdout."""
import json
import os
import re
import shutil
import subprocess
import sys

EXAMPLES = {
    "cambridgeshire": ("examples/cambridgeshire-pps.yaml", "2008-07-31"),
    "east-sussex": ("examples/east-sussex-parent-link.yaml", "2011-12-31"),
}
# Nothing of either example is overdue on its audit date above; on these dates one thing is:
# Cambridgeshire's next annual report (due 2008-11-01, a year after the last), and East
# Sussex's booked impartiality course of 2012-01-18, with no record of it done.
OVERDUE_ON = {"cambridgeshire": "2008-11-15", "east-sussex": "2012-01-31"}


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def run(binary, *args, status=0):
    done = subprocess.run([binary, "due", *args], capture_output=True, check=False)
    check(done.returncode == status,
          f"ppsaudit due {' '.join(args)} exited {done.returncode}, not {status}:\n{done.stderr.decode()}")
    return done


def as_json(binary, *args):
    return json.loads(run(binary, *args, "--format", "json").stdout)


def calendar_of(data):
    import icalendar  # Debian's python3-icalendar
    calendar = icalendar.Calendar.from_ical(data)
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    return calendar, events


def items_of(report):
    return [item for service in report["services"] for item in service["items"]]


def case_text(binary, example):
    path, as_of = EXAMPLES[example]
    text = run(binary, path, "--as-of", as_of).stdout.decode()
    report = as_json(binary, path, "--as-of", as_of)
    items = items_of(report)
    check(items, f"{path} has no obligations as of {as_of}")
    lines = [line for line in text.splitlines() if re.match(r"  (overdue|due) +\d{4}-", line)]
    check(len(lines) == len(items), f"the text lists {len(lines)} items, the JSON {len(items)}:\n{text}")
    for line, item in zip(lines, items):
        check(item["due"] in line and item["what"] in line, f"text line {line!r} is not item {item}")
        check(line.strip().startswith("overdue") == (item["status"] == "overdue"), f"{line!r} has the wrong status")
    statuses = [item["status"] for item in items]
    check(statuses == sorted(statuses), f"an overdue item follows one that is not: {statuses}")


def case_overdue(binary, example):
    """The example has an overdue item: listed first, and --fail-on-overdue exits 1."""
    path, on_audit_date = EXAMPLES[example]
    check(not any(i["status"] == "overdue" for i in items_of(as_json(binary, path, "--as-of", on_audit_date))),
          f"{path} has something overdue on {on_audit_date}: update OVERDUE_ON's comment")
    run(binary, path, "--as-of", on_audit_date, "--fail-on-overdue")
    as_of = OVERDUE_ON[example]
    items = items_of(as_json(binary, path, "--as-of", as_of))
    check(any(item["status"] == "overdue" for item in items), f"{path} has nothing overdue as of {as_of}")
    check(items[0]["status"] == "overdue", "the first item is not the overdue one")
    for item in items:
        check((item["due"] < as_of) == (item["status"] == "overdue"), f"status and date disagree: {item}")
    run(binary, path, "--as-of", as_of, "--fail-on-overdue", status=1)
    # --within keeps what is overdue, and drops only what is further ahead.
    within = items_of(as_json(binary, path, "--as-of", as_of, "--within", "0"))
    check([i for i in within if i["status"] == "overdue"] == [i for i in items if i["status"] == "overdue"],
          "--within 0 dropped an overdue item")
    check(all(i["due"] <= as_of for i in within), "--within 0 kept an item due after the audit date")


def case_json_schema(binary, source_dir):
    import jsonschema
    with open(os.path.join(source_dir, "schema/ppsaudit-due.schema.json"), encoding="utf-8") as handle:
        schema = json.load(handle)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path, as_of in EXAMPLES.values():
        for extra in ([], ["--within", "180"]):
            report = as_json(binary, path, "--as-of", as_of, *extra)
            errors = list(validator.iter_errors(report))
            check(not errors, f"{path}: " + "; ".join(f"{list(e.path)}: {e.message}" for e in errors))
            check(items_of(report), f"{path}: no items, which proves nothing")
    broken = json.loads(json.dumps(report))
    del broken["services"][0]["items"][0]["due"]
    broken["services"][0]["items"][-1]["status"] = "late"
    check(len(list(validator.iter_errors(broken))) == 2, "the schema did not reject a broken list")


def case_ics(binary, example):
    """The calendar has the JSON's items as all-day events with a reminder, in RFC 5545's form,
    on the example's audit date and on a date when something is overdue."""
    path, as_of = EXAMPLES[example]
    calendar_matches_json(binary, path, as_of)
    events = calendar_matches_json(binary, path, OVERDUE_ON[example])
    check(any(str(e["SUMMARY"]).startswith("OVERDUE: ") for e in events), "no overdue event in the calendar")


def calendar_matches_json(binary, path, as_of):
    data = run(binary, path, "--as-of", as_of, "--format", "ics").stdout
    items = items_of(as_json(binary, path, "--as-of", as_of))
    check(data.endswith(b"\r\n") and b"\n" not in data.replace(b"\r\n", b""), "a line does not end in CRLF")
    for line in data.split(b"\r\n"):
        check(len(line) <= 75, f"a line of {len(line)} octets: {line!r}")
        line.decode("utf-8")  # never folded inside a character
    calendar, events = calendar_of(data)
    check(str(calendar["VERSION"]) == "2.0" and "PRODID" in calendar, "VERSION or PRODID missing")
    check(len(events) == len(items), f"{len(events)} events, {len(items)} items")
    by_uid = {str(e["UID"]): e for e in events}
    check(len(by_uid) == len(events), "two events share a UID")
    for item in items:
        event = by_uid.get(item["uid"])
        check(event is not None, f"no event for {item}")
        start = event["DTSTART"].dt
        end = event["DTEND"].dt
        check(start.isoformat() == item["due"], f"event {item['uid']} starts {start}, the item is due {item['due']}")
        check(not hasattr(start, "hour"), "an event is not all-day")
        check((end - start).days == 1, f"event {item['uid']} ends {end}, not the next day")
        check(item["what"] in str(event["SUMMARY"]), f"summary {event['SUMMARY']!r} lacks {item['what']!r}")
        check(str(event["SUMMARY"]).startswith("OVERDUE: ") == (item["status"] == "overdue"),
              f"summary {event['SUMMARY']!r} disagrees with status {item['status']}")
        check(item["rule"] in str(event["DESCRIPTION"]), "the description does not name the rule")
        alarms = [c for c in event.subcomponents if c.name == "VALARM"]
        check(len(alarms) == 1, "an event has no reminder")
        check(alarms[0]["TRIGGER"].to_ical() == b"-P14D", f"the reminder is {alarms[0]['TRIGGER'].to_ical()}")
        check(str(event["DTSTAMP"].to_ical().decode()) == as_of.replace("-", "") + "T000000Z", "DTSTAMP not the as-of")
    return events


def case_deterministic(binary, work_dir):
    """The same input and --as-of give the same bytes, on standard output and in --output files."""
    os.makedirs(work_dir, exist_ok=True)
    paths = [p for p, _ in EXAMPLES.values()]
    for fmt in ("text", "json", "ics"):
        outputs = []
        for n in (1, 2):
            target = os.path.join(work_dir, f"due-{n}.{fmt}")
            run(binary, *paths, "--as-of", "2011-12-31", "--format", fmt, "--output", target)
            with open(target, "rb") as handle:
                outputs.append(handle.read())
            outputs.append(run(binary, *paths, "--as-of", "2011-12-31", "--format", fmt).stdout)
        check(len(outputs[0]) > 200, f"the {fmt} list is only {len(outputs[0])} bytes")
        check(all(o == outputs[0] for o in outputs), f"the {fmt} lists differ between runs or from --output")


def case_uid_stable(binary, work_dir):
    """UIDs stay when the file is edited: lines moved, a date changed; and differ between services."""
    os.makedirs(work_dir, exist_ok=True)
    path, as_of = EXAMPLES["cambridgeshire"]
    first = run(binary, path, "--as-of", as_of, "--format", "ics").stdout
    second = run(binary, path, "--as-of", as_of, "--format", "ics").stdout
    uids = sorted(str(e["UID"]) for e in calendar_of(first)[1])
    check(uids == sorted(str(e["UID"]) for e in calendar_of(second)[1]), "UIDs differ between two runs")
    # The edited copy has the local pack it names beside it.
    shutil.copy("examples/cambridgeshire-pps.rules.yaml", work_dir)
    edited_path = os.path.join(work_dir, "cambridgeshire-pps.yaml")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    # Three comment lines at the top move every record down; the annual report moves a month.
    edited = text.replace("ppsaudit: 1\n", "ppsaudit: 1\n# moved\n# down\n# three lines\n", 1)
    check(edited != text, "the example does not start as expected")
    edited = edited.replace("published: 2007-11-01", "published: 2007-12-03", 1)
    with open(edited_path, "w", encoding="utf-8") as handle:
        handle.write(edited)
    before = {i["uid"]: i for i in items_of(as_json(binary, path, "--as-of", as_of))}
    after = {i["uid"]: i for i in items_of(as_json(binary, edited_path, "--as-of", as_of))}
    check(sorted(before) == sorted(after), f"UIDs changed with the edit: {sorted(set(before) ^ set(after))}")
    moved = [u for u in before if before[u]["location"]["line"] != after[u]["location"]["line"]]
    check(moved, "the edit moved no item's line, which proves nothing")
    redated = [u for u in before if before[u]["due"] != after[u]["due"]]
    check(redated, "the edit changed no item's date, which proves nothing")
    other = {i["uid"] for i in items_of(as_json(binary, EXAMPLES["east-sussex"][0], "--as-of", as_of))}
    check(not other & set(before), "two services share a UID")


def case_output_refused(binary, work_dir):
    """--output may not replace the service file it reads; nothing is written then."""
    os.makedirs(work_dir, exist_ok=True)
    service = os.path.join(work_dir, "service.yaml")
    shutil.copy(EXAMPLES["east-sussex"][0], service)
    with open(service, "rb") as handle:
        before = handle.read()
    done = run(binary, service, "--format", "ics", "--output", service, status=2)
    check(b"error:" in done.stderr, f"no error: {done.stderr!r}")
    with open(service, "rb") as handle:
        check(handle.read() == before, "the service file was replaced")


def case_bad_input(binary, work_dir):
    """Bad options and bad files exit 2 with a located or named error, and write nothing."""
    path, as_of = EXAMPLES["east-sussex"]
    for args, expected in (
        (["--within", "-3"], "--within"),
        (["--within", "soon"], "--within"),
        (["--format", "pdf"], "--format"),
        (["--as-of", "2011-02-30"], "2011-02-30"),
        (["--witin", "3"], "did you mean '--within'"),
    ):
        done = run(binary, path, "--as-of", as_of, *args, status=2) if "--as-of" not in args else \
            run(binary, path, *args, status=2)
        err = done.stderr.decode()
        check(err.startswith("ppsaudit: error:") and expected in err, f"{args}: unclear message {err!r}")
        check(done.stdout == b"", f"{args}: wrote {done.stdout!r}")
    os.makedirs(work_dir, exist_ok=True)
    broken = os.path.join(work_dir, "broken.yaml")
    with open(broken, "w", encoding="utf-8") as handle:
        handle.write("ppsaudit: 1\nservice:\n  name: X\n  meetngs: 1\n")
    done = run(binary, broken, path, "--as-of", as_of, "--format", "ics", status=2)
    check(re.search(r"broken\.yaml:\d+:\d+: error: ", done.stderr.decode()), f"not located: {done.stderr!r}")
    check(done.stdout == b"", "a calendar was written though a file is broken")
    done = run(binary, status=2)
    check("due needs at least one service file" in done.stderr.decode(), f"{done.stderr!r}")


def case_quiet(binary):
    path = EXAMPLES["cambridgeshire"][0]
    done = run(binary, path, "--as-of", OVERDUE_ON["cambridgeshire"], "--quiet", "--fail-on-overdue", status=1)
    check(done.stdout == b"" and done.stderr == b"", "--quiet printed something")


def main():
    binary, source_dir, work_dir, case = sys.argv[1:5]
    os.chdir(source_dir)
    cases = {
        "text-cambridgeshire": lambda: case_text(binary, "cambridgeshire"),
        "text-east-sussex": lambda: case_text(binary, "east-sussex"),
        "overdue-cambridgeshire": lambda: case_overdue(binary, "cambridgeshire"),
        "overdue-east-sussex": lambda: case_overdue(binary, "east-sussex"),
        "json-schema": lambda: case_json_schema(binary, source_dir),
        "ics-cambridgeshire": lambda: case_ics(binary, "cambridgeshire"),
        "ics-east-sussex": lambda: case_ics(binary, "east-sussex"),
        "deterministic": lambda: case_deterministic(binary, work_dir),
        "uid-stable": lambda: case_uid_stable(binary, work_dir),
        "output-refused": lambda: case_output_refused(binary, work_dir),
        "bad-input": lambda: case_bad_input(binary, work_dir),
        "quiet": lambda: case_quiet(binary),
    }
    try:
        cases[case]()
    except Failure as failure:
        print(f"due/{case}: {failure}")
        return 1
    print(f"due/{case}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
