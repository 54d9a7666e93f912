/* swy-burst-node.c: emits a burst of events at one time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "swy-enum-types.h"
#include "swy-event-private.h"
#include "swy-burst-node.h"

/**
 * SwyBurstNode:
 *
 * A producer that emits [property@BurstNode:count] events at
 * [property@BurstNode:at-ms], with `seq` = 1 to count, one after the other
 * within one scheduler item.
 */

struct _SwyBurstNode
{
  SwyNode parent_instance;

  SwyPort *out;

  guint at_ms;
  guint count;
  char *topic;
};

enum {
  PROP_0,
  PROP_AT_MS,
  PROP_COUNT,
  PROP_TOPIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyBurstNode, swy_burst_node, SWY_TYPE_NODE)

static void
swy_burst_node_start (SwyNode *node)
{
  SwyBurstNode *self = SWY_BURST_NODE (node);
  gint64 at = (gint64)self->at_ms * 1000;

  swy_node_schedule (node, MAX (0, at - swy_node_get_now (node)), 0);
}

static void
swy_burst_node_timeout (SwyNode  *node,
                        SwyEvent *context,
                        guint64   tag)
{
  SwyBurstNode *self = SWY_BURST_NODE (node);

  for (guint k = 1; k <= self->count; k++)
    {
      g_autoptr(SwyEvent) event = NULL;

      event = swy_node_new_event (node, self->topic, _swy_payload_new (k, FALSE, 0.0));
      swy_node_emit (node, self->out, event);
    }
}

static void
swy_burst_node_finalize (GObject *object)
{
  SwyBurstNode *self = (SwyBurstNode *)object;

  g_clear_pointer (&self->topic, g_free);

  G_OBJECT_CLASS (swy_burst_node_parent_class)->finalize (object);
}

static void
swy_burst_node_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SwyBurstNode *self = SWY_BURST_NODE (object);

  switch (prop_id)
    {
    case PROP_AT_MS:
      g_value_set_uint (value, swy_burst_node_get_at_ms (self));
      break;

    case PROP_COUNT:
      g_value_set_uint (value, swy_burst_node_get_count (self));
      break;

    case PROP_TOPIC:
      g_value_set_string (value, swy_burst_node_get_topic (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_burst_node_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SwyBurstNode *self = SWY_BURST_NODE (object);

  switch (prop_id)
    {
    case PROP_AT_MS:
      swy_burst_node_set_at_ms (self, g_value_get_uint (value));
      break;

    case PROP_COUNT:
      swy_burst_node_set_count (self, g_value_get_uint (value));
      break;

    case PROP_TOPIC:
      swy_burst_node_set_topic (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_burst_node_class_init (SwyBurstNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SwyNodeClass *node_class = SWY_NODE_CLASS (klass);

  object_class->finalize = swy_burst_node_finalize;
  object_class->get_property = swy_burst_node_get_property;
  object_class->set_property = swy_burst_node_set_property;

  node_class->start = swy_burst_node_start;
  node_class->timeout = swy_burst_node_timeout;

  /**
   * SwyBurstNode:at-ms:
   *
   * The virtual time of the burst, in milliseconds. A node added to a running graph after that time bursts at once.
   */
  properties[PROP_AT_MS] =
    g_param_spec_uint ("at-ms",
                       _("At"),
                       _("Virtual time of the burst, in milliseconds"),
                       0, 86400000, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyBurstNode:count:
   *
   * How many events the burst has.
   */
  properties[PROP_COUNT] =
    g_param_spec_uint ("count",
                       _("Count"),
                       _("How many events the burst has"),
                       0, 1000000, 10,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyBurstNode:topic:
   *
   * The topic of the events.
   */
  properties[PROP_TOPIC] =
    g_param_spec_string ("topic",
                         _("Topic"),
                         _("The topic of the emitted events"),
                         "burst",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_burst_node_init (SwyBurstNode *self)
{
  self->out = swy_node_add_port (SWY_NODE (self), "out", SWY_PORT_DIRECTION_OUTPUT);
  self->at_ms = 0;
  self->count = 10;
  self->topic = g_strdup ("burst");
}

/**
 * swy_burst_node_new:
 * @id: (nullable): the node id
 *
 * Creates a burst node with default properties.
 *
 * Returns: (transfer full): a new node
 */
SwyNode *
swy_burst_node_new (const char *id)
{
  return g_object_new (SWY_TYPE_BURST_NODE, "id", id, NULL);
}

/**
 * swy_burst_node_get_at_ms:
 * @self: a burst node
 *
 * Gets the value of [property@BurstNode:at-ms].
 *
 * Returns: the value
 */
guint
swy_burst_node_get_at_ms (SwyBurstNode *self)
{
  g_return_val_if_fail (SWY_IS_BURST_NODE (self), 0);

  return self->at_ms;
}

/**
 * swy_burst_node_set_at_ms:
 * @self: a burst node
 * @value: the new value
 *
 * Sets [property@BurstNode:at-ms].
 */
void
swy_burst_node_set_at_ms (SwyBurstNode *self,
                         guint value)
{
  g_return_if_fail (SWY_IS_BURST_NODE (self));
  g_return_if_fail (value <= 86400000);

  if (self->at_ms != value)
    {
      self->at_ms = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AT_MS]);
    }
}

/**
 * swy_burst_node_get_count:
 * @self: a burst node
 *
 * Gets the value of [property@BurstNode:count].
 *
 * Returns: the value
 */
guint
swy_burst_node_get_count (SwyBurstNode *self)
{
  g_return_val_if_fail (SWY_IS_BURST_NODE (self), 0);

  return self->count;
}

/**
 * swy_burst_node_set_count:
 * @self: a burst node
 * @value: the new value
 *
 * Sets [property@BurstNode:count].
 */
void
swy_burst_node_set_count (SwyBurstNode *self,
                         guint value)
{
  g_return_if_fail (SWY_IS_BURST_NODE (self));
  g_return_if_fail (value <= 1000000);

  if (self->count != value)
    {
      self->count = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
    }
}

/**
 * swy_burst_node_get_topic:
 * @self: a burst node
 *
 * Gets the value of [property@BurstNode:topic].
 *
 * Returns: the value
 */
const char *
swy_burst_node_get_topic (SwyBurstNode *self)
{
  g_return_val_if_fail (SWY_IS_BURST_NODE (self), NULL);

  return self->topic;
}

/**
 * swy_burst_node_set_topic:
 * @self: a burst node
 * @value: the new value
 *
 * Sets [property@BurstNode:topic].
 */
void
swy_burst_node_set_topic (SwyBurstNode *self,
                         const char *value)
{
  g_return_if_fail (SWY_IS_BURST_NODE (self));
  g_return_if_fail (value != NULL);

  if (g_strcmp0 (self->topic, value) != 0)
    {
      g_free (self->topic);
      self->topic = g_strdup (value);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC]);
    }
}
