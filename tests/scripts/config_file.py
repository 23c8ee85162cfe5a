"""Runs `ppsaudit check` in a temporary register whose root has a ppsaudit.yaml, and checks
that the configuration file is found, applied, overridden and refused as man/ppsaudit.1
(CONFIGURATION) says. The register holds the Cambridgeshire service with its local pack moved
to packs/, which only the configuration file names. One case a run (--case)."""
import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys

CONFIG = """ppsaudit-config: 1
as_of: 2008-07-31
fail_on: none
due_within: 30
rules: [packs]
outputs:
  json: reports/audit.json
"""


def fail(message):
    sys.exit("config_file: " + message)


def register(args):
    """A fresh register: ppsaudit.yaml, services/ (with an empty sub-folder), packs/."""
    root = os.path.join(os.path.abspath(args.work_dir), args.case)
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(os.path.join(root, "services", "sub"))
    os.makedirs(os.path.join(root, "packs"))
    os.makedirs(os.path.join(root, "reports"))  # as for --output, the folder must exist
    with open(os.path.join(args.source_dir, "examples", "cambridgeshire-pps.yaml"), encoding="utf-8") as file:
        service = file.read()
    if "local_packs: [cambridgeshire-pps.rules.yaml]\n" not in service:
        fail("the example no longer names its local pack as this test expects")
    with open(os.path.join(root, "services", "cambridgeshire-pps.yaml"), "w", encoding="utf-8") as file:
        file.write(service.replace("local_packs: [cambridgeshire-pps.rules.yaml]\n", ""))
    shutil.copyfile(os.path.join(args.source_dir, "examples", "cambridgeshire-pps.rules.yaml"),
                    os.path.join(root, "packs", "cambridgeshire-pps.rules.yaml"))
    write(root, "ppsaudit.yaml", CONFIG)
    return root


def write(root, name, text):
    with open(os.path.join(root, name), "w", encoding="utf-8") as file:
        file.write(text)


def check(args, cwd, *options):
    done = subprocess.run([args.binary, "check", *options], cwd=cwd, capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


def report_of(stdout):
    try:
        return json.loads(stdout)
    except ValueError:
        fail("standard output is not the JSON report: %r" % stdout[:300])


def expect(condition, message):
    if not condition:
        fail(message)


def local_pack_applied(report):
    return any(result["pack"] == "cambridgeshire-pps" for result in report["services"][0]["results"])


def main():
    parser = argparse.ArgumentParser()
    for name in ("--binary", "--source-dir", "--work-dir", "--case"):
        parser.add_argument(name, required=True)
    args = parser.parse_args()
    root = register(args)
    sub = os.path.join(root, "services", "sub")
    service = "../cambridgeshire-pps.yaml"
    written = os.path.join(root, "reports", "audit.json")

    if args.case == "walk-up":
        # Run two folders below the configuration file: every setting of it applies, its paths
        # taken from its own folder, and standard output still gets the report.
        status, stdout, stderr = check(args, sub, service, "--format", "json")
        expect(status == 0, "exit %d (fail_on: none should make it 0): %s" % (status, stderr))
        report = report_of(stdout)
        expect(report["services"][0]["as_of"] == "2008-07-31", "as_of %r" % report["services"][0]["as_of"])
        expect(report["due_within_days"] == 30, "due_within_days %r" % report["due_within_days"])
        expect(local_pack_applied(report), "the pack in packs/ was not applied")
        expect(os.path.exists(written), "reports/audit.json was not written beside ppsaudit.yaml")
        with open(written, encoding="utf-8") as file:
            expect(json.load(file) == report, "reports/audit.json is not the report on standard output")
    elif args.case == "override":
        # Each option on the command line wins over the file; what it leaves alone still applies.
        status, stdout, stderr = check(args, sub, service, "--format", "json", "--as-of", "2009-01-31",
                                       "--fail-on", "any", "--output", "json=own.json")
        expect(status == 1, "exit %d (--fail-on any over fail_on: none should make it 1): %s" % (status, stderr))
        report = report_of(stdout)
        expect(report["services"][0]["as_of"] == "2009-01-31", "as_of %r" % report["services"][0]["as_of"])
        expect(report["due_within_days"] == 30, "due_within_days %r" % report["due_within_days"])
        expect(local_pack_applied(report), "the pack in packs/ was not applied")
        expect(os.path.exists(os.path.join(sub, "own.json")), "--output json=own.json was not written")
        expect(not os.path.exists(written), "--output json= should replace the file's json output")
    elif args.case == "no-config":
        status, stdout, stderr = check(args, sub, service, "--format", "json", "--no-config")
        report = report_of(stdout)
        today = datetime.datetime.now(datetime.timezone.utc).date()
        expect(report["services"][0]["as_of"] in (str(today), str(today - datetime.timedelta(days=1))),
               "as_of %r is not today" % report["services"][0]["as_of"])
        expect(report["due_within_days"] == 60, "due_within_days %r" % report["due_within_days"])
        expect(not local_pack_applied(report), "the pack named only by the file was applied")
        expect(not os.path.exists(written), "reports/audit.json was written")
        expect(status in (0, 1), "exit %d: %s" % (status, stderr))
    elif args.case == "named":
        # --config names a file elsewhere, read instead of the nearest ppsaudit.yaml.
        os.makedirs(os.path.join(root, "alt"))
        write(root, "alt/june.yaml", "ppsaudit-config: 1\nas_of: 2008-06-30\nfail_on: none\n")
        status, stdout, stderr = check(args, sub, service, "--format", "json", "--config", "../../alt/june.yaml")
        expect(status == 0, "exit %d: %s" % (status, stderr))
        report = report_of(stdout)
        expect(report["services"][0]["as_of"] == "2008-06-30", "as_of %r" % report["services"][0]["as_of"])
        expect(report["due_within_days"] == 60, "due_within_days %r: the nearest file was read too"
               % report["due_within_days"])
        expect(not os.path.exists(written), "the nearest file's output was written")
        status, _, stderr = check(args, sub, service, "--config", "../../alt/missing.yaml")
        expect(status == 2 and "missing.yaml" in stderr, "a missing --config: exit %d, %r" % (status, stderr))
        status, _, stderr = check(args, sub, service, "--config", "../../alt/june.yaml", "--no-config")
        expect(status == 2, "--config with --no-config: exit %d, %r" % (status, stderr))
    elif args.case == "malformed":
        # Each refused with located messages, exit 2 and nothing on standard output.
        cases = [
            ("ppsaudit-config: 1\nas-of: 2008-07-31\nfail_on: none\n",
             "../../ppsaudit.yaml:2:1: error: unknown key 'as-of' in the configuration file "
             "(did you mean 'as_of'?)\n"),
            ("ppsaudit-config: 1\nas_of: 2008-02-30\n", "../../ppsaudit.yaml:2:8: error: 'as_of': "),
            ("ppsaudit-config: 1\noutputs:\n  sarfi: audit.sarif\n",
             "../../ppsaudit.yaml:3:3: error: unknown key 'sarfi' in 'outputs' (did you mean 'sarif'?)\n"),
            ("ppsaudit-config: 1\nfail_on: [must]\n", "../../ppsaudit.yaml:2:10: error: "),
            ("ppsaudit: 1\n", "../../ppsaudit.yaml:1:1: error: a configuration file starts with "
             "'ppsaudit-config: 1', not 'ppsaudit'\n"),
        ]
        for text, message in cases:
            write(root, "ppsaudit.yaml", text)
            status, stdout, stderr = check(args, sub, service)
            expect(status == 2, "exit %d for %r: %s" % (status, text, stderr))
            expect(stderr.startswith(message), "for %r stderr is %r, expected it to start %r" % (text, stderr, message))
            expect(stdout == "", "standard output for %r: %r" % (text, stdout[:200]))
    elif args.case == "validate":
        # validate knows a configuration file by its first key, and reads it as one.
        done = subprocess.run([args.binary, "validate", "ppsaudit.yaml"], cwd=root, capture_output=True, text=True)
        expect(done.returncode == 0 and done.stdout == "ppsaudit.yaml: ok: configuration file\n",
               "validate: exit %d, %r, %r" % (done.returncode, done.stdout, done.stderr))
        write(root, "ppsaudit.yaml", "ppsaudit-config: 1\nprofile: ppss\n")
        done = subprocess.run([args.binary, "validate", "ppsaudit.yaml"], cwd=root, capture_output=True, text=True)
        expect(done.returncode == 2 and done.stderr.startswith("ppsaudit.yaml:2:10: error: ")
               and "(did you mean 'pps'?)" in done.stderr,
               "validate of a bad file: exit %d, %r" % (done.returncode, done.stderr))
    else:
        fail("unknown case " + args.case)
    print("config_file: %s: ok" % args.case)


main()
