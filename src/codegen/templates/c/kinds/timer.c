/* timer: emits `count` events (0: no end), one every `interval_ms`; the
 * event `seq` counts the ticks. The same as g_timeout_add() returning
 * G_SOURCE_CONTINUE, but each tick schedules the next one. */

#define DEMO_TYPE_TIMER_NODE (demo_timer_node_get_type ())
G_DECLARE_FINAL_TYPE (DemoTimerNode, demo_timer_node, DEMO, TIMER_NODE, DemoNode)

struct _DemoTimerNode
{
  DemoNode  parent_instance;

  guint     interval_ms;
  guint     count;
  char     *topic;
};

G_DEFINE_FINAL_TYPE (DemoTimerNode, demo_timer_node, DEMO_TYPE_NODE)

static void
demo_timer_node_start (DemoNode *node)
{
  DemoTimerNode *self = DEMO_TIMER_NODE (node);

  demo_node_schedule (node, MS (self->interval_ms), NULL, 1);
}

static void
demo_timer_node_timeout (DemoNode *node,
                         Event    *unused G_GNUC_UNUSED,
                         guint64   tick)
{
  DemoTimerNode *self = DEMO_TIMER_NODE (node);
  g_autoptr(Event) event = event_new (self->topic, payload_new ((gint64) tick, FALSE, 0), NULL);

  demo_node_emit (node, event);

  if (self->count == 0 || tick < self->count)
    demo_node_schedule (node, MS (self->interval_ms), NULL, tick + 1);
}

static void
demo_timer_node_finalize (GObject *object)
{
  g_free (DEMO_TIMER_NODE (object)->topic);

  G_OBJECT_CLASS (demo_timer_node_parent_class)->finalize (object);
}

static void
demo_timer_node_class_init (DemoTimerNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = demo_timer_node_finalize;
  DEMO_NODE_CLASS (klass)->start = demo_timer_node_start;
  DEMO_NODE_CLASS (klass)->timeout = demo_timer_node_timeout;
}

static void
demo_timer_node_init (DemoTimerNode *self G_GNUC_UNUSED)
{
}

static DemoNode *
demo_timer_node_new (const char *id,
                     guint       interval_ms,
                     guint       count,
                     const char *topic)
{
  DemoTimerNode *self = g_object_new (DEMO_TYPE_TIMER_NODE, "id", id, NULL);

  self->interval_ms = interval_ms;
  self->count = count;
  self->topic = g_strdup (topic);

  return DEMO_NODE (self);
}

