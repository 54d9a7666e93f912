/* test-storm.c: storms and load in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three storms play live at the top speed (20×) in a window with the
 * Events panel open: a sync cycle (stopped by the depth limit), a queued
 * cycle that doubles every lap (hop limit, then the pending limit), and a
 * Poisson producer at 100,000 events a second. While they run, the window
 * must keep answering: D-Bus calls into its action group, as another
 * process makes them (through the bus daemon, at the priority of input
 * events), all come back; frames keep being painted; the trace ring never
 * holds more than its capacity and the canvas never draws more tokens than
 * its cap. Idle callbacks (G_PRIORITY_DEFAULT_IDLE) posted every 100 ms must
 * all have run by the end, and some while the storm played: frames slower
 * than the refresh interval (GL on llvmpipe) would keep GTK's frame clock
 * always due, but the window's frame pacer leaves the main loop a gap after
 * each (swy-frame-pacer.c); how long they waited is reported, not
 * asserted. Then a graph of 1,000 nodes and 2,000 wires opens, renders
 * (a screenshot in the build directory), runs and saves, and loads back
 * equal.
 *
 * As a test it runs each storm for a short span of virtual time. The same
 * program is the storm benchmark (bench/README.md): with
 * `--virtual-seconds 600 --json FILE` each storm runs for ten minutes of
 * virtual time, and the figures (the intervals between the frames that
 * painted the window and the time each took, by phase, from the
 * GdkFrameClock; idle and D-Bus latencies; the engine's items a second;
 * resident memory; trace and token high-water marks) go to FILE. Nothing
 * here asserts a duration.
 */

#define G_LOG_DOMAIN "test-storm"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "swy-window.h"
#include "swy-window-test-util.h"

#define TEST_APP_ID      "io.github.switchyard.SwitchyardTest"
#define PROBE_INTERVAL_MS 100
/* The canvas's cap on tokens drawn a frame (MAX_TOKENS in swy-canvas-live.c). */
#define CANVAS_TOKEN_CAP 4000
/* A bound on the whole run of one storm, never a measure: far above what it
 * takes, so only a window that stopped answering reaches it. The benchmark's
 * ten minutes of virtual time take far longer than the test's spans where
 * the engine cannot keep up with 20x (100,000 events/s: 2 million a second). */
#define GUARD_SECONDS        600
#define BENCH_GUARD_SECONDS  (4 * 3600)

static SwyApplication *app;
static double virtual_seconds_override;   /* --virtual-seconds, 0: the test's spans */
static char *json_path;                   /* --json */
static JsonBuilder *json;

/* Storms */

typedef struct
{
  const char *name;
  const char *title;
  double      test_seconds;   /* of virtual time, in the test run */
  const char *text;
  const char *page;           /* the Events panel's page, if not the log */
} Storm;

#define HEAD "{ \"format\": \"switchyard\", \"version\": 1, "

#define PRODUCER_100K \
  HEAD "\"title\": \"100,000 events a second\", \"nodes\": [" \
  "{ \"id\": \"firehose\", \"type\": \"poisson\", \"x\": 0, \"y\": 0," \
  "  \"properties\": { \"rate-hz\": 100000, \"topic\": \"hose\" } }," \
  "{ \"id\": \"sink\", \"type\": \"counter\", \"x\": 260, \"y\": 0 } ]," \
  "\"wires\": [ { \"from\": \"firehose:out\", \"to\": \"sink:in\" } ] }"

static const Storm storms[] = {
  { "sync-cycle", "a sync cycle, ticked every 10 ms", 60.0,
    HEAD "\"title\": \"Sync cycle\", \"nodes\": ["
    "{ \"id\": \"tick\", \"type\": \"timer\", \"x\": 0, \"y\": 0,"
    "  \"properties\": { \"interval-ms\": 10, \"topic\": \"loop\" } },"
    "{ \"id\": \"ping\", \"type\": \"filter\", \"x\": 260, \"y\": 0 },"
    "{ \"id\": \"pong\", \"type\": \"filter\", \"x\": 520, \"y\": 0 } ],"
    "\"wires\": ["
    "{ \"from\": \"tick:out\", \"to\": \"ping:in\" },"
    "{ \"from\": \"ping:out\", \"to\": \"pong:in\" },"
    "{ \"from\": \"pong:out\", \"to\": \"ping:in\" } ] }" },
  { "queued-fan-out", "a queued cycle that doubles every lap", 15.0,
    HEAD "\"title\": \"Queued fan-out\", \"settings\": { \"max-pending\": 20000 }, \"nodes\": ["
    "{ \"id\": \"seed\", \"type\": \"timer\", \"x\": 0, \"y\": 120,"
    "  \"properties\": { \"interval-ms\": 1000, \"topic\": \"grow\" } },"
    "{ \"id\": \"hub\", \"type\": \"filter\", \"x\": 260, \"y\": 120 },"
    "{ \"id\": \"left\", \"type\": \"filter\", \"x\": 520, \"y\": 0 },"
    "{ \"id\": \"right\", \"type\": \"filter\", \"x\": 520, \"y\": 240 } ],"
    "\"wires\": ["
    "{ \"from\": \"seed:out\", \"to\": \"hub:in\" },"
    "{ \"from\": \"hub:out\", \"to\": \"left:in\", \"mode\": \"queued\", \"latency-ms\": 250 },"
    "{ \"from\": \"hub:out\", \"to\": \"right:in\", \"mode\": \"queued\", \"latency-ms\": 250 },"
    "{ \"from\": \"left:out\", \"to\": \"hub:in\", \"mode\": \"queued\", \"latency-ms\": 250 },"
    "{ \"from\": \"right:out\", \"to\": \"hub:in\", \"mode\": \"queued\", \"latency-ms\": 250 } ] }" },
  { "producer-100k", "a Poisson producer at 100,000 events/s", 5.0, PRODUCER_100K },
  /* The same with the timeline following instead of the log: each view
   * must leave the main loop its gaps. */
  { "producer-100k-timeline", "the same, the timeline shown", 5.0, PRODUCER_100K, "timeline" },
};

/* Main loop */

static gint64
rss_kib (void)
{
  g_autofree char *statm = NULL;
  unsigned long size = 0;
  unsigned long resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%lu %lu", &size, &resident) != 2)
    return -1;

  return (gint64) resident * sysconf (_SC_PAGESIZE) / 1024;
}

/* Windows */

static char *
write_temp_graph (const char *text,
                  char      **dir)
{
  g_autoptr(GError) error = NULL;
  char *path;

  *dir = g_dir_make_tmp ("swy-storm-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "graph.swy", NULL);
  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  return path;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static SwyWindow *
open_window (const char *path)
{
  SwyWindow *window = swy_window_new (app);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (swy_window_open_file (window, file));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);
  g_action_group_activate_action (G_ACTION_GROUP (window), "zoom-fit", NULL);
  wait_for_frame (window);
  spin_until_idle ();

  return window;
}

static void
close_window (SwyWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  spin_until_idle ();
}

static SwyGraph *
window_graph (SwyWindow *window)
{
  return swy_document_get_graph (swy_window_get_document (window));
}

/* Probes: what a storm must not stop */

typedef struct
{
  SwyWindow *window;
  SwyGraph  *graph;
  char      *object_path;     /* the window's action group on the bus */

  /* Frames: every frame the clock ran, and those that painted the window */
  GdkSurface *surface;
  gulong     render_hook;
  guint      clock_frames;
  gboolean   rendering;       /* the window's surface renders in this frame */
  gint64     frame_start_us;  /* before-paint */
  gint64     update_end_us;   /* the end of each phase, 0 if it did not run */
  gint64     layout_end_us;
  gint64     paint_end_us;
  /* Only the frames painted while the storm played count in these. */
  GArray    *intervals_us;    /* of gint64: between successive painted frames */
  GArray    *busy_us;         /* of gint64: a painted frame, before-paint to after-paint */
  GArray    *update_us;       /* its update phase (tick callbacks) */
  GArray    *layout_us;       /* its layout phase */
  GArray    *paint_us;        /* its paint phase (snapshot and render) */
  gint64     last_frame_us;
  guint      frames_after;    /* painted after the storm, until the probes came back */
  guint      max_tokens;
  guint      max_trace;
  guint      trace_capacity;

  /* Idle callbacks posted every PROBE_INTERVAL_MS */
  guint      idles_posted;
  guint      idles_run;
  guint      idles_run_playing;   /* of them, while the storm played */
  gint64     idle_posted_at;
  gboolean   idle_posted_playing;
  gint64     max_idle_latency_us;   /* of those posted while the storm played */

  /* D-Bus calls to org.gtk.Actions.Describe */
  guint      calls_made;
  guint      calls_answered;
  gboolean   call_pending;
  gint64     call_made_at;
  gboolean   call_made_playing;
  gint64     max_call_latency_us;   /* of those made while the storm played */

  gint64     paused_at;       /* when the storm stopped, or 0 */

  /* Memory */
  gint64     rss_start_kib;
  gint64     rss_max_kib;
} Probes;

/* GdkSurface::render is emitted only in the frames that paint something:
 * an emission hook sees it before any handler (GTK's own stops it). */
static gboolean
render_hook_cb (GSignalInvocationHint *hint,
                guint                  n_values,
                const GValue          *values,
                gpointer               user_data)
{
  Probes *probes = user_data;

  if (g_value_get_object (&values[0]) == (gpointer) probes->surface)
    probes->rendering = TRUE;

  return TRUE;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Probes        *probes)
{
  probes->frame_start_us = g_get_monotonic_time ();
  probes->update_end_us = probes->layout_end_us = probes->paint_end_us = 0;
  probes->rendering = FALSE;
}

/* Connected after every other handler: the end of each phase. */
static void
update_end_cb (GdkFrameClock *clock,
               Probes        *probes)
{
  probes->update_end_us = g_get_monotonic_time ();
}

static void
layout_end_cb (GdkFrameClock *clock,
               Probes        *probes)
{
  probes->layout_end_us = g_get_monotonic_time ();
}

static void
paint_end_cb (GdkFrameClock *clock,
              Probes        *probes)
{
  probes->paint_end_us = g_get_monotonic_time ();
}

static void
append_span (GArray *array,
             gint64  from,
             gint64  to)
{
  gint64 span = to - from;

  g_array_append_val (array, span);
}

static void
after_paint_cb (GdkFrameClock *clock,
                Probes        *probes)
{
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  gint64 end = g_get_monotonic_time ();
  SwyTrace *trace = swy_graph_get_trace (probes->graph);
  guint tokens = swy_canvas_get_n_tokens (swy_window_get_canvas (probes->window));
  guint kept = g_list_model_get_n_items (G_LIST_MODEL (trace));

  if (!swy_graph_get_playing (probes->graph))
    probes->frames_after += probes->rendering;
  else
    probes->clock_frames++;
  if (probes->rendering && probes->frame_start_us != 0 && swy_graph_get_playing (probes->graph))
    {
      /* A phase that did not run ends where the one before it ended. */
      gint64 update_end = MAX (probes->update_end_us, probes->frame_start_us);
      gint64 layout_end = MAX (probes->layout_end_us, update_end);
      gint64 paint_end = MAX (probes->paint_end_us, layout_end);

      append_span (probes->busy_us, probes->frame_start_us, end);
      append_span (probes->update_us, probes->frame_start_us, update_end);
      append_span (probes->layout_us, update_end, layout_end);
      append_span (probes->paint_us, layout_end, paint_end);
      if (probes->last_frame_us != 0)
        append_span (probes->intervals_us, probes->last_frame_us, now);
      probes->last_frame_us = now;
    }
  probes->frame_start_us = 0;
  probes->max_tokens = MAX (probes->max_tokens, tokens);
  probes->max_trace = MAX (probes->max_trace, kept);
  probes->trace_capacity = swy_trace_get_capacity (trace);
  /* Checked on every frame, not only at the end. */
  g_assert_cmpuint (tokens, <=, CANVAS_TOKEN_CAP);
  g_assert_cmpuint (kept, <=, probes->trace_capacity);
}

/* Now, or when the storm stopped: a probe that waited past the storm is
 * counted to its end (what it waited for after is the settling time). */
static gint64
storm_time (Probes *probes)
{
  return probes->paused_at != 0 ? probes->paused_at : g_get_monotonic_time ();
}

static gboolean
idle_probe_cb (gpointer user_data)
{
  Probes *probes = user_data;

  probes->idles_run++;
  if (swy_graph_get_playing (probes->graph))
    probes->idles_run_playing++;
  if (probes->idle_posted_playing)
    probes->max_idle_latency_us = MAX (probes->max_idle_latency_us,
                                       storm_time (probes) - probes->idle_posted_at);

  return G_SOURCE_REMOVE;
}

static void
call_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Probes *probes = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source),
                                                             result, &error);

  g_assert_no_error (error);
  /* Describe("run") answers (enabled, parameter type, state). */
  g_assert_true (g_variant_is_of_type (reply, G_VARIANT_TYPE ("((bgav))")));
  probes->calls_answered++;
  probes->call_pending = FALSE;
  if (probes->call_made_playing)
    probes->max_call_latency_us = MAX (probes->max_call_latency_us,
                                       storm_time (probes) - probes->call_made_at);
}

static gboolean
probe_timeout_cb (gpointer user_data)
{
  Probes *probes = user_data;
  GDBusConnection *bus = g_application_get_dbus_connection (G_APPLICATION (app));

  probes->rss_max_kib = MAX (probes->rss_max_kib, rss_kib ());

  /* One at a time: a probe that has not run yet is still the one measured. */
  if (probes->idles_run == probes->idles_posted)
    {
      probes->idles_posted++;
      probes->idle_posted_at = g_get_monotonic_time ();
      probes->idle_posted_playing = swy_graph_get_playing (probes->graph);
      g_idle_add (idle_probe_cb, probes);
    }

  /* A round trip through the bus daemon and back into this main loop, to
   * the window's actions as exported for other processes. */
  if (bus != NULL && !probes->call_pending)
    {
      probes->calls_made++;
      probes->call_pending = TRUE;
      probes->call_made_at = g_get_monotonic_time ();
      probes->call_made_playing = swy_graph_get_playing (probes->graph);
      g_dbus_connection_call (bus, g_dbus_connection_get_unique_name (bus), probes->object_path,
                              "org.gtk.Actions", "Describe", g_variant_new ("(s)", "run"),
                              G_VARIANT_TYPE ("((bgav))"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                              call_done_cb, probes);
    }

  return G_SOURCE_CONTINUE;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static double
percentile_ms (GArray *sorted,
               double  p)
{
  guint i;

  if (sorted->len == 0)
    return 0.0;
  i = MIN (sorted->len - 1, (guint) (p * sorted->len));

  return g_array_index (sorted, gint64, i) / 1000.0;
}

typedef struct
{
  double p50, p95, p99, max;
} Spread;

/* Sorts @spans (of gint64 µs) and gives their percentiles in ms. */
static Spread
spread_of (GArray *spans)
{
  g_array_sort (spans, compare_gint64);

  return (Spread) {
    percentile_ms (spans, 0.50), percentile_ms (spans, 0.95),
    percentile_ms (spans, 0.99), percentile_ms (spans, 1.0),
  };
}

static void
json_add_spread (const char   *member,
                 const Spread *spread)
{
  json_builder_set_member_name (json, member);
  json_builder_begin_object (json);
  json_builder_set_member_name (json, "p50");
  json_builder_add_double_value (json, spread->p50);
  json_builder_set_member_name (json, "p95");
  json_builder_add_double_value (json, spread->p95);
  json_builder_set_member_name (json, "p99");
  json_builder_add_double_value (json, spread->p99);
  json_builder_set_member_name (json, "max");
  json_builder_add_double_value (json, spread->max);
  json_builder_end_object (json);
}

static void
json_add_double (const char *member,
                 double      value)
{
  json_builder_set_member_name (json, member);
  json_builder_add_double_value (json, value);
}

static void
json_add_int (const char *member,
              gint64      value)
{
  json_builder_set_member_name (json, member);
  json_builder_add_int_value (json, value);
}

/* The floor of a frame in this window: nothing changes but one icon,
 * redrawn every frame (with GL on llvmpipe that still repaints the whole
 * window; cairo repaints the icon). Measured before each storm, over more
 * frames for the benchmark's figures. */
#define FLOOR_FRAMES       10
#define FLOOR_BENCH_FRAMES 30

typedef struct
{
  GtkWidget *icon;
  gint64     frame_start;
  GArray    *busy_us;
} Floor;

static gboolean
is_mapped_image (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_IMAGE (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
floor_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  gtk_widget_queue_draw (widget);

  return G_SOURCE_CONTINUE;
}

static void
floor_before_paint_cb (GdkFrameClock *clock,
                       Floor         *state)
{
  state->frame_start = g_get_monotonic_time ();
}

static void
floor_after_paint_cb (GdkFrameClock *clock,
                      Floor         *state)
{
  if (state->frame_start != 0)
    append_span (state->busy_us, state->frame_start, g_get_monotonic_time ());
  state->frame_start = 0;
}

static Spread
measure_floor (SwyWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  Floor state = { test_find_widget (GTK_WIDGET (window), is_mapped_image, NULL), 0,
                  g_array_new (FALSE, FALSE, sizeof (gint64)) };
  guint frames = json != NULL ? FLOOR_BENCH_FRAMES : FLOOR_FRAMES;
  gboolean given_up = FALSE;
  guint guard = g_timeout_add_seconds (TEST_GUARD_SECONDS, test_set_flag_cb, &given_up);
  gulong before;
  gulong after;
  guint tick;
  Spread spread;

  g_assert_nonnull (state.icon);
  before = g_signal_connect (clock, "before-paint", G_CALLBACK (floor_before_paint_cb), &state);
  after = g_signal_connect_after (clock, "after-paint", G_CALLBACK (floor_after_paint_cb), &state);
  tick = gtk_widget_add_tick_callback (state.icon, floor_tick_cb, NULL, NULL);
  while (!given_up && state.busy_us->len < frames)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (given_up);
  g_source_remove (guard);
  gtk_widget_remove_tick_callback (state.icon, tick);
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);
  spread = spread_of (state.busy_us);
  g_array_unref (state.busy_us);

  return spread;
}

/* Plays the window's graph live at 20× until @virtual_s seconds of virtual
 * time, probing all along, and checks and reports what the probes saw. */
static void
play_storm (SwyWindow  *window,
            const char *name,
            double      virtual_s)
{
  Probes probes = { 0 };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gint64 target_us = (gint64) (virtual_s * G_USEC_PER_SEC);
  gint64 started;
  double wall_s;
  double settle_s;
  gboolean given_up = FALSE;
  guint guard;
  guint probe;
  gulong handlers[5];
  guint frames;
  Spread interval, busy, update, layout, paint;
  Spread floor_busy = measure_floor (window);
  guint64 performed;

  probes.window = window;
  probes.graph = window_graph (window);
  probes.surface = gtk_native_get_surface (GTK_NATIVE (window));
  probes.intervals_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  probes.busy_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  probes.update_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  probes.layout_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  probes.paint_us = g_array_new (FALSE, FALSE, sizeof (gint64));
  probes.object_path = g_strdup_printf ("/%s/window/%u", TEST_APP_ID,
                                        gtk_application_window_get_id (GTK_APPLICATION_WINDOW (window)));
  g_strdelimit (probes.object_path, ".", '/');
  probes.rss_start_kib = probes.rss_max_kib = rss_kib ();

  probes.render_hook = g_signal_add_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), 0,
                                                   render_hook_cb, &probes, NULL);
  handlers[0] = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &probes);
  handlers[1] = g_signal_connect_after (clock, "update", G_CALLBACK (update_end_cb), &probes);
  handlers[2] = g_signal_connect_after (clock, "layout", G_CALLBACK (layout_end_cb), &probes);
  handlers[3] = g_signal_connect_after (clock, "paint", G_CALLBACK (paint_end_cb), &probes);
  handlers[4] = g_signal_connect_after (clock, "after-paint", G_CALLBACK (after_paint_cb), &probes);
  probe = g_timeout_add (PROBE_INTERVAL_MS, probe_timeout_cb, &probes);
  guard = g_timeout_add_seconds (virtual_seconds_override > 0 ? BENCH_GUARD_SECONDS : GUARD_SECONDS,
                                 test_set_flag_cb, &given_up);

  started = g_get_monotonic_time ();
  g_action_group_activate_action (G_ACTION_GROUP (window), "speed", g_variant_new_double (20.0));
  g_action_group_activate_action (G_ACTION_GROUP (window), "run", NULL);
  g_assert_true (swy_graph_get_playing (probes.graph));
  g_assert_cmpfloat (swy_graph_get_speed (probes.graph), ==, 20.0);
  while (!given_up && swy_graph_get_now (probes.graph) < target_us)
    g_main_context_iteration (NULL, TRUE);
  g_action_group_activate_action (G_ACTION_GROUP (window), "run", NULL);
  wall_s = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  performed = swy_graph_get_n_performed (probes.graph);
  g_assert_false (given_up);
  g_assert_false (swy_graph_get_playing (probes.graph));
  g_source_remove (guard);

  /* Let the last probes come back, then stop probing. How long that takes
   * is how long the window takes to settle after the storm. */
  guard = g_timeout_add_seconds (60, test_set_flag_cb, &given_up);
  started = probes.paused_at = g_get_monotonic_time ();
  while (!given_up && (probes.call_pending || probes.idles_run < probes.idles_posted))
    g_main_context_iteration (NULL, TRUE);
  settle_s = (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC;
  g_assert_false (given_up);
  g_source_remove (guard);
  g_source_remove (probe);
  wait_for_frame (window);
  for (guint i = 0; i < G_N_ELEMENTS (handlers); i++)
    g_signal_handler_disconnect (clock, handlers[i]);
  g_signal_remove_emission_hook (g_signal_lookup ("render", GDK_TYPE_SURFACE), probes.render_hook);

  /* The window kept answering: every idle posted ran, every call came
   * back, and frames were painted all along. */
  g_assert_cmpuint (probes.idles_posted, >=, 1);
  g_assert_cmpuint (probes.idles_run, ==, probes.idles_posted);
  g_assert_cmpuint (probes.idles_run_playing, >, 0);
  if (g_application_get_dbus_connection (G_APPLICATION (app)) != NULL)
    {
      g_assert_cmpuint (probes.calls_made, >=, 1);
      g_assert_cmpuint (probes.calls_answered, ==, probes.calls_made);
    }
  /* Paced, a storm of a few hundred milliseconds paints a frame or two
   * (each slow frame is followed by a gap as long), and one after. */
  g_assert_cmpuint (probes.intervals_us->len, >=, 1);
  /* Bounded memory: the caps held (also checked on every frame). */
  g_assert_cmpuint (probes.max_trace, <=, probes.trace_capacity);
  g_assert_cmpuint (probes.max_tokens, <=, CANVAS_TOKEN_CAP);

  frames = probes.intervals_us->len + 1;
  interval = spread_of (probes.intervals_us);
  busy = spread_of (probes.busy_us);
  update = spread_of (probes.update_us);
  layout = spread_of (probes.layout_us);
  paint = spread_of (probes.paint_us);
  g_test_message ("%s: %.0f s virtual in %.1f s; %" G_GUINT64_FORMAT " items performed "
                  "(%.0f a second); %u frames painted of %u while it played; "
                  "interval p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; "
                  "busy p50 %.1f ms, p95 %.1f ms, max %.1f ms "
                  "(update p50 %.1f, layout p50 %.1f, paint p50 %.1f ms; "
                  "floor p50 %.1f ms, busy p50 %.2fx it); "
                  "idle latency max %.1f ms (%u probes, %u while playing); "
                  "D-Bus round trip max %.1f ms (%u calls); "
                  "settled in %.1f s (%u frames painted); "
                  "RSS %" G_GINT64_FORMAT " -> max %" G_GINT64_FORMAT " KiB; "
                  "trace kept max %u of %u; tokens max %u of %d",
                  name, virtual_s, wall_s, performed, performed / wall_s,
                  frames, probes.clock_frames,
                  interval.p50, interval.p95, interval.p99, interval.max,
                  busy.p50, busy.p95, busy.max, update.p50, layout.p50, paint.p50,
                  floor_busy.p50, busy.p50 / floor_busy.p50,
                  probes.max_idle_latency_us / 1000.0, probes.idles_run, probes.idles_run_playing,
                  probes.max_call_latency_us / 1000.0, probes.calls_answered,
                  settle_s, probes.frames_after,
                  probes.rss_start_kib, probes.rss_max_kib,
                  probes.max_trace, probes.trace_capacity, probes.max_tokens, CANVAS_TOKEN_CAP);

  if (json != NULL)
    {
      json_builder_begin_object (json);
      json_builder_set_member_name (json, "storm");
      json_builder_add_string_value (json, name);
      json_builder_set_member_name (json, "renderer");
      json_builder_add_string_value (json,
                                     G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))));
      json_add_double ("virtual_s", virtual_s);
      json_add_double ("wall_s", wall_s);
      json_add_int ("performed", (gint64) performed);
      json_add_double ("performed_per_s", performed / wall_s);
      json_add_int ("frames", frames);
      json_add_int ("clock_frames", probes.clock_frames);
      json_add_spread ("frame_interval_ms", &interval);
      json_add_spread ("frame_busy_ms", &busy);
      json_add_spread ("frame_update_ms", &update);
      json_add_spread ("frame_layout_ms", &layout);
      json_add_spread ("frame_paint_ms", &paint);
      json_add_spread ("floor_busy_ms", &floor_busy);
      json_add_double ("idle_latency_max_ms", probes.max_idle_latency_us / 1000.0);
      json_add_int ("idles_run", probes.idles_run);
      json_add_int ("idles_run_playing", probes.idles_run_playing);
      json_add_double ("dbus_round_trip_max_ms", probes.max_call_latency_us / 1000.0);
      json_add_int ("dbus_calls", probes.calls_answered);
      json_add_double ("settle_s", settle_s);
      json_add_int ("frames_after", probes.frames_after);
      json_add_int ("rss_start_kib", probes.rss_start_kib);
      json_add_int ("rss_max_kib", probes.rss_max_kib);
      json_add_int ("trace_kept_max", probes.max_trace);
      json_add_int ("trace_capacity", probes.trace_capacity);
      json_add_int ("tokens_max", probes.max_tokens);
      json_builder_end_object (json);
    }

  g_array_unref (probes.intervals_us);
  g_array_unref (probes.busy_us);
  g_array_unref (probes.update_us);
  g_array_unref (probes.layout_us);
  g_array_unref (probes.paint_us);
  g_free (probes.object_path);
}

static guint64
node_drops (SwyGraph   *graph,
            const char *id,
            const char *reason)
{
  SwyNode *node = swy_graph_lookup_node (graph, id);
  g_autoptr(GVariant) reasons = NULL;
  guint64 count = 0;

  g_assert_nonnull (node);
  reasons = swy_node_dup_drop_reasons (node);
  g_variant_lookup (reasons, reason, "t", &count);

  return count;
}

static void
test_storm (gconstpointer data)
{
  const Storm *storm = data;
  g_autofree char *dir = NULL;
  g_autofree char *path = write_temp_graph (storm->text, &dir);
  double virtual_s = virtual_seconds_override > 0 ? virtual_seconds_override : storm->test_seconds;
  SwyWindow *window = open_window (path);
  SwyGraph *graph = window_graph (window);

  /* The Events panel shows the log (or the timeline), which follows the
   * storm too. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "show-panel",
                                      g_variant_new_boolean (TRUE));
  if (storm->page != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (test_find_widget_of_type (GTK_WIDGET (window),
                                                                                     ADW_TYPE_VIEW_STACK)),
                                           storm->page);
  spin_until_idle ();
  play_storm (window, storm->name, virtual_s);

  /* The storm was the storm it was meant to be, and its guard held. */
  g_assert_cmpint (swy_graph_get_now (graph), >=, (gint64) (virtual_s * G_USEC_PER_SEC));
  if (g_str_equal (storm->name, "sync-cycle"))
    {
      g_assert_cmpuint (node_drops (graph, "ping", "depth-limit") +
                        node_drops (graph, "pong", "depth-limit"), >, 0);
    }
  else if (g_str_equal (storm->name, "queued-fan-out"))
    {
      guint max_pending = 0;

      g_object_get (graph, "max-pending", &max_pending, NULL);
      g_assert_cmpuint (swy_graph_get_n_pending (graph), <=, max_pending + 1);
      g_assert_cmpuint (node_drops (graph, "hub", "pending-limit") +
                        node_drops (graph, "left", "pending-limit") +
                        node_drops (graph, "right", "pending-limit") +
                        node_drops (graph, "seed", "pending-limit"), >, 0);
    }
  else
    {
      SwyNode *sink = swy_graph_lookup_node (graph, "sink");
      guint64 received = swy_node_get_received (sink);

      /* 100,000 a second on average (a Poisson process: within 1 %). */
      g_assert_cmpfloat (received, >, 0.99 * 100000 * virtual_s);
      g_assert_cmpfloat (received, <, 1.01 * 100000 * virtual_s);
    }

  close_window (window);
  remove_dir (dir);
}

/* 1,000 nodes and 2,000 wires: 100 lanes of a timer, eight filters and a
 * counter (900 wires), and 1,100 queued wires across lanes into the
 * counters, eleven each. */
static char *
generate_big_graph (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(SwyGraph) graph = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "switchyard");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, "1,000 nodes, 2,000 wires");
  json_builder_set_member_name (builder, "nodes");
  json_builder_begin_array (builder);
  for (guint lane = 0; lane < 100; lane++)
    for (guint column = 0; column < 10; column++)
      {
        g_autofree char *id = g_strdup_printf ("n%u-%u", lane, column);

        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "id");
        json_builder_add_string_value (builder, id);
        json_builder_set_member_name (builder, "type");
        json_builder_add_string_value (builder, column == 0 ? "timer" : column == 9 ? "counter" : "filter");
        json_builder_set_member_name (builder, "x");
        json_builder_add_int_value (builder, column * 240);
        json_builder_set_member_name (builder, "y");
        json_builder_add_int_value (builder, lane * 110);
        if (column == 0)
          {
            g_autofree char *topic = g_strdup_printf ("lane%u", lane % 8);

            json_builder_set_member_name (builder, "properties");
            json_builder_begin_object (builder);
            json_builder_set_member_name (builder, "interval-ms");
            json_builder_add_int_value (builder, 1000 + lane);
            json_builder_set_member_name (builder, "topic");
            json_builder_add_string_value (builder, topic);
            json_builder_end_object (builder);
          }
        json_builder_end_object (builder);
      }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "wires");
  json_builder_begin_array (builder);
  for (guint lane = 0; lane < 100; lane++)
    for (guint column = 0; column < 9; column++)
      {
        g_autofree char *from = g_strdup_printf ("n%u-%u:out", lane, column);
        g_autofree char *to = g_strdup_printf ("n%u-%u:in", lane, column + 1);

        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "from");
        json_builder_add_string_value (builder, from);
        json_builder_set_member_name (builder, "to");
        json_builder_add_string_value (builder, to);
        json_builder_end_object (builder);
      }
  for (guint lane = 0; lane < 100; lane++)
    for (guint k = 1; k <= 11; k++)
      {
        g_autofree char *from = g_strdup_printf ("n%u-%u:out", (lane + k) % 100, k % 9);
        g_autofree char *to = g_strdup_printf ("n%u-9:in", lane);

        json_builder_begin_object (builder);
        json_builder_set_member_name (builder, "from");
        json_builder_add_string_value (builder, from);
        json_builder_set_member_name (builder, "to");
        json_builder_add_string_value (builder, to);
        json_builder_set_member_name (builder, "mode");
        json_builder_add_string_value (builder, "queued");
        json_builder_set_member_name (builder, "latency-ms");
        json_builder_add_int_value (builder, 400);
        json_builder_end_object (builder);
      }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);

  /* As the editor writes it, so that a save can be compared byte for byte. */
  graph = swy_graph_new_from_data (text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (swy_graph_get_nodes (graph)), ==, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (swy_graph_get_wires (graph)), ==, 2000);

  return swy_graph_save_to_data (graph, NULL);
}

static void
test_big_graph (void)
{
  g_autofree char *text = generate_big_graph ();
  g_autofree char *dir = NULL;
  g_autofree char *path = write_temp_graph (text, &dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SwyGraph) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *reloaded = NULL;
  /* Long enough for a few idle probes, also under the sanitizers. */
  double virtual_s = virtual_seconds_override > 0 ? virtual_seconds_override : 40.0;
  SwyWindow *window = open_window (path);
  SwyGraph *graph = window_graph (window);
  SwyNode *counter;

  g_assert_cmpuint (g_list_model_get_n_items (swy_graph_get_nodes (graph)), ==, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (swy_graph_get_wires (graph)), ==, 2000);
  wait_for_frame (window);
  save_screenshot (window, "storm-1000-nodes.png");

  play_storm (window, "1000-nodes", virtual_s);
  wait_for_frame (window);
  save_screenshot (window, "storm-1000-nodes-running.png");

  /* Every lane ran: a counter hears its own lane and eleven others. */
  counter = swy_graph_lookup_node (graph, "n0-9");
  g_assert_cmpuint (swy_node_get_received (counter), >, 0);

  /* Saved through the window, it loads back equal, and is the file it was. */
  swy_document_add_node (swy_window_get_document (window), "counter", 0, -200, &error);
  g_assert_no_error (error);
  g_action_group_activate_action (G_ACTION_GROUP (window), "save", NULL);
  spin_until_idle ();
  g_assert_false (swy_document_get_modified (swy_window_get_document (window)));
  g_file_get_contents (path, &saved, NULL, &error);
  g_assert_no_error (error);
  loaded = swy_graph_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (swy_graph_get_nodes (loaded)), ==, 1001);
  g_assert_cmpuint (g_list_model_get_n_items (swy_graph_get_wires (loaded)), ==, 2000);
  reloaded = swy_graph_save_to_data (loaded, NULL);
  g_assert_cmpstr (reloaded, ==, saved);
  {
    g_autofree char *shown = swy_graph_save_to_data (graph, NULL);

    g_assert_cmpstr (shown, ==, saved);
  }

  close_window (window);
  remove_dir (dir);
}

/* --virtual-seconds S and --json FILE, taken out before GLib sees argv. */
static void
parse_bench_options (int   *argc,
                     char **argv)
{
  int kept = 1;

  for (int i = 1; i < *argc; i++)
    {
      if (g_str_equal (argv[i], "--virtual-seconds") && i + 1 < *argc)
        virtual_seconds_override = g_ascii_strtod (argv[++i], NULL);
      else if (g_str_equal (argv[i], "--json") && i + 1 < *argc)
        json_path = g_strdup (argv[++i]);
      else
        argv[kept++] = argv[i];
    }
  *argc = kept;
  argv[kept] = NULL;
}

int
main (int   argc,
      char *argv[])
{
  int status;

  parse_bench_options (&argc, argv);
  app = test_app_new (&argc, &argv);
  if (json_path != NULL)
    {
      json = json_builder_new ();
      json_builder_begin_array (json);
    }

  for (guint i = 0; i < G_N_ELEMENTS (storms); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/Swy/Storm/%s", storms[i].name);

      g_test_add_data_func (test_path, &storms[i], test_storm);
    }
  g_test_add_func ("/Swy/Storm/1000-nodes", test_big_graph);

  status = g_test_run ();

  if (json != NULL)
    {
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(GError) error = NULL;

      json_builder_end_array (json);
      root = json_builder_get_root (json);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      json_generator_to_file (generator, json_path, &error);
      g_assert_no_error (error);
      g_clear_object (&json);
    }
  g_clear_pointer (&json_path, g_free);
  g_clear_object (&app);

  return status;
}
