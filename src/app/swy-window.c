/* swy-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "swy-window"

#include "config.h"

#include <glib/gi18n.h>

#include "swy-window.h"

struct _SwyWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  /* Template children */
  AdwStatusPage        *empty_page;
};

G_DEFINE_FINAL_TYPE (SwyWindow, swy_window, ADW_TYPE_APPLICATION_WINDOW)

SwyWindow *
swy_window_new (SwyApplication *application)
{
  g_return_val_if_fail (SWY_IS_APPLICATION (application), NULL);

  return g_object_new (SWY_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

static void
restore_window_state (SwyWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (SwyWindow *self)
{
  int width = 0;
  int height = 0;
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  /* The default size is the unmaximized size: keep it when maximized. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  g_settings_apply (self->settings);
}

static gboolean
swy_window_close_request (GtkWindow *window)
{
  save_window_state (SWY_WINDOW (window));

  return GTK_WINDOW_CLASS (swy_window_parent_class)->close_request (window);
}

static void
swy_window_constructed (GObject *object)
{
  SwyWindow *self = SWY_WINDOW (object);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  G_OBJECT_CLASS (swy_window_parent_class)->constructed (object);

  if (SWY_IS_APPLICATION (app))
    self->settings = g_object_ref (swy_application_get_settings (SWY_APPLICATION (app)));
  else
    self->settings = g_settings_new ("io.github.switchyard.Switchyard");

  restore_window_state (self);
}

static void
swy_window_dispose (GObject *object)
{
  SwyWindow *self = SWY_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SWY_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (swy_window_parent_class)->dispose (object);
}

static void
swy_window_class_init (SwyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = swy_window_constructed;
  object_class->dispose = swy_window_dispose;

  window_class->close_request = swy_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/swy-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, empty_page);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
swy_window_init (SwyWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  adw_status_page_set_icon_name (self->empty_page, APP_ID);
}
