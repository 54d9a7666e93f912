/* throttle: forwards an event, then drops ("throttled") those that arrive
 * in the next `window_ms`; one at exactly the end of the window passes. */

#define DEMO_TYPE_THROTTLE_NODE (demo_throttle_node_get_type ())
G_DECLARE_FINAL_TYPE (DemoThrottleNode, demo_throttle_node, DEMO, THROTTLE_NODE, DemoNode)

struct _DemoThrottleNode
{
  DemoNode  parent_instance;

  guint     window_ms;
  gboolean  passed;
  gint64    last_pass_us;
};

G_DEFINE_FINAL_TYPE (DemoThrottleNode, demo_throttle_node, DEMO_TYPE_NODE)

static void
demo_throttle_node_handle (DemoNode *node,
                           Event    *event)
{
  DemoThrottleNode *self = DEMO_THROTTLE_NODE (node);

  if (self->passed && now_us < self->last_pass_us + MS (self->window_ms))
    {
      demo_node_drop (node, event, "throttled");
      return;
    }

  self->passed = TRUE;
  self->last_pass_us = now_us;
  demo_node_emit (node, event);
}

static void
demo_throttle_node_class_init (DemoThrottleNodeClass *klass)
{
  DEMO_NODE_CLASS (klass)->handle = demo_throttle_node_handle;
}

static void
demo_throttle_node_init (DemoThrottleNode *self G_GNUC_UNUSED)
{
}

static DemoNode *
demo_throttle_node_new (const char *id,
                        guint       window_ms)
{
  DemoThrottleNode *self = g_object_new (DEMO_TYPE_THROTTLE_NODE, "id", id, NULL);

  self->window_ms = window_ms;

  return DEMO_NODE (self);
}

