#!/usr/bin/env python3
"""Issue 12, findings 4 and 6 (man/ppsaudit.1, OUTPUT): names and data never reach a terminal
raw. Files whose names hold an escape sequence, bidirectional controls (U+202E, U+2066..U+2069),
invisible characters (U+200B, U+FEFF), line separators (U+2028/2029) and a byte that is not UTF-8,
given by name and found by scanning a folder, are read by `rules lint`, `rules test`,
`rules explain`, `rules list`, `validate` and `check` (text and github). No raw ESC, other control byte or
bidirectional/invisible code point reaches standard output or standard error, which are always
UTF-8, and each name shows as escapes ("\\x1b", "\\u202e"). The HTML and Markdown reports show
the same characters as visible escapes. A framework name with a two-byte character across its
44th byte (where the text report once cut it, mid-character) is shown whole, wrapped if need be. `rules eval`
shows U+202E in a string as "\\u202e", which reads back as CEL.

usage: escape.py PPSAUDIT
"""
import os
import subprocess
import sys
import tempfile

ESC = "\x1b[31m"
HIDDEN = ["\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200b", "\u200e", "\u200f", "\u061c",
          "\u2028", "\u2029", "\u2060", "\ufeff", "\u202a", "\u202b", "\u202c", "\u202d", "\u200c", "\u200d"]
# A name that a terminal would show as "evil-lmy.yaml" reversed, with every hidden character.
NAME = "evil" + ESC + "".join(HIDDEN) + "lmy"
# A framework name of 43 ASCII characters and then "é", whose two bytes straddle byte 44.
FRAMEWORK = "A very long framework name for escape tests é, with more after it"

PACK = """ppsaudit-rules: 1
pack:
  id: escape
  title: Escape pack {hidden}
  publisher: Test
  year: 2010
  jurisdiction: England
  framework: "{framework}"
fixture_base:
  ppsaudit: 1
  service: {{name: S, local_authority: C, hosting: in_house, framework: sen_cop_2001, audiences: [parents_and_carers]}}
rules:
  - id: escape/named
    title: The service is named {hidden}
    area: governance
    strength: good_practice
    criteria: [ESC-1]
    citations:
      - {{source: Demo guidance {hidden}, kind: guidance, locator: p.1, confidence: high, verification: V}}
    rationale: Demo {hidden}.
    check: service.name == 'never'
    message: the name is not 'never' {hidden}
    evidence: [service]
    fixtures:
      - {{name: wrong {hidden}, expect: met, as_of: 2010-01-01, service: {{}}}}
      - {{name: right, expect: not_met, as_of: 2010-01-01, service: {{}}}}
"""

SERVICE = """ppsaudit: 1
service:
  name: "Service {hidden}"
  local_authority: Test Council
  hosting: in_house
  framework: sen_cop_2001
  audiences: [parents_and_carers]
"""


def raw_problems(label, data):
    """What in `data` (bytes a command printed) a terminal would act on or hide."""
    problems = []
    for byte in set(data) - {0x0a}:
        if byte < 0x20 or byte == 0x7f:
            problems.append("%s: raw control byte 0x%02x" % (label, byte))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return problems + ["%s: not UTF-8 (%s)" % (label, error)]
    for i, c in enumerate(text):
        if 0x80 <= ord(c) <= 0x9f or c in HIDDEN:
            problems.append("%s: raw U+%04X at character %d: %r" % (label, ord(c), i, text[max(0, i - 30):i + 30]))
            break
    return problems


def main():
    binary = sys.argv[1]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        hidden = "".join(HIDDEN)
        packs = os.path.join(tmp, "packs" + hidden)
        services = os.path.join(tmp, "services" + hidden)
        os.mkdir(packs)
        os.mkdir(services)
        # A byte that is not UTF-8 in a name (os.fsencode keeps it as the byte 0xff).
        pack_name = os.path.join(packs, NAME + "\udcff.rules.yaml")
        service_name = os.path.join(services, NAME + ".yaml")
        with open(pack_name, "w", encoding="utf-8") as out:
            out.write(PACK.format(hidden=hidden, framework=FRAMEWORK))
        with open(service_name, "w", encoding="utf-8") as out:
            out.write(SERVICE.format(hidden=hidden))
        broken_name = os.path.join(tmp, NAME + "-broken.yaml")
        with open(broken_name, "w", encoding="utf-8") as out:
            out.write("ppsaudit: 1\nservice: [\n")
        runs = {
            "rules lint FILE": (["rules", "lint", pack_name], True),
            "rules lint FOLDER": (["rules", "lint", packs], True),
            "rules test FILE": (["rules", "test", pack_name], True),
            "rules test FOLDER": (["rules", "test", packs], True),
            "rules explain": (["rules", "explain", "escape/named", "--rules", pack_name], True),
            "rules list": (["rules", "list", "--rules", packs], False),
            "validate": (["validate", pack_name, service_name, broken_name], True),
            "check FOLDER text": (["check", services, "--rules", pack_name, "--as-of", "2011-12-31", "--format",
                                   "text", "--color", "never"], True),
            "check FILE github": (["check", service_name, "--rules", packs, "--as-of", "2011-12-31", "--format",
                                   "github"], True),
            "check broken text": (["check", broken_name, "--as-of", "2011-12-31"], True),
            "rules eval": (["rules", "eval", "'a' + '\\u202e' + 'b'"], False),
        }
        outputs = {}
        for label, (args, names_file) in runs.items():
            done = subprocess.run([binary] + args, capture_output=True, timeout=120)
            both = done.stdout + done.stderr
            outputs[label] = done.stdout
            if done.returncode not in (0, 1, 2):
                failures.append("%s: exit %d: %r" % (label, done.returncode, done.stderr[-400:]))
            failures += raw_problems(label + " stdout", done.stdout)
            failures += raw_problems(label + " stderr", done.stderr)
            # The name itself is shown, escaped, where the command names the file.
            if names_file and b"evil\\x1b[31m\\u202e\\u2066" not in both:
                failures.append("%s: the file name is not shown escaped: %r" % (label, both[:600]))
        if b"\\xff.rules.yaml" not in outputs["rules lint FILE"]:
            failures.append("rules lint: the byte 0xff of the name is not shown as \\xff: %r" %
                            outputs["rules lint FILE"])
        if outputs["rules eval"] != b'"a\\u202eb"\n':
            failures.append("rules eval: the string's U+202E is not shown as \\u202e: %r" % outputs["rules eval"])
        report = outputs["check FOLDER text"].decode("utf-8", "replace")
        if FRAMEWORK not in " ".join(report.split()):
            failures.append("check text: the framework name is not shown whole: %r" % report)

        for format_name, escape in (("html", "\\u202e"), ("markdown", "\\\\u202e")):
            done = subprocess.run([binary, "check", service_name, "--rules", pack_name, "--as-of", "2011-12-31",
                                   "--format", format_name], capture_output=True, timeout=120)
            text = done.stdout.decode("utf-8")
            hidden_found = [c for c in HIDDEN if c in text]
            if hidden_found or "\x1b" in text:
                failures.append("%s report: raw %s" % (format_name, ", ".join("U+%04X" % ord(c) for c in hidden_found)
                                                       or "ESC"))
            if "Service " + escape not in text:
                failures.append("%s report: the service name does not show %s" % (format_name, escape))
    if failures:
        sys.exit("escape: " + "\n  ".join(failures))
    print("escape: %d commands print hostile names and data escaped; HTML and Markdown show them" % (len(runs) + 2))


if __name__ == "__main__":
    main()
