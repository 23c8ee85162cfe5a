#!/usr/bin/env python3
"""A register is written a service at a time (man/ppsaudit.1, "Registers"): check's peak memory
does not grow with the number of services. For registers of 20 and 400 generated 2001-era
services (bench/generate.py), in the JSON and HTML formats (the largest), to standard output and
to an --output file, the peak resident memory (/usr/bin/time -f %M) of the 400-service run must
stay within 1.5 times the 20-service run's plus 16 MiB. Before streaming, the 400-service run
took 7.4 times as much as the 20-service run in JSON, 5.3 times in HTML. Each report is checked whole: the JSON parses and lists every
service, the HTML ends with its closing tag. Not run under the sanitizers, whose allocator keeps
freed memory in quarantine. With TMPDIR naming a folder that does not exist, check refuses
(exit 2) and says where.

usage: memory.py PPSAUDIT SOURCE_DIR WORK_DIR
"""
import json
import os
import shutil
import subprocess
import sys

AS_OF = "2013-07-31"  # inside every pack of the pps profile, as bench/run uses


def generate(source_dir, work_dir, count):
    out = os.path.join(work_dir, "w%d" % count)
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([sys.executable, os.path.join(source_dir, "bench", "generate.py"), out, "--count", str(count * 2)],
                   check=True, capture_output=True)
    return os.path.join(out, "pps")  # the even files: count services of the 2001 era


def peak_kib(binary, args, stdout_path):
    with open(stdout_path, "wb") as out:
        done = subprocess.run(["/usr/bin/time", "-f", "%M", binary, "check", *args, "--as-of", AS_OF, "--fail-on",
                               "none", "--jobs", "2"], stdout=out, stderr=subprocess.PIPE, timeout=600)
    if done.returncode != 0:
        raise SystemExit("FAIL: check %s exited %d: %s" % (" ".join(args), done.returncode,
                                                          done.stderr.decode(errors="replace")[-2000:]))
    return int(done.stderr.decode().strip().splitlines()[-1])


def main():
    binary, source_dir, work_dir = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(work_dir, exist_ok=True)
    folders = {count: generate(source_dir, work_dir, count) for count in (20, 400)}
    failures = []
    for format_name in ("json", "html"):
        for where in ("stdout", "output"):
            peaks = {}
            for count, folder in folders.items():
                report = os.path.join(work_dir, "%s-%s-%d.%s" % (where, format_name, count, format_name))
                stdout_path = report if where == "stdout" else os.path.join(work_dir, "stdout.txt")
                args = [folder, "--format", format_name] if where == "stdout" else [
                    folder, "--output", "%s=%s" % (format_name, report)]
                peaks[count] = peak_kib(binary, args, stdout_path)
                with open(report, encoding="utf-8") as f:
                    text = f.read()
                if format_name == "json":
                    services = len(json.loads(text)["services"])
                    if services != count:
                        failures.append("%s %s of %d files lists %d services" % (where, format_name, count, services))
                elif not text.endswith("</html>\n"):
                    failures.append("%s %s of %d files does not end with </html>" % (where, format_name, count))
            bound = peaks[20] * 1.5 + 16 * 1024
            verdict = "ok" if peaks[400] <= bound else "FAIL"
            print("%s %s: peak %d KiB for 20 services, %d KiB for 400 (bound %d KiB): %s" %
                  (format_name, where, peaks[20], peaks[400], bound, verdict))
            if peaks[400] > bound:
                failures.append("%s to %s: peak memory grows with the register: %d KiB for 20 services, %d KiB for "
                                "400" % (format_name, where, peaks[20], peaks[400]))
    # Where the temporary files cannot be made, a located refusal and exit 2, before any audit.
    missing = os.path.join(work_dir, "no-such-folder")
    done = subprocess.run([binary, "check", folders[20], "--as-of", AS_OF], capture_output=True, timeout=60,
                          env=dict(os.environ, TMPDIR=missing))
    expected = "ppsaudit: error: cannot make a temporary file in '%s' (TMPDIR) for the text report:" % missing
    if done.returncode != 2 or expected not in done.stderr.decode() or done.stdout:
        failures.append("TMPDIR missing: exit %d, stderr %r, %d bytes out" % (done.returncode, done.stderr[-300:],
                                                                             len(done.stdout)))
    for failure in failures:
        print("FAIL: " + failure)
    if failures:
        sys.exit(1)
    print("peak memory stays flat from 20 to 400 services in every case")


if __name__ == "__main__":
    main()
