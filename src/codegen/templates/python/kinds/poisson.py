class PoissonNode(Node):
    """Emits count events (0: no end) at random, rate_hz per second on
    average (exponential gaps); "value" is uniform in [value_min, value_max)."""

    def __init__(self, node_id, rate_hz=2.0, count=0, topic="random",
                 value_min=0.0, value_max=1.0):
        super().__init__(node_id)
        self.rate_hz = rate_hz
        self.count = count
        self.topic = topic
        self.value_min = value_min
        self.value_max = value_max

    def next_gap_us(self):
        u = rng.random()
        return int(math.floor(-math.log1p(-u) / self.rate_hz * 1e6 + 0.5))

    def start(self):
        self.schedule(self.next_gap_us(), None, 1)

    def timeout(self, event, seq):
        value = self.value_min + rng.random() * (self.value_max - self.value_min)
        self.emit_event(Event(self.topic, {"seq": seq, "value": value}))
        if self.count == 0 or seq < self.count:
            self.schedule(self.next_gap_us(), None, seq + 1)


