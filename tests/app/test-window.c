/* test-window.c: the main window keeps its size in GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "swy-window.h"

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

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/Swy/Window/restores-size", test_window_restores_size);

  return g_test_run ();
}
