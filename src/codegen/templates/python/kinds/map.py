class MapNode(Node):
    """Emits a new event (its parent is the input) with "value" replaced by
    value * scale + offset, and the topic replaced by set_topic unless that
    is empty."""

    def __init__(self, node_id, set_topic="", scale=1.0, offset=0.0):
        super().__init__(node_id)
        self.set_topic = set_topic
        self.scale = scale
        self.offset = offset

    def handle(self, event):
        payload = dict(event.payload)  # the same keys, in the same order
        value = lookup_number(payload, "value")
        if value is not None:
            payload["value"] = value * self.scale + self.offset
        self.emit_event(Event(self.set_topic or event.topic, payload, parent=event))


