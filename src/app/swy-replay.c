/* swy-replay.c: a recorded trace played back over virtual time, view only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A replay shows what a trace recorded; nothing runs. It is a GListModel
 * of the records up to its time, so the event log and the timeline show an
 * imported trace the way they show a live one. Time moves with the same
 * controls as a graph's: play and pause (at a speed), step (to the next
 * moment of virtual time at which something was recorded), seek, reset.
 *
 * The graph is the one the user opened for the trace: every node, port and
 * wire the trace names must be in it, or the replay is refused with the line
 * that does not match.
 *
 * What the canvas and the statistics show of a graph, the replay works out
 * from the records shown: the counters the engine keeps (received, emitted,
 * dropped with their reasons per node, delivered and lost per wire, the
 * totals), counted the engine's way and kept up to date as time moves, and
 * the events in flight on queued wires: an event is on a wire from the
 * emission that sent it to its delivery, so a delivery whose emission is
 * shown and which is not shown itself is in flight.
 */

#define G_LOG_DOMAIN "swy-replay"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "swy-replay.h"

#define TICK_MS 16

typedef struct
{
  GQuark  reason;
  guint64 count;
} ReasonCount;

typedef struct
{
  SwyReplayCounts counts;
  GArray         *reasons;    /* of ReasonCount */
} NodeCounts;

/* An emission: the sender of a delivery is the last emission of the same
 * event by the node at the wire's start. */
typedef struct
{
  guint64 event_id;
  GQuark  node;
} EmitKey;

struct _SwyReplay
{
  GObject   parent_instance;

  SwyGraph *graph;
  SwyTrace *trace;
  guint     n_records;
  guint     n_shown;
  gint64    time;
  double    speed;

  /* Per record: when the delivery was sent, or -1 (not a delivery, or its
   * emission is not in the trace); and the longest time on a wire. */
  gint64   *sent;
  gint64    max_transit;

  /* Counters of the records shown */
  GHashTable *nodes;          /* GQuark → NodeCounts */
  guint64    *wire_delivered;
  guint64    *wire_lost;
  guint       n_wires;
  guint64     total_emitted;
  guint64     total_delivered;
  guint64     total_dropped;

  guint     tick_id;
  gint64    base_mono;
  gint64    base_time;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SwyReplay, swy_replay, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

G_DEFINE_QUARK (swy-replay-error-quark, swy_replay_error)

enum {
  PROP_0,
  PROP_GRAPH,
  PROP_TRACE,
  PROP_TIME,
  PROP_PLAYING,
  PROP_SPEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
swy_replay_get_item_type (GListModel *model)
{
  return SWY_TYPE_TRACE_RECORD;
}

static guint
swy_replay_get_n_items (GListModel *model)
{
  return SWY_REPLAY (model)->n_shown;
}

static gpointer
swy_replay_get_item (GListModel *model,
                     guint       position)
{
  SwyReplay *self = SWY_REPLAY (model);

  if (position >= self->n_shown)
    return NULL;

  return swy_trace_get_record (self->trace, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = swy_replay_get_item_type;
  iface->get_n_items = swy_replay_get_n_items;
  iface->get_item = swy_replay_get_item;
}

static gint64
record_time (SwyReplay *self,
             guint      position)
{
  SwyTraceRecordData data;

  if (!swy_trace_peek (self->trace, position, &data))
    return G_MAXINT64;

  return data.time;
}

/* The number of records at or before @t: times never decrease. */
static guint
count_until (SwyReplay *self,
             gint64     t)
{
  guint low = 0, high = self->n_records;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (record_time (self, mid) <= t)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

/* Counting */

static NodeCounts *
node_counts (SwyReplay *self,
             GQuark     node)
{
  NodeCounts *counts = g_hash_table_lookup (self->nodes, GUINT_TO_POINTER (node));

  if (counts == NULL)
    {
      counts = g_new0 (NodeCounts, 1);
      counts->reasons = g_array_new (FALSE, FALSE, sizeof (ReasonCount));
      g_hash_table_insert (self->nodes, GUINT_TO_POINTER (node), counts);
    }

  return counts;
}

static void
node_counts_free (gpointer data)
{
  NodeCounts *counts = data;

  g_array_unref (counts->reasons);
  g_free (counts);
}

static void
count_reason (NodeCounts *counts,
              GQuark      reason,
              int         sign)
{
  ReasonCount fresh = { reason, 0 };

  for (guint i = 0; i < counts->reasons->len; i++)
    {
      ReasonCount *known = &g_array_index (counts->reasons, ReasonCount, i);

      if (known->reason == reason)
        {
          known->count += sign;
          return;
        }
    }

  fresh.count += sign;
  g_array_append_val (counts->reasons, fresh);
}

/* Adds (@sign 1) or takes back (-1) one record, as the engine counts it: a
 * loss belongs to its wire, any other drop to the node where it happens. */
static void
count_record (SwyReplay *self,
              guint      position,
              int        sign)
{
  static GQuark q_loss;
  SwyTraceRecordData data;
  gboolean on_wire;

  if (G_UNLIKELY (q_loss == 0))
    q_loss = g_quark_from_static_string ("loss");

  if (!swy_trace_peek (self->trace, position, &data))
    return;

  on_wire = data.wire >= 0 && (guint) data.wire < self->n_wires;
  switch (data.kind)
    {
    case SWY_TRACE_KIND_EMIT:
      node_counts (self, data.node)->counts.emitted += sign;
      self->total_emitted += sign;
      break;

    case SWY_TRACE_KIND_DELIVER:
      node_counts (self, data.node)->counts.received += sign;
      if (on_wire)
        self->wire_delivered[data.wire] += sign;
      self->total_delivered += sign;
      break;

    case SWY_TRACE_KIND_DROP:
      if (data.reason == q_loss)
        {
          if (on_wire)
            self->wire_lost[data.wire] += sign;
        }
      else
        {
          NodeCounts *counts = node_counts (self, data.node);

          counts->counts.dropped += sign;
          count_reason (counts, data.reason, sign);
        }
      self->total_dropped += sign;
      break;

    default:
      break;
    }
}

static guint
emit_key_hash (gconstpointer key)
{
  const EmitKey *k = key;

  return g_int64_hash (&k->event_id) ^ g_direct_hash (GUINT_TO_POINTER (k->node));
}

static gboolean
emit_key_equal (gconstpointer a,
                gconstpointer b)
{
  const EmitKey *ka = a, *kb = b;

  return ka->event_id == kb->event_id && ka->node == kb->node;
}

/* The node that sent a delivery: JSON lines name the wire, not its start. */
static GQuark
sender (SwyReplay                *self,
        const SwyTraceRecordData *data)
{
  GListModel *wires = swy_graph_get_wires (self->graph);
  g_autoptr(SwyWire) wire = NULL;

  if (data->from_node != 0)
    return data->from_node;
  if (data->wire < 0 || (guint) data->wire >= g_list_model_get_n_items (wires))
    return 0;

  wire = g_list_model_get_item (wires, data->wire);
  return g_quark_from_string (swy_node_get_id (swy_port_get_node (swy_wire_get_from (wire))));
}

/* Finds when each delivery was sent, in one pass in dispatch order. */
static void
find_send_times (SwyReplay *self)
{
  g_autoptr(GHashTable) emitted = g_hash_table_new_full (emit_key_hash, emit_key_equal, g_free, g_free);

  self->sent = g_new (gint64, MAX (self->n_records, 1));
  for (guint i = 0; i < self->n_records; i++)
    {
      SwyTraceRecordData data;
      EmitKey key;
      gint64 *when;

      self->sent[i] = -1;
      if (!swy_trace_peek (self->trace, i, &data))
        continue;

      if (data.kind == SWY_TRACE_KIND_EMIT)
        {
          EmitKey *stored = g_new (EmitKey, 1);
          gint64 *time = g_new (gint64, 1);

          stored->event_id = data.event_id;
          stored->node = data.node;
          *time = data.time;
          g_hash_table_replace (emitted, stored, time);
        }
      else if (data.kind == SWY_TRACE_KIND_DELIVER &&
               (key.node = sender (self, &data)) != 0)
        {
          key.event_id = data.event_id;
          when = g_hash_table_lookup (emitted, &key);
          if (when != NULL && *when <= data.time)
            {
              self->sent[i] = *when;
              self->max_transit = MAX (self->max_transit, data.time - *when);
            }
        }
    }
}

static void
show (SwyReplay *self,
      guint      n_shown,
      gint64     time)
{
  guint old = self->n_shown;

  for (guint i = old; i < n_shown; i++)
    count_record (self, i, 1);
  for (guint i = n_shown; i < old; i++)
    count_record (self, i, -1);

  self->n_shown = n_shown;
  if (n_shown > old)
    g_list_model_items_changed (G_LIST_MODEL (self), old, 0, n_shown - old);
  else if (n_shown < old)
    g_list_model_items_changed (G_LIST_MODEL (self), n_shown, old - n_shown, 0);

  if (self->time != time)
    {
      self->time = time;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
    }
}

/* Matching */

static gboolean G_GNUC_PRINTF (3, 4)
mismatch (GError     **error,
          guint        line,
          const char  *format,
          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: a line number of the trace file, then what does not match the graph */
  g_set_error (error, SWY_REPLAY_ERROR, SWY_REPLAY_ERROR_MISMATCH, _("Line %u: %s"), line, message);

  return FALSE;
}

static gboolean
check_record (SwyGraph                 *graph,
              const SwyTraceRecordData *data,
              guint                     line,
              GError                  **error)
{
  const char *node_id = g_quark_to_string (data->node);
  gboolean emit = data->kind == SWY_TRACE_KIND_EMIT;
  GListModel *wires = swy_graph_get_wires (graph);
  SwyNode *node = swy_graph_lookup_node (graph, node_id);
  SwyPort *port = NULL;

  if (node == NULL)
    return mismatch (error, line, _("this graph has no node “%s”"), node_id);

  if (data->port != 0)
    {
      port = swy_node_get_port (node, g_quark_to_string (data->port));
      if (port == NULL ||
          swy_port_get_direction (port) != (emit ? SWY_PORT_DIRECTION_OUTPUT : SWY_PORT_DIRECTION_INPUT))
        return mismatch (error, line,
                         emit ? _("node “%s” has no output “%s”") : _("node “%s” has no input “%s”"),
                         node_id, g_quark_to_string (data->port));
    }

  if (data->wire >= 0)
    {
      g_autoptr(SwyWire) wire = NULL;
      g_autofree char *to = NULL;

      if ((guint) data->wire >= g_list_model_get_n_items (wires))
        return mismatch (error, line, _("this graph has no wire %d: it has %u"),
                         data->wire, g_list_model_get_n_items (wires));

      wire = g_list_model_get_item (wires, data->wire);
      if (port != NULL && swy_wire_get_to (wire) != port)
        {
          g_autofree char *here = g_strdup_printf ("%s:%s", node_id, g_quark_to_string (data->port));

          to = swy_port_dup_address (swy_wire_get_to (wire));
          return mismatch (error, line, _("wire %d goes to “%s” in this graph, not to “%s”"),
                           data->wire, to, here);
        }
    }

  return TRUE;
}

/* Public API */

/**
 * swy_replay_new:
 * @graph: the graph the trace was recorded from
 * @trace: the recorded trace, for example read with swy_trace_read_jsonl()
 * @error: return location for an error
 *
 * Creates a replay of @trace over @graph, at its start: nothing shown.
 * The trace must hold records, and every node, port and wire it names must
 * be in @graph (ids at the time of the recording, wires by index in file
 * order), else the error says which line does not match.
 *
 * Returns: (transfer full) (nullable): the replay
 */
SwyReplay *
swy_replay_new (SwyGraph  *graph,
                SwyTrace  *trace,
                GError   **error)
{
  guint n;

  g_return_val_if_fail (SWY_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (SWY_IS_TRACE (trace), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  swy_trace_flush (trace);
  n = g_list_model_get_n_items (G_LIST_MODEL (trace));
  if (n == 0)
    {
      g_set_error_literal (error, SWY_REPLAY_ERROR, SWY_REPLAY_ERROR_EMPTY,
                           _("The trace holds no records"));
      return NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      SwyTraceRecordData data;

      if (!swy_trace_peek (trace, i, &data) || !check_record (graph, &data, i + 1, error))
        return NULL;
    }

  return g_object_new (SWY_TYPE_REPLAY, "graph", graph, "trace", trace, NULL);
}

static SwyTrace *
read_trace (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(SwyTrace) trace = swy_trace_new ();

  /* The whole file, however long: the ring grows as it fills. */
  swy_trace_set_capacity (trace, G_MAXINT32);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  if (!swy_trace_read_jsonl (trace, G_INPUT_STREAM (stream), cancellable, error))
    return NULL;

  return g_steal_pointer (&trace);
}

/**
 * swy_replay_new_from_file:
 * @graph: the graph the trace was recorded from
 * @file: a JSON lines trace, as `switchyard-run --trace` writes
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Reads a trace file and creates a replay of it: see swy_replay_new().
 * Read errors are in the `G_IO_ERROR` domain, and name the line.
 *
 * Returns: (transfer full) (nullable): the replay
 */
SwyReplay *
swy_replay_new_from_file (SwyGraph      *graph,
                          GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(SwyTrace) trace = NULL;

  g_return_val_if_fail (SWY_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  trace = read_trace (file, cancellable, error);
  if (trace == NULL)
    return NULL;

  return swy_replay_new (graph, trace, error);
}

static void
read_trace_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  SwyTrace *trace = read_trace (G_FILE (task_data), cancellable, &error);

  if (trace == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, trace, g_object_unref);
}

/**
 * swy_replay_new_from_file_async:
 * @graph: the graph the trace was recorded from
 * @file: a JSON lines trace
 * @cancellable: (nullable): a cancellable
 * @callback: called when the replay is ready
 * @user_data: data for @callback
 *
 * Reads the trace in a worker thread; swy_replay_new_from_file_finish()
 * then checks it against @graph, in the calling thread.
 */
void
swy_replay_new_from_file_async (SwyGraph            *graph,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SWY_IS_GRAPH (graph));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (graph, cancellable, callback, user_data);
  g_task_set_source_tag (task, swy_replay_new_from_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_trace_thread);
}

/**
 * swy_replay_new_from_file_finish:
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the replay
 */
SwyReplay *
swy_replay_new_from_file_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_autoptr(SwyTrace) trace = NULL;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_is_valid (result, g_task_get_source_object (G_TASK (result))), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == swy_replay_new_from_file_async, NULL);

  trace = g_task_propagate_pointer (G_TASK (result), error);
  if (trace == NULL)
    return NULL;

  return swy_replay_new (SWY_GRAPH (g_task_get_source_object (G_TASK (result))), trace, error);
}

SwyGraph *
swy_replay_get_graph (SwyReplay *self)
{
  g_return_val_if_fail (SWY_IS_REPLAY (self), NULL);

  return self->graph;
}

/**
 * swy_replay_get_trace:
 * @self: a replay
 *
 * Returns: (transfer none): every record of the replay, shown or not
 */
SwyTrace *
swy_replay_get_trace (SwyReplay *self)
{
  g_return_val_if_fail (SWY_IS_REPLAY (self), NULL);

  return self->trace;
}

/**
 * swy_replay_get_time:
 * @self: a replay
 *
 * Returns: the replay's virtual time, in µs: its playhead
 */
gint64
swy_replay_get_time (SwyReplay *self)
{
  g_return_val_if_fail (SWY_IS_REPLAY (self), 0);

  return self->time;
}

/**
 * swy_replay_get_end_time:
 * @self: a replay
 *
 * Returns: the time of the last record, in µs
 */
gint64
swy_replay_get_end_time (SwyReplay *self)
{
  g_return_val_if_fail (SWY_IS_REPLAY (self), 0);

  return record_time (self, self->n_records - 1);
}

/**
 * swy_replay_get_n_shown:
 * @self: a replay
 *
 * Returns: the number of records shown: those up to the replay's time
 *   (none right after a reset)
 */
guint
swy_replay_get_n_shown (SwyReplay *self)
{
  g_return_val_if_fail (SWY_IS_REPLAY (self), 0);

  return self->n_shown;
}

/**
 * swy_replay_seek:
 * @self: a replay
 * @t_us: a virtual time, in µs
 *
 * Shows every record up to @t_us, and no later one.
 */
void
swy_replay_seek (SwyReplay *self,
                 gint64     t_us)
{
  g_return_if_fail (SWY_IS_REPLAY (self));

  t_us = MAX (t_us, 0);
  if (self->tick_id != 0)
    {
      self->base_time = t_us;
      self->base_mono = g_get_monotonic_time ();
    }
  show (self, count_until (self, t_us), t_us);
}

/**
 * swy_replay_step:
 * @self: a replay
 *
 * Pauses, then moves to the next moment at which something was recorded
 * and shows every record of that moment.
 *
 * Returns: whether there was a next moment
 */
gboolean
swy_replay_step (SwyReplay *self)
{
  gint64 next;

  g_return_val_if_fail (SWY_IS_REPLAY (self), FALSE);

  swy_replay_pause (self);
  if (self->n_shown >= self->n_records)
    return FALSE;

  next = record_time (self, self->n_shown);
  show (self, count_until (self, next), next);

  return TRUE;
}

/**
 * swy_replay_step_back:
 * @self: a replay
 *
 * Pauses, then moves back to the moment before the last one shown, as if
 * stepping there from the start; from the first moment, back to the start.
 *
 * Returns: whether there was an earlier moment or the start to go back to
 */
gboolean
swy_replay_step_back (SwyReplay *self)
{
  gint64 last;
  guint before;

  g_return_val_if_fail (SWY_IS_REPLAY (self), FALSE);

  swy_replay_pause (self);
  if (self->n_shown == 0)
    return FALSE;

  last = record_time (self, self->n_shown - 1);
  before = last > 0 ? count_until (self, last - 1) : 0;
  if (before == 0)
    show (self, 0, 0);
  else
    show (self, before, record_time (self, before - 1));

  return TRUE;
}

/**
 * swy_replay_get_node_counts:
 * @self: a replay
 * @node_id: a node of the replay's graph
 * @counts: (out): where to store the node's counters
 *
 * Gets the counters the engine would show for @node_id, from the records
 * up to the replay's time.
 */
void
swy_replay_get_node_counts (SwyReplay       *self,
                            const char      *node_id,
                            SwyReplayCounts *counts)
{
  GQuark node = g_quark_try_string (node_id);
  NodeCounts *found;

  g_return_if_fail (SWY_IS_REPLAY (self));
  g_return_if_fail (counts != NULL);

  found = node != 0 ? g_hash_table_lookup (self->nodes, GUINT_TO_POINTER (node)) : NULL;
  if (found != NULL)
    *counts = found->counts;
  else
    memset (counts, 0, sizeof *counts);
}

/**
 * swy_replay_dup_drop_reasons:
 * @self: a replay
 * @node_id: a node of the replay's graph
 *
 * Returns: (transfer full): the drops at @node_id up to the replay's time
 *   by reason, as `a{st}` like swy_node_dup_drop_reasons()
 */
GVariant *
swy_replay_dup_drop_reasons (SwyReplay  *self,
                             const char *node_id)
{
  GQuark node = g_quark_try_string (node_id);
  NodeCounts *found;
  GVariantBuilder builder;

  g_return_val_if_fail (SWY_IS_REPLAY (self), NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{st}"));
  found = node != 0 ? g_hash_table_lookup (self->nodes, GUINT_TO_POINTER (node)) : NULL;
  for (guint i = 0; found != NULL && i < found->reasons->len; i++)
    {
      ReasonCount *reason = &g_array_index (found->reasons, ReasonCount, i);

      if (reason->count > 0)
        g_variant_builder_add (&builder, "{st}", g_quark_to_string (reason->reason), reason->count);
    }

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/**
 * swy_replay_get_wire_counts:
 * @self: a replay
 * @index: a wire's index in the graph, as the trace names it
 * @delivered: (out) (optional): the deliveries over the wire
 * @lost: (out) (optional): the events the wire lost
 */
void
swy_replay_get_wire_counts (SwyReplay *self,
                            guint      index,
                            guint64   *delivered,
                            guint64   *lost)
{
  g_return_if_fail (SWY_IS_REPLAY (self));

  if (delivered != NULL)
    *delivered = index < self->n_wires ? self->wire_delivered[index] : 0;
  if (lost != NULL)
    *lost = index < self->n_wires ? self->wire_lost[index] : 0;
}

/**
 * swy_replay_get_totals:
 * @self: a replay
 * @emitted: (out) (optional): the emissions shown
 * @delivered: (out) (optional): the deliveries shown
 * @dropped: (out) (optional): the drops shown, losses included
 */
void
swy_replay_get_totals (SwyReplay *self,
                       guint64   *emitted,
                       guint64   *delivered,
                       guint64   *dropped)
{
  g_return_if_fail (SWY_IS_REPLAY (self));

  if (emitted != NULL)
    *emitted = self->total_emitted;
  if (delivered != NULL)
    *delivered = self->total_delivered;
  if (dropped != NULL)
    *dropped = self->total_dropped;
}

/**
 * swy_replay_foreach_in_flight:
 * @self: a replay
 * @func: (scope call): called for each event in flight
 * @user_data: data for @func
 *
 * Calls @func for every event on a wire at the replay's time: sent by an
 * emission shown, delivered by a record not shown yet. Like
 * swy_graph_foreach_in_flight(), with the times the trace recorded.
 */
void
swy_replay_foreach_in_flight (SwyReplay       *self,
                              SwyInFlightFunc  func,
                              gpointer         user_data)
{
  GListModel *wires;
  gint64 horizon;

  g_return_if_fail (SWY_IS_REPLAY (self));
  g_return_if_fail (func != NULL);

  wires = swy_graph_get_wires (self->graph);
  horizon = self->time + self->max_transit;
  for (guint i = self->n_shown; i < self->n_records; i++)
    {
      SwyTraceRecordData data;
      g_autoptr(SwyWire) wire = NULL;

      if (!swy_trace_peek (self->trace, i, &data) || data.time > horizon)
        break;
      if (data.kind != SWY_TRACE_KIND_DELIVER || self->sent[i] < 0 || self->sent[i] > self->time ||
          data.time <= self->time || data.wire < 0 ||
          (guint) data.wire >= g_list_model_get_n_items (wires) || data.event == NULL)
        continue;

      wire = g_list_model_get_item (wires, data.wire);
      func (wire, data.event, self->sent[i], data.time, user_data);
    }
}

/**
 * swy_replay_reset:
 * @self: a replay
 *
 * Pauses and goes back to the start: time 0, nothing shown.
 */
void
swy_replay_reset (SwyReplay *self)
{
  g_return_if_fail (SWY_IS_REPLAY (self));

  swy_replay_pause (self);
  show (self, 0, 0);
}

static gboolean
tick_cb (gpointer user_data)
{
  SwyReplay *self = user_data;
  gint64 end = swy_replay_get_end_time (self);
  gint64 t = self->base_time + (gint64) ((g_get_monotonic_time () - self->base_mono) * self->speed);

  if (t >= end)
    {
      show (self, self->n_records, end);
      self->tick_id = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
      return G_SOURCE_REMOVE;
    }

  show (self, MAX (self->n_shown, count_until (self, t)), t);

  return G_SOURCE_CONTINUE;
}

/**
 * swy_replay_play:
 * @self: a replay
 *
 * Moves time forward with the monotonic clock times the speed, until the
 * last record is shown. At the end, starts again from the beginning.
 */
void
swy_replay_play (SwyReplay *self)
{
  g_return_if_fail (SWY_IS_REPLAY (self));

  if (self->tick_id != 0)
    return;

  if (self->n_shown >= self->n_records)
    show (self, 0, 0);

  self->base_time = self->time;
  self->base_mono = g_get_monotonic_time ();
  self->tick_id = g_timeout_add (TICK_MS, tick_cb, self);
  g_source_set_name_by_id (self->tick_id, "[switchyard] replay");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

void
swy_replay_pause (SwyReplay *self)
{
  g_return_if_fail (SWY_IS_REPLAY (self));

  if (self->tick_id == 0)
    return;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
}

gboolean
swy_replay_get_playing (SwyReplay *self)
{
  g_return_val_if_fail (SWY_IS_REPLAY (self), FALSE);

  return self->tick_id != 0;
}

double
swy_replay_get_speed (SwyReplay *self)
{
  g_return_val_if_fail (SWY_IS_REPLAY (self), 1.0);

  return self->speed;
}

/**
 * swy_replay_set_speed:
 * @self: a replay
 * @speed: a factor from 0.05 to 20, as for a graph
 */
void
swy_replay_set_speed (SwyReplay *self,
                      double     speed)
{
  g_return_if_fail (SWY_IS_REPLAY (self));
  g_return_if_fail (speed >= 0.05 && speed <= 20.0);

  if (self->speed == speed)
    return;

  if (self->tick_id != 0)
    {
      self->base_time = self->time;
      self->base_mono = g_get_monotonic_time ();
    }
  self->speed = speed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEED]);
}

/* GObject */

static void
swy_replay_constructed (GObject *object)
{
  SwyReplay *self = SWY_REPLAY (object);

  G_OBJECT_CLASS (swy_replay_parent_class)->constructed (object);

  self->n_records = g_list_model_get_n_items (G_LIST_MODEL (self->trace));
  self->n_wires = g_list_model_get_n_items (swy_graph_get_wires (self->graph));
  self->wire_delivered = g_new0 (guint64, MAX (self->n_wires, 1));
  self->wire_lost = g_new0 (guint64, MAX (self->n_wires, 1));
  find_send_times (self);
}

static void
swy_replay_dispose (GObject *object)
{
  SwyReplay *self = SWY_REPLAY (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_object (&self->graph);
  g_clear_object (&self->trace);

  G_OBJECT_CLASS (swy_replay_parent_class)->dispose (object);
}

static void
swy_replay_finalize (GObject *object)
{
  SwyReplay *self = SWY_REPLAY (object);

  g_clear_pointer (&self->sent, g_free);
  g_clear_pointer (&self->wire_delivered, g_free);
  g_clear_pointer (&self->wire_lost, g_free);
  g_clear_pointer (&self->nodes, g_hash_table_unref);

  G_OBJECT_CLASS (swy_replay_parent_class)->finalize (object);
}

static void
swy_replay_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SwyReplay *self = SWY_REPLAY (object);

  switch (prop_id)
    {
    case PROP_GRAPH:
      g_value_set_object (value, self->graph);
      break;

    case PROP_TRACE:
      g_value_set_object (value, self->trace);
      break;

    case PROP_TIME:
      g_value_set_int64 (value, self->time);
      break;

    case PROP_PLAYING:
      g_value_set_boolean (value, swy_replay_get_playing (self));
      break;

    case PROP_SPEED:
      g_value_set_double (value, self->speed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_replay_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SwyReplay *self = SWY_REPLAY (object);

  switch (prop_id)
    {
    case PROP_GRAPH:
      self->graph = g_value_dup_object (value);
      break;

    case PROP_TRACE:
      self->trace = g_value_dup_object (value);
      break;

    case PROP_SPEED:
      swy_replay_set_speed (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_replay_class_init (SwyReplayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = swy_replay_constructed;
  object_class->dispose = swy_replay_dispose;
  object_class->finalize = swy_replay_finalize;
  object_class->get_property = swy_replay_get_property;
  object_class->set_property = swy_replay_set_property;

  properties[PROP_GRAPH] =
    g_param_spec_object ("graph", NULL, NULL, SWY_TYPE_GRAPH,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TRACE] =
    g_param_spec_object ("trace", NULL, NULL, SWY_TYPE_TRACE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TIME] =
    g_param_spec_int64 ("time", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SPEED] =
    g_param_spec_double ("speed", NULL, NULL, 0.05, 20.0, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_replay_init (SwyReplay *self)
{
  self->speed = 1.0;
  self->nodes = g_hash_table_new_full (NULL, NULL, NULL, node_counts_free);
}
