/* swy-counter-node.c: counts the events it receives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "swy-enum-types.h"
#include "swy-event-private.h"
#include "swy-counter-node.h"

/**
 * SwyCounterNode:
 *
 * A consumer that counts the events it receives and remembers the last
 * numeric `value`.
 */

struct _SwyCounterNode
{
  SwyNode parent_instance;

  SwyPort *in;

  guint64 count;
  double last_value;
};

enum {
  PROP_0,
  PROP_COUNT,
  PROP_LAST_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyCounterNode, swy_counter_node, SWY_TYPE_NODE)

static void
swy_counter_node_handle_event (SwyNode  *node,
                               SwyPort  *port,
                               SwyEvent *event)
{
  SwyCounterNode *self = SWY_COUNTER_NODE (node);

  self->count++;
  swy_node_queue_notify (node, properties[PROP_COUNT]);
  if (swy_event_lookup_double (event, "value", &self->last_value))
    swy_node_queue_notify (node, properties[PROP_LAST_VALUE]);
}

static void
swy_counter_node_reset (SwyNode *node)
{
  SwyCounterNode *self = SWY_COUNTER_NODE (node);

  self->count = 0;
  self->last_value = 0.0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_VALUE]);
}

static void
swy_counter_node_add_extra_stats (SwyNode      *node,
                                  GVariantDict *dict)
{
  g_variant_dict_insert (dict, "count", "t", SWY_COUNTER_NODE (node)->count);
}

static void
swy_counter_node_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SwyCounterNode *self = SWY_COUNTER_NODE (object);

  switch (prop_id)
    {
    case PROP_COUNT:
      g_value_set_uint64 (value, swy_counter_node_get_count (self));
      break;

    case PROP_LAST_VALUE:
      g_value_set_double (value, swy_counter_node_get_last_value (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_counter_node_class_init (SwyCounterNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SwyNodeClass *node_class = SWY_NODE_CLASS (klass);

  object_class->get_property = swy_counter_node_get_property;

  node_class->handle_event = swy_counter_node_handle_event;
  node_class->reset = swy_counter_node_reset;
  node_class->add_extra_stats = swy_counter_node_add_extra_stats;

  /**
   * SwyCounterNode:count:
   *
   * The number of events received since the last reset.

   * Notified at most once per scheduler batch.
   */
  properties[PROP_COUNT] =
    g_param_spec_uint64 ("count",
                         _("Count"),
                         _("Events received since the last reset"),
                         0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyCounterNode:last-value:
   *
   * The `value` of the last event that had one.

   * Notified at most once per scheduler batch.
   */
  properties[PROP_LAST_VALUE] =
    g_param_spec_double ("last-value",
                         _("Last value"),
                         _("The value of the last event that had one"),
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_counter_node_init (SwyCounterNode *self)
{
  self->in = swy_node_add_port (SWY_NODE (self), "in", SWY_PORT_DIRECTION_INPUT);
}

/**
 * swy_counter_node_new:
 * @id: (nullable): the node id
 *
 * Creates a counter node with default properties.
 *
 * Returns: (transfer full): a new node
 */
SwyNode *
swy_counter_node_new (const char *id)
{
  return g_object_new (SWY_TYPE_COUNTER_NODE, "id", id, NULL);
}

/**
 * swy_counter_node_get_count:
 * @self: a counter node
 *
 * Gets the value of [property@CounterNode:count].
 *
 * Returns: the value
 */
guint64
swy_counter_node_get_count (SwyCounterNode *self)
{
  g_return_val_if_fail (SWY_IS_COUNTER_NODE (self), 0);

  return self->count;
}

/**
 * swy_counter_node_get_last_value:
 * @self: a counter node
 *
 * Gets the value of [property@CounterNode:last-value].
 *
 * Returns: the value
 */
double
swy_counter_node_get_last_value (SwyCounterNode *self)
{
  g_return_val_if_fail (SWY_IS_COUNTER_NODE (self), 0);

  return self->last_value;
}
