"""Tests the CI examples of docs/ci.md as a CI system would use them. Each fenced ```yaml block
starts with a comment naming the file it is (`# .github/workflows/ppsaudit.yml`,
`# .gitlab-ci.yml`, `# .pre-commit-config.yaml`); every yaml block must be one of those, once.
Each is parsed with PyYAML and its structure checked; then the `ppsaudit` commands of its
`run:` or `script:` steps are run with the built binary first on PATH, in a copy of a register
(tests/register as `services/`, with a ppsaudit.yaml that fixes the audit date), and the files
they write are read back: the SARIF against the SARIF 2.1.0 JSON Schema, the JUnit XML with
junitparser, the github format line by line. Other steps (checkout, apt-get, upload) are not
run, and the output says so. The pre-commit block is run by tests/scripts/pre_commit_hooks.py."""
import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

import jsonschema
import junitparser
import yaml

GITHUB = ".github/workflows/ppsaudit.yml"
GITLAB = ".gitlab-ci.yml"
PRE_COMMIT = ".pre-commit-config.yaml"
# A workflow command as --format github writes it: a level, properties, then the message.
COMMAND = re.compile(r"::(error|warning|notice) file=[^,:\r\n]+(?:,line=[1-9][0-9]*(?:,col=[1-9][0-9]*)?)?"
                     r"(?:,title=[^,:\r\n]*)?::\S.*")
# Words the runner may run besides ppsaudit: making the folder a report goes to.
HARMLESS = {"mkdir"}

problems = []


def problem(message):
    problems.append(message)
    print("ci_examples: FAIL: " + message)


def yaml_blocks(markdown_path):
    """{file name: (text, line)} of each ```yaml block, named by its first line's comment."""
    blocks, lines = {}, open(markdown_path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        fence = re.match(r"^(```+)\s*(\S*)", lines[i])
        if not fence:
            i += 1
            continue
        start, end = i + 1, i + 1
        while end < len(lines) and not lines[end].startswith(fence.group(1)):
            end += 1
        if fence.group(2) in ("yaml", "yml"):
            body = lines[start:end]
            name = re.match(r"^#\s*(\S+)\s*$", body[0]) if body else None
            where = "%s:%d" % (markdown_path, start + 1)
            if not name or name.group(1) not in (GITHUB, GITLAB, PRE_COMMIT):
                problem("%s: a yaml block that does not start with '# %s', '# %s' or '# %s'"
                        % (where, GITHUB, GITLAB, PRE_COMMIT))
            elif name.group(1) in blocks:
                problem("%s: a second block for %s" % (where, name.group(1)))
            else:
                blocks[name.group(1)] = ("\n".join(body) + "\n", where)
        i = end + 1
    for wanted in (GITHUB, GITLAB, PRE_COMMIT):
        if wanted not in blocks:
            problem("%s has no yaml block for %s" % (markdown_path, wanted))
    return blocks


def script_lines(script):
    """The shell lines of a run: or script: entry, with backslash continuations joined."""
    joined = re.sub(r"\\\n\s*", " ", script)
    return [line.strip() for line in joined.split("\n") if line.strip() and not line.strip().startswith("#")]


def option_value(words, option):
    """The values of `--option value` and `--option=value` in a command's words."""
    values = []
    for i, word in enumerate(words):
        if word == option and i + 1 < len(words):
            values.append(words[i + 1])
        elif word.startswith(option + "="):
            values.append(word[len(option) + 1:])
    return values


def outputs_of(words):
    """{format: path} of each --output of a command."""
    return dict(value.split("=", 1) for value in option_value(words, "--output") if "=" in value)


def run_line(line, label, work, env):
    """Runs one shell line of an example when it is a ppsaudit command (or makes a folder);
    returns (words, exit status, stdout) or None when it is not run."""
    words = shlex.split(line)
    if not words or (words[0] != "ppsaudit" and words[0] not in HARMLESS):
        print("ci_examples: %s: not run (not a ppsaudit command): %s" % (label, line))
        return None
    done = subprocess.run(["bash", "-c", line], cwd=work, env=env, capture_output=True, text=True)
    print("ci_examples: %s: ran: %s (exit %d)" % (label, line, done.returncode))
    if words[0] != "ppsaudit":
        if done.returncode != 0:
            problem("%s: '%s' exited %d: %s" % (label, line, done.returncode, done.stderr))
        return None
    if len(words) < 2:
        problem("%s: '%s' names no command" % (label, line))
        return None
    allowed = (0,) if words[1] == "validate" else (0, 1)
    if done.returncode not in allowed:
        problem("%s: '%s' exited %d (0%s expected): %s" % (label, line, done.returncode,
                                                            "" if allowed == (0,) else " or 1",
                                                            done.stderr[-2000:]))
    return words, done.returncode, done.stdout


def check_sarif(path, label, schema, work):
    try:
        with open(path, encoding="utf-8") as file:
            log = json.load(file)
    except (OSError, ValueError) as error:
        problem("%s: the SARIF report %s cannot be read: %s" % (label, path, error))
        return
    try:
        jsonschema.validate(log, schema)
    except jsonschema.ValidationError as error:
        problem("%s: %s is not valid SARIF 2.1.0: %s at %s" % (label, path, error.message, list(error.absolute_path)))
        return
    runs = log.get("runs", [])
    if log.get("version") != "2.1.0" or not runs:
        problem("%s: %s: version %r with %d runs" % (label, path, log.get("version"), len(runs)))
    # Code scanning places an alert by its URI, relative to the repository's root.
    for run in runs:
        for result in run.get("results", []):
            uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            if not os.path.isfile(os.path.join(work, uri)):
                problem("%s: %s: result location %r is not a file of the repository" % (label, path, uri))
                return
    print("ci_examples: %s: %s is SARIF 2.1.0 (schema-valid), %d runs, %d results"
          % (label, path, len(runs), sum(len(r.get("results", [])) for r in runs)))


def check_junit(path, label):
    try:
        xml = junitparser.JUnitXml.fromfile(path)
    except Exception as error:  # junitparser raises lxml's or ElementTree's own errors
        problem("%s: the JUnit report %s cannot be read: %s" % (label, path, error))
        return
    suites = list(xml) if isinstance(xml, junitparser.JUnitXml) else [xml]
    cases = [case for suite in suites for case in suite]
    if not suites or not cases:
        problem("%s: %s has %d suites and %d test cases" % (label, path, len(suites), len(cases)))
        return
    failing = sum(1 for case in cases if not case.is_passed and not case.is_skipped)
    print("ci_examples: %s: %s is JUnit XML: %d suites, %d test cases, %d failing"
          % (label, path, len(suites), len(cases), failing))


def check_github(stdout, status, words, label):
    lines = stdout.splitlines()
    bad = [line for line in lines if not COMMAND.fullmatch(line)]
    if not lines or bad:
        problem("%s: %d lines of --format github, %d not a workflow command: %r" % (label, len(lines), len(bad), bad[:3]))
        return
    located = [line for line in lines if ",line=" in line]
    if not located:
        problem("%s: no annotation is placed on a line" % label)
    # With --fail-on must, a red step is exactly one with an ::error (a legal duty failing).
    if option_value(words, "--fail-on") == ["must"]:
        errors = sum(1 for line in lines if line.startswith("::error "))
        if (status == 1) != (errors > 0):
            problem("%s: exit %d with %d ::error annotations" % (label, status, errors))
    print("ci_examples: %s: %d workflow commands (%d on a line), exit %d" % (label, len(lines), len(located), status))


def check_outputs(words, label, work, schema):
    for format_name, path in outputs_of(words).items():
        full = os.path.join(work, path)
        if not os.path.isfile(full):
            problem("%s: '%s' did not write %s" % (label, " ".join(words), path))
        elif format_name == "sarif":
            check_sarif(full, label, schema, work)
        elif format_name == "junit":
            check_junit(full, label)
        elif format_name == "json":
            with open(full, encoding="utf-8") as file:
                if "services" not in json.load(file):
                    problem("%s: %s is not a ppsaudit JSON report" % (label, path))


def fresh_register(args, name):
    """A register to run an example in: tests/register as services/, dated by ppsaudit.yaml."""
    work = os.path.join(args.work_dir, name)
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(os.path.join(args.source_dir, "tests", "register"), os.path.join(work, "services"),
                    ignore=shutil.ignore_patterns("*.py"))
    with open(os.path.join(work, "ppsaudit.yaml"), "w", encoding="utf-8") as file:
        file.write("ppsaudit-config: 1\nas_of: 2011-12-31\n")
    return work


def run_commands(commands, label, work, env, schema):
    """Runs each command; returns the ppsaudit commands run as (words, status, stdout)."""
    ran = []
    for line in commands:
        result = run_line(line, label, work, env)
        if result:
            ran.append(result)
            check_outputs(result[0], label, work, schema)
    return ran


def test_github(text, where, args, env, schema):
    workflow = yaml.safe_load(text)
    # PyYAML reads the key `on` as the boolean true (YAML 1.1), as GitHub does not.
    triggers = workflow.get("on", workflow.get(True))
    if not triggers:
        problem("%s: the workflow has no 'on'" % where)
    jobs = workflow.get("jobs") or {}
    if len(jobs) != 1:
        problem("%s: %d jobs, 1 expected" % (where, len(jobs)))
        return
    job_id, job = next(iter(jobs.items()))
    steps = job.get("steps") or []
    if not job.get("runs-on") or not steps:
        problem("%s: job %s lacks runs-on or steps" % (where, job_id))
        return
    if (workflow.get("permissions") or {}).get("security-events") != "write":
        problem("%s: upload-sarif needs permissions: security-events: write" % where)
    work = fresh_register(args, "github")
    written = {}   # SARIF path -> the step that writes it
    may_fail = False
    uploads = 0
    annotations = 0
    for number, step in enumerate(steps, 1):
        label = "%s: step %d (%s)" % (GITHUB, number, step.get("name", step.get("uses", "?")))
        if "uses" in step:
            if step["uses"].startswith("github/codeql-action/upload-sarif@"):
                uploads += 1
                sarif = (step.get("with") or {}).get("sarif_file")
                if sarif not in written:
                    problem("%s: sarif_file %r is not the SARIF a ppsaudit step writes (%r)" % (label, sarif, sorted(written)))
                if may_fail and step.get("if") not in ("always()", "${{ always() }}", "${{ !cancelled() }}", "!cancelled()"):
                    problem("%s: runs after a step that fails on findings, so it needs if: always()" % label)
            print("ci_examples: %s: not run (uses %s)" % (label, step["uses"]))
            continue
        for words, status, stdout in run_commands(script_lines(step.get("run", "")), label, work, env, schema):
            if words[1] == "check":
                may_fail = may_fail or option_value(words, "--fail-on") != ["none"]
                if "sarif" in outputs_of(words):
                    written[outputs_of(words)["sarif"]] = label
                if option_value(words, "--format") == ["github"]:
                    annotations += 1
                    check_github(stdout, status, words, label)
    if uploads != 1 or not written:
        problem("%s: %d upload-sarif steps and %d ppsaudit steps writing SARIF" % (where, uploads, len(written)))
    if annotations == 0:
        problem("%s: no step writes --format github annotations" % where)


def test_gitlab(text, where, args, env, schema):
    config = yaml.safe_load(text)
    jobs = {name: job for name, job in config.items() if isinstance(job, dict) and "script" in job}
    if len(jobs) != 1:
        problem("%s: %d jobs with a script, 1 expected" % (where, len(jobs)))
        return
    job_id, job = next(iter(jobs.items()))
    artifacts = job.get("artifacts") or {}
    junit = (artifacts.get("reports") or {}).get("junit")
    if not junit:
        problem("%s: job %s has no artifacts: reports: junit:" % (where, job_id))
    if artifacts.get("when") != "always":
        problem("%s: job %s keeps its artifacts only on success (artifacts: when: always)" % (where, job_id))
    work = fresh_register(args, "gitlab")
    for line in job.get("before_script", []):
        print("ci_examples: %s: before_script: not run (installs ppsaudit): %s" % (GITLAB, line))
    written = []
    label = "%s: job %s" % (GITLAB, job_id)
    for words, _, _ in run_commands([l for s in job["script"] for l in script_lines(s)], label, work, env, schema):
        if words[1] == "check" and "junit" in outputs_of(words):
            written.append(outputs_of(words)["junit"])
    if junit not in written:
        problem("%s: artifacts: reports: junit: %r is not the JUnit a ppsaudit command writes (%r)" % (where, junit, written))


def test_pre_commit(text, where, args):
    """Its structure only: tests/scripts/pre_commit_hooks.py runs it with pre-commit."""
    config = yaml.safe_load(text)
    with open(os.path.join(args.source_dir, ".pre-commit-hooks.yaml"), encoding="utf-8") as file:
        ids = {hook["id"] for hook in yaml.safe_load(file)}
    repos = config.get("repos") or []
    used = [hook.get("id") for repo in repos if repo.get("rev") for hook in repo.get("hooks") or []]
    if len(repos) != 1 or sorted(used) != sorted(ids):
        problem("%s: hooks %r (with a rev), .pre-commit-hooks.yaml has %r" % (where, used, sorted(ids)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--work-dir", required=True)
    parser.add_argument("--sarif-schema", required=True, help="the SARIF 2.1.0 JSON Schema")
    parser.add_argument("--doc", default="docs/ci.md", help="the page, from --source-dir")
    args = parser.parse_args()
    args.work_dir = os.path.abspath(args.work_dir)
    if not os.path.isfile(args.sarif_schema):
        sys.exit("ci_examples: no SARIF schema at %s (bash .ci/setup --tests installs it)" % args.sarif_schema)
    with open(args.sarif_schema, encoding="utf-8") as file:
        schema = json.load(file)
    # The built binary, and nothing else called ppsaudit, first on PATH.
    bin_dir = os.path.join(args.work_dir, "bin")
    os.makedirs(bin_dir, exist_ok=True)
    link = os.path.join(bin_dir, "ppsaudit")
    if os.path.lexists(link):
        os.remove(link)
    os.symlink(os.path.abspath(args.binary), link)
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin"))
    env.pop("NO_COLOR", None)
    blocks = yaml_blocks(os.path.join(args.source_dir, args.doc))
    tests = {GITHUB: lambda t, w: test_github(t, w, args, env, schema),
             GITLAB: lambda t, w: test_gitlab(t, w, args, env, schema),
             PRE_COMMIT: lambda t, w: test_pre_commit(t, w, args)}
    for name, (text, where) in blocks.items():
        try:
            tests[name](text, where)
        except yaml.YAMLError as error:
            problem("%s: not YAML: %s" % (where, error))
    if problems:
        sys.exit("ci_examples: %d problems in %s" % (len(problems), args.doc))
    print("ci_examples: the examples of %s are well formed, and their ppsaudit commands work" % args.doc)


if __name__ == "__main__":
    main()
