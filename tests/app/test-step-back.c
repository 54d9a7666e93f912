/* test-step-back.c: Step Back returns to the previous dispatch, byte for byte
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "swy-app-test-util.h"
#include "swy-window-private.h"

static const char graph_text[] =
  "{ \"format\": \"switchyard\", \"version\": 1, \"seed\": 7,"
  "  \"nodes\": ["
  "    { \"id\": \"tick\", \"type\": \"timer\", \"properties\": { \"interval-ms\": 100, \"count\": 4 } },"
  "    { \"id\": \"press\", \"type\": \"button\" },"
  "    { \"id\": \"noise\", \"type\": \"poisson\", \"properties\": { \"count\": 4 } },"
  "    { \"id\": \"gate\", \"type\": \"filter\" },"
  "    { \"id\": \"q\", \"type\": \"queue\", \"properties\": { \"capacity\": 2 } },"
  "    { \"id\": \"w\", \"type\": \"worker\", \"properties\": { \"service-ms\": 150 } },"
  "    { \"id\": \"seen\", \"type\": \"log\" } ],"
  "  \"wires\": ["
  "    { \"from\": \"tick:out\", \"to\": \"gate:in\" },"
  "    { \"from\": \"press:out\", \"to\": \"gate:in\" },"
  "    { \"from\": \"noise:out\", \"to\": \"q:in\", \"mode\": \"queued\", \"latency-ms\": 20, \"jitter-ms\": 30 },"
  "    { \"from\": \"gate:out\", \"to\": \"q:in\" },"
  "    { \"from\": \"q:out\", \"to\": \"w:in\" },"
  "    { \"from\": \"w:out\", \"to\": \"seen:in\" } ] }";

static void
test_step_back (void)
{
  g_autoptr(SwyApplication) app = swy_application_new ("io.github.switchyard.StepBackTest",
                                                       G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) snapshots = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *after_click = NULL;
  SwyWindow *window;
  SwyGraph *graph;
  guint64 performed;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = swy_window_new (app);
  g_assert_true (swy_document_load_data (swy_window_get_document (window), graph_text, &error));
  g_assert_no_error (error);
  graph = swy_document_get_graph (swy_window_get_document (window));

  /* Step one engine step at a time (a press reveals one record; the press
   * that finds none left performs the next item), with a click in the
   * middle, and remember the trace after each engine step. */
  g_ptr_array_add (snapshots, trace_jsonl_text (graph));
  for (guint i = 0; i < 12; i++)
    {
      guint64 before = swy_graph_get_n_performed (graph);

      if (i == 5)
        {
          activate (window, "fire-node", g_variant_new_string ("press"));
          after_click = trace_jsonl_text (graph);
        }
      do
        activate (window, "step", NULL);
      while (swy_graph_get_n_performed (graph) == before);
      g_assert_cmpuint (swy_graph_get_n_performed (graph), ==, before + 1);
      g_assert_cmpstr (_swy_window_get_call_stack_text (window), !=, "");
      g_ptr_array_add (snapshots, trace_jsonl_text (graph));
    }

  performed = swy_graph_get_n_performed (graph);
  g_assert_cmpuint (performed, ==, 12);

  /* Going back one engine step at a time reproduces each earlier trace exactly. */
  while (swy_graph_get_n_performed (graph) > 0)
    {
      guint64 at = swy_graph_get_n_performed (graph);
      g_autofree char *text = NULL;

      do
        activate (window, "step-back", NULL);
      while (swy_graph_get_n_performed (graph) == at);
      g_assert_cmpuint (swy_graph_get_n_performed (graph), ==, at - 1);

      /* The state after five steps includes the click made before the sixth. */
      text = trace_jsonl_text (graph);
      g_assert_cmpstr (text, ==, at - 1 == 5 ? after_click : g_ptr_array_index (snapshots, at - 1));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/Swy/Window/step-back", test_step_back);

  return g_test_run ();
}
