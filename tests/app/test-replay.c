/* test-replay.c: an imported trace replays on the whole window, view only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "swy-app-test-util.h"
#include "swy-canvas-private.h"
#include "swy-window-private.h"
#include "swy-window-test-util.h"

static SwyApplication *app;

static void
spin_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, test_set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GFile *
example_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);

  return g_file_new_for_path (path);
}

static SwyWindow *
open_window (const char *example)
{
  SwyWindow *window = swy_window_new (app);
  g_autoptr(GFile) file = example_file (example);

  g_assert_true (swy_window_open_file (window, file));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);
  activate (window, "zoom-fit", NULL);
  g_action_group_change_action_state (G_ACTION_GROUP (window), "show-panel", g_variant_new_boolean (TRUE));
  wait_for_frame (window);

  return window;
}

static SwyGraph *
window_graph (SwyWindow *window)
{
  return swy_document_get_graph (swy_window_get_document (window));
}

static void
add_in_flight_cb (SwyWire  *wire,
                  SwyEvent *event,
                  gint64    sent_us,
                  gint64    due_us,
                  gpointer  user_data)
{
  g_ptr_array_add (user_data, g_strdup_printf ("wire %d event %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT
                                               "-%" G_GINT64_FORMAT,
                                               swy_wire_get_index (wire), swy_event_get_id (event),
                                               sent_us, due_us));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Everything the window shows of a moment, as text: the status line, the
 * cards, the tokens in flight, the log and the statistics. */
static char *
describe_view (SwyWindow *window)
{
  SwyGraph *graph = window_graph (window);
  SwyReplay *replay = _swy_window_get_replay (window);
  SwyCanvas *canvas = swy_window_get_canvas (window);
  SwyLogModel *log = swy_log_view_get_model (_swy_window_get_log_view (window));
  SwyStatsModel *stats = swy_stats_view_get_model (_swy_window_get_stats_view (window));
  GListModel *nodes = swy_graph_get_nodes (graph);
  GListModel *rows[] = { swy_stats_model_get_node_rows (stats), swy_stats_model_get_wire_rows (stats) };
  g_autoptr(GPtrArray) in_flight = g_ptr_array_new_with_free_func (g_free);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s | %s\n", _swy_window_get_clock_text (window),
                          _swy_window_get_totals_text (window));

  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (nodes, i);
      g_autofree char *state = swy_node_widget_dup_state (swy_canvas_get_node_widget (canvas, node));

      g_string_append_printf (text, "card %s\n", state);
    }

  if (replay != NULL)
    swy_replay_foreach_in_flight (replay, add_in_flight_cb, in_flight);
  else
    swy_graph_foreach_in_flight (graph, add_in_flight_cb, in_flight);
  g_ptr_array_sort (in_flight, compare_strings);
  for (guint i = 0; i < in_flight->len; i++)
    g_string_append_printf (text, "in flight %s\n", (char *) g_ptr_array_index (in_flight, i));
  wait_for_frame (window);
  g_string_append_printf (text, "tokens drawn %u\n", swy_canvas_get_n_tokens (canvas));

  swy_log_model_update (log);
  g_string_append_printf (text, "log rows %u\n", g_list_model_get_n_items (G_LIST_MODEL (log)));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (log)); i++)
    {
      SwyTraceRecordData data;

      g_assert_true (swy_log_model_peek (log, i, &data));
      g_string_append_printf (text, "log %" G_GINT64_FORMAT " %d %" G_GUINT64_FORMAT " %s\n",
                              data.time, data.kind, data.event_id, g_quark_to_string (data.node));
    }

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    for (guint i = 0; i < g_list_model_get_n_items (rows[r]); i++)
      {
        g_autoptr(SwyStatsRow) row = g_list_model_get_item (rows[r], i);
        g_autofree char *title = swy_stats_row_dup_title (row);
        g_autofree char *reasons = swy_stats_row_dup_drop_reasons (row, ", ", "=");

        g_string_append_printf (text, "stats %s: %" G_GUINT64_FORMAT " in %" G_GUINT64_FORMAT
                                " out %" G_GUINT64_FORMAT " dropped (%s) %" G_GUINT64_FORMAT
                                " delivered %" G_GUINT64_FORMAT " lost\n",
                                title, swy_stats_row_get_received (row), swy_stats_row_get_emitted (row),
                                swy_stats_row_get_dropped (row), reasons,
                                swy_stats_row_get_delivered (row), swy_stats_row_get_lost (row));
      }

  return g_string_free (text, FALSE);
}

static void
seek (SwyWindow *window,
      gint64     t_us)
{
  activate (window, "seek", g_variant_new_int64 (t_us));
}

static char *
write_trace (SwyGraph *graph)
{
  g_autofree char *text = trace_jsonl_text (graph);
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("swy-replay-XXXXXX.jsonl", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);

  return path;
}

static void
destroy_window (SwyWindow *window)
{
  swy_graph_pause (window_graph (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The examples below run with drops (a bounded queue overflows) and
 * tokens on queued wires. */
static void
test_replay_matches_run (gconstpointer data)
{
  const char *example = data;
  SwyWindow *window = open_window (example);
  SwyGraph *graph = window_graph (window);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *trace_before = NULL;
  g_autofree char *view_before = NULL;
  g_autoptr(GFile) file = NULL;
  SwyReplay *replay;
  gint64 end;
  gint64 moments[7];

  /* The original run, to its end, exported as JSON lines. */
  swy_graph_run_fast (graph, -1);
  end = swy_graph_get_now (graph);
  g_assert_cmpint (end, >, 500000);
  /* Moments between records and on them, back and forth. */
  moments[0] = 0;
  moments[1] = 100000;
  moments[2] = end / 3 + 1;
  moments[3] = end / 2;
  moments[4] = end / 4;
  moments[5] = end - 1;
  moments[6] = end;
  path = write_trace (graph);
  file = g_file_new_for_path (path);

  /* The whole window at each moment of the original run. */
  for (guint i = 0; i < G_N_ELEMENTS (moments); i++)
    {
      seek (window, moments[i]);
      g_ptr_array_add (expected, describe_view (window));
    }

  /* Leave the graph somewhere in the middle, to check that it stays there. */
  seek (window, end / 2 + 3);
  saved = swy_document_save_data (swy_window_get_document (window));
  trace_before = trace_jsonl_text (graph);
  view_before = describe_view (window);

  _swy_window_import_trace (window, file);
  replay = _swy_window_get_replay (window);
  g_assert_nonnull (replay);
  g_assert_nonnull (_swy_window_get_replay_text (window));
  g_assert_true (g_str_has_prefix (_swy_window_get_replay_text (window), "Replaying “swy-replay-"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "fire-node"));
  g_assert_cmpint (swy_replay_get_end_time (replay), ==, end);

  /* Exports while replaying: the trace is the replayed one, whole (the same
   * JSON lines as the file imported); the statistics are refused, since the
   * engine's counters are not the replay's. */
  {
    g_autofree char *out_path = NULL;
    g_autofree char *written = NULL;
    g_autofree char *imported = NULL;
    g_autoptr(GFile) out = NULL;
    g_autoptr(GError) error = NULL;
    int fd = g_file_open_tmp ("swy-replay-export-XXXXXX.jsonl", &out_path, &error);

    g_assert_no_error (error);
    close (fd);
    out = g_file_new_for_path (out_path);
    seek (window, end / 2);
    g_assert_true (_swy_window_export (window, "trace-jsonl", out, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (out_path, &written, NULL, NULL));
    g_assert_true (g_file_get_contents (path, &imported, NULL, NULL));
    g_assert_cmpstr (written, ==, imported);
    g_assert_false (_swy_window_export (window, "stats-json", out, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
    g_assert_nonnull (strstr (error->message, "leave the replay"));
    g_unlink (out_path);
  }

  /* The replay at each moment shows what the run showed then. */
  for (guint i = 0; i < G_N_ELEMENTS (moments); i++)
    {
      g_autofree char *view = NULL;

      seek (window, moments[i]);
      g_assert_cmpint (swy_replay_get_time (replay), ==, moments[i]);
      view = describe_view (window);
      g_assert_cmpstr (view, ==, g_ptr_array_index (expected, i));
    }

  if (!g_str_equal (example, "competing-consumers.swy"))
    goto leave;

  /* Step, Step Back and Reset drive the replay, not the graph: a step goes
   * to the next moment anything was recorded (the first order at 100 ms,
   * its delivery 50 ms later over the queued wire). */
  activate (window, "reset", NULL);
  g_assert_cmpint (swy_replay_get_time (replay), ==, 0);
  g_assert_cmpuint (swy_replay_get_n_shown (replay), ==, 0);
  activate (window, "step", NULL);
  g_assert_cmpint (swy_replay_get_time (replay), ==, 100000);
  activate (window, "step", NULL);
  g_assert_cmpint (swy_replay_get_time (replay), ==, 150000);
  activate (window, "step-back", NULL);
  g_assert_cmpint (swy_replay_get_time (replay), ==, 100000);
  {
    g_autofree char *view = NULL;

    /* The steps pulsed their sync deliveries; once the pulses have run
     * their course (280 ms), only the tokens in flight are drawn. */
    spin_for (500);
    view = describe_view (window);

    g_assert_cmpstr (view, ==, g_ptr_array_index (expected, 1));
  }
  g_assert_cmpstr (_swy_window_get_clock_text (window), ==, "t = 0.100 s");

  /* Selecting an event of the replay highlights its recorded path: the
   * first order went over the queue's input wire, on to worker-1 and,
   * handled, to done. */
  {
    SwyViewState *view_state = swy_log_view_get_view_state (_swy_window_get_log_view (window));
    SwyCanvas *canvas = swy_window_get_canvas (window);
    GListModel *wires = swy_graph_get_wires (graph);

    swy_view_state_set_selected_event (view_state, 1);
    for (guint i = 0; i < g_list_model_get_n_items (wires); i++)
      {
        g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);
        gboolean on_path = i == 0 || i == 1 || i == 4;

        g_assert_cmpint (_swy_canvas_is_wire_on_path (canvas, wire), ==, on_path);
      }

    /* The last order, at 3 s, is not in the graph's own trace (it is at
     * half the run): the path comes from the replay's. */
    swy_view_state_set_selected_event (view_state, 30);
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, 0);

      g_assert_true (_swy_canvas_is_wire_on_path (canvas, wire));
    }
    swy_view_state_set_selected_event (view_state, 0);
  }

  /* Run plays the replay, and pauses it again. */
  activate (window, "speed", g_variant_new_double (20.0));
  g_assert_cmpfloat (swy_replay_get_speed (replay), ==, 20.0);
  activate (window, "run", NULL);
  g_assert_true (swy_replay_get_playing (replay));
  g_assert_false (swy_graph_get_playing (graph));
  activate (window, "run", NULL);
  g_assert_false (swy_replay_get_playing (replay));
  activate (window, "speed", g_variant_new_double (1.0));

  /* The scrubber spans the replay. */
  {
    GtkAdjustment *adjustment = gtk_range_get_adjustment (GTK_RANGE (_swy_window_get_time_scale (window)));

    seek (window, 777000);
    g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, (double) end);
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 777000.0);
  }

leave:
  /* Leaving restores the graph as it was, unchanged. */
  activate (window, "leave-replay", NULL);
  g_assert_null (_swy_window_get_replay (window));
  g_assert_null (_swy_window_get_replay_text (window));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "fire-node"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "leave-replay"));
  {
    g_autofree char *saved_after = swy_document_save_data (swy_window_get_document (window));
    g_autofree char *trace_after = trace_jsonl_text (graph);
    g_autofree char *view_after = describe_view (window);

    g_assert_cmpstr (saved_after, ==, saved);
    g_assert_cmpstr (trace_after, ==, trace_before);
    g_assert_cmpstr (view_after, ==, view_before);
    g_assert_cmpint (swy_graph_get_now (graph), ==, end / 2 + 3);
  }

  g_unlink (path);
  destroy_window (window);
}

/* Editing the graph while replaying leaves the replay; a trace of another
 * graph is refused and the window stays as it was. */
static void
test_replay_edit_and_mismatch (void)
{
  SwyWindow *window = open_window ("competing-consumers.swy");
  SwyGraph *graph = window_graph (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) other = example_file ("backpressure.swy");

  swy_graph_run_fast (graph, 1000000);
  path = write_trace (graph);
  file = g_file_new_for_path (path);

  _swy_window_import_trace (window, file);
  g_assert_nonnull (_swy_window_get_replay (window));

  /* A setting and a position keep the replay; a rename leaves it. */
  {
    SwyNode *orders = swy_graph_lookup_node (graph, "orders");
    g_auto(GValue) value = G_VALUE_INIT;

    g_value_init (&value, G_TYPE_UINT);
    g_value_set_uint (&value, 250);
    g_assert_true (swy_document_set_property (swy_window_get_document (window), G_OBJECT (orders),
                                              "interval-ms", &value, &error));
    g_assert_no_error (error);
    g_assert_nonnull (_swy_window_get_replay (window));
    g_assert_true (swy_document_rename_node (swy_window_get_document (window), orders, "sales", &error));
    g_assert_no_error (error);
    g_assert_null (_swy_window_get_replay (window));
    g_assert_cmpstr (_swy_window_get_last_toast (window), ==,
                     "Left the replay: nodes or wires of the graph changed");
    activate (window, "undo", NULL);
    activate (window, "undo", NULL);
  }

  _swy_window_import_trace (window, file);
  g_assert_nonnull (_swy_window_get_replay (window));
  g_assert_nonnull (swy_document_add_node (swy_window_get_document (window), "counter", 10, 10, &error));
  g_assert_no_error (error);
  g_assert_null (_swy_window_get_replay (window));
  g_assert_null (_swy_window_get_replay_text (window));
  g_assert_cmpstr (_swy_window_get_last_toast (window), ==,
                   "Left the replay: nodes or wires of the graph changed");

  /* Another graph: its nodes are not the trace's. */
  g_assert_true (swy_window_open_file (window, other));
  saved = swy_document_save_data (swy_window_get_document (window));
  _swy_window_import_trace (window, file);
  g_assert_null (_swy_window_get_replay (window));
  g_assert_null (_swy_window_get_replay_text (window));
  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *message = g_strdup_printf ("Could not import “%s”: Line 1: this graph has no node “orders”",
                                                name);

    g_assert_cmpstr (_swy_window_get_last_toast (window), ==, message);
  }
  {
    g_autoptr(SwyReplay) refused = swy_replay_new_from_file (window_graph (window), file, NULL, &error);
    g_autofree char *saved_after = swy_document_save_data (swy_window_get_document (window));

    g_assert_null (refused);
    g_assert_error (error, SWY_REPLAY_ERROR, SWY_REPLAY_ERROR_MISMATCH);
    g_assert_cmpstr (saved_after, ==, saved);
  }

  g_unlink (path);
  destroy_window (window);
}

/* The replay on the canvas, mid-way, for the docs and for looking at. */
static void
test_replay_screenshot (void)
{
  SwyWindow *window = open_window ("competing-consumers.swy");
  SwyGraph *graph = window_graph (window);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  swy_graph_run_fast (graph, -1);
  path = write_trace (graph);
  file = g_file_new_for_path (path);
  activate (window, "reset", NULL);
  _swy_window_import_trace (window, file);
  seek (window, 1420000);
  /* Let the banner slide in and the run's last flashes fade. */
  spin_for (700);
  wait_for_frame (window);
  g_assert_cmpuint (swy_canvas_get_n_tokens (swy_window_get_canvas (window)), >, 0);

  save_screenshot (window, "replay-canvas.png");

  g_unlink (path);
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = test_app_new (&argc, &argv);

  g_test_add_data_func ("/Swy/Window/replay/competing-consumers", "competing-consumers.swy",
                        test_replay_matches_run);
  g_test_add_data_func ("/Swy/Window/replay/backpressure", "backpressure.swy",
                        test_replay_matches_run);
  g_test_add_func ("/Swy/Window/replay/edit-and-mismatch", test_replay_edit_and_mismatch);
  g_test_add_func ("/Swy/Window/replay/screenshot", test_replay_screenshot);

  status = g_test_run ();
  g_object_unref (app);

  return status;
}
