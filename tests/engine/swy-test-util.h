/* swy-test-util.h: helpers shared by the engine tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <swy.h>

G_BEGIN_DECLS

/* Loads a graph file, or fails the test. */
static inline SwyGraph *
load_graph_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SwyGraph *graph = swy_graph_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (graph);

  return graph;
}

/* Creates a node of a catalog type, or fails the test. */
static inline SwyNode *
add_node (SwyGraph   *graph,
          const char *type,
          const char *id)
{
  g_autoptr(GError) error = NULL;
  SwyNode *node = swy_graph_create_node (graph, type, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);

  return node;
}

static inline SwyWire *
add_wire (SwyGraph   *graph,
          const char *from,
          const char *to)
{
  g_autoptr(GError) error = NULL;
  SwyWire *wire = swy_graph_connect (graph, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (wire);

  return wire;
}

static inline SwyWire *
add_queued_wire (SwyGraph   *graph,
                 const char *from,
                 const char *to,
                 guint       latency_ms)
{
  SwyWire *wire = add_wire (graph, from, to);

  swy_wire_set_mode (wire, SWY_WIRE_MODE_QUEUED);
  swy_wire_set_latency_ms (wire, latency_ms);

  return wire;
}

/* Formats the records of @kind on @node as "t_us:event" separated by
 * spaces, for compact exact comparisons. A NULL @node matches all. */
static inline char *
trace_summary (SwyGraph     *graph,
               SwyTraceKind  kind,
               const char   *node)
{
  SwyTrace *trace = swy_graph_get_trace (graph);
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (trace));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyTraceRecord) record = swy_trace_get_record (trace, i);

      if (swy_trace_record_get_kind (record) != kind)
        continue;
      if (node != NULL && g_strcmp0 (swy_trace_record_get_node_id (record), node) != 0)
        continue;

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%" G_GINT64_FORMAT ":%" G_GUINT64_FORMAT,
                              swy_trace_record_get_time (record),
                              swy_trace_record_get_event_id (record));
    }

  return g_string_free (out, FALSE);
}

/* Emission times on @node in milliseconds, space separated. */
static inline char *
emit_times_ms (SwyGraph   *graph,
               const char *node)
{
  SwyTrace *trace = swy_graph_get_trace (graph);
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (trace));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyTraceRecord) record = swy_trace_get_record (trace, i);

      if (swy_trace_record_get_kind (record) != SWY_TRACE_KIND_EMIT ||
          g_strcmp0 (swy_trace_record_get_node_id (record), node) != 0)
        continue;

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%" G_GINT64_FORMAT, swy_trace_record_get_time (record) / 1000);
    }

  return g_string_free (out, FALSE);
}

/* The whole trace as JSON lines. */
static inline char *
trace_jsonl (SwyGraph *graph)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  swy_trace_write_jsonl (swy_graph_get_trace (graph), stream, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (stream, "", 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

G_END_DECLS
