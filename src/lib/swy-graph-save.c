/* swy-graph-save.c: the JSON tree of a graph, in the stable order of .swy files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "swy-graph-io-private.h"
#include "swy-node.h"
#include "swy-port.h"
#include "swy-wire.h"

static JsonNode *
number_node (double value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  /* Positions and doubles that hold an integer are written as integers:
   * "x": 80, not "x": 80.0. */
  if (value == floor (value) && fabs (value) < SWY_MAX_EXACT_DOUBLE)
    json_node_set_int (node, (gint64)value);
  else
    json_node_set_double (node, value);

  return node;
}

static JsonNode *
value_to_json (const GValue *value)
{
  JsonNode *node;

  switch (G_TYPE_FUNDAMENTAL (G_VALUE_TYPE (value)))
    {
    case G_TYPE_INT:
      return json_node_init_int (json_node_alloc (), g_value_get_int (value));

    case G_TYPE_LONG:
      return json_node_init_int (json_node_alloc (), g_value_get_long (value));

    case G_TYPE_INT64:
      return json_node_init_int (json_node_alloc (), g_value_get_int64 (value));

    case G_TYPE_UINT:
      return json_node_init_int (json_node_alloc (), g_value_get_uint (value));

    case G_TYPE_ULONG:
    case G_TYPE_UINT64:
      {
        guint64 u = G_VALUE_HOLDS_ULONG (value) ? g_value_get_ulong (value)
                                                : g_value_get_uint64 (value);
        g_autofree char *str = NULL;

        if (u <= G_MAXINT64)
          return json_node_init_int (json_node_alloc (), (gint64)u);

        str = g_strdup_printf ("%" G_GUINT64_FORMAT, u);
        return json_node_init_string (json_node_alloc (), str);
      }

    case G_TYPE_FLOAT:
      return number_node (g_value_get_float (value));

    case G_TYPE_DOUBLE:
      return number_node (g_value_get_double (value));

    case G_TYPE_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (), g_value_get_boolean (value));

    case G_TYPE_STRING:
      if (g_value_get_string (value) == NULL)
        return json_node_init_null (json_node_alloc ());
      return json_node_init_string (json_node_alloc (), g_value_get_string (value));

    case G_TYPE_ENUM:
      {
        g_autoptr(GEnumClass) klass = g_type_class_ref (G_VALUE_TYPE (value));
        GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (value));

        node = json_node_alloc ();
        if (ev != NULL)
          return json_node_init_string (node, ev->value_nick);
        return json_node_init_int (node, g_value_get_enum (value));
      }

    default:
      g_assert_not_reached ();
    }
}

/* Adds the properties of @object that differ from their defaults, in
 * installation order. Returns whether any was added. */
static gboolean
add_changed_properties (JsonObject *target,
                        GObject    *object,
                        GPtrArray  *pspecs)
{
  gboolean added = FALSE;

  for (guint i = 0; i < pspecs->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (pspecs, i);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (object, pspec->name, &value);
      if (g_param_value_defaults (pspec, &value))
        continue;

      json_object_set_member (target, pspec->name, value_to_json (&value));
      added = TRUE;
    }

  return added;
}

static JsonNode *
node_to_json (SwyNode *node)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonObject) properties = json_object_new ();
  g_autoptr(GPtrArray) pspecs = _swy_node_file_properties (G_OBJECT_TYPE (node));

  json_object_set_string_member (object, "id", swy_node_get_id (node));
  /* A node type outside the catalog (a subclass made by a program) has no
   * file name: write its GType name, which loading reports as unknown. */
  json_object_set_string_member (object, "type",
                                 swy_node_get_type_name (node) != NULL
                                 ? swy_node_get_type_name (node)
                                 : G_OBJECT_TYPE_NAME (node));
  json_object_set_member (object, "x", number_node (swy_node_get_x (node)));
  json_object_set_member (object, "y", number_node (swy_node_get_y (node)));
  if (add_changed_properties (properties, G_OBJECT (node), pspecs))
    json_object_set_object_member (object, "properties", g_steal_pointer (&properties));

  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
wire_to_json (SwyWire   *wire,
              GPtrArray *pspecs)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autofree char *from = swy_port_dup_address (swy_wire_get_from (wire));
  g_autofree char *to = swy_port_dup_address (swy_wire_get_to (wire));

  json_object_set_string_member (object, "from", from);
  json_object_set_string_member (object, "to", to);
  add_changed_properties (object, G_OBJECT (wire), pspecs);

  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
settings_to_json (SwyGraph *self)
{
  g_autoptr(GPtrArray) pspecs = g_ptr_array_new ();
  g_autoptr(JsonObject) settings = json_object_new ();

  for (guint i = 0; _swy_graph_setting_names[i] != NULL; i++)
    g_ptr_array_add (pspecs, g_object_class_find_property (G_OBJECT_GET_CLASS (self),
                                                           _swy_graph_setting_names[i]));

  if (!add_changed_properties (settings, G_OBJECT (self), pspecs))
    return NULL;

  return json_node_init_object (json_node_alloc (), settings);
}

JsonNode *
_swy_graph_to_json (SwyGraph *self)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(GPtrArray) wire_pspecs = _swy_wire_file_properties ();
  JsonArray *nodes = json_array_new ();
  JsonArray *wires = json_array_new ();
  GListModel *model;
  JsonObject *extra;
  JsonNode *settings;
  guint64 seed = swy_graph_get_seed (self);

  json_object_set_string_member (root, "format", "switchyard");
  json_object_set_int_member (root, "version", SWY_GRAPH_FILE_VERSION);
  if (swy_graph_get_title (self) != NULL)
    json_object_set_string_member (root, "title", swy_graph_get_title (self));
  if (seed <= G_MAXINT64)
    {
      json_object_set_int_member (root, "seed", (gint64)seed);
    }
  else
    {
      g_autofree char *str = g_strdup_printf ("%" G_GUINT64_FORMAT, seed);

      json_object_set_string_member (root, "seed", str);
    }
  if ((settings = settings_to_json (self)) != NULL)
    json_object_set_member (root, "settings", settings);

  model = swy_graph_get_nodes (self);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (model, i);

      json_array_add_element (nodes, node_to_json (node));
    }
  json_object_set_array_member (root, "nodes", nodes);

  model = swy_graph_get_wires (self);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (model, i);

      json_array_add_element (wires, wire_to_json (wire, wire_pspecs));
    }
  json_object_set_array_member (root, "wires", wires);

  if ((extra = swy_graph_get_extra (self)) != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, extra);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        if (!g_strv_contains (_swy_graph_reserved_members, name))
          json_object_set_member (root, name, json_node_copy (member));
    }

  return json_node_init_object (json_node_alloc (), root);
}
