/* test-trace-io.c: trace CSV export and JSON lines import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "swy-test-util.h"

static char *
write_trace (SwyTrace *trace,
             gboolean  csv)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  if (csv)
    g_assert_true (swy_trace_write_csv (trace, stream, NULL, &error));
  else
    g_assert_true (swy_trace_write_jsonl (trace, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static gboolean
read_text (SwyTrace    *trace,
           const char  *text,
           GError     **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (text, -1, NULL);

  return swy_trace_read_jsonl (trace, stream, NULL, error);
}

/* The throttle graph of test-trace.c, with a topic that needs quoting. */
static SwyGraph *
throttle_graph (const char *topic)
{
  SwyGraph *graph = swy_graph_new ();
  SwyNode *button = add_node (graph, "button", "btn");

  add_node (graph, "throttle", "th");
  add_node (graph, "counter", "c");
  g_object_set (button, "topic", topic, NULL);
  add_wire (graph, "btn:out", "th:in");
  add_queued_wire (graph, "th:out", "c:in", 2);

  swy_graph_fire_button (graph, "btn", NULL);
  swy_graph_fire_button (graph, "btn", NULL);
  swy_graph_run_fast (graph, -1);

  return graph;
}

/* Splits RFC 4180 text into rows of fields; fails the test on a bare
 * quote inside a field or a line not ended by CR LF. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      if (*p == '"' && field->len == 0)
        {
          for (p++; !(*p == '"' && p[1] != '"'); p++)
            {
              g_assert_true (*p != '\0');
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          p++;
          g_assert_true (*p == ',' || *p == '\r');
          continue;
        }
      if (*p == ',')
        {
          g_ptr_array_add (row, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          p++;
          continue;
        }
      if (*p == '\r')
        {
          g_assert_true (p[1] == '\n');
          g_ptr_array_add (row, g_string_free (field, FALSE));
          field = g_string_new (NULL);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p += 2;
          continue;
        }
      g_assert_true (*p != '"' && *p != '\n');
      g_string_append_c (field, *p++);
    }

  g_assert_cmpuint (field->len, ==, 0);
  g_assert_cmpuint (row->len, ==, 0);
  g_string_free (field, TRUE);
  g_ptr_array_unref (row);

  return rows;
}

static const char *
cell (GPtrArray *rows,
      guint      row,
      guint      column)
{
  return g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, row), column);
}

static void
test_csv (void)
{
  g_autoptr(SwyGraph) graph = throttle_graph ("door/\"front\",back");
  g_autofree char *csv = write_trace (swy_graph_get_trace (graph), TRUE);
  g_autoptr(GPtrArray) rows = parse_csv (csv);
  g_auto(GStrv) columns = g_strsplit (SWY_TRACE_CSV_COLUMNS, ",", -1);

  /* The header, then one row per record, every row as wide as the header. */
  g_assert_true (g_str_has_prefix (csv, SWY_TRACE_CSV_COLUMNS "\r\n"));
  g_assert_cmpuint (rows->len, ==, 1 + 7);
  g_assert_cmpuint (g_strv_length (columns), ==, 11);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, i))->len, ==, 11);
  for (guint j = 0; j < 11; j++)
    g_assert_cmpstr (cell (rows, 0, j), ==, columns[j]);

  /* Quoting: the topic's quotes and comma, the payload's commas. */
  g_assert_nonnull (strstr (csv, "\r\n0,emit,1,0,btn,out,-1,\"door/\"\"front\"\",back\",0,,"
                                 "\"{'seq': <int64 1>, 'value': <1.0>}\"\r\n"));
  g_assert_cmpstr (cell (rows, 1, 7), ==, "door/\"front\",back");
  g_assert_cmpstr (cell (rows, 1, 10), ==, "{'seq': <int64 1>, 'value': <1.0>}");

  /* reason is filled for the drop only. */
  for (guint i = 1; i < rows->len; i++)
    {
      gboolean drop = g_str_equal (cell (rows, i, 1), "drop");

      g_assert_cmpstr (cell (rows, i, 9), ==, drop ? "throttled" : "");
    }
  g_assert_cmpstr (cell (rows, 6, 1), ==, "drop");
  g_assert_cmpstr (cell (rows, 7, 0), ==, "2000");
  g_assert_cmpstr (cell (rows, 7, 4), ==, "c");
  g_assert_cmpstr (cell (rows, 7, 6), ==, "1");
}

static void
test_jsonl_round_trip (void)
{
  g_autoptr(SwyGraph) graph = throttle_graph ("door/\"front\"\n\\ünï");
  g_autoptr(SwyTrace) imported = swy_trace_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *jsonl = NULL;
  g_autofree char *again = NULL;
  SwyTrace *trace = swy_graph_get_trace (graph);
  guint n;

  /* More traffic: a queue, loss and a map make parents, drops and waits. */
  {
    SwyNode *burst = add_node (graph, "burst", "b");
    SwyNode *queue = add_node (graph, "queue", "q");
    SwyWire *lossy;

    add_node (graph, "map", "m");
    add_node (graph, "worker", "w");
    g_object_set (burst, "count", 12, "at-ms", 5, NULL);
    g_object_set (queue, "capacity", 3, NULL);
    add_wire (graph, "b:out", "m:in");
    lossy = add_wire (graph, "m:out", "q:in");
    swy_wire_set_loss (lossy, 0.3);
    add_queued_wire (graph, "q:out", "w:in", 1);
    swy_graph_reset (graph);
    swy_graph_fire_button (graph, "btn", NULL);
    swy_graph_run_fast (graph, -1);
  }

  jsonl = write_trace (trace, FALSE);
  g_assert_true (read_text (imported, jsonl, &error));
  g_assert_no_error (error);

  /* The same records, field by field... */
  n = g_list_model_get_n_items (G_LIST_MODEL (trace));
  g_assert_cmpuint (n, >, 40);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (imported)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyTraceRecord) a = swy_trace_get_record (trace, i);
      g_autoptr(SwyTraceRecord) b = swy_trace_get_record (imported, i);
      g_autofree char *pa = swy_trace_record_dup_payload_string (a);
      g_autofree char *pb = swy_trace_record_dup_payload_string (b);

      g_assert_cmpint (swy_trace_record_get_time (a), ==, swy_trace_record_get_time (b));
      g_assert_cmpint (swy_trace_record_get_kind (a), ==, swy_trace_record_get_kind (b));
      g_assert_cmpuint (swy_trace_record_get_event_id (a), ==, swy_trace_record_get_event_id (b));
      g_assert_cmpuint (swy_trace_record_get_parent_id (a), ==, swy_trace_record_get_parent_id (b));
      g_assert_cmpstr (swy_trace_record_get_node_id (a), ==, swy_trace_record_get_node_id (b));
      g_assert_cmpstr (swy_trace_record_get_port (a), ==, swy_trace_record_get_port (b));
      g_assert_cmpint (swy_trace_record_get_wire (a), ==, swy_trace_record_get_wire (b));
      g_assert_cmpuint (swy_trace_record_get_depth (a), ==, swy_trace_record_get_depth (b));
      g_assert_cmpstr (swy_trace_record_get_reason (a), ==, swy_trace_record_get_reason (b));
      g_assert_cmpstr (swy_trace_record_get_topic (a), ==, swy_trace_record_get_topic (b));
      g_assert_cmpstr (pa, ==, pb);
      g_assert_true (g_variant_equal (swy_event_get_payload (swy_trace_record_get_event (a)),
                                      swy_event_get_payload (swy_trace_record_get_event (b))));
    }

  /* ...and the same text when written again. */
  again = write_trace (imported, FALSE);
  g_assert_cmpstr (again, ==, jsonl);

  /* Lines naming one event share it. */
  {
    g_autoptr(SwyTraceRecord) first = swy_trace_get_record (imported, 0);
    g_autoptr(SwyTraceRecord) second = swy_trace_get_record (imported, 1);

    g_assert_cmpuint (swy_trace_record_get_event_id (first), ==, swy_trace_record_get_event_id (second));
    g_assert_true (swy_trace_record_get_event (first) == swy_trace_record_get_event (second));
  }
}

static void
test_jsonl_lenient (void)
{
  g_autoptr(SwyTrace) trace = swy_trace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SwyTraceRecord) record = NULL;
  const char *text =
    "{\"t_us\":5,\"kind\":\"drop\",\"event\":7,\"parent\":2,\"node\":\"n\",\"port\":\"\","
    "\"wire\":-1,\"topic\":\"t\",\"depth\":0,\"payload\":\"@a{sv} {}\",\"reason\":\"removed\","
    "\"future\":[1,2]}\r\n"
    "\r\n"
    "\n";

  /* CR LF, trailing empty lines and unknown members are fine. */
  g_assert_true (read_text (trace, text, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trace)), ==, 1);
  record = swy_trace_get_record (trace, 0);
  g_assert_cmpint (swy_trace_record_get_kind (record), ==, SWY_TRACE_KIND_DROP);
  g_assert_cmpstr (swy_trace_record_get_reason (record), ==, "removed");
  g_assert_cmpstr (swy_trace_record_get_port (record), ==, "");
  g_assert_cmpuint (swy_trace_record_get_parent_id (record), ==, 2);
  g_assert_cmpint (swy_event_get_created (swy_trace_record_get_event (record)), ==, 5);

  /* An empty file is an empty trace. */
  g_assert_true (read_text (trace, "", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trace)), ==, 1);
}

#define GOOD "{\"t_us\":10,\"kind\":\"emit\",\"event\":1,\"parent\":0,\"node\":\"a\",\"port\":\"out\"," \
             "\"wire\":-1,\"topic\":\"tick\",\"depth\":0,\"payload\":\"{'seq': <int64 1>}\"}\n"

static void
test_jsonl_errors (void)
{
  struct {
    const char *text;
    const char *message;
  } cases[] = {
    { GOOD "{\"t_us\":10,\n",
      "Line 2: not JSON, at column 11: unexpected character" },
    { GOOD GOOD "[1,2]\n",
      "Line 3: a record must be a JSON object" },
    { "{\"kind\":\"emit\"}\n",
      "Line 1: “t_us” is missing" },
    { GOOD "{\"t_us\":\"10\",\"kind\":\"emit\"}\n",
      "Line 2: “t_us” must be an integer" },
    { GOOD "{\"t_us\":1.5,\"kind\":\"emit\"}\n",
      "Line 2: “t_us” must be an integer" },
    { "{\"t_us\":-4,\"kind\":\"emit\"}\n",
      "Line 1: “t_us” is -4, out of range (0 to 9223372036854775807)" },
    { GOOD "{\"t_us\":12,\"kind\":\"send\"}\n",
      "Line 2: “kind” must be “emit”, “deliver” or “drop”, not “send”" },
    { "{\"t_us\":12,\"kind\":\"emit\",\"event\":0}\n",
      "Line 1: “event” is 0, out of range (1 to 9223372036854775807)" },
    { "{\"t_us\":12,\"kind\":\"emit\",\"event\":1,\"parent\":0,\"node\":3}\n",
      "Line 1: “node” must be a string" },
    { "{\"t_us\":12,\"kind\":\"emit\",\"event\":1,\"parent\":0,\"node\":\"a\",\"port\":\"out\","
      "\"wire\":-2}\n",
      "Line 1: “wire” is -2, out of range (-1 to 2147483647)" },
    { "{\"t_us\":12,\"kind\":\"emit\",\"event\":1,\"parent\":0,\"node\":\"a\",\"port\":\"out\","
      "\"wire\":-1,\"topic\":\"t\",\"depth\":0,\"payload\":\"{'seq': <int64 1>\"}\n",
      "Line 1: “payload” is not a GVariant text, at character 18: expected" },
    { "{\"t_us\":12,\"kind\":\"drop\",\"event\":1,\"parent\":0,\"node\":\"a\",\"port\":\"in\","
      "\"wire\":-1,\"topic\":\"t\",\"depth\":0,\"payload\":\"@a{sv} {}\"}\n",
      "Line 1: “reason” is missing" },
    { "{\"t_us\":12,\"kind\":\"emit\",\"event\":1,\"parent\":0,\"node\":\"\",\"port\":\"out\","
      "\"wire\":-1,\"topic\":\"t\",\"depth\":0,\"payload\":\"@a{sv} {}\"}\n",
      "Line 1: “node” is empty" },
    { GOOD "\n" GOOD,
      "Line 2: the line is empty" },
    { GOOD GOOD "{\"t_us\":9,\"kind\":\"emit\",\"event\":2,\"parent\":0,\"node\":\"a\",\"port\":\"out\","
      "\"wire\":-1,\"topic\":\"t\",\"depth\":0,\"payload\":\"@a{sv} {}\"}\n",
      "Line 3: “t_us” goes back in time: 9 after 10 on line 2" },
    { GOOD "{\"t_us\":10,\"kind\":\"deliver\",\"event\":1,\"parent\":0,\"node\":\"b\",\"port\":\"in\","
      "\"wire\":0,\"topic\":\"tock\",\"depth\":1,\"payload\":\"{'seq': <int64 1>}\"}\n",
      "Line 2: event 1 has topic “tock” here but “tick” on line 1" },
    { GOOD "{\"t_us\":10,\"kind\":\"deliver\",\"event\":1,\"parent\":0,\"node\":\"b\",\"port\":\"in\","
      "\"wire\":0,\"topic\":\"tick\",\"depth\":1,\"payload\":\"{'seq': <int64 2>}\"}\n",
      "Line 2: event 1 has another payload than on line 1" },
    { GOOD "\xff\xfe\n",
      "Line 2: the text is not UTF-8" },
    /* Strict JSON, which json-glib alone is not (found by fuzzing: a second
     * value on a line leaked the first's tree). */
    { GOOD "{\"a\": 1} {}\n",
      "Line 2: not JSON, at column 10: text after the end of the JSON value" },
    { "/* c */ {}\n",
      "Line 1: not JSON, at column 1: unexpected character “/”" },
    { "{\"t_us\": 1, \"t_us\": 2}\n",
      "Line 1: not JSON, at column 13: duplicate key “t_us”" },
    { "{\"t_us\": 18446744073709551616}\n",
      "Line 1: not JSON, at column 10: the integer 18446744073709551616 does not fit in 64 bits" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SwyTrace) trace = swy_trace_new ();
      g_autoptr(GError) error = NULL;

      g_test_message ("case %u: %s", i, cases[i].message);
      g_assert_false (read_text (trace, cases[i].text, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_test_message ("got: %s", error->message);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: expected “%s”, got “%s”", i, cases[i].message, error->message);

      /* All or nothing. */
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trace)), ==, 0);
      g_assert_cmpuint (swy_trace_get_n_total (trace), ==, 0);
    }
}

/* A line nested deep enough to overflow json-glib's recursive parser is
 * refused, not a crash. */
static void
test_jsonl_nesting (void)
{
  g_autoptr(SwyTrace) trace = swy_trace_new ();
  g_autoptr(GString) text = g_string_new (GOOD);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (text, '[');
  g_string_append_c (text, '\n');

  g_assert_false (read_text (trace, text->str, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==,
                   "Line 2: not JSON, at column 257: nesting deeper than 256 levels");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Swy/TraceIO/csv", test_csv);
  g_test_add_func ("/Swy/TraceIO/jsonl-round-trip", test_jsonl_round_trip);
  g_test_add_func ("/Swy/TraceIO/jsonl-lenient", test_jsonl_lenient);
  g_test_add_func ("/Swy/TraceIO/jsonl-errors", test_jsonl_errors);
  g_test_add_func ("/Swy/TraceIO/jsonl-nesting", test_jsonl_nesting);

  return g_test_run ();
}
