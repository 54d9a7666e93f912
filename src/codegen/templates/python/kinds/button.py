class ButtonNode(Node):
    """Emits when clicked (here: --click ID@MS); "seq" counts the clicks and
    "value" is the button's value."""

    def __init__(self, node_id, topic="click", value=1.0):
        super().__init__(node_id)
        self.topic = topic
        self.value = value
        self.clicks = 0

    def click(self):
        self.clicks += 1
        self.emit_event(Event(self.topic, {"seq": self.clicks, "value": self.value}))

    def extra(self):
        return {"clicks": self.clicks}


