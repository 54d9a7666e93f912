/* swy-node-widget.c: one node on the canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A node is a real, focusable widget so that keyboard focus and screen
 * readers reach it (GTK 4.8 cannot expose drawn children to accessibility).
 * Everything it shows comes from the node's own properties, updated from
 * their notifications, which the engine sends at most once per batch.
 */

#define G_LOG_DOMAIN "swy-node-widget"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "swy-node-widget.h"
#include "swy-texture.h"

#define NODE_WIDTH    168
#define PORT_TOP      24.0
#define PORT_SPACING  20.0
#define FLASH_MS      450
#define LOG_LINES     3

struct _SwyNodeWidget
{
  GtkWidget       parent_instance;

  SwyNode        *node;
  SwyNodeType    *type;
  gulong          notify_id;

  GtkWidget      *icon;
  GtkWidget      *title;
  GtkWidget      *subtitle;
  GtkWidget      *value;
  GtkWidget      *state;
  GtkWidget      *level;
  GtkWidget      *lines;
  GtkWidget      *sparkline;
  GtkWidget      *fire;
  GtkWidget      *drops;

  SwyPort        *hot_port;
  SwyReplayCounts replayed;        /* shown instead of the node's own, while replaying */
  gboolean        replaying;
  guint64         last_dropped;
  guint           flash_id;
  guint           beat_tick;       /* waiting for the beat: its tick callback */
  gint64          beat;            /* the beat it waits for, monotonic time */
  GdkFrameClock  *beat_clock;      /* the frame clock it waits with */
  guint           selected : 1;
  guint           hot_refused : 1;

  /* The card's frame (its CSS background, outline and top border) drawn
   * once into a texture at the device pixels it covers: see
   * swy_node_widget_get_canvas_node (). */
  GskRenderNode  *drawn_node;      /* the card's render node last seen */
  SwyDeviceMapping drawn_at;       /* where it was last drawn */
  GskRenderNode  *cached_node;     /* the same with its frame as a texture */
  GskRenderNode  *frame_node;      /* the frame's nodes it was drawn from */
  GdkTexture     *frame_texture;
  graphene_rect_t frame_rect;
  SwyDeviceMapping frame_at;
};

G_DEFINE_FINAL_TYPE (SwyNodeWidget, swy_node_widget, GTK_TYPE_WIDGET)

static const char *
category_class (SwyNodeCategory category)
{
  switch (category)
    {
    case SWY_NODE_CATEGORY_PRODUCER:
      return "producer";
    case SWY_NODE_CATEGORY_ROUTING:
      return "routing";
    case SWY_NODE_CATEGORY_CONSUMER:
      return "consumer";
    default:
      return "routing";
    }
}

static char *describe_replayed (SwyNodeWidget *self);

/* The node's live state in words: shown on the card and read by screen readers. */
static char *
describe_state (SwyNode *node)
{
  guint64 received = swy_node_get_received (node);
  guint64 emitted = swy_node_get_emitted (node);

  if (SWY_IS_QUEUE_NODE (node))
    {
      SwyQueueNode *queue = SWY_QUEUE_NODE (node);
      guint capacity = swy_queue_node_get_capacity (queue);

      if (capacity > 0)
        /* Translators: a queue's fill, "3 of 5 waiting" */
        return g_strdup_printf (_("%u of %u waiting"), swy_queue_node_get_length (queue), capacity);
      return g_strdup_printf (_("%u waiting"), swy_queue_node_get_length (queue));
    }
  if (SWY_IS_WORKER_NODE (node))
    {
      SwyWorkerNode *worker = SWY_WORKER_NODE (node);

      return g_strdup_printf (_("%u of %u busy, %u in inbox"),
                              swy_worker_node_get_busy (worker),
                              swy_worker_node_get_concurrency (worker),
                              swy_worker_node_get_inbox_length (worker));
    }
  if (SWY_IS_COUNTER_NODE (node))
    return g_strdup_printf (_("%llu counted"),
                            (unsigned long long) swy_counter_node_get_count (SWY_COUNTER_NODE (node)));
  if (SWY_IS_LOG_NODE (node))
    return g_strdup_printf (_("%u kept"), swy_log_node_get_n_events (SWY_LOG_NODE (node)));
  if (SWY_IS_PLOT_NODE (node))
    return g_strdup_printf (_("%u points"), swy_plot_node_get_n_points (SWY_PLOT_NODE (node)));
  if (SWY_IS_DELAY_NODE (node))
    return g_strdup_printf (_("%u held, %llu out"),
                            swy_delay_node_get_held (SWY_DELAY_NODE (node)), (unsigned long long) emitted);
  if (SWY_IS_BATCH_NODE (node))
    return g_strdup_printf (_("%u pending, %llu batches"),
                            swy_batch_node_get_pending (SWY_BATCH_NODE (node)),
                            (unsigned long long) swy_batch_node_get_batches (SWY_BATCH_NODE (node)));
  if (SWY_IS_BROKER_NODE (node))
    return g_strdup_printf (_("%llu in, %llu unrouted"),
                            (unsigned long long) received, (unsigned long long) swy_broker_node_get_unrouted (SWY_BROKER_NODE (node)));
  if (SWY_IS_FILTER_NODE (node))
    return g_strdup_printf (_("%llu passed, %llu rejected"),
                            (unsigned long long) emitted, (unsigned long long) swy_filter_node_get_rejected (SWY_FILTER_NODE (node)));
  if (SWY_IS_TIMER_NODE (node) || SWY_IS_BURST_NODE (node) || SWY_IS_POISSON_NODE (node) ||
      SWY_IS_BUTTON_NODE (node))
    return g_strdup_printf (_("%llu emitted"), (unsigned long long) emitted);

  return g_strdup_printf (_("%llu in, %llu out"),
                          (unsigned long long) received, (unsigned long long) emitted);
}

/**
 * swy_node_widget_dup_state:
 * @self: a node widget
 *
 * Gets what a screen reader says for the node, e.g. "Queue orders, 3 of 5
 * waiting".
 *
 * Returns: (transfer full): the description
 */
char *
swy_node_widget_dup_state (SwyNodeWidget *self)
{
  g_autofree char *state = NULL;
  guint64 dropped;

  g_return_val_if_fail (SWY_IS_NODE_WIDGET (self), NULL);

  state = self->replaying ? describe_replayed (self) : describe_state (self->node);
  dropped = self->replaying ? self->replayed.dropped : swy_node_get_dropped (self->node);
  if (dropped > 0)
    /* Translators: node type, node id, live state, drops: "Queue orders, 5 of 5 waiting, 3 dropped" */
    return g_strdup_printf (_("%s %s, %s, %llu dropped"),
                            swy_node_type_get_display_name (self->type),
                            swy_node_get_id (self->node), state, (unsigned long long) dropped);

  /* Translators: node type, node id, live state: "Queue orders, 3 of 5 waiting" */
  return g_strdup_printf (_("%s %s, %s"), swy_node_type_get_display_name (self->type),
                          swy_node_get_id (self->node), state);
}

static gboolean
end_flash_cb (gpointer user_data)
{
  SwyNodeWidget *self = user_data;

  self->flash_id = 0;
  gtk_widget_remove_css_class (GTK_WIDGET (self), "flash");

  return G_SOURCE_REMOVE;
}

/**
 * swy_node_widget_flash:
 * @self: a node widget
 *
 * Flashes the node red for a moment, as when it drops an event.
 */
void
swy_node_widget_flash (SwyNodeWidget *self)
{
  g_return_if_fail (SWY_IS_NODE_WIDGET (self));

  gtk_widget_add_css_class (GTK_WIDGET (self), "flash");
  g_clear_handle_id (&self->flash_id, g_source_remove);
  self->flash_id = g_timeout_add (FLASH_MS, end_flash_cb, self);
}

static void
update_lines (SwyNodeWidget *self)
{
  g_auto(GStrv) lines = swy_log_node_dup_lines (SWY_LOG_NODE (self->node));
  guint n = lines != NULL ? g_strv_length (lines) : 0;
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = n > LOG_LINES ? n - LOG_LINES : 0; i < n; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, lines[i]);
    }
  gtk_label_set_text (GTK_LABEL (self->lines), n > 0 ? text->str : _("Nothing yet"));
}

/* The drop badge, a flash for new drops, and what a screen reader says. */
static void
show_drops (SwyNodeWidget *self,
            guint64        dropped)
{
  g_autofree char *accessible = NULL;

  gtk_widget_set_visible (self->drops, dropped > 0);
  if (dropped > 0)
    {
      g_autofree char *text = g_strdup_printf (_("%llu dropped"), (unsigned long long) dropped);

      gtk_label_set_text (GTK_LABEL (self->drops), text);
    }
  if (dropped > self->last_dropped)
    swy_node_widget_flash (self);
  self->last_dropped = dropped;

  accessible = swy_node_widget_dup_state (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void update_replayed (SwyNodeWidget *self);
static void leave_beat (SwyNodeWidget *self);

static void
update (SwyNodeWidget *self)
{
  g_autofree char *state = NULL;
  guint64 dropped = swy_node_get_dropped (self->node);

  if (self->replaying)
    {
      update_replayed (self);
      return;
    }

  state = describe_state (self->node);
  gtk_label_set_text (GTK_LABEL (self->title), swy_node_get_id (self->node));
  gtk_inscription_set_text (GTK_INSCRIPTION (self->state), state);

  if (SWY_IS_COUNTER_NODE (self->node))
    {
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                                swy_counter_node_get_count (SWY_COUNTER_NODE (self->node)));

      gtk_inscription_set_text (GTK_INSCRIPTION (self->value), count);
    }
  if (SWY_IS_QUEUE_NODE (self->node))
    {
      SwyQueueNode *queue = SWY_QUEUE_NODE (self->node);
      guint capacity = swy_queue_node_get_capacity (queue);

      gtk_widget_set_visible (self->level, capacity > 0);
      if (capacity > 0)
        {
          gtk_level_bar_set_max_value (GTK_LEVEL_BAR (self->level), capacity);
          gtk_level_bar_set_value (GTK_LEVEL_BAR (self->level),
                                   MIN (swy_queue_node_get_length (queue), capacity));
        }
    }
  if (SWY_IS_WORKER_NODE (self->node))
    {
      SwyWorkerNode *worker = SWY_WORKER_NODE (self->node);

      gtk_level_bar_set_max_value (GTK_LEVEL_BAR (self->level),
                                   MAX (1, swy_worker_node_get_concurrency (worker)));
      gtk_level_bar_set_value (GTK_LEVEL_BAR (self->level), swy_worker_node_get_busy (worker));
    }
  if (self->lines != NULL)
    update_lines (self);
  if (self->sparkline != NULL)
    gtk_widget_queue_draw (self->sparkline);

  show_drops (self, dropped);
}

/* Replay: a trace tells the counters, and what follows from them. */

/* What a queue, a delay or a worker holds: received, not yet passed on,
 * not dropped. A worker starts one whenever a slot is free. A log keeps
 * the last events it received; a filter rejects what it does not pass.
 * A plot's points, a batch's pending events and a broker's unrouted count
 * are not in a trace: their cards show what came in and went out. */
static guint
replayed_held (SwyNodeWidget *self)
{
  const SwyReplayCounts *c = &self->replayed;

  return c->received > c->emitted + c->dropped ? (guint) (c->received - c->emitted - c->dropped) : 0;
}

static char *
describe_replayed (SwyNodeWidget *self)
{
  const SwyReplayCounts *c = &self->replayed;
  guint held = replayed_held (self);

  if (SWY_IS_QUEUE_NODE (self->node))
    {
      guint capacity = swy_queue_node_get_capacity (SWY_QUEUE_NODE (self->node));

      if (capacity > 0)
        return g_strdup_printf (_("%u of %u waiting"), MIN (held, capacity), capacity);
      return g_strdup_printf (_("%u waiting"), held);
    }
  if (SWY_IS_WORKER_NODE (self->node))
    {
      guint concurrency = swy_worker_node_get_concurrency (SWY_WORKER_NODE (self->node));

      return g_strdup_printf (_("%u of %u busy, %u in inbox"),
                              MIN (held, concurrency), concurrency, held - MIN (held, concurrency));
    }
  if (SWY_IS_COUNTER_NODE (self->node))
    return g_strdup_printf (_("%llu counted"), (unsigned long long) c->received);
  if (SWY_IS_LOG_NODE (self->node))
    return g_strdup_printf (_("%u kept"),
                            (guint) MIN (c->received, swy_log_node_get_keep (SWY_LOG_NODE (self->node))));
  if (SWY_IS_DELAY_NODE (self->node))
    return g_strdup_printf (_("%u held, %llu out"), held, (unsigned long long) c->emitted);
  if (SWY_IS_FILTER_NODE (self->node))
    return g_strdup_printf (_("%llu passed, %llu rejected"), (unsigned long long) c->emitted,
                            (unsigned long long) (c->received - MIN (c->received, c->emitted + c->dropped)));
  if (SWY_IS_TIMER_NODE (self->node) || SWY_IS_BURST_NODE (self->node) ||
      SWY_IS_POISSON_NODE (self->node) || SWY_IS_BUTTON_NODE (self->node))
    return g_strdup_printf (_("%llu emitted"), (unsigned long long) c->emitted);

  return g_strdup_printf (_("%llu in, %llu out"),
                          (unsigned long long) c->received, (unsigned long long) c->emitted);
}

static void
update_replayed (SwyNodeWidget *self)
{
  g_autofree char *state = describe_replayed (self);
  guint64 dropped = self->replayed.dropped;
  guint held = replayed_held (self);

  gtk_label_set_text (GTK_LABEL (self->title), swy_node_get_id (self->node));
  gtk_inscription_set_text (GTK_INSCRIPTION (self->state), state);

  if (SWY_IS_COUNTER_NODE (self->node))
    {
      g_autofree char *count = g_strdup_printf ("%" G_GUINT64_FORMAT, self->replayed.received);

      gtk_inscription_set_text (GTK_INSCRIPTION (self->value), count);
    }
  if (SWY_IS_QUEUE_NODE (self->node))
    {
      guint capacity = swy_queue_node_get_capacity (SWY_QUEUE_NODE (self->node));

      if (capacity > 0)
        gtk_level_bar_set_value (GTK_LEVEL_BAR (self->level), MIN (held, capacity));
    }
  if (SWY_IS_WORKER_NODE (self->node))
    gtk_level_bar_set_value (GTK_LEVEL_BAR (self->level),
                             MIN (held, swy_worker_node_get_concurrency (SWY_WORKER_NODE (self->node))));

  show_drops (self, dropped);
}

/**
 * swy_node_widget_show_replayed:
 * @self: a node widget
 * @counts: (nullable): the node's counters in a replay, or `NULL` for the
 *   node's own live state
 *
 * While a recorded trace is replayed, the card shows what the trace tells
 * of the node: its counters, a queue's fill and a worker's load that follow
 * from them, its drops. What only the live node knows (a log's lines, a
 * plot, the Fire button) is hidden until the card shows the node again.
 */
void
swy_node_widget_show_replayed (SwyNodeWidget         *self,
                               const SwyReplayCounts *counts)
{
  gboolean replaying = counts != NULL;

  g_return_if_fail (SWY_IS_NODE_WIDGET (self));

  if (replaying)
    self->replayed = *counts;
  if (replaying != self->replaying)
    {
      self->replaying = replaying;
      self->last_dropped = replaying ? 0 : swy_node_get_dropped (self->node);
      if (self->lines != NULL)
        gtk_widget_set_visible (self->lines, !replaying);
      if (self->sparkline != NULL)
        gtk_widget_set_visible (self->sparkline, !replaying);
      if (self->fire != NULL)
        gtk_widget_set_visible (self->fire, !replaying);
    }

  leave_beat (self);
  update (self);
}

/* Live figures change at every engine batch; redrawing every card that
 * often costs more than anything else the canvas draws (bench/README.md,
 * canvas benchmark). While the graph plays, the cards' figures refresh on
 * one beat, five times a second, and hold still in between, which the
 * canvas draws from one texture (swy-canvas-draw.c). Paused, stepped or
 * reset, a card shows its state at once.
 *
 * The beat falls on whole multiples of BEAT_MS of the monotonic clock, and
 * a card keeps it from a tick callback: the first frame whose frame time
 * reaches the beat refreshes the cards waiting for it, in its update
 * phase, so the beat goes with the window's frame pacer too (a timeout
 * would ask for a frame of its own: swy-frame-pacer.c).
 *
 * Many cards are spread over the frames right after the beat, a share of
 * them (at least BEAT_CARDS) a frame, so that no one frame lays out and
 * draws every card of a large graph: over at most a quarter of the frames
 * between two beats at the window's frame rate (three at 60 frames a
 * second), so that most frames draw no card at all. The canvas keeps
 * showing the cards as they were until the last of them has refreshed
 * (swy_node_widget_beat_is_due()), so that on screen they all change in
 * the same frame. What waits for which beat is kept per window, with its
 * frame clock. */
#define BEAT_US (200 * G_TIME_SPAN_MILLISECOND)
#define BEAT_CARDS 40

/* Frames a beat's refresh is spread over, for tests; 0: from the frame rate. */
static guint beat_frames_fixed;

/* When the cards last refreshed on the beat (a frame time). A paced frame
 * may come well after its beat: the next beat is then one that leaves at
 * least three quarters of a beat between two refreshes. */
static gint64 last_beat_refresh;

/* The beat the waiting cards wait for. A card that starts waiting after
 * the beat's time but before a frame has reached it (a slow or paced
 * frame) joins it, so that it refreshes with the others. */
static gint64 pending_beat;

/* A window's cards waiting for beats, kept with its frame clock. A frame
 * refreshes every card whose beat has come if they fit in its share;
 * otherwise beats are refreshed oldest first: a card of a later beat waits
 * while cards of an older one are still refreshing (frames slower than
 * the beat), so that the beat being refreshed ends within its frames. */
typedef struct
{
  GHashTable *waiting;             /* beat → how many cards wait for it */
  guint       n_waiting;
  gint64      refreshing;          /* the beat whose cards are refreshing, or 0 */
  gint64      last_refresh;        /* monotonic time of the last card refreshed */
  /* the frame refreshing cards: its counter and time, the oldest beat
   * that had come then, whether all cards whose beat had come fit in it,
   * how many cards it may refresh and has */
  gint64      frame;
  gint64      frame_time;
  gint64      oldest;
  gboolean    all_fit;
  guint       budget;
  guint       refreshed;
} Beats;

static const char *beats_key = "swy-node-widget-beats";

static void
beats_free (gpointer data)
{
  Beats *beats = data;

  g_hash_table_unref (beats->waiting);
  g_free (beats);
}

static Beats *
get_beats (GdkFrameClock *clock)
{
  Beats *beats = g_object_get_data (G_OBJECT (clock), beats_key);

  if (beats == NULL)
    {
      beats = g_new0 (Beats, 1);
      beats->waiting = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      beats->frame = -1;
      g_object_set_data_full (G_OBJECT (clock), beats_key, beats, beats_free);
    }

  return beats;
}

static guint
count_waiting (Beats  *beats,
               gint64  beat)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (beats->waiting, &beat));
}

static void
add_waiting (Beats  *beats,
             gint64  beat,
             int     delta)
{
  guint n = count_waiting (beats, beat) + delta;

  if (n > 0)
    g_hash_table_insert (beats->waiting, g_memdup2 (&beat, sizeof beat), GUINT_TO_POINTER (n));
  else
    g_hash_table_remove (beats->waiting, &beat);
  beats->n_waiting += delta;
  if (beats->refreshing == beat && n == 0)
    beats->refreshing = 0;
}

/* The oldest beat cards wait for, if it has come by @frame_time, or 0,
 * and how many cards wait for beats that have come. */
static gint64
oldest_come (Beats  *beats,
             gint64  frame_time,
             guint  *n_come)
{
  GHashTableIter iter;
  gpointer key, value;
  gint64 oldest = 0;

  *n_come = 0;
  g_hash_table_iter_init (&iter, beats->waiting);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (*(gint64 *) key <= frame_time)
      {
        *n_come += GPOINTER_TO_UINT (value);
        if (oldest == 0 || *(gint64 *) key < oldest)
          oldest = *(gint64 *) key;
      }

  return oldest;
}

/* No longer waiting: refreshed, shown at once, or gone. */
static void
stop_waiting (SwyNodeWidget *self)
{
  add_waiting (get_beats (self->beat_clock), self->beat, -1);
  g_clear_object (&self->beat_clock);
  self->beat_tick = 0;
}

static gboolean
beat_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  SwyNodeWidget *self = SWY_NODE_WIDGET (widget);
  Beats *beats = get_beats (self->beat_clock);
  gint64 frame_time = gdk_frame_clock_get_frame_time (clock);
  gint64 frame = gdk_frame_clock_get_frame_counter (clock);

  /* The frame time, not the clock: the same for every card in a frame. */
  if (frame_time < self->beat)
    return G_SOURCE_CONTINUE;

  if (beats->frame != frame || beats->frame_time != frame_time)
    {
      guint spread = beat_frames_fixed;
      guint n_come;

      if (spread == 0)
        spread = CLAMP ((guint) (gdk_frame_clock_get_fps (clock) * BEAT_US / G_USEC_PER_SEC / 4), 1, 5);
      beats->frame = frame;
      beats->frame_time = frame_time;
      beats->oldest = oldest_come (beats, frame_time, &n_come);
      beats->budget = MAX (BEAT_CARDS, (beats->n_waiting + spread - 1) / spread);
      beats->all_fit = n_come <= beats->budget;
      beats->refreshed = 0;
    }
  /* More cards than this frame's share, or, when not every card whose beat
   * has come fits in it, a later beat's card: later. */
  if (beats->refreshed == beats->budget || (!beats->all_fit && self->beat != beats->oldest))
    return G_SOURCE_CONTINUE;

  beats->refreshed++;
  beats->refreshing = self->beat;
  beats->last_refresh = g_get_monotonic_time ();
  last_beat_refresh = MAX (last_beat_refresh, frame_time);
  stop_waiting (self);
  update (self);

  return G_SOURCE_REMOVE;
}

static void
wait_for_beat (SwyNodeWidget *self)
{
  GdkFrameClock *clock;

  if (self->beat_tick != 0)
    return;

  /* Not in a window yet: nothing shows it, and no frame would refresh it. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (clock == NULL)
    {
      update (self);
      return;
    }

  if (pending_beat <= last_beat_refresh)
    pending_beat = (MAX (g_get_monotonic_time (), last_beat_refresh + 3 * BEAT_US / 4) / BEAT_US + 1) *
                   BEAT_US;
  self->beat = pending_beat;
  self->beat_clock = g_object_ref (clock);
  add_waiting (get_beats (clock), self->beat, 1);
  self->beat_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), beat_tick_cb, NULL, NULL);
}

static void
leave_beat (SwyNodeWidget *self)
{
  if (self->beat_tick == 0)
    return;

  gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->beat_tick);
  stop_waiting (self);
}

/* For tests: spread a beat's refresh over @frames frames, or, with 0, over
 * as many as the frame rate gives. */
void
_swy_node_widget_set_beat_frames (guint frames)
{
  beat_frames_fixed = frames;
}

/**
 * swy_node_widget_beat_is_due:
 * @clock: the frame clock of a window
 *
 * Whether a beat's refresh of that window's cards has begun and not ended:
 * some of its cards refreshed, and some wait for a later frame (a frame
 * that skips its update phase refreshes none). Until they have, the canvas
 * keeps showing the cards as they were. A refresh that has not gone on for
 * two seconds holds nothing.
 *
 * Returns: %TRUE while the beat's refresh is not done
 */
gboolean
swy_node_widget_beat_is_due (GdkFrameClock *clock)
{
  Beats *beats;

  if (clock == NULL)
    return FALSE;

  beats = g_object_get_data (G_OBJECT (clock), beats_key);

  return beats != NULL && beats->refreshing != 0 && count_waiting (beats, beats->refreshing) > 0 &&
         g_get_monotonic_time () - beats->last_refresh < 2 * G_USEC_PER_SEC;
}

/* When the graph pauses, a card waiting for the beat shows the final state now. */
static void
playing_changed_cb (SwyNodeWidget *self,
                    GParamSpec    *pspec,
                    SwyGraph      *graph)
{
  if (self->beat_tick == 0 || swy_graph_get_playing (graph))
    return;

  leave_beat (self);
  update (self);
}

static void
node_notify_cb (SwyNodeWidget *self,
                GParamSpec    *pspec,
                SwyNode       *node)
{
  SwyGraph *graph;

  /* Positions belong to the canvas's layout, not to the card. */
  if (g_str_equal (pspec->name, "x") || g_str_equal (pspec->name, "y"))
    {
      GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

      if (parent != NULL)
        gtk_widget_queue_allocate (parent);
      return;
    }

  graph = swy_node_get_graph (node);

  /* Paused, stepped or reset: show the state exactly, at once. */
  if (graph == NULL || !swy_graph_get_playing (graph) || g_str_equal (pspec->name, "id"))
    {
      leave_beat (self);
      update (self);
      return;
    }

  wait_for_beat (self);
}

static void
draw_sparkline (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  SwyNodeWidget *self = user_data;
  SwyPlotNode *plot = SWY_PLOT_NODE (self->node);
  guint n = swy_plot_node_get_n_points (plot);
  double lo = G_MAXDOUBLE;
  double hi = -G_MAXDOUBLE;
  gint64 t0 = 0;
  gint64 t1 = 0;
  GdkRGBA color;

  if (n < 2)
    return;

  for (guint i = 0; i < n; i++)
    {
      gint64 t;
      double v;

      swy_plot_node_get_point (plot, i, &t, &v);
      lo = MIN (lo, v);
      hi = MAX (hi, v);
      if (i == 0)
        t0 = t;
      t1 = t;
    }
  if (hi - lo < 1e-9)
    {
      hi += 0.5;
      lo -= 0.5;
    }
  if (t1 == t0)
    t1 = t0 + 1;

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (GTK_WIDGET (area), &color);
#else
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
#endif
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < n; i++)
    {
      gint64 t;
      double v;
      double x, y;

      swy_plot_node_get_point (plot, i, &t, &v);
      x = 1 + (width - 2) * (double) (t - t0) / (double) (t1 - t0);
      y = 1 + (height - 2) * (1.0 - (v - lo) / (hi - lo));
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
}

static void
fire_clicked_cb (SwyNodeWidget *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.fire-node", "s",
                              swy_node_get_id (self->node));
}

static GtkWidget *
add_label (SwyNodeWidget *self,
           const char    *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Asks for no more than the card's width, instead of its whole text. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 1);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_parent (label, GTK_WIDGET (self));

  return label;
}

/* A line of live text: a GtkInscription's size does not follow its text,
 * so a new figure redraws the card without laying it out again (a GtkLabel
 * would re-measure the card and the canvas at every update). */
static GtkWidget *
add_inscription (SwyNodeWidget *self,
                 const char    *css_class)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 0);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (inscription), 1);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (inscription), 1);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_add_css_class (inscription, css_class);
  gtk_widget_set_parent (inscription, GTK_WIDGET (self));

  return inscription;
}

static void
build (SwyNodeWidget *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  SwyNodeCategory category = swy_node_type_get_category (self->type);

  gtk_widget_add_css_class (GTK_WIDGET (self), category_class (category));

  self->icon = gtk_image_new_from_icon_name (swy_node_type_get_icon_name (self->type));
  gtk_widget_add_css_class (self->icon, "node-icon");
  gtk_box_append (GTK_BOX (header), self->icon);
  self->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (self->title), 1);
  gtk_widget_add_css_class (self->title, "heading");
  self->subtitle = gtk_label_new (swy_node_type_get_display_name (self->type));
  gtk_label_set_xalign (GTK_LABEL (self->subtitle), 0);
  gtk_widget_add_css_class (self->subtitle, "caption");
  gtk_widget_add_css_class (self->subtitle, "node-type");
  gtk_box_append (GTK_BOX (titles), self->title);
  gtk_box_append (GTK_BOX (titles), self->subtitle);
  gtk_widget_set_hexpand (titles, TRUE);
  gtk_box_append (GTK_BOX (header), titles);
  gtk_widget_set_parent (header, GTK_WIDGET (self));

  if (SWY_IS_COUNTER_NODE (self->node))
    self->value = add_inscription (self, "counter-value");

  if (SWY_IS_QUEUE_NODE (self->node) || SWY_IS_WORKER_NODE (self->node))
    {
      self->level = gtk_level_bar_new ();
      if (SWY_IS_WORKER_NODE (self->node))
        gtk_level_bar_set_mode (GTK_LEVEL_BAR (self->level), GTK_LEVEL_BAR_MODE_DISCRETE);
      /* A full queue is the interesting state: no "full is good" colouring. */
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (self->level), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (self->level), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (self->level), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_widget_set_parent (self->level, GTK_WIDGET (self));
    }

  self->state = add_inscription (self, "caption");

  if (SWY_IS_LOG_NODE (self->node))
    {
      self->lines = add_label (self, "log-lines");
      gtk_label_set_lines (GTK_LABEL (self->lines), LOG_LINES);
      gtk_label_set_single_line_mode (GTK_LABEL (self->lines), FALSE);
    }

  if (SWY_IS_PLOT_NODE (self->node))
    {
      self->sparkline = gtk_drawing_area_new ();
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->sparkline), 36);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->sparkline), draw_sparkline,
                                      self, NULL);
      gtk_widget_add_css_class (self->sparkline, "sparkline");
      gtk_widget_set_parent (self->sparkline, GTK_WIDGET (self));
    }

  if (SWY_IS_BUTTON_NODE (self->node))
    {
      self->fire = gtk_button_new_with_mnemonic (_("_Fire"));
      gtk_widget_set_tooltip_text (self->fire, _("Emit one event now"));
      gtk_widget_add_css_class (self->fire, "pill");
      gtk_widget_add_css_class (self->fire, "small");
      g_signal_connect_swapped (self->fire, "clicked", G_CALLBACK (fire_clicked_cb), self);
      gtk_widget_set_parent (self->fire, GTK_WIDGET (self));
    }

  /* A pill as wide as its text: "12 dropped" is short enough for any card. */
  self->drops = add_label (self, "drop-badge");
  gtk_label_set_ellipsize (GTK_LABEL (self->drops), PANGO_ELLIPSIZE_NONE);
  gtk_label_set_max_width_chars (GTK_LABEL (self->drops), -1);
  gtk_widget_set_halign (self->drops, GTK_ALIGN_START);
}

GtkWidget *
swy_node_widget_new (SwyNode *node)
{
  SwyNodeWidget *self;

  g_return_val_if_fail (SWY_IS_NODE (node), NULL);

  self = g_object_new (SWY_TYPE_NODE_WIDGET, NULL);
  self->node = g_object_ref (node);
  self->type = swy_catalog_lookup_gtype (G_OBJECT_TYPE (node));
  self->last_dropped = swy_node_get_dropped (node);
  build (self);
  self->notify_id = g_signal_connect_object (node, "notify", G_CALLBACK (node_notify_cb),
                                             self, G_CONNECT_SWAPPED);
  if (swy_node_get_graph (node) != NULL)
    g_signal_connect_object (swy_node_get_graph (node), "notify::playing",
                             G_CALLBACK (playing_changed_cb), self, G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}

SwyNode *
swy_node_widget_get_node (SwyNodeWidget *self)
{
  g_return_val_if_fail (SWY_IS_NODE_WIDGET (self), NULL);

  return self->node;
}

gboolean
swy_node_widget_get_selected (SwyNodeWidget *self)
{
  g_return_val_if_fail (SWY_IS_NODE_WIDGET (self), FALSE);

  return self->selected;
}

void
swy_node_widget_set_selected (SwyNodeWidget *self,
                              gboolean       selected)
{
  g_return_if_fail (SWY_IS_NODE_WIDGET (self));

  selected = !!selected;
  if (self->selected == selected)
    return;

  self->selected = selected;
  if (selected)
    gtk_widget_add_css_class (GTK_WIDGET (self), "selected");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "selected");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED, selected, -1);
}

/**
 * swy_node_widget_set_hot_port:
 * @self: a node widget
 * @port: (nullable): the port under a wire being drawn, or `NULL`
 * @refused: whether a wire could not end there
 *
 * Highlights a port while the user draws a wire.
 */
void
swy_node_widget_set_hot_port (SwyNodeWidget *self,
                              SwyPort       *port,
                              gboolean       refused)
{
  g_return_if_fail (SWY_IS_NODE_WIDGET (self));

  if (self->hot_port == port && self->hot_refused == !!refused)
    return;

  self->hot_port = port;
  self->hot_refused = !!refused;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
port_index (SwyNodeWidget *self,
            SwyPort       *port,
            guint         *out_index,
            guint         *out_count)
{
  GListModel *ports = swy_node_get_ports (self->node);
  guint n = g_list_model_get_n_items (ports);
  SwyPortDirection direction = swy_port_get_direction (port);

  *out_index = 0;
  *out_count = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyPort) other = g_list_model_get_item (ports, i);

      if (swy_port_get_direction (other) != direction)
        continue;
      if (other == port)
        *out_index = *out_count;
      (*out_count)++;
    }
}

/**
 * swy_node_widget_get_port_position:
 * @self: a node widget
 * @port: a port of the node
 * @out_point: (out): the centre of the port's handle, from the card's top-left
 *   corner, which the canvas places at the node's position
 *
 * Inputs sit on the left edge and outputs on the right edge, at fixed heights
 * from the top so that wires stay put while the card's body grows.
 *
 * Returns: whether @port belongs to the node
 */
gboolean
swy_node_widget_get_port_position (SwyNodeWidget    *self,
                                   SwyPort          *port,
                                   graphene_point_t *out_point)
{
  guint index, count;
  graphene_rect_t box;
  double width;

  g_return_val_if_fail (SWY_IS_NODE_WIDGET (self), FALSE);
  g_return_val_if_fail (SWY_IS_PORT (port), FALSE);

  if (swy_port_get_node (port) != self->node)
    return FALSE;

  port_index (self, port, &index, &count);
  /* The card's border box, not its content box: GTK's widget coordinates
   * start inside the padding, the canvas's node position does not. */
  if (gtk_widget_get_width (GTK_WIDGET (self)) > 0 &&
      gtk_widget_compute_bounds (GTK_WIDGET (self), GTK_WIDGET (self), &box))
    width = box.size.width;
  else
    width = NODE_WIDTH;
  out_point->x = swy_port_get_direction (port) == SWY_PORT_DIRECTION_INPUT ? 0 : width;
  out_point->y = PORT_TOP + index * PORT_SPACING;

  return TRUE;
}

/* Port handles: a white ring around the port's colour, one shared texture
 * per look, so that a handle is one render node instead of two clipped
 * colours (a card's render nodes cost frame time: bench/README.md). Drawn
 * at twice the handle's size, as tokens are: much larger, the cairo
 * renderer's downscaling loses the ring when zoomed out. */
typedef enum
{
  PORT_LOOK_INPUT,
  PORT_LOOK_OUTPUT,
  PORT_LOOK_HOT,
  PORT_LOOK_REFUSED,
  N_PORT_LOOKS
} PortLook;

static GdkTexture *
port_texture (PortLook look)
{
  static const char *colors[N_PORT_LOOKS] = { "#3584e4", "#e66100", "#2ec27e", "#e01b24" };
  static GdkTexture *textures[N_PORT_LOOKS];

  if (textures[look] == NULL)
    {
      GdkRGBA rgba;

      gdk_rgba_parse (&rgba, colors[look]);
      textures[look] = swy_texture_new_dot (SWY_PORT_RADIUS * 4, SWY_PORT_RADIUS * 2, &rgba, 4);
    }

  return textures[look];
}

static void
clear_frame_cache (SwyNodeWidget *self)
{
  g_clear_pointer (&self->drawn_node, gsk_render_node_unref);
  g_clear_pointer (&self->cached_node, gsk_render_node_unref);
  g_clear_pointer (&self->frame_node, gsk_render_node_unref);
  g_clear_object (&self->frame_texture);
  self->drawn_at.renderer = NULL;
  self->frame_at.renderer = NULL;
}

/* GTK draws a card's frame from its CSS before the card's own snapshot:
 * the leading nodes of these kinds in the card's node. */
static gboolean
is_frame_node (GskRenderNode *node)
{
  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_OUTSET_SHADOW_NODE:
    case GSK_INSET_SHADOW_NODE:
    case GSK_ROUNDED_CLIP_NODE:
    case GSK_COLOR_NODE:
    case GSK_BORDER_NODE:
      return TRUE;
    case GSK_CONTAINER_NODE:
      /* The background: its shadow and its colour, clipped round. */
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        if (!is_frame_node (gsk_container_node_get_child (node, i)))
          return FALSE;
      return gsk_container_node_get_n_children (node) > 0;
    default:
      return FALSE;
    }
}

/* The card with its frame as one texture, or NULL to draw it as it is. */
static GskRenderNode *
cache_frame (SwyNodeWidget          *self,
             GskRenderNode          *card,
             const SwyDeviceMapping *at)
{
  g_autoptr(GskRenderNode) frame = NULL;
  g_autoptr(GskRenderNode) texture_node = NULL;
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  guint n, first = 0;

  if (gsk_render_node_get_node_type (card) != GSK_CONTAINER_NODE)
    return NULL;
  n = gsk_container_node_get_n_children (card);
  while (first < n && is_frame_node (gsk_container_node_get_child (card, first)))
    first++;
  if (first == 0)
    return NULL;

  {
    GskRenderNode **children = g_newa (GskRenderNode *, first);

    for (guint i = 0; i < first; i++)
      children[i] = gsk_container_node_get_child (card, i);
    frame = gsk_container_node_new (children, first);
  }

  if (self->frame_texture == NULL || !swy_texture_mapping_fits (&self->frame_at, at) ||
      !swy_render_nodes_equal (frame, self->frame_node))
    {
      g_clear_object (&self->frame_texture);
      g_clear_pointer (&self->frame_node, gsk_render_node_unref);
      /* Drawn into the canvas's raster, not by the renderer: in memory. */
      self->frame_texture = swy_texture_render_node (frame, at, NULL, FALSE, &self->frame_rect);
      if (self->frame_texture == NULL)
        return NULL;
      self->frame_node = gsk_render_node_ref (frame);
      self->frame_at = *at;
    }

  texture_node = gsk_texture_node_new (self->frame_texture, &self->frame_rect);
  g_ptr_array_add (rest, texture_node);
  for (guint i = first; i < n; i++)
    g_ptr_array_add (rest, gsk_container_node_get_child (card, i));

  return gsk_container_node_new ((GskRenderNode **) rest->pdata, rest->len);
}

/* For tests: the frame's texture the card was last drawn with, if any. */
GdkTexture *
_swy_node_widget_get_frame_texture (SwyNodeWidget *self)
{
  g_return_val_if_fail (SWY_IS_NODE_WIDGET (self), NULL);

  return self->frame_texture;
}

/**
 * swy_node_widget_get_canvas_node:
 * @self: a node widget
 * @parent: the canvas, its parent
 *
 * Gets the card as gtk_widget_snapshot_child() would draw it into @parent,
 * with its frame (the rounded background, outline and coloured top border)
 * as one texture drawn at exactly the device pixels it covers. The frame
 * costs the renderer more than the rest of the card at the zoom a 200-node
 * graph fits in (bench/README.md); it is drawn again when its look, the
 * zoom, the scale factor or the card's sub-pixel offset changes.
 *
 * GTK keeps a widget's render node until something in it changes, and so
 * does this: while the card looks the same and lands on the same device
 * pixels, the node returned is a transform (the card's place) around the
 * same child node as the last time.
 *
 * Returns: (transfer full) (nullable): the card's node in @parent's
 *   coordinates, or %NULL when it draws nothing
 */
GskRenderNode *
swy_node_widget_get_canvas_node (SwyNodeWidget *self,
                                 GtkWidget     *parent)
{
  GtkSnapshot *own = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderNode *card;
  SwyDeviceMapping at;

  g_return_val_if_fail (SWY_IS_NODE_WIDGET (self), NULL);

  gtk_widget_snapshot_child (parent, GTK_WIDGET (self), own);
  node = gtk_snapshot_free_to_node (own);
  if (node == NULL)
    return NULL;
  if (gsk_render_node_get_node_type (node) != GSK_TRANSFORM_NODE ||
      !swy_texture_get_device_mapping (GTK_WIDGET (self), &at))
    {
      clear_frame_cache (self);
      return g_steal_pointer (&node);
    }
  card = gsk_transform_node_get_child (node);

  /* The zoom and the position change the transform, not the card's node. */
  if (card != self->drawn_node || !swy_texture_mapping_fits (&self->drawn_at, &at))
    {
      g_clear_pointer (&self->drawn_node, gsk_render_node_unref);
      g_clear_pointer (&self->cached_node, gsk_render_node_unref);
      self->cached_node = cache_frame (self, card, &at);
      if (self->cached_node == NULL)
        {
          clear_frame_cache (self);
          return g_steal_pointer (&node);
        }
      self->drawn_node = gsk_render_node_ref (card);
      self->drawn_at = at;
    }

  return gsk_transform_node_new (self->cached_node, gsk_transform_node_get_transform (node));
}

/* A texture drawn by a renderer goes with it. */
static void
swy_node_widget_unrealize (GtkWidget *widget)
{
  SwyNodeWidget *self = SWY_NODE_WIDGET (widget);

  clear_frame_cache (self);
  /* No frame of this window refreshes it any more: it shows its state. */
  if (self->beat_tick != 0)
    {
      leave_beat (self);
      update (self);
    }

  GTK_WIDGET_CLASS (swy_node_widget_parent_class)->unrealize (widget);
}

static void
swy_node_widget_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  SwyNodeWidget *self = SWY_NODE_WIDGET (widget);
  GListModel *ports = swy_node_get_ports (self->node);
  guint n = g_list_model_get_n_items (ports);
  graphene_rect_t box;

  GTK_WIDGET_CLASS (swy_node_widget_parent_class)->snapshot (widget, snapshot);

  /* Port handles, drawn over the card's edges: positions count from the
   * border box's corner, and the snapshot's origin is the content box's. */
  gtk_snapshot_save (snapshot);
  if (gtk_widget_compute_bounds (widget, widget, &box))
    gtk_snapshot_translate (snapshot, &box.origin);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyPort) port = g_list_model_get_item (ports, i);
      graphene_point_t p;
      double radius = SWY_PORT_RADIUS;
      PortLook look;

      swy_node_widget_get_port_position (self, port, &p);
      if (port == self->hot_port)
        {
          radius += 2;
          look = self->hot_refused ? PORT_LOOK_REFUSED : PORT_LOOK_HOT;
        }
      else
        {
          look = swy_port_get_direction (port) == SWY_PORT_DIRECTION_INPUT ? PORT_LOOK_INPUT
                                                                          : PORT_LOOK_OUTPUT;
        }
      gtk_snapshot_append_texture (snapshot, port_texture (look),
                                   &GRAPHENE_RECT_INIT (p.x - radius, p.y - radius,
                                                        2 * radius, 2 * radius));
    }
  gtk_snapshot_restore (snapshot);
}

static void
swy_node_widget_dispose (GObject *object)
{
  SwyNodeWidget *self = SWY_NODE_WIDGET (object);
  GtkWidget *child;

  g_clear_handle_id (&self->flash_id, g_source_remove);
  leave_beat (self);
  clear_frame_cache (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->node != NULL)
    g_clear_signal_handler (&self->notify_id, self->node);
  g_clear_object (&self->node);

  G_OBJECT_CLASS (swy_node_widget_parent_class)->dispose (object);
}

static void
swy_node_widget_class_init (SwyNodeWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = swy_node_widget_dispose;

  widget_class->snapshot = swy_node_widget_snapshot;
  widget_class->unrealize = swy_node_widget_unrealize;

  gtk_widget_class_set_css_name (widget_class, "swy-node");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
swy_node_widget_init (SwyNodeWidget *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);
  /* All cards share one width, so ports line up and wires read cleanly. */
  gtk_widget_set_size_request (GTK_WIDGET (self), NODE_WIDTH, -1);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_VISIBLE);
}
