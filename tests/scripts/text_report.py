#!/usr/bin/env python3
"""The text report as a person reads it (issue 13; man/ppsaudit.1, The text report).

For each example and for a register: every line fits 100 display columns when standard output
is not a terminal; the report opens with its heading, then the summary, then the top actions,
before any framework's findings; every result has one name ("not assessable", never "no
evid." or "Needs evidence"); the legend ends each service. On a terminal (a pseudo-terminal
of 72 columns) the lines fit 72 columns and the result words are coloured, unless TERM is
dumb or NO_COLOR is set.

usage: text_report.py PPSAUDIT SOURCE_DIR
"""
import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import unicodedata

RUNS = [
    ("examples/cambridgeshire-pps.yaml", "2008-07-31"),
    ("examples/east-sussex-parent-link.yaml", "2011-12-31"),
    ("examples/east-sussex-parent-link.yaml", "2019-12-31"),
    ("tests/register", "2011-12-31"),
]
OTHER_NAMES = ["no evid.", "Needs evidence", " attest ", " n/a "]


def columns(line):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def on_terminal(binary, args, width, term):
    """Runs ppsaudit with standard output on a pseudo-terminal `width` columns wide."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 50, width, 0, 0))
    environment = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    environment["TERM"] = term
    process = subprocess.Popen([binary] + args, stdout=follower, stderr=subprocess.DEVNULL, env=environment)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the other side closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def order_problems(label, report):
    problems = []
    lines = report.split("\n")
    starts = [i for i, line in enumerate(lines) if line.startswith("ppsaudit report: ")]
    if not starts:
        return [f"{label}: no 'ppsaudit report:' heading"]
    for start in starts:
        def first(prefix):
            return next((i for i in range(start, len(lines)) if lines[i].startswith(prefix)), None)
        summary, actions, framework, legend = first("Summary"), first("Top actions"), first("== "), first("legend: ")
        if None in (summary, actions, framework, legend) or not summary < actions < framework < legend:
            problems.append(f"{label}: the service at line {start + 1} is not heading, Summary, Top actions, "
                            f"frameworks, legend (lines {summary}, {actions}, {framework}, {legend})")
    return problems


def main():
    binary, source_dir = sys.argv[1], sys.argv[2]
    os.chdir(source_dir)
    failures = []
    for target, as_of in RUNS:
        args = ["check", target, "--as-of", as_of, "--fail-on", "none"]
        label = " ".join(args)
        done = subprocess.run([binary] + args, capture_output=True, timeout=120, env=dict(os.environ, NO_COLOR="1"))
        report = done.stdout.decode("utf-8")
        for number, line in enumerate(report.split("\n"), 1):
            if columns(line) > 100:
                failures.append(f"{label}: line {number} is {columns(line)} columns: {line!r}")
        failures += order_problems(label, report)
        for name in OTHER_NAMES:
            if name in report:
                failures.append(f"{label}: a result is called {name!r}")
        if "\x1b" in report:
            failures.append(f"{label}: colour codes with NO_COLOR set and no terminal")

    args = ["check", "examples/east-sussex-parent-link.yaml", "--as-of", "2011-12-31", "--fail-on", "none"]
    shown = on_terminal(binary, args, 72, "xterm")
    plain = shown.replace("\x1b[1m", "").replace("\x1b[0m", "")
    for code in ("\x1b[31m", "\x1b[35m", "\x1b[33m", "\x1b[32m"):
        plain = plain.replace(code, "")
    if "\x1b[" not in shown:
        failures.append("a terminal with TERM=xterm: no colour")
    for number, line in enumerate(plain.split("\n"), 1):
        if columns(line) > 72:
            failures.append(f"a terminal of 72 columns: line {number} is {columns(line)} columns: {line!r}")
    failures += order_problems("a terminal of 72 columns", plain)
    if "\x1b" in on_terminal(binary, args, 72, "dumb"):
        failures.append("a terminal with TERM=dumb: colour codes")

    for failure in failures[:40]:
        print("FAIL " + failure)
    if not failures:
        print(f"ok: {len(RUNS)} reports fit 100 columns in order, one of 72 on a terminal, none coloured under TERM=dumb")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
