/* swy-filter-node.c: forwards the events that pass a topic and field test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "swy-topic-private.h"

#include "swy-enum-types.h"
#include "swy-event-private.h"
#include "swy-filter-node.h"

/**
 * SwyFilterNode:
 *
 * Forwards the same event when its topic matches
 * [property@FilterNode:topic-pattern] and, unless
 * [property@FilterNode:op] is `none`, its numeric field
 * [property@FilterNode:field] compares with [property@FilterNode:operand].
 * An event without that numeric field fails a comparison. Other events are
 * counted as `rejected`, which is not a drop.
 */

struct _SwyFilterNode
{
  SwyNode parent_instance;

  SwyPort *in;
  SwyPort *out;

  char *topic_pattern;
  char *field;
  SwyFilterOp op;
  double operand;
  SwyPattern *pattern;
  guint64 rejected;
};

enum {
  PROP_0,
  PROP_TOPIC_PATTERN,
  PROP_FIELD,
  PROP_OP,
  PROP_OPERAND,
  PROP_REJECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyFilterNode, swy_filter_node, SWY_TYPE_NODE)

static gboolean
compare (SwyFilterOp op,
         double      a,
         double      b)
{
  switch (op)
    {
    case SWY_FILTER_OP_NONE:
      return TRUE;

    case SWY_FILTER_OP_EQ:
      return a == b;

    case SWY_FILTER_OP_NE:
      return a != b;

    case SWY_FILTER_OP_LT:
      return a < b;

    case SWY_FILTER_OP_LE:
      return a <= b;

    case SWY_FILTER_OP_GT:
      return a > b;

    case SWY_FILTER_OP_GE:
      return a >= b;

    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
swy_filter_node_handle_event (SwyNode  *node,
                              SwyPort  *port,
                              SwyEvent *event)
{
  SwyFilterNode *self = SWY_FILTER_NODE (node);
  gboolean pass = _swy_pattern_match (self->pattern, swy_event_get_topic_quark (event));

  if (pass && self->op != SWY_FILTER_OP_NONE)
    {
      double v;

      pass = swy_event_lookup_double (event, self->field, &v) &&
             compare (self->op, v, self->operand);
    }

  if (pass)
    {
      swy_node_emit (node, self->out, event);
    }
  else
    {
      self->rejected++;
      swy_node_queue_notify (node, properties[PROP_REJECTED]);
    }
}

static void
swy_filter_node_reset (SwyNode *node)
{
  SwyFilterNode *self = SWY_FILTER_NODE (node);

  if (self->rejected != 0)
    {
      self->rejected = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REJECTED]);
    }
}

static void
swy_filter_node_add_extra_stats (SwyNode      *node,
                                 GVariantDict *dict)
{
  g_variant_dict_insert (dict, "rejected", "t", SWY_FILTER_NODE (node)->rejected);
}

static void
swy_filter_node_finalize (GObject *object)
{
  SwyFilterNode *self = (SwyFilterNode *)object;

  g_clear_pointer (&self->topic_pattern, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->pattern, _swy_pattern_free);

  G_OBJECT_CLASS (swy_filter_node_parent_class)->finalize (object);
}

static void
swy_filter_node_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SwyFilterNode *self = SWY_FILTER_NODE (object);

  switch (prop_id)
    {
    case PROP_TOPIC_PATTERN:
      g_value_set_string (value, swy_filter_node_get_topic_pattern (self));
      break;

    case PROP_FIELD:
      g_value_set_string (value, swy_filter_node_get_field (self));
      break;

    case PROP_OP:
      g_value_set_enum (value, swy_filter_node_get_op (self));
      break;

    case PROP_OPERAND:
      g_value_set_double (value, swy_filter_node_get_operand (self));
      break;

    case PROP_REJECTED:
      g_value_set_uint64 (value, swy_filter_node_get_rejected (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_filter_node_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SwyFilterNode *self = SWY_FILTER_NODE (object);

  switch (prop_id)
    {
    case PROP_TOPIC_PATTERN:
      swy_filter_node_set_topic_pattern (self, g_value_get_string (value));
      break;

    case PROP_FIELD:
      swy_filter_node_set_field (self, g_value_get_string (value));
      break;

    case PROP_OP:
      swy_filter_node_set_op (self, g_value_get_enum (value));
      break;

    case PROP_OPERAND:
      swy_filter_node_set_operand (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_filter_node_class_init (SwyFilterNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SwyNodeClass *node_class = SWY_NODE_CLASS (klass);

  object_class->finalize = swy_filter_node_finalize;
  object_class->get_property = swy_filter_node_get_property;
  object_class->set_property = swy_filter_node_set_property;

  node_class->handle_event = swy_filter_node_handle_event;
  node_class->reset = swy_filter_node_reset;
  node_class->add_extra_stats = swy_filter_node_add_extra_stats;

  /**
   * SwyFilterNode:topic-pattern:
   *
   * The MQTT-style pattern the topic must match.
   */
  properties[PROP_TOPIC_PATTERN] =
    g_param_spec_string ("topic-pattern",
                         _("Topic pattern"),
                         _("MQTT-style pattern the topic must match"),
                         "#",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyFilterNode:field:
   *
   * The payload field to compare.
   */
  properties[PROP_FIELD] =
    g_param_spec_string ("field",
                         _("Field"),
                         _("The payload field to compare"),
                         "value",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyFilterNode:op:
   *
   * How the field compares with the operand.
   */
  properties[PROP_OP] =
    g_param_spec_enum ("op",
                       _("Comparison"),
                       _("How the field compares with the operand"),
                       SWY_TYPE_FILTER_OP, SWY_FILTER_OP_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyFilterNode:operand:
   *
   * The number the field is compared with.
   */
  properties[PROP_OPERAND] =
    g_param_spec_double ("operand",
                         _("Operand"),
                         _("The number the field is compared with"),
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyFilterNode:rejected:
   *
   * The number of events that failed the test.

   * Notified at most once per scheduler batch.
   */
  properties[PROP_REJECTED] =
    g_param_spec_uint64 ("rejected",
                         _("Rejected"),
                         _("Events that failed the test"),
                         0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_filter_node_init (SwyFilterNode *self)
{
  self->in = swy_node_add_port (SWY_NODE (self), "in", SWY_PORT_DIRECTION_INPUT);
  self->out = swy_node_add_port (SWY_NODE (self), "out", SWY_PORT_DIRECTION_OUTPUT);
  self->topic_pattern = g_strdup ("#");
  self->field = g_strdup ("value");
  self->op = SWY_FILTER_OP_NONE;
  self->operand = 0.0;
  self->pattern = _swy_pattern_new (self->topic_pattern);
}

/**
 * swy_filter_node_new:
 * @id: (nullable): the node id
 *
 * Creates a filter node with default properties.
 *
 * Returns: (transfer full): a new node
 */
SwyNode *
swy_filter_node_new (const char *id)
{
  return g_object_new (SWY_TYPE_FILTER_NODE, "id", id, NULL);
}

/**
 * swy_filter_node_get_topic_pattern:
 * @self: a filter node
 *
 * Gets the value of [property@FilterNode:topic-pattern].
 *
 * Returns: the value
 */
const char *
swy_filter_node_get_topic_pattern (SwyFilterNode *self)
{
  g_return_val_if_fail (SWY_IS_FILTER_NODE (self), NULL);

  return self->topic_pattern;
}

/**
 * swy_filter_node_set_topic_pattern:
 * @self: a filter node
 * @value: the new value
 *
 * Sets [property@FilterNode:topic-pattern].
 */
void
swy_filter_node_set_topic_pattern (SwyFilterNode *self,
                                  const char *value)
{
  g_return_if_fail (SWY_IS_FILTER_NODE (self));
  g_return_if_fail (value != NULL);

  if (g_strcmp0 (self->topic_pattern, value) != 0)
    {
      g_free (self->topic_pattern);
      self->topic_pattern = g_strdup (value);
      g_clear_pointer (&self->pattern, _swy_pattern_free);
      self->pattern = _swy_pattern_new (value);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOPIC_PATTERN]);
    }
}

/**
 * swy_filter_node_get_field:
 * @self: a filter node
 *
 * Gets the value of [property@FilterNode:field].
 *
 * Returns: the value
 */
const char *
swy_filter_node_get_field (SwyFilterNode *self)
{
  g_return_val_if_fail (SWY_IS_FILTER_NODE (self), NULL);

  return self->field;
}

/**
 * swy_filter_node_set_field:
 * @self: a filter node
 * @value: the new value
 *
 * Sets [property@FilterNode:field].
 */
void
swy_filter_node_set_field (SwyFilterNode *self,
                          const char *value)
{
  g_return_if_fail (SWY_IS_FILTER_NODE (self));
  g_return_if_fail (value != NULL);

  if (g_strcmp0 (self->field, value) != 0)
    {
      g_free (self->field);
      self->field = g_strdup (value);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
    }
}

/**
 * swy_filter_node_get_op:
 * @self: a filter node
 *
 * Gets the value of [property@FilterNode:op].
 *
 * Returns: the value
 */
SwyFilterOp
swy_filter_node_get_op (SwyFilterNode *self)
{
  g_return_val_if_fail (SWY_IS_FILTER_NODE (self), SWY_FILTER_OP_NONE);

  return self->op;
}

/**
 * swy_filter_node_set_op:
 * @self: a filter node
 * @value: the new value
 *
 * Sets [property@FilterNode:op].
 */
void
swy_filter_node_set_op (SwyFilterNode *self,
                       SwyFilterOp value)
{
  g_return_if_fail (SWY_IS_FILTER_NODE (self));
  g_return_if_fail (value <= SWY_FILTER_OP_GE);

  if (self->op != value)
    {
      self->op = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OP]);
    }
}

/**
 * swy_filter_node_get_operand:
 * @self: a filter node
 *
 * Gets the value of [property@FilterNode:operand].
 *
 * Returns: the value
 */
double
swy_filter_node_get_operand (SwyFilterNode *self)
{
  g_return_val_if_fail (SWY_IS_FILTER_NODE (self), 0);

  return self->operand;
}

/**
 * swy_filter_node_set_operand:
 * @self: a filter node
 * @value: the new value
 *
 * Sets [property@FilterNode:operand].
 */
void
swy_filter_node_set_operand (SwyFilterNode *self,
                            double value)
{
  g_return_if_fail (SWY_IS_FILTER_NODE (self));
  g_return_if_fail (value >= -G_MAXDOUBLE && value <= G_MAXDOUBLE);

  if (self->operand != value)
    {
      self->operand = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPERAND]);
    }
}

/**
 * swy_filter_node_get_rejected:
 * @self: a filter node
 *
 * Gets the value of [property@FilterNode:rejected].
 *
 * Returns: the value
 */
guint64
swy_filter_node_get_rejected (SwyFilterNode *self)
{
  g_return_val_if_fail (SWY_IS_FILTER_NODE (self), 0);

  return self->rejected;
}
