/* swy-button-node.c: emits when clicked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "swy-enum-types.h"
#include "swy-event-private.h"
#include "swy-button-node.h"

/**
 * SwyButtonNode:
 *
 * A producer that emits one event each time it is fired
 * ([method@Node.fire], a click in the editor), with `seq` = the number of
 * clicks since the last reset and `value` = [property@ButtonNode:value].
 */

struct _SwyButtonNode
{
  SwyNode parent_instance;

  SwyPort *out;

  char *topic;
  double value;
  guint64 clicks;
};

enum {
  PROP_0,
  PROP_TOPIC,
  PROP_VALUE,
  PROP_CLICKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyButtonNode, swy_button_node, SWY_TYPE_NODE)

static void
swy_button_node_fire (SwyNode *node)
{
  SwyButtonNode *self = SWY_BUTTON_NODE (node);
  g_autoptr(SwyEvent) event = NULL;

  self->clicks++;
  swy_node_queue_notify (node, properties[PROP_CLICKS]);

  event = swy_node_new_event (node, self->topic, _swy_payload_new ((gint64)self->clicks, TRUE, self->value));
  swy_node_emit (node, self->out, event);
}

static void
swy_button_node_reset (SwyNode *node)
{
  SwyButtonNode *self = SWY_BUTTON_NODE (node);

  if (self->clicks != 0)
    {
      self->clicks = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLICKS]);
    }
}

static void
swy_button_node_add_extra_stats (SwyNode      *node,
                                 GVariantDict *dict)
{
  g_variant_dict_insert (dict, "clicks", "t", SWY_BUTTON_NODE (node)->clicks);
}

static void
swy_button_node_finalize (GObject *object)
{
  SwyButtonNode *self = (SwyButtonNode *)object;

  g_clear_pointer (&self->topic, g_free);

  G_OBJECT_CLASS (swy_button_node_parent_class)->finalize (object);
}

static void
swy_button_node_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SwyButtonNode *self = SWY_BUTTON_NODE (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      g_value_set_string (value, swy_button_node_get_topic (self));
      break;

    case PROP_VALUE:
      g_value_set_double (value, swy_button_node_get_value (self));
      break;

    case PROP_CLICKS:
      g_value_set_uint64 (value, swy_button_node_get_clicks (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_button_node_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SwyButtonNode *self = SWY_BUTTON_NODE (object);

  switch (prop_id)
    {
    case PROP_TOPIC:
      swy_button_node_set_topic (self, g_value_get_string (value));
      break;

    case PROP_VALUE:
      swy_button_node_set_value (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_button_node_class_init (SwyButtonNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SwyNodeClass *node_class = SWY_NODE_CLASS (klass);

  object_class->finalize = swy_button_node_finalize;
  object_class->get_property = swy_button_node_get_property;
  object_class->set_property = swy_button_node_set_property;

  node_class->fire = swy_button_node_fire;
  node_class->reset = swy_button_node_reset;
  node_class->add_extra_stats = swy_button_node_add_extra_stats;

  /**
   * SwyButtonNode:topic:
   *
   * The topic of the events.
   */
  properties[PROP_TOPIC] =
    g_param_spec_string ("topic",
                         _("Topic"),
                         _("The topic of the emitted events"),
                         "click",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyButtonNode:value:
   *
   * The `value` carried by each click.
   */
  properties[PROP_VALUE] =
    g_param_spec_double ("value",
                         _("Value"),
                         _("The value carried by each click"),
                         -G_MAXDOUBLE, G_MAXDOUBLE, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyButtonNode:clicks:
   *
   * The number of clicks since the last reset.

   * Notified at most once per scheduler batch.
   */
  properties[PROP_CLICKS] =
    g_param_spec_uint64 ("clicks",
                         _("Clicks"),
                         _("Clicks since the last reset"),
                         0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_button_node_init (SwyButtonNode *self)
{
  self->out = swy_node_add_port (SWY_NODE (self), "out", SWY_PORT_DIRECTION_OUTPUT);
  self->topic = g_strdup ("click");
  self->value = 1.0;
}

/**
 * swy_button_node_new:
 * @id: (nullable): the node id
 *
 * Creates a button node with default properties.
 *
 * Returns: (transfer full): a new node
 */
SwyNode *
swy_button_node_new (const char *id)
{
  return g_object_new (SWY_TYPE_BUTTON_NODE, "id", id, NULL);
}

/**
 * swy_button_node_get_topic:
 * @self: a button node
 *
 * Gets the value of [property@ButtonNode:topic].
 *
 * Returns: the value
 */
const char *
swy_button_node_get_topic (SwyButtonNode *self)
{
  g_return_val_if_fail (SWY_IS_BUTTON_NODE (self), NULL);

  return self->topic;
}

/**
 * swy_button_node_set_topic:
 * @self: a button node
 * @value: the new value
 *
 * Sets [property@ButtonNode:topic].
 */
void
swy_button_node_set_topic (SwyButtonNode *self,
                          const char *value)
{
  g_return_if_fail (SWY_IS_BUTTON_NODE (self));
  g_return_if_fail (value != NULL);

  if (g_strcmp0 (self->topic, value) != 0)
    {
      g_free (self->topic);
      self->topic = g_strdup (value);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC]);
    }
}

/**
 * swy_button_node_get_value:
 * @self: a button node
 *
 * Gets the value of [property@ButtonNode:value].
 *
 * Returns: the value
 */
double
swy_button_node_get_value (SwyButtonNode *self)
{
  g_return_val_if_fail (SWY_IS_BUTTON_NODE (self), 0);

  return self->value;
}

/**
 * swy_button_node_set_value:
 * @self: a button node
 * @value: the new value
 *
 * Sets [property@ButtonNode:value].
 */
void
swy_button_node_set_value (SwyButtonNode *self,
                          double value)
{
  g_return_if_fail (SWY_IS_BUTTON_NODE (self));
  g_return_if_fail (value >= -G_MAXDOUBLE && value <= G_MAXDOUBLE);

  if (self->value != value)
    {
      self->value = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
    }
}

/**
 * swy_button_node_get_clicks:
 * @self: a button node
 *
 * Gets the value of [property@ButtonNode:clicks].
 *
 * Returns: the value
 */
guint64
swy_button_node_get_clicks (SwyButtonNode *self)
{
  g_return_val_if_fail (SWY_IS_BUTTON_NODE (self), 0);

  return self->clicks;
}
