/* swy-graph-io.c: reading and writing graph files (.swy)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "swy-graph-io-private.h"
#include "swy-node.h"
#include "swy-wire.h"

/* The reader is swy-graph-load.c, the writer swy-graph-save.c, the JSON
 * text layer swy-json.c; this file holds the public entry points. */

/**
 * swy_graph_error_quark:
 *
 * Gets the error domain of graph files, [error@GraphError].
 *
 * Returns: the domain
 */
G_DEFINE_QUARK (swy-graph-error-quark, swy_graph_error)

/* Top-level members in the order they are written; anything else is kept
 * in the graph's extra object and written after them. */
const char * const _swy_graph_reserved_members[] = {
  "format", "version", "title", "seed", "settings", "nodes", "wires", NULL
};

/* The members of "settings": properties of SwyGraph. */
const char * const _swy_graph_setting_names[] = {
  "max-depth", "max-hops", "max-pending", NULL
};

/* The file maps JSON values onto GParamSpecs; these are the value types
 * it knows. */
static gboolean
is_supported_type (GType type)
{
  switch (G_TYPE_FUNDAMENTAL (type))
    {
    case G_TYPE_INT:
    case G_TYPE_UINT:
    case G_TYPE_LONG:
    case G_TYPE_ULONG:
    case G_TYPE_INT64:
    case G_TYPE_UINT64:
    case G_TYPE_FLOAT:
    case G_TYPE_DOUBLE:
    case G_TYPE_BOOLEAN:
    case G_TYPE_STRING:
    case G_TYPE_ENUM:
      return TRUE;

    default:
      return FALSE;
    }
}

/* A property the file holds: readable, writable after construction, of a
 * supported type, and declared by @root or a subclass but not by @exclude
 * (the base node class, whose id and position are written on their own). */
static gboolean
is_file_property (GParamSpec *pspec,
                  GType       root,
                  GType       exclude)
{
  return (pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE &&
         (pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0 &&
         (pspec->flags & G_PARAM_DEPRECATED) == 0 &&
         g_type_is_a (pspec->owner_type, root) &&
         pspec->owner_type != exclude &&
         is_supported_type (G_PARAM_SPEC_VALUE_TYPE (pspec));
}

/* Returns the file properties of @type in installation order. */
static GPtrArray *
list_file_properties (GType type,
                      GType root,
                      GType exclude)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree GParamSpec **pspecs = NULL;
  GPtrArray *result = g_ptr_array_new ();
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n);
  for (guint i = 0; i < n; i++)
    if (is_file_property (pspecs[i], root, exclude))
      g_ptr_array_add (result, pspecs[i]);

  return result;
}

GPtrArray *
_swy_node_file_properties (GType type)
{
  return list_file_properties (type, SWY_TYPE_NODE, SWY_TYPE_NODE);
}

GPtrArray *
_swy_wire_file_properties (void)
{
  return list_file_properties (SWY_TYPE_WIRE, SWY_TYPE_WIRE, G_TYPE_INVALID);
}

static void
ensure_textdomain (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_once_init_leave (&initialized, 1);
    }
}

/**
 * swy_graph_new_from_data:
 * @data: the text of a graph file
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @error: return location for an error
 *
 * Creates a graph from the text of a `.swy` file (JSON, UTF-8; the format
 * is described in `docs/file-format.md`).
 *
 * The whole file is checked while a new graph is built; the graph is
 * returned only when everything is valid, so a failed load changes
 * nothing the caller already has. The error, in the [error@GraphError]
 * domain, names the place: a line and column for JSON syntax, a node (its
 * index, id and line), a wire (its index and line) or a top-level member.
 *
 * Node properties are JSON values mapped onto the node type's properties:
 * integers (a fraction is refused), numbers, `true`/`false`, strings, and
 * enumerations by nickname (such as `"drop-oldest"`), each checked against
 * the property's range. Top-level members the engine does not interpret,
 * such as `lesson`, are kept in [property@Graph:extra].
 *
 * Returns: (transfer full) (nullable): the graph, or `NULL` with @error set
 */
SwyGraph *
swy_graph_new_from_data (const char  *data,
                         gssize       length,
                         GError     **error)
{
  SwyJsonPositions positions = { NULL, NULL };
  g_autoptr(JsonNode) root = NULL;
  SwyGraph *graph;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ensure_textdomain ();

  if (length < 0)
    length = strlen (data);

  root = _swy_json_parse (data != NULL ? data : "", length, &positions, error);
  graph = root != NULL ? _swy_graph_load (root, &positions, error) : NULL;
  _swy_json_positions_clear (&positions);

  return graph;
}

/**
 * swy_graph_new_from_file:
 * @file: a `.swy` file
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Creates a graph from a `.swy` file, as [ctor@Graph.new_from_data] does.
 * Errors reading the file are in the `G_IO_ERROR` domain and name the file;
 * errors in its content are in the [error@GraphError] domain and name the
 * place in the file.
 *
 * Returns: (transfer full) (nullable): the graph, or `NULL` with @error set
 */
SwyGraph *
swy_graph_new_from_file (GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  return swy_graph_new_from_data (contents, length, error);
}

/**
 * swy_graph_save_to_data:
 * @self: a graph
 * @length: (out) (optional): return location for the length in bytes
 *
 * Writes the graph as the text of a `.swy` file.
 *
 * The text is stable, so that a saved graph diffs and merges cleanly:
 * JSON with two-space indents, ending with a newline; top-level members in
 * the order `format`, `version`, `title`, `seed`, `settings`, `nodes`,
 * `wires`, then the members of [property@Graph:extra] (such as `lesson`)
 * in their order; nodes and wires in creation order. A node is written as
 * `id`, `type`, `x`, `y` and `properties`, which holds only the properties
 * that differ from their default, in the order the node type declares
 * them; a wire as `from`, `to` and only the options that differ from their
 * default. `title` is left out when unset and `settings` when every setting
 * has its default. Numbers that hold an integer are written as integers;
 * a seed above 2^63 - 1 is written as a decimal string. A node whose type
 * is not in the catalog (a subclass made by a program) is written with its
 * GType name as `type`, which loading reports as an unknown type.
 *
 * Loading the text with [ctor@Graph.new_from_data] gives back an equal
 * graph, which saves to the same text.
 *
 * Returns: (transfer full): the text, UTF-8
 */
char *
swy_graph_save_to_data (SwyGraph *self,
                        gsize    *length)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (SWY_IS_GRAPH (self), NULL);

  root = _swy_graph_to_json (self);

  return _swy_json_write_pretty (root, length);
}

static gboolean
write_local_file (const char    *path,
                  const char    *data,
                  gsize          length,
                  GError       **error)
{
  g_autofree char *target = realpath (path, NULL);
  g_autoptr(GError) local_error = NULL;
  struct stat st;
  int mode = 0666;

  /* Replace the file a symbolic link points to, not the link. */
  if (target == NULL)
    target = g_strdup (path);
  if (g_stat (target, &st) == 0)
    mode = st.st_mode & 07777;

  if (!g_file_set_contents_full (target, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 mode, &local_error))
    {
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
                           local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * swy_graph_save_to_file:
 * @self: a graph
 * @file: the file to write
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes the graph to @file as [method@Graph.save_to_data] formats it.
 *
 * Saving is atomic: the text goes to a temporary file in the same folder,
 * which is flushed to disk and then renamed over @file, so @file holds
 * either its old content or the new one, never half of it. A symbolic
 * link is followed and the file it points to replaced; an existing file
 * keeps its permissions. Files without a local path are written with
 * `g_file_replace_contents()`.
 *
 * Returns: whether the file was written; on failure @error, in the
 *   `G_IO_ERROR` domain, says why
 */
gboolean
swy_graph_save_to_file (SwyGraph      *self,
                        GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  gsize length;

  g_return_val_if_fail (SWY_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = swy_graph_save_to_data (self, &length);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path != NULL)
    return write_local_file (path, data, length, error);

  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, cancellable, error);
}

/**
 * swy_graph_format_stats:
 * @self: a graph
 * @length: (out) (optional): return location for the length in bytes
 *
 * Formats the statistics of [method@Graph.dup_stats] as JSON text, laid
 * out as graph files are (two-space indents, one member per line, a final
 * newline). This is what `switchyard-run --stats` writes.
 *
 * Returns: (transfer full): the text
 */
char *
swy_graph_format_stats (SwyGraph *self,
                        gsize    *length)
{
  g_autoptr(JsonNode) stats = NULL;

  g_return_val_if_fail (SWY_IS_GRAPH (self), NULL);

  stats = swy_graph_dup_stats (self);

  return _swy_json_write_pretty (stats, length);
}
