/* counter: counts the events it gets and keeps the last `value`. */

#define DEMO_TYPE_COUNTER_NODE (demo_counter_node_get_type ())
G_DECLARE_FINAL_TYPE (DemoCounterNode, demo_counter_node, DEMO, COUNTER_NODE, DemoNode)

struct _DemoCounterNode
{
  DemoNode  parent_instance;

  guint64   count;
  double    last_value;
};

G_DEFINE_FINAL_TYPE (DemoCounterNode, demo_counter_node, DEMO_TYPE_NODE)

static void
demo_counter_node_handle (DemoNode *node,
                          Event    *event)
{
  DemoCounterNode *self = DEMO_COUNTER_NODE (node);

  self->count++;
  payload_lookup_double (event->payload, "value", &self->last_value);
}

static void
demo_counter_node_print_extra (DemoNode *node)
{
  g_print (" count=%" G_GUINT64_FORMAT, DEMO_COUNTER_NODE (node)->count);
}

static void
demo_counter_node_class_init (DemoCounterNodeClass *klass)
{
  DEMO_NODE_CLASS (klass)->handle = demo_counter_node_handle;
  DEMO_NODE_CLASS (klass)->print_extra = demo_counter_node_print_extra;
}

static void
demo_counter_node_init (DemoCounterNode *self G_GNUC_UNUSED)
{
}

static DemoNode *
demo_counter_node_new (const char *id)
{
  return g_object_new (DEMO_TYPE_COUNTER_NODE, "id", id, NULL);
}

