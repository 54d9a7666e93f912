/* swy-lessons.c: the lessons bundled with the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The twelve lessons of data/lessons are compiled into the application's
 * GResource (RESOURCE_BASE/lessons/), so that the installed app, the Flatpak
 * and the uninstalled build all find them the same way. They are read once,
 * in file name order, the first time something asks; their thumbnails are
 * drawn on demand and kept for the life of the process.
 */

#define G_LOG_DOMAIN "swy-lessons"

#include "config.h"

#include <string.h>

#include "swy-canvas.h"
#include "swy-document.h"
#include "swy-export.h"
#include "swy-lessons.h"

#define LESSONS_PATH RESOURCE_BASE "/lessons/"

typedef struct
{
  GBytes     *data;        /* the .swy text, NUL-terminated */
  char       *graph_title; /* untranslated, to recognise a lesson saved to a file */
  char       *title;       /* translated */
  char       *summary;     /* translated */
  guint       n_steps;
  GdkTexture *thumbnail;
  int         thumbnail_scale;
  gboolean    thumbnail_dark;
} Entry;

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static GArray *
entries (void)
{
  static GArray *lessons;   /* read by the main thread only */

  if (lessons == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) names = g_resources_enumerate_children (LESSONS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                            &error);
      GArray *array = g_array_new (FALSE, TRUE, sizeof (Entry));

      if (names == NULL)
        g_critical ("No lessons in the application's resources: %s", error->message);
      else
        g_qsort_with_data (names, g_strv_length (names), sizeof (char *), compare_names, NULL);

      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        {
          g_autofree char *path = g_strconcat (LESSONS_PATH, names[i], NULL);
          g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
          g_autoptr(SwyGraph) graph = NULL;
          g_autoptr(SwyLesson) lesson = NULL;
          Entry entry = { 0 };

          /* A resource's data always ends with a NUL that its size does not count. */
          graph = bytes != NULL ? swy_graph_new_from_data (g_bytes_get_data (bytes, NULL), -1, &error) : NULL;
          lesson = graph != NULL ? swy_lesson_new_from_graph (graph, &error) : NULL;
          if (lesson == NULL)
            {
              /* The lessons suite checks every lesson, so this is a broken build. */
              g_critical ("Lesson %s does not load: %s", names[i],
                          error != NULL ? error->message : "missing");
              g_clear_error (&error);
              continue;
            }

          entry.data = g_steal_pointer (&bytes);
          entry.graph_title = g_strdup (swy_graph_get_title (graph));
          entry.title = g_strdup (swy_lesson_get_title (lesson));
          entry.summary = g_strdup (swy_lesson_get_summary (lesson));
          entry.n_steps = swy_lesson_get_n_steps (lesson);
          g_array_append_val (array, entry);
        }

      lessons = array;
    }

  return lessons;
}

static Entry *
entry (guint index)
{
  GArray *array = entries ();

  g_return_val_if_fail (index < array->len, NULL);

  return &g_array_index (array, Entry, index);
}

/* How many lessons the application has: twelve. */
guint
swy_lessons_get_n_lessons (void)
{
  return entries ()->len;
}

/* The text of lesson @index (from 0) as a .swy file would hold it. */
const char *
swy_lessons_get_data (guint index)
{
  Entry *e = entry (index);

  return e != NULL ? g_bytes_get_data (e->data, NULL) : NULL;
}

const char *
swy_lessons_get_title (guint index)
{
  Entry *e = entry (index);

  return e != NULL ? e->title : NULL;
}

const char *
swy_lessons_get_summary (guint index)
{
  Entry *e = entry (index);

  return e != NULL ? e->summary : NULL;
}

guint
swy_lessons_get_n_steps (guint index)
{
  Entry *e = entry (index);

  return e != NULL ? e->n_steps : 0;
}

/* Which bundled lesson @graph is, also once saved to a file and opened
 * again: the one with its title. Returns -1 for a graph that is not one. */
int
swy_lessons_find (SwyGraph *graph)
{
  GArray *array = entries ();
  const char *title = swy_graph_get_title (graph);

  for (guint i = 0; title != NULL && i < array->len; i++)
    if (g_str_equal (g_array_index (array, Entry, i).graph_title, title))
      return (int) i;

  return -1;
}

/* Draws lesson @index's graph with the canvas's own export drawing: a
 * canvas that is never shown lays its cards out for it. */
GdkTexture *
swy_lessons_render_thumbnail (guint    index,
                              int      scale,
                              gboolean dark)
{
  g_autoptr(SwyDocument) document = swy_document_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *canvas;
  GdkTexture *texture;
  const char *data = swy_lessons_get_data (index);

  g_return_val_if_fail (data != NULL, NULL);

  if (!swy_document_load_data (document, data, &error))
    {
      g_critical ("Lesson %u does not load: %s", index + 1, error->message);
      return NULL;
    }
  canvas = g_object_ref_sink (swy_canvas_new ());
  swy_canvas_set_document (SWY_CANVAS (canvas), document);
  texture = swy_export_render_thumbnail (SWY_CANVAS (canvas), SWY_LESSONS_THUMBNAIL_WIDTH,
                                         SWY_LESSONS_THUMBNAIL_HEIGHT, scale, dark);
  swy_canvas_set_document (SWY_CANVAS (canvas), NULL);
  g_object_unref (canvas);

  return texture;
}

/* The thumbnail of lesson @index at @scale in the light or dark style,
 * drawn the first time it is asked for (the last one asked is kept). */
GdkTexture *
swy_lessons_get_thumbnail (guint    index,
                           int      scale,
                           gboolean dark)
{
  Entry *e = entry (index);

  g_return_val_if_fail (e != NULL, NULL);

  dark = !!dark;
  if (e->thumbnail == NULL || e->thumbnail_scale != scale || e->thumbnail_dark != dark)
    {
      g_clear_object (&e->thumbnail);
      e->thumbnail = swy_lessons_render_thumbnail (index, scale, dark);
      e->thumbnail_scale = scale;
      e->thumbnail_dark = dark;
    }

  return e->thumbnail;
}
