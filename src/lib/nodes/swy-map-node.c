/* swy-map-node.c: emits a transformed copy of each event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "swy-enum-types.h"
#include "swy-event-private.h"
#include "swy-map-node.h"

/**
 * SwyMapNode:
 *
 * Emits a new event for each event received: its parent is the input, its
 * topic is [property@MapNode:set-topic] (or the input's when empty) and its
 * payload is the input's with `value` replaced by
 * value × [property@MapNode:scale] + [property@MapNode:offset]. A payload
 * without a numeric `value` is copied unchanged.
 */

struct _SwyMapNode
{
  SwyNode parent_instance;

  SwyPort *in;
  SwyPort *out;

  char *set_topic;
  double scale;
  double offset;
};

enum {
  PROP_0,
  PROP_SET_TOPIC,
  PROP_SCALE,
  PROP_OFFSET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyMapNode, swy_map_node, SWY_TYPE_NODE)

static gboolean
entry_has_key (GVariant   *entry,
               const char *key)
{
  g_autoptr(GVariant) name = g_variant_get_child_value (entry, 0);

  return g_str_equal (g_variant_get_string (name, NULL), key);
}

/* Returns a full reference: the new payload, or the input's when it has no
 * numeric value. Entries other than `value` are shared with the input and
 * no format string is parsed: rebuilding every entry through GVariantBuilder
 * and "{sv}" took most of a map hop (bench/README.md). */
static GVariant *
map_payload (SwyMapNode *self,
             GVariant   *payload)
{
  g_autoptr(GVariant) value = NULL;
  g_autofree GVariant **entries = NULL;
  GVariant *result;
  gboolean seen = FALSE;
  gsize n;
  double v;

  if (!g_variant_is_of_type (payload, G_VARIANT_TYPE_VARDICT))
    return g_variant_ref (payload);

  n = g_variant_n_children (payload);
  entries = g_new (GVariant *, n);
  for (gsize i = 0; i < n; i++)
    {
      entries[i] = g_variant_get_child_value (payload, i);
      if (!seen && entry_has_key (entries[i], "value"))
        {
          g_autoptr(GVariant) boxed = g_variant_get_child_value (entries[i], 1);

          seen = TRUE;
          value = g_variant_get_variant (boxed);
        }
    }

  if (value == NULL || !_swy_variant_to_double (value, &v))
    {
      for (gsize i = 0; i < n; i++)
        g_variant_unref (entries[i]);
      return g_variant_ref (payload);
    }

  for (gsize i = 0; i < n; i++)
    if (entry_has_key (entries[i], "value"))
      {
        g_variant_unref (entries[i]);
        entries[i] = g_variant_ref_sink (
          g_variant_new_dict_entry (g_variant_new_string ("value"),
                                    g_variant_new_variant (
                                      g_variant_new_double (v * self->scale + self->offset))));
      }

  result = g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("{sv}"), entries, n));
  for (gsize i = 0; i < n; i++)
    g_variant_unref (entries[i]);

  return result;
}

static void
swy_map_node_handle_event (SwyNode  *node,
                           SwyPort  *port,
                           SwyEvent *event)
{
  SwyMapNode *self = SWY_MAP_NODE (node);
  g_autoptr(SwyEvent) mapped = NULL;
  g_autoptr(GVariant) payload = map_payload (self, swy_event_get_payload (event));
  const char *topic = self->set_topic[0] ? self->set_topic : swy_event_get_topic (event);

  mapped = swy_node_new_event (node, topic, payload);
  swy_node_emit (node, self->out, mapped);
}

static void
swy_map_node_finalize (GObject *object)
{
  SwyMapNode *self = (SwyMapNode *)object;

  g_clear_pointer (&self->set_topic, g_free);

  G_OBJECT_CLASS (swy_map_node_parent_class)->finalize (object);
}

static void
swy_map_node_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SwyMapNode *self = SWY_MAP_NODE (object);

  switch (prop_id)
    {
    case PROP_SET_TOPIC:
      g_value_set_string (value, swy_map_node_get_set_topic (self));
      break;

    case PROP_SCALE:
      g_value_set_double (value, swy_map_node_get_scale (self));
      break;

    case PROP_OFFSET:
      g_value_set_double (value, swy_map_node_get_offset (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_map_node_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SwyMapNode *self = SWY_MAP_NODE (object);

  switch (prop_id)
    {
    case PROP_SET_TOPIC:
      swy_map_node_set_set_topic (self, g_value_get_string (value));
      break;

    case PROP_SCALE:
      swy_map_node_set_scale (self, g_value_get_double (value));
      break;

    case PROP_OFFSET:
      swy_map_node_set_offset (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_map_node_class_init (SwyMapNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SwyNodeClass *node_class = SWY_NODE_CLASS (klass);

  object_class->finalize = swy_map_node_finalize;
  object_class->get_property = swy_map_node_get_property;
  object_class->set_property = swy_map_node_set_property;

  node_class->handle_event = swy_map_node_handle_event;

  /**
   * SwyMapNode:set-topic:
   *
   * The topic of the new events; empty keeps the input's topic.
   */
  properties[PROP_SET_TOPIC] =
    g_param_spec_string ("set-topic",
                         _("Topic"),
                         _("Topic of the new events; empty keeps the input topic"),
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyMapNode:scale:
   *
   * The factor applied to `value`.
   */
  properties[PROP_SCALE] =
    g_param_spec_double ("scale",
                         _("Scale"),
                         _("Factor applied to the value"),
                         -G_MAXDOUBLE, G_MAXDOUBLE, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyMapNode:offset:
   *
   * The number added to the scaled `value`.
   */
  properties[PROP_OFFSET] =
    g_param_spec_double ("offset",
                         _("Offset"),
                         _("Number added to the scaled value"),
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_map_node_init (SwyMapNode *self)
{
  self->in = swy_node_add_port (SWY_NODE (self), "in", SWY_PORT_DIRECTION_INPUT);
  self->out = swy_node_add_port (SWY_NODE (self), "out", SWY_PORT_DIRECTION_OUTPUT);
  self->set_topic = g_strdup ("");
  self->scale = 1.0;
  self->offset = 0.0;
}

/**
 * swy_map_node_new:
 * @id: (nullable): the node id
 *
 * Creates a map node with default properties.
 *
 * Returns: (transfer full): a new node
 */
SwyNode *
swy_map_node_new (const char *id)
{
  return g_object_new (SWY_TYPE_MAP_NODE, "id", id, NULL);
}

/**
 * swy_map_node_get_set_topic:
 * @self: a map node
 *
 * Gets the value of [property@MapNode:set-topic].
 *
 * Returns: the value
 */
const char *
swy_map_node_get_set_topic (SwyMapNode *self)
{
  g_return_val_if_fail (SWY_IS_MAP_NODE (self), NULL);

  return self->set_topic;
}

/**
 * swy_map_node_set_set_topic:
 * @self: a map node
 * @value: the new value
 *
 * Sets [property@MapNode:set-topic].
 */
void
swy_map_node_set_set_topic (SwyMapNode *self,
                           const char *value)
{
  g_return_if_fail (SWY_IS_MAP_NODE (self));
  g_return_if_fail (value != NULL);

  if (g_strcmp0 (self->set_topic, value) != 0)
    {
      g_free (self->set_topic);
      self->set_topic = g_strdup (value);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SET_TOPIC]);
    }
}

/**
 * swy_map_node_get_scale:
 * @self: a map node
 *
 * Gets the value of [property@MapNode:scale].
 *
 * Returns: the value
 */
double
swy_map_node_get_scale (SwyMapNode *self)
{
  g_return_val_if_fail (SWY_IS_MAP_NODE (self), 0);

  return self->scale;
}

/**
 * swy_map_node_set_scale:
 * @self: a map node
 * @value: the new value
 *
 * Sets [property@MapNode:scale].
 */
void
swy_map_node_set_scale (SwyMapNode *self,
                       double value)
{
  g_return_if_fail (SWY_IS_MAP_NODE (self));
  g_return_if_fail (value >= -G_MAXDOUBLE && value <= G_MAXDOUBLE);

  if (self->scale != value)
    {
      self->scale = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE]);
    }
}

/**
 * swy_map_node_get_offset:
 * @self: a map node
 *
 * Gets the value of [property@MapNode:offset].
 *
 * Returns: the value
 */
double
swy_map_node_get_offset (SwyMapNode *self)
{
  g_return_val_if_fail (SWY_IS_MAP_NODE (self), 0);

  return self->offset;
}

/**
 * swy_map_node_set_offset:
 * @self: a map node
 * @value: the new value
 *
 * Sets [property@MapNode:offset].
 */
void
swy_map_node_set_offset (SwyMapNode *self,
                        double value)
{
  g_return_if_fail (SWY_IS_MAP_NODE (self));
  g_return_if_fail (value >= -G_MAXDOUBLE && value <= G_MAXDOUBLE);

  if (self->offset != value)
    {
      self->offset = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFSET]);
    }
}
