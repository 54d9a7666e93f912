/* button: emits when clicked (here: --click ID@MS); `seq` counts the
 * clicks and `value` is the button's value. */

#define DEMO_TYPE_BUTTON_NODE (demo_button_node_get_type ())
G_DECLARE_FINAL_TYPE (DemoButtonNode, demo_button_node, DEMO, BUTTON_NODE, DemoNode)

struct _DemoButtonNode
{
  DemoNode  parent_instance;

  char     *topic;
  double    value;
  guint64   clicks;
};

G_DEFINE_FINAL_TYPE (DemoButtonNode, demo_button_node, DEMO_TYPE_NODE)

static void
demo_button_node_click (DemoButtonNode *self)
{
  g_autoptr(Event) event = NULL;

  self->clicks++;
  event = event_new (self->topic, payload_new ((gint64) self->clicks, TRUE, self->value), NULL);
  demo_node_emit (DEMO_NODE (self), event);
}

static void
demo_button_node_print_extra (DemoNode *node)
{
  g_print (" clicks=%" G_GUINT64_FORMAT, DEMO_BUTTON_NODE (node)->clicks);
}

static void
demo_button_node_finalize (GObject *object)
{
  g_free (DEMO_BUTTON_NODE (object)->topic);

  G_OBJECT_CLASS (demo_button_node_parent_class)->finalize (object);
}

static void
demo_button_node_class_init (DemoButtonNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = demo_button_node_finalize;
  DEMO_NODE_CLASS (klass)->print_extra = demo_button_node_print_extra;
}

static void
demo_button_node_init (DemoButtonNode *self G_GNUC_UNUSED)
{
}

static DemoNode *
demo_button_node_new (const char *id,
                      const char *topic,
                      double      value)
{
  DemoButtonNode *self = g_object_new (DEMO_TYPE_BUTTON_NODE, "id", id, NULL);

  self->topic = g_strdup (topic);
  self->value = value;

  return DEMO_NODE (self);
}

