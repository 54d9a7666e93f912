/* burst: emits `count` events at once, at `at_ms`; `seq` = 1..count. */

#define DEMO_TYPE_BURST_NODE (demo_burst_node_get_type ())
G_DECLARE_FINAL_TYPE (DemoBurstNode, demo_burst_node, DEMO, BURST_NODE, DemoNode)

struct _DemoBurstNode
{
  DemoNode  parent_instance;

  guint     at_ms;
  guint     count;
  char     *topic;
};

G_DEFINE_FINAL_TYPE (DemoBurstNode, demo_burst_node, DEMO_TYPE_NODE)

static void
demo_burst_node_start (DemoNode *node)
{
  DemoBurstNode *self = DEMO_BURST_NODE (node);

  demo_node_schedule (node, MAX (0, MS (self->at_ms) - now_us), NULL, 0);
}

static void
demo_burst_node_timeout (DemoNode *node,
                         Event    *unused G_GNUC_UNUSED,
                         guint64   tag G_GNUC_UNUSED)
{
  DemoBurstNode *self = DEMO_BURST_NODE (node);

  for (guint k = 1; k <= self->count; k++)
    {
      g_autoptr(Event) event = event_new (self->topic, payload_new (k, FALSE, 0), NULL);

      demo_node_emit (node, event);
    }
}

static void
demo_burst_node_finalize (GObject *object)
{
  g_free (DEMO_BURST_NODE (object)->topic);

  G_OBJECT_CLASS (demo_burst_node_parent_class)->finalize (object);
}

static void
demo_burst_node_class_init (DemoBurstNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = demo_burst_node_finalize;
  DEMO_NODE_CLASS (klass)->start = demo_burst_node_start;
  DEMO_NODE_CLASS (klass)->timeout = demo_burst_node_timeout;
}

static void
demo_burst_node_init (DemoBurstNode *self G_GNUC_UNUSED)
{
}

static DemoNode *
demo_burst_node_new (const char *id,
                     guint       at_ms,
                     guint       count,
                     const char *topic)
{
  DemoBurstNode *self = g_object_new (DEMO_TYPE_BURST_NODE, "id", id, NULL);

  self->at_ms = at_ms;
  self->count = count;
  self->topic = g_strdup (topic);

  return DEMO_NODE (self);
}

