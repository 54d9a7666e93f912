/* test-core.c: graph, timer, counter, scheduler basics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "swy-test-util.h"

static void
test_timer_ticks (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autofree char *times = NULL;
  g_autofree char *line = NULL;
  SwyNode *timer, *counter;
  guint64 n;

  timer = add_node (graph, "timer", "t");
  counter = add_node (graph, "counter", "c");
  g_object_set (timer, "interval-ms", 100, "count", 5, NULL);
  add_wire (graph, "t:out", "c:in");

  n = swy_graph_run_fast (graph, -1);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpint (swy_graph_get_now (graph), ==, 500000);

  times = emit_times_ms (graph, "t");
  g_assert_cmpstr (times, ==, "100 200 300 400 500");
  g_assert_cmpuint (swy_node_get_emitted (timer), ==, 5);
  g_assert_cmpuint (swy_node_get_received (counter), ==, 5);
  g_assert_cmpuint (swy_counter_node_get_count (SWY_COUNTER_NODE (counter)), ==, 5);

  line = swy_trace_format_jsonl (swy_graph_get_trace (graph), 0);
  g_assert_cmpstr (line, ==,
                   "{\"t_us\":100000,\"kind\":\"emit\",\"event\":1,\"parent\":0,\"node\":\"t\","
                   "\"port\":\"out\",\"wire\":-1,\"topic\":\"tick\",\"depth\":0,"
                   "\"payload\":\"{'seq': <int64 1>}\"}");
  g_clear_pointer (&line, g_free);
  line = swy_trace_format_jsonl (swy_graph_get_trace (graph), 9);
  g_assert_cmpstr (line, ==,
                   "{\"t_us\":500000,\"kind\":\"deliver\",\"event\":5,\"parent\":0,\"node\":\"c\","
                   "\"port\":\"in\",\"wire\":0,\"topic\":\"tick\",\"depth\":1,"
                   "\"payload\":\"{'seq': <int64 5>}\"}");

  g_assert_finalize_object (g_steal_pointer (&graph));
}

static void
test_run_until (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  SwyNode *timer;

  timer = add_node (graph, "timer", "t");
  g_object_set (timer, "interval-ms", 100, NULL);

  swy_graph_run_fast (graph, 250000);
  g_assert_cmpuint (swy_node_get_emitted (timer), ==, 2);
  g_assert_cmpint (swy_graph_get_now (graph), ==, 250000);
  g_assert_cmpuint (swy_graph_get_n_pending (graph), ==, 1);

  swy_graph_run_fast (graph, 1000000);
  g_assert_cmpuint (swy_node_get_emitted (timer), ==, 10);

  swy_graph_reset (graph);
  g_assert_cmpint (swy_graph_get_now (graph), ==, 0);
  g_assert_cmpuint (swy_node_get_emitted (timer), ==, 0);
  g_assert_cmpuint (swy_graph_get_n_pending (graph), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (swy_graph_get_trace (graph))), ==, 0);

  swy_graph_run_fast (graph, 100000);
  g_assert_cmpuint (swy_node_get_emitted (timer), ==, 1);
  {
    g_autofree char *line = swy_trace_format_jsonl (swy_graph_get_trace (graph), 0);
    g_assert_true (g_str_has_prefix (line, "{\"t_us\":100000,\"kind\":\"emit\",\"event\":1,"));
  }
}

/* run_fast_to() stops after a number of items, and puts the clock at a
 * time without performing what is due then: where a click was made. */
static void
test_run_fast_to (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  SwyNode *timer;

  timer = add_node (graph, "timer", "t");
  g_object_set (timer, "interval-ms", 100, NULL);

  /* The count stops the run first: the clock stays at the last item. */
  g_assert_cmpuint (swy_graph_run_fast_to (graph, 1000000, 3), ==, 3);
  g_assert_cmpuint (swy_graph_get_n_performed (graph), ==, 3);
  g_assert_cmpint (swy_graph_get_now (graph), ==, 300000);

  /* The next item is due at 400 ms: the clock can reach it, not pass it. */
  g_assert_cmpuint (swy_graph_run_fast_to (graph, 400000, 3), ==, 0);
  g_assert_cmpint (swy_graph_get_now (graph), ==, 400000);
  g_assert_cmpuint (swy_node_get_emitted (timer), ==, 3);

  /* The time stops it: every item due by then, and the clock at that time. */
  g_assert_cmpuint (swy_graph_run_fast_to (graph, 650000, G_MAXUINT64), ==, 3);
  g_assert_cmpint (swy_graph_get_now (graph), ==, 650000);
  g_assert_cmpuint (swy_node_get_emitted (timer), ==, 6);

  /* Same state as a plain run to that time after a reset. */
  swy_graph_reset (graph);
  swy_graph_run_fast (graph, 650000);
  g_assert_cmpuint (swy_graph_get_n_performed (graph), ==, 6);
  g_assert_cmpint (swy_graph_get_now (graph), ==, 650000);
}

static void
test_step (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  SwyNode *timer, *counter;

  timer = add_node (graph, "timer", "t");
  counter = add_node (graph, "counter", "c");
  g_object_set (timer, "interval-ms", 100, "count", 2, NULL);
  add_queued_wire (graph, "t:out", "c:in", 30);

  g_assert_true (swy_graph_step (graph));
  g_assert_cmpint (swy_graph_get_now (graph), ==, 100000);
  g_assert_cmpuint (swy_node_get_received (counter), ==, 0);
  g_assert_true (swy_graph_step (graph));
  g_assert_cmpint (swy_graph_get_now (graph), ==, 130000);
  g_assert_cmpuint (swy_node_get_received (counter), ==, 1);
  g_assert_true (swy_graph_step (graph));
  g_assert_true (swy_graph_step (graph));
  g_assert_cmpint (swy_graph_get_now (graph), ==, 230000);
  g_assert_false (swy_graph_step (graph));
  g_assert_cmpuint (swy_node_get_received (counter), ==, 2);
}

static void
test_errors (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autoptr(GError) error = NULL;

  add_node (graph, "timer", "t");
  add_node (graph, "counter", "c");

  g_assert_null (swy_graph_create_node (graph, "timer", "t", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_null (swy_graph_create_node (graph, "nope", "x", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);

  g_assert_null (swy_graph_connect (graph, "t:out", "x:in", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (swy_graph_connect (graph, "c:in", "t:out", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_null (swy_graph_connect (graph, "t:out", "c:nope", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (swy_graph_connect (graph, "t", "c:in", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (swy_graph_rename_node (graph, swy_graph_lookup_node (graph, "t"), "ticker", &error));
  g_assert_no_error (error);
  g_assert_nonnull (swy_graph_lookup_node (graph, "ticker"));
  g_assert_null (swy_graph_lookup_node (graph, "t"));
  g_assert_false (swy_graph_rename_node (graph, swy_graph_lookup_node (graph, "ticker"), "c", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
}

static void
test_catalog (void)
{
  GListModel *types = swy_catalog_get_types ();
  const char *names[] = { "timer", "burst", "poisson", "button", "filter", "map", "delay",
                          "debounce", "throttle", "broker", "queue", "worker", "batch",
                          "counter", "log", "plot" };

  g_assert_cmpuint (g_list_model_get_n_items (types), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SwyNodeType) type = g_list_model_get_item (types, i);
      g_autoptr(SwyNode) node = NULL;

      g_assert_cmpstr (swy_node_type_get_name (type), ==, names[i]);
      g_assert_true (swy_catalog_lookup (names[i]) == type);
      g_assert_true (g_str_has_suffix (swy_node_type_get_icon_name (type), "-symbolic"));
      g_assert_nonnull (swy_node_type_get_display_name (type));
      g_assert_nonnull (swy_node_type_get_description (type));

      node = swy_catalog_create_node (names[i], "n", NULL);
      g_assert_nonnull (node);
      g_assert_cmpstr (swy_node_get_type_name (node), ==, names[i]);
      g_assert_true (swy_catalog_lookup_gtype (G_OBJECT_TYPE (node)) == type);
    }
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
test_notify_once_per_batch (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  SwyNode *burst, *counter;
  guint received_notifies = 0;
  guint count_notifies = 0;
  guint items_changed = 0;

  burst = add_node (graph, "burst", "b");
  counter = add_node (graph, "counter", "c");
  g_object_set (burst, "count", 100, NULL);
  add_wire (graph, "b:out", "c:in");

  g_signal_connect (counter, "notify::received", G_CALLBACK (notify_count_cb), &received_notifies);
  g_signal_connect (counter, "notify::count", G_CALLBACK (notify_count_cb), &count_notifies);
  g_signal_connect (swy_graph_get_trace (graph), "items-changed",
                    G_CALLBACK (items_changed_cb), &items_changed);

  swy_graph_run_fast (graph, -1);
  g_assert_cmpuint (swy_node_get_received (counter), ==, 100);
  g_assert_cmpuint (received_notifies, ==, 1);
  g_assert_cmpuint (count_notifies, ==, 1);
  g_assert_cmpuint (items_changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (swy_graph_get_trace (graph))), ==, 200);
}

static void
test_pattern_validate (void)
{
  const char *good[] = { "#", "+", "a/b", "a/+/c", "a/#", "+/+/#", "sensors/kitchen/temp" };
  const char *bad[] = { "", "a/#/b", "a+/b", "a/b#", "#/a", "x/+y" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (swy_topic_pattern_validate (good[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (swy_topic_pattern_validate (bad[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Swy/Core/timer-ticks", test_timer_ticks);
  g_test_add_func ("/Swy/Core/run-until", test_run_until);
  g_test_add_func ("/Swy/Core/run-fast-to", test_run_fast_to);
  g_test_add_func ("/Swy/Core/step", test_step);
  g_test_add_func ("/Swy/Core/errors", test_errors);
  g_test_add_func ("/Swy/Core/catalog", test_catalog);
  g_test_add_func ("/Swy/Core/notify-once-per-batch", test_notify_once_per_batch);
  g_test_add_func ("/Swy/Core/pattern-validate", test_pattern_validate);

  return g_test_run ();
}
