/* test-codegen.c: the generators' API (suite codegen); test-programs.py
 * compiles and runs what they write
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "swy-codegen.h"

static SwyGraph *
load_example (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SwyGraph *graph = swy_graph_new_from_file (file, NULL, &error);

  g_assert_no_error (error);

  return graph;
}

static SwyNode *
add_node (SwyGraph   *graph,
          const char *type,
          const char *id)
{
  g_autoptr(GError) error = NULL;
  SwyNode *node = swy_graph_create_node (graph, type, id, &error);

  g_assert_no_error (error);

  return node;
}

static SwyWire *
add_wire (SwyGraph   *graph,
          const char *from,
          const char *to)
{
  g_autoptr(GError) error = NULL;
  SwyWire *wire = swy_graph_connect (graph, from, to, &error);

  g_assert_no_error (error);

  return wire;
}

static SwyWire *
wire_at (SwyGraph *graph,
         guint     index)
{
  g_autoptr(SwyWire) wire = g_list_model_get_item (swy_graph_get_wires (graph), index);

  return wire;   /* the graph keeps it */
}

/* The node ids of @graph, space separated, in file order. */
static char *
node_ids (SwyGraph *graph)
{
  GListModel *nodes = swy_graph_get_nodes (graph);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (nodes, i);

      g_strv_builder_add (builder, swy_node_get_id (node));
    }
  ids = g_strv_builder_end (builder);

  return g_strjoinv (" ", ids);
}

static char *
generate (SwyGraph           *graph,
          SwyCodegenLanguage  lang,
          SwyCodegenScope     scope,
          gpointer            focus)
{
  g_autoptr(GError) error = NULL;
  char *code = swy_codegen_generate (graph, lang, scope, focus, &error);

  g_assert_no_error (error);
  g_assert_nonnull (code);

  return code;
}

static void
test_every_catalog_type (void)
{
  GListModel *types = swy_catalog_get_types ();

  g_assert_cmpuint (g_list_model_get_n_items (types), ==, 16);
  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(SwyNodeType) type = g_list_model_get_item (types, i);

      g_assert_true (swy_codegen_supports_type (swy_node_type_get_name (type)));
    }

  g_assert_false (swy_codegen_supports_type ("teleporter"));
}

static void
test_stable (void)
{
  g_autoptr(SwyGraph) graph = load_example ("pubsub.swy");

  for (guint lang = SWY_CODEGEN_LANGUAGE_C; lang <= SWY_CODEGEN_LANGUAGE_PYTHON; lang++)
    {
      g_autofree char *a = generate (graph, lang, SWY_CODEGEN_SCOPE_GRAPH, NULL);
      g_autofree char *b = generate (graph, lang, SWY_CODEGEN_SCOPE_GRAPH, NULL);

      g_assert_cmpstr (a, ==, b);
      g_assert_true (g_str_has_suffix (a, "\n"));
      g_assert_false (g_str_has_suffix (a, "\n\n"));
      g_assert_null (strstr (a, "%%"));
      g_assert_null (strstr (a, "@@"));
      g_assert_null (strstr (a, "You picked"));
    }
}

/* Only what the graph uses: hello-timer has no queue, no wildcard and no
 * randomness, so its program has no code for them. */
static void
test_small_graph_small_program (void)
{
  g_autoptr(SwyGraph) hello = load_example ("hello-timer.swy");
  g_autoptr(SwyGraph) network = load_example ("unreliable-network.swy");
  g_autofree char *c = generate (hello, SWY_CODEGEN_LANGUAGE_C, SWY_CODEGEN_SCOPE_GRAPH, NULL);
  g_autofree char *py = generate (hello, SWY_CODEGEN_LANGUAGE_PYTHON, SWY_CODEGEN_SCOPE_GRAPH,
                                  NULL);
  g_autofree char *random_c = NULL;
  g_autofree char *random_py = NULL;

  g_assert_nonnull (strstr (c, "demo_timer_node_new (\"tick\", 500, 10, \"tick\")"));
  g_assert_nonnull (strstr (c, "connect_wire (\"tick\", \"count\", WIRE_SYNC, \"#\");"));
  g_assert_nonnull (strstr (c, "g_signal_new (\"event\""));
  g_assert_null (strstr (c, "DemoQueueNode"));
  g_assert_null (strstr (c, "topic_matches"));
  g_assert_null (strstr (c, "random_double"));
  g_assert_null (strstr (c, "#define SEED"));

  g_assert_nonnull (strstr (py, "add_node(TimerNode(\"tick\", interval_ms=500, count=10, "
                                "topic=\"tick\"))"));
  g_assert_nonnull (strstr (py, "__gsignals__"));
  g_assert_null (strstr (py, "class QueueNode"));
  g_assert_null (strstr (py, "rng"));

  random_c = generate (network, SWY_CODEGEN_LANGUAGE_C, SWY_CODEGEN_SCOPE_GRAPH, NULL);
  random_py = generate (network, SWY_CODEGEN_LANGUAGE_PYTHON, SWY_CODEGEN_SCOPE_GRAPH, NULL);
  g_assert_nonnull (strstr (random_c, "#define SEED        G_GUINT64_CONSTANT (2024)"));
  g_assert_nonnull (strstr (random_c, "wire->loss = 0.2;"));
  g_assert_nonnull (strstr (random_c, "wire->jitter_us = MS (30);"));
  g_assert_nonnull (strstr (random_py, "SEED = 2024"));
  g_assert_nonnull (strstr (random_py, "wire.loss = 0.2"));
}

static void
test_literals (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autofree char *c = NULL;
  g_autofree char *py = NULL;
  SwyNode *timer;

  swy_graph_set_title (graph, "A */ title \"\"\" with \\ and\nnewline");
  timer = add_node (graph, "timer", "say \"hi\"\\now");
  g_object_set (timer, "topic", "tab\there", "interval-ms", 250, NULL);
  add_node (graph, "map", "m");
  g_object_set (swy_graph_lookup_node (graph, "m"), "scale", 0.1, "offset", -2.0, NULL);
  add_wire (graph, "say \"hi\"\\now:out", "m:in");

  c = generate (graph, SWY_CODEGEN_LANGUAGE_C, SWY_CODEGEN_SCOPE_GRAPH, NULL);
  g_assert_nonnull (strstr (c, "demo_timer_node_new (\"say \\\"hi\\\"\\\\now\", 250, 0, "
                               "\"tab\\011here\")"));
  g_assert_nonnull (strstr (c, "demo_map_node_new (\"m\", \"\", 0.1, -2.0)"));
  g_assert_nonnull (strstr (c, "\"A * / title \'\'\' with   and newline\""));
  g_assert_null (strstr (c, "A */"));

  py = generate (graph, SWY_CODEGEN_LANGUAGE_PYTHON, SWY_CODEGEN_SCOPE_GRAPH, NULL);
  g_assert_nonnull (strstr (py, "TimerNode(\"say \\\"hi\\\"\\\\now\", interval_ms=250, count=0, "
                                "topic=\"tab\\x09here\")"));
  g_assert_nonnull (strstr (py, "MapNode(\"m\", set_topic=\"\", scale=0.1, offset=-2.0)"));
  /* The docstring stays one docstring. */
  g_assert_nonnull (strstr (py, "\"A * / title \'\'\' with   and newline\""));
}

static void
test_node_scope (void)
{
  g_autoptr(SwyGraph) graph = load_example ("competing-consumers.swy");
  g_autoptr(SwyGraph) pubsub = load_example ("pubsub.swy");
  g_autoptr(SwyGraph) scope = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  SwyNode *worker = swy_graph_lookup_node (graph, "worker-1");

  /* Upstream of worker-1: orders and q; the queue's other consumers too. */
  scope = swy_codegen_dup_scope_graph (graph, SWY_CODEGEN_SCOPE_NODE, G_OBJECT (worker), &error);
  g_assert_no_error (error);
  ids = node_ids (scope);
  g_assert_cmpstr (ids, ==, "orders q worker-1 worker-2 worker-3 done");
  g_assert_cmpuint (swy_wire_get_latency_ms (wire_at (scope, 0)), ==, 50);
  g_assert_cmpstr (swy_wire_get_subscription (wire_at (scope, 0)), ==, "orders/#");
  g_assert_cmpstr (swy_graph_get_title (scope), ==, "Competing consumers: node worker-1");
  g_clear_object (&scope);
  g_clear_pointer (&ids, g_free);

  /* The broker's program has the four sensors and the three subscribers. */
  scope = swy_codegen_dup_scope_graph (pubsub, SWY_CODEGEN_SCOPE_NODE,
                                       G_OBJECT (swy_graph_lookup_node (pubsub, "broker")), &error);
  g_assert_no_error (error);
  ids = node_ids (scope);
  g_assert_cmpstr (ids, ==, "kitchen-temp kitchen-humidity garage-temp front-door broker all-temps "
                            "kitchen garage");
  g_clear_object (&scope);
  g_clear_pointer (&ids, g_free);

  /* A counter has no output: nothing after it. */
  scope = swy_codegen_dup_scope_graph (pubsub, SWY_CODEGEN_SCOPE_NODE,
                                       G_OBJECT (swy_graph_lookup_node (pubsub, "garage")), &error);
  ids = node_ids (scope);
  g_assert_cmpstr (ids, ==, "kitchen-temp kitchen-humidity garage-temp front-door broker garage");

  code = generate (graph, SWY_CODEGEN_LANGUAGE_C, SWY_CODEGEN_SCOPE_NODE, worker);
  g_assert_nonnull (strstr (code, "  /* You picked this node. */\n"
                                  "  add_node (demo_worker_node_new (\"worker-1\""));
  g_assert_nonnull (strstr (code, "/* You picked \"worker-1\", a node of this kind. */\n"
                                  "/* worker:"));
  g_assert_nonnull (strstr (code, "This program is about the node \"worker-1\" (worker)"));

  name = swy_codegen_dup_file_name (graph, SWY_CODEGEN_LANGUAGE_C, SWY_CODEGEN_SCOPE_NODE,
                                    G_OBJECT (worker));
  g_assert_cmpstr (name, ==, "competing-consumers-worker-1.c");
}

/* A node whose output feeds nothing gets a log "printer"; the name stays unique. */
static void
test_printer (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autoptr(SwyGraph) scope = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *code = NULL;
  SwyNode *printer;

  add_node (graph, "timer", "t");
  add_node (graph, "delay", "d");
  add_node (graph, "counter", "printer");
  add_wire (graph, "t:out", "d:in");
  add_wire (graph, "t:out", "printer:in");

  scope = swy_codegen_dup_scope_graph (graph, SWY_CODEGEN_SCOPE_NODE,
                                       G_OBJECT (swy_graph_lookup_node (graph, "d")), &error);
  g_assert_no_error (error);
  ids = node_ids (scope);
  g_assert_cmpstr (ids, ==, "t d printer-2");
  printer = swy_graph_lookup_node (scope, "printer-2");
  g_assert_cmpstr (swy_node_get_type_name (printer), ==, "log");
  g_assert_cmpuint (g_list_model_get_n_items (swy_graph_get_wires (scope)), ==, 2);

  code = generate (graph, SWY_CODEGEN_LANGUAGE_PYTHON, SWY_CODEGEN_SCOPE_NODE,
                   swy_graph_lookup_node (graph, "d"));
  g_assert_nonnull (strstr (code, "A log node, \"printer-2\", prints what comes out."));
  g_assert_nonnull (strstr (code, "add_node(LogNode(\"printer-2\", keep=50))"));
}

static void
test_wire_scope (void)
{
  g_autoptr(SwyGraph) graph = load_example ("storm.swy");
  g_autoptr(SwyGraph) scope = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *code = NULL;
  g_autofree char *name = NULL;
  SwyWire *wire = wire_at (graph, 4);   /* left:out -> right:in, queued, in a cycle */

  scope = swy_codegen_dup_scope_graph (graph, SWY_CODEGEN_SCOPE_WIRE, G_OBJECT (wire), &error);
  g_assert_no_error (error);
  ids = node_ids (scope);
  g_assert_cmpstr (ids, ==, "kick left right");
  g_assert_cmpuint (swy_graph_get_max_hops (scope), ==, 40);
  g_assert_cmpuint (swy_graph_get_max_depth (scope), ==, 16);

  code = generate (graph, SWY_CODEGEN_LANGUAGE_C, SWY_CODEGEN_SCOPE_WIRE, wire);
  g_assert_nonnull (strstr (code, "  /* You picked this wire. */\n"
                                  "  wire = connect_wire (\"left\", \"right\", WIRE_QUEUED, "
                                  "\"#\");\n"));
  g_assert_nonnull (strstr (code, "You picked the wire left:out -> right:in: a queued wire, see "
                                  "queued_wire_cb (). */"));

  name = swy_codegen_dup_file_name (graph, SWY_CODEGEN_LANGUAGE_PYTHON, SWY_CODEGEN_SCOPE_WIRE,
                                    G_OBJECT (wire));
  g_assert_cmpstr (name, ==, "storms-wire-4.py");
}

/* The whole graph with a focus: the same program, marked. */
static void
test_graph_with_focus (void)
{
  g_autoptr(SwyGraph) graph = load_example ("pubsub.swy");
  g_autofree char *plain = generate (graph, SWY_CODEGEN_LANGUAGE_PYTHON, SWY_CODEGEN_SCOPE_GRAPH,
                                     NULL);
  g_autofree char *marked = generate (graph, SWY_CODEGEN_LANGUAGE_PYTHON, SWY_CODEGEN_SCOPE_GRAPH,
                                      wire_at (graph, 5));

  g_assert_nonnull (strstr (marked, "    # You picked this wire.\n"
                                    "    connect_wire(\"broker\", \"kitchen\", SYNC, "
                                    "\"sensors/kitchen/#\")\n"));
  g_assert_nonnull (strstr (marked, "The wire broker:out -> kitchen:in is marked"));
  g_assert_cmpuint (strlen (marked), >, strlen (plain));
}

static void
test_errors (void)
{
  g_autoptr(SwyGraph) graph = load_example ("hello-timer.swy");
  g_autoptr(SwyGraph) other = load_example ("hello-timer.swy");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  char *code;

  code = swy_codegen_generate (graph, SWY_CODEGEN_LANGUAGE_C, SWY_CODEGEN_SCOPE_NODE, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (code);
  g_clear_error (&error);

  /* A wire is not a node, a node of another graph is not in this one. */
  code = swy_codegen_generate (graph, SWY_CODEGEN_LANGUAGE_C, SWY_CODEGEN_SCOPE_NODE,
                               G_OBJECT (wire_at (graph, 0)), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (code);
  g_clear_error (&error);

  code = swy_codegen_generate (graph, SWY_CODEGEN_LANGUAGE_PYTHON, SWY_CODEGEN_SCOPE_WIRE,
                               G_OBJECT (wire_at (other, 0)), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (code);
  g_clear_error (&error);

  code = swy_codegen_generate (graph, SWY_CODEGEN_LANGUAGE_PYTHON, SWY_CODEGEN_SCOPE_GRAPH,
                               G_OBJECT (swy_graph_lookup_node (other, "tick")), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (code);
  g_clear_error (&error);

  /* An untitled graph still gets a file name. */
  g_clear_object (&other);
  other = swy_graph_new ();
  name = swy_codegen_dup_file_name (other, SWY_CODEGEN_LANGUAGE_C, SWY_CODEGEN_SCOPE_GRAPH, NULL);
  g_assert_cmpstr (name, ==, "graph.c");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Swy/Codegen/every-catalog-type", test_every_catalog_type);
  g_test_add_func ("/Swy/Codegen/stable", test_stable);
  g_test_add_func ("/Swy/Codegen/small-graph-small-program", test_small_graph_small_program);
  g_test_add_func ("/Swy/Codegen/literals", test_literals);
  g_test_add_func ("/Swy/Codegen/node-scope", test_node_scope);
  g_test_add_func ("/Swy/Codegen/printer", test_printer);
  g_test_add_func ("/Swy/Codegen/wire-scope", test_wire_scope);
  g_test_add_func ("/Swy/Codegen/graph-with-focus", test_graph_with_focus);
  g_test_add_func ("/Swy/Codegen/errors", test_errors);

  return g_test_run ();
}
