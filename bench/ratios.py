#!/usr/bin/env python3
"""Prints bench/run's summary: each command's time and peak memory as ratios to the yaml-cpp
LoadAllFromFile floor, from hyperfine's JSON export and bench/run's memory.tsv.

    bench/ratios.py HYPERFINE_JSON MEMORY_TSV SIZE FILES RUNS"""
import json
import os
import platform
import subprocess
import sys


def main(hyperfine_json, memory_tsv, size, files, runs):
    with open(hyperfine_json, encoding="utf-8") as handle:
        results = json.load(handle)["results"]
    memory = {}
    with open(memory_tsv, encoding="utf-8") as handle:
        for line in handle:
            name, kb = line.rstrip("\n").split("\t")
            memory[name] = int(kb)
    by_name = {r["command"]: r for r in results}
    floor = by_name["floor-load-all"]
    version = subprocess.run(["hyperfine", "--version"], capture_output=True, text=True).stdout.strip()
    print("## bench/run %s: %s files, %s timed runs each, %d cores (nproc), %s, %s" % (
        size, files, runs, os.cpu_count(), version, platform.machine()))
    print()
    print("Ratios to the yaml-cpp LoadAllFromFile floor (floor-load-all) on the same files; load average %s." %
          " ".join("%.2f" % x for x in os.getloadavg()))
    print()
    print("| command | mean time / floor's | fastest run / floor's | relative sd | peak RSS / floor's |")
    print("|---|---:|---:|---:|---:|")
    for r in results:
        name = r["command"]
        ratio = r["mean"] / floor["mean"]
        spread = (r["stddev"] or 0.0) / r["mean"] if r["mean"] else 0.0
        mem = "%.2f" % (memory[name] / memory["floor-load-all"]) if memory.get(name) and memory.get("floor-load-all") else "n/a"
        fastest = min(r["times"]) / min(floor["times"])
        print("| %s | %.2f | %.2f | %.0f%% | %s |" % (name, ratio, fastest, 100 * spread, mem))
    ppsaudit = [r for r in results if r["command"].startswith("ppsaudit")]
    if ppsaudit and "spectral" in by_name:
        print()
        print("Spectral / ppsaudit (%s): %.2f" % (ppsaudit[0]["command"], by_name["spectral"]["mean"] / ppsaudit[0]["mean"]))
    if len(ppsaudit) == 2:
        print("ppsaudit one thread / all threads: %.2f" % (ppsaudit[0]["mean"] / ppsaudit[1]["mean"]))
    if memory.get("floor-load-all"):
        print("Peak RSS of the floor: %.1f MiB (the base of the memory ratios)" % (memory["floor-load-all"] / 1024))


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__.split("\n\n")[1])
    main(*sys.argv[1:])
