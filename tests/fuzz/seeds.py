#!/usr/bin/env python3
"""Builds the fuzz targets' seed corpora: seeds.py OUTDIR writes OUTDIR/<target>/ for each.

fuzz_service: the example services and every service file under tests/ (bad, good, hostile).
fuzz_pack:    the rule packs under rules/, the examples' local packs and tests/bad-rules/.
fuzz_cel:     every expression of the CEL conformance vectors (../shared/conformance/cel/) and
              every `when`, `check` and `at` and each ${...} of a message in those packs.
Each seed is named by a hash of its bytes, so equal inputs are kept once.
"""
import hashlib
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
CONFORMANCE = ROOT.parent / "shared" / "conformance" / "cel"
MAX_SEED = 65536  # the run's -max_len for services and packs


def yaml_files(*folders):
    for folder in folders:
        yield from sorted((ROOT / folder).rglob("*.yaml"))


def is_pack(path):
    return path.name.endswith(".rules.yaml") or path.parent.name in ("rules", "bad-rules")


def message_parts(message):
    """The ${...} expressions of a rule message, braces balanced."""
    parts, start = [], message.find("${")
    while start != -1:
        depth, i = 0, start + 1
        while i < len(message):
            depth += {"{": 1, "}": -1}.get(message[i], 0)
            if depth == 0:
                parts.append(message[start + 2 : i])
                break
            i += 1
        start = message.find("${", i)
    return parts


def pack_expressions(path):
    # Expressions are read from the text, not through a YAML library, so that a pack that only
    # ppsaudit can read (or none can) still gives its one-line expressions.
    text = path.read_text(encoding="utf-8", errors="replace")
    for match in re.finditer(r"^\s*-?\s*(when|check|at|message):\s*(>-?|\|-?)?\s*\n?((?:.*\n)*?)(?=^\s*-?\s*[a-z_]+:|\Z)",
                             text, re.MULTILINE):
        key, block, body = match.groups()
        lines = [line.strip() for line in body.splitlines()]
        value = " ".join(line for line in lines if line and not line.startswith("#"))
        if key == "message":
            yield from message_parts(value)
        elif value:
            yield value


def conformance_expressions():
    for path in sorted(CONFORMANCE.glob("*.json")):
        for test in json.loads(path.read_text(encoding="utf-8"))["tests"]:
            yield test["expr"]


def write(folder, data):
    if isinstance(data, str):
        data = data.encode("utf-8", errors="surrogateescape")
    if not data or len(data) > MAX_SEED:
        return False
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)
    return True


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: seeds.py OUTDIR")
    out = pathlib.Path(sys.argv[1])
    files = list(yaml_files("examples", "tests/bad-input", "tests/good-input", "tests/hostile", "rules",
                            "tests/bad-rules"))
    packs = [path for path in files if is_pack(path)]
    services = [path for path in files if not is_pack(path)]
    counts = {
        "fuzz_service": sum(write(out / "fuzz_service", path.read_bytes()) for path in services),
        "fuzz_pack": sum(write(out / "fuzz_pack", path.read_bytes()) for path in packs),
    }
    expressions = list(conformance_expressions())
    for path in packs:
        expressions.extend(pack_expressions(path))
    counts["fuzz_cel"] = sum(write(out / "fuzz_cel", expression) for expression in expressions)
    for target, count in counts.items():
        if count == 0:
            sys.exit(f"seeds.py: no seeds for {target}")
        print(f"{target}: {count} seeds", file=sys.stderr)


if __name__ == "__main__":
    main()
