/* debounce: after `quiet_ms` without input, emits the last event it got;
 * the events that a newer one replaced are dropped ("debounced"). One
 * timer at most: when it fires early, it waits for the rest. */

#define DEMO_TYPE_DEBOUNCE_NODE (demo_debounce_node_get_type ())
G_DECLARE_FINAL_TYPE (DemoDebounceNode, demo_debounce_node, DEMO, DEBOUNCE_NODE, DemoNode)

struct _DemoDebounceNode
{
  DemoNode  parent_instance;

  guint     quiet_ms;
  Event    *last;
  gint64    deadline_us;
  gboolean  timer_pending;
};

G_DEFINE_FINAL_TYPE (DemoDebounceNode, demo_debounce_node, DEMO_TYPE_NODE)

static void
demo_debounce_node_handle (DemoNode *node,
                           Event    *event)
{
  DemoDebounceNode *self = DEMO_DEBOUNCE_NODE (node);

  if (self->last != NULL)
    demo_node_drop (node, self->last, "debounced");
  g_clear_pointer (&self->last, event_unref);

  self->last = event_ref (event);
  self->deadline_us = now_us + MS (self->quiet_ms);

  if (!self->timer_pending)
    {
      self->timer_pending = TRUE;
      demo_node_schedule (node, MS (self->quiet_ms), event, 0);
    }
}

static void
demo_debounce_node_timeout (DemoNode *node,
                            Event    *unused G_GNUC_UNUSED,
                            guint64   tag G_GNUC_UNUSED)
{
  DemoDebounceNode *self = DEMO_DEBOUNCE_NODE (node);
  g_autoptr(Event) last = NULL;

  self->timer_pending = FALSE;
  if (self->last == NULL)
    return;

  if (now_us < self->deadline_us)
    {
      self->timer_pending = TRUE;
      demo_node_schedule (node, self->deadline_us - now_us, self->last, 0);
      return;
    }

  last = g_steal_pointer (&self->last);
  demo_node_emit (node, last);
}

static void
demo_debounce_node_finalize (GObject *object)
{
  g_clear_pointer (&DEMO_DEBOUNCE_NODE (object)->last, event_unref);

  G_OBJECT_CLASS (demo_debounce_node_parent_class)->finalize (object);
}

static void
demo_debounce_node_class_init (DemoDebounceNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = demo_debounce_node_finalize;
  DEMO_NODE_CLASS (klass)->handle = demo_debounce_node_handle;
  DEMO_NODE_CLASS (klass)->timeout = demo_debounce_node_timeout;
}

static void
demo_debounce_node_init (DemoDebounceNode *self G_GNUC_UNUSED)
{
}

static DemoNode *
demo_debounce_node_new (const char *id,
                        guint       quiet_ms)
{
  DemoDebounceNode *self = g_object_new (DEMO_TYPE_DEBOUNCE_NODE, "id", id, NULL);

  self->quiet_ms = quiet_ms;

  return DEMO_NODE (self);
}

