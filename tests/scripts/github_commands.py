"""Checks the github report the way a GitHub Actions runner reads it: every line of standard
output must be one workflow command in the documented syntax (`::level prop=value,...::message`,
with GitHub's escaping), and decoding each must give back what the JSON report of the same run
says: the file, line, column, title and message of each era warning, each value read two ways
(readings), and of each finding that is
not met, not assessable or needs attestation, in report order. With --rename, the service file
is first copied to a name full of the characters a property must escape."""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys

LEVELS = {"must": "error", "must_have_regard": "error", "should": "warning", "commitment": "warning",
          "minimum_standard": "warning", "good_practice": "notice", "best_practice": "notice"}
FAILING = ("not_met", "not_assessable")
# The documented syntax: a property value holds no raw ',' or ':', and nothing holds a line break;
# every '%' starts one of the five escapes.
ESCAPE = r"%(?:25|0D|0A|3A|2C)"
VALUE = r"(?:[^,:%\r\n]|" + ESCAPE + r")*"
COMMAND = re.compile(r"::(error|warning|notice)(?: ((?:file|line|col|endLine|endColumn|title)=" + VALUE +
                     r"(?:,(?:file|line|col|endLine|endColumn|title)=" + VALUE + r")*))?::((?:[^%\r\n]|%(?:25|0D|0A))*)")
DECODED = {"%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","}


def fail(message):
    sys.exit("github_commands: " + message)


def decode(text):
    return re.sub(ESCAPE, lambda match: DECODED[match.group(0)], text)


def printable(text):
    """As ppsaudit makes input text printable, keeping line breaks."""
    return "".join(c if c == "\n" else "\\x%02x" % ord(c) if ord(c) < 0x20 or ord(c) == 0x7F
                   else "\\u%04x" % ord(c) if 0x80 <= ord(c) <= 0x9F else c for c in text)


def expected(report):
    """(level, file, line, column, title, message) for each command, from the JSON report."""
    commands = []
    for service in report["services"]:
        def located(level, location, title, message):
            file = location["file"] or service["file"]
            line = location["line"]
            column = location["column"] if line > 0 else 0
            commands.append((level, file, line, column, title, message))
        for warning in service["warnings"]:
            located("warning", warning["location"], "era", printable(warning["message"]))
        for note in service["notes"]:
            located("notice", note["location"], "era", printable(note["message"]))
        # A value read from words that mean two things: a notice at its first value, the sentence
        # of the text report, then each result the other reading would change.
        for reading in service["readings"]:
            changed = len(reading["changes"])
            message = "\u201c%s\u201d is read as %s; read as %s, %s" % (
                reading["source"], reading["reading"], reading["alternative"],
                "no result would change" if changed == 0 else "1 result would change" if changed == 1
                else "%d results would change" % changed)
            for change in reading["changes"]:
                message += "\n%s: %s, but %s under the other reading%s" % (
                    change["rule"], change["result"].replace("_", " "), change["alternative_result"].replace("_", " "),
                    ": " + change["alternative_message"] if change["alternative_message"] else "")
            located("notice", reading["values"][0]["location"], "two readings", printable(message))
        for result in service["results"]:
            if result["result"] in FAILING:
                level = LEVELS[result["strength"]]
            elif result["result"] == "needs_attestation":
                level = "notice"
            else:
                continue
            message = "%s: %s" % (result["result"].replace("_", " "), printable(result["message"] or result["title"]))
            if result["fix"] and result["result"] != "needs_attestation":
                message += "\nFix: " + printable(result["fix"])
            located(level, result["location"], result["rule"], message)
    return commands


def parsed(stdout):
    commands = []
    for number, line in enumerate(stdout.split("\n")[:-1], 1):
        match = COMMAND.fullmatch(line)
        if not match:
            fail("line %d is not a workflow command in the documented syntax: %r" % (number, line))
        level, properties, message = match.groups()
        values = {}
        for item in (properties or "").split(","):
            name, _, value = item.partition("=")
            if name in values:
                fail("line %d gives %s twice" % (number, name))
            values[name] = decode(value)
        commands.append((level, values.get("file", ""), int(values.get("line", "0")), int(values.get("col", "0")),
                         values.get("title", ""), decode(message)))
    if not stdout.endswith("\n") and stdout:
        fail("the last line has no line break")
    return commands


def main():
    parser = argparse.ArgumentParser()
    for name in ("--binary", "--source-dir", "--work-dir", "--service", "--as-of"):
        parser.add_argument(name, required=True)
    parser.add_argument("--rules")
    parser.add_argument("--profile")
    parser.add_argument("--rename", action="store_true")
    args = parser.parse_args()
    os.makedirs(args.work_dir, exist_ok=True)
    service, cwd = args.service, args.source_dir
    if args.rename:
        cwd = os.path.join(args.work_dir, "renamed")
        os.makedirs(os.path.join(cwd, "a,b:c"), exist_ok=True)
        service = "a,b:c/100%,x:y.yaml"
        shutil.copyfile(os.path.join(args.source_dir, args.service), os.path.join(cwd, service))
    report_path = os.path.join(os.path.abspath(args.work_dir), "github-report.json")
    command = [args.binary, "check", service, "--as-of", args.as_of, "--fail-on", "none", "--format", "github",
               "--output", "json=" + report_path] + (["--rules", os.path.join(args.source_dir, args.rules)]
                                                     if args.rules else []) \
        + (["--profile", args.profile] if args.profile else [])
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        fail("%s exited %d: %s" % (" ".join(command), done.returncode, done.stderr))
    with open(report_path, encoding="utf-8") as file:
        want = expected(json.load(file))
    got = parsed(done.stdout)
    if not want:
        fail("the JSON report has nothing for the github report to say, so this test proves nothing")
    if got != want:
        for i, (g, w) in enumerate(zip(got, want)):
            if g != w:
                fail("command %d is %r, the JSON report says %r" % (i + 1, g, w))
        fail("%d commands, the JSON report says %d" % (len(got), len(want)))
    print("github_commands: %d commands match the JSON report" % len(got))


main()
