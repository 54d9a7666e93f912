/* switchyard-run.c: runs a graph file headless, in fast mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "switchyard-run"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gprintf.h>
#include <gio/gunixoutputstream.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <swy.h>

/* The trace writer is the library's, private to it: this program links the
 * library's internal copy. */
#include "swy-trace-private.h"

#define PROGRAM "switchyard-run"

/* Without --until, a run stops when nothing is pending, or after this much
 * virtual time (a timer without a count never ends). */
#define DEFAULT_LIMIT_US (G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC)

/* With --trace the run goes in slices of SLICE_ITEMS items, and the records
 * of each slice are written when it ends. The ring holds TRACE_CAPACITY
 * records (160 KiB): a slice that adds more has the oldest written before
 * they are overwritten, so nothing is lost, and memory stays flat however
 * long the run (bench/README.md, "Soak"). */
#define SLICE_ITEMS    1024
#define TRACE_CAPACITY 4096

enum {
  EXIT_OK = 0,
  EXIT_RUN_ERROR = 1,
  EXIT_USAGE = 2,
};

typedef enum
{
  STOP_IDLE,      /* nothing was left pending */
  STOP_UNTIL,     /* --until was reached */
  STOP_LIMIT,     /* the default limit was reached with work pending */
} StopReason;

typedef struct
{
  char           *graph_path;
  gint64          until_us;       /* -1: not given */
  gboolean        has_seed;
  guint64         seed;
  char           *stats_path;
  char           *trace_path;
  SwyTraceFormat  trace_format;
  gboolean        quiet;
} Options;

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->graph_path, g_free);
  g_clear_pointer (&options->stats_path, g_free);
  g_clear_pointer (&options->trace_path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static int
usage_error (const char *message)
{
  g_printerr ("%s: %s\n", PROGRAM, message);
  g_printerr (_("Try “%s --help” for more information."), PROGRAM);
  g_printerr ("\n");

  return EXIT_USAGE;
}

static gboolean
is_stdout (const char *path)
{
  return g_strcmp0 (path, "-") == 0;
}

/* Parses the command line. Returns -1 to go on, or an exit status. */
static int
parse_options (int       argc,
               char    **argv,
               Options  *options)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *until = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *trace_format = NULL;
  g_auto(GStrv) files = NULL;
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "until", 'u', 0, G_OPTION_ARG_STRING, &until,
      N_("Stop at MS milliseconds of virtual time (default: when nothing is pending, "
         "at most one hour)"), N_("MS") },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed,
      N_("Seed the random generator with N instead of the graph’s seed"), N_("N") },
    { "stats", 0, 0, G_OPTION_ARG_FILENAME, &options->stats_path,
      N_("Write the statistics as JSON to FILE (“-” for standard output)"), N_("FILE") },
    { "trace", 't', 0, G_OPTION_ARG_FILENAME, &options->trace_path,
      N_("Write every dispatch step to FILE (“-” for standard output)"), N_("FILE") },
    { "trace-format", 0, 0, G_OPTION_ARG_STRING, &trace_format,
      N_("Trace format: jsonl (one JSON object per line, the default), chrome "
         "(Trace Event Format for Perfetto and chrome://tracing) or csv"), N_("FORMAT") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &options->quiet,
      N_("Do not print the summary"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("GRAPH.swy") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Runs a Switchyard graph without a display, in fast "
                                           "mode: virtual time jumps from one pending item to "
                                           "the next."));
  g_option_context_set_description (context, _("Exit status: 0 on success, 1 when the graph "
                                               "cannot be loaded or an output cannot be written, "
                                               "2 on a command-line error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);

  if (version)
    {
      g_print ("%s %s (libswitchyard %u.%u.%u)\n", PROGRAM, PACKAGE_VERSION,
               swy_get_major_version (), swy_get_minor_version (), swy_get_micro_version ());
      return EXIT_OK;
    }

  if (files == NULL || files[0] == NULL)
    return usage_error (_("Missing the graph file to run"));
  if (files[1] != NULL)
    return usage_error (_("Only one graph file can be run at a time"));
  options->graph_path = g_strdup (files[0]);

  options->until_us = -1;
  options->trace_format = SWY_TRACE_FORMAT_JSONL;
  if (until != NULL)
    {
      guint64 ms;

      if (!g_ascii_string_to_unsigned (until, 10, 0, G_MAXINT64 / 1000, &ms, NULL))
        {
          g_autofree char *message =
            g_strdup_printf (_("--until wants a whole number of milliseconds, not “%s”"), until);

          return usage_error (message);
        }
      options->until_us = (gint64)ms * 1000;
    }

  if (seed != NULL)
    {
      if (!g_ascii_string_to_unsigned (seed, 10, 0, G_MAXUINT64, &options->seed, NULL))
        {
          g_autofree char *message =
            g_strdup_printf (_("--seed wants a whole number from 0 to %llu, not “%s”"),
                             (unsigned long long)G_MAXUINT64, seed);

          return usage_error (message);
        }
      options->has_seed = TRUE;
    }

  if (trace_format != NULL)
    {
      if (g_strcmp0 (trace_format, "chrome") == 0)
        options->trace_format = SWY_TRACE_FORMAT_CHROME;
      else if (g_strcmp0 (trace_format, "csv") == 0)
        options->trace_format = SWY_TRACE_FORMAT_CSV;
      else if (g_strcmp0 (trace_format, "jsonl") != 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("--trace-format is jsonl, chrome or csv, not “%s”"), trace_format);

          return usage_error (message);
        }
      if (options->trace_path == NULL)
        return usage_error (_("--trace-format needs --trace FILE"));
    }

  if (is_stdout (options->stats_path) && is_stdout (options->trace_path))
    return usage_error (_("--stats and --trace cannot both write to standard output"));

  if (options->stats_path != NULL && options->trace_path != NULL &&
      !is_stdout (options->stats_path) && !is_stdout (options->trace_path))
    {
      g_autoptr(GFile) stats = g_file_new_for_commandline_arg (options->stats_path);
      g_autoptr(GFile) trace = g_file_new_for_commandline_arg (options->trace_path);

      if (g_file_equal (stats, trace))
        return usage_error (_("--stats and --trace cannot both write to the same file"));
    }

  return -1;
}

/* SIGINT or SIGTERM while the trace goes to a file: the run stops at the
 * end of the slice, the file is given up as after a failed write, then the
 * signal ends the program as it would have (catch_stop_signals()). */
static volatile sig_atomic_t stop_signal = 0;

static void
on_stop_signal (int signo)
{
  stop_signal = signo;
}

static void
catch_stop_signals (void)
{
  struct sigaction action = { 0 };

  action.sa_handler = on_stop_signal;
  action.sa_flags = SA_RESTART;
  sigemptyset (&action.sa_mask);
  sigaction (SIGINT, &action, NULL);
  sigaction (SIGTERM, &action, NULL);
}

static void
raise_stop_signal (void)
{
  int signo = stop_signal;

  signal (signo, SIG_DFL);
  raise (signo);
}

/* Runs in fast mode to @until_us in slices, writing each slice's records
 * when it ends. The slices perform the same items in the same order as one
 * swy_graph_run_fast() to @until_us, and leave the clock where it would. */
static gboolean
run_traced (SwyGraph        *graph,
            gint64           until_us,
            SwyTraceWriter  *writer,
            GError         **error)
{
  guint64 performed;

  do
    {
      performed = swy_graph_run_fast_to (graph, until_us,
                                         swy_graph_get_n_performed (graph) + SLICE_ITEMS);
      if (!_swy_trace_writer_write (writer, NULL, error))
        return FALSE;
      if (stop_signal != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, g_strsignal (stop_signal));
          return FALSE;
        }
    }
  while (performed == SLICE_ITEMS);

  return TRUE;
}

/* Runs the graph; see DEFAULT_LIMIT_US. run_fast() with a limit sets the
 * clock to the limit even when the work ended before it. A run that ends
 * within the limit is reset and run again until nothing is pending, so the
 * clock ends at the last item's time: the same graph and seed give the same
 * run (engine.md section 3). The second run performs the same items as the
 * first, whose records @writer has written already: it is not traced. */
static gboolean
run (SwyGraph        *graph,
     gint64           until_us,
     SwyTraceWriter  *writer,
     StopReason      *stop,
     GError         **error)
{
  SwyTrace *trace = swy_graph_get_trace (graph);
  gint64 limit_us = until_us >= 0 ? until_us : DEFAULT_LIMIT_US;

  swy_trace_set_enabled (trace, writer != NULL);
  if (writer == NULL)
    swy_graph_run_fast (graph, limit_us);
  else if (!run_traced (graph, limit_us, writer, error))
    return FALSE;

  if (until_us >= 0)
    *stop = STOP_UNTIL;
  else if (swy_graph_get_n_pending (graph) > 0)
    *stop = STOP_LIMIT;
  else
    {
      swy_trace_set_enabled (trace, FALSE);
      swy_graph_reset (graph);
      swy_graph_run_fast (graph, -1);
      *stop = STOP_IDLE;
    }

  return TRUE;
}

/* An output file, or standard output. A file is written through
 * g_file_replace(): the new contents replace the old when the output is
 * closed, so a run that fails leaves the file that was there untouched. */
typedef struct
{
  const char    *path;      /* as given on the command line */
  GFile         *file;      /* NULL for standard output */
  GOutputStream *stream;
  gboolean       created;   /* no file was there before */
} Output;


static const char *
output_name (const Output *output)
{
  return output->file != NULL ? output->path : _("standard output");
}

static gboolean
output_open (Output      *output,
             const char  *path,
             GError     **error)
{
  output->path = path;

  if (is_stdout (path))
    {
      output->stream = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
      return TRUE;
    }

  output->file = g_file_new_for_commandline_arg (path);
  /* Through a symbolic link, the file it points to is replaced, in its own
   * folder: a link can send a long trace to a larger disk. */
  if (g_file_is_native (output->file))
    {
      g_autofree char *local = g_file_get_path (output->file);
      g_autofree char *real = realpath (local, NULL);

      if (real != NULL && strcmp (real, local) != 0)
        {
          g_object_unref (output->file);
          output->file = g_file_new_for_path (real);
        }
    }
  output->created = !g_file_query_exists (output->file, NULL);
  /* REPLACE_DESTINATION: always through a temporary file renamed over the
   * old one at the end, never by emptying the old file first, which GIO
   * otherwise falls back to when the folder cannot take a temporary file
   * (a read-only folder), or for a file with more than one hard link. */
  output->stream = G_OUTPUT_STREAM (g_file_replace (output->file, NULL, FALSE,
                                                    G_FILE_CREATE_REPLACE_DESTINATION,
                                                    NULL, error));

  return output->stream != NULL;
}

/* For a file, moves the new contents into place. */
static gboolean
output_commit (Output  *output,
               GError **error)
{
  return g_output_stream_close (output->stream, NULL, error);
}

/* Gives up on a file: closing with a cancelled cancellable makes GIO
 * delete its temporary file instead of renaming it, and a file the run
 * created is removed. Standard output keeps what was written. */
static void
output_abort (Output *output)
{
  g_autoptr(GCancellable) cancellable = NULL;

  if (output->stream == NULL || output->file == NULL)
    return;

  cancellable = g_cancellable_new ();
  g_cancellable_cancel (cancellable);
  g_output_stream_close (output->stream, cancellable, NULL);
  if (output->created)
    g_file_delete (output->file, NULL, NULL);
}

/* An output that was not committed is given up. */
static void
output_clear (Output *output)
{
  if (output->stream != NULL && !g_output_stream_is_closed (output->stream))
    output_abort (output);

  g_clear_object (&output->file);
  g_clear_object (&output->stream);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Output, output_clear)

static int
output_error (Output       *output,
              const GError *error)
{
  g_printerr ("%s: %s: %s\n", PROGRAM, output_name (output), error->message);
  output_abort (output);

  return EXIT_RUN_ERROR;
}

static gboolean
write_stats (SwyGraph    *graph,
             Output      *output,
             const char  *path,
             GError     **error)
{
  g_autofree char *text = NULL;
  gsize length;

  text = swy_graph_format_stats (graph, &length);

  return output_open (output, path, error) &&
         g_output_stream_write_all (output->stream, text, length, NULL, NULL, error) &&
         output_commit (output, error);
}

static void
print_drops (FILE     *out,
             SwyGraph *graph)
{
  GListModel *nodes = swy_graph_get_nodes (graph);

  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (nodes, i);
      g_autoptr(GVariant) reasons = NULL;
      g_autoptr(GString) line = NULL;
      GVariantIter iter;
      const char *reason;
      guint64 count;

      if (swy_node_get_dropped (node) == 0)
        continue;

      reasons = swy_node_dup_drop_reasons (node);
      line = g_string_new (NULL);
      g_variant_iter_init (&iter, reasons);
      while (g_variant_iter_next (&iter, "{&st}", &reason, &count))
        g_string_append_printf (line, "%s%s %" G_GUINT64_FORMAT,
                                line->len > 0 ? ", " : "", reason, count);
      fprintf (out, _("  dropped at %s: %s\n"), swy_node_get_id (node), line->str);
    }
}

static void
print_summary (FILE          *out,
               SwyGraph      *graph,
               const Options *options,
               StopReason     stop)
{
  GListModel *wires = swy_graph_get_wires (graph);
  const char *title = swy_graph_get_title (graph);
  guint64 lost = 0;
  const char *why;

  for (guint i = 0; i < g_list_model_get_n_items (wires); i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);

      lost += swy_wire_get_lost (wire);
    }

  switch (stop)
    {
    case STOP_IDLE:
      why = _("nothing left pending");
      break;

    case STOP_UNTIL:
      why = _("stopped at --until");
      break;

    case STOP_LIMIT:
    default:
      why = _("stopped after one hour of virtual time with work pending; use --until");
      break;
    }

  fprintf (out, _("%s: “%s”, seed %llu\n"), options->graph_path,
           title != NULL ? title : _("Untitled"), (unsigned long long)swy_graph_get_seed (graph));
  /* g_fprintf(): GCC 12's -fsanitize=undefined adds a NULL check on
   * fprintf()'s format, then warns of a null format on that path. */
  g_fprintf (out, _("Virtual time: %.3f s (%s)\n"), swy_graph_get_now (graph) / 1e6, why);
  fprintf (out, _("Emitted %llu, delivered %llu, dropped %llu\n"),
           (unsigned long long)swy_graph_get_total_emitted (graph),
           (unsigned long long)swy_graph_get_total_delivered (graph),
           (unsigned long long)swy_graph_get_total_dropped (graph));
  if (lost > 0)
    fprintf (out, _("  lost on wires: %llu\n"), (unsigned long long)lost);
  print_drops (out, graph);
}

int
main (int   argc,
      char *argv[])
{
  g_auto(Options) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(SwyGraph) graph = NULL;
  g_autoptr(SwyTraceWriter) writer = NULL;
  g_auto(Output) trace_out = { 0 };
  g_auto(Output) stats_out = { 0 };
  StopReason stop;
  FILE *summary_out;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname (PROGRAM);

  if ((status = parse_options (argc, argv, &options)) >= 0)
    return status;

  file = g_file_new_for_commandline_arg (options.graph_path);
  graph = swy_graph_new_from_file (file, NULL, &error);
  if (graph == NULL)
    {
      /* GIO's messages already name the file. */
      if (error->domain == SWY_GRAPH_ERROR)
        g_printerr ("%s: %s: %s\n", PROGRAM, options.graph_path, error->message);
      else
        g_printerr ("%s: %s\n", PROGRAM, error->message);
      return EXIT_RUN_ERROR;
    }

  if (options.has_seed)
    swy_graph_set_seed (graph, options.seed);

  if (options.trace_path != NULL)
    {
      SwyTrace *trace = swy_graph_get_trace (graph);

      if (!output_open (&trace_out, options.trace_path, &error))
        return output_error (&trace_out, error);
      swy_trace_set_capacity (trace, TRACE_CAPACITY);
      writer = _swy_trace_writer_new (trace, options.trace_format, trace_out.stream);
      _swy_trace_writer_follow (writer);
      if (trace_out.file != NULL)
        catch_stop_signals ();
    }

  if (!run (graph, options.until_us, writer, &stop, &error) ||
      (writer != NULL && !_swy_trace_writer_finish (writer, NULL, &error)))
    {
      if (stop_signal == 0)
        return output_error (&trace_out, error);
      output_abort (&trace_out);
      raise_stop_signal ();
      return EXIT_RUN_ERROR;
    }

  /* Without its statistics the run failed: output_clear() gives up the
   * trace file too. */
  if (options.stats_path != NULL && !write_stats (graph, &stats_out, options.stats_path, &error))
    return output_error (&stats_out, error);

  if (writer != NULL && !output_commit (&trace_out, &error))
    return output_error (&trace_out, error);

  /* Standard output stays pure JSON when the stats or the trace go there. */
  if (!options.quiet)
    {
      summary_out = is_stdout (options.stats_path) || is_stdout (options.trace_path)
                    ? stderr : stdout;
      print_summary (summary_out, graph, &options, stop);
      fflush (summary_out);
    }

  return EXIT_OK;
}
