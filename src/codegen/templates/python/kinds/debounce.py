class DebounceNode(Node):
    """After quiet_ms without input, emits the last event it got; the events
    that a newer one replaced are dropped ("debounced"). One timer at most:
    when it fires early, it waits for the rest."""

    def __init__(self, node_id, quiet_ms=300):
        super().__init__(node_id)
        self.quiet_ms = quiet_ms
        self.last = None
        self.deadline_us = 0
        self.timer_pending = False

    def handle(self, event):
        if self.last is not None:
            self.drop(self.last, "debounced")
        self.last = event
        self.deadline_us = scheduler.now_us + ms(self.quiet_ms)
        if not self.timer_pending:
            self.timer_pending = True
            self.schedule(ms(self.quiet_ms), event, 0)

    def timeout(self, event, tag):
        self.timer_pending = False
        if self.last is None:
            return
        if scheduler.now_us < self.deadline_us:
            self.timer_pending = True
            self.schedule(self.deadline_us - scheduler.now_us, self.last, 0)
            return
        last, self.last = self.last, None
        self.emit_event(last)


