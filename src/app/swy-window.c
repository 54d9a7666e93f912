/* swy-window.c: the editor window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "swy-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "swy-autosave.h"
#include "swy-canvas.h"
#include "swy-code-view.h"
#include "swy-document.h"
#include "swy-event-details.h"
#include "swy-export.h"
#include "swy-frame-pacer.h"
#include "swy-history.h"
#include "swy-log-view.h"
#include "swy-replay.h"
#include "swy-stats-view.h"
#include "swy-timeline.h"
#include "swy-inspector.h"
#include "swy-lesson-panel.h"
#include "swy-lessons.h"
#include "swy-palette.h"
#include "swy-view-state.h"
#include "swy-welcome.h"
#include "swy-window.h"
#include "swy-window-private.h"

#define FIRST_RUN_EXAMPLE RESOURCE_BASE "/examples/first-run.swy"
#define EMPTY_GRAPH       "{\"format\": \"switchyard\", \"version\": 1, \"nodes\": [], \"wires\": []}"

typedef void (*ContinueFunc) (SwyWindow *self,
                              gpointer   data);

struct _SwyWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  char                 *autosave_path;
  guint                 autosave_id;
  SwyDocument          *document;
  SwyViewState         *view_state;
  SwyHistory           *history;       /* the run's clicks and range, for going back */
  SwyReplay            *replay;        /* an imported trace shown instead of the graph, or NULL */
  char                 *replay_shape;  /* the graph's nodes and wires when the replay began */
  guint                 tick_id;

  /* Step mode: the trace records of the last engine step, revealed one at a time. */
  guint64               step_start;
  guint64               step_end;
  guint64               step_next;
  GPtrArray            *call_stack;    /* of char*: "main loop", emitter, …, handler */
  gboolean              close_confirmed;
  int                   opening_lesson;  /* the bundled lesson being loaded, or -1 */
  guint                 lesson_number;   /* the open bundled lesson, from 1; 0 for none */

  /* Watches the document's file for changes made by someone else. */
  GFileMonitor         *file_monitor;
  char                 *last_toast;    /* for the GUI tests */

  /* Template children */
  GtkPaned             *bottom_paned;
  GtkBox               *bottom_panel;
  gboolean              panel_sized;   /* the panel's first height is set */
  AdwViewStack         *bottom_stack;
  SwyCanvas            *canvas;
  SwyEventDetails      *event_details;
  SwyLogView           *log_view;
  SwyStatsView         *stats_view;
  SwyCodeView          *code_view;
  SwyTimeline          *timeline;
  GtkLabel             *clock_label;
  AdwStatusPage        *empty_page;
  AdwHeaderBar         *header_bar;
  SwyInspector         *inspector;
  AdwFlap              *inspector_flap;
  SwyPalette           *palette;
  AdwFlap              *palette_flap;
  AdwButtonContent     *run_content;
  GtkAdjustment        *speed_adjustment;
  GtkMenuButton        *speed_button;
  GtkLabel             *stack_label;
  GtkStack             *side_stack;
  GtkRevealer          *stack_revealer;
  AdwToastOverlay      *toast_overlay;
  GtkInfoBar           *changed_bar;
  GtkLabel             *changed_label;
  GtkLabel             *totals_label;
  GtkLabel             *replay_label;
  GtkRevealer          *replay_revealer;
  GtkAdjustment        *time_adjustment;
  GtkLabel             *time_end_label;
  GtkScale             *time_scale;
  AdwWindowTitle       *window_title;
  GtkStack             *main_stack;
  SwyWelcome           *welcome;
  GtkWidget            *welcome_back_button;
  AdwToastOverlay      *welcome_toast_overlay;
  GtkStack             *start_stack;
  GtkWidget            *start_switcher;
  SwyLessonPanel       *lesson_panel;
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

/**
 * swy_window_get_document:
 * @self: a window
 *
 * Returns: (transfer none): the window's document
 */
SwyDocument *
swy_window_get_document (SwyWindow *self)
{
  g_return_val_if_fail (SWY_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * swy_window_get_canvas:
 * @self: a window
 *
 * Returns: (transfer none): the window's canvas
 */
SwyCanvas *
swy_window_get_canvas (SwyWindow *self)
{
  g_return_val_if_fail (SWY_IS_WINDOW (self), NULL);

  return self->canvas;
}

static SwyGraph *
graph (SwyWindow *self)
{
  return swy_document_get_graph (self->document);
}

static void
toast (SwyWindow  *self,
       const char *message)
{
  AdwToast *toast = adw_toast_new (message);
  gboolean welcome = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "welcome") == 0;

  g_free (self->last_toast);
  self->last_toast = g_strdup (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (welcome ? self->welcome_toast_overlay : self->toast_overlay, toast);
}

/* Title, clock and totals */

static void
update_title (SwyWindow *self)
{
  g_autofree char *name = swy_document_dup_title (self->document);
  g_autofree char *title = NULL;
  const char *graph_title = swy_graph_get_title (graph (self));
  GFile *file = swy_document_get_file (self->document);
  g_autofree char *subtitle = NULL;
  SwyLesson *lesson = self->lesson_panel != NULL ? swy_lesson_panel_get_lesson (self->lesson_panel) : NULL;
  g_autofree char *lesson_place = NULL;

  /* A lesson not saved to a file goes by its own title. */
  if (file == NULL && lesson != NULL)
    {
      g_free (name);
      name = g_strdup (swy_lesson_get_title (lesson));
      if (self->lesson_number > 0)
        /* Translators: "Lesson 8 of 12" */
        lesson_place = g_strdup_printf (_("Lesson %u of %u"), self->lesson_number, swy_lessons_get_n_lessons ());
      graph_title = lesson_place;
    }

  if (swy_document_get_modified (self->document))
    /* Translators: the title of a graph with unsaved changes */
    title = g_strdup_printf (_("• %s"), name);
  else
    title = g_strdup (name);

  if (graph_title != NULL && graph_title[0] != '\0')
    subtitle = g_strdup (graph_title);
  else if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);

      subtitle = parent != NULL ? g_file_get_parse_name (parent) : NULL;
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");

  {
    /* Translators: window title, "competing-consumers.swy – Switchyard" */
    g_autofree char *window = g_strdup_printf (_("%s – Switchyard"), title);

    /* The welcome view is not about the graph. */
    if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "welcome") == 0)
      gtk_window_set_title (GTK_WINDOW (self), _("Switchyard"));
    else
      gtk_window_set_title (GTK_WINDOW (self), window);
  }
}

static void
update_empty_state (SwyWindow *self)
{
  gboolean empty = g_list_model_get_n_items (swy_graph_get_nodes (graph (self))) == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), empty);
}

/* The scrubber spans the recorded range of the run, in µs of virtual time. */
static void
update_scrubber (SwyWindow  *self,
                 gint64      now,
                 gint64      end,
                 const char *clock)
{
  double step = MAX (end / 100.0, 1000.0);
  g_autofree char *end_text = NULL;

  gtk_adjustment_configure (self->time_adjustment, MIN (now, end), 0, end, step, step * 10, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->time_scale), end > 0);

  /* Translators: the end of the recorded run, in seconds of virtual time */
  end_text = g_strdup_printf (_("%.3f s"), end / (double) G_USEC_PER_SEC);
  gtk_label_set_text (self->time_end_label, end_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->time_scale),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, clock,
                                  -1);
}

static void
update_status (SwyWindow *self)
{
  SwyGraph *g = graph (self);
  gint64 now = swy_graph_get_now (g);
  guint64 emitted = swy_graph_get_total_emitted (g);
  guint64 delivered = swy_graph_get_total_delivered (g);
  guint64 dropped = swy_graph_get_total_dropped (g);
  g_autofree char *clock = NULL;
  g_autofree char *totals = NULL;

  /* A replay's time and totals are those of the records it shows. */
  if (self->replay != NULL)
    {
      now = swy_replay_get_time (self->replay);
      swy_replay_get_totals (self->replay, &emitted, &delivered, &dropped);
    }

  /* Translators: virtual time in seconds, "t = 12.345 s" */
  clock = g_strdup_printf (_("t = %.3f s"), now / (double) G_USEC_PER_SEC);
  gtk_label_set_text (self->clock_label, clock);
  if (self->replay != NULL)
    update_scrubber (self, now, swy_replay_get_end_time (self->replay), clock);
  else if (self->history != NULL)
    update_scrubber (self, now, swy_history_get_end (self->history), clock);

  totals = g_strdup_printf (_("%llu emitted · %llu delivered · %llu dropped"),
                            (unsigned long long) emitted,
                            (unsigned long long) delivered,
                            (unsigned long long) dropped);
  gtk_label_set_text (self->totals_label, totals);
  /* The scrubber takes the room first; the whole line is in the tooltip. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->totals_label), totals);

  /* The open lesson's steps turn done by themselves as the graph runs. */
  if (self->lesson_panel != NULL)
    swy_lesson_panel_evaluate (self->lesson_panel);
}

static void
update_run_controls (SwyWindow *self)
{
  gboolean playing = self->replay != NULL ? swy_replay_get_playing (self->replay)
                                          : swy_graph_get_playing (graph (self));

  /* While a run plays, its live views are paced: slow frames leave the
   * main loop a gap (swy-frame-pacer.c). */
  swy_frame_pacer_set_active (GTK_WINDOW (self), playing);
  adw_button_content_set_icon_name (self->run_content,
                                    playing ? "media-playback-pause-symbolic"
                                            : "media-playback-start-symbolic");
  adw_button_content_set_label (self->run_content, playing ? _("_Pause") : _("_Run"));
  gtk_widget_set_tooltip_text (gtk_widget_get_parent (GTK_WIDGET (self->run_content)),
                               playing ? _("Pause (F5)") : _("Run Live (F5)"));
}

static void
update_speed_label (SwyWindow *self)
{
  double speed = self->replay != NULL ? swy_replay_get_speed (self->replay)
                                      : swy_graph_get_speed (graph (self));
  g_autofree char *label = NULL;

  if (speed < 0.995)
    label = g_strdup_printf (_("%.2g×"), speed);
  else
    label = g_strdup_printf (_("%.3g×"), speed);
  gtk_menu_button_set_label (self->speed_button, label);
}

static gboolean
status_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  SwyWindow *self = SWY_WINDOW (widget);

  update_status (self);
  if (!swy_graph_get_playing (graph (self)))
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
playing_changed_cb (SwyWindow *self)
{
  update_run_controls (self);
  update_status (self);
  if (swy_graph_get_playing (graph (self)) && self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), status_tick_cb, NULL, NULL);
}

static void
set_stack_text (SwyWindow  *self,
                const char *text)
{
  gtk_label_set_text (self->stack_label, text != NULL ? text : "");
  gtk_revealer_set_reveal_child (self->stack_revealer, text != NULL && text[0] != '\0');
}

static void
leave_step_mode (SwyWindow *self)
{
  self->step_start = self->step_end = self->step_next = 0;
  g_ptr_array_set_size (self->call_stack, 0);
  set_stack_text (self, NULL);
  swy_canvas_set_follow_trace (self->canvas, TRUE);
}

static void set_replay        (SwyWindow *self,
                               SwyReplay *replay);
static void replay_changed_cb (SwyWindow *self);

/* Autosave */

#define AUTOSAVE_DELAY_MS 1000

static void
autosave_now (SwyWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  g_clear_handle_id (&self->autosave_id, g_source_remove);

  if (!swy_document_get_modified (self->document))
    {
      swy_autosave_remove (self->autosave_path);
      return;
    }

  data = swy_document_save_data (self->document);
  if (!swy_autosave_write (self->autosave_path, data, swy_document_get_file (self->document), &error))
    g_warning ("Failed to autosave to %s: %s", self->autosave_path, error->message);
}

static gboolean
autosave_timeout_cb (gpointer user_data)
{
  SwyWindow *self = user_data;

  self->autosave_id = 0;
  autosave_now (self);

  return G_SOURCE_REMOVE;
}

/* Debounced: a drag or a held spin button writes once, a moment after it ends. */
static void
schedule_autosave (SwyWindow *self)
{
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  self->autosave_id = g_timeout_add (AUTOSAVE_DELAY_MS, autosave_timeout_cb, self);
}

/**
 * swy_window_restore:
 * @self: a window
 * @recovered: a graph found in the autosave folder
 *
 * Brings back a graph whose edits were never saved, then forgets the old
 * autosave copy: the window keeps its own from now on.
 *
 * Returns: whether the graph was restored
 */
gboolean
swy_window_restore (SwyWindow    *self,
                    SwyRecovered *recovered)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SWY_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (recovered != NULL, FALSE);

  if (!swy_document_restore (self->document, recovered->data, recovered->file, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not restore unsaved changes: %s"),
                                                  error->message);

      toast (self, message);
      return FALSE;
    }

  swy_autosave_remove (recovered->path);
  autosave_now (self);
  return TRUE;
}

/* Document and graph */

static void
document_changed_cb (SwyWindow *self)
{
  schedule_autosave (self);
  update_title (self);
  update_empty_state (self);
  update_status (self);
  swy_code_view_queue_update (self->code_view);
  replay_changed_cb (self);
}

static void
connect_graph (SwyWindow *self)
{
  SwyGraph *g = graph (self);

  /* The inspecting views follow the window's graph and share its view state. */
  swy_log_view_set_graph (self->log_view, g);
  swy_event_details_set_graph (self->event_details, g);
  swy_timeline_set_graph (self->timeline, g);
  swy_stats_view_set_graph (self->stats_view, g);
  swy_code_view_set_graph (self->code_view, g);

  g_signal_connect_object (g, "notify::playing", G_CALLBACK (playing_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (g, "notify::title", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (swy_graph_get_nodes (g), "items-changed",
                           G_CALLBACK (update_empty_state), self, G_CONNECT_SWAPPED);
  gtk_adjustment_set_value (self->speed_adjustment, log10 (swy_graph_get_speed (g)));
  leave_step_mode (self);
  if (self->replay != NULL)
    set_replay (self, NULL);
  g_clear_object (&self->history);
  self->history = swy_history_new (g);
  {
    /* The charts keep a rate per sample, and each rate looks one window
     * further back (swy-stats-row.c): that many samples, and a spare. */
    SwyStatsModel *stats = swy_stats_view_get_model (self->stats_view);
    gint64 interval = swy_stats_model_get_sample_interval (stats);
    gint64 samples = swy_stats_model_get_history_length (stats) +
                     swy_stats_model_get_window (stats) / interval + 3;

    swy_history_set_grid (self->history, interval, samples * interval);
  }
  if (self->view_state != NULL)
    swy_view_state_set_selected_event (self->view_state, 0);
  update_run_controls (self);
  update_speed_label (self);
  document_changed_cb (self);
}

static gboolean
zoom_to_fit_cb (gpointer user_data)
{
  swy_canvas_zoom_to_fit (SWY_CANVAS (user_data));

  return G_SOURCE_REMOVE;
}

/* The welcome view and the lesson panel are made the first time they are
 * needed: a window that never shows them does not pay for them. */
static void
ensure_lesson_panel (SwyWindow *self)
{
  if (self->lesson_panel != NULL)
    return;

  self->lesson_panel = g_object_new (SWY_TYPE_LESSON_PANEL, "width-request", 280, NULL);
  gtk_stack_add_titled (self->start_stack, GTK_WIDGET (self->lesson_panel), "lesson", _("Lesson"));
}

static void
ensure_welcome (SwyWindow *self)
{
  if (self->welcome != NULL)
    return;

  self->welcome = g_object_new (SWY_TYPE_WELCOME, NULL);
  swy_welcome_set_settings (self->welcome, self->settings);
  adw_toast_overlay_set_child (self->welcome_toast_overlay, GTK_WIDGET (self->welcome));
}

/* Lessons (docs/editor.md): a graph with a lesson shows it in the start
 * pane, beside the node palette. */
static void
update_lesson (SwyWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwyLesson) lesson = swy_lesson_new_from_graph (graph (self), &error);
  int index = self->opening_lesson;

  self->opening_lesson = -1;
  if (lesson == NULL && !g_error_matches (error, SWY_LESSON_ERROR, SWY_LESSON_ERROR_MISSING))
    {
      g_autofree char *message = g_strdup_printf (_("The graph’s lesson cannot be shown: %s"), error->message);

      toast (self, message);
    }
  if (lesson != NULL && index < 0)
    index = swy_lessons_find (graph (self));
  self->lesson_number = lesson != NULL && index >= 0 ? (guint) index + 1 : 0;

  if (lesson != NULL)
    ensure_lesson_panel (self);
  if (self->lesson_panel != NULL)
    swy_lesson_panel_set_lesson (self->lesson_panel, lesson, graph (self), self->lesson_number,
                                 lesson != NULL ? swy_lessons_get_n_lessons () : 0);
  gtk_widget_set_visible (self->start_switcher, lesson != NULL);
  gtk_stack_set_visible_child_name (self->start_stack, lesson != NULL ? "lesson" : "palette");
  if (lesson != NULL)
    {
      adw_flap_set_reveal_flap (self->palette_flap, TRUE);
      /* Lesson, inspector and canvas side by side need about 1100 px; in a
       * narrower window the inspector waits for F10 rather than squeeze the
       * canvas or fold the lesson over it. */
      if (gtk_widget_get_width (GTK_WIDGET (self)) < 1100)
        adw_flap_set_reveal_flap (self->inspector_flap, FALSE);
    }
}

static void
graph_replaced_cb (SwyWindow *self)
{
  update_lesson (self);
  gtk_stack_set_visible_child_name (self->main_stack, "editor");
  connect_graph (self);
  swy_inspector_set_object (self->inspector, NULL);
  /* Wait for the canvas to be allocated before fitting the new graph; the
   * window may be closed by then. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, zoom_to_fit_cb, g_object_ref (self->canvas),
                   g_object_unref);
}

/* The right pane shows what was picked last: a node or wire on the canvas
 * (the inspector), or an event in the log or timeline (its details). */
static void
selection_changed_cb (SwyWindow *self)
{
  GObject *object = swy_canvas_get_selected_object (self->canvas);

  swy_inspector_set_object (self->inspector, object);
  swy_code_view_set_focus (self->code_view, object);
  /* With nothing picked on the canvas (a click on empty space, or on a
   * token, which picks its event), the selected event shows, if any. */
  if (object != NULL || swy_view_state_get_selected_event (self->view_state) == 0)
    gtk_stack_set_visible_child_name (self->side_stack, "inspector");
  else
    gtk_stack_set_visible_child_name (self->side_stack, "event");
}

static void
selected_event_changed_cb (SwyWindow *self)
{
  gboolean event = swy_view_state_get_selected_event (self->view_state) != 0;

  gtk_stack_set_visible_child_name (self->side_stack, event ? "event" : "inspector");
  if (event && !adw_flap_get_reveal_flap (self->inspector_flap))
    adw_flap_set_reveal_flap (self->inspector_flap, TRUE);
}

static void
code_copied_cb (SwyWindow *self)
{
  toast (self, _("Copied"));
}

static void
refused_cb (SwyWindow  *self,
            const char *message)
{
  toast (self, message);
}

static void
remember_file (SwyWindow *self)
{
  GFile *file = swy_document_get_file (self->document);
  g_autofree char *uri = file != NULL ? g_file_get_uri (file) : NULL;

  g_settings_set_string (self->settings, "last-file", uri != NULL ? uri : "");
  if (file != NULL)
    swy_welcome_remember_file (self->settings, file);
}

/**
 * swy_window_open_file:
 * @self: a window
 * @file: a `.swy` file
 *
 * Opens @file in the window. A file that cannot be loaded leaves the open
 * graph as it was and says why in a toast.
 *
 * Returns: whether the file was opened
 */
gboolean
swy_window_open_file (SwyWindow *self,
                      GFile     *file)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SWY_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!swy_document_load_file (self->document, file, &error))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *message = g_strdup_printf (_("Could not open “%s”: %s"), name, error->message);

      toast (self, message);
      return FALSE;
    }

  remember_file (self);
  return TRUE;
}

/* Saving and asking before losing changes */

static void save_as (SwyWindow      *self,
                     ContinueFunc    then,
                     gpointer        data,
                     GDestroyNotify  destroy);

static void
save_failed_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         SwyWindow        *self)
{
  if (g_str_equal (response, "save-as"))
    save_as (self, NULL, NULL, NULL);
}

/* A failed save is worth more than a toast that goes by: it says what was
 * not saved, where and why, that nothing is lost, and offers Save As. */
static void
show_save_error (SwyWindow    *self,
                 GFile        *file,
                 const GError *error)
{
  AdwMessageDialog *dialog;
  g_autofree char *name = g_file_get_parse_name (file);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Save"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” was not saved: %s.\n\n"
                                    "Your changes are still here, and the file on disk is as it was. "
                                    "Save to another place to keep them."),
                                  name, error->message);
  adw_message_dialog_add_responses (dialog,
                                    "close", _("_Close"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save-as", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_failed_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
save_to (SwyWindow *self,
         GFile     *file)
{
  g_autoptr(GError) error = NULL;

  if (!swy_document_save_file (self->document, file, &error))
    {
      show_save_error (self, file, error);
      return FALSE;
    }

  gtk_info_bar_set_revealed (self->changed_bar, FALSE);
  remember_file (self);
  return TRUE;
}

typedef struct
{
  SwyWindow    *self;
  ContinueFunc  then;
  gpointer      data;
  GDestroyNotify destroy;
} Continuation;

static void
continuation_run_and_free (Continuation *cont,
                           gboolean      proceed)
{
  if (proceed && cont->then != NULL)
    cont->then (cont->self, cont->data);
  if (cont->destroy != NULL && cont->data != NULL)
    cont->destroy (cont->data);
  g_object_unref (cont->self);
  g_free (cont);
}

static GtkFileFilter *
swy_file_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Switchyard graphs"));
  gtk_file_filter_add_mime_type (filter, "application/x-switchyard");
  gtk_file_filter_add_suffix (filter, "swy");

  return filter;
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
save_dialog_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Continuation *cont = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  continuation_run_and_free (cont, file != NULL && save_to (cont->self, file));
}
#else
static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     Continuation    *cont)
{
  gboolean saved = FALSE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      saved = file != NULL && save_to (cont->self, file);
    }
  g_object_unref (dialog);
  continuation_run_and_free (cont, saved);
}
#endif

/* Asks where to save, through the portal when there is one, then goes on:
 * GtkFileDialog where GTK has it (4.10), GtkFileChooserNative on 4.8. */
static void
save_as (SwyWindow      *self,
         ContinueFunc    then,
         gpointer        data,
         GDestroyNotify  destroy)
{
  Continuation *cont = g_new0 (Continuation, 1);
  g_autoptr(GtkFileFilter) filter = swy_file_filter ();
  GFile *current = swy_document_get_file (self->document);
  g_autofree char *suggested = g_strdup_printf ("%s.swy", _("Untitled graph"));

  cont->self = g_object_ref (self);
  cont->then = then;
  cont->data = data;
  cont->destroy = destroy;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, filter);
    gtk_file_dialog_set_title (dialog, _("Save Graph"));
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    if (current != NULL)
      gtk_file_dialog_set_initial_file (dialog, current);
    else
      gtk_file_dialog_set_initial_name (dialog, suggested);
    gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, save_dialog_done_cb, cont);
  }
#else
  {
    GtkFileChooserNative *dialog;

    dialog = gtk_file_chooser_native_new (_("Save Graph"), GTK_WINDOW (self),
                                          GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    if (current != NULL)
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), current, NULL);
    else
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
    g_signal_connect (dialog, "response", G_CALLBACK (save_as_response_cb), cont);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
  }
#endif
}

static void
save_now_then (SwyWindow      *self,
               GFile          *file,
               ContinueFunc    then,
               gpointer        data,
               GDestroyNotify  destroy)
{
  if (save_to (self, file) && then != NULL)
    then (self, data);
  if (destroy != NULL && data != NULL)
    destroy (data);
}

static void reload (SwyWindow *self);

static void
changed_on_disk_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             Continuation     *cont)
{
  GFile *file = swy_document_get_file (cont->self->document);

  if (g_str_equal (response, "overwrite") && file != NULL)
    {
      save_now_then (cont->self, file, cont->then, cont->data, cont->destroy);
      cont->then = NULL;
      cont->destroy = NULL;
    }
  else if (g_str_equal (response, "reload"))
    reload (cont->self);
  continuation_run_and_free (cont, FALSE);
}

/* Saving over a file someone else changed since it was opened or saved
 * here would silently lose their changes: ask first. */
static void
confirm_overwrite_changed (SwyWindow      *self,
                           ContinueFunc    then,
                           gpointer        data,
                           GDestroyNotify  destroy)
{
  AdwMessageDialog *dialog;
  Continuation *cont = g_new0 (Continuation, 1);
  g_autofree char *name = g_file_get_parse_name (swy_document_get_file (self->document));

  cont->self = g_object_ref (self);
  cont->then = then;
  cont->data = data;
  cont->destroy = destroy;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("File Changed on Disk"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” was changed by another program after it was opened "
                                    "here. Saving replaces those changes with yours; reloading "
                                    "replaces yours with them."),
                                  name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    "overwrite", _("_Save Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (changed_on_disk_response_cb), cont);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_then (SwyWindow      *self,
           ContinueFunc    then,
           gpointer        data,
           GDestroyNotify  destroy)
{
  GFile *file = swy_document_get_file (self->document);

  if (file == NULL)
    save_as (self, then, data, destroy);
  else if (swy_document_get_changed_on_disk (self->document))
    confirm_overwrite_changed (self, then, data, destroy);
  else
    save_now_then (self, file, then, data, destroy);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Continuation     *cont)
{
  if (g_str_equal (response, "save"))
    {
      save_then (cont->self, cont->then, cont->data, cont->destroy);
      cont->then = NULL;
      cont->destroy = NULL;
      continuation_run_and_free (cont, FALSE);
    }
  else
    continuation_run_and_free (cont, g_str_equal (response, "discard"));
}

/* Runs @then now if nothing is unsaved; otherwise asks first. */
static void
confirm_discard (SwyWindow      *self,
                 ContinueFunc    then,
                 gpointer        data,
                 GDestroyNotify  destroy)
{
  AdwMessageDialog *dialog;
  Continuation *cont;
  g_autofree char *name = NULL;

  if (!swy_document_get_modified (self->document))
    {
      then (self, data);
      if (destroy != NULL && data != NULL)
        destroy (data);
      return;
    }

  cont = g_new0 (Continuation, 1);
  cont->self = g_object_ref (self);
  cont->then = then;
  cont->data = data;
  cont->destroy = destroy;

  name = swy_document_dup_title (self->document);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” has unsaved changes. Changes you do not save are lost."),
                                  name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), cont);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Changes on disk */

static void
reload (SwyWindow *self)
{
  GFile *file = swy_document_get_file (self->document);

  gtk_info_bar_set_revealed (self->changed_bar, FALSE);
  if (file != NULL)
    {
      g_autoptr(GFile) keep = g_object_ref (file);

      swy_window_open_file (self, keep);
    }
}

static void
reload_then (SwyWindow *self,
             gpointer   data)
{
  reload (self);
}

static void
reload_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  SwyWindow *self = SWY_WINDOW (user_data);

  if (swy_document_get_file (self->document) != NULL)
    confirm_discard (self, reload_then, NULL, NULL);
}

static void
changed_bar_response_cb (SwyWindow  *self,
                         int         response,
                         GtkInfoBar *bar)
{
  gtk_info_bar_set_revealed (bar, FALSE);
}

static void
file_monitor_changed_cb (SwyWindow         *self,
                         GFile             *file,
                         GFile             *other_file,
                         GFileMonitorEvent  event,
                         GFileMonitor      *monitor)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  /* Our own saves change the file too, but the document knows their tag. */
  if (!swy_document_get_changed_on_disk (self->document))
    return;

  name = swy_document_dup_title (self->document);
  text = g_strdup_printf (_("“%s” was changed by another program."), name);
  gtk_label_set_text (self->changed_label, text);
  gtk_info_bar_set_revealed (self->changed_bar, TRUE);
}

/* GLib watches the file's folder, so a file replaced by a rename (as our
 * saves and most editors' are) is seen too; any event leads to comparing
 * entity tags, so the kind of event does not matter. */
static void
document_file_changed_cb (SwyWindow *self)
{
  GFile *file = swy_document_get_file (self->document);

  if (self->file_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->file_monitor, self);
      g_file_monitor_cancel (self->file_monitor);
      g_clear_object (&self->file_monitor);
    }
  gtk_info_bar_set_revealed (self->changed_bar, FALSE);
  if (file == NULL)
    return;

  self->file_monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->file_monitor != NULL)
    g_signal_connect_object (self->file_monitor, "changed", G_CALLBACK (file_monitor_changed_cb),
                             self, G_CONNECT_SWAPPED);
}

/* Actions */

static void
open_file_then (SwyWindow *self,
                gpointer   data)
{
  swy_window_open_file (self, G_FILE (data));
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
open_dialog_done_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(SwyWindow) self = user_data;
  GFile *file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    confirm_discard (self, open_file_then, file, g_object_unref);
}
#else
static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  SwyWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      GFile *file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        confirm_discard (self, open_file_then, file, g_object_unref);
    }
  g_object_unref (dialog);
  g_object_unref (self);
}
#endif

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SwyWindow *self = SWY_WINDOW (user_data);
  g_autoptr(GtkFileFilter) filter = swy_file_filter ();

#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  g_list_store_append (filters, filter);
  gtk_file_dialog_set_title (dialog, _("Open Graph"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, open_dialog_done_cb, g_object_ref (self));
#else
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Graph"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
#endif
}

static void
save_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  save_then (SWY_WINDOW (user_data), NULL, NULL, NULL);
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  save_as (SWY_WINDOW (user_data), NULL, NULL, NULL);
}

static void
undo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  swy_document_undo (SWY_WINDOW (user_data)->document);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  swy_document_redo (SWY_WINDOW (user_data)->document);
}

static void
run_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  SwyWindow *self = SWY_WINDOW (user_data);

  if (self->replay != NULL)
    {
      if (swy_replay_get_playing (self->replay))
        swy_replay_pause (self->replay);
      else
        swy_replay_play (self->replay);
      return;
    }

  if (swy_graph_get_playing (graph (self)))
    swy_graph_pause (graph (self));
  else
    {
      leave_step_mode (self);
      /* From an earlier moment, the run goes on from there: a new future. */
      swy_history_forget_future (self->history);
      swy_graph_play (graph (self));
    }
}

static void
reset_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SwyWindow *self = SWY_WINDOW (user_data);

  if (self->replay != NULL)
    {
      swy_replay_reset (self->replay);
      return;
    }

  swy_graph_reset (graph (self));
  swy_history_clear (self->history);
  leave_step_mode (self);
  update_status (self);
}

static const char *
describe_record (SwyTraceRecord *record)
{
  switch (swy_trace_record_get_kind (record))
    {
    case SWY_TRACE_KIND_EMIT:
      return _("emits");
    case SWY_TRACE_KIND_DELIVER:
      return _("handles");
    case SWY_TRACE_KIND_DROP:
      return _("drops");
    default:
      return "";
    }
}

/* The call stack of a record: "main loop" at the bottom, then each node
 * whose handler is running, nested as the sync emissions nest. */
static void
show_call_stack (SwyWindow      *self,
                 SwyTraceRecord *record)
{
  guint depth = swy_trace_record_get_depth (record);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *detail = NULL;

  if (self->call_stack->len == 0)
    g_ptr_array_add (self->call_stack, g_strdup (_("main loop")));
  g_ptr_array_set_size (self->call_stack, MIN (self->call_stack->len, depth + 1));
  g_ptr_array_add (self->call_stack, g_strdup (swy_trace_record_get_node_id (record)));

  for (guint i = 0; i < self->call_stack->len; i++)
    {
      if (i > 0)
        g_string_append (text, " → ");
      g_string_append (text, g_ptr_array_index (self->call_stack, i));
    }

  if (swy_trace_record_get_kind (record) == SWY_TRACE_KIND_DROP)
    detail = g_strdup_printf (_("drops event %llu (%s)"),
                              (unsigned long long) swy_trace_record_get_event_id (record),
                              swy_trace_record_get_reason (record));
  else
    detail = g_strdup_printf ("%s %s %" G_GUINT64_FORMAT " “%s”", describe_record (record),
                              _("event"), swy_trace_record_get_event_id (record),
                              swy_trace_record_get_topic (record));
  g_string_append_printf (text, "   %s", detail);
  set_stack_text (self, text->str);
}

static SwyTraceRecord *
record_by_total (SwyTrace *trace,
                 guint64   index)
{
  guint64 total = swy_trace_get_n_total (trace);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (trace));

  if (index >= total || total - index > n_items)
    return NULL;

  return swy_trace_get_record (trace, n_items - (guint) (total - index));
}

static void
step_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SwyWindow *self = SWY_WINDOW (user_data);
  SwyTrace *trace = swy_graph_get_trace (graph (self));
  g_autoptr(SwyTraceRecord) record = NULL;

  if (self->replay != NULL)
    {
      swy_replay_step (self->replay);
      return;
    }

  swy_graph_pause (graph (self));
  swy_canvas_set_follow_trace (self->canvas, FALSE);

  /* One press reveals one dispatch: first the records the last engine step
   * already made (the nested sync deliveries), then the next engine step. */
  if (self->step_next >= self->step_end)
    {
      guint64 before = swy_trace_get_n_total (trace);

      g_ptr_array_set_size (self->call_stack, 0);
      swy_history_forget_future (self->history);
      if (!swy_graph_step (graph (self)))
        {
          set_stack_text (self, _("Nothing is pending: the run is over. Reset to start again."));
          update_status (self);
          return;
        }
      swy_trace_flush (trace);
      self->step_start = self->step_next = before;
      self->step_end = swy_trace_get_n_total (trace);
    }

  record = record_by_total (trace, self->step_next++);
  if (record != NULL)
    {
      swy_canvas_reveal_record (self->canvas, record);
      show_call_stack (self, record);
    }
  update_status (self);
}

/* Step Back: runs are deterministic, so the state one dispatch earlier is
 * the run from time zero replayed up to there, clicks included. Within one
 * engine step, it first walks back through the nested records it revealed. */
static void
step_back_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SwyWindow *self = SWY_WINDOW (user_data);
  SwyGraph *g = graph (self);
  SwyTrace *trace = swy_graph_get_trace (g);
  g_autoptr(SwyTraceRecord) record = NULL;
  guint64 target;

  if (self->replay != NULL)
    {
      swy_replay_step_back (self->replay);
      return;
    }

  swy_graph_pause (g);
  swy_canvas_set_follow_trace (self->canvas, FALSE);

  if (self->step_end > 0 && self->step_next > self->step_start + 1)
    {
      self->step_next--;
      g_ptr_array_set_size (self->call_stack, 0);
      for (guint64 i = self->step_start; i < self->step_next; i++)
        {
          g_autoptr(SwyTraceRecord) earlier = record_by_total (trace, i);

          if (earlier != NULL)
            show_call_stack (self, earlier);
        }
      record = record_by_total (trace, self->step_next - 1);
      if (record != NULL)
        swy_canvas_reveal_record (self->canvas, record);
      update_status (self);
      return;
    }

  if (swy_graph_get_n_performed (g) == 0)
    {
      set_stack_text (self, _("This is the start of the run"));
      return;
    }

  target = swy_graph_get_n_performed (g) - 1;
  g_ptr_array_set_size (self->call_stack, 0);
  self->step_start = self->step_end = self->step_next = 0;
  if (target > 0)
    {
      swy_history_go_to_performed (self->history, target - 1);
      swy_trace_flush (trace);
      self->step_start = swy_trace_get_n_total (trace);
    }
  swy_history_go_to_performed (self->history, target);
  swy_trace_flush (trace);

  if (target == 0)
    set_stack_text (self, _("This is the start of the run"));
  else
    {
      /* Show the replayed step whole, as Step shows it at its last record. */
      self->step_end = self->step_next = swy_trace_get_n_total (trace);
      for (guint64 i = self->step_start; i < self->step_end; i++)
        {
          g_autoptr(SwyTraceRecord) earlier = record_by_total (trace, i);

          if (earlier != NULL)
            show_call_stack (self, earlier);
        }
    }
  update_status (self);
}

/* Moves the whole window to a moment of the run: the graph is run again to
 * it, so the canvas, the log, the timeline, the statistics and the status
 * line all show that moment. */
static void
seek (SwyWindow *self,
      gint64     t_us)
{
  if (self->replay != NULL)
    {
      swy_replay_pause (self->replay);
      swy_canvas_set_follow_trace (self->canvas, FALSE);
      swy_replay_seek (self->replay, CLAMP (t_us, 0, swy_replay_get_end_time (self->replay)));
      swy_canvas_set_follow_trace (self->canvas, TRUE);
      return;
    }

  leave_step_mode (self);
  /* The rerun's records are the past, not news to animate. */
  swy_canvas_set_follow_trace (self->canvas, FALSE);
  swy_history_seek (self->history, t_us);
  swy_trace_flush (swy_graph_get_trace (graph (self)));
  /* A batch that does not move the clock (a seek to 0) notifies nothing. */
  swy_stats_model_observe (swy_stats_view_get_model (self->stats_view));
  swy_canvas_set_follow_trace (self->canvas, TRUE);
  update_status (self);
}

static void
seek_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  seek (SWY_WINDOW (user_data), g_variant_get_int64 (parameter));
}

static gboolean
time_scale_change_value_cb (SwyWindow     *self,
                            GtkScrollType  scroll,
                            double         value)
{
  seek (self, (gint64) round (value));

  return TRUE;
}

static void
speed_changed_cb (SwyWindow *self)
{
  double speed = pow (10.0, gtk_adjustment_get_value (self->speed_adjustment));

  /* Snap near the round speeds people look for. */
  for (guint i = 0; i < 4; i++)
    {
      static const double round_speeds[] = { 0.1, 1.0, 10.0, 20.0 };

      if (fabs (log10 (speed) - log10 (round_speeds[i])) < 0.03)
        speed = round_speeds[i];
    }
  if (self->replay != NULL)
    swy_replay_set_speed (self->replay, CLAMP (speed, 0.05, 20.0));
  else
    swy_graph_set_speed (graph (self), CLAMP (speed, 0.05, 20.0));
  update_speed_label (self);
}

static void
speed_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SwyWindow *self = SWY_WINDOW (user_data);

  gtk_adjustment_set_value (self->speed_adjustment,
                            log10 (CLAMP (g_variant_get_double (parameter), 0.05, 20.0)));
}

static void
add_node_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  SwyWindow *self = SWY_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  double x, y;
  SwyNode *node;

  swy_canvas_get_free_spot (self->canvas, &x, &y);
  node = swy_document_add_node (self->document, g_variant_get_string (parameter, NULL), x, y, &error);
  if (node == NULL)
    {
      toast (self, error->message);
      return;
    }
  swy_canvas_select (self->canvas, G_OBJECT (node), FALSE);
}

static void
fire_node_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SwyWindow *self = SWY_WINDOW (user_data);
  g_autoptr(GError) error = NULL;

  if (!swy_history_fire_button (self->history, g_variant_get_string (parameter, NULL), &error))
    toast (self, error->message);
  update_status (self);
}

static void
zoom_in_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (SWY_WINDOW (user_data)->canvas), "canvas.zoom-in", NULL);
}

static void
zoom_out_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (SWY_WINDOW (user_data)->canvas), "canvas.zoom-out", NULL);
}

static void
zoom_fit_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  swy_canvas_zoom_to_fit (SWY_WINDOW (user_data)->canvas);
}

static void
set_action_enabled (SwyWindow  *self,
                    const char *name,
                    gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
update_history_actions (SwyWindow *self)
{
  set_action_enabled (self, "undo", swy_document_get_can_undo (self->document));
  set_action_enabled (self, "redo", swy_document_get_can_redo (self->document));
}

static void
show_pane_change_state (GSimpleAction *action,
                        GVariant      *state,
                        gpointer       user_data)
{
  SwyWindow *self = SWY_WINDOW (user_data);
  gboolean palette = g_str_equal (g_action_get_name (G_ACTION (action)), "show-palette");

  adw_flap_set_reveal_flap (palette ? self->palette_flap : self->inspector_flap,
                            g_variant_get_boolean (state));
  g_simple_action_set_state (action, state);
}

/* The share of the height under the header bar that the bottom panel
 * takes the first time it shows in a window, so that the log has rows to
 * show under its filters; never less than its minimum. After that the
 * paned keeps wherever the user dragged it. */
#define PANEL_SHARE 0.45

static void
set_panel_visible (SwyWindow *self,
                   gboolean   visible)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self->bottom_paned));

  gtk_widget_set_visible (GTK_WIDGET (self->bottom_panel), visible);
  if (visible && !self->panel_sized && height > 0)
    {
      int minimum;

      gtk_widget_measure (GTK_WIDGET (self->bottom_panel), GTK_ORIENTATION_VERTICAL,
                          gtk_widget_get_width (GTK_WIDGET (self->bottom_paned)), &minimum, NULL, NULL, NULL);
      gtk_paned_set_position (self->bottom_paned,
                              MAX (0, height - MAX (minimum, (int) round (height * PANEL_SHARE))));
      self->panel_sized = TRUE;
    }
}

static void
show_panel_change_state (GSimpleAction *action,
                         GVariant      *state,
                         gpointer       user_data)
{
  SwyWindow *self = SWY_WINDOW (user_data);

  set_panel_visible (self, g_variant_get_boolean (state));
  g_simple_action_set_state (action, state);
}

/* Shows the panel on its Code page, or hides it when that page shows. */
static void
show_code_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SwyWindow *self = SWY_WINDOW (user_data);
  gboolean shown = gtk_widget_get_visible (GTK_WIDGET (self->bottom_panel)) &&
                   g_strcmp0 (adw_view_stack_get_visible_child_name (self->bottom_stack), "code") == 0;

  if (!shown)
    adw_view_stack_set_visible_child_name (self->bottom_stack, "code");
  g_action_group_change_action_state (G_ACTION_GROUP (self), "show-panel",
                                      g_variant_new_boolean (!shown));
}

/* Export: what the user picked, and where to write it. */

typedef void (*FileChosenFunc) (SwyWindow *self,
                                GFile     *file,
                                gpointer   data);

typedef struct
{
  SwyWindow      *self;
  FileChosenFunc  func;
  gpointer        data;
  GDestroyNotify  destroy;
} FileRequest;

static void
file_request_finish (FileRequest *request,
                     GFile       *file)
{
  if (file != NULL)
    request->func (request->self, file, request->data);
  if (request->destroy != NULL)
    request->destroy (request->data);
  g_object_unref (request->self);
  g_free (request);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
file_request_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  FileRequest *request = user_data;
  g_autoptr(GFile) file = NULL;

  if (g_object_get_data (source, "swy-open") != NULL)
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);
  else
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);
  file_request_finish (request, file);
}
#else
static void
file_request_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          FileRequest     *request)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  file_request_finish (request, file);
}
#endif

/* Asks for a file to write (@name suggested) or to read (@name NULL),
 * through the portal, then calls @func with it. */
static void
choose_file (SwyWindow      *self,
             const char     *title,
             const char     *name,
             FileChosenFunc  func,
             gpointer        data,
             GDestroyNotify  destroy)
{
  FileRequest *request = g_new0 (FileRequest, 1);

  request->self = g_object_ref (self);
  request->func = func;
  request->data = data;
  request->destroy = destroy;

#if GTK_CHECK_VERSION (4, 10, 0)
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, title);
    if (name != NULL)
      {
        gtk_file_dialog_set_initial_name (dialog, name);
        gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, file_request_done_cb, request);
      }
    else
      {
        g_object_set_data (G_OBJECT (dialog), "swy-open", GINT_TO_POINTER (TRUE));
        gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, file_request_done_cb, request);
      }
  }
#else
  {
    GtkFileChooserNative *dialog;

    dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                          name != NULL ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                       : GTK_FILE_CHOOSER_ACTION_OPEN,
                                          name != NULL ? _("_Export") : _("_Open"),
                                          _("_Cancel"));
    if (name != NULL)
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
    g_signal_connect (dialog, "response", G_CALLBACK (file_request_response_cb), request);
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
  }
#endif
}

static gboolean
export_to (SwyWindow   *self,
           const char  *what,
           GFile       *file,
           GError     **error)
{
  SwyGraph *g = graph (self);
  SwyStatsModel *rates = swy_stats_view_get_model (self->stats_view);
  /* While a replay is shown, the trace exported is the one replayed (so an
   * imported JSON-lines trace can be written again as CSV or for Perfetto),
   * whole, whatever the replay's time. */
  SwyTrace *trace = self->replay != NULL ? swy_replay_get_trace (self->replay)
                                         : swy_graph_get_trace (g);

  swy_trace_flush (trace);
  if (g_str_equal (what, "trace-jsonl"))
    return swy_export_trace (trace, SWY_TRACE_FORMAT_JSONL, file, NULL, error);
  if (g_str_equal (what, "trace-csv"))
    return swy_export_trace (trace, SWY_TRACE_FORMAT_CSV, file, NULL, error);
  if (g_str_equal (what, "trace-chrome"))
    return swy_export_trace (trace, SWY_TRACE_FORMAT_CHROME, file, NULL, error);
  /* The statistics files hold the engine's counters, which a replay does
   * not drive: refuse rather than write the graph's own run under the
   * replay's name. */
  if (self->replay != NULL && g_str_has_prefix (what, "stats-"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("statistics are exported from a run, not from a replay; leave the replay first"));
      return FALSE;
    }
  if (g_str_equal (what, "stats-json"))
    return swy_export_stats (g, rates, SWY_STATS_FORMAT_JSON, file, NULL, error);
  if (g_str_equal (what, "stats-csv"))
    return swy_export_stats (g, rates, SWY_STATS_FORMAT_CSV, file, NULL, error);
  if (g_str_equal (what, "canvas-png"))
    return swy_export_canvas_png (self->canvas, file, error);
  if (g_str_equal (what, "canvas-svg"))
    return swy_export_canvas_svg (self->canvas, file, error);
  if (g_str_equal (what, "code"))
    return swy_code_view_save (self->code_view, file, error);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Unknown export “%s”", what);
  return FALSE;
}

gboolean
_swy_window_export (SwyWindow   *self,
                    const char  *what,
                    GFile       *file,
                    GError     **error)
{
  return export_to (self, what, file, error);
}

static void
export_chosen_cb (SwyWindow *self,
                  GFile     *file,
                  gpointer   data)
{
  g_autoptr(GError) error = NULL;

  if (!export_to (self, data, file, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not export: %s"), error->message);

      toast (self, message);
      return;
    }
  {
    g_autofree char *name = g_file_get_basename (file);
    g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

    toast (self, message);
  }
}

/* Suggested names: the graph's name with the export's extension. */
static char *
export_file_name (SwyWindow  *self,
                  const char *what)
{
  g_autofree char *title = NULL;
  g_autofree char *stem = NULL;
  const char *suffix;

  if (g_str_equal (what, "code"))
    return swy_code_view_dup_file_name (self->code_view);

  title = swy_document_dup_title (self->document);
  stem = g_str_has_suffix (title, ".swy")
                          ? g_strndup (title, strlen (title) - 4) : g_strdup (title);
  suffix = g_str_equal (what, "trace-jsonl") ? "-trace.jsonl"
                     : g_str_equal (what, "trace-csv") ? "-trace.csv"
                     : g_str_equal (what, "trace-chrome") ? "-trace.json"
                     : g_str_equal (what, "stats-json") ? "-stats.json"
                     : g_str_equal (what, "stats-csv") ? "-stats.csv"
                     : g_str_equal (what, "canvas-png") ? ".png"
                     : ".svg";

  return g_strconcat (stem, suffix, NULL);
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  SwyWindow *self = SWY_WINDOW (user_data);
  const char *what = g_variant_get_string (parameter, NULL);
  g_autofree char *name = export_file_name (self, what);

  choose_file (self, _("Export"), name, export_chosen_cb, g_strdup (what), g_free);
}

/* Replay: an imported trace drives the whole window instead of the graph */

/* What a trace names of a graph: its nodes (id and type) and its wires (by
 * index, with their ends). */
static char *
dup_graph_shape (SwyGraph *g)
{
  GListModel *nodes = swy_graph_get_nodes (g);
  GListModel *wires = swy_graph_get_wires (g);
  GString *shape = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (nodes, i);

      g_string_append_printf (shape, "%s %s\n", swy_node_get_id (node), swy_node_get_type_name (node));
    }
  for (guint i = 0; i < g_list_model_get_n_items (wires); i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);
      g_autofree char *from = swy_port_dup_address (swy_wire_get_from (wire));
      g_autofree char *to = swy_port_dup_address (swy_wire_get_to (wire));

      g_string_append_printf (shape, "%s -> %s\n", from, to);
    }

  return g_string_free (shape, FALSE);
}

static void
set_replay (SwyWindow *self,
            SwyReplay *replay)
{
  if (self->replay != NULL)
    {
      swy_replay_pause (self->replay);
      g_signal_handlers_disconnect_by_data (self->replay, self);
    }
  g_set_object (&self->replay, replay);
  g_clear_pointer (&self->replay_shape, g_free);
  if (replay != NULL)
    {
      self->replay_shape = dup_graph_shape (graph (self));
      g_signal_connect_object (replay, "notify::time", G_CALLBACK (update_status), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (replay, "notify::playing", G_CALLBACK (update_run_controls), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (replay, "notify::speed", G_CALLBACK (update_speed_label), self,
                               G_CONNECT_SWAPPED);
    }

  swy_canvas_set_replay (self->canvas, replay);
  swy_log_view_set_replay (self->log_view, replay);
  swy_timeline_set_replay (self->timeline, replay);
  swy_stats_model_set_replay (swy_stats_view_get_model (self->stats_view), replay);
  swy_event_details_set_replay_trace (self->event_details,
                                      replay != NULL ? swy_replay_get_trace (replay) : NULL);
  swy_view_state_set_selected_event (self->view_state, 0);

  /* Nothing of the graph runs or changes by a click while a replay shows. */
  set_action_enabled (self, "fire-node", replay == NULL);
  set_action_enabled (self, "leave-replay", replay != NULL);
  gtk_revealer_set_reveal_child (self->replay_revealer, replay != NULL);
  gtk_adjustment_set_value (self->speed_adjustment,
                            log10 (replay != NULL ? swy_replay_get_speed (replay)
                                                  : swy_graph_get_speed (graph (self))));
  update_run_controls (self);
  update_speed_label (self);
  update_status (self);
}

/* An edit that adds, removes or renames a node or a wire leaves the
 * replay: the trace may name what is gone. Settings and positions keep it. */
static void
replay_changed_cb (SwyWindow *self)
{
  g_autofree char *shape = NULL;

  if (self->replay == NULL)
    return;

  shape = dup_graph_shape (graph (self));
  if (g_strcmp0 (shape, self->replay_shape) == 0)
    return;

  set_replay (self, NULL);
  toast (self, _("Left the replay: nodes or wires of the graph changed"));
}

static void
enter_replay (SwyWindow  *self,
              SwyReplay  *replay,
              const char *name)
{
  g_autofree char *text = NULL;

  /* View-only: the recorded trace is shown as it was, the graph does not
   * run, and stays as it is until the replay is left. */
  swy_graph_pause (graph (self));
  leave_step_mode (self);
  set_replay (self, replay);

  /* Translators: the name of the trace file replayed on the canvas */
  text = g_strdup_printf (_("Replaying “%s”: what the trace recorded, view only. Adding, removing or renaming nodes or wires leaves the replay."),
                          name);
  gtk_label_set_text (self->replay_label, text);

  set_panel_visible (self, TRUE);
  g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "show-panel")),
                             g_variant_new_boolean (TRUE));
}

static void
leave_replay_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  set_replay (SWY_WINDOW (user_data), NULL);
}

static void
import_chosen_cb (SwyWindow *self,
                  GFile     *file,
                  gpointer   data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SwyReplay) replay = swy_replay_new_from_file (graph (self), file, NULL, &error);
  g_autofree char *name = g_file_get_basename (file);

  if (replay == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not import “%s”: %s"), name, error->message);

      toast (self, message);
      return;
    }

  enter_replay (self, replay, name);
}

static void
import_trace_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  choose_file (SWY_WINDOW (user_data), _("Import a Trace"), NULL, import_chosen_cb, NULL, NULL);
}

/* The welcome view and lessons */

/**
 * swy_window_show_welcome:
 * @self: a window
 *
 * Shows the welcome view in place of the editor: the example, New, Open,
 * the recent graphs and the lessons. Back returns to the graph, if there
 * is one worth returning to.
 */
void
swy_window_show_welcome (SwyWindow *self)
{
  gboolean has_graph;

  g_return_if_fail (SWY_IS_WINDOW (self));

  has_graph = swy_document_get_file (self->document) != NULL ||
              swy_document_get_modified (self->document) ||
              g_list_model_get_n_items (swy_graph_get_nodes (graph (self))) > 0;
  swy_graph_pause (graph (self));
  gtk_widget_set_visible (self->welcome_back_button, has_graph);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  gtk_window_set_title (GTK_WINDOW (self), _("Switchyard"));
  ensure_welcome (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->welcome));
}

static void
show_welcome_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  swy_window_show_welcome (SWY_WINDOW (user_data));
}

static void
hide_welcome_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SwyWindow *self = SWY_WINDOW (user_data);

  gtk_stack_set_visible_child_name (self->main_stack, "editor");
  update_title (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

static void
load_data (SwyWindow  *self,
           const char *data,
           const char *what)
{
  g_autoptr(GError) error = NULL;

  if (!swy_document_load_data (self->document, data, &error))
    {
      /* Built in: this is a broken build, but say so rather than do nothing. */
      g_autofree char *message = g_strdup_printf (_("Could not open %s: %s"), what, error->message);

      toast (self, message);
      return;
    }
  remember_file (self);
}

static void
new_graph_then (SwyWindow *self,
                gpointer   data)
{
  load_data (self, EMPTY_GRAPH, _("an empty graph"));
}

static void
new_graph_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  confirm_discard (SWY_WINDOW (user_data), new_graph_then, NULL, NULL);
}

static void
open_example_then (SwyWindow *self,
                   gpointer   data)
{
  swy_window_load_first_run_example (self);
  remember_file (self);
}

static void
open_example_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  confirm_discard (SWY_WINDOW (user_data), open_example_then, NULL, NULL);
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GFile *file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  confirm_discard (SWY_WINDOW (user_data), open_file_then, file, g_object_unref);
}

/* A bundled lesson opens as an unsaved graph: Save asks where, so the
 * learner's copy never replaces the lesson. */
static void
open_lesson_then (SwyWindow *self,
                  gpointer   data)
{
  guint index = GPOINTER_TO_UINT (data) - 1;
  g_autofree char *what = g_strdup_printf (_("lesson %u"), index + 1);

  self->opening_lesson = (int) index;
  load_data (self, swy_lessons_get_data (index), what);
  self->opening_lesson = -1;
}

static void
open_lesson (SwyWindow *self,
             guint      index)
{
  if (index >= swy_lessons_get_n_lessons ())
    return;
  confirm_discard (self, open_lesson_then, GUINT_TO_POINTER (index + 1), NULL);
}

static void
open_lesson_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  open_lesson (SWY_WINDOW (user_data), g_variant_get_uint32 (parameter));
}

static void
reopen_file_then (SwyWindow *self,
                  gpointer   data)
{
  swy_window_open_file (self, G_FILE (data));
}

/* Back to the lesson's own graph and its first step: the bundled lesson,
 * or for a lesson of another file, that file as saved. */
static void
reset_lesson_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SwyWindow *self = SWY_WINDOW (user_data);
  GFile *file = swy_document_get_file (self->document);

  if (self->lesson_number > 0)
    open_lesson (self, self->lesson_number - 1);
  else if (file != NULL && self->lesson_panel != NULL && swy_lesson_panel_get_lesson (self->lesson_panel) != NULL)
    confirm_discard (self, reopen_file_then, g_object_ref (file), g_object_unref);
}

static void
next_lesson_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SwyWindow *self = SWY_WINDOW (user_data);

  if (self->lesson_number > 0)
    open_lesson (self, self->lesson_number);
}

static const GActionEntry win_actions[] = {
  { .name = "open", .activate = open_action },
  { .name = "save", .activate = save_action },
  { .name = "save-as", .activate = save_as_action },
  { .name = "reload", .activate = reload_action },
  { .name = "undo", .activate = undo_action },
  { .name = "redo", .activate = redo_action },
  { .name = "run", .activate = run_action },
  { .name = "step", .activate = step_action },
  { .name = "reset", .activate = reset_action },
  { .name = "step-back", .activate = step_back_action },
  { .name = "seek", .activate = seek_action, .parameter_type = "x" },
  { .name = "speed", .activate = speed_action, .parameter_type = "d" },
  { .name = "add-node", .activate = add_node_action, .parameter_type = "s" },
  { .name = "fire-node", .activate = fire_node_action, .parameter_type = "s" },
  { .name = "zoom-in", .activate = zoom_in_action },
  { .name = "zoom-out", .activate = zoom_out_action },
  { .name = "zoom-fit", .activate = zoom_fit_action },
  { .name = "show-palette", .state = "true", .change_state = show_pane_change_state },
  { .name = "show-panel", .state = "false", .change_state = show_panel_change_state },
  { .name = "show-code", .activate = show_code_action },
  { .name = "export", .activate = export_action, .parameter_type = "s" },
  { .name = "import-trace", .activate = import_trace_action },
  { .name = "leave-replay", .activate = leave_replay_action },
  { .name = "show-inspector", .state = "true", .change_state = show_pane_change_state },
  { .name = "show-welcome", .activate = show_welcome_action },
  { .name = "hide-welcome", .activate = hide_welcome_action },
  { .name = "new-graph", .activate = new_graph_action },
  { .name = "open-example", .activate = open_example_action },
  { .name = "open-recent", .activate = open_recent_action, .parameter_type = "s" },
  { .name = "open-lesson", .activate = open_lesson_action, .parameter_type = "u" },
  { .name = "reset-lesson", .activate = reset_lesson_action },
  { .name = "next-lesson", .activate = next_lesson_action },
};

/* Window state */

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

static void
close_then (SwyWindow *self,
            gpointer   data)
{
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
swy_window_close_request (GtkWindow *window)
{
  SwyWindow *self = SWY_WINDOW (window);

  if (!self->close_confirmed && swy_document_get_modified (self->document))
    {
      confirm_discard (self, close_then, NULL, NULL);
      return TRUE;
    }

  save_window_state (self);
  swy_graph_pause (graph (self));
  /* Closed on purpose: whatever was unsaved was let go. */
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  swy_autosave_remove (self->autosave_path);

  return GTK_WINDOW_CLASS (swy_window_parent_class)->close_request (window);
}

/**
 * swy_window_load_first_run_example:
 * @self: a window
 *
 * Opens the small working example a new user sees first, so Run does
 * something at once. It opens as an unsaved, unmodified graph.
 */
void
swy_window_load_first_run_example (SwyWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SWY_IS_WINDOW (self));

  bytes = g_resources_lookup_data (FIRST_RUN_EXAMPLE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL || !swy_document_load_data (self->document, g_bytes_get_data (bytes, NULL), &error))
    g_warning ("Failed to load the first-run example: %s", error->message);
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

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  /* An orderly teardown is not a crash: nothing to recover. */
  g_clear_handle_id (&self->autosave_id, g_source_remove);
  if (self->autosave_path != NULL)
    swy_autosave_remove (self->autosave_path);
  if (self->document != NULL)
    {
      SwyGraph *g = graph (self);

      g_signal_handlers_disconnect_by_data (g, self);
      g_signal_handlers_disconnect_by_data (swy_graph_get_nodes (g), self);
      g_signal_handlers_disconnect_by_data (swy_graph_get_wires (g), self);
      g_signal_handlers_disconnect_by_data (self->document, self);
    }
  if (self->file_monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->file_monitor, self);
      g_file_monitor_cancel (self->file_monitor);
      g_clear_object (&self->file_monitor);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SWY_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->document);
  g_clear_object (&self->view_state);
  g_clear_object (&self->history);
  g_clear_object (&self->replay);

  G_OBJECT_CLASS (swy_window_parent_class)->dispose (object);
}

static void
swy_window_finalize (GObject *object)
{
  SwyWindow *self = SWY_WINDOW (object);

  g_clear_pointer (&self->call_stack, g_ptr_array_unref);
  g_clear_pointer (&self->autosave_path, g_free);
  g_clear_pointer (&self->replay_shape, g_free);
  g_clear_pointer (&self->last_toast, g_free);

  G_OBJECT_CLASS (swy_window_parent_class)->finalize (object);
}

static void
flap_revealed_cb (SwyWindow  *self,
                  GParamSpec *pspec,
                  AdwFlap    *flap)
{
  const char *name = flap == self->palette_flap ? "show-palette" : "show-inspector";
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_boolean (adw_flap_get_reveal_flap (flap)));
}

static void
swy_window_class_init (SwyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = swy_window_constructed;
  object_class->dispose = swy_window_dispose;
  object_class->finalize = swy_window_finalize;

  window_class->close_request = swy_window_close_request;

  g_type_ensure (SWY_TYPE_CANVAS);
  g_type_ensure (SWY_TYPE_EVENT_DETAILS);
  g_type_ensure (SWY_TYPE_LOG_VIEW);
  g_type_ensure (SWY_TYPE_STATS_VIEW);
  g_type_ensure (SWY_TYPE_CODE_VIEW);
  g_type_ensure (SWY_TYPE_TIMELINE);
  g_type_ensure (SWY_TYPE_INSPECTOR);
  g_type_ensure (SWY_TYPE_PALETTE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/swy-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, bottom_paned);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, bottom_panel);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, bottom_stack);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, event_details);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, log_view);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, stats_view);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, code_view);
  gtk_widget_class_bind_template_callback (widget_class, code_copied_cb);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, timeline);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, clock_label);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, inspector_flap);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, palette);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, palette_flap);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, run_content);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, speed_adjustment);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, speed_button);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, stack_label);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, stack_revealer);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, changed_bar);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, changed_label);
  gtk_widget_class_bind_template_callback (widget_class, changed_bar_response_cb);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, totals_label);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, replay_label);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, replay_revealer);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, time_adjustment);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, time_end_label);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, time_scale);
  gtk_widget_class_bind_template_callback (widget_class, time_scale_change_value_cb);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, welcome_back_button);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, welcome_toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, start_stack);
  gtk_widget_class_bind_template_child (widget_class, SwyWindow, start_switcher);


  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
swy_window_init (SwyWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Live views leave the main loop a gap after slow frames. */
  swy_frame_pacer_attach (GTK_WINDOW (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions),
                                   self);
  self->call_stack = g_ptr_array_new_with_free_func (g_free);
  self->opening_lesson = -1;
  self->autosave_path = swy_autosave_new_path ();
  self->view_state = swy_view_state_new ();
  swy_canvas_set_view_state (self->canvas, self->view_state);
  swy_log_view_set_view_state (self->log_view, self->view_state);
  swy_event_details_set_view_state (self->event_details, self->view_state);
  swy_timeline_set_view_state (self->timeline, self->view_state);
  g_signal_connect_object (self->view_state, "notify::selected-event",
                           G_CALLBACK (selected_event_changed_cb), self, G_CONNECT_SWAPPED);
  self->document = swy_document_new ();

  swy_inspector_set_document (self->inspector, self->document);
  swy_canvas_set_document (self->canvas, self->document);

  g_signal_connect_object (self->document, "changed", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::graph", G_CALLBACK (graph_replaced_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::can-undo", G_CALLBACK (update_history_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::can-redo", G_CALLBACK (update_history_actions),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::title", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file", G_CALLBACK (document_file_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::modified", G_CALLBACK (schedule_autosave), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "selection-changed", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "refused", G_CALLBACK (refused_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->speed_adjustment, "value-changed", G_CALLBACK (speed_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->palette_flap, "notify::reveal-flap", G_CALLBACK (flap_revealed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->inspector_flap, "notify::reveal-flap", G_CALLBACK (flap_revealed_cb),
                           self, G_CONNECT_SWAPPED);

  connect_graph (self);
  update_history_actions (self);
  set_action_enabled (self, "leave-replay", FALSE);
}

/* The status bar's texts, for the GUI tests. */
const char *
_swy_window_get_call_stack_text (SwyWindow *self)
{
  g_return_val_if_fail (SWY_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->stack_label);
}

const char *
_swy_window_get_clock_text (SwyWindow *self)
{
  g_return_val_if_fail (SWY_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->clock_label);
}

/* The inspecting views and the scrubber, for the GUI tests. */
SwyLogView *
_swy_window_get_log_view (SwyWindow *self)
{
  g_return_val_if_fail (SWY_IS_WINDOW (self), NULL);

  return self->log_view;
}

SwyStatsView *
_swy_window_get_stats_view (SwyWindow *self)
{
  g_return_val_if_fail (SWY_IS_WINDOW (self), NULL);

  return self->stats_view;
}

SwyCodeView *
_swy_window_get_code_view (SwyWindow *self)
{
  g_return_val_if_fail (SWY_IS_WINDOW (self), NULL);

  return self->code_view;
}

SwyEventDetails *
_swy_window_get_event_details (SwyWindow *self)
{
  g_return_val_if_fail (SWY_IS_WINDOW (self), NULL);

  return self->event_details;
}

/* "inspector" or "event": what the right pane shows. */
const char *
_swy_window_get_side_page (SwyWindow *self)
{
  g_return_val_if_fail (SWY_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->side_stack);
}

GtkScale *
_swy_window_get_time_scale (SwyWindow *self)
{
  g_return_val_if_fail (SWY_IS_WINDOW (self), NULL);

  return self->time_scale;
}

const char *
_swy_window_get_time_end_text (SwyWindow *self)
{
  g_return_val_if_fail (SWY_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->time_end_label);
}

/* The last toast shown, and the changed-on-disk banner's text when it shows
 * (NULL otherwise), for the GUI tests. */
const char *
_swy_window_get_last_toast (SwyWindow *self)
{
  g_return_val_if_fail (SWY_IS_WINDOW (self), NULL);

  return self->last_toast;
}

const char *
_swy_window_get_changed_banner_text (SwyWindow *self)
{
  g_return_val_if_fail (SWY_IS_WINDOW (self), NULL);

  if (!gtk_info_bar_get_revealed (self->changed_bar))
    return NULL;

  return gtk_label_get_text (self->changed_label);
}

/* What the trace import does once the user picked a file. */
void
_swy_window_import_trace (SwyWindow *self,
                          GFile     *file)
{
  g_return_if_fail (SWY_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  import_chosen_cb (self, file, NULL);
}

SwyReplay *
_swy_window_get_replay (SwyWindow *self)
{
  g_return_val_if_fail (SWY_IS_WINDOW (self), NULL);

  return self->replay;
}

const char *
_swy_window_get_replay_text (SwyWindow *self)
{
  g_return_val_if_fail (SWY_IS_WINDOW (self), NULL);

  return gtk_revealer_get_reveal_child (self->replay_revealer)
         ? gtk_label_get_text (self->replay_label) : NULL;
}

const char *
_swy_window_get_totals_text (SwyWindow *self)
{
  g_return_val_if_fail (SWY_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->totals_label);
}

SwyWelcome *
_swy_window_get_welcome (SwyWindow *self)
{
  g_return_val_if_fail (SWY_IS_WINDOW (self), NULL);

  return self->welcome;
}

SwyLessonPanel *
_swy_window_get_lesson_panel (SwyWindow *self)
{
  g_return_val_if_fail (SWY_IS_WINDOW (self), NULL);

  return self->lesson_panel;
}

/* "welcome" or "editor" */
const char *
_swy_window_get_view (SwyWindow *self)
{
  g_return_val_if_fail (SWY_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

GtkPaned *
_swy_window_get_bottom_paned (SwyWindow *self)
{
  g_return_val_if_fail (SWY_IS_WINDOW (self), NULL);

  return self->bottom_paned;
}

/* Whether the start pane shows the lesson (rather than the node palette). */
gboolean
_swy_window_get_lesson_shown (SwyWindow *self)
{
  g_return_val_if_fail (SWY_IS_WINDOW (self), FALSE);

  return g_str_equal (gtk_stack_get_visible_child_name (self->start_stack), "lesson") &&
         adw_flap_get_reveal_flap (self->palette_flap);
}
