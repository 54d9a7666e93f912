class BurstNode(Node):
    """Emits count events at once, at at_ms; "seq" = 1..count."""

    def __init__(self, node_id, at_ms=0, count=10, topic="burst"):
        super().__init__(node_id)
        self.at_ms = at_ms
        self.count = count
        self.topic = topic

    def start(self):
        self.schedule(max(0, ms(self.at_ms) - scheduler.now_us), None, 0)

    def timeout(self, event, tag):
        for k in range(1, self.count + 1):
            self.emit_event(Event(self.topic, {"seq": k}))


