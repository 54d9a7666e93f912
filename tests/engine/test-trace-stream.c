/* test-trace-stream.c: the trace writer streaming a run through a small ring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "swy-test-util.h"
#include "swy-trace-private.h"

/* Every example, with the records its run to the end adds. */
static const struct {
  const char *name;
  guint       n_records;
} examples[] = {
  { "backpressure", 136 },
  { "competing-consumers", 174 },
  { "debounce-throttle", 376 },
  { "hello-timer", 30 },
  { "pubsub", 62 },
  { "storm", 116 },
  { "unreliable-network", 549 },
};

static const SwyTraceFormat formats[] = {
  SWY_TRACE_FORMAT_JSONL,
  SWY_TRACE_FORMAT_CSV,
  SWY_TRACE_FORMAT_CHROME,
};

static SwyGraph *
load_example (const char *name)
{
  g_autofree char *basename = g_strconcat (name, ".swy", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 basename, NULL);

  return load_graph_file (path);
}

static GBytes *
close_and_steal (GOutputStream *stream)
{
  g_assert_true (g_output_stream_close (stream, NULL, NULL));

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

/* What the public writers write of a run kept whole: a ring that never
 * wraps, written once at the end. */
static GBytes *
write_whole (const char     *name,
             SwyTraceFormat  format)
{
  g_autoptr(SwyGraph) graph = load_example (name);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  SwyTrace *trace = swy_graph_get_trace (graph);

  swy_trace_set_capacity (trace, G_MAXINT32);
  swy_graph_run_fast (graph, -1);
  g_assert_cmpuint (swy_graph_get_n_pending (graph), ==, 0);

  switch (format)
    {
    case SWY_TRACE_FORMAT_CSV:
      g_assert_true (swy_trace_write_csv (trace, stream, NULL, &error));
      break;

    case SWY_TRACE_FORMAT_CHROME:
      g_assert_true (swy_trace_write_chrome (trace, stream, NULL, &error));
      break;

    case SWY_TRACE_FORMAT_JSONL:
    default:
      g_assert_true (swy_trace_write_jsonl (trace, stream, NULL, &error));
      break;
    }
  g_assert_no_error (error);

  return close_and_steal (stream);
}

/* The same run streamed: a ring of @capacity records, the run in slices
 * of @slice items with a write after each, as switchyard-run does. */
static GBytes *
write_streamed (const char     *name,
                SwyTraceFormat  format,
                guint           capacity,
                guint64         slice,
                guint64        *n_records)
{
  g_autoptr(SwyGraph) graph = load_example (name);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(SwyTraceWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  SwyTrace *trace = swy_graph_get_trace (graph);
  guint64 performed;

  swy_trace_set_capacity (trace, capacity);
  writer = _swy_trace_writer_new (trace, format, stream);
  _swy_trace_writer_follow (writer);

  do
    {
      performed = swy_graph_run_fast_to (graph, G_MAXINT64,
                                         swy_graph_get_n_performed (graph) + slice);
      g_assert_true (_swy_trace_writer_write (writer, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trace)), <=, capacity);
    }
  while (performed == slice);
  g_assert_cmpuint (swy_graph_get_n_pending (graph), ==, 0);

  g_assert_true (_swy_trace_writer_finish (writer, NULL, &error));
  g_assert_no_error (error);
  *n_records = swy_trace_get_n_total (trace);

  return close_and_steal (stream);
}

static guint
count_lines (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  guint lines = 0;

  for (gsize i = 0; i < size; i++)
    lines += data[i] == '\n';

  return lines;
}

/* Streamed through rings far smaller than the run, in slices of one item
 * and in one slice (every record then goes out because the ring is full),
 * each example in each format comes out byte for byte as the whole-trace
 * writer writes it. */
static void
test_same_bytes (void)
{
  const struct { guint capacity; guint64 slice; } ways[] = {
    { 3, 1 },
    { 5, 2 },
    { 7, G_MAXUINT64 / 2 },
  };

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
      {
        g_autoptr(GBytes) whole = write_whole (examples[e].name, formats[f]);
        guint lines = count_lines (whole);

        /* One line a record; CSV adds the header row, Chrome its first
         * line, the process name, the threads' names and its last line. */
        if (formats[f] == SWY_TRACE_FORMAT_JSONL)
          g_assert_cmpuint (lines, ==, examples[e].n_records);
        else if (formats[f] == SWY_TRACE_FORMAT_CSV)
          g_assert_cmpuint (lines, ==, examples[e].n_records + 1);
        else
          g_assert_cmpuint (lines, >, examples[e].n_records + 3);

        for (guint w = 0; w < G_N_ELEMENTS (ways); w++)
          {
            guint64 n_records = 0;
            g_autoptr(GBytes) streamed = write_streamed (examples[e].name, formats[f],
                                                         ways[w].capacity, ways[w].slice,
                                                         &n_records);

            g_test_message ("%s, format %d, ring of %u, slices of %" G_GUINT64_FORMAT,
                            examples[e].name, formats[f], ways[w].capacity, ways[w].slice);
            g_assert_cmpuint (n_records, ==, examples[e].n_records);
            g_assert_cmpmem (g_bytes_get_data (streamed, NULL), g_bytes_get_size (streamed),
                             g_bytes_get_data (whole, NULL), g_bytes_get_size (whole));
          }
      }
}

/* A write the ring asks for fails (the stream is full): the run goes on,
 * the next write reports that error, and so does every one after it. What
 * went out before is the start of the trace. */
static void
test_write_fails (void)
{
  g_autoptr(SwyGraph) graph = load_example ("unreliable-network");
  g_autofree char *buffer = g_malloc (4096);
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new (buffer, 4096, NULL, NULL);
  g_autoptr(SwyTraceWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  g_autoptr(GBytes) whole = write_whole ("unreliable-network", SWY_TRACE_FORMAT_JSONL);
  SwyTrace *trace = swy_graph_get_trace (graph);

  swy_trace_set_capacity (trace, 16);
  writer = _swy_trace_writer_new (trace, SWY_TRACE_FORMAT_JSONL, stream);
  _swy_trace_writer_follow (writer);

  swy_graph_run_fast (graph, -1);
  g_assert_cmpuint (swy_trace_get_n_total (trace), ==, 549);

  g_assert_false (_swy_trace_writer_write (writer, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_false (_swy_trace_writer_finish (writer, NULL, &again));
  g_assert_error (again, G_IO_ERROR, G_IO_ERROR_NO_SPACE);

  /* Up to the failure, the stream got the trace's first 4096 bytes. */
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), ==, 4096);
  g_assert_cmpmem (buffer, 4096, g_bytes_get_data (whole, NULL), 4096);
}

/* Freeing the writer lets the trace go on as a plain ring. Up to then, the
 * writer wrote what the ring asked for: the first 4 of the 6 records of
 * the first second, when the fifth came. */
static void
test_writer_freed (void)
{
  g_autoptr(SwyGraph) graph = load_example ("hello-timer");
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) whole = write_whole ("hello-timer", SWY_TRACE_FORMAT_JSONL);
  g_autoptr(GBytes) written = NULL;
  SwyTrace *trace = swy_graph_get_trace (graph);
  SwyTraceWriter *writer;
  const char *text;
  const char *end;

  swy_trace_set_capacity (trace, 4);
  writer = _swy_trace_writer_new (trace, SWY_TRACE_FORMAT_JSONL, stream);
  _swy_trace_writer_follow (writer);
  swy_graph_run_fast (graph, 1000 * 1000);
  g_assert_cmpuint (swy_trace_get_n_total (trace), ==, 6);
  _swy_trace_writer_free (writer);

  swy_graph_run_fast (graph, -1);
  g_assert_cmpuint (swy_trace_get_n_total (trace), ==, 30);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (trace)), ==, 4);

  written = close_and_steal (stream);
  text = g_bytes_get_data (whole, NULL);
  end = text;
  for (guint i = 0; i < 4; i++)
    end = strchr (end, '\n') + 1;
  g_assert_cmpmem (g_bytes_get_data (written, NULL), g_bytes_get_size (written), text, end - text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Swy/TraceStream/same-bytes", test_same_bytes);
  g_test_add_func ("/Swy/TraceStream/write-fails", test_write_fails);
  g_test_add_func ("/Swy/TraceStream/writer-freed", test_writer_freed);

  return g_test_run ();
}
