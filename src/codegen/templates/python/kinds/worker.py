class WorkerNode(Node):
    """Busy for service_ms per event, up to concurrency at once; events that
    arrive while every slot is busy wait in its inbox. When a service ends it
    emits the event, starts the next one from the inbox, and tells the nodes
    feeding it (a queue) that it is ready again."""

    def __init__(self, node_id, service_ms=200, concurrency=1):
        super().__init__(node_id)
        self.service_ms = service_ms
        self.concurrency = concurrency
        self.busy = 0         # slots in service
        self.inbox = collections.deque()
        self.max_inbox = 0
        self.completed = 0
        self.busy_us = 0      # service time completed

%%if queue
    def is_ready(self):
        return self.busy < self.concurrency

%%endif
    def start_service(self, event):
        self.busy += 1
        # The tag carries the service time.
        self.schedule(ms(self.service_ms), event, ms(self.service_ms))

    def handle(self, event):
        if self.busy < self.concurrency:
            self.start_service(event)
            return
        self.inbox.append(event)
        self.max_inbox = max(self.max_inbox, len(self.inbox))

    def timeout(self, event, service_us):
%%if queue
        was_ready = self.busy < self.concurrency
%%endif
        # Emit first, slot still busy: a sync cycle back here waits in the inbox.
        self.emit_event(event)
        self.busy -= 1
        self.completed += 1
        self.busy_us += service_us
        while self.busy < self.concurrency and self.inbox:
            self.start_service(self.inbox.popleft())
%%if queue
        if not was_ready and self.busy < self.concurrency:
            self.notify_ready()
%%endif

    def extra(self):
        return {"busy": self.busy, "inbox": len(self.inbox), "max_inbox": self.max_inbox,
                "completed": self.completed, "busy_ms": self.busy_us / 1000}


