#!/usr/bin/env python3
"""`ppsaudit init` (issue 15; man/ppsaudit.1, init), one mode a run:

starter    init FRAMEWORK prints examples/starter/<framework>.yaml byte for byte (the default
           framework, send_cop_2015, also without --framework), and validate accepts it.
check      check audits the starter and exits 1 (it has findings); the report is headed by the
           name still to fill in, and its top actions name keys that the starter shows.
templates  the starter's commented sections, uncommented and their placeholders filled in
           (a CHOOSE with the first word validate's error lists), validate: the templates
           follow ppsaudit-service(5).
file       init FILE writes the starter; a second init FILE is refused (exit 2, naming the file
           and --force) and leaves it as it is, as it leaves a link; --force replaces it; an
           unknown framework is a usage error listing the words.

usage: init.py PPSAUDIT SOURCE_DIR WORK_DIR MODE FRAMEWORK
"""
import os
import re
import shutil
import subprocess
import sys

# The audit date of each starter's check: one when its Code applied.
AS_OF = {"send_cop_2015": "2025-07-31", "sen_cop_2001": "2013-07-31"}


def run(binary, *args):
    return subprocess.run([binary, *args], capture_output=True, timeout=120)


def starter_path(source_dir, framework):
    return os.path.join(source_dir, "examples", "starter", framework.replace("_", "-") + ".yaml")


def read(path):
    with open(path, "rb") as handle:
        return handle.read()


def write(path, data):
    with open(path, "wb") as handle:
        handle.write(data)


def check_starter(binary, source_dir, work, framework, failures):
    expected = read(starter_path(source_dir, framework))
    calls = [["init", "--framework", framework]]
    if framework == "send_cop_2015":
        calls.append(["init"])
    for call in calls:
        done = run(binary, *call)
        if done.returncode != 0 or done.stderr:
            failures.append(f"{call}: exit {done.returncode}, stderr {done.stderr!r}")
        if done.stdout != expected:
            failures.append(f"{call}: standard output is not {starter_path(source_dir, framework)} byte for byte")
    printed = os.path.join(work, "printed.yaml")
    write(printed, run(binary, "init", "--framework", framework).stdout)
    done = run(binary, "validate", printed)
    if done.returncode != 0:
        failures.append(f"validate on the starter: exit {done.returncode}: {done.stderr!r}")
    if f"framework: {framework}\n".encode() not in expected:
        failures.append(f"the starter does not say 'framework: {framework}'")


def check_report(binary, source_dir, work, framework, failures):
    starter = read(starter_path(source_dir, framework)).decode()
    service = os.path.join(work, "service.yaml")
    write(service, starter.encode())
    done = run(binary, "check", service, "--as-of", AS_OF[framework], "--no-config", "--color", "never")
    report = done.stdout.decode()
    if done.returncode != 1:
        failures.append(f"check: exit {done.returncode}, not 1 (findings): {done.stderr!r}")
    if done.stderr:
        failures.append(f"check: stderr {done.stderr!r}")
    if not report.startswith("ppsaudit report: FILL IN"):
        failures.append(f"the report is not headed by the name to fill in: {report[:80]!r}")
    top = report.split("\nTop actions", 1)[-1].split("\n==", 1)[0]
    fixes = re.findall(r"'([a-z_][a-z_.]*)'", top)
    if "NOT " not in top or not fixes:
        failures.append(f"the top actions name nothing to fill in:\n{top}")
    for name in fixes:
        # A key (the last part of a dotted one) the starter shows, filled in or in a commented
        # section; or a word to write, which a comment of the starter names.
        last = re.escape(name.split(".")[-1])
        as_key = re.search(rf"^\s*(#\s*)?(-\s*)?{last}:", starter, re.M)
        if not as_key and ("." in name or not re.search(rf"\b{last}\b", starter)):
            failures.append(f"a top action names '{name}', which the starter does not show")
    # Nothing but the audience every such service has is met by the starter's placeholders.
    met = re.findall(r"MET \((\d+)\)", report)
    if sum(int(n) for n in met) != 1:
        failures.append(f"the starter meets {sum(int(n) for n in met)} rules, not 1 (the parents' audience)")


def uncommented(text, fill=True):
    """The starter with each commented key or list item (a "# " before "key:" or "- ") made
    YAML again, and its placeholders for a date, a year, an answer, an age and a web address
    written."""
    lines = []
    for line in text.splitlines():
        found = re.match(r"^(\s*)# (\s*)([a-z_]+:|- )", line)
        lines.append(found.group(1) + line[len(found.group(1)) + 2:] if found else line)
    joined = "\n".join(lines) + "\n"
    if not fill:
        return joined
    for placeholder, value in (("FILL IN as YYYY/YY", "2012/13"), ("YYYY-MM-DD", "2012-09-03"),
                               ("true or false", "false"), ("{from: AGE, to: AGE}", "{from: 0, to: 25}"),
                               ("WEB ADDRESS", "https://www.example.org.uk/")):
        joined = joined.replace(placeholder, value)
    return joined


def check_templates(binary, source_dir, work, framework, failures):
    starter = read(starter_path(source_dir, framework)).decode()
    filled = uncommented(starter)
    if filled.count("\n#") > starter.count("\n#") - 40:
        failures.append("fewer than 40 commented lines were uncommented: the templates were not found")
    # Uncommented but not filled in, the sections are refused: no placeholder passes for evidence.
    unfilled = os.path.join(work, "unfilled.yaml")
    write(unfilled, uncommented(starter, fill=False).encode())
    done = run(binary, "validate", unfilled)
    if done.returncode != 2:
        failures.append(f"validate on the uncommented starter, not filled in: exit {done.returncode}, not 2")
    service = os.path.join(work, "filled.yaml")
    # Each CHOOSE is refused with the words it may be ("...; known: a, b"): written as the first.
    for _ in range(50):
        write(service, filled.encode())
        done = run(binary, "validate", service)
        err = done.stderr.decode()
        chosen = re.search(r":(\d+):\d+: error: .*'CHOOSE'.*; known: ([a-z_0-9]+)", err)
        if done.returncode == 0 or not chosen:
            break
        lines = filled.split("\n")
        number = int(chosen.group(1)) - 1
        lines[number] = lines[number].replace("CHOOSE", chosen.group(2), 1)
        filled = "\n".join(lines)
    if done.returncode != 0:
        failures.append(f"validate on the uncommented starter: exit {done.returncode}: {err}")
    if "CHOOSE" not in starter or re.search(r"^[^#\n]*CHOOSE", filled, re.M):
        failures.append("the starter has no CHOOSE, or one that validate did not refuse with its words")


def check_file(binary, source_dir, work, failures):
    expected = read(starter_path(source_dir, "send_cop_2015"))
    path = os.path.join(work, "new.yaml")
    done = run(binary, "init", path)
    if done.returncode != 0 or read(path) != expected:
        failures.append(f"init FILE: exit {done.returncode}, or the file is not the starter: {done.stderr!r}")
    if done.stdout.decode() != f"{path}: ok: starter service file for send_cop_2015 written\n":
        failures.append(f"init FILE: standard output {done.stdout!r}")
    write(path, b"ppsaudit: 1\n# the manager's own work\n")
    before = read(path)

    def expect_refused(label, target):
        done = run(binary, "init", target, "--framework", "sen_cop_2001")
        err = done.stderr.decode()
        if done.returncode != 2:
            failures.append(f"{label}: exit {done.returncode}, not 2")
        if f"'{target}'" not in err or "--force" not in err:
            failures.append(f"{label}: the message does not name '{target}' and --force: {err!r}")
        if done.stdout:
            failures.append(f"{label}: standard output {done.stdout!r}")

    expect_refused("init onto an existing file", path)
    if read(path) != before:
        failures.append("init onto an existing file changed it")
    link = os.path.join(work, "link.yaml")
    os.symlink("nowhere.yaml", link)
    expect_refused("init onto a dangling link", link)
    if os.path.lexists(os.path.join(work, "nowhere.yaml")) or os.readlink(link) != "nowhere.yaml":
        failures.append("init onto a dangling link wrote through it")
    folder = os.path.join(work, "folder.yaml")
    os.mkdir(folder)
    for force in ([], ["--force"]):
        done = run(binary, "init", folder, *force)
        if done.returncode != 2 or f"cannot write '{folder}': Is a directory" not in done.stderr.decode():
            failures.append(f"init onto a folder {force}: exit {done.returncode}, stderr {done.stderr!r}")
    os.rmdir(folder)
    if sorted(os.listdir(work)) != ["link.yaml", "new.yaml"]:
        failures.append(f"a refused init left files behind: {sorted(os.listdir(work))}")

    done = run(binary, "init", path, "--framework", "sen_cop_2001", "--force")
    if done.returncode != 0 or read(path) != read(starter_path(source_dir, "sen_cop_2001")):
        failures.append(f"init FILE --force: exit {done.returncode}, or the file is not replaced: {done.stderr!r}")

    done = run(binary, "init", "--framework", "sen_cop_1994", os.path.join(work, "other.yaml"))
    err = done.stderr.decode()
    if done.returncode != 2 or "sen_cop_2001" not in err or "send_cop_2015" not in err:
        failures.append(f"an unknown framework: exit {done.returncode}, stderr {err!r}")
    if os.path.lexists(os.path.join(work, "other.yaml")):
        failures.append("an unknown framework still wrote the file")
    done = run(binary, "init", "--framework", "SEND_COP_2015")
    if done.returncode != 0 or done.stdout != expected:
        failures.append(f"a framework in capitals: exit {done.returncode}")
    done = run(binary, "init", os.path.join(work, "no-such-folder", "x.yaml"))
    if done.returncode != 2 or b"cannot write" not in done.stderr:
        failures.append(f"init into a missing folder: exit {done.returncode}, stderr {done.stderr!r}")


def main():
    binary, source_dir, work, mode, framework = sys.argv[1:6]
    binary = os.path.abspath(binary)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    failures = []
    if mode == "starter":
        check_starter(binary, source_dir, work, framework, failures)
    elif mode == "check":
        check_report(binary, source_dir, work, framework, failures)
    elif mode == "templates":
        check_templates(binary, source_dir, work, framework, failures)
    else:
        check_file(binary, source_dir, work, failures)
    for failure in failures:
        print(f"FAIL: {failure}")
    if failures:
        return 1
    print(f"init {mode} {framework}: as it should be")
    return 0


if __name__ == "__main__":
    sys.exit(main())
