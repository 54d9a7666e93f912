/* swy-canvas.c: the surface where nodes are placed, wired and watched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nodes are child widgets placed with a transform, so that zooming keeps
 * them real, focusable and accessible. Wires are drawn by the canvas from a
 * cached render node rebuilt only when the graph or the view changes.
 * Tokens come from the engine: events in flight on queued wires
 * (swy_graph_foreach_in_flight) and sync deliveries read from the trace,
 * drawn each frame on top as small shared textures. A wire busier than the
 * eye can follow switches to an aggregate look instead of a blur of tokens.
 */

#define G_LOG_DOMAIN "swy-canvas"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <time.h>

#include "swy-canvas.h"
#include "swy-view-state.h"
#include "swy-canvas-private.h"

#define ZOOM_STEP          1.2
#define PORT_PICK_RADIUS   12.0
#define WIRE_PICK_DISTANCE 6.0
#define PULSE_US           (280 * G_TIME_SPAN_MILLISECOND)
#define PULSE_STAGGER_US   (70 * G_TIME_SPAN_MILLISECOND)
#define MAX_PULSES         256
#define MAX_TOKENS         4000
#define HOT_RATE           20.0   /* tokens a second the eye can still tell apart */
#define COOL_RATE          14.0
#define RATE_TAU_S         0.6
#define N_TOKEN_COLORS     8
#define TOKEN_SIZE         12

typedef enum
{
  DRAG_NONE,
  DRAG_PAN,
  DRAG_MOVE,
  DRAG_RUBBER,
  DRAG_WIRE,
} DragMode;

typedef struct
{
  SwyWire *wire;       /* weak: checked against the graph before use */
  gint64   start;      /* wall clock, µs */
  guint    color;
} Pulse;

typedef struct
{
  guint64 last_delivered;
  double  rate;        /* deliveries a second of wall-clock time, smoothed */
  double  virtual_rate;
  gboolean hot;
  /* The wire's curve and whether its tokens show, worked out once per
   * snapshot_tokens() pass (the one numbered curve_pass): a wire carries
   * many tokens, and finding its ends costs more than drawing them. */
  guint   curve_pass;
  gboolean curve_drawn;
  graphene_point_t curve[4];
} WireRate;

struct _SwyCanvas
{
  GtkWidget      parent_instance;

  SwyDocument   *document;
  SwyViewState  *view_state;
  GHashTable    *path_wires;      /* wires the selected event crossed */
  SwyGraph      *graph;
  gulong         graph_handler;
  gulong         nodes_handler;
  gulong         wires_handler;
  gulong         playing_handler;

  GHashTable    *widgets;         /* SwyNode → SwyNodeWidget */
  GPtrArray     *selected_wires;  /* of SwyWire, owned */

  double         zoom;
  double         pan_x;
  double         pan_y;

  DragMode       drag_mode;
  double         drag_x;          /* widget coordinates at drag start */
  double         drag_y;
  double         drag_last_dx;
  double         drag_last_dy;
  SwyPort       *wire_from;
  SwyPort       *wire_target;
  SwyNodeWidget *wire_target_widget;
  gboolean       wire_refused;
  graphene_point_t wire_end;      /* content coordinates */
  graphene_rect_t  rubber;        /* content coordinates */
  double         zoom_gesture_start;
  double         pointer_x;       /* last pointer position, for zooming around it */
  double         pointer_y;

  GskRenderNode *wires_node;
  double         wires_node_zoom;
  double         wires_node_pan_x;
  double         wires_node_pan_y;

  GdkTexture    *token_textures[N_TOKEN_COLORS];
  GArray        *pulses;          /* of Pulse */
  GHashTable    *rates;           /* SwyWire → WireRate */
  guint64        trace_seen;
  gint64         last_rate_time;
  guint          tick_id;
  guint          n_tokens;
  guint          token_pass;
  gboolean       follow_trace;

  /* Opt-in instrumentation (swy-canvas-private.h), for bench/bench-canvas.c. */
  gboolean       collect_stats;
  gint64         stats_snapshot_us;
  gint64         stats_children_us;
};

G_DEFINE_FINAL_TYPE (SwyCanvas, swy_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ZOOM,
  PROP_FOLLOW_TRACE,
  N_PROPS
};

enum {
  SIGNAL_SELECTION_CHANGED,
  SIGNAL_REFUSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Topic colours: GNOME palette, readable on light and dark. */
static const char *token_colors[N_TOKEN_COLORS] = {
  "#3584e4", "#e66100", "#2ec27e", "#9141ac",
  "#f5c211", "#e01b24", "#1c71d8", "#865e3c",
};

static void
queue_wires_redraw (SwyCanvas *self)
{
  g_clear_pointer (&self->wires_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Coordinates: widget = pan + content × zoom. */
static void
to_content (SwyCanvas *self,
            double     wx,
            double     wy,
            double    *cx,
            double    *cy)
{
  *cx = (wx - self->pan_x) / self->zoom;
  *cy = (wy - self->pan_y) / self->zoom;
}

static void
to_content_point (SwyCanvas        *self,
                  double            wx,
                  double            wy,
                  graphene_point_t *out)
{
  out->x = (wx - self->pan_x) / self->zoom;
  out->y = (wy - self->pan_y) / self->zoom;
}

static gboolean
port_point (SwyCanvas        *self,
            SwyPort          *port,
            graphene_point_t *out)
{
  SwyNode *node = swy_port_get_node (port);
  SwyNodeWidget *widget = g_hash_table_lookup (self->widgets, node);

  if (widget == NULL || !swy_node_widget_get_port_position (widget, port, out))
    return FALSE;

  out->x += swy_node_get_x (node);
  out->y += swy_node_get_y (node);

  return TRUE;
}

/* Wires are cubic curves leaving outputs to the right and entering inputs
 * from the left. Control points in content coordinates. */
static void
wire_curve (const graphene_point_t *a,
            const graphene_point_t *b,
            graphene_point_t        c[4])
{
  double dx = MAX (48.0, fabs (b->x - a->x) / 2.0);
  double drop = 0.0;

  /* A wire going back to the left (a feedback loop) would run through the
   * cards it joins: it swings out and under them instead. */
  if (b->x < a->x + 24.0)
    {
      dx = MAX (120.0, (a->x - b->x) / 3.0);
      drop = 110.0 + fabs (b->y - a->y) / 4.0;
    }

  c[0] = *a;
  c[1] = GRAPHENE_POINT_INIT (a->x + dx, a->y + drop);
  c[2] = GRAPHENE_POINT_INIT (b->x - dx, b->y + drop);
  c[3] = *b;
}

static void
curve_at (const graphene_point_t c[4],
          double                 t,
          graphene_point_t      *out)
{
  double u = 1.0 - t;
  double b0 = u * u * u, b1 = 3 * u * u * t, b2 = 3 * u * t * t, b3 = t * t * t;

  out->x = b0 * c[0].x + b1 * c[1].x + b2 * c[2].x + b3 * c[3].x;
  out->y = b0 * c[0].y + b1 * c[1].y + b2 * c[2].y + b3 * c[3].y;
}

static gboolean
wire_points (SwyCanvas        *self,
             SwyWire          *wire,
             graphene_point_t  c[4])
{
  graphene_point_t a, b;

  if (!port_point (self, swy_wire_get_from (wire), &a) ||
      !port_point (self, swy_wire_get_to (wire), &b))
    return FALSE;

  wire_curve (&a, &b, c);
  return TRUE;
}

static guint
topic_color (const char *topic)
{
  /* The first level picks the colour, so "orders/new" and "orders/paid" match. */
  const char *slash = strchr (topic, '/');
  gsize len = slash != NULL ? (gsize) (slash - topic) : strlen (topic);
  guint hash = 5381;

  for (gsize i = 0; i < len; i++)
    hash = hash * 33 + (guchar) topic[i];

  return hash % N_TOKEN_COLORS;
}

static GdkTexture *
token_texture (SwyCanvas *self,
               guint      color)
{
  if (self->token_textures[color] == NULL)
    {
      int size = TOKEN_SIZE * 2;   /* rendered at twice the size for zoom and HiDPI */
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(GBytes) bytes = NULL;
      GdkRGBA rgba;

      gdk_rgba_parse (&rgba, token_colors[color]);
      cairo_arc (cr, size / 2.0, size / 2.0, size / 2.0 - 1, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_arc (cr, size / 2.0, size / 2.0, size / 2.0 - 4, 0, 2 * G_PI);
      gdk_cairo_set_source_rgba (cr, &rgba);
      cairo_fill (cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                           (gsize) cairo_image_surface_get_stride (surface) * size);
      self->token_textures[color] =
        gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes,
                                cairo_image_surface_get_stride (surface));
      cairo_surface_destroy (surface);
    }

  return self->token_textures[color];
}

static WireRate *
get_rate (SwyCanvas *self,
          SwyWire   *wire)
{
  WireRate *rate = g_hash_table_lookup (self->rates, wire);

  if (rate == NULL)
    {
      rate = g_new0 (WireRate, 1);
      rate->last_delivered = swy_wire_get_delivered (wire);
      g_hash_table_insert (self->rates, wire, rate);
    }

  return rate;
}

gboolean
swy_canvas_wire_is_aggregated (SwyCanvas *self,
                               SwyWire   *wire)
{
  WireRate *rate;

  g_return_val_if_fail (SWY_IS_CANVAS (self), FALSE);

  rate = g_hash_table_lookup (self->rates, wire);
  return rate != NULL && rate->hot;
}

static gboolean
is_wire_selected (SwyCanvas *self,
                  SwyWire   *wire)
{
  return g_ptr_array_find (self->selected_wires, wire, NULL);
}

static void
set_source_color (cairo_t    *cr,
                  const char *spec,
                  double      alpha)
{
  GdkRGBA rgba;

  gdk_rgba_parse (&rgba, spec);
  rgba.alpha *= alpha;
  gdk_cairo_set_source_rgba (cr, &rgba);
}

static void
draw_label (SwyCanvas  *self,
            cairo_t    *cr,
            double      x,
            double      y,
            const char *text,
            gboolean    dark)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();
  int w, h;

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &w, &h);

  /* A pill behind the text keeps it readable over wires. */
  cairo_new_sub_path (cr);
  cairo_arc (cr, x - w / 2.0 - 2, y, h / 2.0 + 1, G_PI / 2, 3 * G_PI / 2);
  cairo_arc (cr, x + w / 2.0 + 2, y, h / 2.0 + 1, -G_PI / 2, G_PI / 2);
  cairo_close_path (cr);
  set_source_color (cr, dark ? "#303030" : "#ffffff", 0.9);
  cairo_fill (cr);

  set_source_color (cr, dark ? "#ffffff" : "#3d3846", 1.0);
  cairo_move_to (cr, x - w / 2.0, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static gboolean
is_dark (SwyCanvas *self)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
draw_wire (SwyCanvas *self,
           cairo_t   *cr,
           SwyWire   *wire)
{
  graphene_point_t c[4], mid;
  gboolean queued = swy_wire_get_mode (wire) == SWY_WIRE_MODE_QUEUED;
  gboolean blocked = swy_wire_get_blocked (wire);
  gboolean selected = is_wire_selected (self, wire);
  WireRate *rate = g_hash_table_lookup (self->rates, wire);
  gboolean hot = rate != NULL && rate->hot;
  const char *subscription = swy_wire_get_subscription (wire);
  double z = self->zoom;
  double width = 2.0;
  static const double dash[] = { 7.0, 5.0 };

  if (!wire_points (self, wire, c))
    return;

  cairo_save (cr);
  cairo_move_to (cr, self->pan_x + c[0].x * z, self->pan_y + c[0].y * z);
  cairo_curve_to (cr,
                  self->pan_x + c[1].x * z, self->pan_y + c[1].y * z,
                  self->pan_x + c[2].x * z, self->pan_y + c[2].y * z,
                  self->pan_x + c[3].x * z, self->pan_y + c[3].y * z);

  if (hot)
    {
      /* Aggregate look: thickness and heat grow with the rate. */
      double heat = CLAMP (log10 (rate->rate / HOT_RATE + 1.0), 0.0, 1.0);

      width = 4.0 + 6.0 * heat;
      cairo_set_source_rgba (cr, 0.90, 0.38 - 0.3 * heat, 0.0, 0.55 + 0.35 * heat);
    }
  else if (blocked)
    set_source_color (cr, is_dark (self) ? "#77767b" : "#c0bfbc", 1.0);
  else
    set_source_color (cr, is_dark (self) ? "#deddda" : "#5e5c64", 0.9);

  if (selected || g_hash_table_contains (self->path_wires, wire))
    {
      cairo_save (cr);
      cairo_set_line_width (cr, (width + 6.0) * z);
      if (selected)
        set_source_color (cr, "#3584e4", 0.45);
      else
        set_source_color (cr, "#f6d32d", 0.75);   /* the selected event's path */
      cairo_stroke_preserve (cr);
      cairo_restore (cr);
    }
  if (queued)
    {
      double scaled[2] = { dash[0] * z, dash[1] * z };

      cairo_set_dash (cr, scaled, 2, 0);
    }
  cairo_set_line_width (cr, width * z);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* Labels: latency for queued wires, the subscription where it filters,
   * the rate on aggregated wires, and a word for blocked ones. */
  curve_at (c, 0.5, &mid);
  {
    g_autoptr(GString) text = g_string_new (NULL);

    if (blocked)
      g_string_append (text, _("blocked"));
    if (queued)
      {
        if (text->len > 0)
          g_string_append (text, " · ");
        g_string_append_printf (text, _("%u ms"), swy_wire_get_latency_ms (wire));
        if (swy_wire_get_jitter_ms (wire) > 0)
          g_string_append_printf (text, " ±%u", swy_wire_get_jitter_ms (wire));
      }
    if (subscription != NULL && g_strcmp0 (subscription, "#") != 0)
      {
        if (text->len > 0)
          g_string_append (text, " · ");
        g_string_append (text, subscription);
      }
    if (hot)
      {
        if (text->len > 0)
          g_string_append (text, " · ");
        /* Translators: events per second of virtual time on a busy wire */
        g_string_append_printf (text, _("%.0f/s"), rate->virtual_rate);
      }
    if (text->len > 0 && z >= 0.45)
      draw_label (self, cr, self->pan_x + mid.x * z, self->pan_y + mid.y * z - 10 * z,
                  text->str, is_dark (self));
  }
}

static void
ensure_wires_node (SwyCanvas *self)
{
  GListModel *wires;
  GtkSnapshot *snapshot;
  cairo_t *cr;
  guint n;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->wires_node != NULL && self->wires_node_zoom == self->zoom &&
      self->wires_node_pan_x == self->pan_x && self->wires_node_pan_y == self->pan_y)
    return;

  g_clear_pointer (&self->wires_node, gsk_render_node_unref);
  if (self->graph == NULL || width <= 0 || height <= 0)
    return;

  wires = swy_graph_get_wires (self->graph);
  n = g_list_model_get_n_items (wires);
  if (n == 0)
    return;

  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);

      draw_wire (self, cr, wire);
    }
  cairo_destroy (cr);

  self->wires_node = gtk_snapshot_free_to_node (snapshot);
  self->wires_node_zoom = self->zoom;
  self->wires_node_pan_x = self->pan_x;
  self->wires_node_pan_y = self->pan_y;
}

static void
append_token (SwyCanvas              *self,
              GtkSnapshot            *snapshot,
              const graphene_point_t *p,
              guint                   color)
{
  double size = TOKEN_SIZE * MAX (self->zoom, 0.5);
  double x = self->pan_x + p->x * self->zoom;
  double y = self->pan_y + p->y * self->zoom;

  gtk_snapshot_append_texture (snapshot, token_texture (self, color),
                               &GRAPHENE_RECT_INIT (x - size / 2, y - size / 2, size, size));
  self->n_tokens++;
}

typedef struct
{
  SwyCanvas   *self;
  GtkSnapshot *snapshot;
  gint64       now;
} TokenContext;

static void
in_flight_cb (SwyWire  *wire,
              SwyEvent *event,
              gint64    sent_us,
              gint64    due_us,
              gpointer  user_data)
{
  TokenContext *ctx = user_data;
  SwyCanvas *self = ctx->self;
  graphene_point_t c[4], p;
  WireRate *rate;
  gboolean drawn;
  double t;

  if (self->n_tokens >= MAX_TOKENS)
    return;
  rate = g_hash_table_lookup (self->rates, wire);
  if (rate != NULL && rate->curve_pass == self->token_pass)
    {
      if (!rate->curve_drawn)
        return;
      memcpy (c, rate->curve, sizeof c);
    }
  else
    {
      drawn = !(rate != NULL && rate->hot) && !swy_wire_get_blocked (wire) &&
              !(self->view_state != NULL &&
                swy_view_state_is_wire_muted (self->view_state, wire)) &&
              wire_points (self, wire, c);
      if (rate != NULL)
        {
          rate->curve_pass = self->token_pass;
          rate->curve_drawn = drawn;
          memcpy (rate->curve, c, sizeof c);
        }
      if (!drawn)
        return;
    }

  t = due_us > sent_us ? (double) (ctx->now - sent_us) / (double) (due_us - sent_us) : 1.0;
  curve_at (c, CLAMP (t, 0.0, 1.0), &p);
  append_token (self, ctx->snapshot, &p, topic_color (swy_event_get_topic (event)));
}

static gboolean
graph_has_wire (SwyCanvas *self,
                SwyWire   *wire)
{
  return g_hash_table_contains (self->rates, wire);
}

static void
snapshot_tokens (SwyCanvas   *self,
                 GtkSnapshot *snapshot)
{
  TokenContext ctx = { self, snapshot, swy_graph_get_now (self->graph) };
  gint64 wall = g_get_monotonic_time ();

  self->n_tokens = 0;
  self->token_pass++;
  swy_graph_foreach_in_flight (self->graph, in_flight_cb, &ctx);

  for (guint i = 0; i < self->pulses->len; i++)
    {
      Pulse *pulse = &g_array_index (self->pulses, Pulse, i);
      graphene_point_t c[4], p;
      double t;

      if (wall < pulse->start || !graph_has_wire (self, pulse->wire))
        continue;
      t = (double) (wall - pulse->start) / PULSE_US;
      if (t > 1.0 || !wire_points (self, pulse->wire, c))
        continue;
      curve_at (c, t, &p);
      append_token (self, snapshot, &p, pulse->color);
    }
}

static void
snapshot_pending_wire (SwyCanvas   *self,
                       GtkSnapshot *snapshot)
{
  graphene_point_t a, c[4];
  cairo_t *cr;
  double z = self->zoom;

  if (!port_point (self, self->wire_from, &a))
    return;

  if (swy_port_get_direction (self->wire_from) == SWY_PORT_DIRECTION_OUTPUT)
    wire_curve (&a, &self->wire_end, c);
  else
    wire_curve (&self->wire_end, &a, c);

  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0,
                                                       gtk_widget_get_width (GTK_WIDGET (self)),
                                                       gtk_widget_get_height (GTK_WIDGET (self))));
  cairo_move_to (cr, self->pan_x + c[0].x * z, self->pan_y + c[0].y * z);
  cairo_curve_to (cr,
                  self->pan_x + c[1].x * z, self->pan_y + c[1].y * z,
                  self->pan_x + c[2].x * z, self->pan_y + c[2].y * z,
                  self->pan_x + c[3].x * z, self->pan_y + c[3].y * z);
  set_source_color (cr, self->wire_refused ? "#e01b24" : "#3584e4", 1.0);
  cairo_set_line_width (cr, 2.5 * z);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

/* The instrumentation's clock: this thread's CPU time, so that whatever else
 * runs on the machine does not count. */
static gint64
stats_clock_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
swy_canvas_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  SwyCanvas *self = SWY_CANVAS (widget);
  gint64 start = 0;
  gint64 children_start = 0;

  if (self->graph == NULL)
    return;

  if (G_UNLIKELY (self->collect_stats))
    start = stats_clock_us ();

  ensure_wires_node (self);
  if (self->wires_node != NULL)
    gtk_snapshot_append_node (snapshot, self->wires_node);

  if (self->drag_mode == DRAG_WIRE && self->wire_from != NULL)
    snapshot_pending_wire (self, snapshot);

  if (G_UNLIKELY (self->collect_stats))
    children_start = stats_clock_us ();
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (widget, child, snapshot);
  if (G_UNLIKELY (self->collect_stats))
    self->stats_children_us = stats_clock_us () - children_start;

  /* Tokens travel over the cards' edges, so they go last. */
  snapshot_tokens (self, snapshot);

  if (self->drag_mode == DRAG_RUBBER)
    {
      graphene_rect_t r = GRAPHENE_RECT_INIT (self->pan_x + self->rubber.origin.x * self->zoom,
                                              self->pan_y + self->rubber.origin.y * self->zoom,
                                              self->rubber.size.width * self->zoom,
                                              self->rubber.size.height * self->zoom);
      GdkRGBA fill, border;
      float widths[4] = { 1, 1, 1, 1 };
      GdkRGBA borders[4];
      GskRoundedRect rr;

      gdk_rgba_parse (&fill, "rgba(53,132,228,0.15)");
      gdk_rgba_parse (&border, "#3584e4");
      for (guint i = 0; i < 4; i++)
        borders[i] = border;
      gtk_snapshot_append_color (snapshot, &fill, &r);
      gsk_rounded_rect_init_from_rect (&rr, &r, 0);
      gtk_snapshot_append_border (snapshot, &rr, widths, borders);
    }

  if (G_UNLIKELY (self->collect_stats))
    self->stats_snapshot_us = stats_clock_us () - start;
}

static void
swy_canvas_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  SwyCanvas *self = SWY_CANVAS (widget);
  gboolean moved = FALSE;
  graphene_rect_t bounds;

  /* A card whose text changes re-allocates the canvas (every frame while a
   * graph plays), but wires only hang on the cards' left and right edges:
   * keep the cached wires unless a card moved or changed width, or the
   * canvas changed size (bench/README.md, canvas benchmark). */
  if (self->wires_node != NULL)
    {
      gsk_render_node_get_bounds (self->wires_node, &bounds);
      moved = bounds.size.width != width || bounds.size.height != height;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SwyNode *node;
      GskTransform *transform = NULL;
      graphene_point_t before, after;
      int before_width;
      gboolean placed;
      int w, h;

      /* The context menu is a child too. */
      if (GTK_IS_POPOVER (child))
        {
          gtk_popover_present (GTK_POPOVER (child));
          continue;
        }

      node = swy_node_widget_get_node (SWY_NODE_WIDGET (child));
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
      before_width = gtk_widget_get_width (child);
      placed = gtk_widget_compute_point (child, widget, &GRAPHENE_POINT_INIT (0, 0), &before);
      transform = gsk_transform_translate (transform,
                                           &GRAPHENE_POINT_INIT (self->pan_x + swy_node_get_x (node) * self->zoom,
                                                                 self->pan_y + swy_node_get_y (node) * self->zoom));
      transform = gsk_transform_scale (transform, self->zoom, self->zoom);
      gtk_widget_allocate (child, w, h, -1, transform);
      if (!placed || gtk_widget_get_width (child) != before_width ||
          !gtk_widget_compute_point (child, widget, &GRAPHENE_POINT_INIT (0, 0), &after) ||
          !graphene_point_near (&before, &after, 0.01f))
        moved = TRUE;
    }

  if (moved)
    g_clear_pointer (&self->wires_node, gsk_render_node_unref);
}

static void
swy_canvas_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  /* The canvas scrolls itself: it asks for little and takes what it gets. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_measure (child, orientation, -1, NULL, NULL, NULL, NULL);

  *minimum = 200;
  *natural = 600;
}

static void
set_pan (SwyCanvas *self,
         double     x,
         double     y)
{
  self->pan_x = x;
  self->pan_y = y;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Zooms keeping the content point under (wx, wy) where it is. */
static void
zoom_at (SwyCanvas *self,
         double     zoom,
         double     wx,
         double     wy)
{
  double cx, cy;

  zoom = CLAMP (zoom, SWY_CANVAS_MIN_ZOOM, SWY_CANVAS_MAX_ZOOM);
  if (zoom == self->zoom)
    return;

  to_content (self, wx, wy, &cx, &cy);
  self->zoom = zoom;
  set_pan (self, wx - cx * zoom, wy - cy * zoom);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

double
swy_canvas_get_zoom (SwyCanvas *self)
{
  g_return_val_if_fail (SWY_IS_CANVAS (self), 1.0);

  return self->zoom;
}

void
swy_canvas_set_zoom (SwyCanvas *self,
                     double     zoom)
{
  g_return_if_fail (SWY_IS_CANVAS (self));

  zoom_at (self, zoom,
           gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
           gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

static gboolean
content_bounds (SwyCanvas       *self,
                graphene_rect_t *out)
{
  gboolean any = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SwyNode *node;
      int w, h;
      graphene_rect_t r;

      if (!SWY_IS_NODE_WIDGET (child))
        continue;
      node = swy_node_widget_get_node (SWY_NODE_WIDGET (child));
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
      r = GRAPHENE_RECT_INIT (swy_node_get_x (node), swy_node_get_y (node), w, h);
      if (any)
        graphene_rect_union (out, &r, out);
      else
        *out = r;
      any = TRUE;
    }

  return any;
}

/**
 * swy_canvas_zoom_to_fit:
 * @self: a canvas
 *
 * Zooms and pans so that every node is in view, never past 100%.
 */
void
swy_canvas_zoom_to_fit (SwyCanvas *self)
{
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double zoom;

  g_return_if_fail (SWY_IS_CANVAS (self));

  if (!content_bounds (self, &bounds) || width <= 0 || height <= 0)
    {
      self->zoom = 1.0;
      set_pan (self, 0, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
      return;
    }

  graphene_rect_inset (&bounds, -48, -48);
  zoom = MIN (width / bounds.size.width, height / bounds.size.height);
  self->zoom = CLAMP (zoom, SWY_CANVAS_MIN_ZOOM, 1.0);
  set_pan (self,
           width / 2.0 - (bounds.origin.x + bounds.size.width / 2.0) * self->zoom,
           height / 2.0 - (bounds.origin.y + bounds.size.height / 2.0) * self->zoom);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/**
 * swy_canvas_get_free_spot:
 * @self: a canvas
 * @x: (out): content x
 * @y: (out): content y
 *
 * Finds where a new node goes: the middle of the view, moved down and
 * right until it does not sit exactly on another node.
 */
void
swy_canvas_get_free_spot (SwyCanvas *self,
                          double    *x,
                          double    *y)
{
  double cx, cy;
  gboolean taken = TRUE;

  g_return_if_fail (SWY_IS_CANVAS (self));

  to_content (self,
              gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
              gtk_widget_get_height (GTK_WIDGET (self)) / 2.0,
              &cx, &cy);
  cx = round (cx - 84);
  cy = round (cy - 40);

  for (guint attempt = 0; taken && attempt < 50; attempt++)
    {
      taken = FALSE;
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          SwyNode *node;

          if (!SWY_IS_NODE_WIDGET (child))
            continue;
          node = swy_node_widget_get_node (SWY_NODE_WIDGET (child));
          if (fabs (swy_node_get_x (node) - cx) < 8 && fabs (swy_node_get_y (node) - cy) < 8)
            {
              cx += 24;
              cy += 24;
              taken = TRUE;
              break;
            }
        }
    }

  *x = cx;
  *y = cy;
}

/* Selection */

static void
emit_selection_changed (SwyCanvas *self)
{
  queue_wires_redraw (self);
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

static void
unselect_all (SwyCanvas *self)
{
  GHashTableIter iter;
  gpointer widget;

  g_hash_table_iter_init (&iter, self->widgets);
  while (g_hash_table_iter_next (&iter, NULL, &widget))
    swy_node_widget_set_selected (widget, FALSE);
  g_ptr_array_set_size (self->selected_wires, 0);
}

void
swy_canvas_unselect_all (SwyCanvas *self)
{
  g_return_if_fail (SWY_IS_CANVAS (self));

  unselect_all (self);
  emit_selection_changed (self);
}

void
swy_canvas_select_all (SwyCanvas *self)
{
  GHashTableIter iter;
  gpointer widget;

  g_return_if_fail (SWY_IS_CANVAS (self));

  g_hash_table_iter_init (&iter, self->widgets);
  while (g_hash_table_iter_next (&iter, NULL, &widget))
    swy_node_widget_set_selected (widget, TRUE);
  emit_selection_changed (self);
}

/**
 * swy_canvas_select:
 * @self: a canvas
 * @object: (nullable): a node or a wire
 * @extend: whether to add to the selection (toggling @object) instead of replacing it
 *
 * Selects a node or a wire.
 */
void
swy_canvas_select (SwyCanvas *self,
                   GObject   *object,
                   gboolean   extend)
{
  g_return_if_fail (SWY_IS_CANVAS (self));

  if (!extend)
    unselect_all (self);

  if (SWY_IS_NODE (object))
    {
      SwyNodeWidget *widget = g_hash_table_lookup (self->widgets, object);

      if (widget != NULL)
        swy_node_widget_set_selected (widget, !extend || !swy_node_widget_get_selected (widget));
    }
  else if (SWY_IS_WIRE (object))
    {
      if (extend && is_wire_selected (self, SWY_WIRE (object)))
        g_ptr_array_remove (self->selected_wires, object);
      else if (!is_wire_selected (self, SWY_WIRE (object)))
        g_ptr_array_add (self->selected_wires, g_object_ref (object));
    }

  emit_selection_changed (self);
}

/**
 * swy_canvas_dup_selected_nodes:
 * @self: a canvas
 *
 * Returns: (transfer container) (element-type SwyNode): the selected nodes,
 *   in the graph's order
 */
GPtrArray *
swy_canvas_dup_selected_nodes (SwyCanvas *self)
{
  GPtrArray *nodes = g_ptr_array_new ();
  GListModel *model;
  guint n;

  g_return_val_if_fail (SWY_IS_CANVAS (self), nodes);

  if (self->graph == NULL)
    return nodes;

  model = swy_graph_get_nodes (self->graph);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (model, i);
      SwyNodeWidget *widget = g_hash_table_lookup (self->widgets, node);

      if (widget != NULL && swy_node_widget_get_selected (widget))
        g_ptr_array_add (nodes, node);
    }

  return nodes;
}

/**
 * swy_canvas_dup_selected_wires:
 * @self: a canvas
 *
 * Returns: (transfer container) (element-type SwyWire): the selected wires
 */
GPtrArray *
swy_canvas_dup_selected_wires (SwyCanvas *self)
{
  GPtrArray *wires = g_ptr_array_new ();

  g_return_val_if_fail (SWY_IS_CANVAS (self), wires);

  for (guint i = 0; i < self->selected_wires->len; i++)
    g_ptr_array_add (wires, g_ptr_array_index (self->selected_wires, i));

  return wires;
}

/**
 * swy_canvas_get_selected_object:
 * @self: a canvas
 *
 * Returns: (transfer none) (nullable): the one selected node or wire, or
 *   `NULL` when none or several are selected
 */
GObject *
swy_canvas_get_selected_object (SwyCanvas *self)
{
  g_autoptr(GPtrArray) nodes = NULL;

  g_return_val_if_fail (SWY_IS_CANVAS (self), NULL);

  nodes = swy_canvas_dup_selected_nodes (self);
  if (nodes->len == 1 && self->selected_wires->len == 0)
    return g_ptr_array_index (nodes, 0);
  if (nodes->len == 0 && self->selected_wires->len == 1)
    return g_ptr_array_index (self->selected_wires, 0);

  return NULL;
}

SwyNodeWidget *
swy_canvas_get_node_widget (SwyCanvas *self,
                            SwyNode   *node)
{
  g_return_val_if_fail (SWY_IS_CANVAS (self), NULL);

  return g_hash_table_lookup (self->widgets, node);
}

/* Picking */

static SwyNodeWidget *
pick_node_widget (SwyCanvas *self,
                  double     wx,
                  double     wy)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), wx, wy, GTK_PICK_DEFAULT);

  while (picked != NULL && picked != GTK_WIDGET (self) && !SWY_IS_NODE_WIDGET (picked))
    picked = gtk_widget_get_parent (picked);

  return SWY_IS_NODE_WIDGET (picked) ? SWY_NODE_WIDGET (picked) : NULL;
}

static SwyPort *
pick_port (SwyCanvas      *self,
           double          wx,
           double          wy,
           SwyNodeWidget **out_widget)
{
  GHashTableIter iter;
  gpointer key, value;
  SwyPort *best = NULL;
  double best_distance = PORT_PICK_RADIUS;

  g_hash_table_iter_init (&iter, self->widgets);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GListModel *ports = swy_node_get_ports (key);
      guint n = g_list_model_get_n_items (ports);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SwyPort) port = g_list_model_get_item (ports, i);
          graphene_point_t p;
          double d;

          if (!port_point (self, port, &p))
            continue;
          d = hypot (self->pan_x + p.x * self->zoom - wx, self->pan_y + p.y * self->zoom - wy);
          if (d < best_distance)
            {
              best_distance = d;
              best = port;
              if (out_widget != NULL)
                *out_widget = value;
            }
        }
    }

  return best;
}

static SwyWire *
pick_wire (SwyCanvas *self,
           double     wx,
           double     wy)
{
  GListModel *wires = swy_graph_get_wires (self->graph);
  guint n = g_list_model_get_n_items (wires);
  SwyWire *best = NULL;
  double best_distance = WIRE_PICK_DISTANCE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);
      graphene_point_t c[4];

      if (!wire_points (self, wire, c))
        continue;
      for (guint s = 0; s <= 32; s++)
        {
          graphene_point_t p;
          double d;

          curve_at (c, s / 32.0, &p);
          d = hypot (self->pan_x + p.x * self->zoom - wx, self->pan_y + p.y * self->zoom - wy);
          if (d < best_distance)
            {
              best_distance = d;
              best = wire;
            }
        }
    }

  return best;
}

/* Gestures */

static void
refuse (SwyCanvas  *self,
        const char *message)
{
  gtk_widget_error_bell (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_REFUSED], 0, message);
}

static void
clear_hot_port (SwyCanvas *self)
{
  if (self->wire_target_widget != NULL)
    swy_node_widget_set_hot_port (self->wire_target_widget, NULL, FALSE);
  self->wire_target_widget = NULL;
  self->wire_target = NULL;
  self->wire_refused = FALSE;
}

static gboolean
ports_can_connect (SwyPort *from,
                   SwyPort *to)
{
  return from != NULL && to != NULL &&
         swy_port_get_direction (from) != swy_port_get_direction (to);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SwyCanvas      *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  SwyNodeWidget *widget = NULL;
  SwyPort *port;

  if (self->graph == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->drag_x = x;
  self->drag_y = y;
  self->drag_last_dx = 0;
  self->drag_last_dy = 0;

  port = pick_port (self, x, y, &widget);
  if (port != NULL)
    {
      self->drag_mode = DRAG_WIRE;
      self->wire_from = port;
      to_content_point (self, x, y, &self->wire_end);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  widget = pick_node_widget (self, x, y);
  if (widget != NULL)
    {
      if (!swy_node_widget_get_selected (widget))
        swy_canvas_select (self, G_OBJECT (swy_node_widget_get_node (widget)),
                           (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0);
      self->drag_mode = DRAG_MOVE;
      swy_document_begin_group (self->document);
      return;
    }

  if (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK))
    {
      self->drag_mode = DRAG_RUBBER;
      to_content_point (self, x, y, &self->rubber.origin);
      self->rubber.size.width = self->rubber.size.height = 0;
      return;
    }

  self->drag_mode = DRAG_PAN;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                SwyCanvas      *self)
{
  double x = self->drag_x + dx;
  double y = self->drag_y + dy;

  switch (self->drag_mode)
    {
    case DRAG_PAN:
      set_pan (self, self->pan_x + dx - self->drag_last_dx, self->pan_y + dy - self->drag_last_dy);
      break;

    case DRAG_MOVE:
      {
        g_autoptr(GPtrArray) nodes = swy_canvas_dup_selected_nodes (self);

        swy_document_move_nodes (self->document, nodes,
                                 (dx - self->drag_last_dx) / self->zoom,
                                 (dy - self->drag_last_dy) / self->zoom);
      }
      break;

    case DRAG_RUBBER:
      {
        double cx, cy;

        to_content (self, x, y, &cx, &cy);
        self->rubber.size.width = cx - self->rubber.origin.x;
        self->rubber.size.height = cy - self->rubber.origin.y;
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;

    case DRAG_WIRE:
      {
        SwyNodeWidget *widget = NULL;
        SwyPort *target = pick_port (self, x, y, &widget);

        to_content_point (self, x, y, &self->wire_end);
        if (target == self->wire_from)
          target = NULL;
        if (target != self->wire_target)
          {
            clear_hot_port (self);
            if (target != NULL)
              {
                self->wire_target = target;
                self->wire_target_widget = widget;
                self->wire_refused = !ports_can_connect (self->wire_from, target);
                swy_node_widget_set_hot_port (widget, target, self->wire_refused);
              }
          }
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;

    case DRAG_NONE:
    default:
      break;
    }

  self->drag_last_dx = dx;
  self->drag_last_dy = dy;
}

static void
finish_rubber (SwyCanvas *self,
               gboolean   extend)
{
  graphene_rect_t band;

  graphene_rect_normalize_r (&self->rubber, &band);
  if (!extend)
    unselect_all (self);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SwyNode *node;
      graphene_rect_t r;

      if (!SWY_IS_NODE_WIDGET (child))
        continue;
      node = swy_node_widget_get_node (SWY_NODE_WIDGET (child));
      r = GRAPHENE_RECT_INIT (swy_node_get_x (node), swy_node_get_y (node),
                              gtk_widget_get_width (child), gtk_widget_get_height (child));
      if (graphene_rect_intersection (&band, &r, NULL))
        swy_node_widget_set_selected (SWY_NODE_WIDGET (child), TRUE);
    }
  emit_selection_changed (self);
}

static void
finish_wire (SwyCanvas *self)
{
  SwyPort *target = self->wire_target;
  SwyPort *from, *to;
  g_autoptr(GError) error = NULL;

  if (target == NULL)
    {
      refuse (self, _("Drop the wire on a port of another node to connect them"));
      return;
    }
  if (!ports_can_connect (self->wire_from, target))
    {
      refuse (self, swy_port_get_direction (target) == SWY_PORT_DIRECTION_INPUT
                    ? _("An input can only be wired to an output")
                    : _("An output can only be wired to an input"));
      return;
    }

  from = swy_port_get_direction (self->wire_from) == SWY_PORT_DIRECTION_OUTPUT ? self->wire_from : target;
  to = from == self->wire_from ? target : self->wire_from;
  if (swy_document_connect (self->document, from, to, &error) == NULL)
    refuse (self, error->message);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             SwyCanvas      *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  DragMode mode = self->drag_mode;

  self->drag_mode = DRAG_NONE;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);

  switch (mode)
    {
    case DRAG_MOVE:
      swy_document_end_group (self->document);
      break;

    case DRAG_RUBBER:
      finish_rubber (self, (state & GDK_CONTROL_MASK) != 0);
      break;

    case DRAG_WIRE:
      /* A press and release on a port without moving is a click, not a wire. */
      if (hypot (dx, dy) > 4)
        finish_wire (self);
      clear_hot_port (self);
      self->wire_from = NULL;
      break;

    case DRAG_PAN:
    case DRAG_NONE:
    default:
      break;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
show_context_menu (SwyCanvas *self,
                   double     x,
                   double     y,
                   GObject   *target)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  GtkWidget *popover;

  if (SWY_IS_BUTTON_NODE (target))
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("_Fire"), NULL);

      g_menu_item_set_action_and_target (item, "win.fire-node", "s",
                                         swy_node_get_id (SWY_NODE (target)));
      g_menu_append_item (menu, item);
    }
  if (SWY_IS_WIRE (target))
    {
      gboolean blocked = swy_wire_get_blocked (SWY_WIRE (target));
      gboolean queued = swy_wire_get_mode (SWY_WIRE (target)) == SWY_WIRE_MODE_QUEUED;

      g_menu_append (menu, blocked ? _("_Unblock") : _("_Block"), "canvas.toggle-blocked");
      g_menu_append (menu, queued ? _("Make _Sync") : _("Make _Queued"), "canvas.toggle-mode");
      if (self->view_state != NULL)
        g_menu_append (menu,
                       swy_view_state_is_wire_muted (self->view_state, SWY_WIRE (target))
                       ? _("Show _Animation") : _("_Mute Animation"),
                       "canvas.toggle-muted");
    }
  if (SWY_IS_NODE (target))
    {
      g_menu_append (edit, _("_Copy"), "canvas.copy");
      g_menu_append (edit, _("D_uplicate"), "canvas.duplicate");
    }
  g_menu_append (edit, _("_Delete"), "canvas.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));

  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { x, y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  SwyCanvas       *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  gboolean extend = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;
  SwyNodeWidget *widget;
  GObject *target = NULL;

  if (self->graph == NULL)
    return;

  widget = pick_node_widget (self, x, y);
  if (widget != NULL)
    target = G_OBJECT (swy_node_widget_get_node (widget));
  else if (pick_port (self, x, y, NULL) == NULL)
    target = G_OBJECT (pick_wire (self, x, y));

  if (button == GDK_BUTTON_SECONDARY)
    {
      if (target == NULL)
        return;
      if (SWY_IS_NODE (target) ? !swy_node_widget_get_selected (widget)
                               : !is_wire_selected (self, SWY_WIRE (target)))
        swy_canvas_select (self, target, FALSE);
      show_context_menu (self, x, y, target);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  if (widget != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (widget));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self));

  if (target == NULL)
    {
      if (!extend)
        swy_canvas_unselect_all (self);
      return;
    }
  /* Pressing an already selected node keeps the selection, for dragging it. */
  if (SWY_IS_NODE (target) && !extend && swy_node_widget_get_selected (widget))
    return;
  swy_canvas_select (self, target, extend);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           SwyCanvas                *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (state & GDK_CONTROL_MASK)
    {
      zoom_at (self, self->zoom * pow (ZOOM_STEP, -dy), self->pointer_x, self->pointer_y);
      return TRUE;
    }

  if (state & GDK_SHIFT_MASK)
    {
      double t = dx;

      dx = dy;
      dy = t;
    }
  set_pan (self, self->pan_x - dx * 40, self->pan_y - dy * 40);
  return TRUE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SwyCanvas                *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               SwyCanvas        *self)
{
  self->zoom_gesture_start = self->zoom;
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       SwyCanvas      *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  zoom_at (self, self->zoom_gesture_start * scale, x, y);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SwyCanvas     *self)
{
  SwyNodeType *type = g_value_get_object (value);
  g_autoptr(GError) error = NULL;
  double cx, cy;
  SwyNode *node;

  if (self->document == NULL || type == NULL)
    return FALSE;

  to_content (self, x, y, &cx, &cy);
  node = swy_document_add_node (self->document, swy_node_type_get_name (type),
                                round (cx - 84), round (cy - 24), &error);
  if (node == NULL)
    {
      refuse (self, error->message);
      return FALSE;
    }
  swy_canvas_select (self, G_OBJECT (node), FALSE);

  return TRUE;
}

/* Live view */

static void
add_pulse (SwyCanvas *self,
           SwyWire   *wire,
           guint      color,
           gint64     start)
{
  Pulse pulse = { wire, start, color };

  if (self->pulses->len >= MAX_PULSES)
    g_array_remove_index (self->pulses, 0);
  g_array_append_val (self->pulses, pulse);
}

static SwyWire *
record_wire (SwyCanvas      *self,
             SwyTraceRecord *record)
{
  int index = swy_trace_record_get_wire (record);
  GListModel *wires = swy_graph_get_wires (self->graph);
  g_autoptr(SwyWire) wire = NULL;

  if (index < 0 || (guint) index >= g_list_model_get_n_items (wires))
    return NULL;
  wire = g_list_model_get_item (wires, index);

  return wire;   /* the graph keeps it alive */
}

/**
 * swy_canvas_reveal_record:
 * @self: a canvas
 * @record: a trace record
 *
 * Shows one dispatch: a delivery on a sync wire as a pulse travelling the
 * wire, a drop as a flash of the node. Step mode reveals records one by one.
 */
void
swy_canvas_reveal_record (SwyCanvas      *self,
                          SwyTraceRecord *record)
{
  SwyTraceKind kind;
  SwyWire *wire;

  g_return_if_fail (SWY_IS_CANVAS (self));
  g_return_if_fail (SWY_IS_TRACE_RECORD (record));

  if (self->graph == NULL)
    return;

  kind = swy_trace_record_get_kind (record);
  wire = record_wire (self, record);
  if (kind == SWY_TRACE_KIND_DELIVER && wire != NULL &&
      swy_wire_get_mode (wire) == SWY_WIRE_MODE_SYNC)
    add_pulse (self, wire, topic_color (swy_trace_record_get_topic (record)),
               g_get_monotonic_time ());
  else if (kind == SWY_TRACE_KIND_DROP)
    {
      SwyNode *node = swy_graph_lookup_node (self->graph, swy_trace_record_get_node_id (record));
      SwyNodeWidget *widget = node != NULL ? g_hash_table_lookup (self->widgets, node) : NULL;

      if (widget != NULL)
        swy_node_widget_flash (widget);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Reads the records added since the last frame and turns sync deliveries
 * into pulses, in emission order, a little apart so the order shows. */
static void
follow_trace (SwyCanvas *self,
              gint64     wall)
{
  SwyTrace *trace = swy_graph_get_trace (self->graph);
  guint64 total = swy_trace_get_n_total (trace);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (trace));
  guint64 fresh;
  guint first;
  gint64 start = wall;

  if (total < self->trace_seen)
    self->trace_seen = 0;   /* the trace was cleared */
  fresh = MIN (total - self->trace_seen, n_items);
  self->trace_seen = total;
  if (fresh == 0)
    return;

  /* Busier than the pulse budget: only the newest ones can be seen anyway. */
  fresh = MIN (fresh, MAX_PULSES);
  first = n_items - fresh;
  if (self->pulses->len > 0)
    start = MAX (wall, g_array_index (self->pulses, Pulse, self->pulses->len - 1).start + PULSE_STAGGER_US);
  start = MIN (start, wall + 4 * PULSE_STAGGER_US);

  for (guint i = first; i < n_items; i++)
    {
      g_autoptr(SwyTraceRecord) record = swy_trace_get_record (trace, i);
      SwyWire *wire;
      WireRate *rate;

      if (swy_trace_record_get_kind (record) != SWY_TRACE_KIND_DELIVER)
        continue;
      wire = record_wire (self, record);
      if (wire == NULL || swy_wire_get_mode (wire) != SWY_WIRE_MODE_SYNC)
        continue;
      rate = g_hash_table_lookup (self->rates, wire);
      if ((rate != NULL && rate->hot) ||
          (self->view_state != NULL && swy_view_state_is_wire_muted (self->view_state, wire)))
        continue;
      add_pulse (self, wire, topic_color (swy_trace_record_get_topic (record)), start);
      start += PULSE_STAGGER_US;
    }
}

static void
update_rates (SwyCanvas *self,
              gint64     wall)
{
  double dt = self->last_rate_time > 0 ? (wall - self->last_rate_time) / (double) G_USEC_PER_SEC : 0;
  double alpha = dt > 0 ? 1.0 - exp (-dt / RATE_TAU_S) : 0;
  double speed = swy_graph_get_speed (self->graph);
  gboolean playing = swy_graph_get_playing (self->graph);
  gboolean changed = FALSE;
  GHashTableIter iter;
  gpointer key, value;

  self->last_rate_time = wall;
  g_hash_table_iter_init (&iter, self->rates);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      WireRate *rate = value;
      guint64 delivered = swy_wire_get_delivered (key);
      guint64 delta = delivered >= rate->last_delivered ? delivered - rate->last_delivered : 0;
      gboolean hot;

      rate->last_delivered = delivered;
      if (dt <= 0)
        continue;
      rate->rate += alpha * (delta / dt - rate->rate);
      rate->virtual_rate = speed > 0 ? rate->rate / speed : 0;
      hot = rate->hot ? rate->rate > COOL_RATE : rate->rate > HOT_RATE;
      if (!playing && rate->rate < 1.0)
        hot = FALSE;
      if (hot != rate->hot)
        {
          rate->hot = hot;
          changed = TRUE;
        }
      else if (rate->hot)
        changed = TRUE;   /* its rate label changes */
    }

  if (changed)
    queue_wires_redraw (self);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  SwyCanvas *self = SWY_CANVAS (widget);
  gint64 wall = g_get_monotonic_time ();
  gboolean active;

  if (self->graph == NULL)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  update_rates (self, wall);
  if (self->follow_trace)
    follow_trace (self, wall);

  /* Forget pulses that have arrived. */
  while (self->pulses->len > 0 &&
         wall - g_array_index (self->pulses, Pulse, 0).start > PULSE_US)
    g_array_remove_index (self->pulses, 0);

  gtk_widget_queue_draw (widget);

  active = swy_graph_get_playing (self->graph) || self->pulses->len > 0;
  if (!active)
    {
      self->tick_id = 0;
      self->last_rate_time = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
ensure_ticking (SwyCanvas *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
}

static void
playing_changed_cb (SwyCanvas  *self,
                    GParamSpec *pspec,
                    SwyGraph   *graph)
{
  ensure_ticking (self);
}

gboolean
swy_canvas_get_follow_trace (SwyCanvas *self)
{
  g_return_val_if_fail (SWY_IS_CANVAS (self), FALSE);

  return self->follow_trace;
}

/**
 * swy_canvas_set_follow_trace:
 * @self: a canvas
 * @follow: whether new trace records animate by themselves
 *
 * While following (the default), every new sync delivery in the trace shows
 * as a pulse. Step mode turns it off and reveals records itself.
 */
void
swy_canvas_set_follow_trace (SwyCanvas *self,
                             gboolean   follow)
{
  g_return_if_fail (SWY_IS_CANVAS (self));

  follow = !!follow;
  if (self->follow_trace == follow)
    return;

  self->follow_trace = follow;
  if (follow && self->graph != NULL)
    self->trace_seen = swy_trace_get_n_total (swy_graph_get_trace (self->graph));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOW_TRACE]);
}

guint
swy_canvas_get_n_tokens (SwyCanvas *self)
{
  g_return_val_if_fail (SWY_IS_CANVAS (self), 0);

  return self->n_tokens;
}

void
_swy_canvas_set_collect_stats (SwyCanvas *self,
                               gboolean   collect)
{
  g_return_if_fail (SWY_IS_CANVAS (self));

  self->collect_stats = !!collect;
  self->stats_snapshot_us = 0;
  self->stats_children_us = 0;
}

void
_swy_canvas_get_snapshot_stats (SwyCanvas *self,
                                gint64    *snapshot_us,
                                gint64    *children_us)
{
  g_return_if_fail (SWY_IS_CANVAS (self));

  if (snapshot_us != NULL)
    *snapshot_us = self->stats_snapshot_us;
  if (children_us != NULL)
    *children_us = self->stats_children_us;
}

/* Graph ↔ widgets */

static void
node_focus_enter_cb (GtkEventControllerFocus *controller,
                     SwyCanvas               *self)
{
  SwyNodeWidget *widget = SWY_NODE_WIDGET (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  /* Keyboard focus picks a node, so the keyboard can do what the mouse does. */
  if (!swy_node_widget_get_selected (widget))
    swy_canvas_select (self, G_OBJECT (swy_node_widget_get_node (widget)), FALSE);
}

static void
add_node_widget (SwyCanvas *self,
                 SwyNode   *node)
{
  GtkWidget *widget = swy_node_widget_new (node);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "enter", G_CALLBACK (node_focus_enter_cb), self);
  gtk_widget_add_controller (widget, focus);
  gtk_widget_set_parent (widget, GTK_WIDGET (self));
  g_hash_table_insert (self->widgets, node, widget);
}

static void
sync_nodes (SwyCanvas *self)
{
  GListModel *nodes = swy_graph_get_nodes (self->graph);
  guint n = g_list_model_get_n_items (nodes);
  g_autoptr(GHashTable) present = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;
  gboolean selection_lost = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (nodes, i);

      g_hash_table_add (present, node);
      if (!g_hash_table_contains (self->widgets, node))
        add_node_widget (self, node);
    }

  g_hash_table_iter_init (&iter, self->widgets);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_hash_table_contains (present, key))
        continue;
      selection_lost |= swy_node_widget_get_selected (value);
      gtk_widget_unparent (value);
      g_hash_table_iter_remove (&iter);
    }

  /* Keep the widgets in graph order, which is the Tab order. */
  {
    GtkWidget *previous = NULL;

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(SwyNode) node = g_list_model_get_item (nodes, i);
        GtkWidget *widget = g_hash_table_lookup (self->widgets, node);

        if (gtk_widget_get_prev_sibling (widget) != previous)
          gtk_widget_insert_after (widget, GTK_WIDGET (self), previous);
        previous = widget;
      }
  }

  if (selection_lost)
    emit_selection_changed (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
sync_wires (SwyCanvas *self)
{
  GListModel *wires = swy_graph_get_wires (self->graph);
  guint n = g_list_model_get_n_items (wires);
  g_autoptr(GHashTable) present = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;
  gboolean selection_lost = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);

      g_hash_table_add (present, wire);
      get_rate (self, wire);
    }

  g_hash_table_iter_init (&iter, self->rates);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      g_hash_table_iter_remove (&iter);

  for (guint i = self->selected_wires->len; i > 0; i--)
    if (!g_hash_table_contains (present, g_ptr_array_index (self->selected_wires, i - 1)))
      {
        g_ptr_array_remove_index (self->selected_wires, i - 1);
        selection_lost = TRUE;
      }

  /* Pulses on removed wires are dropped rather than drawn from freed memory. */
  for (guint i = self->pulses->len; i > 0; i--)
    if (!g_hash_table_contains (present, g_array_index (self->pulses, Pulse, i - 1).wire))
      g_array_remove_index (self->pulses, i - 1);

  if (selection_lost)
    emit_selection_changed (self);
  queue_wires_redraw (self);
}

static void
nodes_changed_cb (SwyCanvas  *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  sync_nodes (self);
  if (removed > 0)
    sync_wires (self);
}

static void
wires_changed_cb (SwyCanvas  *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  sync_wires (self);
}

static void
wire_notify_cb (SwyCanvas *self)
{
  queue_wires_redraw (self);
}

static void
disconnect_graph (SwyCanvas *self)
{
  GHashTableIter iter;
  gpointer key, value;

  if (self->graph == NULL)
    return;

  g_clear_signal_handler (&self->nodes_handler, swy_graph_get_nodes (self->graph));
  g_clear_signal_handler (&self->wires_handler, swy_graph_get_wires (self->graph));
  g_clear_signal_handler (&self->playing_handler, self->graph);
  g_signal_handlers_disconnect_by_func (self->graph, wire_notify_cb, self);

  g_hash_table_iter_init (&iter, self->widgets);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gtk_widget_unparent (value);
      g_hash_table_iter_remove (&iter);
    }
  g_hash_table_remove_all (self->rates);
  g_hash_table_remove_all (self->path_wires);
  g_ptr_array_set_size (self->selected_wires, 0);
  g_array_set_size (self->pulses, 0);
  g_clear_object (&self->graph);
}

static void
graph_replaced_cb (SwyCanvas   *self,
                   GParamSpec  *pspec,
                   SwyDocument *document)
{
  disconnect_graph (self);

  self->graph = g_object_ref (swy_document_get_graph (document));
  self->trace_seen = swy_trace_get_n_total (swy_graph_get_trace (self->graph));
  self->nodes_handler = g_signal_connect_object (swy_graph_get_nodes (self->graph), "items-changed",
                                                 G_CALLBACK (nodes_changed_cb), self,
                                                 G_CONNECT_SWAPPED);
  self->wires_handler = g_signal_connect_object (swy_graph_get_wires (self->graph), "items-changed",
                                                 G_CALLBACK (wires_changed_cb), self,
                                                 G_CONNECT_SWAPPED);
  self->playing_handler = g_signal_connect_object (self->graph, "notify::playing",
                                                   G_CALLBACK (playing_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
  sync_nodes (self);
  sync_wires (self);
  emit_selection_changed (self);
  ensure_ticking (self);
}

static void
document_changed_cb (SwyCanvas *self)
{
  /* Wire settings changed through the document (or undone): redraw the wires. */
  queue_wires_redraw (self);
}

SwyDocument *
swy_canvas_get_document (SwyCanvas *self)
{
  g_return_val_if_fail (SWY_IS_CANVAS (self), NULL);

  return self->document;
}

void
swy_canvas_set_document (SwyCanvas   *self,
                         SwyDocument *document)
{
  g_return_if_fail (SWY_IS_CANVAS (self));
  g_return_if_fail (document == NULL || SWY_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  disconnect_graph (self);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      g_signal_connect_object (document, "notify::graph", G_CALLBACK (graph_replaced_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                               G_CONNECT_SWAPPED);
      graph_replaced_cb (self, NULL, document);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* The wires the selected event crossed, from the trace, for highlighting. */
static void
update_path (SwyCanvas *self)
{
  guint64 event_id = self->view_state != NULL ? swy_view_state_get_selected_event (self->view_state) : 0;
  SwyTrace *trace;
  guint n;

  g_hash_table_remove_all (self->path_wires);
  if (event_id != 0 && self->graph != NULL)
    {
      trace = swy_graph_get_trace (self->graph);
      n = g_list_model_get_n_items (G_LIST_MODEL (trace));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SwyTraceRecord) record = swy_trace_get_record (trace, i);
          SwyWire *wire;

          if (swy_trace_record_get_event_id (record) != event_id ||
              swy_trace_record_get_kind (record) != SWY_TRACE_KIND_DELIVER)
            continue;
          wire = record_wire (self, record);
          if (wire != NULL)
            g_hash_table_add (self->path_wires, wire);
        }
    }
  queue_wires_redraw (self);
}

/**
 * swy_canvas_set_view_state:
 * @self: a canvas
 * @view_state: (nullable): the window's shared view state
 *
 * Links the canvas to the window's other views: the selected event's path
 * is highlighted, and muted wires draw no tokens.
 */
void
swy_canvas_set_view_state (SwyCanvas    *self,
                           SwyViewState *view_state)
{
  g_return_if_fail (SWY_IS_CANVAS (self));

  if (self->view_state == view_state)
    return;

  if (self->view_state != NULL)
    g_signal_handlers_disconnect_by_data (self->view_state, self);
  g_set_object (&self->view_state, view_state);
  if (view_state != NULL)
    {
      g_signal_connect_object (view_state, "notify::selected-event", G_CALLBACK (update_path),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (view_state, "noise-changed", G_CALLBACK (queue_wires_redraw),
                               self, G_CONNECT_SWAPPED);
    }
  update_path (self);
}

/* Actions */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SwyCanvas *self = SWY_CANVAS (widget);

  swy_canvas_set_zoom (self, self->zoom * ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SwyCanvas *self = SWY_CANVAS (widget);

  swy_canvas_set_zoom (self, self->zoom / ZOOM_STEP);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  swy_canvas_zoom_to_fit (SWY_CANVAS (widget));
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  swy_canvas_select_all (SWY_CANVAS (widget));
}

/* The nodes an action applies to: the selection, or else the focused node. */
static GPtrArray *
target_nodes (SwyCanvas *self)
{
  GPtrArray *nodes = swy_canvas_dup_selected_nodes (self);
  GtkWidget *focus;

  if (nodes->len > 0 || self->selected_wires->len > 0)
    return nodes;

  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  while (focus != NULL && !SWY_IS_NODE_WIDGET (focus))
    focus = gtk_widget_get_parent (focus);
  if (focus != NULL && gtk_widget_get_parent (focus) == GTK_WIDGET (self))
    g_ptr_array_add (nodes, swy_node_widget_get_node (SWY_NODE_WIDGET (focus)));

  return nodes;
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SwyCanvas *self = SWY_CANVAS (widget);
  g_autoptr(GPtrArray) nodes = target_nodes (self);
  g_autoptr(GPtrArray) wires = swy_canvas_dup_selected_wires (self);

  if (self->document == NULL || (nodes->len == 0 && wires->len == 0))
    return;

  swy_document_remove (self->document, nodes, wires);
  gtk_widget_grab_focus (widget);
}

static void
nudge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SwyCanvas *self = SWY_CANVAS (widget);
  g_autoptr(GPtrArray) nodes = target_nodes (self);
  double dx, dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  if (self->document != NULL)
    swy_document_move_nodes (self->document, nodes, dx, dy);
}

static void
copy_selection (SwyCanvas *self)
{
  g_autoptr(GPtrArray) nodes = target_nodes (self);
  g_autofree char *text = NULL;

  if (self->document == NULL || nodes->len == 0)
    return;

  text = swy_document_copy (self->document, nodes);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  copy_selection (SWY_CANVAS (widget));
}

static void
paste_text (SwyCanvas  *self,
            const char *text,
            double      dx,
            double      dy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) added = NULL;

  added = swy_document_paste (self->document, text, dx, dy, &error);
  if (added == NULL)
    {
      refuse (self, error->message);
      return;
    }

  unselect_all (self);
  for (guint i = 0; i < added->len; i++)
    {
      SwyNodeWidget *node_widget = g_hash_table_lookup (self->widgets, g_ptr_array_index (added, i));

      if (node_widget != NULL)
        swy_node_widget_set_selected (node_widget, TRUE);
    }
  emit_selection_changed (self);
}

static void
paste_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SwyCanvas) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL)
    {
      refuse (self, _("The clipboard holds no graph to paste"));
      return;
    }
  if (self->document != NULL)
    paste_text (self, text, 32, 32);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, paste_ready_cb,
                                 g_object_ref (widget));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SwyCanvas *self = SWY_CANVAS (widget);
  g_autoptr(GPtrArray) nodes = target_nodes (self);
  g_autofree char *text = NULL;

  if (self->document == NULL || nodes->len == 0)
    return;

  text = swy_document_copy (self->document, nodes);
  paste_text (self, text, 32, 32);
}

static void
toggle_wire_setting (SwyCanvas  *self,
                     const char *name)
{
  g_autoptr(GPtrArray) wires = swy_canvas_dup_selected_wires (self);

  if (self->document == NULL)
    return;

  swy_document_begin_group (self->document);
  for (guint i = 0; i < wires->len; i++)
    {
      SwyWire *wire = g_ptr_array_index (wires, i);
      g_auto(GValue) value = G_VALUE_INIT;

      if (g_str_equal (name, "blocked"))
        {
          g_value_init (&value, G_TYPE_BOOLEAN);
          g_value_set_boolean (&value, !swy_wire_get_blocked (wire));
        }
      else
        {
          g_value_init (&value, SWY_TYPE_WIRE_MODE);
          g_value_set_enum (&value, swy_wire_get_mode (wire) == SWY_WIRE_MODE_SYNC
                                    ? SWY_WIRE_MODE_QUEUED : SWY_WIRE_MODE_SYNC);
        }
      swy_document_set_property (self->document, G_OBJECT (wire), name, &value, NULL);
    }
  swy_document_end_group (self->document);
}

static void
toggle_blocked_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  toggle_wire_setting (SWY_CANVAS (widget), "blocked");
}

static void
toggle_mode_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  toggle_wire_setting (SWY_CANVAS (widget), "mode");
}

static void
toggle_muted_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SwyCanvas *self = SWY_CANVAS (widget);

  if (self->view_state == NULL)
    return;

  for (guint i = 0; i < self->selected_wires->len; i++)
    {
      SwyWire *wire = g_ptr_array_index (self->selected_wires, i);

      swy_view_state_set_wire_muted (self->view_state, wire,
                                     !swy_view_state_is_wire_muted (self->view_state, wire));
    }
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SwyCanvas *self = SWY_CANVAS (widget);
  g_autoptr(GError) error = NULL;
  const char *from, *to;
  SwyPort *from_port, *to_port;

  if (self->document == NULL)
    return;

  g_variant_get (parameter, "(&s&s)", &from, &to);
  from_port = swy_graph_lookup_port (self->graph, from, &error);
  to_port = from_port != NULL ? swy_graph_lookup_port (self->graph, to, &error) : NULL;
  if (to_port == NULL || swy_document_connect (self->document, from_port, to_port, &error) == NULL)
    refuse (self, error->message);
}

/* GObject */

static void
swy_canvas_dispose (GObject *object)
{
  SwyCanvas *self = SWY_CANVAS (object);
  GtkWidget *child;

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  disconnect_graph (self);
  g_clear_object (&self->document);
  if (self->view_state != NULL)
    g_signal_handlers_disconnect_by_data (self->view_state, self);
  g_clear_object (&self->view_state);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->wires_node, gsk_render_node_unref);
  for (guint i = 0; i < N_TOKEN_COLORS; i++)
    g_clear_object (&self->token_textures[i]);

  G_OBJECT_CLASS (swy_canvas_parent_class)->dispose (object);
}

static void
swy_canvas_finalize (GObject *object)
{
  SwyCanvas *self = SWY_CANVAS (object);

  g_clear_pointer (&self->widgets, g_hash_table_unref);
  g_clear_pointer (&self->selected_wires, g_ptr_array_unref);
  g_clear_pointer (&self->pulses, g_array_unref);
  g_clear_pointer (&self->rates, g_hash_table_unref);
  g_clear_pointer (&self->path_wires, g_hash_table_unref);

  G_OBJECT_CLASS (swy_canvas_parent_class)->finalize (object);
}

static void
swy_canvas_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SwyCanvas *self = SWY_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_FOLLOW_TRACE:
      g_value_set_boolean (value, self->follow_trace);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_canvas_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SwyCanvas *self = SWY_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      swy_canvas_set_document (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      swy_canvas_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_FOLLOW_TRACE:
      swy_canvas_set_follow_trace (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_nudge_binding (GtkWidgetClass  *widget_class,
                   guint            keyval,
                   GdkModifierType  mods,
                   double           dx,
                   double           dy)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, mods, "canvas.nudge", "(dd)", dx, dy);
}

/* Tab goes through the nodes in graph order, which sync_nodes() keeps as the
 * children's order; GTK's own order would follow their places on screen. */
static gboolean
focus_node_from (GtkWidget        *child,
                 GtkDirectionType  direction)
{
  for (; child != NULL;
       child = direction == GTK_DIR_TAB_FORWARD ? gtk_widget_get_next_sibling (child)
                                                : gtk_widget_get_prev_sibling (child))
    if (SWY_IS_NODE_WIDGET (child) && gtk_widget_is_drawable (child) &&
        gtk_widget_child_focus (child, direction))
      return TRUE;

  return FALSE;
}

static gboolean
swy_canvas_focus (GtkWidget        *widget,
                  GtkDirectionType  direction)
{
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (swy_canvas_parent_class)->focus (widget, direction);

  /* As GTK does for a focusable widget: the canvas first, then its children. */
  if (gtk_widget_is_focus (widget))
    return forward && focus_node_from (gtk_widget_get_first_child (widget), direction);

  if (focus_child != NULL)
    {
      if (gtk_widget_child_focus (focus_child, direction))
        return TRUE;
      if (focus_node_from (forward ? gtk_widget_get_next_sibling (focus_child)
                                   : gtk_widget_get_prev_sibling (focus_child), direction))
        return TRUE;
      return !forward && gtk_widget_grab_focus (widget);
    }

  if (forward)
    return gtk_widget_grab_focus (widget);
  return focus_node_from (gtk_widget_get_last_child (widget), direction) ||
         gtk_widget_grab_focus (widget);
}

static void
swy_canvas_class_init (SwyCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = swy_canvas_dispose;
  object_class->finalize = swy_canvas_finalize;
  object_class->get_property = swy_canvas_get_property;
  object_class->set_property = swy_canvas_set_property;

  widget_class->snapshot = swy_canvas_snapshot;
  widget_class->size_allocate = swy_canvas_size_allocate;
  widget_class->measure = swy_canvas_measure;
  widget_class->focus = swy_canvas_focus;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, SWY_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, SWY_CANVAS_MIN_ZOOM, SWY_CANVAS_MAX_ZOOM, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FOLLOW_TRACE] =
    g_param_spec_boolean ("follow-trace", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_REFUSED] =
    g_signal_new ("refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "canvas.nudge", "(dd)", nudge_action);
  gtk_widget_class_install_action (widget_class, "canvas.connect", "(ss)", connect_action);
  gtk_widget_class_install_action (widget_class, "canvas.toggle-blocked", NULL, toggle_blocked_action);
  gtk_widget_class_install_action (widget_class, "canvas.toggle-mode", NULL, toggle_mode_action);
  gtk_widget_class_install_action (widget_class, "canvas.toggle-muted", NULL, toggle_muted_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL);
  add_nudge_binding (widget_class, GDK_KEY_Left, 0, -10, 0);
  add_nudge_binding (widget_class, GDK_KEY_Right, 0, 10, 0);
  add_nudge_binding (widget_class, GDK_KEY_Up, 0, 0, -10);
  add_nudge_binding (widget_class, GDK_KEY_Down, 0, 0, 10);
  add_nudge_binding (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, -1, 0);
  add_nudge_binding (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, 1, 0);
  add_nudge_binding (widget_class, GDK_KEY_Up, GDK_SHIFT_MASK, 0, -1);
  add_nudge_binding (widget_class, GDK_KEY_Down, GDK_SHIFT_MASK, 0, 1);

  gtk_widget_class_set_css_name (widget_class, "swy-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
swy_canvas_init (SwyCanvas *self)
{
  GtkGesture *drag, *click, *zoom;
  GtkEventController *scroll, *motion;
  GtkDropTarget *drop;

  self->zoom = 1.0;
  self->follow_trace = TRUE;
  self->widgets = g_hash_table_new (NULL, NULL);
  self->selected_wires = g_ptr_array_new_with_free_func (g_object_unref);
  self->pulses = g_array_new (FALSE, FALSE, sizeof (Pulse));
  self->rates = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->path_wires = g_hash_table_new (NULL, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Graph canvas"),
                                  -1);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  drop = gtk_drop_target_new (SWY_TYPE_NODE_TYPE, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

GtkWidget *
swy_canvas_new (void)
{
  return g_object_new (SWY_TYPE_CANVAS, NULL);
}

/* Export: the graph drawn with cairo for swy-export.c, in content
 * coordinates, from the same geometry as the canvas (port positions,
 * wire curves) in the light style, whatever the desktop's. */

void
_swy_canvas_get_topic_color (const char *topic,
                             GdkRGBA    *rgba)
{
  gdk_rgba_parse (rgba, token_colors[topic_color (topic != NULL ? topic : "")]);
}

static void
card_bounds (SwyNodeWidget   *widget,
             graphene_rect_t *out)
{
  SwyNode *node = swy_node_widget_get_node (widget);
  graphene_rect_t box;
  int w, h;

  /* The card's border box sits at the node's position (see port_point). */
  if (gtk_widget_get_width (GTK_WIDGET (widget)) > 0 &&
      gtk_widget_compute_bounds (GTK_WIDGET (widget), GTK_WIDGET (widget), &box))
    {
      w = (int) ceil (box.size.width);
      h = (int) ceil (box.size.height);
    }
  else
    {
      gtk_widget_measure (GTK_WIDGET (widget), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (widget), GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
    }

  *out = GRAPHENE_RECT_INIT (swy_node_get_x (node), swy_node_get_y (node), w, h);
}

gboolean
_swy_canvas_get_drawing_bounds (SwyCanvas       *self,
                                graphene_rect_t *bounds)
{
  gboolean any = FALSE;
  GListModel *wires;

  g_return_val_if_fail (SWY_IS_CANVAS (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t r;

      card_bounds (SWY_NODE_WIDGET (child), &r);
      if (any)
        graphene_rect_union (bounds, &r, bounds);
      else
        *bounds = r;
      any = TRUE;
    }

  if (!any || self->graph == NULL)
    return any;

  /* A curve lies within the hull of its control points. */
  wires = swy_graph_get_wires (self->graph);
  for (guint i = 0; i < g_list_model_get_n_items (wires); i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);
      graphene_point_t c[4];

      if (!wire_points (self, wire, c))
        continue;
      for (guint j = 0; j < 4; j++)
        graphene_rect_union (bounds, &GRAPHENE_RECT_INIT (c[j].x, c[j].y, 0, 0), bounds);
    }

  return TRUE;
}

static void
export_wire (SwyCanvas *self,
             cairo_t   *cr,
             SwyWire   *wire)
{
  static const double dash[] = { 7.0, 5.0 };
  graphene_point_t c[4];

  if (!wire_points (self, wire, c))
    return;

  cairo_save (cr);
  cairo_move_to (cr, c[0].x, c[0].y);
  cairo_curve_to (cr, c[1].x, c[1].y, c[2].x, c[2].y, c[3].x, c[3].y);
  set_source_color (cr, swy_wire_get_blocked (wire) ? "#c0bfbc" : "#5e5c64", 0.9);
  if (swy_wire_get_mode (wire) == SWY_WIRE_MODE_QUEUED)
    cairo_set_dash (cr, dash, 2, 0);
  cairo_set_line_width (cr, 2.0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Labels go over the cards, so that a short wire's label stays readable. */
static void
export_wire_label (SwyCanvas *self,
                   cairo_t   *cr,
                   SwyWire   *wire)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *subscription = swy_wire_get_subscription (wire);
  graphene_point_t c[4], mid;

  if (!wire_points (self, wire, c))
    return;

  if (swy_wire_get_blocked (wire))
    g_string_append (text, _("blocked"));
  if (swy_wire_get_mode (wire) == SWY_WIRE_MODE_QUEUED)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, _("%u ms"), swy_wire_get_latency_ms (wire));
    }
  if (subscription != NULL && g_strcmp0 (subscription, "#") != 0)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, subscription);
    }
  if (text->len > 0)
    {
      curve_at (c, 0.5, &mid);
      draw_label (self, cr, mid.x, mid.y - 10, text->str, FALSE);
    }
}

static void
rounded_rect_path (cairo_t               *cr,
                   const graphene_rect_t *r,
                   double                 radius)
{
  double x = r->origin.x, y = r->origin.y, w = r->size.width, h = r->size.height;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
show_text (SwyCanvas  *self,
           cairo_t    *cr,
           double      x,
           double      y,
           double      width,
           const char *text,
           gboolean    heading)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (heading)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  else
    pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_attr_list_unref (attrs);

  set_source_color (cr, heading ? "#241f31" : "#5e5c64", 1.0);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
export_card (SwyCanvas     *self,
             cairo_t       *cr,
             SwyNodeWidget *widget)
{
  static const char *category_colors[] = { "#3584e4", "#9141ac", "#2ec27e" };
  SwyNode *node = swy_node_widget_get_node (widget);
  SwyNodeType *type = swy_catalog_lookup_gtype (G_OBJECT_TYPE (node));
  SwyNodeCategory category = type != NULL ? swy_node_type_get_category (type) : SWY_NODE_CATEGORY_ROUTING;
  GListModel *ports = swy_node_get_ports (node);
  graphene_rect_t r;

  card_bounds (widget, &r);

  cairo_save (cr);
  rounded_rect_path (cr, &r, 12);
  set_source_color (cr, "#ffffff", 1.0);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  set_source_color (cr, category_colors[MIN ((guint) category, G_N_ELEMENTS (category_colors) - 1)], 1.0);
  cairo_rectangle (cr, r.origin.x, r.origin.y, r.size.width, 4);
  cairo_fill (cr);
  cairo_reset_clip (cr);
  rounded_rect_path (cr, &r, 12);
  set_source_color (cr, "#000000", 0.18);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
  cairo_restore (cr);

  show_text (self, cr, r.origin.x + 12, r.origin.y + 12, r.size.width - 24, swy_node_get_id (node), TRUE);
  show_text (self, cr, r.origin.x + 12, r.origin.y + 32, r.size.width - 24,
             type != NULL ? swy_node_type_get_display_name (type) : swy_node_get_type_name (node),
             FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (ports); i++)
    {
      g_autoptr(SwyPort) port = g_list_model_get_item (ports, i);
      graphene_point_t p;

      if (!swy_node_widget_get_port_position (widget, port, &p))
        continue;
      cairo_arc (cr, r.origin.x + p.x, r.origin.y + p.y, SWY_PORT_RADIUS, 0, 2 * G_PI);
      set_source_color (cr, "#ffffff", 1.0);
      cairo_fill (cr);
      cairo_arc (cr, r.origin.x + p.x, r.origin.y + p.y, SWY_PORT_RADIUS - 2, 0, 2 * G_PI);
      set_source_color (cr, swy_port_get_direction (port) == SWY_PORT_DIRECTION_INPUT ? "#3584e4" : "#e66100",
                        1.0);
      cairo_fill (cr);
    }
}

void
_swy_canvas_draw_to_cairo (SwyCanvas *self,
                           cairo_t   *cr)
{
  GListModel *wires;

  g_return_if_fail (SWY_IS_CANVAS (self));

  if (self->graph == NULL)
    return;

  wires = swy_graph_get_wires (self->graph);
  for (guint i = 0; i < g_list_model_get_n_items (wires); i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);

      export_wire (self, cr, wire);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    export_card (self, cr, SWY_NODE_WIDGET (child));

  for (guint i = 0; i < g_list_model_get_n_items (wires); i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);

      export_wire_label (self, cr, wire);
    }
}
