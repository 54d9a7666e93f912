/* swy-graph.c: nodes, wires, settings and edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "swy-catalog.h"
#include "swy-enum-types.h"
#include "swy-graph-private.h"
#include "swy-node-private.h"
#include "swy-port-private.h"
#include "swy-trace-private.h"
#include "swy-wire-private.h"

/**
 * SwyGraph:
 *
 * A graph of nodes joined by wires, with its virtual clock and scheduler.
 *
 * Nodes ([property@Graph:nodes]) and wires ([property@Graph:wires]) are kept
 * in creation order, which is file order. The graph owns one scheduler: a
 * binary heap of pending items (queued deliveries, node timers) ordered by
 * due time, priority and scheduling order.
 *
 * In fast mode ([method@Graph.run_fast]) virtual time jumps from item to
 * item. In live mode ([method@Graph.play]) one GSource on the main loop
 * drains the heap as virtual time advances with the monotonic clock times
 * [property@Graph:speed], within a time budget per main-loop iteration.
 * [method@Graph.step] performs exactly one item.
 *
 * Edits are allowed while running: removing a wire or a node cancels its
 * pending deliveries, each traced as a drop with reason `removed`.
 */

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SEED,
  PROP_MAX_DEPTH,
  PROP_MAX_HOPS,
  PROP_MAX_PENDING,
  PROP_EXTRA,
  PROP_NODES,
  PROP_WIRES,
  PROP_TRACE,
  PROP_NOW,
  PROP_PLAYING,
  PROP_SPEED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyGraph, swy_graph, G_TYPE_OBJECT)

#define DEFAULT_MAX_DEPTH   64
#define DEFAULT_MAX_HOPS    256
#define DEFAULT_MAX_PENDING 100000

void
_swy_graph_keep_alive (SwyGraph *self,
                       gpointer  object)
{
  if (_swy_graph_in_batch (self))
    g_ptr_array_add (self->graveyard, g_object_ref (object));
}

static void
swy_graph_dispose (GObject *object)
{
  SwyGraph *self = (SwyGraph *)object;

  _swy_graph_stop_source (self);
  _swy_scheduler_clear (&self->sched);

  if (self->wires != NULL)
    {
      for (guint i = 0; i < self->wires->len; i++)
        _swy_wire_detach (g_ptr_array_index (self->wires, i));
      g_ptr_array_set_size (self->wires, 0);
    }
  if (self->nodes != NULL)
    {
      for (guint i = 0; i < self->nodes->len; i++)
        _swy_node_set_graph (g_ptr_array_index (self->nodes, i), NULL);
      g_ptr_array_set_size (self->nodes, 0);
    }
  if (self->wires_model != NULL)
    g_list_store_remove_all (self->wires_model);
  if (self->nodes_model != NULL)
    g_list_store_remove_all (self->nodes_model);
  if (self->nodes_by_id != NULL)
    g_hash_table_remove_all (self->nodes_by_id);
  if (self->graveyard != NULL)
    g_ptr_array_set_size (self->graveyard, 0);
  if (self->dirty_nodes != NULL)
    g_ptr_array_set_size (self->dirty_nodes, 0);
  if (self->dirty_wires != NULL)
    g_ptr_array_set_size (self->dirty_wires, 0);
  g_clear_object (&self->trace);

  G_OBJECT_CLASS (swy_graph_parent_class)->dispose (object);
}

static void
swy_graph_finalize (GObject *object)
{
  SwyGraph *self = (SwyGraph *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->extra, json_object_unref);
  g_clear_object (&self->nodes_model);
  g_clear_object (&self->wires_model);
  g_clear_pointer (&self->nodes, g_ptr_array_unref);
  g_clear_pointer (&self->wires, g_ptr_array_unref);
  g_clear_pointer (&self->nodes_by_id, g_hash_table_unref);
  g_clear_pointer (&self->graveyard, g_ptr_array_unref);
  g_clear_pointer (&self->dirty_nodes, g_ptr_array_unref);
  g_clear_pointer (&self->dirty_wires, g_ptr_array_unref);

  G_OBJECT_CLASS (swy_graph_parent_class)->finalize (object);
}

static void
swy_graph_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SwyGraph *self = SWY_GRAPH (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, swy_graph_get_title (self));
      break;

    case PROP_SEED:
      g_value_set_uint64 (value, swy_graph_get_seed (self));
      break;

    case PROP_MAX_DEPTH:
      g_value_set_uint (value, swy_graph_get_max_depth (self));
      break;

    case PROP_MAX_HOPS:
      g_value_set_uint (value, swy_graph_get_max_hops (self));
      break;

    case PROP_MAX_PENDING:
      g_value_set_uint (value, swy_graph_get_max_pending (self));
      break;

    case PROP_EXTRA:
      g_value_set_boxed (value, swy_graph_get_extra (self));
      break;

    case PROP_NODES:
      g_value_set_object (value, swy_graph_get_nodes (self));
      break;

    case PROP_WIRES:
      g_value_set_object (value, swy_graph_get_wires (self));
      break;

    case PROP_TRACE:
      g_value_set_object (value, swy_graph_get_trace (self));
      break;

    case PROP_NOW:
      g_value_set_int64 (value, swy_graph_get_now (self));
      break;

    case PROP_PLAYING:
      g_value_set_boolean (value, swy_graph_get_playing (self));
      break;

    case PROP_SPEED:
      g_value_set_double (value, swy_graph_get_speed (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_graph_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SwyGraph *self = SWY_GRAPH (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      swy_graph_set_title (self, g_value_get_string (value));
      break;

    case PROP_SEED:
      swy_graph_set_seed (self, g_value_get_uint64 (value));
      break;

    case PROP_MAX_DEPTH:
      swy_graph_set_max_depth (self, g_value_get_uint (value));
      break;

    case PROP_MAX_HOPS:
      swy_graph_set_max_hops (self, g_value_get_uint (value));
      break;

    case PROP_MAX_PENDING:
      swy_graph_set_max_pending (self, g_value_get_uint (value));
      break;

    case PROP_EXTRA:
      swy_graph_set_extra (self, g_value_get_boxed (value));
      break;

    case PROP_SPEED:
      swy_graph_set_speed (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_graph_class_init (SwyGraphClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = swy_graph_dispose;
  object_class->finalize = swy_graph_finalize;
  object_class->get_property = swy_graph_get_property;
  object_class->set_property = swy_graph_set_property;

  /**
   * SwyGraph:title:
   *
   * The title of the graph.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyGraph:seed:
   *
   * The seed of the graph's random generator, used by loss, jitter and the
   * poisson producer. Applied at the next [method@Graph.reset].
   */
  properties[PROP_SEED] =
    g_param_spec_uint64 ("seed", NULL, NULL,
                         0, G_MAXUINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyGraph:max-depth:
   *
   * The deepest sync nesting allowed; deeper deliveries are dropped with
   * reason `depth-limit`.
   */
  properties[PROP_MAX_DEPTH] =
    g_param_spec_uint ("max-depth", NULL, NULL,
                       1, 4096, DEFAULT_MAX_DEPTH,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyGraph:max-hops:
   *
   * The longest event lineage, in deliveries; longer ones are dropped with
   * reason `hop-limit`.
   */
  properties[PROP_MAX_HOPS] =
    g_param_spec_uint ("max-hops", NULL, NULL,
                       1, G_MAXINT32, DEFAULT_MAX_HOPS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyGraph:max-pending:
   *
   * The most items the scheduler holds; a queued delivery beyond it is
   * dropped with reason `pending-limit`. This bounds the memory of a
   * queued storm with fan-out before its hop limit ends it.
   */
  properties[PROP_MAX_PENDING] =
    g_param_spec_uint ("max-pending", NULL, NULL,
                       1, G_MAXINT32, DEFAULT_MAX_PENDING,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyGraph:extra:
   *
   * Top-level members of the graph file that the engine does not interpret
   * (such as `lesson`), kept so that saving writes them back.
   */
  properties[PROP_EXTRA] =
    g_param_spec_boxed ("extra", NULL, NULL,
                        JSON_TYPE_OBJECT,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyGraph:nodes:
   *
   * The nodes, in creation order.
   */
  properties[PROP_NODES] =
    g_param_spec_object ("nodes", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyGraph:wires:
   *
   * The wires, in creation order.
   */
  properties[PROP_WIRES] =
    g_param_spec_object ("wires", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyGraph:trace:
   *
   * The trace of the dispatch.
   */
  properties[PROP_TRACE] =
    g_param_spec_object ("trace", NULL, NULL,
                         SWY_TYPE_TRACE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyGraph:now:
   *
   * The virtual time in microseconds. Notified at most once per scheduler batch.
   */
  properties[PROP_NOW] =
    g_param_spec_int64 ("now", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyGraph:playing:
   *
   * Whether live mode is running.
   */
  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyGraph:speed:
   *
   * The factor between virtual and monotonic time in live mode.
   */
  properties[PROP_SPEED] =
    g_param_spec_double ("speed", NULL, NULL,
                         0.05, 20.0, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_graph_init (SwyGraph *self)
{
  self->max_depth = DEFAULT_MAX_DEPTH;
  self->max_hops = DEFAULT_MAX_HOPS;
  self->max_pending = DEFAULT_MAX_PENDING;
  self->speed = 1.0;
  self->next_event_id = 1;
  self->nodes_model = g_list_store_new (SWY_TYPE_NODE);
  self->wires_model = g_list_store_new (SWY_TYPE_WIRE);
  self->nodes = g_ptr_array_new_with_free_func (g_object_unref);
  self->wires = g_ptr_array_new_with_free_func (g_object_unref);
  self->nodes_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->graveyard = g_ptr_array_new_with_free_func (g_object_unref);
  self->dirty_nodes = g_ptr_array_new_with_free_func (g_object_unref);
  self->dirty_wires = g_ptr_array_new_with_free_func (g_object_unref);
  self->trace = swy_trace_new ();
  _swy_scheduler_init (&self->sched);
  _swy_graph_reseed (self);
}

void
_swy_graph_queue_node_notify (SwyGraph *self,
                              SwyNode  *node)
{
  g_ptr_array_add (self->dirty_nodes, g_object_ref (node));
}

void
_swy_graph_queue_wire_notify (SwyGraph *self,
                              SwyWire  *wire)
{
  g_ptr_array_add (self->dirty_wires, g_object_ref (wire));
}

/**
 * swy_graph_new:
 *
 * Creates an empty graph.
 *
 * Returns: (transfer full): a new graph
 */
SwyGraph *
swy_graph_new (void)
{
  return g_object_new (SWY_TYPE_GRAPH, NULL);
}

/**
 * swy_graph_get_title:
 * @self: a graph
 *
 * Gets the title of the graph.
 *
 * Returns: (nullable): the title
 */
const char *
swy_graph_get_title (SwyGraph *self)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), NULL);

  return self->title;
}

/**
 * swy_graph_set_title:
 * @self: a graph
 * @title: (nullable): the title
 *
 * Sets the title of the graph.
 */
void
swy_graph_set_title (SwyGraph   *self,
                     const char *title)
{
  g_return_if_fail (SWY_IS_GRAPH (self));

  if (g_strcmp0 (self->title, title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

/**
 * swy_graph_get_seed:
 * @self: a graph
 *
 * Gets the seed of the graph's random generator.
 *
 * Returns: the seed
 */
guint64
swy_graph_get_seed (SwyGraph *self)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), 0);

  return self->seed;
}

/**
 * swy_graph_set_seed:
 * @self: a graph
 * @seed: the seed
 *
 * Sets the seed of the graph's random generator. When the graph has not
 * started yet, the generator is reseeded right away; otherwise at the next
 * [method@Graph.reset].
 */
void
swy_graph_set_seed (SwyGraph *self,
                    guint64   seed)
{
  g_return_if_fail (SWY_IS_GRAPH (self));

  if (self->seed != seed)
    {
      self->seed = seed;
      if (!self->started)
        _swy_graph_reseed (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEED]);
    }
}

/**
 * swy_graph_get_max_depth:
 * @self: a graph
 *
 * Gets the deepest sync nesting allowed.
 *
 * Returns: the limit
 */
guint
swy_graph_get_max_depth (SwyGraph *self)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), 0);

  return self->max_depth;
}

/**
 * swy_graph_set_max_depth:
 * @self: a graph
 * @max_depth: the limit, at least 1
 *
 * Sets the deepest sync nesting allowed.
 */
void
swy_graph_set_max_depth (SwyGraph *self,
                         guint     max_depth)
{
  g_return_if_fail (SWY_IS_GRAPH (self));
  g_return_if_fail (max_depth >= 1 && max_depth <= 4096);

  if (self->max_depth != max_depth)
    {
      self->max_depth = max_depth;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_DEPTH]);
    }
}

/**
 * swy_graph_get_max_hops:
 * @self: a graph
 *
 * Gets the longest event lineage allowed, in deliveries.
 *
 * Returns: the limit
 */
guint
swy_graph_get_max_hops (SwyGraph *self)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), 0);

  return self->max_hops;
}

/**
 * swy_graph_set_max_hops:
 * @self: a graph
 * @max_hops: the limit, at least 1
 *
 * Sets the longest event lineage allowed, in deliveries.
 */
void
swy_graph_set_max_hops (SwyGraph *self,
                        guint     max_hops)
{
  g_return_if_fail (SWY_IS_GRAPH (self));
  g_return_if_fail (max_hops >= 1 && max_hops <= G_MAXINT32);

  if (self->max_hops != max_hops)
    {
      self->max_hops = max_hops;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_HOPS]);
    }
}

/**
 * swy_graph_get_max_pending:
 * @self: a graph
 *
 * Gets the most items the scheduler holds before queued deliveries are dropped.
 *
 * Returns: the limit
 */
guint
swy_graph_get_max_pending (SwyGraph *self)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), 0);

  return self->max_pending;
}

/**
 * swy_graph_set_max_pending:
 * @self: a graph
 * @max_pending: the limit, at least 1
 *
 * Sets the most items the scheduler holds before queued deliveries are
 * dropped with reason `pending-limit`.
 */
void
swy_graph_set_max_pending (SwyGraph *self,
                           guint     max_pending)
{
  g_return_if_fail (SWY_IS_GRAPH (self));
  g_return_if_fail (max_pending >= 1 && max_pending <= G_MAXINT32);

  if (self->max_pending != max_pending)
    {
      self->max_pending = max_pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_PENDING]);
    }
}

/**
 * swy_graph_get_extra:
 * @self: a graph
 *
 * Gets the file members the engine keeps without interpreting them, such
 * as `lesson` and unknown top-level keys.
 *
 * Returns: (transfer none) (nullable): the members
 */
JsonObject *
swy_graph_get_extra (SwyGraph *self)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), NULL);

  return self->extra;
}

/**
 * swy_graph_set_extra:
 * @self: a graph
 * @extra: (nullable): the members
 *
 * Sets the file members the engine keeps without interpreting them.
 */
void
swy_graph_set_extra (SwyGraph   *self,
                     JsonObject *extra)
{
  g_return_if_fail (SWY_IS_GRAPH (self));

  if (self->extra != extra)
    {
      if (extra != NULL)
        json_object_ref (extra);
      g_clear_pointer (&self->extra, json_object_unref);
      self->extra = extra;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTRA]);
    }
}

/**
 * swy_graph_get_nodes:
 * @self: a graph
 *
 * Gets the nodes in creation order.
 *
 * Returns: (transfer none): a list model of [class@Node]
 */
GListModel *
swy_graph_get_nodes (SwyGraph *self)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), NULL);

  return G_LIST_MODEL (self->nodes_model);
}

/**
 * swy_graph_get_wires:
 * @self: a graph
 *
 * Gets the wires in creation order.
 *
 * Returns: (transfer none): a list model of [class@Wire]
 */
GListModel *
swy_graph_get_wires (SwyGraph *self)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), NULL);

  return G_LIST_MODEL (self->wires_model);
}

/**
 * swy_graph_get_trace:
 * @self: a graph
 *
 * Gets the trace of the graph's dispatch.
 *
 * Returns: (transfer none): the trace
 */
SwyTrace *
swy_graph_get_trace (SwyGraph *self)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), NULL);

  return self->trace;
}

/**
 * swy_graph_add_node:
 * @self: a graph
 * @node: a node in no graph
 * @error: return location for an error
 *
 * Adds @node after the others. When the graph has already started, the node
 * starts now.
 *
 * Returns: whether the node was added; fails when the id is missing or taken
 */
gboolean
swy_graph_add_node (SwyGraph  *self,
                    SwyNode   *node,
                    GError   **error)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), FALSE);

  return swy_graph_insert_node (self, node, self->nodes->len, error);
}

/**
 * swy_graph_insert_node:
 * @self: a graph
 * @node: a node in no graph
 * @position: where the node goes among the graph's nodes; past the end appends
 * @error: return location for an error
 *
 * Adds @node at @position of the graph's node order, which is the order of
 * the file and the order in which producers start. An editor uses it to put
 * back a node that was removed, where it was. When the graph has already
 * started, the node starts now.
 *
 * Returns: whether the node was added; fails when the id is missing or taken
 */
gboolean
swy_graph_insert_node (SwyGraph  *self,
                       SwyNode   *node,
                       guint      position,
                       GError   **error)
{
  const char *id;

  g_return_val_if_fail (SWY_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (SWY_IS_NODE (node), FALSE);
  g_return_val_if_fail (swy_node_get_graph (node) == NULL, FALSE);

  id = swy_node_get_id (node);
  if (id == NULL || *id == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "A node needs a non-empty id");
      return FALSE;
    }
  if (g_hash_table_contains (self->nodes_by_id, id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   "Duplicate node id “%s”", id);
      return FALSE;
    }

  position = MIN (position, self->nodes->len);
  g_ptr_array_insert (self->nodes, position, g_object_ref (node));
  g_hash_table_insert (self->nodes_by_id, (gpointer)id, node);
  _swy_node_set_graph (node, self);
  g_list_store_insert (self->nodes_model, position, node);

  if (self->started)
    {
      _swy_graph_begin_batch (self);
      _swy_node_start (node);
      _swy_graph_end_batch (self);
    }

  return TRUE;
}

/**
 * swy_graph_create_node:
 * @self: a graph
 * @type_name: a catalog type name, such as `timer`
 * @id: the node id
 * @error: return location for an error
 *
 * Creates a node of a catalog type and adds it.
 *
 * Returns: (transfer none) (nullable): the node, or `NULL` with @error set
 */
SwyNode *
swy_graph_create_node (SwyGraph    *self,
                       const char  *type_name,
                       const char  *id,
                       GError     **error)
{
  g_autoptr(SwyNode) node = NULL;

  g_return_val_if_fail (SWY_IS_GRAPH (self), NULL);
  g_return_val_if_fail (type_name != NULL, NULL);

  node = swy_catalog_create_node (type_name, id, error);
  if (node == NULL)
    return NULL;

  if (!swy_graph_add_node (self, node, error))
    return NULL;

  return node;
}

/**
 * swy_graph_lookup_node:
 * @self: a graph
 * @id: a node id
 *
 * Looks a node up by id.
 *
 * Returns: (transfer none) (nullable): the node, or `NULL`
 */
SwyNode *
swy_graph_lookup_node (SwyGraph   *self,
                       const char *id)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->nodes_by_id, id);
}

/**
 * swy_graph_lookup_port:
 * @self: a graph
 * @address: a port address, `node-id:port`
 * @error: return location for an error
 *
 * Looks a port up by its address, as written in graph files.
 *
 * Returns: (transfer none) (nullable): the port, or `NULL` with @error set
 */
SwyPort *
swy_graph_lookup_port (SwyGraph    *self,
                       const char  *address,
                       GError     **error)
{
  g_autofree char *id = NULL;
  const char *colon;
  SwyNode *node;
  SwyPort *port;

  g_return_val_if_fail (SWY_IS_GRAPH (self), NULL);
  g_return_val_if_fail (address != NULL, NULL);

  colon = strrchr (address, ':');
  if (colon == NULL || colon == address || colon[1] == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” is not a port address (node:port)", address);
      return NULL;
    }

  id = g_strndup (address, colon - address);
  node = swy_graph_lookup_node (self, id);
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "No node “%s”", id);
      return NULL;
    }

  port = swy_node_get_port (node, colon + 1);
  if (port == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "Node “%s” has no port “%s”", id, colon + 1);
      return NULL;
    }

  return port;
}

/**
 * swy_graph_rename_node:
 * @self: a graph
 * @node: a node of @self
 * @id: the new id
 * @error: return location for an error
 *
 * Changes the id of a node.
 *
 * Returns: whether the node was renamed; fails when @id is empty or taken
 */
gboolean
swy_graph_rename_node (SwyGraph    *self,
                       SwyNode     *node,
                       const char  *id,
                       GError     **error)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (SWY_IS_NODE (node), FALSE);
  g_return_val_if_fail (swy_node_get_graph (node) == self, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (g_strcmp0 (swy_node_get_id (node), id) == 0)
    return TRUE;

  if (*id == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "A node needs a non-empty id");
      return FALSE;
    }
  if (g_hash_table_contains (self->nodes_by_id, id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   "Duplicate node id “%s”", id);
      return FALSE;
    }

  g_hash_table_remove (self->nodes_by_id, swy_node_get_id (node));
  _swy_node_set_id (node, id);
  g_hash_table_insert (self->nodes_by_id, (gpointer)swy_node_get_id (node), node);

  return TRUE;
}

static void
renumber_wires (SwyGraph *self)
{
  for (guint i = 0; i < self->wires->len; i++)
    ((SwyWire *)g_ptr_array_index (self->wires, i))->index = i;
}

/**
 * swy_graph_remove_wire:
 * @self: a graph
 * @wire: a wire of @self
 *
 * Removes a wire. Its pending deliveries are cancelled, each traced as a
 * drop with reason `removed`.
 */
void
swy_graph_remove_wire (SwyGraph *self,
                       SwyWire  *wire)
{
  g_autoptr(SwyWire) hold = NULL;
  guint pos;

  g_return_if_fail (SWY_IS_GRAPH (self));
  g_return_if_fail (SWY_IS_WIRE (wire));
  g_return_if_fail (wire->graph == self);

  hold = g_object_ref (wire);

  _swy_graph_begin_batch (self);
  _swy_graph_cancel_wire (self, wire);

  pos = wire->index;
  _swy_wire_detach (wire);
  g_ptr_array_remove_index (self->wires, pos);
  g_list_store_remove (self->wires_model, pos);
  renumber_wires (self);
  _swy_graph_keep_alive (self, wire);
  _swy_graph_end_batch (self);
}

/**
 * swy_graph_remove_node:
 * @self: a graph
 * @node: a node of @self
 *
 * Removes a node and every wire attached to it. Pending deliveries on those
 * wires and events held by the node's pending timers are traced as drops
 * with reason `removed`.
 */
void
swy_graph_remove_node (SwyGraph *self,
                       SwyNode  *node)
{
  g_autoptr(SwyNode) hold = NULL;
  guint pos;

  g_return_if_fail (SWY_IS_GRAPH (self));
  g_return_if_fail (SWY_IS_NODE (node));
  g_return_if_fail (swy_node_get_graph (node) == self);

  hold = g_object_ref (node);

  _swy_graph_begin_batch (self);

  for (guint i = self->wires->len; i-- > 0;)
    {
      SwyWire *wire = g_ptr_array_index (self->wires, i);

      if (wire->from->node == node || wire->to->node == node)
        swy_graph_remove_wire (self, wire);
    }

  _swy_graph_cancel_node (self, node);

  if (!g_ptr_array_find (self->nodes, node, &pos))
    g_assert_not_reached ();

  g_hash_table_remove (self->nodes_by_id, swy_node_get_id (node));
  _swy_graph_keep_alive (self, node);
  g_ptr_array_remove_index (self->nodes, pos);
  g_list_store_remove (self->nodes_model, pos);
  _swy_node_set_graph (node, NULL);

  _swy_graph_end_batch (self);
}

/**
 * swy_graph_add_wire:
 * @self: a graph
 * @wire: a wire between ports of nodes of this graph
 * @error: return location for an error
 *
 * Adds a wire: connects its handler to the output port's signal, after the
 * handlers of the wires added before it.
 *
 * Returns: whether the wire was added
 */
gboolean
swy_graph_add_wire (SwyGraph  *self,
                    SwyWire   *wire,
                    GError   **error)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), FALSE);

  return swy_graph_insert_wire (self, wire, self->wires->len, error);
}

/**
 * swy_graph_insert_wire:
 * @self: a graph
 * @wire: a wire between ports of nodes of this graph
 * @position: where the wire goes among the graph's wires; past the end appends
 * @error: return location for an error
 *
 * Adds a wire at @position of the graph's wire order. Handlers run in wire
 * order, so the wire's handler is connected after those of the earlier wires
 * of its output and before the later ones (they are reconnected behind it).
 * An editor uses it to put back a wire that was removed, where it was.
 *
 * Returns: whether the wire was added
 */
gboolean
swy_graph_insert_wire (SwyGraph  *self,
                       SwyWire   *wire,
                       guint      position,
                       GError   **error)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (SWY_IS_WIRE (wire), FALSE);
  g_return_val_if_fail (wire->graph == NULL, FALSE);

  if (wire->from->direction != SWY_PORT_DIRECTION_OUTPUT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Port “%s” is not an output", wire->from->name);
      return FALSE;
    }
  if (wire->to->direction != SWY_PORT_DIRECTION_INPUT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Port “%s” is not an input", wire->to->name);
      return FALSE;
    }
  if (wire->from->node == NULL || swy_node_get_graph (wire->from->node) != self ||
      wire->to->node == NULL || swy_node_get_graph (wire->to->node) != self)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "The wire's ports do not belong to nodes of this graph");
      return FALSE;
    }

  position = MIN (position, self->wires->len);
  g_ptr_array_insert (self->wires, position, g_object_ref (wire));
  for (guint i = position; i < self->wires->len; i++)
    ((SwyWire *)g_ptr_array_index (self->wires, i))->index = i;
  _swy_wire_attach (wire, self);
  g_list_store_insert (self->wires_model, position, wire);

  return TRUE;
}

/**
 * swy_graph_connect:
 * @self: a graph
 * @from: an output address, `node-id:port`
 * @to: an input address, `node-id:port`
 * @error: return location for an error
 *
 * Creates a sync wire with default options from @from to @to and adds it.
 *
 * Returns: (transfer none) (nullable): the wire, or `NULL` with @error set
 */
SwyWire *
swy_graph_connect (SwyGraph    *self,
                   const char  *from,
                   const char  *to,
                   GError     **error)
{
  g_autoptr(SwyWire) wire = NULL;
  SwyPort *from_port;
  SwyPort *to_port;

  g_return_val_if_fail (SWY_IS_GRAPH (self), NULL);
  g_return_val_if_fail (from != NULL, NULL);
  g_return_val_if_fail (to != NULL, NULL);

  if (!(from_port = swy_graph_lookup_port (self, from, error)) ||
      !(to_port = swy_graph_lookup_port (self, to, error)))
    return NULL;

  wire = swy_wire_new (from_port, to_port);
  if (!swy_graph_add_wire (self, wire, error))
    return NULL;

  return wire;
}

/**
 * swy_graph_fire_button:
 * @self: a graph
 * @id: a node id
 * @error: return location for an error
 *
 * Fires the node @id, as a click in the editor does (see [method@Node.fire]).
 *
 * Returns: whether the node exists
 */
gboolean
swy_graph_fire_button (SwyGraph    *self,
                       const char  *id,
                       GError     **error)
{
  SwyNode *node;

  g_return_val_if_fail (SWY_IS_GRAPH (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  node = swy_graph_lookup_node (self, id);
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No node “%s”", id);
      return FALSE;
    }

  swy_node_fire (node);

  return TRUE;
}

/**
 * swy_graph_get_total_emitted:
 * @self: a graph
 *
 * Gets the number of emissions of all nodes since the last reset.
 *
 * Returns: the count
 */
guint64
swy_graph_get_total_emitted (SwyGraph *self)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), 0);

  return self->total_emitted;
}

/**
 * swy_graph_get_total_delivered:
 * @self: a graph
 *
 * Gets the number of deliveries since the last reset.
 *
 * Returns: the count
 */
guint64
swy_graph_get_total_delivered (SwyGraph *self)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), 0);

  return self->total_delivered;
}

/**
 * swy_graph_get_total_dropped:
 * @self: a graph
 *
 * Gets the number of drops since the last reset, wire losses included.
 *
 * Returns: the count
 */
guint64
swy_graph_get_total_dropped (SwyGraph *self)
{
  g_return_val_if_fail (SWY_IS_GRAPH (self), 0);

  return self->total_dropped;
}

static void
add_uint (JsonBuilder *builder,
          const char  *name,
          guint64      value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, (gint64)value);
}

/**
 * swy_graph_dup_stats:
 * @self: a graph
 *
 * Builds the statistics object written by `switchyard-run --stats`:
 * `virtual_ms`, `totals`, `nodes` (by id, in file order, with `type`,
 * counters, `drop_reasons` and `extra`) and `wires` (in file order).
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
swy_graph_dup_stats (SwyGraph *self)
{
  g_autoptr(JsonBuilder) builder = NULL;

  g_return_val_if_fail (SWY_IS_GRAPH (self), NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "virtual_ms");
  if (self->now % 1000 == 0)
    json_builder_add_int_value (builder, self->now / 1000);
  else
    json_builder_add_double_value (builder, self->now / 1000.0);

  json_builder_set_member_name (builder, "totals");
  json_builder_begin_object (builder);
  add_uint (builder, "emitted", self->total_emitted);
  add_uint (builder, "delivered", self->total_delivered);
  add_uint (builder, "dropped", self->total_dropped);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "nodes");
  json_builder_begin_object (builder);
  for (guint i = 0; i < self->nodes->len; i++)
    {
      SwyNode *node = g_ptr_array_index (self->nodes, i);
      g_autoptr(GVariant) reasons = swy_node_dup_drop_reasons (node);
      g_autoptr(GVariant) extra = swy_node_dup_extra_stats (node);
      GVariantIter iter;
      const char *key;
      guint64 count;
      GVariant *value;

      json_builder_set_member_name (builder, swy_node_get_id (node));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, swy_node_get_type_name (node));
      add_uint (builder, "received", swy_node_get_received (node));
      add_uint (builder, "emitted", swy_node_get_emitted (node));
      add_uint (builder, "dropped", swy_node_get_dropped (node));

      json_builder_set_member_name (builder, "drop_reasons");
      json_builder_begin_object (builder);
      g_variant_iter_init (&iter, reasons);
      while (g_variant_iter_next (&iter, "{&st}", &key, &count))
        add_uint (builder, key, count);
      json_builder_end_object (builder);

      json_builder_set_member_name (builder, "extra");
      json_builder_begin_object (builder);
      g_variant_iter_init (&iter, extra);
      while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
        {
          json_builder_set_member_name (builder, key);
          json_builder_add_value (builder, json_gvariant_serialize (value));
          g_variant_unref (value);
        }
      json_builder_end_object (builder);

      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "wires");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->wires->len; i++)
    {
      SwyWire *wire = g_ptr_array_index (self->wires, i);
      g_autofree char *from = swy_port_dup_address (wire->from);
      g_autofree char *to = swy_port_dup_address (wire->to);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "from");
      json_builder_add_string_value (builder, from);
      json_builder_set_member_name (builder, "to");
      json_builder_add_string_value (builder, to);
      add_uint (builder, "delivered", wire->delivered);
      add_uint (builder, "lost", wire->lost);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

GParamSpec *
_swy_graph_now_pspec (void)
{
  return properties[PROP_NOW];
}

GParamSpec *
_swy_graph_playing_pspec (void)
{
  return properties[PROP_PLAYING];
}

GParamSpec *
_swy_graph_speed_pspec (void)
{
  return properties[PROP_SPEED];
}
