# ---------------------------------------------------------------------------
# Nodes: a GObject.Object subclass with an "event" signal
# ---------------------------------------------------------------------------

class Dispatch:
    """What the handlers of the wires need to know about the
    emit() in progress."""

    emission = None  # the innermost Emission
    depth = 0        # 0 in the main loop, n inside n sync deliveries


class Emission:
    def __init__(self, event, only):
        self.outer = Dispatch.emission  # emissions nest inside handlers
%%if queue
        self.only = only                # a queue hands the event to this wire alone
%%endif
        self.depth = Dispatch.depth     # nesting of sync deliveries
        self.hops = event.hops          # the event's hop count when it was emitted
        self.crossed = 0                # wires that took the event


class Node(GObject.Object):
    # The output. The detail is the topic: a handler connected to
    # "event::orders/new" runs for that topic only, one connected to "event"
    # for every topic.
    __gsignals__ = {
        "event": (GObject.SignalFlags.RUN_LAST | GObject.SignalFlags.DETAILED, None, (object,)),
    }

    def __init__(self, node_id):
        super().__init__()
        self.id = node_id
        self.inputs = []        # the wires into the node, in creation order
        self.outputs = []       # the wires out of the node, in creation order
        self.received = 0       # deliveries into the input
        self.emitted = 0        # emissions: one per emit(), whatever the wires
        self.dropped = 0        # events the node discarded
        self.drop_reasons = {}  # reason -> count

    # What each kind of node overrides.

    def start(self):
        """Producers schedule their first item."""

    def handle(self, event):
        """An event arrived on the input."""

    def timeout(self, event, tag):
        """An item scheduled with schedule() is due."""

%%if queue
    def is_ready(self):
        """Whether the node takes work now: a worker with no free slot does not."""
        return True

    def consumer_ready(self):
        """A node this one feeds became ready again."""

%%endif
    def extra(self):
        """The figures of this kind of node, such as a filter's rejections."""
        return {}

    # What every node does.

    def receive(self, event):
        self.received += 1
        self.handle(event)

    def emit_event(self, event, only=None):
        """Emits event on the output: every wire is a handler of the signal.
        Returns how many wires took it."""
        here = Emission(event, only)
        self.emitted += 1
        Dispatch.emission = here
        # The topic is the detail: "event::orders/new" (GLib has no empty detail).
        signal = "event::" + event.topic if event.topic else "event"
        try:
            self.emit(signal, event)
        finally:
            Dispatch.emission = here.outer
        return here.crossed

    def drop(self, event, reason):
        self.dropped += 1
        self.drop_reasons[reason] = self.drop_reasons.get(reason, 0) + 1

%%if node_timer
    def schedule(self, delay_us, event, tag):
        """Calls self.timeout(event, tag) in delay_us: the node's own
        GLib.timeout_add()."""
        scheduler.add(delay_us, GLib.PRIORITY_DEFAULT, self.timeout, event, tag)

%%endif
%%if queue
    def notify_ready(self):
        """Tells the nodes that feed this one that it is ready again."""
        for wire in self.inputs:
            wire.source.consumer_ready()

%%endif
    def print_counts(self):
        print(f"node {self.id} received={self.received} emitted={self.emitted} "
              f"dropped={self.dropped}")
        if self.dropped:
            reasons = " ".join(f"{r}={n}" for r, n in sorted(self.drop_reasons.items()))
            print(f"drops {self.id} {reasons}")
        extra = self.extra()
        if extra:
            print(f"extra {self.id} " + " ".join(f"{k}={v}" for k, v in extra.items()))


