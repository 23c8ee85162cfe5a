#!/usr/bin/env python3
"""`check --jobs N` (man/ppsaudit.1): reading and auditing on N threads changes nothing a user
sees. For the register of tests/register/ with tests/register-broken/ (a broken file among
them), in every format, the standard output, standard error and exit status of --jobs 1, 2, 3,
8 and the default (one thread per core) are byte-identical; so are 64 threads for 2 files.

usage: jobs.py PPSAUDIT SOURCE_DIR
"""
import subprocess
import sys

FORMATS = ("text", "json", "junit", "sarif", "markdown", "html", "github")


def run(binary, cwd, args):
    done = subprocess.run([binary, "check", *args, "--color", "never"], cwd=cwd, capture_output=True, timeout=300)
    return done.returncode, done.stdout, done.stderr


def main():
    binary, source_dir = sys.argv[1], sys.argv[2]
    failures = []
    subjects = [
        ["tests/register", "tests/register-broken", "--as-of", "2011-12-31"],
        ["examples/cambridgeshire-pps.yaml", "examples/east-sussex-parent-link.yaml", "--as-of", "2011-12-31"],
    ]
    runs = 0
    for subject in subjects:
        for format_name in FORMATS:
            base = run(binary, source_dir, subject + ["--format", format_name, "--jobs", "1"])
            if not base[1]:
                failures.append("%s --format %s printed nothing" % (subject[0], format_name))
            for jobs in (["--jobs", "2"], ["--jobs", "3"], ["--jobs", "8"], [], ["--jobs", "64"]):
                got = run(binary, source_dir, subject + ["--format", format_name] + jobs)
                runs += 1
                if got != base:
                    failures.append("%s --format %s %s: exit %d, %d bytes out, %d bytes err; --jobs 1: exit %d, "
                                    "%d bytes out, %d bytes err" % (subject[0], format_name, " ".join(jobs) or
                                                                    "(default)", got[0], len(got[1]), len(got[2]),
                                                                    base[0], len(base[1]), len(base[2])))
    if failures:
        sys.exit("jobs: " + "\n  ".join(failures))
    print("jobs: %d runs on 2 to 64 threads match one thread byte for byte" % runs)


if __name__ == "__main__":
    main()
