/* swy-history.c: the past of a run, and the way back to any moment of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs are deterministic: one graph, one seed, one result. The only input
 * a run takes from outside is a button click, so the history of a run is
 * the clicks made during it, each with the point where it happened (after
 * how many scheduled items, at which virtual time), and the furthest time
 * the run reached. Any moment up to there is the run from time zero again,
 * in fast mode, with the clicks put back where they were: seeking a time
 * (the scrubber) and going back one item (Step Back) both do that. Going
 * forward from the present runs on from it instead of from zero.
 *
 * Going back and then running, stepping or clicking again starts a new
 * future from there: the window calls swy_history_forget_future() first,
 * and the recorded range ends at the present.
 *
 * A rerun stops at each multiple of the grid (the statistics' sample
 * interval) over the span of time before its target that the statistics
 * keep: the engine ends a batch there, the statistics observe it, and
 * their charts and rates get a sample exactly on each grid point. Before
 * that span it runs in one batch: a stop costs a batch's notifications.
 */

#define G_LOG_DOMAIN "swy-history"

#include "config.h"

#include "swy-history.h"

typedef struct
{
  guint64  at_performed;
  gint64   at_us;
  char    *node_id;
} Click;

struct _SwyHistory
{
  GObject   parent_instance;

  SwyGraph *graph;
  GArray   *clicks;        /* of Click, in the order they were made */
  guint     next_click;    /* clicks before it are in the graph's present */
  gint64    end;           /* the furthest time reached */
  gint64    grid;
  gint64    grid_span;     /* how far before a target the grid matters */
};

G_DEFINE_FINAL_TYPE (SwyHistory, swy_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_click (gpointer data)
{
  g_clear_pointer (&((Click *) data)->node_id, g_free);
}

static void
set_end (SwyHistory *self,
         gint64      end)
{
  if (self->end == end)
    return;

  self->end = end;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
}

static void
now_changed_cb (SwyHistory *self)
{
  gint64 now = swy_graph_get_now (self->graph);

  if (now > self->end)
    set_end (self, now);
}

/* The next stop on the way from the present to @until_us: a grid point
 * within the span before it, or @until_us. Earlier grid points would only
 * give samples the statistics forget, so the run goes there in one batch. */
static gint64
next_stop (SwyHistory *self,
           gint64      now,
           gint64      until_us)
{
  gint64 first = until_us - self->grid_span;
  gint64 stop;

  if (now < first)
    stop = first / self->grid * self->grid;
  else
    stop = (now / self->grid + 1) * self->grid;
  if (stop <= now)
    stop = (now / self->grid + 1) * self->grid;

  return MIN (stop, until_us);
}

/* Runs from the present to @until_us, or until @max_performed items have
 * been performed in all, stopping at the grid points on the way. */
static void
advance (SwyHistory *self,
         gint64      until_us,
         guint64     max_performed)
{
  for (;;)
    {
      gint64 now = swy_graph_get_now (self->graph);
      gint64 stop = until_us;

      if (self->grid > 0 && swy_graph_get_n_performed (self->graph) < max_performed)
        stop = next_stop (self, now, until_us);

      swy_graph_run_fast_to (self->graph, stop, max_performed);
      if (stop == until_us)
        return;

      /* The count ran out before the grid point: finish in one go. */
      if (swy_graph_get_now (self->graph) < stop)
        {
          swy_graph_run_fast_to (self->graph, until_us, max_performed);
          return;
        }
    }
}

/* Puts the next recorded click back where it was made. */
static void
replay_click (SwyHistory *self)
{
  Click *click = &g_array_index (self->clicks, Click, self->next_click);

  while (swy_graph_get_n_performed (self->graph) < click->at_performed &&
         swy_graph_step (self->graph))
    ;
  if (swy_graph_get_now (self->graph) < click->at_us)
    swy_graph_run_fast_to (self->graph, click->at_us, click->at_performed);
  /* A node the click went to may have been removed since: then it is lost
   * like any click on a node that is not there. */
  swy_graph_fire_button (self->graph, click->node_id, NULL);
  self->next_click++;
}

static void
rewind_to_zero (SwyHistory *self)
{
  swy_graph_reset (self->graph);
  self->next_click = 0;
}

/* Public API */

SwyHistory *
swy_history_new (SwyGraph *graph)
{
  SwyHistory *self;

  g_return_val_if_fail (SWY_IS_GRAPH (graph), NULL);

  self = g_object_new (SWY_TYPE_HISTORY, NULL);
  self->graph = g_object_ref (graph);
  self->end = swy_graph_get_now (graph);
  g_signal_connect_object (graph, "notify::now", G_CALLBACK (now_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

/**
 * swy_history_get_end:
 * @self: a history
 *
 * Returns: the furthest virtual time the run has reached, in µs: the end
 *   of the range a scrubber can move in
 */
gint64
swy_history_get_end (SwyHistory *self)
{
  g_return_val_if_fail (SWY_IS_HISTORY (self), 0);

  return MAX (self->end, swy_graph_get_now (self->graph));
}

/**
 * swy_history_set_grid:
 * @self: a history
 * @interval_us: the statistics' sample interval, or 0
 * @span_us: how much time before a target the statistics keep samples of
 *
 * Makes reruns stop at each multiple of @interval_us within @span_us of
 * their target, so that the statistics sample the rerun where they would
 * sample a step-by-step run, without stopping where they keep nothing.
 */
void
swy_history_set_grid (SwyHistory *self,
                      gint64      interval_us,
                      gint64      span_us)
{
  g_return_if_fail (SWY_IS_HISTORY (self));
  g_return_if_fail (interval_us >= 0);
  g_return_if_fail (span_us >= 0);

  self->grid = interval_us;
  self->grid_span = span_us;
}

/**
 * swy_history_fire_button:
 * @self: a history
 * @node_id: a button node
 * @error: return location for an error
 *
 * Clicks a button now and remembers where, so that going back to any later
 * moment clicks it again at that point. A click in the past starts a new
 * future: the recorded one is forgotten first.
 *
 * Returns: whether the button was clicked
 */
gboolean
swy_history_fire_button (SwyHistory  *self,
                         const char  *node_id,
                         GError     **error)
{
  Click click;

  g_return_val_if_fail (SWY_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (node_id != NULL, FALSE);

  /* The point the engine fires at: it catches its clock up first. */
  click.at_performed = swy_graph_get_n_performed (self->graph);
  click.at_us = swy_graph_get_now (self->graph);

  if (!swy_graph_fire_button (self->graph, node_id, error))
    return FALSE;

  swy_history_forget_future (self);
  click.node_id = g_strdup (node_id);
  g_array_append_val (self->clicks, click);
  self->next_click = self->clicks->len;

  return TRUE;
}

/**
 * swy_history_seek:
 * @self: a history
 * @t_us: a virtual time, clamped to the recorded range
 *
 * Pauses and puts the graph in the state it had at @t_us: every item due
 * by then performed, the clicks made by then clicked, the clock at @t_us.
 * Earlier than the present, the run is made again from time zero; later,
 * it goes on from the present.
 */
void
swy_history_seek (SwyHistory *self,
                  gint64      t_us)
{
  g_return_if_fail (SWY_IS_HISTORY (self));

  swy_graph_pause (self->graph);
  t_us = CLAMP (t_us, 0, swy_history_get_end (self));

  if (t_us < swy_graph_get_now (self->graph))
    rewind_to_zero (self);

  while (self->next_click < self->clicks->len &&
         g_array_index (self->clicks, Click, self->next_click).at_us <= t_us)
    {
      Click *click = &g_array_index (self->clicks, Click, self->next_click);

      advance (self, click->at_us, click->at_performed);
      replay_click (self);
    }
  advance (self, t_us, G_MAXUINT64);
}

/**
 * swy_history_go_to_performed:
 * @self: a history
 * @n_performed: a number of scheduled items
 *
 * Pauses and puts the graph in the state it had after performing
 * @n_performed items and the clicks made before the next one. Fewer than
 * the present: the run is made again from time zero, one step at a time.
 */
void
swy_history_go_to_performed (SwyHistory *self,
                             guint64     n_performed)
{
  g_return_if_fail (SWY_IS_HISTORY (self));

  swy_graph_pause (self->graph);
  if (n_performed < swy_graph_get_n_performed (self->graph))
    rewind_to_zero (self);

  while (self->next_click < self->clicks->len &&
         g_array_index (self->clicks, Click, self->next_click).at_performed <= n_performed)
    replay_click (self);

  while (swy_graph_get_n_performed (self->graph) < n_performed && swy_graph_step (self->graph))
    ;
}

/**
 * swy_history_forget_future:
 * @self: a history
 *
 * Makes the present the end of the run: the clicks recorded after it are
 * forgotten. Called before the graph runs on from an earlier moment.
 */
void
swy_history_forget_future (SwyHistory *self)
{
  g_return_if_fail (SWY_IS_HISTORY (self));

  g_array_set_size (self->clicks, self->next_click);
  set_end (self, swy_graph_get_now (self->graph));
}

/**
 * swy_history_clear:
 * @self: a history
 *
 * Forgets the whole run, for a graph reset to time zero.
 */
void
swy_history_clear (SwyHistory *self)
{
  g_return_if_fail (SWY_IS_HISTORY (self));

  g_array_set_size (self->clicks, 0);
  self->next_click = 0;
  set_end (self, swy_graph_get_now (self->graph));
}

/* GObject */

static void
swy_history_dispose (GObject *object)
{
  SwyHistory *self = SWY_HISTORY (object);

  if (self->graph != NULL)
    g_signal_handlers_disconnect_by_data (self->graph, self);
  g_clear_object (&self->graph);

  G_OBJECT_CLASS (swy_history_parent_class)->dispose (object);
}

static void
swy_history_finalize (GObject *object)
{
  SwyHistory *self = SWY_HISTORY (object);

  g_clear_pointer (&self->clicks, g_array_unref);

  G_OBJECT_CLASS (swy_history_parent_class)->finalize (object);
}

static void
swy_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  SwyHistory *self = SWY_HISTORY (object);

  switch (prop_id)
    {
    case PROP_END:
      g_value_set_int64 (value, self->end);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_history_class_init (SwyHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = swy_history_dispose;
  object_class->finalize = swy_history_finalize;
  object_class->get_property = swy_history_get_property;

  /* The furthest time reached; while the graph plays it moves with each batch. */
  properties[PROP_END] =
    g_param_spec_int64 ("end", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_history_init (SwyHistory *self)
{
  self->clicks = g_array_new (FALSE, TRUE, sizeof (Click));
  g_array_set_clear_func (self->clicks, clear_click);
}
