#!/usr/bin/env python3
"""Hostile strings stay in their place in the text and JSON reports: tests/hostile/hostile-service.yaml
puts <script>, ]]>, &, quotes, |, a newline and an ANSI escape sequence into the service name and
a policy title. The text report shows them as visible escapes (no raw control character reaches
the terminal, with or without colour); the JSON report carries them exactly, escaped as JSON."""
import json
import re
import subprocess
import sys

HOSTILE = ("<script>alert(1)</script> ]]> & \"quoted\" 'single' | pipe\nsecond line \x1b[31mred\x1b[0m "
           "*em* _u_ [link](http://x) # `tick`")
VISIBLE = HOSTILE.replace("\n", "\\x0a").replace("\x1b", "\\x1b")


def run(binary, *args):
    return subprocess.run([binary, "check", "tests/hostile/hostile-service.yaml", "--as-of", "2011-12-31",
                           "--fail-on", "none", "--due-within", "120", *args], capture_output=True, cwd=sys.argv[2])


def main():
    binary = sys.argv[1]
    failures = []
    plain = run(binary, "--color", "never")
    text = plain.stdout.decode("utf-8")
    if plain.returncode != 0 or plain.stderr:
        failures.append(f"text: exit {plain.returncode}, stderr {plain.stderr!r}")
    if any(ord(c) < 0x20 and c != "\n" for c in text) or "\x7f" in text:
        failures.append("text: a raw control character reached the output")
    # The text report wraps long lines at spaces: read it, and the name, with each run of spaces
    # and line breaks as one space. A line break the name holds is shown as \x0a, so it is kept.
    joined = " ".join(text.split())
    visible = " ".join(VISIBLE.split())
    if f"ppsaudit report: {visible} service file:" not in joined:
        failures.append("text: the service name is not shown whole with its control characters made visible")
    if f"review the policy '{visible}'" not in joined:
        failures.append("text: the policy title is not shown, escaped, in what falls due")
    coloured = run(binary, "--color", "always").stdout.decode("utf-8")
    stray = [m.group(0) for m in re.finditer(r"\x1b(?!\[[0-9;]*m)", coloured)]
    ours = re.findall(r"\x1b\[[0-9;]*m", coloured)
    if stray or not ours:
        failures.append(f"colour: {len(stray)} escape sequences that are not colour codes, {len(ours)} colour codes")
    if "\x1b[31mred" in coloured:
        failures.append("colour: the service's own escape sequence reached the terminal")
    report = run(binary, "--format", "json")
    if b"\x1b" in report.stdout:
        failures.append("json: a raw escape character in the output")
    data = json.loads(report.stdout)
    if data["services"][0]["name"] != HOSTILE:
        failures.append("json: the service name did not round-trip exactly")
    titles = {r["message"] for r in data["services"][0]["results"]}
    if not any(HOSTILE in t for t in titles) and not any(HOSTILE in u["what"] for u in data["services"][0]["upcoming"]):
        failures.append("json: the hostile policy title appears in no message or deadline (the test proves nothing)")
    for failure in failures:
        print("FAIL: " + failure)
    print(f"hostile strings in text and json: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
