/* swy-port.c: named inputs and outputs of a node
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "swy-enum-types.h"
#include "swy-event.h"
#include "swy-node.h"
#include "swy-port-private.h"

/**
 * SwyPort:
 *
 * A named input or output of a [class@Node].
 *
 * Every output port owns one real GObject signal, [signal@Port::event]:
 * emitting on the port is `g_signal_emit()` with the event's topic as the
 * detail, and every [class@Wire] leaving the port is one handler of that
 * signal. Input ports never emit.
 */

struct _SwyPortClass
{
  GObjectClass parent_class;
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_DIRECTION,
  PROP_NODE,
  N_PROPS
};

enum {
  SIGNAL_EVENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
guint _swy_port_event_signal;

G_DEFINE_FINAL_TYPE (SwyPort, swy_port, G_TYPE_OBJECT)

static void
swy_port_finalize (GObject *object)
{
  SwyPort *self = (SwyPort *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->wires, g_ptr_array_unref);

  G_OBJECT_CLASS (swy_port_parent_class)->finalize (object);
}

static void
swy_port_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SwyPort *self = SWY_PORT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, swy_port_get_name (self));
      break;

    case PROP_DIRECTION:
      g_value_set_enum (value, swy_port_get_direction (self));
      break;

    case PROP_NODE:
      g_value_set_object (value, swy_port_get_node (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_port_class_init (SwyPortClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = swy_port_finalize;
  object_class->get_property = swy_port_get_property;

  /**
   * SwyPort:name:
   *
   * The name of the port, unique among the ports of its node.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyPort:direction:
   *
   * Whether the port is an input or an output.
   */
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL,
                       SWY_TYPE_PORT_DIRECTION,
                       SWY_PORT_DIRECTION_INPUT,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyPort:node:
   *
   * The node that owns the port.
   */
  properties[PROP_NODE] =
    g_param_spec_object ("node", NULL, NULL,
                         SWY_TYPE_NODE,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SwyPort::event:
   * @self: an output port
   * @event: the emitted event
   *
   * Emitted when the node emits @event on this output. The detail is the
   * event's topic, so a handler connected to `event::orders/new` sees only
   * that topic. Each [class@Wire] leaving the port is one handler.
   *
   * The signal has no class closure and one boxed argument with a
   * va_marshaller, which keeps a single handler on GLib's fast path.
   */
  _swy_port_event_signal =
    g_signal_new ("event",
                  G_TYPE_FROM_CLASS (klass),
                  (G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED),
                  0,
                  NULL, NULL,
                  g_cclosure_marshal_VOID__BOXED,
                  G_TYPE_NONE, 1,
                  SWY_TYPE_EVENT | G_SIGNAL_TYPE_STATIC_SCOPE);
  g_signal_set_va_marshaller (_swy_port_event_signal,
                              G_TYPE_FROM_CLASS (klass),
                              g_cclosure_marshal_VOID__BOXEDv);
}

static void
swy_port_init (SwyPort *self)
{
  self->wires = g_ptr_array_new ();
}

SwyPort *
_swy_port_new (SwyNode          *node,
               const char       *name,
               SwyPortDirection  direction)
{
  SwyPort *self;

  self = g_object_new (SWY_TYPE_PORT, NULL);
  self->node = node;
  self->name = g_strdup (name);
  self->name_quark = g_quark_from_string (name);
  self->direction = direction;

  return self;
}

void
_swy_port_clear_node (SwyPort *self)
{
  self->node = NULL;
}

/**
 * swy_port_get_name:
 * @self: a port
 *
 * Gets the name of the port.
 *
 * Returns: the name
 */
const char *
swy_port_get_name (SwyPort *self)
{
  g_return_val_if_fail (SWY_IS_PORT (self), NULL);

  return self->name;
}

/**
 * swy_port_get_direction:
 * @self: a port
 *
 * Gets whether the port is an input or an output.
 *
 * Returns: the direction
 */
SwyPortDirection
swy_port_get_direction (SwyPort *self)
{
  g_return_val_if_fail (SWY_IS_PORT (self), SWY_PORT_DIRECTION_INPUT);

  return self->direction;
}

/**
 * swy_port_get_node:
 * @self: a port
 *
 * Gets the node that owns the port.
 *
 * Returns: (transfer none) (nullable): the node, or `NULL` once the node is disposed
 */
SwyNode *
swy_port_get_node (SwyPort *self)
{
  g_return_val_if_fail (SWY_IS_PORT (self), NULL);

  return self->node;
}

/**
 * swy_port_dup_address:
 * @self: a port
 *
 * Formats the port's address as used in graph files: `node-id:port`.
 *
 * Returns: (transfer full): the address
 */
char *
swy_port_dup_address (SwyPort *self)
{
  g_return_val_if_fail (SWY_IS_PORT (self), NULL);

  if (self->node == NULL)
    return g_strdup_printf (":%s", self->name);

  return g_strdup_printf ("%s:%s", swy_node_get_id (self->node), self->name);
}
