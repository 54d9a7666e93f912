/* test-export.c: trace, statistics and canvas exports; trace import and replay
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <swy.h>

#include "swy-canvas.h"
#include "swy-document.h"
#include "swy-export.h"
#include "swy-replay.h"
#include "swy-stats-model.h"

#define MS 1000

static char *
example_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
}

static SwyGraph *
load_example (const char *name)
{
  g_autofree char *path = example_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SwyGraph *graph = swy_graph_new_from_file (file, NULL, &error);

  g_assert_no_error (error);
  return graph;
}

/* A fresh file in a temporary directory, removed by the caller. */
static GFile *
temp_file (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("swy-export-XXXXXX", &error);

  g_assert_no_error (error);
  return g_file_new_build_filename (dir, name, NULL);
}

static void
remove_temp (GFile *file)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);

  g_file_delete (file, NULL, NULL);
  g_file_delete (dir, NULL, NULL);
}

static char *
read_text (GFile *file)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, &error));
  g_assert_no_error (error);

  return text;
}

static SwyGraph *
run_unreliable (void)
{
  SwyGraph *graph = load_example ("unreliable-network.swy");

  swy_graph_run_fast (graph, 3 * G_USEC_PER_SEC);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (swy_graph_get_trace (graph))), >, 50);

  return graph;
}

static void
test_export_jsonl_reimports (void)
{
  g_autoptr(SwyGraph) graph = run_unreliable ();
  g_autoptr(GFile) file = temp_file ("trace.jsonl");
  g_autoptr(SwyTrace) imported = swy_trace_new ();
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GOutputStream) again = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SwyTrace *trace = swy_graph_get_trace (graph);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (trace));
  gboolean saw_drop = FALSE;

  g_assert_true (swy_export_trace (trace, SWY_TRACE_FORMAT_JSONL, file, NULL, &error));
  g_assert_no_error (error);
  text = read_text (file);

  in = g_file_read (file, NULL, &error);
  g_assert_true (swy_trace_read_jsonl (imported, G_INPUT_STREAM (in), NULL, &error));
  g_assert_no_error (error);

  /* Identical records... */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (imported)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyTraceRecord) a = swy_trace_get_record (trace, i);
      g_autoptr(SwyTraceRecord) b = swy_trace_get_record (imported, i);
      SwyEvent *ea = swy_trace_record_get_event (a);
      SwyEvent *eb = swy_trace_record_get_event (b);

      g_assert_cmpint (swy_trace_record_get_time (a), ==, swy_trace_record_get_time (b));
      g_assert_cmpint (swy_trace_record_get_kind (a), ==, swy_trace_record_get_kind (b));
      g_assert_cmpuint (swy_event_get_id (ea), ==, swy_event_get_id (eb));
      g_assert_cmpuint (swy_event_get_parent (ea), ==, swy_event_get_parent (eb));
      g_assert_cmpstr (swy_event_get_topic (ea), ==, swy_event_get_topic (eb));
      g_assert_true (g_variant_equal (swy_event_get_payload (ea), swy_event_get_payload (eb)));
      g_assert_cmpstr (swy_trace_record_get_node_id (a), ==, swy_trace_record_get_node_id (b));
      g_assert_cmpstr (swy_trace_record_get_port (a), ==, swy_trace_record_get_port (b));
      g_assert_cmpint (swy_trace_record_get_wire (a), ==, swy_trace_record_get_wire (b));
      g_assert_cmpuint (swy_trace_record_get_depth (a), ==, swy_trace_record_get_depth (b));
      g_assert_cmpstr (swy_trace_record_get_reason (a), ==, swy_trace_record_get_reason (b));
      saw_drop |= swy_trace_record_get_kind (a) == SWY_TRACE_KIND_DROP;
    }
  g_assert_true (saw_drop);

  /* ...which write the same file again. */
  g_assert_true (swy_trace_write_jsonl (imported, again, NULL, &error));
  g_assert_true (g_output_stream_close (again, NULL, &error));
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (again)), ==, strlen (text));
  g_assert_true (memcmp (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (again)), text,
                         strlen (text)) == 0);

  remove_temp (file);
}

static void
test_export_chrome (void)
{
  g_autoptr(SwyGraph) graph = run_unreliable ();
  g_autoptr(GFile) file = temp_file ("trace.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) lanes = g_hash_table_new (g_str_hash, g_str_equal);
  SwyTrace *trace = swy_graph_get_trace (graph);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (trace));
  g_autofree char *text = NULL;
  JsonArray *events;
  guint n_records = 0, n_complete = 0, n_deliveries = 0;

  g_assert_true (swy_export_trace (trace, SWY_TRACE_FORMAT_CHROME, file, NULL, &error));
  g_assert_no_error (error);
  text = read_text (file);

  /* It parses as JSON, with one trace event per record plus metadata. */
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  events = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "traceEvents");
  g_assert_nonnull (events);

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);
      const char *ph = json_object_get_string_member (event, "ph");

      if (g_str_equal (ph, "M"))
        {
          if (g_str_equal (json_object_get_string_member (event, "name"), "thread_name"))
            g_hash_table_add (lanes, (gpointer) json_object_get_string_member (
                                       json_object_get_object_member (event, "args"), "name"));
          continue;
        }

      {
        g_autoptr(SwyTraceRecord) record = swy_trace_get_record (trace, n_records);
        JsonObject *args = json_object_get_object_member (event, "args");

        /* In order: the record's time, event and kind. */
        g_assert_cmpint (json_object_get_int_member (event, "ts"), ==, swy_trace_record_get_time (record));
        g_assert_cmpint (json_object_get_int_member (args, "event"), ==, swy_trace_record_get_event_id (record));
        g_assert_cmpint (g_str_equal (ph, "X"), ==,
                         swy_trace_record_get_kind (record) == SWY_TRACE_KIND_DELIVER);
        n_complete += g_str_equal (ph, "X");
        n_deliveries += swy_trace_record_get_kind (record) == SWY_TRACE_KIND_DELIVER;
        n_records++;
      }
    }

  g_assert_cmpuint (n_records, ==, n);
  g_assert_cmpuint (n_complete, ==, n_deliveries);
  g_assert_cmpuint (n_deliveries, >, 0);

  /* A named lane (thread) per node that appears. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyTraceRecord) record = swy_trace_get_record (trace, i);

      g_assert_true (g_hash_table_contains (lanes, swy_trace_record_get_node_id (record)));
    }

  remove_temp (file);
}

/* RFC 4180 rows: fields split on commas outside quotes, "" for a quote. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *++p);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',' || (*p == '\r' && p[1] == '\n'))
        {
          g_strv_builder_add (row, field->str);
          g_string_truncate (field, 0);
          if (*p == '\r')
            {
              g_ptr_array_add (rows, g_strv_builder_end (row));
              g_clear_pointer (&row, g_strv_builder_unref);
              row = g_strv_builder_new ();
              p++;
            }
        }
      else
        {
          g_assert_true (*p != '\n' && *p != '\r');
          g_string_append_c (field, *p);
        }
    }
  g_assert_false (quoted);
  g_assert_cmpuint (field->len, ==, 0);

  return rows;
}

static void
test_export_trace_csv (void)
{
  g_autoptr(SwyGraph) graph = run_unreliable ();
  g_autoptr(GFile) file = temp_file ("trace.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) columns = g_strsplit ("t_us,kind,event,parent,node,port,wire,topic,depth,reason,payload", ",", -1);
  SwyTrace *trace = swy_graph_get_trace (graph);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (trace));

  g_assert_true (swy_export_trace (trace, SWY_TRACE_FORMAT_CSV, file, NULL, &error));
  g_assert_no_error (error);
  text = read_text (file);
  rows = parse_csv (text);

  /* The documented columns, then a row per record with every column. */
  g_assert_cmpuint (rows->len, ==, n + 1);
  g_assert_cmpstrv (g_ptr_array_index (rows, 0), columns);
  for (guint i = 0; i < n; i++)
    {
      char **row = g_ptr_array_index (rows, i + 1);
      g_autoptr(SwyTraceRecord) record = swy_trace_get_record (trace, i);
      g_autofree char *t = g_strdup_printf ("%" G_GINT64_FORMAT, swy_trace_record_get_time (record));
      g_autofree char *payload = swy_trace_record_dup_payload_string (record);

      g_assert_cmpuint (g_strv_length (row), ==, 11);
      g_assert_cmpstr (row[0], ==, t);
      g_assert_cmpstr (row[4], ==, swy_trace_record_get_node_id (record));
      g_assert_cmpstr (row[7], ==, swy_trace_record_get_topic (record));
      g_assert_cmpstr (row[9], ==, swy_trace_record_get_reason (record) ? swy_trace_record_get_reason (record) : "");
      g_assert_cmpstr (row[10], ==, payload);
    }

  remove_temp (file);
}

static void
test_export_stats (void)
{
  g_autoptr(SwyGraph) graph = load_example ("competing-consumers.swy");
  g_autoptr(SwyStatsModel) model = swy_stats_model_new ();
  g_autoptr(GFile) json_file = temp_file ("stats.json");
  g_autoptr(GFile) csv_file = temp_file ("stats.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) columns = g_strsplit (SWY_STATS_CSV_COLUMNS, ",", -1);
  GListModel *nodes = swy_graph_get_nodes (graph);
  GListModel *wires = swy_graph_get_wires (graph);
  guint n_nodes = g_list_model_get_n_items (nodes);
  guint n_wires = g_list_model_get_n_items (wires);

  swy_stats_model_set_graph (model, graph);
  for (guint k = 1; k <= 25; k++)
    swy_graph_run_fast (graph, k * 100 * MS);

  /* JSON is the engine's own statistics, as switchyard-run writes them. */
  g_assert_true (swy_export_stats (graph, model, SWY_STATS_FORMAT_JSON, json_file, NULL, &error));
  g_assert_no_error (error);
  json = read_text (json_file);
  expected = swy_graph_format_stats (graph, NULL);
  g_assert_cmpstr (json, ==, expected);

  /* CSV: the documented columns; totals, then a row per node and per wire. */
  g_assert_true (swy_export_stats (graph, model, SWY_STATS_FORMAT_CSV, csv_file, NULL, &error));
  g_assert_no_error (error);
  csv = read_text (csv_file);
  rows = parse_csv (csv);
  g_assert_cmpuint (g_strv_length (columns), ==, 13);
  g_assert_cmpstrv (g_ptr_array_index (rows, 0), columns);
  g_assert_cmpuint (rows->len, ==, 2 + n_nodes + n_wires);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (g_strv_length (g_ptr_array_index (rows, i)), ==, 13);

  {
    char **totals = g_ptr_array_index (rows, 1);
    g_autofree char *emitted = g_strdup_printf ("%" G_GUINT64_FORMAT, swy_graph_get_total_emitted (graph));
    g_autofree char *delivered = g_strdup_printf ("%" G_GUINT64_FORMAT, swy_graph_get_total_delivered (graph));

    g_assert_cmpstr (totals[0], ==, "totals");
    g_assert_cmpstr (totals[6], ==, emitted);
    g_assert_cmpstr (totals[8], ==, delivered);
  }

  for (guint i = 0; i < n_nodes; i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (nodes, i);
      char **row = g_ptr_array_index (rows, 2 + i);
      g_autofree char *received = g_strdup_printf ("%" G_GUINT64_FORMAT, swy_node_get_received (node));
      g_autofree char *dropped = g_strdup_printf ("%" G_GUINT64_FORMAT, swy_node_get_dropped (node));
      SwyStatsRow *stats = swy_stats_model_lookup_row (model, G_OBJECT (node));

      g_assert_cmpstr (row[0], ==, "node");
      g_assert_cmpstr (row[1], ==, swy_node_get_id (node));
      g_assert_cmpstr (row[2], ==, swy_node_get_type_name (node));
      g_assert_cmpstr (row[5], ==, received);
      g_assert_cmpstr (row[7], ==, dropped);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (row[11], NULL), swy_stats_row_get_rate_out (stats), 0.001);
      if (g_str_equal (swy_node_get_id (node), "q"))
        {
          g_autofree char *reasons = g_strdup_printf ("overflow=%" G_GUINT64_FORMAT,
                                                      swy_node_get_drop_count (node, "overflow"));

          g_assert_cmpuint (swy_node_get_dropped (node), >, 0);
          g_assert_cmpstr (row[12], ==, reasons);
        }
    }
  for (guint i = 0; i < n_wires; i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);
      char **row = g_ptr_array_index (rows, 2 + n_nodes + i);
      g_autofree char *from = swy_port_dup_address (swy_wire_get_from (wire));
      g_autofree char *delivered = g_strdup_printf ("%" G_GUINT64_FORMAT, swy_wire_get_delivered (wire));

      g_assert_cmpstr (row[0], ==, "wire");
      g_assert_cmpstr (row[3], ==, from);
      g_assert_cmpstr (row[8], ==, delivered);
    }

  remove_temp (json_file);
  remove_temp (csv_file);
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  (*(guint *) user_data)++;

  return G_SOURCE_CONTINUE;
}

/* Waits until the window is shown and has laid out and drawn a few frames. */
static void
settle (GtkWidget *window)
{
  guint frames = 0;
  guint id;

  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);

  id = gtk_widget_add_tick_callback (window, count_frame_cb, &frames, NULL);
  while (frames < 4)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (window, id);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef struct
{
  guint n_elements;
  gboolean svg_root;
  guint width;
} SvgInfo;

static void
svg_start_cb (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  SvgInfo *info = user_data;

  if (info->n_elements++ == 0 && g_str_equal (element, "svg"))
    {
      info->svg_root = TRUE;
      for (guint i = 0; names[i]; i++)
        if (g_str_equal (names[i], "width"))
          info->width = (guint) g_ascii_strtoull (values[i], NULL, 10);
    }
}

static void
test_export_canvas (void)
{
  g_autoptr(SwyDocument) document = swy_document_new ();
  g_autofree char *path = example_path ("competing-consumers.swy");
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autofree char *png_path = g_test_build_filename (G_TEST_BUILT, "export-canvas.png", NULL);
  g_autofree char *svg_path = g_test_build_filename (G_TEST_BUILT, "export-canvas.svg", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *text = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *canvas = swy_canvas_new ();

  g_assert_true (swy_document_load_file (document, source, &error));
  g_assert_no_error (error);

  /* The application's style sheet, which AdwApplication loads in the app. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  /* Off screen, there is nothing to render. */
  g_assert_false (swy_export_canvas_png (SWY_CANVAS (canvas), png, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED);
  g_clear_error (&error);

  swy_canvas_set_document (SWY_CANVAS (canvas), document);
  gtk_window_set_child (GTK_WINDOW (window), canvas);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 560);
  gtk_window_present (GTK_WINDOW (window));
  settle (window);
  swy_canvas_zoom_to_fit (SWY_CANVAS (canvas));
  swy_graph_run_fast (swy_document_get_graph (document), 700 * MS);
  settle (window);

  /* PNG: what the canvas shows, at its size. */
  g_assert_true (swy_export_canvas_png (SWY_CANVAS (canvas), png, &error));
  g_assert_no_error (error);
  texture = gdk_texture_new_from_file (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==,
                   gtk_widget_get_width (canvas) * gtk_widget_get_scale_factor (canvas));
  g_assert_cmpint (gdk_texture_get_height (texture), ==,
                   gtk_widget_get_height (canvas) * gtk_widget_get_scale_factor (canvas));

  /* SVG: well-formed, the whole graph whatever the zoom. */
  swy_canvas_set_zoom (SWY_CANVAS (canvas), 2.5);
  g_assert_true (swy_export_canvas_svg (SWY_CANVAS (canvas), svg, &error));
  g_assert_no_error (error);
  text = read_text (svg);
  {
    GMarkupParser parser = { svg_start_cb, NULL, NULL, NULL, NULL };
    SvgInfo info = { 0, };
    g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &info, NULL);
    const char *start = strstr (text, "<svg");

    g_assert_nonnull (start);
    g_assert_true (g_markup_parse_context_parse (context, start, -1, &error));
    g_assert_true (g_markup_parse_context_end_parse (context, &error));
    g_assert_no_error (error);
    g_assert_true (info.svg_root);
    g_assert_cmpuint (info.n_elements, >, 20);
    /* Five columns of cards from x = 110 to 1070, plus a card's width and
     * the margins. */
    g_assert_cmpuint (info.width, >, 1070 - 110);
    g_assert_cmpuint (info.width, <, 1070 - 110 + 300);
  }
  g_test_message ("Canvas exports: %s, %s", png_path, svg_path);

  gtk_window_destroy (GTK_WINDOW (window));
}

static GFile *
write_temp (const char *name,
            const char *text)
{
  GFile *file = temp_file (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_replace_contents (file, text, strlen (text), NULL, FALSE, 0, NULL, NULL, &error));
  g_assert_no_error (error);

  return file;
}

static void
test_import_errors (void)
{
  g_autoptr(SwyGraph) graph = load_example ("competing-consumers.swy");
  g_autoptr(SwyGraph) other = load_example ("hello-timer.swy");
  g_autoptr(GFile) good = temp_file ("good.jsonl");
  g_autoptr(GFile) bad = write_temp ("bad.jsonl",
    "{\"t_us\":0,\"kind\":\"emit\",\"event\":1,\"parent\":0,\"node\":\"orders\",\"port\":\"out\","
    "\"wire\":-1,\"topic\":\"t\",\"depth\":0,\"payload\":\"@a{sv} {}\"}\n"
    "{\"t_us\":0,\"kind\":\"emit\",\"event\":2,\"parent\":0,\"node\":\"orders\",\"port\":\"out\","
    "\"wire\":-1,\"topic\":\"t\",\"depth\":\"deep\",\"payload\":\"@a{sv} {}\"}\n");
  g_autoptr(GFile) wrong_wire = write_temp ("wire.jsonl",
    "{\"t_us\":0,\"kind\":\"deliver\",\"event\":1,\"parent\":0,\"node\":\"q\",\"port\":\"in\","
    "\"wire\":2,\"topic\":\"t\",\"depth\":0,\"payload\":\"@a{sv} {}\"}\n");
  g_autoptr(GFile) empty = write_temp ("empty.jsonl", "");
  g_autoptr(SwyReplay) replay = NULL;
  g_autoptr(GError) error = NULL;

  /* A malformed line is named. */
  replay = swy_replay_new_from_file (graph, bad, NULL, &error);
  g_assert_null (replay);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "Line 2: “depth” must be an integer");
  g_clear_error (&error);

  /* A trace of another graph is refused, naming the first line that does not match. */
  swy_graph_run_fast (graph, 500 * MS);
  g_assert_true (swy_export_trace (swy_graph_get_trace (graph), SWY_TRACE_FORMAT_JSONL, good, NULL, &error));
  replay = swy_replay_new_from_file (other, good, NULL, &error);
  g_assert_null (replay);
  g_assert_error (error, SWY_REPLAY_ERROR, SWY_REPLAY_ERROR_MISMATCH);
  g_assert_cmpstr (error->message, ==, "Line 1: this graph has no node “orders”");
  g_clear_error (&error);

  replay = swy_replay_new_from_file (graph, wrong_wire, NULL, &error);
  g_assert_null (replay);
  g_assert_error (error, SWY_REPLAY_ERROR, SWY_REPLAY_ERROR_MISMATCH);
  g_assert_cmpstr (error->message, ==, "Line 1: wire 2 goes to “worker-2:in” in this graph, not to “q:in”");
  g_clear_error (&error);

  replay = swy_replay_new_from_file (graph, empty, NULL, &error);
  g_assert_null (replay);
  g_assert_error (error, SWY_REPLAY_ERROR, SWY_REPLAY_ERROR_EMPTY);
  g_clear_error (&error);

  /* The matching graph takes it. */
  replay = swy_replay_new_from_file (graph, good, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (replay);

  remove_temp (good);
  remove_temp (bad);
  remove_temp (wrong_wire);
  remove_temp (empty);
}

static void
ready_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SwyReplay **replay = user_data;
  g_autoptr(GError) error = NULL;

  *replay = swy_replay_new_from_file_finish (result, &error);
  g_assert_no_error (error);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_changes)
{
  (*n_changes)++;
}

static void
test_replay_controls (void)
{
  g_autoptr(SwyGraph) graph = load_example ("competing-consumers.swy");
  g_autoptr(GFile) file = temp_file ("trace.jsonl");
  g_autoptr(GError) error = NULL;
  SwyReplay *replay = NULL;
  SwyTrace *trace;
  guint n, n_changes = 0;

  swy_graph_run_fast (graph, 2 * G_USEC_PER_SEC);
  g_assert_true (swy_export_trace (swy_graph_get_trace (graph), SWY_TRACE_FORMAT_JSONL, file, NULL, &error));
  swy_graph_reset (graph);

  swy_replay_new_from_file_async (graph, file, NULL, ready_cb, &replay);
  while (replay == NULL)
    g_main_context_iteration (NULL, TRUE);
  trace = swy_replay_get_trace (replay);
  n = g_list_model_get_n_items (G_LIST_MODEL (trace));
  g_signal_connect (replay, "items-changed", G_CALLBACK (items_changed_cb), &n_changes);

  /* At the start nothing is shown. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (replay)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (replay)) == SWY_TYPE_TRACE_RECORD);
  g_assert_cmpint (swy_replay_get_end_time (replay), ==, 2 * G_USEC_PER_SEC);

  /* Step: the records of the next moment, all of them. */
  g_assert_true (swy_replay_step (replay));
  g_assert_cmpint (swy_replay_get_time (replay), ==, 100 * MS);
  g_assert_cmpuint (swy_replay_get_n_shown (replay), ==, 1);
  g_assert_true (swy_replay_step (replay));
  g_assert_cmpint (swy_replay_get_time (replay), ==, 150 * MS);
  g_assert_cmpuint (swy_replay_get_n_shown (replay), ==, 4);
  {
    g_autoptr(SwyTraceRecord) record = g_list_model_get_item (G_LIST_MODEL (replay), 3);

    g_assert_cmpstr (swy_trace_record_get_node_id (record), ==, "worker-1");
    g_assert_null (g_list_model_get_item (G_LIST_MODEL (replay), 4));
  }

  /* Seek: everything up to a time; back and forth. */
  swy_replay_seek (replay, 1 * G_USEC_PER_SEC);
  for (guint i = 0; i < swy_replay_get_n_shown (replay); i++)
    {
      g_autoptr(SwyTraceRecord) record = g_list_model_get_item (G_LIST_MODEL (replay), i);

      g_assert_cmpint (swy_trace_record_get_time (record), <=, 1 * G_USEC_PER_SEC);
    }
  {
    g_autoptr(SwyTraceRecord) next = swy_trace_get_record (trace, swy_replay_get_n_shown (replay));

    g_assert_cmpint (swy_trace_record_get_time (next), >, 1 * G_USEC_PER_SEC);
  }
  swy_replay_seek (replay, 200 * MS);
  g_assert_cmpuint (swy_replay_get_n_shown (replay), <, 20);
  g_assert_cmpuint (n_changes, ==, 4);

  /* Play runs to the end and stops there. */
  swy_replay_set_speed (replay, 20.0);
  swy_replay_play (replay);
  g_assert_true (swy_replay_get_playing (replay));
  while (swy_replay_get_playing (replay))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (swy_replay_get_n_shown (replay), ==, n);
  g_assert_cmpint (swy_replay_get_time (replay), ==, 2 * G_USEC_PER_SEC);
  g_assert_false (swy_replay_step (replay));

  swy_replay_reset (replay);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (replay)), ==, 0);
  g_assert_cmpint (swy_replay_get_time (replay), ==, 0);

  g_assert_finalize_object (replay);
  remove_temp (file);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/Swy/Export/jsonl-reimports", test_export_jsonl_reimports);
  g_test_add_func ("/Swy/Export/chrome", test_export_chrome);
  g_test_add_func ("/Swy/Export/trace-csv", test_export_trace_csv);
  g_test_add_func ("/Swy/Export/stats", test_export_stats);
  g_test_add_func ("/Swy/Export/canvas", test_export_canvas);
  g_test_add_func ("/Swy/Import/errors", test_import_errors);
  g_test_add_func ("/Swy/Replay/controls", test_replay_controls);

  return g_test_run ();
}
