#!/usr/bin/env python3
"""--output writes a report whole or not at all: an input error leaves an existing report file
untouched, and a file that cannot be written leaves no temporary file behind."""
import os
import subprocess
import sys
import tempfile


def main():
    binary, source_dir = sys.argv[1:3]
    os.chdir(source_dir)
    failures = []
    with tempfile.TemporaryDirectory() as folder:
        report = os.path.join(folder, "audit.json")
        with open(report, "w", encoding="utf-8") as handle:
            handle.write("OLD REPORT\n")
        # An input error that stops everything (a bad --as-of): nothing is written, the old
        # report stays as it was.
        run = subprocess.run([binary, "check", "examples/east-sussex-parent-link.yaml", "--as-of", "2011-02-30",
                              "--output", f"json={report}"], capture_output=True)
        if run.returncode != 2 or open(report, encoding="utf-8").read() != "OLD REPORT\n":
            failures.append(f"an input error changed the existing report (exit {run.returncode})")
        # A broken service file stops only itself: the report is written whole, with its error entry.
        broken = os.path.join(folder, "broken.json")
        run = subprocess.run([binary, "check", "tests/bad-input/impossible-date.yaml", "--output", f"json={broken}"],
                             capture_output=True)
        if run.returncode != 2 or not os.path.exists(broken) or \
                '"file": "tests/bad-input/impossible-date.yaml"' not in open(broken, encoding="utf-8").read():
            failures.append(f"a broken service file did not give a whole report with its error (exit {run.returncode})")
        # A target that cannot be written (its folder is not there): exit 2, no temporary file
        # left, and the other output is still written whole. (A folder as the target is refused
        # before anything is written: tests/scripts/output_paths.py.)
        blocked = os.path.join(folder, "missing", "blocked.json")
        good = os.path.join(folder, "good.txt")
        run = subprocess.run([binary, "check", "examples/east-sussex-parent-link.yaml", "--as-of", "2011-12-31",
                              "--output", f"json={blocked}", "--output", f"text={good}"], capture_output=True)
        left = sorted(name for name in os.listdir(folder) if name.startswith("."))
        if run.returncode != 2:
            failures.append(f"writing over a folder exited {run.returncode}, not 2")
        if b"cannot write" not in run.stderr:
            failures.append(f"no 'cannot write' message: {run.stderr!r}")
        if left:
            failures.append(f"temporary files left behind: {left}")
        if not os.path.exists(good) or "Falls due within" not in open(good, encoding="utf-8").read():
            failures.append("the text report beside the failed one was not written whole")
        # A successful run replaces the old report with a complete one.
        run = subprocess.run([binary, "check", "examples/east-sussex-parent-link.yaml", "--as-of", "2011-12-31",
                              "--output", f"json={report}", "--fail-on", "none"], capture_output=True)
        content = open(report, encoding="utf-8").read()
        if run.returncode != 0 or not content.startswith("{") or not content.endswith("}\n") or run.stdout:
            failures.append(f"a good run did not replace the report with a whole one (exit {run.returncode})")
        mode = os.stat(report).st_mode & 0o777
        if mode & 0o044 != 0o044:
            failures.append(f"the report is not readable by others (mode {oct(mode)}), unlike a new file")
    for failure in failures:
        print("FAIL: " + failure)
    print(f"atomic output: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
