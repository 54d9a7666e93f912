/* swy-codegen-scope.c: the part of a graph that a node or wire program shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "swy-codegen"

#include "config.h"

#include <glib/gi18n.h>

#include "swy-codegen-private.h"

static SwyNode *
wire_source (SwyWire *wire)
{
  return swy_port_get_node (swy_wire_get_from (wire));
}

static SwyNode *
wire_target (SwyWire *wire)
{
  return swy_port_get_node (swy_wire_get_to (wire));
}

static gboolean
is_queue (SwyNode *node)
{
  return g_strcmp0 (swy_node_get_type_name (node), "queue") == 0;
}

/* Adds every node from which @node can be reached. */
static void
add_ancestors (GListModel *wires,
               GHashTable *keep,
               SwyNode    *node)
{
  g_autoptr(GPtrArray) todo = g_ptr_array_new ();

  g_ptr_array_add (todo, node);
  while (todo->len > 0)
    {
      SwyNode *current = g_ptr_array_steal_index (todo, todo->len - 1);
      guint n = g_list_model_get_n_items (wires);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);
          SwyNode *source = wire_source (wire);

          if (wire_target (wire) == current && !g_hash_table_contains (keep, source))
            {
              g_hash_table_add (keep, source);
              g_ptr_array_add (todo, source);
            }
        }
    }
}

/* A queue hands its events to ready consumers only: keep all of them, so
 * that the queue behaves as in the whole graph. */
static void
add_queue_consumers (GListModel *wires,
                     GHashTable *keep)
{
  gboolean changed = TRUE;

  while (changed)
    {
      guint n = g_list_model_get_n_items (wires);

      changed = FALSE;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);
          SwyNode *source = wire_source (wire);

          if (is_queue (source) && g_hash_table_contains (keep, source) &&
              !g_hash_table_contains (keep, wire_target (wire)))
            {
              g_hash_table_add (keep, wire_target (wire));
              changed = TRUE;
            }
        }
    }
}

static void
copy_properties (GObject *from,
                 GObject *to)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (from), &n);
  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspec->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
        continue;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (from, pspec->name, &value);
      g_object_set_property (to, pspec->name, &value);
    }
}

/* An id that is in neither graph, so that nobody takes it for a node of
 * the original. */
static char *
unique_id (SwyGraph   *graph,
           SwyGraph   *copy,
           const char *base)
{
  char *id = g_strdup (base);

  for (guint k = 2;
       swy_graph_lookup_node (graph, id) != NULL || swy_graph_lookup_node (copy, id) != NULL;
       k++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, k);
    }

  return id;
}

static gboolean
has_output (SwyNode *node)
{
  return swy_node_get_port (node, "out") != NULL;
}

/* Builds the smaller graph: the kept nodes and the wires between them, in
 * file order, plus a log node after @end if its output would feed nothing. */
static SwyGraph *
copy_kept (SwyGraph    *graph,
           GHashTable  *keep,
           SwyNode     *end,
           const char  *title,
           GError     **error)
{
  g_autoptr(SwyGraph) copy = swy_graph_new ();
  GListModel *nodes = swy_graph_get_nodes (graph);
  GListModel *wires = swy_graph_get_wires (graph);
  gboolean end_feeds = FALSE;

  swy_graph_set_title (copy, title);
  swy_graph_set_seed (copy, swy_graph_get_seed (graph));
  swy_graph_set_max_depth (copy, swy_graph_get_max_depth (graph));
  swy_graph_set_max_hops (copy, swy_graph_get_max_hops (graph));
  swy_graph_set_max_pending (copy, swy_graph_get_max_pending (graph));

  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (nodes, i);
      SwyNode *twin;

      if (!g_hash_table_contains (keep, node))
        continue;

      twin = swy_graph_create_node (copy, swy_node_get_type_name (node), swy_node_get_id (node),
                                    error);
      if (twin == NULL)
        return NULL;
      copy_properties (G_OBJECT (node), G_OBJECT (twin));
    }

  for (guint i = 0; i < g_list_model_get_n_items (wires); i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      SwyWire *twin;

      if (!g_hash_table_contains (keep, wire_source (wire)) ||
          !g_hash_table_contains (keep, wire_target (wire)))
        continue;

      from = swy_port_dup_address (swy_wire_get_from (wire));
      to = swy_port_dup_address (swy_wire_get_to (wire));
      twin = swy_graph_connect (copy, from, to, error);
      if (twin == NULL)
        return NULL;
      copy_properties (G_OBJECT (wire), G_OBJECT (twin));

      if (wire_source (wire) == end)
        end_feeds = TRUE;
    }

  if (end != NULL && has_output (end) && !end_feeds)
    {
      g_autofree char *id = unique_id (graph, copy, "printer");
      g_autofree char *from = g_strdup_printf ("%s:out", swy_node_get_id (end));
      g_autofree char *to = g_strdup_printf ("%s:in", id);

      if (swy_graph_create_node (copy, "log", id, error) == NULL ||
          swy_graph_connect (copy, from, to, error) == NULL)
        return NULL;
    }

  return g_steal_pointer (&copy);
}

static gboolean
check_focus (SwyGraph         *graph,
             SwyCodegenScope   scope,
             GObject          *focus,
             GError          **error)
{
  if (focus == NULL && scope == SWY_CODEGEN_SCOPE_GRAPH)
    return TRUE;

  if (focus != NULL && SWY_IS_NODE (focus) && scope != SWY_CODEGEN_SCOPE_WIRE &&
      swy_node_get_graph (SWY_NODE (focus)) == graph)
    return TRUE;

  if (focus != NULL && SWY_IS_WIRE (focus) && scope != SWY_CODEGEN_SCOPE_NODE &&
      swy_wire_get_graph (SWY_WIRE (focus)) == graph)
    return TRUE;

  if (scope == SWY_CODEGEN_SCOPE_NODE)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("Select a node of the graph to see its code"));
  else if (scope == SWY_CODEGEN_SCOPE_WIRE)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("Select a wire of the graph to see its code"));
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("The selection is not part of the graph"));

  return FALSE;
}

/**
 * swy_codegen_dup_scope_graph:
 * @graph: a graph
 * @scope: the part to show
 * @focus: (nullable): the node or wire it is about
 *
 * Builds the graph that a program for @scope shows. For a node: the node,
 * every node upstream of it (so that it receives what it receives in the
 * whole graph), the nodes it feeds directly, the other consumers of any
 * queue kept, and a `log` node named `printer` when its output feeds
 * nothing. For a wire: the same around the wire's source, with the wire's
 * target in the place of the nodes fed. Wires between kept nodes are kept,
 * with their options; ids, properties, seed and settings are unchanged.
 *
 * Returns: (transfer full): a new graph, or a new reference to @graph for
 *   [enum@SwyCodegenScope.GRAPH], or `NULL` with @error set when @focus does
 *   not fit @scope
 */
SwyGraph *
swy_codegen_dup_scope_graph (SwyGraph         *graph,
                             SwyCodegenScope   scope,
                             GObject          *focus,
                             GError          **error)
{
  g_autoptr(GHashTable) keep = NULL;
  g_autofree char *title = NULL;
  GListModel *wires;
  SwyNode *end;

  g_return_val_if_fail (SWY_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (focus == NULL || G_IS_OBJECT (focus), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_focus (graph, scope, focus, error))
    return NULL;

  if (scope == SWY_CODEGEN_SCOPE_GRAPH)
    return g_object_ref (graph);

  wires = swy_graph_get_wires (graph);
  keep = g_hash_table_new (NULL, NULL);

  if (scope == SWY_CODEGEN_SCOPE_NODE)
    {
      end = SWY_NODE (focus);
      g_hash_table_add (keep, end);
      add_ancestors (wires, keep, end);

      for (guint i = 0; i < g_list_model_get_n_items (wires); i++)
        {
          g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);

          if (wire_source (wire) == end)
            g_hash_table_add (keep, wire_target (wire));
        }

      title = g_strdup_printf ("%s: node %s", swy_graph_get_title (graph), swy_node_get_id (end));
    }
  else
    {
      SwyWire *wire = SWY_WIRE (focus);
      g_autofree char *from = swy_port_dup_address (swy_wire_get_from (wire));
      g_autofree char *to = swy_port_dup_address (swy_wire_get_to (wire));

      end = wire_target (wire);
      g_hash_table_add (keep, wire_source (wire));
      add_ancestors (wires, keep, wire_source (wire));
      g_hash_table_add (keep, end);

      title = g_strdup_printf ("%s: wire %s -> %s", swy_graph_get_title (graph), from, to);
    }

  add_queue_consumers (wires, keep);

  return copy_kept (graph, keep, end, title, error);
}

static gboolean
same_ends (SwyWire *a,
           SwyWire *b)
{
  return g_str_equal (swy_node_get_id (wire_source (a)), swy_node_get_id (wire_source (b))) &&
         g_str_equal (swy_node_get_id (wire_target (a)), swy_node_get_id (wire_target (b)));
}

/* The focus in the graph from swy_codegen_dup_scope_graph(): the node with
 * the same id, or the wire with the same ends (the first, in file order,
 * after as many such wires as come before the original). */
GObject *
_swy_codegen_find_focus (SwyGraph *graph,
                         SwyGraph *scope_graph,
                         GObject  *focus)
{
  GListModel *wires = swy_graph_get_wires (graph);
  GListModel *scope_wires = swy_graph_get_wires (scope_graph);
  SwyWire *wire;
  guint rank = 0;

  if (focus == NULL)
    return NULL;

  if (SWY_IS_NODE (focus))
    return G_OBJECT (swy_graph_lookup_node (scope_graph, swy_node_get_id (SWY_NODE (focus))));

  wire = SWY_WIRE (focus);
  for (guint i = 0; i < (guint) swy_wire_get_index (wire); i++)
    {
      g_autoptr(SwyWire) other = g_list_model_get_item (wires, i);

      if (same_ends (other, wire))
        rank++;
    }

  for (guint i = 0; i < g_list_model_get_n_items (scope_wires); i++)
    {
      g_autoptr(SwyWire) other = g_list_model_get_item (scope_wires, i);

      if (same_ends (other, wire) && rank-- == 0)
        return G_OBJECT (other);
    }

  return NULL;
}
