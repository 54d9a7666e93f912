/* swy-timer-node.c: emits at every multiple of an interval
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "swy-enum-types.h"
#include "swy-event-private.h"
#include "swy-timer-node.h"

/**
 * SwyTimerNode:
 *
 * A producer that emits at t = k × [property@TimerNode:interval-ms], for
 * k = 1 to [property@TimerNode:count] (0: no end), with payload `seq` = k.
 *
 * The next tick is scheduled when a tick fires, so a new interval applies
 * from the next tick on.
 */

struct _SwyTimerNode
{
  SwyNode parent_instance;

  SwyPort *out;

  guint interval_ms;
  guint count;
  char *topic;
};

enum {
  PROP_0,
  PROP_INTERVAL_MS,
  PROP_COUNT,
  PROP_TOPIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyTimerNode, swy_timer_node, SWY_TYPE_NODE)

static void
swy_timer_node_start (SwyNode *node)
{
  SwyTimerNode *self = SWY_TIMER_NODE (node);

  swy_node_schedule (node, (gint64)self->interval_ms * 1000, 1);
}

static void
swy_timer_node_timeout (SwyNode  *node,
                        SwyEvent *context,
                        guint64   tag)
{
  SwyTimerNode *self = SWY_TIMER_NODE (node);
  g_autoptr(SwyEvent) event = NULL;

  event = swy_node_new_event (node, self->topic, _swy_payload_new ((gint64)tag, FALSE, 0.0));
  swy_node_emit (node, self->out, event);

  if (self->count == 0 || tag < self->count)
    swy_node_schedule (node, (gint64)self->interval_ms * 1000, tag + 1);
}

static void
swy_timer_node_finalize (GObject *object)
{
  SwyTimerNode *self = (SwyTimerNode *)object;

  g_clear_pointer (&self->topic, g_free);

  G_OBJECT_CLASS (swy_timer_node_parent_class)->finalize (object);
}

static void
swy_timer_node_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SwyTimerNode *self = SWY_TIMER_NODE (object);

  switch (prop_id)
    {
    case PROP_INTERVAL_MS:
      g_value_set_uint (value, swy_timer_node_get_interval_ms (self));
      break;

    case PROP_COUNT:
      g_value_set_uint (value, swy_timer_node_get_count (self));
      break;

    case PROP_TOPIC:
      g_value_set_string (value, swy_timer_node_get_topic (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_timer_node_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SwyTimerNode *self = SWY_TIMER_NODE (object);

  switch (prop_id)
    {
    case PROP_INTERVAL_MS:
      swy_timer_node_set_interval_ms (self, g_value_get_uint (value));
      break;

    case PROP_COUNT:
      swy_timer_node_set_count (self, g_value_get_uint (value));
      break;

    case PROP_TOPIC:
      swy_timer_node_set_topic (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_timer_node_class_init (SwyTimerNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SwyNodeClass *node_class = SWY_NODE_CLASS (klass);

  object_class->finalize = swy_timer_node_finalize;
  object_class->get_property = swy_timer_node_get_property;
  object_class->set_property = swy_timer_node_set_property;

  node_class->start = swy_timer_node_start;
  node_class->timeout = swy_timer_node_timeout;

  /**
   * SwyTimerNode:interval-ms:
   *
   * Milliseconds of virtual time between two events.
   */
  properties[PROP_INTERVAL_MS] =
    g_param_spec_uint ("interval-ms",
                       _("Interval"),
                       _("Milliseconds of virtual time between two events"),
                       1, 86400000, 1000,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyTimerNode:count:
   *
   * How many events to emit; 0 means no end.
   */
  properties[PROP_COUNT] =
    g_param_spec_uint ("count",
                       _("Count"),
                       _("How many events to emit; 0 means no end"),
                       0, G_MAXINT32, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyTimerNode:topic:
   *
   * The topic of the events.
   */
  properties[PROP_TOPIC] =
    g_param_spec_string ("topic",
                         _("Topic"),
                         _("The topic of the emitted events"),
                         "tick",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_timer_node_init (SwyTimerNode *self)
{
  self->out = swy_node_add_port (SWY_NODE (self), "out", SWY_PORT_DIRECTION_OUTPUT);
  self->interval_ms = 1000;
  self->count = 0;
  self->topic = g_strdup ("tick");
}

/**
 * swy_timer_node_new:
 * @id: (nullable): the node id
 *
 * Creates a timer node with default properties.
 *
 * Returns: (transfer full): a new node
 */
SwyNode *
swy_timer_node_new (const char *id)
{
  return g_object_new (SWY_TYPE_TIMER_NODE, "id", id, NULL);
}

/**
 * swy_timer_node_get_interval_ms:
 * @self: a timer node
 *
 * Gets the value of [property@TimerNode:interval-ms].
 *
 * Returns: the value
 */
guint
swy_timer_node_get_interval_ms (SwyTimerNode *self)
{
  g_return_val_if_fail (SWY_IS_TIMER_NODE (self), 0);

  return self->interval_ms;
}

/**
 * swy_timer_node_set_interval_ms:
 * @self: a timer node
 * @value: the new value
 *
 * Sets [property@TimerNode:interval-ms].
 */
void
swy_timer_node_set_interval_ms (SwyTimerNode *self,
                               guint value)
{
  g_return_if_fail (SWY_IS_TIMER_NODE (self));
  g_return_if_fail (value >= 1 && value <= 86400000);

  if (self->interval_ms != value)
    {
      self->interval_ms = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVAL_MS]);
    }
}

/**
 * swy_timer_node_get_count:
 * @self: a timer node
 *
 * Gets the value of [property@TimerNode:count].
 *
 * Returns: the value
 */
guint
swy_timer_node_get_count (SwyTimerNode *self)
{
  g_return_val_if_fail (SWY_IS_TIMER_NODE (self), 0);

  return self->count;
}

/**
 * swy_timer_node_set_count:
 * @self: a timer node
 * @value: the new value
 *
 * Sets [property@TimerNode:count].
 */
void
swy_timer_node_set_count (SwyTimerNode *self,
                         guint value)
{
  g_return_if_fail (SWY_IS_TIMER_NODE (self));
  g_return_if_fail (value <= G_MAXINT32);

  if (self->count != value)
    {
      self->count = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
    }
}

/**
 * swy_timer_node_get_topic:
 * @self: a timer node
 *
 * Gets the value of [property@TimerNode:topic].
 *
 * Returns: the value
 */
const char *
swy_timer_node_get_topic (SwyTimerNode *self)
{
  g_return_val_if_fail (SWY_IS_TIMER_NODE (self), NULL);

  return self->topic;
}

/**
 * swy_timer_node_set_topic:
 * @self: a timer node
 * @value: the new value
 *
 * Sets [property@TimerNode:topic].
 */
void
swy_timer_node_set_topic (SwyTimerNode *self,
                         const char *value)
{
  g_return_if_fail (SWY_IS_TIMER_NODE (self));
  g_return_if_fail (value != NULL);

  if (g_strcmp0 (self->topic, value) != 0)
    {
      g_free (self->topic);
      self->topic = g_strdup (value);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC]);
    }
}
