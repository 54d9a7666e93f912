class CounterNode(Node):
    """Counts the events it gets and keeps the last "value"."""

    def __init__(self, node_id):
        super().__init__(node_id)
        self.count = 0
        self.last_value = 0.0

    def handle(self, event):
        self.count += 1
        value = lookup_number(event.payload, "value")
        if value is not None:
            self.last_value = value

    def extra(self):
        return {"count": self.count}


