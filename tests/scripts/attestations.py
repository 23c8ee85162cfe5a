#!/usr/bin/env python3
"""Attestations name rules (man/ppsaudit-service.5, attestations), and every report shows the
YAML that attests a rule that needs it.

usage: attestations.py PPSAUDIT SOURCE_DIR WORK_DIR CASE

CASE is one of:
  man-example      the EXAMPLE of ppsaudit-service(5), extracted from the page, validates, and
                   the rule its attestation names is met by it (so the page cannot rot)
  snippet-text     each needs-attestation result of the text report shows YAML that, added
  snippet-markdown to the service file's top-level 'attestations' list, makes its rule met
  snippet-json     (the Markdown report's code blocks, the JSON report's 'attestation_yaml',
  snippet-html     the HTML report's <pre> blocks)
  register         in a register, a file whose attestation names no rule in use is an error
                   entry of its own, and the other files are audited
"""

import html
import json
import os
import re
import subprocess
import sys

import yaml

AS_OF = "2024-06-01"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print(f"FAIL: {message}")


def run(binary, cwd, *args, expect=None):
    done = subprocess.run([binary, *args], cwd=cwd, capture_output=True, text=True)
    if expect is not None and done.returncode not in expect:
        sys.exit(f"ppsaudit {' '.join(args)} exited {done.returncode}: {done.stderr}")
    return done


def audit(binary, cwd, path, *more):
    """The results of the JSON report of one service, by rule id."""
    done = run(binary, cwd, "check", path, "--as-of", AS_OF, "--fail-on", "none", "--format", "json", *more,
               expect=(0,))
    return {r["rule"]: r for r in json.loads(done.stdout)["services"][0]["results"]}


def unroff(text):
    """The text of a man page's .EX block as a reader sees it."""
    for escape, plain in (("\\-", "-"), ("\\(aq", "'"), ("\\(lq", '"'), ("\\(rq", '"'), ("\\e", "\\")):
        text = text.replace(escape, plain)
    return text


def man_example(source_dir):
    """The service file of ppsaudit-service(5)'s EXAMPLE section."""
    with open(os.path.join(source_dir, "man", "ppsaudit-service.5"), encoding="utf-8") as page:
        text = page.read()
    section = text[text.index(".SH EXAMPLE"):text.index("\n.SH ", text.index(".SH EXAMPLE") + 1)]
    block = section[section.index(".EX\n") + 4:section.index("\n.EE")]
    return unroff(block) + "\n"


def write(work_dir, name, text):
    os.makedirs(work_dir, exist_ok=True)
    path = os.path.join(work_dir, name)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path


def case_man_example(binary, source_dir, work_dir):
    text = man_example(source_dir)
    path = write(work_dir, "midshire.yaml", text)
    done = run(binary, source_dir, "validate", path)
    check(done.returncode == 0 and done.stderr == "", f"the man page's example must validate cleanly: {done.stderr}")
    attested = [item.get("rule") for item in yaml.safe_load(text)["attestations"]]
    check(attested and all(attested), f"the example's attestations must name their rules in 'rule': {attested}")
    results = audit(binary, source_dir, path)
    for rule in attested:
        result = results.get(rule)
        check(result is not None, f"the example attests '{rule}', which is not a rule of its profile")
        if result is not None:
            check(result["result"] == "met" and result["message"].startswith("attested by A. Smith"),
                  f"the example's attestation must meet '{rule}': {result['result']}: {result['message']}")
    # Its waivers apply: each matches a result that fails, and is in force on the audit date.
    waived = [item["rule"] for item in yaml.safe_load(text)["waivers"]]
    check(bool(waived), "the example has no waiver")
    for rule in waived:
        waiver = (results.get(rule) or {}).get("waiver")
        check(waiver is not None and waiver["state"] == "applied",
              f"the example's waiver of '{rule}' must apply on {AS_OF}: {results.get(rule)}")


def snippets_text(report):
    """The YAML under each needs-attestation result's fix line, with the rule id of its result."""
    lines = report.splitlines()
    found = []
    rule = None
    i = 0
    while i < len(lines):
        heading = re.match(r"  NEEDS ATTESTATION \[[^]]+\] (\S+):", lines[i])
        if heading:
            rule = heading.group(1)
        if lines[i].startswith("      fix:   when it is so, add this item"):
            i += 1
            block = []
            while i < len(lines) and lines[i].startswith(" " * 15):
                block.append(lines[i][15:])
                i += 1
            found.append((rule, "\n".join(block) + "\n"))
            continue
        i += 1
    return found


def snippets_markdown(report):
    found = []
    rule = None
    for match in re.finditer(r"^- \*\*([^*]+)\*\*|^    ```yaml\n(.*?)^    ```$", report, re.M | re.S):
        if match.group(1):
            rule = match.group(1).replace("\\", "")
        else:
            found.append((rule, "".join(line[4:] + "\n" for line in match.group(2).splitlines())))
    return found


def snippets_html(report):
    # Each finding's list item: its rule id in the heading, the snippet in a <pre><code> block.
    found = []
    for item in re.findall(r"<li>\n<p><strong>.*?</li>", report, re.S):
        block = re.search(r"<pre><code>(.*?)</code></pre>", item, re.S)
        if block:
            rule = re.search(r"^- rule: (\S+)$", html.unescape(block.group(1)), re.M).group(1)
            heading = re.sub(r"<[^>]+>", "", item.split("\n")[1])
            check(rule in html.unescape(heading), f"a snippet for {rule} under another rule's heading: {heading}")
            found.append((rule, html.unescape(block.group(1))))
    return found


def snippets_json(report):
    results = json.loads(report)["services"][0]["results"]
    return [(r["rule"], r["attestation_yaml"]) for r in results if "attestation_yaml" in r]


def case_snippet(binary, source_dir, work_dir, form):
    # The man page's example without its attestations, and a copy that has an empty list of them:
    # the snippets go into the list whether it is there or not.
    text = man_example(source_dir)
    # The example ends with its attestations, then its waivers.
    head = text[:text.index("\nwaivers:")] + "\n"
    tail = text[text.index("\nwaivers:") + 1:]
    bare = text[:text.index("\nattestations:")] + "\n" + tail
    before = audit(binary, source_dir, write(work_dir, "bare.yaml", bare))
    needing = {rule for rule, r in before.items() if r["result"] == "needs_attestation"}
    check(len(needing) >= 2, f"the example without attestations must need some: {sorted(needing)}")
    done = run(binary, source_dir, "check", os.path.join(work_dir, "bare.yaml"), "--as-of", AS_OF, "--fail-on", "none",
               "--format", {"snippet-text": "text", "snippet-markdown": "markdown", "snippet-json": "json",
                          "snippet-html": "html"}[form],
               expect=(0,))
    snippets = {"snippet-text": snippets_text, "snippet-markdown": snippets_markdown,
                "snippet-json": snippets_json, "snippet-html": snippets_html}[form](done.stdout)
    check({rule for rule, _ in snippets} == needing,
          f"every result that needs attestation, and only those, must show a snippet: "
          f"{sorted(rule for rule, _ in snippets)} against {sorted(needing)}")
    items = []
    for rule, snippet in snippets:
        parsed = yaml.safe_load(snippet)
        check(isinstance(parsed, list) and len(parsed) == 1, f"the snippet of {rule} must be one list item: {snippet!r}")
        if not (isinstance(parsed, list) and len(parsed) == 1):
            continue
        item = parsed[0]
        check(item.get("rule") == rule, f"the snippet of {rule} must name it: {item}")
        check(str(item.get("date")) == AS_OF, f"the snippet of {rule} must be dated the audit date: {item}")
        check("by" in item, f"the snippet of {rule} must say who confirms it: {item}")
        statement = before[rule]["message"].removeprefix("not attested: ")
        check(item.get("statement") == statement,
              f"the snippet of {rule} must give the statement to confirm: {item.get('statement')!r} against {statement!r}")
        items.append(snippet)
    pasted = "".join("  " + line + "\n" for snippet in items for line in snippet.splitlines())
    # Into a file that has no list, under a new key; and into one whose list is there already.
    with_key = write(work_dir, "attested.yaml", bare + "attestations:\n" + pasted)
    after = audit(binary, source_dir, with_key)
    still = sorted(rule for rule in needing if after[rule]["result"] != "met")
    check(not still, f"pasted under 'attestations:', the snippets must meet every rule: {still} are not")
    with_list = write(work_dir, "attested-list.yaml", head + pasted + tail)
    after = audit(binary, source_dir, with_list)
    still = sorted(rule for rule in needing if after[rule]["result"] != "met")
    check(not still, f"pasted into an 'attestations' list, the snippets must meet every rule: {still} are not")


def case_register(binary, source_dir, work_dir):
    text = man_example(source_dir).replace("rule: send-cop-2015/impartial-in-practice", "rule: impartial-in-practise")
    bad = write(work_dir, "misspelt.yaml", text)
    good = write(work_dir, "good.yaml", man_example(source_dir))
    done = run(binary, source_dir, "check", good, bad, "--as-of", AS_OF, "--fail-on", "none", "--format", "json")
    check(done.returncode == 2, f"a register with an unknown attestation must exit 2, not {done.returncode}")
    message = "'impartial-in-practise' is not the id of any rule in use (did you mean " \
              "'send-cop-2015/impartial-in-practice'?)"
    check(re.search(rf"^{re.escape(bad)}:\d+:\d+: error: {re.escape(message)}$", done.stderr, re.M),
          f"stderr must locate the unknown attestation: {done.stderr}")
    report = json.loads(done.stdout)
    check([s["file"] for s in report["services"]] == [good], f"the good file must be audited: {report['services']}")
    broken = report.get("errors") or report.get("broken") or []
    check(any(bad in json.dumps(entry) and message in json.dumps(entry) for entry in broken),
          f"the misspelt file must be an error entry of the report: {broken}")


def main():
    binary, source_dir, work_dir, case = sys.argv[1:5]
    binary = os.path.abspath(binary)
    if case == "man-example":
        case_man_example(binary, source_dir, work_dir)
    elif case.startswith("snippet-"):
        case_snippet(binary, source_dir, work_dir, case)
    elif case == "register":
        case_register(binary, source_dir, work_dir)
    else:
        sys.exit(f"unknown case {case}")
    if failures:
        sys.exit(f"{len(failures)} failures")
    print(f"ok: {case}")


if __name__ == "__main__":
    main()
