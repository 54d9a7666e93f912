/* test-window.c: the main window keeps its size in GSettings, and gives
 * its bottom panel room
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "swy-window.h"
#include "swy-window-private.h"
#include "swy-window-test-util.h"

static void
test_window_restores_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.switchyard.Switchyard");
  g_autoptr(SwyApplication) app = swy_application_new ("io.github.switchyard.SwitchyardTest",
                                                       G_APPLICATION_NON_UNIQUE);
  SwyWindow *window;
  int width = 0;
  int height = 0;

  g_settings_set_int (settings, "window-width", 812);
  g_settings_set_int (settings, "window-height", 603);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = swy_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 812);
  g_assert_cmpint (height, ==, 603);

  /* A new size is written back when the window closes. */
  gtk_window_present (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

/* The first time the bottom panel shows, it takes 45 % of the height under
 * the header bar; after that it keeps the height the user gave it. */
static void
test_window_panel_height (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.switchyard.Switchyard");
  g_autoptr(SwyApplication) app = swy_application_new ("io.github.switchyard.SwitchyardTest2",
                                                       G_APPLICATION_NON_UNIQUE);
  SwyWindow *window;
  GtkPaned *paned;
  GtkWidget *panel;
  int height;

  g_settings_set_int (settings, "window-width", 1100);
  g_settings_set_int (settings, "window-height", 720);
  g_settings_set_boolean (settings, "window-maximized", FALSE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = swy_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (window), "new-graph", NULL);
  wait_for_frame (window);
  g_assert_cmpstr (_swy_window_get_view (window), ==, "editor");
  paned = _swy_window_get_bottom_paned (window);
  panel = gtk_paned_get_end_child (paned);
  g_assert_false (gtk_widget_get_visible (panel));

  g_action_group_activate_action (G_ACTION_GROUP (window), "show-panel", NULL);
  wait_for_frame (window);
  height = gtk_widget_get_height (GTK_WIDGET (paned));
  g_test_message ("paned %d px, panel %d px", height, gtk_widget_get_height (panel));
  g_assert_cmpint (height, >, 500);
  g_assert_cmpint (ABS (gtk_widget_get_height (panel) - (int) round (height * 0.45)), <=, 2);

  /* The user makes it smaller; hidden and shown again, it stays so. */
  gtk_paned_set_position (paned, height - 260);
  wait_for_frame (window);
  g_assert_cmpint (ABS (gtk_widget_get_height (panel) - 260), <=, 2);
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-panel", NULL);
  wait_for_frame (window);
  g_assert_false (gtk_widget_get_visible (panel));
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-panel", NULL);
  wait_for_frame (window);
  g_assert_cmpint (ABS (gtk_widget_get_height (panel) - 260), <=, 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/Swy/Window/restores-size", test_window_restores_size);
  g_test_add_func ("/Swy/Window/panel-height", test_window_panel_height);

  return g_test_run ();
}
