#!/usr/bin/env python3
"""Checks ppsaudit's Markdown and HTML reports with the programs that really consume them.

Writes both reports of one `ppsaudit check` run into --out-dir (or takes an existing file
with --file), then runs one consumer on it:

  markdownlint    markdownlint-cli2 with tests/.markdownlint-cli2.jsonc: no errors
  vnu             the Nu Html Checker, --errors-only: no errors
  axe             axe-core in Debian's Chromium (tests/scripts/axe_check.mjs): no violations,
                  no network request, and a full-page screenshot beside the report
  hostile-md      no raw <script in the Markdown, and every table row has its table's columns
  hostile-html    no <script element and no attribute but the report's own, found by parsing

With --expect-reject the check must fail instead: each consumer is shown to catch a broken
input (tests/scripts/markdown_broken.md, tests/scripts/html_broken.html), so a consumer that
silently checks nothing cannot pass.
"""

import argparse
import html.parser
import os
import re
import subprocess
import sys


def write_reports(args):
    os.makedirs(args.out_dir, exist_ok=True)
    markdown = os.path.join(args.out_dir, "report.md")
    page = os.path.join(args.out_dir, "report.html")
    # Arguments that start with "compare" are those of `ppsaudit compare`, which has no --color.
    if args.check_args[:1] == ["compare"]:
        command = [args.binary, *args.check_args]
    else:
        command = [args.binary, "check", *args.check_args, "--color", "never"]
    command += ["--output", f"markdown={markdown}", "--output", f"html={page}"]
    result = subprocess.run(command, cwd=args.source_dir, capture_output=True, text=True)
    expected = (args.expect_exit,) if args.expect_exit is not None else (0, 1)
    if result.returncode not in expected:
        sys.exit(f"ppsaudit exited {result.returncode}: {' '.join(command)}\n{result.stderr}")
    return markdown, page


def run(command, cwd=None):
    print("$", " ".join(command), flush=True)
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    print(result.stdout + result.stderr, end="", flush=True)
    return result.returncode == 0


def markdownlint(path, args):
    tool = os.path.join(args.tools, "markdownlint-cli2", "markdownlint-cli2-bin.mjs")
    config = os.path.join(args.source_dir, "tests", ".markdownlint-cli2.jsonc")
    # The leading ':' makes the path literal rather than a glob.
    return run(["node", tool, "--config", config, ":" + os.path.abspath(path)], cwd=os.path.dirname(path))


def vnu(path, args):
    jar = os.path.join(args.tools, "vnu-jar", "build", "dist", "vnu.jar")
    return run(["java", "-jar", jar, "--errors-only", path])


def axe(path, args):
    script = os.path.join(args.source_dir, "tests", "scripts", "axe_check.mjs")
    # The screenshot goes beside the report, or into --out-dir for a file of the source tree.
    folder = args.out_dir if args.file and args.out_dir else os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    screenshot = os.path.join(folder, os.path.splitext(os.path.basename(path))[0] + ".png")
    return run(["node", script, path, screenshot, args.tools])


def hostile_markdown(path, _args):
    text = open(path, encoding="utf-8").read()
    ok = True
    if re.search(r"<\s*script", text, re.IGNORECASE):
        print(f"{path}: raw <script in the Markdown")
        ok = False
    if "\x1b" in text:
        print(f"{path}: a raw escape character in the Markdown")
        ok = False
    columns = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("|"):
            columns = None
            continue
        # A cell's own '|' is escaped as '\|'; only the others separate cells.
        count = len(re.findall(r"(?<!\\)\|", line))
        if columns is None:
            columns = count
        elif count != columns:
            print(f"{path}:{number}: a table row with {count - 1} cells, not {columns - 1}: {line}")
            ok = False
    return ok and markdownlint(path, _args)


class ElementCollector(html.parser.HTMLParser):
    """Every start tag and attribute name, as a browser's tokenizer would see them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.attributes = set()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.update(name for name, _ in attrs)

    handle_startendtag = handle_starttag


# The only attributes the HTML writer writes; an injected one (onerror=, onload=) is not here.
k_report_attributes = {"lang", "charset", "name", "content", "class", "scope", "role", "aria-label",
                       "aria-labelledby", "aria-describedby", "id", "viewbox", "width", "height", "x", "y",
                       "focusable", "aria-hidden", "style", "colspan", "href", "title", "datetime"}


def hostile_html(path, args):
    collector = ElementCollector()
    collector.feed(open(path, encoding="utf-8").read())
    collector.close()
    ok = True
    if "script" in collector.tags:
        print(f"{path}: a <script> element")
        ok = False
    unexpected = collector.attributes - k_report_attributes
    if unexpected:
        print(f"{path}: attributes the report never writes: {', '.join(sorted(unexpected))}")
        ok = False
    if "\x1b" in open(path, encoding="utf-8").read():
        print(f"{path}: a raw escape character in the HTML")
        ok = False
    return ok


k_checks = {"markdownlint": (markdownlint, 0), "vnu": (vnu, 1), "axe": (axe, 1),
            "hostile-md": (hostile_markdown, 0), "hostile-html": (hostile_html, 1)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("check", choices=sorted(k_checks))
    parser.add_argument("--binary")
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--out-dir")
    parser.add_argument("--tools", required=True)
    parser.add_argument("--file", help="check this file instead of writing the reports")
    parser.add_argument("--expect-reject", action="store_true")
    parser.add_argument("--expect-exit", type=int,
                        help="the exit status ppsaudit must give (2 for a register with a broken file); default 0 or 1")
    # Everything after "--" is passed to `ppsaudit check` (or is `compare` and its arguments).
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    args = parser.parse_args(argv[:split])
    args.check_args = argv[split + 1:]
    check, which = k_checks[args.check]
    path = args.file if args.file else write_reports(args)[which]
    passed = check(os.path.abspath(path), args)
    if args.expect_reject:
        print(f"{args.check} {'accepted' if passed else 'rejected'} {path}, as it must reject it")
        return 1 if passed else 0
    print(f"{args.check}: {'ok' if passed else 'FAILED'}: {path}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
