class BrokerNode(Node):
    """A topic hub. It emits every event it gets; the subscriptions of the
    wires on its output pick the topics. An event no wire took is
    "unrouted"."""

    def __init__(self, node_id):
        super().__init__(node_id)
        self.unrouted = 0

    def handle(self, event):
        if self.emit_event(event) == 0:
            self.unrouted += 1

    def extra(self):
        return {"unrouted": self.unrouted}


