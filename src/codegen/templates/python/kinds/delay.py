class DelayNode(Node):
    """Forwards each event delay_ms later."""

    def __init__(self, node_id, delay_ms=500):
        super().__init__(node_id)
        self.delay_ms = delay_ms
        self.held = 0  # events waiting

    def handle(self, event):
        self.held += 1
        self.schedule(ms(self.delay_ms), event, 0)

    def timeout(self, event, tag):
        self.held -= 1
        self.emit_event(event)

    def extra(self):
        return {"held": self.held}


