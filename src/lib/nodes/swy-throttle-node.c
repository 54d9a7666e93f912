/* swy-throttle-node.c: forwards at most one event per window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "swy-enum-types.h"
#include "swy-event-private.h"
#include "swy-throttle-node.h"

/**
 * SwyThrottleNode:
 *
 * Forwards an event, then drops (reason `throttled`) every event that
 * arrives in the next [property@ThrottleNode:window-ms]: the window of an
 * event forwarded at t is [t, t + window), so an event arriving exactly at
 * t + window passes.
 */

struct _SwyThrottleNode
{
  SwyNode parent_instance;

  SwyPort *in;
  SwyPort *out;

  guint window_ms;
  gint64 last_pass;
  gboolean passed;
};

enum {
  PROP_0,
  PROP_WINDOW_MS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyThrottleNode, swy_throttle_node, SWY_TYPE_NODE)

static void
swy_throttle_node_handle_event (SwyNode  *node,
                                SwyPort  *port,
                                SwyEvent *event)
{
  SwyThrottleNode *self = SWY_THROTTLE_NODE (node);
  gint64 now = swy_node_get_now (node);

  if (self->passed && now < self->last_pass + (gint64)self->window_ms * 1000)
    {
      swy_node_drop (node, port, event, "throttled");
      return;
    }

  self->passed = TRUE;
  self->last_pass = now;
  swy_node_emit (node, self->out, event);
}

static void
swy_throttle_node_reset (SwyNode *node)
{
  SwyThrottleNode *self = SWY_THROTTLE_NODE (node);

  self->passed = FALSE;
  self->last_pass = 0;
}

static void
swy_throttle_node_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SwyThrottleNode *self = SWY_THROTTLE_NODE (object);

  switch (prop_id)
    {
    case PROP_WINDOW_MS:
      g_value_set_uint (value, swy_throttle_node_get_window_ms (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_throttle_node_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SwyThrottleNode *self = SWY_THROTTLE_NODE (object);

  switch (prop_id)
    {
    case PROP_WINDOW_MS:
      swy_throttle_node_set_window_ms (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_throttle_node_class_init (SwyThrottleNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SwyNodeClass *node_class = SWY_NODE_CLASS (klass);

  object_class->get_property = swy_throttle_node_get_property;
  object_class->set_property = swy_throttle_node_set_property;

  node_class->handle_event = swy_throttle_node_handle_event;
  node_class->reset = swy_throttle_node_reset;

  /**
   * SwyThrottleNode:window-ms:
   *
   * Milliseconds of virtual time after a forwarded event during which others are dropped.
   */
  properties[PROP_WINDOW_MS] =
    g_param_spec_uint ("window-ms",
                       _("Window"),
                       _("Milliseconds after a forwarded event during which others are dropped"),
                       0, 86400000, 1000,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_throttle_node_init (SwyThrottleNode *self)
{
  self->in = swy_node_add_port (SWY_NODE (self), "in", SWY_PORT_DIRECTION_INPUT);
  self->out = swy_node_add_port (SWY_NODE (self), "out", SWY_PORT_DIRECTION_OUTPUT);
  self->window_ms = 1000;
}

/**
 * swy_throttle_node_new:
 * @id: (nullable): the node id
 *
 * Creates a throttle node with default properties.
 *
 * Returns: (transfer full): a new node
 */
SwyNode *
swy_throttle_node_new (const char *id)
{
  return g_object_new (SWY_TYPE_THROTTLE_NODE, "id", id, NULL);
}

/**
 * swy_throttle_node_get_window_ms:
 * @self: a throttle node
 *
 * Gets the value of [property@ThrottleNode:window-ms].
 *
 * Returns: the value
 */
guint
swy_throttle_node_get_window_ms (SwyThrottleNode *self)
{
  g_return_val_if_fail (SWY_IS_THROTTLE_NODE (self), 0);

  return self->window_ms;
}

/**
 * swy_throttle_node_set_window_ms:
 * @self: a throttle node
 * @value: the new value
 *
 * Sets [property@ThrottleNode:window-ms].
 */
void
swy_throttle_node_set_window_ms (SwyThrottleNode *self,
                                guint value)
{
  g_return_if_fail (SWY_IS_THROTTLE_NODE (self));
  g_return_if_fail (value <= 86400000);

  if (self->window_ms != value)
    {
      self->window_ms = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WINDOW_MS]);
    }
}
