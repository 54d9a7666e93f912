#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# switchyard-run end to end (suite run): exit codes, messages, --stats,
# --trace in every format (streamed, compared byte for byte with the trace
# kept whole), failed writes, --seed, --until. Standard library only; TAP.
#
# Usage: test-run.py SWITCHYARD_RUN TRACE_REFERENCE EXAMPLES_DIR [LESSONS_DIR]

import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile

RUN = sys.argv[1]
REFERENCE = sys.argv[2]
EXAMPLES = sys.argv[3]
LESSONS = sys.argv[4] if len(sys.argv) > 4 else None
TMP = tempfile.mkdtemp(prefix="swy-run-")

results = []


def test(name):
    def wrap(func):
        results.append((name, func))
        return func
    return wrap


def run(*args, check=None):
    proc = subprocess.run([RUN, *args], capture_output=True, text=True,
                          env=dict(os.environ, LC_ALL="C.UTF-8"))
    if check is not None and proc.returncode != check:
        raise AssertionError(f"exit {proc.returncode}, expected {check}; stderr: {proc.stderr!r}")
    return proc


def example(name):
    return os.path.join(EXAMPLES, name + ".swy")


def stats(name, *args):
    proc = run(example(name), "--stats", "-", *args, check=0)
    return json.loads(proc.stdout)


def write(name, text):
    path = os.path.join(TMP, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def eq(got, want, what=""):
    if got != want:
        raise AssertionError(f"{what}: got {got!r}, want {want!r}")


def node_counts(s, node):
    n = s["nodes"][node]
    return (n["received"], n["emitted"], n["dropped"])


def trace_lines(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


EXAMPLE_NAMES = sorted(f[:-4] for f in os.listdir(EXAMPLES) if f.endswith(".swy"))


@test("there are five to seven examples")
def _():
    if not 5 <= len(EXAMPLE_NAMES) <= 7:
        raise AssertionError(EXAMPLE_NAMES)


for _name in EXAMPLE_NAMES:
    def _check(name=_name):
        proc = run(example(name), check=0)
        eq(proc.stderr, "", "stderr")
        if "nothing left pending" not in proc.stdout:
            raise AssertionError(f"{name} does not end by itself: {proc.stdout!r}")
        quiet = run(example(name), "--quiet", check=0)
        eq(quiet.stdout, "", "--quiet stdout")
    results.append((f"example {_name} runs to its end with exit 0", _check))


# Lessons are graphs too: each runs headless and ends by itself (those driven
# by buttons end at once, with nothing pending).
LESSON_NAMES = sorted(f for f in os.listdir(LESSONS) if f.endswith(".swy")) if LESSONS else []

if LESSONS:
    @test("there are at least twelve lessons")
    def _():
        if len(LESSON_NAMES) < 12:
            raise AssertionError(LESSON_NAMES)

for _name in LESSON_NAMES:
    def _check(name=_name):
        proc = run(os.path.join(LESSONS, name), "--stats", "-", check=0)
        if "nothing left pending" not in proc.stderr:
            raise AssertionError(f"{name} does not end by itself: {proc.stderr!r}")
        json.loads(proc.stdout)
    results.append((f"lesson {_name} runs to its end with exit 0", _check))


@test("--stats has the keys of engine.md section 6, nodes and wires in file order")
def _():
    s = stats("competing-consumers")
    eq(list(s), ["virtual_ms", "totals", "nodes", "wires"], "top-level keys")
    eq(list(s["totals"]), ["emitted", "delivered", "dropped"], "totals keys")
    eq(list(s["nodes"]), ["orders", "q", "worker-1", "worker-2", "worker-3", "done"], "nodes")
    for node in s["nodes"].values():
        eq(list(node), ["type", "received", "emitted", "dropped", "drop_reasons", "extra"],
           "node keys")
    eq([(w["from"], w["to"]) for w in s["wires"]],
       [("orders:out", "q:in"), ("q:out", "worker-1:in"), ("q:out", "worker-2:in"),
        ("q:out", "worker-3:in"), ("worker-1:out", "done:in"), ("worker-2:out", "done:in"),
        ("worker-3:out", "done:in")], "wires")
    eq(list(s["wires"][0]), ["from", "to", "delivered", "lost"], "wire keys")


# Exact counts, worked out by hand from engine.md.

@test("hello-timer: 10 ticks, every 500 ms, each delivered to two sinks")
def _():
    s = stats("hello-timer")
    eq(s["virtual_ms"], 5000, "virtual_ms")
    eq(s["totals"], {"emitted": 10, "delivered": 20, "dropped": 0}, "totals")
    eq(node_counts(s, "tick"), (0, 10, 0), "tick")
    eq(s["nodes"]["count"]["extra"]["count"], 10, "count")
    eq(node_counts(s, "log"), (10, 0, 0), "log")


# competing-consumers: 30 orders at 100 ms intervals reach the queue 50 ms
# later (150, 250, ... 3050). Three workers serve 400 ms each: 3 per 400 ms
# against 4 arrivals, so the queue grows by one every 400 ms. It first holds
# 5 at 2050; the arrivals at 2450 and 2850 find it full (drop-newest). A
# worker finishing at the same time as an arrival goes first (scheduled
# earlier). Served: worker-1 10 (it also takes the last, 3750 to 4150),
# worker-2 9, worker-3 9.
@test("competing-consumers: 28 served, 2 overflow drops, last service ends at 4150 ms")
def _():
    s = stats("competing-consumers")
    eq(s["virtual_ms"], 4150, "virtual_ms")
    eq(s["totals"], {"emitted": 86, "delivered": 86, "dropped": 2}, "totals")
    eq(node_counts(s, "q"), (30, 28, 2), "q")
    eq(s["nodes"]["q"]["drop_reasons"], {"overflow": 2}, "q drop reasons")
    eq(s["nodes"]["q"]["extra"]["max_depth"], 5, "q max depth")
    eq([s["nodes"][w]["received"] for w in ("worker-1", "worker-2", "worker-3")],
       [10, 9, 9], "workers")
    eq(s["nodes"]["done"]["extra"]["count"], 28, "done")
    eq([w["delivered"] for w in s["wires"]], [30, 10, 9, 9, 10, 9, 9], "wire deliveries")


# backpressure: 20 jobs at 100 ms into two queues of 5, each feeding one
# 100 ms worker. Job 1 goes straight to the worker, 2-6 fill the queue, 7-20
# overflow: drop-newest keeps 2-6, drop-oldest keeps 16-20.
@test("backpressure: drop-newest serves jobs 1-6, drop-oldest serves 1 and 16-20")
def _():
    s = stats("backpressure")
    eq(s["virtual_ms"], 700, "virtual_ms")
    eq(s["totals"], {"emitted": 44, "delivered": 64, "dropped": 28}, "totals")
    for q in ("keep-first", "keep-last"):
        eq(node_counts(s, q), (20, 6, 14), q)
        eq(s["nodes"][q]["drop_reasons"], {"overflow": 14}, q)
    trace = os.path.join(TMP, "backpressure.jsonl")
    run(example("backpressure"), "--trace", trace, "--quiet", check=0)
    served = {"served-first": [], "served-last": []}
    for r in trace_lines(trace):
        if r["kind"] == "deliver" and r["node"] in served:
            served[r["node"]].append(int(re.search(r"'seq': <int64 (\d+)>", r["payload"])[1]))
    eq(served["served-first"], [1, 2, 3, 4, 5, 6], "served-first")
    eq(served["served-last"], [1, 16, 17, 18, 19, 20], "served-last")


# pubsub: kitchen temp 5, kitchen humidity 4, garage temp 3, front door 2.
# sensors/+/temp: 5 + 3; sensors/kitchen/#: 5 + 4; the garage: 3; the door
# events match no subscription (unrouted). The last events are at 6000 ms.
@test("pubsub: subscriptions with + and # pick the right topics, 2 unrouted")
def _():
    s = stats("pubsub")
    eq(s["virtual_ms"], 6000, "virtual_ms")
    eq(s["totals"], {"emitted": 28, "delivered": 34, "dropped": 0}, "totals")
    eq(node_counts(s, "broker"), (14, 14, 0), "broker")
    eq(s["nodes"]["broker"]["extra"]["unrouted"], 2, "unrouted")
    eq(s["nodes"]["all-temps"]["received"], 8, "all-temps")
    eq(s["nodes"]["kitchen"]["extra"]["count"], 9, "kitchen")
    eq(s["nodes"]["garage"]["extra"]["count"], 3, "garage")


# storm: max-depth 16 and max-hops 40. The sync ping-pong delivers at depths
# 1..16 and drops depth 17 at ping. The queued loop (10 ms a hop from 1000
# ms) delivers hops 1..40 and drops hop 41 at left.
@test("storm: depth-limit stops the sync cycle, hop-limit the queued one")
def _():
    s = stats("storm")
    eq(s["virtual_ms"], 1400, "virtual_ms")
    eq(s["totals"], {"emitted": 58, "delivered": 56, "dropped": 2}, "totals")
    eq(node_counts(s, "ping"), (8, 8, 1), "ping")
    eq(node_counts(s, "pong"), (8, 8, 0), "pong")
    eq(s["nodes"]["ping"]["drop_reasons"], {"depth-limit": 1}, "ping drops")
    eq(node_counts(s, "left"), (20, 20, 1), "left")
    eq(s["nodes"]["left"]["drop_reasons"], {"hop-limit": 1}, "left drops")


@test("--stats - keeps standard output pure JSON; the summary goes to stderr")
def _():
    proc = run(example("pubsub"), "--stats", "-", check=0)
    json.loads(proc.stdout)
    if "Emitted 28, delivered 34, dropped 0" not in proc.stderr:
        raise AssertionError(proc.stderr)


@test("--stats FILE writes the same object; the summary stays on stdout")
def _():
    path = os.path.join(TMP, "stats.json")
    proc = run(example("pubsub"), "--stats", path, check=0)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    eq(json.loads(text), stats("pubsub"), "stats")
    if not text.startswith('{\n  "virtual_ms": 6000,\n') or not text.endswith("}\n"):
        raise AssertionError(text[:60])
    if "Emitted 28" not in proc.stdout:
        raise AssertionError(proc.stdout)


for _name in EXAMPLE_NAMES:
    def _check(name=_name):
        path = os.path.join(TMP, name + ".jsonl")
        run(example(name), "--trace", path, "--quiet", check=0)
        records = trace_lines(path)
        s = stats(name)
        t = s["totals"]
        eq(len(records), t["emitted"] + t["delivered"] + t["dropped"], "records")
        eq(sum(r["kind"] == "emit" for r in records), t["emitted"], "emit records")
        eq(sum(r["kind"] == "deliver" for r in records), t["delivered"], "deliver records")
        eq(sum(r["kind"] == "drop" for r in records), t["dropped"], "drop records")
        eq(list(records[0])[:10], ["t_us", "kind", "event", "parent", "node", "port", "wire",
                                   "topic", "depth", "payload"], "record keys")
        times = [r["t_us"] for r in records]
        eq(times, sorted(times), "records in time order")
        eq(times[-1] // 1000 <= s["virtual_ms"], True, "last record within the run")
    results.append((f"--trace of {_name}: JSON lines, one per emit, delivery and drop", _check))


# The records of each example's run to its end.
EXAMPLE_RECORDS = {"backpressure": 136, "competing-consumers": 174, "debounce-throttle": 376,
                   "hello-timer": 30, "pubsub": 62, "storm": 116, "unreliable-network": 549}
FORMATS = ("jsonl", "csv", "chrome")


def endless(name):
    """A copy of an example whose producers never stop (count 0), as bench/soak.py runs it."""
    with open(example(name), encoding="utf-8") as f:
        graph = json.load(f)
    for node in graph["nodes"]:
        if node["type"] in ("timer", "poisson", "burst"):
            node.setdefault("properties", {})["count"] = 0
    return write(f"endless-{name}.swy", json.dumps(graph))


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def reference(graph, fmt, until="-"):
    """The trace kept whole and written at the end, and its number of records."""
    path = os.path.join(TMP, f"reference.{fmt}")
    proc = subprocess.run([REFERENCE, graph, fmt, until, path], capture_output=True, text=True,
                          check=True)
    return read_bytes(path), int(proc.stdout)


def count_records(data, fmt):
    lines = data.count(b"\n")
    if fmt == "csv":
        return lines - 1
    if fmt == "chrome":
        return sum(b'"ph":"M"' not in line for line in data.splitlines()[1:-1])
    return lines


def check_streamed(graph, fmt, records, *args):
    path = os.path.join(TMP, f"streamed.{fmt}")
    proc = run(graph, "--trace", path, "--trace-format", fmt, *args, check=0)
    if "warning" in proc.stderr:
        raise AssertionError(proc.stderr)
    want, n = reference(graph, fmt, args[args.index("--until") + 1] if "--until" in args else "-")
    got = read_bytes(path)
    eq(n, records, "records kept whole")
    eq(count_records(got, fmt), records, "records streamed")
    if got != want:
        raise AssertionError(f"{len(got)} bytes streamed differ from {len(want)} kept whole")


for _name in EXAMPLE_NAMES:
    for _fmt in FORMATS:
        def _check(name=_name, fmt=_fmt):
            check_streamed(example(name), fmt, EXAMPLE_RECORDS[name])
        results.append((f"--trace-format {_fmt} of {_name}: {EXAMPLE_RECORDS.get(_name)} records, "
                        "the same bytes as the trace kept whole", _check))

for _fmt in FORMATS:
    def _check(fmt=_fmt):
        check_streamed(endless("unreliable-network"), fmt, 65203, "--until", "600000", "--quiet")
    results.append((f"--trace-format {_fmt}, 10 minutes of endless unreliable-network: 65203 "
                    "records, more than the ring holds, the same bytes as kept whole", _check))


@test("--trace - streams to stdout a run stopped at the one-hour limit: 390214 records")
def _():
    graph = endless("unreliable-network")
    proc = subprocess.run([RUN, graph, "--trace", "-"], capture_output=True,
                          env=dict(os.environ, LC_ALL="C.UTF-8"))
    eq(proc.returncode, 0, "exit status")
    if b"stopped after one hour of virtual time" not in proc.stderr or b"warning" in proc.stderr:
        raise AssertionError(proc.stderr)
    want, n = reference(graph, "jsonl")
    eq(n, 390214, "records")
    eq(proc.stdout.count(b"\n"), n, "lines")
    eq(proc.stdout == want, True, "the same bytes as the trace kept whole")


@test("--trace - to a full disk (/dev/full): exit 1, the message names standard output")
def _():
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([RUN, endless("unreliable-network"), "--until", "600000",
                               "--trace", "-"], stdout=full, stderr=subprocess.PIPE, text=True,
                              env=dict(os.environ, LC_ALL="C.UTF-8"))
    eq(proc.returncode, 1, "exit status")
    if not re.fullmatch(r"switchyard-run: standard output: .*No space left on device\n",
                        proc.stderr):
        raise AssertionError(proc.stderr)


def limit_file_size():
    """In the child: files may grow to 64 KiB; beyond, writes fail with EFBIG."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))


@test("a trace file that cannot be written to the end: exit 1, the old file untouched")
def _():
    folder = os.path.join(TMP, "full")
    os.mkdir(folder)
    old = write(os.path.join("full", "old.jsonl"), "the previous trace\n")
    new = os.path.join(folder, "new.csv")
    graph = endless("unreliable-network")
    for path in (old, new):
        proc = subprocess.run([RUN, graph, "--until", "600000", "--trace", path,
                               "--trace-format", "csv", "--stats", os.path.join(folder, "s.json")],
                              capture_output=True, text=True, preexec_fn=limit_file_size,
                              env=dict(os.environ, LC_ALL="C.UTF-8"))
        eq(proc.returncode, 1, "exit status")
        if not re.fullmatch(f"switchyard-run: {re.escape(path)}: .*File too large\n", proc.stderr):
            raise AssertionError(proc.stderr)
        eq(proc.stdout, "", "no summary")
    with open(old, encoding="utf-8") as f:
        eq(f.read(), "the previous trace\n", "the old file")
    # No half-written file, no temporary file, no statistics of a failed run.
    eq(sorted(os.listdir(folder)), ["old.jsonl"], "files left")


def as_nobody():
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)


@test("a trace file in a read-only folder: exit 1 before running, the old file untouched")
def _():
    folder = os.path.join(TMP, "read-only")
    os.mkdir(folder)
    old = write(os.path.join("read-only", "old.jsonl"), "the previous trace\n")
    # The old file may be written, its folder not: the trace cannot replace
    # it as a whole, so it is not written over in place either.
    os.chmod(old, 0o666)
    os.chmod(folder, 0o555)
    os.chmod(TMP, 0o755)
    for path in (old, os.path.join(folder, "new.jsonl")):
        proc = subprocess.run([RUN, endless("unreliable-network"), "--trace", path],
                              capture_output=True, text=True,
                              preexec_fn=as_nobody if os.geteuid() == 0 else None,
                              env=dict(os.environ, LC_ALL="C.UTF-8"))
        eq(proc.returncode, 1, "exit status")
        if not re.fullmatch(f"switchyard-run: {re.escape(path)}: .*Permission denied\n",
                            proc.stderr):
            raise AssertionError(proc.stderr)
        eq(proc.stdout, "", "no summary")
    with open(old, encoding="utf-8") as f:
        eq(f.read(), "the previous trace\n", "the old file")
    eq(sorted(os.listdir(folder)), ["old.jsonl"], "files left")
    os.chmod(folder, 0o755)


@test("SIGINT or SIGTERM during a traced run: the old file untouched, no file left over")
def _():
    import time
    folder = os.path.join(TMP, "interrupted")
    os.mkdir(folder)
    old = write(os.path.join("interrupted", "old.jsonl"), "the previous trace\n")
    graph = endless("unreliable-network")
    for path, signo in ((old, signal.SIGINT), (os.path.join(folder, "new.jsonl"), signal.SIGTERM)):
        # 96 virtual hours: more than a minute of running, stopped long before.
        child = subprocess.Popen([RUN, graph, "--until", str(96 * 3600 * 1000), "--trace", path],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # Until the new file or the temporary one shows in the folder, and a little more.
        for _ in range(500):
            if len(os.listdir(folder)) > 1:
                break
            time.sleep(0.01)
        time.sleep(0.3)
        child.send_signal(signo)
        out, err = child.communicate(timeout=30)
        eq(child.returncode, -signo, "ended by the signal")
        eq((out, err), ("", ""), "output")
    with open(old, encoding="utf-8") as f:
        eq(f.read(), "the previous trace\n", "the old file")
    eq(sorted(os.listdir(folder)), ["old.jsonl"], "files left")


@test("--trace through a symbolic link replaces the file it points to")
def _():
    target = write("target.jsonl", "the previous trace\n")
    link = os.path.join(TMP, "link.jsonl")
    os.symlink("target.jsonl", link)
    run(example("hello-timer"), "--trace", link, "--quiet", check=0)
    eq(os.path.islink(link), True, "still a link")
    eq(len(trace_lines(target)), 30, "records in the file the link points to")


@test("--trace-format chrome: Trace Event Format with one event per record")
def _():
    jsonl = os.path.join(TMP, "cc.jsonl")
    chrome = os.path.join(TMP, "cc.json")
    run(example("competing-consumers"), "--trace", jsonl, "--quiet", check=0)
    run(example("competing-consumers"), "--trace", chrome, "--trace-format", "chrome",
        "--quiet", check=0)
    with open(chrome, encoding="utf-8") as f:
        doc = json.load(f)
    events = doc["traceEvents"]
    eq(len([e for e in events if e["ph"] != "M"]), len(trace_lines(jsonl)), "events")
    names = {e["args"]["name"] for e in events if e["name"] == "thread_name"}
    eq(names, {"orders", "q", "worker-1", "worker-2", "worker-3", "done"}, "threads")


@test("--trace-format csv: RFC 4180, the documented columns, one row per record")
def _():
    import csv
    jsonl = os.path.join(TMP, "un.jsonl")
    path = os.path.join(TMP, "un.csv")
    run(example("unreliable-network"), "--trace", jsonl, "--until", "3000", "--quiet", check=0)
    run(example("unreliable-network"), "--trace", path, "--trace-format", "csv",
        "--until", "3000", "--quiet", check=0)
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    eq(text.endswith("\r\n"), True, "CR LF line ends")
    rows = list(csv.reader(text.splitlines()))
    eq(rows[0], ["t_us", "kind", "event", "parent", "node", "port", "wire", "topic", "depth",
                 "reason", "payload"], "header")
    records = trace_lines(jsonl)
    eq(len(rows) - 1, len(records), "rows")
    for row, record in zip(rows[1:], records):
        eq([int(row[0]), row[1], int(row[2]), row[4], int(row[6]), row[7], row[9], row[10]],
           [record["t_us"], record["kind"], record["event"], record["node"], record["wire"],
            record["topic"], record.get("reason", ""), record["payload"]], "row")


@test("--trace - writes JSON lines to stdout, the summary to stderr")
def _():
    proc = run(example("hello-timer"), "--trace", "-", check=0)
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    eq(len(lines), 30, "records")
    if "Emitted 10" not in proc.stderr:
        raise AssertionError(proc.stderr)


@test("--seed changes a random run; one seed twice gives byte-identical traces")
def _():
    name = "unreliable-network"
    a = stats(name)
    b = stats(name, "--seed", "1")
    if a == b:
        raise AssertionError("--seed 1 gave the same statistics as the file's seed")
    t1, t2, t3, t4 = (os.path.join(TMP, f"seed{i}.jsonl") for i in range(4))
    run(example(name), "--seed", "99", "--trace", t1, "--quiet", check=0)
    run(example(name), "--seed", "99", "--trace", t2, "--quiet", check=0)
    run(example(name), "--trace", t3, "--quiet", check=0)
    run(example(name), "--seed", "2024", "--trace", t4, "--quiet", check=0)
    with open(t1, "rb") as f1, open(t2, "rb") as f2, open(t3, "rb") as f3, open(t4, "rb") as f4:
        d1, d2, d3, d4 = f1.read(), f2.read(), f3.read(), f4.read()
    eq(d1 == d2, True, "same seed, same trace")
    eq(d1 == d3, False, "another seed, another trace")
    eq(d3 == d4, True, "--seed 2024 is the file's seed")
    proc = run(example(name), "--seed", "99", check=0)
    if "seed 99" not in proc.stdout:
        raise AssertionError(proc.stdout)


@test("--until stops at a virtual time")
def _():
    s = stats("hello-timer", "--until", "2000")
    eq(s["virtual_ms"], 2000, "virtual_ms")
    eq(s["nodes"]["tick"]["emitted"], 4, "ticks")
    proc = run(example("hello-timer"), "--until", "2000", check=0)
    if "stopped at --until" not in proc.stdout:
        raise AssertionError(proc.stdout)
    s = stats("hello-timer", "--until", "0")
    eq((s["virtual_ms"], s["totals"]["emitted"]), (0, 0), "--until 0")


@test("without --until an endless graph stops after one hour of virtual time")
def _():
    path = write("endless.swy", json.dumps({
        "format": "switchyard", "version": 1, "title": "Endless",
        "nodes": [{"id": "t", "type": "timer", "properties": {"interval-ms": 60000}},
                  {"id": "c", "type": "counter"}],
        "wires": [{"from": "t:out", "to": "c:in"}]}))
    proc = run(path, "--stats", "-", check=0)
    s = json.loads(proc.stdout)
    eq(s["virtual_ms"], 3600000, "virtual_ms")
    eq(s["nodes"]["c"]["extra"]["count"], 60, "ticks")
    if "one hour" not in proc.stderr:
        raise AssertionError(proc.stderr)


@test("a missing file: exit 1, the message names the file")
def _():
    path = os.path.join(TMP, "no-such-graph.swy")
    proc = run(path, check=1)
    eq(proc.stdout, "", "stdout")
    if not proc.stderr.startswith("switchyard-run: ") or path not in proc.stderr:
        raise AssertionError(proc.stderr)


@test("a file that is not JSON: exit 1, file, line and column")
def _():
    path = write("broken.swy", '{"format": "switchyard",\n  "version": 1,\n  "nodes": [}\n')
    proc = run(path, check=1)
    if not proc.stderr.startswith(f"switchyard-run: {path}: line 3, column "):
        raise AssertionError(proc.stderr)


@test("a dangling wire: exit 1, the wire and the missing node")
def _():
    path = write("dangling.swy", json.dumps({
        "format": "switchyard", "version": 1,
        "nodes": [{"id": "t", "type": "timer"}],
        "wires": [{"from": "t:out", "to": "q2:in"}]}, indent=2))
    proc = run(path, check=1)
    eq(proc.stderr, f"switchyard-run: {path}: wire 0 (line 11): \u201cto\u201d names node "
                    f"\u201cq2\u201d, which does not exist\n", "stderr")


@test("a newer format version: exit 1")
def _():
    path = write("future.swy", '{"format": "switchyard", "version": 2}')
    proc = run(path, check=1)
    if "newer than this Switchyard reads" not in proc.stderr:
        raise AssertionError(proc.stderr)


@test("bad command lines: exit 2 with a hint")
def _():
    hello = example("hello-timer")
    for args in ([], [hello, hello], [hello, "--bogus"], [hello, "--until", "soon"],
                 [hello, "--until", "-5"], [hello, "--seed", "-1"],
                 [hello, "--trace", "x", "--trace-format", "xml"],
                 [hello, "--trace-format", "chrome"],
                 [hello, "--stats", "-", "--trace", "-"],
                 [hello, "--stats", "same.json", "--trace", "./same.json"]):
        proc = run(*args, check=2)
        if not proc.stderr.startswith("switchyard-run: ") or "--help" not in proc.stderr:
            raise AssertionError(f"{args}: {proc.stderr!r}")


@test("an output that cannot be written: exit 1, the message names it")
def _():
    path = os.path.join(TMP, "no", "such", "dir", "stats.json")
    proc = run(example("hello-timer"), "--stats", path, check=1)
    if not proc.stderr.startswith(f"switchyard-run: {path}: "):
        raise AssertionError(proc.stderr)


@test("--help and --version")
def _():
    proc = run("--help", check=0)
    for option in ("--until", "--seed", "--stats", "--trace", "--trace-format", "--quiet"):
        if option not in proc.stdout:
            raise AssertionError(f"{option} missing from --help")
    proc = run("--version", check=0)
    if not re.match(r"switchyard-run \d+\.\d+\.\d+ \(libswitchyard \d+\.\d+\.\d+\)\n$",
                    proc.stdout):
        raise AssertionError(proc.stdout)


def main():
    print(f"1..{len(results)}")
    failed = 0
    for i, (name, func) in enumerate(results, 1):
        try:
            func()
            print(f"ok {i} - {name}")
        except Exception as e:  # noqa: BLE001 (report every failure)
            failed += 1
            print(f"not ok {i} - {name}")
            for line in str(e).splitlines() or [type(e).__name__]:
                print(f"# {line}")
    shutil.rmtree(TMP, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
