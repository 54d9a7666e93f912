/* swy-batch-node.c: aggregates events per window or per size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "swy-enum-types.h"
#include "swy-event-private.h"
#include "swy-batch-node.h"

/**
 * SwyBatchNode:
 *
 * Aggregates events into one new event per batch, with payload `seq` (the
 * batch number), `count` (events in the batch) and `sum`, `mean`, `min`,
 * `max` of their numeric `value` (0 when none had one). The new event has
 * the topic of, and is the child of, the last event of the batch.
 *
 * A batch is flushed when it reaches [property@BatchNode:size] events
 * (if size > 0) or [property@BatchNode:window-ms] after its first event
 * (if window-ms > 0), whichever comes first. An empty window emits
 * nothing. With both 0, every event is its own batch.
 */

struct _SwyBatchNode
{
  SwyNode parent_instance;

  SwyPort *in;
  SwyPort *out;

  guint size;
  guint window_ms;
  guint count;
  guint n_valued;
  double sum;
  double min;
  double max;
  guint64 batches;
  guint64 generation;
  SwyEvent *last;
};

enum {
  PROP_0,
  PROP_SIZE,
  PROP_WINDOW_MS,
  PROP_BATCHES,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyBatchNode, swy_batch_node, SWY_TYPE_NODE)

static void
clear_batch (SwyBatchNode *self)
{
  self->count = 0;
  self->n_valued = 0;
  self->sum = 0.0;
  self->min = 0.0;
  self->max = 0.0;
  g_clear_pointer (&self->last, swy_event_unref);
  /* Invalidates the pending window item, if any. */
  self->generation++;
}

static void
flush (SwyBatchNode *self)
{
  SwyNode *node = SWY_NODE (self);
  g_autoptr(SwyEvent) event = NULL;
  g_autoptr(SwyEvent) last = g_steal_pointer (&self->last);
  GVariantBuilder builder;

  /* A builder, not a GVariantDict, so that the key order (and the trace) is stable. */
  self->batches++;
  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "seq", g_variant_new_int64 ((gint64)self->batches));
  g_variant_builder_add (&builder, "{sv}", "count", g_variant_new_int64 ((gint64)self->count));
  g_variant_builder_add (&builder, "{sv}", "sum", g_variant_new_double (self->sum));
  g_variant_builder_add (&builder, "{sv}", "mean",
                         g_variant_new_double (self->n_valued ? self->sum / self->n_valued : 0.0));
  g_variant_builder_add (&builder, "{sv}", "min", g_variant_new_double (self->min));
  g_variant_builder_add (&builder, "{sv}", "max", g_variant_new_double (self->max));
  clear_batch (self);
  swy_node_queue_notify (node, properties[PROP_BATCHES]);
  swy_node_queue_notify (node, properties[PROP_PENDING]);

  event = swy_node_new_child_event (node, last, swy_event_get_topic (last), g_variant_builder_end (&builder));
  swy_node_emit (node, self->out, event);
}

static void
swy_batch_node_handle_event (SwyNode  *node,
                             SwyPort  *port,
                             SwyEvent *event)
{
  SwyBatchNode *self = SWY_BATCH_NODE (node);
  double v;

  if (self->count == 0 && self->window_ms > 0)
    swy_node_schedule (node, (gint64)self->window_ms * 1000, self->generation);

  self->count++;
  if (swy_event_lookup_double (event, "value", &v))
    {
      self->min = self->n_valued ? MIN (self->min, v) : v;
      self->max = self->n_valued ? MAX (self->max, v) : v;
      self->sum += v;
      self->n_valued++;
    }
  g_clear_pointer (&self->last, swy_event_unref);
  self->last = swy_event_ref (event);
  swy_node_queue_notify (node, properties[PROP_PENDING]);

  if ((self->size > 0 && self->count >= self->size) ||
      (self->size == 0 && self->window_ms == 0))
    flush (self);
}

static void
swy_batch_node_timeout (SwyNode  *node,
                        SwyEvent *context,
                        guint64   tag)
{
  SwyBatchNode *self = SWY_BATCH_NODE (node);

  if (tag == self->generation && self->count > 0)
    flush (self);
}

static void
swy_batch_node_reset (SwyNode *node)
{
  SwyBatchNode *self = SWY_BATCH_NODE (node);

  clear_batch (self);
  self->batches = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BATCHES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
swy_batch_node_add_extra_stats (SwyNode      *node,
                                GVariantDict *dict)
{
  g_variant_dict_insert (dict, "batches", "t", SWY_BATCH_NODE (node)->batches);
}

static void
swy_batch_node_finalize (GObject *object)
{
  SwyBatchNode *self = (SwyBatchNode *)object;

  g_clear_pointer (&self->last, swy_event_unref);

  G_OBJECT_CLASS (swy_batch_node_parent_class)->finalize (object);
}

static void
swy_batch_node_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SwyBatchNode *self = SWY_BATCH_NODE (object);

  switch (prop_id)
    {
    case PROP_SIZE:
      g_value_set_uint (value, swy_batch_node_get_size (self));
      break;

    case PROP_WINDOW_MS:
      g_value_set_uint (value, swy_batch_node_get_window_ms (self));
      break;

    case PROP_BATCHES:
      g_value_set_uint64 (value, swy_batch_node_get_batches (self));
      break;

    case PROP_PENDING:
      g_value_set_uint (value, swy_batch_node_get_pending (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_batch_node_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SwyBatchNode *self = SWY_BATCH_NODE (object);

  switch (prop_id)
    {
    case PROP_SIZE:
      swy_batch_node_set_size (self, g_value_get_uint (value));
      break;

    case PROP_WINDOW_MS:
      swy_batch_node_set_window_ms (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_batch_node_class_init (SwyBatchNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SwyNodeClass *node_class = SWY_NODE_CLASS (klass);

  object_class->finalize = swy_batch_node_finalize;
  object_class->get_property = swy_batch_node_get_property;
  object_class->set_property = swy_batch_node_set_property;

  node_class->handle_event = swy_batch_node_handle_event;
  node_class->timeout = swy_batch_node_timeout;
  node_class->reset = swy_batch_node_reset;
  node_class->add_extra_stats = swy_batch_node_add_extra_stats;

  /**
   * SwyBatchNode:size:
   *
   * Events per batch; 0 means by window only.
   */
  properties[PROP_SIZE] =
    g_param_spec_uint ("size",
                       _("Size"),
                       _("Events per batch; 0 means by window only"),
                       0, G_MAXINT32, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyBatchNode:window-ms:
   *
   * Milliseconds of virtual time after the first event of a batch until it is flushed; 0 means by size only.
   */
  properties[PROP_WINDOW_MS] =
    g_param_spec_uint ("window-ms",
                       _("Window"),
                       _("Milliseconds after the first event of a batch until it is flushed; 0 means by size only"),
                       0, 86400000, 1000,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyBatchNode:batches:
   *
   * The number of batches emitted.

   * Notified at most once per scheduler batch.
   */
  properties[PROP_BATCHES] =
    g_param_spec_uint64 ("batches",
                         _("Batches"),
                         _("Batches emitted"),
                         0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyBatchNode:pending:
   *
   * The number of events in the current batch.

   * Notified at most once per scheduler batch.
   */
  properties[PROP_PENDING] =
    g_param_spec_uint ("pending",
                       _("Pending"),
                       _("Events in the current batch"),
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_batch_node_init (SwyBatchNode *self)
{
  self->in = swy_node_add_port (SWY_NODE (self), "in", SWY_PORT_DIRECTION_INPUT);
  self->out = swy_node_add_port (SWY_NODE (self), "out", SWY_PORT_DIRECTION_OUTPUT);
  self->size = 0;
  self->window_ms = 1000;
}

/**
 * swy_batch_node_new:
 * @id: (nullable): the node id
 *
 * Creates a batch node with default properties.
 *
 * Returns: (transfer full): a new node
 */
SwyNode *
swy_batch_node_new (const char *id)
{
  return g_object_new (SWY_TYPE_BATCH_NODE, "id", id, NULL);
}

/**
 * swy_batch_node_get_size:
 * @self: a batch node
 *
 * Gets the value of [property@BatchNode:size].
 *
 * Returns: the value
 */
guint
swy_batch_node_get_size (SwyBatchNode *self)
{
  g_return_val_if_fail (SWY_IS_BATCH_NODE (self), 0);

  return self->size;
}

/**
 * swy_batch_node_set_size:
 * @self: a batch node
 * @value: the new value
 *
 * Sets [property@BatchNode:size].
 */
void
swy_batch_node_set_size (SwyBatchNode *self,
                        guint value)
{
  g_return_if_fail (SWY_IS_BATCH_NODE (self));
  g_return_if_fail (value <= G_MAXINT32);

  if (self->size != value)
    {
      self->size = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
    }
}

/**
 * swy_batch_node_get_window_ms:
 * @self: a batch node
 *
 * Gets the value of [property@BatchNode:window-ms].
 *
 * Returns: the value
 */
guint
swy_batch_node_get_window_ms (SwyBatchNode *self)
{
  g_return_val_if_fail (SWY_IS_BATCH_NODE (self), 0);

  return self->window_ms;
}

/**
 * swy_batch_node_set_window_ms:
 * @self: a batch node
 * @value: the new value
 *
 * Sets [property@BatchNode:window-ms].
 */
void
swy_batch_node_set_window_ms (SwyBatchNode *self,
                             guint value)
{
  g_return_if_fail (SWY_IS_BATCH_NODE (self));
  g_return_if_fail (value <= 86400000);

  if (self->window_ms != value)
    {
      self->window_ms = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WINDOW_MS]);
    }
}

/**
 * swy_batch_node_get_batches:
 * @self: a batch node
 *
 * Gets the value of [property@BatchNode:batches].
 *
 * Returns: the value
 */
guint64
swy_batch_node_get_batches (SwyBatchNode *self)
{
  g_return_val_if_fail (SWY_IS_BATCH_NODE (self), 0);

  return self->batches;
}

/**
 * swy_batch_node_get_pending:
 * @self: a batch node
 *
 * Gets the value of [property@BatchNode:pending].
 *
 * Returns: the value
 */
guint
swy_batch_node_get_pending (SwyBatchNode *self)
{
  g_return_val_if_fail (SWY_IS_BATCH_NODE (self), 0);

  return self->count;
}
