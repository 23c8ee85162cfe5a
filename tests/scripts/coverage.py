#!/usr/bin/env python3
"""Checks rules/README.md's coverage tables against ../shared/domain.md and the rule packs.

Every criterion of domain.md must have a row in rules/README.md:
- every criterion id in a table of domain.md §§1-7 (LAW-..., COP2001-..., SENDCOP-..., ...);
- every arm's-length indicator of §9.3, by its wording, as the first cell of a row;
- every one of §12's ten criteria, as a row whose first cell is §12-N;
- every commitment of §14.1 and §14.2: the README's table for each policy has as many rows
  for each of the policy's sections as domain.md has commitments in that section.
Every rule id named in rules/README.md must exist (in the built-in packs or the examples' local
packs), and every row of the §9.3, §12 and §14 tables must name a rule or say "none".
Exits 77 (skipped) when ../shared/domain.md is absent.
"""
import collections
import os
import re
import subprocess
import sys

RULE_ID = re.compile(r"\b([a-z0-9-]+/[a-z0-9-]+)\b")


def section(text, heading_prefix):
    """The text under the heading that starts with heading_prefix, up to the next heading of its level or above."""
    match = re.search(r"^(#+) " + re.escape(heading_prefix) + r".*$", text, re.M)
    if not match:
        return ""
    level = len(match.group(1))
    rest = text[match.end():]
    end = re.search(r"^#{1,%d} " % level, rest, re.M)
    return rest[:end.start()] if end else rest


def table_rows(text):
    """The cells of each body row of the markdown tables in text (header and rule rows left out)."""
    rows = []
    for block in re.split(r"\n(?!\|)", text):
        lines = [line for line in block.splitlines() if line.startswith("|")]
        for line in lines[2:]:
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows


def names_a_rule_or_none(row):
    rest = " ".join(row[1:])
    return RULE_ID.search(rest) is not None or re.search(r"\bnone\b", rest) is not None


def main():
    binary, source_dir = sys.argv[1:3]
    os.chdir(source_dir)
    domain_path = os.path.join("..", "shared", "domain.md")
    if not os.path.exists(domain_path):
        print(f"skipped: {domain_path} is absent")
        return 77
    domain = open(domain_path, encoding="utf-8").read()
    readme = open("rules/README.md", encoding="utf-8").read()
    problems = []

    # §§1-7: criterion ids.
    end = domain.find("\n## 8.")
    criteria = set(re.findall(r"^\| ([A-Z][A-Z0-9]*-[A-Za-z0-9.\-]+) \|", domain[:end], re.M))
    for criterion in sorted(c for c in criteria if not re.search(r"\b" + re.escape(c) + r"\b", readme)):
        problems.append(f"criterion {criterion} of domain.md is not in the coverage table")
    counted = len(criteria)

    readme_rows = table_rows(readme)
    first_cells = {row[0]: row for row in readme_rows if row}

    # §9.3: the arm's-length indicators, by their wording.
    indicators = [row[0] for row in table_rows(section(domain, "9.3"))]
    if not indicators:
        problems.append("domain.md §9.3 has no indicator table: update tests/scripts/coverage.py")
    for indicator in indicators:
        row = first_cells.get(indicator)
        if row is None:
            problems.append(f"§9.3 indicator '{indicator}' of domain.md is not in the coverage table")
        elif not names_a_rule_or_none(row):
            problems.append(f"§9.3 indicator '{indicator}' names no rule and does not say 'none'")
    counted += len(indicators)

    # §12: the ten criteria, as §12-1 ... §12-10.
    items = re.findall(r"^(\d+)\. \*\*", section(domain, "12."), re.M)
    if not items:
        problems.append("domain.md §12 has no numbered criteria: update tests/scripts/coverage.py")
    for number in items:
        row = first_cells.get(f"§12-{number}")
        if row is None:
            problems.append(f"§12 criterion {number} of domain.md is not in the coverage table (a row '§12-{number}')")
        elif not names_a_rule_or_none(row):
            problems.append(f"§12 criterion {number} names no rule and does not say 'none'")
    counted += len(items)

    # §14: each policy's commitments, counted per section of the policy.
    for policy in ("14.1", "14.2"):
        wanted = collections.Counter(row[0] for row in table_rows(section(domain, policy)))
        if not wanted:
            problems.append(f"domain.md §{policy} has no commitment table: update tests/scripts/coverage.py")
        rows = table_rows(section(readme, f"domain.md §{policy}"))
        found = collections.Counter(row[0] for row in rows)
        for part in sorted(set(wanted) | set(found)):
            if found[part] != wanted[part]:
                problems.append(f"§{policy} section {part}: domain.md has {wanted[part]} commitment(s), "
                                f"the coverage table {found[part]} row(s)")
        for row in rows:
            if not names_a_rule_or_none(row):
                problems.append(f"§{policy} row '{' | '.join(row[:2])}' names no rule and does not say 'none'")
        counted += sum(wanted.values())

    local_packs = sorted(os.path.join("examples", f) for f in os.listdir("examples") if f.endswith(".rules.yaml"))
    listed = subprocess.run([binary, "rules", "list"] + sum((["--rules", p] for p in local_packs), []),
                            capture_output=True, text=True, check=True).stdout
    known = {line.split()[0] for line in listed.splitlines() if line.strip()}
    named = set(RULE_ID.findall(readme)) - {"and/or"}
    unknown = sorted(r for r in named if r.split("/")[0] in {k.split("/")[0] for k in known} and r not in known)
    for rule in unknown:
        problems.append(f"names rule {rule}, which no pack defines")

    for problem in problems:
        print(f"rules/README.md: {problem}")
    print(f"coverage: {counted} criteria of domain.md (§§1-7 ids, §9.3, §12, §14), "
          f"{len(problems) - len(unknown)} problems; {len(named & known)} rule ids named, {len(unknown)} unknown")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
