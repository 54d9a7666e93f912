/* poisson: emits `count` events (0: no end) at random, `rate_hz` per
 * second on average (exponential gaps); `value` is uniform in
 * [value_min, value_max). */

#define DEMO_TYPE_POISSON_NODE (demo_poisson_node_get_type ())
G_DECLARE_FINAL_TYPE (DemoPoissonNode, demo_poisson_node, DEMO, POISSON_NODE, DemoNode)

struct _DemoPoissonNode
{
  DemoNode  parent_instance;

  double    rate_hz;
  guint     count;
  char     *topic;
  double    value_min;
  double    value_max;
};

G_DEFINE_FINAL_TYPE (DemoPoissonNode, demo_poisson_node, DEMO_TYPE_NODE)

static gint64
next_gap_us (DemoPoissonNode *self)
{
  double u = random_double ();

  return (gint64) floor (-log1p (-u) / self->rate_hz * 1e6 + 0.5);
}

static void
demo_poisson_node_start (DemoNode *node)
{
  demo_node_schedule (node, next_gap_us (DEMO_POISSON_NODE (node)), NULL, 1);
}

static void
demo_poisson_node_timeout (DemoNode *node,
                           Event    *unused G_GNUC_UNUSED,
                           guint64   seq)
{
  DemoPoissonNode *self = DEMO_POISSON_NODE (node);
  double value = self->value_min + random_double () * (self->value_max - self->value_min);
  g_autoptr(Event) event = event_new (self->topic, payload_new ((gint64) seq, TRUE, value), NULL);

  demo_node_emit (node, event);

  if (self->count == 0 || seq < self->count)
    demo_node_schedule (node, next_gap_us (self), NULL, seq + 1);
}

static void
demo_poisson_node_finalize (GObject *object)
{
  g_free (DEMO_POISSON_NODE (object)->topic);

  G_OBJECT_CLASS (demo_poisson_node_parent_class)->finalize (object);
}

static void
demo_poisson_node_class_init (DemoPoissonNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = demo_poisson_node_finalize;
  DEMO_NODE_CLASS (klass)->start = demo_poisson_node_start;
  DEMO_NODE_CLASS (klass)->timeout = demo_poisson_node_timeout;
}

static void
demo_poisson_node_init (DemoPoissonNode *self G_GNUC_UNUSED)
{
}

static DemoNode *
demo_poisson_node_new (const char *id,
                       double      rate_hz,
                       guint       count,
                       const char *topic,
                       double      value_min,
                       double      value_max)
{
  DemoPoissonNode *self = g_object_new (DEMO_TYPE_POISSON_NODE, "id", id, NULL);

  self->rate_hz = rate_hz;
  self->count = count;
  self->topic = g_strdup (topic);
  self->value_min = value_min;
  self->value_max = value_max;

  return DEMO_NODE (self);
}

