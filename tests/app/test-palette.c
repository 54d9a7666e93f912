/* test-palette.c: the palette lists, filters, adds and drags node types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <swy.h>

#include "swy-palette.h"
#include "swy-window-test-util.h"

#define find_list_box(palette) GTK_LIST_BOX (test_find_widget_of_type ((palette), GTK_TYPE_LIST_BOX))
#define find_search_entry(palette) GTK_EDITABLE (test_find_widget_of_type ((palette), GTK_TYPE_SEARCH_ENTRY))

/* Rows follow the catalog's order. */
static GtkListBoxRow *
row_for_type (GtkListBox *list_box,
              const char *name)
{
  GListModel *types = swy_catalog_get_types ();

  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(SwyNodeType) type = g_list_model_get_item (types, i);

      if (strcmp (swy_node_type_get_name (type), name) == 0)
        return gtk_list_box_get_row_at_index (list_box, i);
    }

  g_assert_not_reached ();
}

static GtkDragSource *
find_drag_source (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DRAG_SOURCE (controller))
        return GTK_DRAG_SOURCE (controller);
    }

  return NULL;
}

static void
test_palette_lists_catalog (void)
{
  GtkWidget *palette = g_object_ref_sink (swy_palette_new ());
  GtkListBox *list_box = find_list_box (palette);
  GListModel *types = swy_catalog_get_types ();
  guint n_types = g_list_model_get_n_items (types);
  guint n_rows = 0;
  guint n_headers = 0;
  GtkListBoxRow *row;

  g_assert_nonnull (list_box);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list_box, i)) != NULL; i++)
    {
      g_autoptr(SwyNodeType) type = g_list_model_get_item (types, i);
      g_auto(GValue) value = G_VALUE_INIT;
      GtkDragSource *source = find_drag_source (GTK_WIDGET (row));
      GdkContentProvider *content;

      /* Every row drags its node type, for the canvas to drop. */
      g_assert_nonnull (source);
      content = gtk_drag_source_get_content (source);
      g_assert_nonnull (content);
      g_value_init (&value, SWY_TYPE_NODE_TYPE);
      g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
      g_assert_true (g_value_get_object (&value) == (gpointer)type);

      if (gtk_list_box_row_get_header (row) != NULL)
        n_headers++;
      n_rows++;
    }

  g_assert_cmpuint (n_rows, ==, n_types);
  /* Producers, Routing, Consumers */
  g_assert_cmpuint (n_headers, ==, 3);

  /* A side pane: descriptions wrap rather than widen it. */
  {
    int minimum = 0, natural = 0;

    gtk_widget_measure (palette, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
    g_test_message ("palette width: minimum %d, natural %d", minimum, natural);
    g_assert_cmpint (natural, >=, 220);
    g_assert_cmpint (natural, <=, 290);
  }

  g_assert_finalize_object (palette);
}

static gboolean
type_matches (SwyNodeType *type,
              const char  *query)
{
  g_autofree char *needle = g_utf8_casefold (query, -1);
  const char *fields[] = {
    swy_node_type_get_display_name (type),
    swy_node_type_get_description (type),
    swy_node_type_get_name (type),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *haystack = g_utf8_casefold (fields[i], -1);

      if (strstr (haystack, needle) != NULL)
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  const char *text;
  gboolean    done;
} SearchWait;

static void
search_changed_cb (GtkSearchEntry *entry,
                   SearchWait     *wait)
{
  /* Setting the text first clears it, which reports an empty search at once. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), wait->text) == 0)
    wait->done = TRUE;
}

static void
search_and_wait (GtkEditable *entry,
                 const char  *text)
{
  SearchWait wait = { text, FALSE };
  gulong id = g_signal_connect (entry, "search-changed", G_CALLBACK (search_changed_cb), &wait);

  gtk_editable_set_text (entry, text);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (entry, id);
}

static guint
count_visible_rows (GtkListBox *list_box,
                    const char *query)
{
  GListModel *types = swy_catalog_get_types ();
  GtkListBoxRow *row;
  guint n_visible = 0;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list_box, i)) != NULL; i++)
    {
      g_autoptr(SwyNodeType) type = g_list_model_get_item (types, i);
      gboolean visible = gtk_widget_get_child_visible (GTK_WIDGET (row));

      gboolean expected = query == NULL || type_matches (type, query);

      g_assert_cmpint (visible, ==, expected);
      if (visible)
        n_visible++;
    }

  return n_visible;
}

static void
test_palette_search (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *palette = swy_palette_new ();
  GtkListBox *list_box = find_list_box (palette);
  GtkEditable *entry = find_search_entry (palette);
  guint n_types = g_list_model_get_n_items (swy_catalog_get_types ());

  gtk_window_set_child (GTK_WINDOW (window), palette);
  gtk_window_present (GTK_WINDOW (window));

  search_and_wait (entry, "queue");
  g_assert_cmpuint (count_visible_rows (list_box, "queue"), ==, 1);
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (row_for_type (list_box, "queue"))));

  /* Case does not matter, and descriptions count. */
  search_and_wait (entry, "EVENT");
  g_assert_cmpuint (count_visible_rows (list_box, "event"), >, 1);

  search_and_wait (entry, "no such node");
  g_assert_cmpuint (count_visible_rows (list_box, "no such node"), ==, 0);

  search_and_wait (entry, "");
  g_assert_cmpuint (count_visible_rows (list_box, NULL), ==, n_types);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
add_node_cb (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  char **received = user_data;

  g_free (*received);
  *received = g_variant_dup_string (parameter, NULL);
}

static void
test_palette_activate (void)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) action = g_simple_action_new ("add-node", G_VARIANT_TYPE_STRING);
  g_autofree char *received = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *palette = swy_palette_new ();
  GtkListBox *list_box = find_list_box (palette);

  g_signal_connect (action, "activate", G_CALLBACK (add_node_cb), &received);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (action));
  gtk_widget_insert_action_group (window, "win", G_ACTION_GROUP (group));
  gtk_window_set_child (GTK_WINDOW (window), palette);

  /* A click or Enter on a row activates it. */
  gtk_widget_activate (GTK_WIDGET (row_for_type (list_box, "worker")));
  g_assert_cmpstr (received, ==, "worker");

  gtk_widget_activate (GTK_WIDGET (row_for_type (list_box, "plot")));
  g_assert_cmpstr (received, ==, "plot");

  /* Enter in the search entry adds the first match. */
  search_and_wait (find_search_entry (palette), "debounce");
  g_signal_emit_by_name (find_search_entry (palette), "activate");
  g_assert_cmpstr (received, ==, "debounce");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
take_screenshot (GtkWidget  *window,
                 const char *name)
{
  /* Let the window map, lay out and draw its first frames. */
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 50; i++)
    {
      g_usleep (2000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  save_window_png (window, name);
}

static void
test_palette_screenshot (void)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *palette = swy_palette_new ();

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("Nodes", NULL));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), palette);
  gtk_widget_set_vexpand (palette, TRUE);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), -1, 900);
  gtk_window_present (GTK_WINDOW (window));

  take_screenshot (window, "screenshot-palette.png");

  search_and_wait (find_search_entry (palette), "time");
  take_screenshot (window, "screenshot-palette-search.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/Swy/Palette/lists-catalog", test_palette_lists_catalog);
  g_test_add_func ("/Swy/Palette/search", test_palette_search);
  g_test_add_func ("/Swy/Palette/activate", test_palette_activate);
  g_test_add_func ("/Swy/Palette/screenshot", test_palette_screenshot);

  return g_test_run ();
}
