/* test-log.c: the event log's model, filters and causality tree, and the two views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <swy.h>

#include "swy-event-details.h"
#include "swy-event-details-private.h"
#include "swy-log-model.h"
#include "swy-log-slot.h"
#include "swy-log-tail.h"
#include "swy-log-view.h"
#include "swy-log-view-private.h"
#include "swy-trace-query.h"
#include "swy-view-state.h"
#include "swy-app-test-util.h"
#include "swy-window-test-util.h"

/* The shop: a timer of orders into a filter and a counter, and into a
 * broker whose subscriptions route orders to a bounded queue before a
 * slow worker, and audit events (from a burst) to a counter and over a
 * wire that loses everything.
 *
 *   t (timer, 100 ms, 4 × orders/new) ─► f (filter seq ≥ 2) ─► c (counter)
 *                                     └► b (broker) ─orders/+─► q (queue, 1) ─► w (worker, 250 ms)
 *   p (burst at 50 ms, 2 × audit/login) ─► b ─audit/#─► a (counter)
 *                                            └─audit/#, loss 1─► sink (counter)
 */
static SwyGraph *
build_shop (void)
{
  SwyGraph *graph = swy_graph_new ();

  g_object_set (add_node (graph, "timer", "t"), "interval-ms", 100, "count", 4, "topic", "orders/new", NULL);
  g_object_set (add_node (graph, "filter", "f"), "field", "seq", "op", SWY_FILTER_OP_GE, "operand", 2.0, NULL);
  add_node (graph, "counter", "c");
  add_node (graph, "broker", "b");
  g_object_set (add_node (graph, "queue", "q"), "capacity", 1, NULL);
  g_object_set (add_node (graph, "worker", "w"), "service-ms", 250, NULL);
  g_object_set (add_node (graph, "burst", "p"), "at-ms", 50, "count", 2, "topic", "audit/login", NULL);
  add_node (graph, "counter", "a");
  add_node (graph, "counter", "sink");

  connect_nodes (graph, "t:out", "f:in", 0);
  connect_nodes (graph, "f:out", "c:in", 0);
  connect_nodes (graph, "t:out", "b:in", 0);
  swy_wire_set_subscription (connect_nodes (graph, "b:out", "q:in", 0), "orders/+");
  connect_nodes (graph, "q:out", "w:in", 0);
  connect_nodes (graph, "p:out", "b:in", 0);
  swy_wire_set_subscription (connect_nodes (graph, "b:out", "a:in", 0), "audit/#");
  {
    SwyWire *lossy = connect_nodes (graph, "b:out", "sink:in", 0);

    swy_wire_set_subscription (lossy, "audit/#");
    swy_wire_set_loss (lossy, 1.0);
  }

  return graph;
}

/* One row as “time kind[:reason] from>to #id topic dDepth”. */
static char *
format_row (const SwyTraceRecordData *data)
{
  static const char *kinds[] = { "emit", "deliver", "drop" };
  char time[32];

  swy_log_format_time (data->time, time, sizeof time);

  return g_strdup_printf ("%s %s%s%s %s>%s #%" G_GUINT64_FORMAT " %s d%u",
                          time, kinds[data->kind],
                          data->reason ? ":" : "", data->reason ? g_quark_to_string (data->reason) : "",
                          data->kind == SWY_TRACE_KIND_EMIT ? g_quark_to_string (data->node)
                          : data->from_node ? g_quark_to_string (data->from_node) : "",
                          data->kind == SWY_TRACE_KIND_EMIT ? "" : g_quark_to_string (data->node),
                          data->event_id, g_quark_to_string (data->topic), data->depth);
}

static char *
model_rows (SwyLogModel *model,
            guint        first,
            guint        n)
{
  g_autoptr(GString) rows = g_string_new (NULL);
  SwyTraceRecordData data;

  for (guint i = first; i < first + n && swy_log_model_peek (model, i, &data); i++)
    {
      g_autofree char *row = format_row (&data);

      g_string_append_printf (rows, "%s\n", row);
    }

  return g_string_free (g_steal_pointer (&rows), FALSE);
}

/* Every record of the shop's full run, in dispatch order. */
static const char *shop_rows[] = {
  /* 50 ms: the burst's two audit events go through the broker. */
  "50.000 emit p> #1 audit/login d0",
  "50.000 deliver p>b #1 audit/login d1",
  "50.000 emit b> #1 audit/login d1",
  "50.000 deliver b>a #1 audit/login d2",
  "50.000 drop:loss b>sink #1 audit/login d2",
  "50.000 emit p> #2 audit/login d0",
  "50.000 deliver p>b #2 audit/login d1",
  "50.000 emit b> #2 audit/login d1",
  "50.000 deliver b>a #2 audit/login d2",
  "50.000 drop:loss b>sink #2 audit/login d2",
  /* 100 ms: order 1 fails the filter; the idle worker takes it at once. */
  "100.000 emit t> #3 orders/new d0",
  "100.000 deliver t>f #3 orders/new d1",
  "100.000 deliver t>b #3 orders/new d1",
  "100.000 emit b> #3 orders/new d1",
  "100.000 deliver b>q #3 orders/new d2",
  "100.000 emit q> #3 orders/new d2",
  "100.000 deliver q>w #3 orders/new d3",
  /* 200 ms: order 2 passes the filter and waits in the queue. */
  "200.000 emit t> #4 orders/new d0",
  "200.000 deliver t>f #4 orders/new d1",
  "200.000 emit f> #4 orders/new d1",
  "200.000 deliver f>c #4 orders/new d2",
  "200.000 deliver t>b #4 orders/new d1",
  "200.000 emit b> #4 orders/new d1",
  "200.000 deliver b>q #4 orders/new d2",
  /* 300 ms: order 3 finds the queue full. */
  "300.000 emit t> #5 orders/new d0",
  "300.000 deliver t>f #5 orders/new d1",
  "300.000 emit f> #5 orders/new d1",
  "300.000 deliver f>c #5 orders/new d2",
  "300.000 deliver t>b #5 orders/new d1",
  "300.000 emit b> #5 orders/new d1",
  "300.000 deliver b>q #5 orders/new d2",
  "300.000 drop:overflow >q #5 orders/new d2",
  /* 350 ms: the worker is done with order 1 and takes order 2. */
  "350.000 emit w> #3 orders/new d0",
  "350.000 emit q> #4 orders/new d0",
  "350.000 deliver q>w #4 orders/new d1",
  /* 400 ms: order 4 waits in the queue. */
  "400.000 emit t> #6 orders/new d0",
  "400.000 deliver t>f #6 orders/new d1",
  "400.000 emit f> #6 orders/new d1",
  "400.000 deliver f>c #6 orders/new d2",
  "400.000 deliver t>b #6 orders/new d1",
  "400.000 emit b> #6 orders/new d1",
  "400.000 deliver b>q #6 orders/new d2",
  /* 600 ms and 850 ms: the worker drains the queue. */
  "600.000 emit w> #4 orders/new d0",
  "600.000 emit q> #6 orders/new d0",
  "600.000 deliver q>w #6 orders/new d1",
  "850.000 emit w> #6 orders/new d0",
};

/* The rows of the shop's full run that pass @keep, as one string. */
static char *
expected_rows (gboolean (*keep) (const char *row))
{
  g_autoptr(GString) rows = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (shop_rows); i++)
    if (keep == NULL || keep (shop_rows[i]))
      g_string_append_printf (rows, "%s\n", shop_rows[i]);

  return g_string_free (g_steal_pointer (&rows), FALSE);
}

static void
assert_rows (SwyLogModel *model,
             gboolean   (*keep) (const char *row))
{
  g_autofree char *expected = expected_rows (keep);
  g_autofree char *actual = model_rows (model, 0, g_list_model_get_n_items (G_LIST_MODEL (model)));

  g_assert_cmpstr (actual, ==, expected);
}

static gboolean
touches_f (const char *row)
{
  return strstr (row, " f>") != NULL || strstr (row, ">f ") != NULL;
}

static gboolean
is_order (const char *row)
{
  return strstr (row, "orders/new") != NULL;
}

static gboolean
is_drop (const char *row)
{
  return strstr (row, " drop:") != NULL;
}

static gboolean
is_event_5 (const char *row)
{
  return strstr (row, " #5 ") != NULL;
}

static gboolean
not_at_b (const char *row)
{
  /* The node of a record: the emitter of an emission, else the receiver. */
  return strstr (row, " b> ") == NULL && strstr (row, ">b ") == NULL;
}

static void
test_model_filters (void)
{
  g_autoptr(SwyGraph) graph = build_shop ();
  g_autoptr(SwyViewState) view_state = swy_view_state_new ();
  g_autoptr(SwyLogModel) model = NULL;
  g_autofree char *combined = NULL;
  SwyTraceRecordData data;

  swy_graph_run_fast (graph, -1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (swy_graph_get_trace (graph))), ==,
                    G_N_ELEMENTS (shop_rows));

  model = swy_log_model_new (swy_graph_get_trace (graph), view_state);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == SWY_TYPE_TRACE_RECORD);

  /* No filter: every record, in dispatch order. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 46);
  assert_rows (model, NULL);
  g_assert_false (swy_log_model_get_filtered (model));
  {
    g_autoptr(SwyTraceRecord) record = g_list_model_get_item (G_LIST_MODEL (model), 4);

    g_assert_cmpstr (swy_trace_record_get_from_node_id (record), ==, "b");
    g_assert_cmpstr (swy_trace_record_get_node_id (record), ==, "sink");
    g_assert_cmpstr (swy_trace_record_get_reason (record), ==, "loss");
    g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 46));
  }

  /* Node: either end of the record. */
  swy_log_model_set_node (model, "f");
  g_assert_true (swy_log_model_get_filtered (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  assert_rows (model, touches_f);
  swy_log_model_set_node (model, "no-such-node");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  swy_log_model_set_node (model, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 46);

  /* Topic pattern, MQTT rules. */
  swy_log_model_set_topic_pattern (model, "orders/+");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 36);
  assert_rows (model, is_order);
  swy_log_model_set_topic_pattern (model, "+");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  swy_log_model_set_topic_pattern (model, "#");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 46);
  swy_log_model_set_topic_pattern (model, "");
  g_assert_null (swy_log_model_get_topic_pattern (model));

  /* Kind: drops only, each with its reason. */
  swy_log_model_set_kinds (model, SWY_LOG_KINDS_DROP);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  assert_rows (model, is_drop);
  g_assert_true (swy_log_model_peek (model, 2, &data));
  g_assert_cmpstr (g_quark_to_string (data.reason), ==, "overflow");
  g_assert_cmpuint (data.from_node, ==, 0);
  swy_log_model_set_kinds (model, SWY_LOG_KINDS_EMIT | SWY_LOG_KINDS_DROP);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 24);
  swy_log_model_set_kinds (model, SWY_LOG_KINDS_ALL);

  /* Free text: topics and node ids, ignoring case; payloads; “#id”. */
  swy_log_model_set_search (model, "LOGIN");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  swy_log_model_set_search (model, "sink");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  swy_log_model_set_search (model, "overflow");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  swy_log_model_set_search (model, "'SEQ': <int64 3>");
  assert_rows (model, is_event_5);
  swy_log_model_set_search (model, "#5");
  assert_rows (model, is_event_5);
  swy_log_model_set_search (model, "  ");
  g_assert_null (swy_log_model_get_search (model));
  g_assert_false (swy_log_model_get_filtered (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 46);

  /* Filters combine. */
  swy_log_model_set_topic_pattern (model, "orders/#");
  swy_log_model_set_node (model, "q");
  swy_log_model_set_kinds (model, SWY_LOG_KINDS_DELIVER);
  combined = model_rows (model, 0, 10);
  g_assert_cmpstr (combined, ==,
                   "100.000 deliver b>q #3 orders/new d2\n"
                   "100.000 deliver q>w #3 orders/new d3\n"
                   "200.000 deliver b>q #4 orders/new d2\n"
                   "300.000 deliver b>q #5 orders/new d2\n"
                   "350.000 deliver q>w #4 orders/new d1\n"
                   "400.000 deliver b>q #6 orders/new d2\n"
                   "600.000 deliver q>w #6 orders/new d1\n");
  g_assert_cmpuint (swy_log_model_find_event (model, 4), ==, 2);
  g_assert_cmpuint (swy_log_model_find_event (model, 1), ==, GTK_INVALID_LIST_POSITION);
  swy_log_model_set_topic_pattern (model, NULL);
  swy_log_model_set_node (model, NULL);
  swy_log_model_set_kinds (model, SWY_LOG_KINDS_ALL);

  /* Noise control through the view state: the record's node, and topics. */
  swy_view_state_set_node_hidden (view_state, "b", TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 34);
  assert_rows (model, not_at_b);
  swy_view_state_set_node_hidden (view_state, "b", FALSE);
  swy_view_state_set_topic_hidden (view_state, "audit/#", TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 36);
  assert_rows (model, is_order);
  swy_view_state_set_topic_hidden (view_state, "audit/#", FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 46);

  g_assert_finalize_object (g_steal_pointer (&model));
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GArray     *changes)
{
  Change change = { position, removed, added };

  g_array_append_val (changes, change);
}

static void
test_model_growth (void)
{
  g_autoptr(SwyGraph) graph = build_shop ();
  g_autoptr(SwyLogModel) model = swy_log_model_new (swy_graph_get_trace (graph), NULL);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  SwyTraceRecordData data;
  Change *c;

  swy_log_model_set_topic_pattern (model, "orders/+");
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), changes);

  /* Up to 250 ms: the audit burst and two orders (14 order records). */
  swy_graph_run_fast (graph, 250 * 1000);
  /* Coalesced: nothing until the update (the next frame, or now). */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_cmpuint (changes->len, ==, 0);
  swy_log_model_update (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 14);
  g_assert_cmpuint (changes->len, ==, 1);
  c = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (c->position, ==, 0);
  g_assert_cmpuint (c->removed, ==, 0);
  g_assert_cmpuint (c->added, ==, 14);

  /* The rest, appended in one change by the model's own update. */
  swy_graph_run_fast (graph, -1);
  while (g_list_model_get_n_items (G_LIST_MODEL (model)) == 14)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (changes->len, ==, 2);
  c = &g_array_index (changes, Change, 1);
  g_assert_cmpuint (c->position, ==, 14);
  g_assert_cmpuint (c->removed, ==, 0);
  g_assert_cmpuint (c->added, ==, 22);
  assert_rows (model, is_order);

  /* A reset: the rows name records of the old run until the update. */
  g_assert_false (swy_log_model_get_pending (model));
  swy_graph_reset (graph);
  g_assert_true (swy_log_model_get_pending (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 36);
  g_assert_false (swy_log_model_peek (model, 0, &data));
  swy_log_model_update (model);
  g_assert_false (swy_log_model_get_pending (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  swy_graph_run_fast (graph, 150 * 1000);
  swy_log_model_update (model);
  expected = g_strdup ("100.000 emit t> #3 orders/new d0\n"
                       "100.000 deliver t>f #3 orders/new d1\n"
                       "100.000 deliver t>b #3 orders/new d1\n"
                       "100.000 emit b> #3 orders/new d1\n"
                       "100.000 deliver b>q #3 orders/new d2\n"
                       "100.000 emit q> #3 orders/new d2\n"
                       "100.000 deliver q>w #3 orders/new d3\n");
  actual = model_rows (model, 0, 100);
  g_assert_cmpstr (actual, ==, expected);

  g_assert_finalize_object (g_steal_pointer (&model));
}

/* A filter change replaces the rows in two changes, all out and then the
 * new ones in, so that GTK 4.8 does not fetch every new row looking for
 * the rows it tracks; a row gives the same object while it is alive. */
static void
test_model_rebuild (void)
{
  g_autoptr(SwyGraph) graph = build_shop ();
  g_autoptr(SwyLogModel) model = NULL;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(SwyTraceRecord) first = NULL;
  g_autoptr(SwyTraceRecord) again = NULL;
  g_autoptr(SwyTraceRecord) other = NULL;
  Change *c;

  swy_graph_run_fast (graph, -1);
  model = swy_log_model_new (swy_graph_get_trace (graph), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 46);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), changes);

  first = g_list_model_get_item (G_LIST_MODEL (model), 14);
  again = g_list_model_get_item (G_LIST_MODEL (model), 14);
  g_assert_true (first == again);
  other = g_list_model_get_item (G_LIST_MODEL (model), 15);
  g_assert_true (other != first);

  g_assert_false (swy_log_model_get_replacing (model));
  swy_log_model_set_topic_pattern (model, "orders/+");
  g_assert_false (swy_log_model_get_replacing (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 36);
  g_assert_cmpuint (changes->len, ==, 2);
  c = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (c->position, ==, 0);
  g_assert_cmpuint (c->removed, ==, 46);
  g_assert_cmpuint (c->added, ==, 0);
  c = &g_array_index (changes, Change, 1);
  g_assert_cmpuint (c->position, ==, 0);
  g_assert_cmpuint (c->removed, ==, 0);
  g_assert_cmpuint (c->added, ==, 36);

  /* Record 14 is an order record: under the filter it is row 4 (after the
   * 10 audit records before it), and still the same object. */
  {
    SwyTraceRecordData data;

    g_assert_true (swy_log_model_peek (model, 4, &data));
    g_assert_cmpuint (data.number, ==, 14);
    g_clear_object (&again);
    again = g_list_model_get_item (G_LIST_MODEL (model), 4);
    g_assert_true (again == first);
  }

  /* Back to no filter: again two changes. */
  swy_log_model_set_topic_pattern (model, NULL);
  g_assert_cmpuint (changes->len, ==, 4);
  c = &g_array_index (changes, Change, 2);
  g_assert_cmpuint (c->removed, ==, 36);
  g_assert_cmpuint (c->added, ==, 0);
  c = &g_array_index (changes, Change, 3);
  g_assert_cmpuint (c->removed, ==, 0);
  g_assert_cmpuint (c->added, ==, 46);

  g_clear_object (&first);
  g_clear_object (&again);
  g_clear_object (&other);
  g_assert_finalize_object (g_steal_pointer (&model));
}

static void
test_model_ring_wrap (void)
{
  g_autoptr(SwyGraph) graph = build_shop ();
  SwyTrace *trace = swy_graph_get_trace (graph);
  g_autoptr(SwyLogModel) model = NULL;
  g_autoptr(SwyLogModel) drops = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autofree char *actual = NULL;
  SwyTraceRecordData data;

  swy_trace_set_capacity (trace, 10);
  model = swy_log_model_new (trace, NULL);
  drops = swy_log_model_new (trace, NULL);
  swy_log_model_set_kinds (drops, SWY_LOG_KINDS_DROP);

  /* Up to 320 ms: 32 records, the last 10 kept. */
  swy_graph_run_fast (graph, 320 * 1000);
  swy_log_model_update (model);
  swy_log_model_update (drops);
  g_assert_cmpuint (swy_trace_get_n_total (trace), ==, 32);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  for (guint i = 22; i < 32; i++)
    g_string_append_printf (expected, "%s\n", shop_rows[i]);
  actual = model_rows (model, 0, 10);
  g_assert_cmpstr (actual, ==, expected->str);
  g_assert_true (swy_log_model_peek (model, 0, &data));
  g_assert_cmpuint (data.number, ==, 22);
  /* The loss drops of the audit events are gone; the overflow is kept. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (drops)), ==, 1);

  /* To the end: until the update, the rows whose records the ring forgot
   * have nothing to show; the update removes them from the front. */
  swy_graph_run_fast (graph, -1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (drops)), ==, 1);
  g_assert_false (swy_log_model_peek (drops, 0, &data));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (drops), 0));
  swy_log_model_update (drops);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (drops)), ==, 0);
  swy_log_model_update (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  g_string_truncate (expected, 0);
  for (guint i = 36; i < 46; i++)
    g_string_append_printf (expected, "%s\n", shop_rows[i]);
  g_clear_pointer (&actual, g_free);
  actual = model_rows (model, 0, 10);
  g_assert_cmpstr (actual, ==, expected->str);

  /* A small step: two records in, two out, count stays. */
  swy_graph_reset (graph);
  swy_graph_run_fast (graph, 300 * 1000);
  swy_log_model_update (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  g_assert_true (swy_log_model_peek (model, 0, &data));
  g_assert_cmpuint (data.number, ==, 22);
  {
    /* A row GTK shows keeps its item after the ring forgot its record. */
    g_autoptr(SwyTraceRecord) shown = g_list_model_get_item (G_LIST_MODEL (model), 0);

    swy_graph_run_fast (graph, 350 * 1000);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
    g_assert_false (swy_log_model_peek (model, 2, &data));
    g_assert_true (swy_log_model_peek (model, 3, &data));
    g_assert_cmpuint (data.number, ==, 25);
    g_assert_true (g_list_model_get_item (G_LIST_MODEL (model), 0) == (gpointer) shown);
    g_object_unref (shown);
    g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 1));
  }
  swy_log_model_update (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 10);
  g_assert_true (swy_log_model_peek (model, 0, &data));
  g_assert_cmpuint (data.number, ==, 25);

  g_assert_finalize_object (g_steal_pointer (&model));
  g_assert_finalize_object (g_steal_pointer (&drops));
}

/* A fan of maps: the tick (event 1) makes a child in m1 (2), whose child in
 * m3 is its grandchild (3), and, over a queued wire, a child in m2 (4).
 *
 *   t (timer, 1 × raw) ─► m1 (map → a) ─► m3 (map → c) ─► c
 *                      └─queued 5 ms─► m2 (map → b)
 */
static SwyGraph *
build_fan (void)
{
  SwyGraph *graph = swy_graph_new ();
  SwyWire *queued;

  g_object_set (add_node (graph, "timer", "t"), "interval-ms", 100, "count", 1, "topic", "raw", NULL);
  g_object_set (add_node (graph, "map", "m1"), "set-topic", "a", NULL);
  g_object_set (add_node (graph, "map", "m3"), "set-topic", "c", NULL);
  add_node (graph, "counter", "c");
  g_object_set (add_node (graph, "map", "m2"), "set-topic", "b", NULL);
  connect_nodes (graph, "t:out", "m1:in", 0);
  connect_nodes (graph, "m1:out", "m3:in", 0);
  connect_nodes (graph, "m3:out", "c:in", 0);
  queued = connect_nodes (graph, "t:out", "m2:in", 0);
  swy_wire_set_mode (queued, SWY_WIRE_MODE_QUEUED);
  swy_wire_set_latency_ms (queued, 5);
  swy_graph_run_fast (graph, -1);

  return graph;
}

static char *
history_rows (const SwyEventHistory *h)
{
  g_autoptr(GString) rows = g_string_new (NULL);

  for (guint i = 0; i < h->records->len; i++)
    {
      g_autofree char *row = format_row (&g_array_index (h->records, SwyTraceRecordData, i));

      g_string_append_printf (rows, "%s\n", row);
    }

  return g_string_free (g_steal_pointer (&rows), FALSE);
}

static guint64
event_at (GPtrArray *events,
          guint      i)
{
  return swy_event_get_id (g_ptr_array_index (events, i));
}

static void
test_causality (void)
{
  g_autoptr(SwyGraph) graph = build_fan ();
  SwyTrace *trace = swy_graph_get_trace (graph);
  g_autoptr(SwyEventHistory) tick = swy_event_history_new (trace, 1, 100, 100);
  g_autoptr(SwyEventHistory) child = swy_event_history_new (trace, 2, 100, 100);
  g_autoptr(SwyEventHistory) grandchild = swy_event_history_new (trace, 3, 100, 100);
  g_autoptr(SwyEventHistory) capped = swy_event_history_new (trace, 1, 2, 1);
  g_autoptr(SwyEventHistory) unknown = swy_event_history_new (trace, 99, 100, 100);
  g_autofree char *path = history_rows (tick);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trace)), ==, 8);

  /* The path: exactly the tick's emission and its two deliveries, in order. */
  g_assert_nonnull (tick->event);
  g_assert_cmpuint (swy_event_get_id (tick->event), ==, 1);
  g_assert_cmpstr (path, ==,
                   "100.000 emit t> #1 raw d0\n"
                   "100.000 deliver t>m1 #1 raw d1\n"
                   "105.000 deliver t>m2 #1 raw d0\n");
  g_assert_cmpuint (tick->n_records, ==, 3);
  g_assert_false (tick->partial);

  /* Its children: exactly the two mapped events; m1's has one of its own. */
  g_assert_cmpuint (tick->n_children, ==, 2);
  g_assert_cmpuint (tick->children->len, ==, 2);
  g_assert_cmpuint (event_at (tick->children, 0), ==, 2);
  g_assert_cmpuint (event_at (tick->children, 1), ==, 4);
  g_assert_cmpstr (swy_event_get_topic (g_ptr_array_index (tick->children, 0)), ==, "a");
  g_assert_cmpstr (swy_event_get_topic (g_ptr_array_index (tick->children, 1)), ==, "b");
  g_assert_cmpuint (g_array_index (tick->n_grandchildren, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (tick->n_grandchildren, guint, 1), ==, 0);
  g_assert_cmpuint (tick->ancestors->len, ==, 0);
  g_assert_true (tick->ancestors_complete);

  /* The child's parent link points back; its own child is the grandchild. */
  g_assert_cmpuint (swy_event_get_parent (child->event), ==, 1);
  g_assert_cmpuint (child->ancestors->len, ==, 1);
  g_assert_cmpuint (event_at (child->ancestors, 0), ==, 1);
  g_assert_cmpuint (child->n_children, ==, 1);
  g_assert_cmpuint (event_at (child->children, 0), ==, 3);

  /* The grandchild's lineage, oldest first. */
  g_assert_cmpuint (grandchild->ancestors->len, ==, 2);
  g_assert_cmpuint (event_at (grandchild->ancestors, 0), ==, 1);
  g_assert_cmpuint (event_at (grandchild->ancestors, 1), ==, 2);
  g_assert_true (grandchild->ancestors_complete);
  g_assert_cmpuint (grandchild->n_children, ==, 0);
  g_clear_pointer (&path, g_free);
  path = history_rows (grandchild);
  g_assert_cmpstr (path, ==,
                   "100.000 emit m3> #3 c d2\n"
                   "100.000 deliver m3>c #3 c d3\n");

  /* Caps keep the counts honest. */
  g_assert_cmpuint (capped->records->len, ==, 2);
  g_assert_cmpuint (capped->n_records, ==, 3);
  g_assert_cmpuint (capped->children->len, ==, 1);
  g_assert_cmpuint (capped->n_children, ==, 2);

  g_assert_null (unknown->event);
  g_assert_cmpuint (unknown->n_records, ==, 0);
  g_assert_cmpuint (unknown->n_children, ==, 0);
}

static void
wait_for_frames (GtkWidget *window)
{
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 50; i++)
    {
      g_usleep (2000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
}

static void
take_screenshot (GtkWidget  *window,
                 const char *name)
{
  wait_for_frames (window);

  save_window_png (window, name);
}

static GtkWidget *
new_window (const char *title,
            GtkWidget  *content,
            int         width,
            int         height)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, NULL));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), content);
  gtk_widget_set_vexpand (content, TRUE);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

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

static void
test_details (void)
{
  g_autoptr(SwyGraph) graph = build_fan ();
  g_autoptr(SwyViewState) view_state = swy_view_state_new ();
  GtkWidget *widget = g_object_ref (swy_event_details_new (graph, view_state));
  SwyEventDetails *details = SWY_EVENT_DETAILS (widget);
  GtkWidget *window = new_window ("Event", widget, 480, 700);

  g_assert_cmpstr (_swy_event_details_get_page (details), ==, "empty");

  swy_view_state_set_selected_event (view_state, 1);
  g_assert_cmpstr (_swy_event_details_get_page (details), ==, "event");
  g_assert_cmpuint (_swy_event_details_get_n_path_rows (details), ==, 3);
  g_assert_cmpstr (row_title (_swy_event_details_get_path_row (details, 0)), ==, "Emitted by t:out");
  g_assert_cmpstr (row_subtitle (_swy_event_details_get_path_row (details, 0)), ==, "100.000 ms · depth 0");
  g_assert_cmpstr (row_title (_swy_event_details_get_path_row (details, 1)), ==, "Delivered to m1:in");
  g_assert_cmpstr (row_subtitle (_swy_event_details_get_path_row (details, 1)), ==,
                   "100.000 ms · depth 1 · wire #0 from t, sync");
  g_assert_cmpstr (row_title (_swy_event_details_get_path_row (details, 2)), ==, "Delivered to m2:in");
  g_assert_cmpstr (row_subtitle (_swy_event_details_get_path_row (details, 2)), ==,
                   "105.000 ms · depth 0 · wire #3 from t, queued, 5.000 ms");
  g_assert_cmpstr (_swy_event_details_get_payload (details), ==, "{\n  'seq': <int64 1>\n}");
  g_assert_null (_swy_event_details_get_drop_note (details));
  g_assert_null (_swy_event_details_get_parent_row (details));

  g_assert_cmpuint (_swy_event_details_get_n_child_rows (details), ==, 2);
  g_assert_cmpstr (row_title (_swy_event_details_get_child_row (details, 0)), ==, "Child #2");
  g_assert_cmpstr (row_subtitle (_swy_event_details_get_child_row (details, 0)), ==,
                   "a · created at 100.000 ms · caused 1 event");
  g_assert_cmpstr (row_title (_swy_event_details_get_child_row (details, 1)), ==, "Child #4");
  g_assert_cmpstr (row_subtitle (_swy_event_details_get_child_row (details, 1)), ==,
                   "b · created at 105.000 ms · caused nothing");

  /* Walk down to a child, down to the grandchild, and back up. */
  g_assert_true (gtk_widget_activate (_swy_event_details_get_child_row (details, 0)));
  g_assert_cmpuint (swy_view_state_get_selected_event (view_state), ==, 2);
  g_assert_cmpuint (_swy_event_details_get_history (details)->event_id, ==, 2);
  g_assert_cmpstr (row_title (_swy_event_details_get_parent_row (details)), ==, "Parent #1");
  g_assert_cmpstr (row_subtitle (_swy_event_details_get_parent_row (details)), ==,
                   "raw · created at 100.000 ms");
  g_assert_true (gtk_widget_activate (_swy_event_details_get_child_row (details, 0)));
  g_assert_cmpuint (swy_view_state_get_selected_event (view_state), ==, 3);
  g_assert_cmpuint (_swy_event_details_get_n_child_rows (details), ==, 0);
  g_assert_true (gtk_widget_activate (_swy_event_details_get_parent_row (details)));
  g_assert_cmpuint (swy_view_state_get_selected_event (view_state), ==, 2);
  g_assert_true (gtk_widget_activate (_swy_event_details_get_parent_row (details)));
  g_assert_cmpuint (swy_view_state_get_selected_event (view_state), ==, 1);

  /* Gone: a reset empties the trace. */
  swy_graph_reset (graph);
  swy_event_details_refresh (details);
  g_assert_cmpstr (_swy_event_details_get_page (details), ==, "gone");

  swy_view_state_set_selected_event (view_state, 0);
  g_assert_cmpstr (_swy_event_details_get_page (details), ==, "empty");

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (widget);
}

static void
test_details_drop_and_ring (void)
{
  g_autoptr(SwyGraph) graph = build_shop ();
  g_autoptr(SwyViewState) view_state = swy_view_state_new ();
  GtkWidget *widget = g_object_ref_sink (swy_event_details_new (graph, view_state));
  SwyEventDetails *details = SWY_EVENT_DETAILS (widget);
  const SwyEventHistory *h;

  swy_graph_run_fast (graph, -1);

  /* Order 3 (event 5) found the queue full. */
  swy_view_state_set_selected_event (view_state, 5);
  g_assert_cmpstr (_swy_event_details_get_drop_note (details), ==, "Dropped at q (overflow) at 300.000 ms");
  g_assert_cmpuint (_swy_event_details_get_n_path_rows (details), ==, 8);
  g_assert_cmpstr (row_title (_swy_event_details_get_path_row (details, 7)), ==, "Dropped at q: overflow");
  g_assert_cmpstr (row_title (_swy_event_details_get_path_row (details, 6)), ==, "Delivered to q:in");
  g_assert_cmpstr (row_subtitle (_swy_event_details_get_path_row (details, 6)), ==,
                   "300.000 ms · depth 2 · wire #3 from b, sync");

  /* An audit event was lost on a wire. */
  swy_view_state_set_selected_event (view_state, 1);
  g_assert_cmpstr (_swy_event_details_get_drop_note (details), ==, "Dropped at sink (loss) at 50.000 ms");
  g_assert_cmpstr (row_subtitle (_swy_event_details_get_path_row (details, 4)), ==,
                   "50.000 ms · depth 2 · wire #7 from b");

  /* A small ring: order 1 (event 3) is gone; order 4 (event 6) lost its
   * emission and first hops; the worker's last emission is kept. */
  swy_graph_reset (graph);
  swy_trace_set_capacity (swy_graph_get_trace (graph), 8);
  swy_graph_run_fast (graph, -1);
  swy_view_state_set_selected_event (view_state, 3);
  g_assert_cmpstr (_swy_event_details_get_page (details), ==, "gone");
  swy_view_state_set_selected_event (view_state, 6);
  g_assert_cmpstr (_swy_event_details_get_page (details), ==, "event");
  h = _swy_event_details_get_history (details);
  g_assert_true (h->partial);
  g_assert_cmpuint (h->n_records, ==, 7);
  g_assert_cmpuint (h->trace_first_number, ==, 38);

  g_assert_finalize_object (widget);
}

/* The cells the column view shows for a row, in column order. */
static void
collect_cells (GtkWidget *widget,
               guint      position,
               GPtrArray *cells)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (widget), "swy-list-item");

  if (list_item != NULL && gtk_list_item_get_position (list_item) == position)
    g_ptr_array_add (cells, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cells (child, position, cells);
}

/* A row's cells as “text|text|…”, checking that each is an inscription
 * whose accessible label is its text. */
static char *
row_cells (SwyLogView *view,
           guint       position)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  GString *texts = g_string_new (NULL);

  collect_cells (GTK_WIDGET (_swy_log_view_get_column_view (view)), position, cells);
  g_assert_cmpuint (cells->len, ==, 7);
  for (guint i = 0; i < cells->len; i++)
    {
      GtkInscription *cell = GTK_INSCRIPTION (g_ptr_array_index (cells, i));

      gtk_test_accessible_assert_property (cell, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           gtk_inscription_get_text (cell));
      if (i == 6)
        break;      /* the payload's text depends on its printer */
      g_string_append_printf (texts, "%s%s", i > 0 ? "|" : "", gtk_inscription_get_text (cell));
    }

  return g_string_free (texts, FALSE);
}

static GtkWidget *
list_view_of (SwyLogView *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (_swy_log_view_get_column_view (view)));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;

  g_assert_not_reached ();
}

static GtkAdjustment *
vadjustment_of (SwyLogView *view)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (_swy_log_view_get_column_view (view)),
                                                 GTK_TYPE_SCROLLED_WINDOW);

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
}

/* The height of the table's rows: the list's children are its rows, those
 * out of the view's range unmapped. */
static int
row_height_of (SwyLogView *view)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list_view_of (view)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_mapped (row))
      return gtk_widget_get_height (row);

  return 0;
}

/* The rows the table shows while following: those that fit (the last one
 * perhaps in part) and three more (docs/editor.md, “The event log”). */
static guint
expected_tail_rows (SwyLogView *view)
{
  int height = row_height_of (view);
  int page = (int) gtk_adjustment_get_page_size (vadjustment_of (view));

  g_assert_cmpint (height, >, 0);
  g_assert_cmpint (page, >, height);

  return (guint) ((page + height - 1) / height) + 3;
}

/* The table's row at the top of the view, as a row of the log model. */
static guint
top_row (SwyLogView *view)
{
  GtkWidget *list_view = list_view_of (view);
  GtkWidget *picked = gtk_widget_pick (list_view, 20, 1, GTK_PICK_DEFAULT);
  GtkListItem *item = NULL;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (_swy_log_view_get_column_view (view))));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (swy_log_view_get_model (view)));

  /* The cell's padding picks the cell, whose child is the inscription. */
  for (GtkWidget *w = picked; w != NULL && item == NULL; w = gtk_widget_get_parent (w))
    item = g_object_get_data (G_OBJECT (gtk_widget_get_first_child (w) ? gtk_widget_get_first_child (w) : w),
                              "swy-list-item");
  g_assert_nonnull (item);

  /* The table shows the model's last rows. */
  return total - shown + gtk_list_item_get_position (item);
}

static void
test_view (void)
{
  g_autoptr(SwyGraph) graph = build_shop ();
  g_autoptr(SwyViewState) view_state = swy_view_state_new ();
  GtkWidget *widget = swy_log_view_new (graph, view_state);
  SwyLogView *view = SWY_LOG_VIEW (widget);
  GtkWidget *window = new_window ("Log", widget, 1000, 420);
  GtkSingleSelection *selection = _swy_log_view_get_selection (view);
  SwyLogModel *model = swy_log_view_get_model (view);
  GListModel *column_model = G_LIST_MODEL (gtk_column_view_get_model (_swy_log_view_get_column_view (view)));
  GtkEditable *topic = _swy_log_view_get_topic_entry (view);
  GtkDropDown *nodes = _swy_log_view_get_node_dropdown (view);
  guint n_tail;
  char *cells;

  g_assert_nonnull (model);
  g_assert_cmpstr (_swy_log_view_get_count_text (view), ==, "0 records");

  /* A known run: 46 rows in the log; following, the table shows the last
   * of them, as many as fit and three more. */
  swy_graph_run_fast (graph, -1);
  wait_for_frames (window);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 46);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 46);
  n_tail = g_list_model_get_n_items (column_model);
  g_assert_cmpuint (n_tail, ==, expected_tail_rows (view));
  g_assert_cmpuint (n_tail, <, 46);
  g_assert_cmpstr (_swy_log_view_get_count_text (view), ==, "46 records");
  g_assert_true (swy_log_view_get_following (view));

  /* The cells on screen (the log follows the end) show each record's fields. */
  cells = row_cells (view, n_tail - 2);
  g_assert_cmpstr (cells, ==, "600.000|Deliver|#6|orders/new|q → w|1");
  g_clear_pointer (&cells, g_free);
  cells = row_cells (view, n_tail - 1);
  g_assert_cmpstr (cells, ==, "850.000|Emit|#6|orders/new|w →|0");
  g_clear_pointer (&cells, g_free);
  g_assert_false (_swy_log_view_get_jump_visible (view));

  /* Selecting a row selects its event everywhere, and freezes the log,
   * which then shows every row. */
  gtk_single_selection_set_selected (selection, 20);
  g_assert_cmpuint (swy_view_state_get_selected_event (view_state), ==, 4);
  g_assert_false (swy_log_view_get_following (view));
  g_assert_true (_swy_log_view_get_jump_visible (view));
  g_assert_cmpuint (g_list_model_get_n_items (column_model), ==, 46);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (column_model), 20));

  /* Selecting an event elsewhere selects its first row. */
  swy_view_state_set_selected_event (view_state, 5);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 24);
  swy_view_state_set_selected_event (view_state, 0);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  swy_view_state_set_selected_event (view_state, 5);

  /* The topic entry: an invalid pattern is marked and not applied. */
  gtk_editable_set_text (topic, "orders/#/x");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (topic), "error"));
  g_assert_null (swy_log_model_get_topic_pattern (model));
  gtk_editable_set_text (topic, "orders/+");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (topic), "error"));
  g_assert_cmpstr (swy_log_model_get_topic_pattern (model), ==, "orders/+");
  g_assert_cmpuint (g_list_model_get_n_items (column_model), ==, 36);
  g_assert_cmpstr (_swy_log_view_get_count_text (view), ==, "36 of 46 records");
  /* The selected event keeps its row under the new filter. */
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 14);
  /* The rows a filter leaves are not records that arrived while frozen. */
  g_assert_false (swy_log_view_get_following (view));
  g_assert_cmpstr (_swy_log_view_get_jump_text (view), ==, "Jump to Live");

  /* Kind toggles and the node drop-down drive the model. */
  gtk_toggle_button_set_active (_swy_log_view_get_kind_button (view, SWY_TRACE_KIND_DELIVER), FALSE);
  g_assert_cmpint (swy_log_model_get_kinds (model), ==, SWY_LOG_KINDS_EMIT | SWY_LOG_KINDS_DROP);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_drop_down_get_model (nodes))), ==, 10);
  gtk_drop_down_set_selected (nodes, 2);
  g_assert_cmpstr (swy_log_model_get_node (model), ==, "f");
  g_assert_cmpuint (g_list_model_get_n_items (column_model), ==, 3);
  gtk_widget_activate_action (widget, "log.only-node", "s", "q");
  g_assert_cmpuint (gtk_drop_down_get_selected (nodes), ==, 5);
  gtk_widget_activate_action (widget, "log.clear-filters", NULL);
  g_assert_false (swy_log_model_get_filtered (model));
  g_assert_cmpuint (g_list_model_get_n_items (column_model), ==, 46);
  g_assert_cmpuint (gtk_drop_down_get_selected (nodes), ==, 0);

  /* Noise control, from the row menu's actions. */
  g_assert_null (_swy_log_view_get_hidden_text (view));
  gtk_widget_activate_action (widget, "log.hide-node", "s", "b");
  g_assert_true (swy_view_state_is_node_hidden (view_state, "b"));
  g_assert_cmpstr (_swy_log_view_get_hidden_text (view), ==, "Hidden: b");
  g_assert_cmpuint (g_list_model_get_n_items (column_model), ==, 34);
  gtk_widget_activate_action (widget, "log.hide-topic", "s", "audit/#");
  g_assert_cmpstr (_swy_log_view_get_hidden_text (view), ==, "2 Hidden");
  g_assert_cmpuint (g_list_model_get_n_items (column_model), ==, 28);
  gtk_widget_activate_action (widget, "log.show-all", NULL);
  g_assert_null (_swy_log_view_get_hidden_text (view));
  g_assert_cmpuint (g_list_model_get_n_items (column_model), ==, 46);

  /* Frozen, new rows are counted; “Jump to Live” resumes. */
  swy_graph_reset (graph);
  wait_for_frames (window);
  g_assert_cmpuint (g_list_model_get_n_items (column_model), ==, 0);
  swy_log_view_set_following (view, FALSE);
  swy_graph_run_fast (graph, 150 * 1000);
  swy_log_model_update (model);
  g_assert_true (_swy_log_view_get_jump_visible (view));
  gtk_widget_activate_action (widget, "log.jump-to-live", NULL);
  g_assert_true (swy_log_view_get_following (view));
  g_assert_false (_swy_log_view_get_jump_visible (view));
  g_assert_cmpuint (g_list_model_get_n_items (column_model), ==,
                    MIN (n_tail, g_list_model_get_n_items (G_LIST_MODEL (model))));

  /* Another graph: another model. */
  {
    g_autoptr(SwyGraph) fan = build_fan ();

    swy_log_view_set_graph (view, fan);
    g_assert_true (swy_log_view_get_model (view) != model);
    g_assert_cmpuint (g_list_model_get_n_items (column_model), ==, 8);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_drop_down_get_model (nodes))), ==, 6);
    swy_log_view_set_graph (view, NULL);
    g_assert_null (swy_log_view_get_model (view));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
record_change_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GString    *changes)
{
  g_string_append_printf (changes, "%u,%u,%u;", position, removed, added);
}

static void
record_selection_cb (GtkSelectionModel *model,
                     guint              position,
                     guint              n_items,
                     GString           *changes)
{
  g_string_append_printf (changes, "sel %u,%u;", position, n_items);
}

/* The string a row of @tail shows, through its slot or not. */
static const char *
tail_string (SwyLogTail *tail,
             guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (tail), position);
  GObject *shown = SWY_IS_LOG_SLOT (item) ? swy_log_slot_get_item (SWY_LOG_SLOT (item)) : item;

  return gtk_string_object_get_string (GTK_STRING_OBJECT (shown));
}

static gboolean
tail_has_slot (SwyLogTail *tail,
               guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (tail), position);

  return SWY_IS_LOG_SLOT (item);
}

/* The tail's changes: no change while records stream into a full tail; the
 * swaps between the tail and the whole model add or remove the rows before
 * the tail and swap the tail's own items, and never replace more rows. */
static void
test_tail_changes (void)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GtkSingleSelection) selection = NULL;
  g_autoptr(SwyLogTail) tail = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  const char *more[] = { "100", "101", "102", "103", "104", NULL };

  for (guint i = 0; i < 100; i++)
    {
      char text[8];

      g_snprintf (text, sizeof text, "%u", i);
      gtk_string_list_append (strings, text);
    }
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (strings)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  tail = swy_log_tail_new (GTK_SELECTION_MODEL (selection));
  g_signal_connect (tail, "items-changed", G_CALLBACK (record_change_cb), changes);
  g_signal_connect (tail, "selection-changed", G_CALLBACK (record_selection_cb), changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tail)), ==, 100);
  /* The whole model's rows are slots of their positions too. */
  g_assert_true (tail_has_slot (tail, 99));
  g_assert_cmpstr (tail_string (tail, 99), ==, "99");

  /* To the tail: the last ten become slots, then the rows before go. */
  swy_log_tail_set_size (tail, 10);
  g_assert_cmpstr (changes->str, ==, "90,10,10;0,90,0;");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tail)), ==, 10);
  g_assert_cmpuint (swy_log_tail_get_offset (tail), ==, 90);
  g_assert_true (tail_has_slot (tail, 0));
  g_assert_cmpstr (tail_string (tail, 0), ==, "90");
  g_assert_cmpstr (tail_string (tail, 9), ==, "99");

  /* Rows arrive at the end, the first ones go: the same list, other texts. */
  g_string_truncate (changes, 0);
  gtk_string_list_splice (strings, 100, 0, more);
  gtk_string_list_splice (strings, 0, 3, NULL);
  g_assert_cmpstr (changes->str, ==, "");
  g_assert_cmpuint (swy_log_tail_get_offset (tail), ==, 92);
  g_assert_cmpstr (tail_string (tail, 0), ==, "95");
  g_assert_cmpstr (tail_string (tail, 9), ==, "104");

  /* The selection is the model's: shown on the tail's row, and moved with
   * it when rows arrive. */
  gtk_single_selection_set_selected (selection, 100);
  g_assert_cmpstr (changes->str, ==, "sel 8,1;");
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (tail), 8));
  g_string_truncate (changes, 0);
  gtk_string_list_append (strings, "105");
  g_assert_cmpstr (changes->str, ==, "sel 0,10;");
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (tail), 7));
  g_assert_false (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (tail), 8));
  /* Selecting a row of the tail selects the model's row. */
  g_assert_true (gtk_selection_model_select_item (GTK_SELECTION_MODEL (tail), 2, TRUE));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 95);

  /* To the whole model: the rows before the tail come back above it, then
   * the slots give way to the model's items. */
  g_string_truncate (changes, 0);
  swy_log_tail_set_size (tail, G_MAXUINT);
  g_assert_cmpstr (changes->str, ==, "0,0,93;93,10,10;");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tail)), ==, 103);
  g_assert_true (tail_has_slot (tail, 102));
  g_assert_cmpstr (tail_string (tail, 102), ==, "105");
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (tail), 95));

  /* Whole, changes pass through. */
  g_string_truncate (changes, 0);
  gtk_string_list_splice (strings, 0, 1, NULL);
  g_assert_cmpstr (changes->str, ==, "0,1,0;");

  /* A model with fewer rows than the tail holds: all of them, as slots. */
  swy_log_tail_set_size (tail, 10);
  g_string_truncate (changes, 0);
  gtk_string_list_splice (strings, 0, 98, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tail)), ==, 4);
  g_assert_cmpstr (changes->str, ==, "4,6,0;");
  g_assert_cmpstr (tail_string (tail, 0), ==, "102");
  g_assert_cmpstr (tail_string (tail, 3), ==, "105");
  g_string_truncate (changes, 0);
  gtk_string_list_append (strings, "106");
  g_assert_cmpstr (changes->str, ==, "4,0,1;");
  g_assert_cmpstr (tail_string (tail, 4), ==, "106");
}

/* A row's cells as row_cells() gives them, from the record itself. */
static char *
expected_cells (const SwyTraceRecordData *data)
{
  const char *node = g_quark_to_string (data->node);
  g_autofree char *kind = NULL;
  g_autofree char *route = NULL;
  char time[32];

  swy_log_format_time (data->time, time, sizeof time);
  if (data->kind == SWY_TRACE_KIND_EMIT)
    kind = g_strdup ("Emit"), route = g_strdup_printf ("%s →", node);
  else if (data->kind == SWY_TRACE_KIND_DELIVER)
    kind = g_strdup ("Deliver");
  else
    kind = g_strdup_printf ("Drop: %s", g_quark_to_string (data->reason));
  if (route == NULL)
    route = data->from_node ? g_strdup_printf ("%s → %s", g_quark_to_string (data->from_node), node)
                            : g_strdup_printf ("→ %s", node);

  return g_strdup_printf ("%s|%s|#%" G_GUINT64_FORMAT "|%s|%s|%u", time, kind, data->event_id,
                          g_quark_to_string (data->topic), route, data->depth);
}

/* Each row of the table is a slot showing the model's row @first + its
 * position, and its cells show that row's record. */
static void
assert_slots (SwyLogView *view,
              guint       first)
{
  GListModel *table = G_LIST_MODEL (gtk_column_view_get_model (_swy_log_view_get_column_view (view)));
  SwyLogModel *model = swy_log_view_get_model (view);

  for (guint i = 0; i < g_list_model_get_n_items (table); i++)
    {
      g_autoptr(GObject) shown = g_list_model_get_item (table, i);
      g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (model), first + i);
      g_autofree char *cells = row_cells (view, i);
      g_autofree char *expected = NULL;
      SwyTraceRecordData data;

      g_assert_true (SWY_IS_LOG_SLOT (shown));
      g_assert_true (swy_log_slot_get_item (SWY_LOG_SLOT (shown)) == row);
      g_assert_true (swy_log_model_peek (model, first + i, &data));
      expected = expected_cells (&data);
      g_assert_cmpstr (cells, ==, expected);
    }
}

/* Following: the table holds exactly the model's last rows, as many as
 * fit and three more, as slots showing the model's items, and its cells
 * show each one's record. */
static void
assert_tail (SwyLogView *view)
{
  GListModel *table = G_LIST_MODEL (gtk_column_view_get_model (_swy_log_view_get_column_view (view)));
  SwyLogModel *model = swy_log_view_get_model (view);
  guint total = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint n = g_list_model_get_n_items (table);

  g_assert_true (swy_log_view_get_following (view));
  g_assert_cmpuint (n, ==, MIN (total, expected_tail_rows (view)));
  assert_slots (view, total - n);
}

/* Whether the table's row at @position is drawn as selected. */
static gboolean
row_drawn_selected (SwyLogView *view,
                    guint       position)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  GtkWidget *list_view = list_view_of (view);

  collect_cells (GTK_WIDGET (_swy_log_view_get_column_view (view)), position, cells);
  g_assert_cmpuint (cells->len, ==, 7);
  for (GtkWidget *w = g_ptr_array_index (cells, 0); w != list_view; w = gtk_widget_get_parent (w))
    if (gtk_widget_get_state_flags (w) & GTK_STATE_FLAG_SELECTED)
      return TRUE;

  return FALSE;
}

static void
wait_for_records (GtkWidget *window,
                  SwyGraph  *graph,
                  guint      n)
{
  guint target = swy_trace_get_n_total (swy_graph_get_trace (graph)) + n;

  while (swy_trace_get_n_total (swy_graph_get_trace (graph)) < target)
    wait_for_frame (window);
  wait_for_frame (window);
  wait_for_frame (window);
}

/* The log following a graph that plays live shows only the tail of the
 * log; scrolling up freezes it on the whole log with the same rows on
 * screen; the selection lives through both; filters apply to the tail. */
static void
test_live_tail (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autoptr(SwyViewState) view_state = swy_view_state_new ();
  GtkWidget *widget = swy_log_view_new (graph, view_state);
  SwyLogView *view = SWY_LOG_VIEW (widget);
  GtkWidget *window = new_window ("Log", widget, 1000, 420);
  GtkSingleSelection *selection = _swy_log_view_get_selection (view);
  GListModel *table = G_LIST_MODEL (gtk_column_view_get_model (_swy_log_view_get_column_view (view)));
  SwyLogModel *model = swy_log_view_get_model (view);
  GtkAdjustment *vadjustment = vadjustment_of (view);
  int row_height;
  g_autofree char *above = NULL;
  g_autofree char *top = NULL;
  SwyTraceRecordData data;
  guint64 event_id;
  guint selected, position, arrived, n_before;

  /* Two timers, 400 records a second of virtual time each. */
  g_object_set (add_node (graph, "timer", "temp"), "interval-ms", 5, "count", 0, "topic", "sensors/temp", NULL);
  add_node (graph, "counter", "c1");
  g_object_set (add_node (graph, "timer", "tick"), "interval-ms", 5, "count", 0, "topic", "noise/tick", NULL);
  add_node (graph, "counter", "c2");
  connect_nodes (graph, "temp:out", "c1:in", 0);
  connect_nodes (graph, "tick:out", "c2:in", 0);

  swy_graph_play (graph);
  wait_for_records (window, graph, 300);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 2 * expected_tail_rows (view));
  assert_tail (view);
  wait_for_records (window, graph, 100);
  assert_tail (view);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment) + gtk_adjustment_get_page_size (vadjustment),
                     ==, gtk_adjustment_get_upper (vadjustment));

  /* Scrolling up two rows, as the scrollbar or a touchscreen pan does,
   * freezes the log: the table shows every row, the same ones on screen. */
  row_height = row_height_of (view);
  position = top_row (view);
  g_assert_true (swy_log_model_peek (model, position - 2, &data));
  above = format_row (&data);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) - 2 * row_height);
  g_assert_false (swy_log_view_get_following (view));
  g_assert_cmpuint (g_list_model_get_n_items (table), ==, g_list_model_get_n_items (G_LIST_MODEL (model)));
  wait_for_records (window, graph, 100);
  g_assert_false (swy_log_view_get_following (view));
  g_assert_cmpuint (g_list_model_get_n_items (table), ==, g_list_model_get_n_items (G_LIST_MODEL (model)));
  g_assert_cmpuint (top_row (view), ==, position - 2);
  g_assert_true (swy_log_model_peek (model, top_row (view), &data));
  top = format_row (&data);
  g_assert_cmpstr (top, ==, above);
  g_assert_true (_swy_log_view_get_jump_visible (view));

  /* A row picked in the table, as a click does, selects its event. */
  g_assert_true (gtk_selection_model_select_item (GTK_SELECTION_MODEL (table), position + 1, TRUE));
  selected = gtk_single_selection_get_selected (selection);
  g_assert_cmpuint (selected, ==, position + 1);
  g_assert_true (swy_log_model_peek (model, selected, &data));
  event_id = data.event_id;
  g_assert_cmpuint (swy_view_state_get_selected_event (view_state), ==, event_id);

  /* Jump to Live: the tail again; the selection stays on its row, off
   * the table while newer records push it up. */
  gtk_widget_activate_action (widget, "log.jump-to-live", NULL);
  wait_for_records (window, graph, 100);
  assert_tail (view);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, selected);
  g_assert_cmpuint (swy_view_state_get_selected_event (view_state), ==, event_id);
  for (guint i = 0; i < g_list_model_get_n_items (table); i++)
    g_assert_false (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (table), i));

  /* Frozen again: the selected row is the table's again. */
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) - row_height);
  g_assert_false (swy_log_view_get_following (view));
  wait_for_frame (window);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, selected);
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (table), selected));
  g_assert_cmpuint (swy_view_state_get_selected_event (view_state), ==, event_id);

  /* A filter while following: the table is the filtered log's tail. */
  swy_view_state_set_selected_event (view_state, 0);
  swy_log_view_set_following (view, TRUE);
  gtk_editable_set_text (_swy_log_view_get_topic_entry (view), "sensors/#");
  wait_for_records (window, graph, 100);
  assert_tail (view);
  for (guint i = 0; i < g_list_model_get_n_items (table); i++)
    {
      g_autoptr(GObject) slot = g_list_model_get_item (table, i);
      SwyTraceRecord *record = swy_log_slot_get_item (SWY_LOG_SLOT (slot));

      g_assert_cmpstr (swy_trace_record_get_topic (record), ==, "sensors/temp");
    }
  gtk_editable_set_text (_swy_log_view_get_topic_entry (view), "");
  wait_for_records (window, graph, 100);
  assert_tail (view);

  /* Hidden and shown again (another page of the panel, the panel closed):
   * still following, at the end. */
  gtk_widget_set_visible (widget, FALSE);
  wait_for_records (window, graph, 50);
  gtk_widget_set_visible (widget, TRUE);
  wait_for_records (window, graph, 50);
  assert_tail (view);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment) + gtk_adjustment_get_page_size (vadjustment),
                     ==, gtk_adjustment_get_upper (vadjustment));

  /* A taller view: a longer tail, still at the end. */
  n_before = g_list_model_get_n_items (table);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  wait_for_records (window, graph, 100);
  assert_tail (view);
  g_assert_cmpuint (g_list_model_get_n_items (table), >, n_before);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment) + gtk_adjustment_get_page_size (vadjustment),
                     ==, gtk_adjustment_get_upper (vadjustment));

  /* Paused: the last row selected (which freezes), then Jump to Live:
   * the tail shows it selected, and as records arrive the selection moves
   * up the tail with its row. */
  swy_graph_pause (graph);
  wait_for_frames (window);
  selected = g_list_model_get_n_items (G_LIST_MODEL (model)) - 1;
  gtk_single_selection_set_selected (selection, selected);
  g_assert_false (swy_log_view_get_following (view));
  gtk_widget_activate_action (widget, "log.jump-to-live", NULL);
  wait_for_frames (window);
  assert_tail (view);
  position = g_list_model_get_n_items (table) - 1;
  g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (table), position));
  g_assert_true (row_drawn_selected (view, position));
  g_assert_false (row_drawn_selected (view, position - 2));
  /* A few ticks of each timer: 2 records a tick. */
  swy_graph_run_fast (graph, swy_graph_get_now (graph) + 10 * 1000);
  wait_for_frames (window);
  assert_tail (view);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, selected);
  arrived = g_list_model_get_n_items (G_LIST_MODEL (model)) - (selected + 1);
  g_assert_cmpuint (arrived, >=, 4);
  g_assert_cmpuint (arrived, <, position);
  g_assert_true (row_drawn_selected (view, position - arrived));
  g_assert_false (row_drawn_selected (view, position));
  g_assert_true (swy_log_view_get_following (view));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The cells of the table's row @position, each held. */
static GPtrArray *
hold_cells (SwyLogView *view,
            guint       position)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_object_unref);

  collect_cells (GTK_WIDGET (_swy_log_view_get_column_view (view)), position, cells);
  g_assert_cmpuint (cells->len, ==, 7);
  for (guint i = 0; i < cells->len; i++)
    g_object_ref (g_ptr_array_index (cells, i));

  return cells;
}

/* Every row of the frozen table shows its record of the model, through
 * the slot of its position. */
static void
assert_frozen_rows (SwyLogView *view)
{
  GListModel *table = G_LIST_MODEL (gtk_column_view_get_model (_swy_log_view_get_column_view (view)));
  SwyLogModel *model = swy_log_view_get_model (view);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  g_assert_false (swy_log_view_get_following (view));
  g_assert_cmpuint (g_list_model_get_n_items (table), ==, n);
  assert_slots (view, 0);
}

/* Filters while the log is frozen (the whole log in the table): the
 * table's rows stay, each showing the record now at its position, and the
 * only change is the difference in length; the selected event keeps its
 * row; the rows a filter brings are not new records. */
static void
test_frozen_filters (void)
{
  g_autoptr(SwyGraph) graph = build_shop ();
  g_autoptr(SwyViewState) view_state = swy_view_state_new ();
  GtkWidget *widget = swy_log_view_new (graph, view_state);
  SwyLogView *view = SWY_LOG_VIEW (widget);
  GtkWidget *window = new_window ("Log", widget, 1000, 420);
  GtkSingleSelection *selection = _swy_log_view_get_selection (view);
  GtkSelectionModel *table = gtk_column_view_get_model (_swy_log_view_get_column_view (view));
  SwyLogModel *model = swy_log_view_get_model (view);
  GtkEditable *topic = _swy_log_view_get_topic_entry (view);
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  guint top;

  swy_graph_run_fast (graph, -1);
  wait_for_frames (window);
  /* Event 5 selected elsewhere: its first row, 24, and the log frozen. */
  swy_view_state_set_selected_event (view_state, 5);
  wait_for_frames (window);
  g_assert_false (swy_log_view_get_following (view));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 24);
  assert_frozen_rows (view);
  g_assert_true (row_drawn_selected (view, 24));

  g_signal_connect (table, "items-changed", G_CALLBACK (record_change_cb), changes);
  before = hold_cells (view, 2);

  /* A topic filter: 36 rows; the ten after them go, nothing else changes. */
  gtk_editable_set_text (topic, "orders/+");
  g_assert_cmpstr (changes->str, ==, "36,10,0;");
  wait_for_frames (window);
  assert_frozen_rows (view);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 14);
  g_assert_true (gtk_selection_model_is_selected (table, 14));
  g_assert_true (row_drawn_selected (view, 14));
  g_assert_false (row_drawn_selected (view, 24));
  top = top_row (view);
  g_assert_cmpuint (top, <=, 14);
  g_assert_cmpuint (14, <, top + (guint) (gtk_adjustment_get_page_size (vadjustment_of (view)) / row_height_of (view)));
  g_assert_cmpuint (swy_view_state_get_selected_event (view_state), ==, 5);
  g_assert_cmpstr (_swy_log_view_get_count_text (view), ==, "36 of 46 records");
  g_assert_cmpstr (_swy_log_view_get_jump_text (view), ==, "Jump to Live");
  /* The row widgets are the same: their cells show other records. */
  after = hold_cells (view, 2);
  for (guint i = 0; i < before->len; i++)
    g_assert_true (g_ptr_array_index (before, i) == g_ptr_array_index (after, i));
  g_clear_pointer (&after, g_ptr_array_unref);

  /* The noise filter, hiding node b: 28 rows of the 36. */
  g_string_truncate (changes, 0);
  gtk_widget_activate_action (widget, "log.hide-node", "s", "b");
  g_assert_cmpstr (changes->str, ==, "28,8,0;");
  wait_for_frames (window);
  assert_frozen_rows (view);
  gtk_widget_activate_action (widget, "log.show-all", NULL);

  /* A filter that leaves no row, then none: all rows go, and come back
   * (setting the entry's text empties it first: no topic filter, 46 rows). */
  g_string_truncate (changes, 0);
  gtk_editable_set_text (topic, "sensors/#");
  g_assert_cmpstr (changes->str, ==, "36,0,10;0,46,0;");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (table)), ==, 0);
  g_string_truncate (changes, 0);
  gtk_editable_set_text (topic, "");
  g_assert_cmpstr (changes->str, ==, "0,0,46;");
  wait_for_frames (window);
  assert_frozen_rows (view);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 24);
  g_assert_true (row_drawn_selected (view, 24));
  /* All rows went: new row widgets. */
  g_clear_pointer (&before, g_ptr_array_unref);
  before = hold_cells (view, 2);

  /* Without a selection, the kinds: deliveries off leaves 24 rows; the
   * table's rows stay where they were, as many as remain. */
  swy_view_state_set_selected_event (view_state, 0);
  gtk_adjustment_set_value (vadjustment_of (view), 8 * row_height_of (view));
  wait_for_frames (window);
  g_assert_cmpuint (top_row (view), ==, 8);
  g_string_truncate (changes, 0);
  gtk_toggle_button_set_active (_swy_log_view_get_kind_button (view, SWY_TRACE_KIND_DELIVER), FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 24);
  g_assert_cmpstr (changes->str, ==, "24,22,0;");
  wait_for_frames (window);
  assert_frozen_rows (view);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (top_row (view), ==, 8);
  after = hold_cells (view, 2);
  for (guint i = 0; i < before->len; i++)
    g_assert_true (g_ptr_array_index (before, i) == g_ptr_array_index (after, i));
  g_assert_cmpstr (_swy_log_view_get_jump_text (view), ==, "Jump to Live");

  g_signal_handlers_disconnect_by_data (table, changes);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Numbers are clipped, never ellipsized: the time and event columns show
 * the numbers of a long run whole. */

static gboolean
is_inscription_with_text (GtkWidget     *widget,
                          gconstpointer  data)
{
  return GTK_IS_INSCRIPTION (widget) &&
         g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), data) == 0;
}

static int
text_width (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);

  return width;
}

static void
test_number_columns (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autoptr(SwyViewState) view_state = swy_view_state_new ();
  GtkWidget *widget = swy_log_view_new (graph, view_state);
  GtkWidget *window = new_window ("Log", widget, 1000, 420);
  static const char *texts[] = { "86400000.000", "#1" };   /* a day of virtual time */
  GtkWidget *cell;

  /* A timer that ticks once, after a day. */
  add_node (graph, "timer", "daily");
  add_node (graph, "counter", "days");
  g_object_set (swy_graph_lookup_node (graph, "daily"), "interval-ms", 24 * 3600 * 1000u, "count", 1, NULL);
  connect_nodes (graph, "daily:out", "days:in", 0);
  swy_graph_run_fast (graph, -1);
  wait_for_frame (window);
  wait_for_frame (window);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      cell = test_find_widget (widget, is_inscription_with_text, texts[i]);
      g_assert_nonnull (cell);
      g_test_message ("“%s”: %d px of text in a cell of %d px", texts[i], text_width (cell, texts[i]),
                      gtk_widget_get_width (cell));
      g_assert_cmpint (gtk_widget_get_width (cell), >=, text_width (cell, texts[i]));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_screenshots (void)
{
  g_autoptr(SwyGraph) shop = build_shop ();
  g_autoptr(SwyGraph) fan = build_fan ();
  g_autoptr(SwyViewState) view_state = swy_view_state_new ();
  g_autoptr(SwyViewState) fan_state = swy_view_state_new ();
  GtkWidget *log = swy_log_view_new (shop, view_state);
  GtkWidget *details = swy_event_details_new (shop, view_state);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *window;

  swy_graph_run_fast (shop, -1);

  /* The bottom panel as the window will show it: the log beside the details. */
  gtk_paned_set_start_child (GTK_PANED (paned), log);
  gtk_paned_set_end_child (GTK_PANED (paned), details);
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_size_request (details, 400, -1);
  window = new_window ("Switchyard", paned, 1280, 560);
  gtk_paned_set_position (GTK_PANED (paned), 870);
  swy_view_state_set_selected_event (view_state, 5);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  take_screenshot (window, "screenshot-log.png");

  gtk_editable_set_text (_swy_log_view_get_topic_entry (SWY_LOG_VIEW (log)), "orders/#/x");
  gtk_toggle_button_set_active (_swy_log_view_get_kind_button (SWY_LOG_VIEW (log), SWY_TRACE_KIND_EMIT), FALSE);
  swy_view_state_set_node_hidden (view_state, "c", TRUE);
  swy_view_state_set_selected_event (view_state, 1);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  take_screenshot (window, "screenshot-log-filtered.png");
  gtk_window_destroy (GTK_WINDOW (window));

  /* The details of a mapped event: lineage, parent, children, path. */
  details = swy_event_details_new (fan, fan_state);
  window = new_window ("Event", details, 480, 820);
  swy_view_state_set_selected_event (fan_state, 2);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  take_screenshot (window, "screenshot-details.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* What AdwApplication loads for the app. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/Swy/Log/model-filters", test_model_filters);
  g_test_add_func ("/Swy/Log/model-growth", test_model_growth);
  g_test_add_func ("/Swy/Log/model-rebuild", test_model_rebuild);
  g_test_add_func ("/Swy/Log/model-ring-wrap", test_model_ring_wrap);
  g_test_add_func ("/Swy/Log/causality", test_causality);
  g_test_add_func ("/Swy/Log/details", test_details);
  g_test_add_func ("/Swy/Log/details-drop-and-ring", test_details_drop_and_ring);
  g_test_add_func ("/Swy/Log/view", test_view);
  g_test_add_func ("/Swy/Log/live-tail", test_live_tail);
  g_test_add_func ("/Swy/Log/tail-changes", test_tail_changes);
  g_test_add_func ("/Swy/Log/frozen-filters", test_frozen_filters);
  g_test_add_func ("/Swy/Log/number-columns", test_number_columns);
  g_test_add_func ("/Swy/Log/screenshots", test_screenshots);

  return g_test_run ();
}
