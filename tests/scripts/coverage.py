#!/usr/bin/env python3
"""Checks rules/README.md's coverage table against ../shared/domain.md and the rule packs.

Every criterion id in a table of domain.md §§1-7 must appear in rules/README.md, and every rule
id named in rules/README.md must exist (in the built-in packs or the examples' local packs).
Exits 77 (skipped) when ../shared/domain.md is absent.
"""
import os
import re
import subprocess
import sys


def main():
    binary, source_dir = sys.argv[1:3]
    os.chdir(source_dir)
    domain_path = os.path.join("..", "shared", "domain.md")
    if not os.path.exists(domain_path):
        print(f"skipped: {domain_path} is absent")
        return 77
    domain = open(domain_path, encoding="utf-8").read()
    end = domain.find("\n## 8.")
    criteria = set(re.findall(r"^\| ([A-Z][A-Z0-9]*-[A-Za-z0-9.\-]+) \|", domain[:end], re.M))
    readme = open("rules/README.md", encoding="utf-8").read()
    missing = sorted(c for c in criteria if not re.search(r"\b" + re.escape(c) + r"\b", readme))

    local_packs = sorted(os.path.join("examples", f) for f in os.listdir("examples") if f.endswith(".rules.yaml"))
    listed = subprocess.run([binary, "rules", "list"] + sum((["--rules", p] for p in local_packs), []),
                            capture_output=True, text=True, check=True).stdout
    known = {line.split()[0] for line in listed.splitlines() if line.strip()}
    named = set(re.findall(r"\b([a-z0-9-]+/[a-z0-9-]+)\b", readme)) - {"and/or"}
    unknown = sorted(r for r in named if r.split("/")[0] in {k.split("/")[0] for k in known} and r not in known)

    for criterion in missing:
        print(f"rules/README.md: criterion {criterion} of domain.md is not in the coverage table")
    for rule in unknown:
        print(f"rules/README.md: names rule {rule}, which no pack defines")
    print(f"coverage: {len(criteria)} criteria of domain.md §§1-7, {len(missing)} missing; "
          f"{len(named & known)} rule ids named, {len(unknown)} unknown")
    return 1 if missing or unknown else 0


if __name__ == "__main__":
    sys.exit(main())
