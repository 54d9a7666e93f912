/* swy-welcome.c: the welcome view, with the lessons and the recent graphs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a new user sees first (docs/editor.md): the example, New and Open,
 * the graphs opened lately, and a gallery of the lessons. The buttons and
 * cards activate the window's actions (win.open-example, win.new-graph,
 * win.open, win.open-recent, win.open-lesson), so the view knows nothing of
 * documents. Thumbnails are drawn after the view is shown, one per idle
 * turn of the main loop, so that they never delay the first frame, and
 * again in the dark or light style or at a new scale factor when those
 * change.
 */

#define G_LOG_DOMAIN "swy-welcome"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "swy-export.h"
#include "swy-lessons.h"
#include "swy-welcome.h"

#define RECENT_KEY    "recent-files"
#define RECENT_KEPT   10   /* in GSettings */
#define RECENT_SHOWN  5    /* in the view: the newest that still exist */

struct _SwyWelcome
{
  GtkWidget        parent_instance;

  GSettings       *settings;
  guint            render_id;

  /* Template children */
  GtkImage        *app_icon;
  GtkWidget       *example_button;
  GtkScrolledWindow *scroller;
  GtkFlowBox      *lesson_box;
  GtkBox          *recent_box;
  GtkListBox      *recent_list;
};

G_DEFINE_FINAL_TYPE (SwyWelcome, swy_welcome, GTK_TYPE_WIDGET)

/* A lesson's thumbnail: the picture at its own size, centred on a band of
 * the card's full width in the picture's background colour, so that every
 * card has the same height whatever its width. */

#define SWY_TYPE_THUMBNAIL (swy_thumbnail_get_type ())
G_DECLARE_FINAL_TYPE (SwyThumbnail, swy_thumbnail, SWY, THUMBNAIL, GtkWidget)

struct _SwyThumbnail
{
  GtkWidget   parent_instance;
  GdkTexture *texture;
  int         scale;     /* the scale factor @texture is drawn at, 0 before */
  gboolean    dark;      /* and the style */
};

G_DEFINE_FINAL_TYPE (SwyThumbnail, swy_thumbnail, GTK_TYPE_WIDGET)

static void
swy_thumbnail_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 0;
      *natural = SWY_LESSONS_THUMBNAIL_WIDTH;
    }
  else
    *minimum = *natural = SWY_LESSONS_THUMBNAIL_HEIGHT;
}

static void
swy_thumbnail_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SwyThumbnail *self = SWY_THUMBNAIL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA paper;

  /* The background swy_export_render_thumbnail() paints. */
  swy_export_get_thumbnail_background (self->dark, &paper);
  gtk_snapshot_append_color (snapshot, &paper, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->texture != NULL)
    gtk_snapshot_append_texture (snapshot, self->texture,
                                 &GRAPHENE_RECT_INIT (floor ((width - SWY_LESSONS_THUMBNAIL_WIDTH) / 2.0),
                                                      floor ((height - SWY_LESSONS_THUMBNAIL_HEIGHT) / 2.0),
                                                      SWY_LESSONS_THUMBNAIL_WIDTH,
                                                      SWY_LESSONS_THUMBNAIL_HEIGHT));
}

static void
swy_thumbnail_dispose (GObject *object)
{
  g_clear_object (&SWY_THUMBNAIL (object)->texture);

  G_OBJECT_CLASS (swy_thumbnail_parent_class)->dispose (object);
}

static void
swy_thumbnail_class_init (SwyThumbnailClass *klass)
{
  GTK_WIDGET_CLASS (klass)->measure = swy_thumbnail_measure;
  GTK_WIDGET_CLASS (klass)->snapshot = swy_thumbnail_snapshot;
  G_OBJECT_CLASS (klass)->dispose = swy_thumbnail_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "thumbnail");
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_IMG);
}

static void
swy_thumbnail_init (SwyThumbnail *self)
{
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

/* Whether the thumbnail is drawn (or was tried: a lesson that cannot be
 * drawn keeps its blank band) for @scale and @dark. */
static gboolean
swy_thumbnail_is_drawn_for (SwyThumbnail *self,
                            int           scale,
                            gboolean      dark)
{
  return self->scale == scale && self->dark == dark;
}

static void
swy_thumbnail_set_texture (SwyThumbnail *self,
                           GdkTexture   *texture,
                           int           scale,
                           gboolean      dark)
{
  g_set_object (&self->texture, texture);
  self->scale = scale;
  self->dark = dark;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Recent graphs: the application's own list, in GSettings (docs/editor.md). */

/* Writes the list with @first (if any) in front and @without left out. */
static void
write_recent (GSettings  *settings,
              const char *first,
              const char *without)
{
  g_auto(GStrv) old = g_settings_get_strv (settings, RECENT_KEY);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  guint n = 0;

  if (first != NULL)
    {
      g_strv_builder_add (builder, first);
      n++;
    }
  for (guint i = 0; old[i] != NULL && n < RECENT_KEPT; i++)
    if (!g_str_equal (old[i], without))
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  list = g_strv_builder_end (builder);
  g_settings_set_strv (settings, RECENT_KEY, (const char * const *) list);
}

/**
 * swy_welcome_remember_file:
 * @settings: the application's settings
 * @file: a graph just opened or saved
 *
 * Puts @file first in the list of recent graphs, keeping the ten newest.
 */
void
swy_welcome_remember_file (GSettings *settings,
                           GFile     *file)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  write_recent (settings, uri, uri);
}

static void
forget_recent (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SwyWelcome *self = SWY_WELCOME (widget);

  if (self->settings != NULL)
    write_recent (self->settings, NULL, g_variant_get_string (parameter, NULL));
}

static GtkWidget *
create_recent_row (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *remove_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  char *basename = g_file_get_basename (file);

  name = g_filename_display_name (basename);
  g_free (basename);
  folder = parent != NULL ? g_file_get_parse_name (parent) : g_strdup ("");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("text-x-generic-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uri);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove From Recent Graphs"));
  /* Translators: the accessible name of a button beside a recent file, "Remove example.swy from recent graphs" */
  remove_label = g_strdup_printf (_("Remove %s from recent graphs"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "welcome.forget-recent");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", uri);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

/* Lists the newest recent graphs that still exist; a file that is gone
 * (moved, deleted, an unmounted drive) is left out rather than failing later. */
static void
update_recent (SwyWelcome *self)
{
  g_auto(GStrv) uris = NULL;
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  if (self->settings != NULL)
    uris = g_settings_get_strv (self->settings, RECENT_KEY);
  for (guint i = 0; uris != NULL && uris[i] != NULL && shown < RECENT_SHOWN; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);

      if (g_file_is_native (file) && !g_file_query_exists (file, NULL))
        continue;
      gtk_list_box_append (self->recent_list, create_recent_row (file));
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_box), shown > 0);
}

/**
 * swy_welcome_set_settings:
 * @self: the welcome view
 * @settings: the application's settings, which hold the recent graphs
 */
void
swy_welcome_set_settings (SwyWelcome *self,
                          GSettings  *settings)
{
  g_return_if_fail (SWY_IS_WELCOME (self));

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::" RECENT_KEY, G_CALLBACK (update_recent), self,
                             G_CONNECT_SWAPPED);
  update_recent (self);
}

/* Lessons */

static GtkWidget *
create_lesson_card (guint index)
{
  const char *title = swy_lessons_get_title (index);
  const char *summary = swy_lessons_get_summary (index);
  GtkWidget *child = gtk_flow_box_child_new ();
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *picture = g_object_new (SWY_TYPE_THUMBNAIL, NULL);
  GtkWidget *label;
  /* Translators: above a lesson's title in the gallery, "Lesson 3" */
  g_autofree char *number = g_strdup_printf (_("Lesson %u"), index + 1);
  /* Translators: the accessible name of a lesson card, "Lesson 3: Observers: one subject, many handlers" */
  g_autofree char *accessible = g_strdup_printf (_("Lesson %u: %s"), index + 1, title);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "lesson-card");
  gtk_widget_set_overflow (card, GTK_OVERFLOW_HIDDEN);

  gtk_widget_add_css_class (picture, "lesson-thumbnail");
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The lesson’s graph"), -1);
  gtk_box_append (GTK_BOX (card), picture);

  gtk_widget_set_margin_start (text, 12);
  gtk_widget_set_margin_end (text, 12);
  gtk_widget_set_margin_top (text, 10);
  gtk_widget_set_margin_bottom (text, 12);
  gtk_widget_set_vexpand (text, TRUE);

  label = gtk_label_new (number);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "accent");
  gtk_box_append (GTK_BOX (text), label);

  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (text), label);

  label = gtk_label_new (summary);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_lines (GTK_LABEL (label), 4);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (text), label);
  gtk_box_append (GTK_BOX (card), text);

  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), card);
  gtk_widget_set_tooltip_text (child, summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
  g_object_set_data (G_OBJECT (child), "swy-picture", picture);
  g_object_set_data_full (G_OBJECT (child), "swy-title", g_strdup (title), g_free);

  return child;
}

static void
lesson_activated_cb (SwyWelcome      *self,
                     GtkFlowBoxChild *child)
{
  guint index = (guint) gtk_flow_box_child_get_index (child);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-lesson", "u", index);
}

/* Draws the next thumbnail missing in the current style and scale; called
 * when idle until none is missing. */
static gboolean
render_next_cb (gpointer user_data)
{
  SwyWelcome *self = user_data;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  for (guint i = 0; i < swy_lessons_get_n_lessons (); i++)
    {
      GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->lesson_box, (int) i);
      SwyThumbnail *picture = g_object_get_data (G_OBJECT (child), "swy-picture");

      if (swy_thumbnail_is_drawn_for (picture, scale, dark))
        continue;
      swy_thumbnail_set_texture (picture, swy_lessons_get_thumbnail (i, scale, dark), scale, dark);
      return G_SOURCE_CONTINUE;
    }

  self->render_id = 0;
  return G_SOURCE_REMOVE;
}

static void
queue_render (SwyWelcome *self)
{
  if (self->render_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->render_id = g_idle_add_full (G_PRIORITY_LOW, render_next_cb, self, NULL);
}

static void
swy_welcome_map (GtkWidget *widget)
{
  SwyWelcome *self = SWY_WELCOME (widget);

  GTK_WIDGET_CLASS (swy_welcome_parent_class)->map (widget);

  /* The lessons load the first time the view is shown, not with every window. */
  if (gtk_widget_get_first_child (GTK_WIDGET (self->lesson_box)) == NULL)
    for (guint i = 0; i < swy_lessons_get_n_lessons (); i++)
      gtk_flow_box_append (self->lesson_box, create_lesson_card (i));

  /* Files come and go while the view is hidden. */
  update_recent (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  queue_render (self);
}

static void
swy_welcome_unmap (GtkWidget *widget)
{
  SwyWelcome *self = SWY_WELCOME (widget);

  g_clear_handle_id (&self->render_id, g_source_remove);

  GTK_WIDGET_CLASS (swy_welcome_parent_class)->unmap (widget);
}

/* Keyboard focus starts on the first button, the example. */
static gboolean
swy_welcome_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (SWY_WELCOME (widget)->example_button);
}

static void
swy_welcome_dispose (GObject *object)
{
  SwyWelcome *self = SWY_WELCOME (object);

  g_clear_handle_id (&self->render_id, g_source_remove);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), SWY_TYPE_WELCOME);

  G_OBJECT_CLASS (swy_welcome_parent_class)->dispose (object);
}

static void
swy_welcome_class_init (SwyWelcomeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = swy_welcome_dispose;
  widget_class->map = swy_welcome_map;
  widget_class->unmap = swy_welcome_unmap;
  widget_class->grab_focus = swy_welcome_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/swy-welcome.ui");
  gtk_widget_class_bind_template_child (widget_class, SwyWelcome, app_icon);
  gtk_widget_class_bind_template_child (widget_class, SwyWelcome, example_button);
  gtk_widget_class_bind_template_child (widget_class, SwyWelcome, scroller);
  gtk_widget_class_bind_template_child (widget_class, SwyWelcome, lesson_box);
  gtk_widget_class_bind_template_child (widget_class, SwyWelcome, recent_box);
  gtk_widget_class_bind_template_child (widget_class, SwyWelcome, recent_list);
  gtk_widget_class_bind_template_callback (widget_class, lesson_activated_cb);

  gtk_widget_class_install_action (widget_class, "welcome.forget-recent", "s", forget_recent);

  gtk_widget_class_set_css_name (widget_class, "welcome");
}

static void
swy_welcome_init (SwyWelcome *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_image_set_from_icon_name (self->app_icon, APP_ID);

  /* Thumbnails follow the style and the scale factor. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (queue_render), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (queue_render), NULL);
}

/* For the GUI tests */

GtkFlowBox *
_swy_welcome_get_lesson_box (SwyWelcome *self)
{
  g_return_val_if_fail (SWY_IS_WELCOME (self), NULL);

  return self->lesson_box;
}

GtkListBox *
_swy_welcome_get_recent_list (SwyWelcome *self)
{
  g_return_val_if_fail (SWY_IS_WELCOME (self), NULL);

  return self->recent_list;
}

/* Whether thumbnails are still being drawn. */
gboolean
_swy_welcome_render_pending (SwyWelcome *self)
{
  g_return_val_if_fail (SWY_IS_WELCOME (self), FALSE);

  return self->render_id != 0;
}

const char *
_swy_welcome_get_card_title (GtkFlowBoxChild *card)
{
  return g_object_get_data (G_OBJECT (card), "swy-title");
}

gboolean
_swy_welcome_card_has_thumbnail (GtkFlowBoxChild *card)
{
  return _swy_welcome_card_get_thumbnail (card) != NULL;
}

/* The card's thumbnail picture, or %NULL before it is drawn. */
GdkTexture *
_swy_welcome_card_get_thumbnail (GtkFlowBoxChild *card)
{
  SwyThumbnail *picture = g_object_get_data (G_OBJECT (card), "swy-picture");

  return picture != NULL ? picture->texture : NULL;
}
