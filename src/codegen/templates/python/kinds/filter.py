FILTER_TESTS = {
    "none": lambda a, b: True,
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "lt": lambda a, b: a < b,
    "le": lambda a, b: a <= b,
    "gt": lambda a, b: a > b,
    "ge": lambda a, b: a >= b,
}


class FilterNode(Node):
    """Forwards the same event when its topic matches topic_pattern and the
    payload field passes the test "field op operand"; counts the others as
    rejected (not dropped: nothing went wrong)."""

    def __init__(self, node_id, topic_pattern="#", field="value", op="none", operand=0.0):
        super().__init__(node_id)
        self.topic_pattern = topic_pattern
        self.field = field
        self.op = op
        self.operand = operand
        self.rejected = 0

    def handle(self, event):
        passed = topic_matches(self.topic_pattern, event.topic)
        # With a test, a missing or non-numeric field fails it.
        if passed and self.op != "none":
            value = lookup_number(event.payload, self.field)
            passed = value is not None and FILTER_TESTS[self.op](value, self.operand)
        if passed:
            self.emit_event(event)
        else:
            self.rejected += 1

    def extra(self):
        return {"rejected": self.rejected}


