/* test-editor.c: the editor window driven through its actions, checked against the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <swy.h>

#include "swy-canvas-private.h"
#include "swy-window.h"
#include "swy-window-private.h"
#include "swy-window-test-util.h"

#include <gsk/gl/gskglrenderer.h>

#define EMPTY_GRAPH     "{\"format\":\"switchyard\",\"version\":1,\"nodes\":[],\"wires\":[]}"

/* A timer that ticks once, a sync cascade through a filter into a log, and a
 * second sync wire from the timer into a counter, connected after the first. */
static const char cascade_graph[] =
  "{ \"format\": \"switchyard\", \"version\": 1, \"title\": \"Sync cascade\",\n"
  "  \"nodes\": [\n"
  "    { \"id\": \"timer1\", \"type\": \"timer\", \"x\": 0, \"y\": 120,\n"
  "      \"properties\": { \"interval-ms\": 100, \"count\": 1 } },\n"
  "    { \"id\": \"filter1\", \"type\": \"filter\", \"x\": 260, \"y\": 0 },\n"
  "    { \"id\": \"log1\", \"type\": \"log\", \"x\": 520, \"y\": 0 },\n"
  "    { \"id\": \"counter1\", \"type\": \"counter\", \"x\": 520, \"y\": 240 }\n"
  "  ],\n"
  "  \"wires\": [\n"
  "    { \"from\": \"timer1:out\", \"to\": \"filter1:in\" },\n"
  "    { \"from\": \"filter1:out\", \"to\": \"log1:in\" },\n"
  "    { \"from\": \"timer1:out\", \"to\": \"counter1:in\" }\n"
  "  ]\n"
  "}\n";

static SwyApplication *app;

/* Main loop */

/* Runs live (win.run) until the virtual clock reaches @until_us and @done
 * holds, then pauses. Live mode follows the monotonic clock, so this takes
 * about that long; nothing here measures it. */
static void
run_live_until (SwyWindow  *window,
                gint64      until_us,
                gboolean  (*done) (SwyGraph *graph))
{
  SwyGraph *graph = swy_document_get_graph (swy_window_get_document (window));
  gboolean given_up = FALSE;
  guint guard;

  g_action_group_activate_action (G_ACTION_GROUP (window), "run", NULL);
  g_assert_true (swy_graph_get_playing (graph));
  guard = g_timeout_add_seconds (TEST_GUARD_SECONDS, test_set_flag_cb, &given_up);
  while (!given_up && (swy_graph_get_now (graph) < until_us || (done != NULL && !done (graph))))
    g_main_context_iteration (NULL, TRUE);
  g_action_group_activate_action (G_ACTION_GROUP (window), "run", NULL);
  g_assert_false (swy_graph_get_playing (graph));
  if (!given_up)
    g_source_remove (guard);
  g_assert_false (given_up);
}

/* Windows */

static SwyWindow *
new_window (void)
{
  SwyWindow *window = swy_window_new (app);
  g_autoptr(GError) error = NULL;

  /* Whatever the window starts with, the tests start from an empty graph. */
  g_assert_true (swy_document_load_data (swy_window_get_document (window), EMPTY_GRAPH, &error));
  g_assert_no_error (error);
  spin_until_idle ();

  return window;
}

static void
present (SwyWindow *window)
{
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  /* Fit the graph into the allocated canvas, then let it draw. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "zoom-fit", NULL);
  wait_for_frame (window);
  spin_until_idle ();
}

static void
destroy_window (SwyWindow *window)
{
  SwyGraph *graph = swy_document_get_graph (swy_window_get_document (window));

  swy_graph_pause (graph);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  spin_until_idle ();
  g_assert_null (window);
}

/* Whether @texture holds exactly the pixels of the surface it was made of. */
static void
assert_texture_is_surface (GdkTexture *texture)
{
  cairo_surface_t *surface = _swy_texture_get_surface (texture);
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  const guchar *data;
  int stride;

  g_assert_nonnull (surface);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);
  gdk_texture_download (texture, pixels, (gsize) width * 4);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    g_assert_cmpmem (pixels + (gsize) y * width * 4, width * 4, data + (gsize) y * stride, width * 4);
}

/* With the GL renderer, the cards' texture is uploaded as a GL texture of
 * the window's (drawn with nearest filtering, pixel for pixel), holding
 * exactly the raster's pixels, and again when a card changes. */
static void
test_editor_cards_texture_gl (void)
{
  SwyWindow *window = new_window ();
  SwyCanvas *canvas = swy_window_get_canvas (window);
  SwyGraph *graph;
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;
  guint n, n_after;

  g_assert_true (swy_document_load_data (swy_window_get_document (window),
                                         "{ \"format\": \"switchyard\", \"version\": 1,\n"
                                         "  \"nodes\": [\n"
                                         "    { \"id\": \"tick\", \"type\": \"timer\", \"x\": 0, \"y\": 0 },\n"
                                         "    { \"id\": \"count\", \"type\": \"counter\", \"x\": 300, \"y\": 0 }\n"
                                         "  ],\n"
                                         "  \"wires\": [ { \"from\": \"tick:out\", \"to\": \"count:in\" } ]\n"
                                         "}\n",
                                         &error));
  g_assert_no_error (error);
  graph = swy_document_get_graph (swy_window_get_document (window));
  present (window);
  /* The sanitizer build draws with cairo: nothing is uploaded there. */
  if (!GSK_IS_GL_RENDERER (gtk_native_get_renderer (GTK_NATIVE (window))))
    {
      g_test_skip ("No GL renderer here");
      destroy_window (window);
      return;
    }

  wait_for_frame (canvas);
  texture = _swy_canvas_get_cards_texture (canvas, &n);
  g_assert_true (GDK_IS_GL_TEXTURE (texture));
  assert_texture_is_surface (texture);
  /* Shown as a texture node: only the cairo renderer draws a cairo node
   * from the surface instead. */
  g_assert_cmpint (gsk_render_node_get_node_type (_swy_canvas_get_cards_node (canvas)), ==,
                   GSK_TEXTURE_NODE);
  g_assert_true (gsk_texture_node_get_texture (_swy_canvas_get_cards_node (canvas)) == texture);

  /* A counter counts: the next frame shows a new GL texture of it. */
  swy_graph_step (graph);
  swy_graph_step (graph);
  wait_for_frame (canvas);
  texture = _swy_canvas_get_cards_texture (canvas, &n_after);
  g_assert_cmpuint (n_after, >, n);
  g_assert_true (GDK_IS_GL_TEXTURE (texture));
  assert_texture_is_surface (texture);

  destroy_window (window);
}

static void
activate (SwyWindow  *window,
          const char *name,
          GVariant   *parameter)
{
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), name));
  g_action_group_activate_action (G_ACTION_GROUP (window), name, parameter);
}

static SwyGraph *
window_graph (SwyWindow *window)
{
  return swy_document_get_graph (swy_window_get_document (window));
}

static guint
n_nodes (SwyGraph *graph)
{
  return g_list_model_get_n_items (swy_graph_get_nodes (graph));
}

static guint
n_wires (SwyGraph *graph)
{
  return g_list_model_get_n_items (swy_graph_get_wires (graph));
}

/* "from -> to" of every wire, in the graph's order. */
static char *
dup_wire_list (SwyGraph *graph)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_wires (graph); i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (swy_graph_get_wires (graph), i);
      g_autofree char *from = swy_port_dup_address (swy_wire_get_from (wire));
      g_autofree char *to = swy_port_dup_address (swy_wire_get_to (wire));

      g_string_append_printf (text, "%s -> %s\n", from, to);
    }

  return g_string_free (text, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The same wires in any order. */
static char *
dup_sorted_wire_list (SwyGraph *graph)
{
  g_autofree char *list = dup_wire_list (graph);
  g_auto(GStrv) lines = g_strsplit (list, "\n", -1);

  qsort (lines, g_strv_length (lines), sizeof (char *), compare_strings);

  return g_strjoinv ("\n", lines);
}

static void
set_uint (SwyDocument *document,
          gpointer     object,
          const char  *name,
          guint        value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_value_init (&gvalue, G_TYPE_UINT);
  g_value_set_uint (&gvalue, value);
  g_assert_true (swy_document_set_property (document, object, name, &gvalue, &error));
  g_assert_no_error (error);
}

static guint
undo_all (SwyWindow *window)
{
  SwyDocument *document = swy_window_get_document (window);
  guint steps = 0;

  while (swy_document_get_can_undo (document))
    {
      activate (window, "undo", NULL);
      steps++;
      g_assert_cmpuint (steps, <, 1000);
    }
  /* The action follows the history. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));

  return steps;
}

static guint
redo_all (SwyWindow *window)
{
  SwyDocument *document = swy_window_get_document (window);
  guint steps = 0;

  while (swy_document_get_can_redo (document))
    {
      activate (window, "redo", NULL);
      steps++;
      g_assert_cmpuint (steps, <, 1000);
    }
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "redo"));

  return steps;
}

static void
assert_title_modified (SwyWindow *window,
                       gboolean   modified)
{
  const char *title = gtk_window_get_title (GTK_WINDOW (window));

  g_assert_cmpint (swy_document_get_modified (swy_window_get_document (window)), ==, modified);
  g_assert_cmpint (g_str_has_prefix (title, "• "), ==, modified);
}

/* Node widgets against the engine */

static GtkWidget *
find_child_with_class (GtkWidget  *widget,
                       const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_has_css_class (child, css_class))
      return child;

  return NULL;
}

static GtkWidget *
find_child_of_type (GtkWidget *widget,
                    GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
      return child;

  return NULL;
}

/* What the card must say, worked out from the engine alone. */
static char *
expected_state (SwyNode *node)
{
  if (SWY_IS_QUEUE_NODE (node))
    {
      SwyQueueNode *queue = SWY_QUEUE_NODE (node);

      g_assert_cmpuint (swy_queue_node_get_capacity (queue), >, 0);
      return g_strdup_printf ("%u of %u waiting", swy_queue_node_get_length (queue),
                              swy_queue_node_get_capacity (queue));
    }
  if (SWY_IS_WORKER_NODE (node))
    {
      SwyWorkerNode *worker = SWY_WORKER_NODE (node);

      return g_strdup_printf ("%u of %u busy, %u in inbox", swy_worker_node_get_busy (worker),
                              swy_worker_node_get_concurrency (worker),
                              swy_worker_node_get_inbox_length (worker));
    }
  if (SWY_IS_COUNTER_NODE (node))
    return g_strdup_printf ("%" G_GUINT64_FORMAT " counted",
                            swy_counter_node_get_count (SWY_COUNTER_NODE (node)));
  if (SWY_IS_LOG_NODE (node))
    return g_strdup_printf ("%u kept", swy_log_node_get_n_events (SWY_LOG_NODE (node)));
  if (SWY_IS_FILTER_NODE (node))
    return g_strdup_printf ("%" G_GUINT64_FORMAT " passed, %" G_GUINT64_FORMAT " rejected",
                            swy_node_get_emitted (node),
                            swy_filter_node_get_rejected (SWY_FILTER_NODE (node)));
  if (SWY_IS_TIMER_NODE (node))
    return g_strdup_printf ("%" G_GUINT64_FORMAT " emitted", swy_node_get_emitted (node));

  g_assert_not_reached ();
}

static void
assert_node_matches_engine (SwyCanvas *canvas,
                            SwyNode   *node)
{
  SwyNodeWidget *widget = swy_canvas_get_node_widget (canvas, node);
  SwyNodeType *type = swy_catalog_lookup_gtype (G_OBJECT_TYPE (node));
  guint64 dropped = swy_node_get_dropped (node);
  g_autofree char *state = expected_state (node);
  g_autofree char *said = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *state_label, *badge, *level;

  g_assert_nonnull (widget);
  g_assert_true (swy_node_widget_get_node (widget) == node);

  /* What a screen reader says: type, id, live state, drops. */
  if (dropped > 0)
    expected = g_strdup_printf ("%s %s, %s, %" G_GUINT64_FORMAT " dropped",
                                swy_node_type_get_display_name (type), swy_node_get_id (node),
                                state, dropped);
  else
    expected = g_strdup_printf ("%s %s, %s", swy_node_type_get_display_name (type),
                                swy_node_get_id (node), state);
  said = swy_node_widget_dup_state (widget);
  g_assert_cmpstr (said, ==, expected);
  gtk_test_accessible_assert_property (widget, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  /* What the card shows. */
  state_label = find_child_with_class (GTK_WIDGET (widget), "caption");
  g_assert_true (GTK_IS_INSCRIPTION (state_label));
  g_assert_cmpstr (gtk_inscription_get_text (GTK_INSCRIPTION (state_label)), ==, state);

  badge = find_child_with_class (GTK_WIDGET (widget), "drop-badge");
  g_assert_true (GTK_IS_LABEL (badge));
  g_assert_cmpint (gtk_widget_get_visible (badge), ==, dropped > 0);
  if (dropped > 0)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT " dropped", dropped);

      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, text);
    }

  if (SWY_IS_COUNTER_NODE (node))
    {
      GtkWidget *value = find_child_with_class (GTK_WIDGET (widget), "counter-value");
      guint64 n = swy_counter_node_get_count (SWY_COUNTER_NODE (node));
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, n);

      g_assert_true (GTK_IS_INSCRIPTION (value));
      g_assert_cmpstr (gtk_inscription_get_text (GTK_INSCRIPTION (value)), ==, count);
    }

  level = find_child_of_type (GTK_WIDGET (widget), GTK_TYPE_LEVEL_BAR);
  if (SWY_IS_QUEUE_NODE (node))
    {
      SwyQueueNode *queue = SWY_QUEUE_NODE (node);

      g_assert_nonnull (level);
      g_assert_cmpfloat (gtk_level_bar_get_max_value (GTK_LEVEL_BAR (level)), ==,
                         swy_queue_node_get_capacity (queue));
      g_assert_cmpfloat (gtk_level_bar_get_value (GTK_LEVEL_BAR (level)), ==,
                         swy_queue_node_get_length (queue));
    }
  else if (SWY_IS_WORKER_NODE (node))
    {
      SwyWorkerNode *worker = SWY_WORKER_NODE (node);

      g_assert_nonnull (level);
      g_assert_cmpfloat (gtk_level_bar_get_max_value (GTK_LEVEL_BAR (level)), ==,
                         swy_worker_node_get_concurrency (worker));
      g_assert_cmpfloat (gtk_level_bar_get_value (GTK_LEVEL_BAR (level)), ==,
                         swy_worker_node_get_busy (worker));
    }
}

static void
assert_window_matches_engine (SwyWindow *window)
{
  SwyGraph *graph = window_graph (window);
  GListModel *nodes = swy_graph_get_nodes (graph);
  g_autofree char *clock = g_strdup_printf ("t = %.3f s",
                                            swy_graph_get_now (graph) / (double) G_USEC_PER_SEC);

  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (nodes, i);

      assert_node_matches_engine (swy_window_get_canvas (window), node);
    }
  g_assert_cmpstr (_swy_window_get_clock_text (window), ==, clock);
}

static void
count_in_flight_cb (SwyWire  *wire,
                    SwyEvent *event,
                    gint64    sent_us,
                    gint64    due_us,
                    gpointer  user_data)
{
  (*(guint *) user_data)++;
}

static guint
count_in_flight (SwyGraph *graph)
{
  guint n = 0;

  swy_graph_foreach_in_flight (graph, count_in_flight_cb, &n);

  return n;
}

static gboolean
has_in_flight (SwyGraph *graph)
{
  return count_in_flight (graph) > 0;
}

static GFile *
example_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", name, NULL);

  return g_file_new_for_path (path);
}

/* The colour at @point (canvas coordinates) of @child drawn as the canvas draws it. */
static void
pick_child_color (SwyCanvas              *canvas,
                  GtkWidget              *child,
                  const graphene_point_t *point,
                  guchar                  rgba[4])
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (canvas)));
  graphene_rect_t viewport = GRAPHENE_RECT_INIT (floorf (point->x) - 8, floorf (point->y) - 8,
                                                 16, 16);
  guchar data[16 * 16 * 4];
  const guchar *pixel = data + (8 * 16 + 8) * 4;

  gtk_widget_snapshot_child (GTK_WIDGET (canvas), child, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &viewport);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 16);
  /* GDK_MEMORY_DEFAULT: B, G, R, A, premultiplied. */
  gdk_texture_download (texture, data, 16 * 4);
  rgba[0] = pixel[2];
  rgba[1] = pixel[1];
  rgba[2] = pixel[0];
  rgba[3] = pixel[3];
}

static void
assert_color (const guchar  rgba[4],
              const char   *spec)
{
  GdkRGBA expected;

  g_assert_true (gdk_rgba_parse (&expected, spec));
  g_assert_cmpuint (rgba[3], ==, 255);
  g_assert_cmpint (ABS (rgba[0] - (int) (expected.red * 255)), <=, 8);
  g_assert_cmpint (ABS (rgba[1] - (int) (expected.green * 255)), <=, 8);
  g_assert_cmpint (ABS (rgba[2] - (int) (expected.blue * 255)), <=, 8);
}

/* 1. Build, save, reopen, undo to empty */

static void
test_editor_build_save_undo (void)
{
  static const char *types[] = { "timer", "queue", "worker", "worker", "counter" };
  static const char *ids[] = { "timer1", "queue1", "worker1", "worker2", "counter1" };
  static const char *wires[][2] = {
    { "timer1:out", "queue1:in" },
    { "queue1:out", "worker1:in" },
    { "queue1:out", "worker2:in" },
    { "worker1:out", "counter1:in" },
    { "worker2:out", "counter1:in" },
  };
  /* Five nodes, five wires, five settings and one move. */
  const guint n_steps = 16;
  SwyWindow *window = new_window ();
  SwyDocument *document = swy_window_get_document (window);
  SwyCanvas *canvas = swy_window_get_canvas (window);
  SwyGraph *graph = window_graph (window);
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *built = NULL;
  g_autofree char *on_disk = NULL;
  g_autofree char *reopened_text = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SwyDocument) reopened = NULL;
  g_auto(GValue) mode = G_VALUE_INIT;
  SwyNode *timer, *queue;
  SwyWire *first_wire;
  double x, y;

  assert_title_modified (window, FALSE);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "undo"));

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      SwyNode *node;

      activate (window, "add-node", g_variant_new_string (types[i]));
      g_assert_cmpuint (n_nodes (graph), ==, i + 1);
      node = swy_graph_lookup_node (graph, ids[i]);
      g_assert_nonnull (node);
      g_assert_cmpstr (swy_node_get_type_name (node), ==, types[i]);
      /* A new node is selected, so the inspector shows it. */
      g_assert_true (swy_canvas_get_selected_object (canvas) == G_OBJECT (node));
      g_assert_nonnull (swy_canvas_get_node_widget (canvas, node));
    }
  assert_title_modified (window, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (wires); i++)
    {
      g_autoptr(SwyWire) wire = NULL;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.connect", "(ss)",
                                                 wires[i][0], wires[i][1]));
      g_assert_cmpuint (n_wires (graph), ==, i + 1);
      wire = g_list_model_get_item (swy_graph_get_wires (graph), i);
      from = swy_port_dup_address (swy_wire_get_from (wire));
      to = swy_port_dup_address (swy_wire_get_to (wire));
      g_assert_cmpstr (from, ==, wires[i][0]);
      g_assert_cmpstr (to, ==, wires[i][1]);
      g_assert_cmpint (swy_wire_get_mode (wire), ==, SWY_WIRE_MODE_SYNC);
    }

  /* A wire the engine refuses adds nothing and no undo step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.connect", "(ss)",
                                             "counter1:in", "timer1:out"));
  g_assert_cmpuint (n_wires (graph), ==, G_N_ELEMENTS (wires));

  timer = swy_graph_lookup_node (graph, "timer1");
  queue = swy_graph_lookup_node (graph, "queue1");
  first_wire = g_list_model_get_item (swy_graph_get_wires (graph), 0);
  g_object_unref (first_wire);   /* the graph keeps it */
  set_uint (document, timer, "interval-ms", 100);
  set_uint (document, timer, "count", 20);
  set_uint (document, queue, "capacity", 5);
  g_value_init (&mode, SWY_TYPE_WIRE_MODE);
  g_value_set_enum (&mode, SWY_WIRE_MODE_QUEUED);
  g_assert_true (swy_document_set_property (document, G_OBJECT (first_wire), "mode", &mode,
                                            &error));
  g_assert_no_error (error);
  set_uint (document, first_wire, "latency-ms", 50);
  g_assert_cmpuint (swy_timer_node_get_interval_ms (SWY_TIMER_NODE (timer)), ==, 100);
  g_assert_cmpuint (swy_timer_node_get_count (SWY_TIMER_NODE (timer)), ==, 20);
  g_assert_cmpuint (swy_queue_node_get_capacity (SWY_QUEUE_NODE (queue)), ==, 5);
  g_assert_cmpint (swy_wire_get_mode (first_wire), ==, SWY_WIRE_MODE_QUEUED);
  g_assert_cmpuint (swy_wire_get_latency_ms (first_wire), ==, 50);

  /* Alt+Right twice and Alt+Shift+Up, as the nudge bindings do. */
  swy_canvas_select (canvas, G_OBJECT (timer), FALSE);
  x = swy_node_get_x (timer);
  y = swy_node_get_y (timer);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.nudge", "(dd)", 10., 0.));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.nudge", "(dd)", 10., 0.));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.nudge", "(dd)", 0., -1.));
  g_assert_cmpfloat (swy_node_get_x (timer), ==, x + 20);
  g_assert_cmpfloat (swy_node_get_y (timer), ==, y - 1);

  built = swy_graph_save_to_data (graph, NULL);

  /* Undo to the empty graph loaded first: that is the unmodified state. */
  g_assert_cmpuint (undo_all (window), ==, n_steps);
  g_assert_cmpuint (n_nodes (graph), ==, 0);
  g_assert_cmpuint (n_wires (graph), ==, 0);
  assert_title_modified (window, FALSE);

  /* Redo rebuilds the very same graph. */
  g_assert_cmpuint (redo_all (window), ==, n_steps);
  text = swy_graph_save_to_data (graph, NULL);
  g_assert_cmpstr (text, ==, built);
  g_clear_pointer (&text, g_free);
  assert_title_modified (window, TRUE);

  /* Save, then read the file back through the engine alone. */
  dir = g_dir_make_tmp ("swy-test-editor-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "competing.swy", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (swy_document_save_file (document, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (swy_document_get_file (document), file));
  assert_title_modified (window, FALSE);

  g_assert_true (g_file_get_contents (path, &on_disk, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (on_disk, ==, built);

  reopened = swy_document_new ();
  g_assert_true (swy_document_load_file (reopened, file, &error));
  g_assert_no_error (error);
  reopened_text = swy_graph_save_to_data (swy_document_get_graph (reopened), NULL);
  g_assert_cmpstr (reopened_text, ==, built);
  {
    SwyGraph *again = swy_document_get_graph (reopened);
    SwyNode *timer2 = swy_graph_lookup_node (again, "timer1");
    g_autoptr(SwyWire) wire2 = g_list_model_get_item (swy_graph_get_wires (again), 0);
    g_autofree char *list = dup_wire_list (graph);
    g_autofree char *list2 = dup_wire_list (again);

    g_assert_cmpuint (n_nodes (again), ==, 5);
    g_assert_cmpstr (list2, ==, list);
    g_assert_cmpuint (swy_timer_node_get_count (SWY_TIMER_NODE (timer2)), ==, 20);
    g_assert_cmpfloat (swy_node_get_x (timer2), ==, x + 20);
    g_assert_cmpint (swy_wire_get_mode (wire2), ==, SWY_WIRE_MODE_QUEUED);
    g_assert_cmpuint (swy_wire_get_latency_ms (wire2), ==, 50);
  }

  /* Undo everything: empty again, and now unsaved against the file. */
  g_assert_cmpuint (undo_all (window), ==, n_steps);
  g_assert_cmpuint (n_nodes (graph), ==, 0);
  g_assert_cmpuint (n_wires (graph), ==, 0);
  g_assert_null (swy_canvas_get_selected_object (canvas));
  assert_title_modified (window, TRUE);

  /* Redo everything: the saved text exactly, and unmodified again. */
  g_assert_cmpuint (redo_all (window), ==, n_steps);
  text = swy_graph_save_to_data (graph, NULL);
  g_assert_cmpstr (text, ==, built);
  assert_title_modified (window, FALSE);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  destroy_window (window);
}

/* 2. Live state matches the engine */

static void
test_editor_live_state (void)
{
  SwyWindow *window = new_window ();
  g_autoptr(GFile) file = example_file ("competing-consumers.swy");
  SwyGraph *graph;
  SwyNode *orders, *queue, *done;
  gboolean any_drops = FALSE;

  g_assert_true (swy_window_open_file (window, file));
  graph = window_graph (window);
  g_assert_cmpuint (n_nodes (graph), ==, 6);
  spin_until_idle ();
  assert_window_matches_engine (window);

  /* Fast mode to t = 5 s: every card shows the engine's numbers. */
  g_assert_cmpuint (swy_graph_run_fast (graph, 5 * G_USEC_PER_SEC), >, 0);
  spin_until_idle ();
  g_assert_cmpint (swy_graph_get_now (graph), ==, 5 * G_USEC_PER_SEC);
  orders = swy_graph_lookup_node (graph, "orders");
  queue = swy_graph_lookup_node (graph, "q");
  done = swy_graph_lookup_node (graph, "done");
  /* 30 orders: each one is either counted or dropped by the full queue. */
  g_assert_cmpuint (swy_node_get_emitted (orders), ==, 30);
  g_assert_cmpuint (swy_counter_node_get_count (SWY_COUNTER_NODE (done)) +
                    swy_node_get_dropped (queue), ==, 30);
  for (guint i = 0; i < n_nodes (graph); i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (swy_graph_get_nodes (graph), i);

      any_drops |= swy_node_get_dropped (node) > 0;
      assert_node_matches_engine (swy_window_get_canvas (window), node);
    }
  /* The example overflows its queue, so the drop badge is exercised. */
  g_assert_true (any_drops);

  /* Reset: back to zero everywhere, on the cards too. */
  activate (window, "reset", NULL);
  spin_until_idle ();
  g_assert_cmpint (swy_graph_get_now (graph), ==, 0);
  g_assert_cmpuint (swy_counter_node_get_count (SWY_COUNTER_NODE (done)), ==, 0);
  assert_window_matches_engine (window);

  /* Live for a second of virtual time, then pause: the same correspondence. */
  run_live_until (window, G_USEC_PER_SEC, NULL);
  spin_until_idle ();
  g_assert_cmpint (swy_graph_get_now (graph), >=, G_USEC_PER_SEC);
  g_assert_cmpuint (swy_node_get_emitted (orders), >, 0);
  assert_window_matches_engine (window);

  destroy_window (window);
}

/* 3. Keyboard */

static void
test_editor_keyboard (void)
{
  static const char *order[] = { "timer1", "filter1", "log1", "counter1" };
  SwyWindow *window = new_window ();
  SwyCanvas *canvas = swy_window_get_canvas (window);
  GtkRoot *root = GTK_ROOT (window);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wires_before = NULL;
  g_autofree char *wires_after = NULL;
  SwyGraph *graph;
  SwyNode *filter;

  g_assert_true (swy_document_load_data (swy_window_get_document (window), cascade_graph, &error));
  g_assert_no_error (error);
  graph = window_graph (window);
  present (window);

  /* Tab walks the nodes in graph order, and focusing a node selects it. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (canvas)));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      SwyNode *node = swy_graph_lookup_node (graph, order[i]);

      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (canvas), GTK_DIR_TAB_FORWARD));
      g_assert_true (gtk_root_get_focus (root) ==
                     GTK_WIDGET (swy_canvas_get_node_widget (canvas, node)));
      g_assert_true (swy_canvas_get_selected_object (canvas) == G_OBJECT (node));
    }
  /* Past the last node, Tab leaves the canvas. */
  g_assert_false (gtk_widget_child_focus (GTK_WIDGET (canvas), GTK_DIR_TAB_FORWARD));

  /* Shift+Tab goes back. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (canvas), GTK_DIR_TAB_BACKWARD));
  g_assert_true (swy_canvas_get_selected_object (canvas) ==
                 G_OBJECT (swy_graph_lookup_node (graph, "log1")));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (canvas), GTK_DIR_TAB_BACKWARD));
  filter = swy_graph_lookup_node (graph, "filter1");
  g_assert_true (gtk_root_get_focus (root) ==
                 GTK_WIDGET (swy_canvas_get_node_widget (canvas, filter)));
  g_assert_true (swy_canvas_get_selected_object (canvas) == G_OBJECT (filter));

  /* Delete removes the focused node and its two wires. */
  before = swy_graph_save_to_data (graph, NULL);
  wires_before = dup_sorted_wire_list (graph);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.delete", NULL));
  spin_until_idle ();
  g_assert_null (swy_graph_lookup_node (graph, "filter1"));
  g_assert_cmpuint (n_nodes (graph), ==, 3);
  g_assert_cmpuint (n_wires (graph), ==, 1);
  g_assert_null (swy_canvas_get_selected_object (canvas));
  g_assert_true (gtk_root_get_focus (root) == GTK_WIDGET (canvas));

  /* Undo brings it back with its settings, position and wires. */
  activate (window, "undo", NULL);
  spin_until_idle ();
  filter = swy_graph_lookup_node (graph, "filter1");
  g_assert_nonnull (filter);
  g_assert_nonnull (swy_canvas_get_node_widget (canvas, filter));
  g_assert_cmpfloat (swy_node_get_x (filter), ==, 260);
  g_assert_cmpfloat (swy_node_get_y (filter), ==, 0);
  g_assert_cmpuint (n_nodes (graph), ==, 4);
  wires_after = dup_sorted_wire_list (graph);
  g_assert_cmpstr (wires_after, ==, wires_before);

  /* The same graph, in the same order: the order of wires is the order in
   * which sync handlers run, and nodes are saved in graph order. */
  after = swy_graph_save_to_data (graph, NULL);
  g_assert_cmpstr (after, ==, before);

  destroy_window (window);
}

/* 3b. Port handles are drawn where the wires end */

static void
test_editor_ports_on_edges (void)
{
  SwyWindow *window = new_window ();
  SwyCanvas *canvas = swy_window_get_canvas (window);
  GListModel *nodes;
  g_autoptr(GError) error = NULL;
  double zoom;

  g_assert_true (swy_document_load_data (swy_window_get_document (window), cascade_graph, &error));
  g_assert_no_error (error);
  present (window);
  nodes = swy_graph_get_nodes (window_graph (window));
  zoom = swy_canvas_get_zoom (canvas);

  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (nodes, i);
      GtkWidget *widget = GTK_WIDGET (swy_canvas_get_node_widget (canvas, node));
      GListModel *ports = swy_node_get_ports (node);
      graphene_rect_t card;

      /* The card's box on the canvas: the canvas puts its top-left corner at
       * the node's position, and ends a wire at that corner plus the port's
       * position, scaled by the zoom. */
      g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (canvas), &card));

      for (guint j = 0; j < g_list_model_get_n_items (ports); j++)
        {
          g_autoptr(SwyPort) port = g_list_model_get_item (ports, j);
          gboolean input = swy_port_get_direction (port) == SWY_PORT_DIRECTION_INPUT;
          graphene_point_t p, wire_end;
          guchar rgba[4];

          g_assert_true (swy_node_widget_get_port_position (SWY_NODE_WIDGET (widget), port, &p));
          wire_end = GRAPHENE_POINT_INIT (card.origin.x + p.x * zoom, card.origin.y + p.y * zoom);

          /* On the card's left edge for inputs, on its right edge for outputs... */
          g_assert_cmpfloat_with_epsilon (wire_end.x, input ? card.origin.x
                                                            : card.origin.x + card.size.width, 0.5);
          g_assert_cmpfloat (wire_end.y, >, card.origin.y);
          g_assert_cmpfloat (wire_end.y, <, card.origin.y + card.size.height);

          /* ...and the handle is drawn right there. */
          pick_child_color (canvas, widget, &wire_end, rgba);
          assert_color (rgba, input ? "#3584e4" : "#e66100");
        }
    }

  destroy_window (window);
}

/* 3d. A wire's label keeps clear of the cards it joins where it can */

static const char close_cards_graph[] =
  "{ \"format\": \"switchyard\", \"version\": 1,"
  "  \"nodes\": [ { \"id\": \"hub\", \"type\": \"broker\", \"x\": 360, \"y\": 310 },"
  "               { \"id\": \"temps\", \"type\": \"log\", \"x\": 600, \"y\": 160 } ],"
  "  \"wires\": [ { \"from\": \"hub:out\", \"to\": \"temps:in\", \"subscription\": \"home/+/temp\" } ] }";

/* A point of the wire's curve where the canvas may put a label: 10 px
 * (zoomed) above the curve, in widget coordinates. */
static void
label_point (SwyCanvas              *canvas,
             const graphene_point_t  c[4],
             double                  t,
             graphene_point_t       *out)
{
  _swy_canvas_curve_at (c, t, out);
  out->x = canvas->pan_x + out->x * canvas->zoom;
  out->y = canvas->pan_y + out->y * canvas->zoom - 10 * canvas->zoom;
}

static void
test_editor_wire_label_clear (void)
{
  SwyWindow *window = new_window ();
  SwyCanvas *canvas = swy_window_get_canvas (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(SwyWire) wire = NULL;
  graphene_rect_t hub, temps, pill, covered;
  graphene_point_t c[4], middle, placed;
  const int w = 80, h = 15;   /* about "home/+/temp" in the canvas's small text */
  gboolean on_curve = FALSE;
  SwyGraph *graph;

  g_assert_true (swy_document_load_data (swy_window_get_document (window), close_cards_graph, &error));
  g_assert_no_error (error);
  present (window);
  /* About the lesson's view in an 800x600 window. */
  swy_canvas_set_zoom (canvas, 0.68);
  wait_for_frame (window);

  graph = window_graph (window);
  wire = g_list_model_get_item (swy_graph_get_wires (graph), 0);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (swy_canvas_get_node_widget (canvas, swy_graph_lookup_node (graph, "hub"))),
                                            GTK_WIDGET (canvas), &hub));
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (swy_canvas_get_node_widget (canvas, swy_graph_lookup_node (graph, "temps"))),
                                            GTK_WIDGET (canvas), &temps));
  g_assert_true (_swy_canvas_wire_points (canvas, wire, c));

  /* Over the middle of the curve the label would cover the card of temps... */
  label_point (canvas, c, 0.5, &middle);
  _swy_canvas_label_pill (middle.x, middle.y, w, h, &pill);
  g_assert_true (graphene_rect_intersection (&pill, &temps, NULL));

  /* ...so it goes to a point of the curve nearer hub, where it covers
   * neither card. */
  _swy_canvas_place_wire_label (canvas, wire, c, w, h, &placed);
  _swy_canvas_label_pill (placed.x, placed.y, w, h, &pill);
  g_assert_false (graphene_rect_intersection (&pill, &temps, &covered));
  g_assert_false (graphene_rect_intersection (&pill, &hub, &covered));
  g_assert_cmpfloat (placed.x, <, middle.x);
  for (guint i = 0; i <= 100 && !on_curve; i++)
    {
      graphene_point_t p;

      label_point (canvas, c, i / 100.0, &p);
      on_curve = graphene_point_distance (&p, &placed, NULL, NULL) < 3.0;
    }
  g_assert_true (on_curve);

  /* With temps further up there is room in the middle, and it stays there. */
  swy_node_set_y (swy_graph_lookup_node (graph, "temps"), 0);
  wait_for_frame (window);
  g_assert_true (_swy_canvas_wire_points (canvas, wire, c));
  label_point (canvas, c, 0.5, &middle);
  _swy_canvas_place_wire_label (canvas, wire, c, w, h, &placed);
  g_assert_cmpfloat_with_epsilon (placed.x, middle.x, 0.001);
  g_assert_cmpfloat_with_epsilon (placed.y, middle.y, 0.001);

  destroy_window (window);
}

/* 3e. A busy wire's label gives events a second of virtual time, also
 * when the engine falls behind the speed (a storm at 20x) */

static const char firehose_graph[] =
  "{ \"format\": \"switchyard\", \"version\": 1,"
  "  \"nodes\": [ { \"id\": \"hose\", \"type\": \"poisson\", \"x\": 0, \"y\": 0,"
  "                 \"properties\": { \"rate-hz\": 100000 } },"
  "               { \"id\": \"sink\", \"type\": \"counter\", \"x\": 300, \"y\": 0 } ],"
  "  \"wires\": [ { \"from\": \"hose:out\", \"to\": \"sink:in\" } ] }";

static void
test_editor_wire_rate_virtual (void)
{
  SwyWindow *window = new_window ();
  SwyCanvas *canvas = swy_window_get_canvas (window);
  g_autoptr(GError) error = NULL;
  g_autoptr(SwyWire) wire = NULL;
  SwyGraph *graph;
  gint64 deadline;
  WireRate *rate;
  double wall_s, virtual_s;
  gint64 wall_start;

  g_assert_true (swy_document_load_data (swy_window_get_document (window), firehose_graph, &error));
  g_assert_no_error (error);
  present (window);
  graph = window_graph (window);
  wire = g_list_model_get_item (swy_graph_get_wires (graph), 0);

  /* 20x: two million events a real second asked of the engine. Four
   * seconds of wall time at most, which is 80 s of virtual time if the
   * engine keeps up; at least 1 s of virtual time, 100,000 events. */
  swy_graph_set_speed (graph, 20.0);
  wall_start = g_get_monotonic_time ();
  swy_graph_play (graph);
  deadline = wall_start + 4 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  swy_graph_pause (graph);
  wall_s = (g_get_monotonic_time () - wall_start) / (double) G_USEC_PER_SEC;
  virtual_s = swy_graph_get_now (graph) / (double) G_USEC_PER_SEC;
  g_test_message ("%.1f s of virtual time in %.1f s: %.1fx", virtual_s, wall_s, virtual_s / wall_s);
  g_assert_cmpfloat (virtual_s, >=, 1.0);

  /* The poisson source makes 100,000 a second of virtual time, whatever
   * the engine manages a real second. */
  rate = _swy_canvas_get_rate (canvas, wire);
  g_test_message ("label rate %.0f/s (wall %.0f/s)", rate->virtual_rate, rate->rate);
  g_assert_true (rate->hot);
  g_assert_cmpfloat (rate->virtual_rate, >, 90000.0);
  g_assert_cmpfloat (rate->virtual_rate, <, 110000.0);

  destroy_window (window);
}

/* 3c. The context menu is a popover child of the canvas */

static void
test_editor_context_menu_child (void)
{
  SwyWindow *window = new_window ();
  SwyCanvas *canvas = swy_window_get_canvas (window);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *popover;   /* owned */

  g_assert_true (swy_document_load_data (swy_window_get_document (window), cascade_graph, &error));
  g_assert_no_error (error);
  present (window);

  /* What a right click on a node makes (show_context_menu() in swy-canvas.c);
   * pointer events cannot be made from a test. */
  g_menu_append (menu, "_Delete", "canvas.delete");
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, GTK_WIDGET (canvas));
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { 100, 100, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  g_object_ref (popover);
  gtk_popover_popup (GTK_POPOVER (popover));

  /* While it is open the canvas lays out, fits, adds and walks its nodes. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "zoom-fit", NULL);
  wait_for_frame (window);
  g_assert_true (gtk_widget_get_visible (popover));
  activate (window, "add-node", g_variant_new_string ("counter"));
  wait_for_frame (window);
  g_assert_cmpuint (n_nodes (window_graph (window)), ==, 5);

  /* Closing it takes it off the canvas. */
  gtk_popover_popdown (GTK_POPOVER (popover));
  spin_until_idle ();
  g_assert_null (gtk_widget_get_parent (popover));
  g_object_unref (popover);

  destroy_window (window);
}

/* 3d. A window closed right after a graph is opened in it */

static void
test_editor_close_after_open (void)
{
  SwyWindow *window = new_window ();
  g_autoptr(GFile) file = example_file ("competing-consumers.swy");

  /* Opening queues fitting the graph to the view for when the canvas has its
   * size; the window goes before that. */
  g_assert_true (swy_window_open_file (window, file));
  destroy_window (window);
}

/* 4. Step mode cascade */

static void
test_editor_step_cascade (void)
{
  /* The call stack and what happens, for each record the engine traces. */
  static const struct {
    SwyTraceKind  kind;
    const char   *node_id;
    const char   *text;
  } expected[] = {
    { SWY_TRACE_KIND_EMIT, "timer1", "main loop → timer1   emits event 1 “tick”" },
    { SWY_TRACE_KIND_DELIVER, "filter1", "main loop → timer1 → filter1   handles event 1 “tick”" },
    { SWY_TRACE_KIND_EMIT, "filter1", "main loop → timer1 → filter1   emits event 1 “tick”" },
    { SWY_TRACE_KIND_DELIVER, "log1",
      "main loop → timer1 → filter1 → log1   handles event 1 “tick”" },
    { SWY_TRACE_KIND_DELIVER, "counter1",
      "main loop → timer1 → counter1   handles event 1 “tick”" },
  };
  SwyWindow *window = new_window ();
  SwyCanvas *canvas = swy_window_get_canvas (window);
  g_autoptr(GError) error = NULL;
  SwyCounterNode *counter1;
  SwyGraph *graph;
  SwyTrace *trace;

  g_assert_true (swy_document_load_data (swy_window_get_document (window), cascade_graph, &error));
  g_assert_no_error (error);
  graph = window_graph (window);
  trace = swy_graph_get_trace (graph);
  spin_until_idle ();
  g_assert_cmpstr (_swy_window_get_call_stack_text (window), ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(SwyTraceRecord) record = NULL;

      activate (window, "step", NULL);
      spin_until_idle ();

      /* One engine step made all five records at once... */
      g_assert_cmpuint (swy_trace_get_n_total (trace), ==, G_N_ELEMENTS (expected));
      g_assert_cmpint (swy_graph_get_now (graph), ==, 100 * G_TIME_SPAN_MILLISECOND);
      g_assert_false (swy_canvas_get_follow_trace (canvas));

      /* ...and each press reveals the next one of them. */
      record = swy_trace_get_record (trace, i);
      g_assert_cmpint (swy_trace_record_get_kind (record), ==, expected[i].kind);
      g_assert_cmpstr (swy_trace_record_get_node_id (record), ==, expected[i].node_id);
      g_assert_cmpuint (swy_trace_record_get_event_id (record), ==, 1);
      g_assert_cmpstr (_swy_window_get_call_stack_text (window), ==, expected[i].text);
    }

  /* Nested sync deliveries sit deeper than the emission they run in. */
  {
    g_autoptr(SwyTraceRecord) emit = swy_trace_get_record (trace, 0);
    g_autoptr(SwyTraceRecord) filter = swy_trace_get_record (trace, 1);
    g_autoptr(SwyTraceRecord) log = swy_trace_get_record (trace, 3);
    g_autoptr(SwyTraceRecord) counter = swy_trace_get_record (trace, 4);

    g_assert_cmpuint (swy_trace_record_get_depth (filter), >, swy_trace_record_get_depth (emit));
    g_assert_cmpuint (swy_trace_record_get_depth (log), >, swy_trace_record_get_depth (filter));
    g_assert_cmpuint (swy_trace_record_get_depth (counter), ==,
                      swy_trace_record_get_depth (filter));
  }

  /* The timer ticks once: then nothing is pending. */
  activate (window, "step", NULL);
  g_assert_cmpuint (swy_trace_get_n_total (trace), ==, G_N_ELEMENTS (expected));
  g_assert_cmpstr (_swy_window_get_call_stack_text (window), ==,
                   "Nothing is pending: the run is over. Reset to start again.");
  assert_window_matches_engine (window);
  counter1 = SWY_COUNTER_NODE (swy_graph_lookup_node (graph, "counter1"));
  g_assert_cmpuint (swy_counter_node_get_count (counter1), ==, 1);

  /* Reset leaves step mode. */
  activate (window, "reset", NULL);
  g_assert_cmpstr (_swy_window_get_call_stack_text (window), ==, "");
  g_assert_true (swy_canvas_get_follow_trace (canvas));
  g_assert_cmpuint (swy_trace_get_n_total (trace), ==, 0);

  destroy_window (window);
}

/* 5. Screenshots */

static void
test_editor_screenshot_empty (void)
{
  SwyWindow *window = new_window ();

  present (window);
  save_screenshot (window, "editor-empty.png");
  destroy_window (window);
}

static void
test_editor_screenshot_running (void)
{
  SwyWindow *window = new_window ();
  g_autoptr(GFile) file = example_file ("competing-consumers.swy");
  SwyGraph *graph;

  g_assert_true (swy_window_open_file (window, file));
  graph = window_graph (window);
  present (window);

  /* 1.5 s in, pause while an order travels on the queued wire, so its token shows. */
  run_live_until (window, 1500 * G_TIME_SPAN_MILLISECOND, has_in_flight);
  g_assert_cmpuint (count_in_flight (graph), >, 0);

  wait_for_frame (window);
  save_screenshot (window, "editor-running.png");
  g_assert_cmpuint (swy_canvas_get_n_tokens (swy_window_get_canvas (window)), >, 0);
  destroy_window (window);
}

static void
test_editor_screenshot_step (void)
{
  SwyWindow *window = new_window ();
  SwyCanvas *canvas = swy_window_get_canvas (window);
  g_autoptr(GError) error = NULL;
  GListModel *nodes;
  int card_width = 0;

  g_assert_true (swy_document_load_data (swy_window_get_document (window), cascade_graph, &error));
  g_assert_no_error (error);
  nodes = swy_graph_get_nodes (window_graph (window));
  present (window);

  /* Mid-cascade: the log handles the event inside the filter inside the timer. */
  for (guint i = 0; i < 4; i++)
    activate (window, "step", NULL);
  g_assert_true (g_str_has_prefix (_swy_window_get_call_stack_text (window),
                                   "main loop → timer1 → filter1 → log1"));
  wait_for_frame (window);
  save_screenshot (window, "editor-step.png");

  /* Every card keeps the one width, the log's too now that it shows a line. */
  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (nodes, i);
      GtkWidget *widget = GTK_WIDGET (swy_canvas_get_node_widget (canvas, node));
      int width = gtk_widget_get_width (widget);

      if (i == 0)
        card_width = width;
      g_assert_cmpint (width, ==, card_width);
    }
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = test_app_new (&argc, &argv);

  g_test_add_func ("/Swy/Editor/build-save-undo", test_editor_build_save_undo);
  g_test_add_func ("/Swy/Editor/live-state", test_editor_live_state);
  g_test_add_func ("/Swy/Editor/keyboard", test_editor_keyboard);
  g_test_add_func ("/Swy/Editor/ports-on-edges", test_editor_ports_on_edges);
  g_test_add_func ("/Swy/Editor/wire-label-clear", test_editor_wire_label_clear);
  g_test_add_func ("/Swy/Editor/wire-rate-virtual", test_editor_wire_rate_virtual);
  g_test_add_func ("/Swy/Editor/context-menu-child", test_editor_context_menu_child);
  g_test_add_func ("/Swy/Editor/close-after-open", test_editor_close_after_open);
  g_test_add_func ("/Swy/Editor/step-cascade", test_editor_step_cascade);
  g_test_add_func ("/Swy/Editor/cards-texture-gl", test_editor_cards_texture_gl);
  g_test_add_func ("/Swy/Editor/screenshot/empty", test_editor_screenshot_empty);
  g_test_add_func ("/Swy/Editor/screenshot/running", test_editor_screenshot_running);
  g_test_add_func ("/Swy/Editor/screenshot/step", test_editor_screenshot_step);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
