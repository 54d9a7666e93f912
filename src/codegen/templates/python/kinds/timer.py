class TimerNode(Node):
    """Emits count events (0: no end), one every interval_ms; the event's
    "seq" counts the ticks. The same as GLib.timeout_add() returning
    SOURCE_CONTINUE, but each tick schedules the next one."""

    def __init__(self, node_id, interval_ms=1000, count=0, topic="tick"):
        super().__init__(node_id)
        self.interval_ms = interval_ms
        self.count = count
        self.topic = topic

    def start(self):
        self.schedule(ms(self.interval_ms), None, 1)

    def timeout(self, event, tick):
        self.emit_event(Event(self.topic, {"seq": tick}))
        if self.count == 0 or tick < self.count:
            self.schedule(ms(self.interval_ms), None, tick + 1)


