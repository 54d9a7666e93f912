/* swy-window-test-util.h: waiting for the main loop and for frames, for the window tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "swy-application.h"

G_BEGIN_DECLS

#define TEST_MAX_ITERATIONS 100000
#define TEST_GUARD_SECONDS  20   /* a bound on waiting for a frame or for live mode, never a measure */

/* Finding widgets in a tree */

typedef gboolean (*TestWidgetMatch) (GtkWidget     *widget,
                                     gconstpointer  data);

/* The first of @widget and its descendants, depth first, that @match
 * accepts, or %NULL. */
static inline GtkWidget *
test_find_widget (GtkWidget       *widget,
                  TestWidgetMatch  match,
                  gconstpointer    data)
{
  if (match (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline gboolean
test_widget_has_type (GtkWidget     *widget,
                      gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, (GType) GPOINTER_TO_SIZE (type));
}

/* The first of @widget and its descendants that is a @type. */
static inline GtkWidget *
test_find_widget_of_type (GtkWidget *widget,
                          GType      type)
{
  return test_find_widget (widget, test_widget_has_type, GSIZE_TO_POINTER (type));
}

static inline gboolean
test_set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main loop until nothing is left to do at once. */
static inline void
spin_until_idle (void)
{
  for (guint i = 0; i < TEST_MAX_ITERATIONS && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static inline void
test_after_paint_cb (GdkFrameClock *clock,
                     gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* Waits until @widget's window has painted a frame after everything queued so far. */
static inline void
wait_for_frame (gpointer widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (widget));
  gboolean painted = FALSE;
  gboolean given_up = FALSE;
  guint guard;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (test_after_paint_cb), &painted);
  guard = g_timeout_add_seconds (TEST_GUARD_SECONDS, test_set_flag_cb, &given_up);
  gtk_widget_queue_draw (GTK_WIDGET (widget));
  while (!painted && !given_up)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  if (!given_up)
    g_source_remove (guard);
  g_assert_true (painted);
}

/* Writes what @window shows now, at its size, to @name in the build
 * directory, for people to look at. */
static inline void
save_window_png (gpointer    window,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (g_test_get_dir (G_TEST_BUILT), name, NULL);
  int width = gtk_widget_get_width (GTK_WIDGET (window));
  int height = gtk_widget_get_height (GTK_WIDGET (window));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);
}

/* The same for an application window, which the tests open at 1280×800. */
static inline void
save_screenshot (gpointer    window,
                 const char *name)
{
  /* 1280×800 less the resize borders of client-side decorations. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >, 1200);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), >, 720);
  save_window_png (window, name);
}

/* GTK and an application registered for the window tests: settings as after
 * a first start, no restored file, animations off so a frame shows the end state. */
static inline SwyApplication *
test_app_new (int    *argc,
              char ***argv)
{
  g_autoptr(GSettings) settings = NULL;
  SwyApplication *app;

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  settings = g_settings_new ("io.github.switchyard.Switchyard");
  g_settings_set_boolean (settings, "first-run", FALSE);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  g_settings_set_string (settings, "last-file", "");

  app = swy_application_new ("io.github.switchyard.SwitchyardTest", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  return app;
}

G_END_DECLS
