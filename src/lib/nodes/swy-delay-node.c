/* swy-delay-node.c: forwards each event later
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "swy-enum-types.h"
#include "swy-event-private.h"
#include "swy-delay-node.h"

/**
 * SwyDelayNode:
 *
 * Forwards each event (the same event) [property@DelayNode:delay-ms] later.
 * Each held event is one item of the graph's scheduler.
 */

struct _SwyDelayNode
{
  SwyNode parent_instance;

  SwyPort *in;
  SwyPort *out;

  guint delay_ms;
  guint held;
};

enum {
  PROP_0,
  PROP_DELAY_MS,
  PROP_HELD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyDelayNode, swy_delay_node, SWY_TYPE_NODE)

static void
swy_delay_node_handle_event (SwyNode  *node,
                             SwyPort  *port,
                             SwyEvent *event)
{
  SwyDelayNode *self = SWY_DELAY_NODE (node);

  self->held++;
  swy_node_queue_notify (node, properties[PROP_HELD]);
  swy_node_schedule_with_context (node, (gint64)self->delay_ms * 1000, event, 0);
}

static void
swy_delay_node_timeout (SwyNode  *node,
                        SwyEvent *context,
                        guint64   tag)
{
  SwyDelayNode *self = SWY_DELAY_NODE (node);

  self->held--;
  swy_node_queue_notify (node, properties[PROP_HELD]);
  swy_node_emit (node, self->out, context);
}

static void
swy_delay_node_reset (SwyNode *node)
{
  SwyDelayNode *self = SWY_DELAY_NODE (node);

  if (self->held != 0)
    {
      self->held = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELD]);
    }
}

static void
swy_delay_node_add_extra_stats (SwyNode      *node,
                                GVariantDict *dict)
{
  g_variant_dict_insert (dict, "held", "u", SWY_DELAY_NODE (node)->held);
}

static void
swy_delay_node_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SwyDelayNode *self = SWY_DELAY_NODE (object);

  switch (prop_id)
    {
    case PROP_DELAY_MS:
      g_value_set_uint (value, swy_delay_node_get_delay_ms (self));
      break;

    case PROP_HELD:
      g_value_set_uint (value, swy_delay_node_get_held (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_delay_node_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SwyDelayNode *self = SWY_DELAY_NODE (object);

  switch (prop_id)
    {
    case PROP_DELAY_MS:
      swy_delay_node_set_delay_ms (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_delay_node_class_init (SwyDelayNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SwyNodeClass *node_class = SWY_NODE_CLASS (klass);

  object_class->get_property = swy_delay_node_get_property;
  object_class->set_property = swy_delay_node_set_property;

  node_class->handle_event = swy_delay_node_handle_event;
  node_class->timeout = swy_delay_node_timeout;
  node_class->reset = swy_delay_node_reset;
  node_class->add_extra_stats = swy_delay_node_add_extra_stats;

  /**
   * SwyDelayNode:delay-ms:
   *
   * Milliseconds of virtual time each event is held.
   */
  properties[PROP_DELAY_MS] =
    g_param_spec_uint ("delay-ms",
                       _("Delay"),
                       _("Milliseconds each event is held"),
                       0, 86400000, 500,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyDelayNode:held:
   *
   * The number of events waiting to be forwarded.

   * Notified at most once per scheduler batch.
   */
  properties[PROP_HELD] =
    g_param_spec_uint ("held",
                       _("Held"),
                       _("Events waiting to be forwarded"),
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_delay_node_init (SwyDelayNode *self)
{
  self->in = swy_node_add_port (SWY_NODE (self), "in", SWY_PORT_DIRECTION_INPUT);
  self->out = swy_node_add_port (SWY_NODE (self), "out", SWY_PORT_DIRECTION_OUTPUT);
  self->delay_ms = 500;
}

/**
 * swy_delay_node_new:
 * @id: (nullable): the node id
 *
 * Creates a delay node with default properties.
 *
 * Returns: (transfer full): a new node
 */
SwyNode *
swy_delay_node_new (const char *id)
{
  return g_object_new (SWY_TYPE_DELAY_NODE, "id", id, NULL);
}

/**
 * swy_delay_node_get_delay_ms:
 * @self: a delay node
 *
 * Gets the value of [property@DelayNode:delay-ms].
 *
 * Returns: the value
 */
guint
swy_delay_node_get_delay_ms (SwyDelayNode *self)
{
  g_return_val_if_fail (SWY_IS_DELAY_NODE (self), 0);

  return self->delay_ms;
}

/**
 * swy_delay_node_set_delay_ms:
 * @self: a delay node
 * @value: the new value
 *
 * Sets [property@DelayNode:delay-ms].
 */
void
swy_delay_node_set_delay_ms (SwyDelayNode *self,
                            guint value)
{
  g_return_if_fail (SWY_IS_DELAY_NODE (self));
  g_return_if_fail (value <= 86400000);

  if (self->delay_ms != value)
    {
      self->delay_ms = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY_MS]);
    }
}

/**
 * swy_delay_node_get_held:
 * @self: a delay node
 *
 * Gets the value of [property@DelayNode:held].
 *
 * Returns: the value
 */
guint
swy_delay_node_get_held (SwyDelayNode *self)
{
  g_return_val_if_fail (SWY_IS_DELAY_NODE (self), 0);

  return self->held;
}
