class BatchNode(Node):
    """Collects events and emits one new event per batch, with "count" and
    the "sum", "mean", "min" and "max" of their values. A batch ends at size
    events (if > 0) or window_ms after its first event (if > 0); with both 0,
    every event is a batch of its own."""

    def __init__(self, node_id, size=0, window_ms=1000):
        super().__init__(node_id)
        self.size = size
        self.window_ms = window_ms
        self.generation = 0   # a window timer of an earlier batch is ignored
        self.batches = 0
        self.clear()

    def clear(self):
        self.count = 0        # events in the current batch
        self.n_valued = 0     # of which had a numeric value
        self.sum = self.min = self.max = 0.0
        self.last = None

    def flush(self):
        last = self.last
        self.batches += 1
        payload = {
            "seq": self.batches,
            "count": self.count,
            "sum": self.sum,
            "mean": self.sum / self.n_valued if self.n_valued else 0.0,
            "min": self.min,
            "max": self.max,
        }
        self.clear()
        self.generation += 1
        # The new event is a child of the last event of the batch.
        self.emit_event(Event(last.topic, payload, parent=last))

    def handle(self, event):
        if self.count == 0 and self.window_ms > 0:
            self.schedule(ms(self.window_ms), None, self.generation)
        self.count += 1
        value = lookup_number(event.payload, "value")
        if value is not None:
            self.min = min(self.min, value) if self.n_valued else value
            self.max = max(self.max, value) if self.n_valued else value
            self.sum += value
            self.n_valued += 1
        self.last = event
        if (self.size > 0 and self.count >= self.size) or (self.size == 0 and self.window_ms == 0):
            self.flush()

    def timeout(self, event, generation):
        if generation == self.generation and self.count > 0:
            self.flush()

    def extra(self):
        return {"batches": self.batches}


