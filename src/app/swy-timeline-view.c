/* swy-timeline-view.c: a sequence diagram of a trace over virtual time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One lane per node (or per node picked), time running to the right, an
 * arrow per delivery from the emitter's lane at the emission to the
 * receiver's lane at the delivery (slanted when the wire is queued), a dot
 * per emission and a cross per drop. The playhead is the graph's virtual
 * now, or the replay's time.
 *
 * The view keeps a compact index of the trace's newest records, read once
 * with swy_trace_peek(), so that drawing and picking never touch GObjects.
 * Marks are drawn into tiles of TILE_PX pixels of time, each a cached cairo
 * render node rebuilt only when its records, the zoom, the lanes or the
 * style change; scrolling moves the tiles. A tile with more marks than the
 * eye can tell apart draws density bars per lane instead. Only the tiles in
 * view are drawn, so the render tree stays small at any trace size
 * (design/performance.md: GTK 4.8's GL renderer aborts on huge trees).
 */

#define G_LOG_DOMAIN "swy-timeline-view"

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "swy-canvas-private.h"
#include "swy-timeline-view.h"

#define GUTTER_WIDTH     128.0
#define AXIS_HEIGHT      26.0
#define LANE_HEIGHT      30.0
#define TILE_PX          256.0
#define TILE_MAX_REACH   2048.0   /* how far left of its tile an arrow may start */
#define TILE_DENSE       512      /* marks in a tile above which it shows density */
#define BIN_PX           4.0
#define PICK_DISTANCE    6.0
#define MAX_ITEMS        200000   /* records indexed: the newest ones */
#define ZOOM_STEP        1.5
#define FOLLOW_AT        0.85     /* where the followed playhead sits in the view */
#define MIN_TICK_PX      90.0

typedef struct
{
  gint64   t;        /* the record's time */
  gint64   t_from;   /* deliveries and drops on a wire: the emission's time */
  guint64  event;
  GQuark   node;     /* emitter for emissions, else where it arrives */
  GQuark   from;     /* deliveries and drops on a wire: the emitter, or 0 */
  GQuark   topic;
  guint8   kind;
} Item;

typedef struct
{
  guint64 event;
  GQuark  node;
} EmitKey;

struct _SwyTimelineView
{
  GtkWidget      parent_instance;

  SwyGraph      *graph;
  SwyReplay     *replay;
  SwyViewState  *view_state;
  SwyTrace      *trace;          /* the graph's, or the replay's */
  char         **lane_filter;

  /* Lanes: visible node ids in graph order. */
  GPtrArray     *lanes;          /* of char*, owned */
  GHashTable    *lane_of;        /* GQuark → lane + 1 */
  GHashTable    *topic_hidden;   /* GQuark → 1 hidden, 2 shown: a cache */

  /* The index: the trace's records numbered first_number.., times ascending. */
  GArray        *items;          /* of Item */
  guint64        first_number;
  GHashTable    *emits;          /* EmitKey → gint64 time of the emission */
  gint64         max_reach;      /* the longest t - t_from seen */
  guint          n_trace_items;

  /* View */
  double         scale;          /* px per µs */
  double         start;          /* µs at the gutter's edge */
  double         lane_offset;    /* px scrolled down */
  gboolean       follow;
  gint64         playhead;
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  gboolean       updating_adjustments;

  GHashTable    *tiles;          /* gint64 tile index → GskRenderNode */
  GHashTable    *dense_tiles;    /* gint64 tile index set */
  GArray        *selected;       /* of guint item index; NULL = not computed */
  guint          tick_id;
  gboolean       index_pending;   /* new records wait for the next frame's tick */

  double         pointer_x;
  double         drag_start_time;
  double         drag_start_offset;
  gboolean       dragged;
};

G_DEFINE_FINAL_TYPE (SwyTimelineView, swy_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_GRAPH,
  PROP_REPLAY,
  PROP_VIEW_STATE,
  PROP_FOLLOW,
  PROP_SCALE,
  PROP_PLAYHEAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void sync_index (SwyTimelineView *self);

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
set_rgba (GdkRGBA    *rgba,
          const char *spec,
          double      alpha)
{
  gdk_rgba_parse (rgba, spec);
  rgba->alpha *= alpha;
}

static void
get_fg_color (SwyTimelineView *self,
              GdkRGBA         *rgba)
{
#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (GTK_WIDGET (self), rgba);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), rgba);
#endif
}

static void
unref_node (gpointer node)
{
  /* Empty tiles are cached as NULL. */
  if (node != NULL)
    gsk_render_node_unref (node);
}

static guint
emit_key_hash (gconstpointer key)
{
  const EmitKey *k = key;

  return g_int64_hash (&k->event) ^ (k->node * 2654435761u);
}

static gboolean
emit_key_equal (gconstpointer a,
                gconstpointer b)
{
  const EmitKey *ka = a, *kb = b;

  return ka->event == kb->event && ka->node == kb->node;
}

/* Geometry */

static double
plot_width (SwyTimelineView *self)
{
  return MAX (0.0, gtk_widget_get_width (GTK_WIDGET (self)) - GUTTER_WIDTH);
}

static double
plot_height (SwyTimelineView *self)
{
  return MAX (0.0, gtk_widget_get_height (GTK_WIDGET (self)) - AXIS_HEIGHT);
}

static double
x_of (SwyTimelineView *self,
      double           t)
{
  return GUTTER_WIDTH + (t - self->start) * self->scale;
}

static double
t_of (SwyTimelineView *self,
      double           x)
{
  return self->start + (x - GUTTER_WIDTH) / self->scale;
}

static double
lane_center (guint lane)
{
  return lane * LANE_HEIGHT + LANE_HEIGHT / 2.0;
}

static double
y_of_lane (SwyTimelineView *self,
           guint            lane)
{
  return AXIS_HEIGHT - self->lane_offset + lane_center (lane);
}

static int
lane_of (SwyTimelineView *self,
         GQuark           node)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->lane_of, GUINT_TO_POINTER (node))) - 1;
}

static double
tile_span (SwyTimelineView *self)
{
  return TILE_PX / self->scale;
}

static gint64
tile_index (SwyTimelineView *self,
            double           t)
{
  return (gint64) floor (t / tile_span (self));
}

/* Index */

static guint
lower_bound (SwyTimelineView *self,
             double           t)
{
  guint low = 0, high = self->items->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (g_array_index (self->items, Item, mid).t < t)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

static gboolean
is_topic_hidden (SwyTimelineView *self,
                 GQuark           topic)
{
  gpointer cached;

  if (self->view_state == NULL)
    return FALSE;

  cached = g_hash_table_lookup (self->topic_hidden, GUINT_TO_POINTER (topic));
  if (cached == NULL)
    {
      gboolean hidden = swy_view_state_is_topic_hidden (self->view_state, g_quark_to_string (topic));

      cached = GINT_TO_POINTER (hidden ? 1 : 2);
      g_hash_table_insert (self->topic_hidden, GUINT_TO_POINTER (topic), cached);
    }

  return cached == GINT_TO_POINTER (1);
}

/* Whether an item is drawn: its lane is shown and its topic is not hidden. */
static gboolean
is_visible (SwyTimelineView *self,
            const Item      *item)
{
  return lane_of (self, item->node) >= 0 && !is_topic_hidden (self, item->topic);
}

static void
clear_tiles (SwyTimelineView *self)
{
  g_hash_table_remove_all (self->tiles);
  g_hash_table_remove_all (self->dense_tiles);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Drops the cached tiles from the one holding @t onwards. */
static void
clear_tiles_from (SwyTimelineView *self,
                  double           t)
{
  gint64 first = tile_index (self, t);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (*(gint64 *) key >= first)
      {
        g_hash_table_remove (self->dense_tiles, key);
        g_hash_table_iter_remove (&iter);
      }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
clear_tiles_until (SwyTimelineView *self,
                   double           t)
{
  gint64 last = tile_index (self, t);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (*(gint64 *) key <= last)
      {
        g_hash_table_remove (self->dense_tiles, key);
        g_hash_table_iter_remove (&iter);
      }
}

static void
forget_selection (SwyTimelineView *self)
{
  g_clear_pointer (&self->selected, g_array_unref);
}

static void
reset_index (SwyTimelineView *self)
{
  g_array_set_size (self->items, 0);
  g_hash_table_remove_all (self->emits);
  self->first_number = 0;
  self->max_reach = 0;
  forget_selection (self);
  clear_tiles (self);
}

/* The emitter of a delivery: the engine says so; an imported trace does
 * not, and then the wire's source in the graph does. */
static GQuark
emitter_of (SwyTimelineView          *self,
            const SwyTraceRecordData *data)
{
  g_autoptr(SwyWire) wire = NULL;
  GListModel *wires;

  if (data->from_node != 0)
    return data->from_node;
  if (data->wire < 0 || self->graph == NULL)
    return 0;

  wires = swy_graph_get_wires (self->graph);
  if ((guint) data->wire >= g_list_model_get_n_items (wires))
    return 0;
  wire = g_list_model_get_item (wires, data->wire);

  return g_quark_from_string (swy_node_get_id (swy_port_get_node (swy_wire_get_from (wire))));
}

static void
add_item (SwyTimelineView          *self,
          const SwyTraceRecordData *data)
{
  Item item = { 0, };

  item.t = item.t_from = data->time;
  item.event = data->event_id;
  item.node = data->node;
  item.topic = data->topic;
  item.kind = data->kind;

  if (data->kind == SWY_TRACE_KIND_EMIT)
    {
      EmitKey *key = g_new (EmitKey, 1);
      gint64 *t = g_new (gint64, 1);

      key->event = data->event_id;
      key->node = data->node;
      *t = data->time;
      g_hash_table_replace (self->emits, key, t);
    }
  else if (data->kind == SWY_TRACE_KIND_DELIVER || data->wire >= 0)
    {
      EmitKey key = { data->event_id, emitter_of (self, data) };
      gint64 *t = g_hash_table_lookup (self->emits, &key);

      item.from = key.node;
      if (t != NULL && *t <= data->time)
        item.t_from = *t;
      self->max_reach = MAX (self->max_reach, item.t - item.t_from);
    }

  g_array_append_val (self->items, item);
}

/* Keeps the emission times of the records indexed, and a little more. */
static void
prune_emits (SwyTimelineView *self)
{
  GHashTableIter iter;
  gpointer value;
  gint64 oldest;

  if (g_hash_table_size (self->emits) <= 2 * MAX_ITEMS || self->items->len == 0)
    return;

  oldest = g_array_index (self->items, Item, 0).t;
  g_hash_table_iter_init (&iter, self->emits);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (*(gint64 *) value < oldest)
      g_hash_table_iter_remove (&iter);
}

static void
drop_front (SwyTimelineView *self,
            guint            n)
{
  n = MIN (n, self->items->len);
  if (n == 0)
    return;

  clear_tiles_until (self, g_array_index (self->items, Item, n - 1).t);
  g_array_remove_range (self->items, 0, n);
  self->first_number += n;
  forget_selection (self);
}

/* Brings the index in line with the trace: oldest records gone from the
 * ring leave, a replay going back truncates, new records are read. */
static void
sync_index (SwyTimelineView *self)
{
  SwyTraceRecordData data;
  guint n = 0;
  guint64 first, end, index_end;
  guint64 from;

  if (self->trace != NULL)
    n = self->replay != NULL ? swy_replay_get_n_shown (self->replay)
                             : g_list_model_get_n_items (G_LIST_MODEL (self->trace));

  if (n == 0 || !swy_trace_peek (self->trace, 0, &data))
    {
      if (self->items->len > 0)
        reset_index (self);
      return;
    }

  first = data.number;
  end = first + n;
  index_end = self->first_number + self->items->len;

  if (self->items->len > 0 && (self->first_number > end || index_end < first))
    reset_index (self);

  if (self->items->len > 0 && index_end > end)
    {
      guint keep = (guint) (end - self->first_number);

      clear_tiles_from (self, g_array_index (self->items, Item, keep).t);
      g_array_set_size (self->items, keep);
      forget_selection (self);
    }
  if (self->items->len > 0 && self->first_number < first)
    drop_front (self, (guint) (first - self->first_number));

  if (self->items->len == 0)
    self->first_number = MAX (first, end - MIN (end - first, MAX_ITEMS));

  from = self->first_number + self->items->len;
  if (from < end)
    {
      gboolean any = FALSE;

      for (guint64 number = from; number < end; number++)
        {
          if (!swy_trace_peek (self->trace, (guint) (number - first), &data))
            break;
          if (!any)
            clear_tiles_from (self, data.time);
          any = TRUE;
          add_item (self, &data);
        }
      forget_selection (self);
    }

  if (self->items->len > MAX_ITEMS)
    drop_front (self, self->items->len - MAX_ITEMS);
  prune_emits (self);
}

static void
trace_items_changed_cb (SwyTimelineView *self,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GListModel      *model)
{
  /* Everything replaced: the trace was cleared (a reset). */
  if (position == 0 && removed > 0 && removed == self->n_trace_items)
    reset_index (self);
  self->n_trace_items = g_list_model_get_n_items (model);

  /* While a run plays, the records are read in the next frame's tick: a
   * redraw asked for here, between frames, would paint a frame of its own
   * that the window's frame pacer cannot hold back (docs/editor.md). */
  if (self->tick_id != 0)
    {
      self->index_pending = TRUE;
      return;
    }

  sync_index (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sync_pending_index (SwyTimelineView *self)
{
  if (!self->index_pending)
    return;

  self->index_pending = FALSE;
  sync_index (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Lanes */

static gboolean
in_filter (SwyTimelineView *self,
           const char      *id)
{
  return self->lane_filter == NULL || g_strv_contains ((const char * const *) self->lane_filter, id);
}

static void
update_vadjustment (SwyTimelineView *self)
{
  double upper = self->lanes->len * LANE_HEIGHT;
  double page = plot_height (self);

  self->lane_offset = CLAMP (self->lane_offset, 0, MAX (0, upper - page));
  self->updating_adjustments = TRUE;
  gtk_adjustment_configure (self->vadjustment, self->lane_offset, 0, upper, LANE_HEIGHT,
                            MAX (page - LANE_HEIGHT, LANE_HEIGHT), page);
  self->updating_adjustments = FALSE;
}

static void
update_lanes (SwyTimelineView *self)
{
  GListModel *nodes = self->graph != NULL ? swy_graph_get_nodes (self->graph) : NULL;
  guint n = nodes != NULL ? g_list_model_get_n_items (nodes) : 0;

  g_ptr_array_set_size (self->lanes, 0);
  g_hash_table_remove_all (self->lane_of);
  g_hash_table_remove_all (self->topic_hidden);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (nodes, i);
      const char *id = swy_node_get_id (node);

      if (!in_filter (self, id) ||
          (self->view_state != NULL && swy_view_state_is_node_hidden (self->view_state, id)))
        continue;

      g_ptr_array_add (self->lanes, g_strdup (id));
      g_hash_table_insert (self->lane_of, GUINT_TO_POINTER (g_quark_from_string (id)),
                           GINT_TO_POINTER (self->lanes->len));
    }

  forget_selection (self);
  clear_tiles (self);
  update_vadjustment (self);
}

static void
noise_changed_cb (SwyTimelineView *self)
{
  update_lanes (self);
}

/* Time, playhead and scrolling */

static double
content_end (SwyTimelineView *self)
{
  double end = self->playhead;

  if (self->items->len > 0)
    end = MAX (end, g_array_index (self->items, Item, self->items->len - 1).t);
  if (self->replay != NULL)
    end = MAX (end, swy_replay_get_end_time (self->replay));

  return end;
}

static double
content_start (SwyTimelineView *self)
{
  return self->items->len > 0 ? MIN (0.0, (double) g_array_index (self->items, Item, 0).t) : 0.0;
}

static void
update_hadjustment (SwyTimelineView *self)
{
  double page = plot_width (self) / self->scale;
  double lower = MIN (content_start (self), self->start);
  double upper = MAX (content_end (self), self->start + page);

  self->updating_adjustments = TRUE;
  gtk_adjustment_configure (self->hadjustment, self->start, lower, upper, page / 10, page * 0.9, page);
  self->updating_adjustments = FALSE;
}

static void
set_start (SwyTimelineView *self,
           double           start)
{
  start = CLAMP (start, content_start (self), MAX (content_start (self), content_end (self)));
  if (self->start == start)
    return;

  self->start = start;
  update_hadjustment (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* While following, the playhead stays in view, near the right edge. */
static void
follow_playhead (SwyTimelineView *self)
{
  double span = plot_width (self) / self->scale;

  if (!self->follow || span <= 0)
    return;

  if (self->playhead > self->start + span * FOLLOW_AT || self->playhead < self->start)
    set_start (self, MAX (0.0, self->playhead - span * FOLLOW_AT));
}

static gint64
source_now (SwyTimelineView *self)
{
  if (self->replay != NULL)
    return swy_replay_get_time (self->replay);
  if (self->graph != NULL)
    return swy_graph_get_now (self->graph);

  return 0;
}

static void
update_playhead (SwyTimelineView *self)
{
  gint64 now = source_now (self);

  if (self->playhead != now)
    {
      self->playhead = now;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYHEAD]);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  follow_playhead (self);
  update_hadjustment (self);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  SwyTimelineView *self = SWY_TIMELINE_VIEW (widget);

  sync_pending_index (self);
  update_playhead (self);

  if (self->graph == NULL || self->replay != NULL || !swy_graph_get_playing (self->graph))
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/* The graph's clock, between frames: while a run plays the frame's tick
 * follows it (see trace_items_changed_cb()). */
static void
now_changed_cb (SwyTimelineView *self)
{
  if (self->tick_id == 0)
    update_playhead (self);
}

/* A live graph's clock runs between batches too: follow it every frame. */
static void
playing_changed_cb (SwyTimelineView *self)
{
  sync_pending_index (self);
  update_playhead (self);
  if (self->tick_id == 0 && self->graph != NULL && self->replay == NULL &&
      swy_graph_get_playing (self->graph))
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
}

static void
hadjustment_changed_cb (SwyTimelineView *self)
{
  if (self->updating_adjustments)
    return;

  swy_timeline_view_set_follow (self, FALSE);
  set_start (self, gtk_adjustment_get_value (self->hadjustment));
}

static void
vadjustment_changed_cb (SwyTimelineView *self)
{
  if (self->updating_adjustments)
    return;

  self->lane_offset = gtk_adjustment_get_value (self->vadjustment);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Scales around the time under @x, which stays put. */
static void
zoom_at (SwyTimelineView *self,
         double           scale,
         double           x)
{
  double t;

  scale = CLAMP (scale, SWY_TIMELINE_MIN_SCALE, SWY_TIMELINE_MAX_SCALE);
  if (scale == self->scale)
    return;

  t = t_of (self, x);
  self->scale = scale;
  clear_tiles (self);
  self->start = t - (x - GUTTER_WIDTH) / scale;
  if (!self->follow)
    self->start = MAX (self->start, content_start (self));
  follow_playhead (self);
  update_hadjustment (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE]);
}

static double
playhead_x_or_center (SwyTimelineView *self)
{
  double x = x_of (self, self->playhead);

  if (self->follow && x >= GUTTER_WIDTH && x <= GUTTER_WIDTH + plot_width (self))
    return x;

  return GUTTER_WIDTH + plot_width (self) / 2;
}

/* Tiles */

/* The canvas's token colours; thin lines on white need them darker. */
static void
topic_color (GQuark   topic,
             GdkRGBA *rgba)
{
  _swy_canvas_get_topic_color (g_quark_to_string (topic), rgba);
  if (!is_dark ())
    {
      rgba->red *= 0.78;
      rgba->green *= 0.78;
      rgba->blue *= 0.78;
    }
}

static void
arrow_head (cairo_t *cr,
            double   x1,
            double   y1,
            double   x2,
            double   y2,
            double   size)
{
  double angle = atan2 (y2 - y1, x2 - x1);

  cairo_move_to (cr, x2, y2);
  cairo_line_to (cr, x2 - size * cos (angle - 0.45), y2 - size * sin (angle - 0.45));
  cairo_line_to (cr, x2 - size * cos (angle + 0.45), y2 - size * sin (angle + 0.45));
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
cross (cairo_t *cr,
       double   x,
       double   y,
       double   r)
{
  cairo_move_to (cr, x - r, y - r);
  cairo_line_to (cr, x + r, y + r);
  cairo_move_to (cr, x + r, y - r);
  cairo_line_to (cr, x - r, y + r);
  cairo_stroke (cr);
}

/* The ends of an item's mark, in the coordinates of a tile or of the
 * widget: @x0 is the x of time @t0, lanes start at @y0. */
static void
mark_points (SwyTimelineView *self,
             const Item      *item,
             double           t0,
             double           x0,
             double           y0,
             double          *x1,
             double          *y1,
             double          *x2,
             double          *y2,
             gboolean        *stub)
{
  int to = lane_of (self, item->node);
  int from = item->from != 0 ? lane_of (self, item->from) : -1;

  *x2 = x0 + (item->t - t0) * self->scale;
  *y2 = y0 + lane_center (to);
  *stub = FALSE;

  if (item->kind == SWY_TRACE_KIND_EMIT || item->from == 0)
    {
      *x1 = *x2;
      *y1 = *y2;
    }
  else if (from < 0)
    {
      /* The emitter's lane is not shown: a short arrow from above. */
      *x1 = *x2 - 4;
      *y1 = *y2 - LANE_HEIGHT * 0.45;
      *stub = TRUE;
    }
  else
    {
      *x1 = x0 + (item->t_from - t0) * self->scale;
      *y1 = y0 + lane_center (from);
    }
}

static void
draw_item (SwyTimelineView *self,
           cairo_t         *cr,
           const Item      *item,
           double           t0,
           gboolean         selected)
{
  double x1, y1, x2, y2;
  gboolean stub;
  GdkRGBA color;

  mark_points (self, item, t0, 0, 0, &x1, &y1, &x2, &y2, &stub);

  if (selected)
    set_rgba (&color, is_dark () ? "#78aeed" : "#1c71d8", 1.0);
  else if (item->kind == SWY_TRACE_KIND_DROP)
    set_rgba (&color, is_dark () ? "#ff7b63" : "#c01c28", 1.0);
  else
    {
      topic_color (item->topic, &color);
      color.alpha = 0.85;
    }
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, selected ? 3.0 : 1.5);

  switch ((SwyTraceKind) item->kind)
    {
    case SWY_TRACE_KIND_EMIT:
      cairo_arc (cr, x2, y2, selected ? 4.5 : 3.0, 0, 2 * G_PI);
      cairo_fill (cr);
      break;

    case SWY_TRACE_KIND_DELIVER:
      cairo_move_to (cr, x1, y1);
      cairo_line_to (cr, x2, y2);
      cairo_stroke (cr);
      if (fabs (y2 - y1) > 1 || fabs (x2 - x1) > 1)
        arrow_head (cr, x1, y1, x2, y2, selected ? 9.0 : 7.0);
      break;

    case SWY_TRACE_KIND_DROP:
      if (x1 != x2 || y1 != y2)
        {
          static const double dash[] = { 3.0, 3.0 };

          cairo_save (cr);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_move_to (cr, x1, y1);
          cairo_line_to (cr, x2, y2);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      cairo_set_line_width (cr, selected ? 3.0 : 2.0);
      cross (cr, x2, y2, selected ? 5.5 : 4.5);
      break;

    default:
      break;
    }
}

/* Busier than the eye can follow: per lane, one bar per BIN_PX pixels,
 * as tall as the logarithm of its count: traffic up from the lane's
 * bottom, drops in red down from its top. */
static void
draw_density (SwyTimelineView *self,
              cairo_t         *cr,
              guint            first,
              guint            last,
              double           t0)
{
  guint n_bins = (guint) (TILE_PX / BIN_PX);
  guint n_lanes = self->lanes->len;
  g_autofree guint *counts = g_new0 (guint, (gsize) n_bins * n_lanes * 2);
  guint max = 1;
  GdkRGBA traffic, drops;

  for (guint i = first; i < last; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      guint bin;
      int lane;

      if (!is_visible (self, item))
        continue;
      lane = lane_of (self, item->node);
      bin = MIN ((guint) ((item->t - t0) * self->scale / BIN_PX), n_bins - 1);
      counts[((gsize) lane * n_bins + bin) * 2 + (item->kind == SWY_TRACE_KIND_DROP)]++;
    }
  for (gsize i = 0; i < (gsize) n_bins * n_lanes * 2; i++)
    max = MAX (max, counts[i]);

  set_rgba (&traffic, is_dark () ? "#78aeed" : "#1c71d8", 0.8);
  set_rgba (&drops, is_dark () ? "#ff7b63" : "#c01c28", 0.9);
  for (guint lane = 0; lane < n_lanes; lane++)
    for (guint bin = 0; bin < n_bins; bin++)
      for (guint drop = 0; drop < 2; drop++)
        {
          guint count = counts[((gsize) lane * n_bins + bin) * 2 + drop];
          double h;

          if (count == 0)
            continue;
          h = (drop ? 0.4 : 1.0) * (LANE_HEIGHT - 8) * log2 (1.0 + count) / log2 (1.0 + max);
          h = MAX (h, 2.0);
          gdk_cairo_set_source_rgba (cr, drop ? &drops : &traffic);
          if (drop)
            cairo_rectangle (cr, bin * BIN_PX, lane * LANE_HEIGHT + 3, BIN_PX - 1, h);
          else
            cairo_rectangle (cr, bin * BIN_PX, lane * LANE_HEIGHT + LANE_HEIGHT - 4 - h, BIN_PX - 1, h);
          cairo_fill (cr);
        }
}

static GskRenderNode *
build_tile (SwyTimelineView *self,
            gint64           index)
{
  double t0 = index * tile_span (self);
  double t1 = t0 + tile_span (self);
  double height = self->lanes->len * LANE_HEIGHT;
  double reach = MIN (self->max_reach * self->scale + 8, TILE_MAX_REACH);
  guint first = lower_bound (self, t0);
  guint last = lower_bound (self, t1);
  g_autoptr(GtkSnapshot) snapshot = NULL;
  guint n_visible = 0;
  cairo_t *cr;

  if (first == last || height <= 0)
    return NULL;

  for (guint i = first; i < last && n_visible <= TILE_DENSE; i++)
    if (is_visible (self, &g_array_index (self->items, Item, i)))
      n_visible++;
  if (n_visible == 0)
    return NULL;

  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (-reach, 0, TILE_PX + reach + 8, height));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  if (n_visible > TILE_DENSE)
    {
      g_hash_table_add (self->dense_tiles, g_memdup2 (&index, sizeof index));
      draw_density (self, cr, first, last, t0);
    }
  else
    {
      for (guint i = first; i < last; i++)
        {
          const Item *item = &g_array_index (self->items, Item, i);

          if (is_visible (self, item))
            draw_item (self, cr, item, t0, FALSE);
        }
    }
  cairo_destroy (cr);

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static GArray *
selected_items (SwyTimelineView *self)
{
  guint64 event = self->view_state != NULL ? swy_view_state_get_selected_event (self->view_state) : 0;

  if (self->selected != NULL)
    return self->selected;

  self->selected = g_array_new (FALSE, FALSE, sizeof (guint));
  if (event == 0)
    return self->selected;

  for (guint i = 0; i < self->items->len; i++)
    if (g_array_index (self->items, Item, i).event == event &&
        is_visible (self, &g_array_index (self->items, Item, i)))
      g_array_append_val (self->selected, i);

  return self->selected;
}

/* Snapshot */

static PangoLayout *
create_layout (SwyTimelineView *self,
               const char      *text,
               gboolean         small,
               double           width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
      pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  return layout;
}

static void
append_text (SwyTimelineView *self,
             GtkSnapshot     *snapshot,
             const char      *text,
             gboolean         small,
             double           x,
             double           y,
             double           width,
             const GdkRGBA   *color)
{
  g_autoptr(PangoLayout) layout = create_layout (self, text, small, width);
  int h;

  pango_layout_get_pixel_size (layout, NULL, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y - h / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* A step of 1, 2 or 5 × 10^k µs that puts ticks at least MIN_TICK_PX apart. */
static double
tick_step (SwyTimelineView *self)
{
  double min = MIN_TICK_PX / self->scale;
  double step = pow (10, floor (log10 (min)));

  if (step < min)
    step *= 2;
  if (step < min)
    step *= 2.5;
  if (step < min)
    step *= 2;

  return MAX (step, 1.0);
}

/* In the unit of the step: seconds from 100 ms on, milliseconds from 100 µs. */
static char *
format_time (double t,
             double step)
{
  if (step >= 100000)
    /* Translators: seconds of virtual time on the timeline's axis */
    return g_strdup_printf (_("%.*f s"), fmod (step, G_USEC_PER_SEC) == 0 ? 0 : 1, t / G_USEC_PER_SEC);
  if (step >= 100)
    /* Translators: milliseconds of virtual time on the timeline's axis */
    return g_strdup_printf (_("%.*f ms"), fmod (step, 1000) == 0 ? 0 : 1, t / 1000);

  /* Translators: microseconds of virtual time on the timeline's axis */
  return g_strdup_printf (_("%.0f µs"), t);
}

static void
snapshot_grid (SwyTimelineView *self,
               GtkSnapshot     *snapshot,
               const GdkRGBA   *fg)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double step = tick_step (self);
  double first = ceil (t_of (self, GUTTER_WIDTH) / step) * step;
  GdkRGBA line = *fg, text = *fg, stripe = *fg;

  line.alpha = 0.1;
  text.alpha = 0.7;
  stripe.alpha = 0.035;

  /* Every other lane is tinted, so that a lane reads across. */
  for (guint lane = 0; lane < self->lanes->len; lane++)
    {
      double y = y_of_lane (self, lane) - LANE_HEIGHT / 2;

      if (lane % 2 == 1 && y + LANE_HEIGHT > AXIS_HEIGHT && y < height)
        gtk_snapshot_append_color (snapshot, &stripe,
                                   &GRAPHENE_RECT_INIT (GUTTER_WIDTH, y, width - GUTTER_WIDTH, LANE_HEIGHT));
    }

  for (double t = first; x_of (self, t) < width; t += step)
    {
      g_autofree char *label = format_time (t, step);
      double x = round (x_of (self, t));

      if (t < 0)
        continue;
      gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (x, AXIS_HEIGHT - 5, 1, height));
      /* A label that would be cut by the edge is left out. */
      if (x + 4 + MIN_TICK_PX * 0.6 <= width)
        append_text (self, snapshot, label, TRUE, x + 4, AXIS_HEIGHT / 2, -1, &text);
    }

  line.alpha = 0.15;
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, AXIS_HEIGHT - 1, width, 1));
}

static void
snapshot_tiles (SwyTimelineView *self,
                GtkSnapshot     *snapshot)
{
  double width = plot_width (self);
  gint64 first = tile_index (self, t_of (self, GUTTER_WIDTH));
  gint64 last = tile_index (self, t_of (self, GUTTER_WIDTH + width));
  GHashTableIter iter;
  gpointer key;

  /* Tiles out of view are forgotten; the rest are built once. */
  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (*(gint64 *) key < first || *(gint64 *) key > last + 1)
      {
        g_hash_table_remove (self->dense_tiles, key);
        g_hash_table_iter_remove (&iter);
      }

  for (gint64 index = first; index <= last + 1; index++)
    {
      GskRenderNode *node;

      if (!g_hash_table_lookup_extended (self->tiles, &index, NULL, (gpointer *) &node))
        {
          node = build_tile (self, index);
          g_hash_table_insert (self->tiles, g_memdup2 (&index, sizeof index), node);
        }
      if (node == NULL)
        continue;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x_of (self, index * tile_span (self)),
                                                              AXIS_HEIGHT - self->lane_offset));
      gtk_snapshot_append_node (snapshot, node);
      gtk_snapshot_restore (snapshot);
    }
}

static void
snapshot_selection (SwyTimelineView *self,
                    GtkSnapshot     *snapshot)
{
  GArray *selected = selected_items (self);
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  cairo_t *cr;

  if (selected->len == 0)
    return;

  /* Drawn in widget coordinates: the few marks of one event. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (GUTTER_WIDTH, AXIS_HEIGHT,
                                                                  width - GUTTER_WIDTH,
                                                                  height - AXIS_HEIGHT));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_translate (cr, x_of (self, self->start), AXIS_HEIGHT - self->lane_offset);
  for (guint i = 0; i < selected->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, g_array_index (selected, guint, i));

      draw_item (self, cr, item, self->start, TRUE);
    }
  cairo_destroy (cr);
}

static void
snapshot_playhead (SwyTimelineView *self,
                   GtkSnapshot     *snapshot,
                   const GdkRGBA   *fg)
{
  double x = round (x_of (self, self->playhead));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  GdkRGBA color;
  cairo_t *cr;

  if (x < GUTTER_WIDTH - 1 || x > gtk_widget_get_width (GTK_WIDGET (self)) + 1)
    return;

  set_rgba (&color, is_dark () ? "#ffa348" : "#e66100", 1.0);
  gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x - 1, AXIS_HEIGHT - 6, 2, height));

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x - 6, AXIS_HEIGHT - 8, 12, 8));
  cairo_move_to (cr, x - 6, AXIS_HEIGHT - 8);
  cairo_line_to (cr, x + 6, AXIS_HEIGHT - 8);
  cairo_line_to (cr, x, AXIS_HEIGHT - 1);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_fill (cr);
  cairo_destroy (cr);
}

static void
snapshot_gutter (SwyTimelineView *self,
                 GtkSnapshot     *snapshot,
                 const GdkRGBA   *fg)
{
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  GdkRGBA background, line = *fg, text = *fg;

  set_rgba (&background, is_dark () ? "#303030" : "#f6f5f4", 1.0);
  line.alpha = 0.15;
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, GUTTER_WIDTH, height));
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (GUTTER_WIDTH - 1, 0, 1, height));

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, AXIS_HEIGHT, GUTTER_WIDTH, height - AXIS_HEIGHT));
  for (guint lane = 0; lane < self->lanes->len; lane++)
    {
      double y = y_of_lane (self, lane);

      if (y + LANE_HEIGHT / 2 < AXIS_HEIGHT || y - LANE_HEIGHT / 2 > height)
        continue;
      append_text (self, snapshot, g_ptr_array_index (self->lanes, lane), FALSE, 12, y,
                   GUTTER_WIDTH - 20, &text);
    }
  gtk_snapshot_pop (snapshot);
}

static void
snapshot_empty (SwyTimelineView *self,
                GtkSnapshot     *snapshot,
                const GdkRGBA   *fg)
{
  const char *message;
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA dim = *fg;
  int w, h;

  if (self->graph == NULL || g_list_model_get_n_items (swy_graph_get_nodes (self->graph)) == 0)
    message = _("No nodes to show");
  else if (self->lanes->len == 0)
    message = _("Every node is hidden");
  else if (self->items->len == 0)
    message = _("Run the graph to see events travel");
  else
    return;

  dim.alpha = 0.55;
  layout = create_layout (self, message, FALSE, -1);
  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (GUTTER_WIDTH + (plot_width (self) - w) / 2,
                                                AXIS_HEIGHT + (plot_height (self) - h) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &dim);
  gtk_snapshot_restore (snapshot);
}

static void
swy_timeline_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  SwyTimelineView *self = SWY_TIMELINE_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  GdkRGBA fg;

  if (width <= GUTTER_WIDTH || height <= AXIS_HEIGHT)
    return;

  get_fg_color (self, &fg);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (GUTTER_WIDTH, 0, width - GUTTER_WIDTH, height));
  snapshot_grid (self, snapshot, &fg);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (GUTTER_WIDTH, AXIS_HEIGHT,
                                                         width - GUTTER_WIDTH, height - AXIS_HEIGHT));
  snapshot_tiles (self, snapshot);
  snapshot_selection (self, snapshot);
  gtk_snapshot_pop (snapshot);
  snapshot_playhead (self, snapshot, &fg);
  gtk_snapshot_pop (snapshot);

  snapshot_gutter (self, snapshot, &fg);
  snapshot_empty (self, snapshot, &fg);
}

static void
swy_timeline_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  SwyTimelineView *self = SWY_TIMELINE_VIEW (widget);

  update_vadjustment (self);
  follow_playhead (self);
  update_hadjustment (self);
}

static void
swy_timeline_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  SwyTimelineView *self = SWY_TIMELINE_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = (int) GUTTER_WIDTH + 120;
      *natural = (int) GUTTER_WIDTH + 600;
    }
  else
    {
      *minimum = (int) (AXIS_HEIGHT + 2 * LANE_HEIGHT);
      *natural = (int) (AXIS_HEIGHT + MAX (self->lanes->len, 3) * LANE_HEIGHT);
    }
}

/* Input */

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           SwyTimelineView          *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double x = self->pointer_x >= GUTTER_WIDTH ? self->pointer_x : GUTTER_WIDTH + plot_width (self) / 2;

  if (state & GDK_CONTROL_MASK)
    {
      zoom_at (self, self->scale * pow (ZOOM_STEP, -dy), x);
      return TRUE;
    }

  if (state & GDK_SHIFT_MASK)
    {
      gtk_adjustment_set_value (self->vadjustment, self->lane_offset + (dy + dx) * LANE_HEIGHT);
      return TRUE;
    }

  /* The wheel and horizontal swipes move through time. */
  swy_timeline_view_set_follow (self, FALSE);
  set_start (self, self->start + (dx + dy) * 40.0 / self->scale);

  return TRUE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SwyTimelineView          *self)
{
  self->pointer_x = x;
}

static void
drag_begin_cb (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               SwyTimelineView *self)
{
  self->drag_start_time = self->start;
  self->drag_start_offset = self->lane_offset;
  self->dragged = FALSE;
}

static void
drag_update_cb (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                SwyTimelineView *self)
{
  if (!self->dragged && hypot (dx, dy) < 4)
    return;

  self->dragged = TRUE;
  swy_timeline_view_set_follow (self, FALSE);
  set_start (self, self->drag_start_time - dx / self->scale);
  gtk_adjustment_set_value (self->vadjustment, self->drag_start_offset - dy);
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             SwyTimelineView *self)
{
  if (self->dragged || self->view_state == NULL || x < GUTTER_WIDTH || y < AXIS_HEIGHT)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  swy_view_state_set_selected_event (self->view_state, swy_timeline_view_pick (self, x, y));
}

static double
distance_to_segment (double px,
                     double py,
                     double x1,
                     double y1,
                     double x2,
                     double y2)
{
  double dx = x2 - x1, dy = y2 - y1;
  double length2 = dx * dx + dy * dy;
  double u = length2 > 0 ? CLAMP (((px - x1) * dx + (py - y1) * dy) / length2, 0.0, 1.0) : 0.0;

  return hypot (px - (x1 + u * dx), py - (y1 + u * dy));
}

static gboolean
query_tooltip_cb (SwyTimelineView *self,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip)
{
  guint64 event;
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;

  if (keyboard)
    return FALSE;

  event = swy_timeline_view_pick (self, x, y);
  if (event == 0)
    return FALSE;

  id = g_strdup_printf ("%" G_GUINT64_FORMAT, event);
  /* Translators: a tooltip on the timeline; the id of the event under the pointer */
  text = g_strdup_printf (_("Event %s — click to select"), id);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

/* Keys: the arrows scroll a tenth of the view, Home goes to the start, End
 * follows the playhead, plus and minus zoom. */
static gboolean
scroll_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  SwyTimelineView *self = SWY_TIMELINE_VIEW (widget);
  int direction = g_variant_get_int32 (args);

  swy_timeline_view_set_follow (self, FALSE);
  set_start (self, self->start + direction * 0.1 * plot_width (self) / self->scale);

  return TRUE;
}

static gboolean
home_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  swy_timeline_view_set_start (SWY_TIMELINE_VIEW (widget), 0);

  return TRUE;
}

static gboolean
end_key_cb (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  swy_timeline_view_set_follow (SWY_TIMELINE_VIEW (widget), TRUE);

  return TRUE;
}

static gboolean
zoom_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  if (g_variant_get_int32 (args) > 0)
    swy_timeline_view_zoom_in (SWY_TIMELINE_VIEW (widget));
  else
    swy_timeline_view_zoom_out (SWY_TIMELINE_VIEW (widget));

  return TRUE;
}

/* GObject */

static void
disconnect_sources (SwyTimelineView *self)
{
  if (self->trace != NULL)
    g_signal_handlers_disconnect_by_data (self->trace, self);
  if (self->replay != NULL)
    g_signal_handlers_disconnect_by_data (self->replay, self);
  if (self->graph != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->graph, self);
      g_signal_handlers_disconnect_by_data (swy_graph_get_nodes (self->graph), self);
    }
  g_clear_object (&self->trace);
}

/* The records come from the replay when there is one, else from the graph. */
static void
connect_sources (SwyTimelineView *self)
{
  if (self->replay != NULL)
    {
      g_set_object (&self->trace, swy_replay_get_trace (self->replay));
      g_signal_connect_swapped (self->replay, "items-changed", G_CALLBACK (trace_items_changed_cb), self);
      g_signal_connect_swapped (self->replay, "notify::time", G_CALLBACK (update_playhead), self);
      self->n_trace_items = swy_replay_get_n_shown (self->replay);
    }
  else if (self->graph != NULL)
    {
      g_set_object (&self->trace, swy_graph_get_trace (self->graph));
      g_signal_connect_swapped (self->trace, "items-changed", G_CALLBACK (trace_items_changed_cb), self);
      g_signal_connect_swapped (self->graph, "notify::now", G_CALLBACK (now_changed_cb), self);
      g_signal_connect_swapped (self->graph, "notify::playing", G_CALLBACK (playing_changed_cb), self);
      self->n_trace_items = g_list_model_get_n_items (G_LIST_MODEL (self->trace));
    }

  if (self->graph != NULL)
    g_signal_connect_swapped (swy_graph_get_nodes (self->graph), "items-changed",
                              G_CALLBACK (update_lanes), self);
}

static void
reconnect (SwyTimelineView *self)
{
  disconnect_sources (self);
  connect_sources (self);
  reset_index (self);
  update_lanes (self);
  sync_index (self);
  update_playhead (self);
  playing_changed_cb (self);
}

/* Linked selection: an event selected elsewhere (the log, the canvas) is
 * brought into view when none of its marks is in view. */
static void
selected_event_changed_cb (SwyTimelineView *self)
{
  double span = plot_width (self) / self->scale;
  double end = self->start + span;
  GArray *selected;
  double first, last;

  forget_selection (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  selected = selected_items (self);
  if (selected->len == 0 || span <= 0)
    return;

  first = g_array_index (self->items, Item, g_array_index (selected, guint, 0)).t_from;
  last = g_array_index (self->items, Item, g_array_index (selected, guint, selected->len - 1)).t;
  if (last >= self->start && first <= end)
    return;

  swy_timeline_view_set_follow (self, FALSE);
  set_start (self, MAX (content_start (self), (first + last) / 2 - span / 2));
}

static void
style_changed_cb (SwyTimelineView *self)
{
  clear_tiles (self);
}

static void
swy_timeline_view_dispose (GObject *object)
{
  SwyTimelineView *self = SWY_TIMELINE_VIEW (object);

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  disconnect_sources (self);
  g_clear_object (&self->graph);
  g_clear_object (&self->replay);
  if (self->view_state != NULL)
    g_signal_handlers_disconnect_by_data (self->view_state, self);
  g_clear_object (&self->view_state);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_hash_table_remove_all (self->tiles);

  G_OBJECT_CLASS (swy_timeline_view_parent_class)->dispose (object);
}

static void
swy_timeline_view_finalize (GObject *object)
{
  SwyTimelineView *self = SWY_TIMELINE_VIEW (object);

  g_clear_pointer (&self->lane_filter, g_strfreev);
  g_clear_pointer (&self->lanes, g_ptr_array_unref);
  g_clear_pointer (&self->lane_of, g_hash_table_unref);
  g_clear_pointer (&self->topic_hidden, g_hash_table_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->emits, g_hash_table_unref);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  g_clear_pointer (&self->dense_tiles, g_hash_table_unref);
  forget_selection (self);

  G_OBJECT_CLASS (swy_timeline_view_parent_class)->finalize (object);
}

static void
swy_timeline_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SwyTimelineView *self = SWY_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_GRAPH:
      g_value_set_object (value, self->graph);
      break;

    case PROP_REPLAY:
      g_value_set_object (value, self->replay);
      break;

    case PROP_VIEW_STATE:
      g_value_set_object (value, self->view_state);
      break;

    case PROP_FOLLOW:
      g_value_set_boolean (value, self->follow);
      break;

    case PROP_SCALE:
      g_value_set_double (value, self->scale);
      break;

    case PROP_PLAYHEAD:
      g_value_set_int64 (value, self->playhead);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_timeline_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SwyTimelineView *self = SWY_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_GRAPH:
      swy_timeline_view_set_graph (self, g_value_get_object (value));
      break;

    case PROP_REPLAY:
      swy_timeline_view_set_replay (self, g_value_get_object (value));
      break;

    case PROP_VIEW_STATE:
      swy_timeline_view_set_view_state (self, g_value_get_object (value));
      break;

    case PROP_FOLLOW:
      swy_timeline_view_set_follow (self, g_value_get_boolean (value));
      break;

    case PROP_SCALE:
      swy_timeline_view_set_scale (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_timeline_view_class_init (SwyTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = swy_timeline_view_dispose;
  object_class->finalize = swy_timeline_view_finalize;
  object_class->get_property = swy_timeline_view_get_property;
  object_class->set_property = swy_timeline_view_set_property;

  widget_class->snapshot = swy_timeline_view_snapshot;
  widget_class->size_allocate = swy_timeline_view_size_allocate;
  widget_class->measure = swy_timeline_view_measure;

  properties[PROP_GRAPH] =
    g_param_spec_object ("graph", NULL, NULL, SWY_TYPE_GRAPH,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_REPLAY] =
    g_param_spec_object ("replay", NULL, NULL, SWY_TYPE_REPLAY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VIEW_STATE] =
    g_param_spec_object ("view-state", NULL, NULL, SWY_TYPE_VIEW_STATE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FOLLOW] =
    g_param_spec_boolean ("follow", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SCALE] =
    g_param_spec_double ("scale", NULL, NULL,
                         SWY_TIMELINE_MIN_SCALE, SWY_TIMELINE_MAX_SCALE, SWY_TIMELINE_DEFAULT_SCALE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PLAYHEAD] =
    g_param_spec_int64 ("playhead", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, scroll_key_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, scroll_key_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, home_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_End, 0, end_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_plus, 0, zoom_key_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_equal, 0, zoom_key_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Add, 0, zoom_key_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_minus, 0, zoom_key_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Subtract, 0, zoom_key_cb, "i", -1);

  gtk_widget_class_set_css_name (widget_class, "swy-timeline-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
swy_timeline_view_init (SwyTimelineView *self)
{
  GtkEventController *scroll, *motion;
  GtkGesture *drag, *click;

  self->lanes = g_ptr_array_new_with_free_func (g_free);
  self->lane_of = g_hash_table_new (NULL, NULL);
  self->topic_hidden = g_hash_table_new (NULL, NULL);
  self->items = g_array_new (FALSE, FALSE, sizeof (Item));
  self->emits = g_hash_table_new_full (emit_key_hash, emit_key_equal, g_free, g_free);
  self->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, unref_node);
  self->dense_tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->scale = SWY_TIMELINE_DEFAULT_SCALE;
  self->follow = TRUE;
  self->hadjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 1, 1, 1, 1));
  self->vadjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 1, 1, 1, 1));
  g_signal_connect_swapped (self->hadjustment, "value-changed", G_CALLBACK (hadjustment_changed_cb), self);
  g_signal_connect_swapped (self->vadjustment, "value-changed", G_CALLBACK (vadjustment_changed_cb), self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline of events"),
                                  -1);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
swy_timeline_view_new (void)
{
  return g_object_new (SWY_TYPE_TIMELINE_VIEW, NULL);
}

SwyGraph *
swy_timeline_view_get_graph (SwyTimelineView *self)
{
  g_return_val_if_fail (SWY_IS_TIMELINE_VIEW (self), NULL);

  return self->graph;
}

/**
 * swy_timeline_view_set_graph:
 * @self: a timeline view
 * @graph: (nullable): the graph whose nodes are the lanes, and whose trace
 *   and clock the view shows unless a replay is set
 */
void
swy_timeline_view_set_graph (SwyTimelineView *self,
                             SwyGraph        *graph)
{
  g_return_if_fail (SWY_IS_TIMELINE_VIEW (self));
  g_return_if_fail (graph == NULL || SWY_IS_GRAPH (graph));

  if (self->graph == graph)
    return;

  disconnect_sources (self);
  g_set_object (&self->graph, graph);
  reconnect (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRAPH]);
}

SwyReplay *
swy_timeline_view_get_replay (SwyTimelineView *self)
{
  g_return_val_if_fail (SWY_IS_TIMELINE_VIEW (self), NULL);

  return self->replay;
}

/**
 * swy_timeline_view_set_replay:
 * @self: a timeline view
 * @replay: (nullable): a replay to show instead of the graph's own trace
 *
 * Shows the records of @replay up to its time, with its time as playhead,
 * and its graph's nodes as lanes. `NULL` goes back to the graph's trace.
 */
void
swy_timeline_view_set_replay (SwyTimelineView *self,
                              SwyReplay       *replay)
{
  g_return_if_fail (SWY_IS_TIMELINE_VIEW (self));
  g_return_if_fail (replay == NULL || SWY_IS_REPLAY (replay));

  if (self->replay == replay)
    return;

  disconnect_sources (self);
  g_set_object (&self->replay, replay);
  if (replay != NULL)
    g_set_object (&self->graph, swy_replay_get_graph (replay));
  reconnect (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPLAY]);
}

SwyViewState *
swy_timeline_view_get_view_state (SwyTimelineView *self)
{
  g_return_val_if_fail (SWY_IS_TIMELINE_VIEW (self), NULL);

  return self->view_state;
}

/**
 * swy_timeline_view_set_view_state:
 * @self: a timeline view
 * @view_state: (nullable): the window's shared view state: the selected
 *   event is highlighted and clicks select; hidden nodes and topics are
 *   left out
 */
void
swy_timeline_view_set_view_state (SwyTimelineView *self,
                                  SwyViewState    *view_state)
{
  g_return_if_fail (SWY_IS_TIMELINE_VIEW (self));

  if (self->view_state == view_state)
    return;

  if (self->view_state != NULL)
    g_signal_handlers_disconnect_by_data (self->view_state, self);
  g_set_object (&self->view_state, view_state);
  if (view_state != NULL)
    {
      g_signal_connect_swapped (view_state, "noise-changed", G_CALLBACK (noise_changed_cb), self);
      g_signal_connect_swapped (view_state, "notify::selected-event",
                                G_CALLBACK (selected_event_changed_cb), self);
    }

  update_lanes (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW_STATE]);
}

/**
 * swy_timeline_view_get_lane_filter:
 * @self: a timeline view
 *
 * Returns: (nullable) (transfer none): the ids of the nodes picked for
 *   lanes, or `NULL` for every node
 */
const char * const *
swy_timeline_view_get_lane_filter (SwyTimelineView *self)
{
  g_return_val_if_fail (SWY_IS_TIMELINE_VIEW (self), NULL);

  return (const char * const *) self->lane_filter;
}

/**
 * swy_timeline_view_set_lane_filter:
 * @self: a timeline view
 * @node_ids: (nullable) (array zero-terminated=1): the nodes to give a
 *   lane, or `NULL` for every node
 *
 * Picks the lanes. Nodes hidden in the view state get no lane either way.
 */
void
swy_timeline_view_set_lane_filter (SwyTimelineView     *self,
                                   const char * const  *node_ids)
{
  g_return_if_fail (SWY_IS_TIMELINE_VIEW (self));

  g_clear_pointer (&self->lane_filter, g_strfreev);
  self->lane_filter = g_strdupv ((char **) node_ids);
  update_lanes (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

gboolean
swy_timeline_view_get_follow (SwyTimelineView *self)
{
  g_return_val_if_fail (SWY_IS_TIMELINE_VIEW (self), FALSE);

  return self->follow;
}

/**
 * swy_timeline_view_set_follow:
 * @self: a timeline view
 * @follow: whether the view scrolls to keep the playhead in sight
 *
 * Scrolling or dragging back in time stops following.
 */
void
swy_timeline_view_set_follow (SwyTimelineView *self,
                              gboolean         follow)
{
  g_return_if_fail (SWY_IS_TIMELINE_VIEW (self));

  follow = !!follow;
  if (self->follow == follow)
    return;

  self->follow = follow;
  follow_playhead (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOW]);
}

double
swy_timeline_view_get_scale (SwyTimelineView *self)
{
  g_return_val_if_fail (SWY_IS_TIMELINE_VIEW (self), SWY_TIMELINE_DEFAULT_SCALE);

  return self->scale;
}

/**
 * swy_timeline_view_set_scale:
 * @self: a timeline view
 * @scale: pixels per microsecond of virtual time
 *
 * Zooms around the playhead when it is in view and followed, else around
 * the middle of the view.
 */
void
swy_timeline_view_set_scale (SwyTimelineView *self,
                             double           scale)
{
  g_return_if_fail (SWY_IS_TIMELINE_VIEW (self));

  zoom_at (self, scale, playhead_x_or_center (self));
}

void
swy_timeline_view_zoom_in (SwyTimelineView *self)
{
  g_return_if_fail (SWY_IS_TIMELINE_VIEW (self));

  swy_timeline_view_set_scale (self, self->scale * ZOOM_STEP);
}

void
swy_timeline_view_zoom_out (SwyTimelineView *self)
{
  g_return_if_fail (SWY_IS_TIMELINE_VIEW (self));

  swy_timeline_view_set_scale (self, self->scale / ZOOM_STEP);
}

/**
 * swy_timeline_view_zoom_to_fit:
 * @self: a timeline view
 *
 * Shows everything from time 0 to the playhead (or the last record).
 */
void
swy_timeline_view_zoom_to_fit (SwyTimelineView *self)
{
  double width;
  double span;

  g_return_if_fail (SWY_IS_TIMELINE_VIEW (self));

  width = plot_width (self);
  span = content_end (self) - content_start (self);
  if (width <= 0 || span <= 0)
    return;

  self->scale = CLAMP ((width - 24) / span, SWY_TIMELINE_MIN_SCALE, SWY_TIMELINE_MAX_SCALE);
  clear_tiles (self);
  self->start = content_start (self);
  update_hadjustment (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE]);
}

/**
 * swy_timeline_view_get_start:
 * @self: a timeline view
 *
 * Returns: the virtual time at the left edge of the lanes, in µs
 */
gint64
swy_timeline_view_get_start (SwyTimelineView *self)
{
  g_return_val_if_fail (SWY_IS_TIMELINE_VIEW (self), 0);

  return (gint64) floor (self->start);
}

/**
 * swy_timeline_view_get_end:
 * @self: a timeline view
 *
 * Returns: the virtual time at the right edge, in µs
 */
gint64
swy_timeline_view_get_end (SwyTimelineView *self)
{
  g_return_val_if_fail (SWY_IS_TIMELINE_VIEW (self), 0);

  return (gint64) ceil (t_of (self, GUTTER_WIDTH + plot_width (self)));
}

/**
 * swy_timeline_view_set_start:
 * @self: a timeline view
 * @start_us: the virtual time to show at the left edge
 *
 * Scrolls in time, and stops following the playhead.
 */
void
swy_timeline_view_set_start (SwyTimelineView *self,
                             gint64           start_us)
{
  g_return_if_fail (SWY_IS_TIMELINE_VIEW (self));

  swy_timeline_view_set_follow (self, FALSE);
  set_start (self, start_us);
}

gint64
swy_timeline_view_get_playhead (SwyTimelineView *self)
{
  g_return_val_if_fail (SWY_IS_TIMELINE_VIEW (self), 0);

  return self->playhead;
}

/**
 * swy_timeline_view_get_hadjustment:
 * @self: a timeline view
 *
 * Returns: (transfer none): the adjustment of time, in µs, for a scrollbar
 */
GtkAdjustment *
swy_timeline_view_get_hadjustment (SwyTimelineView *self)
{
  g_return_val_if_fail (SWY_IS_TIMELINE_VIEW (self), NULL);

  return self->hadjustment;
}

/**
 * swy_timeline_view_get_vadjustment:
 * @self: a timeline view
 *
 * Returns: (transfer none): the adjustment of the lanes, in pixels
 */
GtkAdjustment *
swy_timeline_view_get_vadjustment (SwyTimelineView *self)
{
  g_return_val_if_fail (SWY_IS_TIMELINE_VIEW (self), NULL);

  return self->vadjustment;
}

guint
swy_timeline_view_get_n_lanes (SwyTimelineView *self)
{
  g_return_val_if_fail (SWY_IS_TIMELINE_VIEW (self), 0);

  return self->lanes->len;
}

const char *
swy_timeline_view_get_lane_id (SwyTimelineView *self,
                               guint            lane)
{
  g_return_val_if_fail (SWY_IS_TIMELINE_VIEW (self), NULL);
  g_return_val_if_fail (lane < self->lanes->len, NULL);

  return g_ptr_array_index (self->lanes, lane);
}

/**
 * swy_timeline_view_get_lane_y:
 * @self: a timeline view
 * @node_id: a node id
 * @y: (out): the middle of the node's lane, in widget coordinates
 *
 * Returns: whether the node has a lane
 */
gboolean
swy_timeline_view_get_lane_y (SwyTimelineView *self,
                              const char      *node_id,
                              double          *y)
{
  int lane;

  g_return_val_if_fail (SWY_IS_TIMELINE_VIEW (self), FALSE);

  lane = lane_of (self, g_quark_try_string (node_id));
  if (lane < 0)
    return FALSE;

  *y = y_of_lane (self, lane);
  return TRUE;
}

double
swy_timeline_view_time_to_x (SwyTimelineView *self,
                             gint64           t_us)
{
  g_return_val_if_fail (SWY_IS_TIMELINE_VIEW (self), 0);

  return x_of (self, t_us);
}

static void
item_mark (SwyTimelineView *self,
           const Item      *item,
           SwyTimelineMark *mark)
{
  double x1, y1, x2, y2;

  mark_points (self, item, self->start, x_of (self, self->start), AXIS_HEIGHT - self->lane_offset,
               &x1, &y1, &x2, &y2, &mark->stub);
  mark->event_id = item->event;
  mark->kind = item->kind;
  mark->from = GRAPHENE_POINT_INIT (x1, y1);
  mark->to = GRAPHENE_POINT_INIT (x2, y2);
}

/**
 * swy_timeline_view_dup_marks:
 * @self: a timeline view
 * @kind: deliveries (arrows), drops (crosses) or emissions (dots)
 *
 * Lists the marks of one kind whose record is in the time in view (between
 * get_start() and get_end()) and not hidden, oldest first, as drawn; in an
 * aggregated stretch they are drawn as density bars instead.
 *
 * Returns: (transfer full) (element-type SwyTimelineMark): the marks
 */
GArray *
swy_timeline_view_dup_marks (SwyTimelineView *self,
                             SwyTraceKind     kind)
{
  GArray *marks;
  guint first, last;

  g_return_val_if_fail (SWY_IS_TIMELINE_VIEW (self), NULL);

  marks = g_array_new (FALSE, FALSE, sizeof (SwyTimelineMark));
  first = lower_bound (self, self->start);
  last = lower_bound (self, t_of (self, GUTTER_WIDTH + plot_width (self)) + 0.5);
  for (guint i = first; i < last; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      SwyTimelineMark mark;

      if (item->kind != kind || !is_visible (self, item))
        continue;
      item_mark (self, item, &mark);
      g_array_append_val (marks, mark);
    }

  return marks;
}

/**
 * swy_timeline_view_is_aggregated:
 * @self: a timeline view
 *
 * Returns: whether part of the time in view, as last drawn, shows density
 *   bars instead of single marks
 */
gboolean
swy_timeline_view_is_aggregated (SwyTimelineView *self)
{
  g_return_val_if_fail (SWY_IS_TIMELINE_VIEW (self), FALSE);

  return g_hash_table_size (self->dense_tiles) > 0;
}

/**
 * swy_timeline_view_pick:
 * @self: a timeline view
 * @x: widget x
 * @y: widget y
 *
 * Finds the mark nearest to a point, as a click does: an arrow, a cross or
 * a dot within a few pixels.
 *
 * Returns: the id of its event, or 0
 */
guint64
swy_timeline_view_pick (SwyTimelineView *self,
                        double           x,
                        double           y)
{
  double best = PICK_DISTANCE;
  guint64 event = 0;
  guint first, last;

  g_return_val_if_fail (SWY_IS_TIMELINE_VIEW (self), 0);

  if (x < GUTTER_WIDTH || y < AXIS_HEIGHT)
    return 0;

  /* An arrow crossing x was delivered at most max_reach after it. */
  first = lower_bound (self, t_of (self, x - PICK_DISTANCE));
  last = lower_bound (self, t_of (self, x + PICK_DISTANCE) + self->max_reach + 1);
  for (guint i = first; i < last; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      SwyTimelineMark mark;
      double d;

      if (!is_visible (self, item))
        continue;
      item_mark (self, item, &mark);
      d = distance_to_segment (x, y, mark.from.x, mark.from.y, mark.to.x, mark.to.y);
      /* Ties go to the newest, drawn on top. */
      if (d <= best)
        {
          best = d;
          event = item->event;
        }
    }

  return event;
}
