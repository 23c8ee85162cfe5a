#!/usr/bin/env python3
"""A run of too many files is refused at once (issue 12; man/ppsaudit.1, LIMITS): more than
100000 service files (a register folder scanned, or files named to check or validate) and more
than 1000 rule pack files (--rules folders, rules lint) get one `ppsaudit: error:` line and exit
2, before any file is read: the files here are empty or missing, and reading any would report it.

usage: files_per_run.py PPSAUDIT SOURCE_DIR
"""
import os
import subprocess
import sys
import tempfile
import time

SERVICE = "examples/east-sussex-parent-link.yaml"
MAX_SERVICES = 100000
MAX_PACKS = 1000


def main():
    binary, source_dir = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    failures = []

    def expect(label, args, lines, cwd):
        started = time.monotonic()
        try:
            done = subprocess.run([binary, *args], capture_output=True, timeout=60, cwd=cwd,
                                  stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            failures.append(f"{label}: still running after 60 s")
            return
        elapsed = time.monotonic() - started
        err = done.stderr.decode("utf-8", "replace").splitlines()
        if done.returncode != 2:
            failures.append(f"{label}: exit {done.returncode}, not 2")
        if err != lines:
            failures.append(f"{label}: stderr {err[:3]!r}{' …' if len(err) > 3 else ''}, not {lines!r}")
        print(f"{label}: exit {done.returncode} in {elapsed:.2f} s")

    with tempfile.TemporaryDirectory() as folder:
        register = os.path.join(folder, "register")
        os.mkdir(register)
        for i in range(MAX_SERVICES + 1):
            open(os.path.join(register, f"{i}.yaml"), "wb").close()
        expect("a folder of 100001 service files (check)", ["check", "register", "--as-of", "2011-12-31"],
               [f"ppsaudit: error: the folder 'register' takes the run past {MAX_SERVICES} service files "
                "(*.yaml, *.yml), the limit for one run: check the register in parts"], folder)

        # Named, not found: short names, so that the command line fits in ARG_MAX.
        names = [str(i) for i in range(MAX_SERVICES + 1)]
        expect("100001 files named (check)", ["check", "--as-of", "2011-12-31", *names],
               [f"ppsaudit: error: {MAX_SERVICES + 1} service files named, more than {MAX_SERVICES}, the limit "
                "for one run: check the register in parts"], folder)
        expect("100001 files named (validate)", ["validate", *names],
               [f"ppsaudit: error: {MAX_SERVICES + 1} files named, more than {MAX_SERVICES}, the limit for one "
                "run: validate them in parts"], folder)

        packs = os.path.join(folder, "packs")
        os.mkdir(packs)
        for i in range(MAX_PACKS + 1):
            open(os.path.join(packs, f"{i}.yaml"), "wb").close()
        refused = [f"ppsaudit: error: {MAX_PACKS + 1} rule pack files named, more than {MAX_PACKS}, the limit "
                   "for one run"]
        expect("a --rules folder of 1001 packs (check)",
               ["check", os.path.join(source_dir, SERVICE), "--as-of", "2011-12-31", "--rules", "packs"], refused,
               folder)
        expect("a folder of 1001 packs (rules lint)", ["rules", "lint", "packs"], refused, folder)

    for failure in failures:
        print("FAIL " + failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
