/* bench-canvas.c: the editor canvas against the toolkit's floor, per renderer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each generated graph (nodes, wires, events in flight) and each GSK
 * renderer, two child processes of this program open an undecorated
 * 1280x800 window: one shows a SwyCanvas on the playing graph, zoomed to
 * fit; the other a bare widget that draws the same numbers of rounded
 * boxes, bezier curves (one cached cairo node) and moving dots (shared
 * textures) at the same places: the toolkit's floor on this machine. Each
 * child records, from the GdkFrameClock, the interval between frames, the
 * time from before-paint to after-paint (tick callbacks, layout, snapshot,
 * rendering) in wall and in process CPU time, the main thread's CPU time
 * between frames, the subject's snapshot (for the canvas, its own code
 * apart from the node widgets', through swy-canvas-private.h), then counts
 * the render nodes of a few more frames. Rounds interleave the children and
 * their frames are pooled. A renderer that aborts kills only its child,
 * whose exit status the parent reports.
 *
 * The graph: timers and counters alternate on a grid; each timer feeds the
 * counters to its right, upper right and lower right through queued wires
 * whose latency holds a given number of events in flight (latency =
 * k × interval), below the rate at which the canvas aggregates a wire.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <swy.h>

#include "bench-frames.h"
#include "swy-canvas.h"
#include "swy-canvas-private.h"
#include "swy-document.h"
#include "swy-texture.h"

#define WINDOW_WIDTH     1280
#define WINDOW_HEIGHT    800
/* The canvas's own constants, which the floor copies. */
#define MIN_ZOOM         SWY_CANVAS_MIN_ZOOM
#define FIT_MARGIN       48.0
#define CARD_WIDTH       168.0
#define CARD_RADIUS      12.0
#define PORT_TOP         24.0
#define TOKEN_SIZE       12.0
#define N_COLORS         8
/* Grid pitch, in canvas units: cards 168 wide, 32 apart (the canvas draws
 * a wire whose input is less than 24 to the right of its output as a loop
 * under the cards); rows fit the taller card (a counter, 108) with 6 to
 * spare. So that 1,000 nodes still fit the window above the canvas's
 * minimum zoom. */
#define PITCH_X          200.0
#define PITCH_Y          114.0
#define WIRES_PER_TIMER  3
#define WARMUP_FRAMES    10
#define COUNT_FRAMES     5
#define CHILD_TIMEOUT_S  150

typedef struct
{
  const char *id;
  guint       nodes;
  guint       wires;
  guint       events;
} Config;

static const Config configs[] = {
  { "200", 200, 300, 2000 },
  { "1000", 1000, 1500, 10000 },
};

static const char *renderers[] = { "cairo", "gl" };
static const char *subjects[] = { "floor", "canvas" };

/* Card heights in canvas units, as the node widgets measure with the app's
 * style sheet (the canvas child reports them; the floor uses these). */
static const double card_heights[2] = { 72.0, 108.0 };   /* timer, counter */

/* --css: a style sheet loaded over the app's, for what-if runs. */
static char *extra_css_path;

static const char *topics[N_COLORS] = {
  "orders", "sensors", "alerts", "billing", "audit", "metrics", "jobs", "mail",
};

/* Layout: node i sits at column i % cols, row i / cols; even nodes are
 * timers, odd ones counters (cols is even, so they alternate in columns). */

static guint
grid_columns (guint n_nodes)
{
  double aspect = (double) WINDOW_WIDTH / WINDOW_HEIGHT;
  guint cols = (guint) round (sqrt (n_nodes * aspect * PITCH_Y / PITCH_X));

  cols += cols % 2;
  return MAX (cols, 2);
}

static void
node_origin (guint   i,
             guint   cols,
             double *x,
             double *y)
{
  *x = (i % cols) * PITCH_X;
  *y = (i / cols) * PITCH_Y;
}

/* The three counters timer i feeds: right, lower right, upper right. */
static guint
wire_target (guint i,
             guint k,
             guint cols,
             guint n_nodes)
{
  guint offsets[WIRES_PER_TIMER] = { 1, 1 + cols, n_nodes + 1 - cols };

  return (i + offsets[k]) % n_nodes;
}

static guint
timer_interval_ms (guint timer)
{
  return 90 + (timer * 7) % 21;
}

/* Events in flight on wire w, so that the wires hold `events` in all. */
static guint
wire_in_flight (guint w,
                guint n_wires,
                guint n_events)
{
  return (guint) (((guint64) (w + 1) * n_events) / n_wires -
                  ((guint64) w * n_events) / n_wires);
}

/* Zoom to fit, as swy_canvas_zoom_to_fit() does it. */
static void
fit_view (const graphene_rect_t *content,
          int                    width,
          int                    height,
          double                *zoom,
          double                *pan_x,
          double                *pan_y)
{
  graphene_rect_t bounds = *content;

  graphene_rect_inset (&bounds, -FIT_MARGIN, -FIT_MARGIN);
  *zoom = CLAMP (MIN (width / bounds.size.width, height / bounds.size.height), MIN_ZOOM, 1.0);
  *pan_x = width / 2.0 - (bounds.origin.x + bounds.size.width / 2.0) * *zoom;
  *pan_y = height / 2.0 - (bounds.origin.y + bounds.size.height / 2.0) * *zoom;
}

/* The canvas's curve. */
static void
wire_curve (const graphene_point_t *a,
            const graphene_point_t *b,
            graphene_point_t        c[4])
{
  double dx = MAX (48.0, fabs (b->x - a->x) / 2.0);
  double drop = 0.0;

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

/* Render nodes in a tree, the root included. */
static guint
count_render_nodes (GskRenderNode *node,
                    guint         *n_textures)
{
  guint n = 1;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        n += count_render_nodes (gsk_container_node_get_child (node, i), n_textures);
      break;
    case GSK_TRANSFORM_NODE:
      n += count_render_nodes (gsk_transform_node_get_child (node), n_textures);
      break;
    case GSK_OPACITY_NODE:
      n += count_render_nodes (gsk_opacity_node_get_child (node), n_textures);
      break;
    case GSK_COLOR_MATRIX_NODE:
      n += count_render_nodes (gsk_color_matrix_node_get_child (node), n_textures);
      break;
    case GSK_REPEAT_NODE:
      n += count_render_nodes (gsk_repeat_node_get_child (node), n_textures);
      break;
    case GSK_CLIP_NODE:
      n += count_render_nodes (gsk_clip_node_get_child (node), n_textures);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      n += count_render_nodes (gsk_rounded_clip_node_get_child (node), n_textures);
      break;
    case GSK_SHADOW_NODE:
      n += count_render_nodes (gsk_shadow_node_get_child (node), n_textures);
      break;
    case GSK_BLEND_NODE:
      n += count_render_nodes (gsk_blend_node_get_bottom_child (node), n_textures);
      n += count_render_nodes (gsk_blend_node_get_top_child (node), n_textures);
      break;
    case GSK_CROSS_FADE_NODE:
      n += count_render_nodes (gsk_cross_fade_node_get_start_child (node), n_textures);
      n += count_render_nodes (gsk_cross_fade_node_get_end_child (node), n_textures);
      break;
    case GSK_BLUR_NODE:
      n += count_render_nodes (gsk_blur_node_get_child (node), n_textures);
      break;
    case GSK_DEBUG_NODE:
      n += count_render_nodes (gsk_debug_node_get_child (node), n_textures);
      break;
    case GSK_GL_SHADER_NODE:
      for (guint i = 0; i < gsk_gl_shader_node_get_n_children (node); i++)
        n += count_render_nodes (gsk_gl_shader_node_get_child (node, i), n_textures);
      break;
    case GSK_TEXTURE_NODE:
      (*n_textures)++;
      break;
    case GSK_NOT_A_RENDER_NODE:
    case GSK_CAIRO_NODE:
    case GSK_COLOR_NODE:
    case GSK_LINEAR_GRADIENT_NODE:
    case GSK_REPEATING_LINEAR_GRADIENT_NODE:
    case GSK_RADIAL_GRADIENT_NODE:
    case GSK_REPEATING_RADIAL_GRADIENT_NODE:
    case GSK_CONIC_GRADIENT_NODE:
    case GSK_BORDER_NODE:
    case GSK_INSET_SHADOW_NODE:
    case GSK_OUTSET_SHADOW_NODE:
    case GSK_TEXT_NODE:
    default:
      break;
    }

  return n;
}

/* BenchFrame: holds the subject and measures it. Its snapshot times the
 * subject's, and when counting, snapshots it into a node of its own to
 * walk (the same tree, one container deeper). */

#define BENCH_TYPE_FRAME (bench_frame_get_type ())
G_DECLARE_FINAL_TYPE (BenchFrame, bench_frame, BENCH, FRAME, GtkWidget)

struct _BenchFrame
{
  GtkWidget  parent_instance;

  GtkWidget *child;
  gboolean   counting;
  gboolean   snapshotted;     /* in this frame */
  double     snapshot_ms;
  guint      n_render_nodes;
  guint      n_textures;
};

G_DEFINE_FINAL_TYPE (BenchFrame, bench_frame, GTK_TYPE_WIDGET)

static void
bench_frame_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  BenchFrame *self = BENCH_FRAME (widget);
  double start = thread_cpu_ms ();

  if (self->counting)
    {
      GtkSnapshot *inner = gtk_snapshot_new ();
      GskRenderNode *node;

      gtk_widget_snapshot_child (widget, self->child, inner);
      node = gtk_snapshot_free_to_node (inner);
      self->snapshot_ms = thread_cpu_ms () - start;
      self->n_textures = 0;
      self->n_render_nodes = node != NULL ? count_render_nodes (node, &self->n_textures) : 0;
      if (node != NULL)
        {
          gtk_snapshot_append_node (snapshot, node);
          gsk_render_node_unref (node);
        }
    }
  else
    {
      gtk_widget_snapshot_child (widget, self->child, snapshot);
      self->snapshot_ms = thread_cpu_ms () - start;
    }
  self->snapshotted = TRUE;
}

static void
bench_frame_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  gtk_widget_measure (BENCH_FRAME (widget)->child, orientation, for_size,
                      minimum, natural, NULL, NULL);
}

static void
bench_frame_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  gtk_widget_allocate (BENCH_FRAME (widget)->child, width, height, -1, NULL);
}

static void
bench_frame_dispose (GObject *object)
{
  BenchFrame *self = BENCH_FRAME (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (bench_frame_parent_class)->dispose (object);
}

static void
bench_frame_class_init (BenchFrameClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bench_frame_dispose;
  widget_class->snapshot = bench_frame_snapshot;
  widget_class->measure = bench_frame_measure;
  widget_class->size_allocate = bench_frame_size_allocate;
}

static void
bench_frame_init (BenchFrame *self)
{
}

static GtkWidget *
bench_frame_new (GtkWidget *child)
{
  BenchFrame *self = g_object_new (BENCH_TYPE_FRAME, NULL);

  self->child = child;
  gtk_widget_set_parent (child, GTK_WIDGET (self));

  return GTK_WIDGET (self);
}

/* BenchFloor: the same picture without Switchyard, drawn the cheapest
 * way GTK offers. Cards are rounded boxes (a rounded clip around a colour),
 * the wires one dashed cairo node built once, the tokens shared textures
 * moving along the wires. */

#define BENCH_TYPE_FLOOR (bench_floor_get_type ())
G_DECLARE_FINAL_TYPE (BenchFloor, bench_floor, BENCH, FLOOR, GtkWidget)

struct _BenchFloor
{
  GtkWidget        parent_instance;

  const Config    *config;
  graphene_rect_t *cards;        /* content coordinates */
  graphene_point_t *curves;      /* 4 control points a wire, content coordinates */
  guint           *latency_ms;   /* a wire */
  GdkTexture      *textures[N_COLORS];
  GskRenderNode   *wires_node;
  int              wires_width;
  int              wires_height;
  double           zoom;
  double           pan_x;
  double           pan_y;
  gint64           start;
};

G_DEFINE_FINAL_TYPE (BenchFloor, bench_floor, GTK_TYPE_WIDGET)

/* The canvas's own token look (swy-texture.c). */
static GdkTexture *
dot_texture_new (const char *spec)
{
  GdkRGBA rgba;

  gdk_rgba_parse (&rgba, spec);
  return swy_texture_new_dot (TOKEN_SIZE * 2, TOKEN_SIZE - 1, &rgba, 3);
}

static void
bench_floor_ensure_wires (BenchFloor *self,
                          int         width,
                          int         height)
{
  static const double dash[] = { 7.0, 5.0 };
  double z = self->zoom;
  double scaled[2] = { dash[0] * z, dash[1] * z };
  GtkSnapshot *snapshot;
  cairo_t *cr;

  if (self->wires_node != NULL && self->wires_width == width && self->wires_height == height)
    return;

  g_clear_pointer (&self->wires_node, gsk_render_node_unref);
  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_rgba (cr, 0x5e / 255.0, 0x5c / 255.0, 0x64 / 255.0, 0.9);
  cairo_set_line_width (cr, 2.0 * z);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_dash (cr, scaled, 2, 0);
  for (guint w = 0; w < self->config->wires; w++)
    {
      const graphene_point_t *c = &self->curves[4 * w];

      cairo_move_to (cr, self->pan_x + c[0].x * z, self->pan_y + c[0].y * z);
      cairo_curve_to (cr,
                      self->pan_x + c[1].x * z, self->pan_y + c[1].y * z,
                      self->pan_x + c[2].x * z, self->pan_y + c[2].y * z,
                      self->pan_x + c[3].x * z, self->pan_y + c[3].y * z);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
  self->wires_node = gtk_snapshot_free_to_node (snapshot);
  self->wires_width = width;
  self->wires_height = height;
}

static void
bench_floor_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  BenchFloor *self = BENCH_FLOOR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double z = self->zoom;
  double size = TOKEN_SIZE * MAX (z, 0.5);
  double elapsed_ms = (g_get_monotonic_time () - self->start) / 1000.0;
  GdkRGBA card;
  guint n_wires = self->config->wires;

  gdk_rgba_parse (&card, "#ffffff");
  for (guint i = 0; i < self->config->nodes; i++)
    {
      const graphene_rect_t *r = &self->cards[i];
      GskRoundedRect box;

      gsk_rounded_rect_init_from_rect (&box,
                                       &GRAPHENE_RECT_INIT (self->pan_x + r->origin.x * z,
                                                            self->pan_y + r->origin.y * z,
                                                            r->size.width * z,
                                                            r->size.height * z),
                                       CARD_RADIUS * z);
      gtk_snapshot_push_rounded_clip (snapshot, &box);
      gtk_snapshot_append_color (snapshot, &card, &box.bounds);
      gtk_snapshot_pop (snapshot);
    }

  bench_floor_ensure_wires (self, width, height);
  gtk_snapshot_append_node (snapshot, self->wires_node);

  /* Dot j rides wire j % n_wires; the dots of one wire are evenly spaced
   * and travel it in its latency, as the tokens do. */
  for (guint j = 0; j < self->config->events; j++)
    {
      guint w = j % n_wires;
      guint on_wire = wire_in_flight (w, n_wires, self->config->events);
      double phase = (double) (j / n_wires) / MAX (on_wire, 1);
      double t = fmod (phase + elapsed_ms / self->latency_ms[w], 1.0);
      graphene_point_t p;

      curve_at (&self->curves[4 * w], t, &p);
      gtk_snapshot_append_texture (snapshot, self->textures[w % N_COLORS],
                                   &GRAPHENE_RECT_INIT (self->pan_x + p.x * z - size / 2,
                                                        self->pan_y + p.y * z - size / 2,
                                                        size, size));
    }
}

static void
bench_floor_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  BenchFloor *self = BENCH_FLOOR (widget);
  graphene_rect_t bounds = self->cards[0];

  for (guint i = 1; i < self->config->nodes; i++)
    graphene_rect_union (&bounds, &self->cards[i], &bounds);
  fit_view (&bounds, width, height, &self->zoom, &self->pan_x, &self->pan_y);
}

static gboolean
bench_floor_tick_cb (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

static void
bench_floor_finalize (GObject *object)
{
  BenchFloor *self = BENCH_FLOOR (object);

  g_clear_pointer (&self->cards, g_free);
  g_clear_pointer (&self->curves, g_free);
  g_clear_pointer (&self->latency_ms, g_free);
  g_clear_pointer (&self->wires_node, gsk_render_node_unref);
  for (guint i = 0; i < N_COLORS; i++)
    g_clear_object (&self->textures[i]);

  G_OBJECT_CLASS (bench_floor_parent_class)->finalize (object);
}

static void
bench_floor_class_init (BenchFloorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bench_floor_finalize;
  widget_class->snapshot = bench_floor_snapshot;
  widget_class->size_allocate = bench_floor_size_allocate;
}

static void
bench_floor_init (BenchFloor *self)
{
  static const char *colors[N_COLORS] = {
    "#3584e4", "#e66100", "#2ec27e", "#9141ac", "#f5c211", "#e01b24", "#1c71d8", "#865e3c",
  };

  for (guint i = 0; i < N_COLORS; i++)
    self->textures[i] = dot_texture_new (colors[i]);
  self->zoom = 1.0;
  self->start = g_get_monotonic_time ();
  gtk_widget_add_tick_callback (GTK_WIDGET (self), bench_floor_tick_cb, NULL, NULL);
}

static GtkWidget *
bench_floor_new (const Config *config)
{
  BenchFloor *self = g_object_new (BENCH_TYPE_FLOOR, NULL);
  guint cols = grid_columns (config->nodes);
  guint w = 0;

  self->config = config;
  self->cards = g_new (graphene_rect_t, config->nodes);
  self->curves = g_new (graphene_point_t, 4 * config->wires);
  self->latency_ms = g_new (guint, config->wires);
  for (guint i = 0; i < config->nodes; i++)
    {
      double x, y;

      node_origin (i, cols, &x, &y);
      self->cards[i] = GRAPHENE_RECT_INIT (x, y, CARD_WIDTH, card_heights[i % 2]);
    }
  for (guint i = 0; i < config->nodes; i += 2)
    for (guint k = 0; k < WIRES_PER_TIMER && w < config->wires; k++, w++)
      {
        const graphene_rect_t *from = &self->cards[i];
        const graphene_rect_t *to = &self->cards[wire_target (i, k, cols, config->nodes)];

        wire_curve (&GRAPHENE_POINT_INIT (from->origin.x + CARD_WIDTH, from->origin.y + PORT_TOP),
                    &GRAPHENE_POINT_INIT (to->origin.x, to->origin.y + PORT_TOP),
                    &self->curves[4 * w]);
        self->latency_ms[w] = wire_in_flight (w, config->wires, config->events) *
                              timer_interval_ms (i / 2);
      }

  return GTK_WIDGET (self);
}

/* The canvas's side: the generated graph, live. */

static SwyDocument *
build_document (const Config  *config,
                GError       **error)
{
  g_autoptr(SwyDocument) document = swy_document_new ();
  SwyGraph *graph = swy_document_get_graph (document);
  guint cols = grid_columns (config->nodes);
  guint w = 0;

  for (guint i = 0; i < config->nodes; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      gboolean timer = i % 2 == 0;
      SwyNode *node = swy_graph_create_node (graph, timer ? "timer" : "counter", id, error);
      double x, y;

      if (node == NULL)
        return NULL;
      node_origin (i, cols, &x, &y);
      swy_node_set_x (node, x);
      swy_node_set_y (node, y);
      if (timer)
        {
          swy_timer_node_set_interval_ms (SWY_TIMER_NODE (node), timer_interval_ms (i / 2));
          swy_timer_node_set_topic (SWY_TIMER_NODE (node), topics[(i / 2) % N_COLORS]);
        }
    }

  for (guint i = 0; i < config->nodes; i += 2)
    for (guint k = 0; k < WIRES_PER_TIMER && w < config->wires; k++, w++)
      {
        g_autofree char *from = g_strdup_printf ("n%u:out", i);
        g_autofree char *to = g_strdup_printf ("n%u:in", wire_target (i, k, cols, config->nodes));
        SwyWire *wire = swy_graph_connect (graph, from, to, error);

        if (wire == NULL)
          return NULL;
        swy_wire_set_mode (wire, SWY_WIRE_MODE_QUEUED);
        swy_wire_set_latency_ms (wire, wire_in_flight (w, config->wires, config->events) *
                                       timer_interval_ms (i / 2));
      }

  return g_steal_pointer (&document);
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

/* One child: one subject, one config, the renderer from GSK_RENDERER. */

typedef enum
{
  PHASE_SETTLE,     /* until the window has its size */
  PHASE_WARMUP,
  PHASE_MEASURE,
  PHASE_COUNT,
} Phase;

typedef struct
{
  const Config *config;
  gboolean      is_canvas;
  guint         frames;
  double        max_seconds;

  GMainLoop    *loop;
  GtkWidget    *window;
  BenchFrame   *frame;
  SwyCanvas    *canvas;
  SwyDocument  *document;

  Phase         phase;
  guint         phase_frames;
  double        phase_start_ms;
  double        paint_start_ms;
  double        paint_start_cpu_ms;
  double        between_ms;       /* main thread CPU time since the last frame */
  double        last_frame_thread_ms;
  FramePhases   phases;
  gint64        last_frame_time;
  guint         in_flight_start;

  GArray       *interval_ms;
  GArray       *busy_ms;
  GArray       *cpu_ms;           /* process CPU time over the same span */
  GArray       *between_cpu_ms;   /* main thread CPU time between frames (the engine,
                                   * the node widgets' updates) */
  GArray       *update_ms;        /* tick callbacks */
  GArray       *layout_ms;        /* GTK's layout */
  GArray       *paint_ms;         /* snapshot and rendering */
  GArray       *snapshot_ms;      /* the subject's snapshot, whole */
  GArray       *own_ms;           /* the canvas's own share */
  GArray       *children_ms;      /* the node widgets' share */
  GArray       *tokens;
  GArray       *cards_changed;
  GArray       *render_nodes;
  GArray       *textures;
} Child;

static void
child_start_playing (Child *child)
{
  SwyGraph *graph = swy_document_get_graph (child->document);
  guint max_latency = 0;
  GListModel *wires = swy_graph_get_wires (graph);

  swy_canvas_zoom_to_fit (child->canvas);
  for (guint i = 0; i < g_list_model_get_n_items (wires); i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);

      max_latency = MAX (max_latency, swy_wire_get_latency_ms (wire));
    }
  /* Fill the wires before the first measured frame. */
  swy_graph_run_fast (graph, (gint64) (max_latency + 100) * 1000);
  swy_graph_play (graph);
  child->in_flight_start = count_in_flight (graph);
}

/* The start of a frame; FramePhases (bench-frames.h) notes its phases. */
static void
before_paint_cb (GdkFrameClock *clock,
                 Child         *child)
{
  child->paint_start_ms = now_ms ();
  child->paint_start_cpu_ms = cpu_ms ();
  child->between_ms = thread_cpu_ms () - child->last_frame_thread_ms;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Child         *child)
{
  gint64 frame_time = gdk_frame_clock_get_frame_time (clock);
  gboolean drawn = child->frame->snapshotted;

  child->frame->snapshotted = FALSE;
  child->phase_frames++;

  switch (child->phase)
    {
    case PHASE_SETTLE:
      if (gtk_widget_get_width (GTK_WIDGET (child->frame)) == WINDOW_WIDTH &&
          gtk_widget_get_height (GTK_WIDGET (child->frame)) == WINDOW_HEIGHT &&
          child->phase_frames >= 2)
        {
          if (child->is_canvas)
            {
              child_start_playing (child);
              _swy_canvas_set_collect_stats (child->canvas, TRUE);
            }
          child->phase = PHASE_WARMUP;
          child->phase_frames = 0;
        }
      break;

    case PHASE_WARMUP:
      if (child->phase_frames >= WARMUP_FRAMES)
        {
          child->phase = PHASE_MEASURE;
          child->phase_frames = 0;
          child->phase_start_ms = now_ms ();
        }
      break;

    case PHASE_MEASURE:
      /* The first measured frame has no interval before it. */
      if (child->phase_frames > 1)
        add_value (child->interval_ms, (frame_time - child->last_frame_time) / 1000.0);
      add_value (child->busy_ms, now_ms () - child->paint_start_ms);
      add_value (child->cpu_ms, cpu_ms () - child->paint_start_cpu_ms);
      if (child->phase_frames > 1)
        add_value (child->between_cpu_ms, child->between_ms);
      frame_phases_add (&child->phases, child->update_ms, child->layout_ms, child->paint_ms);
      if (drawn)
        {
          add_value (child->snapshot_ms, child->frame->snapshot_ms);
          if (child->is_canvas)
            {
              gint64 snapshot_us, children_us;

              _swy_canvas_get_snapshot_stats (child->canvas, &snapshot_us, &children_us);
              add_value (child->own_ms, (snapshot_us - children_us) / 1000.0);
              add_value (child->children_ms, children_us / 1000.0);
              add_value (child->tokens, swy_canvas_get_n_tokens (child->canvas));
              add_value (child->cards_changed, _swy_canvas_get_cards_changed (child->canvas));
            }
        }
      if (child->phase_frames > child->frames ||
          (child->phase_frames > 10 &&
           now_ms () - child->phase_start_ms > child->max_seconds * 1000.0))
        {
          child->phase = PHASE_COUNT;
          child->phase_frames = 0;
          child->frame->counting = TRUE;
        }
      break;

    case PHASE_COUNT:
      if (drawn)
        {
          add_value (child->render_nodes, child->frame->n_render_nodes);
          add_value (child->textures, child->frame->n_textures);
        }
      if (child->phase_frames >= COUNT_FRAMES)
        g_main_loop_quit (child->loop);
      break;

    default:
      g_assert_not_reached ();
    }

  child->last_frame_time = frame_time;
  child->last_frame_thread_ms = thread_cpu_ms ();
}

static gboolean
child_timeout_cb (gpointer user_data)
{
  g_printerr ("bench-canvas: the child did not finish in %d s\n", CHILD_TIMEOUT_S);
  exit (3);
}

static int
run_child (const char   *subject,
           const Config *config,
           guint         frames,
           double        max_seconds)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  GdkFrameClock *clock;
  GskRenderer *renderer;
  GtkWidget *widget;
  Child child = { 0 };

  gtk_init ();
  adw_init ();
  /* The app's style sheet, as AdwApplication loads it: the cards look as in
   * the app (the floor ignores it). */
  gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  if (extra_css_path != NULL)
    {
      g_autoptr(GtkCssProvider) extra = gtk_css_provider_new ();

      gtk_css_provider_load_from_path (extra, extra_css_path);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (extra),
                                                  GTK_STYLE_PROVIDER_PRIORITY_USER);
    }

  child.config = config;
  child.is_canvas = g_str_equal (subject, "canvas");
  child.frames = frames;
  child.max_seconds = max_seconds;
  child.loop = g_main_loop_new (NULL, FALSE);
  child.interval_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.busy_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.between_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.update_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.layout_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.paint_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.snapshot_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.own_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.children_ms = g_array_new (FALSE, FALSE, sizeof (double));
  child.tokens = g_array_new (FALSE, FALSE, sizeof (double));
  child.cards_changed = g_array_new (FALSE, FALSE, sizeof (double));
  child.render_nodes = g_array_new (FALSE, FALSE, sizeof (double));
  child.textures = g_array_new (FALSE, FALSE, sizeof (double));

  if (child.is_canvas)
    {
      child.document = build_document (config, &error);
      if (child.document == NULL)
        {
          g_printerr ("bench-canvas: cannot build the graph: %s\n", error->message);
          return 1;
        }
      widget = swy_canvas_new ();
      child.canvas = SWY_CANVAS (widget);
      swy_canvas_set_document (child.canvas, child.document);
    }
  else
    {
      widget = bench_floor_new (config);
    }

  child.window = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (child.window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (child.window), WINDOW_WIDTH, WINDOW_HEIGHT);
  child.frame = BENCH_FRAME (bench_frame_new (widget));
  gtk_window_set_child (GTK_WINDOW (child.window), GTK_WIDGET (child.frame));
  gtk_window_present (GTK_WINDOW (child.window));

  clock = gtk_widget_get_frame_clock (child.window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &child);
  frame_phases_connect (clock, &child.phases);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &child);
  /* Keeps frames coming while the window settles and for the floor. */
  gdk_frame_clock_begin_updating (clock);
  g_timeout_add_seconds (CHILD_TIMEOUT_S, child_timeout_cb, NULL);

  g_main_loop_run (child.loop);
  gdk_frame_clock_end_updating (clock);

  renderer = gtk_native_get_renderer (GTK_NATIVE (child.window));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "renderer");
  json_builder_add_string_value (builder, G_OBJECT_TYPE_NAME (renderer));
  json_builder_set_member_name (builder, "width");
  json_builder_add_int_value (builder, gtk_widget_get_width (GTK_WIDGET (child.frame)));
  json_builder_set_member_name (builder, "height");
  json_builder_add_int_value (builder, gtk_widget_get_height (GTK_WIDGET (child.frame)));
  add_stat (builder, "interval_ms", child.interval_ms);
  add_stat (builder, "busy_ms", child.busy_ms);
  add_stat (builder, "cpu_ms", child.cpu_ms);
  add_stat (builder, "between_cpu_ms", child.between_cpu_ms);
  add_stat (builder, "update_ms", child.update_ms);
  add_stat (builder, "layout_ms", child.layout_ms);
  add_stat (builder, "paint_ms", child.paint_ms);
  add_stat (builder, "snapshot_ms", child.snapshot_ms);
  add_stat (builder, "render_nodes", child.render_nodes);
  add_stat (builder, "textures", child.textures);
  if (child.is_canvas)
    {
      SwyGraph *graph = swy_document_get_graph (child.document);
      GListModel *wires = swy_graph_get_wires (graph);
      guint n_hot = 0;
      double heights[2] = { 0, 0 };

      for (guint i = 0; i < g_list_model_get_n_items (wires); i++)
        {
          g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);

          n_hot += swy_canvas_wire_is_aggregated (child.canvas, wire);
        }
      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(SwyNode) node = g_list_model_get_item (swy_graph_get_nodes (graph), i);
          SwyNodeWidget *card = swy_canvas_get_node_widget (child.canvas, node);
          int height;

          gtk_widget_measure (GTK_WIDGET (card), GTK_ORIENTATION_VERTICAL, (int) CARD_WIDTH,
                              NULL, &height, NULL, NULL);
          heights[i] = height;
        }

      add_stat (builder, "own_ms", child.own_ms);
      add_stat (builder, "children_ms", child.children_ms);
      add_stat (builder, "tokens", child.tokens);
      add_stat (builder, "cards_changed", child.cards_changed);
      json_builder_set_member_name (builder, "in_flight_start");
      json_builder_add_int_value (builder, child.in_flight_start);
      json_builder_set_member_name (builder, "in_flight_end");
      json_builder_add_int_value (builder, count_in_flight (graph));
      {
        GdkTexture *cards = _swy_canvas_get_cards_texture (child.canvas, NULL);

        /* What the cards' texture holds, at the end: 4 bytes a pixel. */
        json_builder_set_member_name (builder, "cards_texture_bytes");
        json_builder_add_int_value (builder, cards == NULL ? 0 :
                                    (gint64) gdk_texture_get_width (cards) * gdk_texture_get_height (cards) * 4);
      }
      json_builder_set_member_name (builder, "aggregated_wires");
      json_builder_add_int_value (builder, n_hot);
      json_builder_set_member_name (builder, "zoom");
      json_builder_add_double_value (builder, swy_canvas_get_zoom (child.canvas));
      json_builder_set_member_name (builder, "card_heights");
      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, heights[0]);
      json_builder_add_double_value (builder, heights[1]);
      json_builder_end_array (builder);
      swy_graph_pause (graph);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json = json_generator_to_data (generator, NULL);
  g_print ("%s\n", json);

  gtk_window_destroy (GTK_WINDOW (child.window));
  g_clear_object (&child.document);
  g_main_loop_unref (child.loop);
  g_array_unref (child.interval_ms);
  g_array_unref (child.busy_ms);
  g_array_unref (child.cpu_ms);
  g_array_unref (child.between_cpu_ms);
  g_array_unref (child.update_ms);
  g_array_unref (child.layout_ms);
  g_array_unref (child.paint_ms);
  g_array_unref (child.snapshot_ms);
  g_array_unref (child.own_ms);
  g_array_unref (child.children_ms);
  g_array_unref (child.tokens);
  g_array_unref (child.cards_changed);
  g_array_unref (child.render_nodes);
  g_array_unref (child.textures);

  return 0;
}

/* The parent: spawns every child, interleaved, and compares. */

typedef struct
{
  const Config *config;
  const char   *renderer;
  const char   *subject;
  JsonObject   *figures;        /* NULL when the child failed */
  char         *failure;
  gboolean      killed;         /* by a signal: an abort, never retried */
  double        seconds;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->figures, json_object_unref);
  g_clear_pointer (&run->failure, g_free);
}

/* The line of a failing child's stderr that says why. */
static char *
failure_reason (const char *stderr_text)
{
  g_auto(GStrv) lines = g_strsplit (stderr_text != NULL ? stderr_text : "", "\n", -1);
  const char *last = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (strstr (lines[i], "command queue") != NULL || strstr (lines[i], "assertion") != NULL ||
          strstr (lines[i], "ERROR") != NULL || strstr (lines[i], "CRITICAL") != NULL)
        return g_strdup (g_strstrip (lines[i]));
      if (*g_strstrip (lines[i]) != '\0')
        last = lines[i];
    }

  return g_strdup (last != NULL ? last : "(no message)");
}

static void
spawn_child (const char *self_path,
             Run        *run,
             guint       frames,
             double      max_seconds)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  g_autofree char *frames_arg = g_strdup_printf ("%u", frames);
  char seconds_arg[G_ASCII_DTOSTR_BUF_SIZE];
  double start = now_ms ();

  g_ascii_dtostr (seconds_arg, sizeof seconds_arg, max_seconds);
  g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", run->renderer, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, self_path,
                                         "--child", run->subject,
                                         "--config", run->config->id,
                                         "--frames", frames_arg,
                                         "--seconds", seconds_arg,
                                         extra_css_path != NULL ? "--css" : NULL,
                                         extra_css_path,
                                         NULL);
  if (process == NULL ||
      !g_subprocess_communicate_utf8 (process, NULL, NULL, &stdout_text, &stderr_text, &error))
    {
      run->failure = g_strdup (error->message);
      return;
    }
  run->seconds = (now_ms () - start) / 1000.0;

  if (g_subprocess_get_if_signaled (process))
    {
      g_autofree char *reason = failure_reason (stderr_text);

      run->killed = TRUE;
      run->failure = g_strdup_printf ("killed by signal %d (%s): %s",
                                      g_subprocess_get_term_sig (process),
                                      g_strsignal (g_subprocess_get_term_sig (process)), reason);
    }
  else if (g_subprocess_get_exit_status (process) != 0)
    {
      g_autofree char *reason = failure_reason (stderr_text);

      run->failure = g_strdup_printf ("exit status %d: %s",
                                      g_subprocess_get_exit_status (process), reason);
    }
  else if (!json_parser_load_from_data (parser, stdout_text, -1, &error) ||
           !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      run->failure = g_strdup_printf ("unreadable output: %s",
                                      error != NULL ? error->message : stdout_text);
    }
  else
    {
      run->figures = json_object_ref (json_node_get_object (json_parser_get_root (parser)));
    }
}

static double
figure (const Run  *run,
        const char *stat,
        const char *which)
{
  JsonObject *object;

  if (run == NULL || run->figures == NULL || !json_object_has_member (run->figures, stat))
    return NAN;
  object = json_object_get_object_member (run->figures, stat);

  return json_object_get_double_member_with_default (object, which, NAN);
}

static gboolean
run_matches (const Run    *run,
             const Config *config,
             const char   *renderer,
             const char   *subject)
{
  return run->config == config && g_str_equal (run->renderer, renderer) &&
         g_str_equal (run->subject, subject);
}

/* A percentile of one series, over the frames of every round of a subject. */
static double
pooled (const Run    *runs,
        guint         n_runs,
        const Config *config,
        const char   *renderer,
        const char   *subject,
        const char   *series,
        double        p)
{
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n_runs; i++)
    {
      JsonObject *stat;
      JsonArray *array;

      if (!run_matches (&runs[i], config, renderer, subject) || runs[i].figures == NULL ||
          !json_object_has_member (runs[i].figures, series))
        continue;
      stat = json_object_get_object_member (runs[i].figures, series);
      array = json_object_get_array_member (stat, "samples");
      for (guint j = 0; array != NULL && j < json_array_get_length (array); j++)
        {
          double value = json_array_get_double_element (array, j);

          g_array_append_val (samples, value);
        }
    }

  return percentile (samples, p);
}

/* The first round of a subject that finished, and the failures of the others. */
static const Run *
first_success (const Run    *runs,
               guint         n_runs,
               const Config *config,
               const char   *renderer,
               const char   *subject,
               GString      *failures)
{
  const Run *found = NULL;

  for (guint i = 0; i < n_runs; i++)
    {
      if (!run_matches (&runs[i], config, renderer, subject))
        continue;
      if (runs[i].figures != NULL && found == NULL)
        found = &runs[i];
      if (runs[i].failure != NULL && failures != NULL)
        g_string_append_printf (failures, "%s%s", failures->len > 0 ? "; " : "", runs[i].failure);
    }

  return found;
}

static const char *
verdict (double value,
         double limit)
{
  return isnan (value) ? "?" : value <= limit ? "met" : "missed";
}

static gboolean
print_report (const Run *runs,
              guint      n_runs)
{
  gboolean canvas_ok = TRUE;

  g_print ("\n| graph | renderer | subject | frames | frame interval median / p95 (ms) | "
           "busy median / p95 (ms) | CPU median / p95 (ms) | layout, paint (medians, ms) | "
           "main thread between frames, median (ms CPU) | "
           "snapshot median / p95 (ms) | canvas's own snapshot median / p95 (ms) | "
           "render nodes (textures) | tokens drawn | zoom | cards changed a frame, median / p95 | "
           "cards texture (KB) |\n");
  g_print ("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  for (guint c = 0; c < G_N_ELEMENTS (configs); c++)
    for (guint r = 0; r < G_N_ELEMENTS (renderers); r++)
      for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
        {
          const Config *config = &configs[c];
          const char *renderer = renderers[r];
          const char *subject = subjects[s];
          g_autoptr(GString) failures = g_string_new (NULL);
          const Run *run = first_success (runs, n_runs, config, renderer, subject, failures);
          gboolean canvas = g_str_equal (subject, "canvas");
          guint n_frames = 0;

#define POOLED(series, p) pooled (runs, n_runs, config, renderer, subject, series, p)
          for (guint i = 0; i < n_runs; i++)
            if (run_matches (&runs[i], config, renderer, subject) && runs[i].figures != NULL)
              n_frames += (guint) figure (&runs[i], "interval_ms", "n");
          /* The floor may find GTK's limits; the canvas must stay within them. */
          if (failures->len > 0 && canvas)
            canvas_ok = FALSE;
          if (run == NULL)
            {
              if (failures->len > 0)
                g_print ("| %u / %u / %u | %s | %s | **failed: %s** | | | | | | | | | | | | |\n",
                         config->nodes, config->wires, config->events, renderer, subject,
                         failures->str);
              continue;
            }
          g_print ("| %u / %u / %u | %s | %s%s | %u | %.1f / %.1f | %.1f / %.1f | %.1f / %.1f | "
                   "%.1f, %.1f | %.1f | %.2f / %.2f | ",
                   config->nodes, config->wires, config->events, renderer, subject,
                   failures->len > 0 ? " (a round failed)" : "", n_frames,
                   POOLED ("interval_ms", 50), POOLED ("interval_ms", 95),
                   POOLED ("busy_ms", 50), POOLED ("busy_ms", 95),
                   POOLED ("cpu_ms", 50), POOLED ("cpu_ms", 95),
                   POOLED ("layout_ms", 50), POOLED ("paint_ms", 50),
                   POOLED ("between_cpu_ms", 50),
                   POOLED ("snapshot_ms", 50), POOLED ("snapshot_ms", 95));
          if (canvas)
            g_print ("%.2f / %.2f | ", POOLED ("own_ms", 50), POOLED ("own_ms", 95));
          else
            g_print ("- | ");
          g_print ("%.0f (%.0f) | ", figure (run, "render_nodes", "max"),
                   figure (run, "textures", "max"));
          if (canvas)
            g_print ("%.0f of %" G_GINT64_FORMAT " in flight | %.3f | %.0f / %.0f of %u | %.0f |\n",
                     figure (run, "tokens", "median"),
                     json_object_get_int_member (run->figures, "in_flight_end"),
                     json_object_get_double_member (run->figures, "zoom"),
                     POOLED ("cards_changed", 50), POOLED ("cards_changed", 95), config->nodes,
                     json_object_get_int_member_with_default (run->figures, "cards_texture_bytes", 0) / 1024.0);
          else
            g_print ("%u dots | | | |\n", config->events);
#undef POOLED
        }

  g_print ("\n| graph | renderer | frame interval, canvas / floor (median, p95) | "
           "busy, canvas / floor (median, p95) | CPU, canvas / floor (median, p95) | "
           "frame <= 1.25x floor (interval and busy medians) | "
           "canvas's own snapshot, median | target |\n");
  g_print ("|---|---|---:|---:|---:|---|---:|---|\n");
  for (guint c = 0; c < G_N_ELEMENTS (configs); c++)
    for (guint r = 0; r < G_N_ELEMENTS (renderers); r++)
      {
        const Config *config = &configs[c];
        const char *renderer = renderers[r];
        double target = config->nodes <= 200 ? 1.0 : 4.0;
        double frame;
        double own;

        if (first_success (runs, n_runs, config, renderer, "canvas", NULL) == NULL ||
            first_success (runs, n_runs, config, renderer, "floor", NULL) == NULL)
          continue;
#define RATIO(series, p) (pooled (runs, n_runs, config, renderer, "canvas", series, p) / \
                          pooled (runs, n_runs, config, renderer, "floor", series, p))
        frame = MAX (RATIO ("interval_ms", 50), RATIO ("busy_ms", 50));
        own = pooled (runs, n_runs, config, renderer, "canvas", "own_ms", 50);
        g_print ("| %u / %u / %u | %s | %.2fx, %.2fx | %.2fx, %.2fx | %.2fx, %.2fx | %s | "
                 "%.2f ms | <= %.0f ms: %s |\n",
                 config->nodes, config->wires, config->events, renderer,
                 RATIO ("interval_ms", 50), RATIO ("interval_ms", 95),
                 RATIO ("busy_ms", 50), RATIO ("busy_ms", 95),
                 RATIO ("cpu_ms", 50), RATIO ("cpu_ms", 95),
                 verdict (frame, 1.25), own, target, verdict (own, target));
#undef RATIO
      }

  g_print ("\nCanvas: %s\n",
           canvas_ok ? "every run finished with both renderers (no abort)"
                     : "**a run failed** (see above)");

  return canvas_ok;
}

static gboolean
write_json (const char *path,
            const Run  *runs,
            guint       n_runs)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "build");
  json_builder_add_string_value (builder, BENCH_BUILDTYPE);
  json_builder_set_member_name (builder, "runs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_runs; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "nodes");
      json_builder_add_int_value (builder, runs[i].config->nodes);
      json_builder_set_member_name (builder, "wires");
      json_builder_add_int_value (builder, runs[i].config->wires);
      json_builder_set_member_name (builder, "events");
      json_builder_add_int_value (builder, runs[i].config->events);
      json_builder_set_member_name (builder, "renderer");
      json_builder_add_string_value (builder, runs[i].renderer);
      json_builder_set_member_name (builder, "subject");
      json_builder_add_string_value (builder, runs[i].subject);
      json_builder_set_member_name (builder, "seconds");
      json_builder_add_double_value (builder, runs[i].seconds);
      json_builder_set_member_name (builder, "failure");
      if (runs[i].failure != NULL)
        json_builder_add_string_value (builder, runs[i].failure);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "figures");
      if (runs[i].figures != NULL)
        {
          JsonNode *node = json_node_new (JSON_NODE_OBJECT);

          json_node_set_object (node, runs[i].figures);
          json_builder_add_value (builder, node);
        }
      else
        {
          json_builder_add_null_value (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  if (!json_generator_to_file (generator, path, &error))
    {
      g_printerr ("Cannot write %s: %s\n", path, error->message);
      return FALSE;
    }

  return TRUE;
}

static const Config *
lookup_config (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (configs); i++)
    if (g_str_equal (configs[i].id, id))
      return &configs[i];

  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *child_subject = NULL;
  g_autofree char *child_config = NULL;
  g_autofree char *only = NULL;
  g_autofree char *self_path = NULL;
  g_autofree Run *runs = NULL;
  guint n_runs = 0;
  int frames = 120;
  int rounds = 2;
  double seconds = 5.0;
  gboolean ok = TRUE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, "Write the figures to FILE", "FILE" },
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames, "Frames measured per run (default 120)", "N" },
    { "seconds", 0, 0, G_OPTION_ARG_DOUBLE, &seconds,
      "Measure at most this long per run (default 5)", "S" },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds,
      "Runs of each subject, interleaved; their frames are pooled (default 2)", "N" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      "Run only this graph (200 or 1000)", "NODES" },
    { "css", 0, 0, G_OPTION_ARG_FILENAME, &extra_css_path,
      "Load this style sheet over the app's (what-if runs)", "FILE" },
    { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &child_subject,
      "Run one subject (floor or canvas) and print its figures (used internally)", "SUBJECT" },
    { "config", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &child_config,
      "The graph of --child", "NODES" },
    { NULL }
  };

  setlocale (LC_ALL, "C");
  context = g_option_context_new ("- benchmark the editor canvas against GTK's floor");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (frames < 10 || seconds <= 0.0 || rounds < 1)
    {
      g_printerr ("--frames must be at least 10, --seconds positive, --rounds at least 1\n");
      return 2;
    }

  if (child_subject != NULL)
    {
      const Config *config = lookup_config (child_config != NULL ? child_config : "");

      if (config == NULL ||
          (!g_str_equal (child_subject, "canvas") && !g_str_equal (child_subject, "floor")))
        {
          g_printerr ("--child needs floor or canvas, and --config 200 or 1000\n");
          return 2;
        }
      return run_child (child_subject, config, frames, seconds);
    }

  if (only != NULL && lookup_config (only) == NULL)
    {
      g_printerr ("--only needs 200 or 1000\n");
      return 2;
    }

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  if (self_path == NULL)
    self_path = g_strdup (argv[0]);

  g_print ("Canvas benchmark (%s build), %dx%d, GTK %u.%u.%u, libadwaita %u.%u.%u: "
           "%d rounds of %d frames or %.0f s per run\n",
           BENCH_BUILDTYPE, WINDOW_WIDTH, WINDOW_HEIGHT,
           gtk_get_major_version (), gtk_get_minor_version (), gtk_get_micro_version (),
           adw_get_major_version (), adw_get_minor_version (), adw_get_micro_version (),
           rounds, frames, seconds);

  runs = g_new0 (Run, rounds * G_N_ELEMENTS (configs) * G_N_ELEMENTS (renderers) *
                      G_N_ELEMENTS (subjects));
  for (int round = 0; round < rounds; round++)
    for (guint c = 0; c < G_N_ELEMENTS (configs); c++)
      {
        if (only != NULL && !g_str_equal (only, configs[c].id))
          continue;
        for (guint r = 0; r < G_N_ELEMENTS (renderers); r++)
          for (guint s = 0; s < G_N_ELEMENTS (subjects); s++)
            {
              Run *run = &runs[n_runs++];

              run->config = &configs[c];
              run->renderer = renderers[r];
              run->subject = subjects[s];
              spawn_child (self_path, run, frames, seconds);
              /* Another session's X server or a busy machine can fail a
               * start (such as "cannot open display"): one more try. */
              if (run->failure != NULL && !run->killed)
                {
                  g_print ("  round %d, %u nodes, %s, %s: %s; once more\n",
                           round + 1, run->config->nodes, run->renderer, run->subject,
                           run->failure);
                  run_clear (run);
                  spawn_child (self_path, run, frames, seconds);
                }
              if (run->figures != NULL)
                g_print ("  round %d, %u nodes, %s, %s: %.1f ms a frame (median), %.1f s\n",
                         round + 1, run->config->nodes, run->renderer, run->subject,
                         figure (run, "interval_ms", "median"), run->seconds);
              else
                g_print ("  round %d, %u nodes, %s, %s: FAILED, %s\n",
                         round + 1, run->config->nodes, run->renderer, run->subject,
                         run->failure);
            }
      }

  if (!print_report (runs, n_runs))
    ok = FALSE;

  if (json_path != NULL)
    ok = write_json (json_path, runs, n_runs);
  for (guint i = 0; i < n_runs; i++)
    run_clear (&runs[i]);

  return ok ? 0 : 1;
}
