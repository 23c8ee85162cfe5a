#!/usr/bin/env python3
"""Prints the HTML inspection pack as a manager would, and checks the paper.

Writes the HTML and JSON reports of one `ppsaudit check` run into --out-dir, prints the HTML
to PDF with Debian's Chromium as its print dialog does by default (tests/scripts/print_pdf.mjs:
background graphics off, so colours go unless the page asks to keep them), then reads it back:

  colours   pdftoppm renders the first page: each chart colour of a result the service has
            (met, not met, needs attestation, not assessable) covers a chart's worth of pixels
  words     pdftotext: no area name is cut across two lines ("infor" / "mation"), and each
            appears whole
  page one  pdftotext of page 1 has the service's name, its practice levels and top actions

The first page is kept as page-1.png in --out-dir, for people to look at.

With --controls it also checks that each check can fail: the same page with its
print-color-adjust declaration removed must lose the colours, and with words allowed to break
anywhere in a narrow table must have a broken area name.
"""

import argparse
import json
import os
import re
import subprocess
import sys

# The chart colours of the HTML writer (src/report/html.cpp), by result. Not applicable's grey
# is left out: anti-aliased black text has greys of its own.
k_colours = {"met": (0x1D, 0x7A, 0x3A), "not_met": (0xB3, 0x26, 0x1E), "needs_attestation": (0x8A, 0x5A, 0x00),
             "not_assessable": (0x5B, 0x3F, 0x9E)}
# At 50 dots per inch a legend key is 6 by 6 pixels inside its border; a colour needs more than
# that to be in a chart (or a result's tag): printed without it, none of them has a pixel.
k_min_pixels = 50
k_dpi = 50


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr.decode(errors='replace')}")
    return result.stdout


def print_to_pdf(html, pdf, args):
    script = os.path.join(args.source_dir, "tests", "scripts", "print_pdf.mjs")
    run(["node", script, html, pdf, args.tools], timeout=600)
    if not os.path.exists(pdf) or os.path.getsize(pdf) == 0:
        sys.exit(f"Chromium wrote no PDF for {html}")


def read_ppm(path):
    data = open(path, "rb").read()
    # P6 <width> <height> <maxval> then the pixels; pdftoppm writes no comments.
    header = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    if not header:
        sys.exit(f"{path}: not a binary PPM")
    width, height = int(header.group(1)), int(header.group(2))
    return width, height, data[header.end():]


def colour_counts(pdf, out_dir, name):
    """The pixels of each chart colour on the first page."""
    prefix = os.path.join(out_dir, name)
    run(["pdftoppm", "-r", str(k_dpi), "-f", "1", "-l", "1", "-singlefile", pdf, prefix])
    width, height, pixels = read_ppm(prefix + ".ppm")
    counts = {key: 0 for key in k_colours}
    for i in range(0, width * height * 3, 3):
        r, g, b = pixels[i], pixels[i + 1], pixels[i + 2]
        for key, (cr, cg, cb) in k_colours.items():
            if abs(r - cr) <= 8 and abs(g - cg) <= 8 and abs(b - cb) <= 8:
                counts[key] += 1
                break
    return counts


def area_label(area):
    return "arm's length" if area == "arms_length" else area.replace("_", " ")


def broken_words(text, words):
    """Each word of `words` that a line ends in part of and the next line goes on with."""
    lines = [line.strip() for line in text.splitlines()]
    broken = set()
    for word in words:
        for i in range(len(lines) - 1):
            for cut in range(1, len(word)):
                head, tail = word[:cut], word[cut:]
                if lines[i].endswith(head) and lines[i + 1].startswith(tail) and \
                        (len(lines[i]) == len(head) or not lines[i][-len(head) - 1].isalpha()) and \
                        (len(lines[i + 1]) == len(tail) or not lines[i + 1][len(tail)].isalpha()):
                    broken.add(f"{word} ({head!r} / {tail!r})")
    return sorted(broken)


def check_pdf(pdf, report, out_dir, name):
    """What is wrong with the printed pack, as a list of problems."""
    problems = []
    service = report["services"][0]
    counts = colour_counts(pdf, out_dir, name)
    for key in k_colours:
        has = sum(framework["counts"][key] for framework in service["frameworks"]) > 0
        if has and counts[key] < k_min_pixels:
            problems.append(f"page 1: the '{key}' chart colour covers {counts[key]} pixels, fewer than "
                            f"{k_min_pixels}: the charts lost their colours")
    print(f"{name}: chart colour pixels on page 1 at {k_dpi} dpi: {counts}")

    text = run(["pdftotext", "-enc", "UTF-8", pdf, "-"]).decode("utf-8")
    words = sorted({word for result in service["results"] for word in area_label(result["area"]).split()
                    if len(word) > 1})
    for word in broken_words(text, words):
        problems.append(f"an area name broken across lines: {word}")
    for label in sorted({area_label(result["area"]) for result in service["results"]}):
        if not re.search(r"(?<!\w)" + re.escape(label).replace(r"\ ", r"\s+") + r"(?!\w)", text):
            problems.append(f"the area '{label}' does not appear whole")

    first = run(["pdftotext", "-enc", "UTF-8", "-f", "1", "-l", "1", pdf, "-"]).decode("utf-8")
    flat = " ".join(first.split())
    for wanted in (" ".join(service["name"].split()), "Practice levels and results", "Top actions",
                   "Practice level"):
        if wanted not in flat:
            problems.append(f"page 1 lacks {wanted!r}")
    return problems


def control(page, out_dir, name, args, change, report):
    """The page changed by `change`, printed and checked: the checks must find something."""
    html = os.path.join(out_dir, f"{name}.html")
    original = open(page, encoding="utf-8").read()
    changed = change(original)
    if changed == original:
        sys.exit(f"control {name}: the change found nothing to change in {page}")
    open(html, "w", encoding="utf-8").write(changed)
    pdf = os.path.join(out_dir, f"{name}.pdf")
    print_to_pdf(html, pdf, args)
    return check_pdf(pdf, report, out_dir, name)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--out-dir", required=True)
    parser.add_argument("--tools", required=True, help="tests/tools/node_modules, with playwright-core")
    parser.add_argument("--controls", action="store_true")
    argv = sys.argv[1:]
    split = argv.index("--")
    args = parser.parse_args(argv[:split])
    check_args = argv[split + 1:]

    os.makedirs(args.out_dir, exist_ok=True)
    page = os.path.join(args.out_dir, "report.html")
    data = os.path.join(args.out_dir, "report.json")
    result = subprocess.run([args.binary, "check", *check_args, "--output", f"html={page}",
                             "--output", f"json={data}"], cwd=args.source_dir, capture_output=True, text=True)
    if result.returncode not in (0, 1):
        sys.exit(f"ppsaudit exited {result.returncode}\n{result.stderr}")
    report = json.load(open(data, encoding="utf-8"))

    pdf = os.path.join(args.out_dir, "report.pdf")
    print_to_pdf(page, pdf, args)
    problems = check_pdf(pdf, report, args.out_dir, "page-1")
    run(["pdftoppm", "-r", "96", "-f", "1", "-l", "1", "-singlefile", "-png", pdf,
         os.path.join(args.out_dir, "page-1")])
    print(f"first page kept as {os.path.join(args.out_dir, 'page-1.png')}")

    if args.controls:
        found = control(page, args.out_dir, "control-no-color-adjust", args,
                        lambda html: html.replace("-webkit-print-color-adjust: exact;", "").replace(
                            "print-color-adjust: exact;", ""), report)
        if not any("lost their colours" in problem for problem in found):
            problems.append("control: without print-color-adjust the colours were still found")
        # Words may break anywhere, in tables squeezed to a third of the page: Chromium then cuts
        # area names, as the report did before it kept words whole.
        found = control(page, args.out_dir, "control-break-anywhere", args,
                        lambda html: html.replace(
                            "</style>", "th, td { overflow-wrap: anywhere; } table { width: 35%; }</style>"),
                        report)
        if not any("broken across lines" in problem for problem in found):
            problems.append("control: with words breaking anywhere no broken area name was found")
        print("controls: each check failed on the page made to fail it")

    for problem in problems:
        print(f"{args.out_dir}: {problem}")
    print("print: " + ("FAILED" if problems else "ok"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
