/* broker: a topic hub. It emits every event it gets; the subscriptions of
 * the wires on its output pick the topics. An event no wire took is
 * "unrouted". */

#define DEMO_TYPE_BROKER_NODE (demo_broker_node_get_type ())
G_DECLARE_FINAL_TYPE (DemoBrokerNode, demo_broker_node, DEMO, BROKER_NODE, DemoNode)

struct _DemoBrokerNode
{
  DemoNode  parent_instance;

  guint64   unrouted;
};

G_DEFINE_FINAL_TYPE (DemoBrokerNode, demo_broker_node, DEMO_TYPE_NODE)

static void
demo_broker_node_handle (DemoNode *node,
                         Event    *event)
{
  if (demo_node_emit (node, event) == 0)
    DEMO_BROKER_NODE (node)->unrouted++;
}

static void
demo_broker_node_print_extra (DemoNode *node)
{
  g_print (" unrouted=%" G_GUINT64_FORMAT, DEMO_BROKER_NODE (node)->unrouted);
}

static void
demo_broker_node_class_init (DemoBrokerNodeClass *klass)
{
  DEMO_NODE_CLASS (klass)->handle = demo_broker_node_handle;
  DEMO_NODE_CLASS (klass)->print_extra = demo_broker_node_print_extra;
}

static void
demo_broker_node_init (DemoBrokerNode *self G_GNUC_UNUSED)
{
}

static DemoNode *
demo_broker_node_new (const char *id)
{
  return g_object_new (DEMO_TYPE_BROKER_NODE, "id", id, NULL);
}

