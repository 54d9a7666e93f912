/* batch: collects events and emits one new event per batch, with `count`
 * and the `sum`, `mean`, `min` and `max` of their values. A batch ends at
 * `size` events (if > 0) or `window_ms` after its first event (if > 0);
 * with both 0, every event is a batch of its own. */

#define DEMO_TYPE_BATCH_NODE (demo_batch_node_get_type ())
G_DECLARE_FINAL_TYPE (DemoBatchNode, demo_batch_node, DEMO, BATCH_NODE, DemoNode)

struct _DemoBatchNode
{
  DemoNode  parent_instance;

  guint     size;
  guint     window_ms;
  guint     count;        /* events in the current batch */
  guint     n_valued;     /* of which had a numeric value */
  double    sum;
  double    min;
  double    max;
  Event    *last;
  guint64   generation;   /* a window timer of an earlier batch is ignored */
  guint64   batches;
};

G_DEFINE_FINAL_TYPE (DemoBatchNode, demo_batch_node, DEMO_TYPE_NODE)

static void
demo_batch_node_flush (DemoBatchNode *self)
{
  g_autoptr(Event) last = g_steal_pointer (&self->last);
  g_autoptr(Event) event = NULL;
  GVariantBuilder builder;

  self->batches++;
  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "seq", g_variant_new_int64 ((gint64) self->batches));
  g_variant_builder_add (&builder, "{sv}", "count", g_variant_new_int64 (self->count));
  g_variant_builder_add (&builder, "{sv}", "sum", g_variant_new_double (self->sum));
  g_variant_builder_add (&builder, "{sv}", "mean",
                         g_variant_new_double (self->n_valued ? self->sum / self->n_valued : 0.0));
  g_variant_builder_add (&builder, "{sv}", "min", g_variant_new_double (self->min));
  g_variant_builder_add (&builder, "{sv}", "max", g_variant_new_double (self->max));

  self->count = 0;
  self->n_valued = 0;
  self->sum = self->min = self->max = 0.0;
  self->generation++;

  /* The new event is a child of the last event of the batch. */
  event = event_new (last->topic, g_variant_builder_end (&builder), last);
  demo_node_emit (DEMO_NODE (self), event);
}

static void
demo_batch_node_handle (DemoNode *node,
                        Event    *event)
{
  DemoBatchNode *self = DEMO_BATCH_NODE (node);
  double v;

  if (self->count == 0 && self->window_ms > 0)
    demo_node_schedule (node, MS (self->window_ms), NULL, self->generation);

  self->count++;
  if (payload_lookup_double (event->payload, "value", &v))
    {
      self->min = self->n_valued ? MIN (self->min, v) : v;
      self->max = self->n_valued ? MAX (self->max, v) : v;
      self->sum += v;
      self->n_valued++;
    }
  g_clear_pointer (&self->last, event_unref);
  self->last = event_ref (event);

  if ((self->size > 0 && self->count >= self->size) ||
      (self->size == 0 && self->window_ms == 0))
    demo_batch_node_flush (self);
}

static void
demo_batch_node_timeout (DemoNode *node,
                         Event    *unused G_GNUC_UNUSED,
                         guint64   generation)
{
  DemoBatchNode *self = DEMO_BATCH_NODE (node);

  if (generation == self->generation && self->count > 0)
    demo_batch_node_flush (self);
}

static void
demo_batch_node_print_extra (DemoNode *node)
{
  g_print (" batches=%" G_GUINT64_FORMAT, DEMO_BATCH_NODE (node)->batches);
}

static void
demo_batch_node_finalize (GObject *object)
{
  g_clear_pointer (&DEMO_BATCH_NODE (object)->last, event_unref);

  G_OBJECT_CLASS (demo_batch_node_parent_class)->finalize (object);
}

static void
demo_batch_node_class_init (DemoBatchNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = demo_batch_node_finalize;
  DEMO_NODE_CLASS (klass)->handle = demo_batch_node_handle;
  DEMO_NODE_CLASS (klass)->timeout = demo_batch_node_timeout;
  DEMO_NODE_CLASS (klass)->print_extra = demo_batch_node_print_extra;
}

static void
demo_batch_node_init (DemoBatchNode *self G_GNUC_UNUSED)
{
}

static DemoNode *
demo_batch_node_new (const char *id,
                     guint       size,
                     guint       window_ms)
{
  DemoBatchNode *self = g_object_new (DEMO_TYPE_BATCH_NODE, "id", id, NULL);

  self->size = size;
  self->window_ms = window_ms;

  return DEMO_NODE (self);
}

