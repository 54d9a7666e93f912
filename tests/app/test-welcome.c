/* test-welcome.c: the welcome view, its lesson gallery and recent graphs, and
 * the lesson panel, driven through the window's actions under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-welcome"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <swy.h>

#include "swy-lesson-panel.h"
#include "swy-lessons.h"
#include "swy-welcome.h"
#include "swy-app-test-util.h"
#include "swy-window.h"
#include "swy-window-private.h"
#include "swy-window-test-util.h"


static SwyApplication *app;

static const char *lesson_titles[] = {
  "Events and the main loop",
  "Callbacks: one producer, one handler",
  "Observers: one subject, many handlers",
  "Publish and subscribe with topics",
  "Event-driven is not asynchronous",
  "Priorities: who goes first",
  "Work queues and competing consumers",
  "Back-pressure and overflow",
  "Taming noisy events: debounce and throttle",
  "Storms and cycles",
  "Windows and aggregation",
  "Unreliable networks",
};

/* Main loop */

/* Iterates the main loop until @done holds for @data, or fails after TEST_GUARD_SECONDS. */
static void
spin_until (gboolean (*done) (gpointer data),
            gpointer   data)
{
  gboolean given_up = FALSE;
  guint guard = g_timeout_add_seconds (TEST_GUARD_SECONDS, test_set_flag_cb, &given_up);

  while (!given_up && !done (data))
    g_main_context_iteration (NULL, TRUE);
  if (!given_up)
    g_source_remove (guard);
  g_assert_false (given_up);
}

/* Windows */

static SwyWindow *
present_window (SwyWindow *window)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);
  spin_until_idle ();

  return window;
}

static void
destroy_window (SwyWindow *window)
{
  swy_graph_pause (swy_document_get_graph (swy_window_get_document (window)));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  spin_until_idle ();
  g_assert_null (window);
}

/* Activates a window action, then lets what it started settle. */
static void
act (SwyWindow  *window,
     const char *name,
     GVariant   *parameter)
{
  activate (window, name, parameter);
  spin_until_idle ();
}

static SwyGraph *
window_graph (SwyWindow *window)
{
  return swy_document_get_graph (swy_window_get_document (window));
}

static guint
n_nodes (SwyWindow *window)
{
  return g_list_model_get_n_items (swy_graph_get_nodes (window_graph (window)));
}

/* Answers the "Save Changes?" question that the window asks. */
static void
answer_save_changes (const char *response)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *dialog = NULL;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      dialog = l->data;
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin_until_idle ();
}

static gboolean
graph_done (gpointer data)
{
  return swy_graph_get_n_pending (data) == 0;
}

/* Runs live, as Run does, until nothing is pending, then pauses: at 20×, so
 * quickly. The window's frame tick evaluates the lesson on the way. */
static void
run_to_end (SwyWindow *window)
{
  act (window, "speed", g_variant_new_double (20.0));
  /* Not act(): while the graph plays the main loop is never idle. */
  activate (window, "run", NULL);
  g_assert_true (swy_graph_get_playing (window_graph (window)));
  spin_until (graph_done, window_graph (window));
  act (window, "run", NULL);
  g_assert_false (swy_graph_get_playing (window_graph (window)));
}

static void
click (GtkButton *button)
{
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  g_signal_emit_by_name (button, "clicked");
  spin_until_idle ();
}

static SwyLessonPanel *
panel (SwyWindow *window)
{
  return _swy_window_get_lesson_panel (window);
}

static guint64
counter (SwyWindow  *window,
         const char *node_id)
{
  SwyNode *node = swy_graph_lookup_node (window_graph (window), node_id);

  g_assert_nonnull (node);
  return swy_counter_node_get_count (SWY_COUNTER_NODE (node));
}

/* The tests */

static SwyWindow *
first_window (void)
{
  GtkWindow *active;

  g_application_activate (G_APPLICATION (app));
  spin_until_idle ();
  active = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (SWY_IS_WINDOW (active));

  return SWY_WINDOW (active);
}

/* First start: the welcome view, whose first button opens the example. Later
 * starts: the last file, or the welcome view when there is none. */
static void
test_welcome_first_start (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.switchyard.Switchyard");
  g_autofree char *dir = g_dir_make_tmp ("swy-welcome-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "last.swy", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  SwyWindow *window;

  g_assert_true (g_file_set_contents (path, swy_lessons_get_data (1), -1, NULL));

  g_settings_set_boolean (settings, "first-run", TRUE);
  g_settings_set_string (settings, "last-file", uri);
  window = first_window ();
  g_assert_cmpstr (_swy_window_get_view (window), ==, "welcome");
  g_assert_false (g_settings_get_boolean (settings, "first-run"));
  g_assert_cmpuint (n_nodes (window), ==, 0);

  /* The example: a graph that runs. */
  act (window, "open-example", NULL);
  g_assert_cmpstr (_swy_window_get_view (window), ==, "editor");
  g_assert_cmpuint (n_nodes (window), ==, 5);
  g_assert_null (panel (window) != NULL ? swy_lesson_panel_get_lesson (panel (window)) : NULL);
  destroy_window (window);

  /* The second start reopens the last file, in the editor. */
  g_settings_set_string (settings, "last-file", uri);
  window = first_window ();
  g_assert_cmpstr (_swy_window_get_view (window), ==, "editor");
  g_assert_true (g_file_equal (swy_document_get_file (swy_window_get_document (window)), file));
  /* A lesson saved to a file is still that lesson, with its panel. */
  g_assert_cmpstr (_swy_lesson_panel_get_title (panel (window)), ==, lesson_titles[1]);
  destroy_window (window);

  /* A last file that is gone: the welcome view. */
  g_assert_cmpint (g_unlink (path), ==, 0);
  window = first_window ();
  g_assert_cmpstr (_swy_window_get_view (window), ==, "welcome");
  destroy_window (window);

  g_settings_set_string (settings, "last-file", "");
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static gboolean
thumbnails_drawn (gpointer data)
{
  return !_swy_welcome_render_pending (data);
}

/* Every card's thumbnail has the background @grey (0 to 255) in its top
 * left corner, outside the graph. */
static void
assert_thumbnail_paper (GtkFlowBox *box,
                        guint       grey)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GdkTexture *texture = _swy_welcome_card_get_thumbnail (GTK_FLOW_BOX_CHILD (child));
      int width = gdk_texture_get_width (texture);
      g_autofree guchar *pixels = g_malloc ((gsize) width * 4 * gdk_texture_get_height (texture));

      gdk_texture_download (texture, pixels, (gsize) width * 4);
      /* GDK_MEMORY_DEFAULT: B, G, R, A */
      g_assert_cmpuint (pixels[0], ==, grey);
      g_assert_cmpuint (pixels[1], ==, grey);
      g_assert_cmpuint (pixels[2], ==, grey);
      g_assert_cmpuint (pixels[3], ==, 255);
    }
}

static void
test_welcome_gallery (void)
{
  SwyWindow *window = swy_window_new (app);
  SwyWelcome *welcome;
  GtkFlowBox *box;
  guint n = 0;

  /* Made when first shown. */
  g_assert_null (_swy_window_get_welcome (window));
  swy_window_show_welcome (window);
  welcome = _swy_window_get_welcome (window);
  box = _swy_welcome_get_lesson_box (welcome);
  present_window (window);
  g_assert_cmpstr (_swy_window_get_view (window), ==, "welcome");
  /* Keyboard focus starts on the example. */
  g_assert_true (GTK_IS_BUTTON (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (gtk_root_get_focus (GTK_ROOT (window)))),
                   ==, "win.open-example");
  spin_until (thumbnails_drawn, welcome);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (lesson_titles));
      g_assert_cmpstr (_swy_welcome_get_card_title (GTK_FLOW_BOX_CHILD (child)), ==, lesson_titles[n]);
      g_assert_true (_swy_welcome_card_has_thumbnail (GTK_FLOW_BOX_CHILD (child)));
      n++;
    }
  g_assert_cmpuint (n, ==, 12);
  wait_for_frame (window);
  save_screenshot (window, "welcome.png");
  assert_thumbnail_paper (box, 250);

  /* In the dark style the thumbnails are drawn again, dark; and back. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (_swy_welcome_render_pending (welcome));
  spin_until (thumbnails_drawn, welcome);
  wait_for_frame (window);
  save_screenshot (window, "welcome-dark.png");
  assert_thumbnail_paper (box, 36);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  spin_until (thumbnails_drawn, welcome);
  assert_thumbnail_paper (box, 250);

  /* Activating a card (Enter or a click) opens its lesson. */
  gtk_widget_activate (GTK_WIDGET (gtk_flow_box_get_child_at_index (box, 2)));
  spin_until_idle ();
  g_assert_cmpstr (_swy_window_get_view (window), ==, "editor");
  g_assert_true (_swy_window_get_lesson_shown (window));
  g_assert_cmpstr (_swy_lesson_panel_get_title (panel (window)), ==, lesson_titles[2]);
  g_assert_cmpuint (_swy_lesson_panel_get_n_step_rows (panel (window)), ==, 3);
  g_assert_cmpuint (n_nodes (window), ==, 5);
  /* Not a file: Save asks where, so the bundled lesson is never overwritten. */
  g_assert_null (swy_document_get_file (swy_window_get_document (window)));

  destroy_window (window);
}

/* Lesson 1: answers, then the steps turn done as the graph runs. */
static void
test_lesson_progress (void)
{
  SwyWindow *window = present_window (swy_window_new (app));
  SwyLessonPanel *p;

  /* The panel is made for the first lesson. */
  g_assert_null (panel (window));
  act (window, "open-lesson", g_variant_new_uint32 (0));
  p = panel (window);
  g_assert_cmpstr (_swy_lesson_panel_get_title (p), ==, "Events and the main loop");
  g_assert_cmpuint (_swy_lesson_panel_get_n_step_rows (p), ==, 4);
  g_assert_cmpstr (_swy_lesson_panel_get_step_state (p, 0), ==, "current");
  g_assert_cmpstr (_swy_lesson_panel_get_step_state (p, 1), ==, "not-yet");
  g_assert_cmpstr (_swy_lesson_panel_get_step_state (p, 3), ==, "not-yet");
  g_assert_null (_swy_lesson_panel_get_result (p, 0));

  /* The right answer, but nothing has run yet: still the current step. */
  click (_swy_lesson_panel_get_choice (p, 0, 1));
  g_assert_cmpstr (_swy_lesson_panel_get_result (p, 0), ==, "Right! Now see it happen.");
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (_swy_lesson_panel_get_choice (p, 0, 0))));
  g_assert_cmpstr (_swy_lesson_panel_get_step_state (p, 0), ==, "current");

  /* One Step: one dispatch, blink's. The step turns done by itself. */
  act (window, "step", NULL);
  g_assert_cmpuint (counter (window, "blinks"), ==, 1);
  g_assert_cmpstr (_swy_lesson_panel_get_step_state (p, 0), ==, "done");
  g_assert_cmpstr (_swy_lesson_panel_get_step_state (p, 1), ==, "current");

  /* A wrong prediction is an answer too. */
  click (_swy_lesson_panel_get_choice (p, 1, 0));
  g_assert_cmpstr (_swy_lesson_panel_get_result (p, 1), ==,
                   "Not quite: the right answer is marked. Now see it happen.");
  for (guint i = 0; i < 20 && counter (window, "beats") == 0; i++)
    {
      g_assert_cmpstr (_swy_lesson_panel_get_step_state (p, 1), ==, "current");
      act (window, "step", NULL);
    }
  g_assert_cmpuint (counter (window, "beats"), ==, 1);
  g_assert_cmpuint (swy_graph_get_n_performed (window_graph (window)), ==, 3);
  g_assert_cmpstr (_swy_lesson_panel_get_step_state (p, 1), ==, "done");

  /* Run to the end: 5 beats, 10 blinks. */
  click (_swy_lesson_panel_get_choice (p, 2, 2));
  g_assert_cmpstr (_swy_lesson_panel_get_step_state (p, 2), ==, "current");
  run_to_end (window);
  g_assert_cmpuint (counter (window, "beats"), ==, 5);
  g_assert_cmpstr (_swy_lesson_panel_get_step_state (p, 2), ==, "done");
  g_assert_cmpstr (_swy_lesson_panel_get_step_state (p, 3), ==, "current");
  g_assert_null (_swy_lesson_panel_get_status (p));
  wait_for_frame (window);
  save_screenshot (window, "lesson-01.png");

  /* The last step: a setting, then a new run. */
  click (_swy_lesson_panel_get_choice (p, 3, 1));
  {
    g_auto(GValue) value = G_VALUE_INIT;
    SwyNode *heartbeat = swy_graph_lookup_node (window_graph (window), "heartbeat");

    g_value_init (&value, G_TYPE_INT);
    g_value_set_int (&value, 8);
    g_assert_true (swy_document_set_property (swy_window_get_document (window), G_OBJECT (heartbeat),
                                              "count", &value, NULL));
  }
  spin_until_idle ();
  g_assert_cmpstr (_swy_lesson_panel_get_step_state (p, 3), ==, "current");
  act (window, "reset", NULL);
  run_to_end (window);
  g_assert_cmpuint (counter (window, "beats"), ==, 8);
  g_assert_cmpstr (_swy_lesson_panel_get_step_state (p, 3), ==, "done");
  g_assert_cmpstr (_swy_lesson_panel_get_status (p), ==, "Lesson complete. Well done!");

  /* Edited: leaving asks first. Cancel keeps everything. */
  act (window, "next-lesson", NULL);
  answer_save_changes ("cancel");
  g_assert_cmpstr (_swy_lesson_panel_get_title (p), ==, "Events and the main loop");
  act (window, "next-lesson", NULL);
  answer_save_changes ("discard");
  g_assert_cmpstr (_swy_lesson_panel_get_title (p), ==, lesson_titles[1]);
  g_assert_cmpstr (_swy_lesson_panel_get_step_state (p, 0), ==, "current");

  destroy_window (window);
}

/* Lesson 8 halfway, Reset Lesson, and Next Lesson. */
static void
test_lesson_reset_next (void)
{
  SwyWindow *window = present_window (swy_window_new (app));
  SwyLessonPanel *p;
  SwyDocument *document = swy_window_get_document (window);
  g_auto(GValue) value = G_VALUE_INIT;
  SwyNode *buffer;

  act (window, "open-lesson", g_variant_new_uint32 (7));
  p = panel (window);
  g_assert_cmpstr (_swy_lesson_panel_get_title (p), ==, "Back-pressure and overflow");
  g_assert_cmpuint (_swy_lesson_panel_get_n_step_rows (p), ==, 5);

  click (_swy_lesson_panel_get_choice (p, 0, 0));
  run_to_end (window);
  g_assert_cmpstr (_swy_lesson_panel_get_step_state (p, 0), ==, "done");
  /* A question with no check is done once answered. */
  click (_swy_lesson_panel_get_choice (p, 1, 1));
  g_assert_cmpstr (_swy_lesson_panel_get_step_state (p, 1), ==, "done");

  /* Capacity 5: not done until a run drops 14. */
  buffer = swy_graph_lookup_node (window_graph (window), "buffer");
  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, 5);
  g_assert_true (swy_document_set_property (document, G_OBJECT (buffer), "capacity", &value, NULL));
  spin_until_idle ();
  click (_swy_lesson_panel_get_choice (p, 2, 2));
  g_assert_cmpstr (_swy_lesson_panel_get_step_state (p, 2), ==, "current");
  act (window, "reset", NULL);
  run_to_end (window);
  g_assert_cmpuint (swy_node_get_dropped (buffer), ==, 14);
  g_assert_cmpstr (_swy_lesson_panel_get_step_state (p, 2), ==, "done");
  g_assert_cmpstr (_swy_lesson_panel_get_step_state (p, 3), ==, "current");
  click (_swy_lesson_panel_get_choice (p, 3, 2));
  g_assert_cmpstr (_swy_lesson_panel_get_result (p, 3), ==, "Right! Now see it happen.");
  wait_for_frame (window);
  save_screenshot (window, "lesson-08.png");

  /* Reset Lesson: the edits would be lost, so it asks; then the lesson's
   * own graph and its first step are back. */
  g_assert_true (swy_document_get_modified (document));
  act (window, "reset-lesson", NULL);
  answer_save_changes ("discard");
  buffer = swy_graph_lookup_node (window_graph (window), "buffer");
  g_assert_cmpuint (swy_queue_node_get_capacity (SWY_QUEUE_NODE (buffer)), ==, 10);
  g_assert_false (swy_document_get_modified (document));
  g_assert_cmpuint (swy_node_get_dropped (buffer), ==, 0);
  g_assert_cmpstr (_swy_lesson_panel_get_step_state (p, 0), ==, "current");
  for (guint i = 1; i < 5; i++)
    g_assert_cmpstr (_swy_lesson_panel_get_step_state (p, i), ==, "not-yet");
  g_assert_null (_swy_lesson_panel_get_result (p, 0));

  /* Next Lesson: lesson 9, nothing to ask about. */
  act (window, "next-lesson", NULL);
  g_assert_cmpstr (_swy_lesson_panel_get_title (p), ==, lesson_titles[8]);
  g_assert_cmpuint (_swy_lesson_panel_get_n_step_rows (p), ==, 4);
  g_assert_true (gtk_widget_get_visible (_swy_lesson_panel_get_next_button (p)));

  /* The last lesson has no next one. */
  act (window, "open-lesson", g_variant_new_uint32 (11));
  g_assert_cmpstr (_swy_lesson_panel_get_title (p), ==, lesson_titles[11]);
  g_assert_false (gtk_widget_get_visible (_swy_lesson_panel_get_next_button (p)));
  act (window, "next-lesson", NULL);
  g_assert_cmpstr (_swy_lesson_panel_get_title (p), ==, lesson_titles[11]);

  destroy_window (window);
}

/* New: an empty graph, and no lesson. */
static void
test_welcome_new (void)
{
  SwyWindow *window = present_window (swy_window_new (app));

  act (window, "open-lesson", g_variant_new_uint32 (3));
  g_assert_true (_swy_window_get_lesson_shown (window));
  act (window, "show-welcome", NULL);
  g_assert_cmpstr (_swy_window_get_view (window), ==, "welcome");
  act (window, "new-graph", NULL);
  g_assert_cmpstr (_swy_window_get_view (window), ==, "editor");
  g_assert_cmpuint (n_nodes (window), ==, 0);
  g_assert_null (panel (window) != NULL ? swy_lesson_panel_get_lesson (panel (window)) : NULL);
  g_assert_false (_swy_window_get_lesson_shown (window));
  g_assert_null (swy_document_get_file (swy_window_get_document (window)));

  destroy_window (window);
}

static GPtrArray *
recent_titles (SwyWindow *window)
{
  GtkListBox *list = _swy_welcome_get_recent_list (_swy_window_get_welcome (window));
  GPtrArray *titles = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    g_ptr_array_add (titles, (gpointer) adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  return titles;
}

/* Recent graphs: what was opened, newest first, without files that are gone. */
static void
test_welcome_recent (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.switchyard.Switchyard");
  g_autofree char *dir = g_dir_make_tmp ("swy-recent-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "queue-a.swy", NULL);
  g_autofree char *b = g_build_filename (dir, "queue-b.swy", NULL);
  g_autoptr(GFile) file_a = g_file_new_for_path (a);
  g_autoptr(GFile) file_b = g_file_new_for_path (b);
  g_autoptr(GPtrArray) titles = NULL;
  SwyWindow *window;

  g_settings_reset (settings, "recent-files");
  g_assert_true (g_file_set_contents (a, swy_lessons_get_data (6), -1, NULL));
  g_assert_true (g_file_set_contents (b, swy_lessons_get_data (7), -1, NULL));

  window = present_window (swy_window_new (app));
  g_assert_true (swy_window_open_file (window, file_a));
  g_assert_true (swy_window_open_file (window, file_b));
  g_assert_true (swy_window_open_file (window, file_a));
  act (window, "show-welcome", NULL);
  wait_for_frame (window);

  titles = recent_titles (window);
  g_assert_cmpuint (titles->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "queue-a.swy");
  g_assert_cmpstr (g_ptr_array_index (titles, 1), ==, "queue-b.swy");
  g_clear_pointer (&titles, g_ptr_array_unref);

  /* A recent graph opens from its row. */
  {
    GtkListBox *list = _swy_welcome_get_recent_list (_swy_window_get_welcome (window));

    g_assert_true (gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1))));
    spin_until_idle ();
  }
  g_assert_cmpstr (_swy_window_get_view (window), ==, "editor");
  g_assert_true (g_file_equal (swy_document_get_file (swy_window_get_document (window)), file_b));

  /* A file that is gone is left out. */
  g_assert_cmpint (g_unlink (a), ==, 0);
  act (window, "show-welcome", NULL);
  titles = recent_titles (window);
  g_assert_cmpuint (titles->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (titles, 0), ==, "queue-b.swy");
  g_clear_pointer (&titles, g_ptr_array_unref);

  /* Its remove button takes it off the list. */
  {
    g_autofree char *uri = g_file_get_uri (file_b);
    g_auto(GStrv) left = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (_swy_window_get_welcome (window)),
                                               "welcome.forget-recent", "s", uri));
    spin_until_idle ();
    titles = recent_titles (window);
    g_assert_cmpuint (titles->len, ==, 0);
    left = g_settings_get_strv (settings, "recent-files");
    g_assert_cmpuint (g_strv_length (left), ==, 1);   /* queue-a.swy, which is gone */
  }

  destroy_window (window);
  g_assert_cmpint (g_unlink (b), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  g_settings_reset (settings, "recent-files");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = test_app_new (&argc, &argv);

  g_test_add_func ("/Swy/Welcome/first-start", test_welcome_first_start);
  g_test_add_func ("/Swy/Welcome/gallery", test_welcome_gallery);
  g_test_add_func ("/Swy/Welcome/new", test_welcome_new);
  g_test_add_func ("/Swy/Welcome/recent", test_welcome_recent);
  g_test_add_func ("/Swy/Lesson/progress", test_lesson_progress);
  g_test_add_func ("/Swy/Lesson/reset-next", test_lesson_reset_next);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
