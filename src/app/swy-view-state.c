/* swy-view-state.c: what a window's views agree on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The canvas, the event log and the timeline of one window share this
 * object: selecting an event anywhere selects it everywhere ("linked
 * selection"), and hiding a node or a topic hides it from the log and the
 * timeline alike ("noise control"). Muted wires draw no tokens. None of it
 * changes the engine: it is a way of looking.
 */

#define G_LOG_DOMAIN "swy-view-state"

#include "config.h"

#include "swy-view-state.h"

struct _SwyViewState
{
  GObject     parent_instance;

  guint64     selected_event;
  GHashTable *hidden_nodes;    /* node id set */
  GPtrArray  *hidden_topics;   /* of char*, MQTT patterns */
  GHashTable *muted_wires;     /* SwyWire set, weak: looked up only */
};

G_DEFINE_FINAL_TYPE (SwyViewState, swy_view_state, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SELECTED_EVENT,
  N_PROPS
};

enum {
  SIGNAL_NOISE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

SwyViewState *
swy_view_state_new (void)
{
  return g_object_new (SWY_TYPE_VIEW_STATE, NULL);
}

guint64
swy_view_state_get_selected_event (SwyViewState *self)
{
  g_return_val_if_fail (SWY_IS_VIEW_STATE (self), 0);

  return self->selected_event;
}

/**
 * swy_view_state_set_selected_event:
 * @self: a view state
 * @event_id: the id of the event to select, or 0 for none
 *
 * Selects an event in every view of the window.
 */
void
swy_view_state_set_selected_event (SwyViewState *self,
                                   guint64       event_id)
{
  g_return_if_fail (SWY_IS_VIEW_STATE (self));

  if (self->selected_event == event_id)
    return;

  self->selected_event = event_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_EVENT]);
}

gboolean
swy_view_state_is_node_hidden (SwyViewState *self,
                               const char   *node_id)
{
  g_return_val_if_fail (SWY_IS_VIEW_STATE (self), FALSE);

  return node_id != NULL && g_hash_table_contains (self->hidden_nodes, node_id);
}

void
swy_view_state_set_node_hidden (SwyViewState *self,
                                const char   *node_id,
                                gboolean      hidden)
{
  gboolean changed;

  g_return_if_fail (SWY_IS_VIEW_STATE (self));
  g_return_if_fail (node_id != NULL);

  if (hidden)
    changed = g_hash_table_add (self->hidden_nodes, g_strdup (node_id));
  else
    changed = g_hash_table_remove (self->hidden_nodes, node_id);

  if (changed)
    g_signal_emit (self, signals[SIGNAL_NOISE_CHANGED], 0);
}

/**
 * swy_view_state_is_topic_hidden:
 * @self: a view state
 * @topic: an event topic
 *
 * Returns: whether @topic matches one of the hidden patterns
 */
gboolean
swy_view_state_is_topic_hidden (SwyViewState *self,
                                const char   *topic)
{
  g_return_val_if_fail (SWY_IS_VIEW_STATE (self), FALSE);

  if (topic == NULL)
    return FALSE;

  for (guint i = 0; i < self->hidden_topics->len; i++)
    if (swy_topic_matches (g_ptr_array_index (self->hidden_topics, i), topic))
      return TRUE;

  return FALSE;
}

static gboolean
find_pattern (SwyViewState *self,
              const char   *pattern,
              guint        *index)
{
  return g_ptr_array_find_with_equal_func (self->hidden_topics, pattern, g_str_equal, index);
}

/**
 * swy_view_state_set_topic_hidden:
 * @self: a view state
 * @pattern: an MQTT-style topic pattern, e.g. `tick` or `sensors/#`
 * @hidden: whether events with matching topics are hidden
 */
void
swy_view_state_set_topic_hidden (SwyViewState *self,
                                 const char   *pattern,
                                 gboolean      hidden)
{
  guint index;

  g_return_if_fail (SWY_IS_VIEW_STATE (self));
  g_return_if_fail (pattern != NULL);

  if (hidden == find_pattern (self, pattern, &index))
    return;

  if (hidden)
    g_ptr_array_add (self->hidden_topics, g_strdup (pattern));
  else
    g_ptr_array_remove_index (self->hidden_topics, index);

  g_signal_emit (self, signals[SIGNAL_NOISE_CHANGED], 0);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * swy_view_state_dup_hidden_nodes:
 * @self: a view state
 *
 * Returns: (transfer full): the ids of the hidden nodes, sorted
 */
GStrv
swy_view_state_dup_hidden_nodes (SwyViewState *self)
{
  g_autofree char **keys = NULL;
  guint n = 0;

  g_return_val_if_fail (SWY_IS_VIEW_STATE (self), NULL);

  keys = (char **) g_hash_table_get_keys_as_array (self->hidden_nodes, &n);
  qsort (keys, n, sizeof (char *), compare_strings);

  return g_strdupv (keys);
}

/**
 * swy_view_state_dup_hidden_topics:
 * @self: a view state
 *
 * Returns: (transfer full): the hidden topic patterns, in the order they were hidden
 */
GStrv
swy_view_state_dup_hidden_topics (SwyViewState *self)
{
  GStrv patterns;

  g_return_val_if_fail (SWY_IS_VIEW_STATE (self), NULL);

  patterns = g_new0 (char *, self->hidden_topics->len + 1);
  for (guint i = 0; i < self->hidden_topics->len; i++)
    patterns[i] = g_strdup (g_ptr_array_index (self->hidden_topics, i));

  return patterns;
}

/**
 * swy_view_state_is_record_hidden:
 * @self: a view state
 * @record: a trace record
 *
 * Returns: whether the log and the timeline leave @record out: its node or
 *   its topic is hidden
 */
gboolean
swy_view_state_is_record_hidden (SwyViewState   *self,
                                 SwyTraceRecord *record)
{
  g_return_val_if_fail (SWY_IS_VIEW_STATE (self), FALSE);
  g_return_val_if_fail (SWY_IS_TRACE_RECORD (record), FALSE);

  return swy_view_state_is_node_hidden (self, swy_trace_record_get_node_id (record)) ||
         swy_view_state_is_topic_hidden (self, swy_trace_record_get_topic (record));
}

gboolean
swy_view_state_is_wire_muted (SwyViewState *self,
                              SwyWire      *wire)
{
  g_return_val_if_fail (SWY_IS_VIEW_STATE (self), FALSE);

  return g_hash_table_contains (self->muted_wires, wire);
}

/**
 * swy_view_state_set_wire_muted:
 * @self: a view state
 * @wire: a wire
 * @muted: whether the canvas animates no tokens on @wire
 */
void
swy_view_state_set_wire_muted (SwyViewState *self,
                               SwyWire      *wire,
                               gboolean      muted)
{
  gboolean changed;

  g_return_if_fail (SWY_IS_VIEW_STATE (self));
  g_return_if_fail (SWY_IS_WIRE (wire));

  if (muted)
    changed = g_hash_table_add (self->muted_wires, wire);
  else
    changed = g_hash_table_remove (self->muted_wires, wire);

  if (changed)
    g_signal_emit (self, signals[SIGNAL_NOISE_CHANGED], 0);
}

static void
swy_view_state_finalize (GObject *object)
{
  SwyViewState *self = SWY_VIEW_STATE (object);

  g_clear_pointer (&self->hidden_nodes, g_hash_table_unref);
  g_clear_pointer (&self->hidden_topics, g_ptr_array_unref);
  g_clear_pointer (&self->muted_wires, g_hash_table_unref);

  G_OBJECT_CLASS (swy_view_state_parent_class)->finalize (object);
}

static void
swy_view_state_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SwyViewState *self = SWY_VIEW_STATE (object);

  switch (prop_id)
    {
    case PROP_SELECTED_EVENT:
      g_value_set_uint64 (value, self->selected_event);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_view_state_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SwyViewState *self = SWY_VIEW_STATE (object);

  switch (prop_id)
    {
    case PROP_SELECTED_EVENT:
      swy_view_state_set_selected_event (self, g_value_get_uint64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_view_state_class_init (SwyViewStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = swy_view_state_finalize;
  object_class->get_property = swy_view_state_get_property;
  object_class->set_property = swy_view_state_set_property;

  properties[PROP_SELECTED_EVENT] =
    g_param_spec_uint64 ("selected-event", NULL, NULL, 0, G_MAXUINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SwyViewState::noise-changed:
   *
   * Emitted when a node, topic or wire is hidden, shown, muted or unmuted.
   */
  signals[SIGNAL_NOISE_CHANGED] =
    g_signal_new ("noise-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
swy_view_state_init (SwyViewState *self)
{
  self->hidden_nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->hidden_topics = g_ptr_array_new_with_free_func (g_free);
  self->muted_wires = g_hash_table_new (NULL, NULL);
}
