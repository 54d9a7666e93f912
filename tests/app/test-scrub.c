/* test-scrub.c: the scrubber moves the whole window to any moment of the run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "swy-app-test-util.h"
#include "swy-window-private.h"

static const char graph_text[] =
  "{ \"format\": \"switchyard\", \"version\": 1, \"seed\": 11,"
  "  \"nodes\": ["
  "    { \"id\": \"tick\", \"type\": \"timer\", \"properties\": { \"interval-ms\": 100, \"count\": 30 } },"
  "    { \"id\": \"press\", \"type\": \"button\" },"
  "    { \"id\": \"noise\", \"type\": \"poisson\", \"properties\": { \"rate-hz\": 5, \"count\": 8 } },"
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
  "    { \"from\": \"w:out\", \"to\": \"seen:in\", \"mode\": \"queued\", \"latency-ms\": 40 } ] }";

/* Where the test clicks: at 250 ms, between two ticks, and at 1.2 s. */
#define CLICK_1_US  250000
#define CLICK_2_US 1200000

/* The lines of a JSON lines trace whose time is at most @t_us. */
static char *
lines_until (const char *text,
             gint64      t_us,
             guint      *n_lines)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  *n_lines = 0;
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      gint64 t = g_ascii_strtoll (lines[i] + strlen ("{\"t_us\":"), NULL, 10);

      g_assert_true (g_str_has_prefix (lines[i], "{\"t_us\":"));
      if (t > t_us)
        break;
      g_string_append_printf (out, "%s\n", lines[i]);
      (*n_lines)++;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
stats_text (SwyGraph *graph)
{
  g_autoptr(JsonNode) stats = swy_graph_dup_stats (graph);

  return json_to_string (stats, FALSE);
}

/* The same graph run from scratch in fast mode to @t_us, with the test's
 * clicks made where the test made them in the window. */
static SwyGraph *
fresh_run (gint64 t_us)
{
  g_autoptr(GError) error = NULL;
  SwyGraph *graph = swy_graph_new_from_data (graph_text, -1, &error);
  const gint64 clicks[] = { CLICK_1_US, CLICK_2_US };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (clicks) && clicks[i] <= t_us; i++)
    {
      /* Paused at the click's time: every item due before it, none at it. */
      swy_graph_run_fast_to (graph, clicks[i], G_MAXUINT64);
      g_assert_true (swy_graph_fire_button (graph, "press", &error));
      g_assert_no_error (error);
    }
  swy_graph_run_fast (graph, t_us);

  return graph;
}

static void
seek (SwyWindow *window,
      gint64     t_us)
{
  activate (window, "seek", g_variant_new_int64 (t_us));
}

static SwyWindow *
new_window (SwyApplication *app)
{
  g_autoptr(GError) error = NULL;
  SwyWindow *window = swy_window_new (app);

  g_assert_true (swy_document_load_data (swy_window_get_document (window), graph_text, &error));
  g_assert_no_error (error);

  return window;
}

/* Records a run in the window: to 250 ms, a click, on to 1.2 s, a click,
 * then step to the end. Returns the whole trace. */
static char *
record_run (SwyWindow *window)
{
  SwyGraph *graph = swy_document_get_graph (swy_window_get_document (window));

  /* Going forward, seek runs on from the present up to the recorded end,
   * which is the present: it cannot. Step instead, like a user does. */
  while (swy_graph_get_now (graph) < CLICK_1_US)
    activate (window, "step", NULL);
  /* The step went past 250 ms; go back to it and click there. */
  seek (window, CLICK_1_US);
  g_assert_cmpint (swy_graph_get_now (graph), ==, CLICK_1_US);
  activate (window, "fire-node", g_variant_new_string ("press"));

  while (swy_graph_get_now (graph) < CLICK_2_US)
    activate (window, "step", NULL);
  seek (window, CLICK_2_US);
  activate (window, "fire-node", g_variant_new_string ("press"));

  while (swy_graph_get_n_pending (graph) > 0)
    activate (window, "step", NULL);

  return trace_jsonl_text (graph);
}

static void
check_moment (SwyWindow  *window,
              const char *full,
              gint64      t_us)
{
  SwyGraph *graph = swy_document_get_graph (swy_window_get_document (window));
  SwyLogModel *log = swy_log_view_get_model (_swy_window_get_log_view (window));
  SwyStatsModel *stats = swy_stats_view_get_model (_swy_window_get_stats_view (window));
  GtkAdjustment *adjustment = gtk_range_get_adjustment (GTK_RANGE (_swy_window_get_time_scale (window)));
  g_autoptr(SwyGraph) fresh = fresh_run (t_us);
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *fresh_counts = NULL;
  g_autofree char *clock = NULL;
  guint n_lines;
  GListModel *node_rows;

  seek (window, t_us);

  /* The trace, hence the log, holds exactly the records up to t. */
  expected = lines_until (full, t_us, &n_lines);
  text = trace_jsonl_text (graph);
  g_assert_cmpstr (text, ==, expected);
  swy_log_model_update (log);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (log)), ==, n_lines);

  /* The engine's figures are those of a fresh run stopped at t. */
  counts = stats_text (graph);
  fresh_counts = stats_text (fresh);
  g_assert_cmpstr (counts, ==, fresh_counts);
  g_assert_cmpint (swy_graph_get_now (graph), ==, t_us);

  /* The statistics read them too. */
  node_rows = swy_stats_model_get_node_rows (stats);
  for (guint i = 0; i < g_list_model_get_n_items (node_rows); i++)
    {
      g_autoptr(SwyStatsRow) row = g_list_model_get_item (node_rows, i);
      SwyNode *node = swy_graph_lookup_node (fresh, swy_node_get_id (SWY_NODE (swy_stats_row_get_object (row))));

      g_assert_cmpuint (swy_stats_row_get_received (row), ==, swy_node_get_received (node));
      g_assert_cmpuint (swy_stats_row_get_emitted (row), ==, swy_node_get_emitted (node));
      g_assert_cmpuint (swy_stats_row_get_dropped (row), ==, swy_node_get_dropped (node));
    }

  /* The status line and the scrubber. */
  clock = g_strdup_printf ("t = %.3f s", t_us / (double) G_USEC_PER_SEC);
  g_assert_cmpstr (_swy_window_get_clock_text (window), ==, clock);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, (double) t_us);
}

static void
test_scrub (void)
{
  g_autoptr(SwyApplication) app = swy_application_new ("io.github.switchyard.ScrubTest",
                                                       G_APPLICATION_NON_UNIQUE);
  g_autofree char *full = NULL;
  g_autofree char *again = NULL;
  SwyWindow *window;
  SwyGraph *graph;
  GtkAdjustment *adjustment;
  gint64 end;
  const gint64 moments[] = { 0, 99999, 100000, 250000, 250001, 777000, 1200000, 1500000, 2345678,
                             1000, 3000000 };

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = new_window (app);
  graph = swy_document_get_graph (swy_window_get_document (window));
  adjustment = gtk_range_get_adjustment (GTK_RANGE (_swy_window_get_time_scale (window)));

  full = record_run (window);
  end = swy_graph_get_now (graph);
  g_assert_cmpint (end, >, 3000000);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, (double) end);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (_swy_window_get_time_scale (window))));

  /* Back and forth, in no particular order. */
  for (guint i = 0; i < G_N_ELEMENTS (moments); i++)
    check_moment (window, full, moments[i]);

  /* Scrubbing back then forward to the end gives the same run, byte for byte. */
  seek (window, 400000);
  seek (window, end);
  again = trace_jsonl_text (graph);
  g_assert_cmpstr (again, ==, full);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, (double) end);

  /* Past the end is the end: the future was never run. */
  seek (window, end + 5000000);
  g_assert_cmpint (swy_graph_get_now (graph), ==, end);

  /* The rates: the ticks come ten a second, and the rerun samples the
   * counters on the statistics' grid, so the rate over the last second is
   * exactly that. */
  seek (window, 1500000);
  {
    SwyStatsModel *stats = swy_stats_view_get_model (_swy_window_get_stats_view (window));
    SwyStatsRow *row = swy_stats_model_lookup_row (stats,
                                                   G_OBJECT (swy_graph_lookup_node (graph, "tick")));

    g_assert_cmpfloat_with_epsilon (swy_stats_row_get_rate_out (row), 10.0, 1e-9);
  }

  /* Step from an earlier moment: a new future, the recorded one is gone. */
  seek (window, 500000);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, (double) end);
  activate (window, "step", NULL);
  g_assert_cmpint (swy_graph_get_now (graph), >, 500000);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, (double) swy_graph_get_now (graph));
  /* …without the click at 1.2 s: running on to the end differs from the recording. */
  while (swy_graph_get_n_pending (graph) > 0)
    activate (window, "step", NULL);
  g_clear_pointer (&again, g_free);
  again = trace_jsonl_text (graph);
  g_assert_cmpstr (again, !=, full);
  {
    g_autoptr(SwyGraph) fresh = fresh_run (CLICK_2_US - 1);
    g_autofree char *expected = NULL;
    g_autofree char *fresh_counts = NULL;
    g_autofree char *counts = stats_text (graph);

    swy_graph_run_fast (fresh, -1);
    expected = trace_jsonl_text (fresh);
    fresh_counts = stats_text (fresh);
    g_assert_cmpstr (again, ==, expected);
    g_assert_cmpstr (counts, ==, fresh_counts);
  }

  /* Reset forgets the run: nothing to scrub. */
  activate (window, "reset", NULL);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, 0.0);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (_swy_window_get_time_scale (window))));
  g_assert_cmpstr (_swy_window_get_time_end_text (window), ==, "0.000 s");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Keyboard: the scrubber is a focusable GtkScale; its keys go through the
 * same seek as the action. */
static void
test_scrub_keyboard (void)
{
  g_autoptr(SwyApplication) app = swy_application_new ("io.github.switchyard.ScrubKeysTest",
                                                       G_APPLICATION_NON_UNIQUE);
  SwyWindow *window;
  SwyGraph *graph;
  GtkScale *scale;
  gint64 end;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = new_window (app);
  graph = swy_document_get_graph (swy_window_get_document (window));
  scale = _swy_window_get_time_scale (window);
  g_free (record_run (window));
  end = swy_graph_get_now (graph);

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (scale)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (scale)), !=, NULL);

  /* Home goes to the start, End to the end: the keybindings of GtkRange. */
  g_signal_emit_by_name (scale, "move-slider", GTK_SCROLL_START);
  g_assert_cmpint (swy_graph_get_now (graph), ==, 0);
  g_assert_cmpuint (swy_graph_get_n_performed (graph), ==, 0);
  g_signal_emit_by_name (scale, "move-slider", GTK_SCROLL_END);
  g_assert_cmpint (swy_graph_get_now (graph), ==, end);

  /* An arrow key moves by a hundredth of the run. */
  g_signal_emit_by_name (scale, "move-slider", GTK_SCROLL_STEP_LEFT);
  g_assert_cmpint (swy_graph_get_now (graph), ==, (gint64) round (end - end / 100.0));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A seek far into a long run stops on the statistics' grid only over the
 * time their charts keep: the charts and rates are those of a run that
 * stopped on every grid point from the start. */
static void
test_scrub_statistics (void)
{
  g_autoptr(SwyApplication) app = swy_application_new ("io.github.switchyard.ScrubStatsTest",
                                                       G_APPLICATION_NON_UNIQUE);
  const char *text =
    "{ \"format\": \"switchyard\", \"version\": 1, \"seed\": 3,"
    "  \"nodes\": ["
    "    { \"id\": \"tick\", \"type\": \"timer\", \"properties\": { \"interval-ms\": 70 } },"
    "    { \"id\": \"noise\", \"type\": \"poisson\", \"properties\": { \"rate-hz\": 9 } },"
    "    { \"id\": \"sink\", \"type\": \"counter\" } ],"
    "  \"wires\": ["
    "    { \"from\": \"tick:out\", \"to\": \"sink:in\", \"mode\": \"queued\", \"latency-ms\": 30 },"
    "    { \"from\": \"noise:out\", \"to\": \"sink:in\" } ] }";
  g_autoptr(GError) error = NULL;
  g_autoptr(SwyGraph) fresh = swy_graph_new_from_data (text, -1, &error);
  g_autoptr(SwyStatsModel) reference = swy_stats_model_new ();
  const gint64 target = 25 * G_USEC_PER_SEC + 30000;
  SwyWindow *window;
  SwyGraph *graph;
  SwyStatsModel *stats;
  const char *ids[] = { "tick", "noise", "sink" };

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = swy_window_new (app);
  g_assert_true (swy_document_load_data (swy_window_get_document (window), text, &error));
  g_assert_no_error (error);
  graph = swy_document_get_graph (swy_window_get_document (window));
  stats = swy_stats_view_get_model (_swy_window_get_stats_view (window));

  /* Record 40 s, then go back to 25.03 s. */
  swy_graph_run_fast (graph, 40 * G_USEC_PER_SEC);
  seek (window, target);
  g_assert_cmpint (swy_graph_get_now (graph), ==, target);

  /* The reference stops on every 100 ms from the start. */
  g_assert_no_error (error);
  swy_stats_model_set_graph (reference, fresh);
  for (gint64 t = 100000; t < target; t += 100000)
    swy_graph_run_fast (fresh, t);
  swy_graph_run_fast (fresh, target);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      SwyStatsRow *row = swy_stats_model_lookup_row (stats, G_OBJECT (swy_graph_lookup_node (graph, ids[i])));
      SwyStatsRow *expected = swy_stats_model_lookup_row (reference,
                                                          G_OBJECT (swy_graph_lookup_node (fresh, ids[i])));
      const double *history, *expected_history;
      guint n, n_expected;

      history = swy_stats_row_get_history (row, &n);
      expected_history = swy_stats_row_get_history (expected, &n_expected);
      g_assert_cmpuint (n, ==, SWY_STATS_DEFAULT_HISTORY_LENGTH);
      g_assert_cmpuint (n, ==, n_expected);
      for (guint k = 0; k < n; k++)
        g_assert_cmpfloat (history[k], ==, expected_history[k]);
      g_assert_cmpint (swy_stats_row_get_history_start (row), ==,
                       swy_stats_row_get_history_start (expected));
      g_assert_cmpfloat (swy_stats_row_get_rate_in (row), ==, swy_stats_row_get_rate_in (expected));
      g_assert_cmpfloat (swy_stats_row_get_rate_out (row), ==, swy_stats_row_get_rate_out (expected));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/Swy/Window/scrub", test_scrub);
  g_test_add_func ("/Swy/Window/scrub-keyboard", test_scrub_keyboard);
  g_test_add_func ("/Swy/Window/scrub-statistics", test_scrub_statistics);

  return g_test_run ();
}
