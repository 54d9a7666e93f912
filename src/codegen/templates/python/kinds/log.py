class LogNode(Node):
    """Prints each event as it arrives and keeps the last keep."""

    def __init__(self, node_id, keep=50):
        super().__init__(node_id)
        self.lines = collections.deque(maxlen=keep)

    def handle(self, event):
        line = f"[{scheduler.now_us / 1000:.3f} ms] #{event.id} {event.topic} {event.payload}"
        if not quiet:
            print(f"{self.id}: {line}")
        self.lines.append(line)

    def extra(self):
        return {"kept": len(self.lines)}


