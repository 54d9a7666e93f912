#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# libswitchyard from Python through GObject Introspection (suite python):
# build and run a graph, load and save files, and Swy.Node subclasses
# written in Python. TAP output.
#
# Usage: test-bindings.py EXAMPLES_DIR
# Needs GI_TYPELIB_PATH and LD_LIBRARY_PATH pointing at the built library.

import json
import os
import re
import shutil
import sys
import tempfile

try:
    import gi
    gi.require_version("Swy", "1.0")
    from gi.repository import Gio, GLib, GObject, Swy
except (ImportError, ValueError) as e:
    print(f"1..0 # SKIP PyGObject or the Swy typelib is missing: {e}")
    sys.exit(0)

EXAMPLES = sys.argv[1]
TMP = tempfile.mkdtemp(prefix="swy-python-")
results = []


def test(func):
    results.append((func.__doc__.strip(), func))
    return func


def eq(got, want, what=""):
    if got != want:
        raise AssertionError(f"{what}: got {got!r}, want {want!r}")


def record(payload):
    """A payload a{sv} from a dict of GLib.Variant."""
    return GLib.Variant("a{sv}", payload)


# (a) A graph built node by node.

@test
def _():
    """a graph built node by node runs with exact counts"""
    graph = Swy.Graph.new()
    timer = graph.create_node("timer", "orders")
    timer.props.interval_ms = 100
    timer.props.count = 10
    timer.props.topic = "orders/new"
    gate = graph.create_node("filter", "big")
    gate.set_property("field", "seq")
    gate.props.op = Swy.FilterOp.GT
    gate.props.operand = 3
    scale = graph.create_node("map", "scale")
    scale.props.scale = 10.0
    count = graph.create_node("counter", "count")
    log = graph.create_node("log", "log")

    # Swy.Graph.connect() is swy_graph_connect(): it shadows
    # GObject.Object.connect() for signals (see the notify test below).
    graph.connect("orders:out", "big:in")
    wire = graph.connect("big:out", "scale:in")
    wire.set_mode(Swy.WireMode.QUEUED)
    wire.set_latency_ms(50)
    graph.connect("scale:out", "count:in")
    graph.connect("scale:out", "log:in")

    graph.run_fast(-1)
    # Ticks at 100..1000 ms with seq 1..10; seq 4..10 pass the filter and
    # arrive 50 ms later; map makes one new event each.
    eq(graph.get_now(), 1050000, "now")
    eq(timer.get_emitted(), 10, "ticks")
    eq(gate.get_received(), 10, "filter received")
    eq(gate.get_emitted(), 7, "filter passed")
    eq(gate.props.rejected, 3, "filter rejected")
    eq(count.get_count(), 7, "count")
    eq(count.props.last_value, 0.0, "last value (ticks have no value)")
    eq(log.props.n_events, 7, "log")
    eq((graph.get_total_emitted(), graph.get_total_delivered(), graph.get_total_dropped()),
       (10 + 7 + 7, 10 + 7 + 7 + 7, 0), "totals")
    eq(wire.get_delivered(), 7, "wire")

    trace = graph.get_trace()
    eq(trace.get_n_items(), 24 + 31, "trace records")
    first = trace.get_record(0)
    eq((first.get_kind(), first.get_node_id(), first.get_time()),
       (Swy.TraceKind.EMIT, "orders", 100000), "first record")
    line = json.loads(trace.format_jsonl(0))
    eq(line["payload"], "{'seq': <int64 1>}", "payload")

    stats = json.loads(graph.format_stats()[0])
    eq(stats["nodes"]["big"]["extra"], {"rejected": 3}, "stats extra")


@test
def _():
    """the catalog lists the sixteen node types with their properties"""
    types = Swy.catalog_get_types()
    names = [types.get_item(i).get_name() for i in range(types.get_n_items())]
    eq(names, ["timer", "burst", "poisson", "button", "filter", "map", "delay", "debounce",
               "throttle", "broker", "queue", "worker", "batch", "counter", "log", "plot"],
       "types")
    queue = Swy.catalog_lookup("queue")
    props = [p.name for p in GObject.list_properties(queue.get_gtype())
             if p.owner_type == queue.get_gtype()]
    eq(props, ["capacity", "overflow", "length", "max-depth"], "queue properties")


@test
def _():
    """property notifications: once per batch, connected through GObject.Object.connect"""
    graph = Swy.Graph.new()
    timer = graph.create_node("timer", "t")
    timer.props.interval_ms = 10
    timer.props.count = 100
    seen = []
    GObject.Object.connect(timer, "notify::emitted", lambda *a: seen.append(timer.get_emitted()))
    graph.run_fast(-1)
    eq(seen, [100], "notifications")


# (b) Files.

@test
def _():
    """an example loads from a file, saves to a file and reloads equal"""
    path = os.path.join(EXAMPLES, "competing-consumers.swy")
    with open(path, encoding="utf-8") as f:
        original = f.read()
    graph = Swy.Graph.new_from_file(Gio.File.new_for_path(path), None)
    eq(graph.get_title(), "Competing consumers", "title")
    eq(graph.get_nodes().get_n_items(), 6, "nodes")
    eq(graph.lookup_node("q").props.capacity, 5, "capacity")
    eq(graph.lookup_node("q").props.overflow, Swy.Overflow.DROP_NEWEST, "overflow")

    copy = Gio.File.new_for_path(os.path.join(TMP, "copy.swy"))
    graph.save_to_file(copy, None)
    ok, contents, _etag = copy.load_contents(None)
    eq(contents.decode(), original, "saved bytes")

    again = Swy.Graph.new_from_file(copy, None)
    for a, b in zip(graph.get_nodes(), again.get_nodes()):
        eq(a.get_id(), b.get_id(), "id")
        for pspec in GObject.list_properties(a):
            if pspec.flags & GObject.ParamFlags.WRITABLE and pspec.value_type != Swy.Graph:
                eq(a.get_property(pspec.name), b.get_property(pspec.name), pspec.name)
    for a, b in zip(graph.get_wires(), again.get_wires()):
        eq((a.get_from().dup_address(), a.get_to().dup_address(), a.get_mode(),
            a.get_latency_ms(), a.get_subscription()),
           (b.get_from().dup_address(), b.get_to().dup_address(), b.get_mode(),
            b.get_latency_ms(), b.get_subscription()), "wire")

    again.run_fast(-1)
    eq(again.lookup_node("done").get_count(), 28, "served")


@test
def _():
    """load errors are GLib.Error in the Swy.GraphError domain"""
    text = json.dumps({"format": "switchyard", "version": 1,
                       "nodes": [{"id": "t", "type": "timer"}],
                       "wires": [{"from": "t:out", "to": "q2:in"}]})
    try:
        Swy.Graph.new_from_data(text, -1)
    except GLib.Error as e:
        eq(e.matches(Swy.GraphError.quark(), Swy.GraphError.DANGLING_WIRE), True, "matches")
        eq(e.domain, "swy-graph-error-quark", "domain")
        eq(e.message, "wire 0 (line 1): \u201cto\u201d names node \u201cq2\u201d, which does not exist",
           "message")
    else:
        raise AssertionError("no error")

    try:
        Swy.Graph.new_from_file(Gio.File.new_for_path(os.path.join(TMP, "missing.swy")), None)
    except GLib.Error as e:
        eq(e.matches(Gio.io_error_quark(), Gio.IOErrorEnum.NOT_FOUND), True, "not found")
    else:
        raise AssertionError("no error")


@test
def _():
    """unknown top-level members survive in Graph.get_extra() and on save"""
    text = ('{"format": "switchyard", "version": 1, "lesson": {"step": 2, "notes": [1.0]},'
            ' "zz": true}')
    graph = Swy.Graph.new_from_data(text, -1)
    extra = graph.get_extra()
    eq(extra.get_members(), ["lesson", "zz"], "members")
    eq(extra.get_object_member("lesson").get_int_member("step"), 2, "lesson step")
    saved = graph.save_to_data()[0]
    eq(json.loads(saved)["lesson"], {"step": 2, "notes": [1.0]}, "saved lesson")
    eq(saved.endswith('  "zz": true\n}\n'), True, "order")


# (c) Node types written in Python.

class Doubler(Swy.Node):
    """Emits two child events for each event it handles."""
    __gtype_name__ = "PyDoubler"

    factor = GObject.Property(type=int, default=2, minimum=1, maximum=10)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.add_port("in", Swy.PortDirection.INPUT)
        self.out = self.add_port("out", Swy.PortDirection.OUTPUT)
        self.handled = []

    def do_handle_event(self, port, event):
        self.handled.append((port.get_name(), event.get_id(), event.get_topic()))
        for i in range(self.factor):
            child = self.new_child_event(event, event.get_topic() + "/copy",
                                         record({"seq": GLib.Variant("x", i)}))
            self.emit(self.out, child)


class Pulse(Swy.Node):
    """A producer: schedules its own timer items, emits value k * 1.5."""
    __gtype_name__ = "PyPulse"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.out = self.add_port("out", Swy.PortDirection.OUTPUT)
        self.k = 0

    def do_start(self):
        self.schedule(250 * 1000, 7)

    def do_reset(self):
        self.k = 0

    def do_timeout(self, context, tag):
        eq(tag, 7, "tag")
        self.k += 1
        self.emit(self.out, self.new_event("pulse", record({
            "seq": GLib.Variant("x", self.k), "value": GLib.Variant("d", self.k * 1.5)})))
        if self.k < 4:
            self.schedule(250 * 1000, 7)

    def do_add_extra_stats(self, stats):
        stats.insert_value("pulses", GLib.Variant("t", self.k))


class Gate(Swy.Node):
    """A consumer that is ready only when open, and drops small values."""
    __gtype_name__ = "PyGate"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.add_port("in", Swy.PortDirection.INPUT)
        self.out = self.add_port("out", Swy.PortDirection.OUTPUT)
        self.open = False

    def do_is_ready(self):
        return self.open

    def do_handle_event(self, port, event):
        ok, value = event.lookup_double("value")
        if ok and value > 3:
            self.emit(self.out, event)
        else:
            self.drop(port, event, "too-small")

    def set_open(self):
        self.open = True
        self.notify_ready()


@test
def _():
    """a Python Swy.Node subclass overrides handle_event, emits and is counted"""
    graph = Swy.Graph.new()
    timer = graph.create_node("timer", "t")
    timer.props.interval_ms = 100
    timer.props.count = 3
    doubler = Doubler(id="double", factor=3)
    graph.add_node(doubler)
    count = graph.create_node("counter", "count")
    graph.connect("t:out", "double:in")
    graph.connect("double:out", "count:in")

    graph.run_fast(-1)
    eq(doubler.handled, [("in", 1, "tick"), ("in", 5, "tick"), ("in", 9, "tick")], "handled")
    eq((doubler.get_received(), doubler.get_emitted()), (3, 9), "counters")
    eq(count.get_count(), 9, "count")
    records = [json.loads(graph.get_trace().format_jsonl(i))
               for i in range(graph.get_trace().get_n_items())]
    copies = [r for r in records if r["kind"] == "emit" and r["node"] == "double"]
    eq([(r["topic"], r["parent"], r["depth"]) for r in copies[:3]],
       [("tick/copy", 1, 1)] * 3, "children of the first tick")

    stats = json.loads(graph.format_stats()[0])
    eq(stats["nodes"]["double"]["received"], 3, "stats")

    # Saved with its GType name, which a file cannot load.
    saved = json.loads(graph.save_to_data()[0])
    eq(saved["nodes"][1], {"id": "double", "type": "PyDoubler", "x": 0, "y": 0,
                           "properties": {"factor": 3}}, "saved node")
    try:
        Swy.Graph.new_from_data(json.dumps(saved), -1)
    except GLib.Error as e:
        eq(e.code, int(Swy.GraphError.UNKNOWN_TYPE), "code")
    else:
        raise AssertionError("loaded a Python node type from a file")


@test
def _():
    """Python subclasses override start, timeout, reset, is_ready and add_extra_stats"""
    graph = Swy.Graph.new()
    pulse = Pulse(id="pulse")
    graph.add_node(pulse)
    queue = graph.create_node("queue", "q")
    gate = Gate(id="gate")
    graph.add_node(gate)
    count = graph.create_node("counter", "count")
    graph.connect("pulse:out", "q:in")
    graph.connect("q:out", "gate:in")
    graph.connect("gate:out", "count:in")

    # The gate is closed (not ready): the queue holds all four pulses.
    graph.run_fast(-1)
    eq(graph.get_now(), 1000000, "now")
    eq((pulse.get_emitted(), queue.props.length, gate.get_received()), (4, 4, 0), "held")

    # Opening it notifies readiness: the queue hands everything over.
    gate.set_open()
    eq(queue.props.length, 0, "queue drained")
    eq(gate.get_received(), 4, "gate received")
    eq(gate.get_drop_count("too-small"), 2, "1.5 and 3.0 are dropped")
    eq(count.get_count(), 2, "4.5 and 6.0 pass")
    eq(pulse.dup_extra_stats().unpack(), {"pulses": 4}, "extra stats")
    stats = json.loads(graph.format_stats()[0])
    eq(stats["nodes"]["pulse"]["extra"], {"pulses": 4}, "stats extra")
    eq(stats["nodes"]["gate"]["drop_reasons"], {"too-small": 2}, "drop reasons")

    graph.reset()
    eq((pulse.k, graph.get_now(), count.get_count()), (0, 0, 0), "reset")
    graph.run_fast(-1)
    eq(count.get_count(), 2, "second run")


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
            for line in (str(e) or type(e).__name__).splitlines():
                print(f"# {line}")
    shutil.rmtree(TMP, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
