/* bench-scrub.c: how long the scrubber takes to move the window to a moment
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scrubbing reruns the graph from time zero in fast mode (docs/editor.md,
 * "Scrubbing through a run"): no snapshots of the engine. This measures
 * whether that is fast enough to feel instant for the graphs of the lessons
 * and examples. Each opens in a real SwyWindow (1280x800, the Events panel
 * showing the log), runs to 60 s of virtual time (or its end), then seeks
 * with win.seek, the action the scale calls, in rounds:
 *
 *   back     from the end to half-way: a rerun from zero to half
 *   forward  from half-way to the end: the run goes on from the present
 *   start    to time zero: a reset
 *   whole    from zero to the end: a rerun of the whole recorded run
 *
 * and records the wall time of the action (the rerun, the log, statistics,
 * cards and status line catching up) and of the action plus the next frame
 * painted: what the user waits for. For scale, the same window's frame
 * with nothing changed ("idle"): a seek that costs little more than that
 * is as quick as the window can show anything. Medians over the rounds.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <swy.h>

#include "swy-window.h"

#define WINDOW_WIDTH  1280
#define WINDOW_HEIGHT 800
#define RUN_US        (60 * G_USEC_PER_SEC)
#define ROUNDS        7
#define GUARD_S       30

typedef enum
{
  SEEK_BACK,
  SEEK_FORWARD,
  SEEK_START,
  SEEK_WHOLE,
  N_SEEKS
} Seek;

static const char *seek_names[N_SEEKS] = { "back", "forward", "start", "whole" };

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;

  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static void
wait_for_frame (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gboolean given_up = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  guint guard = g_timeout_add_seconds (GUARD_S, flag_cb, &given_up);

  gtk_widget_queue_draw (window);
  while (!painted && !given_up)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  if (!given_up)
    g_source_remove (guard);
  else
    g_error ("No frame painted in %d s", GUARD_S);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);

  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

typedef struct
{
  char    *name;
  guint64  records;
  gint64   end;
  double   action_ms[N_SEEKS];
  double   frame_ms[N_SEEKS];
  double   idle_ms;
} Result;

static void
measure (SwyApplication *app,
         const char     *path,
         Result         *result)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  SwyWindow *window = swy_window_new (app);
  SwyGraph *graph;
  double action[N_SEEKS][ROUNDS], frame[N_SEEKS][ROUNDS], idle[ROUNDS];

  if (!swy_window_open_file (window, file))
    g_error ("Could not open %s", path);
  gtk_window_set_default_size (GTK_WINDOW (window), WINDOW_WIDTH, WINDOW_HEIGHT);
  gtk_window_present (GTK_WINDOW (window));
  g_action_group_change_action_state (G_ACTION_GROUP (window), "show-panel", g_variant_new_boolean (TRUE));
  wait_for_frame (GTK_WIDGET (window));
  g_action_group_activate_action (G_ACTION_GROUP (window), "zoom-fit", NULL);

  graph = swy_document_get_graph (swy_window_get_document (window));
  swy_graph_run_fast (graph, RUN_US);
  wait_for_frame (GTK_WIDGET (window));
  result->end = swy_graph_get_now (graph);
  result->records = swy_trace_get_n_total (swy_graph_get_trace (graph));

  for (guint r = 0; r < ROUNDS; r++)
    {
      gint64 start = g_get_monotonic_time ();

      wait_for_frame (GTK_WIDGET (window));
      idle[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
  result->idle_ms = median (idle, ROUNDS);

  for (guint r = 0; r < ROUNDS; r++)
    for (guint s = 0; s < N_SEEKS; s++)
      {
        gint64 target = s == SEEK_BACK ? result->end / 2 : s == SEEK_START ? 0 : result->end;
        gint64 start = g_get_monotonic_time ();

        g_action_group_activate_action (G_ACTION_GROUP (window), "seek", g_variant_new_int64 (target));
        action[s][r] = (g_get_monotonic_time () - start) / 1000.0;
        wait_for_frame (GTK_WIDGET (window));
        frame[s][r] = (g_get_monotonic_time () - start) / 1000.0;
        if (swy_graph_get_now (graph) != target)
          g_error ("%s: seek to %" G_GINT64_FORMAT " reached %" G_GINT64_FORMAT, path, target,
                   swy_graph_get_now (graph));
      }

  for (guint s = 0; s < N_SEEKS; s++)
    {
      result->action_ms[s] = median (action[s], ROUNDS);
      result->frame_ms[s] = median (frame[s], ROUNDS);
    }

  swy_graph_pause (graph);
  gtk_window_destroy (GTK_WINDOW (window));
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
add_graphs (GPtrArray  *paths,
            const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    g_error ("No folder %s", folder);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".swy"))
      g_ptr_array_add (names, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (names, compare_paths);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (paths, g_strdup (g_ptr_array_index (names, i)));
}


int
main (int   argc,
      char *argv[])
{
  g_autoptr(SwyApplication) app = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonBuilder) json = json_builder_new ();
  const char *json_path = NULL;
  const char *data_dir = NULL;
  g_autofree char *lessons = NULL;
  g_autofree char *examples = NULL;
  double worst_frame = 0;
  const char *worst = "";
  Result *results;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--json") && i + 1 < argc)
        json_path = argv[++i];
      else
        data_dir = argv[i];
    }
  if (data_dir == NULL)
    {
      fprintf (stderr, "Usage: %s [--json FILE] DATA-FOLDER\n", argv[0]);
      return 2;
    }
  lessons = g_build_filename (data_dir, "lessons", NULL);
  examples = g_build_filename (data_dir, "examples", NULL);

  gtk_init ();
  adw_init ();
  app = swy_application_new ("io.github.switchyard.ScrubBench", G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    g_error ("Could not register the application");

  add_graphs (paths, lessons);
  add_graphs (paths, examples);
  results = g_new0 (Result, paths->len);

  printf ("Scrubbing to 60 s of virtual time: median of %d rounds, ms (seek / seek + next frame;\n"
          "idle: a frame with nothing changed); build %s\n", ROUNDS, BENCH_BUILDTYPE);
  printf ("%-28s %8s %7s", "graph", "records", "idle");
  for (guint s = 0; s < N_SEEKS; s++)
    printf (" %15s", seek_names[s]);
  printf ("\n");

  json_builder_begin_object (json);
  json_builder_set_member_name (json, "graphs");
  json_builder_begin_array (json);
  for (guint i = 0; i < paths->len; i++)
    {
      Result *result = &results[i];

      result->name = g_path_get_basename (g_ptr_array_index (paths, i));
      measure (app, g_ptr_array_index (paths, i), result);

      printf ("%-28s %8" G_GUINT64_FORMAT " %7.2f", result->name, result->records, result->idle_ms);
      json_builder_begin_object (json);
      json_builder_set_member_name (json, "graph");
      json_builder_add_string_value (json, result->name);
      json_builder_set_member_name (json, "records");
      json_builder_add_int_value (json, (gint64) result->records);
      json_builder_set_member_name (json, "idle_frame_ms");
      json_builder_add_double_value (json, result->idle_ms);
      for (guint s = 0; s < N_SEEKS; s++)
        {
          g_autofree char *action = g_strconcat (seek_names[s], "_action_ms", NULL);
          g_autofree char *frame = g_strconcat (seek_names[s], "_frame_ms", NULL);

          printf (" %6.2f / %6.2f", result->action_ms[s], result->frame_ms[s]);
          json_builder_set_member_name (json, action);
          json_builder_add_double_value (json, result->action_ms[s]);
          json_builder_set_member_name (json, frame);
          json_builder_add_double_value (json, result->frame_ms[s]);
          if (result->frame_ms[s] > worst_frame)
            {
              worst_frame = result->frame_ms[s];
              worst = result->name;
            }
        }
      printf ("\n");
      json_builder_end_object (json);
    }
  json_builder_end_array (json);
  json_builder_end_object (json);
  printf ("Slowest seek with its frame: %.2f ms (%s)\n", worst_frame, worst);

  if (json_path != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = json_builder_get_root (json);
      g_autoptr(GError) error = NULL;

      json_generator_set_pretty (generator, TRUE);
      json_generator_set_root (generator, root);
      if (!json_generator_to_file (generator, json_path, &error))
        g_error ("Could not write %s: %s", json_path, error->message);
    }

  for (guint i = 0; i < paths->len; i++)
    g_free (results[i].name);
  g_free (results);

  return 0;
}
