/* swy-debounce-node.c: emits the last event after a quiet period
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "swy-enum-types.h"
#include "swy-event-private.h"
#include "swy-debounce-node.h"

/**
 * SwyDebounceNode:
 *
 * After [property@DebounceNode:quiet-ms] without input, forwards the last
 * event received (the same event: trailing edge). Each event superseded by
 * a later one within the quiet period is dropped with reason `debounced`.
 * At most one scheduler item is pending per debounce node: when it fires
 * early (new input moved the deadline) it reschedules itself.
 */

struct _SwyDebounceNode
{
  SwyNode parent_instance;

  SwyPort *in;
  SwyPort *out;

  guint quiet_ms;
  SwyEvent *last;
  gint64 deadline;
  gboolean timer_pending;
};

enum {
  PROP_0,
  PROP_QUIET_MS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyDebounceNode, swy_debounce_node, SWY_TYPE_NODE)

static void
swy_debounce_node_handle_event (SwyNode  *node,
                                SwyPort  *port,
                                SwyEvent *event)
{
  SwyDebounceNode *self = SWY_DEBOUNCE_NODE (node);

  if (self->last != NULL)
    swy_node_drop (node, port, self->last, "debounced");
  g_clear_pointer (&self->last, swy_event_unref);

  self->last = swy_event_ref (event);
  self->deadline = swy_node_get_now (node) + (gint64)self->quiet_ms * 1000;

  if (!self->timer_pending)
    {
      self->timer_pending = TRUE;
      swy_node_schedule_with_context (node, (gint64)self->quiet_ms * 1000, event, 0);
    }
}

static void
swy_debounce_node_timeout (SwyNode  *node,
                           SwyEvent *context,
                           guint64   tag)
{
  SwyDebounceNode *self = SWY_DEBOUNCE_NODE (node);
  g_autoptr(SwyEvent) last = NULL;
  gint64 now = swy_node_get_now (node);

  self->timer_pending = FALSE;
  if (self->last == NULL)
    return;

  if (now < self->deadline)
    {
      self->timer_pending = TRUE;
      swy_node_schedule_with_context (node, self->deadline - now, self->last, 0);
      return;
    }

  last = g_steal_pointer (&self->last);
  swy_node_emit (node, self->out, last);
}

static void
swy_debounce_node_reset (SwyNode *node)
{
  SwyDebounceNode *self = SWY_DEBOUNCE_NODE (node);

  g_clear_pointer (&self->last, swy_event_unref);
  self->deadline = 0;
  self->timer_pending = FALSE;
}

static void
swy_debounce_node_finalize (GObject *object)
{
  SwyDebounceNode *self = (SwyDebounceNode *)object;

  g_clear_pointer (&self->last, swy_event_unref);

  G_OBJECT_CLASS (swy_debounce_node_parent_class)->finalize (object);
}

static void
swy_debounce_node_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SwyDebounceNode *self = SWY_DEBOUNCE_NODE (object);

  switch (prop_id)
    {
    case PROP_QUIET_MS:
      g_value_set_uint (value, swy_debounce_node_get_quiet_ms (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_debounce_node_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SwyDebounceNode *self = SWY_DEBOUNCE_NODE (object);

  switch (prop_id)
    {
    case PROP_QUIET_MS:
      swy_debounce_node_set_quiet_ms (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_debounce_node_class_init (SwyDebounceNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SwyNodeClass *node_class = SWY_NODE_CLASS (klass);

  object_class->finalize = swy_debounce_node_finalize;
  object_class->get_property = swy_debounce_node_get_property;
  object_class->set_property = swy_debounce_node_set_property;

  node_class->handle_event = swy_debounce_node_handle_event;
  node_class->timeout = swy_debounce_node_timeout;
  node_class->reset = swy_debounce_node_reset;

  /**
   * SwyDebounceNode:quiet-ms:
   *
   * Milliseconds of virtual time without input before the last event goes out.
   */
  properties[PROP_QUIET_MS] =
    g_param_spec_uint ("quiet-ms",
                       _("Quiet period"),
                       _("Milliseconds without input before the last event goes out"),
                       0, 86400000, 300,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_debounce_node_init (SwyDebounceNode *self)
{
  self->in = swy_node_add_port (SWY_NODE (self), "in", SWY_PORT_DIRECTION_INPUT);
  self->out = swy_node_add_port (SWY_NODE (self), "out", SWY_PORT_DIRECTION_OUTPUT);
  self->quiet_ms = 300;
}

/**
 * swy_debounce_node_new:
 * @id: (nullable): the node id
 *
 * Creates a debounce node with default properties.
 *
 * Returns: (transfer full): a new node
 */
SwyNode *
swy_debounce_node_new (const char *id)
{
  return g_object_new (SWY_TYPE_DEBOUNCE_NODE, "id", id, NULL);
}

/**
 * swy_debounce_node_get_quiet_ms:
 * @self: a debounce node
 *
 * Gets the value of [property@DebounceNode:quiet-ms].
 *
 * Returns: the value
 */
guint
swy_debounce_node_get_quiet_ms (SwyDebounceNode *self)
{
  g_return_val_if_fail (SWY_IS_DEBOUNCE_NODE (self), 0);

  return self->quiet_ms;
}

/**
 * swy_debounce_node_set_quiet_ms:
 * @self: a debounce node
 * @value: the new value
 *
 * Sets [property@DebounceNode:quiet-ms].
 */
void
swy_debounce_node_set_quiet_ms (SwyDebounceNode *self,
                               guint value)
{
  g_return_if_fail (SWY_IS_DEBOUNCE_NODE (self));
  g_return_if_fail (value <= 86400000);

  if (self->quiet_ms != value)
    {
      self->quiet_ms = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUIET_MS]);
    }
}
