"""Checks a SARIF report the way code-scanning tools read it: Microsoft's SARIF Multitool
validates it (schema and its SARIF rules; any error fails) and rewrites it (its SDK must load
every value), then the results are compared with the JSON report of the same run, including
SARIF's rule that a result whose kind is not "fail" has level "none", which the Multitool does
not check. With --broken, shows instead that each checker rejects a deliberately broken log."""
import argparse
import copy
import json
import os
import re
import subprocess
import sys
import urllib.parse

KINDS = {"met": "pass", "not_met": "fail", "needs_attestation": "review", "not_assessable": "open",
         "not_applicable": "notApplicable"}
LEVELS = {"must": "error", "must_have_regard": "error", "should": "warning", "commitment": "warning", "minimum_standard": "warning",
          "good_practice": "note", "best_practice": "note"}


def fail(message):
    sys.exit("sarif_consumer: " + message)


def printable(text):
    return "".join("\\x%02x" % ord(c) if ord(c) < 0x20 or ord(c) == 0x7F
                   else "\\u%04x" % ord(c) if 0x80 <= ord(c) <= 0x9F else c for c in text)


def multitool_problems(multitool, path):
    """The Multitool exits 0 even when it reports errors, so its output is read instead."""
    environment = dict(os.environ, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="1", DOTNET_CLI_TELEMETRY_OPTOUT="1")
    log = path + ".validation.sarif"
    if os.path.exists(log):
        os.remove(log)
    done = subprocess.run([multitool, "validate", path, "--output", log, "--log", "ForceOverwrite"],
                          capture_output=True, text=True, env=environment)
    problems = [line for line in (done.stdout + done.stderr).splitlines() if re.search(r"\berror\b", line)]
    if done.returncode != 0 or "Done. 1 files scanned." not in done.stdout or not os.path.exists(log):
        problems.append("validate did not finish (exit %d): %s%s" % (done.returncode, done.stdout, done.stderr))
    else:
        with open(log, encoding="utf-8") as file:
            for run in json.load(file)["runs"]:
                problems += ["validate: %s %s" % (r.get("ruleId"), r["message"].get("text", r["message"]))
                             for r in run.get("results", []) if r.get("level", "warning") == "error"]
    rewritten = path + ".rewritten.sarif"
    done = subprocess.run([multitool, "rewrite", path, "--output", rewritten, "--log", "ForceOverwrite"],
                          capture_output=True, text=True, env=environment)
    if done.returncode != 0:
        problems.append("rewrite: the SARIF SDK cannot load it: " + (done.stdout + done.stderr)[-600:])
    return problems


def semantic_problems(log, report):
    """What the JSON report says each result must be, and SARIF's kind/level consistency."""
    problems = []
    runs = log.get("runs", [])
    errors = report.get("errors", [])
    if log.get("version") != "2.1.0" or len(runs) != len(report["services"]) + len(errors):
        return ["version %r, %d runs for %d services and %d broken files"
                % (log.get("version"), len(runs), len(report["services"]), len(errors))]
    if "rollup" in report and len(log.get("properties", {}).get("rollup", [])) != len(report["rollup"]):
        problems.append("the log's roll-up does not have a row per file")
    # Each file that could not be audited: a run whose invocation failed, with an error
    # notification at the JSON report's location of its first error.
    for run, error in zip(runs[len(report["services"]):], errors):
        invocation = run.get("invocations", [{}])[0]
        where = error["location"]
        found = [n for n in invocation.get("toolExecutionNotifications", []) if n.get("level") == "error"
                 and n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                 == urllib.parse.quote(where["file"], safe="/~")
                 and n["locations"][0]["physicalLocation"].get("region", {}).get("startLine", 0) == where["line"]
                 and n["message"]["text"] == printable(error["message"])]
        if invocation.get("executionSuccessful") is not False or not found or run.get("results") != []:
            problems.append("%s: no failed invocation with an error notification at %s:%d"
                            % (error["file"], where["file"], where["line"]))
    absent = report.get("baseline", {}).get("absent", [])
    for run, service in zip(runs, report["services"]):
        rules = run["tool"]["driver"]["rules"]
        results = run.get("results", [])
        # After the results of this run, the baseline's results this run no longer has (SARIF's
        # baselineState "absent"), in the JSON report's order.
        gone = [a["rule"] for a in absent if a["service_audited"] and a["service"] == service["id"]]
        extra = results[len(service["results"]):]
        if [r.get("ruleId") for r in extra] != gone or any(r.get("baselineState") != "absent" for r in extra):
            problems.append("%s: absent results %r, JSON has %r" % (service["id"], [r.get("ruleId") for r in extra],
                                                                     gone))
        results = results[:len(service["results"])]
        if len(results) != len(service["results"]):
            problems.append("%d results, JSON has %d" % (len(results), len(service["results"])))
            continue
        for i, (result, want) in enumerate(zip(results, service["results"])):
            where = "runs[].results[%d] (%s)" % (i, want["rule"])
            kind, level = result.get("kind", "fail"), result.get("level", "warning")
            if kind != "fail" and level != "none":
                problems.append("%s: kind %r with level %r; SARIF requires level none" % (where, kind, level))
            want_kind = KINDS[want["result"]]
            want_level = LEVELS[want["strength"]] if want_kind == "fail" else "none"
            if (kind, level) != (want_kind, want_level):
                problems.append("%s: %s/%s, expected %s/%s" % (where, kind, level, want_kind, want_level))
            want_state = {"new": "new", "unchanged": "unchanged", "fixed": "updated", None: None}[want.get("baseline")]
            if result.get("baselineState") != want_state:
                problems.append("%s: baselineState %r, expected %r" % (where, result.get("baselineState"), want_state))
            index = result.get("ruleIndex", -1)
            if result.get("ruleId") != want["rule"] or not 0 <= index < len(rules) or rules[index]["id"] != want["rule"]:
                problems.append("%s: ruleId/ruleIndex do not name the rule" % where)
            if printable(want["message"]) not in result["message"]["text"]:
                problems.append("%s: message %r lacks %r" % (where, result["message"]["text"], want["message"]))
            physical = result["locations"][0]["physicalLocation"]
            if physical["artifactLocation"]["uri"] != urllib.parse.quote(want["location"]["file"], safe="/~"):
                problems.append("%s: uri %r" % (where, physical["artifactLocation"]["uri"]))
            line, column = want["location"]["line"], want["location"]["column"]
            region = physical.get("region")
            expected_region = None if line == 0 else dict({"startLine": line}, **({"startColumn": column} if column else {}))
            if region != expected_region:
                problems.append("%s: region %r, expected %r" % (where, region, expected_region))
            want_related = [(urllib.parse.quote(l["file"], safe="/~"), l["line"], l["column"])
                            for l in want.get("also_at", [])]
            got_related = [(r["physicalLocation"]["artifactLocation"]["uri"],
                            r["physicalLocation"].get("region", {}).get("startLine", 0),
                            r["physicalLocation"].get("region", {}).get("startColumn", 0))
                           for r in result.get("relatedLocations", [])]
            if got_related != want_related:
                problems.append("%s: relatedLocations %r, JSON's also_at %r" % (where, got_related, want_related))
    return problems


def run_check(args, extra):
    command = [args.binary, "check", *args.service, "--as-of", args.as_of, "--fail-on", "none",
               "--format", "json"] + (["--rules", args.rules] if args.rules else []) \
        + (["--profile", args.profile] if args.profile else []) \
        + (["--baseline", args.baseline] if args.baseline else []) + extra
    done = subprocess.run(command, cwd=args.source_dir, capture_output=True, text=True)
    if done.returncode != args.expect_exit:
        fail("%s exited %d: %s" % (" ".join(command), done.returncode, done.stderr))
    return json.loads(done.stdout)


def broken_variants(log):
    """Each a log one checker must reject, with the checker that must say so."""
    first = lambda variant: variant["runs"][0]["results"][0]
    passing = copy.deepcopy(log)
    result = next(r for r in passing["runs"][0]["results"] if r["kind"] == "pass")
    result["level"] = "error"
    no_message = copy.deepcopy(log)
    del first(no_message)["message"]
    bad_kind = copy.deepcopy(log)
    first(bad_kind)["kind"] = "bogus"
    return [("kind pass with level error", passing, "semantic"),
            ("a result without a message", no_message, "multitool"),
            ("an unknown kind", bad_kind, "multitool")]


def main():
    parser = argparse.ArgumentParser()
    for name in ("--binary", "--multitool", "--source-dir", "--work-dir", "--as-of"):
        parser.add_argument(name, required=True)
    parser.add_argument("--service", required=True, nargs="+", help="service files or folders (a register)")
    parser.add_argument("--expect-exit", type=int, default=0, help="2 for a register with a broken file")
    parser.add_argument("--rules")
    parser.add_argument("--profile")
    parser.add_argument("--baseline", help="a JSON report to compare with: every result gets a baselineState")
    parser.add_argument("--hostile", action="store_true")
    parser.add_argument("--broken", action="store_true")
    parser.add_argument("--expect-suppressions", action="store_true",
                        help="fail unless the results whose JSON waiver is applied, and only they, have one "
                             "accepted external suppression with the waiver's justification")
    parser.add_argument("--expect-related", action="store_true",
                        help="fail unless some result has relatedLocations (so that their check is not vacuous)")
    args = parser.parse_args()
    if not os.access(args.multitool, os.X_OK):
        fail("no SARIF Multitool at %s (bash .ci/setup --tests)" % args.multitool)
    os.makedirs(args.work_dir, exist_ok=True)
    stem = os.path.join(os.path.abspath(args.work_dir), os.path.basename(args.service[0].rstrip("/")).rsplit(".", 1)[0])
    first, second = stem + ".sarif", stem + ".again.sarif"
    report = run_check(args, ["--output", "sarif=" + first])
    run_check(args, ["--output", "sarif=" + second])
    with open(first, "rb") as a, open(second, "rb") as b:
        raw = a.read()
        if raw != b.read():
            fail("two runs with the same --as-of gave different bytes")
    log = json.loads(raw)

    if args.broken:
        for name, variant, checker in broken_variants(log):
            path = "%s.broken-%s.sarif" % (stem, re.sub(r"\W+", "-", name))
            with open(path, "w", encoding="utf-8") as file:
                json.dump(variant, file, indent=2)
            found = multitool_problems(args.multitool, path) if checker == "multitool" \
                else semantic_problems(variant, report)
            if not found:
                fail("%s: the %s check accepted %s" % (name, checker, path))
            print("sarif_consumer: rejected %s (%s): %s" % (name, checker, found[0][:200]))
        return

    problems = multitool_problems(args.multitool, first) + semantic_problems(log, report)
    if args.expect_related and not any(r.get("relatedLocations") for run in log["runs"] for r in run["results"]):
        problems.append("no result has relatedLocations")
    if args.expect_suppressions:
        waived = {(r["rule"], r["waiver"]["justification"]) for s in report["services"] for r in s["results"]
                  if r.get("waiver", {}).get("state") == "applied"}
        suppressed = set()
        for run in log["runs"]:
            for result in run["results"]:
                for suppression in result.get("suppressions", []):
                    if suppression.get("kind") != "external" or suppression.get("status") != "accepted":
                        problems.append("%s: a suppression not external and accepted" % result["ruleId"])
                    suppressed.add((result["ruleId"], suppression.get("justification")))
        if not waived or waived != suppressed:
            problems.append("waived in JSON %s, suppressed in SARIF %s" % (sorted(waived), sorted(suppressed)))
    if args.hostile:
        def strings(value):
            if isinstance(value, dict):
                return [s for v in value.values() for s in strings(v)]
            if isinstance(value, list):
                return [s for v in value for s in strings(v)]
            return [value] if isinstance(value, str) else []
        if any(re.search(r"[\x00-\x09\x0b-\x1f\x7f]", text) for text in strings(log)) \
                or any("\n" in r["message"]["text"] for run in log["runs"] for r in run["results"]):
            problems.append("a control character reached a SARIF string")
        hostile = [r for r in log["runs"][0]["results"] if "<script>" in r["message"]["text"]]
        if not hostile or "\\x1b[31m" not in hostile[0]["message"]["text"]:
            problems.append("no message carries the hostile title with its escape made visible")
    if problems:
        fail("%s:\n  %s" % (first, "\n  ".join(problems)))
    counts = {}
    for run in log["runs"]:
        for result in run["results"]:
            counts[result["kind"]] = counts.get(result["kind"], 0) + 1
    print("sarif_consumer: %s: the Multitool reports no errors and loads it; %s agree with JSON"
          % (args.service, ", ".join("%d %s" % (n, k) for k, n in sorted(counts.items()))))


if __name__ == "__main__":
    main()
