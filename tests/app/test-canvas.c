/* test-canvas.c: the canvas's live view, checked against the engine and against what it draws
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-canvas"

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>
#include <swy.h>

#include "swy-canvas-private.h"
#include "swy-event-details-private.h"
#include "swy-log-view-private.h"
#include "swy-texture.h"
#include "swy-window.h"
#include "swy-window-private.h"
#include "swy-window-test-util.h"

/* A timer that ticks twice, 100 ms apart, into a counter a second away
 * on a queued wire: at 700 ms both ticks are in flight, at 60% and 50%. */
static const char two_tokens_graph[] =
  "{ \"format\": \"switchyard\", \"version\": 1,\n"
  "  \"nodes\": [\n"
  "    { \"id\": \"timer1\", \"type\": \"timer\", \"x\": 0, \"y\": 100,\n"
  "      \"properties\": { \"interval-ms\": 100, \"count\": 2 } },\n"
  "    { \"id\": \"counter1\", \"type\": \"counter\", \"x\": 700, \"y\": 100 }\n"
  "  ],\n"
  "  \"wires\": [\n"
  "    { \"from\": \"timer1:out\", \"to\": \"counter1:in\", \"mode\": \"queued\",\n"
  "      \"latency-ms\": 1000 }\n"
  "  ]\n"
  "}\n";

/* Three timers, each into its own counter over a queued wire ten seconds
 * long: at 3.5 s, 3,000, 2,000 and 100 events are in flight, 5,100 in all,
 * more than the canvas draws as tokens. */
static const char crowded_graph[] =
  "{ \"format\": \"switchyard\", \"version\": 1,\n"
  "  \"nodes\": [\n"
  "    { \"id\": \"a\", \"type\": \"timer\", \"x\": 0, \"y\": 0,\n"
  "      \"properties\": { \"interval-ms\": 1, \"count\": 3000, \"topic\": \"a\" } },\n"
  "    { \"id\": \"b\", \"type\": \"timer\", \"x\": 0, \"y\": 160,\n"
  "      \"properties\": { \"interval-ms\": 1, \"count\": 2000, \"topic\": \"b\" } },\n"
  "    { \"id\": \"c\", \"type\": \"timer\", \"x\": 0, \"y\": 320,\n"
  "      \"properties\": { \"interval-ms\": 10, \"count\": 100, \"topic\": \"c\" } },\n"
  "    { \"id\": \"count-a\", \"type\": \"counter\", \"x\": 600, \"y\": 0 },\n"
  "    { \"id\": \"count-b\", \"type\": \"counter\", \"x\": 600, \"y\": 160 },\n"
  "    { \"id\": \"count-c\", \"type\": \"counter\", \"x\": 600, \"y\": 320 }\n"
  "  ],\n"
  "  \"wires\": [\n"
  "    { \"from\": \"a:out\", \"to\": \"count-a:in\", \"mode\": \"queued\", \"latency-ms\": 10000 },\n"
  "    { \"from\": \"b:out\", \"to\": \"count-b:in\", \"mode\": \"queued\", \"latency-ms\": 10000 },\n"
  "    { \"from\": \"c:out\", \"to\": \"count-c:in\", \"mode\": \"queued\", \"latency-ms\": 10000 }\n"
  "  ]\n"
  "}\n";

/* Two timers at intervals that never line up, into counters. */
static const char two_beats_graph[] =
  "{ \"format\": \"switchyard\", \"version\": 1,\n"
  "  \"nodes\": [\n"
  "    { \"id\": \"fast\", \"type\": \"timer\", \"x\": 0, \"y\": 0,\n"
  "      \"properties\": { \"interval-ms\": 37 } },\n"
  "    { \"id\": \"slow\", \"type\": \"timer\", \"x\": 0, \"y\": 200,\n"
  "      \"properties\": { \"interval-ms\": 53 } },\n"
  "    { \"id\": \"count-fast\", \"type\": \"counter\", \"x\": 300, \"y\": 0 },\n"
  "    { \"id\": \"count-slow\", \"type\": \"counter\", \"x\": 300, \"y\": 200 }\n"
  "  ],\n"
  "  \"wires\": [\n"
  "    { \"from\": \"fast:out\", \"to\": \"count-fast:in\" },\n"
  "    { \"from\": \"slow:out\", \"to\": \"count-slow:in\" }\n"
  "  ]\n"
  "}\n";

static const char empty_graph[] =
  "{ \"format\": \"switchyard\", \"version\": 1, \"nodes\": [], \"wires\": [] }\n";

/* The canvas draws at most this many tokens a frame (swy-canvas-live.c). */
#define MAX_TOKENS 4000

static SwyApplication *app;

static SwyWindow *
open_window (const char *graph_text)
{
  SwyWindow *window = swy_window_new (app);
  g_autoptr(GError) error = NULL;

  g_assert_true (swy_document_load_data (swy_window_get_document (window), graph_text, &error));
  g_assert_no_error (error);
  /* The log shows in the bottom panel, the event details beside the canvas. */
  g_action_group_change_action_state (G_ACTION_GROUP (window), "show-panel",
                                      g_variant_new_boolean (TRUE));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);
  g_action_group_activate_action (G_ACTION_GROUP (window), "zoom-fit", NULL);
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

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  guint64 id;
  gint64  sent_us;
  SwyWire *wire;
} InFlight;

static void
collect_in_flight_cb (SwyWire  *wire,
                      SwyEvent *event,
                      gint64    sent_us,
                      gint64    due_us,
                      gpointer  user_data)
{
  InFlight item = { swy_event_get_id (event), sent_us, wire };

  g_array_append_val ((GArray *) user_data, item);
}

static int
compare_sent (gconstpointer a,
              gconstpointer b)
{
  const InFlight *x = a, *y = b;

  return (x->sent_us > y->sent_us) - (x->sent_us < y->sent_us);
}

/* The graph's deliveries in flight, earliest sent first. */
static GArray *
dup_in_flight (SwyGraph *graph)
{
  GArray *items = g_array_new (FALSE, FALSE, sizeof (InFlight));

  swy_graph_foreach_in_flight (graph, collect_in_flight_cb, items);
  g_array_sort (items, compare_sent);

  return items;
}

typedef struct
{
  double x;
  double y;
  guint  n;
} Blob;

static int
compare_blob_x (gconstpointer a,
                gconstpointer b)
{
  const Blob *x = a, *y = b;

  return (x->x > y->x) - (x->x < y->x);
}

/* Where the canvas drew tokens of @topic: it is rendered as it is on screen,
 * and the pixels of the topic's colour outside the cards are gathered into
 * blobs (centres in canvas coordinates), sorted from left to right. */
static GArray *
find_tokens (SwyCanvas  *canvas,
             const char *topic)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (canvas));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (canvas)));
  int width = gtk_widget_get_width (GTK_WIDGET (canvas));
  int height = gtk_widget_get_height (GTK_WIDGET (canvas));
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  g_autoptr(GArray) cards = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  GArray *blobs = g_array_new (FALSE, FALSE, sizeof (Blob));
  GdkRGBA color;
  int red, green, blue;

  _swy_canvas_get_topic_color (topic, &color);
  red = (int) round (color.red * 255);
  green = (int) round (color.green * 255);
  blue = (int) round (color.blue * 255);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (canvas));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t r;

      g_assert_true (gtk_widget_compute_bounds (child, GTK_WIDGET (canvas), &r));
      graphene_rect_inset (&r, -4, -4);
      g_array_append_val (cards, r);
    }

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  gdk_texture_download (texture, data, (gsize) width * 4);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        /* GDK_MEMORY_DEFAULT: B, G, R, A, premultiplied. */
        const guchar *pixel = data + ((gsize) y * width + x) * 4;
        gboolean on_card = FALSE;
        guint i;

        if (pixel[3] != 255 || ABS (pixel[2] - red) > 6 || ABS (pixel[1] - green) > 6 ||
            ABS (pixel[0] - blue) > 6)
          continue;
        for (i = 0; i < cards->len && !on_card; i++)
          on_card = graphene_rect_contains_point (&g_array_index (cards, graphene_rect_t, i),
                                                  &GRAPHENE_POINT_INIT (x, y));
        if (on_card)
          continue;

        for (i = 0; i < blobs->len; i++)
          {
            Blob *blob = &g_array_index (blobs, Blob, i);

            if (hypot (blob->x / blob->n - x, blob->y / blob->n - y) < 16)
              {
                blob->x += x;
                blob->y += y;
                blob->n++;
                break;
              }
          }
        if (i == blobs->len)
          {
            Blob blob = { x, y, 1 };

            g_array_append_val (blobs, blob);
          }
      }

  for (guint i = 0; i < blobs->len; i++)
    {
      Blob *blob = &g_array_index (blobs, Blob, i);

      blob->x /= blob->n;
      blob->y /= blob->n;
    }
  g_array_sort (blobs, compare_blob_x);

  return blobs;
}

/* Waits for the log, which catches up with the trace once a frame at most. */
static void
wait_for_log (SwyWindow *window)
{
  SwyLogModel *model = swy_log_view_get_model (_swy_window_get_log_view (window));

  for (guint i = 0; i < 100 && swy_log_model_get_pending (model); i++)
    wait_for_frame (window);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (_swy_window_get_log_view (window))));
  g_assert_false (swy_log_model_get_pending (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >, 0);
}

static guint64
selected_log_event (SwyWindow *window)
{
  SwyLogView *log = _swy_window_get_log_view (window);
  guint position = gtk_single_selection_get_selected (_swy_log_view_get_selection (log));
  SwyTraceRecordData data;

  if (position == GTK_INVALID_LIST_POSITION ||
      !swy_log_model_peek (swy_log_view_get_model (log), position, &data))
    return 0;

  return data.event_id;
}

/* A press where a token is drawn selects its event in every view: the log's
 * row, the event details, the path on the canvas. The nearest token wins,
 * within its drawn size and a few pixels more, at any zoom. */
static void
test_canvas_click_token (void)
{
  SwyWindow *window = open_window (two_tokens_graph);
  SwyCanvas *canvas = swy_window_get_canvas (window);
  SwyGraph *graph = swy_document_get_graph (swy_window_get_document (window));
  SwyViewState *view_state = swy_log_view_get_view_state (_swy_window_get_log_view (window));
  SwyEventDetails *details = SWY_EVENT_DETAILS (find_descendant (GTK_WIDGET (window),
                                                                 SWY_TYPE_EVENT_DETAILS));
  g_autoptr(GArray) in_flight = NULL;
  g_autoptr(GArray) tokens = NULL;
  guint64 first, second;
  Blob *ahead, *behind;

  g_assert_nonnull (details);
  swy_graph_run_fast (graph, 700 * G_TIME_SPAN_MILLISECOND);
  g_assert_cmpint (swy_graph_get_now (graph), ==, 700 * G_TIME_SPAN_MILLISECOND);
  in_flight = dup_in_flight (graph);
  g_assert_cmpuint (in_flight->len, ==, 2);
  first = g_array_index (in_flight, InFlight, 0).id;
  second = g_array_index (in_flight, InFlight, 1).id;
  g_assert_cmpuint (first, !=, second);
  gtk_widget_queue_draw (GTK_WIDGET (canvas));
  wait_for_frame (window);
  wait_for_log (window);
  spin_until_idle ();

  /* Two tokens, the first tick ahead of the second on the same straight wire. */
  tokens = find_tokens (canvas, "tick");
  g_assert_cmpuint (tokens->len, ==, 2);
  g_assert_cmpuint (swy_canvas_get_n_tokens (canvas), ==, 2);
  behind = &g_array_index (tokens, Blob, 0);
  ahead = &g_array_index (tokens, Blob, 1);
  g_assert_cmpfloat (fabs (ahead->y - behind->y), <, 1.0);
  g_assert_cmpuint (swy_view_state_get_selected_event (view_state), ==, 0);
  g_assert_false (_swy_canvas_is_wire_on_path (canvas, g_array_index (in_flight, InFlight, 0).wire));

  g_assert_false (_swy_canvas_press (canvas, GDK_BUTTON_PRIMARY, 0, ahead->x, ahead->y));
  wait_for_frame (window);
  spin_until_idle ();
  g_assert_cmpuint (swy_view_state_get_selected_event (view_state), ==, first);
  g_assert_cmpuint (selected_log_event (window), ==, first);
  g_assert_cmpstr (_swy_event_details_get_page (details), ==, "event");
  g_assert_cmpuint (_swy_event_details_get_history (details)->event_id, ==, first);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (details)));
  g_assert_true (_swy_canvas_is_wire_on_path (canvas, g_array_index (in_flight, InFlight, 0).wire));
  g_assert_null (swy_canvas_get_selected_object (canvas));
  save_screenshot (window, "canvas-token-selected.png");

  /* Three pixels off the second token, still nearer to it than to the first. */
  g_assert_false (_swy_canvas_press (canvas, GDK_BUTTON_PRIMARY, 0, behind->x - 3, behind->y + 3));
  wait_for_frame (window);
  spin_until_idle ();
  g_assert_cmpuint (swy_view_state_get_selected_event (view_state), ==, second);
  g_assert_cmpuint (selected_log_event (window), ==, second);
  g_assert_cmpuint (_swy_event_details_get_history (details)->event_id, ==, second);

  /* Picking follows the zoom: at 200% a token is 24 px wide, so 13 px below
   * its centre still picks it; at 50% it is 6 px wide and 7 px misses. */
  swy_canvas_set_zoom (canvas, 2.0);
  wait_for_frame (window);
  spin_until_idle ();
  g_clear_pointer (&tokens, g_array_unref);
  tokens = find_tokens (canvas, "tick");
  g_assert_cmpuint (tokens->len, ==, 2);
  ahead = &g_array_index (tokens, Blob, 1);
  swy_view_state_set_selected_event (view_state, 0);
  g_assert_false (_swy_canvas_press (canvas, GDK_BUTTON_PRIMARY, 0, ahead->x, ahead->y + 13));
  g_assert_cmpuint (swy_view_state_get_selected_event (view_state), ==, first);

  swy_canvas_set_zoom (canvas, 0.5);
  wait_for_frame (window);
  spin_until_idle ();
  g_clear_pointer (&tokens, g_array_unref);
  tokens = find_tokens (canvas, "tick");
  g_assert_cmpuint (tokens->len, ==, 2);
  ahead = &g_array_index (tokens, Blob, 1);
  swy_view_state_set_selected_event (view_state, 0);
  g_assert_false (_swy_canvas_press (canvas, GDK_BUTTON_PRIMARY, 0, ahead->x, ahead->y + 7));
  g_assert_cmpuint (swy_view_state_get_selected_event (view_state), ==, 0);
  g_assert_false (_swy_canvas_press (canvas, GDK_BUTTON_PRIMARY, 0, ahead->x, ahead->y + 5));
  g_assert_cmpuint (swy_view_state_get_selected_event (view_state), ==, first);

  destroy_window (window);
}

static void
count_wire_cb (SwyWire  *wire,
               SwyEvent *event,
               gint64    sent_us,
               gint64    due_us,
               gpointer  user_data)
{
  GHashTable *counts = user_data;

  g_hash_table_insert (counts, wire,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, wire)) + 1));
}

/* Checks the frame just drawn: every wire carrying events shows them all,
 * as tokens or as an aggregate whose label gives their number; returns the
 * number of wires drawn aggregate. */
static guint
assert_nothing_hidden (SwyCanvas *canvas,
                       SwyGraph  *graph,
                       guint     *n_in_flight)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  GListModel *wires = swy_graph_get_wires (graph);
  guint n_aggregated = 0;
  guint n_tokens = 0;

  *n_in_flight = 0;
  swy_graph_foreach_in_flight (graph, count_wire_cb, counts);
  for (guint i = 0; i < g_list_model_get_n_items (wires); i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);
      guint expected = GPOINTER_TO_UINT (g_hash_table_lookup (counts, wire));
      guint tokens, shown;

      if (_swy_canvas_get_wire_tokens (canvas, wire, &tokens, &shown))
        {
          g_assert_true (swy_canvas_wire_is_aggregated (canvas, wire));
          g_assert_cmpuint (tokens, ==, 0);
          g_assert_cmpuint (shown, ==, expected);
          n_aggregated++;
        }
      else
        {
          g_assert_false (swy_canvas_wire_is_aggregated (canvas, wire));
          g_assert_cmpuint (tokens, ==, expected);
        }
      n_tokens += tokens;
      *n_in_flight += expected;
    }
  g_assert_cmpuint (swy_canvas_get_n_tokens (canvas), ==, n_tokens);
  g_assert_cmpuint (n_tokens, <=, MAX_TOKENS);

  return n_aggregated;
}

static gboolean
wire_aggregated (SwyCanvas  *canvas,
                 SwyGraph   *graph,
                 const char *from)
{
  GListModel *wires = swy_graph_get_wires (graph);

  for (guint i = 0; i < g_list_model_get_n_items (wires); i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);

      if (g_str_equal (swy_node_get_id (swy_port_get_node (swy_wire_get_from (wire))), from))
        return swy_canvas_wire_is_aggregated (canvas, wire);
    }
  g_assert_not_reached ();
}

/* Above the token cap the busiest wires switch to the aggregate look, until
 * the rest fit: nothing in flight is left out without a word. */
static void
test_canvas_token_cap (void)
{
  SwyWindow *window = open_window (crowded_graph);
  SwyCanvas *canvas = swy_window_get_canvas (window);
  SwyGraph *graph = swy_document_get_graph (swy_window_get_document (window));
  guint n_in_flight;

  /* 5,100 in flight: the wire with 3,000 goes aggregate, 2,100 tokens stay.
   * Blocking c's wire stops new events, not the 100 on it: they still show. */
  swy_graph_run_fast (graph, 3500 * G_TIME_SPAN_MILLISECOND);
  {
    g_autoptr(SwyWire) wire_c = g_list_model_get_item (swy_graph_get_wires (graph), 2);

    swy_wire_set_blocked (wire_c, TRUE);
  }
  wait_for_frame (window);
  g_assert_cmpuint (assert_nothing_hidden (canvas, graph, &n_in_flight), ==, 1);
  g_assert_cmpuint (n_in_flight, ==, 5100);
  g_assert_cmpuint (swy_canvas_get_n_tokens (canvas), ==, 2100);
  g_assert_true (wire_aggregated (canvas, graph, "a"));
  g_assert_false (wire_aggregated (canvas, graph, "b"));
  g_assert_false (wire_aggregated (canvas, graph, "c"));
  save_screenshot (window, "canvas-token-cap.png");

  /* At 11.5 s the first half of a's and three quarters of b's events have
   * arrived, and all of c's: 2,000 in flight fit as tokens again. */
  swy_graph_run_fast (graph, 11500 * G_TIME_SPAN_MILLISECOND);
  wait_for_frame (window);
  g_assert_cmpuint (assert_nothing_hidden (canvas, graph, &n_in_flight), ==, 0);
  g_assert_cmpuint (n_in_flight, ==, 2000);
  g_assert_cmpuint (swy_canvas_get_n_tokens (canvas), ==, 2000);

  destroy_window (window);
}


/* The pixels of a texture: B, G, R, A (GDK_MEMORY_DEFAULT), premultiplied. */
static GBytes *
texture_bytes (GdkTexture *texture)
{
  gsize size = (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4;
  guchar *data = g_malloc (size);

  gdk_texture_download (texture, data, (gsize) gdk_texture_get_width (texture) * 4);

  return g_bytes_new_take (data, size);
}

/* @node drawn by @renderer, the @width × @height pixels from (@x, @y). */
static GBytes *
render_pixels (GskRenderer   *renderer,
               GskRenderNode *node,
               int            x,
               int            y,
               int            width,
               int            height)
{
  g_autoptr(GdkTexture) texture =
    gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (x, y, width, height));

  return texture_bytes (texture);
}

/* What @widget draws now in @width × @height pixels from (@x, @y), as a
 * snapshot of it drawn by its window's renderer. */
static GBytes *
widget_pixels (GtkWidget *widget,
               int        x,
               int        y,
               int        width,
               int        height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (snapshot);

  return render_pixels (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                        x, y, width, height);
}

/* The colour of the canvas's pixel at (@x, @y) as it draws itself now. */
static void
canvas_pixel (SwyCanvas *canvas,
              int        x,
              int        y,
              guchar     rgba[4])
{
  g_autoptr(GBytes) pixels = widget_pixels (GTK_WIDGET (canvas), x, y, 1, 1);
  const guchar *data = g_bytes_get_data (pixels, NULL);

  rgba[0] = data[2];
  rgba[1] = data[1];
  rgba[2] = data[0];
  rgba[3] = data[3];
}

/* Far out, the canvas draws the cards as plain boxes, but the card widgets
 * stay: mapped, focusable, named for screen readers, picked by clicks. */
static void
test_canvas_plain_cards (void)
{
  SwyWindow *window = open_window (two_tokens_graph);
  SwyCanvas *canvas = swy_window_get_canvas (window);
  SwyGraph *graph = swy_document_get_graph (swy_window_get_document (window));
  SwyNode *timer = swy_graph_lookup_node (graph, "timer1");
  SwyNode *counter = swy_graph_lookup_node (graph, "counter1");
  SwyNodeWidget *timer_card = swy_canvas_get_node_widget (canvas, timer);
  SwyNodeWidget *counter_card = swy_canvas_get_node_widget (canvas, counter);
  g_autofree char *said = NULL;
  graphene_rect_t box;
  guchar rgba[4];

  swy_canvas_set_zoom (canvas, 1.0);
  wait_for_frame (window);
  g_assert_false (_swy_canvas_get_plain_cards (canvas));

  swy_canvas_set_zoom (canvas, 0.3);
  wait_for_frame (window);
  g_assert_true (_swy_canvas_get_plain_cards (canvas));

  /* Still real widgets, allocated at their boxes' places. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (timer_card)));
  g_assert_true (gtk_widget_get_child_visible (GTK_WIDGET (timer_card)));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (timer_card)));
  said = swy_node_widget_dup_state (counter_card);
  g_assert_cmpstr (said, ==, "Counter counter1, 0 counted");
  gtk_test_accessible_assert_property (counter_card, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Counter counter1, 0 counted");

  /* The box is drawn where the card is: a producer's blue along its top,
   * the card's white inside. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (timer_card), GTK_WIDGET (canvas), &box));
  g_assert_cmpfloat (fabs (box.size.width - 168 * 0.3), <, 1.0);
  canvas_pixel (canvas, (int) (box.origin.x + box.size.width / 2), (int) box.origin.y + 2, rgba);
  g_assert_cmpint (ABS (rgba[0] - 0x35), <=, 8);
  g_assert_cmpint (ABS (rgba[1] - 0x84), <=, 8);
  g_assert_cmpint (ABS (rgba[2] - 0xe4), <=, 8);
  canvas_pixel (canvas, (int) (box.origin.x + box.size.width / 2),
                (int) (box.origin.y + box.size.height / 2), rgba);
  g_assert_cmpuint (rgba[0], ==, 255);
  g_assert_cmpuint (rgba[1], ==, 255);
  g_assert_cmpuint (rgba[2], ==, 255);

  /* A click on the box selects the node; the selection shows on the box. */
  g_assert_false (_swy_canvas_press (canvas, GDK_BUTTON_PRIMARY, 0,
                                     box.origin.x + box.size.width / 2,
                                     box.origin.y + box.size.height / 2));
  g_assert_true (swy_canvas_get_selected_object (canvas) == G_OBJECT (timer));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (timer_card)));
  wait_for_frame (window);
  canvas_pixel (canvas, (int) box.origin.x, (int) (box.origin.y + box.size.height / 2), rgba);
  g_assert_cmpint (ABS (rgba[0] - 0x35), <=, 24);
  g_assert_cmpint (ABS (rgba[1] - 0x84), <=, 24);
  g_assert_cmpint (ABS (rgba[2] - 0xe4), <=, 24);

  /* Tab goes on to the next card. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (canvas), GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (counter_card)));
  g_assert_true (swy_canvas_get_selected_object (canvas) == G_OBJECT (counter));

  destroy_window (window);
}

/* What the canvas draws inside @card's box. */
static GBytes *
card_pixels (SwyCanvas     *canvas,
             SwyNodeWidget *card)
{
  graphene_rect_t box;

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card), GTK_WIDGET (canvas), &box));

  return widget_pixels (GTK_WIDGET (canvas), (int) floor (box.origin.x), (int) floor (box.origin.y),
                        (int) box.size.width, (int) box.size.height);
}

/* The colour of a texture's centre pixel, B, G, R, A, premultiplied. */
static void
texture_centre (GdkTexture *texture,
                guchar      bgra[4])
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);

  gdk_texture_download (texture, data, (gsize) width * 4);
  memcpy (bgra, data + ((gsize) (height / 2) * width + width / 2) * 4, 4);
}

/* A card's frame (rounded background, outline, coloured top border) is drawn
 * once into a texture at the device pixels it covers and re-used while only
 * the card's content changes; a zoom, a selection and a dark style draw it
 * again, and the card looks as it did before the cache. */
static void
test_canvas_card_cache (void)
{
  SwyWindow *window = open_window (two_tokens_graph);
  SwyCanvas *canvas = swy_window_get_canvas (window);
  SwyGraph *graph = swy_document_get_graph (swy_window_get_document (window));
  SwyNode *timer = swy_graph_lookup_node (graph, "timer1");
  SwyNodeWidget *card = swy_canvas_get_node_widget (canvas, timer);
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GdkTexture) full = NULL;
  g_autoptr(GdkTexture) half = NULL;
  g_autoptr(GdkTexture) selected = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) renamed = NULL;
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GError) error = NULL;
  graphene_rect_t box;
  guchar bgra[4];

  swy_canvas_set_zoom (canvas, 1.0);
  wait_for_frame (window);
  g_assert_nonnull (_swy_node_widget_get_frame_texture (card));
  full = g_object_ref (_swy_node_widget_get_frame_texture (card));
  /* The card and its 1 px outline, in device pixels. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (card), GTK_WIDGET (canvas), &box));
  g_assert_cmpint (ABS (gdk_texture_get_width (full) - ((int) box.size.width + 2)), <=, 1);
  texture_centre (full, bgra);
  g_assert_cmpuint (bgra[0], ==, 255);
  g_assert_cmpuint (bgra[1], ==, 255);
  g_assert_cmpuint (bgra[2], ==, 255);
  before = card_pixels (canvas, card);

  /* A new name redraws the card, not its frame. */
  g_assert_true (swy_graph_rename_node (graph, timer, "timer-renamed", &error));
  g_assert_no_error (error);
  wait_for_frame (window);
  g_assert_true (_swy_node_widget_get_frame_texture (card) == full);
  renamed = card_pixels (canvas, card);
  g_assert_false (g_bytes_equal (before, renamed));
  g_assert_true (swy_graph_rename_node (graph, timer, "timer1", &error));
  g_assert_no_error (error);
  wait_for_frame (window);
  back = card_pixels (canvas, card);
  g_assert_true (g_bytes_equal (before, back));

  /* Selected: the outline turns into a 2 px accent ring. */
  swy_node_widget_set_selected (card, TRUE);
  wait_for_frame (window);
  selected = g_object_ref (_swy_node_widget_get_frame_texture (card));
  g_assert_true (selected != full);
  g_assert_cmpint (gdk_texture_get_width (selected), ==, gdk_texture_get_width (full) + 2);
  swy_node_widget_set_selected (card, FALSE);
  wait_for_frame (window);

  /* Half the zoom: half the pixels, not the old texture scaled down. */
  swy_canvas_set_zoom (canvas, 0.5);
  wait_for_frame (window);
  half = g_object_ref (_swy_node_widget_get_frame_texture (card));
  g_assert_true (half != full);
  g_assert_cmpint (ABS (gdk_texture_get_width (half) - gdk_texture_get_width (full) / 2), <=, 1);

  /* Dark style: the card is a faint light veil over the dark canvas
   * (libadwaita's dark card colour is white at 8 %), not white. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_frame (window);
  g_assert_true (_swy_node_widget_get_frame_texture (card) != half);
  texture_centre (_swy_node_widget_get_frame_texture (card), bgra);
  g_assert_cmpuint (bgra[3], <, 40);
  g_assert_cmpuint (bgra[0], <=, bgra[3]);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  wait_for_frame (window);
  texture_centre (_swy_node_widget_get_frame_texture (card), bgra);
  g_assert_cmpuint (bgra[0], ==, 255);

  destroy_window (window);
}

/* How many bytes of @a and @b differ, and by how much at most. */
static guint
count_differences (GBytes *a,
                   GBytes *b,
                   guint  *max_difference)
{
  gsize size_a, size_b;
  const guchar *x = g_bytes_get_data (a, &size_a);
  const guchar *y = g_bytes_get_data (b, &size_b);
  guint n = 0;

  g_assert_cmpuint (size_a, ==, size_b);
  *max_difference = 0;
  for (gsize i = 0; i < size_a; i++)
    if (x[i] != y[i])
      {
        n++;
        *max_difference = MAX (*max_difference, (guint) ABS (x[i] - y[i]));
      }

  return n;
}

/* @a and @b differ at most by 1/255, in at most 5 % of their bytes: the
 * rounding of drawing a card into a texture first, then over the canvas
 * (antialiased text over a dark style's translucent card is the most). */
static void
assert_same_look (GBytes *a,
                  GBytes *b)
{
  guint max_difference;

  g_assert_cmpuint (count_differences (a, b, &max_difference), <=, g_bytes_get_size (a) / 20);
  g_assert_cmpuint (max_difference, <=, 1);
}

/* Frames, until @ms have passed, and one more. */
static void
wait_for_frames_over (SwyCanvas *canvas,
                      guint      ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    wait_for_frame (canvas);
  wait_for_frame (canvas);
}

/* The card's pixels drawn as they are, with the cards texture off. */
static GBytes *
card_pixels_uncached (SwyCanvas     *canvas,
                      SwyNodeWidget *card)
{
  GBytes *pixels;

  _swy_canvas_set_cards_texture_off (canvas, TRUE);
  wait_for_frame (canvas);
  g_assert_null (_swy_canvas_get_cards_texture (canvas, NULL));
  pixels = card_pixels (canvas, card);
  /* Back on: a frame draws the texture, the next re-uses it. */
  _swy_canvas_set_cards_texture_off (canvas, FALSE);
  wait_for_frame (canvas);
  wait_for_frame (canvas);
  g_assert_cmpuint (_swy_canvas_get_cards_changed (canvas), ==, 0);

  return pixels;
}

/* Cards that hold still are drawn from one texture, re-used from frame to
 * frame; a new figure, a selection, a dark style and a zoom draw it again,
 * and the cards look as they do drawn as they are. */
static void
test_canvas_cards_texture (void)
{
  SwyWindow *window = open_window (two_tokens_graph);
  SwyCanvas *canvas = swy_window_get_canvas (window);
  SwyGraph *graph = swy_document_get_graph (swy_window_get_document (window));
  SwyNodeWidget *card = swy_canvas_get_node_widget (canvas, swy_graph_lookup_node (graph, "counter1"));
  AdwStyleManager *style = adw_style_manager_get_default ();
  GdkTexture *texture;
  g_autoptr(GBytes) zero = NULL;
  g_autoptr(GBytes) two = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) selected = NULL;
  g_autoptr(GBytes) dark = NULL;
  g_autoptr(GBytes) half = NULL;
  g_autofree char *state = NULL;
  guint n, n_after, max_difference;

  swy_canvas_set_zoom (canvas, 1.0);
  wait_for_frame (canvas);
  wait_for_frame (canvas);
  texture = _swy_canvas_get_cards_texture (canvas, &n);
  g_assert_nonnull (texture);
  g_assert_cmpuint (_swy_canvas_get_cards_changed (canvas), ==, 0);
  /* Shown, with the cairo renderer, as a node that paints its pixels. */
  g_assert_cmpint (gsk_render_node_get_node_type (_swy_canvas_get_cards_node (canvas)), ==,
                   GSK_CAIRO_NODE);

  /* Nothing in the cards changes: three more frames draw the same texture. */
  for (guint i = 0; i < 3; i++)
    wait_for_frame (canvas);
  g_assert_true (_swy_canvas_get_cards_texture (canvas, &n_after) == texture);
  g_assert_cmpuint (n_after, ==, n);
  zero = card_pixels (canvas, card);
  plain = card_pixels_uncached (canvas, card);
  assert_same_look (zero, plain);
  g_clear_pointer (&plain, g_bytes_unref);

  /* The timer ticks twice and both ticks arrive: both cards' figures
   * change, and the next frame draws one new texture that shows them. */
  _swy_canvas_get_cards_texture (canvas, &n);
  swy_graph_run_fast (graph, 1250 * G_TIME_SPAN_MILLISECOND);
  state = swy_node_widget_dup_state (card);
  g_assert_cmpstr (state, ==, "Counter counter1, 2 counted");
  wait_for_frame (canvas);
  g_assert_cmpuint (_swy_canvas_get_cards_changed (canvas), ==, 2);
  g_assert_nonnull (_swy_canvas_get_cards_texture (canvas, &n_after));
  g_assert_cmpuint (n_after, ==, n + 1);
  wait_for_frame (canvas);
  g_assert_cmpuint (_swy_canvas_get_cards_changed (canvas), ==, 0);
  _swy_canvas_get_cards_texture (canvas, &n_after);
  g_assert_cmpuint (n_after, ==, n + 1);
  two = card_pixels (canvas, card);
  g_assert_cmpuint (count_differences (zero, two, &max_difference), >, 20);
  g_assert_cmpuint (max_difference, >, 100);
  plain = card_pixels_uncached (canvas, card);
  assert_same_look (two, plain);
  g_clear_pointer (&plain, g_bytes_unref);

  /* Selected: the card's 2 px accent ring, drawn into a new texture. */
  texture = _swy_canvas_get_cards_texture (canvas, &n);
  swy_node_widget_set_selected (card, TRUE);
  wait_for_frame (canvas);
  g_assert_true (_swy_canvas_get_cards_texture (canvas, &n_after) != texture);
  g_assert_cmpuint (n_after, ==, n + 1);
  selected = card_pixels (canvas, card);
  g_assert_false (g_bytes_equal (selected, two));
  plain = card_pixels_uncached (canvas, card);
  assert_same_look (selected, plain);
  g_clear_pointer (&plain, g_bytes_unref);
  swy_node_widget_set_selected (card, FALSE);

  /* Dark style, once the cards' background has faded to it (style.css): the
   * frames of the fade change the cards, so they are drawn as they are
   * until it ends, then into a new texture. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  wait_for_frames_over (canvas, 500);
  g_assert_nonnull (_swy_canvas_get_cards_texture (canvas, NULL));
  dark = card_pixels (canvas, card);
  g_assert_cmpuint (count_differences (dark, two, &max_difference), >, 1000);
  plain = card_pixels_uncached (canvas, card);
  assert_same_look (dark, plain);
  g_clear_pointer (&plain, g_bytes_unref);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* Half the zoom: a new texture of the cards at half the size. */
  texture = _swy_canvas_get_cards_texture (canvas, &n);
  swy_canvas_set_zoom (canvas, 0.5);
  wait_for_frame (canvas);
  wait_for_frame (canvas);
  g_assert_true (_swy_canvas_get_cards_texture (canvas, &n_after) != texture);
  g_assert_cmpuint (n_after, >, n);
  half = card_pixels (canvas, card);
  g_assert_cmpuint (g_bytes_get_size (half), <, g_bytes_get_size (two) / 3);
  plain = card_pixels_uncached (canvas, card);
  assert_same_look (half, plain);

  destroy_window (window);
}

/* While the graph plays, the cards' figures refresh together on one beat,
 * five times a second: two counters counting at rates that never line up
 * change in the same main-loop dispatch, never one without the other, and
 * a card changes at most once a beat. Paused, a card shows its state at
 * once. */
static void
test_canvas_card_beat (void)
{
  SwyWindow *window = open_window (two_beats_graph);
  SwyGraph *graph = swy_document_get_graph (swy_window_get_document (window));
  SwyCanvas *canvas = swy_window_get_canvas (window);
  SwyNode *nodes[2] = { swy_graph_lookup_node (graph, "count-fast"),
                        swy_graph_lookup_node (graph, "count-slow") };
  GtkInscription *values[2];
  char *shown[2];
  guint together = 0;
  gint64 end, first_change = 0, last_change = 0;
  g_autofree char *count = NULL;

  /* The counters' figures, as their cards show them. */
  for (guint i = 0; i < 2; i++)
    {
      values[i] = GTK_INSCRIPTION (find_descendant (GTK_WIDGET (swy_canvas_get_node_widget (canvas, nodes[i])),
                                                    GTK_TYPE_INSCRIPTION));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (values[i]), "counter-value"));
      shown[i] = g_strdup (gtk_inscription_get_text (values[i]));
      g_assert_cmpstr (shown[i], ==, "0");
    }
  /* Until four beats, however slow the machine (a bound, not a measure). */
  swy_graph_play (graph);
  end = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  while (together < 4 && g_get_monotonic_time () < end)
    {
      gboolean changed[2];
      /* Once both have counted, each counts between two beats (at least
       * 150 ms apart): then a beat changes both figures. A beat before the
       * slow one's first count changes only the fast one's. */
      gboolean both_counted = swy_counter_node_get_count (SWY_COUNTER_NODE (nodes[0])) > 0 &&
                              swy_counter_node_get_count (SWY_COUNTER_NODE (nodes[1])) > 0;

      g_main_context_iteration (NULL, TRUE);
      for (guint i = 0; i < 2; i++)
        {
          changed[i] = g_strcmp0 (gtk_inscription_get_text (values[i]), shown[i]) != 0;
          g_free (shown[i]);
          shown[i] = g_strdup (gtk_inscription_get_text (values[i]));
        }
      if (!both_counted)
        continue;
      g_assert_true (changed[0] == changed[1]);
      if (changed[0])
        {
          last_change = g_get_monotonic_time ();
          if (first_change == 0)
            first_change = last_change;
          together++;
        }
    }
  g_assert_cmpuint (together, ==, 4);
  /* A beat comes 200 ms after the one before, or later on a slow machine
   * (frames slower than that pace it): never more than five a second on
   * average. One beat late and the next on time may come closer. */
  g_assert_cmpint ((last_change - first_change) / (together - 1), >=, 150 * G_TIME_SPAN_MILLISECOND);

  /* Paused: the cards show the final counts, not the last beat's. */
  swy_graph_pause (graph);
  for (guint i = 0; i < 2; i++)
    {
      g_free (count);
      count = g_strdup_printf ("%" G_GUINT64_FORMAT,
                               swy_counter_node_get_count (SWY_COUNTER_NODE (nodes[i])));
      g_assert_cmpstr (gtk_inscription_get_text (values[i]), ==, count);
      g_free (shown[i]);
    }

  destroy_window (window);
}

/* The fewest cards a frame refreshes on the beat (swy-node-widget.c). The
 * tests below have one timer into more counters than that, firing once a
 * second, each time into every counter in one emission, so that all the
 * cards wait for the same beat however slow the machine. */
#define BEAT_CARDS 40

typedef struct
{
  guint changed;
  guint frames;
} BeatSwap;

typedef struct
{
  SwyCanvas  *canvas;
  guint       shown;        /* cards' textures shown after the frame before */
  guint       snapshots;    /* the canvas's snapshots then */
  guint       changed;      /* cards changed since the texture shown changed */
  guint       frames;       /* frames in which they changed */
  GArray     *swaps;        /* of BeatSwap, at each new texture */
  guint       most;         /* most cards changed in one frame */
} BeatWatch;

static void
beat_watch_after_paint_cb (GdkFrameClock *clock,
                           BeatWatch     *watch)
{
  guint changed = _swy_canvas_get_cards_changed (watch->canvas);
  guint snapshots = _swy_canvas_get_n_snapshots (watch->canvas);
  guint shown;

  /* A frame that did not draw the canvas again changed nothing in it. */
  if (snapshots == watch->snapshots)
    changed = 0;
  watch->snapshots = snapshots;
  g_assert_nonnull (_swy_canvas_get_cards_texture (watch->canvas, &shown));
  watch->most = MAX (watch->most, changed);
  if (changed > 0)
    {
      watch->changed += changed;
      watch->frames++;
    }
  if (shown != watch->shown)
    {
      BeatSwap swap = { watch->changed, watch->frames };

      g_array_append_val (watch->swaps, swap);
      watch->changed = 0;
      watch->frames = 0;
      watch->shown = shown;
    }
}

/* A beat with more cards waiting than one frame refreshes spreads them over
 * the frames after it, and the canvas shows the cards' new texture only
 * when the last of them has refreshed: @counters counters and the timer,
 * spread over three frames, refresh BEAT_CARDS a frame and the rest in the
 * last of @frames, and on screen all change in that one. */
static void
check_beat_spread (guint counters,
                   guint frames)
{
  g_autoptr(GString) text = g_string_new ("{ \"format\": \"switchyard\", \"version\": 1,\n"
                                          "  \"nodes\": [\n"
                                          "    { \"id\": \"tick\", \"type\": \"timer\", \"x\": 0, \"y\": 0,\n"
                                          "      \"properties\": { \"interval-ms\": 1000 } }");
  SwyWindow *window;
  SwyGraph *graph;
  SwyCanvas *canvas;
  GdkFrameClock *clock;
  BeatWatch watch = { NULL, 0, 0, 0, 0, NULL, 0 };
  guint full = 0;
  gulong handler;
  gint64 end;

  for (guint i = 0; i < counters; i++)
    g_string_append_printf (text, ",\n    { \"id\": \"count%u\", \"type\": \"counter\", \"x\": %u, \"y\": %u }",
                            i, 250 + (i % 10) * 180, (i / 10) * 110);
  g_string_append (text, "\n  ],\n  \"wires\": [");
  for (guint i = 0; i < counters; i++)
    g_string_append_printf (text, "%s\n    { \"from\": \"tick:out\", \"to\": \"count%u:in\" }",
                            i > 0 ? "," : "", i);
  g_string_append (text, "\n  ]\n}\n");

  /* Three frames a beat, whatever this machine's frame rate. */
  _swy_node_widget_set_beat_frames (3);
  window = open_window (text->str);
  graph = swy_document_get_graph (swy_window_get_document (window));
  canvas = swy_window_get_canvas (window);
  swy_canvas_set_zoom (canvas, 1.0);
  /* Until the cards hold still at the new zoom (a frame that draws the
   * canvas again finds none changed). */
  for (guint i = 0; i < 50; i++)
    {
      wait_for_frame (canvas);
      if (_swy_canvas_get_cards_changed (canvas) == 0)
        break;
    }
  g_assert_cmpuint (_swy_canvas_get_cards_changed (canvas), ==, 0);

  watch.canvas = canvas;
  watch.snapshots = _swy_canvas_get_n_snapshots (canvas);
  g_assert_nonnull (_swy_canvas_get_cards_texture (canvas, &watch.shown));
  watch.swaps = g_array_new (FALSE, FALSE, sizeof (BeatSwap));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (canvas));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (beat_watch_after_paint_cb), &watch);

  /* Until three beats have shown every counter's new figure, however slow
   * the machine (a bound, not a measure). */
  swy_graph_play (graph);
  end = g_get_monotonic_time () + 30 * G_TIME_SPAN_SECOND;
  while (full < 3 && g_get_monotonic_time () < end)
    {
      wait_for_frame (canvas);
      full = 0;
      for (guint i = 0; i < watch.swaps->len; i++)
        if (g_array_index (watch.swaps, BeatSwap, i).changed >= counters)
          full++;
    }
  swy_graph_pause (graph);
  g_signal_handler_disconnect (clock, handler);
  g_assert_cmpuint (full, ==, 3);

  /* No frame refreshed more than its share, and each texture shown came
   * after a whole beat: the counters (and the timer's card) over @frames
   * frames, never a part of them. */
  g_assert_cmpuint (watch.most, ==, BEAT_CARDS);
  for (guint i = 0; i < watch.swaps->len; i++)
    {
      BeatSwap *swap = &g_array_index (watch.swaps, BeatSwap, i);

      g_test_message ("texture %u: %u cards changed over %u frames", i, swap->changed, swap->frames);
      g_assert_cmpuint (swap->changed, >=, counters);
      g_assert_cmpuint (swap->changed, <=, counters + 1);
      g_assert_cmpuint (swap->frames, ==, frames);
    }

  g_array_unref (watch.swaps);
  destroy_window (window);
  _swy_node_widget_set_beat_frames (0);
}

/* 100 counters: 40, 40 and 21 cards a frame. */
static void
test_canvas_beat_spread (void)
{
  check_beat_spread (100, 3);
}

/* 60 counters: 40 and 21 cards a frame; the texture shown holds through
 * the first frame, in which more than half of the cards changed. */
static void
test_canvas_beat_spread_most (void)
{
  check_beat_spread (60, 2);
}

/* The canvas's dot grid, drawn from one texture, looks as the CSS
 * background it replaces draws it, in the light and the dark style. */
static void
test_canvas_dots (void)
{
  SwyWindow *window = open_window (empty_graph);
  SwyCanvas *canvas = swy_window_get_canvas (window);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *other = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_css_provider_load_from_data (css,
                                   ".test-dots { background-color: @view_bg_color;"
                                   " background-image: radial-gradient(circle, alpha(@view_fg_color, 0.12) 1px,"
                                   " transparent 1.5px); background-size: 24px 24px; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_widget_add_css_class (box, "test-dots");
  gtk_widget_set_size_request (box, 200, 200);
  gtk_window_set_child (GTK_WINDOW (other), box);
  gtk_window_present (GTK_WINDOW (other));

  for (guint dark = 0; dark < 2; dark++)
    {
      g_autoptr(GBytes) drawn = NULL;
      g_autoptr(GBytes) css_drawn = NULL;
      const guchar *pixels;
      gsize size;
      guint dots = 0;

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_DEFAULT);
      wait_for_frame (canvas);
      wait_for_frame (box);
      drawn = widget_pixels (GTK_WIDGET (canvas), 0, 0, 96, 96);
      css_drawn = widget_pixels (box, 0, 0, 96, 96);
      g_assert_true (g_bytes_equal (drawn, css_drawn));
      /* And there are dots: 4 × 4 tiles, a few pixels darker (light) or
       * lighter (dark) than the background at each tile's centre. */
      pixels = g_bytes_get_data (drawn, &size);
      for (int y = 12; y < 96; y += 24)
        for (int x = 12; x < 96; x += 24)
          dots += pixels[(y * 96 + x) * 4] != pixels[((y + 6) * 96 + x) * 4];
      g_assert_cmpuint (dots, ==, 16);
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css));
  gtk_window_destroy (GTK_WINDOW (other));
  destroy_window (window);
}

/* With the cairo renderer, a texture drawn here goes on screen as a cairo
 * node that paints its surface (GTK 4.8 would convert a texture node's
 * pixels every frame), and looks exactly as its texture node does, at its
 * size and scaled; other textures, and other renderers, keep texture
 * nodes. */
static void
test_canvas_texture_node (void)
{
  SwyWindow *window = open_window (empty_graph);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  SwyDeviceMapping at = { renderer, 1.0f, 0.0f, 0.0f };
  GskColorStop stops[2] = { { 0.0f, { 0.9f, 0.2f, 0.1f, 1.0f } }, { 1.0f, { 0.1f, 0.3f, 0.8f, 0.5f } } };
  g_autoptr(GskRenderNode) gradient =
    gsk_linear_gradient_node_new (&GRAPHENE_RECT_INIT (2, 3, 37, 23), &GRAPHENE_POINT_INIT (2, 3),
                                  &GRAPHENE_POINT_INIT (39, 26), stops, G_N_ELEMENTS (stops));
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTexture) foreign = NULL;
  g_autoptr(GskRenderNode) nothing = gsk_container_node_new (NULL, 0);
  g_autoptr(GBytes) foreign_bytes = g_bytes_new_static ("\xff\x00\x00\xff", 4);
  graphene_rect_t rect;

  g_assert_true (GSK_IS_CAIRO_RENDERER (renderer));
  texture = swy_texture_render_node (gradient, &at, NULL, TRUE, &rect);
  g_assert_nonnull (texture);
  g_assert_nonnull (_swy_texture_get_surface (texture));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 37);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 23);

  for (guint scaled = 0; scaled < 2; scaled++)
    {
      graphene_rect_t where = rect;
      g_autoptr(GskRenderNode) plain = NULL;
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GBytes) plain_pixels = NULL;
      g_autoptr(GBytes) node_pixels = NULL;
      g_autoptr(GBytes) empty = NULL;

      if (scaled)
        graphene_rect_init (&where, 5.5f, 1.25f, 61.0f, 47.5f);
      plain = gsk_texture_node_new (texture, &where);
      node = swy_texture_node_new (texture, &where, renderer);
      g_assert_cmpint (gsk_render_node_get_node_type (node), ==, GSK_CAIRO_NODE);
      plain_pixels = render_pixels (renderer, plain, 0, 0, 72, 56);
      node_pixels = render_pixels (renderer, node, 0, 0, 72, 56);
      g_assert_true (g_bytes_equal (plain_pixels, node_pixels));
      /* Not nothing: both drew the gradient. */
      empty = render_pixels (renderer, nothing, 0, 0, 72, 56);
      g_assert_false (g_bytes_equal (node_pixels, empty));
    }

  /* Without a renderer to draw for, or of a texture not made here: a
   * texture node. */
  {
    g_autoptr(GskRenderNode) node = swy_texture_node_new (texture, &rect, NULL);

    g_assert_cmpint (gsk_render_node_get_node_type (node), ==, GSK_TEXTURE_NODE);
    g_assert_true (gsk_texture_node_get_texture (node) == texture);
  }
  foreign = gdk_memory_texture_new (1, 1, GDK_MEMORY_DEFAULT, foreign_bytes, 4);
  {
    g_autoptr(GskRenderNode) node = swy_texture_node_new (foreign, &GRAPHENE_RECT_INIT (0, 0, 1, 1),
                                                          renderer);

    g_assert_cmpint (gsk_render_node_get_node_type (node), ==, GSK_TEXTURE_NODE);
  }

  destroy_window (window);
}

/* Three boxes in a row, in the colours of @shades (0 to 3 each). */
static void
make_boxes (GskRenderNode *boxes[3],
            const guint    shades[3])
{
  for (guint i = 0; i < 3; i++)
    {
      GdkRGBA color = { 0.2f * shades[i], 0.9f - 0.2f * shades[i], 0.5f, 1.0f };

      g_clear_pointer (&boxes[i], gsk_render_node_unref);
      boxes[i] = gsk_color_node_new (&color, &GRAPHENE_RECT_INIT (2.5f + 20 * i, 3, 15, 11));
    }
}

/* @raster drawn again where the boxes of @now differ from those of
 * @before (all of it without @before); the texture of its pixels then,
 * which must be what drawing them all at once gives. */
static GdkTexture *
draw_boxes (SwyRaster   *raster,
            const guint  before[3],
            const guint  now[3])
{
  SwyDeviceMapping at = { NULL, 1.0f, 0.0f, 0.0f };
  graphene_rect_t area = GRAPHENE_RECT_INIT (0, 0, 64, 16);
  g_autoptr(SwyRaster) whole = swy_raster_new (&at, &area);
  GskRenderNode *boxes[3] = { NULL, NULL, NULL };
  graphene_rect_t damage[3];
  guint n = 0;
  GdkTexture *texture;
  g_autoptr(GBytes) drawn = NULL;
  g_autoptr(GBytes) expected = NULL;

  make_boxes (boxes, now);
  for (guint i = 0; before != NULL && i < 3; i++)
    if (before[i] != now[i])
      gsk_render_node_get_bounds (boxes[i], &damage[n++]);
  swy_raster_draw (raster, boxes, 3, before != NULL ? damage : NULL, n);
  texture = g_object_ref (swy_raster_get_texture (raster, FALSE, NULL));
  swy_raster_draw (whole, boxes, 3, NULL, 0);
  drawn = texture_bytes (texture);
  expected = texture_bytes (swy_raster_get_texture (whole, FALSE, NULL));
  g_assert_true (g_bytes_equal (drawn, expected));
  for (guint i = 0; i < 3; i++)
    gsk_render_node_unref (boxes[i]);

  return texture;
}

static void
assert_texture_kept (GdkTexture *texture,
                     GBytes     *pixels)
{
  g_autoptr(GBytes) now = texture_bytes (texture);

  g_assert_true (g_bytes_equal (now, pixels));
}

/* A raster drawn again part by part, with textures of its pixels taken
 * between: each texture keeps its pixels, and each holds what drawing
 * them all at once would. Once the texture before the last is gone, the
 * raster draws into that one's surface again, brought up to date, instead
 * of a new one. */
static void
test_canvas_raster_spare (void)
{
  static const guint v0[3] = { 0, 0, 0 }, v1[3] = { 1, 0, 0 }, v2[3] = { 1, 2, 0 },
                     v3[3] = { 1, 2, 3 }, v4[3] = { 3, 2, 3 };
  SwyDeviceMapping at = { NULL, 1.0f, 0.0f, 0.0f };
  g_autoptr(SwyRaster) raster = swy_raster_new (&at, &GRAPHENE_RECT_INIT (0, 0, 64, 16));
  g_autoptr(GdkTexture) t0 = draw_boxes (raster, NULL, v0);
  g_autoptr(GdkTexture) t1 = NULL;
  g_autoptr(GdkTexture) t2 = NULL;
  g_autoptr(GdkTexture) t3 = NULL;
  g_autoptr(GdkTexture) t4 = NULL;
  g_autoptr(GBytes) p0 = texture_bytes (t0);
  g_autoptr(GBytes) p1 = NULL;
  g_autoptr(GBytes) p2 = NULL;
  cairo_surface_t *s0 = _swy_texture_get_surface (t0);
  cairo_surface_t *s2;

  /* While the texture is held, the next pixels go into a new surface. */
  t1 = draw_boxes (raster, v0, v1);
  p1 = texture_bytes (t1);
  g_assert_true (_swy_texture_get_surface (t1) != s0);
  assert_texture_kept (t0, p0);

  /* The first texture gone: its surface again, with the first box copied
   * over from the one before. */
  g_clear_object (&t0);
  t2 = draw_boxes (raster, v1, v2);
  p2 = texture_bytes (t2);
  g_assert_true (_swy_texture_get_surface (t2) == s0);
  s2 = s0;
  assert_texture_kept (t1, p1);

  /* The one before the last still held: a new surface. */
  t3 = draw_boxes (raster, v2, v3);
  g_assert_true (_swy_texture_get_surface (t3) != _swy_texture_get_surface (t1));
  g_assert_true (_swy_texture_get_surface (t3) != s2);
  assert_texture_kept (t1, p1);
  assert_texture_kept (t2, p2);

  /* Both gone: the surface of the one before the last, brought up to date
   * (the third box), drawn where the first box changed. */
  g_clear_object (&t1);
  g_clear_object (&t2);
  t4 = draw_boxes (raster, v3, v4);
  g_assert_true (_swy_texture_get_surface (t4) == s2);

  /* Back to the second look, then all of it drawn again. */
  g_clear_object (&t3);
  g_clear_object (&t4);
  t4 = draw_boxes (raster, v4, v1);
  g_clear_object (&t4);
  t4 = draw_boxes (raster, NULL, v2);

  /* With the cairo renderer, the node that shows a texture holds it: its
   * surface is not drawn into again while the node is there, and the node
   * shows the pixels it was made with. */
  {
    g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
    g_autoptr(SwyRaster) shown = swy_raster_new (&at, &GRAPHENE_RECT_INIT (0, 0, 64, 16));
    g_autoptr(GBytes) node_pixels = NULL;
    g_autoptr(GBytes) node_pixels_later = NULL;
    GskRenderNode *node;
    GdkTexture *texture;
    gpointer watch;
    cairo_surface_t *first;

    g_assert_true (gsk_renderer_realize (renderer, NULL, NULL));
    texture = draw_boxes (shown, NULL, v0);
    first = _swy_texture_get_surface (texture);
    node = swy_texture_node_new (texture, &GRAPHENE_RECT_INIT (0, 0, 64, 16), renderer);
    g_assert_cmpint (gsk_render_node_get_node_type (node), ==, GSK_CAIRO_NODE);
    node_pixels = render_pixels (renderer, node, 0, 0, 64, 16);
    watch = texture;
    g_object_add_weak_pointer (G_OBJECT (texture), &watch);
    g_object_unref (texture);
    g_assert_nonnull (watch);

    /* Two draws: the second would take the first surface back. */
    texture = draw_boxes (shown, v0, v1);
    g_object_unref (texture);
    texture = draw_boxes (shown, v1, v2);
    g_assert_true (_swy_texture_get_surface (texture) != first);
    g_object_unref (texture);
    node_pixels_later = render_pixels (renderer, node, 0, 0, 64, 16);
    g_assert_true (g_bytes_equal (node_pixels, node_pixels_later));

    gsk_render_node_unref (node);
    g_assert_null (watch);
    gsk_renderer_unrealize (renderer);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The cards and the dot grid are drawn into textures with GSK's own
   * cairo drawing, whatever the renderer (swy-texture.c). With the cairo
   * renderer, cards drawn as they are come out the same pixel for pixel,
   * which these tests compare; the other window tests run with the
   * default renderer. */
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  app = test_app_new (&argc, &argv);

  g_test_add_func ("/Swy/Canvas/click-token", test_canvas_click_token);
  g_test_add_func ("/Swy/Canvas/token-cap", test_canvas_token_cap);
  g_test_add_func ("/Swy/Canvas/plain-cards", test_canvas_plain_cards);
  g_test_add_func ("/Swy/Canvas/card-cache", test_canvas_card_cache);
  g_test_add_func ("/Swy/Canvas/cards-texture", test_canvas_cards_texture);
  g_test_add_func ("/Swy/Canvas/card-beat", test_canvas_card_beat);
  g_test_add_func ("/Swy/Canvas/beat-spread", test_canvas_beat_spread);
  g_test_add_func ("/Swy/Canvas/beat-spread-most", test_canvas_beat_spread_most);
  g_test_add_func ("/Swy/Canvas/dots", test_canvas_dots);
  g_test_add_func ("/Swy/Canvas/texture-node", test_canvas_texture_node);
  g_test_add_func ("/Swy/Canvas/raster-spare", test_canvas_raster_spare);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
