# ---------------------------------------------------------------------------
# Events
# ---------------------------------------------------------------------------

class Event:
    """An event: passed by reference, never changed (but for its hop count).
    The payload is a dict with at least "seq" and often "value"."""

    next_id = 1

    def __init__(self, topic, payload, parent=None):
        self.id = Event.next_id              # unique, in order of creation
        Event.next_id += 1
        self.topic = topic                   # levels separated by "/"
        self.payload = payload
        self.created_us = scheduler.now_us
        # The event whose handling made this one, and the storm guard's count
        # of deliveries on the longest path, which a child inherits.
        self.parent = parent.id if parent else 0
        self.hops = parent.hops if parent else 0


%%if lookup
def lookup_number(payload, key):
    """The number under key, or None."""
    value = payload.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return None


%%endif
