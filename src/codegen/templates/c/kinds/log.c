/* log: prints each event as it arrives and keeps the last `keep`. */

#define DEMO_TYPE_LOG_NODE (demo_log_node_get_type ())
G_DECLARE_FINAL_TYPE (DemoLogNode, demo_log_node, DEMO, LOG_NODE, DemoNode)

struct _DemoLogNode
{
  DemoNode  parent_instance;

  guint     keep;
  GQueue    lines;   /* char *: "[t ms] #id topic payload" */
};

G_DEFINE_FINAL_TYPE (DemoLogNode, demo_log_node, DEMO_TYPE_NODE)

static void
demo_log_node_handle (DemoNode *node,
                      Event    *event)
{
  DemoLogNode *self = DEMO_LOG_NODE (node);
  g_autofree char *payload = g_variant_print (event->payload, TRUE);
  char *line = g_strdup_printf ("[%.3f ms] #%" G_GUINT64_FORMAT " %s %s",
                                now_us / 1000.0, event->id, event->topic, payload);

  if (!quiet)
    g_print ("%s: %s\n", demo_node_get_id (node), line);

  g_queue_push_tail (&self->lines, line);
  while (self->lines.length > self->keep)
    g_free (g_queue_pop_head (&self->lines));
}

static void
demo_log_node_print_extra (DemoNode *node)
{
  g_print (" kept=%u", DEMO_LOG_NODE (node)->lines.length);
}

static void
demo_log_node_finalize (GObject *object)
{
  g_queue_clear_full (&DEMO_LOG_NODE (object)->lines, g_free);

  G_OBJECT_CLASS (demo_log_node_parent_class)->finalize (object);
}

static void
demo_log_node_class_init (DemoLogNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = demo_log_node_finalize;
  DEMO_NODE_CLASS (klass)->handle = demo_log_node_handle;
  DEMO_NODE_CLASS (klass)->print_extra = demo_log_node_print_extra;
}

static void
demo_log_node_init (DemoLogNode *self)
{
  g_queue_init (&self->lines);
}

static DemoNode *
demo_log_node_new (const char *id,
                   guint       keep)
{
  DemoLogNode *self = g_object_new (DEMO_TYPE_LOG_NODE, "id", id, NULL);

  self->keep = keep;

  return DEMO_NODE (self);
}

