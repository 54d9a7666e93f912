/* swy-stats-model.c: per node and per wire figures, rates and history of a graph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SwyStatsRow per node and per wire, in file order like the engine's
 * statistics. The model observes the graph at the end of every scheduler
 * batch (the graph notifies "now" then), so the rows sample the engine's
 * own counters and live state; nothing is counted twice. See
 * swy-stats-row.c for how samples and rates are made.
 */

#define G_LOG_DOMAIN "swy-stats-model"

#include "config.h"

#include "swy-stats-model.h"

/* While the graph plays, views hear of new figures this often at most. */
#define NOTIFY_INTERVAL_US (100 * G_TIME_SPAN_MILLISECOND)

struct _SwyStatsModel
{
  GObject     parent_instance;

  SwyGraph   *graph;
  SwyReplay  *replay;        /* counted instead of the engine, or NULL */
  GListStore *node_rows;
  GListStore *wire_rows;
  GHashTable *rows;          /* SwyNode or SwyWire → SwyStatsRow, owned by the stores */

  gint64      window;
  gint64      interval;
  guint       history_length;
  gint64      last_notify;   /* monotonic µs */
};

G_DEFINE_FINAL_TYPE (SwyStatsModel, swy_stats_model, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_GRAPH,
  PROP_WINDOW,
  PROP_SAMPLE_INTERVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SwyStatsModel *
swy_stats_model_new (void)
{
  return g_object_new (SWY_TYPE_STATS_MODEL, NULL);
}

static void
notify_rows (SwyStatsModel *self)
{
  GListModel *stores[] = { G_LIST_MODEL (self->node_rows), G_LIST_MODEL (self->wire_rows) };

  self->last_notify = g_get_monotonic_time ();
  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    for (guint i = 0; i < g_list_model_get_n_items (stores[s]); i++)
      {
        g_autoptr(SwyStatsRow) row = g_list_model_get_item (stores[s], i);

        swy_stats_row_emit_changed (row);
      }
}

/**
 * swy_stats_model_observe:
 * @self: a model
 *
 * Reads the graph's figures now. The model does this by itself at the end
 * of every batch; call it after changing the graph behind its back.
 */
void
swy_stats_model_observe (SwyStatsModel *self)
{
  GListModel *stores[2];
  gint64 now;

  g_return_if_fail (SWY_IS_STATS_MODEL (self));

  if (self->graph == NULL)
    return;

  now = self->replay != NULL ? swy_replay_get_time (self->replay) : swy_graph_get_now (self->graph);
  stores[0] = G_LIST_MODEL (self->node_rows);
  stores[1] = G_LIST_MODEL (self->wire_rows);
  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    for (guint i = 0; i < g_list_model_get_n_items (stores[s]); i++)
      {
        g_autoptr(SwyStatsRow) row = g_list_model_get_item (stores[s], i);

        swy_stats_row_observe (row, now, self->interval, self->window, self->history_length);
      }

  if (!(self->replay != NULL ? swy_replay_get_playing (self->replay) : swy_graph_get_playing (self->graph)) ||
      g_get_monotonic_time () - self->last_notify >= NOTIFY_INTERVAL_US)
    notify_rows (self);
}

/* Rows follow the graph's nodes and wires; a row that stays keeps its history. */
static void
sync_store (SwyStatsModel *self,
            GListStore    *store,
            GListModel    *objects,
            gboolean       nodes)
{
  guint n = g_list_model_get_n_items (objects);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (objects, i);
      SwyStatsRow *row = g_hash_table_lookup (self->rows, object);

      if (row != NULL)
        g_object_ref (row);
      else if (nodes)
        row = swy_stats_row_new_for_node (SWY_NODE (object));
      else
        row = swy_stats_row_new_for_wire (SWY_WIRE (object));
      swy_stats_row_set_replay (row, self->replay);
      g_ptr_array_add (rows, row);
      g_hash_table_add (kept, object);
    }

  /* Forget the rows of objects that are gone from this store. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(SwyStatsRow) row = g_list_model_get_item (G_LIST_MODEL (store), i);
      GObject *object = swy_stats_row_get_object (row);

      if (!g_hash_table_contains (kept, object))
        g_hash_table_remove (self->rows, object);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      SwyStatsRow *row = g_ptr_array_index (rows, i);

      g_hash_table_insert (self->rows, swy_stats_row_get_object (row), row);
    }

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       rows->pdata, rows->len);
}

static void
sync_rows (SwyStatsModel *self)
{
  if (self->graph == NULL)
    {
      g_hash_table_remove_all (self->rows);
      g_list_store_remove_all (self->node_rows);
      g_list_store_remove_all (self->wire_rows);
      return;
    }

  sync_store (self, self->node_rows, swy_graph_get_nodes (self->graph), TRUE);
  sync_store (self, self->wire_rows, swy_graph_get_wires (self->graph), FALSE);
  swy_stats_model_observe (self);
}

static void
graph_changed_cb (SwyStatsModel *self)
{
  sync_rows (self);
}

static void
clear_histories (SwyStatsModel *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    swy_stats_row_clear_history (row);
}

SwyGraph *
swy_stats_model_get_graph (SwyStatsModel *self)
{
  g_return_val_if_fail (SWY_IS_STATS_MODEL (self), NULL);

  return self->graph;
}

/**
 * swy_stats_model_set_graph:
 * @self: a model
 * @graph: (nullable): the graph to watch
 *
 * Watches @graph, with one row per node and per wire.
 */
void
swy_stats_model_set_graph (SwyStatsModel *self,
                           SwyGraph      *graph)
{
  g_return_if_fail (SWY_IS_STATS_MODEL (self));
  g_return_if_fail (graph == NULL || SWY_IS_GRAPH (graph));

  if (self->graph == graph)
    return;

  if (self->graph != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->graph, self);
      g_signal_handlers_disconnect_by_data (swy_graph_get_nodes (self->graph), self);
      g_signal_handlers_disconnect_by_data (swy_graph_get_wires (self->graph), self);
    }
  g_set_object (&self->graph, graph);
  if (graph != NULL)
    {
      g_signal_connect_swapped (graph, "notify::now", G_CALLBACK (swy_stats_model_observe), self);
      g_signal_connect_swapped (graph, "notify::playing", G_CALLBACK (swy_stats_model_observe), self);
      g_signal_connect_swapped (swy_graph_get_nodes (graph), "items-changed",
                                G_CALLBACK (graph_changed_cb), self);
      g_signal_connect_swapped (swy_graph_get_wires (graph), "items-changed",
                                G_CALLBACK (graph_changed_cb), self);
    }

  g_hash_table_remove_all (self->rows);
  g_list_store_remove_all (self->node_rows);
  g_list_store_remove_all (self->wire_rows);
  sync_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRAPH]);
}

/**
 * swy_stats_model_set_replay:
 * @self: a model
 * @replay: (nullable): a replay of a trace of the model's graph, or `NULL`
 *
 * Counts the records of @replay up to its time instead of reading the
 * engine, and follows the replay's time; `NULL` goes back to the engine.
 * Either way the histories start again.
 */
void
swy_stats_model_set_replay (SwyStatsModel *self,
                            SwyReplay     *replay)
{
  GHashTableIter iter;
  gpointer row;

  g_return_if_fail (SWY_IS_STATS_MODEL (self));
  g_return_if_fail (replay == NULL || SWY_IS_REPLAY (replay));

  if (self->replay == replay)
    return;

  if (self->replay != NULL)
    g_signal_handlers_disconnect_by_data (self->replay, self);
  g_set_object (&self->replay, replay);
  if (replay != NULL)
    {
      g_signal_connect_swapped (replay, "notify::time", G_CALLBACK (swy_stats_model_observe), self);
      g_signal_connect_swapped (replay, "notify::playing", G_CALLBACK (swy_stats_model_observe), self);
    }

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    swy_stats_row_set_replay (row, replay);
  swy_stats_model_observe (self);
}

/**
 * swy_stats_model_get_node_rows:
 * @self: a model
 *
 * Returns: (transfer none): a list of [class@StatsRow], one per node, in file order
 */
GListModel *
swy_stats_model_get_node_rows (SwyStatsModel *self)
{
  g_return_val_if_fail (SWY_IS_STATS_MODEL (self), NULL);

  return G_LIST_MODEL (self->node_rows);
}

/**
 * swy_stats_model_get_wire_rows:
 * @self: a model
 *
 * Returns: (transfer none): a list of [class@StatsRow], one per wire, in file order
 */
GListModel *
swy_stats_model_get_wire_rows (SwyStatsModel *self)
{
  g_return_val_if_fail (SWY_IS_STATS_MODEL (self), NULL);

  return G_LIST_MODEL (self->wire_rows);
}

/**
 * swy_stats_model_lookup_row:
 * @self: a model
 * @node_or_wire: a node or a wire of the graph
 *
 * Returns: (transfer none) (nullable): its row
 */
SwyStatsRow *
swy_stats_model_lookup_row (SwyStatsModel *self,
                            GObject       *node_or_wire)
{
  g_return_val_if_fail (SWY_IS_STATS_MODEL (self), NULL);

  return g_hash_table_lookup (self->rows, node_or_wire);
}

gint64
swy_stats_model_get_window (SwyStatsModel *self)
{
  g_return_val_if_fail (SWY_IS_STATS_MODEL (self), 0);

  return self->window;
}

/**
 * swy_stats_model_set_window:
 * @self: a model
 * @window_us: the span of virtual time rates are measured over, in µs
 */
void
swy_stats_model_set_window (SwyStatsModel *self,
                            gint64         window_us)
{
  g_return_if_fail (SWY_IS_STATS_MODEL (self));
  g_return_if_fail (window_us > 0);

  if (self->window == window_us)
    return;

  self->window = window_us;
  clear_histories (self);
  swy_stats_model_observe (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WINDOW]);
}

gint64
swy_stats_model_get_sample_interval (SwyStatsModel *self)
{
  g_return_val_if_fail (SWY_IS_STATS_MODEL (self), 0);

  return self->interval;
}

/**
 * swy_stats_model_set_sample_interval:
 * @self: a model
 * @interval_us: the step of the sample grid, in µs of virtual time
 *
 * Changing the step starts the histories again.
 */
void
swy_stats_model_set_sample_interval (SwyStatsModel *self,
                                     gint64         interval_us)
{
  g_return_if_fail (SWY_IS_STATS_MODEL (self));
  g_return_if_fail (interval_us > 0);

  if (self->interval == interval_us)
    return;

  self->interval = interval_us;
  clear_histories (self);
  swy_stats_model_observe (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAMPLE_INTERVAL]);
}

guint
swy_stats_model_get_history_length (SwyStatsModel *self)
{
  g_return_val_if_fail (SWY_IS_STATS_MODEL (self), 0);

  return self->history_length;
}

static void
swy_stats_model_dispose (GObject *object)
{
  SwyStatsModel *self = SWY_STATS_MODEL (object);

  swy_stats_model_set_replay (self, NULL);
  swy_stats_model_set_graph (self, NULL);

  G_OBJECT_CLASS (swy_stats_model_parent_class)->dispose (object);
}

static void
swy_stats_model_finalize (GObject *object)
{
  SwyStatsModel *self = SWY_STATS_MODEL (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_object (&self->node_rows);
  g_clear_object (&self->wire_rows);

  G_OBJECT_CLASS (swy_stats_model_parent_class)->finalize (object);
}

static void
swy_stats_model_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SwyStatsModel *self = SWY_STATS_MODEL (object);

  switch (prop_id)
    {
    case PROP_GRAPH:
      g_value_set_object (value, swy_stats_model_get_graph (self));
      break;

    case PROP_WINDOW:
      g_value_set_int64 (value, swy_stats_model_get_window (self));
      break;

    case PROP_SAMPLE_INTERVAL:
      g_value_set_int64 (value, swy_stats_model_get_sample_interval (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_stats_model_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SwyStatsModel *self = SWY_STATS_MODEL (object);

  switch (prop_id)
    {
    case PROP_GRAPH:
      swy_stats_model_set_graph (self, g_value_get_object (value));
      break;

    case PROP_WINDOW:
      swy_stats_model_set_window (self, g_value_get_int64 (value));
      break;

    case PROP_SAMPLE_INTERVAL:
      swy_stats_model_set_sample_interval (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_stats_model_class_init (SwyStatsModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = swy_stats_model_dispose;
  object_class->finalize = swy_stats_model_finalize;
  object_class->get_property = swy_stats_model_get_property;
  object_class->set_property = swy_stats_model_set_property;

  properties[PROP_GRAPH] =
    g_param_spec_object ("graph", NULL, NULL, SWY_TYPE_GRAPH,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WINDOW] =
    g_param_spec_int64 ("window", NULL, NULL, 1, G_MAXINT64, SWY_STATS_DEFAULT_WINDOW_US,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SAMPLE_INTERVAL] =
    g_param_spec_int64 ("sample-interval", NULL, NULL, 1, G_MAXINT64, SWY_STATS_DEFAULT_INTERVAL_US,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_stats_model_init (SwyStatsModel *self)
{
  self->node_rows = g_list_store_new (SWY_TYPE_STATS_ROW);
  self->wire_rows = g_list_store_new (SWY_TYPE_STATS_ROW);
  self->rows = g_hash_table_new (NULL, NULL);
  self->window = SWY_STATS_DEFAULT_WINDOW_US;
  self->interval = SWY_STATS_DEFAULT_INTERVAL_US;
  self->history_length = SWY_STATS_DEFAULT_HISTORY_LENGTH;
}
