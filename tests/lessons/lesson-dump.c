/* lesson-dump.c: prints the texts of lessons as SwyLesson returns them
 *
 * A helper of test-pot.py: with LANGUAGE set and a message catalog in
 * LOCALEDIR, it shows what a learner would read.
 *
 * Usage: lesson-dump LOCALEDIR LESSON.swy...
 * Prints one JSON object: file name -> {title, summary, body, steps}.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include <swy.h>

static SwyLesson *
load (const char  *path,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SwyGraph) graph = swy_graph_new_from_file (file, NULL, error);

  return graph ? swy_lesson_new_from_graph (graph, error) : NULL;
}

static void
add_step (JsonBuilder   *builder,
          SwyLessonStep *step)
{
  const char * const *choices = swy_lesson_step_get_choices (step);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "instruction");
  json_builder_add_string_value (builder, swy_lesson_step_get_instruction (step));
  if (choices != NULL)
    {
      json_builder_set_member_name (builder, "question");
      json_builder_add_string_value (builder, swy_lesson_step_get_question (step));
      json_builder_set_member_name (builder, "choices");
      json_builder_begin_array (builder);
      for (guint i = 0; choices[i] != NULL; i++)
        json_builder_add_string_value (builder, choices[i]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "explanation");
      json_builder_add_string_value (builder, swy_lesson_step_get_explanation (step));
    }
  json_builder_end_object (builder);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SwyLesson) first = NULL;
  g_autofree char *text = NULL;

  setlocale (LC_ALL, "");

  if (argc < 3)
    {
      g_printerr ("Usage: lesson-dump LOCALEDIR LESSON.swy...\n");
      return 2;
    }

  /* The library binds its text domain to the installed catalogs when it
   * first loads a graph and a lesson; bind it to the test's afterwards. */
  if (!(first = load (argv[2], &error)))
    {
      g_printerr ("lesson-dump: %s: %s\n", argv[2], error->message);
      return 1;
    }
  bindtextdomain (GETTEXT_PACKAGE, argv[1]);

  json_builder_begin_object (builder);
  for (int i = 2; i < argc; i++)
    {
      g_autoptr(SwyLesson) lesson = load (argv[i], &error);
      g_autofree char *name = g_path_get_basename (argv[i]);

      if (lesson == NULL)
        {
          g_printerr ("lesson-dump: %s: %s\n", argv[i], error->message);
          return 1;
        }

      json_builder_set_member_name (builder, name);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, swy_lesson_get_title (lesson));
      json_builder_set_member_name (builder, "summary");
      json_builder_add_string_value (builder, swy_lesson_get_summary (lesson));
      json_builder_set_member_name (builder, "body");
      json_builder_add_string_value (builder, swy_lesson_get_body (lesson));
      json_builder_set_member_name (builder, "steps");
      json_builder_begin_array (builder);
      for (guint j = 0; j < swy_lesson_get_n_steps (lesson); j++)
        add_step (builder, swy_lesson_get_step (lesson, j));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);

  return 0;
}
