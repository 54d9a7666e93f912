/* swy-app-test-util.h: helpers shared by the window tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <swy.h>

G_BEGIN_DECLS

/* Makes node @id of @type in @graph; the test fails if it cannot. */
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

/* Wires @from to @to ("node:port"), queued with @latency_ms when it is not 0. */
static inline SwyWire *
connect_nodes (SwyGraph   *graph,
               const char *from,
               const char *to,
               guint       latency_ms)
{
  g_autoptr(GError) error = NULL;
  SwyWire *wire = swy_graph_connect (graph, from, to, &error);

  g_assert_no_error (error);
  g_assert_nonnull (wire);
  if (latency_ms > 0)
    {
      swy_wire_set_mode (wire, SWY_WIRE_MODE_QUEUED);
      swy_wire_set_latency_ms (wire, latency_ms);
    }

  return wire;
}

/* The graph's whole trace as JSON lines, as the export writes it. */
static inline char *
trace_jsonl_text (SwyGraph *graph)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  SwyTrace *trace = swy_graph_get_trace (graph);
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (out);

  swy_trace_flush (trace);
  g_assert_true (swy_trace_write_jsonl (trace, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));

  if (g_memory_output_stream_get_data_size (memory) == 0)
    return g_strdup ("");

  return g_strndup (g_memory_output_stream_get_data (memory),
                    g_memory_output_stream_get_data_size (memory));
}

static inline void
activate (gpointer    window,
          const char *name,
          GVariant   *parameter)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), name, parameter);
}

G_END_DECLS
