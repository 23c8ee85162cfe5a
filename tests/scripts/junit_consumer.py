"""Checks a JUnit report the way CI systems read it: parses it with junitparser (Debian's
python3-junitparser) and ElementTree, and requires each suite's counts, test cases and results
to agree with the JSON report of the same run. With --hostile, also checks that hostile
strings round-trip with their control characters made visible and never break the markup."""
import argparse
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

try:
    import junitparser
except ImportError:
    # Debian's python3-junitparser belongs to Debian's interpreter; CMake may have found another.
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != "/usr/bin/python3" \
            and not os.environ.get("PPSAUDIT_REEXEC"):
        os.environ["PPSAUDIT_REEXEC"] = "1"
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    sys.exit("junit_consumer: python3-junitparser is not installed (bash .ci/setup --tests)")


def printable(text):
    """ppsaudit's printable(): C0 controls and DEL as \\xNN, C1 controls as \\uNNNN."""
    out = []
    for char in text:
        code = ord(char)
        if code < 0x20 or code == 0x7F:
            out.append("\\x%02x" % code)
        elif 0x80 <= code <= 0x9F:
            out.append("\\u%04x" % code)
        else:
            out.append(char)
    return "".join(out)


def fail(message):
    sys.exit("junit_consumer: " + message)


def run(args, extra):
    command = [args.binary, "check", *args.service, "--as-of", args.as_of, "--fail-on", "none",
               "--format", "json"] + (["--rules", args.rules] if args.rules else []) \
        + (["--baseline", args.baseline] if args.baseline else []) + extra
    done = subprocess.run(command, cwd=args.source_dir, capture_output=True, text=True)
    if done.returncode != args.expect_exit:
        fail("%s exited %d: %s" % (" ".join(command), done.returncode, done.stderr))
    return json.loads(done.stdout)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--work-dir", required=True)
    parser.add_argument("--service", required=True, nargs="+", help="service files or folders (a register)")
    parser.add_argument("--expect-exit", type=int, default=0, help="2 for a register with a broken file")
    parser.add_argument("--rules")
    parser.add_argument("--as-of", required=True)
    parser.add_argument("--hostile", action="store_true")
    parser.add_argument("--baseline", help="a JSON report to compare with: each failure says since when")
    args = parser.parse_args()
    os.makedirs(args.work_dir, exist_ok=True)
    stem = os.path.join(os.path.abspath(args.work_dir), os.path.basename(args.service[0].rstrip("/")).rsplit(".", 1)[0])
    first, second = stem + ".junit.xml", stem + ".again.junit.xml"
    report = run(args, ["--output", "junit=" + first])
    run(args, ["--output", "junit=" + second])
    with open(first, "rb") as a, open(second, "rb") as b:
        raw = a.read()
        if raw != b.read():
            fail("two runs with the same --as-of gave different bytes")

    ElementTree.parse(first)  # well-formed XML, or an exception
    xml = junitparser.JUnitXml.fromfile(first)
    suites = list(xml)
    # A register: the roll-up suite first (no test cases, a property per file), and a suite of
    # its own for each file that could not be audited, last.
    if "rollup" in report:
        rollup = suites.pop(0)
        rows = [p for p in rollup.properties()]
        if not rollup.name.startswith("ppsaudit roll-up") or rollup.tests != 0 or len(rows) != len(report["rollup"]):
            fail("the first suite %r is not a roll-up of %d files" % (rollup.name, len(report["rollup"])))
    broken = suites[len(suites) - len(report["errors"]):] if report["errors"] else []
    suites = suites[:len(suites) - len(broken)]
    for suite, error in zip(broken, report["errors"]):
        cases = list(suite)
        kinds = [(type(r).__name__, r.type) for c in cases for r in c.result]
        where = error["location"]
        located = "%s:%d:%d: error: %s" % (where["file"], where["line"], where["column"], error["message"])
        if suite.errors != 1 or len(cases) != 1 or cases[0].name != error["file"] \
                or kinds != [("Error", "input_error")] or cases[0].result[0].message != printable(located):
            fail("suite %r is not the error entry of %s at %s" % (suite.name, error["file"], located))
    expected = [(service, framework) for service in report["services"] for framework in service["frameworks"]]
    if len(suites) != len(expected):
        fail("%d suites, but the JSON report has %d frameworks" % (len(suites), len(expected)))

    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite, (service, framework) in zip(suites, expected):
        counts = framework["counts"]
        want = {
            "tests": sum(counts.values()),
            "failures": counts["not_met"] + counts["needs_attestation"],
            "errors": counts["not_assessable"],
            "skipped": counts["not_applicable"],
        }
        got = {key: getattr(suite, key) for key in want}
        if got != want:
            fail("suite '%s': counts %s, JSON says %s" % (suite.name, got, want))
        for key in totals:
            totals[key] += want[key]
        name = "%s \u2014 %s" % (printable(service["name"]), printable(framework["framework"]))
        if suite.name != name:
            fail("suite name %r, expected %r" % (suite.name, name))
        properties = {p.name: p.value for p in suite.properties()}
        if properties.get("service_file") != service["file"]:
            fail("suite '%s': service_file %r, expected %r" % (suite.name, properties.get("service_file"),
                                                               service["file"]))

        results = [r for r in service["results"] if r["framework"] == framework["framework"]]
        cases = list(suite)
        if [c.name for c in cases] != [r["rule"] for r in results]:
            fail("suite '%s': test cases differ from the JSON report's rules" % suite.name)
        for case, result in zip(cases, results):
            kinds = [(type(r).__name__, r.type, r.message) for r in case.result]
            message = printable(result["message"])
            want_kind = {
                "met": [],
                "not_met": [("Failure", result["strength"], message)],
                "needs_attestation": [("Failure", "needs_attestation", message)],
                "not_assessable": [("Error", "not_assessable", message)],
                "not_applicable": [("Skipped", None, message)],
            }[result["result"]]
            if kinds != want_kind or case.classname != result["pack"]:
                fail("test case '%s': %s %r, expected %r for %s" % (case.name, case.classname, kinds, want_kind,
                                                                   result["result"]))
            # With a baseline, a failure's body says whether it is new (the JSON report's mark).
            since = {"new": "since: new:", "unchanged": "since: unchanged:", "fixed": "since: fixed:"}
            if args.baseline and result["result"] in ("not_met", "not_assessable") \
                    and since[result["baseline"]] not in (case.result[0].text or ""):
                fail("test case '%s': its body does not say %r" % (case.name, since[result["baseline"]]))
    totals["tests"] += len(broken)
    totals["errors"] += len(broken)
    got = {key: getattr(xml, key) for key in totals}
    if got != totals:
        fail("<testsuites> counts %s, expected %s" % (got, totals))

    if args.hostile:
        text = raw.decode("utf-8")
        if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text):
            fail("a control character reached the XML")
        if "<script" in text or "]]>" in text:
            fail("hostile markup reached the XML unescaped")
        hostile = [r for s in report["services"] for r in s["results"] if "<script>" in r["message"]]
        if not hostile or not any("\x1b" in r["message"] and "\n" in r["message"] for r in hostile):
            fail("the hostile service gave no message carrying the hostile title: nothing was tested")
        if "\\x1b[31m" not in suites[0].name or "\\x0asecond line" not in suites[0].name:
            fail("suite name %r does not show the control characters" % suites[0].name)
    print("junit_consumer: %s: %d suites, %d tests, %d failures, %d errors, %d skipped; counts agree with JSON"
          % (args.service, len(suites), totals["tests"], totals["failures"], totals["errors"], totals["skipped"]))


if __name__ == "__main__":
    main()
