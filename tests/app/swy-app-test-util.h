/* swy-app-test-util.h: helpers shared by the window tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <swy.h>

/* add_node(), add_wire(), add_queued_wire(), trace_jsonl() */
#include "../engine/swy-test-util.h"

G_BEGIN_DECLS

/* Wires @from to @to ("node:port"), queued with @latency_ms when it is not 0. */
static inline SwyWire *
connect_nodes (SwyGraph   *graph,
               const char *from,
               const char *to,
               guint       latency_ms)
{
  return latency_ms > 0 ? add_queued_wire (graph, from, to, latency_ms) : add_wire (graph, from, to);
}

/* The graph's whole trace as JSON lines, as the export writes it, with
 * the records of a batch still being played. */
static inline char *
trace_jsonl_text (SwyGraph *graph)
{
  swy_trace_flush (swy_graph_get_trace (graph));

  return trace_jsonl (graph);
}

static inline void
activate (gpointer    window,
          const char *name,
          GVariant   *parameter)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), name, parameter);
}

G_END_DECLS
