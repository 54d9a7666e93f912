/* test-dispatch.c: sync and queued delivery, options, storms, edits, live mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "swy-test-util.h"


/* "node:depth" of each record of @kind, space separated. */
static char *
depths (SwyGraph     *graph,
        SwyTraceKind  kind)
{
  SwyTrace *trace = swy_graph_get_trace (graph);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (trace)); i++)
    {
      g_autoptr(SwyTraceRecord) record = swy_trace_get_record (trace, i);

      if (swy_trace_record_get_kind (record) != kind)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%s:%u", swy_trace_record_get_node_id (record),
                              swy_trace_record_get_depth (record));
    }

  return g_string_free (out, FALSE);
}

static char *
delivered_nodes (SwyGraph *graph)
{
  SwyTrace *trace = swy_graph_get_trace (graph);
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

static void
test_sync_depth (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autofree char *emits = NULL;
  g_autofree char *delivers = NULL;

  add_node (graph, "button", "b");
  add_node (graph, "filter", "f1");
  add_node (graph, "filter", "f2");
  add_node (graph, "counter", "c");
  add_wire (graph, "b:out", "f1:in");
  add_wire (graph, "f1:out", "f2:in");
  add_wire (graph, "f2:out", "c:in");

  swy_graph_fire_button (graph, "b", NULL);
  emits = depths (graph, SWY_TRACE_KIND_EMIT);
  delivers = depths (graph, SWY_TRACE_KIND_DELIVER);
  g_assert_cmpstr (emits, ==, "b:0 f1:1 f2:2");
  g_assert_cmpstr (delivers, ==, "f1:1 f2:2 c:3");
}

static void
test_queued_depth (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autofree char *delivers = NULL;
  g_autofree char *times = NULL;

  add_node (graph, "button", "b");
  add_node (graph, "filter", "f1");
  add_node (graph, "counter", "c");
  add_queued_wire (graph, "b:out", "f1:in", 10);
  add_wire (graph, "f1:out", "c:in");

  swy_graph_fire_button (graph, "b", NULL);
  g_assert_cmpuint (swy_node_get_received (swy_graph_lookup_node (graph, "f1")), ==, 0);
  g_assert_cmpuint (swy_graph_get_n_pending (graph), ==, 1);
  swy_graph_run_fast (graph, -1);

  /* A queued delivery runs at the top level: depth 0. */
  delivers = depths (graph, SWY_TRACE_KIND_DELIVER);
  g_assert_cmpstr (delivers, ==, "f1:0 c:1");
  times = trace_summary (graph, SWY_TRACE_KIND_DELIVER, NULL);
  g_assert_cmpstr (times, ==, "10000:1 10000:1");
}

static void
collect_in_flight (SwyWire  *wire,
                   SwyEvent *event,
                   gint64    sent_us,
                   gint64    due_us,
                   gpointer  user_data)
{
  g_string_append_printf (user_data, "%d:%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT
                          "-%" G_GINT64_FORMAT " ",
                          swy_wire_get_index (wire), swy_event_get_id (event),
                          sent_us, due_us);
}

static void
test_in_flight (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autoptr(GString) seen = g_string_new (NULL);

  add_node (graph, "timer", "t");
  add_node (graph, "counter", "c");
  g_object_set (swy_graph_lookup_node (graph, "t"), "interval-ms", 100, "count", 2, NULL);
  add_queued_wire (graph, "t:out", "c:in", 250);
  add_wire (graph, "t:out", "c:in");

  /* At 150 ms tick 1 (sent at 100 ms) travels on the queued wire only. */
  swy_graph_run_fast (graph, 150000);
  swy_graph_foreach_in_flight (graph, collect_in_flight, seen);
  g_assert_cmpstr (seen->str, ==, "0:1:100000-350000 ");

  /* At 300 ms both ticks are in flight; the timer's own item is not a delivery. */
  g_string_truncate (seen, 0);
  swy_graph_run_fast (graph, 300000);
  swy_graph_foreach_in_flight (graph, collect_in_flight, seen);
  g_assert_true (strstr (seen->str, "0:1:100000-350000 ") != NULL);
  g_assert_true (strstr (seen->str, "0:2:200000-450000 ") != NULL);
  g_assert_cmpuint (strlen (seen->str), ==, strlen ("0:1:100000-350000 0:2:200000-450000 "));

  swy_graph_run_fast (graph, -1);
  g_string_truncate (seen, 0);
  swy_graph_foreach_in_flight (graph, collect_in_flight, seen);
  g_assert_cmpstr (seen->str, ==, "");
  g_assert_cmpuint (swy_node_get_received (swy_graph_lookup_node (graph, "c")), ==, 4);
}

static void
test_step_back_by_replay (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  guint64 performed;

  add_node (graph, "timer", "t");
  add_node (graph, "poisson", "p");
  add_node (graph, "queue", "q");
  add_node (graph, "worker", "w");
  add_node (graph, "counter", "c");
  g_object_set (swy_graph_lookup_node (graph, "t"), "interval-ms", 100, "count", 5, NULL);
  g_object_set (swy_graph_lookup_node (graph, "p"), "count", 5, NULL);
  add_queued_wire (graph, "t:out", "q:in", 30);
  add_queued_wire (graph, "p:out", "q:in", 10);
  add_wire (graph, "q:out", "w:in");
  add_wire (graph, "w:out", "c:in");

  for (guint i = 0; i < 7; i++)
    g_assert_true (swy_graph_step (graph));
  g_assert_cmpuint (swy_graph_get_n_performed (graph), ==, 7);
  swy_trace_flush (swy_graph_get_trace (graph));
  first = trace_jsonl (graph);

  /* One more step, then back: reset and replay one step fewer. */
  g_assert_true (swy_graph_step (graph));
  performed = swy_graph_get_n_performed (graph);
  g_assert_cmpuint (performed, ==, 8);
  swy_graph_reset (graph);
  g_assert_cmpuint (swy_graph_get_n_performed (graph), ==, 0);
  for (guint64 i = 0; i + 1 < performed; i++)
    g_assert_true (swy_graph_step (graph));
  swy_trace_flush (swy_graph_get_trace (graph));
  again = trace_jsonl (graph);

  g_assert_cmpstr (again, ==, first);
  g_assert_cmpuint (swy_graph_get_n_performed (graph), ==, 7);
}

static void
test_insert_keeps_order (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autoptr(SwyWire) middle = NULL;
  g_autoptr(SwyNode) late = NULL;
  g_autofree char *order = NULL;
  g_autoptr(GError) error = NULL;
  SwyWire *wire;

  add_node (graph, "button", "b");
  add_node (graph, "counter", "c1");
  add_node (graph, "counter", "c2");
  add_node (graph, "counter", "c3");
  add_wire (graph, "b:out", "c1:in");
  wire = add_wire (graph, "b:out", "c2:in");
  add_wire (graph, "b:out", "c3:in");

  /* Take the middle wire out and put it back where it was. */
  middle = g_object_ref (wire);
  swy_graph_remove_wire (graph, middle);
  g_assert_cmpint (swy_wire_get_index (middle), ==, -1);
  g_clear_object (&middle);
  middle = swy_wire_new (swy_node_get_port (swy_graph_lookup_node (graph, "b"), "out"),
                         swy_node_get_port (swy_graph_lookup_node (graph, "c2"), "in"));
  g_assert_true (swy_graph_insert_wire (graph, middle, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (swy_wire_get_index (middle), ==, 1);

  swy_graph_fire_button (graph, "b", NULL);
  order = delivered_nodes (graph);
  g_assert_cmpstr (order, ==, "c1 c2 c3");

  /* A node inserted first comes first in the node order. */
  late = swy_catalog_create_node ("counter", "c0", &error);
  g_assert_no_error (error);
  g_assert_true (swy_graph_insert_node (graph, late, 0, &error));
  {
    g_autoptr(SwyNode) first = g_list_model_get_item (swy_graph_get_nodes (graph), 0);

    g_assert_true (first == late);
  }
}

static void
test_handler_order (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autofree char *order = NULL;
  SwyWire *w1;

  add_node (graph, "button", "b");
  add_node (graph, "counter", "c1");
  add_node (graph, "counter", "c2");
  add_node (graph, "counter", "c3");
  w1 = add_wire (graph, "b:out", "c1:in");
  add_wire (graph, "b:out", "c2:in");
  add_wire (graph, "b:out", "c3:in");

  /* Reconnecting c1's handler (exact subscription, as a detail) keeps the order. */
  swy_wire_set_subscription (w1, "click");
  swy_graph_fire_button (graph, "b", NULL);
  swy_wire_set_subscription (w1, "cl+");
  swy_wire_set_subscription (w1, "+");
  swy_graph_fire_button (graph, "b", NULL);

  order = delivered_nodes (graph);
  g_assert_cmpstr (order, ==, "c1 c2 c3 c1 c2 c3");
}

static void
test_priorities (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autofree char *order = NULL;
  SwyNode *timer = add_node (graph, "timer", "t");

  g_object_set (timer, "interval-ms", 100, "count", 2, NULL);
  add_node (graph, "counter", "idle");
  add_node (graph, "counter", "default");
  add_node (graph, "counter", "high");
  add_node (graph, "counter", "default2");
  swy_wire_set_priority (add_queued_wire (graph, "t:out", "idle:in", 0), SWY_PRIORITY_IDLE);
  add_queued_wire (graph, "t:out", "default:in", 0);
  swy_wire_set_priority (add_queued_wire (graph, "t:out", "high:in", 0), SWY_PRIORITY_HIGH);
  add_queued_wire (graph, "t:out", "default2:in", 0);
  swy_graph_run_fast (graph, -1);

  order = delivered_nodes (graph);
  g_assert_cmpstr (order, ==, "high default default2 idle high default default2 idle");
}

static void
test_jitter (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  SwyNode *burst = add_node (graph, "burst", "b");
  SwyWire *wire;
  SwyTrace *trace = swy_graph_get_trace (graph);
  gboolean sorted = TRUE;
  guint64 last = 0;

  add_node (graph, "counter", "c");
  g_object_set (burst, "count", 20, NULL);
  wire = add_queued_wire (graph, "b:out", "c:in", 10);
  swy_wire_set_jitter_ms (wire, 50);
  swy_graph_set_seed (graph, 1);
  swy_graph_run_fast (graph, -1);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (trace)); i++)
    {
      g_autoptr(SwyTraceRecord) record = swy_trace_get_record (trace, i);

      if (swy_trace_record_get_kind (record) != SWY_TRACE_KIND_DELIVER)
        continue;
      g_assert_cmpint (swy_trace_record_get_time (record), >=, 10000);
      g_assert_cmpint (swy_trace_record_get_time (record), <=, 60000);
      if (swy_trace_record_get_event_id (record) < last)
        sorted = FALSE;
      last = swy_trace_record_get_event_id (record);
    }
  g_assert_false (sorted);
  g_assert_cmpuint (swy_wire_get_delivered (wire), ==, 20);

  first = trace_summary (graph, SWY_TRACE_KIND_DELIVER, NULL);
  swy_graph_reset (graph);
  swy_graph_run_fast (graph, -1);
  second = trace_summary (graph, SWY_TRACE_KIND_DELIVER, NULL);
  g_assert_cmpstr (first, ==, second);
}

static guint64
run_loss (guint64 seed,
          double  loss,
          guint64 *out_lost)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  SwyNode *burst = add_node (graph, "burst", "b");
  SwyNode *counter = add_node (graph, "counter", "c");
  SwyWire *wire;

  g_object_set (burst, "count", 1000, NULL);
  wire = add_wire (graph, "b:out", "c:in");
  swy_wire_set_loss (wire, loss);
  swy_graph_set_seed (graph, seed);
  swy_graph_run_fast (graph, -1);

  g_assert_cmpuint (swy_wire_get_delivered (wire) + swy_wire_get_lost (wire), ==, 1000);
  g_assert_cmpuint (swy_node_get_received (counter), ==, swy_wire_get_delivered (wire));
  g_assert_cmpuint (swy_graph_get_total_dropped (graph), ==, swy_wire_get_lost (wire));
  /* Losses are the wire's, not the target's. */
  g_assert_cmpuint (swy_node_get_dropped (counter), ==, 0);
  *out_lost = swy_wire_get_lost (wire);

  return swy_wire_get_delivered (wire);
}

static void
test_loss (void)
{
  guint64 lost, lost2, lost3;
  guint64 delivered = run_loss (5, 0.25, &lost);

  g_assert_cmpuint (delivered, ==, run_loss (5, 0.25, &lost2));
  g_assert_cmpuint (lost, ==, lost2);
  /* Seed 5 draws 238 losses out of 1000 at 0.25, on every machine. */
  g_assert_cmpuint (lost, ==, 238);
  g_assert_cmpuint (run_loss (6, 0.25, &lost3) + lost3, ==, 1000);
  g_assert_cmpuint (lost3, !=, lost);
  g_assert_cmpuint (run_loss (5, 0.0, &lost), ==, 1000);
  g_assert_cmpuint (run_loss (5, 1.0, &lost), ==, 0);
  g_assert_cmpuint (lost, ==, 1000);
}

static void
test_blocked (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  SwyNode *counter;
  SwyWire *wire;

  add_node (graph, "button", "b");
  add_node (graph, "broker", "hub");
  counter = add_node (graph, "counter", "c");
  add_wire (graph, "b:out", "hub:in");
  wire = add_wire (graph, "hub:out", "c:in");

  swy_wire_set_blocked (wire, TRUE);
  swy_graph_fire_button (graph, "b", NULL);
  swy_graph_fire_button (graph, "b", NULL);
  g_assert_cmpuint (swy_node_get_received (counter), ==, 0);
  g_assert_cmpuint (swy_broker_node_get_unrouted (SWY_BROKER_NODE (swy_graph_lookup_node (graph, "hub"))), ==, 2);

  /* Reconnecting keeps the block. */
  swy_wire_set_subscription (wire, "click");
  swy_graph_fire_button (graph, "b", NULL);
  g_assert_cmpuint (swy_node_get_received (counter), ==, 0);

  swy_wire_set_blocked (wire, FALSE);
  swy_graph_fire_button (graph, "b", NULL);
  g_assert_cmpuint (swy_node_get_received (counter), ==, 1);
}

static SwyGraph *
make_random_graph (guint64 seed)
{
  SwyGraph *graph = swy_graph_new ();
  SwyNode *poisson = add_node (graph, "poisson", "p");
  SwyWire *wire;

  swy_graph_set_seed (graph, seed);
  g_object_set (poisson, "count", 50, "rate-hz", 20.0, NULL);
  add_node (graph, "queue", "q");
  g_object_set (add_node (graph, "worker", "w"), "service-ms", 30, "concurrency", 2, NULL);
  add_node (graph, "log", "l");
  wire = add_queued_wire (graph, "p:out", "q:in", 5);
  swy_wire_set_jitter_ms (wire, 40);
  swy_wire_set_loss (wire, 0.1);
  add_wire (graph, "q:out", "w:in");
  add_queued_wire (graph, "w:out", "l:in", 1);

  return graph;
}

static void
test_determinism (void)
{
  g_autoptr(SwyGraph) a = make_random_graph (42);
  g_autoptr(SwyGraph) b = make_random_graph (42);
  g_autoptr(SwyGraph) c = make_random_graph (43);
  g_autofree char *ja = NULL;
  g_autofree char *ja2 = NULL;
  g_autofree char *jb = NULL;
  g_autofree char *jc = NULL;

  swy_graph_run_fast (a, -1);
  swy_graph_run_fast (b, -1);
  swy_graph_run_fast (c, -1);
  ja = trace_jsonl (a);
  jb = trace_jsonl (b);
  jc = trace_jsonl (c);
  g_assert_cmpuint (strlen (ja), >, 1000);
  g_assert_cmpstr (ja, ==, jb);
  g_assert_cmpstr (ja, !=, jc);

  swy_graph_reset (a);
  swy_graph_run_fast (a, -1);
  ja2 = trace_jsonl (a);
  g_assert_cmpstr (ja, ==, ja2);
}

static void
test_sync_storm (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  SwyNode *f1, *f2;

  add_node (graph, "button", "b");
  f1 = add_node (graph, "filter", "f1");
  f2 = add_node (graph, "filter", "f2");
  add_wire (graph, "b:out", "f1:in");
  add_wire (graph, "f1:out", "f2:in");
  add_wire (graph, "f2:out", "f1:in");

  swy_graph_fire_button (graph, "b", NULL);

  /* Deliveries at depths 1..64, the 65th is dropped. */
  g_assert_cmpuint (swy_graph_get_total_delivered (graph), ==, 64);
  g_assert_cmpuint (swy_graph_get_total_dropped (graph), ==, 1);
  g_assert_cmpuint (swy_node_get_drop_count (f2, "depth-limit") + swy_node_get_drop_count (f1, "depth-limit"), ==, 1);
  g_assert_cmpuint (swy_node_get_drop_count (f1, "depth-limit"), ==, 1);  /* depth 65 = f1 (odd) */
  g_assert_cmpuint (swy_graph_get_n_pending (graph), ==, 0);

  swy_graph_set_max_depth (graph, 8);
  swy_graph_reset (graph);
  swy_graph_fire_button (graph, "b", NULL);
  g_assert_cmpuint (swy_graph_get_total_delivered (graph), ==, 8);
  g_assert_cmpuint (swy_node_get_drop_count (f1, "depth-limit"), ==, 1);
}

static void
test_queued_storm_hop_limit (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  SwyNode *x;

  add_node (graph, "button", "b");
  x = add_node (graph, "filter", "x");
  add_wire (graph, "b:out", "x:in");
  add_queued_wire (graph, "x:out", "x:in", 1);
  add_queued_wire (graph, "x:out", "x:in", 1);
  swy_graph_set_max_hops (graph, 10);

  swy_graph_fire_button (graph, "b", NULL);
  swy_graph_run_fast (graph, -1);

  /* 2^(h-1) deliveries at hop h = 1..10; 2^10 dropped at hop 11. */
  g_assert_cmpuint (swy_graph_get_total_delivered (graph), ==, 1023);
  g_assert_cmpuint (swy_node_get_drop_count (x, "hop-limit"), ==, 1024);
  g_assert_cmpuint (swy_graph_get_total_dropped (graph), ==, 1024);
  g_assert_cmpint (swy_graph_get_now (graph), ==, 9000);
  g_assert_cmpuint (swy_graph_get_n_pending (graph), ==, 0);
}

static void
test_queued_storm_pending_limit (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  SwyNode *x;
  guint64 hop, pending;

  add_node (graph, "button", "b");
  x = add_node (graph, "filter", "x");
  add_wire (graph, "b:out", "x:in");
  add_queued_wire (graph, "x:out", "x:in", 0);
  add_queued_wire (graph, "x:out", "x:in", 0);
  swy_graph_set_max_pending (graph, 100);
  swy_trace_set_enabled (swy_graph_get_trace (graph), FALSE);

  /* Default max-hops (256) with fan-out 2: the pending cap bounds memory,
   * the hop limit ends it. */
  swy_graph_fire_button (graph, "b", NULL);
  while (swy_graph_step (graph))
    g_assert_cmpuint (swy_graph_get_n_pending (graph), <=, 100);

  hop = swy_node_get_drop_count (x, "hop-limit");
  pending = swy_node_get_drop_count (x, "pending-limit");
  g_assert_cmpuint (hop, >, 0);
  g_assert_cmpuint (pending, >, 0);
  g_assert_cmpuint (swy_graph_get_total_dropped (graph), ==, hop + pending);
  g_assert_cmpuint (swy_graph_get_n_pending (graph), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (swy_graph_get_trace (graph))), ==, 0);
}

static void
test_remove_wire_pending (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autofree char *drops = NULL;
  SwyNode *timer = add_node (graph, "timer", "t");
  SwyNode *counter = add_node (graph, "counter", "c");
  SwyWire *wire;

  g_object_set (timer, "interval-ms", 100, "count", 3, NULL);
  wire = add_queued_wire (graph, "t:out", "c:in", 500);
  g_object_ref (wire);

  swy_graph_run_fast (graph, 250000);
  g_assert_cmpuint (swy_graph_get_n_pending (graph), ==, 3);
  swy_graph_remove_wire (graph, wire);
  g_assert_null (swy_wire_get_graph (wire));
  g_assert_cmpint (swy_wire_get_index (wire), ==, -1);
  g_assert_finalize_object (wire);

  g_assert_cmpuint (swy_node_get_drop_count (counter, "removed"), ==, 2);
  drops = trace_summary (graph, SWY_TRACE_KIND_DROP, "c");
  g_assert_cmpstr (drops, ==, "250000:1 250000:2");
  swy_graph_run_fast (graph, -1);
  g_assert_cmpuint (swy_node_get_received (counter), ==, 0);
  g_assert_cmpuint (swy_node_get_emitted (timer), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (swy_graph_get_wires (graph)), ==, 0);
}

static void
test_remove_node_pending (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  SwyNode *timer = add_node (graph, "timer", "t");
  SwyNode *delay = add_node (graph, "delay", "d");
  SwyNode *counter = add_node (graph, "counter", "c");
  SwyWire *last;

  g_object_set (timer, "interval-ms", 100, "count", 4, NULL);
  g_object_set (delay, "delay-ms", 500, NULL);
  add_wire (graph, "t:out", "d:in");
  add_wire (graph, "d:out", "c:in");
  add_queued_wire (graph, "t:out", "c:in", 1000);
  last = add_wire (graph, "t:out", "c:in");

  swy_graph_run_fast (graph, 250000);
  g_object_ref (delay);
  swy_graph_remove_node (graph, delay);
  g_assert_null (swy_node_get_graph (delay));
  g_assert_cmpuint (swy_node_get_drop_count (delay, "removed"), ==, 2);
  g_assert_finalize_object (delay);

  /* The remaining wires were renumbered. */
  g_assert_cmpuint (g_list_model_get_n_items (swy_graph_get_wires (graph)), ==, 2);
  g_assert_cmpint (swy_wire_get_index (last), ==, 1);

  swy_graph_run_fast (graph, -1);
  g_assert_cmpuint (swy_node_get_received (counter), ==, 8);
  g_assert_null (swy_graph_lookup_node (graph, "d"));
}

static void
test_remove_while_live (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autoptr(GMainContext) context = g_main_context_new ();
  SwyNode *timer;
  SwyNode *counter;
  gint64 deadline;

  g_main_context_push_thread_default (context);

  timer = add_node (graph, "timer", "t");
  counter = add_node (graph, "counter", "c");
  g_object_set (timer, "interval-ms", 10, "count", 5, NULL);
  add_queued_wire (graph, "t:out", "c:in", 1000);

  swy_graph_set_speed (graph, 20.0);
  swy_graph_play (graph);
  g_assert_true (swy_graph_get_playing (graph));

  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (swy_node_get_emitted (timer) < 5 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (context, TRUE);
  g_assert_cmpuint (swy_node_get_emitted (timer), ==, 5);

  swy_graph_remove_node (graph, timer);
  g_assert_cmpuint (swy_node_get_drop_count (counter, "removed"), ==, 5);
  swy_graph_pause (graph);
  g_assert_false (swy_graph_get_playing (graph));
  g_assert_cmpuint (swy_graph_get_n_pending (graph), ==, 0);

  g_main_context_pop_thread_default (context);
}

static void
test_live (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autofree char *times = NULL;
  SwyNode *timer, *counter;
  gint64 deadline, start, elapsed;

  g_main_context_push_thread_default (context);

  timer = add_node (graph, "timer", "t");
  counter = add_node (graph, "counter", "c");
  g_object_set (timer, "interval-ms", 100, "count", 3, NULL);
  add_queued_wire (graph, "t:out", "c:in", 50);

  swy_graph_set_speed (graph, 10.0);
  start = g_get_monotonic_time ();
  swy_graph_play (graph);

  deadline = start + 5 * G_USEC_PER_SEC;
  while (swy_node_get_received (counter) < 3 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (context, TRUE);
  elapsed = g_get_monotonic_time () - start;
  swy_graph_pause (graph);

  /* 350 ms of virtual time at 10x: at least 35 ms of real time. */
  g_assert_cmpuint (swy_node_get_received (counter), ==, 3);
  g_assert_cmpint (elapsed, >=, 34000);
  times = trace_summary (graph, SWY_TRACE_KIND_DELIVER, "c");
  g_assert_cmpstr (times, ==, "150000:1 250000:2 350000:3");
  g_assert_cmpint (swy_graph_get_now (graph), >=, 350000);

  g_main_context_pop_thread_default (context);
}

/* Live mode that cannot keep up: a Poisson producer at 1,000,000 events a
 * second of virtual time, played at 20x, works in slices. After each, every
 * other source that is ready runs once (here an idle at the default idle
 * priority, posted at the end of each of the engine's batches), and then,
 * with nothing else to do, the engine goes on at once: the main loop never
 * sleeps out the yield. */
typedef struct
{
  GMainContext *context;
  GPollFunc     poll;
  gboolean      probing;        /* an idle is posted and has not run yet */
  guint         idles_run;
  guint         sleeping_polls; /* polls that could sleep, once the first idle ran */
} Behind;

static Behind *behind;

static int
count_sleeping_poll (GPollFD *fds,
                     guint    n_fds,
                     int      timeout)
{
  if (timeout != 0 && behind->idles_run > 0)
    behind->sleeping_polls++;

  return behind->poll (fds, n_fds, timeout);
}

static gboolean
behind_idle_cb (gpointer user_data)
{
  behind->probing = FALSE;
  behind->idles_run++;

  return G_SOURCE_REMOVE;
}

static void
behind_count_cb (SwyNode    *counter,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  g_autoptr(GSource) idle = NULL;

  if (behind->probing)
    return;

  behind->probing = TRUE;
  idle = g_idle_source_new ();
  g_source_set_callback (idle, behind_idle_cb, NULL, NULL);
  g_source_attach (idle, behind->context);
}

static void
test_live_behind (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autoptr(GMainContext) context = g_main_context_new ();
  Behind state = { context, g_main_context_get_poll_func (context) };
  SwyNode *producer, *counter;
  gint64 deadline;

  behind = &state;
  g_main_context_push_thread_default (context);
  g_main_context_set_poll_func (context, count_sleeping_poll);

  producer = add_node (graph, "poisson", "p");
  counter = add_node (graph, "counter", "c");
  g_object_set (producer, "rate-hz", 1000000.0, "count", 20000, NULL);
  add_wire (graph, "p:out", "c:in");
  g_signal_connect (counter, "notify::count", G_CALLBACK (behind_count_cb), NULL);

  swy_graph_set_speed (graph, 20.0);
  swy_graph_play (graph);
  /* A bound, not a measure. */
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (swy_node_get_received (counter) < 20000 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (context, TRUE);
  g_assert_cmpuint (swy_node_get_received (counter), ==, 20000);
  g_main_context_set_poll_func (context, state.poll);
  swy_graph_pause (graph);

  g_assert_cmpuint (state.idles_run, >=, 2);
  g_assert_cmpuint (state.sleeping_polls, ==, 0);
  g_test_message ("%u slices, each followed by an idle", state.idles_run);

  g_signal_handlers_disconnect_by_func (counter, behind_count_cb, NULL);
  while (g_main_context_iteration (context, FALSE))
    ;
  g_main_context_pop_thread_default (context);
  behind = NULL;
}

static void
test_causality (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  SwyNode *log;

  add_node (graph, "button", "b");
  add_node (graph, "delay", "d");
  add_node (graph, "map", "m");
  log = add_node (graph, "log", "l");
  add_wire (graph, "b:out", "d:in");
  add_queued_wire (graph, "d:out", "m:in", 5);
  add_wire (graph, "m:out", "l:in");

  swy_graph_fire_button (graph, "b", NULL);
  swy_graph_fire_button (graph, "b", NULL);
  swy_graph_run_fast (graph, -1);

  /* The map's events are children of the delayed clicks, even though other
   * work ran in between. */
  g_assert_cmpuint (swy_log_node_get_n_events (SWY_LOG_NODE (log)), ==, 2);
  g_assert_cmpuint (swy_event_get_id (swy_log_node_get_event (SWY_LOG_NODE (log), 0)), ==, 3);
  g_assert_cmpuint (swy_event_get_parent (swy_log_node_get_event (SWY_LOG_NODE (log), 0)), ==, 1);
  g_assert_cmpuint (swy_event_get_parent (swy_log_node_get_event (SWY_LOG_NODE (log), 1)), ==, 2);
  g_assert_cmpint (swy_event_get_created (swy_log_node_get_event (SWY_LOG_NODE (log), 1)), ==, 505000);
}

static void
test_stats (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autoptr(JsonNode) stats = NULL;
  g_autofree char *text = NULL;
  SwyNode *timer = add_node (graph, "timer", "t");

  add_node (graph, "queue", "q");
  g_object_set (timer, "interval-ms", 1000, "count", 10, NULL);
  g_object_set (swy_graph_lookup_node (graph, "q"), "capacity", 3, NULL);
  add_wire (graph, "t:out", "q:in");
  swy_graph_run_fast (graph, 10000000);

  stats = swy_graph_dup_stats (graph);
  text = json_to_string (stats, FALSE);
  g_assert_cmpstr (text, ==,
                   "{\"virtual_ms\":10000,\"totals\":{\"emitted\":10,\"delivered\":10,\"dropped\":7},"
                   "\"nodes\":{\"t\":{\"type\":\"timer\",\"received\":0,\"emitted\":10,\"dropped\":0,"
                   "\"drop_reasons\":{},\"extra\":{}},"
                   "\"q\":{\"type\":\"queue\",\"received\":10,\"emitted\":0,\"dropped\":7,"
                   "\"drop_reasons\":{\"overflow\":7},\"extra\":{\"length\":3,\"max_depth\":3}}},"
                   "\"wires\":[{\"from\":\"t:out\",\"to\":\"q:in\",\"delivered\":10,\"lost\":0}]}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Swy/Dispatch/sync-depth", test_sync_depth);
  g_test_add_func ("/Swy/Dispatch/queued-depth", test_queued_depth);
  g_test_add_func ("/Swy/Dispatch/handler-order", test_handler_order);
  g_test_add_func ("/Swy/Dispatch/in-flight", test_in_flight);
  g_test_add_func ("/Swy/Dispatch/insert-keeps-order", test_insert_keeps_order);
  g_test_add_func ("/Swy/Dispatch/step-back-by-replay", test_step_back_by_replay);
  g_test_add_func ("/Swy/Dispatch/priorities", test_priorities);
  g_test_add_func ("/Swy/Dispatch/jitter", test_jitter);
  g_test_add_func ("/Swy/Dispatch/loss", test_loss);
  g_test_add_func ("/Swy/Dispatch/blocked", test_blocked);
  g_test_add_func ("/Swy/Dispatch/determinism", test_determinism);
  g_test_add_func ("/Swy/Dispatch/sync-storm", test_sync_storm);
  g_test_add_func ("/Swy/Dispatch/queued-storm-hop-limit", test_queued_storm_hop_limit);
  g_test_add_func ("/Swy/Dispatch/queued-storm-pending-limit", test_queued_storm_pending_limit);
  g_test_add_func ("/Swy/Dispatch/remove-wire-pending", test_remove_wire_pending);
  g_test_add_func ("/Swy/Dispatch/remove-node-pending", test_remove_node_pending);
  g_test_add_func ("/Swy/Dispatch/remove-while-live", test_remove_while_live);
  g_test_add_func ("/Swy/Dispatch/live", test_live);
  g_test_add_func ("/Swy/Dispatch/live-behind", test_live_behind);
  g_test_add_func ("/Swy/Dispatch/causality", test_causality);
  g_test_add_func ("/Swy/Dispatch/stats", test_stats);

  return g_test_run ();
}
