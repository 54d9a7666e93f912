/* test-trace.c: ring buffer, list model, JSON lines and Chrome export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "swy-test-util.h"

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
test_ring_wraps (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autoptr(SwyTraceRecord) first = NULL;
  g_autoptr(SwyTraceRecord) last = NULL;
  SwyTrace *trace = swy_graph_get_trace (graph);
  SwyNode *burst = add_node (graph, "burst", "b");
  SwyNode *button = add_node (graph, "button", "k");
  Change *c;

  add_node (graph, "counter", "c");
  g_object_set (burst, "count", 20, NULL);
  add_wire (graph, "b:out", "c:in");
  add_wire (graph, "k:out", "c:in");
  swy_trace_set_capacity (trace, 10);
  g_signal_connect (trace, "items-changed", G_CALLBACK (items_changed_cb), changes);

  swy_graph_run_fast (graph, -1);

  /* 40 records (emit + deliver per event); the last 10 are kept. */
  g_assert_cmpuint (swy_trace_get_n_total (trace), ==, 40);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trace)), ==, 10);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (trace)) == SWY_TYPE_TRACE_RECORD);
  first = swy_trace_get_record (trace, 0);
  g_assert_cmpint (swy_trace_record_get_kind (first), ==, SWY_TRACE_KIND_EMIT);
  g_assert_cmpuint (swy_trace_record_get_event_id (first), ==, 16);
  last = swy_trace_get_record (trace, 9);
  g_assert_cmpint (swy_trace_record_get_kind (last), ==, SWY_TRACE_KIND_DELIVER);
  g_assert_cmpuint (swy_trace_record_get_event_id (last), ==, 20);
  g_assert_cmpint (swy_trace_record_get_wire (last), ==, 0);
  g_assert_null (swy_trace_get_record (trace, 10));

  g_assert_cmpuint (changes->len, ==, 1);
  c = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (c->position, ==, 0);
  g_assert_cmpuint (c->removed, ==, 0);
  g_assert_cmpuint (c->added, ==, 10);

  /* Two more clicks: 4 records, the 4 oldest go, one change each way. */
  g_array_set_size (changes, 0);
  swy_node_fire (button);
  swy_node_fire (button);
  g_assert_cmpuint (changes->len, ==, 4);
  c = &g_array_index (changes, Change, 0);
  g_assert_cmpuint (c->position, ==, 0);
  g_assert_cmpuint (c->removed, ==, 2);
  g_assert_cmpuint (c->added, ==, 0);
  c = &g_array_index (changes, Change, 1);
  g_assert_cmpuint (c->position, ==, 8);
  g_assert_cmpuint (c->removed, ==, 0);
  g_assert_cmpuint (c->added, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trace)), ==, 10);

  g_array_set_size (changes, 0);
  swy_graph_reset (graph);
  g_assert_cmpuint (changes->len, ==, 1);
  g_assert_cmpuint (g_array_index (changes, Change, 0).removed, ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trace)), ==, 0);
}

static void
test_disabled (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  SwyTrace *trace = swy_graph_get_trace (graph);

  add_node (graph, "button", "b");
  add_node (graph, "counter", "c");
  add_wire (graph, "b:out", "c:in");
  swy_trace_set_enabled (trace, FALSE);
  swy_graph_fire_button (graph, "b", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trace)), ==, 0);
  g_assert_cmpuint (swy_graph_get_total_delivered (graph), ==, 1);

  swy_trace_set_enabled (trace, TRUE);
  swy_graph_fire_button (graph, "b", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trace)), ==, 2);
}

static void
test_jsonl (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autofree char *jsonl = NULL;
  SwyNode *button = add_node (graph, "button", "btn");

  add_node (graph, "throttle", "th");
  add_node (graph, "counter", "c");
  g_object_set (button, "topic", "door/\"front\"", NULL);
  add_wire (graph, "btn:out", "th:in");
  add_queued_wire (graph, "th:out", "c:in", 2);

  swy_graph_fire_button (graph, "btn", NULL);
  swy_graph_fire_button (graph, "btn", NULL);
  swy_graph_run_fast (graph, -1);

  jsonl = trace_jsonl (graph);
  g_assert_cmpstr (jsonl, ==,
    "{\"t_us\":0,\"kind\":\"emit\",\"event\":1,\"parent\":0,\"node\":\"btn\",\"port\":\"out\",\"wire\":-1,"
    "\"topic\":\"door/\\\"front\\\"\",\"depth\":0,\"payload\":\"{'seq': <int64 1>, 'value': <1.0>}\"}\n"
    "{\"t_us\":0,\"kind\":\"deliver\",\"event\":1,\"parent\":0,\"node\":\"th\",\"port\":\"in\",\"wire\":0,"
    "\"topic\":\"door/\\\"front\\\"\",\"depth\":1,\"payload\":\"{'seq': <int64 1>, 'value': <1.0>}\"}\n"
    "{\"t_us\":0,\"kind\":\"emit\",\"event\":1,\"parent\":0,\"node\":\"th\",\"port\":\"out\",\"wire\":-1,"
    "\"topic\":\"door/\\\"front\\\"\",\"depth\":1,\"payload\":\"{'seq': <int64 1>, 'value': <1.0>}\"}\n"
    "{\"t_us\":0,\"kind\":\"emit\",\"event\":2,\"parent\":0,\"node\":\"btn\",\"port\":\"out\",\"wire\":-1,"
    "\"topic\":\"door/\\\"front\\\"\",\"depth\":0,\"payload\":\"{'seq': <int64 2>, 'value': <1.0>}\"}\n"
    "{\"t_us\":0,\"kind\":\"deliver\",\"event\":2,\"parent\":0,\"node\":\"th\",\"port\":\"in\",\"wire\":0,"
    "\"topic\":\"door/\\\"front\\\"\",\"depth\":1,\"payload\":\"{'seq': <int64 2>, 'value': <1.0>}\"}\n"
    "{\"t_us\":0,\"kind\":\"drop\",\"event\":2,\"parent\":0,\"node\":\"th\",\"port\":\"in\",\"wire\":-1,"
    "\"topic\":\"door/\\\"front\\\"\",\"depth\":1,\"payload\":\"{'seq': <int64 2>, 'value': <1.0>}\","
    "\"reason\":\"throttled\"}\n"
    "{\"t_us\":2000,\"kind\":\"deliver\",\"event\":1,\"parent\":0,\"node\":\"c\",\"port\":\"in\",\"wire\":1,"
    "\"topic\":\"door/\\\"front\\\"\",\"depth\":0,\"payload\":\"{'seq': <int64 1>, 'value': <1.0>}\"}\n");

  /* Every line parses as JSON. */
  {
    g_auto(GStrv) lines = g_strsplit (jsonl, "\n", -1);

    for (guint i = 0; lines[i] && lines[i][0]; i++)
      {
        g_autoptr(JsonParser) parser = json_parser_new ();
        g_autoptr(GError) error = NULL;

        json_parser_load_from_data (parser, lines[i], -1, &error);
        g_assert_no_error (error);
        g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
      }
  }
}

static void
test_chrome (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *events;
  SwyNode *timer = add_node (graph, "timer", "t");
  guint n_meta = 0, n_instant = 0, n_complete = 0;

  add_node (graph, "throttle", "th");
  add_node (graph, "counter", "c");
  g_object_set (timer, "interval-ms", 100, "count", 3, NULL);
  g_object_set (swy_graph_lookup_node (graph, "th"), "window-ms", 150, NULL);
  add_wire (graph, "t:out", "th:in");
  add_wire (graph, "th:out", "c:in");
  swy_graph_run_fast (graph, -1);

  g_assert_true (swy_trace_write_chrome (swy_graph_get_trace (graph), stream, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);

  json_parser_load_from_data (parser,
                              g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                              g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)),
                              &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "displayTimeUnit"), ==, "ms");
  events = json_object_get_array_member (root, "traceEvents");
  g_assert_nonnull (events);

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);
      const char *ph = json_object_get_string_member (event, "ph");

      g_assert_true (json_object_has_member (event, "pid"));
      g_assert_true (json_object_has_member (event, "tid"));
      g_assert_cmpint (json_node_get_value_type (json_object_get_member (event, "tid")), ==, G_TYPE_INT64);
      if (g_str_equal (ph, "M"))
        n_meta++;
      else if (g_str_equal (ph, "i"))
        n_instant++;
      else if (g_str_equal (ph, "X"))
        n_complete++;
      else
        g_assert_not_reached ();
      if (!g_str_equal (ph, "M"))
        g_assert_cmpint (json_object_get_int_member (event, "ts") % 100000, ==, 0);
    }

  /* process_name + one thread per node; emits: t 3, th 2; drop 1; deliveries 5. */
  g_assert_cmpuint (n_meta, ==, 4);
  g_assert_cmpuint (n_instant, ==, 6);
  g_assert_cmpuint (n_complete, ==, 5);
}

static void
test_record_properties (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autoptr(SwyTraceRecord) record = NULL;
  g_autoptr(SwyEvent) event = NULL;
  g_autofree char *node_id = NULL;
  g_autofree char *payload = NULL;
  SwyTraceKind kind;

  add_node (graph, "button", "b");
  add_node (graph, "counter", "c");
  add_wire (graph, "b:out", "c:in");
  swy_graph_fire_button (graph, "b", NULL);

  record = g_list_model_get_item (G_LIST_MODEL (swy_graph_get_trace (graph)), 1);
  g_object_get (record, "node-id", &node_id, "kind", &kind, "event", &event, NULL);
  g_assert_cmpstr (node_id, ==, "c");
  g_assert_cmpint (kind, ==, SWY_TRACE_KIND_DELIVER);
  g_assert_cmpuint (swy_event_get_id (event), ==, 1);
  g_assert_null (swy_trace_record_get_reason (record));
  payload = swy_trace_record_dup_payload_string (record);
  g_assert_cmpstr (payload, ==, "{'seq': <int64 1>, 'value': <1.0>}");

  /* Records survive a rename and a removal of their node. */
  swy_graph_rename_node (graph, swy_graph_lookup_node (graph, "c"), "renamed", NULL);
  swy_graph_remove_node (graph, swy_graph_lookup_node (graph, "renamed"));
  g_assert_cmpstr (swy_trace_record_get_node_id (record), ==, "c");
}

/* swy_trace_peek() reads the fields without an object; the emitter of a
 * delivery or of a drop on a wire is recorded, a node's own drop has none. */
static void
test_peek (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autoptr(SwyTraceRecord) record = NULL;
  SwyTrace *trace = swy_graph_get_trace (graph);
  SwyTraceRecordData data = { 0 };
  static const struct {
    SwyTraceKind kind;
    gint64       time;
    guint64      event;
    const char  *node;
    const char  *from;
    int          wire;
    guint        depth;
    const char  *reason;
  } expected[] = {
    { SWY_TRACE_KIND_EMIT,    0,    1, "b",  NULL, -1, 0, NULL },
    { SWY_TRACE_KIND_DELIVER, 0,    1, "th", "b",   0, 1, NULL },
    { SWY_TRACE_KIND_EMIT,    0,    1, "th", NULL, -1, 1, NULL },
    { SWY_TRACE_KIND_DROP,    0,    1, "c2", "b",   2, 1, "loss" },
    { SWY_TRACE_KIND_EMIT,    0,    2, "b",  NULL, -1, 0, NULL },
    { SWY_TRACE_KIND_DELIVER, 0,    2, "th", "b",   0, 1, NULL },
    { SWY_TRACE_KIND_DROP,    0,    2, "th", NULL, -1, 1, "throttled" },
    { SWY_TRACE_KIND_DROP,    0,    2, "c2", "b",   2, 1, "loss" },
    { SWY_TRACE_KIND_DELIVER, 2000, 1, "c",  "th",  1, 0, NULL },
  };

  add_node (graph, "button", "b");
  add_node (graph, "throttle", "th");
  add_node (graph, "counter", "c");
  add_node (graph, "counter", "c2");
  add_wire (graph, "b:out", "th:in");
  add_queued_wire (graph, "th:out", "c:in", 2);
  swy_wire_set_loss (add_wire (graph, "b:out", "c2:in"), 1.0);

  swy_graph_fire_button (graph, "b", NULL);
  swy_graph_fire_button (graph, "b", NULL);
  swy_graph_run_fast (graph, -1);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trace)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_true (swy_trace_peek (trace, i, &data));
      g_assert_cmpuint (data.number, ==, i);
      g_assert_cmpint (data.kind, ==, expected[i].kind);
      g_assert_cmpint (data.time, ==, expected[i].time);
      g_assert_cmpuint (data.event_id, ==, expected[i].event);
      g_assert_cmpuint (swy_event_get_id (data.event), ==, expected[i].event);
      g_assert_cmpuint (data.parent_id, ==, 0);
      g_assert_cmpstr (g_quark_to_string (data.topic), ==, "click");
      g_assert_cmpstr (g_quark_to_string (data.node), ==, expected[i].node);
      g_assert_cmpstr (g_quark_to_string (data.from_node), ==, expected[i].from);
      g_assert_cmpint (data.wire, ==, expected[i].wire);
      g_assert_cmpuint (data.depth, ==, expected[i].depth);
      g_assert_cmpstr (g_quark_to_string (data.reason), ==, expected[i].reason);
      g_assert_cmpstr (g_quark_to_string (data.port), ==,
                       expected[i].kind == SWY_TRACE_KIND_EMIT ? "out" : "in");
    }
  g_assert_false (swy_trace_peek (trace, G_N_ELEMENTS (expected), &data));

  record = swy_trace_get_record (trace, 8);
  g_assert_cmpstr (swy_trace_record_get_from_node_id (record), ==, "th");
  g_clear_object (&record);
  record = swy_trace_get_record (trace, 6);
  g_assert_null (swy_trace_record_get_from_node_id (record));

  /* After the ring wraps, numbers keep counting from the last clear. */
  swy_graph_reset (graph);
  swy_trace_set_capacity (trace, 4);
  swy_graph_fire_button (graph, "b", NULL);
  swy_graph_fire_button (graph, "b", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trace)), ==, 4);
  g_assert_true (swy_trace_peek (trace, 0, &data));
  g_assert_cmpuint (data.number, ==, 4);
  g_assert_cmpuint (data.event_id, ==, 2);
  g_assert_cmpint (data.kind, ==, SWY_TRACE_KIND_EMIT);
  g_assert_true (swy_trace_peek (trace, 3, &data));
  g_assert_cmpuint (data.number, ==, 7);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Swy/Trace/ring-wraps", test_ring_wraps);
  g_test_add_func ("/Swy/Trace/disabled", test_disabled);
  g_test_add_func ("/Swy/Trace/jsonl", test_jsonl);
  g_test_add_func ("/Swy/Trace/chrome", test_chrome);
  g_test_add_func ("/Swy/Trace/record-properties", test_record_properties);
  g_test_add_func ("/Swy/Trace/peek", test_peek);

  return g_test_run ();
}
