/* swy-queue-node.c: a FIFO that hands its head to ready consumers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "swy-graph-private.h"
#include "swy-port-private.h"
#include "swy-wire-private.h"

#include "swy-enum-types.h"
#include "swy-event-private.h"
#include "swy-queue-node.h"

/**
 * SwyQueueNode:
 *
 * A FIFO. Unlike other outputs, `out` does not broadcast: the queue hands
 * its head to the next ready consumer wired to `out`, round robin over the
 * wires in creation order. A wire qualifies when it is not blocked, its
 * subscription accepts the head's topic and its target node is ready
 * ([method@Node.is_ready]); the emission still goes through the signal and
 * the dispatcher, with only the chosen wire carrying it. The queue
 * re-checks whenever an event arrives and whenever a consumer becomes ready.
 *
 * When full ([property@QueueNode:capacity] > 0), it drops the arriving
 * event or its head, per [property@QueueNode:overflow], with reason
 * `overflow`.
 */

struct _SwyQueueNode
{
  SwyNode parent_instance;

  SwyPort *in;
  SwyPort *out;

  guint capacity;
  SwyOverflow overflow;
  GQueue items;
  guint max_depth;
  guint next_wire;
  gboolean dispatching;
};

enum {
  PROP_0,
  PROP_CAPACITY,
  PROP_OVERFLOW,
  PROP_LENGTH,
  PROP_MAX_DEPTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyQueueNode, swy_queue_node, SWY_TYPE_NODE)

static SwyWire *
pick_ready_wire (SwyQueueNode *self,
                 SwyEvent     *head)
{
  GPtrArray *wires = self->out->wires;
  guint n = wires->len;

  for (guint i = 0; i < n; i++)
    {
      guint pos = (self->next_wire + i) % n;
      SwyWire *wire = g_ptr_array_index (wires, pos);

      if (wire->blocked ||
          !_swy_pattern_match (wire->pattern, swy_event_get_topic_quark (head)) ||
          wire->to->node == NULL ||
          !swy_node_is_ready (wire->to->node))
        continue;

      self->next_wire = pos + 1;
      return wire;
    }

  return NULL;
}

static void
dispatch (SwyQueueNode *self)
{
  SwyNode *node = SWY_NODE (self);
  SwyGraph *graph = swy_node_get_graph (node);

  /* A sync cycle back into this queue only enqueues; the outer loop goes on. */
  if (self->dispatching || graph == NULL)
    return;

  self->dispatching = TRUE;
  while (!g_queue_is_empty (&self->items))
    {
      g_autoptr(SwyEvent) head = NULL;
      SwyWire *wire = pick_ready_wire (self, g_queue_peek_head (&self->items));

      if (wire == NULL)
        break;

      head = g_queue_pop_head (&self->items);
      swy_node_queue_notify (node, properties[PROP_LENGTH]);
      _swy_graph_emit (graph, node, self->out, head, wire);
    }
  self->dispatching = FALSE;
}

static void
swy_queue_node_handle_event (SwyNode  *node,
                             SwyPort  *port,
                             SwyEvent *event)
{
  SwyQueueNode *self = SWY_QUEUE_NODE (node);

  if (self->capacity > 0 && self->items.length >= self->capacity)
    {
      g_autoptr(SwyEvent) oldest = NULL;

      if (self->overflow == SWY_OVERFLOW_DROP_NEWEST)
        {
          swy_node_drop (node, port, event, "overflow");
          return;
        }

      oldest = g_queue_pop_head (&self->items);
      swy_node_drop (node, port, oldest, "overflow");
    }

  g_queue_push_tail (&self->items, swy_event_ref (event));
  swy_node_queue_notify (node, properties[PROP_LENGTH]);
  if (self->items.length > self->max_depth)
    {
      self->max_depth = self->items.length;
      swy_node_queue_notify (node, properties[PROP_MAX_DEPTH]);
    }

  dispatch (self);
}

static void
swy_queue_node_consumer_ready (SwyNode *node,
                               SwyNode *consumer)
{
  dispatch (SWY_QUEUE_NODE (node));
}

static void
swy_queue_node_reset (SwyNode *node)
{
  SwyQueueNode *self = SWY_QUEUE_NODE (node);

  g_queue_clear_full (&self->items, (GDestroyNotify)swy_event_unref);
  self->max_depth = 0;
  self->next_wire = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LENGTH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_DEPTH]);
}

static void
swy_queue_node_add_extra_stats (SwyNode      *node,
                                GVariantDict *dict)
{
  SwyQueueNode *self = SWY_QUEUE_NODE (node);

  g_variant_dict_insert (dict, "length", "u", self->items.length);
  g_variant_dict_insert (dict, "max_depth", "u", self->max_depth);
}

static void
swy_queue_node_finalize (GObject *object)
{
  SwyQueueNode *self = (SwyQueueNode *)object;

  g_queue_clear_full (&self->items, (GDestroyNotify)swy_event_unref);

  G_OBJECT_CLASS (swy_queue_node_parent_class)->finalize (object);
}

static void
swy_queue_node_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SwyQueueNode *self = SWY_QUEUE_NODE (object);

  switch (prop_id)
    {
    case PROP_CAPACITY:
      g_value_set_uint (value, swy_queue_node_get_capacity (self));
      break;

    case PROP_OVERFLOW:
      g_value_set_enum (value, swy_queue_node_get_overflow (self));
      break;

    case PROP_LENGTH:
      g_value_set_uint (value, swy_queue_node_get_length (self));
      break;

    case PROP_MAX_DEPTH:
      g_value_set_uint (value, swy_queue_node_get_max_depth (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_queue_node_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SwyQueueNode *self = SWY_QUEUE_NODE (object);

  switch (prop_id)
    {
    case PROP_CAPACITY:
      swy_queue_node_set_capacity (self, g_value_get_uint (value));
      break;

    case PROP_OVERFLOW:
      swy_queue_node_set_overflow (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_queue_node_class_init (SwyQueueNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SwyNodeClass *node_class = SWY_NODE_CLASS (klass);

  object_class->finalize = swy_queue_node_finalize;
  object_class->get_property = swy_queue_node_get_property;
  object_class->set_property = swy_queue_node_set_property;

  node_class->handle_event = swy_queue_node_handle_event;
  node_class->consumer_ready = swy_queue_node_consumer_ready;
  node_class->reset = swy_queue_node_reset;
  node_class->add_extra_stats = swy_queue_node_add_extra_stats;

  /**
   * SwyQueueNode:capacity:
   *
   * The most events held; 0 means unbounded.
   */
  properties[PROP_CAPACITY] =
    g_param_spec_uint ("capacity",
                       _("Capacity"),
                       _("Most events held; 0 means unbounded"),
                       0, G_MAXINT32, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyQueueNode:overflow:
   *
   * Which event a full queue drops.
   */
  properties[PROP_OVERFLOW] =
    g_param_spec_enum ("overflow",
                       _("Overflow"),
                       _("Which event a full queue drops"),
                       SWY_TYPE_OVERFLOW, SWY_OVERFLOW_DROP_NEWEST,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyQueueNode:length:
   *
   * The number of events waiting in the queue.

   * Notified at most once per scheduler batch.
   */
  properties[PROP_LENGTH] =
    g_param_spec_uint ("length",
                       _("Length"),
                       _("Events waiting in the queue"),
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyQueueNode:max-depth:
   *
   * The longest the queue has been since the last reset.

   * Notified at most once per scheduler batch.
   */
  properties[PROP_MAX_DEPTH] =
    g_param_spec_uint ("max-depth",
                       _("Maximum depth"),
                       _("The longest the queue has been"),
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_queue_node_init (SwyQueueNode *self)
{
  self->in = swy_node_add_port (SWY_NODE (self), "in", SWY_PORT_DIRECTION_INPUT);
  self->out = swy_node_add_port (SWY_NODE (self), "out", SWY_PORT_DIRECTION_OUTPUT);
  self->capacity = 0;
  self->overflow = SWY_OVERFLOW_DROP_NEWEST;
  g_queue_init (&self->items);
}

/**
 * swy_queue_node_new:
 * @id: (nullable): the node id
 *
 * Creates a queue node with default properties.
 *
 * Returns: (transfer full): a new node
 */
SwyNode *
swy_queue_node_new (const char *id)
{
  return g_object_new (SWY_TYPE_QUEUE_NODE, "id", id, NULL);
}

/**
 * swy_queue_node_get_capacity:
 * @self: a queue node
 *
 * Gets the value of [property@QueueNode:capacity].
 *
 * Returns: the value
 */
guint
swy_queue_node_get_capacity (SwyQueueNode *self)
{
  g_return_val_if_fail (SWY_IS_QUEUE_NODE (self), 0);

  return self->capacity;
}

/**
 * swy_queue_node_set_capacity:
 * @self: a queue node
 * @value: the new value
 *
 * Sets [property@QueueNode:capacity].
 */
void
swy_queue_node_set_capacity (SwyQueueNode *self,
                            guint value)
{
  g_return_if_fail (SWY_IS_QUEUE_NODE (self));
  g_return_if_fail (value <= G_MAXINT32);

  if (self->capacity != value)
    {
      self->capacity = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPACITY]);
    }
}

/**
 * swy_queue_node_get_overflow:
 * @self: a queue node
 *
 * Gets the value of [property@QueueNode:overflow].
 *
 * Returns: the value
 */
SwyOverflow
swy_queue_node_get_overflow (SwyQueueNode *self)
{
  g_return_val_if_fail (SWY_IS_QUEUE_NODE (self), SWY_OVERFLOW_DROP_NEWEST);

  return self->overflow;
}

/**
 * swy_queue_node_set_overflow:
 * @self: a queue node
 * @value: the new value
 *
 * Sets [property@QueueNode:overflow].
 */
void
swy_queue_node_set_overflow (SwyQueueNode *self,
                            SwyOverflow value)
{
  g_return_if_fail (SWY_IS_QUEUE_NODE (self));
  g_return_if_fail (value <= SWY_OVERFLOW_DROP_OLDEST);

  if (self->overflow != value)
    {
      self->overflow = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERFLOW]);
    }
}

/**
 * swy_queue_node_get_length:
 * @self: a queue node
 *
 * Gets the value of [property@QueueNode:length].
 *
 * Returns: the value
 */
guint
swy_queue_node_get_length (SwyQueueNode *self)
{
  g_return_val_if_fail (SWY_IS_QUEUE_NODE (self), 0);

  return self->items.length;
}

/**
 * swy_queue_node_get_max_depth:
 * @self: a queue node
 *
 * Gets the value of [property@QueueNode:max-depth].
 *
 * Returns: the value
 */
guint
swy_queue_node_get_max_depth (SwyQueueNode *self)
{
  g_return_val_if_fail (SWY_IS_QUEUE_NODE (self), 0);

  return self->max_depth;
}
