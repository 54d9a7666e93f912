#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The generated programs (suite codegen, docs/codegen.md): for every example,
# every lesson (data/lessons/*.swy, found when the test runs) and a graph with
# every node type, generate C and Python, compile the C with gcc, run both
# with a time scale, and compare their counts with the engine's
# (switchyard-run --stats). Also the programs for single nodes and wires, and
# the C of every template under strict warnings. Standard library only; TAP.
#
# Usage: test-programs.py CODEGEN_GEN SWITCHYARD_RUN GI_PYTHON SOURCE_ROOT [WHAT]
# WHAT is "graphs" (the default) or "scopes".

import concurrent.futures
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

GEN, RUN, PYTHON, ROOT = sys.argv[1:5]
WHAT = sys.argv[5] if len(sys.argv) > 5 else "graphs"
TMP = tempfile.mkdtemp(prefix="swy-codegen-")
CC = shutil.which(os.environ.get("CC", "gcc")) or shutil.which("cc")
ENV = dict(os.environ, LC_ALL="C.UTF-8")

# The flags of the project's own code, more or less: generated C is read by
# people who will compile it their way.
STRICT = ["-Wall", "-Wextra", "-Werror", "-Wdeclaration-after-statement", "-Wshadow",
          "-Wstrict-prototypes", "-Wmissing-prototypes", "-Wformat=2", "-Wundef",
          "-Wpointer-arith", "-Wmissing-field-initializers"]
# Graphs that never stop run this long, in the engine and in the programs.
UNTIL_FOREVER_MS = 20000


def pkg_config(*args):
    return subprocess.run(["pkg-config", *args], capture_output=True, text=True,
                          check=True).stdout.split()


GLIB_FLAGS = pkg_config("--cflags", "--libs", "gobject-2.0", "glib-2.0")


def graph_files():
    files = sorted(glob.glob(os.path.join(ROOT, "data", "examples", "*.swy")))
    files += sorted(glob.glob(os.path.join(ROOT, "data", "lessons", "*.swy")))
    files.append(os.path.join(ROOT, "tests", "codegen", "all-types.swy"))
    files.append(os.path.join(ROOT, "tests", "codegen", "tricky.swy"))
    files.append(os.path.join(ROOT, "tests", "codegen", "trigraphs.swy"))
    return files


def name_of(path):
    parent = os.path.basename(os.path.dirname(path))
    return f"{parent}/{os.path.basename(path)[:-4]}"


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def runs_forever(graph):
    """A timer or poisson node without a count never stops producing."""
    for node in graph.get("nodes", []):
        count = node.get("properties", {}).get("count", 0)
        if node.get("type") in ("timer", "poisson") and count == 0:
            return True
    return False


def until_args(graph):
    return ["--until", str(UNTIL_FOREVER_MS)] if runs_forever(graph) else []


def check(proc, what):
    if proc.returncode != 0 or proc.stderr.strip():
        raise AssertionError(f"{what}: exit {proc.returncode}, "
                             f"stderr: {proc.stderr.strip()[:2000]}")
    return proc.stdout


def generate(path, lang, scope="graph", focus=None, scope_graph=None):
    args = [GEN, "--lang", lang, "--scope", scope]
    if focus is not None:
        args += ["--focus", str(focus)]
    if scope_graph is not None:
        args += ["--scope-graph", scope_graph]
    return check(subprocess.run(args + [path], capture_output=True, text=True, env=ENV),
                 "codegen-gen")


def engine_stats(path, graph):
    out = check(subprocess.run([RUN, path, "--stats", "-", "--quiet", *until_args(graph)],
                               capture_output=True, text=True, env=ENV), "switchyard-run")
    return json.loads(out)


def compile_c(code, stem, flags=()):
    source = os.path.join(TMP, stem + ".c")
    binary = os.path.join(TMP, stem)
    with open(source, "w", encoding="utf-8") as f:
        f.write(code)
    check(subprocess.run([CC, *flags, "-o", binary, source, *GLIB_FLAGS, "-lm"],
                         capture_output=True, text=True, env=ENV), f"gcc {stem}.c")
    return binary


def run_program(argv, graph, scale):
    proc = subprocess.run([*argv, "--quiet", "--time-scale", str(scale), *until_args(graph)],
                          capture_output=True, text=True, env=ENV, timeout=120)
    return check(proc, os.path.basename(argv[-1]))


def parse_counts(text):
    """The lines the programs print at the end, as a stats-like dict."""
    nodes, wires, virtual_ms, current = {}, [], None, None
    for line in text.splitlines():
        m = re.fullmatch(r"node (.*) received=(\d+) emitted=(\d+) dropped=(\d+)", line)
        if m:
            current = m.group(1)
            nodes[current] = {"received": int(m.group(2)), "emitted": int(m.group(3)),
                              "dropped": int(m.group(4)), "drop_reasons": {}, "extra": {}}
            continue
        for kind, key in (("drops", "drop_reasons"), ("extra", "extra")):
            prefix = f"{kind} {current} "
            if current is not None and line.startswith(prefix):
                for pair in line[len(prefix):].split():
                    k, _, v = pair.partition("=")
                    nodes[current][key][k] = float(v)
                break
        else:
            m = re.fullmatch(r"wire (\d+) (.*):out (.*):in delivered=(\d+) lost=(\d+)", line)
            if m:
                wires.append({"from": m.group(2) + ":out", "to": m.group(3) + ":in",
                              "delivered": int(m.group(4)), "lost": int(m.group(5))})
            elif line.startswith("virtual_ms "):
                virtual_ms = float(line.split()[1])
            elif line.strip():
                raise AssertionError(f"unexpected line with --quiet: {line!r}")
    return {"nodes": nodes, "wires": wires, "virtual_ms": virtual_ms}


def compare(got, want):
    problems = []
    if list(got["nodes"]) != list(want["nodes"]):
        problems.append(f"nodes {list(got['nodes'])} != {list(want['nodes'])}")
    for node_id, w in want["nodes"].items():
        g = got["nodes"].get(node_id)
        if g is None:
            continue
        for key in ("received", "emitted", "dropped"):
            if g[key] != w[key]:
                problems.append(f"{node_id}.{key}: {g[key]} != {w[key]}")
        reasons = {k: float(v) for k, v in w["drop_reasons"].items() if v}
        if g["drop_reasons"] != reasons:
            problems.append(f"{node_id} drop reasons: {g['drop_reasons']} != {reasons}")
        for key, value in g["extra"].items():
            if key not in w["extra"]:
                problems.append(f"{node_id} extra {key}: not in the engine's stats")
            elif abs(value - float(w["extra"][key])) > 1e-6:
                problems.append(f"{node_id} extra {key}: {value} != {w['extra'][key]}")
    if len(got["wires"]) != len(want["wires"]):
        problems.append(f"{len(got['wires'])} wires != {len(want['wires'])}")
    for i, (g, w) in enumerate(zip(got["wires"], want["wires"])):
        for key in ("from", "to", "delivered", "lost"):
            if g[key] != w[key]:
                problems.append(f"wire {i} {key}: {g[key]} != {w[key]}")
    if got["virtual_ms"] is None or abs(got["virtual_ms"] - float(want["virtual_ms"])) > 1e-3:
        problems.append(f"virtual_ms {got['virtual_ms']} != {want['virtual_ms']}")
    if problems:
        raise AssertionError("; ".join(problems[:12]))


def has_randomness(graph):
    return any(n.get("type") == "poisson" for n in graph.get("nodes", [])) or \
        any(w.get("loss", 0) > 0 or w.get("jitter-ms", 0) > 0 for w in graph.get("wires", []))


def program_test(path, lang, scope="graph", focus=None, scale=0.001, flags=STRICT):
    """Generates, builds and runs one program and compares it with the engine."""
    graph = load(path)
    stem = re.sub(r"[^a-z0-9]+", "-", f"{name_of(path)}-{lang}-{scope}-{focus}".lower())
    if flags is not STRICT:
        stem += "-" + re.sub(r"[^a-z0-9]+", "-", "".join(flags).lower())
    scope_path = os.path.join(TMP, stem + ".swy")
    code = generate(path, lang, scope, focus, scope_graph=scope_path)
    want = engine_stats(scope_path, graph)
    if lang == "c":
        argv = [compile_c(code, stem, flags)]
    else:
        source = os.path.join(TMP, stem + ".py")
        with open(source, "w", encoding="utf-8") as f:
            f.write(code)
        argv = [PYTHON, source]
    compare(parse_counts(run_program(argv, graph, scale)), want)


# The tests, in TAP order.

tests = []


def test(name, func, *args, **kwargs):
    tests.append((name, func, args, kwargs))


def test_every_template():
    path = os.path.join(ROOT, "tests", "codegen", "all-types.swy")
    graph = load(path)
    types = {n["type"] for n in graph["nodes"]}
    catalog = ["timer", "burst", "poisson", "button", "filter", "map", "delay", "debounce",
               "throttle", "broker", "queue", "worker", "batch", "counter", "log", "plot"]
    if sorted(types) != sorted(catalog):
        raise AssertionError(f"all-types.swy lacks {sorted(set(catalog) - types)}")
    c_code = generate(path, "c")
    py_code = generate(path, "python")
    for t in catalog:
        if f"G_DECLARE_FINAL_TYPE (Demo{t.capitalize()}Node" not in c_code:
            raise AssertionError(f"no C type for {t}")
        if f"class {t.capitalize()}Node(Node):" not in py_code:
            raise AssertionError(f"no Python class for {t}")
    for needle in ("g_signal_new", "g_signal_connect", "g_idle_add", "g_timeout_add",
                   "GQueue", "g_signal_handler_block", "G_SIGNAL_DETAILED"):
        if needle not in c_code:
            raise AssertionError(f"the C lacks {needle}")
    for needle in ("__gsignals__", "GLib.timeout_add", "GLib.idle_add", ".connect(",
                   "handler_block", "SignalFlags.DETAILED"):
        if needle not in py_code:
            raise AssertionError(f"the Python lacks {needle}")
    # A button press from the command line reaches the queue.
    binary = compile_c(c_code, "all-types-click", STRICT)
    for argv in ([binary], [PYTHON, os.path.join(TMP, "all-types-click.py")]):
        if argv[0] == PYTHON:
            with open(argv[1], "w", encoding="utf-8") as f:
                f.write(py_code)
        out = check(subprocess.run([*argv, "--quiet", "--time-scale", "0", "--click", "press@1000",
                                    "--click", "press@1010"],
                                   capture_output=True, text=True, env=ENV), argv[-1])
        counts = parse_counts(out)
        if counts["nodes"]["press"]["emitted"] != 2 or counts["nodes"]["q"]["received"] != 10:
            raise AssertionError(f"clicks: {counts['nodes']['press']}, {counts['nodes']['q']}")


HAVE_PYFLAKES = subprocess.run([PYTHON, "-m", "pyflakes", "--version"],
                               capture_output=True).returncode == 0


def test_python_clean(path):
    """Python that compiles, without tabs, long lines or pyflakes warnings (when
    pyflakes is there), and C without long lines."""
    code = generate(path, "python")
    compile(code, path, "exec")
    for lang, text in (("Python", code), ("C", generate(path, "c"))):
        long_lines = [line for line in text.splitlines() if len(line) > 100 or "\t" in line]
        if long_lines:
            raise AssertionError(f"{lang}: tabs or lines over 100 columns: {long_lines[:3]}")
    if HAVE_PYFLAKES:
        source = os.path.join(TMP, re.sub(r"[^a-z0-9]+", "-", name_of(path)) + "-flakes.py")
        with open(source, "w", encoding="utf-8") as f:
            f.write(code)
        proc = subprocess.run([PYTHON, "-m", "pyflakes", source], capture_output=True, text=True)
        if proc.returncode != 0:
            raise AssertionError(f"pyflakes: {proc.stdout.strip()[:1000]}")


def test_real_time():
    """--time-scale 1 takes the graph's time in real time (a 1 s run)."""
    path = os.path.join(ROOT, "tests", "codegen", "one-second.swy")
    graph = load(path)
    binary = compile_c(generate(path, "c"), "one-second")
    import time
    start = time.monotonic()
    counts = parse_counts(run_program([binary], graph, 1))
    elapsed = time.monotonic() - start
    if not 0.95 <= elapsed < 3:
        raise AssertionError(f"a 1000 ms graph ran {elapsed:.3f} s at time scale 1")
    compare(counts, engine_stats(path, graph))


if WHAT == "graphs":
    test("a graph with every node type gives every template, in both languages",
         test_every_template)
    test("--time-scale 1 runs in real time", test_real_time)
    # Names with "??/" and the other trigraphs: ISO C with trigraphs on must
    # read the same strings (and -Wtrigraphs finds any left unescaped).
    test("codegen/trigraphs: C under -std=c17 -trigraphs counts match the engine",
         program_test, os.path.join(ROOT, "tests", "codegen", "trigraphs.swy"), "c",
         flags=[*STRICT, "-std=c17", "-trigraphs", "-Wtrigraphs"])
    for path in graph_files():
        note = " (random: same generator)" if has_randomness(load(path)) else ""
        test(f"{name_of(path)}: C counts match the engine{note}", program_test, path, "c")
        test(f"{name_of(path)}: Python counts match the engine{note}", program_test, path,
             "python")
        test(f"{name_of(path)}: clean code{'' if HAVE_PYFLAKES else ' (no pyflakes)'}",
             test_python_clean, path)
else:
    # One program per node and per wire would take minutes of gcc: take each node
    # type and each wire mode once, over every graph.
    seen = set()
    for path in graph_files():
        graph = load(path)
        for node in graph.get("nodes", []):
            if node["type"] not in seen:
                seen.add(node["type"])
                for lang in ("c", "python"):
                    test(f"{name_of(path)}: node {node['id']} ({node['type']}), {lang}",
                         program_test, path, lang, "node", node["id"], 0)
        for index, wire in enumerate(graph.get("wires", [])):
            key = ("wire", wire.get("mode", "sync"), bool(wire.get("subscription")),
                   os.path.basename(path))
            if key not in seen and len([k for k in seen if k[0] == "wire"]) < 12:
                seen.add(key)
                for lang in ("c", "python"):
                    test(f"{name_of(path)}: wire {index} ({wire['from']} -> {wire['to']}), {lang}",
                         program_test, path, lang, "wire", index, 0)

if CC is None:
    print("1..0 # SKIP no C compiler")
    sys.exit(0)

print(f"1..{len(tests)}")
failed = 0
with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
    futures = [pool.submit(func, *args, **kwargs) for _, func, args, kwargs in tests]
    for i, ((name, _, _, _), future) in enumerate(zip(tests, futures), 1):
        try:
            future.result()
            print(f"ok {i} - {name}")
        except Exception as e:  # noqa: BLE001: any failure is a failed test
            failed += 1
            print(f"not ok {i} - {name}")
            for line in f"{type(e).__name__}: {e}".splitlines():
                print(f"# {line}")
        sys.stdout.flush()

if failed == 0:
    shutil.rmtree(TMP, ignore_errors=True)
else:
    print(f"# files kept in {TMP}")
sys.exit(1 if failed else 0)
