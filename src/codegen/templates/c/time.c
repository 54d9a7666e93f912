/* ---------------------------------------------------------------------- */
/* Virtual time and the scheduler                                          */
/* ---------------------------------------------------------------------- */

/* Everything happens on a virtual clock in microseconds, 0 at the start.
 * Work that waits (timer ticks, queued deliveries, delays, services) is a
 * Pending item in one GQueue, sorted by due time, then GLib priority, then
 * the order in which it was scheduled. The main loop runs one item per
 * dispatch: g_timeout_add() waits until the item is due in real time, times
 * --time-scale; g_idle_add() runs it at once when it is already due (and
 * always with --time-scale 0, where time jumps from one item to the next).
 *
 * In a program of your own you would write g_timeout_add (latency_ms, ...)
 * for each delivery. One sorted queue does the same, but it keeps equal due
 * times in a fixed order and lets time run faster, so the counts printed at
 * the end are the same at any speed. */

#define MS(ms) ((gint64) (ms) * 1000)

typedef void (*PendingFunc) (gpointer data);

typedef struct
{
  gint64          due_us;
  int             priority;   /* G_PRIORITY_HIGH runs before G_PRIORITY_DEFAULT */
  PendingFunc     func;
  gpointer        data;
  GDestroyNotify  destroy;
} Pending;

static GQueue     pending = G_QUEUE_INIT;
static gint64     now_us;
static double     time_scale = 1.0;
static gint64     until_us = G_GINT64_CONSTANT (3600000000);  /* one hour at most */
static gboolean   until_given;
static gboolean   quiet;
static gint64     start_real_us;
static GMainLoop *loop;

/* Runs @func (@data) in @delay_us of virtual time. */
static void
schedule (gint64          delay_us,
          int             priority,
          PendingFunc     func,
          gpointer        data,
          GDestroyNotify  destroy)
{
  Pending *item = g_new (Pending, 1);
  GList *link;

  item->due_us = now_us + delay_us;
  item->priority = priority;
  item->func = func;
  item->data = data;
  item->destroy = destroy;

  /* Walk back from the tail past the items that run after this one. */
  for (link = pending.tail; link != NULL; link = link->prev)
    {
      Pending *other = link->data;

      if (other->due_us < item->due_us ||
          (other->due_us == item->due_us && other->priority <= item->priority))
        break;
    }
  g_queue_insert_after (&pending, link, item);
}

static gboolean run_next_cb (gpointer user_data);

/* Arms one GLib source for the next item. Returns FALSE when there is none
 * before --until: the run is over. */
static gboolean
wake_up_for_next (void)
{
  Pending *next = g_queue_peek_head (&pending);
  gint64 wait_us;

  if (next == NULL || next->due_us > until_us)
    return FALSE;

  wait_us = start_real_us + (gint64) (next->due_us * time_scale) - g_get_monotonic_time ();
  if (wait_us > 0)
    g_timeout_add ((guint) ((wait_us + 999) / 1000), run_next_cb, NULL);
  else
    g_idle_add (run_next_cb, NULL);

  return TRUE;
}

static gboolean
run_next_cb (gpointer user_data G_GNUC_UNUSED)
{
  Pending *item = g_queue_pop_head (&pending);

  now_us = item->due_us;
  item->func (item->data);
  if (item->destroy != NULL)
    item->destroy (item->data);
  g_free (item);

  if (!wake_up_for_next ())
    g_main_loop_quit (loop);

  return G_SOURCE_REMOVE;
}

