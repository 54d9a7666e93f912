/* swy-codegen.c: a graph as a stand-alone program in plain GLib C or PyGObject
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "swy-codegen"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "swy-codegen-private.h"
#include "swy-codegen-resources.h"

/* The programs are assembled from the templates in templates/c and
 * templates/python (compiled in as a GResource): a fixed runtime (virtual
 * time, events, the node base class, wires), one template per node kind used,
 * the graph itself, written here, and main(). Lines between "%%if FEATURE"
 * and "%%endif" (with an optional "%%else") are kept only when the graph
 * needs the feature, so that a small graph gives a small program and the C
 * has no unused function. docs/codegen.md explains the mapping. */

#define TEMPLATE_PATH "/io/github/switchyard/Switchyard/codegen/"
#define MAX_ARGS 6

typedef struct
{
  const char *type;
  const char *args[MAX_ARGS];   /* the constructor's arguments, in order */
} Kind;

/* Every node type of design/engine.md section 4, in that order. */
static const Kind kinds[] = {
  { "timer",    { "interval-ms", "count", "topic" } },
  { "burst",    { "at-ms", "count", "topic" } },
  { "poisson",  { "rate-hz", "count", "topic", "value-min", "value-max" } },
  { "button",   { "topic", "value" } },
  { "filter",   { "topic-pattern", "field", "op", "operand" } },
  { "map",      { "set-topic", "scale", "offset" } },
  { "delay",    { "delay-ms" } },
  { "debounce", { "quiet-ms" } },
  { "throttle", { "window-ms" } },
  { "broker",   { NULL } },
  { "queue",    { "capacity", "overflow" } },
  { "worker",   { "service-ms", "concurrency" } },
  { "batch",    { "size", "window-ms" } },
  { "counter",  { NULL } },
  { "log",      { "keep" } },
  { "plot",     { "keep" } },
};

typedef struct
{
  gboolean used[G_N_ELEMENTS (kinds)];
  gboolean queue;         /* a queue: is_ready(), only-this-wire emissions */
  gboolean matcher;       /* topic_matches() */
  gboolean lookup;        /* reading numbers from payloads */
  gboolean seq_payload;   /* payload_new () */
  gboolean random;        /* the seeded generator */
  gboolean loss;
  gboolean jitter;
  gboolean blocked;
  gboolean node_timer;    /* demo_node_schedule () */
  gboolean button;
  gboolean math;
  gboolean collections;
} Features;

static const struct
{
  const char *name;
  gsize       offset;
} feature_names[] = {
  { "queue", G_STRUCT_OFFSET (Features, queue) },
  { "matcher", G_STRUCT_OFFSET (Features, matcher) },
  { "lookup", G_STRUCT_OFFSET (Features, lookup) },
  { "seq_payload", G_STRUCT_OFFSET (Features, seq_payload) },
  { "random", G_STRUCT_OFFSET (Features, random) },
  { "loss", G_STRUCT_OFFSET (Features, loss) },
  { "jitter", G_STRUCT_OFFSET (Features, jitter) },
  { "blocked", G_STRUCT_OFFSET (Features, blocked) },
  { "node_timer", G_STRUCT_OFFSET (Features, node_timer) },
  { "button", G_STRUCT_OFFSET (Features, button) },
};

typedef struct
{
  SwyGraph           *graph;      /* the graph of the scope */
  SwyCodegenLanguage  lang;
  GObject            *focus;      /* in graph, or NULL */
  Features            features;
  GString            *out;
} Gen;

static const Kind *
lookup_kind (const char *type_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].type, type_name) == 0)
      return &kinds[i];

  return NULL;
}

/**
 * swy_codegen_supports_type:
 * @type_name: a node type name, such as `timer`
 *
 * Gets whether the generators have a template for a node type.
 *
 * Returns: whether programs can be generated for graphs with that type
 */
gboolean
swy_codegen_supports_type (const char *type_name)
{
  return lookup_kind (type_name) != NULL;
}

static gboolean
is_type (SwyNode    *node,
         const char *type_name)
{
  return g_strcmp0 (swy_node_get_type_name (node), type_name) == 0;
}

static gboolean
subscription_is_wildcard (const char *subscription)
{
  g_auto(GStrv) levels = g_strsplit (subscription, "/", -1);

  for (guint i = 0; levels[i] != NULL; i++)
    if (g_str_equal (levels[i], "+") || g_str_equal (levels[i], "#"))
      return TRUE;

  return FALSE;
}

static void
detect_features (Gen *gen)
{
  GListModel *nodes = swy_graph_get_nodes (gen->graph);
  GListModel *wires = swy_graph_get_wires (gen->graph);
  Features *f = &gen->features;

  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (nodes, i);
      const Kind *kind = lookup_kind (swy_node_get_type_name (node));

      f->used[kind - kinds] = TRUE;
    }

#define USED(name) (f->used[lookup_kind (name) - kinds])
  f->queue = USED ("queue");
  f->matcher = USED ("filter") || USED ("queue");
  f->lookup = USED ("filter") || USED ("map") || USED ("batch") || USED ("counter") ||
              USED ("plot");
  f->seq_payload = USED ("timer") || USED ("burst") || USED ("poisson") || USED ("button");
  f->node_timer = USED ("timer") || USED ("burst") || USED ("poisson") || USED ("delay") ||
                  USED ("debounce") || USED ("worker") || USED ("batch");
  f->button = USED ("button");
  f->math = USED ("poisson");
  f->collections = USED ("queue") || USED ("worker") || USED ("log") || USED ("plot");
  f->random = USED ("poisson");
#undef USED

  for (guint i = 0; i < g_list_model_get_n_items (wires); i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);
      const char *subscription = swy_wire_get_subscription (wire);
      gboolean queued = swy_wire_get_mode (wire) == SWY_WIRE_MODE_QUEUED;

      if (!g_str_equal (subscription, "#") && subscription_is_wildcard (subscription))
        f->matcher = TRUE;
      if (swy_wire_get_loss (wire) > 0)
        f->loss = f->random = TRUE;
      if (queued && swy_wire_get_jitter_ms (wire) > 0)
        f->jitter = f->random = TRUE;
      if (swy_wire_get_blocked (wire))
        f->blocked = TRUE;
    }
}

static gboolean
feature_value (Gen        *gen,
               const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (feature_names); i++)
    if (g_str_equal (feature_names[i].name, name))
      return G_STRUCT_MEMBER (gboolean, &gen->features, feature_names[i].offset);

  g_critical ("Unknown template feature “%s”", name);

  return FALSE;
}

/* Literals and comments. */

static void
append_c_string (GString    *out,
                 const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      /* "\?" keeps a "??/" in a name from being read as a trigraph
       * (-std=c17, -trigraphs). */
      if (c == '"' || c == '\\' || c == '?')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\%03o", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
append_python_string (GString    *out,
                      const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static char *
string_literal (Gen        *gen,
                const char *text)
{
  GString *s = g_string_new (NULL);

  if (gen->lang == SWY_CODEGEN_LANGUAGE_C)
    append_c_string (s, text);
  else
    append_python_string (s, text);

  return g_string_free (s, FALSE);
}

/* Text that can go in a comment or docstring of either language. */
static char *
comment_text (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == '\\')
        {
          g_string_append_c (s, ' ');
        }
      else if (g_str_has_prefix (p, "*/"))
        {
          g_string_append (s, "* /");
          p++;
        }
      else if (g_str_has_prefix (p, "\"\"\""))
        {
          g_string_append (s, "'''");
          p += 2;
        }
      else
        {
          g_string_append_c (s, *p);
        }
    }

  return g_string_free (s, FALSE);
}

/* The shortest decimal that reads back as @value, always with a point or an
 * exponent, so that C and Python both see a floating-point number. */
static void
append_double (GString *out,
               double   value)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, sizeof buf, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  g_string_append (out, buf);
  if (strpbrk (buf, ".eEn") == NULL)
    g_string_append (out, ".0");
}

static char *
slug (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (s, g_ascii_tolower (*p));
      else if (s->len > 0 && s->str[s->len - 1] != '-')
        g_string_append_c (s, '-');
    }
  while (s->len > 0 && s->str[s->len - 1] == '-')
    g_string_truncate (s, s->len - 1);

  return g_string_free (s, FALSE);
}

/* A short name from a title: the part before a colon ("Storms: depth limit
 * and hop limit" gives storms), whole words up to about 32 letters. */
static char *
file_base (const char *title)
{
  static const char * const small_words[] = { "-a", "-and", "-in", "-of", "-or", "-the",
                                              "-to", "-with" };
  g_autofree char *head = g_strndup (title, strcspn (title, ":"));
  g_autofree char *slugged = NULL;
  GString *s = g_string_new (NULL);
  g_auto(GStrv) words = NULL;
  gboolean trimmed = TRUE;

  slugged = slug (head[0] != '\0' ? head : title);
  words = g_strsplit (slugged, "-", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (s->len > 0 && s->len + 1 + strlen (words[i]) > 32)
        break;
      g_string_append_printf (s, "%s%s", s->len > 0 ? "-" : "", words[i]);
    }

  while (trimmed)
    {
      trimmed = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (small_words); i++)
        if (g_str_has_suffix (s->str, small_words[i]))
          {
            g_string_truncate (s, s->len - strlen (small_words[i]));
            trimmed = TRUE;
          }
    }

  return g_string_free (s, FALSE);
}

/**
 * swy_codegen_dup_file_name:
 * @graph: a graph
 * @lang: the language
 * @scope: the part of the graph
 * @focus: (nullable): the node or wire it is about
 *
 * Suggests a file name for a generated program, such as `pubsub-broker.py`:
 * the graph's title, the focus for a node or wire, and the extension.
 *
 * Returns: (transfer full): a file name without directory
 */
char *
swy_codegen_dup_file_name (SwyGraph           *graph,
                           SwyCodegenLanguage  lang,
                           SwyCodegenScope     scope,
                           GObject            *focus)
{
  g_autofree char *base = NULL;
  g_autofree char *part = NULL;

  g_return_val_if_fail (SWY_IS_GRAPH (graph), NULL);

  base = file_base (swy_graph_get_title (graph) ? swy_graph_get_title (graph) : "");
  if (base[0] == '\0')
    {
      g_free (base);
      base = g_strdup ("graph");
    }

  if (scope == SWY_CODEGEN_SCOPE_NODE && focus != NULL && SWY_IS_NODE (focus))
    part = slug (swy_node_get_id (SWY_NODE (focus)));
  else if (scope == SWY_CODEGEN_SCOPE_WIRE && focus != NULL && SWY_IS_WIRE (focus))
    part = g_strdup_printf ("wire-%d", swy_wire_get_index (SWY_WIRE (focus)));

  return g_strconcat (base, part && part[0] ? "-" : "", part ? part : "",
                      lang == SWY_CODEGEN_LANGUAGE_C ? ".c" : ".py", NULL);
}

/* Templates. */

static void
append_line (Gen        *gen,
             const char *line)
{
  const char *seed = strstr (line, "@@SEED@@");

  if (seed == NULL)
    {
      g_string_append (gen->out, line);
    }
  else
    {
      g_string_append_len (gen->out, line, seed - line);
      g_string_append_printf (gen->out, "%" G_GUINT64_FORMAT, swy_graph_get_seed (gen->graph));
      g_string_append (gen->out, seed + strlen ("@@SEED@@"));
    }
  g_string_append_c (gen->out, '\n');
}

static void
append_template (Gen        *gen,
                 const char *name)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean active[16] = { TRUE };
  gboolean cond[16] = { TRUE };
  guint depth = 0;
  const char *data;
  gsize size;

  path = g_strconcat (TEMPLATE_PATH, gen->lang == SWY_CODEGEN_LANGUAGE_C ? "c/" : "python/",
                      name, gen->lang == SWY_CODEGEN_LANGUAGE_C ? ".c" : ".py", NULL);
  bytes = g_resource_lookup_data (swy_codegen_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("Missing code template %s: %s", path, error->message);

  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (lines[i + 1] == NULL && line[0] == '\0')
        break;

      if (g_str_has_prefix (line, "%%if "))
        {
          const char *name_ = line + strlen ("%%if ");
          gboolean negate = name_[0] == '!';

          g_assert (depth + 1 < G_N_ELEMENTS (active));
          depth++;
          cond[depth] = feature_value (gen, name_ + (negate ? 1 : 0)) != negate;
          active[depth] = active[depth - 1] && cond[depth];
        }
      else if (g_str_equal (line, "%%else"))
        {
          g_assert (depth > 0);
          cond[depth] = !cond[depth];
          active[depth] = active[depth - 1] && cond[depth];
        }
      else if (g_str_equal (line, "%%endif"))
        {
          g_assert (depth > 0);
          depth--;
        }
      else if (active[depth])
        {
          append_line (gen, line);
        }
    }

  g_assert (depth == 0);
}

/* At most @max_blank blank lines in a row, one newline at the end. */
static char *
tidy (GString *text,
      guint    max_blank)
{
  GString *s = g_string_sized_new (text->len);
  guint blank = 0;
  g_auto(GStrv) lines = g_strsplit (text->str, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gboolean empty = lines[i][0] == '\0';

      blank = empty ? blank + 1 : 0;
      if (empty && (blank > max_blank || s->len == 0))
        continue;
      g_string_append (s, lines[i]);
      g_string_append_c (s, '\n');
    }
  while (s->len > 1 && s->str[s->len - 1] == '\n' && s->str[s->len - 2] == '\n')
    g_string_truncate (s, s->len - 1);

  return g_string_free (s, FALSE);
}

/* The scope, for the comment at the top. */

/* Writes @text in lines of at most 78 columns: the first starts with
 * @first, the others with @prefix. */
static void
append_wrapped (Gen        *gen,
                const char *first,
                const char *prefix,
                const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  gsize width = strlen (first);

  g_string_append (gen->out, first);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (width + strlen (words[i]) + 1 > 79 && i > 0)
        {
          g_string_truncate (gen->out, gen->out->len - 1);   /* the space */
          g_string_append_printf (gen->out, "\n%s", prefix);
          width = strlen (prefix);
        }
      g_string_append_printf (gen->out, "%s ", words[i]);
      width += strlen (words[i]) + 1;
    }
  g_string_truncate (gen->out, gen->out->len - 1);
  g_string_append_c (gen->out, '\n');
}

static char *
wire_label (SwyWire *wire)
{
  g_autofree char *from = swy_port_dup_address (swy_wire_get_from (wire));
  g_autofree char *to = swy_port_dup_address (swy_wire_get_to (wire));

  return g_strdup_printf ("%s -> %s", from, to);
}

static char *
describe_scope (Gen             *gen,
                SwyGraph        *original,
                SwyCodegenScope  scope)
{
  g_autofree char *label = NULL;
  g_autofree char *printer = NULL;
  GListModel *nodes = swy_graph_get_nodes (gen->graph);

  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (nodes, i);

      if (swy_graph_lookup_node (original, swy_node_get_id (node)) == NULL)
        printer = g_strdup_printf (" A log node, \"%s\", prints what comes out.",
                                   swy_node_get_id (node));
    }

  if (gen->focus == NULL)
    return NULL;

  if (SWY_IS_WIRE (gen->focus))
    label = wire_label (SWY_WIRE (gen->focus));
  else
    label = g_strdup (swy_node_get_id (SWY_NODE (gen->focus)));

  if (scope == SWY_CODEGEN_SCOPE_NODE)
    return g_strdup_printf ("This program is about the node \"%s\" (%s). It keeps every node "
                            "upstream of it, so that the node gets the same events as in the "
                            "whole graph, and the nodes it feeds directly.%s Look for \"You "
                            "picked\".",
                            label, swy_node_get_type_name (SWY_NODE (gen->focus)),
                            printer ? printer : "");

  if (scope == SWY_CODEGEN_SCOPE_WIRE)
    return g_strdup_printf ("This program is about the wire %s. It keeps every node upstream "
                            "of the wire, so that the wire carries the same events as in the "
                            "whole graph, and its target.%s Look for \"You picked\".",
                            label, printer ? printer : "");

  return g_strdup_printf ("The %s %s is marked: look for \"You picked\".",
                          SWY_IS_WIRE (gen->focus) ? "wire" : "node", label);
}

/* The graph, as code. */

#define DASHES "----------------------------------------------------------------------"

/* A section title, as the templates have them. */
static void
append_banner (Gen        *gen,
               const char *title)
{
  if (gen->lang == SWY_CODEGEN_LANGUAGE_C)
    g_string_append_printf (gen->out, "/* %s */\n/* %-70s */\n/* %s */\n\n",
                            DASHES, title, DASHES);
  else
    g_string_append_printf (gen->out, "# %s-----\n# %s\n# %s-----\n\n", DASHES, title, DASHES);
}


static char *
argument (Gen        *gen,
          SwyNode    *node,
          const char *name)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (node), name);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean c = gen->lang == SWY_CODEGEN_LANGUAGE_C;
  GString *out = g_string_new (NULL);

  g_assert (pspec != NULL);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (node), name, &value);

  /* Python passes keywords: interval_ms=500. */
  if (!c)
    {
      g_autofree char *keyword = g_strdelimit (g_strdup (name), "-", '_');

      g_string_append_printf (out, "%s=", g_str_equal (name, "overflow") ? "drop_oldest" : keyword);
    }

  switch (G_TYPE_FUNDAMENTAL (pspec->value_type))
    {
    case G_TYPE_UINT:
      g_string_append_printf (out, "%u", g_value_get_uint (&value));
      break;

    case G_TYPE_DOUBLE:
      append_double (out, g_value_get_double (&value));
      break;

    case G_TYPE_STRING:
      if (c)
        append_c_string (out, g_value_get_string (&value) ? g_value_get_string (&value) : "");
      else
        append_python_string (out, g_value_get_string (&value) ? g_value_get_string (&value) : "");
      break;

    case G_TYPE_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (pspec->value_type);
        GEnumValue *nick = g_enum_get_value (enum_class, g_value_get_enum (&value));

        /* The queue's overflow policy becomes a drop_oldest flag. */
        if (g_str_equal (name, "overflow"))
          {
            gboolean oldest = g_str_equal (nick->value_nick, "drop-oldest");

            g_string_append (out, c ? (oldest ? "TRUE" : "FALSE") : (oldest ? "True" : "False"));
          }
        else if (c)
          {
            g_autofree char *upper = g_ascii_strup (nick->value_nick, -1);

            g_string_append_printf (out, "FILTER_%s", upper);
          }
        else
          {
            append_python_string (out, nick->value_nick);
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return g_string_free (out, FALSE);
}

/* Writes @indent @head arg, arg, ... @tail, wrapping the arguments under
 * the first one when the line would pass 99 columns. */
static void
append_call (Gen        *gen,
             const char *indent,
             const char *head,
             GPtrArray  *args,
             const char *tail)
{
  gsize start = gen->out->len;
  gsize column = strlen (indent) + strlen (head);
  gsize line_start = start;

  g_string_append (gen->out, indent);
  g_string_append (gen->out, head);
  for (guint i = 0; i < args->len; i++)
    {
      const char *arg = g_ptr_array_index (args, i);
      gboolean last = i + 1 == args->len;
      gsize need = strlen (arg) + (last ? strlen (tail) : 1);

      if (i > 0)
        {
          if (gen->out->len - line_start + 1 + need > 99)
            {
              g_string_append_c (gen->out, '\n');
              line_start = gen->out->len;
              for (gsize k = 0; k < column; k++)
                g_string_append_c (gen->out, ' ');
            }
          else
            {
              g_string_append_c (gen->out, ' ');
            }
        }
      g_string_append (gen->out, arg);
      if (!last)
        g_string_append_c (gen->out, ',');
    }
  g_string_append (gen->out, tail);
  g_string_append_c (gen->out, '\n');
}

static void
append_node (Gen     *gen,
             SwyNode *node)
{
  const Kind *kind = lookup_kind (swy_node_get_type_name (node));
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *head = NULL;
  gboolean c = gen->lang == SWY_CODEGEN_LANGUAGE_C;

  if (gen->focus == G_OBJECT (node))
    g_string_append (gen->out, c ? "  /* You picked this node. */\n"
                                 : "    # You picked this node.\n");

  if (c)
    head = g_strdup_printf ("add_node (demo_%s_node_new (", kind->type);
  else
    head = g_strdup_printf ("add_node(%c%sNode(", g_ascii_toupper (kind->type[0]), kind->type + 1);

  g_ptr_array_add (args, string_literal (gen, swy_node_get_id (node)));
  for (guint i = 0; i < MAX_ARGS && kind->args[i] != NULL; i++)
    g_ptr_array_add (args, argument (gen, node, kind->args[i]));

  append_call (gen, c ? "  " : "    ", head, args, c ? "));" : "))");
}

static gboolean
wire_has_options (SwyWire *wire)
{
  gboolean queued = swy_wire_get_mode (wire) == SWY_WIRE_MODE_QUEUED;

  return swy_wire_get_blocked (wire) || swy_wire_get_loss (wire) > 0 ||
         (queued && (swy_wire_get_latency_ms (wire) > 0 ||
                     swy_wire_get_priority (wire) != SWY_PRIORITY_DEFAULT ||
                     swy_wire_get_jitter_ms (wire) > 0));
}

static void
append_wire (Gen     *gen,
             SwyWire *wire)
{
  static const char * const priorities[] = { "HIGH", "DEFAULT", "DEFAULT_IDLE" };
  gboolean c = gen->lang == SWY_CODEGEN_LANGUAGE_C;
  gboolean queued = swy_wire_get_mode (wire) == SWY_WIRE_MODE_QUEUED;
  const char *indent = c ? "  " : "    ";
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *head = NULL;
  SwyPort *from = swy_wire_get_from (wire);
  SwyPort *to = swy_wire_get_to (wire);

  if (gen->focus == G_OBJECT (wire))
    g_string_append_printf (gen->out, "%s%s You picked this wire.%s\n", indent,
                            c ? "/*" : "#", c ? " */" : "");

  head = g_strconcat (wire_has_options (wire) ? "wire = " : "",
                      c ? "connect_wire (" : "connect_wire(", NULL);
  g_ptr_array_add (args, string_literal (gen, swy_node_get_id (swy_port_get_node (from))));
  g_ptr_array_add (args, string_literal (gen, swy_node_get_id (swy_port_get_node (to))));
  g_ptr_array_add (args, g_strdup (queued ? (c ? "WIRE_QUEUED" : "QUEUED")
                                          : (c ? "WIRE_SYNC" : "SYNC")));
  g_ptr_array_add (args, string_literal (gen, swy_wire_get_subscription (wire)));
  append_call (gen, indent, head, args, c ? ");" : ")");

  if (queued && swy_wire_get_latency_ms (wire) > 0)
    g_string_append_printf (gen->out, c ? "  wire->latency_us = MS (%u);\n"
                                        : "    wire.latency_us = ms(%u)\n",
                            swy_wire_get_latency_ms (wire));
  if (queued && swy_wire_get_priority (wire) != SWY_PRIORITY_DEFAULT)
    g_string_append_printf (gen->out, c ? "  wire->priority = G_PRIORITY_%s;\n"
                                        : "    wire.priority = GLib.PRIORITY_%s\n",
                            priorities[swy_wire_get_priority (wire)]);
  if (swy_wire_get_loss (wire) > 0)
    {
      g_string_append (gen->out, c ? "  wire->loss = " : "    wire.loss = ");
      append_double (gen->out, swy_wire_get_loss (wire));
      g_string_append (gen->out, c ? ";\n" : "\n");
    }
  if (queued && swy_wire_get_jitter_ms (wire) > 0)
    g_string_append_printf (gen->out, c ? "  wire->jitter_us = MS (%u);\n"
                                        : "    wire.jitter_us = ms(%u)\n",
                            swy_wire_get_jitter_ms (wire));
  if (swy_wire_get_blocked (wire))
    g_string_append (gen->out, c ? "  block_wire (wire);\n" : "    block_wire(wire)\n");
}

static void
append_graph (Gen *gen)
{
  GListModel *nodes = swy_graph_get_nodes (gen->graph);
  GListModel *wires = swy_graph_get_wires (gen->graph);
  g_autofree char *title = comment_text (swy_graph_get_title (gen->graph));
  g_autofree char *about = NULL;
  gboolean c = gen->lang == SWY_CODEGEN_LANGUAGE_C;
  gboolean any_options = FALSE;
  guint n_nodes = g_list_model_get_n_items (nodes);
  guint n_wires = g_list_model_get_n_items (wires);

  for (guint i = 0; i < n_wires; i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);

      any_options |= wire_has_options (wire);
    }

  about = g_strdup_printf ("The nodes and wires of \"%s\", in file order: change them and "
                           "run again.%s", title, c ? " */" : "\"\"\"");
  if (c)
    {
      append_banner (gen, "The graph");
      append_wrapped (gen, "/* ", " * ", about);
      g_string_append_printf (gen->out, "static void\nbuild_graph (void)\n{\n%s",
                              any_options ? "  Wire *wire;\n\n" : "");
    }
  else
    {
      append_banner (gen, "The graph");
      g_string_append (gen->out, "def build_graph():\n");
      append_wrapped (gen, "    \"\"\"", "    ", about);
    }

  for (guint i = 0; i < n_nodes; i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (nodes, i);

      append_node (gen, node);
    }

  if (n_nodes > 0 && n_wires > 0)
    g_string_append_c (gen->out, '\n');

  for (guint i = 0; i < n_wires; i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);

      append_wire (gen, wire);
    }

  g_string_append (gen->out, c ? "}\n\n" : "\n\n");
}

static void
append_kinds (Gen *gen)
{
  SwyNode *focus_node = gen->focus && SWY_IS_NODE (gen->focus) ? SWY_NODE (gen->focus) : NULL;
  gboolean c = gen->lang == SWY_CODEGEN_LANGUAGE_C;

  append_banner (gen, "The kinds of node in this graph");

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *name = NULL;

      if (!gen->features.used[i])
        continue;

      if (focus_node != NULL && is_type (focus_node, kinds[i].type))
        {
          g_autofree char *id = comment_text (swy_node_get_id (focus_node));

          g_string_append_printf (gen->out, c ? "/* You picked \"%s\", a node of this kind. */\n"
                                              : "# You picked \"%s\", a node of this kind.\n",
                                  id);
        }

      name = g_strconcat ("kinds/", kinds[i].type, NULL);
      append_template (gen, name);
    }
}

static void
append_wire_runtime (Gen *gen)
{
  gboolean c = gen->lang == SWY_CODEGEN_LANGUAGE_C;

  if (gen->focus != NULL && SWY_IS_WIRE (gen->focus))
    {
      SwyWire *wire = SWY_WIRE (gen->focus);
      g_autofree char *label = wire_label (wire);
      g_autofree char *safe = comment_text (label);
      gboolean queued = swy_wire_get_mode (wire) == SWY_WIRE_MODE_QUEUED;

      g_string_append_printf (gen->out,
                              c ? "/* You picked the wire %s: a %s wire, see %s (). */\n"
                                : "# You picked the wire %s: a %s wire, see %s().\n",
                              safe, queued ? "queued" : "sync",
                              queued ? "queued_wire_cb" : "sync_wire_cb");
    }

  append_template (gen, "wire");
}

#define ABOUT_C \
  "It runs without Switchyard: every node is a GObject with an \"event\" signal, every wire " \
  "a handler connected to that signal, and whatever waits (timers, queued wires, delays, " \
  "services) waits on the GLib main loop."
#define ABOUT_PYTHON \
  "It runs without Switchyard: every node is a GObject.Object with an \"event\" signal in " \
  "__gsignals__, every wire a handler connected to that signal, and whatever waits (timers, " \
  "queued wires, delays, services) waits on the GLib main loop."
#define ABOUT_COUNTS \
  "At the end it prints what each node received, emitted and dropped, and what each wire " \
  "delivered, counted as Switchyard counts them: the numbers of `switchyard-run --stats`."

/* #define NAME VALUE or NAME = VALUE, with a comment. */
static void
append_constant (Gen        *gen,
                 const char *name,
                 guint64     value,
                 const char *comment)
{
  g_autofree char *text = NULL;

  if (gen->lang == SWY_CODEGEN_LANGUAGE_C && g_str_equal (name, "SEED"))
    text = g_strdup_printf ("#define %-11s G_GUINT64_CONSTANT (%" G_GUINT64_FORMAT ")",
                            name, value);
  else if (gen->lang == SWY_CODEGEN_LANGUAGE_C)
    text = g_strdup_printf ("#define %-11s %" G_GUINT64_FORMAT, name, value);
  else
    text = g_strdup_printf ("%s = %" G_GUINT64_FORMAT, name, value);

  if (gen->lang == SWY_CODEGEN_LANGUAGE_C)
    g_string_append_printf (gen->out, "%-28s /* %s */\n", text, comment);
  else
    g_string_append_printf (gen->out, "%-22s # %s\n", text, comment);
}

static void
append_header_c (Gen        *gen,
                 const char *file_name,
                 const char *title,
                 const char *about)
{
  g_autofree char *base = g_strndup (file_name, strrchr (file_name, '.') - file_name);
  g_autofree char *first = g_strdup_printf ("%s: \"%s\" in plain GLib", file_name, title);
  const char *run[] = { "", "in real time", "--time-scale 0.01", "100 times faster",
                        "--time-scale 0", "without waiting", "--help", "the other options" };

  append_wrapped (gen, "/* ", " * ", first);
  g_string_append (gen->out, " *\n");
  append_wrapped (gen, " * ", " * ", "Generated by Switchyard " PACKAGE_VERSION ". " ABOUT_C);
  if (about != NULL)
    {
      g_string_append (gen->out, " *\n");
      append_wrapped (gen, " * ", " * ", about);
    }
  g_string_append_printf (gen->out, " *\n * Build: gcc -o %s %s \\\n"
                          " *          $(pkg-config --cflags --libs gobject-2.0) -lm\n",
                          base, file_name);
  for (guint i = 0; i < G_N_ELEMENTS (run); i += 2)
    g_string_append_printf (gen->out, " * %s   ./%s %-18s %s\n", i == 0 ? "Run:" : "    ",
                            base, run[i], run[i + 1]);
  g_string_append (gen->out, " *\n");
  append_wrapped (gen, " * ", " * ", ABOUT_COUNTS);

  g_string_append_printf (gen->out, " */\n\n#include <locale.h>\n%s#include <string.h>\n\n"
                          "#include <glib-object.h>\n\n",
                          gen->features.math ? "#include <math.h>\n" : "");

  g_string_append (gen->out, "/* The graph's storm guards. */\n");
  append_constant (gen, "MAX_DEPTH", swy_graph_get_max_depth (gen->graph),
                   "sync deliveries nested deeper are dropped");
  append_constant (gen, "MAX_HOPS", swy_graph_get_max_hops (gen->graph),
                   "deliveries in one event's lineage");
  append_constant (gen, "MAX_PENDING", swy_graph_get_max_pending (gen->graph),
                   "items waiting in the scheduler");
  if (gen->features.random)
    append_constant (gen, "SEED", swy_graph_get_seed (gen->graph),
                     "of the random generator: --seed N");
  g_string_append_c (gen->out, '\n');
}

static void
append_header_python (Gen        *gen,
                      const char *file_name,
                      const char *title,
                      const char *about)
{
  g_autofree char *first = g_strdup_printf ("%s: \"%s\" in plain PyGObject.", file_name, title);
  const char *run[] = { "", "in real time", "--time-scale 0.01", "100 times faster",
                        "--time-scale 0", "without waiting", "--help", "the other options" };

  g_string_append (gen->out, "#!/usr/bin/env python3\n");
  append_wrapped (gen, "\"\"\"", "", first);
  g_string_append_c (gen->out, '\n');
  append_wrapped (gen, "", "", "Generated by Switchyard " PACKAGE_VERSION ". " ABOUT_PYTHON);
  if (about != NULL)
    {
      g_string_append_c (gen->out, '\n');
      append_wrapped (gen, "", "", about);
    }
  g_string_append_c (gen->out, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (run); i += 2)
    g_string_append_printf (gen->out, "%s python3 %s %-18s %s\n", i == 0 ? "Run:" : "    ",
                            file_name, run[i], run[i + 1]);
  g_string_append_c (gen->out, '\n');
  append_wrapped (gen, "", "", ABOUT_COUNTS);

  g_string_append_printf (gen->out,
                          "\"\"\"\n\nimport argparse\n%simport heapq\n%simport sys\n\n"
                          "import gi\n"
                          "gi.require_version(\"GLib\", \"2.0\")\n"
                          "gi.require_version(\"GObject\", \"2.0\")\n"
                          "from gi.repository import GLib, GObject  # noqa: E402\n\n",
                          gen->features.collections ? "import collections\n" : "",
                          gen->features.math ? "import math\n" : "");

  g_string_append (gen->out, "# The graph's storm guards.\n");
  append_constant (gen, "MAX_DEPTH", swy_graph_get_max_depth (gen->graph),
                   "sync deliveries nested deeper are dropped");
  append_constant (gen, "MAX_HOPS", swy_graph_get_max_hops (gen->graph),
                   "deliveries in one event's lineage");
  append_constant (gen, "MAX_PENDING", swy_graph_get_max_pending (gen->graph),
                   "items waiting in the scheduler");
  if (gen->features.random)
    append_constant (gen, "SEED", swy_graph_get_seed (gen->graph),
                     "of the random generator: --seed N");
  g_string_append (gen->out, "\nquiet = False  # --quiet\n\n");
}

static void
append_header (Gen             *gen,
               SwyGraph        *original,
               SwyCodegenScope  scope,
               const char      *file_name)
{
  g_autofree char *title = comment_text (swy_graph_get_title (gen->graph));
  g_autofree char *about = describe_scope (gen, original, scope);

  if (gen->lang == SWY_CODEGEN_LANGUAGE_C)
    append_header_c (gen, file_name, title, about);
  else
    append_header_python (gen, file_name, title, about);
}

static gboolean
check_types (SwyGraph  *graph,
             GError   **error)
{
  GListModel *nodes = swy_graph_get_nodes (graph);

  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (nodes, i);

      if (!swy_codegen_supports_type (swy_node_get_type_name (node)))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("There is no code template for “%s” nodes such as “%s”"),
                       swy_node_get_type_name (node), swy_node_get_id (node));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * swy_codegen_generate:
 * @graph: a graph
 * @lang: the language of the program
 * @scope: the whole graph, or the part about one node or wire
 * @focus: (nullable): the node or wire it is about; with
 *   [enum@SwyCodegenScope.GRAPH], an optional node or wire to mark
 *
 * Generates a complete program that does the same wiring as @graph without
 * Switchyard: C with GLib and GObject, or Python with PyGObject. It runs on a
 * virtual clock like the engine (its `--time-scale` makes it faster or
 * slower) and prints, at the end, the counts of every node and wire in the
 * format docs/codegen.md describes: for a graph without randomness, the
 * same numbers as `switchyard-run --stats` (with randomness too, since it
 * draws from the same generator in the same order). For a node or wire, the
 * program shows the graph of swy_codegen_dup_scope_graph().
 *
 * Returns: (transfer full): the source text, or `NULL` with @error set
 */
char *
swy_codegen_generate (SwyGraph            *graph,
                      SwyCodegenLanguage   lang,
                      SwyCodegenScope      scope,
                      GObject             *focus,
                      GError             **error)
{
  g_autoptr(SwyGraph) scope_graph = NULL;
  g_autofree char *file_name = NULL;
  g_autoptr(GString) out = NULL;
  Gen gen = { 0 };

  g_return_val_if_fail (SWY_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (lang == SWY_CODEGEN_LANGUAGE_C || lang == SWY_CODEGEN_LANGUAGE_PYTHON,
                        NULL);
  g_return_val_if_fail (focus == NULL || G_IS_OBJECT (focus), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_types (graph, error))
    return NULL;

  scope_graph = swy_codegen_dup_scope_graph (graph, scope, focus, error);
  if (scope_graph == NULL)
    return NULL;

  out = g_string_new (NULL);
  gen.graph = scope_graph;
  gen.lang = lang;
  gen.focus = _swy_codegen_find_focus (graph, scope_graph, focus);
  gen.out = out;
  detect_features (&gen);

  file_name = swy_codegen_dup_file_name (graph, lang, scope, focus);
  append_header (&gen, graph, scope, file_name);
  append_template (&gen, "time");
  append_template (&gen, "event");
  if (gen.features.random)
    append_template (&gen, "random");
  append_template (&gen, "topic");
  append_template (&gen, "node");
  append_wire_runtime (&gen);
  append_kinds (&gen);
  append_graph (&gen);
  append_template (&gen, "main");

  return tidy (out, lang == SWY_CODEGEN_LANGUAGE_C ? 1 : 2);
}
