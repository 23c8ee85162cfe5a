#!/usr/bin/env python3
"""A FIFO never keeps a run waiting (issue 12, finding 5; man/ppsaudit.1, FILES): named as a
service file, a rule pack, a baseline or a configuration file it is refused (exit 2, "'x' is
a FIFO, not a regular file"); inside a --rules folder it is refused too; inside a register
folder it is skipped with a note, as other files that are not service files are. A pipe the
user names as standard input (/dev/stdin) is still read.

usage: fifo_inputs.py PPSAUDIT SOURCE_DIR
"""
import os
import shutil
import subprocess
import sys
import tempfile

SERVICE = "examples/east-sussex-parent-link.yaml"


def main():
    binary, source_dir = os.path.abspath(sys.argv[1]), sys.argv[2]
    os.chdir(source_dir)
    failures = []

    def expect(label, args, status, message):
        try:
            done = subprocess.run([binary, *args], capture_output=True, timeout=10, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            failures.append(f"{label}: still waiting after 10 s")
            return
        err = done.stderr.decode("utf-8", "replace")
        if done.returncode != status:
            failures.append(f"{label}: exit {done.returncode}, not {status} (stderr {err!r})")
        if message not in err:
            failures.append(f"{label}: stderr lacks {message!r}: {err!r}")

    with tempfile.TemporaryDirectory() as folder:
        fifo = os.path.join(folder, "service.yaml")
        os.mkfifo(fifo)
        expect("a FIFO as a service file (check)", ["check", fifo, "--as-of", "2011-12-31"], 2,
               f"ppsaudit: error: '{fifo}' is a FIFO, not a regular file")
        expect("a FIFO as a service file (validate)", ["validate", fifo], 2,
               f"ppsaudit: error: '{fifo}' is a FIFO, not a regular file")
        expect("a FIFO as a rule pack", ["check", SERVICE, "--as-of", "2011-12-31", "--rules", fifo], 2,
               f"'{fifo}' is a FIFO, not a regular file")
        expect("a FIFO as the baseline", ["check", SERVICE, "--as-of", "2011-12-31", "--baseline", fifo], 2,
               f"the baseline '{fifo}' is a FIFO, not a regular file")
        expect("a FIFO as the configuration file", ["check", SERVICE, "--as-of", "2011-12-31", "--config", fifo], 2,
               f"'{fifo}' is a FIFO, not a regular file")

        rules = os.path.join(folder, "rules")
        os.mkdir(rules)
        shutil.copy(SERVICE.replace(".yaml", ".rules.yaml"), rules)
        os.mkfifo(os.path.join(rules, "waiting.yaml"))
        expect("a FIFO in a --rules folder", ["check", SERVICE, "--as-of", "2011-12-31", "--rules", rules], 2,
               f"'{rules}/waiting.yaml' is a FIFO, not a regular file")

        register = os.path.join(folder, "register")
        os.mkdir(register)
        shutil.copy(SERVICE, register)
        shutil.copy(SERVICE.replace(".yaml", ".rules.yaml"), register)
        os.mkfifo(os.path.join(register, "waiting.yaml"))
        expect("a FIFO in a register folder", ["check", register, "--as-of", "2011-12-31", "--fail-on", "none"], 0,
               f"{register}/waiting.yaml: note: skipped: a FIFO, not a regular file")

    # Standard input, named as /dev/stdin, is read when it is a pipe.
    with open(SERVICE, "rb") as handle:
        text = handle.read()
    done = subprocess.run([binary, "validate", "/dev/stdin"], input=text, capture_output=True, timeout=20)
    if done.returncode != 0:
        failures.append(f"a pipe named /dev/stdin: exit {done.returncode}, {done.stderr!r}")

    for failure in failures:
        print("FAIL: " + failure)
    print(f"FIFO inputs: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
