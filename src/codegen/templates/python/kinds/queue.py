class QueueNode(Node):
    """A FIFO. Unlike every other output, a queue does not broadcast: it
    hands its head to the next ready consumer, round robin over its wires. It
    still emits the signal; only the chosen wire's handler takes the event.
    When full (capacity > 0), it drops ("overflow") the arriving event, or
    its head with drop_oldest."""

    def __init__(self, node_id, capacity=0, drop_oldest=False):
        super().__init__(node_id)
        self.capacity = capacity
        self.drop_oldest = drop_oldest
        self.items = collections.deque()
        self.max_depth = 0
        self.next_wire = 0  # where the round robin goes on
        self.dispatching = False

    def pick_ready_wire(self, head):
        """The next wire, round robin, that is not blocked, accepts the head's
        topic and leads to a ready node; None if none."""
        n = len(self.outputs)
        for i in range(n):
            pos = (self.next_wire + i) % n
            wire = self.outputs[pos]
            if wire_accepts(wire, head.topic) and wire.target.is_ready():
                self.next_wire = pos + 1
                return wire
        return None

    def dispatch(self):
        """Hands out events while a consumer is ready."""
        # A sync cycle back into the queue only enqueues; this loop goes on.
        if self.dispatching:
            return
        self.dispatching = True
        try:
            while self.items:
                wire = self.pick_ready_wire(self.items[0])
                if wire is None:
                    break
                self.emit_event(self.items.popleft(), only=wire)
        finally:
            self.dispatching = False

    def handle(self, event):
        if self.capacity > 0 and len(self.items) >= self.capacity:
            if not self.drop_oldest:
                self.drop(event, "overflow")
                return
            self.drop(self.items.popleft(), "overflow")
        self.items.append(event)
        self.max_depth = max(self.max_depth, len(self.items))
        self.dispatch()

    def consumer_ready(self):
        self.dispatch()

    def extra(self):
        return {"length": len(self.items), "max_depth": self.max_depth}


