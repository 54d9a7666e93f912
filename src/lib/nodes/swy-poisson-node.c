/* swy-poisson-node.c: emits at random, exponentially distributed times
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "swy-enum-types.h"
#include "swy-event-private.h"
#include "swy-poisson-node.h"

/**
 * SwyPoissonNode:
 *
 * A producer whose gaps between events are exponentially distributed with
 * rate [property@PoissonNode:rate-hz], drawn from the graph's seeded
 * generator; `value` is uniform in [value-min, value-max). At each event the
 * value is drawn first, then the next gap.
 */

struct _SwyPoissonNode
{
  SwyNode parent_instance;

  SwyPort *out;

  double rate_hz;
  guint count;
  char *topic;
  double value_min;
  double value_max;
};

enum {
  PROP_0,
  PROP_RATE_HZ,
  PROP_COUNT,
  PROP_TOPIC,
  PROP_VALUE_MIN,
  PROP_VALUE_MAX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyPoissonNode, swy_poisson_node, SWY_TYPE_NODE)

static gint64
next_gap_us (SwyPoissonNode *self)
{
  double u = swy_node_random_double (SWY_NODE (self));

  return (gint64)floor (-log1p (-u) / self->rate_hz * 1e6 + 0.5);
}

static void
swy_poisson_node_start (SwyNode *node)
{
  SwyPoissonNode *self = SWY_POISSON_NODE (node);

  swy_node_schedule (node, next_gap_us (self), 1);
}

static void
swy_poisson_node_timeout (SwyNode  *node,
                          SwyEvent *context,
                          guint64   tag)
{
  SwyPoissonNode *self = SWY_POISSON_NODE (node);
  g_autoptr(SwyEvent) event = NULL;
  double u = swy_node_random_double (node);
  double value = self->value_min + u * (self->value_max - self->value_min);

  event = swy_node_new_event (node, self->topic, _swy_payload_new ((gint64)tag, TRUE, value));
  swy_node_emit (node, self->out, event);

  if (self->count == 0 || tag < self->count)
    swy_node_schedule (node, next_gap_us (self), tag + 1);
}

static void
swy_poisson_node_finalize (GObject *object)
{
  SwyPoissonNode *self = (SwyPoissonNode *)object;

  g_clear_pointer (&self->topic, g_free);

  G_OBJECT_CLASS (swy_poisson_node_parent_class)->finalize (object);
}

static void
swy_poisson_node_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SwyPoissonNode *self = SWY_POISSON_NODE (object);

  switch (prop_id)
    {
    case PROP_RATE_HZ:
      g_value_set_double (value, swy_poisson_node_get_rate_hz (self));
      break;

    case PROP_COUNT:
      g_value_set_uint (value, swy_poisson_node_get_count (self));
      break;

    case PROP_TOPIC:
      g_value_set_string (value, swy_poisson_node_get_topic (self));
      break;

    case PROP_VALUE_MIN:
      g_value_set_double (value, swy_poisson_node_get_value_min (self));
      break;

    case PROP_VALUE_MAX:
      g_value_set_double (value, swy_poisson_node_get_value_max (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_poisson_node_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SwyPoissonNode *self = SWY_POISSON_NODE (object);

  switch (prop_id)
    {
    case PROP_RATE_HZ:
      swy_poisson_node_set_rate_hz (self, g_value_get_double (value));
      break;

    case PROP_COUNT:
      swy_poisson_node_set_count (self, g_value_get_uint (value));
      break;

    case PROP_TOPIC:
      swy_poisson_node_set_topic (self, g_value_get_string (value));
      break;

    case PROP_VALUE_MIN:
      swy_poisson_node_set_value_min (self, g_value_get_double (value));
      break;

    case PROP_VALUE_MAX:
      swy_poisson_node_set_value_max (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_poisson_node_class_init (SwyPoissonNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SwyNodeClass *node_class = SWY_NODE_CLASS (klass);

  object_class->finalize = swy_poisson_node_finalize;
  object_class->get_property = swy_poisson_node_get_property;
  object_class->set_property = swy_poisson_node_set_property;

  node_class->start = swy_poisson_node_start;
  node_class->timeout = swy_poisson_node_timeout;

  /**
   * SwyPoissonNode:rate-hz:
   *
   * The mean number of events per second of virtual time.
   */
  properties[PROP_RATE_HZ] =
    g_param_spec_double ("rate-hz",
                         _("Rate"),
                         _("Mean number of events per second of virtual time"),
                         0.001, 1000000.0, 2.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyPoissonNode:count:
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
   * SwyPoissonNode:topic:
   *
   * The topic of the events.
   */
  properties[PROP_TOPIC] =
    g_param_spec_string ("topic",
                         _("Topic"),
                         _("The topic of the emitted events"),
                         "random",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyPoissonNode:value-min:
   *
   * The lower bound of the random `value`.
   */
  properties[PROP_VALUE_MIN] =
    g_param_spec_double ("value-min",
                         _("Minimum value"),
                         _("Lower bound of the random value"),
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyPoissonNode:value-max:
   *
   * The upper bound of the random `value`.
   */
  properties[PROP_VALUE_MAX] =
    g_param_spec_double ("value-max",
                         _("Maximum value"),
                         _("Upper bound of the random value"),
                         -G_MAXDOUBLE, G_MAXDOUBLE, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_poisson_node_init (SwyPoissonNode *self)
{
  self->out = swy_node_add_port (SWY_NODE (self), "out", SWY_PORT_DIRECTION_OUTPUT);
  self->rate_hz = 2.0;
  self->count = 0;
  self->topic = g_strdup ("random");
  self->value_min = 0.0;
  self->value_max = 1.0;
}

/**
 * swy_poisson_node_new:
 * @id: (nullable): the node id
 *
 * Creates a poisson node with default properties.
 *
 * Returns: (transfer full): a new node
 */
SwyNode *
swy_poisson_node_new (const char *id)
{
  return g_object_new (SWY_TYPE_POISSON_NODE, "id", id, NULL);
}

/**
 * swy_poisson_node_get_rate_hz:
 * @self: a poisson node
 *
 * Gets the value of [property@PoissonNode:rate-hz].
 *
 * Returns: the value
 */
double
swy_poisson_node_get_rate_hz (SwyPoissonNode *self)
{
  g_return_val_if_fail (SWY_IS_POISSON_NODE (self), 0);

  return self->rate_hz;
}

/**
 * swy_poisson_node_set_rate_hz:
 * @self: a poisson node
 * @value: the new value
 *
 * Sets [property@PoissonNode:rate-hz].
 */
void
swy_poisson_node_set_rate_hz (SwyPoissonNode *self,
                             double value)
{
  g_return_if_fail (SWY_IS_POISSON_NODE (self));
  g_return_if_fail (value >= 0.001 && value <= 1000000.0);

  if (self->rate_hz != value)
    {
      self->rate_hz = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE_HZ]);
    }
}

/**
 * swy_poisson_node_get_count:
 * @self: a poisson node
 *
 * Gets the value of [property@PoissonNode:count].
 *
 * Returns: the value
 */
guint
swy_poisson_node_get_count (SwyPoissonNode *self)
{
  g_return_val_if_fail (SWY_IS_POISSON_NODE (self), 0);

  return self->count;
}

/**
 * swy_poisson_node_set_count:
 * @self: a poisson node
 * @value: the new value
 *
 * Sets [property@PoissonNode:count].
 */
void
swy_poisson_node_set_count (SwyPoissonNode *self,
                           guint value)
{
  g_return_if_fail (SWY_IS_POISSON_NODE (self));
  g_return_if_fail (value <= G_MAXINT32);

  if (self->count != value)
    {
      self->count = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
    }
}

/**
 * swy_poisson_node_get_topic:
 * @self: a poisson node
 *
 * Gets the value of [property@PoissonNode:topic].
 *
 * Returns: the value
 */
const char *
swy_poisson_node_get_topic (SwyPoissonNode *self)
{
  g_return_val_if_fail (SWY_IS_POISSON_NODE (self), NULL);

  return self->topic;
}

/**
 * swy_poisson_node_set_topic:
 * @self: a poisson node
 * @value: the new value
 *
 * Sets [property@PoissonNode:topic].
 */
void
swy_poisson_node_set_topic (SwyPoissonNode *self,
                           const char *value)
{
  g_return_if_fail (SWY_IS_POISSON_NODE (self));
  g_return_if_fail (value != NULL);

  if (g_strcmp0 (self->topic, value) != 0)
    {
      g_free (self->topic);
      self->topic = g_strdup (value);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC]);
    }
}

/**
 * swy_poisson_node_get_value_min:
 * @self: a poisson node
 *
 * Gets the value of [property@PoissonNode:value-min].
 *
 * Returns: the value
 */
double
swy_poisson_node_get_value_min (SwyPoissonNode *self)
{
  g_return_val_if_fail (SWY_IS_POISSON_NODE (self), 0);

  return self->value_min;
}

/**
 * swy_poisson_node_set_value_min:
 * @self: a poisson node
 * @value: the new value
 *
 * Sets [property@PoissonNode:value-min].
 */
void
swy_poisson_node_set_value_min (SwyPoissonNode *self,
                               double value)
{
  g_return_if_fail (SWY_IS_POISSON_NODE (self));
  g_return_if_fail (value >= -G_MAXDOUBLE && value <= G_MAXDOUBLE);

  if (self->value_min != value)
    {
      self->value_min = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE_MIN]);
    }
}

/**
 * swy_poisson_node_get_value_max:
 * @self: a poisson node
 *
 * Gets the value of [property@PoissonNode:value-max].
 *
 * Returns: the value
 */
double
swy_poisson_node_get_value_max (SwyPoissonNode *self)
{
  g_return_val_if_fail (SWY_IS_POISSON_NODE (self), 0);

  return self->value_max;
}

/**
 * swy_poisson_node_set_value_max:
 * @self: a poisson node
 * @value: the new value
 *
 * Sets [property@PoissonNode:value-max].
 */
void
swy_poisson_node_set_value_max (SwyPoissonNode *self,
                               double value)
{
  g_return_if_fail (SWY_IS_POISSON_NODE (self));
  g_return_if_fail (value >= -G_MAXDOUBLE && value <= G_MAXDOUBLE);

  if (self->value_max != value)
    {
      self->value_max = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE_MAX]);
    }
}
