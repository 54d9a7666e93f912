# ---------------------------------------------------------------------------
# Virtual time and the scheduler
# ---------------------------------------------------------------------------

# Everything happens on a virtual clock in microseconds, 0 at the start.
# Work that waits (timer ticks, queued deliveries, delays, services) is an
# item in one heap, ordered by due time, then GLib priority, then the order
# in which it was scheduled. The main loop runs one item per dispatch:
# GLib.timeout_add() waits until the item is due in real time, times
# --time-scale; GLib.idle_add() runs it at once when it is already due (and
# always with --time-scale 0, where time jumps from one item to the next).
#
# In a program of your own you would write GLib.timeout_add(latency_ms, ...)
# for each delivery. One ordered heap does the same, but it keeps equal due
# times in a fixed order and lets time run faster, so the counts printed at
# the end are the same at any speed.


def ms(value):
    """Milliseconds to microseconds."""
    return value * 1000


class Scheduler:
    def __init__(self):
        self.now_us = 0
        self.time_scale = 1.0
        self.until_us = ms(3600 * 1000)  # one hour at most
        self.heap = []                   # (due_us, priority, order, func, args)
        self.order = 0
        self.loop = GLib.MainLoop()
        self.start_real_us = 0

    def __len__(self):
        return len(self.heap)

    def add(self, delay_us, priority, func, *args):
        """Runs func(*args) in delay_us of virtual time."""
        self.order += 1
        heapq.heappush(self.heap, (self.now_us + delay_us, priority, self.order, func, args))

    def run(self):
        self.start_real_us = GLib.get_monotonic_time()
        if self._wake_up_for_next():
            self.loop.run()

    def _wake_up_for_next(self):
        """Arms one GLib source for the next item; False when there is none
        before --until: the run is over."""
        if not self.heap or self.heap[0][0] > self.until_us:
            return False
        wait_us = (self.start_real_us + int(self.heap[0][0] * self.time_scale)
                   - GLib.get_monotonic_time())
        if wait_us > 0:
            GLib.timeout_add((wait_us + 999) // 1000, self._run_next)
        else:
            GLib.idle_add(self._run_next)
        return True

    def _run_next(self):
        due_us, _priority, _order, func, args = heapq.heappop(self.heap)
        self.now_us = due_us
        try:
            func(*args)
        finally:
            if not self._wake_up_for_next():
                self.loop.quit()
        return GLib.SOURCE_REMOVE


scheduler = Scheduler()


