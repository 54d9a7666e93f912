/* test-code.c: the Code page of the bottom panel, driven through the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <swy.h>

#include "swy-app-test-util.h"
#include "swy-code-view.h"
#include "swy-codegen.h"
#include "swy-window.h"
#include "swy-window-private.h"
#include "swy-window-test-util.h"

static SwyApplication *app;

static SwyWindow *
open_example (const char *name)
{
  SwyWindow *window = swy_window_new (app);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (swy_window_open_file (window, file));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);
  spin_until_idle ();

  return window;
}

/* The view shows exactly what the generator gives, in its buffer too. */
static void
assert_shows (SwyCodeView        *view,
              SwyGraph           *graph,
              SwyCodegenLanguage  lang,
              SwyCodegenScope     scope,
              GObject            *focus)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *want = swy_codegen_generate (graph, lang, scope, focus, &error);
  g_autofree char *shown = NULL;

  g_assert_no_error (error);
  spin_until_idle ();
  shown = swy_code_view_dup_shown_text (view);
  g_assert_cmpstr (swy_code_view_get_text (view), ==, want);
  g_assert_cmpstr (shown, ==, want);
}

/* The view's selectable label is the one with the program's text. */
static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* The whole graph scrolls to the line that marks the selection. */
static void
assert_mark_in_view (SwyCodeView *view,
                     const char  *line)
{
  const char *text = swy_code_view_get_text (view);
  GtkLabel *label = GTK_LABEL (test_find_widget (GTK_WIDGET (view), is_label_with_text, text));
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (label), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  const char *found = strstr (text, line);
  PangoRectangle pos;
  int offset_x, offset_y;
  double top;

  g_assert_nonnull (found);
  g_assert_true (found == text || found[-1] == '\n');
  g_assert_null (strstr (found + 1, line));   /* one such line */
  pango_layout_index_to_pos (gtk_label_get_layout (label), (int) (found - text), &pos);
  gtk_label_get_layout_offsets (label, &offset_x, &offset_y);
  top = offset_y + PANGO_PIXELS (pos.y);
  /* Far down a long program, and on screen. */
  g_assert_cmpfloat (top, >, 10000.0);
  g_assert_cmpfloat (top, >=, gtk_adjustment_get_value (vadj));
  g_assert_cmpfloat (top + PANGO_PIXELS (pos.height), <=,
                     gtk_adjustment_get_value (vadj) + gtk_adjustment_get_page_size (vadj));
}

static void
read_text_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*text);
}

static char *
read_clipboard (GtkWidget *widget)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, read_text_cb, &text);
  for (guint i = 0; i < TEST_MAX_ITERATIONS && text == NULL; i++)
    g_main_context_iteration (NULL, TRUE);

  return text;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
set_uint (SwyDocument *document,
          gpointer     object,
          const char  *name,
          guint        value)
{
  g_auto(GValue) v = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_value_init (&v, G_TYPE_UINT);
  g_value_set_uint (&v, value);
  g_assert_true (swy_document_set_property (document, object, name, &v, &error));
  g_assert_no_error (error);
}

static void
test_code_view (void)
{
  SwyWindow *window = open_example ("backpressure.swy");
  SwyDocument *document = swy_window_get_document (window);
  SwyGraph *graph = swy_document_get_graph (document);
  SwyCanvas *canvas = swy_window_get_canvas (window);
  SwyCodeView *view = _swy_window_get_code_view (window);
  SwyNode *queue = swy_graph_lookup_node (graph, "keep-first");
  g_autoptr(SwyWire) wire = g_list_model_get_item (swy_graph_get_wires (graph), 1);
  g_autoptr(GVariant) panel = NULL;
  g_autofree char *before_edit = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint copies = 0;

  g_assert_nonnull (queue);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_signal_connect_swapped (view, "copied", G_CALLBACK (count_cb), &copies);

  /* Shift+F8's action shows the panel on the Code page. */
  activate (window, "show-code", NULL);
  panel = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-panel");
  g_assert_true (g_variant_get_boolean (panel));
  wait_for_frame (window);
  spin_until_idle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));

  /* Nothing selected: no program, nothing to copy. */
  g_assert_null (swy_canvas_get_selected_object (canvas));
  g_assert_null (swy_code_view_get_text (view));
  gtk_widget_activate_action (GTK_WIDGET (view), "code.copy", NULL);
  g_assert_cmpuint (copies, ==, 0);

  /* A node: its program in C, the default. */
  swy_canvas_select (canvas, G_OBJECT (queue), FALSE);
  assert_shows (view, graph, SWY_CODEGEN_LANGUAGE_C, SWY_CODEGEN_SCOPE_NODE, G_OBJECT (queue));
  name = swy_code_view_dup_file_name (view);
  g_assert_cmpstr (name, ==, "backpressure-keep-first.c");
  g_clear_pointer (&name, g_free);

  /* The same in Python. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "code.language", "s", "python"));
  assert_shows (view, graph, SWY_CODEGEN_LANGUAGE_PYTHON, SWY_CODEGEN_SCOPE_NODE,
                G_OBJECT (queue));
  wait_for_frame (window);
  save_screenshot (window, "screenshot-code.png");

  /* A wire. */
  swy_canvas_select (canvas, G_OBJECT (wire), FALSE);
  assert_shows (view, graph, SWY_CODEGEN_LANGUAGE_PYTHON, SWY_CODEGEN_SCOPE_WIRE,
                G_OBJECT (wire));
  name = swy_code_view_dup_file_name (view);
  g_assert_cmpstr (name, ==, "backpressure-wire-1.py");
  g_clear_pointer (&name, g_free);

  /* The whole graph marks the selection. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "code.scope", "s", "graph"));
  assert_shows (view, graph, SWY_CODEGEN_LANGUAGE_PYTHON, SWY_CODEGEN_SCOPE_GRAPH,
                G_OBJECT (wire));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "code.language", "s", "c"));
  assert_shows (view, graph, SWY_CODEGEN_LANGUAGE_C, SWY_CODEGEN_SCOPE_GRAPH, G_OBJECT (wire));
  wait_for_frame (window);
  spin_until_idle ();
  assert_mark_in_view (view, "  /* You picked this wire. */");
  /* The viewport moves its child at the next allocation. */
  wait_for_frame (window);
  save_screenshot (window, "screenshot-code-graph.png");

  /* Copy puts exactly that program on the clipboard, and says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "code.copy", NULL));
  copied = read_clipboard (GTK_WIDGET (view));
  g_assert_cmpstr (copied, ==, swy_code_view_get_text (view));
  g_assert_cmpstr (_swy_window_get_last_toast (window), ==, "Copied");
  g_assert_cmpuint (copies, ==, 1);

  /* An edit of a property changes the code, in place. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "code.scope", "s", "selection"));
  swy_canvas_select (canvas, G_OBJECT (queue), FALSE);
  assert_shows (view, graph, SWY_CODEGEN_LANGUAGE_C, SWY_CODEGEN_SCOPE_NODE, G_OBJECT (queue));
  before_edit = g_strdup (swy_code_view_get_text (view));
  g_assert_nonnull (strstr (before_edit, "demo_queue_node_new (\"keep-first\", 5, "));
  set_uint (document, queue, "capacity", 7);
  assert_shows (view, graph, SWY_CODEGEN_LANGUAGE_C, SWY_CODEGEN_SCOPE_NODE, G_OBJECT (queue));
  g_assert_cmpstr (swy_code_view_get_text (view), !=, before_edit);
  g_assert_nonnull (strstr (swy_code_view_get_text (view), "demo_queue_node_new (\"keep-first\", 7, "));
  /* Undo brings the first text back. */
  activate (window, "undo", NULL);
  assert_shows (view, graph, SWY_CODEGEN_LANGUAGE_C, SWY_CODEGEN_SCOPE_NODE, G_OBJECT (queue));
  g_assert_cmpstr (swy_code_view_get_text (view), ==, before_edit);

  /* Save writes the program shown (the window's export asks where). */
  dir = g_dir_make_tmp ("swy-code-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "keep-first.c", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (swy_code_view_save (view, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, NULL, &error));
  g_assert_cmpstr (saved, ==, before_edit);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  /* Selecting nothing leaves nothing to copy. */
  swy_canvas_select (canvas, NULL, FALSE);
  spin_until_idle ();
  g_assert_null (swy_code_view_get_text (view));
  gtk_widget_activate_action (GTK_WIDGET (view), "code.copy", NULL);
  g_assert_cmpuint (copies, ==, 1);

  /* Shift+F8 again hides the panel. */
  activate (window, "show-code", NULL);
  g_clear_pointer (&panel, g_variant_unref);
  panel = g_action_group_get_action_state (G_ACTION_GROUP (window), "show-panel");
  g_assert_false (g_variant_get_boolean (panel));

  gtk_window_destroy (GTK_WINDOW (window));
  spin_until_idle ();
}

/* Edits while the page is hidden show when it comes back. */
static void
test_code_view_hidden_edits (void)
{
  SwyWindow *window = open_example ("backpressure.swy");
  SwyDocument *document = swy_window_get_document (window);
  SwyGraph *graph = swy_document_get_graph (document);
  SwyCanvas *canvas = swy_window_get_canvas (window);
  SwyCodeView *view = _swy_window_get_code_view (window);
  SwyNode *queue = swy_graph_lookup_node (graph, "keep-last");

  swy_canvas_select (canvas, G_OBJECT (queue), FALSE);
  spin_until_idle ();
  g_assert_null (swy_code_view_get_text (view));   /* not generated while hidden */

  set_uint (document, queue, "capacity", 9);
  activate (window, "show-code", NULL);
  wait_for_frame (window);
  assert_shows (view, graph, SWY_CODEGEN_LANGUAGE_C, SWY_CODEGEN_SCOPE_NODE, G_OBJECT (queue));
  g_assert_nonnull (strstr (swy_code_view_get_text (view), "demo_queue_node_new (\"keep-last\", 9, "));

  gtk_window_destroy (GTK_WINDOW (window));
  spin_until_idle ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = test_app_new (&argc, &argv);

  g_test_add_func ("/Swy/Code/view", test_code_view);
  g_test_add_func ("/Swy/Code/hidden-edits", test_code_view_hidden_edits);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
