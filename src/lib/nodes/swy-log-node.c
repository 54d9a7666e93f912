/* swy-log-node.c: keeps the last events it receives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "swy-enum-types.h"
#include "swy-event-private.h"
#include "swy-log-node.h"

/**
 * SwyLogNode:
 *
 * A consumer that keeps the last [property@LogNode:keep] events it
 * received, with their arrival times. Events pushed out of the log are not
 * drops: they were consumed.
 */

struct _SwyLogNode
{
  SwyNode parent_instance;

  SwyPort *in;

  guint keep;
  GQueue entries;
};

enum {
  PROP_0,
  PROP_KEEP,
  PROP_N_EVENTS,
  PROP_LINES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyLogNode, swy_log_node, SWY_TYPE_NODE)

typedef struct
{
  gint64    t_us;
  SwyEvent *event;
} LogEntry;

static void
entry_free (LogEntry *entry)
{
  swy_event_unref (entry->event);
  g_free (entry);
}

static void
trim (SwyLogNode *self)
{
  gboolean changed = FALSE;

  while (self->entries.length > self->keep)
    {
      entry_free (g_queue_pop_head (&self->entries));
      changed = TRUE;
    }

  if (changed)
    {
      swy_node_queue_notify (SWY_NODE (self), properties[PROP_N_EVENTS]);
      swy_node_queue_notify (SWY_NODE (self), properties[PROP_LINES]);
    }
}

static void
swy_log_node_handle_event (SwyNode  *node,
                           SwyPort  *port,
                           SwyEvent *event)
{
  SwyLogNode *self = SWY_LOG_NODE (node);
  LogEntry *entry = g_new (LogEntry, 1);

  entry->t_us = swy_node_get_now (node);
  entry->event = swy_event_ref (event);
  g_queue_push_tail (&self->entries, entry);
  swy_node_queue_notify (node, properties[PROP_N_EVENTS]);
  swy_node_queue_notify (node, properties[PROP_LINES]);
  trim (self);
}

static void
swy_log_node_reset (SwyNode *node)
{
  SwyLogNode *self = SWY_LOG_NODE (node);

  g_queue_clear_full (&self->entries, (GDestroyNotify)entry_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_EVENTS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINES]);
}

static void
swy_log_node_add_extra_stats (SwyNode      *node,
                              GVariantDict *dict)
{
  g_variant_dict_insert (dict, "kept", "u", SWY_LOG_NODE (node)->entries.length);
}

static void
swy_log_node_finalize (GObject *object)
{
  SwyLogNode *self = (SwyLogNode *)object;

  g_queue_clear_full (&self->entries, (GDestroyNotify)entry_free);

  G_OBJECT_CLASS (swy_log_node_parent_class)->finalize (object);
}

static void
swy_log_node_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SwyLogNode *self = SWY_LOG_NODE (object);

  switch (prop_id)
    {
    case PROP_KEEP:
      g_value_set_uint (value, swy_log_node_get_keep (self));
      break;

    case PROP_N_EVENTS:
      g_value_set_uint (value, swy_log_node_get_n_events (self));
      break;

    case PROP_LINES:
      g_value_take_boxed (value, swy_log_node_dup_lines (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_log_node_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SwyLogNode *self = SWY_LOG_NODE (object);

  switch (prop_id)
    {
    case PROP_KEEP:
      swy_log_node_set_keep (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_log_node_class_init (SwyLogNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SwyNodeClass *node_class = SWY_NODE_CLASS (klass);

  object_class->finalize = swy_log_node_finalize;
  object_class->get_property = swy_log_node_get_property;
  object_class->set_property = swy_log_node_set_property;

  node_class->handle_event = swy_log_node_handle_event;
  node_class->reset = swy_log_node_reset;
  node_class->add_extra_stats = swy_log_node_add_extra_stats;

  /**
   * SwyLogNode:keep:
   *
   * How many events the log keeps.
   */
  properties[PROP_KEEP] =
    g_param_spec_uint ("keep",
                       _("Keep"),
                       _("How many events the log keeps"),
                       1, 100000, 50,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyLogNode:n-events:
   *
   * The number of events kept.

   * Notified at most once per scheduler batch.
   */
  properties[PROP_N_EVENTS] =
    g_param_spec_uint ("n-events",
                       _("Events"),
                       _("Events kept"),
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyLogNode:lines:
   *
   * The kept events as text, oldest first (see [method@LogNode.dup_lines]).

   * Notified at most once per scheduler batch.
   */
  properties[PROP_LINES] =
    g_param_spec_boxed ("lines",
                        _("Lines"),
                        _("The kept events as text"),
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_log_node_init (SwyLogNode *self)
{
  self->in = swy_node_add_port (SWY_NODE (self), "in", SWY_PORT_DIRECTION_INPUT);
  self->keep = 50;
  g_queue_init (&self->entries);
}

/**
 * swy_log_node_new:
 * @id: (nullable): the node id
 *
 * Creates a log node with default properties.
 *
 * Returns: (transfer full): a new node
 */
SwyNode *
swy_log_node_new (const char *id)
{
  return g_object_new (SWY_TYPE_LOG_NODE, "id", id, NULL);
}

/**
 * swy_log_node_get_keep:
 * @self: a log node
 *
 * Gets the value of [property@LogNode:keep].
 *
 * Returns: the value
 */
guint
swy_log_node_get_keep (SwyLogNode *self)
{
  g_return_val_if_fail (SWY_IS_LOG_NODE (self), 0);

  return self->keep;
}

/**
 * swy_log_node_set_keep:
 * @self: a log node
 * @value: the new value
 *
 * Sets [property@LogNode:keep].
 */
void
swy_log_node_set_keep (SwyLogNode *self,
                      guint value)
{
  g_return_if_fail (SWY_IS_LOG_NODE (self));
  g_return_if_fail (value >= 1 && value <= 100000);

  if (self->keep != value)
    {
      self->keep = value;
      trim (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP]);
    }
}

/**
 * swy_log_node_get_n_events:
 * @self: a log node
 *
 * Gets the value of [property@LogNode:n-events].
 *
 * Returns: the value
 */
guint
swy_log_node_get_n_events (SwyLogNode *self)
{
  g_return_val_if_fail (SWY_IS_LOG_NODE (self), 0);

  return self->entries.length;
}

/**
 * swy_log_node_get_event:
 * @self: a log node
 * @position: a position, 0 being the oldest kept event
 *
 * Gets a kept event.
 *
 * Returns: (transfer none) (nullable): the event, or `NULL`
 */
SwyEvent *
swy_log_node_get_event (SwyLogNode *self,
                        guint       position)
{
  LogEntry *entry;

  g_return_val_if_fail (SWY_IS_LOG_NODE (self), NULL);

  entry = g_queue_peek_nth (&self->entries, position);

  return entry ? entry->event : NULL;
}

/**
 * swy_log_node_get_event_time:
 * @self: a log node
 * @position: a position, 0 being the oldest kept event
 *
 * Gets the virtual time at which a kept event arrived.
 *
 * Returns: the time in microseconds, or -1
 */
gint64
swy_log_node_get_event_time (SwyLogNode *self,
                             guint       position)
{
  LogEntry *entry;

  g_return_val_if_fail (SWY_IS_LOG_NODE (self), -1);

  entry = g_queue_peek_nth (&self->entries, position);

  return entry ? entry->t_us : -1;
}

/**
 * swy_log_node_dup_lines:
 * @self: a log node
 *
 * Formats the kept events, oldest first, one line each:
 * `[milliseconds] #id topic payload`.
 *
 * Returns: (transfer full) (array zero-terminated=1): the lines
 */
char **
swy_log_node_dup_lines (SwyLogNode *self)
{
  GStrvBuilder *builder;
  char **lines;

  g_return_val_if_fail (SWY_IS_LOG_NODE (self), NULL);

  builder = g_strv_builder_new ();
  for (GList *l = self->entries.head; l; l = l->next)
    {
      LogEntry *entry = l->data;
      g_autofree char *payload = swy_event_dup_payload_string (entry->event);
      g_autofree char *line = NULL;

      line = g_strdup_printf ("[%.3f ms] #%" G_GUINT64_FORMAT " %s %s",
                              entry->t_us / 1000.0,
                              swy_event_get_id (entry->event),
                              swy_event_get_topic (entry->event),
                              payload);
      g_strv_builder_add (builder, line);
    }
  lines = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return lines;
}
