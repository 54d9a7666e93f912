class ThrottleNode(Node):
    """Forwards an event, then drops ("throttled") those that arrive in the
    next window_ms; one at exactly the end of the window passes."""

    def __init__(self, node_id, window_ms=1000):
        super().__init__(node_id)
        self.window_ms = window_ms
        self.last_pass_us = None

    def handle(self, event):
        now_us = scheduler.now_us
        if self.last_pass_us is not None and now_us < self.last_pass_us + ms(self.window_ms):
            self.drop(event, "throttled")
            return
        self.last_pass_us = now_us
        self.emit_event(event)


