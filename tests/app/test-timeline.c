/* test-timeline.c: the timeline's lanes, arrows, picking, aggregation and replay
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <swy.h>

#include "swy-replay.h"
#include "swy-timeline.h"
#include "swy-view-state.h"
#include "swy-app-test-util.h"
#include "swy-window-test-util.h"

#define WIDTH  928
#define HEIGHT 300
#define GUTTER 128   /* the lane labels, left of the time axis */

/* orders (timer, every 100 ms) ⇢ q (queue, 50 ms away) → w (worker, 30 ms) → done */
static SwyGraph *
pipeline_graph (void)
{
  SwyGraph *graph = swy_graph_new ();

  add_node (graph, "timer", "orders");
  add_node (graph, "queue", "q");
  add_node (graph, "worker", "w");
  add_node (graph, "counter", "done");
  g_object_set (swy_graph_lookup_node (graph, "orders"),
                "interval-ms", 100, "count", 10, "topic", "orders/new", NULL);
  g_object_set (swy_graph_lookup_node (graph, "w"), "service-ms", 30, NULL);
  connect_nodes (graph, "orders:out", "q:in", 50);
  connect_nodes (graph, "q:out", "w:in", 0);
  connect_nodes (graph, "w:out", "done:in", 0);

  return graph;
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

static GtkWidget *
show_in_window (GtkWidget *child,
                int        width,
                int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  settle (window);

  return window;
}

/* Shows [start, end) exactly: the plot is the view's width minus the gutter. */
static void
show_range (SwyTimelineView *view,
            gint64           start,
            gint64           end)
{
  double plot = gtk_widget_get_width (GTK_WIDGET (view)) - GUTTER;

  swy_timeline_view_set_follow (view, FALSE);
  swy_timeline_view_set_scale (view, plot / (double) (end - start));
  swy_timeline_view_set_start (view, start);
  g_assert_cmpint (swy_timeline_view_get_start (view), ==, start);
  g_assert_cmpint (ABS (swy_timeline_view_get_end (view) - end), <=, 1);
}

/* The deliveries of the trace with start <= t <= end that the view shows. */
static guint
count_deliveries (SwyTrace     *trace,
                  SwyViewState *state,
                  gint64        start,
                  gint64        end)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (trace)); i++)
    {
      g_autoptr(SwyTraceRecord) record = swy_trace_get_record (trace, i);
      gint64 t = swy_trace_record_get_time (record);

      if (swy_trace_record_get_kind (record) == SWY_TRACE_KIND_DELIVER &&
          t >= start && t <= end &&
          (state == NULL || !swy_view_state_is_record_hidden (state, record)))
        n++;
    }

  return n;
}

static void
test_timeline_lanes (void)
{
  g_autoptr(SwyGraph) graph = pipeline_graph ();
  g_autoptr(SwyViewState) state = swy_view_state_new ();
  GtkWidget *view = g_object_ref_sink (swy_timeline_view_new ());
  SwyTimelineView *self = SWY_TIMELINE_VIEW (view);
  const char *picked[] = { "orders", "done", NULL };
  double y_orders, y_done;

  swy_timeline_view_set_graph (self, graph);
  swy_timeline_view_set_view_state (self, state);

  /* One lane per node, in file order. */
  g_assert_cmpuint (swy_timeline_view_get_n_lanes (self), ==, 4);
  g_assert_cmpstr (swy_timeline_view_get_lane_id (self, 0), ==, "orders");
  g_assert_cmpstr (swy_timeline_view_get_lane_id (self, 3), ==, "done");

  /* Hidden nodes get none. */
  swy_view_state_set_node_hidden (state, "q", TRUE);
  g_assert_cmpuint (swy_timeline_view_get_n_lanes (self), ==, 3);
  g_assert_cmpstr (swy_timeline_view_get_lane_id (self, 1), ==, "w");
  g_assert_false (swy_timeline_view_get_lane_y (self, "q", &y_orders));
  swy_view_state_set_node_hidden (state, "q", FALSE);

  /* Picked nodes only, still in file order, one lane height apart. */
  swy_timeline_view_set_lane_filter (self, picked);
  g_assert_cmpuint (swy_timeline_view_get_n_lanes (self), ==, 2);
  g_assert_true (swy_timeline_view_get_lane_y (self, "orders", &y_orders));
  g_assert_true (swy_timeline_view_get_lane_y (self, "done", &y_done));
  g_assert_cmpfloat (y_done - y_orders, ==, 30.0);

  /* A node added to the graph gets a lane when nothing is picked. */
  swy_timeline_view_set_lane_filter (self, NULL);
  add_node (graph, "log", "audit");
  g_assert_cmpuint (swy_timeline_view_get_n_lanes (self), ==, 5);

  g_assert_finalize_object (view);
}

static void
test_timeline_arrows (void)
{
  g_autoptr(SwyGraph) graph = pipeline_graph ();
  g_autoptr(SwyViewState) state = swy_view_state_new ();
  GtkWidget *view = swy_timeline_view_new ();
  SwyTimelineView *self = SWY_TIMELINE_VIEW (view);
  SwyTrace *trace = swy_graph_get_trace (graph);
  GtkWidget *window;
  g_autoptr(GArray) marks = NULL;
  g_autoptr(GArray) emits = NULL;
  double y_orders, y_q;
  guint queued = 0;

  swy_timeline_view_set_graph (self, graph);
  swy_timeline_view_set_view_state (self, state);
  window = show_in_window (view, WIDTH, HEIGHT);
  swy_graph_run_fast (graph, 1200 * 1000);

  /* An arrow per delivery in view: all of [0, 1.2 s], then [0.4 s, 1.6 s]. */
  show_range (self, 0, 1200 * 1000);
  marks = swy_timeline_view_dup_marks (self, SWY_TRACE_KIND_DELIVER);
  g_assert_cmpuint (marks->len, ==, count_deliveries (trace, NULL, 0, 1200 * 1000));
  g_assert_cmpuint (marks->len, ==, 30);
  g_clear_pointer (&marks, g_array_unref);

  show_range (self, 400 * 1000, 1600 * 1000);
  marks = swy_timeline_view_dup_marks (self, SWY_TRACE_KIND_DELIVER);
  g_assert_cmpuint (marks->len, ==, count_deliveries (trace, NULL, 400 * 1000, 1600 * 1000));
  g_assert_cmpuint (marks->len, <, 30);
  g_clear_pointer (&marks, g_array_unref);

  /* A queued delivery goes from the emitter's lane at the emission to the
   * receiver's lane 50 ms later; a sync one is vertical. */
  show_range (self, 0, 1200 * 1000);
  marks = swy_timeline_view_dup_marks (self, SWY_TRACE_KIND_DELIVER);
  g_assert_true (swy_timeline_view_get_lane_y (self, "orders", &y_orders));
  g_assert_true (swy_timeline_view_get_lane_y (self, "q", &y_q));
  for (guint i = 0; i < marks->len; i++)
    {
      SwyTimelineMark *mark = &g_array_index (marks, SwyTimelineMark, i);

      g_assert_false (mark->stub);
      if (mark->to.y != y_q)
        {
          g_assert_cmpfloat_with_epsilon (mark->from.x, mark->to.x, 0.001);
          continue;
        }
      queued++;
      g_assert_cmpfloat (mark->from.y, ==, y_orders);
      g_assert_cmpfloat_with_epsilon (mark->from.x,
                                      swy_timeline_view_time_to_x (self, mark->event_id * 100 * 1000), 0.001);
      g_assert_cmpfloat_with_epsilon (mark->to.x,
                                      swy_timeline_view_time_to_x (self, mark->event_id * 100 * 1000 + 50000),
                                      0.001);
    }
  g_assert_cmpuint (queued, ==, 10);
  g_clear_pointer (&marks, g_array_unref);

  /* Emissions are dots on the emitter's lane. */
  emits = swy_timeline_view_dup_marks (self, SWY_TRACE_KIND_EMIT);
  g_assert_cmpuint (emits->len, ==, 30);

  /* Hidden nodes and topics are left out; a delivery from a hidden node
   * into a shown one comes in as a stub. */
  swy_view_state_set_node_hidden (state, "done", TRUE);
  marks = swy_timeline_view_dup_marks (self, SWY_TRACE_KIND_DELIVER);
  g_assert_cmpuint (marks->len, ==, count_deliveries (trace, state, 0, 1200 * 1000));
  g_assert_cmpuint (marks->len, ==, 20);
  g_clear_pointer (&marks, g_array_unref);
  swy_view_state_set_node_hidden (state, "done", FALSE);

  swy_view_state_set_node_hidden (state, "orders", TRUE);
  marks = swy_timeline_view_dup_marks (self, SWY_TRACE_KIND_DELIVER);
  g_assert_cmpuint (marks->len, ==, 30);
  for (guint i = 0; i < marks->len; i++)
    {
      SwyTimelineMark *mark = &g_array_index (marks, SwyTimelineMark, i);

      g_assert_cmpint (mark->stub, ==, mark->to.y == y_q - 30.0);
    }
  g_clear_pointer (&marks, g_array_unref);
  swy_view_state_set_node_hidden (state, "orders", FALSE);

  swy_view_state_set_topic_hidden (state, "orders/#", TRUE);
  marks = swy_timeline_view_dup_marks (self, SWY_TRACE_KIND_DELIVER);
  g_assert_cmpuint (marks->len, ==, 0);
  g_assert_cmpuint (count_deliveries (trace, state, 0, 1200 * 1000), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkGesture *
find_click (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        return GTK_GESTURE (controller);
    }

  g_assert_not_reached ();
}

static void
test_timeline_click_selects (void)
{
  g_autoptr(SwyGraph) graph = pipeline_graph ();
  g_autoptr(SwyViewState) state = swy_view_state_new ();
  GtkWidget *view = swy_timeline_view_new ();
  SwyTimelineView *self = SWY_TIMELINE_VIEW (view);
  GtkGesture *click = find_click (view);
  g_autoptr(GArray) marks = NULL;
  GtkWidget *window;
  SwyTimelineMark *mark = NULL;
  double x, y;

  swy_timeline_view_set_graph (self, graph);
  swy_timeline_view_set_view_state (self, state);
  window = show_in_window (view, WIDTH, HEIGHT);
  swy_graph_run_fast (graph, 1200 * 1000);
  show_range (self, 0, 1200 * 1000);

  /* The slanted arrow of event 4 into q, picked in its middle. */
  marks = swy_timeline_view_dup_marks (self, SWY_TRACE_KIND_DELIVER);
  for (guint i = 0; i < marks->len && mark == NULL; i++)
    if (g_array_index (marks, SwyTimelineMark, i).event_id == 4)
      mark = &g_array_index (marks, SwyTimelineMark, i);
  g_assert_nonnull (mark);
  x = (mark->from.x + mark->to.x) / 2;
  y = (mark->from.y + mark->to.y) / 2;

  g_signal_emit_by_name (click, "released", 1, x, y);
  g_assert_cmpuint (swy_view_state_get_selected_event (state), ==, 4);

  /* Near enough counts; empty space clears the selection. */
  g_signal_emit_by_name (click, "released", 1, x + 3, y);
  g_assert_cmpuint (swy_view_state_get_selected_event (state), ==, 4);
  g_signal_emit_by_name (click, "released", 1, x, (double) HEIGHT - 2);
  g_assert_cmpuint (swy_view_state_get_selected_event (state), ==, 0);

  /* The lane labels pick nothing. */
  g_assert_cmpuint (swy_timeline_view_pick (self, 10, y), ==, 0);

  /* Selected elsewhere and out of view: brought into view. */
  show_range (self, 0, 300 * 1000);
  swy_view_state_set_selected_event (state, 9);
  g_assert_cmpint (swy_timeline_view_get_start (self), <=, 900 * 1000);
  g_assert_cmpint (swy_timeline_view_get_end (self), >=, 950 * 1000);
  g_assert_false (swy_timeline_view_get_follow (self));

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_render_nodes (GskRenderNode *node)
{
  guint n = 1;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        n += count_render_nodes (gsk_container_node_get_child (node, i));
      break;

    case GSK_TRANSFORM_NODE:
      n += count_render_nodes (gsk_transform_node_get_child (node));
      break;

    case GSK_CLIP_NODE:
      n += count_render_nodes (gsk_clip_node_get_child (node));
      break;

    case GSK_ROUNDED_CLIP_NODE:
      n += count_render_nodes (gsk_rounded_clip_node_get_child (node));
      break;

    case GSK_OPACITY_NODE:
      n += count_render_nodes (gsk_opacity_node_get_child (node));
      break;

    case GSK_NOT_A_RENDER_NODE:
    case GSK_CAIRO_NODE:
    case GSK_COLOR_NODE:
    case GSK_LINEAR_GRADIENT_NODE:
    case GSK_REPEATING_LINEAR_GRADIENT_NODE:
    case GSK_RADIAL_GRADIENT_NODE:
    case GSK_REPEATING_RADIAL_GRADIENT_NODE:
    case GSK_CONIC_GRADIENT_NODE:
    case GSK_BORDER_NODE:
    case GSK_TEXTURE_NODE:
    case GSK_INSET_SHADOW_NODE:
    case GSK_OUTSET_SHADOW_NODE:
    case GSK_COLOR_MATRIX_NODE:
    case GSK_REPEAT_NODE:
    case GSK_SHADOW_NODE:
    case GSK_BLEND_NODE:
    case GSK_CROSS_FADE_NODE:
    case GSK_TEXT_NODE:
    case GSK_BLUR_NODE:
    case GSK_DEBUG_NODE:
    case GSK_GL_SHADER_NODE:
    default:
      break;
    }

  return n;
}

static guint
snapshot_size (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  return node != NULL ? count_render_nodes (node) : 0;
}

static void
test_timeline_aggregates (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  GtkWidget *view = swy_timeline_view_new ();
  SwyTimelineView *self = SWY_TIMELINE_VIEW (view);
  g_autoptr(GArray) marks = NULL;
  GtkWidget *window;
  guint sparse, dense;

  add_node (graph, "poisson", "p");
  add_node (graph, "counter", "c");
  g_object_set (swy_graph_lookup_node (graph, "p"), "rate-hz", 20.0, NULL);
  connect_nodes (graph, "p:out", "c:in", 0);

  swy_timeline_view_set_graph (self, graph);
  window = show_in_window (view, WIDTH, HEIGHT);

  /* A few events a second: single arrows. */
  swy_graph_run_fast (graph, 10 * G_USEC_PER_SEC);
  show_range (self, 0, 10 * G_USEC_PER_SEC);
  settle (window);
  g_assert_false (swy_timeline_view_is_aggregated (self));
  sparse = snapshot_size (view);

  /* Thousands in view: density bars, and the render tree stays as small. */
  g_object_set (swy_graph_lookup_node (graph, "p"), "rate-hz", 5000.0, NULL);
  swy_graph_run_fast (graph, 20 * G_USEC_PER_SEC);
  show_range (self, 0, 20 * G_USEC_PER_SEC);
  marks = swy_timeline_view_dup_marks (self, SWY_TRACE_KIND_DELIVER);
  g_assert_cmpuint (marks->len, >, 40000);
  settle (window);
  dense = snapshot_size (view);
  g_assert_true (swy_timeline_view_is_aggregated (self));
  g_test_message ("render nodes: %u sparse, %u dense", sparse, dense);
  g_assert_cmpuint (dense, <=, sparse + 16);
  g_assert_cmpuint (dense, <, 150);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_timeline_follow (void)
{
  g_autoptr(SwyGraph) graph = pipeline_graph ();
  GtkWidget *view = swy_timeline_view_new ();
  SwyTimelineView *self = SWY_TIMELINE_VIEW (view);
  GtkWidget *window;

  swy_timeline_view_set_graph (self, graph);
  window = show_in_window (view, WIDTH, HEIGHT);
  g_assert_true (swy_timeline_view_get_follow (self));

  /* The playhead is the graph's now, kept in view while following. */
  swy_graph_run_fast (graph, 5 * G_USEC_PER_SEC);
  g_assert_cmpint (swy_timeline_view_get_playhead (self), ==, 5 * G_USEC_PER_SEC);
  g_assert_cmpint (swy_timeline_view_get_start (self), <=, 5 * G_USEC_PER_SEC);
  g_assert_cmpint (swy_timeline_view_get_end (self), >=, 5 * G_USEC_PER_SEC);

  /* Scrolling back stops following; zooming keeps the time in view. */
  swy_timeline_view_set_start (self, 0);
  g_assert_false (swy_timeline_view_get_follow (self));
  swy_graph_run_fast (graph, 60 * G_USEC_PER_SEC);
  g_assert_cmpint (swy_timeline_view_get_start (self), ==, 0);
  swy_timeline_view_zoom_to_fit (self);
  g_assert_cmpint (swy_timeline_view_get_start (self), ==, 0);
  g_assert_cmpint (swy_timeline_view_get_end (self), >=, 60 * G_USEC_PER_SEC);

  /* A reset empties the view. */
  swy_graph_reset (graph);
  g_assert_cmpint (swy_timeline_view_get_playhead (self), ==, 0);
  {
    g_autoptr(GArray) marks = swy_timeline_view_dup_marks (self, SWY_TRACE_KIND_DELIVER);

    g_assert_cmpuint (marks->len, ==, 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_timeline_replay (void)
{
  g_autoptr(SwyGraph) graph = pipeline_graph ();
  g_autoptr(SwyTrace) imported = swy_trace_new ();
  g_autoptr(SwyReplay) replay = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *view = swy_timeline_view_new ();
  SwyTimelineView *self = SWY_TIMELINE_VIEW (view);
  GtkWidget *window;

  swy_graph_run_fast (graph, 1200 * 1000);
  {
    g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
    g_autoptr(GInputStream) in = NULL;
    g_autoptr(GBytes) bytes = NULL;

    g_assert_true (swy_trace_write_jsonl (swy_graph_get_trace (graph), out, NULL, &error));
    g_assert_true (g_output_stream_close (out, NULL, &error));
    bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
    in = g_memory_input_stream_new_from_bytes (bytes);
    g_assert_true (swy_trace_read_jsonl (imported, in, NULL, &error));
    g_assert_no_error (error);
  }
  swy_graph_reset (graph);

  replay = swy_replay_new (graph, imported, &error);
  g_assert_no_error (error);
  swy_timeline_view_set_replay (self, replay);
  g_assert_true (swy_timeline_view_get_graph (self) == graph);
  window = show_in_window (view, WIDTH, HEIGHT);
  show_range (self, 0, 1200 * 1000);

  /* Nothing until the replay moves; then what was recorded up to its time,
   * arrows from the wires' emitters although the file does not name them. */
  {
    g_autoptr(GArray) marks = swy_timeline_view_dup_marks (self, SWY_TRACE_KIND_DELIVER);

    g_assert_cmpuint (marks->len, ==, 0);
  }
  swy_replay_seek (replay, 600 * 1000);
  g_assert_cmpint (swy_timeline_view_get_playhead (self), ==, 600 * 1000);
  {
    g_autoptr(GArray) marks = swy_timeline_view_dup_marks (self, SWY_TRACE_KIND_DELIVER);
    double y_orders;

    g_assert_cmpuint (marks->len, ==, count_deliveries (imported, NULL, 0, 600 * 1000));
    g_assert_true (swy_timeline_view_get_lane_y (self, "orders", &y_orders));
    g_assert_cmpfloat (g_array_index (marks, SwyTimelineMark, 0).from.y, ==, y_orders);
    g_assert_cmpfloat_with_epsilon (g_array_index (marks, SwyTimelineMark, 0).from.x,
                                    swy_timeline_view_time_to_x (self, 100 * 1000), 0.001);
  }
  swy_replay_seek (replay, 300 * 1000);
  {
    g_autoptr(GArray) marks = swy_timeline_view_dup_marks (self, SWY_TRACE_KIND_DELIVER);

    g_assert_cmpuint (marks->len, ==, count_deliveries (imported, NULL, 0, 300 * 1000));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
take_screenshot (GtkWidget  *window,
                 const char *name)
{
  settle (window);
  save_window_png (window, name);
}

static void
test_timeline_screenshot (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "competing-consumers.swy", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SwyViewState) state = swy_view_state_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SwyGraph) graph = swy_graph_new_from_file (file, NULL, &error);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *timeline = swy_timeline_new ();
  SwyTimelineView *view = swy_timeline_get_view (SWY_TIMELINE (timeline));

  g_assert_no_error (error);
  swy_timeline_set_graph (SWY_TIMELINE (timeline), graph);
  swy_timeline_set_view_state (SWY_TIMELINE (timeline), state);
  swy_graph_run_fast (graph, 2600 * 1000);

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("Timeline", NULL));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), timeline);
  gtk_widget_set_vexpand (timeline, TRUE);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 330);
  gtk_window_present (GTK_WINDOW (window));
  settle (window);

  swy_timeline_view_set_follow (view, FALSE);
  swy_timeline_view_set_scale (view, 0.0005);
  swy_timeline_view_set_start (view, 800 * 1000);
  swy_view_state_set_selected_event (state, 12);
  take_screenshot (window, "screenshot-timeline.png");

  /* Zoomed out over a busy run: density bars. */
  {
    g_autoptr(SwyGraph) busy = swy_graph_new ();

    add_node (busy, "poisson", "sensors");
    add_node (busy, "filter", "hot");
    add_node (busy, "throttle", "limit");
    add_node (busy, "counter", "alerts");
    g_object_set (swy_graph_lookup_node (busy, "sensors"), "rate-hz", 400.0, "topic", "sensors/temp", NULL);
    g_object_set (swy_graph_lookup_node (busy, "hot"), "op", SWY_FILTER_OP_GT, "operand", 0.5, NULL);
    g_object_set (swy_graph_lookup_node (busy, "limit"), "window-ms", 20, NULL);
    connect_nodes (busy, "sensors:out", "hot:in", 0);
    connect_nodes (busy, "hot:out", "limit:in", 5);
    connect_nodes (busy, "limit:out", "alerts:in", 0);
    swy_timeline_set_graph (SWY_TIMELINE (timeline), busy);
    swy_graph_run_fast (busy, 30 * G_USEC_PER_SEC);
    swy_timeline_view_zoom_to_fit (view);
    take_screenshot (window, "screenshot-timeline-dense.png");
    g_assert_true (swy_timeline_view_is_aggregated (view));
    swy_timeline_set_graph (SWY_TIMELINE (timeline), NULL);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The label that shows the span in view ("1.2 s – 2.3 s"): the only label
 * of the timeline's toolbar with a dash in it. */
static gboolean
is_range_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_INSCRIPTION (widget) &&
         strstr (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), "–") != NULL;
}

typedef struct {
  GtkInscription *label;
  GPtrArray      *seen;   /* the label's texts, each once, in order */
  guint      frames;
} RangeWatch;

static gboolean
watch_range_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  RangeWatch *watch = user_data;
  const char *text = gtk_inscription_get_text (watch->label);

  /* Every frame takes longer than the refresh interval, as painting a
   * whole window does with GL in software. */
  g_usleep (30 * 1000);
  watch->frames++;
  if (watch->seen->len == 0 || g_strcmp0 (g_ptr_array_index (watch->seen, watch->seen->len - 1), text) != 0)
    g_ptr_array_add (watch->seen, g_strdup (text));

  return G_SOURCE_CONTINUE;
}

/* While the graph plays, frames follow each other with no gap whenever
 * one takes longer than the refresh interval (GL in software, a big
 * window: here a frame is made to take 30 ms). The span label, set after
 * the view is laid out, must keep up with the view all the same, not wait
 * until the run pauses. */
static void
test_timeline_range_label_live (void)
{
  g_autoptr(SwyGraph) graph = pipeline_graph ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *timeline = swy_timeline_new ();
  SwyTimelineView *view = swy_timeline_get_view (SWY_TIMELINE (timeline));
  RangeWatch watch = { NULL, seen, 0 };
  GtkWidget *window;
  gint64 deadline;
  guint id;

  g_object_set (swy_graph_lookup_node (graph, "orders"), "count", 0, NULL);
  swy_timeline_set_graph (SWY_TIMELINE (timeline), graph);
  window = show_in_window (timeline, 1280, 800);
  watch.label = GTK_INSCRIPTION (test_find_widget (timeline, is_range_label, NULL));
  g_assert_nonnull (watch.label);
  g_assert_true (swy_timeline_view_get_follow (view));

  /* Four seconds of virtual time at 4x: the view scrolls with the playhead. */
  id = gtk_widget_add_tick_callback (window, watch_range_cb, &watch, NULL);
  swy_graph_set_speed (graph, 4.0);
  swy_graph_play (graph);
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (swy_graph_get_now (graph) < 4 * G_USEC_PER_SEC && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (swy_graph_get_now (graph), >=, 4 * G_USEC_PER_SEC);
  g_assert_cmpint (swy_timeline_view_get_start (view), >, 0);

  /* Seen from the frames themselves, while playing: the label moved along
   * (a new text at least every 0.1 s of virtual time once the view
   * scrolls), and the last one is the span in view a frame ago, not the
   * first one. */
  g_test_message ("%u frames, %u texts, last “%s”", watch.frames, seen->len,
                  (const char *) g_ptr_array_index (seen, seen->len - 1));
  g_assert_cmpuint (seen->len, >=, 5);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (seen, seen->len - 1), " s"));
  g_assert_false (g_str_has_prefix (g_ptr_array_index (seen, seen->len - 1), "0.0 s"));

  swy_graph_pause (graph);
  gtk_widget_remove_tick_callback (window, id);

  /* The label changes with the view at once, not from a later turn of the
   * main loop that would ask for another frame. */
  {
    g_autofree char *before = g_strdup (gtk_inscription_get_text (watch.label));

    swy_timeline_view_set_follow (view, FALSE);
    swy_timeline_view_set_start (view, 500 * 1000);
    g_assert_cmpstr (gtk_inscription_get_text (watch.label), !=, before);
    g_assert_true (g_str_has_prefix (gtk_inscription_get_text (watch.label), "0.5 s – "));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/Swy/Timeline/lanes", test_timeline_lanes);
  g_test_add_func ("/Swy/Timeline/arrows", test_timeline_arrows);
  g_test_add_func ("/Swy/Timeline/click-selects", test_timeline_click_selects);
  g_test_add_func ("/Swy/Timeline/aggregates", test_timeline_aggregates);
  g_test_add_func ("/Swy/Timeline/follow", test_timeline_follow);
  g_test_add_func ("/Swy/Timeline/range-label-live", test_timeline_range_label_live);
  g_test_add_func ("/Swy/Timeline/replay", test_timeline_replay);
  g_test_add_func ("/Swy/Timeline/screenshot", test_timeline_screenshot);

  return g_test_run ();
}
