#!/usr/bin/env python3
"""A run stopped by SIGINT, SIGTERM or SIGHUP while it writes a report (issue 12, finding 3;
man/ppsaudit.1, SIGNALS) leaves no temporary file beside the report, leaves a report that was
there as it was (or, when a signal sent after a fixed delay lands as the run ends, after the new
report took its place, the whole new report: never a part of one), and dies of the signal, as a
shell or a CI runner expects (status 128+N).

The register is large (400 generated services, an HTML report of tens of MB) so that writing
it takes a while; the signal is sent the moment the temporary file appears, and also after
fixed delays, which land anywhere in the run.

usage: interrupted_output.py PPSAUDIT SOURCE_DIR WORK_DIR
"""
import os
import shutil
import signal
import subprocess
import sys
import time


def temporaries(folder):
    return [name for name in os.listdir(folder) if name.startswith(".")]


def main():
    binary, source_dir, work = sys.argv[1], sys.argv[2], sys.argv[3]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    register = os.path.join(work, "register")
    subprocess.run([sys.executable, os.path.join(source_dir, "bench", "generate.py"), register, "--count", "400"],
                   check=True, capture_output=True)
    reports = os.path.join(work, "reports")
    os.mkdir(reports)
    report = os.path.join(reports, "audit.html")
    with open(report, "w", encoding="utf-8") as handle:
        handle.write("OLD REPORT\n")
    failures = []
    runs = 0
    # (signal, delay): None sends it as soon as the temporary file is there.
    plan = [(signal.SIGTERM, None), (signal.SIGINT, None), (signal.SIGHUP, None),
            (signal.SIGTERM, 0.3), (signal.SIGINT, 0.6), (signal.SIGTERM, 1.0)]
    for sent, delay in plan:
        process = subprocess.Popen([binary, "check", os.path.join(register, "pps"), "--as-of", "2013-07-31",
                                    "--format", "html", "--output", f"html={report}", "--fail-on", "none"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        start = time.monotonic()
        if delay is None:
            while process.poll() is None and not temporaries(reports) and time.monotonic() - start < 120:
                time.sleep(0.001)
        else:
            time.sleep(delay)
        if process.poll() is not None:
            # A fixed delay may outlast a fast machine's run; the run that waits for the
            # temporary file must not.
            if delay is None:
                failures.append(f"{sent.name}: the run ended (exit {process.returncode}) before it could be stopped")
            continue
        process.send_signal(sent)
        status = process.wait(timeout=120)
        runs += 1
        label = f"{sent.name} {'when the temporary file appeared' if delay is None else f'after {delay} s'}"
        if status != -sent:
            failures.append(f"{label}: status {status}, not {-sent} (killed by the signal)")
        left = temporaries(reports)
        if left:
            failures.append(f"{label}: temporary files left: {left}")
            for name in left:
                os.remove(os.path.join(reports, name))
        with open(report, encoding="utf-8", errors="replace") as handle:
            content = handle.read()
        # A signal sent after a fixed delay can land after the report was renamed into place, as
        # the run ends: then the report is the whole new one, never a part of it. Sent while the
        # temporary file is being written, it must leave the old report.
        whole_new = content.startswith("<!DOCTYPE html>") and content.endswith("</html>\n")
        if content != "OLD REPORT\n" and (delay is None or not whole_new):
            failures.append(f"{label}: the existing report was changed ({len(content)} bytes"
                            f"{', a whole new report' if whole_new else ', not a whole report'})")
        if content != "OLD REPORT\n":
            with open(report, "w", encoding="utf-8") as handle:
                handle.write("OLD REPORT\n")
    for failure in failures:
        print("FAIL: " + failure)
    print(f"interrupted output: {runs} runs stopped, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
