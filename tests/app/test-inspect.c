/* test-inspect.c: finding out why an event was dropped, through the window
 *
 * An example that drops events runs through the window's actions; a dropped
 * event picked in the window's log shows its path and drop reason in the
 * window's event details. Screenshots of the log, the timeline and the
 * statistics as the window shows them go to the build directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <swy.h>

#include "swy-app-test-util.h"
#include "swy-event-details-private.h"
#include "swy-log-view-private.h"
#include "swy-window.h"
#include "swy-window-private.h"
#include "swy-window-test-util.h"

static SwyApplication *app;

static const char *
row_title (GtkWidget *row)
{
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static const char *
row_subtitle (GtkWidget *row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static AdwViewStack *
bottom_stack (SwyWindow *window)
{
  return ADW_VIEW_STACK (gtk_widget_get_ancestor (GTK_WIDGET (_swy_window_get_log_view (window)),
                                                  ADW_TYPE_VIEW_STACK));
}

static GtkWidget *
page_child (SwyWindow  *window,
            const char *page)
{
  return adw_view_stack_get_child_by_name (bottom_stack (window), page);
}

static void
show_page (SwyWindow  *window,
           const char *page)
{
  adw_view_stack_set_visible_child_name (bottom_stack (window), page);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  wait_for_frame (window);
  spin_until_idle ();
  wait_for_frame (window);
}

static void
test_dropped_event_details (void)
{
  SwyWindow *window = swy_window_new (app);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "backpressure.swy", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SwyGraph *graph;
  SwyLogView *log;
  SwyEventDetails *details;
  GtkSingleSelection *selection;
  g_autoptr(GObject) first = NULL;
  gboolean given_up = FALSE;
  guint guard;

  g_assert_true (swy_window_open_file (window, file));
  graph = swy_document_get_graph (swy_window_get_document (window));
  log = _swy_window_get_log_view (window);
  details = _swy_window_get_event_details (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);

  /* F8 shows the panel; Run at 20× plays the graph live until its clock
   * passes 1 s, and Run again pauses it. At 100 ms the burst puts 20 jobs
   * into two queues of 5 with a worker each: keep-first drops the newest,
   * keep-last the oldest; the last job is served at 700 ms. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "show-panel",
                                      g_variant_new_boolean (TRUE));
  activate (window, "speed", g_variant_new_double (20.0));
  activate (window, "run", NULL);
  g_assert_true (swy_graph_get_playing (graph));
  guard = g_timeout_add_seconds (TEST_GUARD_SECONDS, test_set_flag_cb, &given_up);
  while (!given_up && swy_graph_get_now (graph) < G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  activate (window, "run", NULL);
  g_assert_false (given_up);
  g_source_remove (guard);
  g_assert_false (swy_graph_get_playing (graph));
  /* The scrubber back to 800 ms: a rerun from time zero, the same drops. */
  activate (window, "seek", g_variant_new_int64 (800000));
  g_assert_cmpint (swy_graph_get_now (graph), ==, 800000);
  wait_for_frame (window);
  spin_until_idle ();
  g_assert_cmpstr (_swy_window_get_side_page (window), ==, "inspector");

  /* Drops only, in the window's log: 14 at keep-first, 14 at keep-last. */
  gtk_toggle_button_set_active (_swy_log_view_get_kind_button (log, SWY_TRACE_KIND_EMIT), FALSE);
  gtk_toggle_button_set_active (_swy_log_view_get_kind_button (log, SWY_TRACE_KIND_DELIVER), FALSE);
  wait_for_frame (window);
  spin_until_idle ();
  selection = _swy_log_view_get_selection (log);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 28);

  /* The first drop: job 7 found keep-first full. */
  gtk_single_selection_set_selected (selection, 0);
  spin_until_idle ();
  g_assert_cmpstr (_swy_window_get_side_page (window), ==, "event");
  g_assert_cmpuint (_swy_event_details_get_history (details)->event_id, ==, 7);
  g_assert_cmpstr (_swy_event_details_get_page (details), ==, "event");
  g_assert_cmpstr (_swy_event_details_get_drop_note (details), ==,
                   "Dropped at keep-first (overflow) at 100.000 ms\n"
                   "Dropped at keep-last (overflow) at 100.000 ms");
  g_assert_cmpstr (_swy_event_details_get_payload (details), ==, "{\n  'seq': <int64 7>\n}");
  g_assert_null (_swy_event_details_get_parent_row (details));
  g_assert_cmpuint (_swy_event_details_get_n_child_rows (details), ==, 0);

  /* Its whole path: out of the burst, into both queues, dropped by each
   * (by keep-last later, when newer jobs push it out). */
  g_assert_cmpuint (_swy_event_details_get_n_path_rows (details), ==, 5);
  g_assert_cmpstr (row_title (_swy_event_details_get_path_row (details, 0)), ==,
                   "Emitted by spike:out");
  g_assert_cmpstr (row_subtitle (_swy_event_details_get_path_row (details, 0)), ==,
                   "100.000 ms · depth 0");
  g_assert_cmpstr (row_title (_swy_event_details_get_path_row (details, 1)), ==,
                   "Delivered to keep-first:in");
  g_assert_cmpstr (row_subtitle (_swy_event_details_get_path_row (details, 1)), ==,
                   "100.000 ms · depth 1 · wire #0 from spike, sync");
  g_assert_cmpstr (row_title (_swy_event_details_get_path_row (details, 2)), ==,
                   "Dropped at keep-first: overflow");
  g_assert_cmpstr (row_title (_swy_event_details_get_path_row (details, 3)), ==,
                   "Delivered to keep-last:in");
  g_assert_cmpstr (row_subtitle (_swy_event_details_get_path_row (details, 3)), ==,
                   "100.000 ms · depth 1 · wire #1 from spike, sync");
  g_assert_cmpstr (row_title (_swy_event_details_get_path_row (details, 4)), ==,
                   "Dropped at keep-last: overflow");
  g_assert_cmpstr (row_subtitle (_swy_event_details_get_path_row (details, 2)), ==,
                   "100.000 ms · depth 1");
  g_assert_cmpstr (row_subtitle (_swy_event_details_get_path_row (details, 4)), ==,
                   "100.000 ms · depth 1");

  /* The same row is what the log keeps selected. */
  first = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  g_assert_nonnull (first);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);

  /* The log scrolled to the selected row, the timeline to the whole run. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (
    gtk_widget_get_ancestor (GTK_WIDGET (_swy_log_view_get_column_view (log)),
                             GTK_TYPE_SCROLLED_WINDOW))), 0);
  g_assert_true (gtk_widget_activate_action (page_child (window, "timeline"),
                                             "timeline.zoom-fit", NULL));
  show_page (window, "log");
  save_screenshot (window, "screenshot-window-log.png");
  show_page (window, "timeline");
  save_screenshot (window, "screenshot-window-timeline.png");
  show_page (window, "stats");
  save_screenshot (window, "screenshot-window-stats.png");

  gtk_window_destroy (GTK_WINDOW (window));
  spin_until_idle ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = test_app_new (&argc, &argv);

  g_test_add_func ("/Swy/Inspect/dropped-event-details", test_dropped_event_details);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
