/* swy-graph-load.c: building a graph from a .swy file's JSON tree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "swy-catalog.h"
#include "swy-graph-io-private.h"
#include "swy-node-type.h"
#include "swy-port.h"
#include "swy-wire.h"

typedef struct
{
  SwyJsonPositions positions;
  SwyGraph        *graph;
} Loader;

G_GNUC_PRINTF (4, 5)
static void
set_error (GError        **error,
           SwyGraphError   code,
           const char     *place,
           const char     *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (place != NULL)
    /* Translators: a place in a graph file, then what is wrong there */
    g_set_error (error, SWY_GRAPH_ERROR, code, _("%s: %s"), place, message);
  else
    g_set_error_literal (error, SWY_GRAPH_ERROR, code, message);
}

static char *
format_double (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", value));
}

/* Describes a JSON value for a message: the value itself when short. */
static char *
describe_json (JsonNode *node)
{
  GType type;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return g_strdup (_("an object"));

    case JSON_NODE_ARRAY:
      return g_strdup (_("an array"));

    case JSON_NODE_NULL:
      return g_strdup ("null");

    case JSON_NODE_VALUE:
    default:
      break;
    }

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (type == G_TYPE_DOUBLE)
    return format_double (json_node_get_double (node));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");
  if (type == G_TYPE_STRING)
    {
      const char *str = json_node_get_string (node);

      if (g_utf8_strlen (str, -1) > 40)
        {
          g_autofree char *start = g_utf8_substring (str, 0, 37);

          return g_strdup_printf ("“%s…”", start);
        }
      return g_strdup_printf ("“%s”", str);
    }

  return g_strdup ("?");
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);

  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static double
get_number (JsonNode *node)
{
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (double)json_node_get_int (node);

  return json_node_get_double (node);
}

/* Properties: JSON values onto GParamSpecs, checked against their ranges. */

static GParamSpec *
find_in (GPtrArray  *pspecs,
         const char *name)
{
  for (guint i = 0; i < pspecs->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (pspecs, i);

      if (strcmp (pspec->name, name) == 0)
        return pspec;
    }

  return NULL;
}

static char *
join_names (GPtrArray *pspecs)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < pspecs->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, ((GParamSpec *)g_ptr_array_index (pspecs, i))->name);
    }

  return g_string_free (out, FALSE);
}

static char *
join_enum_nicks (GType type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      g_string_append_printf (out, "“%s”", klass->values[i].value_nick);
    }

  return g_string_free (out, FALSE);
}

/* What a property expects, for messages. */
static char *
describe_expected (GParamSpec *pspec)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_INT:
    case G_TYPE_UINT:
    case G_TYPE_LONG:
    case G_TYPE_ULONG:
    case G_TYPE_INT64:
    case G_TYPE_UINT64:
      return g_strdup (_("an integer"));

    case G_TYPE_FLOAT:
    case G_TYPE_DOUBLE:
      return g_strdup (_("a number"));

    case G_TYPE_BOOLEAN:
      return g_strdup (_("true or false"));

    case G_TYPE_STRING:
      return g_strdup (_("a string"));

    case G_TYPE_ENUM:
      {
        g_autofree char *nicks = join_enum_nicks (type);

        return g_strdup_printf (_("one of %s"), nicks);
      }

    default:
      return g_strdup ("?");
    }
}

/* "property “count”", or just "“seed”" for a top-level member. */
static char *
subject (const char *kind,
         GParamSpec *pspec)
{
  if (kind == NULL)
    return g_strdup_printf ("“%s”", pspec->name);

  /* Translators: the first %s is "property", "option" or "setting" */
  return g_strdup_printf (_("%s “%s”"), kind, pspec->name);
}

static void
set_type_error (GError     **error,
                const char  *place,
                const char  *kind,
                GParamSpec  *pspec,
                JsonNode    *json)
{
  g_autofree char *what = subject (kind, pspec);
  g_autofree char *expected = describe_expected (pspec);
  g_autofree char *got = describe_json (json);

  /* Translators: "property “count” must be an integer, not “ten”" */
  set_error (error, SWY_GRAPH_ERROR_PROPERTY_TYPE, place,
             _("%s must be %s, not %s"), what, expected, got);
}

static void
set_range_error (GError     **error,
                 const char  *place,
                 const char  *kind,
                 GParamSpec  *pspec,
                 JsonNode    *json,
                 const char  *min,
                 const char  *max)
{
  g_autofree char *what = subject (kind, pspec);
  g_autofree char *got = describe_json (json);

  /* Translators: "property “concurrency” is 0, out of range (1 to 1000)" */
  set_error (error, SWY_GRAPH_ERROR_OUT_OF_RANGE, place,
             _("%s is %s, out of range (%s to %s)"), what, got, min, max);
}

static void
integer_range (GParamSpec *pspec,
               gboolean   *is_unsigned,
               gint64     *smin,
               gint64     *smax,
               guint64    *umin,
               guint64    *umax)
{
  *is_unsigned = FALSE;
  *smin = *smax = 0;
  *umin = *umax = 0;

  if (G_IS_PARAM_SPEC_INT (pspec))
    {
      *smin = G_PARAM_SPEC_INT (pspec)->minimum;
      *smax = G_PARAM_SPEC_INT (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_LONG (pspec))
    {
      *smin = G_PARAM_SPEC_LONG (pspec)->minimum;
      *smax = G_PARAM_SPEC_LONG (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_INT64 (pspec))
    {
      *smin = G_PARAM_SPEC_INT64 (pspec)->minimum;
      *smax = G_PARAM_SPEC_INT64 (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_UINT (pspec))
    {
      *is_unsigned = TRUE;
      *umin = G_PARAM_SPEC_UINT (pspec)->minimum;
      *umax = G_PARAM_SPEC_UINT (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_ULONG (pspec))
    {
      *is_unsigned = TRUE;
      *umin = G_PARAM_SPEC_ULONG (pspec)->minimum;
      *umax = G_PARAM_SPEC_ULONG (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_UINT64 (pspec))
    {
      *is_unsigned = TRUE;
      *umin = G_PARAM_SPEC_UINT64 (pspec)->minimum;
      *umax = G_PARAM_SPEC_UINT64 (pspec)->maximum;
    }
}

static void
set_integer_value (GValue  *value,
                   gint64   s,
                   guint64  u)
{
  switch (G_TYPE_FUNDAMENTAL (G_VALUE_TYPE (value)))
    {
    case G_TYPE_INT:
      g_value_set_int (value, (int)s);
      break;

    case G_TYPE_LONG:
      g_value_set_long (value, (long)s);
      break;

    case G_TYPE_INT64:
      g_value_set_int64 (value, s);
      break;

    case G_TYPE_UINT:
      g_value_set_uint (value, (guint)u);
      break;

    case G_TYPE_ULONG:
      g_value_set_ulong (value, (gulong)u);
      break;

    case G_TYPE_UINT64:
      g_value_set_uint64 (value, u);
      break;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
integer_from_json (GParamSpec  *pspec,
                   JsonNode    *json,
                   const char  *place,
                   const char  *kind,
                   GValue      *value,
                   GError     **error)
{
  gboolean is_unsigned;
  gint64 smin, smax, s = 0;
  guint64 umin, umax, u = 0;
  gboolean negative = FALSE;

  integer_range (pspec, &is_unsigned, &smin, &smax, &umin, &umax);

  if (is_unsigned && is_string (json))
    {
      /* Above 2^63 - 1, JSON integers are not portable: such unsigned
       * values, and only those, are written as decimal strings. */
      if (!g_ascii_string_to_unsigned (json_node_get_string (json), 10,
                                       (guint64)G_MAXINT64 + 1, G_MAXUINT64, &u, NULL))
        {
          set_type_error (error, place, kind, pspec, json);
          return FALSE;
        }
    }
  else if (is_number (json) && json_node_get_value_type (json) == G_TYPE_INT64)
    {
      s = json_node_get_int (json);
      negative = s < 0;
      u = negative ? 0 : (guint64)s;
    }
  else if (is_number (json))
    {
      double d = json_node_get_double (json);

      if (d != floor (d))
        {
          set_type_error (error, place, kind, pspec, json);
          return FALSE;
        }
      if (d < -SWY_MAX_EXACT_DOUBLE * 1024 || d >= SWY_MAX_EXACT_DOUBLE * 1024)
        {
          g_autofree char *min = NULL;
          g_autofree char *max = NULL;

          min = is_unsigned ? g_strdup_printf ("%" G_GUINT64_FORMAT, umin)
                            : g_strdup_printf ("%" G_GINT64_FORMAT, smin);
          max = is_unsigned ? g_strdup_printf ("%" G_GUINT64_FORMAT, umax)
                            : g_strdup_printf ("%" G_GINT64_FORMAT, smax);
          set_range_error (error, place, kind, pspec, json, min, max);
          return FALSE;
        }
      s = (gint64)d;
      negative = s < 0;
      u = negative ? 0 : (guint64)s;
    }
  else
    {
      set_type_error (error, place, kind, pspec, json);
      return FALSE;
    }

  if (is_unsigned ? (negative || u < umin || u > umax) : (s < smin || s > smax))
    {
      g_autofree char *min = NULL;
      g_autofree char *max = NULL;

      min = is_unsigned ? g_strdup_printf ("%" G_GUINT64_FORMAT, umin)
                        : g_strdup_printf ("%" G_GINT64_FORMAT, smin);
      max = is_unsigned ? g_strdup_printf ("%" G_GUINT64_FORMAT, umax)
                        : g_strdup_printf ("%" G_GINT64_FORMAT, smax);
      set_range_error (error, place, kind, pspec, json, min, max);
      return FALSE;
    }

  set_integer_value (value, s, u);

  return TRUE;
}

static gboolean
double_from_json (GParamSpec  *pspec,
                  JsonNode    *json,
                  const char  *place,
                  const char  *kind,
                  GValue      *value,
                  GError     **error)
{
  double d, min, max;

  if (!is_number (json))
    {
      set_type_error (error, place, kind, pspec, json);
      return FALSE;
    }

  d = get_number (json);
  if (G_IS_PARAM_SPEC_FLOAT (pspec))
    {
      min = G_PARAM_SPEC_FLOAT (pspec)->minimum;
      max = G_PARAM_SPEC_FLOAT (pspec)->maximum;
    }
  else
    {
      min = G_PARAM_SPEC_DOUBLE (pspec)->minimum;
      max = G_PARAM_SPEC_DOUBLE (pspec)->maximum;
    }

  if (d < min || d > max)
    {
      g_autofree char *min_str = format_double (min);
      g_autofree char *max_str = format_double (max);

      set_range_error (error, place, kind, pspec, json, min_str, max_str);
      return FALSE;
    }

  if (G_VALUE_HOLDS_FLOAT (value))
    g_value_set_float (value, (float)d);
  else
    g_value_set_double (value, d);

  return TRUE;
}

static gboolean
enum_from_json (GParamSpec  *pspec,
                JsonNode    *json,
                const char  *place,
                const char  *kind,
                GValue      *value,
                GError     **error)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  if (!is_string (json))
    {
      set_type_error (error, place, kind, pspec, json);
      return FALSE;
    }

  klass = g_type_class_ref (G_PARAM_SPEC_VALUE_TYPE (pspec));
  ev = g_enum_get_value_by_nick (klass, json_node_get_string (json));
  if (ev == NULL)
    {
      g_autofree char *nicks = join_enum_nicks (G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_autofree char *what = subject (kind, pspec);
      g_autofree char *got = describe_json (json);

      /* Translators: "option “mode” is “fast”, not one of “sync”, “queued”" */
      set_error (error, SWY_GRAPH_ERROR_INVALID_VALUE, place,
                 _("%s is %s, not one of %s"), what, got, nicks);
      return FALSE;
    }

  g_value_set_enum (value, ev->value);

  return TRUE;
}

/* Converts @json to a value of @pspec, checking its type and range.
 * @kind names what @pspec is for messages ("property", "option", ...), or
 * is NULL for a top-level member. */
static gboolean
value_from_json (GParamSpec  *pspec,
                 JsonNode    *json,
                 const char  *place,
                 const char  *kind,
                 GValue      *value,
                 GError     **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_value_init (value, type);

  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_INT:
    case G_TYPE_UINT:
    case G_TYPE_LONG:
    case G_TYPE_ULONG:
    case G_TYPE_INT64:
    case G_TYPE_UINT64:
      return integer_from_json (pspec, json, place, kind, value, error);

    case G_TYPE_FLOAT:
    case G_TYPE_DOUBLE:
      return double_from_json (pspec, json, place, kind, value, error);

    case G_TYPE_BOOLEAN:
      if (!JSON_NODE_HOLDS_VALUE (json) || json_node_get_value_type (json) != G_TYPE_BOOLEAN)
        {
          set_type_error (error, place, kind, pspec, json);
          return FALSE;
        }
      g_value_set_boolean (value, json_node_get_boolean (json));
      return TRUE;

    case G_TYPE_STRING:
      if (JSON_NODE_HOLDS_NULL (json))
        return TRUE;
      if (!is_string (json))
        {
          set_type_error (error, place, kind, pspec, json);
          return FALSE;
        }
      g_value_set_string (value, json_node_get_string (json));
      return TRUE;

    case G_TYPE_ENUM:
      return enum_from_json (pspec, json, place, kind, value, error);

    default:
      g_assert_not_reached ();
    }
}

static gboolean
set_from_json (GObject     *object,
               GParamSpec  *pspec,
               JsonNode    *json,
               const char  *place,
               const char  *kind,
               GError     **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (!value_from_json (pspec, json, place, kind, &value, error))
    return FALSE;

  g_object_set_property (object, pspec->name, &value);

  return TRUE;
}

/* Loading. */

static char *
node_place (Loader     *loader,
            guint       index,
            const char *id)
{
  guint line = _swy_json_positions_line (loader->positions.node_lines, index);

  if (id != NULL && line > 0)
    /* Translators: where a node is in a file: index, id, line */
    return g_strdup_printf (_("node %u “%s” (line %u)"), index, id, line);
  if (id != NULL)
    return g_strdup_printf (_("node %u “%s”"), index, id);
  if (line > 0)
    return g_strdup_printf (_("node %u (line %u)"), index, line);

  return g_strdup_printf (_("node %u"), index);
}

static char *
wire_place (Loader *loader,
            guint   index)
{
  guint line = _swy_json_positions_line (loader->positions.wire_lines, index);

  if (line > 0)
    /* Translators: where a wire is in a file: index, line */
    return g_strdup_printf (_("wire %u (line %u)"), index, line);

  return g_strdup_printf (_("wire %u"), index);
}

static char *
type_names (void)
{
  GListModel *types = swy_catalog_get_types ();
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(SwyNodeType) type = g_list_model_get_item (types, i);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, swy_node_type_get_name (type));
    }

  return g_string_free (out, FALSE);
}

static guint
node_index (SwyGraph *graph,
            SwyNode  *node)
{
  GListModel *nodes = swy_graph_get_nodes (graph);

  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(SwyNode) item = g_list_model_get_item (nodes, i);

      if (item == node)
        return i;
    }

  return G_MAXUINT;
}

static gboolean
read_node_id (Loader      *loader,
              JsonObject  *object,
              const char  *place,
              const char **id,
              GError     **error)
{
  JsonNode *member = json_object_get_member (object, "id");
  SwyNode *other;

  if (member == NULL)
    {
      set_error (error, SWY_GRAPH_ERROR_INVALID_ID, place, _("missing “id”"));
      return FALSE;
    }
  if (!is_string (member))
    {
      g_autofree char *got = describe_json (member);

      set_error (error, SWY_GRAPH_ERROR_INVALID_ID, place,
                 _("“id” must be a string, not %s"), got);
      return FALSE;
    }

  *id = json_node_get_string (member);
  if (**id == '\0')
    {
      set_error (error, SWY_GRAPH_ERROR_INVALID_ID, place, _("“id” is empty"));
      return FALSE;
    }

  other = swy_graph_lookup_node (loader->graph, *id);
  if (other != NULL)
    {
      set_error (error, SWY_GRAPH_ERROR_DUPLICATE_ID, place,
                 _("duplicate id “%s”: node %u has it too"),
                 *id, node_index (loader->graph, other));
      return FALSE;
    }

  return TRUE;
}

static SwyNodeType *
read_node_type (JsonObject  *object,
                const char  *place,
                GError     **error)
{
  JsonNode *member = json_object_get_member (object, "type");
  SwyNodeType *type;
  g_autofree char *known = NULL;

  if (member == NULL)
    {
      set_error (error, SWY_GRAPH_ERROR_INVALID, place, _("missing “type”"));
      return NULL;
    }
  if (!is_string (member))
    {
      g_autofree char *got = describe_json (member);

      set_error (error, SWY_GRAPH_ERROR_INVALID, place,
                 _("“type” must be a string, not %s"), got);
      return NULL;
    }

  type = swy_catalog_lookup (json_node_get_string (member));
  if (type != NULL)
    return type;

  known = type_names ();
  set_error (error, SWY_GRAPH_ERROR_UNKNOWN_TYPE, place,
             _("unknown node type “%s” (known types: %s)"),
             json_node_get_string (member), known);

  return NULL;
}

static gboolean
read_position (SwyNode     *node,
               JsonObject  *object,
               const char  *name,
               const char  *place,
               GError     **error)
{
  JsonNode *member = json_object_get_member (object, name);

  if (member == NULL)
    return TRUE;

  if (!is_number (member))
    {
      g_autofree char *got = describe_json (member);

      set_error (error, SWY_GRAPH_ERROR_PROPERTY_TYPE, place,
                 _("“%s” must be a number, not %s"), name, got);
      return FALSE;
    }

  g_object_set (node, name, get_number (member), NULL);

  return TRUE;
}

static gboolean
read_node_properties (SwyNode     *node,
                      SwyNodeType *type,
                      JsonNode    *json,
                      const char  *place,
                      GError     **error)
{
  g_autoptr(GPtrArray) pspecs = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (json))
    {
      g_autofree char *got = describe_json (json);

      set_error (error, SWY_GRAPH_ERROR_INVALID, place,
                 _("“properties” must be an object, not %s"), got);
      return FALSE;
    }

  pspecs = _swy_node_file_properties (G_OBJECT_TYPE (node));
  json_object_iter_init_ordered (&iter, json_node_get_object (json));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      GParamSpec *pspec = find_in (pspecs, name);

      if (pspec == NULL)
        {
          g_autofree char *names = join_names (pspecs);

          if (pspecs->len == 0)
            set_error (error, SWY_GRAPH_ERROR_UNKNOWN_PROPERTY, place,
                       _("unknown property “%s”: type “%s” has no properties"),
                       name, swy_node_type_get_name (type));
          else
            set_error (error, SWY_GRAPH_ERROR_UNKNOWN_PROPERTY, place,
                       _("unknown property “%s” for type “%s” (its properties: %s)"),
                       name, swy_node_type_get_name (type), names);
          return FALSE;
        }

      if (!set_from_json (G_OBJECT (node), pspec, member, place, _("property"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_node (Loader    *loader,
           guint      index,
           JsonNode  *json,
           GError   **error)
{
  static const char * const members[] = { "id", "type", "x", "y", "properties", NULL };
  g_autofree char *place = node_place (loader, index, NULL);
  g_autoptr(SwyNode) node = NULL;
  JsonObject *object;
  JsonObjectIter iter;
  SwyNodeType *type;
  const char *id;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (json))
    {
      g_autofree char *got = describe_json (json);

      set_error (error, SWY_GRAPH_ERROR_INVALID, place,
                 _("a node must be an object, not %s"), got);
      return FALSE;
    }
  object = json_node_get_object (json);

  if (!read_node_id (loader, object, place, &id, error))
    return FALSE;

  g_free (place);
  place = node_place (loader, index, id);

  if (!(type = read_node_type (object, place, error)))
    return FALSE;

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    if (!g_strv_contains (members, name))
      {
        set_error (error, SWY_GRAPH_ERROR_UNKNOWN_PROPERTY, place,
                   _("unknown member “%s” (a node has “id”, “type”, “x”, “y” and “properties”)"),
                   name);
        return FALSE;
      }

  node = g_object_new (swy_node_type_get_gtype (type), "id", id, NULL);

  if (!read_position (node, object, "x", place, error) ||
      !read_position (node, object, "y", place, error))
    return FALSE;

  if ((member = json_object_get_member (object, "properties")) != NULL &&
      !read_node_properties (node, type, member, place, error))
    return FALSE;

  return swy_graph_add_node (loader->graph, node, error);
}

static char *
port_names (SwyNode          *node,
            SwyPortDirection  direction)
{
  GListModel *ports = swy_node_get_ports (node);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (ports); i++)
    {
      g_autoptr(SwyPort) port = g_list_model_get_item (ports, i);

      if (swy_port_get_direction (port) != direction)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, swy_port_get_name (port));
    }

  return g_string_free (out, FALSE);
}

static SwyPort *
read_wire_end (Loader            *loader,
               JsonObject        *object,
               const char        *end,
               SwyPortDirection   direction,
               const char        *place,
               GError           **error)
{
  JsonNode *member = json_object_get_member (object, end);
  g_autofree char *id = NULL;
  const char *address;
  const char *colon;
  SwyNode *node;
  SwyPort *port;

  if (member == NULL)
    {
      set_error (error, SWY_GRAPH_ERROR_BAD_PORT, place,
                 _("missing “%s”: a wire needs “from” and “to” addresses such as “timer:out”"),
                 end);
      return NULL;
    }
  if (!is_string (member))
    {
      g_autofree char *got = describe_json (member);

      set_error (error, SWY_GRAPH_ERROR_BAD_PORT, place,
                 _("“%s” must be a port address such as “timer:out”, not %s"), end, got);
      return NULL;
    }

  address = json_node_get_string (member);
  colon = strrchr (address, ':');
  if (colon == NULL || colon == address || colon[1] == '\0')
    {
      set_error (error, SWY_GRAPH_ERROR_BAD_PORT, place,
                 _("“%s” is “%s”, which is not a port address (node:port)"), end, address);
      return NULL;
    }

  id = g_strndup (address, colon - address);
  node = swy_graph_lookup_node (loader->graph, id);
  if (node == NULL)
    {
      set_error (error, SWY_GRAPH_ERROR_DANGLING_WIRE, place,
                 _("“%s” names node “%s”, which does not exist"), end, id);
      return NULL;
    }

  port = swy_node_get_port (node, colon + 1);
  if (port == NULL)
    {
      g_autofree char *names = port_names (node, direction);

      if (*names == '\0')
        set_error (error, SWY_GRAPH_ERROR_BAD_PORT, place,
                   direction == SWY_PORT_DIRECTION_OUTPUT
                   ? _("“%s” names port “%s” of node “%s” (%s), which has no outputs")
                   : _("“%s” names port “%s” of node “%s” (%s), which has no inputs"),
                   end, colon + 1, id, swy_node_get_type_name (node));
      else
        set_error (error, SWY_GRAPH_ERROR_BAD_PORT, place,
                   direction == SWY_PORT_DIRECTION_OUTPUT
                   ? _("“%s” names port “%s”, which node “%s” (%s) does not have (its outputs: %s)")
                   : _("“%s” names port “%s”, which node “%s” (%s) does not have (its inputs: %s)"),
                   end, colon + 1, id, swy_node_get_type_name (node), names);
      return NULL;
    }

  if (swy_port_get_direction (port) != direction)
    {
      set_error (error, SWY_GRAPH_ERROR_BAD_PORT, place,
                 direction == SWY_PORT_DIRECTION_OUTPUT
                 ? _("“%s” names “%s”, an input: a wire leaves an output")
                 : _("“%s” names “%s”, an output: a wire enters an input"),
                 end, address);
      return NULL;
    }

  return port;
}

static gboolean
read_wire_option (SwyWire     *wire,
                  GParamSpec  *pspec,
                  JsonNode    *json,
                  const char  *place,
                  GError     **error)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (!value_from_json (pspec, json, place, _("option"), &value, error))
    return FALSE;

  if (strcmp (pspec->name, "subscription") == 0)
    {
      g_autoptr(GError) local_error = NULL;
      const char *pattern = g_value_get_string (&value);

      if (pattern == NULL)
        pattern = "#";
      if (!swy_topic_pattern_validate (pattern, &local_error))
        {
          set_error (error, SWY_GRAPH_ERROR_INVALID_VALUE, place,
                     _("option “subscription”: %s"), local_error->message);
          return FALSE;
        }
    }

  g_object_set_property (G_OBJECT (wire), pspec->name, &value);

  return TRUE;
}

static gboolean
load_wire (Loader    *loader,
           guint      index,
           JsonNode  *json,
           GError   **error)
{
  g_autofree char *place = wire_place (loader, index);
  g_autoptr(GPtrArray) pspecs = _swy_wire_file_properties ();
  g_autoptr(SwyWire) wire = NULL;
  JsonObject *object;
  JsonObjectIter iter;
  SwyPort *from, *to;
  const char *name;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (json))
    {
      g_autofree char *got = describe_json (json);

      set_error (error, SWY_GRAPH_ERROR_INVALID, place,
                 _("a wire must be an object, not %s"), got);
      return FALSE;
    }
  object = json_node_get_object (json);

  if (!(from = read_wire_end (loader, object, "from", SWY_PORT_DIRECTION_OUTPUT, place, error)) ||
      !(to = read_wire_end (loader, object, "to", SWY_PORT_DIRECTION_INPUT, place, error)))
    return FALSE;

  wire = swy_wire_new (from, to);

  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      GParamSpec *pspec;

      if (strcmp (name, "from") == 0 || strcmp (name, "to") == 0)
        continue;

      pspec = find_in (pspecs, name);
      if (pspec == NULL)
        {
          g_autofree char *names = join_names (pspecs);

          set_error (error, SWY_GRAPH_ERROR_UNKNOWN_PROPERTY, place,
                     _("unknown option “%s” (a wire has “from”, “to” and the options %s)"),
                     name, names);
          return FALSE;
        }

      if (!read_wire_option (wire, pspec, member, place, error))
        return FALSE;
    }

  return swy_graph_add_wire (loader->graph, wire, error);
}

static gboolean
read_format_and_version (JsonObject  *root,
                         GError     **error)
{
  JsonNode *format = json_object_get_member (root, "format");
  JsonNode *version = json_object_get_member (root, "version");
  gint64 v;

  if (format == NULL)
    {
      set_error (error, SWY_GRAPH_ERROR_NOT_A_GRAPH, NULL,
                 _("missing “format”: this is not a Switchyard graph"));
      return FALSE;
    }
  if (!is_string (format) || strcmp (json_node_get_string (format), "switchyard") != 0)
    {
      g_autofree char *got = describe_json (format);

      set_error (error, SWY_GRAPH_ERROR_NOT_A_GRAPH, NULL,
                 _("“format” is %s, not “switchyard”: this is not a Switchyard graph"), got);
      return FALSE;
    }

  if (version == NULL)
    {
      set_error (error, SWY_GRAPH_ERROR_VERSION, NULL, _("missing “version”"));
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64)
    {
      g_autofree char *got = describe_json (version);

      set_error (error, SWY_GRAPH_ERROR_VERSION, NULL,
                 _("“version” must be an integer, not %s"), got);
      return FALSE;
    }

  v = json_node_get_int (version);
  if (v < 1)
    {
      set_error (error, SWY_GRAPH_ERROR_VERSION, NULL,
                 _("“version” is %lld, which is not a file format version"), (long long)v);
      return FALSE;
    }
  if (v > SWY_GRAPH_FILE_VERSION)
    {
      set_error (error, SWY_GRAPH_ERROR_VERSION, NULL,
                 _("the file is format version %lld, newer than this Switchyard reads (%d): "
                   "update Switchyard to open it"),
                 (long long)v, SWY_GRAPH_FILE_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_graph_member (SwyGraph    *graph,
                   JsonObject  *root,
                   const char  *name,
                   GError     **error)
{
  JsonNode *member = json_object_get_member (root, name);
  GParamSpec *pspec;

  if (member == NULL)
    return TRUE;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (graph), name);
  g_assert (pspec != NULL);

  return set_from_json (G_OBJECT (graph), pspec, member, NULL, NULL, error);
}

static gboolean
read_settings (SwyGraph    *graph,
               JsonObject  *root,
               GError     **error)
{
  JsonNode *settings = json_object_get_member (root, "settings");
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (settings == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (settings))
    {
      g_autofree char *got = describe_json (settings);

      set_error (error, SWY_GRAPH_ERROR_INVALID, NULL,
                 _("“settings” must be an object, not %s"), got);
      return FALSE;
    }

  json_object_iter_init_ordered (&iter, json_node_get_object (settings));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      GParamSpec *pspec;

      if (!g_strv_contains (_swy_graph_setting_names, name))
        {
          g_autofree char *known = g_strjoinv (", ", (char **)_swy_graph_setting_names);

          set_error (error, SWY_GRAPH_ERROR_UNKNOWN_PROPERTY, _("settings"),
                     _("unknown setting “%s” (known settings: %s)"), name, known);
          return FALSE;
        }

      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (graph), name);
      if (!set_from_json (G_OBJECT (graph), pspec, member, _("settings"), _("setting"), error))
        return FALSE;
    }

  return TRUE;
}

/* Sets *@array to the array member @name, or NULL when there is none. */
static gboolean
read_array (JsonObject  *root,
            const char  *name,
            JsonArray  **array,
            GError     **error)
{
  JsonNode *member = json_object_get_member (root, name);

  *array = NULL;
  if (member == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (member))
    {
      g_autofree char *got = describe_json (member);

      set_error (error, SWY_GRAPH_ERROR_INVALID, NULL,
                 _("“%s” must be an array, not %s"), name, got);
      return FALSE;
    }

  *array = json_node_get_array (member);

  return TRUE;
}

static void
read_extra (SwyGraph   *graph,
            JsonObject *root)
{
  g_autoptr(JsonObject) extra = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init_ordered (&iter, root);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      if (g_strv_contains (_swy_graph_reserved_members, name))
        continue;
      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, json_node_copy (member));
    }

  if (extra != NULL)
    swy_graph_set_extra (graph, extra);
}

static SwyGraph *
load_graph (Loader    *loader,
            JsonNode  *root_node,
            GError   **error)
{
  g_autoptr(SwyGraph) graph = NULL;
  JsonObject *root;
  JsonArray *nodes, *wires;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_autofree char *got = describe_json (root_node);

      set_error (error, SWY_GRAPH_ERROR_NOT_A_GRAPH, NULL,
                 _("the top level must be an object, not %s: this is not a Switchyard graph"),
                 got);
      return NULL;
    }
  root = json_node_get_object (root_node);

  if (!read_format_and_version (root, error))
    return NULL;

  graph = loader->graph = swy_graph_new ();

  if (!read_graph_member (graph, root, "title", error) ||
      !read_graph_member (graph, root, "seed", error) ||
      !read_settings (graph, root, error))
    return NULL;

  if (!read_array (root, "nodes", &nodes, error) ||
      !read_array (root, "wires", &wires, error))
    return NULL;

  for (guint i = 0; nodes != NULL && i < json_array_get_length (nodes); i++)
    if (!load_node (loader, i, json_array_get_element (nodes, i), error))
      return NULL;

  for (guint i = 0; wires != NULL && i < json_array_get_length (wires); i++)
    if (!load_wire (loader, i, json_array_get_element (wires, i), error))
      return NULL;

  read_extra (graph, root);

  return g_steal_pointer (&graph);
}

SwyGraph *
_swy_graph_load (JsonNode          *root,
                 SwyJsonPositions  *positions,
                 GError           **error)
{
  Loader loader = { *positions, NULL };

  return load_graph (&loader, root, error);
}
