#!/usr/bin/env python3
"""`ppsaudit rules list --format json` lists the same rules as the text list, in its order, with
each rule's pack among the packs and every built-in pack's edition (man/ppsaudit.1, rules list).

usage: rules_list_json.py PPSAUDIT SOURCE_DIR
"""
import json
import subprocess
import sys

binary, source = sys.argv[1:3]
failures = []
for extra in ([], ["--profile", "iass"], ["--rules", "examples/east-sussex-parent-link.rules.yaml"]):
    text = subprocess.run([binary, "rules", "list", *extra], cwd=source, capture_output=True, text=True, check=True)
    data = subprocess.run([binary, "rules", "list", *extra, "--format", "json"], cwd=source, capture_output=True,
                          text=True, check=True)
    document = json.loads(data.stdout)
    ids = [line.split()[0] for line in text.stdout.splitlines()]
    if document.get("format") != "ppsaudit-rules" or document.get("version") != 1:
        failures.append(f"{extra}: format {document.get('format')!r} version {document.get('version')!r}")
    if [rule["id"] for rule in document["rules"]] != ids:
        failures.append(f"{extra}: the JSON's rules are not the text list's, in its order")
    packs = {pack["id"]: pack for pack in document["packs"]}
    for rule in document["rules"]:
        if rule["pack"] not in packs:
            failures.append(f"{extra}: {rule['id']}'s pack {rule['pack']} is not among the packs")
        if not rule["id"].startswith(rule["pack"] + "/"):
            failures.append(f"{extra}: {rule['id']} is not named after its pack {rule['pack']}")
    if not extra:
        for pack_id, edition in (("send-cop-2015", "January 2015"), ("iass-2018", "September 2018")):
            if packs.get(pack_id, {}).get("edition") != edition:
                failures.append(f"{pack_id}'s edition is {packs.get(pack_id, {}).get('edition')!r}, not {edition!r}")
bad = subprocess.run([binary, "rules", "list", "--format", "yaml"], cwd=source, capture_output=True, text=True)
if bad.returncode != 2 or bad.stdout:
    failures.append(f"--format yaml: exit {bad.returncode}, not 2 with nothing written")
for failure in failures:
    print("FAIL " + failure)
print("rules-list-json: " + ("FAILED" if failures else "ok"))
sys.exit(1 if failures else 0)
