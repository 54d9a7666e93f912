/* swy-lesson-check.c: checks, small expressions over the state of a graph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "swy-catalog.h"
#include "swy-lesson-private.h"
#include "swy-node-type.h"
#include "swy-port.h"

/* The grammar (docs/lessons.md):
 *
 *   check      = {"all": [check, ...]} | {"any": [check, ...]} | {"not": check}
 *              | figure + {"op": OP, "value": literal | figure}
 *              | {"node": ID, "is": "ready"}
 *   figure     = {"graph": NAME}
 *              | {"count-type": TYPE}
 *              | {"node": ID, "counter": NAME [, "reason": REASON]}
 *              | {"node": ID, "property": NAME}
 *              | {"wire": INDEX | {"from": "n:port", "to": "n:port"}, "counter" | "property": NAME}
 *
 * Everything a check names is resolved against the graph when the lesson
 * loads, so a typo is an error that names the step. At evaluation the
 * check looks its node or wire up again, because the learner edits the
 * graph: a check on something that no longer exists is false. */

typedef enum
{
  VALUE_NUMBER,
  VALUE_STRING,
  VALUE_BOOLEAN,
} ValueType;

static const char * const value_type_names[] = { "a number", "a string", "a boolean" };

typedef struct
{
  ValueType   type;
  double      number;
  const char *string;
  gboolean    boolean;
  char       *owned;
} Value;

typedef enum
{
  SUBJECT_GRAPH,
  SUBJECT_COUNT_TYPE,
  SUBJECT_NODE,
  SUBJECT_WIRE,
} SubjectKind;

typedef enum
{
  FIGURE_GRAPH,
  FIGURE_COUNT_TYPE,
  FIGURE_COUNTER,
  FIGURE_EXTRA,
  FIGURE_PROPERTY,
  FIGURE_READY,
} FigureKind;

typedef struct
{
  SubjectKind  subject;
  FigureKind   kind;
  ValueType    type;
  char        *node;
  int          wire_index;
  char        *from_node;
  char        *from_port;
  char        *to_node;
  char        *to_port;
  char        *name;
  char        *reason;
} Figure;

typedef enum
{
  OP_EQ,
  OP_NE,
  OP_LT,
  OP_LE,
  OP_GT,
  OP_GE,
} Op;

static const char * const op_names[] = { "==", "!=", "<", "<=", ">", ">=" };

typedef enum
{
  CHECK_ALL,
  CHECK_ANY,
  CHECK_NOT,
  CHECK_COMPARE,
  CHECK_READY,
} CheckKind;

struct _SwyCheck
{
  CheckKind  kind;
  GPtrArray *children;
  Figure    *figure;
  Op         op;
  Figure    *other;
  Value      literal;
};

static const char * const graph_figures[] = {
  "time-ms", "performed", "pending", "emitted", "delivered", "dropped", NULL
};
static const char * const node_counters[] = { "received", "emitted", "dropped", NULL };
static const char * const wire_counters[] = { "delivered", "lost", "index", NULL };

static void
value_clear (Value *value)
{
  g_clear_pointer (&value->owned, g_free);
}

static void
figure_free (Figure *figure)
{
  g_free (figure->node);
  g_free (figure->from_node);
  g_free (figure->from_port);
  g_free (figure->to_node);
  g_free (figure->to_port);
  g_free (figure->name);
  g_free (figure->reason);
  g_free (figure);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Figure, figure_free)

void
_swy_check_free (SwyCheck *check)
{
  if (check == NULL)
    return;

  g_clear_pointer (&check->children, g_ptr_array_unref);
  g_clear_pointer (&check->figure, figure_free);
  g_clear_pointer (&check->other, figure_free);
  value_clear (&check->literal);
  g_free (check);
}

/* Error helpers. */

static gboolean
fail (GError     **error,
      int          code,
      const char  *place,
      const char  *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (GError     **error,
      int          code,
      const char  *place,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, SWY_LESSON_ERROR, code, "%s: %s", place, message);

  return FALSE;
}

static char *
join_strv (const char * const *strv)
{
  return g_strjoinv (", ", (char **)strv);
}

/* Reading the state of the graph. */

static gboolean
value_type_of_pspec (GParamSpec *pspec,
                     ValueType  *type)
{
  if (!(pspec->flags & G_PARAM_READABLE))
    return FALSE;

  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_BOOLEAN:
      *type = VALUE_BOOLEAN;
      return TRUE;

    case G_TYPE_STRING:
    case G_TYPE_ENUM:
      *type = VALUE_STRING;
      return TRUE;

    case G_TYPE_CHAR:
    case G_TYPE_UCHAR:
    case G_TYPE_INT:
    case G_TYPE_UINT:
    case G_TYPE_LONG:
    case G_TYPE_ULONG:
    case G_TYPE_INT64:
    case G_TYPE_UINT64:
    case G_TYPE_FLOAT:
    case G_TYPE_DOUBLE:
      *type = VALUE_NUMBER;
      return TRUE;

    default:
      return FALSE;
    }
}

static void
read_property (GObject    *object,
               GParamSpec *pspec,
               Value      *out)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, pspec->name, &value);

  if (G_VALUE_HOLDS_BOOLEAN (&value))
    {
      out->type = VALUE_BOOLEAN;
      out->boolean = g_value_get_boolean (&value);
    }
  else if (G_VALUE_HOLDS_STRING (&value))
    {
      out->type = VALUE_STRING;
      out->owned = g_value_dup_string (&value);
      out->string = out->owned ? out->owned : "";
    }
  else if (G_VALUE_HOLDS_ENUM (&value))
    {
      GEnumClass *klass = g_type_class_peek (pspec->value_type);
      GEnumValue *nick = g_enum_get_value (klass, g_value_get_enum (&value));

      out->type = VALUE_STRING;
      out->string = nick ? nick->value_nick : "";
    }
  else
    {
      g_auto(GValue) number = G_VALUE_INIT;

      g_value_init (&number, G_TYPE_DOUBLE);
      g_value_transform (&value, &number);
      out->type = VALUE_NUMBER;
      out->number = g_value_get_double (&number);
    }
}

static gboolean
variant_to_double (GVariant *variant,
                   double   *out)
{
  if (g_variant_is_of_type (variant, G_VARIANT_TYPE_UINT32))
    *out = g_variant_get_uint32 (variant);
  else if (g_variant_is_of_type (variant, G_VARIANT_TYPE_INT32))
    *out = g_variant_get_int32 (variant);
  else if (g_variant_is_of_type (variant, G_VARIANT_TYPE_UINT64))
    *out = g_variant_get_uint64 (variant);
  else if (g_variant_is_of_type (variant, G_VARIANT_TYPE_INT64))
    *out = g_variant_get_int64 (variant);
  else if (g_variant_is_of_type (variant, G_VARIANT_TYPE_DOUBLE))
    *out = g_variant_get_double (variant);
  else if (g_variant_is_of_type (variant, G_VARIANT_TYPE_UINT16))
    *out = g_variant_get_uint16 (variant);
  else if (g_variant_is_of_type (variant, G_VARIANT_TYPE_INT16))
    *out = g_variant_get_int16 (variant);
  else if (g_variant_is_of_type (variant, G_VARIANT_TYPE_BYTE))
    *out = g_variant_get_byte (variant);
  else
    return FALSE;

  return TRUE;
}

static gboolean
read_extra_stat (SwyNode    *node,
                 const char *name,
                 double     *out)
{
  g_autoptr(GVariant) stats = swy_node_dup_extra_stats (node);
  g_autoptr(GVariant) value = NULL;

  if (stats == NULL)
    return FALSE;

  value = g_variant_lookup_value (stats, name, NULL);

  return value != NULL && variant_to_double (value, out);
}

static gboolean
port_is (SwyPort    *port,
         const char *node_id,
         const char *name)
{
  SwyNode *node = swy_port_get_node (port);

  return node != NULL &&
         g_strcmp0 (swy_node_get_id (node), node_id) == 0 &&
         g_strcmp0 (swy_port_get_name (port), name) == 0;
}

static SwyWire *
lookup_wire (SwyGraph     *graph,
             const Figure *figure)
{
  GListModel *wires = swy_graph_get_wires (graph);
  guint n = g_list_model_get_n_items (wires);

  if (figure->wire_index >= 0)
    return (guint)figure->wire_index < n ? g_list_model_get_item (wires, figure->wire_index) : NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);

      if (port_is (swy_wire_get_from (wire), figure->from_node, figure->from_port) &&
          port_is (swy_wire_get_to (wire), figure->to_node, figure->to_port))
        return g_steal_pointer (&wire);
    }

  return NULL;
}

static guint
count_nodes_of_type (SwyGraph   *graph,
                     const char *type_name)
{
  GListModel *nodes = swy_graph_get_nodes (graph);
  guint n = g_list_model_get_n_items (nodes);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (nodes, i);

      if (g_strcmp0 (swy_node_get_type_name (node), type_name) == 0)
        count++;
    }

  return count;
}

static double
read_graph_figure (SwyGraph   *graph,
                   const char *name)
{
  if (strcmp (name, "time-ms") == 0)
    return swy_graph_get_now (graph) / 1000.0;
  if (strcmp (name, "performed") == 0)
    return swy_graph_get_n_performed (graph);
  if (strcmp (name, "pending") == 0)
    return swy_graph_get_n_pending (graph);
  if (strcmp (name, "emitted") == 0)
    return swy_graph_get_total_emitted (graph);
  if (strcmp (name, "delivered") == 0)
    return swy_graph_get_total_delivered (graph);

  g_assert (strcmp (name, "dropped") == 0);
  return swy_graph_get_total_dropped (graph);
}

static gboolean
read_object_figure (GObject      *object,
                    const Figure *figure,
                    Value        *out)
{
  GParamSpec *pspec;
  ValueType type;

  if (figure->kind == FIGURE_PROPERTY)
    {
      pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), figure->name);
      /* The learner may have replaced the node by one of another type. */
      if (pspec == NULL || !value_type_of_pspec (pspec, &type) || type != figure->type)
        return FALSE;
      read_property (object, pspec, out);
      return TRUE;
    }

  out->type = VALUE_NUMBER;

  if (SWY_IS_WIRE (object))
    {
      SwyWire *wire = SWY_WIRE (object);

      if (strcmp (figure->name, "delivered") == 0)
        out->number = swy_wire_get_delivered (wire);
      else if (strcmp (figure->name, "lost") == 0)
        out->number = swy_wire_get_lost (wire);
      else
        out->number = swy_wire_get_index (wire);
      return TRUE;
    }

  if (figure->kind == FIGURE_EXTRA)
    return read_extra_stat (SWY_NODE (object), figure->name, &out->number);

  if (figure->kind == FIGURE_READY)
    {
      out->type = VALUE_BOOLEAN;
      out->boolean = swy_node_is_ready (SWY_NODE (object));
      return TRUE;
    }

  if (strcmp (figure->name, "received") == 0)
    out->number = swy_node_get_received (SWY_NODE (object));
  else if (strcmp (figure->name, "emitted") == 0)
    out->number = swy_node_get_emitted (SWY_NODE (object));
  else if (figure->reason != NULL)
    out->number = swy_node_get_drop_count (SWY_NODE (object), figure->reason);
  else
    out->number = swy_node_get_dropped (SWY_NODE (object));

  return TRUE;
}

static gboolean
read_figure (const Figure *figure,
             SwyGraph     *graph,
             Value        *out)
{
  switch (figure->subject)
    {
    case SUBJECT_GRAPH:
      out->type = VALUE_NUMBER;
      out->number = read_graph_figure (graph, figure->name);
      return TRUE;

    case SUBJECT_COUNT_TYPE:
      out->type = VALUE_NUMBER;
      out->number = count_nodes_of_type (graph, figure->name);
      return TRUE;

    case SUBJECT_NODE:
      {
        SwyNode *node = swy_graph_lookup_node (graph, figure->node);

        return node != NULL && read_object_figure (G_OBJECT (node), figure, out);
      }

    case SUBJECT_WIRE:
      {
        g_autoptr(SwyWire) wire = lookup_wire (graph, figure);

        return wire != NULL && read_object_figure (G_OBJECT (wire), figure, out);
      }

    default:
      g_assert_not_reached ();
    }
}

static gboolean
compare (Op           op,
         const Value *a,
         const Value *b)
{
  int cmp;

  g_assert (a->type == b->type);

  if (a->type == VALUE_NUMBER)
    cmp = (a->number > b->number) - (a->number < b->number);
  else if (a->type == VALUE_STRING)
    cmp = strcmp (a->string, b->string);
  else
    cmp = !a->boolean != !b->boolean;

  switch (op)
    {
    case OP_EQ:
      return cmp == 0;
    case OP_NE:
      return cmp != 0;
    case OP_LT:
      return cmp < 0;
    case OP_LE:
      return cmp <= 0;
    case OP_GT:
      return cmp > 0;
    case OP_GE:
      return cmp >= 0;
    default:
      g_assert_not_reached ();
    }
}

gboolean
_swy_check_evaluate (SwyCheck *check,
                     SwyGraph *graph)
{
  Value a = { 0 };
  Value b = { 0 };
  gboolean ret;

  switch (check->kind)
    {
    case CHECK_ALL:
      for (guint i = 0; i < check->children->len; i++)
        if (!_swy_check_evaluate (g_ptr_array_index (check->children, i), graph))
          return FALSE;
      return TRUE;

    case CHECK_ANY:
      for (guint i = 0; i < check->children->len; i++)
        if (_swy_check_evaluate (g_ptr_array_index (check->children, i), graph))
          return TRUE;
      return FALSE;

    case CHECK_NOT:
      return !_swy_check_evaluate (g_ptr_array_index (check->children, 0), graph);

    case CHECK_READY:
      return read_figure (check->figure, graph, &a) && a.boolean;

    case CHECK_COMPARE:
      if (!read_figure (check->figure, graph, &a))
        return FALSE;
      if (check->other != NULL && !read_figure (check->other, graph, &b))
        {
          value_clear (&a);
          return FALSE;
        }
      ret = compare (check->op, &a, check->other != NULL ? &b : &check->literal);
      value_clear (&a);
      value_clear (&b);
      return ret;

    default:
      g_assert_not_reached ();
    }
}

/* Parsing. */

char *
_swy_lesson_describe (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, FALSE);

  if (g_utf8_strlen (text, -1) > 40)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, 39);

      return g_strconcat (cut, "…", NULL);
    }

  return g_steal_pointer (&text);
}

static const char *
member_string (JsonObject  *object,
               const char  *name,
               const char  *place,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *text = NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  text = _swy_lesson_describe (node);
  fail (error, SWY_LESSON_ERROR_CHECK, place, "“%s” must be a string, not %s", name, text);

  return NULL;
}

/* Every member of @object must be one of @allowed. */
static gboolean
check_members (JsonObject          *object,
               const char * const  *allowed,
               const char          *what,
               const char          *place,
               GError             **error)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (const GList *l = names; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        {
          g_autofree char *list = join_strv (allowed);

          return fail (error, SWY_LESSON_ERROR_CHECK, place,
                       "“%s” does not belong in %s (it takes: %s)",
                       (const char *)l->data, what, list);
        }
    }

  return TRUE;
}

static gboolean
split_address (const char  *address,
               char       **node,
               char       **port)
{
  const char *colon = strrchr (address, ':');

  if (colon == NULL || colon == address || colon[1] == '\0')
    return FALSE;

  *node = g_strndup (address, colon - address);
  *port = g_strdup (colon + 1);

  return TRUE;
}

static char *
list_comparable_properties (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  for (guint i = 0; i < n; i++)
    {
      ValueType type;

      if (!value_type_of_pspec (pspecs[i], &type))
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, pspecs[i]->name);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
list_node_counters (SwyNode *node)
{
  g_autoptr(GVariant) stats = swy_node_dup_extra_stats (node);
  g_autoptr(GString) out = g_string_new ("received, emitted, dropped");
  GVariantIter iter;
  const char *key;
  GVariant *value;

  if (stats != NULL)
    {
      g_variant_iter_init (&iter, stats);
      while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
        {
          double unused;

          if (variant_to_double (value, &unused))
            g_string_append_printf (out, ", %s", key);
          g_variant_unref (value);
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
parse_property (Figure      *figure,
                GObject     *object,
                const char  *owner,
                const char  *place,
                GError     **error)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), figure->name);

  if (pspec == NULL || !value_type_of_pspec (pspec, &figure->type))
    {
      g_autofree char *list = list_comparable_properties (object);

      return fail (error, SWY_LESSON_ERROR_UNKNOWN_NAME, place,
                   "%s has no property “%s” (its properties: %s)", owner, figure->name, list);
    }

  figure->kind = FIGURE_PROPERTY;

  return TRUE;
}

static gboolean
parse_node_figure (Figure      *figure,
                   JsonObject  *object,
                   SwyGraph    *graph,
                   gboolean     is_value,
                   const char  *place,
                   GError     **error)
{
  static const char * const counter_members[] = {
    "node", "counter", "reason", "op", "value", NULL
  };
  static const char * const property_members[] = { "node", "property", "op", "value", NULL };
  static const char * const is_members[] = { "node", "is", NULL };
  const char *id;
  const char *is;
  SwyNode *node;
  g_autofree char *owner = NULL;
  g_autofree char *list = NULL;
  double unused;
  guint n_figures;

  if (!(id = member_string (object, "node", place, error)))
    return FALSE;
  if (!(node = swy_graph_lookup_node (graph, id)))
    return fail (error, SWY_LESSON_ERROR_UNKNOWN_NODE, place, "node “%s” does not exist", id);

  figure->subject = SUBJECT_NODE;
  figure->node = g_strdup (id);
  owner = g_strdup_printf ("node “%s” (%s)", id,
                           swy_node_get_type_name (node) ? swy_node_get_type_name (node)
                                                         : G_OBJECT_TYPE_NAME (node));

  n_figures = json_object_has_member (object, "counter") +
              json_object_has_member (object, "property") +
              (!is_value && json_object_has_member (object, "is"));
  if (n_figures != 1)
    return fail (error, SWY_LESSON_ERROR_CHECK, place,
                 is_value ? "a value on a node needs one of “counter” or “property”"
                          : "a check on a node needs one of “counter”, “property” or “is”");

  if (json_object_has_member (object, "is"))
    {
      if (!check_members (object, is_members, "a check with “is”", place, error))
        return FALSE;
      if (!(is = member_string (object, "is", place, error)))
        return FALSE;
      if (strcmp (is, "ready") != 0)
        return fail (error, SWY_LESSON_ERROR_CHECK, place, "“is” must be “ready”, not “%s”", is);
      figure->kind = FIGURE_READY;
      figure->type = VALUE_BOOLEAN;
      return TRUE;
    }

  if (json_object_has_member (object, "property"))
    {
      if (!check_members (object, property_members, "a check on a property", place, error))
        return FALSE;
      if (!(figure->name = g_strdup (member_string (object, "property", place, error))))
        return FALSE;
      return parse_property (figure, G_OBJECT (node), owner, place, error);
    }

  if (!check_members (object, counter_members, "a check on a counter", place, error))
    return FALSE;
  if (!(figure->name = g_strdup (member_string (object, "counter", place, error))))
    return FALSE;
  figure->type = VALUE_NUMBER;

  if (json_object_has_member (object, "reason"))
    {
      const char *reason;

      if (strcmp (figure->name, "dropped") != 0)
        return fail (error, SWY_LESSON_ERROR_CHECK, place,
                     "“reason” goes with the counter “dropped”, not “%s”", figure->name);
      if (!(reason = member_string (object, "reason", place, error)))
        return FALSE;
      if (*reason == '\0')
        return fail (error, SWY_LESSON_ERROR_CHECK, place, "“reason” is empty");
      figure->reason = g_strdup (reason);
    }

  if (g_strv_contains (node_counters, figure->name))
    {
      figure->kind = FIGURE_COUNTER;
      return TRUE;
    }

  if (read_extra_stat (node, figure->name, &unused))
    {
      figure->kind = FIGURE_EXTRA;
      return TRUE;
    }

  list = list_node_counters (node);

  return fail (error, SWY_LESSON_ERROR_UNKNOWN_NAME, place,
               "%s has no counter “%s” (its counters: %s)", owner, figure->name, list);
}

static gboolean
parse_wire_subject (Figure      *figure,
                    JsonNode    *member,
                    SwyGraph    *graph,
                    const char  *place,
                    GError     **error)
{
  static const char * const end_members[] = { "from", "to", NULL };
  guint n_wires = g_list_model_get_n_items (swy_graph_get_wires (graph));
  g_autoptr(SwyWire) wire = NULL;

  figure->subject = SUBJECT_WIRE;
  figure->wire_index = -1;

  if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_INT64)
    {
      gint64 index = json_node_get_int (member);

      if (index < 0 || index >= n_wires)
        return fail (error, SWY_LESSON_ERROR_UNKNOWN_WIRE, place,
                     "wire %" G_GINT64_FORMAT " does not exist (the graph has %u wires)",
                     index, n_wires);
      figure->wire_index = index;
      return TRUE;
    }

  if (JSON_NODE_HOLDS_OBJECT (member))
    {
      JsonObject *ends = json_node_get_object (member);
      const char *from;
      const char *to;

      if (!check_members (ends, end_members, "a wire", place, error))
        return FALSE;
      if (!json_object_has_member (ends, "from") || !json_object_has_member (ends, "to"))
        return fail (error, SWY_LESSON_ERROR_CHECK, place, "a wire needs “from” and “to”");
      if (!(from = member_string (ends, "from", place, error)) ||
          !(to = member_string (ends, "to", place, error)))
        return FALSE;
      if (!split_address (from, &figure->from_node, &figure->from_port))
        return fail (error, SWY_LESSON_ERROR_CHECK, place,
                     "“from” must be a “node:port” address, not “%s”", from);
      if (!split_address (to, &figure->to_node, &figure->to_port))
        return fail (error, SWY_LESSON_ERROR_CHECK, place,
                     "“to” must be a “node:port” address, not “%s”", to);

      wire = lookup_wire (graph, figure);
      if (wire == NULL)
        return fail (error, SWY_LESSON_ERROR_UNKNOWN_WIRE, place,
                     "no wire goes from “%s” to “%s”", from, to);
      return TRUE;
    }

  {
    g_autofree char *text = _swy_lesson_describe (member);

    return fail (error, SWY_LESSON_ERROR_CHECK, place,
                 "“wire” must be an index or an object with “from” and “to”, not %s", text);
  }
}

static gboolean
parse_wire_figure (Figure      *figure,
                   JsonObject  *object,
                   SwyGraph    *graph,
                   const char  *place,
                   GError     **error)
{
  static const char * const counter_members[] = { "wire", "counter", "op", "value", NULL };
  static const char * const property_members[] = { "wire", "property", "op", "value", NULL };
  g_autoptr(SwyWire) wire = NULL;

  if (!parse_wire_subject (figure, json_object_get_member (object, "wire"), graph, place, error))
    return FALSE;
  wire = lookup_wire (graph, figure);

  if (json_object_has_member (object, "counter") == json_object_has_member (object, "property"))
    return fail (error, SWY_LESSON_ERROR_CHECK, place,
                 "a check on a wire needs one of “counter” or “property”");

  if (json_object_has_member (object, "property"))
    {
      if (!check_members (object, property_members, "a check on a property", place, error))
        return FALSE;
      if (!(figure->name = g_strdup (member_string (object, "property", place, error))))
        return FALSE;
      return parse_property (figure, G_OBJECT (wire), "a wire", place, error);
    }

  if (!check_members (object, counter_members, "a check on a counter", place, error))
    return FALSE;
  if (!(figure->name = g_strdup (member_string (object, "counter", place, error))))
    return FALSE;
  if (!g_strv_contains (wire_counters, figure->name))
    {
      g_autofree char *list = join_strv (wire_counters);

      return fail (error, SWY_LESSON_ERROR_UNKNOWN_NAME, place,
                   "a wire has no counter “%s” (its counters: %s)", figure->name, list);
    }
  figure->kind = FIGURE_COUNTER;
  figure->type = VALUE_NUMBER;

  return TRUE;
}

static char *
list_node_types (void)
{
  GListModel *types = swy_catalog_get_types ();
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(SwyNodeType) type = g_list_model_get_item (types, i);

      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, swy_node_type_get_name (type));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Parses the subject and figure of @object: a comparison's left side, or
 * (@is_value) an object in the place of its value. */
static Figure *
parse_figure (JsonObject  *object,
              SwyGraph    *graph,
              gboolean     is_value,
              const char  *place,
              GError     **error)
{
  static const char * const graph_members[] = { "graph", "op", "value", NULL };
  static const char * const type_members[] = { "count-type", "op", "value", NULL };
  static const char * const subjects[] = { "graph", "count-type", "node", "wire", NULL };
  g_autoptr(Figure) figure = g_new0 (Figure, 1);
  const char *subject = NULL;

  figure->wire_index = -1;

  for (guint i = 0; subjects[i] != NULL; i++)
    {
      if (!json_object_has_member (object, subjects[i]))
        continue;
      if (subject != NULL)
        {
          fail (error, SWY_LESSON_ERROR_CHECK, place,
                "a check has one subject, not both “%s” and “%s”", subject, subjects[i]);
          return NULL;
        }
      subject = subjects[i];
    }

  if (subject == NULL)
    {
      if (is_value)
        fail (error, SWY_LESSON_ERROR_CHECK, place,
              "an object as a value needs a subject: “graph”, “count-type”, “node” or “wire”");
      else
        fail (error, SWY_LESSON_ERROR_CHECK, place,
              "a check needs “all”, “any”, “not” or a subject: "
              "“graph”, “count-type”, “node” or “wire”");
      return NULL;
    }

  if (strcmp (subject, "graph") == 0)
    {
      if (!check_members (object, graph_members, "a check on the graph", place, error) ||
          !(figure->name = g_strdup (member_string (object, "graph", place, error))))
        return NULL;
      if (!g_strv_contains (graph_figures, figure->name))
        {
          g_autofree char *list = join_strv (graph_figures);

          fail (error, SWY_LESSON_ERROR_UNKNOWN_NAME, place,
                "the graph has no figure “%s” (its figures: %s)", figure->name, list);
          return NULL;
        }
      figure->subject = SUBJECT_GRAPH;
      figure->kind = FIGURE_GRAPH;
      figure->type = VALUE_NUMBER;
    }
  else if (strcmp (subject, "count-type") == 0)
    {
      if (!check_members (object, type_members, "a check on a node count", place, error) ||
          !(figure->name = g_strdup (member_string (object, "count-type", place, error))))
        return NULL;
      if (swy_catalog_lookup (figure->name) == NULL)
        {
          g_autofree char *list = list_node_types ();

          fail (error, SWY_LESSON_ERROR_UNKNOWN_NAME, place,
                "unknown node type “%s” (known types: %s)", figure->name, list);
          return NULL;
        }
      figure->subject = SUBJECT_COUNT_TYPE;
      figure->kind = FIGURE_COUNT_TYPE;
      figure->type = VALUE_NUMBER;
    }
  else if (strcmp (subject, "node") == 0)
    {
      if (!parse_node_figure (figure, object, graph, is_value, place, error))
        return NULL;
    }
  else if (!parse_wire_figure (figure, object, graph, place, error))
    {
      return NULL;
    }

  if (is_value &&
      (json_object_has_member (object, "op") || json_object_has_member (object, "value")))
    {
      fail (error, SWY_LESSON_ERROR_CHECK, place, "an object as a value takes no “op” or “value”");
      return NULL;
    }

  return g_steal_pointer (&figure);
}

static const char *
describe_figure (const Figure *figure,
                 char        **owned)
{
  switch (figure->kind)
    {
    case FIGURE_GRAPH:
      return *owned = g_strdup_printf ("the graph’s “%s”", figure->name);
    case FIGURE_COUNT_TYPE:
      return *owned = g_strdup_printf ("the count of type “%s”", figure->name);
    case FIGURE_COUNTER:
    case FIGURE_EXTRA:
      return *owned = g_strdup_printf ("counter “%s”", figure->name);
    case FIGURE_PROPERTY:
      return *owned = g_strdup_printf ("property “%s”", figure->name);
    case FIGURE_READY:
      return *owned = g_strdup ("readiness");
    default:
      g_assert_not_reached ();
    }
}

/* For an enumeration property compared with a string: the string must be a nickname. */
static gboolean
check_enum_literal (const Figure *figure,
                    SwyGraph     *graph,
                    const char   *literal,
                    const char   *place,
                    GError      **error)
{
  GObject *object = NULL;
  g_autoptr(SwyWire) wire = NULL;
  GParamSpec *pspec;
  GEnumClass *klass;
  g_autoptr(GString) list = NULL;

  if (figure->kind != FIGURE_PROPERTY)
    return TRUE;

  if (figure->subject == SUBJECT_NODE)
    object = G_OBJECT (swy_graph_lookup_node (graph, figure->node));
  else
    object = G_OBJECT (wire = lookup_wire (graph, figure));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), figure->name);
  if (!G_IS_PARAM_SPEC_ENUM (pspec))
    return TRUE;

  klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
  if (g_enum_get_value_by_nick (klass, literal) != NULL)
    return TRUE;

  list = g_string_new (NULL);
  for (guint i = 0; i < klass->n_values; i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", klass->values[i].value_nick);

  return fail (error, SWY_LESSON_ERROR_CHECK, place,
               "“%s” is not a value of property “%s” (its values: %s)",
               literal, figure->name, list->str);
}

static gboolean
parse_literal (SwyCheck    *check,
               JsonNode    *node,
               SwyGraph    *graph,
               const char  *place,
               GError     **error)
{
  GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  g_autofree char *what = NULL;

  if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
    {
      check->literal.type = VALUE_NUMBER;
      check->literal.number = json_node_get_double (node);
    }
  else if (type == G_TYPE_STRING)
    {
      check->literal.type = VALUE_STRING;
      check->literal.owned = json_node_dup_string (node);
      check->literal.string = check->literal.owned;
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      check->literal.type = VALUE_BOOLEAN;
      check->literal.boolean = json_node_get_boolean (node);
    }
  else
    {
      g_autofree char *text = _swy_lesson_describe (node);

      return fail (error, SWY_LESSON_ERROR_CHECK, place,
                   "“value” must be a number, a string, a boolean or an object naming a "
                   "figure, not %s",
                   text);
    }

  if (check->literal.type != check->figure->type)
    {
      g_autofree char *text = _swy_lesson_describe (node);

      return fail (error, SWY_LESSON_ERROR_CHECK, place,
                   "“value” must be %s, as %s is, not %s",
                   value_type_names[check->figure->type],
                   describe_figure (check->figure, &what), text);
    }

  if (check->literal.type == VALUE_STRING)
    return check_enum_literal (check->figure, graph, check->literal.string, place, error);

  return TRUE;
}

static SwyCheck *
parse_comparison (JsonObject  *object,
                  SwyGraph    *graph,
                  const char  *place,
                  GError     **error)
{
  g_autoptr(SwyCheck) check = g_new0 (SwyCheck, 1);
  g_autofree char *value_place = NULL;
  g_autofree char *what = NULL;
  JsonNode *value;
  const char *op;
  guint i;

  if (!(check->figure = parse_figure (object, graph, FALSE, place, error)))
    return NULL;

  if (check->figure->kind == FIGURE_READY)
    {
      check->kind = CHECK_READY;
      return g_steal_pointer (&check);
    }

  check->kind = CHECK_COMPARE;

  if (!json_object_has_member (object, "op") || !json_object_has_member (object, "value"))
    {
      fail (error, SWY_LESSON_ERROR_CHECK, place,
            "a comparison needs “op” and “value” (ops: ==, !=, <, <=, >, >=)");
      return NULL;
    }

  if (!(op = member_string (object, "op", place, error)))
    return NULL;
  for (i = 0; i < G_N_ELEMENTS (op_names); i++)
    if (strcmp (op, op_names[i]) == 0)
      break;
  if (i == G_N_ELEMENTS (op_names))
    {
      fail (error, SWY_LESSON_ERROR_CHECK, place,
            "unknown operator “%s” (ops: ==, !=, <, <=, >, >=)", op);
      return NULL;
    }
  check->op = i;

  if (check->op > OP_NE && check->figure->type != VALUE_NUMBER)
    {
      fail (error, SWY_LESSON_ERROR_CHECK, place,
            "operator “%s” compares numbers, and %s is %s",
            op, describe_figure (check->figure, &what), value_type_names[check->figure->type]);
      return NULL;
    }

  value = json_object_get_member (object, "value");
  if (!JSON_NODE_HOLDS_OBJECT (value))
    return parse_literal (check, value, graph, place, error) ? g_steal_pointer (&check) : NULL;

  value_place = g_strconcat (place, ".value", NULL);
  check->other = parse_figure (json_node_get_object (value), graph, TRUE, value_place, error);
  if (check->other == NULL)
    return NULL;
  if (check->other->type != check->figure->type)
    {
      g_autofree char *other = NULL;

      fail (error, SWY_LESSON_ERROR_CHECK, place, "%s is %s, but %s is %s",
            describe_figure (check->figure, &what), value_type_names[check->figure->type],
            describe_figure (check->other, &other), value_type_names[check->other->type]);
      return NULL;
    }

  return g_steal_pointer (&check);
}

static SwyCheck *
parse_combination (JsonObject  *object,
                   const char  *name,
                   SwyGraph    *graph,
                   const char  *place,
                   GError     **error)
{
  g_autoptr(SwyCheck) check = g_new0 (SwyCheck, 1);
  JsonNode *member = json_object_get_member (object, name);
  JsonArray *array;

  if (json_object_get_size (object) != 1)
    {
      fail (error, SWY_LESSON_ERROR_CHECK, place,
            "“%s” must be the only member of its check", name);
      return NULL;
    }

  check->children = g_ptr_array_new_with_free_func ((GDestroyNotify)_swy_check_free);

  if (strcmp (name, "not") == 0)
    {
      g_autofree char *inner = g_strconcat (place, ".not", NULL);
      SwyCheck *child = _swy_check_parse (member, graph, inner, error);

      if (child == NULL)
        return NULL;
      check->kind = CHECK_NOT;
      g_ptr_array_add (check->children, child);
      return g_steal_pointer (&check);
    }

  check->kind = strcmp (name, "all") == 0 ? CHECK_ALL : CHECK_ANY;

  if (!JSON_NODE_HOLDS_ARRAY (member) || json_array_get_length (json_node_get_array (member)) == 0)
    {
      g_autofree char *text = _swy_lesson_describe (member);

      fail (error, SWY_LESSON_ERROR_CHECK, place,
            "“%s” must be a non-empty array of checks, not %s", name, text);
      return NULL;
    }

  array = json_node_get_array (member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *inner = g_strdup_printf ("%s.%s[%u]", place, name, i);
      SwyCheck *child = _swy_check_parse (json_array_get_element (array, i), graph, inner, error);

      if (child == NULL)
        return NULL;
      g_ptr_array_add (check->children, child);
    }

  return g_steal_pointer (&check);
}

SwyCheck *
_swy_check_parse (JsonNode    *node,
                  SwyGraph    *graph,
                  const char  *place,
                  GError     **error)
{
  static const char * const combinators[] = { "all", "any", "not" };
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *text = _swy_lesson_describe (node);

      fail (error, SWY_LESSON_ERROR_CHECK, place, "a check must be an object, not %s", text);
      return NULL;
    }

  object = json_node_get_object (node);
  for (guint i = 0; i < G_N_ELEMENTS (combinators); i++)
    if (json_object_has_member (object, combinators[i]))
      return parse_combination (object, combinators[i], graph, place, error);

  return parse_comparison (object, graph, place, error);
}
