/* test-stats.c: statistics figures, rates, sampled history and the view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <swy.h>

#include "swy-stats-model.h"
#include "swy-stats-view.h"
#include "swy-app-test-util.h"
#include "swy-window-test-util.h"

#define MS 1000

/* orders (every 50 ms, 40 of them) → q (5 places) → w (120 ms each) → done:
 * the queue fills, overflows and drains. */
static SwyGraph *
backlog_graph (void)
{
  SwyGraph *graph = swy_graph_new ();

  add_node (graph, "timer", "orders");
  add_node (graph, "queue", "q");
  add_node (graph, "worker", "w");
  add_node (graph, "counter", "done");
  g_object_set (swy_graph_lookup_node (graph, "orders"), "interval-ms", 50, "count", 40, NULL);
  g_object_set (swy_graph_lookup_node (graph, "q"), "capacity", 5, NULL);
  g_object_set (swy_graph_lookup_node (graph, "w"), "service-ms", 120, NULL);
  connect_nodes (graph, "orders:out", "q:in", 0);
  connect_nodes (graph, "q:out", "w:in", 10);
  connect_nodes (graph, "w:out", "done:in", 0);

  return graph;
}

static SwyStatsRow *
row_for (SwyStatsModel *model,
         gpointer       object)
{
  SwyStatsRow *row = swy_stats_model_lookup_row (model, object);

  g_assert_nonnull (row);
  return row;
}

static void
test_stats_counters (void)
{
  g_autoptr(SwyGraph) graph = backlog_graph ();
  g_autoptr(SwyStatsModel) model = swy_stats_model_new ();
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) busy = g_array_new (FALSE, FALSE, sizeof (double));
  SwyNode *orders = swy_graph_lookup_node (graph, "orders");
  SwyNode *q = swy_graph_lookup_node (graph, "q");
  SwyNode *w = swy_graph_lookup_node (graph, "w");
  g_autoptr(SwyWire) q_w = g_list_model_get_item (swy_graph_get_wires (graph), 1);
  GListModel *nodes;
  const double *history;
  guint n;

  swy_stats_model_set_graph (model, graph);
  nodes = swy_stats_model_get_node_rows (model);
  g_assert_cmpuint (g_list_model_get_n_items (nodes), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (swy_stats_model_get_wire_rows (model)), ==, 3);
  {
    g_autoptr(SwyStatsRow) first = g_list_model_get_item (nodes, 0);
    g_autofree char *title = swy_stats_row_dup_title (first);

    g_assert_cmpstr (title, ==, "orders");
  }

  /* Run in steps of the sample grid; remember what the engine said. */
  for (guint k = 1; k <= 30; k++)
    {
      double value;

      swy_graph_run_fast (graph, k * 100 * MS);
      value = swy_queue_node_get_length (SWY_QUEUE_NODE (q));
      g_array_append_val (lengths, value);
      value = swy_worker_node_get_busy (SWY_WORKER_NODE (w)) /
              (double) swy_worker_node_get_concurrency (SWY_WORKER_NODE (w));
      g_array_append_val (busy, value);

      /* Hand computed: 20 emissions a second while the timer runs (to 2 s). */
      if (k == 20)
        g_assert_cmpfloat_with_epsilon (swy_stats_row_get_rate_out (row_for (model, orders)), 20.0, 1e-9);
      if (k == 30)
        g_assert_cmpfloat_with_epsilon (swy_stats_row_get_rate_out (row_for (model, orders)), 0.0, 1e-9);
    }

  /* The figures are the engine's counters. */
  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(SwyStatsRow) row = g_list_model_get_item (nodes, i);
      SwyNode *node = SWY_NODE (swy_stats_row_get_object (row));

      g_assert_cmpuint (swy_stats_row_get_received (row), ==, swy_node_get_received (node));
      g_assert_cmpuint (swy_stats_row_get_emitted (row), ==, swy_node_get_emitted (node));
      g_assert_cmpuint (swy_stats_row_get_dropped (row), ==, swy_node_get_dropped (node));
    }
  g_assert_cmpuint (swy_stats_row_get_delivered (row_for (model, q_w)), ==, swy_wire_get_delivered (q_w));
  g_assert_cmpuint (swy_node_get_dropped (q), >, 0);
  {
    g_autofree char *reasons = swy_stats_row_dup_drop_reasons (row_for (model, q), ";", "=");
    g_autofree char *expected = g_strdup_printf ("overflow=%" G_GUINT64_FORMAT,
                                                 swy_node_get_drop_count (q, "overflow"));

    g_assert_cmpstr (reasons, ==, expected);
  }

  /* The charts: queue length and worker utilisation at each grid point,
   * from 0 (the first observation) to 3 s. */
  history = swy_stats_row_get_history (row_for (model, q), &n);
  g_assert_cmpint (swy_stats_row_get_gauge (row_for (model, q)), ==, SWY_STATS_GAUGE_QUEUE_LENGTH);
  g_assert_cmpuint (n, ==, 31);
  g_assert_cmpint (swy_stats_row_get_history_start (row_for (model, q)), ==, 0);
  for (guint k = 1; k <= 30; k++)
    g_assert_cmpfloat (history[k], ==, g_array_index (lengths, double, k - 1));
  g_assert_cmpfloat (g_array_index (lengths, double, 19), ==, 5.0);

  history = swy_stats_row_get_history (row_for (model, w), &n);
  g_assert_cmpint (swy_stats_row_get_gauge (row_for (model, w)), ==, SWY_STATS_GAUGE_UTILISATION);
  for (guint k = 1; k <= 30; k++)
    g_assert_cmpfloat (history[k], ==, g_array_index (busy, double, k - 1));

  /* Rates count over the last second: the worker delivered what it
   * finished between 2 s and 3 s. */
  {
    SwyTrace *trace = swy_graph_get_trace (graph);
    guint finished = 0;

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (trace)); i++)
      {
        g_autoptr(SwyTraceRecord) record = swy_trace_get_record (trace, i);

        if (swy_trace_record_get_kind (record) == SWY_TRACE_KIND_EMIT &&
            g_str_equal (swy_trace_record_get_node_id (record), "w") &&
            swy_trace_record_get_time (record) > 2000 * MS && swy_trace_record_get_time (record) <= 3000 * MS)
          finished++;
      }
    g_assert_cmpuint (finished, >, 0);
    g_assert_cmpfloat_with_epsilon (swy_stats_row_get_rate_out (row_for (model, w)), finished, 1e-9);
  }
}

static void
test_stats_interpolates (void)
{
  g_autoptr(SwyGraph) graph = backlog_graph ();
  g_autoptr(SwyStatsModel) model = swy_stats_model_new ();
  SwyNode *orders = swy_graph_lookup_node (graph, "orders");
  const double *history;
  guint n;

  swy_stats_model_set_graph (model, graph);

  /* One batch over a second: the grid points between are interpolated,
   * which for a steady timer is exact. */
  swy_graph_run_fast (graph, 1000 * MS);
  history = swy_stats_row_get_history (row_for (model, orders), &n);
  g_assert_cmpint (swy_stats_row_get_gauge (row_for (model, orders)), ==, SWY_STATS_GAUGE_RATE);
  g_assert_cmpuint (n, ==, 11);
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat_with_epsilon (history[i], 20.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (swy_stats_row_get_rate_out (row_for (model, orders)), 20.0, 1e-9);

  /* Half a window: the rate is over the time there is. */
  swy_graph_reset (graph);
  history = swy_stats_row_get_history (row_for (model, orders), &n);
  g_assert_cmpuint (n, ==, 1);
  swy_graph_run_fast (graph, 500 * MS);
  g_assert_cmpfloat_with_epsilon (swy_stats_row_get_rate_out (row_for (model, orders)), 20.0, 1e-9);

  /* The history keeps its length, the newest values. */
  swy_graph_run_fast (graph, 60 * G_USEC_PER_SEC);
  history = swy_stats_row_get_history (row_for (model, orders), &n);
  g_assert_cmpuint (n, ==, swy_stats_model_get_history_length (model));
  g_assert_cmpint (swy_stats_row_get_history_start (row_for (model, orders)), ==,
                   60 * G_USEC_PER_SEC - (n - 1) * 100 * MS);

  /* Nodes added later get a row. */
  add_node (graph, "log", "audit");
  g_assert_cmpuint (g_list_model_get_n_items (swy_stats_model_get_node_rows (model)), ==, 5);
  swy_stats_model_set_graph (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (swy_stats_model_get_node_rows (model)), ==, 0);
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  (*(guint *) user_data)++;

  return G_SOURCE_CONTINUE;
}

/* Waits until the window is shown and has laid out and drawn a few frames. */
static void
settle (GtkWidget *window)
{
  guint frames = 0;
  guint id;

  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);

  id = gtk_widget_add_tick_callback (window, count_frame_cb, &frames, NULL);
  while (frames < 4)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (window, id);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
take_screenshot (GtkWidget  *window,
                 const char *name)
{
  settle (window);
  save_window_png (window, name);
}

static void
test_stats_view (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "competing-consumers.swy", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SwyGraph) graph = swy_graph_new_from_file (file, NULL, &error);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *view = swy_stats_view_new ();
  SwyStatsModel *model = swy_stats_view_get_model (SWY_STATS_VIEW (view));

  g_assert_no_error (error);
  swy_stats_view_set_graph (SWY_STATS_VIEW (view), graph);
  g_assert_true (swy_stats_model_get_graph (model) == graph);
  g_assert_cmpstr (swy_stats_view_get_page (SWY_STATS_VIEW (view)), ==, "nodes");

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("Statistics", NULL));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), view);
  gtk_widget_set_vexpand (view, TRUE);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 330);
  gtk_window_present (GTK_WINDOW (window));

  /* Drive it the way live mode does: a batch per slice of time. */
  for (guint k = 1; k <= 52; k++)
    swy_graph_run_fast (graph, k * 50 * MS);
  take_screenshot (window, "screenshot-statistics.png");

  swy_stats_view_set_page (SWY_STATS_VIEW (view), "wires");
  take_screenshot (window, "screenshot-statistics-wires.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/Swy/Stats/counters", test_stats_counters);
  g_test_add_func ("/Swy/Stats/interpolates", test_stats_interpolates);
  g_test_add_func ("/Swy/Stats/view", test_stats_view);

  return g_test_run ();
}
