/* swy-stats-row.c: the figures of one node or wire, and their recent history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row reads the engine's counters and live state (queue length, busy
 * worker slots) whenever its model observes the graph, which is at the end
 * of each scheduler batch. From these observations it keeps samples on a
 * regular grid of virtual time: a grid point that falls between two
 * observations gets values interpolated linearly between them. In live mode
 * a batch is one frame's slice of time; a step, or a run to a given time, is
 * one batch too, so a test that runs to each grid point gets exact samples.
 *
 * Rates are events a second of virtual time over the last window, from the
 * counters now and the counters interpolated at now − window; before a
 * whole window has passed, over the time since the first observation.
 */

#define G_LOG_DOMAIN "swy-stats-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "swy-stats-row.h"

typedef struct
{
  gint64 t;
  double c_in;
  double c_out;
  double gauge;      /* the live value, for queue length and utilisation */
} Point;

struct _SwyStatsRow
{
  GObject        parent_instance;

  SwyNode       *node;
  SwyWire       *wire;
  SwyReplay     *replay;         /* counts from its records instead of the engine */
  SwyStatsGauge  gauge;

  guint64        received;
  guint64        emitted;
  guint64        dropped;
  guint64        delivered;
  guint64        lost;
  GVariant      *drop_reasons;   /* a{st}, cached while dropped is unchanged */
  double         rate_in;
  double         rate_out;
  double         gauge_value;

  gboolean       observed;
  Point          first;
  Point          last;
  gint64         next_grid;
  GArray        *samples;        /* of Point, on the grid */
  GArray        *history;        /* of double: what the chart shows, one per sample */
};

G_DEFINE_FINAL_TYPE (SwyStatsRow, swy_stats_row, G_TYPE_OBJECT)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
swy_stats_row_finalize (GObject *object)
{
  SwyStatsRow *self = SWY_STATS_ROW (object);

  g_clear_object (&self->node);
  g_clear_object (&self->wire);
  g_clear_object (&self->replay);
  g_clear_pointer (&self->drop_reasons, g_variant_unref);
  g_clear_pointer (&self->samples, g_array_unref);
  g_clear_pointer (&self->history, g_array_unref);

  G_OBJECT_CLASS (swy_stats_row_parent_class)->finalize (object);
}

static void
swy_stats_row_class_init (SwyStatsRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = swy_stats_row_finalize;

  /**
   * SwyStatsRow::changed:
   *
   * Emitted after an observation changed the figures or the history.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
swy_stats_row_init (SwyStatsRow *self)
{
  self->samples = g_array_new (FALSE, FALSE, sizeof (Point));
  self->history = g_array_new (FALSE, FALSE, sizeof (double));
}

SwyStatsRow *
swy_stats_row_new_for_node (SwyNode *node)
{
  SwyStatsRow *self;

  g_return_val_if_fail (SWY_IS_NODE (node), NULL);

  self = g_object_new (SWY_TYPE_STATS_ROW, NULL);
  self->node = g_object_ref (node);
  if (SWY_IS_QUEUE_NODE (node))
    self->gauge = SWY_STATS_GAUGE_QUEUE_LENGTH;
  else if (SWY_IS_WORKER_NODE (node))
    self->gauge = SWY_STATS_GAUGE_UTILISATION;
  else
    self->gauge = SWY_STATS_GAUGE_RATE;

  return self;
}

SwyStatsRow *
swy_stats_row_new_for_wire (SwyWire *wire)
{
  SwyStatsRow *self;

  g_return_val_if_fail (SWY_IS_WIRE (wire), NULL);

  self = g_object_new (SWY_TYPE_STATS_ROW, NULL);
  self->wire = g_object_ref (wire);
  self->gauge = SWY_STATS_GAUGE_RATE;

  return self;
}

/**
 * swy_stats_row_get_object:
 * @self: a row
 *
 * Returns: (transfer none): the [class@Swy.Node] or [class@Swy.Wire]
 */
GObject *
swy_stats_row_get_object (SwyStatsRow *self)
{
  g_return_val_if_fail (SWY_IS_STATS_ROW (self), NULL);

  return self->node != NULL ? G_OBJECT (self->node) : G_OBJECT (self->wire);
}

/* A producer's traffic is what it emits; everyone else's, what arrives. */
static gboolean
is_producer (SwyStatsRow *self)
{
  SwyNodeType *type;

  if (self->node == NULL)
    return FALSE;

  type = swy_catalog_lookup_gtype (G_OBJECT_TYPE (self->node));
  return type != NULL && swy_node_type_get_category (type) == SWY_NODE_CATEGORY_PRODUCER;
}

char *
swy_stats_row_dup_title (SwyStatsRow *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (SWY_IS_STATS_ROW (self), NULL);

  if (self->node != NULL)
    return g_strdup (swy_node_get_id (self->node));

  from = swy_port_dup_address (swy_wire_get_from (self->wire));
  to = swy_port_dup_address (swy_wire_get_to (self->wire));

  return g_strdup_printf ("%s → %s", from, to);
}

char *
swy_stats_row_dup_subtitle (SwyStatsRow *self)
{
  SwyNodeType *type;

  g_return_val_if_fail (SWY_IS_STATS_ROW (self), NULL);

  if (self->node != NULL)
    {
      type = swy_catalog_lookup_gtype (G_OBJECT_TYPE (self->node));
      return g_strdup (type != NULL ? swy_node_type_get_display_name (type)
                                    : swy_node_get_type_name (self->node));
    }

  if (swy_wire_get_mode (self->wire) == SWY_WIRE_MODE_QUEUED)
    /* Translators: a queued wire and its latency */
    return g_strdup_printf (_("Queued, %u ms"), swy_wire_get_latency_ms (self->wire));

  return g_strdup (_("Sync"));
}

guint64
swy_stats_row_get_received (SwyStatsRow *self)
{
  g_return_val_if_fail (SWY_IS_STATS_ROW (self), 0);

  return self->received;
}

guint64
swy_stats_row_get_emitted (SwyStatsRow *self)
{
  g_return_val_if_fail (SWY_IS_STATS_ROW (self), 0);

  return self->emitted;
}

guint64
swy_stats_row_get_dropped (SwyStatsRow *self)
{
  g_return_val_if_fail (SWY_IS_STATS_ROW (self), 0);

  return self->dropped;
}

guint64
swy_stats_row_get_delivered (SwyStatsRow *self)
{
  g_return_val_if_fail (SWY_IS_STATS_ROW (self), 0);

  return self->delivered;
}

guint64
swy_stats_row_get_lost (SwyStatsRow *self)
{
  g_return_val_if_fail (SWY_IS_STATS_ROW (self), 0);

  return self->lost;
}

/**
 * swy_stats_row_get_rate_in:
 * @self: a row
 *
 * Returns: deliveries a second of virtual time over the last window: into
 *   the node, or across the wire
 */
double
swy_stats_row_get_rate_in (SwyStatsRow *self)
{
  g_return_val_if_fail (SWY_IS_STATS_ROW (self), 0);

  return self->rate_in;
}

/**
 * swy_stats_row_get_rate_out:
 * @self: a row
 *
 * Returns: emissions a second of virtual time over the last window; for a
 *   wire, the same as the rate in
 */
double
swy_stats_row_get_rate_out (SwyStatsRow *self)
{
  g_return_val_if_fail (SWY_IS_STATS_ROW (self), 0);

  return self->rate_out;
}

/**
 * swy_stats_row_dup_drop_reasons:
 * @self: a row
 * @separator: what goes between two reasons
 * @equals: what goes between a reason and its count
 *
 * Formats the drops by reason, in the engine's order: a node's reasons,
 * or `loss` for a wire. Reasons that never happened are left out.
 *
 * Returns: (transfer full): the text, empty when nothing was dropped
 */
char *
swy_stats_row_dup_drop_reasons (SwyStatsRow *self,
                                const char  *separator,
                                const char  *equals)
{
  GString *out = g_string_new (NULL);
  GVariantIter iter;
  const char *reason;
  guint64 count;

  g_return_val_if_fail (SWY_IS_STATS_ROW (self), NULL);

  if (self->wire != NULL)
    {
      if (self->lost > 0)
        g_string_append_printf (out, "loss%s%" G_GUINT64_FORMAT, equals, self->lost);
      return g_string_free (out, FALSE);
    }

  if (self->drop_reasons == NULL)
    return g_string_free (out, FALSE);

  g_variant_iter_init (&iter, self->drop_reasons);
  while (g_variant_iter_next (&iter, "{&st}", &reason, &count))
    {
      if (count == 0)
        continue;
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append_printf (out, "%s%s%" G_GUINT64_FORMAT, reason, equals, count);
    }

  return g_string_free (out, FALSE);
}

SwyStatsGauge
swy_stats_row_get_gauge (SwyStatsRow *self)
{
  g_return_val_if_fail (SWY_IS_STATS_ROW (self), SWY_STATS_GAUGE_RATE);

  return self->gauge;
}

/**
 * swy_stats_row_get_gauge_value:
 * @self: a row
 *
 * Returns: the gauge now: the queue's length, the share of busy worker
 *   slots, or the rate (in for nodes, out for producers, across for wires)
 */
double
swy_stats_row_get_gauge_value (SwyStatsRow *self)
{
  g_return_val_if_fail (SWY_IS_STATS_ROW (self), 0);

  return self->gauge_value;
}

char *
swy_stats_row_dup_gauge_text (SwyStatsRow *self)
{
  g_return_val_if_fail (SWY_IS_STATS_ROW (self), NULL);

  switch (self->gauge)
    {
    case SWY_STATS_GAUGE_QUEUE_LENGTH:
      /* Translators: the number of events waiting in a queue */
      return g_strdup_printf (_("%.0f queued"), self->gauge_value);

    case SWY_STATS_GAUGE_UTILISATION:
      /* Translators: the share of a worker's slots that are busy, in percent */
      return g_strdup_printf (_("%.0f%% busy"), self->gauge_value * 100.0);

    case SWY_STATS_GAUGE_RATE:
    default:
      /* Translators: events per second of virtual time */
      return g_strdup_printf (_("%.1f/s"), self->gauge_value);
    }
}

/**
 * swy_stats_row_get_history:
 * @self: a row
 * @n_values: (out): return location for the number of values
 *
 * Gets the gauge on the sample grid, oldest first: the queue length or
 * utilisation at each grid point, or the rate over the window ending there.
 *
 * Returns: (array length=n_values) (transfer none): the values
 */
const double *
swy_stats_row_get_history (SwyStatsRow *self,
                           guint       *n_values)
{
  g_return_val_if_fail (SWY_IS_STATS_ROW (self), NULL);
  g_return_val_if_fail (n_values != NULL, NULL);

  *n_values = self->history->len;
  return (const double *) (gpointer) self->history->data;
}

/**
 * swy_stats_row_get_history_start:
 * @self: a row
 *
 * Returns: the virtual time of the oldest value of the history, or -1
 */
gint64
swy_stats_row_get_history_start (SwyStatsRow *self)
{
  g_return_val_if_fail (SWY_IS_STATS_ROW (self), -1);

  if (self->samples->len == 0)
    return -1;

  return g_array_index (self->samples, Point, self->samples->len - self->history->len).t;
}

void
swy_stats_row_clear_history (SwyStatsRow *self)
{
  g_return_if_fail (SWY_IS_STATS_ROW (self));

  self->observed = FALSE;
  g_array_set_size (self->samples, 0);
  g_array_set_size (self->history, 0);
}

/* A replay's counters. The gauges follow from them: a queue holds what it
 * received and neither passed on nor dropped; a worker is busy with as many
 * of those as it has slots, since it starts one whenever a slot is free. */
static void
read_replay_counters (SwyStatsRow *self,
                      Point       *point)
{
  SwyReplayCounts counts;
  guint64 held;

  if (self->wire != NULL)
    {
      swy_replay_get_wire_counts (self->replay, swy_wire_get_index (self->wire),
                                  &self->delivered, &self->lost);
      point->c_in = point->c_out = self->delivered;
      return;
    }

  swy_replay_get_node_counts (self->replay, swy_node_get_id (self->node), &counts);
  if (self->drop_reasons == NULL || counts.dropped != self->dropped)
    {
      g_clear_pointer (&self->drop_reasons, g_variant_unref);
      self->drop_reasons = swy_replay_dup_drop_reasons (self->replay, swy_node_get_id (self->node));
    }
  self->received = counts.received;
  self->emitted = counts.emitted;
  self->dropped = counts.dropped;
  point->c_in = self->received;
  point->c_out = self->emitted;

  held = counts.received > counts.emitted + counts.dropped
         ? counts.received - counts.emitted - counts.dropped : 0;
  if (self->gauge == SWY_STATS_GAUGE_QUEUE_LENGTH)
    point->gauge = held;
  else if (self->gauge == SWY_STATS_GAUGE_UTILISATION)
    {
      guint concurrency = swy_worker_node_get_concurrency (SWY_WORKER_NODE (self->node));

      point->gauge = concurrency > 0 ? (double) MIN (held, concurrency) / concurrency : 0;
    }
}

static void
read_counters (SwyStatsRow *self,
               gint64       now,
               Point       *point)
{
  point->t = now;
  point->gauge = 0;

  if (self->replay != NULL)
    {
      read_replay_counters (self, point);
      return;
    }

  if (self->wire != NULL)
    {
      self->delivered = swy_wire_get_delivered (self->wire);
      self->lost = swy_wire_get_lost (self->wire);
      point->c_in = point->c_out = self->delivered;
      return;
    }

  self->received = swy_node_get_received (self->node);
  self->emitted = swy_node_get_emitted (self->node);
  if (self->drop_reasons == NULL || swy_node_get_dropped (self->node) != self->dropped)
    {
      g_clear_pointer (&self->drop_reasons, g_variant_unref);
      self->drop_reasons = swy_node_dup_drop_reasons (self->node);
    }
  self->dropped = swy_node_get_dropped (self->node);
  point->c_in = self->received;
  point->c_out = self->emitted;

  if (self->gauge == SWY_STATS_GAUGE_QUEUE_LENGTH)
    point->gauge = swy_queue_node_get_length (SWY_QUEUE_NODE (self->node));
  else if (self->gauge == SWY_STATS_GAUGE_UTILISATION)
    {
      SwyWorkerNode *worker = SWY_WORKER_NODE (self->node);
      guint concurrency = swy_worker_node_get_concurrency (worker);

      point->gauge = concurrency > 0 ? (double) swy_worker_node_get_busy (worker) / concurrency : 0;
    }
}

static double
traffic (SwyStatsRow *self,
         const Point *point)
{
  return is_producer (self) ? point->c_out : point->c_in;
}

static void
lerp (const Point *a,
      const Point *b,
      gint64       t,
      Point       *out)
{
  double f = b->t > a->t ? (double) (t - a->t) / (double) (b->t - a->t) : 1.0;

  out->t = t;
  out->c_in = a->c_in + (b->c_in - a->c_in) * f;
  out->c_out = a->c_out + (b->c_out - a->c_out) * f;
  out->gauge = a->gauge + (b->gauge - a->gauge) * f;
}

static void point_at (SwyStatsRow *self,
                      const Point *now,
                      gint64       t,
                      Point       *out);

/* The rate over the window that ends at @point, as the figures show it. */
static double
window_rate (SwyStatsRow *self,
             const Point *point,
             gint64       window)
{
  Point base;
  double span_s;

  point_at (self, point, point->t - window, &base);
  span_s = (point->t - base.t) / (double) G_USEC_PER_SEC;

  return span_s > 0 ? (traffic (self, point) - traffic (self, &base)) / span_s : 0;
}

static void
add_sample (SwyStatsRow *self,
            const Point *point,
            gint64       window,
            guint        max_samples,
            guint        history_length)
{
  double value = point->gauge;

  if (self->gauge == SWY_STATS_GAUGE_RATE)
    value = window_rate (self, point, window);

  g_array_append_val (self->samples, *point);
  g_array_append_val (self->history, value);
  if (self->samples->len > max_samples)
    g_array_remove_range (self->samples, 0, self->samples->len - max_samples);
  if (self->history->len > history_length)
    g_array_remove_range (self->history, 0, self->history->len - history_length);
}

/* The counters at @t: interpolated on the grid, or the oldest known. */
static void
point_at (SwyStatsRow *self,
          const Point *now,
          gint64       t,
          Point       *out)
{
  const Point *after = now;

  for (guint i = self->samples->len; i > 0; i--)
    {
      const Point *sample = &g_array_index (self->samples, Point, i - 1);

      if (sample->t <= t)
        {
          lerp (sample, after, t, out);
          return;
        }
      after = sample;
    }

  if (t >= self->first.t)
    lerp (&self->first, after, t, out);
  else
    *out = self->first;
}

static void
update_rates (SwyStatsRow *self,
              const Point *now,
              gint64       window)
{
  Point base;
  double span_s;

  point_at (self, now, now->t - window, &base);
  span_s = (now->t - base.t) / (double) G_USEC_PER_SEC;
  self->rate_in = span_s > 0 ? (now->c_in - base.c_in) / span_s : 0;
  self->rate_out = span_s > 0 ? (now->c_out - base.c_out) / span_s : 0;

  if (self->gauge == SWY_STATS_GAUGE_RATE)
    self->gauge_value = is_producer (self) ? self->rate_out : self->rate_in;
  else
    self->gauge_value = now->gauge;
}

/**
 * swy_stats_row_observe:
 * @self: a row
 * @now: the graph's virtual time
 * @interval: the sample grid's step, in µs
 * @window: the span of the rates, in µs
 * @history_length: the most values the history keeps
 *
 * Reads the engine's figures, samples every grid point passed since the
 * last observation and updates the rates.
 * A time earlier than the last observation (the graph was reset) starts
 * the history again.
 */
void
swy_stats_row_observe (SwyStatsRow *self,
                       gint64       now,
                       gint64       interval,
                       gint64       window,
                       guint        history_length)
{
  guint max_samples = MAX (history_length, (guint) (window / interval) + 2) + 1;
  Point current;

  g_return_if_fail (SWY_IS_STATS_ROW (self));
  g_return_if_fail (interval > 0);

  read_counters (self, now, &current);

  if (self->observed && now < self->last.t)
    swy_stats_row_clear_history (self);

  if (!self->observed)
    {
      self->observed = TRUE;
      self->first = current;
      self->last = current;
      self->next_grid = (now + interval - 1) / interval * interval;
    }

  while (self->next_grid <= now)
    {
      Point sample;

      lerp (&self->last, &current, self->next_grid, &sample);
      add_sample (self, &sample, window, max_samples, history_length);
      self->next_grid += interval;
    }
  self->last = current;

  update_rates (self, &current, window);
}

/**
 * swy_stats_row_set_replay:
 * @self: a row
 * @replay: (nullable): a replay whose counters the row reads, or `NULL` for
 *   the engine's
 *
 * Switching starts the history again.
 */
void
swy_stats_row_set_replay (SwyStatsRow *self,
                          SwyReplay   *replay)
{
  g_return_if_fail (SWY_IS_STATS_ROW (self));
  g_return_if_fail (replay == NULL || SWY_IS_REPLAY (replay));

  if (g_set_object (&self->replay, replay))
    {
      g_clear_pointer (&self->drop_reasons, g_variant_unref);
      swy_stats_row_clear_history (self);
    }
}

/**
 * swy_stats_row_emit_changed:
 * @self: a row
 *
 * Tells the views that the figures changed. The model observes every
 * batch but tells the views at most a few times a second while the graph
 * plays, so that figures stay readable and frames stay short.
 */
void
swy_stats_row_emit_changed (SwyStatsRow *self)
{
  g_return_if_fail (SWY_IS_STATS_ROW (self));

  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}
