#!/usr/bin/env python3
"""A register audited in one command (tests/register/, man/ppsaudit.1 "Registers").

Checks, with the real binary:
  - the folder is audited whole: every service file in JSON, in byte-wise path order; the rule
    packs and the other YAML of packs/ skipped with a note each; a link loop does not hang;
  - a roll-up heads every format (one row per service), and two runs are byte-identical;
  - a copy of the register with one broken file in the middle still reports every other
    service in every format, exits 2, and shows the broken file as an error entry in each:
    JSON's errors, a JUnit <error> test case in a suite of its own, a SARIF
    toolExecutionNotifications entry of level error at the first error, a roll-up row and a
    section in text, Markdown and HTML.
"""
import json
import re
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

FORMATS = ("text", "json", "junit", "sarif", "markdown", "html")
BROKEN = "tests/register-broken/unclosed-flow.yaml"
BROKEN_AT = (10, 1)  # where the reader stops: the end of the file


def fail(message):
    sys.exit("register: " + message)


def run(binary, args, cwd):
    try:
        return subprocess.run([binary, "check", *args, "--color", "never"], cwd=cwd, capture_output=True,
                              timeout=120)
    except subprocess.TimeoutExpired:
        fail("ppsaudit check %s did not finish within 120 seconds" % " ".join(args))


def reports(binary, folder, cwd, out_dir, want_exit):
    """Every format of one run (as --output files), checked for determinism against a second run."""
    os.makedirs(out_dir, exist_ok=True)
    outputs = []
    for format_name in FORMATS:
        outputs += ["--output", "%s=%s" % (format_name, os.path.join(out_dir, "report." + format_name))]
    common = [folder, "--as-of", "2011-12-31", "--fail-on", "none"]
    first = run(binary, common + outputs, cwd)
    if first.returncode != want_exit:
        fail("check %s exited %d, expected %d: %s" % (folder, first.returncode, want_exit, first.stderr.decode()))
    texts = {}
    for format_name in FORMATS:
        with open(os.path.join(out_dir, "report." + format_name), "rb") as handle:
            texts[format_name] = handle.read()
        again = run(binary, common + ["--format", format_name], cwd)
        if again.stdout != texts[format_name]:
            fail("%s: two runs of the %s report differ" % (folder, format_name))
    return first, {name: raw.decode("utf-8") for name, raw in texts.items()}


def service_files(root):
    found = []
    for folder, _, names in os.walk(root):
        for name in names:
            if name.endswith((".yaml", ".yml")) and not folder.endswith("packs"):
                found.append(os.path.join(folder, name))
    return sorted(found, key=lambda path: path.encode())


def check_register(texts, files, broken=None):
    """The roll-up and every service in every format; the broken file as an error entry."""
    report = json.loads(texts["json"])
    audited = [service["file"] for service in report["services"]]
    want = [f for f in files if f != broken]
    if audited != want:
        fail("JSON services %s, expected %s" % (audited, want))
    if [row["file"] for row in report["rollup"]] != want + ([broken] if broken else []):
        fail("JSON roll-up rows %s" % [row["file"] for row in report["rollup"]])
    names = [service["name"] for service in report["services"]]
    if len(set(names)) < 20:
        fail("the register has %d distinct service names, fewer than 20" % len(set(names)))
    errors = report["errors"]
    if broken:
        if [e["file"] for e in errors] != [broken] or \
                (errors[0]["location"]["line"], errors[0]["location"]["column"]) != BROKEN_AT:
            fail("JSON errors %s" % errors)
    elif errors:
        fail("JSON errors in a clean register: %s" % errors)

    # Text: the roll-up first, one entry per file, then each service.
    text = texts["text"]
    if not text.startswith("ppsaudit roll-up: %d service files, %d audited, %d not audited\n"
                           % (len(files), len(want), 1 if broken else 0)):
        fail("the text report does not open with the roll-up: %r" % text[:120])
    for name in names:
        if text.count(name + "\n") < 2:
            fail("text: %r is not both a roll-up row and a section" % name)

    # JUnit: a roll-up suite with a property per file, then every framework of every service.
    root = ElementTree.fromstring(texts["junit"])
    suites = root.findall("testsuite")
    if not suites[0].get("name").startswith("ppsaudit roll-up") or \
            len(suites[0].findall("properties/property")) != len(files):
        fail("JUnit: the first suite is not the roll-up of %d files" % len(files))
    junit_files = {p.get("value") for s in suites[1:] for p in s.findall("properties/property")
                   if p.get("name") == "service_file"}
    if junit_files != set(files):
        fail("JUnit suites name %s" % sorted(junit_files))

    # SARIF: the roll-up in the log's properties; a run per file.
    log = json.loads(texts["sarif"])
    if len(log["properties"]["rollup"]) != len(files) or len(log["runs"]) != len(files):
        fail("SARIF: %d roll-up rows, %d runs, for %d files" % (len(log["properties"]["rollup"]), len(log["runs"]),
                                                              len(files)))

    # Markdown and HTML: a roll-up table with a row per service and framework.
    for format_name in ("markdown", "html"):
        body = texts[format_name]
        if "Roll-up" not in body:
            fail("%s: no roll-up" % format_name)
        for service in report["services"]:
            if body.count(service["file"]) < 2:
                fail("%s: %s is not both a roll-up row and a section" % (format_name, service["file"]))

    # HTML: the roll-up links each service to its section, a <section class="service"> of its own
    # (which the browser lays out only when shown), in the order of the roll-up.
    html = texts["html"]
    links = re.findall(r'<th scope="row"><a href="#([^"]+)">', html)
    sections = re.findall(r'<section class="service" id="([^"]+)"[ >]', html)
    if len(links) != len(report["services"]) or links != sections or len(set(sections)) != len(sections):
        fail("HTML: roll-up links %s, service sections %s, for %d services" % (links, sections,
                                                                               len(report["services"])))
    if html.count("<section") != html.count("</section>"):
        fail("HTML: %d sections opened, %d closed" % (html.count("<section"), html.count("</section>")))

    if broken:
        cases = [(s, c) for s in suites for c in s.findall("testcase") if c.find("error") is not None
                 and c.find("error").get("type") == "input_error"]
        if len(cases) != 1 or cases[0][1].get("name") != broken or cases[0][0].get("errors") != "1":
            fail("JUnit: no <error> test case for %s in a suite of its own" % broken)
        notes = [n for run_ in log["runs"] for i in run_.get("invocations", [])
                 for n in i.get("toolExecutionNotifications", []) if n["level"] == "error"]
        if len(notes) != 1:
            fail("SARIF: %d error notifications, expected 1" % len(notes))
        physical = notes[0]["locations"][0]["physicalLocation"]
        if physical["artifactLocation"]["uri"] != broken or \
                (physical["region"]["startLine"], physical["region"]["startColumn"]) != BROKEN_AT:
            fail("SARIF: the error notification is at %s" % physical)
        located = "%s:%d:%d: error:" % ((broken,) + BROKEN_AT)
        for format_name in ("text", "markdown", "html"):
            if texts[format_name].count(located) < 2:
                fail("%s: the broken file is not both a roll-up row and a section" % format_name)


def main():
    binary, source_dir, work_dir = (os.path.abspath(arg) for arg in sys.argv[1:4])

    # The register as checked in: every service, in order; packs/ skipped, each with a note.
    files = service_files(os.path.join(source_dir, "tests", "register"))
    files = [os.path.relpath(f, source_dir) for f in files]
    if len(files) < 20:
        fail("tests/register holds %d service files, fewer than 20" % len(files))
    done, texts = reports(binary, "tests/register", source_dir, os.path.join(work_dir, "clean"), 0)
    notes = [line for line in done.stderr.decode().splitlines() if ": note: skipped: " in line]
    if notes != ["tests/register/packs/cambridgeshire-pps.rules.yaml: note: skipped: a rule pack, not a service file",
                 "tests/register/packs/east-sussex-parent-link.rules.yaml: note: skipped: a rule pack, not a service "
                 "file",
                 "tests/register/packs/notes.yml: note: skipped: not a service file (its first key is 'notes', not "
                 "'ppsaudit')"]:
        fail("the skipped files are not each noted: %s" % done.stderr.decode())
    check_register(texts, files)

    # A copy with one broken file in the middle of the order, and a link loop.
    copy = os.path.join(work_dir, "copy")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(os.path.join(source_dir, "tests", "register"), os.path.join(copy, "tests", "register"))
    os.makedirs(os.path.join(copy, "tests", "register-broken"))
    shutil.copy(os.path.join(source_dir, BROKEN), os.path.join(copy, BROKEN))
    middle = "tests/register/m-broken.yaml"
    shutil.copy(os.path.join(source_dir, BROKEN), os.path.join(copy, middle))
    os.symlink("..", os.path.join(copy, "tests", "register", "packs", "loop"))
    done, texts = reports(binary, "tests/register", copy, os.path.join(work_dir, "broken"), 2)
    stderr = done.stderr.decode()
    if "%s:%d:%d: error: " % ((middle,) + BROKEN_AT) not in stderr or \
            "tests/register/packs/loop: note: skipped: a link to a folder, which is not followed" not in stderr:
        fail("stderr lacks the located error or the note on the link: %s" % stderr)
    files = sorted(files + [middle], key=lambda path: path.encode())
    check_register(texts, files, broken=middle)
    print("register: %d files audited in one command, a roll-up in every format, identical across runs; with "
          "one broken file, %d services still reported and the error entry in every format"
          % (len(files) - 1, len(files) - 1))


if __name__ == "__main__":
    main()
