#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Soak: switchyard-run runs the busiest example for 24 hours of virtual time.

The busiest example is the one that emits the most events a second of virtual
time (data/examples/unreliable-network.swy: a Poisson source at 20 Hz, lossy
and jittery queued wires). Its producers are made endless (count 0) so that
they keep emitting for the whole day; nothing else changes.

Memory is measured two ways, both with the real switchyard-run:

- a ladder: one run to each of 1, 3, 6, 12 and 24 hours of virtual time, and
  the peak resident set (VmHWM) of each: if anything grew with virtual time,
  longer runs would peak higher;
- inside the 24-hour run: the resident set (VmRSS) sampled every 20 ms of
  wall-clock time.

Both again with --trace - (standard output, sent to /dev/null), which streams
every dispatch step through the trace writer. Prints a Markdown table and writes JSON with --json.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HOURS = [1, 3, 6, 12, 24]
SAMPLE_SECONDS = 0.02


def endless_copy(example, directory):
    with open(example, encoding="utf-8") as f:
        graph = json.load(f)
    for node in graph["nodes"]:
        if node["type"] in ("timer", "poisson", "burst"):
            node.setdefault("properties", {})["count"] = 0
    path = os.path.join(directory, "soak.swy")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(graph, f, indent=2)
    return path


def memory_kib(pid):
    """VmRSS and VmHWM (the peak so far) of @pid, or None once it has exited."""
    found = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    found[key] = int(value.split()[0])
    except (FileNotFoundError, ProcessLookupError):
        return None
    return (found["VmRSS"], found["VmHWM"]) if len(found) == 2 else None


def run(binary, graph, hours, trace):
    """One run to @hours of virtual time: wall seconds, peak KiB, samples, stats.

    The peak is the last VmHWM read before the process exits (it is read
    every SAMPLE_SECONDS): wait4's ru_maxrss would count the Python process
    the child was forked from."""
    stats_fd, stats_path = tempfile.mkstemp(suffix=".json")
    os.close(stats_fd)
    args = [binary, "--until", str(hours * 3600 * 1000), "--quiet", "--stats", stats_path]
    if trace:
        args += ["--trace", "-"]
    args.append(graph)

    samples = []
    peak = 0
    start = time.monotonic()
    child = subprocess.Popen(args, stdout=subprocess.DEVNULL)
    while True:
        memory = memory_kib(child.pid)
        pid, status = os.waitpid(child.pid, os.WNOHANG)
        if pid != 0:
            break
        if memory is not None:
            samples.append((round(time.monotonic() - start, 2), memory[0]))
            peak = max(peak, memory[1])
        time.sleep(SAMPLE_SECONDS)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - start
    if child.returncode != 0:
        sys.exit(f"{' '.join(args)} failed with status {child.returncode}")
    with open(stats_path, encoding="utf-8") as f:
        stats = json.load(f)
    os.unlink(stats_path)

    return wall, peak, samples, stats


def totals(stats):
    return stats["totals"]["emitted"], stats["totals"]["delivered"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("switchyard_run")
    parser.add_argument("example")
    parser.add_argument("--json", help="write the figures to this file")
    options = parser.parse_args()

    results = {"example": os.path.basename(options.example), "hours": HOURS, "runs": []}
    with tempfile.TemporaryDirectory() as directory:
        graph = endless_copy(options.example, directory)
        print(f"Soak: {results['example']} with endless producers, switchyard-run in fast mode\n")
        print("| trace | virtual hours | wall s | emitted | delivered | peak RSS KiB |")
        print("|---|---:|---:|---:|---:|---:|")
        for trace in (False, True):
            for hours in HOURS:
                wall, peak, samples, stats = run(options.switchyard_run, graph, hours, trace)
                emitted, delivered = totals(stats)
                if stats["virtual_ms"] != hours * 3600 * 1000:
                    sys.exit(f"the run stopped at {stats['virtual_ms']} ms, before {hours} h")
                results["runs"].append({"trace": trace, "hours": hours, "wall_s": round(wall, 2),
                                        "emitted": emitted, "delivered": delivered,
                                        "peak_rss_kib": peak,
                                        "samples": samples if hours == HOURS[-1] else []})
                print(f"| {'to /dev/null' if trace else 'off'} | {hours} | {wall:.1f} | "
                      f"{emitted:,} | {delivered:,} | {peak:,} |", flush=True)

        # VmRSS through the longest run, at each tenth of it (wall-clock time,
        # which in fast mode runs on evenly through virtual time).
        print(f"\nVmRSS (KiB) inside the {HOURS[-1]}-hour run, at each tenth of it:\n")
        print("| trace | samples | " + " | ".join(f"{t * 10} %" for t in range(1, 11)) + " |")
        print("|---|---:|" + "---:|" * 10)
        for run_ in results["runs"]:
            if run_["samples"]:
                rss = [kib for _, kib in run_["samples"]]
                tenths = [rss[min(len(rss) - 1, len(rss) * t // 10)] for t in range(1, 11)]
                run_["rss_tenths_kib"] = tenths
                print(f"| {'to /dev/null' if run_['trace'] else 'off'} | {len(rss)} | "
                      + " | ".join(f"{kib:,}" for kib in tenths) + " |")
        for run_ in results["runs"]:
            if run_["samples"]:
                rss = [kib for _, kib in run_["samples"]]
                tenth = rss[len(rss) // 10]
                print(f"\nInside the {HOURS[-1]}-hour run, trace {'on' if run_['trace'] else 'off'}: "
                      f"{len(rss)} samples every {SAMPLE_SECONDS} s; VmRSS at 10 % of the run "
                      f"{tenth:,} KiB, at the end {rss[-1]:,} KiB, highest {max(rss):,} KiB "
                      f"(growth after the first tenth: {rss[-1] - tenth:+,} KiB)")

    if options.json:
        with open(options.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
