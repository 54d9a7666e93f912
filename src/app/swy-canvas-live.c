/* swy-canvas-live.c: the live view: tokens, pulses and busy wires, from the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "swy-canvas"

#include "config.h"

#include <math.h>
#include <string.h>

#include "swy-canvas-private.h"
#include "swy-texture.h"
#include "swy-view-state.h"

#define PULSE_US           (280 * G_TIME_SPAN_MILLISECOND)
#define PULSE_STAGGER_US   (70 * G_TIME_SPAN_MILLISECOND)
#define MAX_PULSES         256
#define MAX_TOKENS         4000  /* a frame: the render tree stays bounded (bench/README.md) */
#define MAX_IN_FLIGHT      (MAX_TOKENS - MAX_PULSES)
#define CROWD_LABEL_US     (250 * G_TIME_SPAN_MILLISECOND)
#define COOL_RATE          14.0
#define RATE_TAU_S         0.6
#define TOKEN_SIZE         12
#define TOKEN_PICK_SLOP    3.0   /* px around a token that still pick it */

/* Topic colours: GNOME palette, readable on light and dark. */
static const char *token_colors[CANVAS_N_TOKEN_COLORS] = {
  "#3584e4", "#e66100", "#2ec27e", "#9141ac",
  "#f5c211", "#e01b24", "#1c71d8", "#865e3c",
};

static guint
topic_color (const char *topic)
{
  /* The first level picks the colour, so "orders/new" and "orders/paid" match. */
  const char *slash = strchr (topic, '/');
  gsize len = slash != NULL ? (gsize) (slash - topic) : strlen (topic);
  guint hash = 5381;

  for (gsize i = 0; i < len; i++)
    hash = hash * 33 + (guchar) topic[i];

  return hash % CANVAS_N_TOKEN_COLORS;
}

static GdkTexture *
token_texture (SwyCanvas *self,
               guint      color)
{
  if (self->token_textures[color] == NULL)
    {
      GdkRGBA rgba;

      /* Drawn at twice the size, for zoom and HiDPI. */
      gdk_rgba_parse (&rgba, token_colors[color]);
      self->token_textures[color] = swy_texture_new_dot (TOKEN_SIZE * 2, TOKEN_SIZE - 1, &rgba, 3);
    }

  return self->token_textures[color];
}

WireRate *
_swy_canvas_get_rate (SwyCanvas *self,
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
  return rate != NULL && (rate->hot || rate->crowded);
}

/* Every token the canvas draws, in drawing order: the events in flight on
 * queued wires, then the sync pulses; @p in content coordinates. Drawing
 * and picking both go through foreach_token(), so that a click finds
 * exactly what was drawn. */
typedef void (*TokenFunc) (SwyCanvas              *self,
                           const graphene_point_t *p,
                           guint                   color,
                           guint64                 event_id,
                           gpointer                user_data);

typedef struct
{
  SwyCanvas *self;
  gint64     now;
  guint      n;
  gboolean   drawing;   /* count each wire's tokens, for _swy_canvas_get_wire_tokens() */
  TokenFunc  func;
  gpointer   user_data;
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

  /* update_crowding() keeps the count under the cap; this is the last guard. */
  if (ctx->n >= MAX_IN_FLIGHT)
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
      /* A blocked wire takes no new events, but those already on it still
       * arrive (its handler is blocked, not its queue): they show. */
      drawn = !(rate != NULL && (rate->hot || rate->crowded)) &&
              !(self->view_state != NULL &&
                swy_view_state_is_wire_muted (self->view_state, wire)) &&
              _swy_canvas_wire_points (self, wire, c);
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
  _swy_canvas_curve_at (c, CLAMP (t, 0.0, 1.0), &p);
  ctx->n++;
  if (ctx->drawing && rate != NULL)
    {
      if (rate->tokens_pass != self->token_pass)
        {
          rate->tokens_pass = self->token_pass;
          rate->tokens = 0;
        }
      rate->tokens++;
    }
  ctx->func (self, &p, topic_color (swy_event_get_topic (event)), swy_event_get_id (event),
             ctx->user_data);
}

static gboolean
graph_has_wire (SwyCanvas *self,
                SwyWire   *wire)
{
  return g_hash_table_contains (self->rates, wire);
}

/* What is in flight on the wires: the engine's, or a replay's. */
static void
foreach_in_flight (SwyCanvas       *self,
                   SwyInFlightFunc  func,
                   gpointer         user_data)
{
  if (self->replay != NULL)
    swy_replay_foreach_in_flight (self->replay, func, user_data);
  else
    swy_graph_foreach_in_flight (self->graph, func, user_data);
}

static guint
foreach_token (SwyCanvas *self,
               gboolean   drawing,
               TokenFunc  func,
               gpointer   user_data)
{
  TokenContext ctx = { self, swy_graph_get_now (self->graph), 0, drawing, func, user_data };
  gint64 wall = g_get_monotonic_time ();

  self->token_pass++;
  if (self->replay != NULL)
    ctx.now = swy_replay_get_time (self->replay);
  foreach_in_flight (self, in_flight_cb, &ctx);

  for (guint i = 0; i < self->pulses->len; i++)
    {
      Pulse *pulse = &g_array_index (self->pulses, Pulse, i);
      graphene_point_t c[4], p;
      double t;

      if (wall < pulse->start || !graph_has_wire (self, pulse->wire))
        continue;
      t = (double) (wall - pulse->start) / PULSE_US;
      if (t > 1.0 || !_swy_canvas_wire_points (self, pulse->wire, c))
        continue;
      _swy_canvas_curve_at (c, t, &p);
      ctx.n++;
      func (self, &p, pulse->color, pulse->event_id, user_data);
    }

  return ctx.n;
}

static double
token_size (SwyCanvas *self)
{
  return TOKEN_SIZE * MAX (self->zoom, 0.5);
}

/* The halo under the selected event's token, in the colour of its path. */
static GdkTexture *
halo_texture (SwyCanvas *self)
{
  if (self->halo_texture == NULL)
    {
      GdkRGBA rgba = { 0xf6 / 255.0, 0xd3 / 255.0, 0x2d / 255.0, 0.85 };

      self->halo_texture = swy_texture_new_dot (TOKEN_SIZE * 4, TOKEN_SIZE * 2 - 1, &rgba, 0);
    }

  return self->halo_texture;
}

typedef struct
{
  GtkSnapshot *snapshot;
  guint64      selected;
} DrawContext;

static void
append_token_cb (SwyCanvas              *self,
                 const graphene_point_t *p,
                 guint                   color,
                 guint64                 event_id,
                 gpointer                user_data)
{
  DrawContext *draw = user_data;
  double size = token_size (self);
  double x = self->pan_x + p->x * self->zoom;
  double y = self->pan_y + p->y * self->zoom;

  if (event_id == draw->selected)
    gtk_snapshot_append_texture (draw->snapshot, halo_texture (self),
                                 &GRAPHENE_RECT_INIT (x - size, y - size, 2 * size, 2 * size));
  gtk_snapshot_append_texture (draw->snapshot, token_texture (self, color),
                               &GRAPHENE_RECT_INIT (x - size / 2, y - size / 2, size, size));
}

void
_swy_canvas_snapshot_tokens (SwyCanvas   *self,
                             GtkSnapshot *snapshot)
{
  DrawContext draw = { snapshot, 0 };

  if (self->view_state != NULL)
    draw.selected = swy_view_state_get_selected_event (self->view_state);
  if (draw.selected == 0)
    draw.selected = G_MAXUINT64;   /* no event has that id */
  self->n_tokens = foreach_token (self, TRUE, append_token_cb, &draw);
  self->draw_pass = self->token_pass;
}

typedef struct
{
  double  wx;
  double  wy;
  double  best;
  guint64 event_id;
} PickContext;

static void
pick_token_cb (SwyCanvas              *self,
               const graphene_point_t *p,
               guint                   color,
               guint64                 event_id,
               gpointer                user_data)
{
  PickContext *pick = user_data;
  double d = hypot (self->pan_x + p->x * self->zoom - pick->wx,
                    self->pan_y + p->y * self->zoom - pick->wy);

  /* The nearest wins; among tokens drawn on the same spot, the topmost. */
  if (d <= pick->best)
    {
      pick->best = d;
      pick->event_id = event_id;
    }
}

/**
 * _swy_canvas_pick_event:
 * @self: a canvas
 * @wx: widget x
 * @wy: widget y
 *
 * Finds the token drawn nearest to a point, within its drawn radius and a
 * few pixels more, whatever the zoom.
 *
 * Returns: the id of its event, or 0 if no token is there
 */
guint64
_swy_canvas_pick_event (SwyCanvas *self,
                        double     wx,
                        double     wy)
{
  PickContext pick = { wx, wy, token_size (self) / 2 + TOKEN_PICK_SLOP, 0 };

  if (self->graph == NULL)
    return 0;

  foreach_token (self, FALSE, pick_token_cb, &pick);
  return pick.event_id;
}

/* Above the cap */

typedef struct
{
  SwyWire  *wire;
  WireRate *rate;
  gboolean  was_crowded;
} Crowd;

static void
count_in_flight_cb (SwyWire  *wire,
                    SwyEvent *event,
                    gint64    sent_us,
                    gint64    due_us,
                    gpointer  user_data)
{
  WireRate *rate = g_hash_table_lookup (user_data, wire);

  if (rate != NULL)
    rate->in_flight++;
}

/* Busiest first; wires already crowded out before the others, so that a
 * wire does not flip between looks from one frame to the next. */
static int
compare_crowd (gconstpointer a,
               gconstpointer b)
{
  const Crowd *x = a, *y = b;

  if (x->was_crowded != y->was_crowded)
    return x->was_crowded ? -1 : 1;
  if (x->rate->in_flight != y->rate->in_flight)
    return x->rate->in_flight > y->rate->in_flight ? -1 : 1;
  return swy_wire_get_index (x->wire) - swy_wire_get_index (y->wire);
}

/**
 * _swy_canvas_update_crowding:
 * @self: a canvas
 *
 * Keeps what is in flight visible without passing the token cap: when the
 * wires that show tokens carry more events than the cap, the busiest of
 * them switch to the aggregate look (thickness and heat, labelled with the
 * count in flight) until the rest fit. Nothing in flight is left out
 * silently. Counting costs a walk over the events in flight, so it is done
 * only when the engine holds more pending items than the cap, or a wire is
 * aggregated for its rate (its label shows the count too).
 */
void
_swy_canvas_update_crowding (SwyCanvas *self)
{
  g_autoptr(GArray) crowd = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint64 shown = 0;
  guint n_crowded = 0;
  gboolean changed = FALSE;
  gboolean counts_changed = FALSE;
  gint64 wall;

  if (self->graph == NULL)
    return;
  if (self->replay == NULL && swy_graph_get_n_pending (self->graph) <= MAX_IN_FLIGHT &&
      self->n_hot == 0 && self->n_crowded == 0)
    return;

  g_hash_table_iter_init (&iter, self->rates);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    ((WireRate *) value)->in_flight = 0;
  foreach_in_flight (self, count_in_flight_cb, self->rates);

  /* The wires whose tokens would show, as in_flight_cb() decides. */
  crowd = g_array_new (FALSE, FALSE, sizeof (Crowd));
  g_hash_table_iter_init (&iter, self->rates);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      WireRate *rate = value;
      Crowd item = { key, rate, rate->crowded };

      counts_changed |= (rate->hot || rate->crowded) && rate->in_flight != rate->shown_in_flight;
      if (rate->in_flight == 0 || rate->hot ||
          (self->view_state != NULL && swy_view_state_is_wire_muted (self->view_state, key)))
        {
          changed |= rate->crowded;
          rate->crowded = FALSE;
          continue;
        }
      shown += rate->in_flight;
      g_array_append_val (crowd, item);
    }

  g_array_sort (crowd, compare_crowd);
  for (guint i = 0; i < crowd->len; i++)
    {
      Crowd *item = &g_array_index (crowd, Crowd, i);
      gboolean crowded = shown > MAX_IN_FLIGHT;

      if (crowded)
        {
          shown -= item->rate->in_flight;
          n_crowded++;
        }
      changed |= crowded != item->rate->crowded;
      item->rate->crowded = crowded;
    }
  self->n_crowded = n_crowded;

  /* The labels' counts: exact when paused, a few times a second while
   * playing, since redrawing every wire each frame for them costs more
   * than the tokens they stand for. Labels show from 45% zoom: below, the
   * counts wait for a pause. */
  wall = g_get_monotonic_time ();
  if (counts_changed && !changed &&
      (!swy_graph_get_playing (self->graph) ||
       (self->zoom >= 0.45 && wall - self->crowd_label_time >= CROWD_LABEL_US)))
    changed = TRUE;
  if (changed)
    {
      self->crowd_label_time = wall;
      _swy_canvas_queue_wires_redraw (self);
    }
}

gboolean
_swy_canvas_get_wire_tokens (SwyCanvas *self,
                             SwyWire   *wire,
                             guint     *n_tokens,
                             guint     *n_in_flight_shown)
{
  WireRate *rate = g_hash_table_lookup (self->rates, wire);
  gboolean aggregated = rate != NULL && (rate->hot || rate->crowded);

  *n_tokens = rate != NULL && rate->tokens_pass == self->draw_pass ? rate->tokens : 0;
  *n_in_flight_shown = aggregated ? rate->shown_in_flight : 0;

  return aggregated;
}

/* Live view */

static void
add_pulse (SwyCanvas      *self,
           SwyWire        *wire,
           SwyTraceRecord *record,
           gint64          start)
{
  Pulse pulse = { wire, start, topic_color (swy_trace_record_get_topic (record)),
                  swy_trace_record_get_event_id (record) };

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
    add_pulse (self, wire, record, g_get_monotonic_time ());
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
      add_pulse (self, wire, record, start);
      start += PULSE_STAGGER_US;
    }
}

static void
update_rates (SwyCanvas *self,
              gint64     wall)
{
  double dt = self->last_rate_time > 0 ? (wall - self->last_rate_time) / (double) G_USEC_PER_SEC : 0;
  double alpha = dt > 0 ? 1.0 - exp (-dt / RATE_TAU_S) : 0;
  gint64 now = swy_graph_get_now (self->graph);
  /* The label's rate is per second of virtual time, from the virtual time
   * that passed: when the engine falls behind (a storm), virtual time runs
   * slower than the speed says, and wall rate ÷ speed would understate it. */
  double dv = self->last_rate_time > 0 && now > self->last_rate_now
              ? (now - self->last_rate_now) / (double) G_USEC_PER_SEC : 0;
  gboolean playing = swy_graph_get_playing (self->graph);
  gboolean changed = FALSE;
  GHashTableIter iter;
  gpointer key, value;

  self->last_rate_time = wall;
  self->last_rate_now = now;
  self->n_hot = 0;
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
      if (dv > 0)
        rate->virtual_rate += alpha * (delta / dv - rate->virtual_rate);
      hot = rate->hot ? rate->rate > COOL_RATE : rate->rate > CANVAS_HOT_RATE;
      if (!playing && rate->rate < 1.0)
        hot = FALSE;
      if (hot != rate->hot)
        {
          rate->hot = hot;
          changed = TRUE;
        }
      else if (rate->hot)
        changed = TRUE;   /* its rate label changes */
      self->n_hot += rate->hot;
    }

  if (changed)
    _swy_canvas_queue_wires_redraw (self);
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

void
_swy_canvas_ensure_ticking (SwyCanvas *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
}

guint
swy_canvas_get_n_tokens (SwyCanvas *self)
{
  g_return_val_if_fail (SWY_IS_CANVAS (self), 0);

  return self->n_tokens;
}

typedef struct
{
  GHashTable *path_wires;
  guint64     event_id;
} PathContext;

static void
path_in_flight_cb (SwyWire  *wire,
                   SwyEvent *event,
                   gint64    sent_us,
                   gint64    due_us,
                   gpointer  user_data)
{
  PathContext *ctx = user_data;

  if (swy_event_get_id (event) == ctx->event_id)
    g_hash_table_add (ctx->path_wires, wire);
}

/* The wires the selected event crossed, from the trace, and those it is
 * travelling on now, for highlighting. */
static void
update_path (SwyCanvas *self)
{
  guint64 event_id = self->view_state != NULL ? swy_view_state_get_selected_event (self->view_state) : 0;
  PathContext ctx = { self->path_wires, event_id };
  SwyTrace *trace;
  guint n;

  g_hash_table_remove_all (self->path_wires);
  if (event_id != 0 && self->graph != NULL)
    {
      /* A replay's event: its whole recorded path, as its details show it. */
      trace = self->replay != NULL ? swy_replay_get_trace (self->replay) : swy_graph_get_trace (self->graph);
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
      foreach_in_flight (self, path_in_flight_cb, &ctx);
    }
  _swy_canvas_queue_wires_redraw (self);
}

gboolean
_swy_canvas_is_wire_on_path (SwyCanvas *self,
                             SwyWire   *wire)
{
  return g_hash_table_contains (self->path_wires, wire);
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
      g_signal_connect_object (view_state, "noise-changed", G_CALLBACK (_swy_canvas_queue_wires_redraw),
                               self, G_CONNECT_SWAPPED);
    }
  update_path (self);
}

void
_swy_canvas_get_topic_color (const char *topic,
                             GdkRGBA    *rgba)
{
  gdk_rgba_parse (rgba, token_colors[topic_color (topic != NULL ? topic : "")]);
}
