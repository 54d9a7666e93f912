/* test-wrap-box.c: the wrapping row of the event log's filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <swy.h>

#include "swy-log-view.h"
#include "swy-view-state.h"
#include "swy-wrap-box.h"
#include "swy-app-test-util.h"
#include "swy-window-test-util.h"

static GtkWidget *
fixed_child (int width,
             int height)
{
  GtkWidget *child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_size_request (child, width, height);

  return child;
}

static void
assert_bounds (GtkWidget *child,
               GtkWidget *box,
               int        x,
               int        y,
               int        width,
               int        height)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (child, box, &bounds));
  g_assert_cmpfloat (bounds.origin.x, ==, x);
  g_assert_cmpfloat (bounds.origin.y, ==, y);
  g_assert_cmpfloat (bounds.size.width, ==, width);
  g_assert_cmpfloat (bounds.size.height, ==, height);
}

static void
allocate (GtkWidget *box,
          int        width)
{
  int height;

  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, width, &height, NULL, NULL, NULL);
  gtk_widget_size_allocate (box, &(GtkAllocation) { 0, 0, width, height }, -1);
}

/* Four children of 100x30, 6 px apart in a line and 4 px between lines. */
static void
test_wrap_box_lines (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = swy_wrap_box_new ();
  GtkWidget *child[4];
  GtkWidget *hidden = fixed_child (300, 90);
  int minimum, natural;

  swy_wrap_box_set_column_spacing (SWY_WRAP_BOX (box), 6);
  swy_wrap_box_set_row_spacing (SWY_WRAP_BOX (box), 4);
  for (guint i = 0; i < G_N_ELEMENTS (child); i++)
    {
      child[i] = fixed_child (100, 30);
      swy_wrap_box_append (SWY_WRAP_BOX (box), child[i]);
      if (i == 1)
        swy_wrap_box_append (SWY_WRAP_BOX (box), hidden);
    }
  /* An invisible child takes no place. */
  gtk_widget_set_visible (hidden, FALSE);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (box)), ==, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);

  /* As narrow as the widest child, as wide as all of them in a row. */
  gtk_widget_measure (box, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 100);
  g_assert_cmpint (natural, ==, 418);
  /* Height for a width: 1, 2 and 4 lines. */
  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, 500, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (natural, ==, 30);
  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, 250, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (natural, ==, 64);
  gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, 100, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (natural, ==, 132);
  g_assert_cmpint (minimum, ==, natural);

  allocate (box, 500);
  g_assert_cmpuint (swy_wrap_box_get_n_lines (SWY_WRAP_BOX (box)), ==, 1);
  assert_bounds (child[0], box, 0, 0, 100, 30);
  assert_bounds (child[1], box, 106, 0, 100, 30);
  assert_bounds (child[2], box, 212, 0, 100, 30);
  assert_bounds (child[3], box, 318, 0, 100, 30);

  allocate (box, 250);
  g_assert_cmpuint (swy_wrap_box_get_n_lines (SWY_WRAP_BOX (box)), ==, 2);
  assert_bounds (child[0], box, 0, 0, 100, 30);
  assert_bounds (child[1], box, 106, 0, 100, 30);
  assert_bounds (child[2], box, 0, 34, 100, 30);
  assert_bounds (child[3], box, 106, 34, 100, 30);

  /* What a line leaves over goes to its expanding children; a taller
   * child makes its line taller, and the others of the line get its
   * height. */
  gtk_widget_set_hexpand (child[1], TRUE);
  gtk_widget_set_size_request (child[3], 100, 40);
  allocate (box, 250);
  assert_bounds (child[0], box, 0, 0, 100, 30);
  assert_bounds (child[1], box, 106, 0, 144, 30);
  assert_bounds (child[2], box, 0, 34, 100, 40);
  assert_bounds (child[3], box, 106, 34, 100, 40);

  /* Two expanding children of a line share what is left over. */
  gtk_widget_set_hexpand (child[0], TRUE);
  allocate (box, 251);
  assert_bounds (child[0], box, 0, 0, 122, 30);
  assert_bounds (child[1], box, 128, 0, 123, 30);

  allocate (box, 100);
  g_assert_cmpuint (swy_wrap_box_get_n_lines (SWY_WRAP_BOX (box)), ==, 4);
  assert_bounds (child[3], box, 0, 102, 100, 40);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* An expanding child stays on a line where its minimum fits, though its
 * natural width does not (a search entry beside the filters). */
static void
test_wrap_box_expand_minimum (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = swy_wrap_box_new ();
  GtkWidget *first = fixed_child (100, 30);
  GtkWidget *wide = gtk_scrolled_window_new ();
  GtkWidget *last = fixed_child (100, 30);
  int minimum, natural;

  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (wide), TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (wide), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (wide), fixed_child (250, 30));
  gtk_widget_set_hexpand (wide, TRUE);
  gtk_widget_set_size_request (wide, 60, -1);
  swy_wrap_box_set_column_spacing (SWY_WRAP_BOX (box), 6);
  swy_wrap_box_set_row_spacing (SWY_WRAP_BOX (box), 4);
  swy_wrap_box_append (SWY_WRAP_BOX (box), first);
  swy_wrap_box_append (SWY_WRAP_BOX (box), wide);
  swy_wrap_box_append (SWY_WRAP_BOX (box), last);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);

  gtk_widget_measure (wide, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, ==, 60);
  g_assert_cmpint (natural, ==, 250);

  /* 100 + 6 + 250 > 250, but 100 + 6 + 60 is not: it stays on the first
   * line and takes the rest of it; the last child goes below. */
  allocate (box, 250);
  g_assert_cmpuint (swy_wrap_box_get_n_lines (SWY_WRAP_BOX (box)), ==, 2);
  assert_bounds (first, box, 0, 0, 100, 30);
  assert_bounds (wide, box, 106, 0, 144, 30);
  assert_bounds (last, box, 0, 34, 100, 30);

  /* All three fit at their minimum: one line, the expanding child takes
   * what the others leave. */
  allocate (box, 300);
  g_assert_cmpuint (swy_wrap_box_get_n_lines (SWY_WRAP_BOX (box)), ==, 1);
  assert_bounds (wide, box, 106, 0, 88, 30);
  assert_bounds (last, box, 200, 0, 100, 30);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The event log's filters in a narrow panel (a 1,100 px window with both
 * side panes leaves the bottom panel about 600 px) and in a wide one:
 * every control is inside the log, none is clipped. */
static void
test_wrap_box_log_filters (void)
{
  static const int widths[] = { 420, 600, 1200 };
  static const guint lines[] = { 2, 2, 1 };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autoptr(SwyGraph) graph = swy_graph_new ();
      g_autoptr(SwyViewState) view_state = swy_view_state_new ();
      GtkWidget *log = swy_log_view_new (graph, view_state);
      GtkWidget *window = gtk_window_new ();
      SwyWrapBox *filters;
      guint n = 0;

      gtk_window_set_child (GTK_WINDOW (window), log);
      gtk_window_set_default_size (GTK_WINDOW (window), widths[w], 400);
      gtk_window_present (GTK_WINDOW (window));
      wait_for_frame (window);
      g_assert_cmpint (gtk_widget_get_width (log), ==, widths[w]);

      filters = SWY_WRAP_BOX (test_find_widget_of_type (log, SWY_TYPE_WRAP_BOX));
      g_assert_nonnull (filters);
      g_test_message ("%d px: %u lines", widths[w], swy_wrap_box_get_n_lines (filters));
      g_assert_cmpuint (swy_wrap_box_get_n_lines (filters), ==, lines[w]);
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (filters)); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          graphene_rect_t bounds;

          g_assert_true (gtk_widget_compute_bounds (child, log, &bounds));
          g_assert_cmpfloat (bounds.origin.x, >=, 0);
          g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, widths[w]);
          g_assert_cmpfloat (bounds.size.width, >, 0);
          n++;
        }
      /* Node, topic, the three kinds, search, follow */
      g_assert_cmpuint (n, ==, 5);
      if (w == 1)
        save_window_png (window, "log-filters-600.png");

      gtk_window_destroy (GTK_WINDOW (window));
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/Swy/WrapBox/lines", test_wrap_box_lines);
  g_test_add_func ("/Swy/WrapBox/expand-minimum", test_wrap_box_expand_minimum);
  g_test_add_func ("/Swy/WrapBox/log-filters", test_wrap_box_log_filters);

  return g_test_run ();
}
