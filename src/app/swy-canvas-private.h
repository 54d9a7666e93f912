/* swy-canvas-private.h: the canvas's insides, shared by its source files,
 * and its instrumentation for bench/bench-canvas.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas is one class spread over four files:
 *   swy-canvas.c          the widget: layout, zoom and pan, selection, input,
 *                         the node widgets kept in step with the graph
 *   swy-canvas-draw.c     geometry (ports, wire curves), hit testing, the
 *                         snapshot, and the cairo drawing for export
 *   swy-canvas-live.c     the live view from the engine: tokens, pulses,
 *                         rates and aggregate wires, the selected event's path
 *   swy-canvas-actions.c  the canvas.* actions and their key bindings
 *   swy-canvas-replay.c   a recorded trace replayed on the canvas instead
 *                         of the live engine
 */

#pragma once

#include "swy-canvas.h"
#include "swy-texture.h"

G_BEGIN_DECLS

/* widget scale a zoom step multiplies or divides by */
#define CANVAS_ZOOM_STEP       1.2
/* tokens a second the eye can still tell apart on one wire */
#define CANVAS_HOT_RATE        20.0
#define CANVAS_N_TOKEN_COLORS  8
/* below this zoom the canvas draws cards as plain boxes (swy-canvas-draw.c) */
#define CANVAS_PLAIN_ZOOM      0.4

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
  guint64  event_id;
} Pulse;

typedef struct
{
  guint64 last_delivered;
  double  rate;        /* deliveries a second of wall-clock time, smoothed */
  double  virtual_rate; /* deliveries a second of virtual time, smoothed */
  gboolean hot;
  /* The wire's curve and whether its tokens show, worked out once per
   * snapshot_tokens() pass (the one numbered curve_pass): a wire carries
   * many tokens, and finding its ends costs more than drawing them. */
  guint   curve_pass;
  gboolean curve_drawn;
  graphene_point_t curve[4];
  /* Above the token cap, the busiest wires are drawn aggregate too
   * (update_crowding()): the events in flight on the wire at the last
   * count, whether it is crowded out, the count its label gave when the
   * wires were last drawn, and the tokens the last frame drew on it. */
  guint   in_flight;
  gboolean crowded;
  guint   shown_in_flight;
  guint   tokens;
  guint   tokens_pass;
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
  GskRenderNode *cards_node;      /* the cards as plain boxes, when zoomed far out */
  double         cards_node_zoom;
  double         cards_node_pan_x;
  double         cards_node_pan_y;
  guint          cards_node_look;
  gboolean       cards_node_dark;
  /* The cards as one texture (swy-canvas-draw.c). */
  SwyRaster     *layer;           /* the cards' pixels */
  GPtrArray     *layer_nodes;     /* the cards' nodes drawn into it */
  GdkTexture    *layer_texture;   /* the cards as shown */
  GskRenderNode *layer_node;      /* of layer_texture */
  graphene_rect_t layer_rect;
  guint          layer_renders;   /* textures shown, for tests */
  gboolean       layer_off;       /* for tests: cards drawn as they are */

  GdkTexture    *token_textures[CANVAS_N_TOKEN_COLORS];
  GdkTexture    *halo_texture;
  GdkTexture    *dots_texture;    /* one row of the dot grid (swy-canvas-draw.c) */
  graphene_rect_t dots_rect;
  GdkRGBA        dots_color;
  SwyDeviceMapping dots_at;
  GskRenderNode *dots_node;       /* every row of the view */
  int            dots_width;
  int            dots_height;
  GArray        *pulses;          /* of Pulse */
  GHashTable    *rates;           /* SwyWire → WireRate */
  guint64        trace_seen;
  gint64         last_rate_time;
  gint64         last_rate_now;   /* the graph's virtual time then */
  guint          tick_id;
  guint          n_tokens;
  guint          token_pass;
  guint          draw_pass;       /* the token_pass of the last snapshot */
  guint          n_hot;           /* wires aggregated for their rate */
  guint          n_crowded;       /* wires aggregated for the token cap */
  gint64         crowd_label_time;
  gboolean       follow_trace;
  SwyReplay     *replay;          /* shown instead of the engine, or NULL */

  /* Opt-in instrumentation (swy-canvas-private.h), for bench/bench-canvas.c. */
  gboolean       collect_stats;
  gint64         stats_snapshot_us;
  gint64         stats_children_us;
  guint          stats_cards_changed;
  guint          stats_snapshots;
};

/* swy-canvas.c */
gboolean       _swy_canvas_press                  (SwyCanvas        *self,
                                                   guint             button,
                                                   GdkModifierType   state,
                                                   double            x,
                                                   double            y);
void           _swy_canvas_queue_wires_redraw     (SwyCanvas        *self);
void           _swy_canvas_emit_selection_changed (SwyCanvas        *self);
void           _swy_canvas_unselect_all           (SwyCanvas        *self);
gboolean       _swy_canvas_is_wire_selected       (SwyCanvas        *self,
                                                   SwyWire          *wire);
void           _swy_canvas_refuse                 (SwyCanvas        *self,
                                                   const char       *message);

/* swy-canvas-draw.c: geometry in content coordinates (widget = pan + content × zoom) */
gboolean       _swy_canvas_port_point             (SwyCanvas        *self,
                                                   SwyPort          *port,
                                                   graphene_point_t *out);
void           _swy_canvas_wire_curve             (const graphene_point_t *a,
                                                   const graphene_point_t *b,
                                                   graphene_point_t        c[4]);
void           _swy_canvas_curve_at               (const graphene_point_t c[4],
                                                   double                 t,
                                                   graphene_point_t      *out);
gboolean       _swy_canvas_wire_points            (SwyCanvas        *self,
                                                   SwyWire          *wire,
                                                   graphene_point_t  c[4]);
SwyNodeWidget *_swy_canvas_pick_node_widget       (SwyCanvas        *self,
                                                   double            wx,
                                                   double            wy);
SwyPort       *_swy_canvas_pick_port              (SwyCanvas        *self,
                                                   double            wx,
                                                   double            wy,
                                                   SwyNodeWidget   **out_widget);
SwyWire       *_swy_canvas_pick_wire              (SwyCanvas        *self,
                                                   double            wx,
                                                   double            wy);
gboolean       _swy_canvas_get_plain_cards        (SwyCanvas        *self);
void           _swy_canvas_snapshot               (GtkWidget        *widget,
                                                   GtkSnapshot      *snapshot);

/* swy-canvas-live.c */
WireRate      *_swy_canvas_get_rate               (SwyCanvas        *self,
                                                   SwyWire          *wire);
void           _swy_canvas_snapshot_tokens        (SwyCanvas        *self,
                                                   GtkSnapshot      *snapshot);
void           _swy_canvas_ensure_ticking         (SwyCanvas        *self);
gboolean       _swy_canvas_is_wire_on_path        (SwyCanvas        *self,
                                                   SwyWire          *wire);
void           _swy_canvas_update_crowding        (SwyCanvas        *self);
gboolean       _swy_canvas_get_wire_tokens        (SwyCanvas        *self,
                                                   SwyWire          *wire,
                                                   guint            *n_tokens,
                                                   guint            *n_in_flight_shown);
guint64        _swy_canvas_pick_event             (SwyCanvas        *self,
                                                   double            wx,
                                                   double            wy);

/* swy-canvas-actions.c */
void           _swy_canvas_class_actions_init     (GtkWidgetClass   *widget_class);

/* Off by default; when off it costs the snapshot three untaken branches. When
 * on, each swy_canvas_snapshot() records its duration and, within it, the time
 * spent snapshotting the node widgets (GTK's own widget code), so that the
 * canvas's own share is the difference. Times are this thread's CPU time. */
void _swy_canvas_set_collect_stats  (SwyCanvas *self,
                                     gboolean   collect);
void _swy_canvas_get_snapshot_stats (SwyCanvas *self,
                                     gint64    *snapshot_us,
                                     gint64    *children_us);
/* How many cards the last snapshot found drawn differently (a part of
 * their render node, or their place) since the one before; counted
 * always. */
guint _swy_canvas_get_cards_changed (SwyCanvas *self);
/* How many times the canvas has drawn its snapshot; counted always. */
guint _swy_canvas_get_n_snapshots   (SwyCanvas *self);

/* For tests: the texture the cards were last drawn from (NULL when they
 * were drawn as they are), the node that shows it, how many such textures
 * the canvas has drawn, and a switch to draw the cards as they are. */
GskRenderNode *_swy_canvas_get_cards_node     (SwyCanvas *self);
GdkTexture *_swy_canvas_get_cards_texture     (SwyCanvas *self,
                                               guint     *n_drawn);
void        _swy_canvas_set_cards_texture_off (SwyCanvas *self,
                                               gboolean   off);
void        _swy_canvas_clear_cards_texture   (SwyCanvas *self);
void        _swy_canvas_clear_dots_texture    (SwyCanvas *self);

/* For swy-export.c and the timeline: the colour of a topic's tokens, and
 * the graph drawn with cairo in content coordinates (zoom 1, no pan) in
 * the light or the dark style, within the bounds given by
 * get_drawing_bounds(). */
void     _swy_canvas_get_topic_color    (const char      *topic,
                                         GdkRGBA         *rgba);
gboolean _swy_canvas_get_drawing_bounds (SwyCanvas       *self,
                                         graphene_rect_t *bounds);
void     _swy_canvas_label_pill         (double                  x,
                                         double                  y,
                                         int                     w,
                                         int                     h,
                                         graphene_rect_t        *out);
void     _swy_canvas_place_wire_label   (SwyCanvas              *self,
                                         SwyWire                *wire,
                                         const graphene_point_t  c[4],
                                         int                     w,
                                         int                     h,
                                         graphene_point_t       *out);
void     _swy_canvas_draw_to_cairo      (SwyCanvas       *self,
                                         cairo_t         *cr,
                                         gboolean         dark);

G_END_DECLS
