#!/usr/bin/env python3
"""Baselines (man/ppsaudit.1, "Baselines"): `check --baseline previous.json`, with the real binary.

Checks:
  - a service re-ordered and re-indented (tests/baseline/riverside-reordered.yaml) is unchanged
    against a baseline of riverside.yaml: every result, whatever its lines;
  - riverside-changed.yaml (the volunteer trained, the caseworker's training gone, the policy
    reviewed) gives exactly the hand-worked new and fixed results, matched by service id, rule
    and record at fault: a rule failing on another person is new, a rule failing on fewer people
    is unchanged; and every format says so (SARIF baselineState, JUnit, GitHub titles, ...);
  - --fail-on new fails on the new failures only: exit 1 for riverside-changed, 0 for the
    re-ordered file, which --fail-on should fails;
  - absent results: a rule no longer applied (a pack left out) and a service no longer in the
    register (a file deleted), in JSON and SARIF;
  - refusals, each exit 2 with a located message and no report: a baseline of another report
    version, another profile, not JSON, not a report, lacking elements, a missing file; two
    services of one id; --fail-on new without a baseline;
  - the configuration file's `baseline:` is taken from the file's folder;
  - the register of tests/register/ against a baseline of itself is unchanged throughout;
  - two runs give byte-identical reports.
"""
import json
import os
import shutil
import subprocess
import sys

AS_OF = "2011-06-30"
SERVICE_ID = "Riverside Borough Council / Riverside Parent Partnership"
# Worked by hand from the three files (see their comments): what changes from riverside.yaml to
# riverside-changed.yaml. The caseworker (people[id=cw-bob]) loses his training, so the two rules
# that need every staff member trained in impartiality fail on a record they did not fail on: new.
# The volunteer (ips-ann) is trained, so the rule that failed only on her is fixed, and the review
# made on 2011-01-10 is within a year of the audit date: fixed. nppn-2010/staff-good-modules
# failed on all three people and now fails on a subset of them (the volunteer still lacks the good-
# practice modules): unchanged.
EXPECTED_NEW = {"nppn-2010/staff-minimum": ["people[id=cw-bob]"], "nppn-2010/impartiality-good": ["people[id=cw-bob]"]}
EXPECTED_FIXED = {"sen-cop-2001/ips-recruited-and-trained", "nppn-impartiality/review-on-time"}


def fail(message):
    sys.exit("baseline: " + message)


def check(binary, args, cwd, want_exit):
    command = [binary, "check", *args, "--color", "never"]
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        fail("%s did not finish within 120 seconds" % " ".join(command))
    if done.returncode != want_exit:
        fail("%s exited %d, expected %d\nstdout: %s\nstderr: %s"
             % (" ".join(command), done.returncode, want_exit, done.stdout[-2000:], done.stderr))
    return done


def json_report(binary, args, cwd, want_exit=0):
    return json.loads(check(binary, args + ["--format", "json", "--fail-on", "none"], cwd, want_exit).stdout)


def states(report):
    return {(service["id"], result["rule"]): result for service in report["services"] for result in service["results"]}


def refused(binary, args, cwd, fragments, where):
    """exit 2, nothing on standard output, and a message with the fragments at `where`."""
    done = check(binary, args, cwd, 2)
    if done.stdout:
        fail("%s: a refused baseline still printed a report" % " ".join(args))
    lines = [line for line in done.stderr.splitlines() if ": error: " in line]
    if not any(line.startswith(where) and all(fragment in line for fragment in fragments) for line in lines):
        fail("%s: no error at %r saying %r; stderr: %s" % (" ".join(args), where, fragments, done.stderr))


def main():
    binary, source_dir, work_dir = (os.path.abspath(arg) for arg in sys.argv[1:4])
    shutil.rmtree(work_dir, ignore_errors=True)
    os.makedirs(work_dir)
    fixtures = os.path.join(source_dir, "tests", "baseline")
    for name in ("riverside.yaml", "riverside-reordered.yaml", "riverside-changed.yaml"):
        shutil.copy(os.path.join(fixtures, name), work_dir)

    # The baseline: a JSON report of riverside.yaml, with each service's id and each result's elements.
    base = json_report(binary, ["riverside.yaml", "--as-of", AS_OF], work_dir)
    with open(os.path.join(work_dir, "base.json"), "w", encoding="utf-8") as handle:
        json.dump(base, handle, indent=2)
    if base["version"] != 2 or base["services"][0]["id"] != SERVICE_ID:
        fail("the report is version %r with service id %r" % (base["version"], base["services"][0].get("id")))
    failing = [r for r in base["services"][0]["results"] if r["result"] in ("not_met", "not_assessable")]
    if not any(r["elements"] == ["people[id=ips-ann]"] for r in failing):
        fail("no failing result names the untrained volunteer as its element")

    # Re-ordered and re-indented: every result unchanged, though their lines all moved.
    reordered = json_report(binary, ["riverside-reordered.yaml", "--as-of", AS_OF, "--baseline", "base.json"], work_dir)
    marks = {result["baseline"] for result in reordered["services"][0]["results"]}
    counts = reordered["baseline"]["counts"]
    if marks != {"unchanged"} or counts != {"new": 0, "unchanged": len(base["services"][0]["results"]), "fixed": 0,
                                            "absent": 0}:
        fail("the re-ordered file is not all unchanged: %r, %r" % (marks, counts))
    moved = sum(1 for key, result in states(reordered).items()
                if result["location"]["line"] != states(base)[key]["location"]["line"])
    if moved == 0:
        fail("no result moved line in the re-ordered file: it proves nothing")
    check(binary, ["riverside-reordered.yaml", "--as-of", AS_OF, "--baseline", "base.json", "--fail-on", "new"],
          work_dir, 0)
    check(binary, ["riverside-reordered.yaml", "--as-of", AS_OF], work_dir, 1)

    # A year's changes: exactly the hand-worked new and fixed results.
    changed = json_report(binary, ["riverside-changed.yaml", "--as-of", AS_OF, "--baseline", "base.json"], work_dir)
    new = {r["rule"]: r["elements"] for r in changed["services"][0]["results"] if r["baseline"] == "new"}
    fixed = {r["rule"] for r in changed["services"][0]["results"] if r["baseline"] == "fixed"}
    if new != EXPECTED_NEW or fixed != EXPECTED_FIXED:
        fail("new %r (expected %r), fixed %r (expected %r)" % (new, EXPECTED_NEW, fixed, EXPECTED_FIXED))
    modules = states(changed)[(SERVICE_ID, "nppn-2010/staff-good-modules")]
    if modules["baseline"] != "unchanged" or modules["result"] != "not_met":
        fail("staff-good-modules, failing on fewer people, is %r" % modules["baseline"])
    check(binary, ["riverside-changed.yaml", "--as-of", AS_OF, "--baseline", "base.json", "--fail-on", "new"],
          work_dir, 1)

    # Every format says which results are new.
    args = ["riverside-changed.yaml", "--as-of", AS_OF, "--baseline", "base.json", "--fail-on", "none"]
    outputs = {}
    for format_name in ("text", "markdown", "html", "junit", "sarif", "github", "json"):
        first = check(binary, args + ["--format", format_name], work_dir, 0).stdout
        if check(binary, args + ["--format", format_name], work_dir, 0).stdout != first:
            fail("two runs of the %s report differ" % format_name)
        outputs[format_name] = first
    wanted = {
        "text": ["baseline: base.json: 2 new, ", "since: new: not failing in the baseline",
                 "ips-recruited-and-trained (fixed)"],
        "markdown": ["Compared with base.json: 2 new", "Since: new: not failing in the baseline"],
        "html": ["Compared with <code>base.json</code>: 2 new", "<dt>Since</dt><dd>new: not failing in the baseline"],
        "junit": ["since: new: not failing in the baseline", 'name="baseline_new"', 'name="baseline_fixed"'],
        "github": ["title=nppn-2010/staff-minimum (new)::", "title=baseline::compared with base.json: 2 new"],
    }
    for format_name, fragments in wanted.items():
        for fragment in fragments:
            if fragment not in outputs[format_name]:
                fail("the %s report lacks %r" % (format_name, fragment))
    sarif_states = {}
    for run in json.loads(outputs["sarif"])["runs"]:
        for result in run["results"]:
            sarif_states[result["ruleId"]] = result.get("baselineState")
            if "ppsaudit/v1" not in result.get("partialFingerprints", {}):
                fail("SARIF result %s has no ppsaudit/v1 fingerprint" % result["ruleId"])
    for rule in EXPECTED_NEW:
        if sarif_states.get(rule) != "new":
            fail("SARIF gives %s baselineState %r" % (rule, sarif_states.get(rule)))
    for rule in EXPECTED_FIXED:
        if sarif_states.get(rule) != "updated":
            fail("SARIF gives the fixed %s baselineState %r, not updated" % (rule, sarif_states.get(rule)))

    # Absent: a rule no longer applied, and a service no longer audited.
    register = os.path.join(work_dir, "register")
    os.makedirs(register)
    shutil.copy(os.path.join(fixtures, "riverside.yaml"), register)
    for name in ("east-sussex-parent-link.yaml", "east-sussex-parent-link.rules.yaml"):
        shutil.copy(os.path.join(source_dir, "examples", name), register)
    pack = os.path.join(source_dir, "examples", "cambridgeshire-pps.rules.yaml")
    register_base = json_report(binary, ["register", "--as-of", AS_OF, "--rules", pack], work_dir)
    with open(os.path.join(work_dir, "register-base.json"), "w", encoding="utf-8") as handle:
        json.dump(register_base, handle)
    os.remove(os.path.join(register, "east-sussex-parent-link.yaml"))
    after = json_report(binary, ["register", "--as-of", AS_OF, "--baseline", "register-base.json"], work_dir)
    absent = after["baseline"]["absent"]
    gone = [a for a in absent if not a["service_audited"]]
    dropped = [a for a in absent if a["service_audited"]]
    east_sussex = next(s for s in register_base["services"] if s["name"] == "Parent Link")
    local_rules = [r["rule"] for r in register_base["services"][0]["results"] if r["pack"] == "cambridgeshire-pps"]
    if [a["rule"] for a in gone] != [r["rule"] for r in east_sussex["results"]] or \
            {a["service"] for a in gone} != {east_sussex["id"]}:
        fail("the deleted service's results are not all absent: %r" % [(a["service"], a["rule"]) for a in gone])
    if not local_rules or [a["rule"] for a in dropped] != local_rules:
        fail("the rules of the pack left out are not absent: %r, expected %r" % (dropped, local_rules))
    if after["baseline"]["counts"]["absent"] != len(absent):
        fail("the absent count %r is not the number listed" % after["baseline"]["counts"]["absent"])
    sarif = json.loads(check(binary, ["register", "--as-of", AS_OF, "--baseline", "register-base.json",
                                      "--fail-on", "none", "--format", "sarif"], work_dir, 0).stdout)
    sarif_absent = [r["ruleId"] for run in sarif["runs"] for r in run["results"] if r.get("baselineState") == "absent"]
    if sarif_absent != local_rules:
        fail("SARIF's absent results %r, expected the dropped pack's %r" % (sarif_absent, local_rules))
    if len(sarif["properties"]["baseline"]["absent_services"]) != len(gone):
        fail("SARIF does not list the deleted service's absent results")

    # The whole register of tests/register/ against a baseline of itself: every result unchanged,
    # and --fail-on new passes though --fail-on should fails.
    whole = json_report(binary, ["tests/register", "--as-of", "2011-12-31"], source_dir)
    whole_path = os.path.join(work_dir, "whole-register.json")
    with open(whole_path, "w", encoding="utf-8") as handle:
        json.dump(whole, handle)
    again = json_report(binary, ["tests/register", "--as-of", "2011-12-31", "--baseline", whole_path], source_dir)
    total = sum(len(service["results"]) for service in whole["services"])
    if len(whole["services"]) < 20 or again["baseline"]["counts"] != {"new": 0, "unchanged": total, "fixed": 0,
                                                                         "absent": 0}:
        fail("the register against itself: %d services, %r" % (len(whole["services"]), again["baseline"]["counts"]))
    check(binary, ["tests/register", "--as-of", "2011-12-31", "--baseline", whole_path, "--fail-on", "new"],
          source_dir, 0)
    check(binary, ["tests/register", "--as-of", "2011-12-31"], source_dir, 1)

    # Refusals: exit 2, located, nothing written.
    def variant(name, change):
        data = json.loads(json.dumps(base))
        change(data)
        path = os.path.join(work_dir, name)
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2)
        return name

    old = variant("old-version.json", lambda data: data.update(version=1))
    refused(binary, ["riverside.yaml", "--as-of", AS_OF, "--baseline", old], work_dir,
            ["version 1 of the report format", "reads only version 2"], "old-version.json:3:14: error:")
    other_profile = json_report(binary, ["riverside.yaml", "--as-of", AS_OF, "--profile", "iass"], work_dir)
    with open(os.path.join(work_dir, "iass.json"), "w", encoding="utf-8") as handle:
        json.dump(other_profile, handle, indent=2)
    refused(binary, ["riverside.yaml", "--as-of", AS_OF, "--baseline", "iass.json"], work_dir,
            ["audited under profile iass", "under pps"], "iass.json:")
    no_elements = variant("no-elements.json",
                          lambda data: data["services"][0]["results"][3].pop("elements"))
    refused(binary, ["riverside.yaml", "--as-of", AS_OF, "--baseline", no_elements], work_dir,
            ["'elements' is missing"], "no-elements.json:")
    with open(os.path.join(work_dir, "truncated.json"), "w", encoding="utf-8") as handle:
        handle.write('{\n  "format": "ppsaudit-report",\n  "version": \n')
    refused(binary, ["riverside.yaml", "--as-of", AS_OF, "--baseline", "truncated.json"], work_dir,
            ["baseline: not JSON"], "truncated.json:4:1: error:")
    with open(os.path.join(work_dir, "service.json"), "w", encoding="utf-8") as handle:
        handle.write('[1, 2]\n')
    refused(binary, ["riverside.yaml", "--as-of", AS_OF, "--baseline", "service.json"], work_dir,
            ["a baseline is a JSON report of ppsaudit"], "service.json")
    variant("compare.json", lambda data: data.update(format="ppsaudit-compare"))
    refused(binary, ["riverside.yaml", "--as-of", AS_OF, "--baseline", "compare.json"], work_dir,
            ['whose "format" is "ppsaudit-report"; this one\'s is "ppsaudit-compare"'], "compare.json:2:13: error:")
    refused(binary, ["riverside.yaml", "--as-of", AS_OF, "--baseline", "missing.json"], work_dir,
            ["cannot open the baseline 'missing.json'"], "ppsaudit: error:")
    twins = os.path.join(work_dir, "twins")
    os.makedirs(twins)
    shutil.copy(os.path.join(fixtures, "riverside.yaml"), twins)
    shutil.copy(os.path.join(fixtures, "riverside-changed.yaml"), twins)
    refused(binary, ["twins", "--as-of", AS_OF, "--baseline", "base.json"], work_dir,
            ["service id '%s' is also the id of" % SERVICE_ID, "service.id"], "twins/riverside.yaml:")
    refused(binary, ["riverside.yaml", "--as-of", AS_OF, "--fail-on", "new"], work_dir,
            ["--fail-on new needs a baseline (--baseline"], "ppsaudit: error:")

    # The configuration file names the baseline, relative to its own folder.
    register_root = os.path.join(work_dir, "council")
    os.makedirs(os.path.join(register_root, "services"))
    shutil.copy(os.path.join(fixtures, "riverside-changed.yaml"), os.path.join(register_root, "services"))
    shutil.copy(os.path.join(work_dir, "base.json"), os.path.join(register_root, "last-audit.json"))
    with open(os.path.join(register_root, "ppsaudit.yaml"), "w", encoding="utf-8") as handle:
        handle.write("ppsaudit-config: 1\nas_of: %s\nbaseline: last-audit.json\nfail_on: new\n" % AS_OF)
    done = check(binary, ["riverside-changed.yaml", "--format", "json"], os.path.join(register_root, "services"), 1)
    if json.loads(done.stdout)["baseline"]["counts"]["new"] != len(EXPECTED_NEW):
        fail("the configuration file's baseline was not used")
    print("baseline: ok")


if __name__ == "__main__":
    main()
