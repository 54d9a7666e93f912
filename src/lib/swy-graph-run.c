/* swy-graph-run.c: the dispatcher, the scheduler loop and live mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "swy-graph-private.h"
#include "swy-node-private.h"
#include "swy-port-private.h"
#include "swy-trace-private.h"
#include "swy-wire-private.h"

/* Live mode gives the engine a time budget per main-loop iteration
 * (design/performance.md: a 4 ms slice kept 35 fps at 1.3 M hops/s) and,
 * when it could not catch up, yields so that lower-priority sources such
 * as GTK's frame clock and idles get their turn: for at most
 * LIVE_YIELD_US, and only until every source that was ready has run once
 * (an idle source at G_PRIORITY_LOW ends the yield), so that a window that
 * has nothing to do between two frames leaves the engine all of its time. */
#define LIVE_SLICE_US 4000
#define LIVE_YIELD_US 1000
#define LIVE_CHECK_EVERY 32

static GQuark q_depth_limit;
static GQuark q_hop_limit;
static GQuark q_loss;
static GQuark q_pending_limit;
static GQuark q_removed;

static void
init_quarks (void)
{
  if (G_LIKELY (q_removed != 0))
    return;

  q_depth_limit = g_quark_from_static_string ("depth-limit");
  q_hop_limit = g_quark_from_static_string ("hop-limit");
  q_loss = g_quark_from_static_string ("loss");
  q_pending_limit = g_quark_from_static_string ("pending-limit");
  q_removed = g_quark_from_static_string ("removed");
}

/* Random numbers: xoshiro256** seeded through splitmix64, so a seed gives
 * the same sequence on every machine. */

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);

  return z ^ (z >> 31);
}

void
_swy_graph_reseed (SwyGraph *self)
{
  guint64 state = self->seed;

  for (guint i = 0; i < 4; i++)
    self->rng[i] = splitmix64 (&state);
}

double
_swy_graph_random_double (SwyGraph *self)
{
  guint64 *s = self->rng;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return (result >> 11) * 0x1.0p-53;
}

/* Batches: every entry point (run, step, a live slice, a click, an edit)
 * is one batch. Property notifications, items-changed of the trace and the
 * release of objects removed during dispatch happen once, at its end. */

void
_swy_graph_begin_batch (SwyGraph *self)
{
  /* In live mode the clock moves between batches: catch up first, so that
   * a click or an edit happens at the time the user sees. */
  if (self->batch_level == 0 && self->playing)
    self->now = swy_graph_get_now (self);

  self->batch_level++;
}

void
_swy_graph_end_batch (SwyGraph *self)
{
  g_assert (self->batch_level > 0);

  if (self->batch_level > 1)
    {
      self->batch_level--;
      return;
    }

  /* Still inside the batch while flushing, so notify handlers that touch
   * the graph queue their own notifications; loop until quiet. */
  while (self->dirty_nodes->len > 0 || self->dirty_wires->len > 0)
    {
      g_autoptr(GPtrArray) nodes = self->dirty_nodes;
      g_autoptr(GPtrArray) wires = self->dirty_wires;

      self->dirty_nodes = g_ptr_array_new_with_free_func (g_object_unref);
      self->dirty_wires = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < nodes->len; i++)
        _swy_node_flush_notify (g_ptr_array_index (nodes, i));
      for (guint i = 0; i < wires->len; i++)
        _swy_wire_flush_notify (g_ptr_array_index (wires, i));
    }

  self->batch_level--;

  g_ptr_array_set_size (self->graveyard, 0);
  swy_trace_flush (self->trace);

  if (self->notified_now != self->now)
    {
      self->notified_now = self->now;
      g_object_notify_by_pspec (G_OBJECT (self), _swy_graph_now_pspec ());
    }
}

void
_swy_graph_ensure_started (SwyGraph *self)
{
  if (self->started)
    return;

  self->started = TRUE;
  for (guint i = 0; i < self->nodes->len; i++)
    _swy_node_start (g_ptr_array_index (self->nodes, i));
}

static inline GQuark
node_quark (SwyNode *node)
{
  SwyNodePrivate *priv;

  if (node == NULL)
    return 0;
  priv = _swy_node_get_private (node);
  if (G_UNLIKELY (priv->id_quark == 0 && priv->id != NULL))
    priv->id_quark = g_quark_from_string (priv->id);

  return priv->id_quark;
}

/* @from is the emitter when the event is dropped on a wire, else NULL. */
static void
drop_at (SwyGraph *self,
         SwyNode  *node,
         SwyPort  *port,
         SwyNode  *from,
         SwyEvent *event,
         int       wire,
         guint     depth,
         GQuark    reason)
{
  if (_swy_trace_is_enabled (self->trace))
    _swy_trace_append (self->trace, SWY_TRACE_KIND_DROP, self->now, event,
                       node_quark (node), port ? port->name_quark : 0, node_quark (from),
                       wire, depth, reason);

  /* A loss belongs to the wire (its `lost` counter); every other drop is
   * counted by the node where the event was dropped or would have arrived. */
  if (node != NULL && reason != q_loss)
    _swy_node_count_drop (node, reason);
  self->total_dropped++;
}

void
_swy_graph_drop (SwyGraph *self,
                 SwyNode  *node,
                 SwyPort  *port,
                 SwyEvent *event,
                 int       wire,
                 GQuark    reason)
{
  init_quarks ();
  _swy_graph_begin_batch (self);
  drop_at (self, node, port, NULL, event, wire, self->frame ? self->frame->depth : 0, reason);
  _swy_graph_end_batch (self);
}

SwyEvent *
_swy_graph_new_event (SwyGraph *self,
                      SwyEvent *parent,
                      GQuark    topic,
                      GVariant *payload)
{
  return _swy_event_new (self->next_event_id++, topic, payload, self->now,
                         parent ? parent->id : 0,
                         parent ? parent->hops : 0);
}

static void
deliver (SwyGraph *self,
         SwyWire  *wire,
         SwyEvent *event,
         guint     depth,
         guint     hops)
{
  SwyPort *port = wire->to;
  SwyNode *node = port->node;
  SwyFrame frame;

  if (event->hops < hops)
    event->hops = hops;

  if (_swy_trace_is_enabled (self->trace))
    _swy_trace_append (self->trace, SWY_TRACE_KIND_DELIVER, self->now, event,
                       node_quark (node), port->name_quark, node_quark (wire->from->node),
                       wire->index, depth, 0);

  _swy_wire_count (wire, SWY_WIRE_DIRTY_DELIVERED);
  _swy_node_count_received (node);
  self->total_delivered++;

  frame.prev = self->frame;
  frame.event = event;
  frame.port = port;
  frame.depth = depth;
  self->frame = &frame;

  SWY_NODE_GET_CLASS (node)->handle_event (node, port, event);

  self->frame = frame.prev;
}

static void
send (SwyGraph *self,
      SwyWire  *wire,
      SwyEvent *event,
      guint     depth,
      guint     hops)
{
  SwyPort *to = wire->to;
  SwyPendingItem item;
  gint64 delay;

  if (hops > self->max_hops)
    {
      drop_at (self, to->node, to, wire->from->node, event, wire->index, depth + 1, q_hop_limit);
      return;
    }

  if (wire->loss > 0.0 && _swy_graph_random_double (self) < wire->loss)
    {
      _swy_wire_count (wire, SWY_WIRE_DIRTY_LOST);
      drop_at (self, to->node, to, wire->from->node, event, wire->index, depth + 1, q_loss);
      return;
    }

  if (wire->mode == SWY_WIRE_MODE_SYNC)
    {
      if (depth + 1 > self->max_depth)
        drop_at (self, to->node, to, wire->from->node, event, wire->index, depth + 1, q_depth_limit);
      else
        deliver (self, wire, event, depth + 1, hops);
      return;
    }

  if (self->sched.len >= self->max_pending)
    {
      drop_at (self, to->node, to, wire->from->node, event, wire->index, 0, q_pending_limit);
      return;
    }

  delay = (gint64)wire->latency_ms * 1000;
  if (wire->jitter_ms > 0)
    delay += (gint64)(_swy_graph_random_double (self) * ((gint64)wire->jitter_ms * 1000 + 1));

  item.due = self->now + delay;
  item.target = wire;
  item.event = swy_event_ref (event);
  item.tag = (guint64) self->now;   /* deliveries keep their send time in the tag */
  item.hops = hops;
  item.kind = SWY_ITEM_DELIVERY;
  item.prio = wire->priority;
  _swy_scheduler_push (&self->sched, &item);
}

/* The one handler function of every wire: the single dispatch point after
 * the emission. GLib has already filtered exact subscriptions by detail and
 * skipped blocked handlers. */
void
_swy_graph_wire_handler (SwyPort  *port,
                         SwyEvent *event,
                         SwyWire  *wire)
{
  SwyGraph *self = wire->graph;
  SwyEmission *emission;

  if (G_UNLIKELY (self == NULL || self->emission == NULL))
    return;

  emission = self->emission;
  if (emission->only != NULL && emission->only != wire)
    return;

  if (!_swy_pattern_is_exact (wire->pattern) &&
      !_swy_pattern_match (wire->pattern, event->topic))
    return;

  emission->crossed++;
  send (self, wire, event, emission->depth, emission->hops + 1);
}

guint
_swy_graph_emit (SwyGraph *self,
                 SwyNode  *node,
                 SwyPort  *port,
                 SwyEvent *event,
                 SwyWire  *only)
{
  SwyEmission emission;
  guint depth = self->frame ? self->frame->depth : 0;

  init_quarks ();
  _swy_graph_begin_batch (self);

  if (_swy_trace_is_enabled (self->trace))
    _swy_trace_append (self->trace, SWY_TRACE_KIND_EMIT, self->now, event,
                       node_quark (node), port->name_quark, 0, -1, depth, 0);

  _swy_node_count_emitted (node);
  self->total_emitted++;

  emission.prev = self->emission;
  emission.only = only;
  emission.depth = depth;
  emission.hops = event->hops;
  emission.crossed = 0;
  self->emission = &emission;

  g_signal_emit (port, _swy_port_event_signal, event->topic, event);

  self->emission = emission.prev;
  _swy_graph_end_batch (self);

  return emission.crossed;
}

void
_swy_graph_schedule_timer (SwyGraph *self,
                           SwyNode  *node,
                           gint64    delay_us,
                           SwyEvent *context,
                           guint64   tag)
{
  SwyPendingItem item;

  item.due = self->now + delay_us;
  item.target = node;
  item.event = context ? swy_event_ref (context) : NULL;
  item.tag = tag;
  item.hops = 0;
  item.kind = SWY_ITEM_TIMER;
  item.prio = SWY_PRIORITY_DEFAULT;
  _swy_scheduler_push (&self->sched, &item);
}

static void
perform (SwyGraph       *self,
         SwyPendingItem *item)
{
  if (item->kind == SWY_ITEM_DELIVERY)
    {
      deliver (self, item->target, item->event, 0, item->hops);
    }
  else
    {
      SwyNode *node = item->target;
      SwyFrame frame;

      frame.prev = self->frame;
      frame.event = item->event;
      frame.port = NULL;
      frame.depth = 0;
      self->frame = &frame;

      if (SWY_NODE_GET_CLASS (node)->timeout)
        SWY_NODE_GET_CLASS (node)->timeout (node, item->event, item->tag);

      self->frame = frame.prev;
    }

  g_clear_pointer (&item->event, swy_event_unref);
}

static gboolean
pop_and_perform (SwyGraph *self,
                 gint64    until)
{
  const SwyPendingItem *top = _swy_scheduler_peek (&self->sched);
  SwyPendingItem item;

  if (top == NULL || (until >= 0 && top->due > until))
    return FALSE;

  _swy_scheduler_pop (&self->sched, &item);
  if (item.due > self->now)
    self->now = item.due;
  self->n_performed++;
  perform (self, &item);

  return TRUE;
}

/* Fast mode up to @until_us (negative: until nothing is pending) or until the
 * graph has performed @max_performed items in all, whichever comes first;
 * then the clock moves to @until_us unless an item due before it is still
 * pending (the count stopped the run). */
static guint64
run_fast_bounded (SwyGraph *self,
                  gint64    until_us,
                  guint64   max_performed)
{
  const SwyPendingItem *top;
  guint64 n = 0;

  init_quarks ();
  _swy_graph_begin_batch (self);
  _swy_graph_ensure_started (self);

  while (self->n_performed < max_performed && pop_and_perform (self, until_us))
    n++;

  top = _swy_scheduler_peek (&self->sched);
  if (until_us >= 0 && self->now < until_us && (top == NULL || top->due >= until_us))
    self->now = until_us;

  _swy_graph_end_batch (self);

  return n;
}

/**
 * swy_graph_run_fast:
 * @self: a paused graph
 * @until_us: the virtual time to stop at, or -1 to run until nothing is pending
 *
 * Runs in fast mode: virtual time jumps from one pending item to the next.
 * Every item due at or before @until_us is performed, then the clock is
 * set to @until_us. With -1 the run stops when nothing is pending and the
 * clock stays at the last item's time.
 *
 * Returns: the number of items performed
 */
guint64
swy_graph_run_fast (SwyGraph *self,
                    gint64    until_us)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), 0);
  g_return_val_if_fail (!self->playing, 0);
  g_return_val_if_fail (self->batch_level == 0, 0);

  return run_fast_bounded (self, until_us, G_MAXUINT64);
}

/**
 * swy_graph_run_fast_to:
 * @self: a paused graph
 * @until_us: the virtual time to stop at
 * @max_performed: the most items the graph may have performed since it was
 *   created or last reset, as [method@Graph.get_n_performed] counts them
 *
 * Runs in fast mode like [method@Graph.run_fast], but stops early once the
 * graph has performed @max_performed items in all. Then, unless an item due
 * before @until_us is still pending, the clock moves to @until_us.
 *
 * This reaches any moment of a run again: the clock at a time between two
 * items, or at the due time of an item not yet performed. A viewer that
 * replays a run from time zero uses it to put a button click back exactly
 * where it happened: after as many items, at the same time.
 *
 * Returns: the number of items performed
 */
guint64
swy_graph_run_fast_to (SwyGraph *self,
                       gint64    until_us,
                       guint64   max_performed)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), 0);
  g_return_val_if_fail (!self->playing, 0);
  g_return_val_if_fail (self->batch_level == 0, 0);
  g_return_val_if_fail (until_us >= 0, 0);

  return run_fast_bounded (self, until_us, max_performed);
}

/**
 * swy_graph_step:
 * @self: a graph
 *
 * Performs exactly the next pending item, with every sync delivery it
 * causes, advancing the clock to its due time. Pauses live mode first.
 *
 * Returns: whether an item was performed
 */
gboolean
swy_graph_step (SwyGraph *self)
{
  gboolean ret;

  g_return_val_if_fail (SWY_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (self->batch_level == 0, FALSE);

  swy_graph_pause (self);

  init_quarks ();
  _swy_graph_begin_batch (self);
  _swy_graph_ensure_started (self);
  ret = pop_and_perform (self, -1);
  _swy_graph_end_batch (self);

  return ret;
}

/**
 * swy_graph_get_n_performed:
 * @self: a graph
 *
 * Gets how many scheduled items (timer ticks, queued deliveries, node
 * timers) the graph has performed since it was created or last reset. One
 * [method@Graph.step] performs exactly one. Because runs are deterministic,
 * resetting and stepping this many times again gets back to the same state,
 * which is how a viewer can step backwards.
 *
 * Returns: the number of items performed
 */
guint64
swy_graph_get_n_performed (SwyGraph *self)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), 0);

  return self->n_performed;
}

/**
 * swy_graph_get_n_pending:
 * @self: a graph
 *
 * Gets the number of items waiting in the scheduler.
 *
 * Returns: the number of pending items
 */
guint
swy_graph_get_n_pending (SwyGraph *self)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), 0);

  return self->sched.len;
}

/**
 * SwyInFlightFunc:
 * @wire: the queued wire the event travels on
 * @event: the event
 * @sent_us: the virtual time the event entered the wire
 * @due_us: the virtual time it is due at the wire's input
 * @user_data: the data passed to [method@Graph.foreach_in_flight]
 *
 * Called for each delivery in flight on a queued wire.
 */

/**
 * swy_graph_foreach_in_flight:
 * @self: a graph
 * @func: (scope call): the function to call for each delivery
 * @user_data: data for @func
 *
 * Calls @func for every event travelling on a queued wire: scheduled but not
 * yet delivered. This is what a viewer draws as tokens on the wires; the
 * order is unspecified. @func must not change the graph.
 */
void
swy_graph_foreach_in_flight (SwyGraph        *self,
                             SwyInFlightFunc  func,
                             gpointer         user_data)
{
  g_return_if_fail (SWY_IS_GRAPH (self));
  g_return_if_fail (func != NULL);

  for (guint i = 0; i < self->sched.len; i++)
    {
      const SwyPendingItem *item = &self->sched.items[i];

      if (item->kind == SWY_ITEM_DELIVERY)
        func (item->target, item->event, (gint64) item->tag, item->due, user_data);
    }
}

/* Cancellation on edits. */

typedef struct
{
  SwyGraph *graph;
  gpointer  target;
} Cancel;

static gboolean
is_delivery_on (const SwyPendingItem *item,
                gpointer              user_data)
{
  Cancel *cancel = user_data;

  return item->kind == SWY_ITEM_DELIVERY && item->target == cancel->target;
}

static void
drop_removed_delivery (SwyPendingItem *item,
                       gpointer        user_data)
{
  Cancel *cancel = user_data;
  SwyWire *wire = item->target;

  drop_at (cancel->graph, wire->to->node, wire->to, wire->from->node, item->event, wire->index, 0,
           q_removed);
  g_clear_pointer (&item->event, swy_event_unref);
}

void
_swy_graph_cancel_wire (SwyGraph *self,
                        SwyWire  *wire)
{
  Cancel cancel = { self, wire };

  init_quarks ();
  _swy_scheduler_remove_if (&self->sched, is_delivery_on, drop_removed_delivery, &cancel);
}

static gboolean
is_timer_of (const SwyPendingItem *item,
             gpointer              user_data)
{
  Cancel *cancel = user_data;

  return item->kind == SWY_ITEM_TIMER && item->target == cancel->target;
}

static void
drop_removed_timer (SwyPendingItem *item,
                    gpointer        user_data)
{
  Cancel *cancel = user_data;

  /* A timer's context is an event the node holds (delay, worker,
   * debounce): removing the node drops it. */
  if (item->event != NULL)
    drop_at (cancel->graph, item->target, NULL, NULL, item->event, -1, 0, q_removed);
  g_clear_pointer (&item->event, swy_event_unref);
}

void
_swy_graph_cancel_node (SwyGraph *self,
                        SwyNode  *node)
{
  Cancel cancel = { self, node };

  init_quarks ();
  _swy_scheduler_remove_if (&self->sched, is_timer_of, drop_removed_timer, &cancel);
}

void
_swy_graph_node_ready (SwyGraph *self,
                       SwyNode  *node)
{
  SwyNodePrivate *priv = _swy_node_get_private (node);

  for (guint i = 0; i < priv->ports->len; i++)
    {
      SwyPort *port = g_ptr_array_index (priv->ports, i);

      if (port->direction != SWY_PORT_DIRECTION_INPUT)
        continue;

      for (guint j = 0; j < port->wires->len; j++)
        {
          SwyWire *wire = g_ptr_array_index (port->wires, j);
          SwyNode *feeder = wire->from->node;

          if (feeder != NULL && SWY_NODE_GET_CLASS (feeder)->consumer_ready)
            SWY_NODE_GET_CLASS (feeder)->consumer_ready (feeder, node);
        }
    }
}

/**
 * swy_graph_reset:
 * @self: a graph
 *
 * Stops live mode and returns to the initial state: clock 0, nothing
 * pending, counters zero, nodes' live state cleared, trace cleared, random
 * generator reseeded and event ids restarting at 1. The next run starts the
 * nodes again.
 */
void
swy_graph_reset (SwyGraph *self)
{
  g_return_if_fail (SWY_IS_GRAPH (self));
  g_return_if_fail (self->batch_level == 0);

  swy_graph_pause (self);

  _swy_scheduler_clear (&self->sched);
  self->now = 0;
  self->next_event_id = 1;
  self->n_performed = 0;
  self->started = FALSE;
  self->total_emitted = 0;
  self->total_delivered = 0;
  self->total_dropped = 0;
  _swy_graph_reseed (self);

  for (guint i = 0; i < self->nodes->len; i++)
    _swy_node_reset (g_ptr_array_index (self->nodes, i));
  for (guint i = 0; i < self->wires->len; i++)
    _swy_wire_reset (g_ptr_array_index (self->wires, i));
  g_ptr_array_set_size (self->dirty_nodes, 0);
  g_ptr_array_set_size (self->dirty_wires, 0);

  swy_trace_clear (self->trace);

  if (self->notified_now != self->now)
    {
      self->notified_now = self->now;
      g_object_notify_by_pspec (G_OBJECT (self), _swy_graph_now_pspec ());
    }
}

/* Live mode. */

typedef struct
{
  GSource   source;
  SwyGraph *graph;
} SwyGraphSource;

static gint64
live_now (SwyGraph *self,
          gint64    mono)
{
  return self->base_virtual + (gint64)((mono - self->base_mono) * self->speed);
}

/**
 * swy_graph_get_now:
 * @self: a graph
 *
 * Gets the virtual time. While playing it follows the monotonic clock,
 * but never passes an item that has not been performed yet.
 *
 * Returns: microseconds of virtual time
 */
gint64
swy_graph_get_now (SwyGraph *self)
{
  const SwyPendingItem *top;
  gint64 live;

  g_return_val_if_fail (SWY_IS_GRAPH (self), 0);

  if (!self->playing)
    return self->now;

  live = live_now (self, g_get_monotonic_time ());
  top = _swy_scheduler_peek (&self->sched);
  if (top != NULL && top->due < live)
    live = top->due;

  return MAX (self->now, live);
}

static gboolean
source_prepare (GSource *source,
                int     *timeout)
{
  SwyGraph *self = ((SwyGraphSource *)source)->graph;
  const SwyPendingItem *top = _swy_scheduler_peek (&self->sched);
  gint64 mono;
  gint64 target;

  *timeout = -1;
  if (top == NULL)
    return FALSE;

  mono = g_get_monotonic_time ();
  if (mono < self->resume_mono)
    {
      *timeout = (int)((self->resume_mono - mono + 999) / 1000);
      return FALSE;
    }

  target = live_now (self, mono);
  if (top->due <= target)
    return TRUE;

  *timeout = (int)MIN ((double)G_MAXINT, ceil ((top->due - target) / self->speed / 1000.0));

  return FALSE;
}

static gboolean
source_check (GSource *source)
{
  int timeout;

  return source_prepare (source, &timeout);
}

/* Nothing else was ready: the yield ends now. */
static gboolean
resume_cb (gpointer user_data)
{
  SwyGraph *self = user_data;
  gint64 mono = g_get_monotonic_time ();

  g_clear_pointer (&self->resume_source, g_source_unref);
  if (self->playing && mono < self->resume_mono)
    {
      self->base_mono = mono;
      self->resume_mono = 0;
    }

  return G_SOURCE_REMOVE;
}

static void
yield (SwyGraph *self,
       gint64    next_due)
{
  /* Could not keep up: slow virtual time down instead of jumping later.
   * It goes on from the next item, which is due when the yield ends. */
  self->resume_mono = g_get_monotonic_time () + LIVE_YIELD_US;
  self->base_virtual = MAX (self->now, next_due);
  self->base_mono = self->resume_mono;

  if (self->resume_source == NULL)
    {
      self->resume_source = g_idle_source_new ();
      g_source_set_priority (self->resume_source, G_PRIORITY_LOW);
      g_source_set_callback (self->resume_source, resume_cb, self, NULL);
      g_source_set_static_name (self->resume_source, "[switchyard] graph resume");
      g_source_attach (self->resume_source, g_source_get_context (self->source));
    }
}

static gboolean
source_dispatch (GSource     *source,
                 GSourceFunc  callback,
                 gpointer     user_data)
{
  SwyGraph *self = ((SwyGraphSource *)source)->graph;
  gint64 start = g_get_monotonic_time ();
  gint64 target = live_now (self, start);
  gboolean behind = FALSE;
  guint n = 0;

  g_object_ref (self);
  init_quarks ();
  _swy_graph_begin_batch (self);

  while (self->playing && pop_and_perform (self, target))
    {
      if (++n % LIVE_CHECK_EVERY == 0 && g_get_monotonic_time () - start >= LIVE_SLICE_US)
        {
          behind = TRUE;
          break;
        }
    }

  if (behind && self->playing && _swy_scheduler_peek (&self->sched) != NULL &&
      _swy_scheduler_peek (&self->sched)->due <= target)
    yield (self, _swy_scheduler_peek (&self->sched)->due);
  else if (self->playing && self->now < target)
    {
      self->now = target;
    }

  _swy_graph_end_batch (self);
  g_object_unref (self);

  return G_SOURCE_CONTINUE;
}

static GSourceFuncs source_funcs = {
  source_prepare,
  source_check,
  source_dispatch,
  NULL,
  NULL,
  NULL,
};

void
_swy_graph_stop_source (SwyGraph *self)
{
  if (self->source != NULL)
    {
      g_source_destroy (self->source);
      g_clear_pointer (&self->source, g_source_unref);
    }
  if (self->resume_source != NULL)
    {
      g_source_destroy (self->resume_source);
      g_clear_pointer (&self->resume_source, g_source_unref);
    }
}

/**
 * swy_graph_play:
 * @self: a graph
 *
 * Starts live mode on the thread-default main context: one GSource drains
 * the scheduler as virtual time advances with the monotonic clock times
 * [property@Graph:speed].
 */
void
swy_graph_play (SwyGraph *self)
{
  g_autoptr(GMainContext) context = NULL;
  SwyGraphSource *source;

  g_return_if_fail (SWY_IS_GRAPH (self));
  g_return_if_fail (self->batch_level == 0);

  if (self->playing)
    return;

  _swy_graph_begin_batch (self);
  _swy_graph_ensure_started (self);
  _swy_graph_end_batch (self);

  self->playing = TRUE;
  self->base_mono = g_get_monotonic_time ();
  self->base_virtual = self->now;
  self->resume_mono = 0;

  source = (SwyGraphSource *)g_source_new (&source_funcs, sizeof (SwyGraphSource));
  source->graph = self;
  g_source_set_priority ((GSource *)source, G_PRIORITY_DEFAULT);
  g_source_set_static_name ((GSource *)source, "[switchyard] graph");
  context = g_main_context_ref_thread_default ();
  g_source_attach ((GSource *)source, context);
  self->source = (GSource *)source;

  g_object_notify_by_pspec (G_OBJECT (self), _swy_graph_playing_pspec ());
}

/**
 * swy_graph_pause:
 * @self: a graph
 *
 * Stops live mode, freezing virtual time.
 */
void
swy_graph_pause (SwyGraph *self)
{
  g_return_if_fail (SWY_IS_GRAPH (self));

  if (!self->playing)
    return;

  self->now = swy_graph_get_now (self);
  self->playing = FALSE;
  _swy_graph_stop_source (self);

  g_object_notify_by_pspec (G_OBJECT (self), _swy_graph_playing_pspec ());
  if (self->notified_now != self->now)
    {
      self->notified_now = self->now;
      g_object_notify_by_pspec (G_OBJECT (self), _swy_graph_now_pspec ());
    }
}

/**
 * swy_graph_get_playing:
 * @self: a graph
 *
 * Gets whether live mode is running.
 *
 * Returns: whether the graph plays
 */
gboolean
swy_graph_get_playing (SwyGraph *self)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), FALSE);

  return self->playing;
}

/**
 * swy_graph_get_speed:
 * @self: a graph
 *
 * Gets the live-mode speed factor.
 *
 * Returns: the speed
 */
double
swy_graph_get_speed (SwyGraph *self)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), 1.0);

  return self->speed;
}

/**
 * swy_graph_set_speed:
 * @self: a graph
 * @speed: a factor from 0.05 to 20
 *
 * Sets how fast virtual time runs in live mode, relative to the monotonic clock.
 */
void
swy_graph_set_speed (SwyGraph *self,
                     double    speed)
{
  g_return_if_fail (SWY_IS_GRAPH (self));
  g_return_if_fail (speed >= 0.05 && speed <= 20.0);

  if (self->speed != speed)
    {
      if (self->playing)
        {
          self->now = swy_graph_get_now (self);
          self->base_virtual = self->now;
          self->base_mono = g_get_monotonic_time ();
        }
      self->speed = speed;
      g_object_notify_by_pspec (G_OBJECT (self), _swy_graph_speed_pspec ());
    }
}
