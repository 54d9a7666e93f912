/* swy-trace-record.c: one trace record, created on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "swy-enum-types.h"
#include "swy-trace-private.h"

/**
 * SwyTraceRecord:
 *
 * One record of a [class@Trace]: an emission, a delivery or a drop.
 *
 * For an emission, the node and port are the emitter and its output; for a
 * delivery or a drop, the node and input port where the event arrives or is
 * dropped. The wire is the wire's index in creation order, or -1.
 */

struct _SwyTraceRecord
{
  GObject       parent_instance;

  SwyTraceEntry entry;
};

enum {
  PROP_0,
  PROP_TIME,
  PROP_KIND,
  PROP_EVENT,
  PROP_EVENT_ID,
  PROP_PARENT_ID,
  PROP_NODE_ID,
  PROP_FROM_NODE_ID,
  PROP_PORT,
  PROP_WIRE,
  PROP_DEPTH,
  PROP_REASON,
  PROP_TOPIC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyTraceRecord, swy_trace_record, G_TYPE_OBJECT)

static void
swy_trace_record_finalize (GObject *object)
{
  SwyTraceRecord *self = (SwyTraceRecord *)object;

  g_clear_pointer (&self->entry.event, swy_event_unref);

  G_OBJECT_CLASS (swy_trace_record_parent_class)->finalize (object);
}

static void
swy_trace_record_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SwyTraceRecord *self = SWY_TRACE_RECORD (object);

  switch (prop_id)
    {
    case PROP_TIME:
      g_value_set_int64 (value, swy_trace_record_get_time (self));
      break;

    case PROP_KIND:
      g_value_set_enum (value, swy_trace_record_get_kind (self));
      break;

    case PROP_EVENT:
      g_value_set_boxed (value, swy_trace_record_get_event (self));
      break;

    case PROP_EVENT_ID:
      g_value_set_uint64 (value, swy_trace_record_get_event_id (self));
      break;

    case PROP_PARENT_ID:
      g_value_set_uint64 (value, swy_trace_record_get_parent_id (self));
      break;

    case PROP_NODE_ID:
      g_value_set_string (value, swy_trace_record_get_node_id (self));
      break;

    case PROP_FROM_NODE_ID:
      g_value_set_string (value, swy_trace_record_get_from_node_id (self));
      break;

    case PROP_PORT:
      g_value_set_string (value, swy_trace_record_get_port (self));
      break;

    case PROP_WIRE:
      g_value_set_int (value, swy_trace_record_get_wire (self));
      break;

    case PROP_DEPTH:
      g_value_set_uint (value, swy_trace_record_get_depth (self));
      break;

    case PROP_REASON:
      g_value_set_string (value, swy_trace_record_get_reason (self));
      break;

    case PROP_TOPIC:
      g_value_set_string (value, swy_trace_record_get_topic (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_trace_record_class_init (SwyTraceRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = swy_trace_record_finalize;
  object_class->get_property = swy_trace_record_get_property;

  /**
   * SwyTraceRecord:time:
   *
   * The virtual time of the record, in microseconds.
   */
  properties[PROP_TIME] =
    g_param_spec_int64 ("time", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyTraceRecord:kind:
   *
   * Emission, delivery or drop.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       SWY_TYPE_TRACE_KIND,
                       SWY_TRACE_KIND_EMIT,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyTraceRecord:event:
   *
   * The event.
   */
  properties[PROP_EVENT] =
    g_param_spec_boxed ("event", NULL, NULL,
                        SWY_TYPE_EVENT,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyTraceRecord:event-id:
   *
   * The id of the event.
   */
  properties[PROP_EVENT_ID] =
    g_param_spec_uint64 ("event-id", NULL, NULL,
                         0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyTraceRecord:parent-id:
   *
   * The id of the event's parent, or 0.
   */
  properties[PROP_PARENT_ID] =
    g_param_spec_uint64 ("parent-id", NULL, NULL,
                         0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyTraceRecord:node-id:
   *
   * The id of the node, as it was when the record was made.
   */
  properties[PROP_NODE_ID] =
    g_param_spec_string ("node-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyTraceRecord:from-node-id:
   *
   * The id the emitting node had, for a delivery or a drop on a wire;
   * `NULL` for an emission and for a drop by a node.
   */
  properties[PROP_FROM_NODE_ID] =
    g_param_spec_string ("from-node-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyTraceRecord:port:
   *
   * The port name, or an empty string.
   */
  properties[PROP_PORT] =
    g_param_spec_string ("port", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyTraceRecord:wire:
   *
   * The wire index, or -1.
   */
  properties[PROP_WIRE] =
    g_param_spec_int ("wire", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyTraceRecord:depth:
   *
   * The sync nesting level.
   */
  properties[PROP_DEPTH] =
    g_param_spec_uint ("depth", NULL, NULL,
                       0, G_MAXUINT16, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyTraceRecord:reason:
   *
   * The drop reason, or `NULL`.
   */
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyTraceRecord:topic:
   *
   * The topic of the event.
   */
  properties[PROP_TOPIC] =
    g_param_spec_string ("topic", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_trace_record_init (SwyTraceRecord *self)
{
}

SwyTraceRecord *
_swy_trace_record_new (const SwyTraceEntry *entry)
{
  SwyTraceRecord *self = g_object_new (SWY_TYPE_TRACE_RECORD, NULL);

  self->entry = *entry;
  swy_event_ref (self->entry.event);

  return self;
}

/**
 * swy_trace_record_get_time:
 * @self: a record
 *
 * Gets the virtual time of the record.
 *
 * Returns: microseconds of virtual time
 */
gint64
swy_trace_record_get_time (SwyTraceRecord *self)
{
  g_return_val_if_fail (SWY_IS_TRACE_RECORD (self), 0);

  return self->entry.t_us;
}

/**
 * swy_trace_record_get_kind:
 * @self: a record
 *
 * Gets the kind of the record.
 *
 * Returns: the kind
 */
SwyTraceKind
swy_trace_record_get_kind (SwyTraceRecord *self)
{
  g_return_val_if_fail (SWY_IS_TRACE_RECORD (self), SWY_TRACE_KIND_EMIT);

  return self->entry.kind;
}

/**
 * swy_trace_record_get_event:
 * @self: a record
 *
 * Gets the event of the record.
 *
 * Returns: (transfer none): the event
 */
SwyEvent *
swy_trace_record_get_event (SwyTraceRecord *self)
{
  g_return_val_if_fail (SWY_IS_TRACE_RECORD (self), NULL);

  return self->entry.event;
}

/**
 * swy_trace_record_get_event_id:
 * @self: a record
 *
 * Gets the id of the event.
 *
 * Returns: the id
 */
guint64
swy_trace_record_get_event_id (SwyTraceRecord *self)
{
  g_return_val_if_fail (SWY_IS_TRACE_RECORD (self), 0);

  return self->entry.event->id;
}

/**
 * swy_trace_record_get_parent_id:
 * @self: a record
 *
 * Gets the id of the event's parent.
 *
 * Returns: the id, or 0
 */
guint64
swy_trace_record_get_parent_id (SwyTraceRecord *self)
{
  g_return_val_if_fail (SWY_IS_TRACE_RECORD (self), 0);

  return self->entry.event->parent;
}

/**
 * swy_trace_record_get_node_id:
 * @self: a record
 *
 * Gets the id the node had when the record was made.
 *
 * Returns: the node id
 */
const char *
swy_trace_record_get_node_id (SwyTraceRecord *self)
{
  g_return_val_if_fail (SWY_IS_TRACE_RECORD (self), NULL);

  return self->entry.node ? g_quark_to_string (self->entry.node) : "";
}

/**
 * swy_trace_record_get_from_node_id:
 * @self: a record
 *
 * Gets the id the emitting node had when the record was made: for a
 * delivery, the node at the other end of the wire; for a drop on a wire
 * (loss, a storm guard, a removed wire), the node that sent the event.
 *
 * Returns: (nullable): the emitter's id, or `NULL` for an emission and
 *   for a drop by a node
 */
const char *
swy_trace_record_get_from_node_id (SwyTraceRecord *self)
{
  g_return_val_if_fail (SWY_IS_TRACE_RECORD (self), NULL);

  return self->entry.from ? g_quark_to_string (self->entry.from) : NULL;
}

/**
 * swy_trace_record_get_port:
 * @self: a record
 *
 * Gets the port name.
 *
 * Returns: the port name, or an empty string
 */
const char *
swy_trace_record_get_port (SwyTraceRecord *self)
{
  g_return_val_if_fail (SWY_IS_TRACE_RECORD (self), NULL);

  return self->entry.port ? g_quark_to_string (self->entry.port) : "";
}

/**
 * swy_trace_record_get_wire:
 * @self: a record
 *
 * Gets the index of the wire.
 *
 * Returns: the index, or -1
 */
int
swy_trace_record_get_wire (SwyTraceRecord *self)
{
  g_return_val_if_fail (SWY_IS_TRACE_RECORD (self), -1);

  return self->entry.wire;
}

/**
 * swy_trace_record_get_depth:
 * @self: a record
 *
 * Gets the sync nesting level.
 *
 * Returns: the depth
 */
guint
swy_trace_record_get_depth (SwyTraceRecord *self)
{
  g_return_val_if_fail (SWY_IS_TRACE_RECORD (self), 0);

  return self->entry.depth;
}

/**
 * swy_trace_record_get_reason:
 * @self: a record
 *
 * Gets the reason of a drop.
 *
 * Returns: (nullable): the reason, or `NULL` for other kinds
 */
const char *
swy_trace_record_get_reason (SwyTraceRecord *self)
{
  g_return_val_if_fail (SWY_IS_TRACE_RECORD (self), NULL);

  return self->entry.reason ? g_quark_to_string (self->entry.reason) : NULL;
}

/**
 * swy_trace_record_get_topic:
 * @self: a record
 *
 * Gets the topic of the event.
 *
 * Returns: the topic
 */
const char *
swy_trace_record_get_topic (SwyTraceRecord *self)
{
  g_return_val_if_fail (SWY_IS_TRACE_RECORD (self), NULL);

  return g_quark_to_string (self->entry.event->topic);
}

/**
 * swy_trace_record_dup_payload_string:
 * @self: a record
 *
 * Prints the event's payload as in the JSON lines trace.
 *
 * Returns: (transfer full): the payload text
 */
char *
swy_trace_record_dup_payload_string (SwyTraceRecord *self)
{
  g_return_val_if_fail (SWY_IS_TRACE_RECORD (self), NULL);

  return g_variant_print (self->entry.event->payload, TRUE);
}
