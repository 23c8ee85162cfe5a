#!/usr/bin/env python3
"""The README's quick start (init, edit, check) works as written: its shell lines are run in a
fresh folder with the built binary for `build/ppsaudit`, the editor's line left out and its
edit made as the README tells a manager to (each FILL IN replaced). Each step must give what the
README says: init writes the file and refuses to overwrite it, validate is clean, check exits 1
with top actions whose fixes name keys, and the HTML pack is written.

usage: readme_quick_start.py PPSAUDIT SOURCE_DIR WORK_DIR
"""
import os
import re
import shutil
import subprocess
import sys


def fail(message):
    sys.exit("readme_quick_start: " + message)


def quick_start_lines(readme):
    with open(readme, encoding="utf-8") as handle:
        text = handle.read()
    found = re.search(r"<!-- quick-start:[^\n]*-->\n```sh\n(.*?)```", text, re.S)
    if not found:
        fail("README.md has no quick-start block")
    return [line for line in found.group(1).splitlines() if line.strip()]


def main():
    binary, source_dir, work_dir = sys.argv[1:4]
    lines = quick_start_lines(os.path.join(source_dir, "README.md"))
    if len(lines) != 4:
        fail("the quick start has %d lines, not the 4 this test knows: %s" % (len(lines), lines))
    shutil.rmtree(work_dir, ignore_errors=True)
    os.makedirs(os.path.join(work_dir, "build"))
    os.symlink(os.path.abspath(binary), os.path.join(work_dir, "build", "ppsaudit"))
    env = dict(os.environ, NO_COLOR="1")

    def run(line, status):
        done = subprocess.run(["bash", "-c", line], cwd=work_dir, capture_output=True, text=True, env=env)
        if done.returncode != status:
            fail("'%s' exited %d, not %d:\n%s%s" % (line, done.returncode, status, done.stdout, done.stderr))
        return done

    init, editor, validate, check = lines
    if not init.startswith("build/ppsaudit init ") or "EDITOR" not in editor:
        fail("the quick start's first lines are not init and the editor: %s" % lines[:2])
    service = os.path.join(work_dir, init.split()[-1])
    run(init, 0)
    if not os.path.isfile(service):
        fail("init did not write " + service)
    with open(service, encoding="utf-8") as handle:
        starter = handle.read()
    # init never overwrites: the same line again is refused, the file kept.
    refused = run(init, 2)
    if "--force" not in refused.stderr:
        fail("a second init does not name --force: " + refused.stderr)
    # The edit the README asks for first: each FILL IN replaced with the service's own words.
    if "FILL IN" not in starter:
        fail("the starter has no FILL IN for the README's first edit")
    edited = starter.replace("name: FILL IN the service's name, as it calls itself", "name: Midshire SENDIASS")
    edited = re.sub(r"local_authority: FILL IN[^\n]*", "local_authority: Midshire County Council", edited, count=1)
    with open(service, "w", encoding="utf-8") as handle:
        handle.write(edited)
    run(validate, 0)
    done = run(check, 1)
    report = done.stdout
    if not report.startswith("ppsaudit report: Midshire SENDIASS\n"):
        fail("the report is not headed by the service's name:\n" + report[:200])
    actions = report[report.index("\nTop actions\n"):] if "\nTop actions\n" in report else ""
    fixes = re.findall(r"record (?:it|them)[^']*'([a-z_.]+)'", actions)
    if not fixes:
        fail("the top actions name no key to record:\n" + actions[:1500])
    html = os.path.join(work_dir, re.search(r"html=(\S+)", check).group(1))
    with open(html, encoding="utf-8") as handle:
        pack = handle.read()
    if "Midshire SENDIASS" not in pack or "Top actions" not in pack:
        fail("the HTML pack does not name the service or its top actions")
    print("readme_quick_start: ok: init, validate, check; top actions name %s" % ", ".join(sorted(set(fixes))))


if __name__ == "__main__":
    main()
