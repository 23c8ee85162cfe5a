#!/usr/bin/env python3
"""Runs `ppsaudit check` over the services in tests/waivers/ and checks what one case of
waivers (issue 14) does: the exit status, stderr, and what each report format says.

    waivers_check.py BINARY SOURCE_DIR WORK_DIR CASE
"""
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
import zipfile

WAIVED = "tests/waivers/waived.yaml"
STATUTORY = "tests/waivers/statutory.yaml"
AS_OF = "2008-07-31"
IPS = "sen-cop-2001/ips-recruited-and-trained"
TRAINING = "sen-cop-2001/training-for-parents-and-schools"
PARTNERS = "sen-cop-2001/works-with-partners"
STATUTORY_NOTE = "statutory waivers are allowed (--allow-statutory-waivers)"


class Failure(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise Failure(message)


class Runner:
    def __init__(self, binary, work_dir):
        self.binary = binary
        self.work_dir = work_dir

    def check(self, *args, status=0):
        done = subprocess.run([self.binary, "check", *args], capture_output=True)
        expect(done.returncode == status, "ppsaudit check %s exited %d, not %d:\n%s"
               % (" ".join(args), done.returncode, status, done.stderr.decode()))
        return done

    def json(self, service=WAIVED, *args, status=0):
        done = self.check(service, "--as-of", AS_OF, "--fail-on", "none", "--format", "json", *args, status=status)
        return json.loads(done.stdout)

    def text(self, service=WAIVED, *args, fmt="text", status=0):
        done = self.check(service, "--as-of", AS_OF, "--fail-on", "none", "--format", fmt, "--color", "never", *args,
                          status=status)
        return done.stdout.decode()


def result(report, rule):
    found = [r for s in report["services"] for r in s["results"] if r["rule"] == rule]
    expect(len(found) == 1, "%d results of %s" % (len(found), rule))
    return found[0]


def unwrapped(text):
    """The text report with each wrapped line joined to the line it continues."""
    return re.sub(r"\n +(?=\S)", " ", text)


def case_waived(run):
    report = run.json()
    ips = result(report, IPS)
    expect(ips["result"] == "not_met", "a waived result keeps its outcome: %s" % ips["result"])
    waiver = ips.get("waiver")
    expect(waiver is not None and waiver["state"] == "applied", "the IPS waiver is not applied: %s" % waiver)
    expect(waiver["scope"] == "people[id=volunteer]" and waiver["expires"] == "2008-12-31"
           and waiver["approved_by"] == "Jo Bloggs, chair of the steering group"
           and waiver["location"]["file"] == WAIVED and waiver["location"]["line"] > 0, "waiver fields: %s" % waiver)
    # A waived result fails no threshold; without the waiver the same run fails.
    run.check(WAIVED, "--as-of", AS_OF, "--fail-on", "any", "--quiet", status=1)
    raw = run.json(WAIVED, "--no-waivers")
    expect(report["services"][0]["counts"] == raw["services"][0]["counts"], "a waiver changed the counts")


def case_expired(run):
    training = result(run.json(), TRAINING)
    expect(training["waiver"]["state"] == "expired", "the training waiver is not expired: %s" % training)
    text = unwrapped(run.text())
    expect("waiver: waiver expired on 2008-06-30" in text, "the text report does not say when it expired:\n" + text)
    # The end of the last day: in force on 2008-12-31, expired on 2009-01-01.
    on_last_day = json.loads(run.check(WAIVED, "--as-of", "2008-12-31", "--fail-on", "none", "--format",
                                       "json").stdout)
    expect(result(on_last_day, IPS)["waiver"]["state"] == "applied", "not in force on its last day")
    next_day = json.loads(run.check(WAIVED, "--as-of", "2009-01-01", "--fail-on", "none", "--format",
                                    "json").stdout)
    expect(result(next_day, IPS)["waiver"]["state"] == "expired", "still in force the day after it expired")


def stale_line():
    with open(WAIVED, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.strip() == "- rule: " + PARTNERS)
    column = lines[number - 1].index(PARTNERS) + 1
    return "%s:%d:%d: warning: stale waiver: '%s' has no failing result to waive" % (WAIVED, number, column, PARTNERS)


def case_stale(run):
    done = run.check(WAIVED, "--as-of", AS_OF, "--fail-on", "none", "--format", "json")
    expect(done.stderr.decode().splitlines() == [stale_line()], "stderr:\n" + done.stderr.decode())
    stale = json.loads(done.stdout)["services"][0]["stale_waivers"]
    expect([w["rule"] for w in stale] == [PARTNERS], "stale waivers: %s" % stale)
    expect("warning: stale waiver: '%s'" % PARTNERS in run.text(), "the text report does not warn of it")


def case_statutory_allowed(run):
    refused = run.check(STATUTORY, "--as-of", AS_OF, "--quiet", status=2)
    expect("a statutory duty is waived only with --allow-statutory-waivers" in refused.stderr.decode(),
           "not refused: " + refused.stderr.decode())
    run.check(STATUTORY, "--as-of", AS_OF, "--fail-on", "must", "--allow-statutory-waivers", "--quiet", status=0)
    run.check(STATUTORY, "--as-of", AS_OF, "--fail-on", "must", "--allow-statutory-waivers", "--no-waivers",
              "--quiet", status=1)
    report = run.json(STATUTORY, "--allow-statutory-waivers")
    expect(report["statutory_waivers_allowed"] is True, "JSON does not say statutory waivers are allowed")
    expect(run.json(WAIVED)["statutory_waivers_allowed"] is False, "JSON says so without the option")
    # Every other format says so near its top: in its first 40 lines (the HTML pack's after its style sheet).
    for fmt in ("text", "markdown", "html", "junit", "sarif", "github"):
        report = unwrapped(run.text(STATUTORY, "--allow-statutory-waivers", fmt=fmt))
        head = "\n".join(re.sub(r"<style>.*?</style>", "", report, flags=re.S).splitlines()[:40])
        expect(STATUTORY_NOTE in head or "statutory_waivers_allowed" in head,
               "the %s report does not say so near its top:\n%s" % (fmt, head))


def case_no_waivers(run):
    done = run.check(WAIVED, "--as-of", AS_OF, "--fail-on", "none", "--format", "json", "--no-waivers")
    report = json.loads(done.stdout)
    expect(not any("waiver" in r for r in report["services"][0]["results"]), "--no-waivers applied a waiver")
    expect(report["services"][0]["stale_waivers"] == [] and done.stderr == b"", "--no-waivers warned of stale ones")


def case_json_schema(run):
    import jsonschema
    with open("schema/ppsaudit-report.schema.json", encoding="utf-8") as handle:
        validator = jsonschema.Draft202012Validator(json.load(handle))
    reports = [run.json(), run.json(STATUTORY, "--allow-statutory-waivers")]
    for report in reports:
        errors = ["%s: %s" % ("/".join(map(str, e.path)), e.message) for e in validator.iter_errors(report)]
        expect(not errors, "schema errors:\n" + "\n".join(errors))
    broken = reports[0]
    result(broken, IPS)["waiver"]["state"] = "granted"
    del broken["services"][0]["stale_waivers"][0]["justification"]
    messages = [e.message for e in validator.iter_errors(broken)]
    expect(any("'granted' is not one of" in m for m in messages)
           and any("'justification' is a required property" in m for m in messages),
           "the schema accepts a broken waiver: %s" % messages)


def case_text(run):
    text = unwrapped(run.text())
    expect("waiver: waived for people[id=volunteer] until 2008-12-31 (end of day), approved by Jo Bloggs, chair of "
           "the steering group on 2008-06-01: the volunteer is booked on the county's IPS course in September" in text,
           "no waiver under the IPS result:\n" + text)


def case_junit(run):
    root = ElementTree.fromstring(run.text(fmt="junit"))
    cases = {c.get("name"): c for c in root.iter("testcase")}
    ips = cases[IPS]
    expect(ips.find("failure") is None and ips.find("skipped") is not None, "the waived result is not skipped")
    expect(ips.find("skipped").get("message").startswith("waived for people[id=volunteer]"), "skipped message")
    expect(cases[TRAINING].find("error") is not None, "the result whose waiver expired is not an error")
    failures = sum(1 for c in root.iter("testcase") if c.find("failure") is not None)
    expect(int(root.get("failures")) == failures, "testsuites counts %s failures, has %d" % (root.get("failures"),
                                                                                          failures))
    skipped = sum(1 for c in root.iter("testcase") if c.find("skipped") is not None)
    expect(int(root.get("skipped")) == skipped, "testsuites counts %s skipped, has %d" % (root.get("skipped"), skipped))


def case_markdown(run):
    text = re.sub(r"\n +", " ", run.text(fmt="markdown"))
    expect("- Waiver: waived for people\\[id=volunteer\\] until 2008-12-31" in text
           or "- Waiver: waived for people[id=volunteer] until 2008-12-31" in text, "no waiver:\n" + text)
    expect("## Stale waivers" in text, "no stale waivers section")


def case_html(run):
    html = run.text(fmt="html")
    expect("<dt>Waiver</dt><dd>waived for people[id=volunteer] until 2008-12-31" in html, "no waiver in the pack")
    expect("Stale waivers" in html, "no stale waivers on the cover")
    cover = run.text(STATUTORY, "--allow-statutory-waivers", fmt="html")
    expect(cover.find(STATUTORY_NOTE) < cover.find("Practice levels and results"), "no note on the cover")


def case_xlsx(run):
    path = os.path.join(run.work_dir, "waived.xlsx")
    run.check(WAIVED, "--as-of", AS_OF, "--fail-on", "none", "--output", "xlsx=" + path)
    with zipfile.ZipFile(path) as book:
        strings = book.read("xl/sharedStrings.xml").decode()
    expect("waived for people[id=volunteer] until 2008-12-31" in strings, "no waiver in the workbook")
    import openpyxl
    summary = openpyxl.load_workbook(path)["Summary"]
    rows = list(summary.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r and r[0] == "Framework")
    expect(rows[head][9] == "Waived", "no Waived column in the Summary: %s" % (rows[head],))
    cop = next(r for r in rows[head + 1:] if r[0] == "SEN Code of Practice 2001")
    expect(str(cop[9]).startswith("=COUNTIF(") and "waived*" in str(cop[9]), "the Waived count is no formula: %s"
           % (cop[9],))
    cached = openpyxl.load_workbook(path, data_only=True)["Summary"]
    values = list(cached.iter_rows(values_only=True))
    cop_row = next(r for r in values[head + 1:] if r[0] == "SEN Code of Practice 2001")
    total_row = next(r for r in values[head + 1:] if r[0] == "All frameworks")
    expect(cop_row[9] == 1 and total_row[9] == 1, "waived counts: %s, %s" % (cop_row[9], total_row[9]))
    expect("stale waiver: &apos;%s&apos;" % PARTNERS in strings or "stale waiver: '%s'" % PARTNERS in strings,
           "no stale waiver in the workbook")


def case_github(run):
    lines = run.text(fmt="github").splitlines()
    ips = [line for line in lines if "title=" + IPS in line]
    expect(len(ips) == 1 and ips[0].startswith("::notice "), "the waived result is not a notice: %s" % ips)
    expect(any(line.startswith("::warning ") and "title=stale waiver" in line for line in lines), "no stale warning")


def case_max_waiver_days(run):
    refused = run.check(WAIVED, "--as-of", AS_OF, "--quiet", "--max-waiver-days", "200", status=2)
    expect("runs 213 days, from 2008-06-01 to 2008-12-31: the most is 200" in refused.stderr.decode(),
           refused.stderr.decode())
    config = os.path.join(run.work_dir, "ppsaudit.yaml")
    with open(config, "w", encoding="utf-8") as handle:
        handle.write("ppsaudit-config: 1\nmax_waiver_days: 200\n")
    run.check(WAIVED, "--as-of", AS_OF, "--quiet", "--config", config, status=2)
    # The command line overrides the file.
    run.check(WAIVED, "--as-of", AS_OF, "--quiet", "--fail-on", "none", "--config", config, "--max-waiver-days",
              "365", status=0)


def section(text, heading):
    """The lines of the text report's section `heading`, up to the next blank line."""
    lines = text.splitlines()
    start = lines.index(heading)
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].strip()), len(lines))
    return "\n".join(lines[start + 1:end])


def case_counts(run):
    service = run.json()["services"][0]
    expect(service["waived"] == {"met": 0, "not_met": 1, "not_applicable": 0, "needs_attestation": 0,
                                 "not_assessable": 0}, "service waived counts: %s" % service["waived"])
    cop = next(f for f in service["frameworks"] if f["framework"] == "SEN Code of Practice 2001")
    expect(cop["waived"]["not_met"] == 1 and cop["counts"]["not_met"] >= 1, "framework counts: %s" % cop)
    raw = run.json(WAIVED, "--no-waivers")["services"][0]
    expect(all(count == 0 for count in raw["waived"].values()), "--no-waivers counts waived: %s" % raw["waived"])
    expect("%d not met (1 waived)" % cop["counts"]["not_met"] in run.text(), "the text summary does not count it")
    expect("(1 waived)" not in run.text(WAIVED, "--no-waivers"), "the text summary counts waived with --no-waivers")
    expect("not met (1 waived)" in unwrapped(run.text(fmt="markdown")), "the Markdown results do not count it")
    expect("not met (1 waived)" in run.text(fmt="html"), "the HTML pack does not count it")


def case_top_actions(run):
    # The waived result is accepted for now: it is no action; without waivers it is one.
    waived = section(run.text(), "Top actions")
    raw = section(run.text(WAIVED, "--no-waivers"), "Top actions")
    expect(IPS in raw, "the IPS rule is not an action even without its waiver:\n" + raw)
    expect(IPS not in waived, "a waived result is a top action:\n" + waived)
    html = run.text(fmt="html")
    actions = html[html.index("Top actions"):html.index("</ol>", html.index("Top actions"))]
    expect(IPS not in actions, "a waived result is a top action of the pack")


def run_compare(run, *args, status=0):
    done = subprocess.run([run.binary, "compare", *args], capture_output=True)
    expect(done.returncode == status, "ppsaudit compare %s exited %d, not %d:\n%s"
           % (" ".join(args), done.returncode, status, done.stderr.decode()))
    return done


def case_compare(run):
    import jsonschema
    done = run_compare(run, WAIVED, WAIVED, "--as-of", AS_OF, "--format", "json")
    expect(done.stderr.decode().splitlines() == [stale_line(), stale_line()], "stderr:\n" + done.stderr.decode())
    comparison = json.loads(done.stdout)
    with open("schema/ppsaudit-compare.schema.json", encoding="utf-8") as handle:
        errors = [e.message for e in jsonschema.Draft202012Validator(json.load(handle)).iter_errors(comparison)]
    expect(not errors, "schema errors: %s" % errors)
    ips = next(r for r in comparison["agreements"] if r["rule"] == IPS)
    expect(ips["a"]["result"] == "not_met" and ips["a"]["waiver"]["state"] == "applied"
           and ips["b"]["waiver"]["scope"] == "people[id=volunteer]", "compare does not apply the waiver: %s" % ips)
    training = next(r for r in comparison["agreements"] if r["rule"] == TRAINING)
    expect(training["a"]["waiver"]["state"] == "expired", "compare does not say the waiver expired")
    expect(comparison["statutory_waivers_allowed"] is False, "statutory waivers said allowed")
    raw = json.loads(run_compare(run, WAIVED, WAIVED, "--as-of", AS_OF, "--format", "json", "--no-waivers").stdout)
    expect(all("waiver" not in r["a"] for r in raw["agreements"]), "--no-waivers applied a waiver in compare")
    text = unwrapped(run_compare(run, WAIVED, WAIVED, "--as-of", AS_OF).stdout.decode())
    expect("waiver: waived for people[id=volunteer] until 2008-12-31" in text, "no waiver in the text:\n" + text)
    for fmt, marker in (("markdown", "waived for people\\[id=volunteer\\] until 2008-12-31"),
                        ("html", "; waived for people[id=volunteer] until 2008-12-31")):
        out = re.sub(r"\n +", " ", run_compare(run, WAIVED, WAIVED, "--as-of", AS_OF, "--format", fmt).stdout.decode())
        expect(marker in out, "no waiver in the %s comparison" % fmt)
    # A waiver is refused in compare as in check: a misspelt rule, a legal duty without the option.
    bad = run_compare(run, WAIVED, "tests/bad-input/waiver-unknown-rule.yaml", "--as-of", AS_OF, status=2)
    expect("did you mean 'sen-cop-2001/ips-recruited-and-trained'?" in bad.stderr.decode(), bad.stderr.decode())
    refused = run_compare(run, WAIVED, STATUTORY, "--as-of", AS_OF, status=2)
    expect("a statutory duty is waived only with --allow-statutory-waivers" in refused.stderr.decode(),
           refused.stderr.decode())
    for fmt in ("text", "markdown", "html", "json"):
        out = run_compare(run, WAIVED, STATUTORY, "--as-of", AS_OF, "--allow-statutory-waivers", "--format",
                          fmt).stdout.decode()
        head = "\n".join(re.sub(r"<style>.*?</style>", "", out, flags=re.S).splitlines()[:16])
        expect(STATUTORY_NOTE in head or '"statutory_waivers_allowed": true' in head,
               "the %s comparison does not say statutory waivers are allowed near its top:\n%s" % (fmt, head))


def case_baseline(run):
    waived_report = os.path.join(run.work_dir, "waived-baseline.json")
    raw_report = os.path.join(run.work_dir, "raw-baseline.json")
    run.check(WAIVED, "--as-of", AS_OF, "--fail-on", "none", "--quiet", "--output", "json=" + waived_report)
    run.check(WAIVED, "--as-of", AS_OF, "--fail-on", "none", "--quiet", "--no-waivers", "--output",
              "json=" + raw_report)
    # Its waiver gone (here, --no-waivers; in life, expired), the result fails again: new.
    lapsed = run.json(WAIVED, "--no-waivers", "--baseline", waived_report)
    expect(result(lapsed, IPS)["baseline"] == "new", "a lapsed waiver's result is %s" % result(lapsed, IPS))
    run.check(WAIVED, "--as-of", AS_OF, "--quiet", "--no-waivers", "--baseline", waived_report, "--fail-on", "new",
              status=1)
    # Waived since the baseline: not fixed, for it still fails underneath, and not new.
    accepted = run.json(WAIVED, "--baseline", raw_report)
    expect(result(accepted, IPS)["baseline"] == "unchanged", "a newly waived result is %s"
           % result(accepted, IPS)["baseline"])
    run.check(WAIVED, "--as-of", AS_OF, "--quiet", "--baseline", raw_report, "--fail-on", "new", status=0)
    same = run.json(WAIVED, "--baseline", waived_report)
    expect(result(same, IPS)["baseline"] == "unchanged", "a result waived in both is %s" % result(same, IPS))
    # A waiver's state the report never writes is refused, located in the baseline.
    with open(waived_report, encoding="utf-8") as handle:
        broken = json.load(handle)
    result(broken, IPS)["waiver"]["state"] = "granted"
    broken_path = os.path.join(run.work_dir, "broken-baseline.json")
    with open(broken_path, "w", encoding="utf-8") as handle:
        json.dump(broken, handle)
    refused = run.check(WAIVED, "--as-of", AS_OF, "--quiet", "--baseline", broken_path, status=2)
    expect("'granted' is not a waiver's state (applied, expired or pending)" in refused.stderr.decode(),
           refused.stderr.decode())


def case_due(run):
    done = subprocess.run([run.binary, "due", WAIVED, "--as-of", AS_OF, "--format", "json"], capture_output=True)
    expect(done.returncode == 0, done.stderr.decode())
    items = [i for s in json.loads(done.stdout)["services"] for i in s["items"] if i["kind"] == "waiver_expiry"]
    found = sorted((i["due"], i["rule"], i["status"]) for i in items)
    expect(found == [("2008-06-30", TRAINING, "overdue"), ("2008-12-31", IPS, "upcoming"), ("2008-12-31", PARTNERS, "upcoming")],
           "waiver expiries: %s" % found)
    # A waiver must name a rule the service is audited with, as in check; a statutory one is
    # listed (whether it may be granted is check's question).
    bad = subprocess.run([run.binary, "due", "tests/bad-input/waiver-unknown-rule.yaml", "--as-of", AS_OF],
                         capture_output=True)
    expect(bad.returncode == 2 and b"did you mean 'sen-cop-2001/ips-recruited-and-trained'?" in bad.stderr,
           "due accepts a waiver of an unknown rule: %d %s" % (bad.returncode, bad.stderr.decode()))
    attested = subprocess.run([run.binary, "due", "tests/bad-input/attestation-unknown-rule.yaml", "--as-of",
                               "2024-06-01"], capture_output=True)
    expect(attested.returncode == 2 and b"did you mean 'send-cop-2015/joint-commissioning'?" in attested.stderr,
           "due accepts an attestation of an unknown rule: " + attested.stderr.decode())
    statutory = subprocess.run([run.binary, "due", STATUTORY, "--as-of", AS_OF, "--format", "json"],
                               capture_output=True)
    expect(statutory.returncode == 0, "due refuses a statutory waiver: " + statutory.stderr.decode())


def main():
    binary, source_dir, work_dir, case = sys.argv[1:5]
    os.makedirs(work_dir, exist_ok=True)
    os.chdir(source_dir)
    try:
        globals()["case_" + case.replace("-", "_")](Runner(binary, os.path.abspath(work_dir)))
    except Failure as failure:
        sys.exit("waivers_check %s: %s" % (case, failure))
    print("waivers_check %s: ok" % case)


if __name__ == "__main__":
    main()
