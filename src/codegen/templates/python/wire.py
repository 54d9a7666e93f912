# ---------------------------------------------------------------------------
# Wires: signal handlers
# ---------------------------------------------------------------------------

# A wire is one handler connected to the "event" signal of its source. A sync
# wire calls the target inside emit(); a queued wire schedules the delivery
# for later, like GLib.timeout_add(latency, ...).

SYNC = "sync"
QUEUED = "queued"


class Wire:
    def __init__(self, index, source, target, mode, subscription):
        self.index = index                # in file order
        self.source = source
        self.target = target
        self.mode = mode
        self.subscription = subscription  # MQTT pattern; "#" takes everything
        self.wildcard = None              # the subscription when the handler must match it
        self.latency_us = 0               # queued wires
        self.priority = GLib.PRIORITY_DEFAULT  # queued: PRIORITY_HIGH, _DEFAULT or _DEFAULT_IDLE
%%if loss
        self.loss = 0.0                   # probability that a delivery is lost
%%endif
%%if jitter
        self.jitter_us = 0                # queued wires: extra delay, uniform in [0, jitter]
%%endif
        self.blocked = False
        self.handler_id = 0
        self.delivered = 0
        self.lost = 0


nodes = []  # in file order
wires = []  # in file order


def deliver(wire, event, depth, hops):
    """Hands event to the target's input, depth sync deliveries deep."""
    # An event forwarded along several paths keeps the longest.
    event.hops = max(event.hops, hops)
    wire.delivered += 1
    outer_depth = Dispatch.depth
    Dispatch.depth = depth
    try:
        wire.target.receive(event)
    finally:
        Dispatch.depth = outer_depth


def wire_takes(wire, event):
    """The checks every handler makes first: whether the event crosses."""
    emission = Dispatch.emission
%%if queue
    if emission.only is not None and emission.only is not wire:
        return False  # the queue chose another wire
%%endif
%%if matcher
    if wire.wildcard is not None and not topic_matches(wire.wildcard, event.topic):
        return False
%%endif

    emission.crossed += 1

    # Storm guard: a lineage longer than MAX_HOPS deliveries stops here.
    if emission.hops + 1 > MAX_HOPS:
        wire.target.drop(event, "hop-limit")
        return False

%%if loss
    if wire.loss > 0 and rng.random() < wire.loss:
        wire.lost += 1  # the target never sees it: not one of its drops
        return False

%%endif
    return True


def sync_wire_cb(source, event, wire):
    """A sync wire: the target handles the event before emit() returns."""
    emission = Dispatch.emission
    if not wire_takes(wire, event):
        return
    # Storm guard: a sync cycle would otherwise recurse until the stack ends.
    if emission.depth + 1 > MAX_DEPTH:
        wire.target.drop(event, "depth-limit")
        return
    deliver(wire, event, emission.depth + 1, emission.hops + 1)


def queued_wire_cb(source, event, wire):
    """A queued wire: the delivery waits in the scheduler for the latency."""
    emission = Dispatch.emission
    if not wire_takes(wire, event):
        return
    # Storm guard: a queued cycle with fan-out would fill the memory.
    if len(scheduler) >= MAX_PENDING:
        wire.target.drop(event, "pending-limit")
        return
    delay_us = wire.latency_us
%%if jitter
    if wire.jitter_us > 0:
        delay_us += int(rng.random() * (wire.jitter_us + 1))
%%endif
    scheduler.add(delay_us, wire.priority, deliver, wire, event, 0, emission.hops + 1)


def find_node(node_id):
    for node in nodes:
        if node.id == node_id:
            return node
    raise KeyError(f"No node {node_id!r}")


def add_node(node):
    nodes.append(node)


def connect_wire(source_id, target_id, mode, subscription):
    """Connects a handler to the "event" signal of the source."""
    wire = Wire(len(wires), find_node(source_id), find_node(target_id), mode, subscription)

    # "#" takes every topic. An exact topic becomes the signal detail, so that
    # GLib itself skips the handler for other topics; a pattern with "+" or "#"
    # is matched by the handler.
    if subscription == "#":
        signal = "event"
    elif topic_is_exact(subscription):
        signal = "event::" + subscription
    else:
        signal = "event"
        wire.wildcard = subscription

    handler = sync_wire_cb if mode == SYNC else queued_wire_cb
    wire.handler_id = wire.source.connect(signal, handler, wire)

    wire.source.outputs.append(wire)
    wire.target.inputs.append(wire)
    wires.append(wire)
    return wire


%%if blocked
def block_wire(wire):
    """A blocked handler stays connected but does not run."""
    wire.blocked = True
    wire.source.handler_block(wire.handler_id)


%%endif
%%if queue
def wire_accepts(wire, topic):
    """Whether wire would take an event with topic."""
    return not wire.blocked and topic_matches(wire.subscription, topic)


%%endif
def print_summary():
    for node in nodes:
        node.print_counts()
    for wire in wires:
        print(f"wire {wire.index} {wire.source.id}:out {wire.target.id}:in "
              f"delivered={wire.delivered} lost={wire.lost}")
    print(f"virtual_ms {scheduler.now_us / 1000:.3f}")


