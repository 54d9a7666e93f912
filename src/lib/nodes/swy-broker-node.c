/* swy-broker-node.c: a topic-based hub
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "swy-enum-types.h"
#include "swy-event-private.h"
#include "swy-broker-node.h"

/**
 * SwyBrokerNode:
 *
 * A topic-based hub: forwards each published event on `out`, where the
 * subscriptions of the wires pick topics. An event that no wire's
 * subscription accepts counts as `unrouted` (not a drop); an event that a
 * wire accepted but then lost still counts as routed.
 */

struct _SwyBrokerNode
{
  SwyNode parent_instance;

  SwyPort *in;
  SwyPort *out;

  guint64 unrouted;
};

enum {
  PROP_0,
  PROP_UNROUTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyBrokerNode, swy_broker_node, SWY_TYPE_NODE)

static void
swy_broker_node_handle_event (SwyNode  *node,
                              SwyPort  *port,
                              SwyEvent *event)
{
  SwyBrokerNode *self = SWY_BROKER_NODE (node);

  if (swy_node_emit (node, self->out, event) == 0)
    {
      self->unrouted++;
      swy_node_queue_notify (node, properties[PROP_UNROUTED]);
    }
}

static void
swy_broker_node_reset (SwyNode *node)
{
  SwyBrokerNode *self = SWY_BROKER_NODE (node);

  if (self->unrouted != 0)
    {
      self->unrouted = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNROUTED]);
    }
}

static void
swy_broker_node_add_extra_stats (SwyNode      *node,
                                 GVariantDict *dict)
{
  g_variant_dict_insert (dict, "unrouted", "t", SWY_BROKER_NODE (node)->unrouted);
}

static void
swy_broker_node_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SwyBrokerNode *self = SWY_BROKER_NODE (object);

  switch (prop_id)
    {
    case PROP_UNROUTED:
      g_value_set_uint64 (value, swy_broker_node_get_unrouted (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_broker_node_class_init (SwyBrokerNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SwyNodeClass *node_class = SWY_NODE_CLASS (klass);

  object_class->get_property = swy_broker_node_get_property;

  node_class->handle_event = swy_broker_node_handle_event;
  node_class->reset = swy_broker_node_reset;
  node_class->add_extra_stats = swy_broker_node_add_extra_stats;

  /**
   * SwyBrokerNode:unrouted:
   *
   * The number of events no subscription accepted.

   * Notified at most once per scheduler batch.
   */
  properties[PROP_UNROUTED] =
    g_param_spec_uint64 ("unrouted",
                         _("Unrouted"),
                         _("Events no subscription accepted"),
                         0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_broker_node_init (SwyBrokerNode *self)
{
  self->in = swy_node_add_port (SWY_NODE (self), "in", SWY_PORT_DIRECTION_INPUT);
  self->out = swy_node_add_port (SWY_NODE (self), "out", SWY_PORT_DIRECTION_OUTPUT);
}

/**
 * swy_broker_node_new:
 * @id: (nullable): the node id
 *
 * Creates a broker node with default properties.
 *
 * Returns: (transfer full): a new node
 */
SwyNode *
swy_broker_node_new (const char *id)
{
  return g_object_new (SWY_TYPE_BROKER_NODE, "id", id, NULL);
}

/**
 * swy_broker_node_get_unrouted:
 * @self: a broker node
 *
 * Gets the value of [property@BrokerNode:unrouted].
 *
 * Returns: the value
 */
guint64
swy_broker_node_get_unrouted (SwyBrokerNode *self)
{
  g_return_val_if_fail (SWY_IS_BROKER_NODE (self), 0);

  return self->unrouted;
}
