class PlotNode(Node):
    """Keeps the last keep (time, value) points; events without a numeric
    "value" are skipped."""

    def __init__(self, node_id, keep=200):
        super().__init__(node_id)
        self.points = collections.deque(maxlen=keep)
        self.skipped = 0

    def handle(self, event):
        value = lookup_number(event.payload, "value")
        if value is None:
            self.skipped += 1
            return
        self.points.append((scheduler.now_us, value))

    def extra(self):
        return {"points": len(self.points), "skipped": self.skipped}


