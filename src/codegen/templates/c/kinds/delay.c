/* delay: forwards each event `delay_ms` later. */

#define DEMO_TYPE_DELAY_NODE (demo_delay_node_get_type ())
G_DECLARE_FINAL_TYPE (DemoDelayNode, demo_delay_node, DEMO, DELAY_NODE, DemoNode)

struct _DemoDelayNode
{
  DemoNode  parent_instance;

  guint     delay_ms;
  guint     held;   /* events waiting */
};

G_DEFINE_FINAL_TYPE (DemoDelayNode, demo_delay_node, DEMO_TYPE_NODE)

static void
demo_delay_node_handle (DemoNode *node,
                        Event    *event)
{
  DemoDelayNode *self = DEMO_DELAY_NODE (node);

  self->held++;
  demo_node_schedule (node, MS (self->delay_ms), event, 0);
}

static void
demo_delay_node_timeout (DemoNode *node,
                         Event    *event,
                         guint64   tag G_GNUC_UNUSED)
{
  DEMO_DELAY_NODE (node)->held--;
  demo_node_emit (node, event);
}

static void
demo_delay_node_print_extra (DemoNode *node)
{
  g_print (" held=%u", DEMO_DELAY_NODE (node)->held);
}

static void
demo_delay_node_class_init (DemoDelayNodeClass *klass)
{
  DEMO_NODE_CLASS (klass)->handle = demo_delay_node_handle;
  DEMO_NODE_CLASS (klass)->timeout = demo_delay_node_timeout;
  DEMO_NODE_CLASS (klass)->print_extra = demo_delay_node_print_extra;
}

static void
demo_delay_node_init (DemoDelayNode *self G_GNUC_UNUSED)
{
}

static DemoNode *
demo_delay_node_new (const char *id,
                     guint       delay_ms)
{
  DemoDelayNode *self = g_object_new (DEMO_TYPE_DELAY_NODE, "id", id, NULL);

  self->delay_ms = delay_ms;

  return DEMO_NODE (self);
}

