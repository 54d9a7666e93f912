/* swy-wire.c: a real signal handler joining an output to an input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "swy-enum-types.h"
#include "swy-graph-private.h"
#include "swy-port-private.h"
#include "swy-wire-private.h"

/**
 * SwyWire:
 *
 * A wire joins one output [class@Port] to one input port.
 *
 * A wire in a graph is exactly one handler of its output port's
 * [signal@Port::event] signal, connected in wire creation order.
 *
 * With an exact [property@Wire:subscription] (no `+` or `#`), the handler is
 * connected with the topic as the signal detail, so GLib's own detail
 * matching filters the events. With a wildcard subscription the handler is
 * connected without a detail and matches the topic against the pattern,
 * which was split into levels once when it was set; the last topic's result
 * is cached, so a repeated topic costs one comparison.
 */

struct _SwyWireClass
{
  GObjectClass parent_class;
};

enum {
  PROP_0,
  PROP_FROM,
  PROP_TO,
  PROP_MODE,
  PROP_LATENCY_MS,
  PROP_PRIORITY,
  PROP_SUBSCRIPTION,
  PROP_BLOCKED,
  PROP_LOSS,
  PROP_JITTER_MS,
  PROP_DELIVERED,
  PROP_LOST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyWire, swy_wire, G_TYPE_OBJECT)

#define MAX_MS 86400000

static void
connect_handler (SwyWire *self)
{
  GClosure *closure;
  GQuark detail = 0;

  if (_swy_pattern_is_exact (self->pattern))
    detail = g_quark_from_string (self->subscription);

  closure = g_cclosure_new (G_CALLBACK (_swy_graph_wire_handler), self, NULL);
  self->handler_id = g_signal_connect_closure_by_id (self->from,
                                                     _swy_port_event_signal,
                                                     detail,
                                                     closure,
                                                     FALSE);
  if (self->blocked)
    g_signal_handler_block (self->from, self->handler_id);
}

static void
disconnect_handler (SwyWire *self)
{
  if (self->handler_id != 0)
    {
      g_signal_handler_disconnect (self->from, self->handler_id);
      self->handler_id = 0;
    }
}

/* Keeps @wires (a port's) in graph order, and returns where @self went. */
static guint
insert_in_order (GPtrArray *wires,
                 SwyWire   *self)
{
  guint pos = 0;

  while (pos < wires->len && ((SwyWire *)g_ptr_array_index (wires, pos))->index < self->index)
    pos++;
  g_ptr_array_insert (wires, pos, self);

  return pos;
}

void
_swy_wire_attach (SwyWire  *self,
                  SwyGraph *graph)
{
  GPtrArray *wires = self->from->wires;
  guint pos;

  self->graph = graph;
  pos = insert_in_order (wires, self);
  insert_in_order (self->to->wires, self);

  /* Handlers run in connection order: the wires after this one on the same
   * output connect again behind it. */
  for (guint i = pos + 1; i < wires->len; i++)
    disconnect_handler (g_ptr_array_index (wires, i));
  for (guint i = pos; i < wires->len; i++)
    connect_handler (g_ptr_array_index (wires, i));
}

void
_swy_wire_detach (SwyWire *self)
{
  disconnect_handler (self);
  g_ptr_array_remove (self->from->wires, self);
  g_ptr_array_remove (self->to->wires, self);
  self->graph = NULL;
  self->index = -1;
}

/* Handlers run in connection order, which must stay wire creation order: a
 * wire that reconnects (new subscription) reconnects every later wire of the
 * same output too. */
void
_swy_wire_reconnect (SwyWire *self)
{
  GPtrArray *wires = self->from->wires;
  guint pos;

  if (self->graph == NULL)
    return;

  if (!g_ptr_array_find (wires, self, &pos))
    g_assert_not_reached ();

  for (guint i = pos; i < wires->len; i++)
    disconnect_handler (g_ptr_array_index (wires, i));
  for (guint i = pos; i < wires->len; i++)
    connect_handler (g_ptr_array_index (wires, i));
}

void
_swy_wire_count (SwyWire *self,
                 guint    dirty_bit)
{
  if (dirty_bit == SWY_WIRE_DIRTY_DELIVERED)
    self->delivered++;
  else
    self->lost++;

  if (self->dirty == 0 && self->graph != NULL)
    _swy_graph_queue_wire_notify (self->graph, self);
  self->dirty |= dirty_bit;
}

void
_swy_wire_flush_notify (SwyWire *self)
{
  guint dirty = self->dirty;

  self->dirty = 0;
  if (dirty & SWY_WIRE_DIRTY_DELIVERED)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELIVERED]);
  if (dirty & SWY_WIRE_DIRTY_LOST)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOST]);
}

void
_swy_wire_reset (SwyWire *self)
{
  if (self->delivered != 0)
    {
      self->delivered = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELIVERED]);
    }
  if (self->lost != 0)
    {
      self->lost = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOST]);
    }
}

static void
swy_wire_dispose (GObject *object)
{
  SwyWire *self = (SwyWire *)object;

  disconnect_handler (self);

  G_OBJECT_CLASS (swy_wire_parent_class)->dispose (object);
}

static void
swy_wire_finalize (GObject *object)
{
  SwyWire *self = (SwyWire *)object;

  g_clear_object (&self->from);
  g_clear_object (&self->to);
  g_clear_pointer (&self->subscription, g_free);
  g_clear_pointer (&self->pattern, _swy_pattern_free);

  G_OBJECT_CLASS (swy_wire_parent_class)->finalize (object);
}

static void
swy_wire_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SwyWire *self = SWY_WIRE (object);

  switch (prop_id)
    {
    case PROP_FROM:
      g_value_set_object (value, self->from);
      break;

    case PROP_TO:
      g_value_set_object (value, self->to);
      break;

    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;

    case PROP_LATENCY_MS:
      g_value_set_uint (value, self->latency_ms);
      break;

    case PROP_PRIORITY:
      g_value_set_enum (value, self->priority);
      break;

    case PROP_SUBSCRIPTION:
      g_value_set_string (value, self->subscription);
      break;

    case PROP_BLOCKED:
      g_value_set_boolean (value, self->blocked);
      break;

    case PROP_LOSS:
      g_value_set_double (value, self->loss);
      break;

    case PROP_JITTER_MS:
      g_value_set_uint (value, self->jitter_ms);
      break;

    case PROP_DELIVERED:
      g_value_set_uint64 (value, self->delivered);
      break;

    case PROP_LOST:
      g_value_set_uint64 (value, self->lost);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_wire_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SwyWire *self = SWY_WIRE (object);

  switch (prop_id)
    {
    case PROP_FROM:
      self->from = g_value_dup_object (value);
      break;

    case PROP_TO:
      self->to = g_value_dup_object (value);
      break;

    case PROP_MODE:
      swy_wire_set_mode (self, g_value_get_enum (value));
      break;

    case PROP_LATENCY_MS:
      swy_wire_set_latency_ms (self, g_value_get_uint (value));
      break;

    case PROP_PRIORITY:
      swy_wire_set_priority (self, g_value_get_enum (value));
      break;

    case PROP_SUBSCRIPTION:
      swy_wire_set_subscription (self, g_value_get_string (value));
      break;

    case PROP_BLOCKED:
      swy_wire_set_blocked (self, g_value_get_boolean (value));
      break;

    case PROP_LOSS:
      swy_wire_set_loss (self, g_value_get_double (value));
      break;

    case PROP_JITTER_MS:
      swy_wire_set_jitter_ms (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_wire_class_init (SwyWireClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = swy_wire_dispose;
  object_class->finalize = swy_wire_finalize;
  object_class->get_property = swy_wire_get_property;
  object_class->set_property = swy_wire_set_property;

  /**
   * SwyWire:from:
   *
   * The output port the wire leaves.
   */
  properties[PROP_FROM] =
    g_param_spec_object ("from", NULL, NULL,
                         SWY_TYPE_PORT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyWire:to:
   *
   * The input port the wire enters.
   */
  properties[PROP_TO] =
    g_param_spec_object ("to", NULL, NULL,
                         SWY_TYPE_PORT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyWire:mode:
   *
   * Whether the wire delivers inside the emission or through the scheduler.
   */
  properties[PROP_MODE] =
    g_param_spec_enum ("mode",
                       _("Mode"),
                       _("Sync delivers inside the emission; queued goes through the main loop"),
                       SWY_TYPE_WIRE_MODE,
                       SWY_WIRE_MODE_SYNC,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyWire:latency-ms:
   *
   * Milliseconds of virtual time between emission and delivery, for queued wires.
   */
  properties[PROP_LATENCY_MS] =
    g_param_spec_uint ("latency-ms",
                       _("Latency (ms)"),
                       _("Virtual milliseconds between emission and delivery on a queued wire"),
                       0, MAX_MS, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyWire:priority:
   *
   * The priority of queued deliveries among items due at the same time.
   */
  properties[PROP_PRIORITY] =
    g_param_spec_enum ("priority",
                       _("Priority"),
                       _("Order among queued deliveries due at the same time"),
                       SWY_TYPE_PRIORITY,
                       SWY_PRIORITY_DEFAULT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyWire:subscription:
   *
   * The MQTT-style topic pattern: `+` matches one level, a final `#` the
   * rest (including zero levels). Events whose topic does not match do not
   * cross the wire.
   */
  properties[PROP_SUBSCRIPTION] =
    g_param_spec_string ("subscription",
                       _("Subscription"),
                       _("Topic pattern: “+” matches one level, a final “#” the rest"),
                         "#",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyWire:blocked:
   *
   * Whether the wire's handler is blocked with `g_signal_handler_block()`.
   */
  properties[PROP_BLOCKED] =
    g_param_spec_boolean ("blocked",
                       _("Blocked"),
                       _("Block the handler: nothing crosses the wire"),
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyWire:loss:
   *
   * The probability that a delivery is lost, drawn from the graph's seeded generator.
   */
  properties[PROP_LOSS] =
    g_param_spec_double ("loss",
                       _("Loss"),
                       _("Probability that a delivery is lost, from 0 to 1"),
                         0.0, 1.0, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyWire:jitter-ms:
   *
   * The upper bound of a uniform extra delay added to each queued delivery.
   */
  properties[PROP_JITTER_MS] =
    g_param_spec_uint ("jitter-ms",
                       _("Jitter (ms)"),
                       _("Up to this many extra milliseconds per queued delivery; can reorder events"),
                       0, MAX_MS, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyWire:delivered:
   *
   * The number of deliveries made through the wire. Notified at most once
   * per scheduler batch.
   */
  properties[PROP_DELIVERED] =
    g_param_spec_uint64 ("delivered", NULL, NULL,
                         0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyWire:lost:
   *
   * The number of deliveries lost to [property@Wire:loss]. Notified at most
   * once per scheduler batch.
   */
  properties[PROP_LOST] =
    g_param_spec_uint64 ("lost", NULL, NULL,
                         0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_wire_init (SwyWire *self)
{
  self->index = -1;
  self->mode = SWY_WIRE_MODE_SYNC;
  self->priority = SWY_PRIORITY_DEFAULT;
  self->subscription = g_strdup ("#");
  self->pattern = _swy_pattern_new ("#");
}

/**
 * swy_wire_new:
 * @from: an output port
 * @to: an input port
 *
 * Creates a wire from @from to @to. It carries events once added to the
 * graph of both ports with [method@Graph.add_wire].
 *
 * Returns: (transfer full): a new wire
 */
SwyWire *
swy_wire_new (SwyPort *from,
              SwyPort *to)
{
  g_return_val_if_fail (SWY_IS_PORT (from), NULL);
  g_return_val_if_fail (SWY_IS_PORT (to), NULL);

  return g_object_new (SWY_TYPE_WIRE, "from", from, "to", to, NULL);
}

/**
 * swy_wire_get_from:
 * @self: a wire
 *
 * Gets the output port the wire leaves.
 *
 * Returns: (transfer none): the port
 */
SwyPort *
swy_wire_get_from (SwyWire *self)
{
  g_return_val_if_fail (SWY_IS_WIRE (self), NULL);

  return self->from;
}

/**
 * swy_wire_get_to:
 * @self: a wire
 *
 * Gets the input port the wire enters.
 *
 * Returns: (transfer none): the port
 */
SwyPort *
swy_wire_get_to (SwyWire *self)
{
  g_return_val_if_fail (SWY_IS_WIRE (self), NULL);

  return self->to;
}

/**
 * swy_wire_get_graph:
 * @self: a wire
 *
 * Gets the graph the wire belongs to.
 *
 * Returns: (transfer none) (nullable): the graph
 */
SwyGraph *
swy_wire_get_graph (SwyWire *self)
{
  g_return_val_if_fail (SWY_IS_WIRE (self), NULL);

  return self->graph;
}

/**
 * swy_wire_get_index:
 * @self: a wire
 *
 * Gets the position of the wire in its graph's wires, in creation order:
 * the `wire` field of trace records.
 *
 * Returns: the index, or -1 when the wire is in no graph
 */
int
swy_wire_get_index (SwyWire *self)
{
  g_return_val_if_fail (SWY_IS_WIRE (self), -1);

  return self->index;
}

/**
 * swy_wire_get_mode:
 * @self: a wire
 *
 * Gets the delivery mode.
 *
 * Returns: the mode
 */
SwyWireMode
swy_wire_get_mode (SwyWire *self)
{
  g_return_val_if_fail (SWY_IS_WIRE (self), SWY_WIRE_MODE_SYNC);

  return self->mode;
}

/**
 * swy_wire_set_mode:
 * @self: a wire
 * @mode: the mode
 *
 * Sets the delivery mode. Deliveries already scheduled are kept.
 */
void
swy_wire_set_mode (SwyWire     *self,
                   SwyWireMode  mode)
{
  g_return_if_fail (SWY_IS_WIRE (self));

  if (self->mode != mode)
    {
      self->mode = mode;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
    }
}

/**
 * swy_wire_get_latency_ms:
 * @self: a wire
 *
 * Gets the latency of queued deliveries.
 *
 * Returns: the latency in milliseconds
 */
guint
swy_wire_get_latency_ms (SwyWire *self)
{
  g_return_val_if_fail (SWY_IS_WIRE (self), 0);

  return self->latency_ms;
}

/**
 * swy_wire_set_latency_ms:
 * @self: a wire
 * @latency_ms: the latency in milliseconds
 *
 * Sets the latency of queued deliveries.
 */
void
swy_wire_set_latency_ms (SwyWire *self,
                         guint    latency_ms)
{
  g_return_if_fail (SWY_IS_WIRE (self));
  g_return_if_fail (latency_ms <= MAX_MS);

  if (self->latency_ms != latency_ms)
    {
      self->latency_ms = latency_ms;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LATENCY_MS]);
    }
}

/**
 * swy_wire_get_priority:
 * @self: a wire
 *
 * Gets the priority of queued deliveries.
 *
 * Returns: the priority
 */
SwyPriority
swy_wire_get_priority (SwyWire *self)
{
  g_return_val_if_fail (SWY_IS_WIRE (self), SWY_PRIORITY_DEFAULT);

  return self->priority;
}

/**
 * swy_wire_set_priority:
 * @self: a wire
 * @priority: the priority
 *
 * Sets the priority of queued deliveries.
 */
void
swy_wire_set_priority (SwyWire     *self,
                       SwyPriority  priority)
{
  g_return_if_fail (SWY_IS_WIRE (self));
  g_return_if_fail (priority <= SWY_PRIORITY_IDLE);

  if (self->priority != priority)
    {
      self->priority = priority;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIORITY]);
    }
}

/**
 * swy_wire_get_subscription:
 * @self: a wire
 *
 * Gets the topic pattern of the wire.
 *
 * Returns: the pattern
 */
const char *
swy_wire_get_subscription (SwyWire *self)
{
  g_return_val_if_fail (SWY_IS_WIRE (self), NULL);

  return self->subscription;
}

/**
 * swy_wire_set_subscription:
 * @self: a wire
 * @subscription: (nullable): the topic pattern; `NULL` means `#`
 *
 * Sets the topic pattern. The wire's handler is reconnected (with the
 * topic as detail when the pattern has no wildcard), keeping handler order
 * equal to wire creation order.
 */
void
swy_wire_set_subscription (SwyWire    *self,
                           const char *subscription)
{
  g_return_if_fail (SWY_IS_WIRE (self));

  if (subscription == NULL)
    subscription = "#";

  if (g_strcmp0 (self->subscription, subscription) != 0)
    {
      g_free (self->subscription);
      self->subscription = g_strdup (subscription);
      g_clear_pointer (&self->pattern, _swy_pattern_free);
      self->pattern = _swy_pattern_new (subscription);
      _swy_wire_reconnect (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBSCRIPTION]);
    }
}

/**
 * swy_wire_get_blocked:
 * @self: a wire
 *
 * Gets whether the wire's handler is blocked.
 *
 * Returns: whether the wire is blocked
 */
gboolean
swy_wire_get_blocked (SwyWire *self)
{
  g_return_val_if_fail (SWY_IS_WIRE (self), FALSE);

  return self->blocked;
}

/**
 * swy_wire_set_blocked:
 * @self: a wire
 * @blocked: whether to block the wire
 *
 * Blocks or unblocks the wire's handler: a blocked wire carries nothing.
 */
void
swy_wire_set_blocked (SwyWire  *self,
                      gboolean  blocked)
{
  g_return_if_fail (SWY_IS_WIRE (self));

  blocked = !!blocked;
  if (self->blocked != blocked)
    {
      self->blocked = blocked;
      if (self->handler_id != 0)
        {
          if (blocked)
            g_signal_handler_block (self->from, self->handler_id);
          else
            g_signal_handler_unblock (self->from, self->handler_id);
        }
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLOCKED]);
    }
}

/**
 * swy_wire_get_loss:
 * @self: a wire
 *
 * Gets the probability that a delivery is lost.
 *
 * Returns: the loss probability
 */
double
swy_wire_get_loss (SwyWire *self)
{
  g_return_val_if_fail (SWY_IS_WIRE (self), 0.0);

  return self->loss;
}

/**
 * swy_wire_set_loss:
 * @self: a wire
 * @loss: a probability, from 0 to 1
 *
 * Sets the probability that a delivery is lost.
 */
void
swy_wire_set_loss (SwyWire *self,
                   double   loss)
{
  g_return_if_fail (SWY_IS_WIRE (self));
  g_return_if_fail (loss >= 0.0 && loss <= 1.0);

  if (self->loss != loss)
    {
      self->loss = loss;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOSS]);
    }
}

/**
 * swy_wire_get_jitter_ms:
 * @self: a wire
 *
 * Gets the bound of the extra random delay of queued deliveries.
 *
 * Returns: the jitter in milliseconds
 */
guint
swy_wire_get_jitter_ms (SwyWire *self)
{
  g_return_val_if_fail (SWY_IS_WIRE (self), 0);

  return self->jitter_ms;
}

/**
 * swy_wire_set_jitter_ms:
 * @self: a wire
 * @jitter_ms: the jitter in milliseconds
 *
 * Sets the bound of the extra random delay of queued deliveries.
 */
void
swy_wire_set_jitter_ms (SwyWire *self,
                        guint    jitter_ms)
{
  g_return_if_fail (SWY_IS_WIRE (self));
  g_return_if_fail (jitter_ms <= MAX_MS);

  if (self->jitter_ms != jitter_ms)
    {
      self->jitter_ms = jitter_ms;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JITTER_MS]);
    }
}

/**
 * swy_wire_get_delivered:
 * @self: a wire
 *
 * Gets the number of deliveries made through the wire.
 *
 * Returns: the count
 */
guint64
swy_wire_get_delivered (SwyWire *self)
{
  g_return_val_if_fail (SWY_IS_WIRE (self), 0);

  return self->delivered;
}

/**
 * swy_wire_get_lost:
 * @self: a wire
 *
 * Gets the number of deliveries lost on the wire.
 *
 * Returns: the count
 */
guint64
swy_wire_get_lost (SwyWire *self)
{
  g_return_val_if_fail (SWY_IS_WIRE (self), 0);

  return self->lost;
}

/**
 * swy_wire_matches_topic:
 * @self: a wire
 * @topic: a topic
 *
 * Checks @topic against the wire's subscription.
 *
 * Returns: whether an event with @topic may cross the wire
 */
gboolean
swy_wire_matches_topic (SwyWire    *self,
                        const char *topic)
{
  g_return_val_if_fail (SWY_IS_WIRE (self), FALSE);
  g_return_val_if_fail (topic != NULL, FALSE);

  return _swy_pattern_match_string (self->pattern, topic);
}

/**
 * swy_topic_matches:
 * @pattern: an MQTT-style pattern
 * @topic: a topic
 *
 * Checks @topic against @pattern: levels are separated by `/`, `+` matches
 * exactly one level, `#` matches the rest including zero levels, and other
 * levels compare exactly.
 *
 * Returns: whether @topic matches
 */
gboolean
swy_topic_matches (const char *pattern,
                   const char *topic)
{
  g_autoptr(SwyPattern) compiled = NULL;

  g_return_val_if_fail (pattern != NULL, FALSE);
  g_return_val_if_fail (topic != NULL, FALSE);

  compiled = _swy_pattern_new (pattern);

  return _swy_pattern_match_string (compiled, topic);
}

/**
 * swy_topic_pattern_validate:
 * @pattern: an MQTT-style subscription pattern
 * @error: return location for an error
 *
 * Checks that @pattern is a subscription pattern MQTT would accept: not
 * empty, `+` and `#` only as whole levels, and `#` only as the last level.
 *
 * Returns: whether @pattern is valid; if not, @error says which level is wrong
 */
gboolean
swy_topic_pattern_validate (const char  *pattern,
                            GError     **error)
{
  g_auto(GStrv) levels = NULL;
  guint n_levels;

  g_return_val_if_fail (pattern != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (pattern[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A subscription cannot be empty: use “#” for every topic"));
      return FALSE;
    }

  levels = g_strsplit (pattern, "/", -1);
  n_levels = g_strv_length (levels);
  for (guint i = 0; i < n_levels; i++)
    {
      const char *level = levels[i];
      gboolean has_plus = strchr (level, '+') != NULL;
      gboolean has_hash = strchr (level, '#') != NULL;

      if ((has_plus && strcmp (level, "+") != 0) || (has_hash && strcmp (level, "#") != 0))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Level %u of “%s” mixes a wildcard with text: “+” and “#” must stand alone between slashes"),
                       i + 1, pattern);
          return FALSE;
        }
      if (has_hash && i + 1 != n_levels)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“#” must be the last level of “%s”"), pattern);
          return FALSE;
        }
    }

  return TRUE;
}
