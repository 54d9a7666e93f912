/* test-io.c: the .swy file format: load, save, round trips, every error
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <swy.h>

#define HEAD "{\"format\": \"switchyard\", \"version\": 1"

static SwyGraph *
load_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  SwyGraph *graph = swy_graph_new_from_data (text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (graph);

  return graph;
}

static char *
save (SwyGraph *graph)
{
  gsize length = 0;
  char *text = swy_graph_save_to_data (graph, &length);

  g_assert_nonnull (text);
  g_assert_cmpuint (strlen (text), ==, length);
  g_assert_true (g_str_has_suffix (text, "}\n"));

  return text;
}

static SwyNode *
add_node (SwyGraph   *graph,
          const char *type,
          const char *id,
          double      x,
          double      y)
{
  g_autoptr(GError) error = NULL;
  SwyNode *node = swy_graph_create_node (graph, type, id, &error);

  g_assert_no_error (error);
  swy_node_set_x (node, x);
  swy_node_set_y (node, y);

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

/* Every writable property of @a and @b (both nodes, or both wires) is equal. */
static void
assert_same_properties (GObject *a,
                        GObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          G_IS_PARAM_SPEC_OBJECT (pspecs[i]))
        continue;

      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);
      if (g_param_values_cmp (pspecs[i], &va, &vb) != 0)
        g_error ("%s “%s” differs after a round trip", G_OBJECT_TYPE_NAME (a), pspecs[i]->name);
    }
}

static void
assert_same_graph (SwyGraph *a,
                   SwyGraph *b)
{
  GListModel *na = swy_graph_get_nodes (a), *nb = swy_graph_get_nodes (b);
  GListModel *wa = swy_graph_get_wires (a), *wb = swy_graph_get_wires (b);

  g_assert_cmpstr (swy_graph_get_title (a), ==, swy_graph_get_title (b));
  g_assert_cmpuint (swy_graph_get_seed (a), ==, swy_graph_get_seed (b));
  g_assert_cmpuint (swy_graph_get_max_depth (a), ==, swy_graph_get_max_depth (b));
  g_assert_cmpuint (swy_graph_get_max_hops (a), ==, swy_graph_get_max_hops (b));
  g_assert_cmpuint (swy_graph_get_max_pending (a), ==, swy_graph_get_max_pending (b));

  g_assert_cmpuint (g_list_model_get_n_items (na), ==, g_list_model_get_n_items (nb));
  for (guint i = 0; i < g_list_model_get_n_items (na); i++)
    {
      g_autoptr(SwyNode) x = g_list_model_get_item (na, i);
      g_autoptr(SwyNode) y = g_list_model_get_item (nb, i);

      g_assert_cmpstr (swy_node_get_id (x), ==, swy_node_get_id (y));
      g_assert_cmpstr (swy_node_get_type_name (x), ==, swy_node_get_type_name (y));
      assert_same_properties (G_OBJECT (x), G_OBJECT (y));
    }

  g_assert_cmpuint (g_list_model_get_n_items (wa), ==, g_list_model_get_n_items (wb));
  for (guint i = 0; i < g_list_model_get_n_items (wa); i++)
    {
      g_autoptr(SwyWire) x = g_list_model_get_item (wa, i);
      g_autoptr(SwyWire) y = g_list_model_get_item (wb, i);
      g_autofree char *xf = swy_port_dup_address (swy_wire_get_from (x));
      g_autofree char *yf = swy_port_dup_address (swy_wire_get_from (y));
      g_autofree char *xt = swy_port_dup_address (swy_wire_get_to (x));
      g_autofree char *yt = swy_port_dup_address (swy_wire_get_to (y));

      g_assert_cmpstr (xf, ==, yf);
      g_assert_cmpstr (xt, ==, yt);
      assert_same_properties (G_OBJECT (x), G_OBJECT (y));
    }

  if (swy_graph_get_extra (a) == NULL || swy_graph_get_extra (b) == NULL)
    {
      g_assert_null (swy_graph_get_extra (a));
      g_assert_null (swy_graph_get_extra (b));
    }
  else
    {
      g_autoptr(JsonNode) ea = json_node_init_object (json_node_alloc (), swy_graph_get_extra (a));
      g_autoptr(JsonNode) eb = json_node_init_object (json_node_alloc (), swy_graph_get_extra (b));

      g_assert_true (json_node_equal (ea, eb));
    }
}

/* A graph with every node type, non-default properties, every wire option,
 * settings, a title that needs escaping, and extra members. */
static SwyGraph *
build_rich_graph (void)
{
  SwyGraph *graph = swy_graph_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  SwyWire *wire;

  swy_graph_set_title (graph, "Everything “at once”\n\ttab \\ slash");
  swy_graph_set_seed (graph, 12345);
  swy_graph_set_max_depth (graph, 10);
  swy_graph_set_max_pending (graph, 500);

  g_object_set (add_node (graph, "timer", "orders", 80, 120),
                "interval-ms", 250, "count", 4, "topic", "orders/new", NULL);
  g_object_set (add_node (graph, "burst", "burst", 80, 240), "at-ms", 100, "count", 3, NULL);
  g_object_set (add_node (graph, "poisson", "random", 80, 360),
                "rate-hz", 5.5, "count", 7, "value-min", -1.0, "value-max", 2.5, NULL);
  g_object_set (add_node (graph, "button", "press", 80, 480),
                "topic", "press", "value", 0.25, NULL);
  g_object_set (add_node (graph, "filter", "big", 260, 120),
                "topic-pattern", "orders/+", "field", "amount", "op", SWY_FILTER_OP_GE,
                "operand", 10.5, NULL);
  g_object_set (add_node (graph, "map", "scale", 260, 240),
                "set-topic", "scaled", "scale", 0.1, "offset", -3.0, NULL);
  g_object_set (add_node (graph, "delay", "later", 260, 360), "delay-ms", 125, NULL);
  g_object_set (add_node (graph, "debounce", "calm", 260, 480), "quiet-ms", 75, NULL);
  g_object_set (add_node (graph, "throttle", "slow", 440, 120), "window-ms", 333, NULL);
  add_node (graph, "broker", "hub", 440, 240);
  g_object_set (add_node (graph, "queue", "q", 440, 360),
                "capacity", 5, "overflow", SWY_OVERFLOW_DROP_OLDEST, NULL);
  g_object_set (add_node (graph, "worker", "w", 620, 120),
                "service-ms", 40, "concurrency", 3, NULL);
  g_object_set (add_node (graph, "batch", "b", 620, 240), "size", 4, "window-ms", 0, NULL);
  add_node (graph, "counter", "n", 800, 120);
  g_object_set (add_node (graph, "log", "log", 800, 240), "keep", 7, NULL);
  g_object_set (add_node (graph, "plot", "plot", 12.25, -3.5), "keep", 9, NULL);

  add_wire (graph, "orders:out", "big:in");
  wire = add_wire (graph, "big:out", "q:in");
  swy_wire_set_mode (wire, SWY_WIRE_MODE_QUEUED);
  swy_wire_set_latency_ms (wire, 50);
  swy_wire_set_priority (wire, SWY_PRIORITY_HIGH);
  swy_wire_set_subscription (wire, "orders/#");
  swy_wire_set_loss (wire, 0.1);
  swy_wire_set_jitter_ms (wire, 20);
  wire = add_wire (graph, "q:out", "w:in");
  swy_wire_set_blocked (wire, TRUE);
  add_wire (graph, "w:out", "n:in");
  wire = add_wire (graph, "random:out", "hub:in");
  swy_wire_set_mode (wire, SWY_WIRE_MODE_QUEUED);
  swy_wire_set_priority (wire, SWY_PRIORITY_IDLE);
  add_wire (graph, "hub:out", "plot:in");

  json_parser_load_from_data (parser,
                              "{\"lesson\": {\"zeta\": 1, \"alpha\": [1.0, 0.5, \"x\", null,"
                              " {\"b\": true, \"a\": false}], \"big\": 9007199254740993},"
                              " \"zz-future\": {\"k\": 1e-7}}", -1, &error);
  g_assert_no_error (error);
  swy_graph_set_extra (graph, json_node_get_object (json_parser_get_root (parser)));

  return graph;
}

static void
test_round_trip (void)
{
  g_autoptr(SwyGraph) graph = build_rich_graph ();
  g_autoptr(SwyGraph) loaded = NULL;
  g_autoptr(SwyGraph) again = NULL;
  g_autofree char *text = save (graph);
  g_autofree char *text2 = NULL;
  g_autofree char *text3 = NULL;

  loaded = load_ok (text);
  assert_same_graph (graph, loaded);
  text2 = save (loaded);
  g_assert_cmpstr (text, ==, text2);

  again = load_ok (text2);
  text3 = save (again);
  g_assert_cmpstr (text2, ==, text3);

  /* Values survive exactly, and unknown members keep their order and types. */
  g_assert_nonnull (strstr (text, "\"title\": \"Everything “at once”\\n\\ttab \\\\ slash\""));
  g_assert_nonnull (strstr (text, "\"scale\": 0.1,"));
  g_assert_nonnull (strstr (text, "\"x\": 12.25,\n      \"y\": -3.5,"));
  g_assert_nonnull (strstr (text, "\"overflow\": \"drop-oldest\""));
  g_assert_nonnull (strstr (text, "\"op\": \"ge\""));
  g_assert_nonnull (strstr (text,
                            "  \"lesson\": {\n"
                            "    \"zeta\": 1,\n"
                            "    \"alpha\": [\n"
                            "      1.0,\n"
                            "      0.5,\n"
                            "      \"x\",\n"
                            "      null,\n"
                            "      {\n"
                            "        \"b\": true,\n"
                            "        \"a\": false\n"
                            "      }\n"
                            "    ],\n"
                            "    \"big\": 9007199254740993\n"
                            "  },\n"
                            "  \"zz-future\": {\n"
                            "    \"k\": 1e-07\n"
                            "  }\n"
                            "}\n"));

  g_assert_finalize_object (g_steal_pointer (&again));
  g_assert_finalize_object (g_steal_pointer (&loaded));
  g_assert_finalize_object (g_steal_pointer (&graph));
}

/* The exact text: key order, defaults left out, two-space indents. */
static void
test_canonical_text (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autofree char *text = NULL;
  SwyWire *wire;

  swy_graph_set_title (graph, "Hello");
  swy_graph_set_seed (graph, 7);
  swy_graph_set_max_hops (graph, 100);
  g_object_set (add_node (graph, "timer", "tick", 80, 120), "count", 3, NULL);
  add_node (graph, "counter", "count", 260, 120);
  add_node (graph, "queue", "q", 440.5, 120);
  add_wire (graph, "tick:out", "count:in");
  wire = add_wire (graph, "tick:out", "q:in");
  swy_wire_set_mode (wire, SWY_WIRE_MODE_QUEUED);
  swy_wire_set_latency_ms (wire, 50);

  text = save (graph);
  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"format\": \"switchyard\",\n"
                   "  \"version\": 1,\n"
                   "  \"title\": \"Hello\",\n"
                   "  \"seed\": 7,\n"
                   "  \"settings\": {\n"
                   "    \"max-hops\": 100\n"
                   "  },\n"
                   "  \"nodes\": [\n"
                   "    {\n"
                   "      \"id\": \"tick\",\n"
                   "      \"type\": \"timer\",\n"
                   "      \"x\": 80,\n"
                   "      \"y\": 120,\n"
                   "      \"properties\": {\n"
                   "        \"count\": 3\n"
                   "      }\n"
                   "    },\n"
                   "    {\n"
                   "      \"id\": \"count\",\n"
                   "      \"type\": \"counter\",\n"
                   "      \"x\": 260,\n"
                   "      \"y\": 120\n"
                   "    },\n"
                   "    {\n"
                   "      \"id\": \"q\",\n"
                   "      \"type\": \"queue\",\n"
                   "      \"x\": 440.5,\n"
                   "      \"y\": 120\n"
                   "    }\n"
                   "  ],\n"
                   "  \"wires\": [\n"
                   "    {\n"
                   "      \"from\": \"tick:out\",\n"
                   "      \"to\": \"count:in\"\n"
                   "    },\n"
                   "    {\n"
                   "      \"from\": \"tick:out\",\n"
                   "      \"to\": \"q:in\",\n"
                   "      \"mode\": \"queued\",\n"
                   "      \"latency-ms\": 50\n"
                   "    }\n"
                   "  ]\n"
                   "}\n");
}

static void
test_empty_graph (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autoptr(SwyGraph) loaded = NULL;
  g_autofree char *text = save (graph);

  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"format\": \"switchyard\",\n"
                   "  \"version\": 1,\n"
                   "  \"seed\": 0,\n"
                   "  \"nodes\": [],\n"
                   "  \"wires\": []\n"
                   "}\n");

  /* nodes and wires may be left out. */
  loaded = load_ok (HEAD "}");
  g_assert_cmpuint (g_list_model_get_n_items (swy_graph_get_nodes (loaded)), ==, 0);
  g_assert_null (swy_graph_get_title (loaded));
  g_assert_null (swy_graph_get_extra (loaded));
}

/* Unknown top-level members come back after the known ones, in their
 * order; members of extra that would shadow known ones are not written. */
static void
test_unknown_members (void)
{
  g_autoptr(SwyGraph) graph = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  JsonNode *lesson;

  graph = load_ok ("{\"zebra\": 1, \"format\": \"switchyard\", \"lesson\": {\"steps\": [],"
                   " \"x-y\": {\"deep\": [1, 2.5e10]}}, \"version\": 1, \"alpha\": \"a\"}");
  extra = json_object_ref (swy_graph_get_extra (graph));
  g_assert_cmpuint (json_object_get_size (extra), ==, 3);
  lesson = json_object_get_member (extra, "lesson");
  g_assert_true (JSON_NODE_HOLDS_OBJECT (lesson));
  g_assert_true (json_object_has_member (json_node_get_object (lesson), "x-y"));

  text = save (graph);
  g_assert_nonnull (strstr (text,
                            "  \"wires\": [],\n"
                            "  \"zebra\": 1,\n"
                            "  \"lesson\": {\n"
                            "    \"steps\": [],\n"
                            "    \"x-y\": {\n"
                            "      \"deep\": [\n"
                            "        1,\n"
                            "        25000000000.0\n"
                            "      ]\n"
                            "    }\n"
                            "  },\n"
                            "  \"alpha\": \"a\"\n"
                            "}\n"));

  /* A reserved name in extra is ignored on save. */
  json_object_set_int_member (extra, "version", 99);
  json_object_set_string_member (extra, "nodes", "oops");
  text2 = save (graph);
  g_assert_cmpstr (text, ==, text2);
}

static void
test_numbers (void)
{
  g_autoptr(SwyGraph) graph = NULL;
  g_autoptr(SwyGraph) loaded = NULL;
  g_autofree char *text = NULL;
  SwyNode *node;

  /* An integral double is an integer; 1e2 is 100. */
  graph = load_ok (HEAD ", \"nodes\": [{\"id\": \"q\", \"type\": \"queue\","
                   " \"properties\": {\"capacity\": 5.0}}, {\"id\": \"t\", \"type\": \"timer\","
                   " \"x\": 1e2, \"properties\": {\"interval-ms\": 1e2}}]}");
  node = swy_graph_lookup_node (graph, "q");
  g_assert_cmpuint (swy_queue_node_get_capacity (SWY_QUEUE_NODE (node)), ==, 5);
  node = swy_graph_lookup_node (graph, "t");
  g_assert_cmpuint (swy_timer_node_get_interval_ms (SWY_TIMER_NODE (node)), ==, 100);
  g_assert_cmpfloat (swy_node_get_x (node), ==, 100.0);
  g_clear_object (&graph);

  /* Doubles come back bit for bit, written as short as possible. */
  graph = swy_graph_new ();
  node = add_node (graph, "poisson", "p", 0.1 + 0.2, 1e-300);
  g_object_set (node, "rate-hz", 1000000.0, "value-min", -1e300, "value-max", 1.0 / 3.0, NULL);
  text = save (graph);
  g_assert_nonnull (strstr (text, "\"x\": 0.30000000000000004,"));
  g_assert_nonnull (strstr (text, "\"y\": 1e-300,"));
  g_assert_nonnull (strstr (text, "\"rate-hz\": 1000000,"));
  g_assert_nonnull (strstr (text, "\"value-min\": -1e+300,"));
  g_assert_nonnull (strstr (text, "\"value-max\": 0.333333333333333"));
  loaded = load_ok (text);
  assert_same_graph (graph, loaded);
}

static void
test_large_seed (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autoptr(SwyGraph) loaded = NULL;
  g_autofree char *text = NULL;

  swy_graph_set_seed (graph, G_MAXUINT64);
  text = save (graph);
  g_assert_nonnull (strstr (text, "\"seed\": \"18446744073709551615\","));
  loaded = load_ok (text);
  g_assert_cmpuint (swy_graph_get_seed (loaded), ==, G_MAXUINT64);
  g_clear_object (&loaded);

  loaded = load_ok (HEAD ", \"seed\": 9223372036854775807}");
  g_assert_cmpuint (swy_graph_get_seed (loaded), ==, G_MAXINT64);
}

#include "bad-inputs.h"

static void
test_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      const BadInput *bad = &bad_inputs[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(SwyGraph) graph = NULL;
      /* Escaped: some inputs are not UTF-8, and the test's output must be. */
      g_autofree char *shown = g_strescape (bad->text, NULL);

      g_test_message ("input %u: %s", i, shown);
      graph = swy_graph_new_from_data (bad->text, -1, &error);
      g_assert_null (graph);
      g_assert_error (error, SWY_GRAPH_ERROR, (int)bad->code);
      /* json-glib words its own syntax errors: match the place only. */
      if (g_str_has_suffix (bad->message, "*"))
        {
          g_autofree char *prefix = g_strndup (bad->message, strlen (bad->message) - 1);

          g_assert_true (g_str_has_prefix (error->message, prefix));
        }
      else
        g_assert_cmpstr (error->message, ==, bad->message);
    }
}

static void
test_nesting_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (HEAD ", \"lesson\": ");
  g_autoptr(SwyGraph) graph = NULL;

  /* Deep enough to overflow a recursive parser's stack. */
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (text, '[');

  graph = swy_graph_new_from_data (text->str, text->len, &error);
  g_assert_null (graph);
  g_assert_error (error, SWY_GRAPH_ERROR, SWY_GRAPH_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "line 1, column 305: nesting deeper than 256 levels");
}

/* The nesting limit holds after text that made the check stop early and
 * left the rest to json-glib's recursive parser, which then overflowed the
 * stack: a comment, a line break in a string, a duplicate key. */
static void
test_nesting_limit_not_bypassed (void)
{
  static const char * const prefixes[] = {
    "/**/",
    HEAD ", \"title\": \"a\nb\", \"lesson\": ",
    HEAD ", \"title\": \"a\", \"title\": \"b\", \"lesson\": ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) text = g_string_new (prefixes[i]);
      g_autoptr(SwyGraph) graph = NULL;

      for (guint j = 0; j < 200000; j++)
        g_string_append_c (text, '[');

      graph = swy_graph_new_from_data (text->str, text->len, &error);
      g_assert_null (graph);
      g_assert_error (error, SWY_GRAPH_ERROR, SWY_GRAPH_ERROR_SYNTAX);
    }
}

/* Escapes decode to UTF-8, surrogate pairs included, and save as text. */
static void
test_escapes (void)
{
  g_autoptr(SwyGraph) graph = NULL;
  g_autoptr(SwyGraph) again = NULL;
  g_autofree char *text = NULL;

  graph = load_ok (HEAD ", \"title\": \"\\ud83d\\ude00 caf\\u00e9 \\\"\\t\\/\"}");
  g_assert_cmpstr (swy_graph_get_title (graph), ==, "\xF0\x9F\x98\x80 caf\xC3\xA9 \"\t/");

  text = save (graph);
  again = load_ok (text);
  g_assert_cmpstr (swy_graph_get_title (again), ==, swy_graph_get_title (graph));
}

static void
test_byte_order_mark (void)
{
  g_autoptr(SwyGraph) graph = load_ok ("\xEF\xBB\xBF" HEAD ", \"title\": \"BOM\"}");

  g_assert_cmpstr (swy_graph_get_title (graph), ==, "BOM");
}

static void
test_length (void)
{
  const char text[] = HEAD ", \"title\": \"x\"}GARBAGE";
  g_autoptr(GError) error = NULL;
  g_autoptr(SwyGraph) graph = NULL;

  graph = swy_graph_new_from_data (text, strlen (text) - strlen ("GARBAGE"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (swy_graph_get_title (graph), ==, "x");
  g_clear_object (&graph);

  /* An embedded nul is not text. */
  graph = swy_graph_new_from_data ("{\"a\":\0}", 7, &error);
  g_assert_error (error, SWY_GRAPH_ERROR, SWY_GRAPH_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "line 1, column 6: the text is not valid UTF-8");
}

/* Opening a file interns none of its node ids as quarks, which would stay
 * for the life of the process, whether the load works or fails: only a
 * trace that records the node does. */
static void
test_ids_not_interned (void)
{
  g_autofree char *id = g_strdup_printf ("never-interned-%08x", g_random_int ());
  g_autofree char *good = g_strdup_printf (HEAD ", \"nodes\": [{\"id\": \"%s\", \"type\": \"timer\","
                                           " \"properties\": {\"count\": 1}}]}", id);
  g_autofree char *bad = g_strdup_printf (HEAD ", \"nodes\": [{\"id\": \"%s-bad\", \"type\": \"timer\"},"
                                          " {\"id\": \"x\", \"type\": \"no-such-type\"}]}", id);
  g_autofree char *bad_id = g_strdup_printf ("%s-bad", id);
  g_autoptr(GError) error = NULL;
  g_autoptr(SwyGraph) graph = NULL;
  g_autoptr(SwyGraph) failed = NULL;

  failed = swy_graph_new_from_data (bad, -1, &error);
  g_assert_null (failed);
  g_assert_error (error, SWY_GRAPH_ERROR, SWY_GRAPH_ERROR_UNKNOWN_TYPE);
  g_assert_cmpuint (g_quark_try_string (bad_id), ==, 0);

  graph = load_ok (good);
  g_assert_cmpuint (g_quark_try_string (id), ==, 0);

  swy_graph_run_fast (graph, -1);
  g_assert_cmpuint (swy_trace_get_n_total (swy_graph_get_trace (graph)), >, 0);
  g_assert_cmpuint (g_quark_try_string (id), !=, 0);
  g_assert_cmpuint (g_quark_try_string (bad_id), ==, 0);
}

/* A failed load builds nothing the caller sees: the graph already open is
 * untouched and still saves to the same text. */
static void
test_failed_load_keeps_graph (void)
{
  g_autoptr(SwyGraph) graph = build_rich_graph ();
  g_autoptr(SwyGraph) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = save (graph);
  g_autofree char *after = NULL;
  g_autofree char *broken = NULL;

  /* The same file with a dangling last wire. */
  broken = g_strdup (before);
  memcpy (strstr (broken, "\"to\": \"plot:in\""), "\"to\": \"plot:xx\"", 15);
  bad = swy_graph_new_from_data (broken, -1, &error);
  g_assert_null (bad);
  g_assert_error (error, SWY_GRAPH_ERROR, SWY_GRAPH_ERROR_BAD_PORT);
  g_assert_true (g_str_has_prefix (error->message, "wire 5 (line "));

  after = save (graph);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (g_list_model_get_n_items (swy_graph_get_nodes (graph)), ==, 16);
  g_assert_cmpuint (g_list_model_get_n_items (swy_graph_get_wires (graph)), ==, 6);
  g_assert_finalize_object (g_steal_pointer (&graph));
}

/* A loaded graph runs: timer -> filter -> counter. */
static void
test_loaded_graph_runs (void)
{
  g_autoptr(SwyGraph) graph = NULL;
  SwyNode *counter;

  graph = load_ok (HEAD ", \"nodes\": ["
                   "{\"id\": \"t\", \"type\": \"timer\", \"properties\": {\"interval-ms\": 10, \"count\": 6}},"
                   "{\"id\": \"f\", \"type\": \"filter\", \"properties\": {\"field\": \"seq\", \"op\": \"gt\","
                   " \"operand\": 2}},"
                   "{\"id\": \"c\", \"type\": \"counter\"}],"
                   "\"wires\": [{\"from\": \"t:out\", \"to\": \"f:in\"},"
                   " {\"from\": \"f:out\", \"to\": \"c:in\", \"mode\": \"queued\", \"latency-ms\": 5}]}");
  swy_graph_run_fast (graph, -1);
  counter = swy_graph_lookup_node (graph, "c");
  g_assert_cmpuint (swy_counter_node_get_count (SWY_COUNTER_NODE (counter)), ==, 4);
  g_assert_cmpint (swy_graph_get_now (graph), ==, 65000);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;

  return n;
}

static void
test_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwyGraph) graph = build_rich_graph ();
  g_autoptr(SwyGraph) loaded = NULL;
  g_autoptr(SwyGraph) other = swy_graph_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) link = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = g_dir_make_tmp ("swy-io-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *link_path = NULL;
  g_autofree char *text = save (graph);
  g_autofree char *contents = NULL;
  struct stat st1, st2;

  g_assert_no_error (error);
  path = g_build_filename (dir, "graph.swy", NULL);
  file = g_file_new_for_path (path);

  g_assert_true (swy_graph_save_to_file (graph, file, NULL, &error));
  g_assert_no_error (error);
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, text);
  g_clear_pointer (&contents, g_free);

  loaded = swy_graph_new_from_file (file, NULL, &error);
  g_assert_no_error (error);
  assert_same_graph (graph, loaded);

  /* Replacing goes through a new file renamed over the old one, which keeps
   * its permissions, and leaves nothing else behind. */
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_cmpint (g_stat (path, &st1), ==, 0);
  g_assert_true (swy_graph_save_to_file (other, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st2), ==, 0);
  g_assert_cmpuint (st1.st_ino, !=, st2.st_ino);
  g_assert_cmpint (st2.st_mode & 0777, ==, 0640);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* A symbolic link stays a link; its target gets the content. */
  link_path = g_build_filename (dir, "link.swy", NULL);
  g_assert_cmpint (symlink ("graph.swy", link_path), ==, 0);
  link = g_file_new_for_path (link_path);
  g_assert_true (swy_graph_save_to_file (graph, link, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, text);
  g_clear_pointer (&contents, g_free);

  /* A cancelled save writes nothing. */
  g_cancellable_cancel (cancellable);
  g_assert_false (swy_graph_save_to_file (other, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, text);
  g_clear_pointer (&contents, g_free);

  /* Failures are GIO errors that name the file, and leave no debris. */
  missing = g_file_new_build_filename (dir, "no", "such", "dir.swy", NULL);
  g_assert_false (swy_graph_save_to_file (graph, missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "dir.swy"));
  g_clear_error (&error);
  g_assert_null (swy_graph_new_from_file (missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&missing);
  missing = g_file_new_for_path (dir);
  g_assert_false (swy_graph_save_to_file (graph, missing, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);
  g_clear_error (&error);
  g_assert_cmpuint (count_entries (dir), ==, 2);

  /* Content errors from a file are graph errors. */
  g_assert_true (g_file_set_contents (path, "{\"format\": \"switchyard\"}", -1, NULL));
  g_clear_object (&loaded);
  loaded = swy_graph_new_from_file (file, NULL, &error);
  g_assert_null (loaded);
  g_assert_error (error, SWY_GRAPH_ERROR, SWY_GRAPH_ERROR_VERSION);
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (link_path), ==, 0);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A node type outside the catalog, as a program may define. */
typedef struct
{
  SwyNode parent_instance;
  int     level;
} TestCustomNode;

typedef struct
{
  SwyNodeClass parent_class;
} TestCustomNodeClass;

static GType test_custom_node_get_type (void);
G_DEFINE_TYPE (TestCustomNode, test_custom_node, SWY_TYPE_NODE)

static void
test_custom_node_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  g_value_set_int (value, ((TestCustomNode *)object)->level);
}

static void
test_custom_node_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ((TestCustomNode *)object)->level = g_value_get_int (value);
}

static void
test_custom_node_class_init (TestCustomNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_custom_node_get_property;
  object_class->set_property = test_custom_node_set_property;
  g_object_class_install_property (object_class, 1,
                                   g_param_spec_int ("level", NULL, NULL, -10, 10, 0,
                                                     G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
}

static void
test_custom_node_init (TestCustomNode *self)
{
  swy_node_add_port (SWY_NODE (self), "in", SWY_PORT_DIRECTION_INPUT);
}

/* Its GType name stands for the type; loading reports it as unknown. */
static void
test_custom_type (void)
{
  g_autoptr(SwyGraph) graph = swy_graph_new ();
  g_autoptr(SwyNode) node = g_object_new (test_custom_node_get_type (), "id", "mine",
                                          "level", -3, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (swy_graph_add_node (graph, node, &error));
  text = save (graph);
  g_assert_nonnull (strstr (text,
                            "      \"id\": \"mine\",\n"
                            "      \"type\": \"TestCustomNode\",\n"
                            "      \"x\": 0,\n"
                            "      \"y\": 0,\n"
                            "      \"properties\": {\n"
                            "        \"level\": -3\n"
                            "      }\n"));
  g_assert_null (swy_graph_new_from_data (text, -1, &error));
  g_assert_error (error, SWY_GRAPH_ERROR, SWY_GRAPH_ERROR_UNKNOWN_TYPE);
  g_assert_true (g_str_has_prefix (error->message,
                                   "node 0 “mine” (line 6): unknown node type “TestCustomNode”"));
}

/* engine.md section 4 names the queue's overflow policies drop-newest and
 * drop-oldest; the file format uses enum nicks, so the nicks must match. */
static void
test_overflow_nicks (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (SWY_TYPE_OVERFLOW);

  g_assert_cmpstr (g_enum_get_value (klass, SWY_OVERFLOW_DROP_NEWEST)->value_nick, ==,
                   "drop-newest");
  g_assert_cmpstr (g_enum_get_value (klass, SWY_OVERFLOW_DROP_OLDEST)->value_nick, ==,
                   "drop-oldest");
}

/* Every example loads, is saved in canonical form (saving gives the same
 * bytes), and runs to a bounded end. */
static void
test_examples (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (SWY_EXAMPLES_DIR, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".swy"))
      g_ptr_array_add (names, g_strdup (name));
  g_assert_cmpuint (names->len, >=, 5);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (SWY_EXAMPLES_DIR, names->pdata[i], NULL);
      g_autofree char *contents = read_file (path);
      g_autofree char *text = NULL;
      g_autoptr(SwyGraph) graph = NULL;

      g_test_message ("example %s", (char *)names->pdata[i]);
      graph = load_ok (contents);
      g_assert_nonnull (swy_graph_get_title (graph));
      text = save (graph);
      g_assert_cmpstr (text, ==, contents);

      swy_graph_run_fast (graph, G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC);
      g_assert_cmpuint (swy_graph_get_total_emitted (graph), >, 0);
      g_assert_finalize_object (g_steal_pointer (&graph));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Swy/IO/round-trip", test_round_trip);
  g_test_add_func ("/Swy/IO/canonical-text", test_canonical_text);
  g_test_add_func ("/Swy/IO/empty-graph", test_empty_graph);
  g_test_add_func ("/Swy/IO/unknown-members", test_unknown_members);
  g_test_add_func ("/Swy/IO/numbers", test_numbers);
  g_test_add_func ("/Swy/IO/large-seed", test_large_seed);
  g_test_add_func ("/Swy/IO/errors", test_errors);
  g_test_add_func ("/Swy/IO/nesting-limit", test_nesting_limit);
  g_test_add_func ("/Swy/IO/nesting-limit-not-bypassed", test_nesting_limit_not_bypassed);
  g_test_add_func ("/Swy/IO/escapes", test_escapes);
  g_test_add_func ("/Swy/IO/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/Swy/IO/length", test_length);
  g_test_add_func ("/Swy/IO/failed-load-keeps-graph", test_failed_load_keeps_graph);
  g_test_add_func ("/Swy/IO/ids-not-interned", test_ids_not_interned);
  g_test_add_func ("/Swy/IO/loaded-graph-runs", test_loaded_graph_runs);
  g_test_add_func ("/Swy/IO/files", test_files);
  g_test_add_func ("/Swy/IO/custom-type", test_custom_type);
  g_test_add_func ("/Swy/IO/overflow-nicks", test_overflow_nicks);
  g_test_add_func ("/Swy/IO/examples", test_examples);

  return g_test_run ();
}
