/* bench-log.c: the event log and the timeline over a million records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each GSK renderer (GL, cairo) a child process of this program builds
 * a graph whose trace holds 1,000,000 records (the ring's capacity, so it
 * has wrapped), opens an undecorated 1280x800 window and measures, for the
 * event log (SwyLogView) and then the timeline (SwyTimeline):
 *
 *  - open: from making the view until the first frame painted with the
 *    view mapped and its model holding every record (three times, median);
 *  - filters: from changing a filter through the view's own widgets (or
 *    the timeline view's lane filter) until the first frame painted with
 *    it applied, and back; the log's while it follows (its live tail in
 *    GTK's list) and again after a scroll up froze it (the whole log);
 *  - scroll from end to start: a jump from the end (following) to the
 *    first record, and a sweep from the end to the start in 100 steps,
 *    each until its frame is painted;
 *  - streaming: the graph plays live at speed 1, 10,000 records a second,
 *    with the view following; every frame for 5 s after 1 s of warm-up,
 *    from the GdkFrameClock: the interval between frames, and the busy
 *    time from before-paint to after-paint (tick callbacks, layout,
 *    snapshot, rendering);
 *  - the floor of a streaming frame, for each view: the same window with
 *    the graph paused and the view no longer following (nothing changes),
 *    and only a 4x4 widget in its corner drawn again every frame, for 3 s. Under Xvfb
 *    GTK 4.8's GL renderer paints the whole window every frame (no buffer
 *    age), so with GL this is the full-window repaint every frame pays;
 *    cairo paints only the widget.
 *
 * "Until painted" means until the frame clock's after-paint: it includes
 * waiting for the frame slot (GTK paces frames at 60 Hz), as a user sees it.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <swy.h>

#include "bench-frames.h"
#include "swy-log-model.h"
#include "swy-log-view.h"
#include "swy-log-view-private.h"
#include "swy-timeline.h"
#include "swy-timeline-view.h"
#include "swy-view-state.h"

#define WINDOW_WIDTH      1280
#define WINDOW_HEIGHT     800
#define N_RECORDS         1000000
#define OPEN_REPEATS      3
#define SWEEP_STEPS       100
#define WARMUP_S          1.0
#define STREAM_S          5.0
#define FLOOR_S           3.0
#define CHILD_TIMEOUT_S   600
#define N_FAN             4     /* counters per producer */

static const char *renderers[] = { "gl", "cairo" };
static char *only;      /* --only: one view's one part, for profiling */

/* Whether to measure @part of @view ("log" or "timeline"; "open", "filters",
 * "scroll" or "streaming", or NULL for any). */
static gboolean
wanted (const char *view,
        const char *part)
{
  g_autofree char *name = g_strconcat (view, "-", part, NULL);

  if (only == NULL)
    return TRUE;
  if (part == NULL)
    return g_str_has_prefix (only, view) && only[strlen (view)] == '-';
  return g_str_equal (only, name);
}

typedef struct
{
  GtkWidget    *window;
  GtkWidget    *overlay;        /* the window's child: the view, and the dot */
  GtkWidget    *dot;            /* 4x4 in the top right corner, for the floor */
  SwyGraph     *graph;
  SwyViewState *view_state;
  GtkWidget    *view;           /* SwyLogView or SwyTimeline */
  JsonBuilder  *out;

  guint64       painted;        /* after-paint count */
  double        after_paint_ms; /* when the last one ran */
  double        paint_start_ms;
  gint64        last_frame_time;
  gboolean      recording;
  FramePhases   phases;
  double        between_start_cpu_ms;
  double        paint_start_cpu_ms;
  GArray       *interval_ms;
  GArray       *busy_ms;
  GArray       *update_ms;      /* tick callbacks: the views' model updates */
  GArray       *layout_ms;
  GArray       *paint_ms;       /* snapshot and rendering */
  GArray       *between_ms;     /* main thread CPU between frames: the engine */
} Child;

typedef gboolean (*Condition) (Child *child);

static void
before_paint_cb (GdkFrameClock *clock,
                 Child         *child)
{
  child->paint_start_ms = now_ms ();
  child->paint_start_cpu_ms = thread_cpu_ms ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Child         *child)
{
  gint64 frame_time = gdk_frame_clock_get_frame_time (clock);

  child->painted++;
  child->after_paint_ms = now_ms ();
  if (child->recording)
    {
      if (child->last_frame_time != 0)
        add_value (child->interval_ms, (frame_time - child->last_frame_time) / 1000.0);
      add_value (child->busy_ms, child->after_paint_ms - child->paint_start_ms);
      frame_phases_add (&child->phases, child->update_ms, child->layout_ms, child->paint_ms);
      if (child->between_start_cpu_ms > 0)
        add_value (child->between_ms, child->paint_start_cpu_ms - child->between_start_cpu_ms);
    }
  child->last_frame_time = frame_time;
  child->between_start_cpu_ms = thread_cpu_ms ();
}

static gboolean
child_timeout_cb (gpointer user_data)
{
  g_printerr ("bench-log: the child did not finish in %d s\n", CHILD_TIMEOUT_S);
  exit (3);
}

/* Runs the main loop until a frame is painted after now with @cond true;
 * returns when that frame's after-paint ran. */
static double
wait_painted (Child     *child,
              Condition  cond)
{
  guint64 start = child->painted;

  gtk_widget_queue_draw (child->window);
  for (;;)
    {
      guint64 seen = child->painted;

      g_main_context_iteration (NULL, TRUE);
      if (child->painted > start && (cond == NULL || cond (child)))
        return child->after_paint_ms;
      if (child->painted != seen)
        gtk_widget_queue_draw (child->window);
    }
}

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @seconds, painting as things ask. */
static void
run_for (double seconds)
{
  gboolean done = FALSE;

  g_timeout_add ((guint) (seconds * 1000), set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The graph */

static void
add_node (SwyGraph   *graph,
          const char *type,
          const char *id)
{
  g_autoptr(GError) error = NULL;

  if (swy_graph_create_node (graph, type, id, &error) == NULL)
    g_error ("bench-log: %s", error->message);
}

static void
connect_ports (SwyGraph   *graph,
               const char *from,
               const char *to)
{
  g_autoptr(GError) error = NULL;

  if (swy_graph_connect (graph, from, to, &error) == NULL)
    g_error ("bench-log: %s", error->message);
}

/* Two timers every millisecond, "sensors/temp" and "noise/tick", each into
 * four counters: 2 emissions and 8 deliveries a millisecond, 10,000 records
 * a second of virtual time. */
static SwyGraph *
build_graph (void)
{
  SwyGraph *graph = swy_graph_new ();
  const char *producers[] = { "sensors", "noise" };
  const char *topics[] = { "sensors/temp", "noise/tick" };

  for (guint p = 0; p < G_N_ELEMENTS (producers); p++)
    {
      g_autofree char *out = g_strconcat (producers[p], ":out", NULL);

      add_node (graph, "timer", producers[p]);
      g_object_set (swy_graph_lookup_node (graph, producers[p]),
                    "interval-ms", 1, "count", 0, "topic", topics[p], NULL);
      for (guint i = 1; i <= N_FAN; i++)
        {
          g_autofree char *id = g_strdup_printf ("%c-%u", producers[p][0], i);
          g_autofree char *in = g_strconcat (id, ":in", NULL);

          add_node (graph, "counter", id);
          connect_ports (graph, out, in);
        }
    }

  return graph;
}

static guint
n_trace (Child *child)
{
  return g_list_model_get_n_items (G_LIST_MODEL (swy_graph_get_trace (child->graph)));
}

/* Output */

static void
add_double (JsonBuilder *out,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (out, name);
  json_builder_add_double_value (out, round (value * 1000) / 1000);
}

static void
add_int (JsonBuilder *out,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (out, name);
  json_builder_add_int_value (out, value);
}

/* The log */

static SwyLogView *
log_view (Child *child)
{
  return SWY_LOG_VIEW (child->view);
}

static guint
log_rows (Child *child)
{
  return g_list_model_get_n_items (G_LIST_MODEL (swy_log_view_get_model (log_view (child))));
}

static gboolean
log_ready (Child *child)
{
  return gtk_widget_get_mapped (child->view) && log_rows (child) == n_trace (child);
}

static gboolean
log_filtered (Child *child)
{
  return !swy_log_model_get_pending (swy_log_view_get_model (log_view (child)));
}

static GtkAdjustment *
log_vadjustment (Child *child)
{
  GtkWidget *column_view = GTK_WIDGET (_swy_log_view_get_column_view (log_view (child)));
  GtkWidget *scrolled = gtk_widget_get_ancestor (column_view, GTK_TYPE_SCROLLED_WINDOW);

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
}

static gboolean
log_at_start (Child *child)
{
  return gtk_adjustment_get_value (log_vadjustment (child)) == 0.0;
}

static void
set_placeholder (Child *child)
{
  child->view = NULL;
  gtk_overlay_set_child (GTK_OVERLAY (child->overlay), gtk_label_new ("…"));
  wait_painted (child, NULL);
}

/* One filter change and its undoing, each until painted. */
typedef void (*FilterFunc) (Child *child, gboolean on);

static void
measure_filter (Child      *child,
                const char *name,
                FilterFunc  func,
                Condition   applied)
{
  double start, call_ms, on_ms, off_ms;
  guint rows;

  start = now_ms ();
  func (child, TRUE);
  call_ms = now_ms () - start;
  on_ms = wait_painted (child, applied) - start;
  rows = child->view != NULL && SWY_IS_LOG_VIEW (child->view) ? log_rows (child) : 0;
  start = now_ms ();
  func (child, FALSE);
  off_ms = wait_painted (child, applied) - start;

  json_builder_set_member_name (child->out, name);
  json_builder_begin_object (child->out);
  add_double (child->out, "apply_ms", on_ms);
  /* The change itself: the model's rebuild and GTK's items-changed handlers */
  add_double (child->out, "apply_call_ms", call_ms);
  add_double (child->out, "remove_ms", off_ms);
  if (rows > 0)
    add_int (child->out, "rows", rows);
  json_builder_end_object (child->out);
}

static void
model_topic (SwyLogModel *model,
             gboolean     on)
{
  swy_log_model_set_topic_pattern (model, on ? "sensors/#" : "");
}

static void
model_node (SwyLogModel *model,
            gboolean     on)
{
  swy_log_model_set_node (model, on ? "s-1" : NULL);
}

static void
model_search (SwyLogModel *model,
              gboolean     on)
{
  swy_log_model_set_search (model, on ? "#150000" : "");
}

static void
model_kind (SwyLogModel *model,
            gboolean     on)
{
  swy_log_model_set_kinds (model, on ? SWY_LOG_KINDS_DELIVER | SWY_LOG_KINDS_DROP : SWY_LOG_KINDS_ALL);
}

static void
filter_topic (Child   *child,
              gboolean on)
{
  gtk_editable_set_text (_swy_log_view_get_topic_entry (log_view (child)), on ? "sensors/#" : "");
}

static void
filter_node (Child   *child,
             gboolean on)
{
  GtkDropDown *nodes = _swy_log_view_get_node_dropdown (log_view (child));

  /* 0 is every node; then the graph's nodes in order: 2 is "s-1". */
  gtk_drop_down_set_selected (nodes, on ? 2 : 0);
}

static void
filter_search (Child   *child,
               gboolean on)
{
  gtk_editable_set_text (_swy_log_view_get_search_entry (log_view (child)), on ? "#150000" : "");
}

static void
filter_kind (Child   *child,
             gboolean on)
{
  gtk_toggle_button_set_active (_swy_log_view_get_kind_button (log_view (child),
                                                               SWY_TRACE_KIND_EMIT), !on);
}

static void
add_scroll (Child  *child,
            double  span_s,
            double  jump_ms,
            double  sweep_total_ms,
            GArray *sweep_ms)
{
  json_builder_set_member_name (child->out, "scroll");
  json_builder_begin_object (child->out);
  if (!isnan (span_s))
    add_double (child->out, "span_s", span_s);
  add_double (child->out, "jump_end_to_start_ms", jump_ms);
  add_double (child->out, "sweep_total_ms", sweep_total_ms);
  add_stat (child->out, "sweep_step_ms", sweep_ms);
  json_builder_end_object (child->out);
}

/* Records every frame for @seconds. */
static void
record_frames (Child  *child,
               double  seconds)
{
  g_array_set_size (child->interval_ms, 0);
  g_array_set_size (child->busy_ms, 0);
  g_array_set_size (child->update_ms, 0);
  g_array_set_size (child->layout_ms, 0);
  g_array_set_size (child->paint_ms, 0);
  g_array_set_size (child->between_ms, 0);
  child->last_frame_time = 0;
  child->between_start_cpu_ms = 0;
  child->recording = TRUE;
  run_for (seconds);
  child->recording = FALSE;
}

static void
add_frames (Child *child)
{
  add_stat (child->out, "interval_ms", child->interval_ms);
  add_stat (child->out, "busy_ms", child->busy_ms);
  add_stat (child->out, "update_ms", child->update_ms);
  add_stat (child->out, "layout_ms", child->layout_ms);
  add_stat (child->out, "paint_ms", child->paint_ms);
  add_stat (child->out, "between_cpu_ms", child->between_ms);
}

static gboolean
redraw_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  gtk_widget_queue_draw (widget);

  return G_SOURCE_CONTINUE;
}

/* Another colour every frame. */
static void
draw_dot (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  guint *frame = user_data;

  cairo_set_source_rgb (cr, (*frame)++ % 2, 0.0, 0.0);
  cairo_paint (cr);
}

/* Makes the view follow the newest records, or stop following them. */
typedef void (*FollowFunc) (Child *child, gboolean follow);

/* Frames while the graph plays live and the view follows; then the
 * streaming frame's floor in the same window: the graph paused, the view no
 * longer following, nothing changing but the dot (see the top). */
static void
measure_streaming (Child      *child,
                   FollowFunc  follow)
{
  guint64 total_start;
  double start;
  guint tick;

  follow (child, TRUE);
  swy_graph_set_speed (child->graph, 1.0);
  swy_graph_play (child->graph);
  run_for (WARMUP_S);
  total_start = swy_trace_get_n_total (swy_graph_get_trace (child->graph));
  start = now_ms ();
  record_frames (child, STREAM_S);
  swy_graph_pause (child->graph);

  json_builder_set_member_name (child->out, "streaming");
  json_builder_begin_object (child->out);
  add_double (child->out, "records_per_s",
              (swy_trace_get_n_total (swy_graph_get_trace (child->graph)) - total_start) /
              ((now_ms () - start) / 1000.0));
  add_frames (child);
  json_builder_end_object (child->out);

  follow (child, FALSE);
  wait_painted (child, NULL);
  wait_painted (child, NULL);
  tick = gtk_widget_add_tick_callback (child->dot, redraw_tick_cb, NULL, NULL);
  run_for (WARMUP_S / 2);
  record_frames (child, FLOOR_S);
  gtk_widget_remove_tick_callback (child->dot, tick);

  json_builder_set_member_name (child->out, "streaming_floor");
  json_builder_begin_object (child->out);
  add_frames (child);
  json_builder_end_object (child->out);
}

/* The log's model alone, without a view: its part of the figures above. */
static void
log_model_alone (Child *child)
{
  g_autoptr(SwyLogModel) model = swy_log_model_new (swy_graph_get_trace (child->graph), NULL);
  g_autoptr(GArray) update_ms = g_array_new (FALSE, FALSE, sizeof (double));
  struct {
    const char *name;
    void      (*func) (SwyLogModel *model, gboolean on);
  } filters[] = {
    { "topic", model_topic }, { "node", model_node }, { "search", model_search },
    { "kind", model_kind },
  };
  gint64 now = swy_graph_get_now (child->graph);
  double start;

  swy_log_model_set_auto_update (model, FALSE);
  swy_log_model_update (model);
  json_builder_set_member_name (child->out, "model_alone");
  json_builder_begin_object (child->out);
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      g_autofree char *on = g_strconcat (filters[i].name, "_apply_ms", NULL);
      g_autofree char *off = g_strconcat (filters[i].name, "_remove_ms", NULL);

      start = now_ms ();
      filters[i].func (model, TRUE);
      add_double (child->out, on, now_ms () - start);
      start = now_ms ();
      filters[i].func (model, FALSE);
      add_double (child->out, off, now_ms () - start);
    }
  /* What a frame's update does while streaming: 1,000 new records, as many
   * forgotten by the ring. */
  for (guint i = 0; i < 20; i++)
    {
      now += 100 * 1000;
      swy_graph_run_fast (child->graph, now);
      swy_trace_flush (swy_graph_get_trace (child->graph));
      start = now_ms ();
      swy_log_model_update (model);
      add_value (update_ms, now_ms () - start);
    }
  add_stat (child->out, "update_1000_records_ms", update_ms);
  json_builder_end_object (child->out);
}

static void
log_follow (Child   *child,
            gboolean follow)
{
  swy_log_view_set_following (log_view (child), follow);
}

static void
log_filter_set (Child      *child,
                const char *name)
{
  json_builder_set_member_name (child->out, name);
  json_builder_begin_object (child->out);
  measure_filter (child, "topic", filter_topic, log_filtered);
  measure_filter (child, "node", filter_node, log_filtered);
  measure_filter (child, "search", filter_search, log_filtered);
  measure_filter (child, "kind", filter_kind, log_filtered);
  json_builder_end_object (child->out);
}

/* The filters while the log follows (its live tail in GTK's list), then
 * after a scroll up froze it (the whole log in GTK's list). */
static void
log_filters (Child *child)
{
  GtkAdjustment *vadj = log_vadjustment (child);

  /* Without the search entry's typing delay (150 ms after the last key). */
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (_swy_log_view_get_search_entry (log_view (child))), 0);
  log_follow (child, TRUE);
  wait_painted (child, NULL);
  log_filter_set (child, "filters");

  wait_painted (child, NULL);
  gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) - gtk_adjustment_get_page_size (vadj) / 2);
  wait_painted (child, NULL);
  wait_painted (child, NULL);
  if (swy_log_view_get_following (log_view (child)))
    {
      g_printerr ("bench-log: scrolling up did not freeze the log\n");
      exit (3);
    }
  add_int (child->out, "frozen_rows", log_rows (child));
  log_filter_set (child, "filters_frozen");
}

/* From the end, following, to the first record: a jump, then a sweep. */
static void
log_scroll (Child *child)
{
  g_autoptr(GArray) sweep_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GtkAdjustment *vadj = log_vadjustment (child);
  double start, sweep_start, jump_ms;

  swy_log_view_set_following (log_view (child), TRUE);
  wait_painted (child, NULL);
  wait_painted (child, NULL);
  /* Following, the table holds only the last rows: the jump is from the
   * end of the whole log, as after the first scroll up that freezes it. */
  swy_log_view_set_following (log_view (child), FALSE);
  wait_painted (child, NULL);
  start = now_ms ();
  gtk_adjustment_set_value (vadj, 0.0);
  jump_ms = wait_painted (child, log_at_start) - start;

  gtk_adjustment_set_value (vadj, gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj));
  wait_painted (child, NULL);
  sweep_start = now_ms ();
  for (int i = SWEEP_STEPS - 1; i >= 0; i--)
    {
      double top = gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj);

      start = now_ms ();
      gtk_adjustment_set_value (vadj, top * i / SWEEP_STEPS);
      add_value (sweep_ms, wait_painted (child, NULL) - start);
    }
  add_scroll (child, NAN, jump_ms, now_ms () - sweep_start, sweep_ms);
}

static void
bench_log (Child *child)
{
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  double start;

  if (!wanted ("log", NULL))
    return;
  json_builder_set_member_name (child->out, "log");
  json_builder_begin_object (child->out);

  for (guint i = 0; i < (wanted ("log", "open") ? OPEN_REPEATS : 1); i++)
    {
      if (i > 0)
        set_placeholder (child);
      start = now_ms ();
      child->view = swy_log_view_new (child->graph, child->view_state);
      gtk_overlay_set_child (GTK_OVERLAY (child->overlay), child->view);
      add_value (open_ms, wait_painted (child, log_ready) - start);
    }
  add_stat (child->out, "open_ms", open_ms);
  add_int (child->out, "rows", log_rows (child));

  if (wanted ("log", "filters"))
    {
      log_filters (child);
      log_model_alone (child);
    }
  if (wanted ("log", "scroll"))
    log_scroll (child);
  if (wanted ("log", "streaming"))
    measure_streaming (child, log_follow);
  json_builder_end_object (child->out);
}

/* The timeline */

static SwyTimelineView *
timeline_view (Child *child)
{
  return swy_timeline_get_view (SWY_TIMELINE (child->view));
}

static gboolean
timeline_ready (Child *child)
{
  return gtk_widget_get_mapped (child->view) && swy_timeline_view_get_n_lanes (timeline_view (child)) > 0;
}

static void
filter_lanes (Child   *child,
              gboolean on)
{
  const char *lanes[] = { "sensors", "s-1", NULL };

  swy_timeline_view_set_lane_filter (timeline_view (child), on ? lanes : NULL);
}

static void
timeline_follow (Child   *child,
                 gboolean follow)
{
  swy_timeline_view_set_follow (timeline_view (child), follow);
}

static gboolean
timeline_at_start (Child *child)
{
  return swy_timeline_view_get_start (timeline_view (child)) <= 0;
}

/* From the end (following the playhead) to time zero: a jump, then a sweep. */
static void
timeline_scroll (Child *child)
{
  g_autoptr(GArray) sweep_ms = g_array_new (FALSE, FALSE, sizeof (double));
  SwyTimelineView *view = timeline_view (child);
  double start, sweep_start, jump_ms;
  gint64 end_start;

  swy_timeline_view_set_follow (view, TRUE);
  wait_painted (child, NULL);
  wait_painted (child, NULL);
  end_start = swy_timeline_view_get_start (view);
  start = now_ms ();
  swy_timeline_view_set_follow (view, FALSE);
  swy_timeline_view_set_start (view, 0);
  jump_ms = wait_painted (child, timeline_at_start) - start;

  swy_timeline_view_set_start (view, end_start);
  wait_painted (child, NULL);
  sweep_start = now_ms ();
  for (int i = SWEEP_STEPS - 1; i >= 0; i--)
    {
      start = now_ms ();
      swy_timeline_view_set_start (view, end_start * i / SWEEP_STEPS);
      add_value (sweep_ms, wait_painted (child, NULL) - start);
    }
  add_scroll (child, end_start / (double) G_USEC_PER_SEC, jump_ms, now_ms () - sweep_start,
              sweep_ms);
}

static void
bench_timeline (Child *child)
{
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  double start;

  if (!wanted ("timeline", NULL))
    return;
  json_builder_set_member_name (child->out, "timeline");
  json_builder_begin_object (child->out);

  for (guint i = 0; i < (wanted ("timeline", "open") ? OPEN_REPEATS : 1); i++)
    {
      set_placeholder (child);
      start = now_ms ();
      child->view = swy_timeline_new ();
      swy_timeline_set_view_state (SWY_TIMELINE (child->view), child->view_state);
      swy_timeline_set_graph (SWY_TIMELINE (child->view), child->graph);
      gtk_overlay_set_child (GTK_OVERLAY (child->overlay), child->view);
      add_value (open_ms, wait_painted (child, timeline_ready) - start);
    }
  add_stat (child->out, "open_ms", open_ms);
  add_int (child->out, "lanes", swy_timeline_view_get_n_lanes (timeline_view (child)));

  if (wanted ("timeline", "filters"))
    {
      json_builder_set_member_name (child->out, "filters");
      json_builder_begin_object (child->out);
      measure_filter (child, "lanes", filter_lanes, NULL);
      json_builder_end_object (child->out);
    }
  if (wanted ("timeline", "scroll"))
    timeline_scroll (child);
  if (wanted ("timeline", "streaming"))
    measure_streaming (child, timeline_follow);
  json_builder_end_object (child->out);
}

static int
run_child (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  GdkFrameClock *clock;
  Child child = { 0 };
  guint dot_frame = 0;
  double start;

  gtk_init ();
  adw_init ();
  gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_timeout_add_seconds (CHILD_TIMEOUT_S, child_timeout_cb, NULL);

  child.out = json_builder_new ();
  child.interval_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.busy_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.update_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.layout_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.paint_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.between_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.view_state = swy_view_state_new ();
  json_builder_begin_object (child.out);

  /* A million records, the ring's capacity, wrapped once a little. */
  start = now_ms ();
  child.graph = build_graph ();
  swy_graph_run_fast (child.graph, (N_RECORDS / 10 + 100) * (gint64) 1000);
  swy_trace_flush (swy_graph_get_trace (child.graph));
  add_double (child.out, "record_s", (now_ms () - start) / 1000.0);
  add_int (child.out, "records", n_trace (&child));
  add_int (child.out, "records_total", swy_trace_get_n_total (swy_graph_get_trace (child.graph)));

  child.window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (child.window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (child.window), WINDOW_WIDTH, WINDOW_HEIGHT);
  child.overlay = gtk_overlay_new ();
  gtk_window_set_child (GTK_WINDOW (child.window), child.overlay);
  child.dot = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (child.dot), 4);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (child.dot), 4);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (child.dot), draw_dot, &dot_frame, NULL);
  gtk_widget_set_halign (child.dot, GTK_ALIGN_END);
  gtk_widget_set_valign (child.dot, GTK_ALIGN_START);
  gtk_widget_set_can_target (child.dot, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (child.overlay), child.dot);
  gtk_window_present (GTK_WINDOW (child.window));
  clock = gtk_widget_get_frame_clock (child.window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &child);
  frame_phases_connect (clock, &child.phases);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &child);
  set_placeholder (&child);
  while (gtk_widget_get_width (child.window) != WINDOW_WIDTH)
    wait_painted (&child, NULL);

  bench_log (&child);
  bench_timeline (&child);

  json_builder_set_member_name (child.out, "renderer");
  json_builder_add_string_value (child.out,
                                 G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (child.window))));
  json_builder_end_object (child.out);
  root = json_builder_get_root (child.out);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  puts (json);

  gtk_window_destroy (GTK_WINDOW (child.window));
  g_object_unref (child.view_state);
  g_object_unref (child.graph);
  g_object_unref (child.out);
  g_array_unref (child.interval_ms);
  g_array_unref (child.busy_ms);
  g_array_unref (child.update_ms);
  g_array_unref (child.layout_ms);
  g_array_unref (child.paint_ms);
  g_array_unref (child.between_ms);

  return 0;
}

/* The parent */

static JsonObject *
spawn_child (const char  *self_path,
             const char  *renderer,
             char       **failure)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;

  g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", renderer, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, self_path, "--child",
                                         only != NULL ? "--only" : NULL, only, NULL);
  if (process == NULL ||
      !g_subprocess_communicate_utf8 (process, NULL, NULL, &stdout_text, &stderr_text, &error))
    {
      *failure = g_strdup (error->message);
      return NULL;
    }
  if (!g_subprocess_get_successful (process))
    {
      *failure = g_strdup_printf ("child failed: %s", stderr_text);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, stdout_text, -1, &error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      *failure = g_strdup_printf ("unreadable output: %s", error != NULL ? error->message : stdout_text);
      return NULL;
    }

  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* A figure by its path ("log.open_ms.median"), or NAN when not measured. */
static double
get (JsonObject *object,
     const char *view,
     const char *path)
{
  g_autofree char *full = g_strconcat (view, ".", path, NULL);
  g_auto(GStrv) parts = g_strsplit (full, ".", -1);
  JsonObject *o = object;

  for (guint i = 0; parts[i + 1] != NULL; i++)
    {
      if (!json_object_has_member (o, parts[i]))
        return NAN;
      o = json_object_get_object_member (o, parts[i]);
    }
  if (!json_object_has_member (o, parts[g_strv_length (parts) - 1]))
    return NAN;

  return json_object_get_double_member (o, parts[g_strv_length (parts) - 1]);
}

/* The filters of one set ("filters" or "filters_frozen"), if measured. */
static void
print_filters (JsonObject *figures,
               const char *renderer,
               const char *view,
               const char *set,
               const char *label)
{
  JsonObject *filters;
  g_autoptr(GList) names = NULL;

  if (!json_object_has_member (json_object_get_object_member (figures, view), set))
    return;
  filters = json_object_get_object_member (json_object_get_object_member (figures, view), set);
  names = json_object_get_members (filters);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *f = json_object_get_object_member (filters, l->data);
      double apply = json_object_get_double_member (f, "apply_ms");

      printf ("%-6s %-8s %sfilter %-7s applied %.1f ms (%.2fx the 200 ms target; the change "
              "itself %.1f ms), removed %.1f ms, %" G_GINT64_FORMAT " rows\n",
              renderer, view, label, (const char *) l->data, apply, apply / 200.0,
              json_object_get_double_member (f, "apply_call_ms"),
              json_object_get_double_member (f, "remove_ms"),
              json_object_has_member (f, "rows") ? json_object_get_int_member (f, "rows") : 0);
    }
}

static void
print_view (JsonObject *figures,
            const char *renderer,
            const char *view)
{
  if (!json_object_has_member (figures, view))
    return;

  printf ("%-6s %-8s open %.1f ms (median of %.0f)\n", renderer, view,
          get (figures, view, "open_ms.median"), get (figures, view, "open_ms.n"));
  if (!isnan (get (figures, view, "scroll.jump_end_to_start_ms")))
    printf ("%-6s %-8s scroll end to start: jump %.1f ms; sweep in %d steps %.1f ms, "
          "a step median %.1f, max %.1f ms\n", renderer, view,
          get (figures, view, "scroll.jump_end_to_start_ms"), SWEEP_STEPS,
          get (figures, view, "scroll.sweep_total_ms"),
          get (figures, view, "scroll.sweep_step_ms.median"),
          get (figures, view, "scroll.sweep_step_ms.max"));
  if (!isnan (get (figures, view, "streaming.records_per_s")))
    printf ("%-6s %-8s streaming %.0f records/s: frame busy median %.1f, p95 %.1f, max %.1f ms "
          "(%.2fx the 16 ms target); interval median %.1f, p95 %.1f, max %.1f ms; "
          "update %.1f, layout %.1f, paint %.1f ms (medians)\n", renderer, view,
          get (figures, view, "streaming.records_per_s"),
          get (figures, view, "streaming.busy_ms.median"),
          get (figures, view, "streaming.busy_ms.p95"),
          get (figures, view, "streaming.busy_ms.max"),
          get (figures, view, "streaming.busy_ms.max") / 16.0,
          get (figures, view, "streaming.interval_ms.median"),
          get (figures, view, "streaming.interval_ms.p95"),
          get (figures, view, "streaming.interval_ms.max"),
          get (figures, view, "streaming.update_ms.median"),
          get (figures, view, "streaming.layout_ms.median"),
          get (figures, view, "streaming.paint_ms.median"));
  if (!isnan (get (figures, view, "streaming_floor.busy_ms.median")))
    printf ("%-6s %-8s floor (paused, not following, a 4x4 widget drawn every frame): frame busy median %.1f, "
            "p95 %.1f, max %.1f ms, paint %.1f ms (median); streaming's busy median %.2fx and max "
            "%.2fx this median\n", renderer, view,
            get (figures, view, "streaming_floor.busy_ms.median"),
            get (figures, view, "streaming_floor.busy_ms.p95"),
            get (figures, view, "streaming_floor.busy_ms.max"),
            get (figures, view, "streaming_floor.paint_ms.median"),
            get (figures, view, "streaming.busy_ms.median") / get (figures, view, "streaming_floor.busy_ms.median"),
            get (figures, view, "streaming.busy_ms.max") / get (figures, view, "streaming_floor.busy_ms.median"));

  print_filters (figures, renderer, view, "filters", "");
  print_filters (figures, renderer, view, "filters_frozen", "frozen ");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *self_path = NULL;
  gboolean child = FALSE;
  int status = 0;
  const GOptionEntry entries[] = {
    { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &child, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, "Write every figure to FILE", "FILE" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      "Measure one part: log-open, log-filters, log-scroll, log-streaming, the same for timeline",
      "PART" },
    G_OPTION_ENTRY_NULL
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, "The event log and the timeline over 1,000,000 records, "
                                         "with the GL and the cairo renderer.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-log: %s\n", error->message);
      return 2;
    }
  if (child)
    return run_child ();

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = g_strdup (argv[0]);

  printf ("bench-log: %d records, window %dx%d, build type %s; \"until painted\" includes the "
          "wait for the frame slot\n", N_RECORDS, WINDOW_WIDTH, WINDOW_HEIGHT, BENCH_BUILDTYPE);
  json_builder_begin_object (builder);
  for (guint r = 0; r < G_N_ELEMENTS (renderers); r++)
    {
      g_autofree char *failure = NULL;
      g_autoptr(JsonObject) figures = spawn_child (self_path, renderers[r], &failure);

      json_builder_set_member_name (builder, renderers[r]);
      if (figures == NULL)
        {
          printf ("%-8s failed: %s\n", renderers[r], failure);
          json_builder_add_string_value (builder, failure);
          status = 1;
          continue;
        }
      print_view (figures, renderers[r], "log");
      print_view (figures, renderers[r], "timeline");
      {
        JsonNode *node = json_node_new (JSON_NODE_OBJECT);

        json_node_set_object (node, figures);
        json_builder_add_value (builder, node);
      }
      fflush (stdout);
    }
  json_builder_end_object (builder);

  if (json_path != NULL)
    {
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      if (!json_generator_to_file (generator, json_path, &error))
        {
          g_printerr ("bench-log: %s\n", error->message);
          return 1;
        }
    }

  return status;
}
