/* test-lessons.c: the twelve lessons, step by step
 *
 * For every lesson: each check is false on the graph as loaded; then the
 * test walks the steps in order, as a learner would. Before each step its
 * check is false (in the state the previous step left), the test does what
 * the step asks through the API, and the check turns true; the exact counts
 * the lesson's text promises are asserted on the way. Answering the
 * question and swy_lesson_evaluate() move the lesson on, so the walk also
 * covers how steps turn done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <swy.h>

#include "swy-test-util.h"

typedef struct
{
  SwyGraph  *graph;
  SwyLesson *lesson;
  guint      step;
} Walk;

static SwyGraph *
load_graph (const char *name)
{
  g_autofree char *path = g_build_filename (SWY_LESSONS_DIR, name, NULL);

  return load_graph_file (path);
}

static Walk *
walk_new (const char *name)
{
  g_autoptr(GError) error = NULL;
  Walk *w = g_new0 (Walk, 1);

  w->graph = load_graph (name);
  w->lesson = swy_lesson_new_from_graph (w->graph, &error);
  g_assert_no_error (error);
  g_assert_nonnull (w->lesson);

  /* No check holds before the learner has done anything. */
  for (guint i = 0; i < swy_lesson_get_n_steps (w->lesson); i++)
    {
      SwyLessonStep *step = swy_lesson_get_step (w->lesson, i);

      if (swy_lesson_step_has_check (step) && swy_lesson_step_check (step, w->graph))
        g_error ("%s: the check of step %u holds on the graph as loaded", name, i);
    }

  return w;
}

static void
walk_free (Walk *w)
{
  /* Every step was walked, and every one turned done. */
  g_assert_cmpuint (w->step, ==, swy_lesson_get_n_steps (w->lesson));
  g_assert_true (swy_lesson_get_completed (w->lesson));

  g_assert_finalize_object (w->lesson);
  g_assert_finalize_object (w->graph);
  g_free (w);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Walk, walk_free)

static SwyLessonStep *
current (Walk *w)
{
  return swy_lesson_get_step (w->lesson, w->step);
}

/* The learner reads step w->step and answers its question. */
static void
step_begin (Walk *w)
{
  SwyLessonStep *step = current (w);

  g_assert_nonnull (step);
  g_assert_cmpuint (swy_lesson_get_current_step (w->lesson), ==, w->step);
  g_assert_false (swy_lesson_step_get_done (step));

  if (swy_lesson_step_has_check (step))
    {
      if (swy_lesson_step_check (step, w->graph))
        g_error ("the check of step %u holds before the learner does anything", w->step);
      swy_lesson_evaluate (w->lesson, w->graph);
      g_assert_false (swy_lesson_step_get_done (step));
    }

  if (swy_lesson_step_get_question (step) != NULL)
    {
      int correct = swy_lesson_step_get_correct_choice (step);

      g_assert_cmpint (correct, >=, 0);
      g_assert_cmpint (correct, <, (int)swy_lesson_step_get_n_choices (step));
      g_assert_true (swy_lesson_step_answer (step, correct));
      g_assert_cmpint (swy_lesson_step_get_answer (step), ==, correct);
    }
}

/* The learner has done what step w->step asks: its check holds and the
 * lesson moves on. */
static void
step_end (Walk *w)
{
  SwyLessonStep *step = current (w);

  if (swy_lesson_step_has_check (step) && !swy_lesson_step_check (step, w->graph))
    g_error ("the check of step %u does not hold after the learner did what it asks", w->step);

  swy_lesson_evaluate (w->lesson, w->graph);
  g_assert_true (swy_lesson_step_get_done (step));
  g_assert_cmpuint (swy_lesson_get_current_step (w->lesson), ==, w->step + 1);
  w->step++;
}

/* A step with a question and no check: answering is doing. */
static void
step_question_only (Walk *w)
{
  g_assert_false (swy_lesson_step_has_check (current (w)));
  g_assert_nonnull (swy_lesson_step_get_question (current (w)));
  step_begin (w);
  step_end (w);
}

static gboolean
check_now (Walk *w)
{
  return swy_lesson_step_check (current (w), w->graph);
}

/* Driving the graph. */

static SwyNode *
node (Walk       *w,
      const char *id)
{
  SwyNode *node = swy_graph_lookup_node (w->graph, id);

  g_assert_nonnull (node);

  return node;
}

static SwyWire *
wire (Walk       *w,
      const char *from,
      const char *to)
{
  GListModel *wires = swy_graph_get_wires (w->graph);

  for (guint i = 0; i < g_list_model_get_n_items (wires); i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);
      g_autofree char *a = swy_port_dup_address (swy_wire_get_from (wire));
      g_autofree char *b = swy_port_dup_address (swy_wire_get_to (wire));

      if (strcmp (a, from) == 0 && strcmp (b, to) == 0)
        return wire;  /* the graph keeps a reference */
    }

  g_error ("no wire from %s to %s", from, to);
}

static void
fire (Walk       *w,
      const char *id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (swy_graph_fire_button (w->graph, id, &error));
  g_assert_no_error (error);
}

static void
connect_wire (Walk       *w,
              const char *from,
              const char *to)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (swy_graph_connect (w->graph, from, to, &error));
  g_assert_no_error (error);
}

static void
reset_and_run (Walk *w)
{
  swy_graph_reset (w->graph);
  swy_graph_run_fast (w->graph, -1);
}

static double
extra (Walk       *w,
       const char *id,
       const char *key)
{
  g_autoptr(GVariant) stats = swy_node_dup_extra_stats (node (w, id));
  g_autoptr(GVariant) value = g_variant_lookup_value (stats, key, NULL);

  g_assert_nonnull (value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    return g_variant_get_double (value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT64))
    return g_variant_get_uint64 (value);
  g_assert_true (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32));

  return g_variant_get_uint32 (value);
}

static gint64
now_ms (Walk *w)
{
  return swy_graph_get_now (w->graph) / 1000;
}

/* One payload field of every event a log node kept, space separated. */
static char *
log_field (Walk       *w,
           const char *id,
           const char *field)
{
  SwyLogNode *log = SWY_LOG_NODE (node (w, id));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < swy_log_node_get_n_events (log); i++)
    {
      GVariant *payload = swy_event_get_payload (swy_log_node_get_event (log, i));
      g_autoptr(GVariant) value = g_variant_lookup_value (payload, field, NULL);

      g_assert_nonnull (value);
      if (out->len > 0)
        g_string_append_c (out, ' ');
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        g_string_append_printf (out, "%" G_GINT64_FORMAT, g_variant_get_int64 (value));
      else
        g_string_append_printf (out, "%g", g_variant_get_double (value));
    }

  return g_string_free (out, FALSE);
}

/* The nodes that received a delivery, in trace order, space separated. */
static char *
delivery_order (Walk *w)
{
  SwyTrace *trace = swy_graph_get_trace (w->graph);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (trace)); i++)
    {
      g_autoptr(SwyTraceRecord) record = swy_trace_get_record (trace, i);

      if (swy_trace_record_get_kind (record) != SWY_TRACE_KIND_DELIVER)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, swy_trace_record_get_node_id (record));
    }

  return g_string_free (out, FALSE);
}

static guint
max_delivery_depth (Walk *w)
{
  SwyTrace *trace = swy_graph_get_trace (w->graph);
  guint depth = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (trace)); i++)
    {
      g_autoptr(SwyTraceRecord) record = swy_trace_get_record (trace, i);

      if (swy_trace_record_get_kind (record) == SWY_TRACE_KIND_DELIVER)
        depth = MAX (depth, swy_trace_record_get_depth (record));
    }

  return depth;
}

/* How many events a log received after one with a higher sequence number. */
static guint
count_out_of_order (Walk       *w,
                    const char *id)
{
  g_autofree char *seqs = log_field (w, id, "seq");
  g_auto(GStrv) parts = g_strsplit (seqs, " ", -1);
  gint64 highest = 0;
  guint late = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 seq = g_ascii_strtoll (parts[i], NULL, 10);

      if (seq < highest)
        late++;
      highest = MAX (highest, seq);
    }

  return late;
}

static void
add_worker (Walk       *w,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *in = g_strconcat (id, ":in", NULL);
  g_autofree char *out = g_strconcat (id, ":out", NULL);
  SwyNode *worker = swy_graph_create_node (w->graph, "worker", id, &error);

  g_assert_no_error (error);
  swy_worker_node_set_service_ms (SWY_WORKER_NODE (worker), 300);
  connect_wire (w, "q:out", in);
  connect_wire (w, out, "done:in");
}

/* 01 Events and the main loop */
static void
test_main_loop (void)
{
  g_autoptr(Walk) w = walk_new ("01-main-loop.swy");

  /* One Step dispatches blink, at 400 ms. */
  step_begin (w);
  g_assert_true (swy_graph_step (w->graph));
  g_assert_cmpint (now_ms (w), ==, 400);
  g_assert_cmpuint (swy_graph_get_n_performed (w->graph), ==, 1);
  step_end (w);

  /* Three dispatches when heartbeat first fires, at 1000 ms. */
  step_begin (w);
  g_assert_true (swy_graph_step (w->graph));
  g_assert_false (check_now (w));
  g_assert_true (swy_graph_step (w->graph));
  g_assert_cmpint (now_ms (w), ==, 1000);
  g_assert_cmpuint (swy_graph_get_n_performed (w->graph), ==, 3);
  step_end (w);

  /* Run to the end: 5 seconds, 15 dispatches. */
  step_begin (w);
  swy_graph_run_fast (w->graph, -1);
  g_assert_cmpint (now_ms (w), ==, 5000);
  g_assert_cmpuint (swy_graph_get_n_performed (w->graph), ==, 15);
  step_end (w);

  /* count 8: the run ends at 8 seconds. Not before the reset and run. */
  step_begin (w);
  swy_timer_node_set_count (SWY_TIMER_NODE (node (w, "heartbeat")), 8);
  g_assert_false (check_now (w));
  reset_and_run (w);
  g_assert_cmpint (now_ms (w), ==, 8000);
  step_end (w);
}

/* 02 Callbacks */
static void
test_callbacks (void)
{
  g_autoptr(Walk) w = walk_new ("02-callbacks.swy");

  /* The click delivers with no dispatch at all. */
  step_begin (w);
  fire (w, "doorbell");
  g_assert_cmpuint (swy_counter_node_get_count (SWY_COUNTER_NODE (node (w, "chime"))), ==, 1);
  g_assert_cmpuint (swy_graph_get_n_performed (w->graph), ==, 0);
  step_end (w);

  /* Blocked: the button emits, nobody counts. */
  step_begin (w);
  swy_wire_set_blocked (wire (w, "doorbell:out", "chime:in"), TRUE);
  g_assert_false (check_now (w));
  fire (w, "doorbell");
  g_assert_cmpuint (swy_node_get_emitted (node (w, "doorbell")), ==, 2);
  g_assert_cmpuint (swy_counter_node_get_count (SWY_COUNTER_NODE (node (w, "chime"))), ==, 1);
  step_end (w);

  /* A new handler, the producer untouched. */
  step_begin (w);
  connect_wire (w, "doorbell:out", "notebook:in");
  g_assert_false (check_now (w));
  fire (w, "doorbell");
  g_assert_cmpuint (swy_node_get_received (node (w, "notebook")), ==, 1);
  step_end (w);
}

/* 03 Observers */
static void
test_observers (void)
{
  g_autoptr(Walk) w = walk_new ("03-observers.swy");
  g_autofree char *order = NULL;
  g_autofree char *reordered = NULL;

  /* Connection order, and format's nested call before alarm. */
  step_begin (w);
  fire (w, "thermostat");
  order = delivery_order (w);
  g_assert_cmpstr (order, ==, "display format archive alarm");
  step_end (w);

  step_question_only (w);

  /* Reconnected, format goes last. */
  step_begin (w);
  swy_graph_remove_wire (w->graph, wire (w, "thermostat:out", "format:in"));
  g_assert_false (check_now (w));
  connect_wire (w, "thermostat:out", "format:in");
  step_end (w);
  swy_graph_reset (w->graph);
  fire (w, "thermostat");
  reordered = delivery_order (w);
  g_assert_cmpstr (reordered, ==, "display alarm format archive");
}

/* 04 Publish and subscribe */
static void
test_pubsub (void)
{
  g_autoptr(Walk) w = walk_new ("04-pubsub.swy");

  /* home/+/temp: 4 kitchen and 2 garage temperatures. */
  step_begin (w);
  swy_graph_run_fast (w->graph, -1);
  g_assert_cmpuint (swy_node_get_received (node (w, "temps")), ==, 6);
  g_assert_cmpuint (swy_counter_node_get_count (SWY_COUNTER_NODE (node (w, "dashboard"))), ==, 7);
  g_assert_cmpuint (swy_broker_node_get_unrouted (SWY_BROKER_NODE (node (w, "hub"))), ==, 0);
  step_end (w);

  /* The front door matches no subscription. */
  step_begin (w);
  fire (w, "front-door");
  g_assert_cmpuint (swy_broker_node_get_unrouted (SWY_BROKER_NODE (node (w, "hub"))), ==, 1);
  step_end (w);

  /* home/#: all 9 sensor events. */
  step_begin (w);
  swy_wire_set_subscription (wire (w, "hub:out", "dashboard:in"), "home/#");
  g_assert_false (check_now (w));
  reset_and_run (w);
  g_assert_cmpuint (swy_counter_node_get_count (SWY_COUNTER_NODE (node (w, "dashboard"))), ==, 9);
  step_end (w);

  /* home/+ matches two levels: nothing here. */
  step_begin (w);
  swy_wire_set_subscription (wire (w, "hub:out", "temps:in"), "home/+");
  g_assert_false (check_now (w));
  reset_and_run (w);
  g_assert_cmpuint (swy_node_get_received (node (w, "temps")), ==, 0);
  step_end (w);
}

/* 05 Event-driven is not asynchronous */
static void
test_sync_vs_queued (void)
{
  g_autoptr(Walk) w = walk_new ("05-sync-vs-queued.swy");

  /* Nested calls: depth 3, no dispatch. */
  step_begin (w);
  fire (w, "sync-order");
  g_assert_cmpuint (swy_node_get_received (node (w, "sync-done")), ==, 1);
  g_assert_cmpuint (max_delivery_depth (w), ==, 3);
  step_end (w);

  /* Queued: one step per hop, every delivery at depth 0. */
  step_begin (w);
  swy_graph_reset (w->graph);
  fire (w, "queued-order");
  g_assert_true (swy_graph_step (w->graph));
  g_assert_true (swy_graph_step (w->graph));
  g_assert_false (check_now (w));
  g_assert_true (swy_graph_step (w->graph));
  g_assert_cmpuint (swy_graph_get_n_performed (w->graph), ==, 3);
  g_assert_cmpuint (max_delivery_depth (w), ==, 0);
  step_end (w);

  /* Cut in two: validate during the click, the rest one step later. */
  step_begin (w);
  swy_wire_set_mode (wire (w, "validate:out", "price:in"), SWY_WIRE_MODE_QUEUED);
  g_assert_false (check_now (w));
  swy_graph_reset (w->graph);
  fire (w, "sync-order");
  g_assert_cmpuint (swy_node_get_received (node (w, "validate")), ==, 1);
  g_assert_cmpuint (swy_node_get_received (node (w, "sync-done")), ==, 0);
  g_assert_false (check_now (w));
  g_assert_true (swy_graph_step (w->graph));
  step_end (w);
}

/* 06 Priorities */
static void
test_priorities (void)
{
  g_autoptr(Walk) w = walk_new ("06-priorities.swy");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  SwyCounterNode *finish;

  /* High, default, idle. */
  step_begin (w);
  fire (w, "go");
  g_assert_true (swy_graph_step (w->graph));
  g_assert_true (swy_graph_step (w->graph));
  g_assert_false (check_now (w));
  g_assert_true (swy_graph_step (w->graph));
  first = log_field (w, "arrivals", "value");
  g_assert_cmpstr (first, ==, "1 2 3");
  finish = SWY_COUNTER_NODE (node (w, "finish-line"));
  g_assert_cmpfloat (swy_counter_node_get_last_value (finish), ==, 3);
  step_end (w);

  /* Two highs: the one scheduled first wins the tie. */
  step_begin (w);
  swy_wire_set_priority (wire (w, "go:out", "idle-path:in"), SWY_PRIORITY_HIGH);
  g_assert_false (check_now (w));
  swy_graph_reset (w->graph);
  fire (w, "go");
  swy_graph_run_fast (w->graph, -1);
  second = log_field (w, "arrivals", "value");
  g_assert_cmpstr (second, ==, "3 1 2");
  step_end (w);

  /* Due later: high priority arrives last. */
  step_begin (w);
  swy_wire_set_latency_ms (wire (w, "go:out", "high-path:in"), 150);
  g_assert_false (check_now (w));
  swy_graph_reset (w->graph);
  fire (w, "go");
  swy_graph_run_fast (w->graph, -1);
  third = log_field (w, "arrivals", "value");
  g_assert_cmpstr (third, ==, "3 2 1");
  step_end (w);
}

/* 07 Competing consumers */
static void
test_competing_consumers (void)
{
  g_autoptr(Walk) w = walk_new ("07-competing-consumers.swy");

  /* One worker: the queue peaks at 26, the last job is done at 12.1 s. */
  step_begin (w);
  swy_graph_run_fast (w->graph, -1);
  g_assert_cmpfloat (extra (w, "q", "max_depth"), ==, 26);
  g_assert_cmpint (now_ms (w), ==, 12100);
  step_end (w);

  /* Two: 6.2 s. The check waits for the reset and the run. */
  step_begin (w);
  add_worker (w, "worker-2");
  g_assert_false (check_now (w));
  reset_and_run (w);
  g_assert_cmpint (now_ms (w), ==, 6200);
  step_end (w);

  /* Three: never more than one waiting, done 300 ms after the last order. */
  step_begin (w);
  add_worker (w, "worker-3");
  g_assert_false (check_now (w));
  reset_and_run (w);
  g_assert_cmpfloat (extra (w, "q", "max_depth"), ==, 1);
  g_assert_cmpint (now_ms (w), ==, 4300);
  step_end (w);
}

/* 08 Back-pressure and overflow */
static void
test_backpressure (void)
{
  g_autoptr(Walk) w = walk_new ("08-backpressure.swy");
  g_autofree char *newest = NULL;
  g_autofree char *oldest = NULL;
  SwyQueueNode *buffer;

  /* 9 drops; jobs 1 to 11 served. */
  step_begin (w);
  swy_graph_run_fast (w->graph, -1);
  g_assert_cmpuint (swy_node_get_dropped (node (w, "buffer")), ==, 9);
  g_assert_cmpuint (swy_node_get_drop_count (node (w, "buffer"), "overflow"), ==, 9);
  newest = log_field (w, "served", "seq");
  g_assert_cmpstr (newest, ==, "1 2 3 4 5 6 7 8 9 10 11");
  step_end (w);

  step_question_only (w);

  /* Capacity 5: 14 drops. */
  step_begin (w);
  buffer = SWY_QUEUE_NODE (node (w, "buffer"));
  swy_queue_node_set_capacity (buffer, 5);
  g_assert_false (check_now (w));
  reset_and_run (w);
  g_assert_cmpuint (swy_node_get_dropped (node (w, "buffer")), ==, 14);
  step_end (w);

  /* drop-oldest: job 1 and 16 to 20. */
  step_begin (w);
  swy_queue_node_set_overflow (buffer, SWY_OVERFLOW_DROP_OLDEST);
  step_end (w);
  reset_and_run (w);
  oldest = log_field (w, "served", "seq");
  g_assert_cmpstr (oldest, ==, "1 16 17 18 19 20");

  /* Unbounded: nothing dropped, 19 waiting, job 20 starts at 2000 ms. */
  step_begin (w);
  swy_queue_node_set_capacity (buffer, 0);
  g_assert_false (check_now (w));
  reset_and_run (w);
  g_assert_cmpuint (swy_node_get_dropped (node (w, "buffer")), ==, 0);
  g_assert_cmpfloat (extra (w, "buffer", "max_depth"), ==, 19);
  g_assert_cmpint (now_ms (w), ==, 2100);
  step_end (w);
}

/* 09 Debounce and throttle */
static void
test_debounce_throttle (void)
{
  g_autoptr(Walk) w = walk_new ("09-debounce-throttle.swy");

  /* 40 keystrokes: 7 searches, 9 updates. */
  step_begin (w);
  swy_graph_run_fast (w->graph, -1);
  g_assert_cmpuint (swy_node_get_emitted (node (w, "search")), ==, 7);
  g_assert_cmpuint (swy_node_get_emitted (node (w, "scroll")), ==, 9);
  g_assert_cmpuint (swy_node_get_drop_count (node (w, "search"), "debounced"), ==, 33);
  g_assert_cmpuint (swy_node_get_drop_count (node (w, "scroll"), "throttled"), ==, 31);
  step_end (w);

  step_question_only (w);

  /* A one-second quiet period: one search, at the end. */
  step_begin (w);
  swy_debounce_node_set_quiet_ms (SWY_DEBOUNCE_NODE (node (w, "search")), 1000);
  g_assert_false (check_now (w));
  reset_and_run (w);
  g_assert_cmpuint (swy_node_get_emitted (node (w, "search")), ==, 1);
  step_end (w);

  /* A 250 ms window: 14 updates. */
  step_begin (w);
  swy_throttle_node_set_window_ms (SWY_THROTTLE_NODE (node (w, "scroll")), 250);
  g_assert_false (check_now (w));
  reset_and_run (w);
  g_assert_cmpuint (swy_node_get_emitted (node (w, "scroll")), ==, 14);
  step_end (w);
}

/* 10 Storms and cycles */
static void
test_storms (void)
{
  g_autoptr(Walk) w = walk_new ("10-storms.swy");
  SwyWire *back;

  /* Depths 1 to 30 delivered, the 31st (at ping) dropped. */
  step_begin (w);
  fire (w, "spark");
  g_assert_cmpuint (swy_node_get_received (node (w, "ping")), ==, 10);
  g_assert_cmpuint (swy_node_get_received (node (w, "guard")), ==, 10);
  g_assert_cmpuint (swy_node_get_drop_count (node (w, "ping"), "depth-limit"), ==, 1);
  g_assert_cmpuint (max_delivery_depth (w), ==, 30);
  step_end (w);

  /* Queued way back: the depth stays low, hop 61 (at ping) is dropped. */
  step_begin (w);
  back = wire (w, "guard:out", "ping:in");
  swy_wire_set_mode (back, SWY_WIRE_MODE_QUEUED);
  swy_wire_set_latency_ms (back, 10);
  swy_graph_reset (w->graph);
  fire (w, "spark");
  swy_graph_run_fast (w->graph, -1);
  g_assert_cmpuint (swy_node_get_drop_count (node (w, "ping"), "hop-limit"), ==, 1);
  g_assert_cmpuint (swy_graph_get_total_dropped (w->graph), ==, 1);
  g_assert_cmpuint (swy_node_get_received (node (w, "ping")), ==, 20);
  /* The click's chain reaches depth 3; every later round starts at 0. */
  g_assert_cmpuint (max_delivery_depth (w), ==, 3);
  step_end (w);

  /* The guard ends it: bump counts 1 to 10, the 10 is rejected. */
  step_begin (w);
  swy_filter_node_set_op (SWY_FILTER_NODE (node (w, "guard")), SWY_FILTER_OP_LT);
  swy_filter_node_set_operand (SWY_FILTER_NODE (node (w, "guard")), 10);
  g_assert_false (check_now (w));
  swy_graph_reset (w->graph);
  fire (w, "spark");
  swy_graph_run_fast (w->graph, -1);
  g_assert_cmpuint (swy_node_get_emitted (node (w, "bump")), ==, 10);
  g_assert_cmpuint (swy_filter_node_get_rejected (SWY_FILTER_NODE (node (w, "guard"))), ==, 1);
  step_end (w);
}

/* 11 Windows and aggregation */
static void
test_batch (void)
{
  g_autoptr(Walk) w = walk_new ("11-batch.swy");
  SwyBatchNode *batch;

  /* One-second windows: 9 summaries of 100 readings. */
  step_begin (w);
  swy_graph_run_fast (w->graph, -1);
  batch = SWY_BATCH_NODE (node (w, "per-window"));
  g_assert_cmpuint (swy_batch_node_get_batches (batch), ==, 9);
  step_end (w);

  /* By number: exactly 5. */
  step_begin (w);
  swy_batch_node_set_size (batch, 20);
  swy_batch_node_set_window_ms (batch, 0);
  g_assert_false (check_now (w));
  reset_and_run (w);
  g_assert_cmpuint (swy_batch_node_get_batches (batch), ==, 5);
  step_end (w);

  /* Three-second windows: 3. */
  step_begin (w);
  swy_batch_node_set_size (batch, 0);
  swy_batch_node_set_window_ms (batch, 3000);
  g_assert_false (check_now (w));
  reset_and_run (w);
  g_assert_cmpuint (swy_batch_node_get_batches (batch), ==, 3);
  step_end (w);
}

/* 12 Unreliable networks */
static void
test_unreliable_network (void)
{
  g_autoptr(Walk) w = walk_new ("12-unreliable-network.swy");
  g_autofree char *in_order = NULL;
  SwyWire *net;

  /* All 50, in order, the run ends 40 ms after the last one is sent. */
  step_begin (w);
  swy_graph_run_fast (w->graph, -1);
  net = wire (w, "sensor:out", "gateway:in");
  g_assert_cmpuint (swy_wire_get_delivered (net), ==, 50);
  in_order = log_field (w, "readings", "seq");
  g_assert_true (g_str_has_prefix (in_order, "1 2 3 4 5 "));
  g_assert_cmpuint (count_out_of_order (w, "readings"), ==, 0);
  g_assert_cmpint (now_ms (w), ==, 5040);
  step_end (w);

  /* Loss 0.2: 38 arrive with this seed. */
  step_begin (w);
  swy_wire_set_loss (net, 0.2);
  g_assert_false (check_now (w));
  reset_and_run (w);
  g_assert_cmpuint (swy_wire_get_delivered (net), ==, 38);
  g_assert_cmpuint (swy_wire_get_lost (net), ==, 12);
  step_end (w);

  /* Jitter 300 ms: all arrive, 17 after a newer one. */
  step_begin (w);
  swy_wire_set_loss (net, 0);
  swy_wire_set_jitter_ms (net, 300);
  g_assert_false (check_now (w));
  reset_and_run (w);
  g_assert_cmpuint (swy_wire_get_delivered (net), ==, 50);
  g_assert_cmpuint (count_out_of_order (w, "readings"), ==, 17);
  step_end (w);

  step_question_only (w);
}

/* Every lesson file is canonical: loading and saving gives the same bytes. */
static void
test_canonical (void)
{
  g_autoptr(GDir) dir = g_dir_open (SWY_LESSONS_DIR, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *text = NULL;
      g_autofree char *saved = NULL;
      g_autoptr(SwyGraph) graph = NULL;
      g_autoptr(SwyLesson) lesson = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (name, ".swy"))
        continue;

      path = g_build_filename (SWY_LESSONS_DIR, name, NULL);
      g_assert_true (g_file_get_contents (path, &text, NULL, &error));
      g_assert_no_error (error);
      graph = load_graph (name);
      saved = swy_graph_save_to_data (graph, NULL);
      g_assert_cmpstr (saved, ==, text);

      /* Graph title and lesson title agree, and the lesson reads. */
      lesson = swy_lesson_new_from_graph (graph, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (swy_graph_get_title (graph), ==, swy_lesson_get_title (lesson));
      n++;
    }

  g_assert_cmpuint (n, ==, 12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Swy/Lessons/01-main-loop", test_main_loop);
  g_test_add_func ("/Swy/Lessons/02-callbacks", test_callbacks);
  g_test_add_func ("/Swy/Lessons/03-observers", test_observers);
  g_test_add_func ("/Swy/Lessons/04-pubsub", test_pubsub);
  g_test_add_func ("/Swy/Lessons/05-sync-vs-queued", test_sync_vs_queued);
  g_test_add_func ("/Swy/Lessons/06-priorities", test_priorities);
  g_test_add_func ("/Swy/Lessons/07-competing-consumers", test_competing_consumers);
  g_test_add_func ("/Swy/Lessons/08-backpressure", test_backpressure);
  g_test_add_func ("/Swy/Lessons/09-debounce-throttle", test_debounce_throttle);
  g_test_add_func ("/Swy/Lessons/10-storms", test_storms);
  g_test_add_func ("/Swy/Lessons/11-batch", test_batch);
  g_test_add_func ("/Swy/Lessons/12-unreliable-network", test_unreliable_network);
  g_test_add_func ("/Swy/Lessons/canonical", test_canonical);

  return g_test_run ();
}
