#!/usr/bin/env python3
"""Runs the real ppsaudit binary on one test case and checks what it prints and returns.

A case is an input file whose expectations are written inside it, as comments:

    # args: validate {file}          (default; {file} is the case's own path)
    # expect-exit: 2                 (default 2)
    # expect-stderr: <exact line>    (every line of stderr, in order; none = stderr empty)
    # expect-stdout: <exact line>    (every line of stdout, in order; none = stdout empty)
    # generate: oversize             (run on a copy padded past the 4 MiB limit; {file} is that copy)
    # generate: repeat-last-line N   (run on a copy whose last line is there N times)
    # generate: lengthen-last-line N (run on a copy whose last line has N more bytes: 'x's before
                                       its last character)
    # expect-stderr-tail: <line>     (with these, expect-stderr gives the first lines of stderr and
    # expect-stderr-count: N          expect-stderr-tail the last, of N lines in all)

Paths are relative to the source tree, which is the working directory, so the messages
name files exactly as a user who runs ppsaudit from the repository sees them.
"""
import argparse
import os
import shlex
import subprocess
import sys

DIRECTIVES = ("args", "expect-exit", "expect-stderr", "expect-stderr-tail", "expect-stderr-count", "expect-stdout",
              "generate")


def read_directives(path, names=DIRECTIVES):
    """The values of each directive in `names` that the case's "# name: value" lines give, in order."""
    found = {name: [] for name in names}
    with open(path, "rb") as handle:
        for raw in handle:
            line = raw.decode("utf-8", errors="replace").lstrip("\ufeff").rstrip("\r\n")
            if not line.startswith("# "):
                continue
            name, _, value = line[2:].partition(": ")
            if name in found:
                found[name].append(value)
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--work-dir", required=True)
    parser.add_argument("case")
    options = parser.parse_args()

    os.chdir(options.source_dir)
    case = options.case
    directives = read_directives(case)
    target = case
    if "oversize" in directives["generate"]:
        os.makedirs(options.work_dir, exist_ok=True)
        target = os.path.join(options.work_dir, os.path.basename(case))
        with open(case, "rb") as source:
            content = source.read()
        with open(target, "wb") as padded:
            padded.write(content)
            filler = b"# padding to pass the size limit\n" * 4096
            written = len(content)
            while written <= 4 * 1024 * 1024:
                padded.write(filler)
                written += len(filler)

    for generator in directives["generate"]:
        name, _, count = generator.partition(" ")
        if name not in ("repeat-last-line", "lengthen-last-line"):
            continue
        os.makedirs(options.work_dir, exist_ok=True)
        target = os.path.join(options.work_dir, os.path.basename(case))
        with open(case, "rb") as source:
            lines = source.read().splitlines(keepends=True)
        last = lines.pop()
        if name == "repeat-last-line":
            lines += [last] * int(count)
        else:
            body = last.rstrip(b"\n")
            lines.append(body[:-1] + b"x" * int(count) + body[-1:] + b"\n")
        with open(target, "wb") as generated:
            generated.write(b"".join(lines))

    def expand(text):
        return text.replace("{file}", target)

    args = shlex.split(expand(directives["args"][0])) if directives["args"] else ["validate", target]
    want_exit = int(directives["expect-exit"][0]) if directives["expect-exit"] else 2
    want_stderr = [expand(line) for line in directives["expect-stderr"]]
    want_stdout = [expand(line) for line in directives["expect-stdout"]]

    try:
        result = subprocess.run([options.binary] + args, capture_output=True, timeout=60,
                                env=dict(os.environ, NO_COLOR="1"))
    except subprocess.TimeoutExpired:
        print(f"FAIL {case}: ppsaudit did not finish within 60 seconds")
        return 1
    got_stderr = result.stderr.decode("utf-8", errors="replace").splitlines()
    got_stdout = result.stdout.decode("utf-8", errors="replace").splitlines()

    failures = []
    if result.returncode != want_exit:
        failures.append(f"exit status {result.returncode}, expected {want_exit}")
    stderr_lines = len(got_stderr)
    want_tail = [expand(line) for line in directives["expect-stderr-tail"]]
    if directives["expect-stderr-count"]:
        want_count = int(directives["expect-stderr-count"][0])
        if len(got_stderr) != want_count:
            failures.append(f"{len(got_stderr)} lines of stderr, expected {want_count}")
        got_stderr = got_stderr[:len(want_stderr)] + got_stderr[len(got_stderr) - len(want_tail):]
        want_stderr = want_stderr + want_tail
    if got_stderr != want_stderr:
        failures.append("stderr differs:\n  expected:\n" + "\n".join("    " + l for l in want_stderr)
                        + "\n  got:\n" + "\n".join("    " + l for l in got_stderr))
    if got_stdout != want_stdout:
        failures.append("stdout differs:\n  expected:\n" + "\n".join("    " + l for l in want_stdout)
                        + "\n  got:\n" + "\n".join("    " + l for l in got_stdout))
    if failures:
        print(f"FAIL {case} (ppsaudit {' '.join(args)}):")
        for failure in failures:
            print("  " + failure)
        return 1
    print(f"ok {case}: exit {result.returncode}, {stderr_lines} stderr line(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
