/* swy-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "swy-application"

#include "config.h"

#include <glib/gi18n.h>

#include "swy-application.h"
#include "swy-window.h"

struct _SwyApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  GPtrArray      *recovered;   /* of SwyRecovered: left over by a crash */
};

G_DEFINE_FINAL_TYPE (SwyApplication, swy_application, ADW_TYPE_APPLICATION)

SwyApplication *
swy_application_new (const char        *application_id,
                     GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (SWY_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * swy_application_get_settings:
 * @self: the application
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
swy_application_get_settings (SwyApplication *self)
{
  g_return_val_if_fail (SWY_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* The first window shows the last file. On the very first start, and
 * whenever there is no last file to show, it shows the welcome view, whose
 * first button opens a small working example so that Run does something
 * at once (docs/editor.md). */
static void
fill_first_window (SwyApplication *self,
                   SwyWindow      *window)
{
  g_autofree char *uri = g_settings_get_string (self->settings, "last-file");

  if (g_settings_get_boolean (self->settings, "first-run"))
    g_settings_set_boolean (self->settings, "first-run", FALSE);
  else if (uri[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);

      if (g_file_query_exists (file, NULL) && swy_window_open_file (window, file))
        return;
    }

  swy_window_show_welcome (window);
}

static void
restore_autosave (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SwyApplication *self = user_data;
  g_autoptr(GPtrArray) recovered = g_steal_pointer (&self->recovered);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (recovered == NULL)
    return;

  for (guint i = 0; i < recovered->len; i++)
    {
      SwyWindow *window = NULL;

      /* The first graph goes into the window that asked, unless it holds edits. */
      if (i == 0 && SWY_IS_WINDOW (active) &&
          !swy_document_get_modified (swy_window_get_document (SWY_WINDOW (active))))
        window = SWY_WINDOW (active);
      if (window == NULL)
        window = swy_window_new (self);
      swy_window_restore (window, g_ptr_array_index (recovered, i));
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
discard_autosave (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SwyApplication *self = user_data;
  g_autoptr(GPtrArray) recovered = g_steal_pointer (&self->recovered);

  for (guint i = 0; recovered != NULL && i < recovered->len; i++)
    swy_autosave_remove (((SwyRecovered *) g_ptr_array_index (recovered, i))->path);
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      SwyApplication   *self)
{
  g_action_group_activate_action (G_ACTION_GROUP (self),
                                  g_str_equal (response, "restore") ? "restore-autosave"
                                                                    : "discard-autosave",
                                  NULL);
}

/* Switchyard stopped before edits were saved (a crash, a kill): offer them back. */
static void
offer_recovery (SwyApplication *self,
                GtkWindow      *parent)
{
  AdwMessageDialog *dialog;
  guint n = self->recovered->len;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Restore Unsaved Changes?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "Switchyard stopped before the changes to a graph were saved. They were kept and can be restored.",
                                               "Switchyard stopped before the changes to %u graphs were saved. They were kept and can be restored.",
                                               n),
                                  n);
  adw_message_dialog_add_responses (dialog,
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "restore");
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
swy_application_activate (GApplication *app)
{
  SwyApplication *self = SWY_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      window = GTK_WINDOW (swy_window_new (self));
      fill_first_window (self, SWY_WINDOW (window));
      gtk_window_present (window);
      if (self->recovered != NULL && self->recovered->len > 0)
        offer_recovery (self, window);
      return;
    }

  gtk_window_present (window);
}

static void
swy_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  SwyApplication *self = SWY_APPLICATION (app);

  /* One window per file, as GNOME document apps do. An untouched empty
   * window takes the first file instead of staying around. */
  for (int i = 0; i < n_files; i++)
    {
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
      SwyWindow *window = NULL;

      if (SWY_IS_WINDOW (active))
        {
          SwyDocument *document = swy_window_get_document (SWY_WINDOW (active));

          if (swy_document_get_file (document) == NULL && !swy_document_get_modified (document) &&
              g_list_model_get_n_items (swy_graph_get_nodes (swy_document_get_graph (document))) == 0)
            window = SWY_WINDOW (active);
        }
      if (window == NULL)
        window = swy_window_new (self);

      swy_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
show_about (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  SwyApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Switchyard developers", NULL };
  static const char *designers[] = { "The Switchyard developers", NULL };

#if ADW_CHECK_VERSION (1, 5, 0)
  AdwDialog *about = adw_about_dialog_new ();

  g_object_set (about,
#else
  GtkWidget *about = adw_about_window_new ();

  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_set_modal (GTK_WINDOW (about), TRUE);
  g_object_set (about,
#endif
                "application-name", _("Switchyard"),
                "application-icon", APP_ID,
                "developer-name", _("The Switchyard developers"),
                "version", PACKAGE_VERSION,
                "website", PACKAGE_WEBSITE,
                "issue-url", PACKAGE_BUGREPORT,
                "support-url", PACKAGE_WEBSITE "/discussions",
                "copyright", "© 2026 The Switchyard developers",
                "license-type", GTK_LICENSE_GPL_3_0,
                "developers", developers,
                "designers", designers,
                /* Translators: replace with your names, one per line */
                "translator-credits", _("translator-credits"),
                "comments", _("Build event-driven systems from producers, routers and "
                              "consumers, then watch every event travel: real GObject "
                              "signals and the real GLib main loop, live, slowed down "
                              "or one dispatch at a time."),
                NULL);

#if ADW_CHECK_VERSION (1, 5, 0)
  adw_dialog_present (about, parent ? GTK_WIDGET (parent) : NULL);
#else
  gtk_window_present (GTK_WINDOW (about));
#endif
}

static void
quit (GSimpleAction *action,
      GVariant      *parameter,
      gpointer       user_data)
{
  SwyApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Close each window, as its close button would, so that it saves its state. */
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
new_window (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  SwyApplication *self = user_data;
  SwyWindow *window = swy_window_new (self);

  swy_window_show_welcome (window);
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { .name = "about", .activate = show_about },
  { .name = "quit", .activate = quit },
  { .name = "new-window", .activate = new_window },
  { .name = "restore-autosave", .activate = restore_autosave },
  { .name = "discard-autosave", .activate = discard_autosave },
};

static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.new-window", { "<Control>n", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", NULL } },
  { "win.run", { "F5", NULL } },
  { "win.step", { "F6", NULL } },
  { "win.step-back", { "<Shift>F6", NULL } },
  { "win.reset", { "F7", NULL } },
  { "win.show-palette", { "F9", NULL } },
  { "win.show-inspector", { "F10", NULL } },
  { "win.show-panel", { "F8", NULL } },
  { "win.show-code", { "<Shift>F8", NULL } },
};

static void
swy_application_startup (GApplication *app)
{
  SwyApplication *self = SWY_APPLICATION (app);

  G_APPLICATION_CLASS (swy_application_parent_class)->startup (app);

  self->settings = g_settings_new ("io.github.switchyard.Switchyard");
  /* Only the primary instance runs startup: what it finds was left by a crash. */
  self->recovered = swy_autosave_find ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
}

static void
swy_application_dispose (GObject *object)
{
  SwyApplication *self = SWY_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->recovered, g_ptr_array_unref);

  G_OBJECT_CLASS (swy_application_parent_class)->dispose (object);
}

static void
swy_application_class_init (SwyApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = swy_application_dispose;

  app_class->activate = swy_application_activate;
  app_class->open = swy_application_open;
  app_class->startup = swy_application_startup;
}

static void
swy_application_init (SwyApplication *self)
{
}
