/* test-nodes.c: every node type, hand-computed scenarios
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "swy-test-util.h"

static void
fire_value (SwyNode *button,
            double   value)
{
  g_object_set (button, "value", value, NULL);
  swy_node_fire (button);
}

/* Event ids delivered to @node, in order, space separated. */
static char *
delivered_ids (SwyGraph   *graph,
               const char *node)
{
  SwyTrace *trace = swy_graph_get_trace (graph);
  GString *out = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (trace));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyTraceRecord) record = swy_trace_get_record (trace, i);

      if (swy_trace_record_get_kind (record) != SWY_TRACE_KIND_DELIVER ||
          g_strcmp0 (swy_trace_record_get_node_id (record), node) != 0)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%" G_GUINT64_FORMAT, swy_trace_record_get_event_id (record));
    }

  return g_string_free (out, FALSE);
}

static void
test_timer_payload (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  SwyNode *timer = add_node (graph, "timer", "t");
  SwyNode *log = add_node (graph, "log", "l");

  g_object_set (timer, "interval-ms", 100, "count", 5, "topic", "clock/tick", NULL);
  add_wire (graph, "t:out", "l:in");
  swy_graph_run_fast (graph, 10000000);

  g_assert_cmpuint (swy_log_node_get_n_events (SWY_LOG_NODE (log)), ==, 5);
  for (guint k = 0; k < 5; k++)
    {
      SwyEvent *event = swy_log_node_get_event (SWY_LOG_NODE (log), k);
      gint64 seq;

      g_assert_true (swy_event_lookup_int64 (event, "seq", &seq));
      g_assert_cmpint (seq, ==, k + 1);
      g_assert_cmpint (swy_event_get_created (event), ==, (k + 1) * 100000);
      g_assert_cmpstr (swy_event_get_topic (event), ==, "clock/tick");
      g_assert_cmpuint (swy_event_get_parent (event), ==, 0);
    }
  g_assert_cmpuint (swy_graph_get_n_pending (graph), ==, 0);
}

static void
test_burst (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autofree char *ids = NULL;
  g_autofree char *times = NULL;
  SwyNode *burst = add_node (graph, "burst", "b");
  SwyNode *log = add_node (graph, "log", "l");

  g_object_set (burst, "at-ms", 50, "count", 3, NULL);
  add_wire (graph, "b:out", "l:in");
  swy_graph_run_fast (graph, -1);

  times = emit_times_ms (graph, "b");
  g_assert_cmpstr (times, ==, "50 50 50");
  ids = delivered_ids (graph, "l");
  g_assert_cmpstr (ids, ==, "1 2 3");
  for (guint k = 0; k < 3; k++)
    {
      gint64 seq;

      g_assert_true (swy_event_lookup_int64 (swy_log_node_get_event (SWY_LOG_NODE (log), k), "seq", &seq));
      g_assert_cmpint (seq, ==, k + 1);
    }
  g_assert_cmpint (swy_graph_get_now (graph), ==, 50000);
}

static void
test_filter_ops (void)
{
  struct {
    SwyFilterOp op;
    guint64     passed;
  } cases[] = {
    { SWY_FILTER_OP_NONE, 3 },
    { SWY_FILTER_OP_EQ, 1 },
    { SWY_FILTER_OP_NE, 2 },
    { SWY_FILTER_OP_LT, 1 },
    { SWY_FILTER_OP_LE, 2 },
    { SWY_FILTER_OP_GT, 1 },
    { SWY_FILTER_OP_GE, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SwyGraph) graph = swy_graph_new ();
      g_autoptr(GVariant) extra = NULL;
      SwyNode *button = add_node (graph, "button", "b");
      SwyNode *filter = add_node (graph, "filter", "f");
      SwyNode *counter = add_node (graph, "counter", "c");
      guint64 rejected;

      g_object_set (filter, "op", cases[i].op, "operand", 5.0, NULL);
      add_wire (graph, "b:out", "f:in");
      add_wire (graph, "f:out", "c:in");

      fire_value (button, 4);
      fire_value (button, 5);
      fire_value (button, 6);

      g_assert_cmpuint (swy_counter_node_get_count (SWY_COUNTER_NODE (counter)), ==, cases[i].passed);
      g_assert_cmpuint (swy_filter_node_get_rejected (SWY_FILTER_NODE (filter)), ==, 3 - cases[i].passed);
      g_assert_cmpuint (swy_node_get_dropped (filter), ==, 0);
      extra = swy_node_dup_extra_stats (filter);
      g_assert_true (g_variant_lookup (extra, "rejected", "t", &rejected));
      g_assert_cmpuint (rejected, ==, 3 - cases[i].passed);
    }
}

static void
test_filter_topic_and_field (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  SwyNode *button = add_node (graph, "button", "b");
  SwyNode *filter = add_node (graph, "filter", "f");
  SwyNode *counter = add_node (graph, "counter", "c");
  SwyNode *burst = add_node (graph, "burst", "u");

  g_object_set (filter, "topic-pattern", "sensor/+/temp", "op", SWY_FILTER_OP_GT, "operand", 0.0, NULL);
  g_object_set (burst, "count", 2, "topic", "sensor/a/temp", NULL);
  add_wire (graph, "b:out", "f:in");
  add_wire (graph, "u:out", "f:in");
  add_wire (graph, "f:out", "c:in");

  g_object_set (button, "topic", "sensor/kitchen/temp", NULL);
  fire_value (button, 1);           /* passes */
  fire_value (button, -1);          /* fails the field test */
  g_object_set (button, "topic", "sensor/kitchen/humidity", NULL);
  fire_value (button, 1);           /* fails the topic test */
  swy_graph_run_fast (graph, -1);   /* burst: no value field, fails */

  g_assert_cmpuint (swy_counter_node_get_count (SWY_COUNTER_NODE (counter)), ==, 1);
  g_assert_cmpuint (swy_filter_node_get_rejected (SWY_FILTER_NODE (filter)), ==, 4);
}

static void
test_map (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  SwyNode *button = add_node (graph, "button", "b");
  SwyNode *map = add_node (graph, "map", "m");
  SwyNode *log = add_node (graph, "log", "l");
  SwyEvent *event;
  double value;
  gint64 seq;

  g_object_set (map, "scale", 2.0, "offset", 1.0, "set-topic", "scaled", NULL);
  add_wire (graph, "b:out", "m:in");
  add_wire (graph, "m:out", "l:in");

  fire_value (button, 3);
  event = swy_log_node_get_event (SWY_LOG_NODE (log), 0);
  g_assert_true (swy_event_lookup_double (event, "value", &value));
  g_assert_cmpfloat (value, ==, 7.0);
  g_assert_true (swy_event_lookup_int64 (event, "seq", &seq));
  g_assert_cmpint (seq, ==, 1);
  g_assert_cmpstr (swy_event_get_topic (event), ==, "scaled");
  g_assert_cmpuint (swy_event_get_id (event), ==, 2);
  g_assert_cmpuint (swy_event_get_parent (event), ==, 1);

  /* Keeps the topic when set-topic is empty. */
  g_object_set (map, "set-topic", "", "scale", -0.5, "offset", 0.0, NULL);
  fire_value (button, 3);
  event = swy_log_node_get_event (SWY_LOG_NODE (log), 1);
  g_assert_cmpstr (swy_event_get_topic (event), ==, "click");
  g_assert_true (swy_event_lookup_double (event, "value", &value));
  g_assert_cmpfloat (value, ==, -1.5);
  g_assert_cmpuint (swy_event_get_parent (event), ==, 3);
}

static void
test_map_without_value (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autofree char *payload = NULL;
  SwyNode *log;

  add_node (graph, "burst", "b");
  add_node (graph, "map", "m");
  log = add_node (graph, "log", "l");
  g_object_set (swy_graph_lookup_node (graph, "b"), "count", 1, NULL);
  add_wire (graph, "b:out", "m:in");
  add_wire (graph, "m:out", "l:in");
  swy_graph_run_fast (graph, -1);

  payload = swy_event_dup_payload_string (swy_log_node_get_event (SWY_LOG_NODE (log), 0));
  g_assert_cmpstr (payload, ==, "{'seq': <int64 1>}");
  g_assert_cmpuint (swy_event_get_parent (swy_log_node_get_event (SWY_LOG_NODE (log), 0)), ==, 1);
}

static void
test_delay (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autofree char *times = NULL;
  g_autofree char *ids = NULL;
  SwyNode *timer = add_node (graph, "timer", "t");
  SwyNode *delay = add_node (graph, "delay", "d");

  add_node (graph, "counter", "c");
  g_object_set (timer, "interval-ms", 100, "count", 2, NULL);
  g_object_set (delay, "delay-ms", 50, NULL);
  add_wire (graph, "t:out", "d:in");
  add_wire (graph, "d:out", "c:in");

  swy_graph_run_fast (graph, 160000);
  g_assert_cmpuint (swy_delay_node_get_held (SWY_DELAY_NODE (delay)), ==, 0);
  swy_graph_run_fast (graph, 220000);
  g_assert_cmpuint (swy_delay_node_get_held (SWY_DELAY_NODE (delay)), ==, 1);
  swy_graph_run_fast (graph, 1000000);

  times = emit_times_ms (graph, "d");
  g_assert_cmpstr (times, ==, "150 250");
  ids = delivered_ids (graph, "c");
  g_assert_cmpstr (ids, ==, "1 2");
}

static void
test_debounce (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autofree char *times = NULL;
  g_autofree char *ids = NULL;
  SwyNode *timer = add_node (graph, "timer", "t");
  SwyNode *debounce = add_node (graph, "debounce", "d");

  add_node (graph, "counter", "c");
  g_object_set (timer, "interval-ms", 100, "count", 3, NULL);
  g_object_set (debounce, "quiet-ms", 150, NULL);
  add_wire (graph, "t:out", "d:in");
  add_wire (graph, "d:out", "c:in");
  swy_graph_run_fast (graph, -1);

  /* Inputs at 100, 200, 300; the last goes out 150 ms after it. */
  times = emit_times_ms (graph, "d");
  g_assert_cmpstr (times, ==, "450");
  ids = delivered_ids (graph, "c");
  g_assert_cmpstr (ids, ==, "3");
  g_assert_cmpuint (swy_node_get_dropped (debounce), ==, 2);
  g_assert_cmpuint (swy_node_get_drop_count (debounce, "debounced"), ==, 2);
  g_assert_cmpuint (swy_graph_get_n_pending (graph), ==, 0);

  /* A quiet period shorter than the gaps lets every event through. */
  swy_graph_reset (graph);
  g_object_set (debounce, "quiet-ms", 50, NULL);
  swy_graph_run_fast (graph, -1);
  g_clear_pointer (&times, g_free);
  times = emit_times_ms (graph, "d");
  g_assert_cmpstr (times, ==, "150 250 350");
  g_assert_cmpuint (swy_node_get_dropped (debounce), ==, 0);
}

static void
test_throttle (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autofree char *times = NULL;
  SwyNode *timer = add_node (graph, "timer", "t");
  SwyNode *throttle = add_node (graph, "throttle", "th");

  add_node (graph, "counter", "c");
  g_object_set (timer, "interval-ms", 100, "count", 5, NULL);
  g_object_set (throttle, "window-ms", 200, NULL);
  add_wire (graph, "t:out", "th:in");
  add_wire (graph, "th:out", "c:in");
  swy_graph_run_fast (graph, -1);

  /* 100 passes; 200 is inside [100, 300); 300 is exactly at the end and passes. */
  times = emit_times_ms (graph, "th");
  g_assert_cmpstr (times, ==, "100 300 500");
  g_assert_cmpuint (swy_node_get_drop_count (throttle, "throttled"), ==, 2);
  g_assert_cmpuint (swy_node_get_dropped (throttle), ==, 2);
}

static void
test_broker (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  const char *topics[] = { "a/b", "a/c", "x", "y", "a/b/c", "x/y/z" };
  SwyNode *button = add_node (graph, "button", "b");
  SwyNode *broker = add_node (graph, "broker", "hub");
  SwyNode *c1 = add_node (graph, "counter", "c1");
  SwyNode *c2 = add_node (graph, "counter", "c2");
  SwyNode *c3 = add_node (graph, "counter", "c3");

  add_wire (graph, "b:out", "hub:in");
  swy_wire_set_subscription (add_wire (graph, "hub:out", "c1:in"), "a/+");
  swy_wire_set_subscription (add_wire (graph, "hub:out", "c2:in"), "a/b");
  swy_wire_set_subscription (add_wire (graph, "hub:out", "c3:in"), "x/#");

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    {
      g_object_set (button, "topic", topics[i], NULL);
      swy_node_fire (button);
    }

  g_assert_cmpuint (swy_counter_node_get_count (SWY_COUNTER_NODE (c1)), ==, 2);  /* a/b a/c */
  g_assert_cmpuint (swy_counter_node_get_count (SWY_COUNTER_NODE (c2)), ==, 1);  /* a/b */
  g_assert_cmpuint (swy_counter_node_get_count (SWY_COUNTER_NODE (c3)), ==, 2);  /* x x/y/z */
  g_assert_cmpuint (swy_broker_node_get_unrouted (SWY_BROKER_NODE (broker)), ==, 2);  /* y a/b/c */
  g_assert_cmpuint (swy_node_get_emitted (broker), ==, 6);
  g_assert_cmpuint (swy_node_get_dropped (broker), ==, 0);
}

static void
test_topic_matching (void)
{
  g_assert_true (swy_topic_matches ("#", "a/b"));
  g_assert_true (swy_topic_matches ("#", ""));
  g_assert_true (swy_topic_matches ("a/#", "a"));
  g_assert_true (swy_topic_matches ("a/#", "a/b/c"));
  g_assert_false (swy_topic_matches ("a/#", "b"));
  g_assert_true (swy_topic_matches ("+", "a"));
  g_assert_false (swy_topic_matches ("+", "a/b"));
  g_assert_true (swy_topic_matches ("+/+", "a/b"));
  g_assert_true (swy_topic_matches ("a/+/c", "a/x/c"));
  g_assert_false (swy_topic_matches ("a/+/c", "a/x/d"));
  g_assert_true (swy_topic_matches ("a//c", "a//c"));
  g_assert_true (swy_topic_matches ("a/+/c", "a//c"));
  g_assert_false (swy_topic_matches ("a/b", "a/b/c"));
  g_assert_false (swy_topic_matches ("a/b/c", "a/b"));
}

static SwyGraph *
make_queue_graph (guint       capacity,
                  SwyOverflow overflow)
{
  SwyGraph *graph = swy_graph_new ();
  SwyNode *burst = add_node (graph, "burst", "b");
  SwyNode *queue = add_node (graph, "queue", "q");
  SwyNode *worker = add_node (graph, "worker", "w");

  add_node (graph, "counter", "c");
  g_object_set (burst, "count", 5, NULL);
  g_object_set (queue, "capacity", capacity, "overflow", overflow, NULL);
  g_object_set (worker, "service-ms", 100, NULL);
  add_wire (graph, "b:out", "q:in");
  add_wire (graph, "q:out", "w:in");
  add_wire (graph, "w:out", "c:in");

  return graph;
}

static void
test_queue_drop_newest (void)
{
  g_autoptr(SwyGraph) graph = make_queue_graph (2, SWY_OVERFLOW_DROP_NEWEST);
  g_autofree char *times = NULL;
  g_autofree char *ids = NULL;
  SwyNode *queue = swy_graph_lookup_node (graph, "q");
  g_autoptr(GVariant) extra = NULL;
  guint max_depth;

  swy_graph_run_fast (graph, -1);
  times = emit_times_ms (graph, "w");
  g_assert_cmpstr (times, ==, "100 200 300");
  ids = delivered_ids (graph, "c");
  g_assert_cmpstr (ids, ==, "1 2 3");
  g_assert_cmpuint (swy_node_get_drop_count (queue, "overflow"), ==, 2);
  g_assert_cmpuint (swy_queue_node_get_length (SWY_QUEUE_NODE (queue)), ==, 0);
  g_assert_cmpuint (swy_queue_node_get_max_depth (SWY_QUEUE_NODE (queue)), ==, 2);
  extra = swy_node_dup_extra_stats (queue);
  g_assert_true (g_variant_lookup (extra, "max_depth", "u", &max_depth));
  g_assert_cmpuint (max_depth, ==, 2);
}

static void
test_queue_drop_oldest (void)
{
  g_autoptr(SwyGraph) graph = make_queue_graph (2, SWY_OVERFLOW_DROP_OLDEST);
  g_autofree char *ids = NULL;
  SwyNode *queue = swy_graph_lookup_node (graph, "q");

  swy_graph_run_fast (graph, -1);
  ids = delivered_ids (graph, "c");
  g_assert_cmpstr (ids, ==, "1 4 5");
  g_assert_cmpuint (swy_node_get_drop_count (queue, "overflow"), ==, 2);
}

static void
test_queue_unbounded_holds (void)
{
  g_autoptr(SwyGraph) graph = make_queue_graph (0, SWY_OVERFLOW_DROP_NEWEST);
  SwyNode *queue = swy_graph_lookup_node (graph, "q");

  swy_graph_run_fast (graph, 50000);
  g_assert_cmpuint (swy_queue_node_get_length (SWY_QUEUE_NODE (queue)), ==, 4);
  swy_graph_run_fast (graph, 250000);
  g_assert_cmpuint (swy_queue_node_get_length (SWY_QUEUE_NODE (queue)), ==, 2);
  swy_graph_run_fast (graph, -1);
  g_assert_cmpuint (swy_node_get_received (swy_graph_lookup_node (graph, "c")), ==, 5);
  g_assert_cmpint (swy_graph_get_now (graph), ==, 500000);
}

static void
test_queue_round_robin_workers (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autofree char *w1 = NULL;
  g_autofree char *w2 = NULL;
  g_autofree char *times1 = NULL;
  SwyNode *burst = add_node (graph, "burst", "b");

  add_node (graph, "queue", "q");
  g_object_set (add_node (graph, "worker", "w1"), "service-ms", 100, NULL);
  g_object_set (add_node (graph, "worker", "w2"), "service-ms", 100, NULL);
  g_object_set (burst, "count", 4, NULL);
  add_wire (graph, "b:out", "q:in");
  add_wire (graph, "q:out", "w1:in");
  add_wire (graph, "q:out", "w2:in");
  swy_graph_run_fast (graph, -1);

  w1 = delivered_ids (graph, "w1");
  w2 = delivered_ids (graph, "w2");
  g_assert_cmpstr (w1, ==, "1 3");
  g_assert_cmpstr (w2, ==, "2 4");
  times1 = emit_times_ms (graph, "w1");
  g_assert_cmpstr (times1, ==, "100 200");
  /* The queue never pushed into a busy worker's inbox. */
  g_assert_cmpuint (swy_node_get_emitted (swy_graph_lookup_node (graph, "q")), ==, 4);
}

static void
test_queue_round_robin_ready (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autofree char *c1 = NULL;
  g_autofree char *c2 = NULL;
  g_autofree char *c3 = NULL;
  SwyNode *burst = add_node (graph, "burst", "b");

  add_node (graph, "queue", "q");
  add_node (graph, "counter", "c1");
  add_node (graph, "counter", "c2");
  add_node (graph, "counter", "c3");
  g_object_set (burst, "count", 6, NULL);
  add_wire (graph, "b:out", "q:in");
  add_wire (graph, "q:out", "c1:in");
  add_wire (graph, "q:out", "c2:in");
  add_wire (graph, "q:out", "c3:in");
  swy_graph_run_fast (graph, -1);

  c1 = delivered_ids (graph, "c1");
  c2 = delivered_ids (graph, "c2");
  c3 = delivered_ids (graph, "c3");
  g_assert_cmpstr (c1, ==, "1 4");
  g_assert_cmpstr (c2, ==, "2 5");
  g_assert_cmpstr (c3, ==, "3 6");
}

static void
test_worker_concurrency (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autofree char *times = NULL;
  g_autofree char *ids = NULL;
  g_autoptr(GVariant) extra = NULL;
  SwyNode *burst = add_node (graph, "burst", "b");
  SwyNode *worker = add_node (graph, "worker", "w");
  double busy_ms;
  guint max_inbox;
  guint64 completed;

  add_node (graph, "counter", "c");
  g_object_set (burst, "count", 5, NULL);
  g_object_set (worker, "service-ms", 100, "concurrency", 2, NULL);
  add_wire (graph, "b:out", "w:in");
  add_wire (graph, "w:out", "c:in");

  swy_graph_run_fast (graph, 0);
  g_assert_cmpuint (swy_worker_node_get_busy (SWY_WORKER_NODE (worker)), ==, 2);
  g_assert_cmpuint (swy_worker_node_get_inbox_length (SWY_WORKER_NODE (worker)), ==, 3);
  g_assert_false (swy_node_is_ready (worker));

  swy_graph_run_fast (graph, -1);
  times = emit_times_ms (graph, "w");
  g_assert_cmpstr (times, ==, "100 100 200 200 300");
  ids = delivered_ids (graph, "c");
  g_assert_cmpstr (ids, ==, "1 2 3 4 5");
  g_assert_true (swy_node_is_ready (worker));

  extra = swy_node_dup_extra_stats (worker);
  g_assert_true (g_variant_lookup (extra, "busy_ms", "d", &busy_ms));
  g_assert_cmpfloat (busy_ms, ==, 500.0);
  g_assert_true (g_variant_lookup (extra, "max_inbox", "u", &max_inbox));
  g_assert_cmpuint (max_inbox, ==, 3);
  g_assert_true (g_variant_lookup (extra, "completed", "t", &completed));
  g_assert_cmpuint (completed, ==, 5);
}

static void
test_batch_size (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  SwyNode *button = add_node (graph, "button", "b");
  SwyNode *batch = add_node (graph, "batch", "x");
  SwyNode *log = add_node (graph, "log", "l");
  g_autofree char *payload = NULL;
  SwyEvent *event;

  g_object_set (batch, "size", 2, "window-ms", 0, NULL);
  add_wire (graph, "b:out", "x:in");
  add_wire (graph, "x:out", "l:in");
  for (guint v = 1; v <= 5; v++)
    fire_value (button, v);

  g_assert_cmpuint (swy_log_node_get_n_events (SWY_LOG_NODE (log)), ==, 2);
  event = swy_log_node_get_event (SWY_LOG_NODE (log), 0);
  payload = swy_event_dup_payload_string (event);
  g_assert_cmpstr (payload, ==,
                   "{'seq': <int64 1>, 'count': <int64 2>, 'sum': <3.0>, 'mean': <1.5>, "
                   "'min': <1.0>, 'max': <2.0>}");
  g_assert_cmpuint (swy_event_get_parent (event), ==, 2);
  g_clear_pointer (&payload, g_free);
  payload = swy_event_dup_payload_string (swy_log_node_get_event (SWY_LOG_NODE (log), 1));
  g_assert_cmpstr (payload, ==,
                   "{'seq': <int64 2>, 'count': <int64 2>, 'sum': <7.0>, 'mean': <3.5>, "
                   "'min': <3.0>, 'max': <4.0>}");
  g_assert_cmpuint (swy_batch_node_get_pending (SWY_BATCH_NODE (batch)), ==, 1);
  g_assert_cmpuint (swy_batch_node_get_batches (SWY_BATCH_NODE (batch)), ==, 2);
}

static void
test_batch_window (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autofree char *times = NULL;
  SwyNode *timer = add_node (graph, "timer", "t");
  SwyNode *batch = add_node (graph, "batch", "x");
  SwyNode *log = add_node (graph, "log", "l");
  gint64 count;

  g_object_set (timer, "interval-ms", 100, "count", 5, NULL);
  g_object_set (batch, "window-ms", 250, NULL);
  add_wire (graph, "t:out", "x:in");
  add_wire (graph, "x:out", "l:in");
  swy_graph_run_fast (graph, -1);

  /* Windows open at the first event: [100, 350) holds 3, [400, 650) holds 2. */
  times = emit_times_ms (graph, "x");
  g_assert_cmpstr (times, ==, "350 650");
  g_assert_true (swy_event_lookup_int64 (swy_log_node_get_event (SWY_LOG_NODE (log), 0), "count", &count));
  g_assert_cmpint (count, ==, 3);
  g_assert_true (swy_event_lookup_int64 (swy_log_node_get_event (SWY_LOG_NODE (log), 1), "count", &count));
  g_assert_cmpint (count, ==, 2);
  g_assert_cmpuint (swy_graph_get_n_pending (graph), ==, 0);
}

static void
test_batch_size_before_window (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autofree char *times = NULL;
  SwyNode *timer = add_node (graph, "timer", "t");
  SwyNode *batch = add_node (graph, "batch", "x");

  add_node (graph, "counter", "c");
  g_object_set (timer, "interval-ms", 100, "count", 3, NULL);
  g_object_set (batch, "size", 2, "window-ms", 1000, NULL);
  add_wire (graph, "t:out", "x:in");
  add_wire (graph, "x:out", "c:in");
  swy_graph_run_fast (graph, -1);

  /* Size flushes at 200; the third event's window ends at 1300. */
  times = emit_times_ms (graph, "x");
  g_assert_cmpstr (times, ==, "200 1300");
}

static void
test_counter (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  SwyNode *button = add_node (graph, "button", "b");
  SwyNode *counter = add_node (graph, "counter", "c");

  add_wire (graph, "b:out", "c:in");
  fire_value (button, 2.5);
  fire_value (button, 4.5);
  g_assert_cmpuint (swy_counter_node_get_count (SWY_COUNTER_NODE (counter)), ==, 2);
  g_assert_cmpfloat (swy_counter_node_get_last_value (SWY_COUNTER_NODE (counter)), ==, 4.5);
  g_assert_cmpuint (swy_button_node_get_clicks (SWY_BUTTON_NODE (button)), ==, 2);

  swy_graph_reset (graph);
  g_assert_cmpuint (swy_counter_node_get_count (SWY_COUNTER_NODE (counter)), ==, 0);
  g_assert_cmpuint (swy_button_node_get_clicks (SWY_BUTTON_NODE (button)), ==, 0);
}

static void
test_log_keep (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_auto(GStrv) lines = NULL;
  SwyNode *burst = add_node (graph, "burst", "b");
  SwyNode *log = add_node (graph, "log", "l");

  g_object_set (burst, "count", 5, "at-ms", 2, NULL);
  g_object_set (log, "keep", 3, NULL);
  add_wire (graph, "b:out", "l:in");
  swy_graph_run_fast (graph, -1);

  g_assert_cmpuint (swy_log_node_get_n_events (SWY_LOG_NODE (log)), ==, 3);
  g_assert_cmpuint (swy_event_get_id (swy_log_node_get_event (SWY_LOG_NODE (log), 0)), ==, 3);
  g_assert_cmpint (swy_log_node_get_event_time (SWY_LOG_NODE (log), 0), ==, 2000);
  g_assert_null (swy_log_node_get_event (SWY_LOG_NODE (log), 3));
  lines = swy_log_node_dup_lines (SWY_LOG_NODE (log));
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, "[2.000 ms] #3 burst {'seq': <int64 3>}");

  g_object_set (log, "keep", 1, NULL);
  g_assert_cmpuint (swy_log_node_get_n_events (SWY_LOG_NODE (log)), ==, 1);
  g_assert_cmpuint (swy_event_get_id (swy_log_node_get_event (SWY_LOG_NODE (log), 0)), ==, 5);
}

static void
test_plot_keep (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  SwyNode *button = add_node (graph, "button", "b");
  SwyNode *burst = add_node (graph, "burst", "u");
  SwyNode *plot = add_node (graph, "plot", "p");
  gint64 t;
  double v;

  g_object_set (plot, "keep", 3, NULL);
  g_object_set (burst, "count", 2, "at-ms", 7, NULL);
  add_wire (graph, "b:out", "p:in");
  add_wire (graph, "u:out", "p:in");
  for (guint i = 1; i <= 5; i++)
    fire_value (button, i);
  swy_graph_run_fast (graph, -1);

  g_assert_cmpuint (swy_plot_node_get_n_points (SWY_PLOT_NODE (plot)), ==, 3);
  g_assert_cmpuint (swy_plot_node_get_skipped (SWY_PLOT_NODE (plot)), ==, 2);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (swy_plot_node_get_point (SWY_PLOT_NODE (plot), i, &t, &v));
      g_assert_cmpint (t, ==, 0);
      g_assert_cmpfloat (v, ==, 3 + i);
    }
  g_assert_false (swy_plot_node_get_point (SWY_PLOT_NODE (plot), 3, NULL, NULL));

  g_object_set (plot, "keep", 2, NULL);
  g_assert_true (swy_plot_node_get_point (SWY_PLOT_NODE (plot), 0, NULL, &v));
  g_assert_cmpfloat (v, ==, 4);
}

static char *
poisson_run (guint64 seed)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  SwyNode *poisson = add_node (graph, "poisson", "p");
  SwyNode *log = add_node (graph, "log", "l");
  GString *out = g_string_new (NULL);

  swy_graph_set_seed (graph, seed);
  g_object_set (poisson, "rate-hz", 10.0, "count", 20, "value-min", 5.0, "value-max", 6.0, NULL);
  add_wire (graph, "p:out", "l:in");
  swy_graph_run_fast (graph, -1);

  g_assert_cmpuint (swy_log_node_get_n_events (SWY_LOG_NODE (log)), ==, 20);
  for (guint i = 0; i < 20; i++)
    {
      SwyEvent *event = swy_log_node_get_event (SWY_LOG_NODE (log), i);
      double v;

      g_assert_true (swy_event_lookup_double (event, "value", &v));
      g_assert_cmpfloat (v, >=, 5.0);
      g_assert_cmpfloat (v, <, 6.0);
      g_string_append_printf (out, "%" G_GINT64_FORMAT ":%.6f ", swy_event_get_created (event), v);
    }

  return g_string_free (out, FALSE);
}

static void
test_poisson_determinism (void)
{
  g_autofree char *a = poisson_run (42);
  g_autofree char *b = poisson_run (42);
  g_autofree char *c = poisson_run (43);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
}

static void
test_poisson_rate (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  SwyNode *poisson = add_node (graph, "poisson", "p");

  swy_graph_set_seed (graph, 7);
  g_object_set (poisson, "rate-hz", 100.0, NULL);
  swy_graph_run_fast (graph, 100 * G_USEC_PER_SEC);

  /* 10,000 expected; the standard deviation is 100. */
  g_assert_cmpuint (swy_node_get_emitted (poisson), >, 9500);
  g_assert_cmpuint (swy_node_get_emitted (poisson), <, 10500);
}

static void
test_property_specs (void)
{
  GListModel *types = swy_catalog_get_types ();

  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(SwyNodeType) type = g_list_model_get_item (types, i);
      g_autoptr(GTypeClass) klass = g_type_class_ref (swy_node_type_get_gtype (type));
      g_autofree GParamSpec **pspecs = NULL;
      guint n;

      pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n);
      for (guint j = 0; j < n; j++)
        {
          if (pspecs[j]->owner_type == SWY_TYPE_NODE)
            continue;
          g_assert_nonnull (g_param_spec_get_nick (pspecs[j]));
          g_assert_nonnull (g_param_spec_get_blurb (pspecs[j]));
          g_assert_true (pspecs[j]->flags & G_PARAM_EXPLICIT_NOTIFY);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Swy/Nodes/timer-payload", test_timer_payload);
  g_test_add_func ("/Swy/Nodes/burst", test_burst);
  g_test_add_func ("/Swy/Nodes/filter-ops", test_filter_ops);
  g_test_add_func ("/Swy/Nodes/filter-topic-and-field", test_filter_topic_and_field);
  g_test_add_func ("/Swy/Nodes/map", test_map);
  g_test_add_func ("/Swy/Nodes/map-without-value", test_map_without_value);
  g_test_add_func ("/Swy/Nodes/delay", test_delay);
  g_test_add_func ("/Swy/Nodes/debounce", test_debounce);
  g_test_add_func ("/Swy/Nodes/throttle", test_throttle);
  g_test_add_func ("/Swy/Nodes/broker", test_broker);
  g_test_add_func ("/Swy/Nodes/topic-matching", test_topic_matching);
  g_test_add_func ("/Swy/Nodes/queue-drop-newest", test_queue_drop_newest);
  g_test_add_func ("/Swy/Nodes/queue-drop-oldest", test_queue_drop_oldest);
  g_test_add_func ("/Swy/Nodes/queue-unbounded", test_queue_unbounded_holds);
  g_test_add_func ("/Swy/Nodes/queue-round-robin-workers", test_queue_round_robin_workers);
  g_test_add_func ("/Swy/Nodes/queue-round-robin-ready", test_queue_round_robin_ready);
  g_test_add_func ("/Swy/Nodes/worker-concurrency", test_worker_concurrency);
  g_test_add_func ("/Swy/Nodes/batch-size", test_batch_size);
  g_test_add_func ("/Swy/Nodes/batch-window", test_batch_window);
  g_test_add_func ("/Swy/Nodes/batch-size-before-window", test_batch_size_before_window);
  g_test_add_func ("/Swy/Nodes/counter", test_counter);
  g_test_add_func ("/Swy/Nodes/log-keep", test_log_keep);
  g_test_add_func ("/Swy/Nodes/plot-keep", test_plot_keep);
  g_test_add_func ("/Swy/Nodes/poisson-determinism", test_poisson_determinism);
  g_test_add_func ("/Swy/Nodes/poisson-rate", test_poisson_rate);
  g_test_add_func ("/Swy/Nodes/property-specs", test_property_specs);

  return g_test_run ();
}
