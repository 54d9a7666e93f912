/* swy-node.c: the base class of every node type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "swy-catalog.h"
#include "swy-graph-private.h"
#include "swy-node-private.h"
#include "swy-port-private.h"

/**
 * SwyNode:
 *
 * The base class of every node type.
 *
 * A node has a unique string [property@Node:id], named ports, typed GObject
 * properties (its configuration) and counters: [property@Node:received]
 * counts deliveries into its inputs, [property@Node:emitted] counts
 * emissions on its outputs (once per emission, whatever the number of
 * wires) and [property@Node:dropped] counts the events it discarded, each
 * with a reason.
 *
 * Counters and other live state are notified at most once per scheduler
 * batch (see [method@Node.queue_notify]), never once per event.
 *
 * Implementations override [vfunc@Node.handle_event] and emit through
 * [method@Node.emit]; everything goes through the graph's single dispatch
 * point, which keeps the causal context, the counters and the trace.
 */

enum {
  PROP_0,
  PROP_ID,
  PROP_X,
  PROP_Y,
  PROP_GRAPH,
  PROP_RECEIVED,
  PROP_EMITTED,
  PROP_DROPPED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_TYPE_WITH_PRIVATE (SwyNode, swy_node, G_TYPE_OBJECT)

SwyNodePrivate *
_swy_node_get_private (SwyNode *self)
{
  return swy_node_get_instance_private (self);
}

static gboolean
swy_node_real_is_ready (SwyNode *self)
{
  return TRUE;
}

static void
swy_node_real_handle_event (SwyNode  *self,
                            SwyPort  *port,
                            SwyEvent *event)
{
}

static void
swy_node_dispose (GObject *object)
{
  SwyNode *self = (SwyNode *)object;
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  if (priv->ports != NULL)
    {
      for (guint i = 0; i < priv->ports->len; i++)
        _swy_port_clear_node (g_ptr_array_index (priv->ports, i));
    }
  g_clear_pointer (&priv->ports, g_ptr_array_unref);
  g_clear_object (&priv->ports_model);

  G_OBJECT_CLASS (swy_node_parent_class)->dispose (object);
}

static void
swy_node_finalize (GObject *object)
{
  SwyNode *self = (SwyNode *)object;
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_clear_pointer (&priv->id, g_free);
  g_clear_pointer (&priv->drop_reasons, g_array_unref);

  G_OBJECT_CLASS (swy_node_parent_class)->finalize (object);
}

static void
swy_node_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SwyNode *self = SWY_NODE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, swy_node_get_id (self));
      break;

    case PROP_X:
      g_value_set_double (value, swy_node_get_x (self));
      break;

    case PROP_Y:
      g_value_set_double (value, swy_node_get_y (self));
      break;

    case PROP_GRAPH:
      g_value_set_object (value, swy_node_get_graph (self));
      break;

    case PROP_RECEIVED:
      g_value_set_uint64 (value, swy_node_get_received (self));
      break;

    case PROP_EMITTED:
      g_value_set_uint64 (value, swy_node_get_emitted (self));
      break;

    case PROP_DROPPED:
      g_value_set_uint64 (value, swy_node_get_dropped (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_node_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SwyNode *self = SWY_NODE (object);

  switch (prop_id)
    {
    case PROP_ID:
      _swy_node_set_id (self, g_value_get_string (value));
      break;

    case PROP_X:
      swy_node_set_x (self, g_value_get_double (value));
      break;

    case PROP_Y:
      swy_node_set_y (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_node_class_init (SwyNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = swy_node_dispose;
  object_class->finalize = swy_node_finalize;
  object_class->get_property = swy_node_get_property;
  object_class->set_property = swy_node_set_property;

  klass->is_ready = swy_node_real_is_ready;
  klass->handle_event = swy_node_real_handle_event;

  /**
   * SwyNode:id:
   *
   * The identifier of the node, unique in its graph. Set at construction;
   * rename a node in a graph with [method@Graph.rename_node].
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * SwyNode:x:
   *
   * The horizontal position in the editor. The engine ignores it.
   */
  properties[PROP_X] =
    g_param_spec_double ("x", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyNode:y:
   *
   * The vertical position in the editor. The engine ignores it.
   */
  properties[PROP_Y] =
    g_param_spec_double ("y", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyNode:graph:
   *
   * The graph the node belongs to.
   */
  properties[PROP_GRAPH] =
    g_param_spec_object ("graph", NULL, NULL,
                         SWY_TYPE_GRAPH,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyNode:received:
   *
   * Deliveries into the node's inputs. Notified at most once per batch.
   */
  properties[PROP_RECEIVED] =
    g_param_spec_uint64 ("received", NULL, NULL,
                         0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyNode:emitted:
   *
   * Emissions on the node's outputs, once per emission whatever the number
   * of wires. Notified at most once per batch.
   */
  properties[PROP_EMITTED] =
    g_param_spec_uint64 ("emitted", NULL, NULL,
                         0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyNode:dropped:
   *
   * Events the node discarded, all reasons together (see
   * [method@Node.dup_drop_reasons]). Notified at most once per batch.
   */
  properties[PROP_DROPPED] =
    g_param_spec_uint64 ("dropped", NULL, NULL,
                         0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_node_init (SwyNode *self)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  priv->ports = g_ptr_array_new_with_free_func (g_object_unref);
  priv->ports_model = g_list_store_new (SWY_TYPE_PORT);
  priv->drop_reasons = g_array_new (FALSE, FALSE, sizeof (SwyDropReason));
}

void
_swy_node_set_graph (SwyNode  *self,
                     SwyGraph *graph)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  if (priv->graph != graph)
    {
      priv->graph = graph;
      priv->n_dirty = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRAPH]);
    }
}

void
_swy_node_set_id (SwyNode    *self,
                  const char *id)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  if (g_strcmp0 (priv->id, id) != 0)
    {
      g_free (priv->id);
      priv->id = g_strdup (id);
      /* Interned when a trace first records the node, not here: a quark
       * lives as long as the process, and an id read from a file that is
       * only opened, or fails to load, should not. */
      priv->id_quark = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

/**
 * swy_node_queue_notify:
 * @self: a node
 * @pspec: a property of @self
 *
 * Notifies @pspec at the end of the current scheduler batch, once however
 * many times it is queued, or right away when no batch is running.
 *
 * Node implementations use this for live state (a queue's length, a
 * counter's count) so that the per-event cost stays a few nanoseconds.
 */
void
swy_node_queue_notify (SwyNode    *self,
                       GParamSpec *pspec)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_if_fail (SWY_IS_NODE (self));
  g_return_if_fail (pspec != NULL);

  if (priv->graph == NULL || !_swy_graph_in_batch (priv->graph))
    {
      g_object_notify_by_pspec (G_OBJECT (self), pspec);
      return;
    }

  for (guint i = 0; i < priv->n_dirty; i++)
    if (priv->dirty[i] == pspec)
      return;

  if (priv->n_dirty == 0)
    _swy_graph_queue_node_notify (priv->graph, self);

  if (priv->n_dirty < SWY_NODE_MAX_DIRTY)
    priv->dirty[priv->n_dirty++] = pspec;
  else
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

void
_swy_node_flush_notify (SwyNode *self)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);
  GParamSpec *dirty[SWY_NODE_MAX_DIRTY];
  guint n = priv->n_dirty;

  memcpy (dirty, priv->dirty, sizeof dirty);
  priv->n_dirty = 0;

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < n; i++)
    g_object_notify_by_pspec (G_OBJECT (self), dirty[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
_swy_node_count_received (SwyNode *self)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  priv->received++;
  swy_node_queue_notify (self, properties[PROP_RECEIVED]);
}

void
_swy_node_count_emitted (SwyNode *self)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  priv->emitted++;
  swy_node_queue_notify (self, properties[PROP_EMITTED]);
}

void
_swy_node_count_drop (SwyNode *self,
                      GQuark   reason)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);
  SwyDropReason entry = { reason, 1 };

  priv->dropped++;
  for (guint i = 0; i < priv->drop_reasons->len; i++)
    {
      SwyDropReason *r = &g_array_index (priv->drop_reasons, SwyDropReason, i);

      if (r->reason == reason)
        {
          r->count++;
          goto counted;
        }
    }
  g_array_append_val (priv->drop_reasons, entry);

counted:
  swy_node_queue_notify (self, properties[PROP_DROPPED]);
}

void
_swy_node_start (SwyNode *self)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  if (priv->started)
    return;

  priv->started = TRUE;
  if (SWY_NODE_GET_CLASS (self)->start)
    SWY_NODE_GET_CLASS (self)->start (self);
}

void
_swy_node_reset (SwyNode *self)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  priv->started = FALSE;
  priv->n_dirty = 0;
  g_array_set_size (priv->drop_reasons, 0);

  if (SWY_NODE_GET_CLASS (self)->reset)
    SWY_NODE_GET_CLASS (self)->reset (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (priv->received != 0)
    {
      priv->received = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIVED]);
    }
  if (priv->emitted != 0)
    {
      priv->emitted = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMITTED]);
    }
  if (priv->dropped != 0)
    {
      priv->dropped = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DROPPED]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * swy_node_get_id:
 * @self: a node
 *
 * Gets the identifier of the node.
 *
 * Returns: (nullable): the id
 */
const char *
swy_node_get_id (SwyNode *self)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_val_if_fail (SWY_IS_NODE (self), NULL);

  return priv->id;
}

/**
 * swy_node_get_type_name:
 * @self: a node
 *
 * Gets the catalog name of the node's type, as written in graph files.
 *
 * Returns: (nullable): the type name, or `NULL` for a type not in the catalog
 */
const char *
swy_node_get_type_name (SwyNode *self)
{
  SwyNodeType *type;

  g_return_val_if_fail (SWY_IS_NODE (self), NULL);

  type = swy_catalog_lookup_gtype (G_OBJECT_TYPE (self));

  return type ? swy_node_type_get_name (type) : NULL;
}

/**
 * swy_node_get_graph:
 * @self: a node
 *
 * Gets the graph the node belongs to.
 *
 * Returns: (transfer none) (nullable): the graph
 */
SwyGraph *
swy_node_get_graph (SwyNode *self)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_val_if_fail (SWY_IS_NODE (self), NULL);

  return priv->graph;
}

/**
 * swy_node_get_x:
 * @self: a node
 *
 * Gets the horizontal position in the editor.
 *
 * Returns: the position
 */
double
swy_node_get_x (SwyNode *self)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_val_if_fail (SWY_IS_NODE (self), 0.0);

  return priv->x;
}

/**
 * swy_node_set_x:
 * @self: a node
 * @x: the position
 *
 * Sets the horizontal position in the editor.
 */
void
swy_node_set_x (SwyNode *self,
                double   x)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_if_fail (SWY_IS_NODE (self));

  if (priv->x != x)
    {
      priv->x = x;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_X]);
    }
}

/**
 * swy_node_get_y:
 * @self: a node
 *
 * Gets the vertical position in the editor.
 *
 * Returns: the position
 */
double
swy_node_get_y (SwyNode *self)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_val_if_fail (SWY_IS_NODE (self), 0.0);

  return priv->y;
}

/**
 * swy_node_set_y:
 * @self: a node
 * @y: the position
 *
 * Sets the vertical position in the editor.
 */
void
swy_node_set_y (SwyNode *self,
                double   y)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_if_fail (SWY_IS_NODE (self));

  if (priv->y != y)
    {
      priv->y = y;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_Y]);
    }
}

/**
 * swy_node_get_ports:
 * @self: a node
 *
 * Gets the ports of the node, inputs and outputs, in the order the
 * implementation added them.
 *
 * Returns: (transfer none): a list model of [class@Port]
 */
GListModel *
swy_node_get_ports (SwyNode *self)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_val_if_fail (SWY_IS_NODE (self), NULL);

  return G_LIST_MODEL (priv->ports_model);
}

/**
 * swy_node_get_port:
 * @self: a node
 * @name: a port name
 *
 * Looks a port up by name.
 *
 * Returns: (transfer none) (nullable): the port, or `NULL`
 */
SwyPort *
swy_node_get_port (SwyNode    *self,
                   const char *name)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_val_if_fail (SWY_IS_NODE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < priv->ports->len; i++)
    {
      SwyPort *port = g_ptr_array_index (priv->ports, i);

      if (g_str_equal (port->name, name))
        return port;
    }

  return NULL;
}

/**
 * swy_node_add_port:
 * @self: a node
 * @name: the port name, unique in the node
 * @direction: input or output
 *
 * Adds a port. Node implementations call this from their instance init.
 *
 * Returns: (transfer none): the new port
 */
SwyPort *
swy_node_add_port (SwyNode          *self,
                   const char       *name,
                   SwyPortDirection  direction)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);
  SwyPort *port;

  g_return_val_if_fail (SWY_IS_NODE (self), NULL);
  g_return_val_if_fail (name != NULL && *name != '\0', NULL);
  g_return_val_if_fail (swy_node_get_port (self, name) == NULL, NULL);

  port = _swy_port_new (self, name, direction);
  g_ptr_array_add (priv->ports, port);
  g_list_store_append (priv->ports_model, port);

  return port;
}

/**
 * swy_node_get_received:
 * @self: a node
 *
 * Gets the number of deliveries into the node's inputs.
 *
 * Returns: the count
 */
guint64
swy_node_get_received (SwyNode *self)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_val_if_fail (SWY_IS_NODE (self), 0);

  return priv->received;
}

/**
 * swy_node_get_emitted:
 * @self: a node
 *
 * Gets the number of emissions on the node's outputs.
 *
 * Returns: the count
 */
guint64
swy_node_get_emitted (SwyNode *self)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_val_if_fail (SWY_IS_NODE (self), 0);

  return priv->emitted;
}

/**
 * swy_node_get_dropped:
 * @self: a node
 *
 * Gets the number of events the node discarded.
 *
 * Returns: the count
 */
guint64
swy_node_get_dropped (SwyNode *self)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_val_if_fail (SWY_IS_NODE (self), 0);

  return priv->dropped;
}

/**
 * swy_node_get_drop_count:
 * @self: a node
 * @reason: a drop reason, such as `overflow`
 *
 * Gets the number of events dropped for @reason.
 *
 * Returns: the count
 */
guint64
swy_node_get_drop_count (SwyNode    *self,
                         const char *reason)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);
  GQuark q;

  g_return_val_if_fail (SWY_IS_NODE (self), 0);
  g_return_val_if_fail (reason != NULL, 0);

  q = g_quark_try_string (reason);
  for (guint i = 0; q != 0 && i < priv->drop_reasons->len; i++)
    {
      const SwyDropReason *r = &g_array_index (priv->drop_reasons, SwyDropReason, i);

      if (r->reason == q)
        return r->count;
    }

  return 0;
}

/**
 * swy_node_dup_drop_reasons:
 * @self: a node
 *
 * Gets the drop counts by reason, in order of first occurrence.
 *
 * Returns: (transfer full): a variant of type `a{st}`
 */
GVariant *
swy_node_dup_drop_reasons (SwyNode *self)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);
  GVariantBuilder builder;

  g_return_val_if_fail (SWY_IS_NODE (self), NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{st}"));
  for (guint i = 0; i < priv->drop_reasons->len; i++)
    {
      const SwyDropReason *r = &g_array_index (priv->drop_reasons, SwyDropReason, i);

      g_variant_builder_add (&builder, "{st}", g_quark_to_string (r->reason), r->count);
    }

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/**
 * swy_node_dup_extra_stats:
 * @self: a node
 *
 * Gets the type-specific figures of the node, such as a filter's
 * `rejected` or a queue's `max_depth`, sorted by name.
 *
 * Returns: (transfer full): a variant of type `a{sv}`
 */
GVariant *
swy_node_dup_extra_stats (SwyNode *self)
{
  g_autoptr(GVariant) unsorted = NULL;
  g_autoptr(GVariantDict) dict = NULL;
  g_autofree const char **keys = NULL;
  GVariantBuilder builder;
  gsize n;

  g_return_val_if_fail (SWY_IS_NODE (self), NULL);

  /* On the heap: a binding wraps the boxed argument with g_variant_dict_ref(),
   * which refuses a dict initialized on the stack. */
  dict = g_variant_dict_new (NULL);
  if (SWY_NODE_GET_CLASS (self)->add_extra_stats)
    SWY_NODE_GET_CLASS (self)->add_extra_stats (self, dict);
  unsorted = g_variant_ref_sink (g_variant_dict_end (dict));

  /* Sorted by key, so that statistics files are stable. */
  n = g_variant_n_children (unsorted);
  keys = g_new0 (const char *, n + 1);
  for (gsize i = 0; i < n; i++)
    g_variant_get_child (unsorted, i, "{&sv}", &keys[i], NULL);
  qsort (keys, n, sizeof (char *), compare_strings);

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) value = g_variant_lookup_value (unsorted, keys[i], NULL);

      g_variant_builder_add (&builder, "{sv}", keys[i], value);
    }

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

/**
 * swy_node_is_ready:
 * @self: a node
 *
 * Checks whether the node accepts work now. Every node is ready except a
 * worker whose slots are all busy.
 *
 * Returns: whether the node is ready
 */
gboolean
swy_node_is_ready (SwyNode *self)
{
  g_return_val_if_fail (SWY_IS_NODE (self), FALSE);

  return SWY_NODE_GET_CLASS (self)->is_ready (self);
}

/**
 * swy_node_fire:
 * @self: a node
 *
 * Triggers the node by hand, as a click in the editor does. Only some node
 * types (the button) react. The emissions and every sync delivery they
 * cause happen before this returns.
 */
void
swy_node_fire (SwyNode *self)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_if_fail (SWY_IS_NODE (self));
  g_return_if_fail (priv->graph != NULL);

  if (SWY_NODE_GET_CLASS (self)->fire == NULL)
    return;

  _swy_graph_begin_batch (priv->graph);
  _swy_graph_ensure_started (priv->graph);
  SWY_NODE_GET_CLASS (self)->fire (self);
  _swy_graph_end_batch (priv->graph);
}

/**
 * swy_node_new_event:
 * @self: a node in a graph
 * @topic: the topic
 * @payload: (nullable): the payload; a floating reference is sunk
 *
 * Creates an event with the next id of the graph, created now, whose
 * parent is the event in the current causal context (the one being
 * handled, or the one captured by [method@Node.schedule]), or 0.
 *
 * Returns: (transfer full): a new event
 */
SwyEvent *
swy_node_new_event (SwyNode    *self,
                    const char *topic,
                    GVariant   *payload)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_val_if_fail (SWY_IS_NODE (self), NULL);
  g_return_val_if_fail (priv->graph != NULL, NULL);
  g_return_val_if_fail (topic != NULL, NULL);

  return _swy_graph_new_event (priv->graph,
                               priv->graph->frame ? priv->graph->frame->event : NULL,
                               g_quark_from_string (topic),
                               payload);
}

/**
 * swy_node_new_child_event:
 * @self: a node in a graph
 * @parent: (nullable): the parent event
 * @topic: the topic
 * @payload: (nullable): the payload; a floating reference is sunk
 *
 * Creates an event like [method@Node.new_event] but with an explicit parent.
 *
 * Returns: (transfer full): a new event
 */
SwyEvent *
swy_node_new_child_event (SwyNode    *self,
                          SwyEvent   *parent,
                          const char *topic,
                          GVariant   *payload)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_val_if_fail (SWY_IS_NODE (self), NULL);
  g_return_val_if_fail (priv->graph != NULL, NULL);
  g_return_val_if_fail (topic != NULL, NULL);

  return _swy_graph_new_event (priv->graph, parent, g_quark_from_string (topic), payload);
}

/**
 * swy_node_emit:
 * @self: a node in a graph
 * @port: an output port of @self
 * @event: the event
 *
 * Emits @event on @port through the graph's dispatcher: the emission is
 * traced and counted, then `g_signal_emit()` runs the handlers (wires) in
 * connection order. Sync wires deliver before this returns.
 *
 * Returns: the number of wires whose subscription accepted the event
 */
guint
swy_node_emit (SwyNode  *self,
               SwyPort  *port,
               SwyEvent *event)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_val_if_fail (SWY_IS_NODE (self), 0);
  g_return_val_if_fail (SWY_IS_PORT (port), 0);
  g_return_val_if_fail (port->node == self, 0);
  g_return_val_if_fail (port->direction == SWY_PORT_DIRECTION_OUTPUT, 0);
  g_return_val_if_fail (event != NULL, 0);
  g_return_val_if_fail (priv->graph != NULL, 0);

  return _swy_graph_emit (priv->graph, self, port, event, NULL);
}

/**
 * swy_node_drop:
 * @self: a node in a graph
 * @port: (nullable): the port where the event was dropped, or `NULL`
 * @event: the dropped event
 * @reason: a short reason, such as `overflow`
 *
 * Records that the node discarded @event: counts it under @reason and
 * traces a drop.
 */
void
swy_node_drop (SwyNode    *self,
               SwyPort    *port,
               SwyEvent   *event,
               const char *reason)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_if_fail (SWY_IS_NODE (self));
  g_return_if_fail (port == NULL || SWY_IS_PORT (port));
  g_return_if_fail (event != NULL);
  g_return_if_fail (reason != NULL);
  g_return_if_fail (priv->graph != NULL);

  _swy_graph_drop (priv->graph, self, port, event, -1, g_quark_from_string (reason));
}

/**
 * swy_node_schedule:
 * @self: a node in a graph
 * @delay_us: microseconds of virtual time from now
 * @tag: a value handed back to [vfunc@Node.timeout]
 *
 * Schedules a call to [vfunc@Node.timeout] after @delay_us, capturing the
 * current causal context so that events created then get the right parent.
 * The item is one entry of the graph's heap; reset or removing the node
 * discards it.
 */
void
swy_node_schedule (SwyNode *self,
                   gint64   delay_us,
                   guint64  tag)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_if_fail (SWY_IS_NODE (self));
  g_return_if_fail (priv->graph != NULL);
  g_return_if_fail (delay_us >= 0);

  _swy_graph_schedule_timer (priv->graph, self, delay_us,
                             priv->graph->frame ? priv->graph->frame->event : NULL,
                             tag);
}

/**
 * swy_node_schedule_with_context:
 * @self: a node in a graph
 * @delay_us: microseconds of virtual time from now
 * @context: (nullable): the causal context to restore
 * @tag: a value handed back to [vfunc@Node.timeout]
 *
 * Like [method@Node.schedule], with an explicit causal context.
 */
void
swy_node_schedule_with_context (SwyNode  *self,
                                gint64    delay_us,
                                SwyEvent *context,
                                guint64   tag)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_if_fail (SWY_IS_NODE (self));
  g_return_if_fail (priv->graph != NULL);
  g_return_if_fail (delay_us >= 0);

  _swy_graph_schedule_timer (priv->graph, self, delay_us, context, tag);
}

/**
 * swy_node_get_context:
 * @self: a node in a graph
 *
 * Gets the event of the current causal context.
 *
 * Returns: (transfer none) (nullable): the event, or `NULL`
 */
SwyEvent *
swy_node_get_context (SwyNode *self)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_val_if_fail (SWY_IS_NODE (self), NULL);

  if (priv->graph == NULL || priv->graph->frame == NULL)
    return NULL;

  return priv->graph->frame->event;
}

/**
 * swy_node_get_now:
 * @self: a node
 *
 * Gets the virtual time of the node's graph.
 *
 * Returns: microseconds of virtual time
 */
gint64
swy_node_get_now (SwyNode *self)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_val_if_fail (SWY_IS_NODE (self), 0);

  return priv->graph ? priv->graph->now : 0;
}

/**
 * swy_node_random_double:
 * @self: a node in a graph
 *
 * Draws from the graph's seeded generator.
 *
 * Returns: a number in [0, 1)
 */
double
swy_node_random_double (SwyNode *self)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_val_if_fail (SWY_IS_NODE (self), 0.0);
  g_return_val_if_fail (priv->graph != NULL, 0.0);

  return _swy_graph_random_double (priv->graph);
}

/**
 * swy_node_notify_ready:
 * @self: a node
 *
 * Tells the graph that the node became ready again, so that nodes feeding
 * it (queues) re-check their consumers.
 */
void
swy_node_notify_ready (SwyNode *self)
{
  SwyNodePrivate *priv = swy_node_get_instance_private (self);

  g_return_if_fail (SWY_IS_NODE (self));

  if (priv->graph != NULL)
    _swy_graph_node_ready (priv->graph, self);
}
