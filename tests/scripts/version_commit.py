#!/usr/bin/env python3
"""`ppsaudit --version` names the git commit the binary was built from (cmake/git_commit.cmake).

usage: version_commit.py PPSAUDIT SOURCE_DIR
Exits 77 (CTest's skip code for this test) when SOURCE_DIR is not a git checkout: then the
version has no commit to name, and the test is reported as skipped, never as passed.
"""
import subprocess
import sys

binary, source = sys.argv[1:3]
head = subprocess.run(["git", "-C", source, "rev-parse", "--short=12", "HEAD"], capture_output=True, text=True)
if head.returncode != 0:
    print("not a git checkout: nothing to compare with")
    sys.exit(77)
version = subprocess.run([binary, "--version"], capture_output=True, text=True, check=True).stdout
first = version.splitlines()[0]
if not first.startswith(f"ppsaudit ") or f"(git {head.stdout.strip()}" not in first:
    print(f"--version says {first!r}, not the commit {head.stdout.strip()}")
    sys.exit(1)
print(f"ok: {first}")
