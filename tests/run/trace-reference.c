/* trace-reference.c: a run's trace kept whole, for test-run.py
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: trace-reference GRAPH.swy jsonl|csv|chrome UNTIL_MS|- OUT
 *
 * Runs GRAPH as switchyard-run does (to UNTIL_MS, or until nothing is
 * pending, at most one hour; a run that ends by itself is reset and run
 * again to leave the clock at its last item), with a ring that never wraps,
 * then writes the whole trace to OUT with the library's public writers and
 * prints the number of records. switchyard-run streams its trace instead:
 * the test checks that both write the same bytes.
 */

#include "config.h"

#include <swy.h>

#define LIMIT_US (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(SwyGraph) graph = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  const char *format;
  SwyTrace *trace;
  gint64 until_us = -1;
  gboolean written;

  if (argc != 5)
    {
      g_printerr ("Usage: %s GRAPH.swy jsonl|csv|chrome UNTIL_MS|- OUT\n", argv[0]);
      return 2;
    }
  format = argv[2];
  if (g_strcmp0 (argv[3], "-") != 0)
    until_us = g_ascii_strtoll (argv[3], NULL, 10) * 1000;

  file = g_file_new_for_commandline_arg (argv[1]);
  graph = swy_graph_new_from_file (file, NULL, &error);
  if (graph == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 1;
    }

  trace = swy_graph_get_trace (graph);
  swy_trace_set_capacity (trace, G_MAXINT32);
  swy_graph_run_fast (graph, until_us >= 0 ? until_us : LIMIT_US);
  if (until_us < 0 && swy_graph_get_n_pending (graph) == 0)
    {
      swy_graph_reset (graph);
      swy_graph_run_fast (graph, -1);
    }
  g_assert (g_list_model_get_n_items (G_LIST_MODEL (trace)) == swy_trace_get_n_total (trace));

  out = g_file_new_for_commandline_arg (argv[4]);
  stream = g_file_replace (out, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  if (stream == NULL)
    {
      g_printerr ("%s: %s\n", argv[4], error->message);
      return 1;
    }

  if (g_strcmp0 (format, "csv") == 0)
    written = swy_trace_write_csv (trace, G_OUTPUT_STREAM (stream), NULL, &error);
  else if (g_strcmp0 (format, "chrome") == 0)
    written = swy_trace_write_chrome (trace, G_OUTPUT_STREAM (stream), NULL, &error);
  else
    written = swy_trace_write_jsonl (trace, G_OUTPUT_STREAM (stream), NULL, &error);

  if (!written || !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error))
    {
      g_printerr ("%s: %s\n", argv[4], error->message);
      return 1;
    }

  g_print ("%" G_GUINT64_FORMAT "\n", swy_trace_get_n_total (trace));

  return 0;
}
