#!/usr/bin/env python3
"""The HTML inspection pack as a manager and an inspector read it (issue 13; man/ppsaudit.1,
The HTML report), checked against the JSON report of the same run:

  page one   the cover has the service, audit date and profile, a row per framework with its
             practice level (the 2018 Minimum Standards' too), and the top actions in order
             (legal duties not met, then legal duties not assessable, then other rules not met,
             strongest first), each with its fix
  contents   after the cover; every link leads to a section of the page
  findings   each one's Where reads as the element (policy 'impartiality', ...) with the file
             position after it
  met        every met rule with its title
  provenance ppsaudit's version, each pack applied, the service file's SHA-256, the audit date;
             "Generated at" only with --generated-at (from SOURCE_DATE_EPOCH when set), so that
             two runs are byte-identical without it
  sign-off   prepared by, reviewed by, with blank cells to sign
  register   the roll-up has one row per service, linking to its pack

usage: html_pack.py PPSAUDIT SOURCE_DIR WORK_DIR
"""
import hashlib
import html
import json
import os
import re
import subprocess
import sys

FAILURES = []
STRENGTHS = ["must", "must_have_regard", "should", "commitment", "minimum_standard", "good_practice",
             "best_practice"]


def fail(message):
    FAILURES.append(message)
    print("FAIL " + message)


def run(binary, source, args, env=None, expect=(0, 1)):
    result = subprocess.run([binary, *args], cwd=source, capture_output=True, text=True, env=env)
    if result.returncode not in expect:
        sys.exit(f"ppsaudit {' '.join(args)} exited {result.returncode}\n{result.stderr}")
    return result


def text_of(fragment):
    """What a reader sees of an HTML fragment: tags dropped, entities decoded, spaces joined."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def top_actions(results):
    def group(result):
        if result["legal_duty"]:
            return 0 if result["result"] == "not_met" else 1
        return 2
    actions = [r for r in results
               if r["result"] == "not_met" or (r["result"] == "not_assessable" and r["legal_duty"])]
    return sorted(actions, key=lambda r: (group(r), STRENGTHS.index(r["strength"])))


def check_pack(name, page, report, path):
    service = report["services"][0]
    cover = re.search(r'<header class="cover">(.*?)</header>', page, re.S)
    if not cover:
        fail(f"{name}: no cover")
        return
    cover_text = text_of(cover.group(1))
    for wanted in (" ".join(service["name"].split()), service["as_of"], service["profile"]):
        if wanted not in cover_text:
            fail(f"{name}: the cover lacks {wanted!r}")
    levels = re.search(r'<table class="levels">(.*?)</table>', cover.group(1), re.S)
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</th><td>(.*?)</td>", levels.group(1)) if levels else []
    expected = [(f["framework"], f["practice_level"] or "no levels") for f in service["frameworks"]]
    if [(text_of(a), text_of(b)) for a, b in rows] != expected:
        fail(f"{name}: the cover's practice levels {rows} are not the JSON report's {expected}")
    actions = re.findall(r"<li><p><span class=\"tag [^\"]+\">.*?</li>", cover.group(1), re.S)
    wanted = top_actions(service["results"])[:10]
    if len(actions) != len(wanted):
        fail(f"{name}: {len(actions)} top actions on the cover, not {len(wanted)}")
    for item, result in zip(actions, wanted):
        if result["rule"] not in text_of(item).replace(" ", ""):
            fail(f"{name}: top action {text_of(item)!r} is not {result['rule']}")
        if result["fix"] and "Fix: " + " ".join(result["fix"].split()) not in text_of(item):
            fail(f"{name}: top action {result['rule']} has no fix")
    # The contents come after the cover, and every link leads somewhere.
    if page.find('<nav class="contents"') < page.find("</header>"):
        fail(f"{name}: the contents are not after the cover")
    ids = set(re.findall(r'\bid="([^"]+)"', page))
    for target in re.findall(r'href="#([^"]+)"', page):
        if target not in ids:
            fail(f"{name}: a link to #{target}, which is not on the page")
    # Each finding's Where: the element in words, then the position.
    wheres = re.findall(r"<dt>Where</dt><dd>(.*?)</dd>", page)
    if not wheres:
        fail(f"{name}: no finding has a Where")
    for where in wheres:
        # A position is file:line:col, or the file alone for what the file does not record.
        if not re.match(r"[^<]+ <span class=\"position\">\(<code>[^<]+(:\d+:\d+)?</code>\)</span>$", where) or \
                ("(not recorded)" not in where and not re.search(r":\d+:\d+</code>", where)):
            fail(f"{name}: a Where that is not an element then its position: {where}")
    # Met rules with their titles.
    met = re.search(r"<caption>Met \((\d+)\)</caption>(.*?)</table>", page, re.S)
    met_results = [r for r in service["results"] if r["result"] == "met"]
    if not met or int(met.group(1)) != len(met_results):
        fail(f"{name}: the met table does not count {len(met_results)} rules")
    else:
        rows = text_of(met.group(2))
        for result in met_results:
            if result["rule"] not in rows.replace(" ", "") or " ".join(result["title"].split()) not in rows:
                fail(f"{name}: met rule {result['rule']} is not listed with its title")
    # Provenance.
    provenance = re.search(r'<section id="provenance">(.*?)</section>', page, re.S)
    if not provenance:
        fail(f"{name}: no provenance")
    else:
        words = text_of(provenance.group(1))
        digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
        for wanted in (f"ppsaudit {report['tool']['version']}", digest, service["as_of"], *{r["pack"] for r in service["results"]}):
            if wanted not in words:
                fail(f"{name}: the provenance lacks {wanted!r}")
        if "Generated at" in words:
            fail(f"{name}: 'Generated at' without --generated-at")
    sign_off = re.search(r'<table class="sign-off">(.*?)</table>', page, re.S)
    if not sign_off or "Prepared by" not in sign_off.group(1) or "Reviewed by" not in sign_off.group(1) or \
            sign_off.group(1).count("<td></td>") < 6:
        fail(f"{name}: no sign-off block with blank cells for who prepared and reviewed it")


def main():
    binary, source, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    runs = [
        ("cambridgeshire-pps", ["examples/cambridgeshire-pps.yaml", "--rules", "examples/cambridgeshire-pps.rules.yaml",
                                "--as-of", "2008-07-31"]),
        ("east-sussex-parent-link", ["examples/east-sussex-parent-link.yaml", "--rules",
                                     "examples/east-sussex-parent-link.rules.yaml", "--as-of", "2011-12-31"]),
        ("sendiass", ["tests/good-input/era-sendiass.yaml", "--as-of", "2019-12-31"]),
    ]
    for name, args in runs:
        page_path, json_path = os.path.join(work, name + ".html"), os.path.join(work, name + ".json")
        run(binary, source, ["check", *args, "--output", f"html={page_path}", "--output", f"json={json_path}"])
        page = open(page_path, encoding="utf-8").read()
        report = json.load(open(json_path, encoding="utf-8"))
        check_pack(name, page, report, os.path.join(source, args[0]))
        if name == "sendiass":
            levels = {f["framework"]: f["practice_level"] for f in report["services"][0]["frameworks"]}
            if not levels.get("SENDIAS Minimum Standards 2018"):
                fail(f"{name}: the 2018 Minimum Standards have no practice level: {levels}")
        again = run(binary, source, ["check", *args, "--format", "html"]).stdout
        if again != page:
            fail(f"{name}: two runs differ")

    # --generated-at: the time, from SOURCE_DATE_EPOCH when set; refused when it is not a time.
    args = ["check", "examples/cambridgeshire-pps.yaml", "--as-of", "2008-07-31", "--format", "html", "--generated-at"]
    stamped = run(binary, source, args, env={**os.environ, "SOURCE_DATE_EPOCH": "1764684000"}).stdout
    if '<dt>Generated at</dt><dd><time datetime="2025-12-02T14:00:00Z">2025-12-02T14:00:00Z</time></dd>' not in stamped:
        fail("--generated-at with SOURCE_DATE_EPOCH=1764684000 does not say 2025-12-02T14:00:00Z")
    now = run(binary, source, args, env={k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}).stdout
    if not re.search(r"<dt>Generated at</dt><dd><time datetime=\"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\">", now):
        fail("--generated-at without SOURCE_DATE_EPOCH does not give the time")
    bad = run(binary, source, args, env={**os.environ, "SOURCE_DATE_EPOCH": "yesterday"}, expect=(2,))
    if "error: SOURCE_DATE_EPOCH: 'yesterday' is not a number of seconds" not in bad.stderr or bad.stdout:
        fail(f"a SOURCE_DATE_EPOCH that is not a time is not refused clearly: {bad.stderr!r}")

    # A register: one roll-up row per service, each linking to its pack.
    register = run(binary, source, ["check", "tests/register", "--as-of", "2011-12-31", "--format", "html"]).stdout
    report = json.loads(run(binary, source, ["check", "tests/register", "--as-of", "2011-12-31", "--format",
                                             "json"]).stdout)
    rollup = re.search(r'<table class="rollup">(.*?)</table>', register, re.S)
    links = re.findall(r'<tr><th scope="row"><a href="#(service-\d+)">', rollup.group(1)) if rollup else []
    if len(links) != len(report["services"]):
        fail(f"register: {len(links)} roll-up rows link to a pack, for {len(report['services'])} services")
    for link in links:
        if f'<section class="service" id="{link}"' not in register:
            fail(f"register: the roll-up links to #{link}, which is not a service's pack")

    print(f"html-pack: {'FAILED' if FAILURES else 'ok'}")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
