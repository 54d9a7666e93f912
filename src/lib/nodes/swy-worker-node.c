/* swy-worker-node.c: serves events for a time, with limited concurrency
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "swy-enum-types.h"
#include "swy-event-private.h"
#include "swy-worker-node.h"

/**
 * SwyWorkerNode:
 *
 * Serves each event for [property@WorkerNode:service-ms], up to
 * [property@WorkerNode:concurrency] at once, then emits the same event on
 * `out`. It is not ready ([method@Node.is_ready]) while all its slots are
 * busy; events that arrive meanwhile wait in its inbox (first in, first
 * out). When a service ends, the worker emits first (its slot still busy),
 * then starts the next inbox event in the freed slot; if a slot stays free
 * it becomes ready and the queues feeding it re-check.
 */

struct _SwyWorkerNode
{
  SwyNode parent_instance;

  SwyPort *in;
  SwyPort *out;

  guint service_ms;
  guint concurrency;
  guint busy;
  GQueue inbox;
  guint max_inbox;
  guint64 completed;
  gint64 busy_us;
};

enum {
  PROP_0,
  PROP_SERVICE_MS,
  PROP_CONCURRENCY,
  PROP_BUSY,
  PROP_INBOX_LENGTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyWorkerNode, swy_worker_node, SWY_TYPE_NODE)

static gboolean
swy_worker_node_is_ready (SwyNode *node)
{
  SwyWorkerNode *self = SWY_WORKER_NODE (node);

  return self->busy < self->concurrency;
}

static void
start_service (SwyWorkerNode *self,
               SwyEvent      *event)
{
  gint64 service_us = (gint64)self->service_ms * 1000;

  self->busy++;
  swy_node_queue_notify (SWY_NODE (self), properties[PROP_BUSY]);
  /* The tag carries the service time, for busy_ms. */
  swy_node_schedule_with_context (SWY_NODE (self), service_us, event, (guint64)service_us);
}

static void
swy_worker_node_handle_event (SwyNode  *node,
                              SwyPort  *port,
                              SwyEvent *event)
{
  SwyWorkerNode *self = SWY_WORKER_NODE (node);

  if (self->busy < self->concurrency)
    {
      start_service (self, event);
      return;
    }

  g_queue_push_tail (&self->inbox, swy_event_ref (event));
  self->max_inbox = MAX (self->max_inbox, self->inbox.length);
  swy_node_queue_notify (node, properties[PROP_INBOX_LENGTH]);
}

static void
swy_worker_node_timeout (SwyNode  *node,
                         SwyEvent *context,
                         guint64   tag)
{
  SwyWorkerNode *self = SWY_WORKER_NODE (node);
  gboolean was_ready = self->busy < self->concurrency;

  swy_node_emit (node, self->out, context);

  self->busy--;
  self->completed++;
  self->busy_us += (gint64)tag;
  swy_node_queue_notify (node, properties[PROP_BUSY]);

  while (self->busy < self->concurrency && !g_queue_is_empty (&self->inbox))
    {
      g_autoptr(SwyEvent) next = g_queue_pop_head (&self->inbox);

      swy_node_queue_notify (node, properties[PROP_INBOX_LENGTH]);
      start_service (self, next);
    }

  if (!was_ready && self->busy < self->concurrency)
    swy_node_notify_ready (node);
}

static void
swy_worker_node_reset (SwyNode *node)
{
  SwyWorkerNode *self = SWY_WORKER_NODE (node);

  g_queue_clear_full (&self->inbox, (GDestroyNotify)swy_event_unref);
  self->busy = 0;
  self->max_inbox = 0;
  self->completed = 0;
  self->busy_us = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INBOX_LENGTH]);
}

static void
swy_worker_node_add_extra_stats (SwyNode      *node,
                                 GVariantDict *dict)
{
  SwyWorkerNode *self = SWY_WORKER_NODE (node);

  g_variant_dict_insert (dict, "busy", "u", self->busy);
  g_variant_dict_insert (dict, "inbox", "u", self->inbox.length);
  g_variant_dict_insert (dict, "max_inbox", "u", self->max_inbox);
  g_variant_dict_insert (dict, "completed", "t", self->completed);
  g_variant_dict_insert (dict, "busy_ms", "d", self->busy_us / 1000.0);
}

static void
swy_worker_node_finalize (GObject *object)
{
  SwyWorkerNode *self = (SwyWorkerNode *)object;

  g_queue_clear_full (&self->inbox, (GDestroyNotify)swy_event_unref);

  G_OBJECT_CLASS (swy_worker_node_parent_class)->finalize (object);
}

static void
swy_worker_node_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SwyWorkerNode *self = SWY_WORKER_NODE (object);

  switch (prop_id)
    {
    case PROP_SERVICE_MS:
      g_value_set_uint (value, swy_worker_node_get_service_ms (self));
      break;

    case PROP_CONCURRENCY:
      g_value_set_uint (value, swy_worker_node_get_concurrency (self));
      break;

    case PROP_BUSY:
      g_value_set_uint (value, swy_worker_node_get_busy (self));
      break;

    case PROP_INBOX_LENGTH:
      g_value_set_uint (value, swy_worker_node_get_inbox_length (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_worker_node_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SwyWorkerNode *self = SWY_WORKER_NODE (object);

  switch (prop_id)
    {
    case PROP_SERVICE_MS:
      swy_worker_node_set_service_ms (self, g_value_get_uint (value));
      break;

    case PROP_CONCURRENCY:
      swy_worker_node_set_concurrency (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_worker_node_class_init (SwyWorkerNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SwyNodeClass *node_class = SWY_NODE_CLASS (klass);

  object_class->finalize = swy_worker_node_finalize;
  object_class->get_property = swy_worker_node_get_property;
  object_class->set_property = swy_worker_node_set_property;

  node_class->is_ready = swy_worker_node_is_ready;
  node_class->handle_event = swy_worker_node_handle_event;
  node_class->timeout = swy_worker_node_timeout;
  node_class->reset = swy_worker_node_reset;
  node_class->add_extra_stats = swy_worker_node_add_extra_stats;

  /**
   * SwyWorkerNode:service-ms:
   *
   * Milliseconds of virtual time spent on each event.
   */
  properties[PROP_SERVICE_MS] =
    g_param_spec_uint ("service-ms",
                       _("Service time"),
                       _("Milliseconds spent on each event"),
                       0, 86400000, 200,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyWorkerNode:concurrency:
   *
   * How many events are served at once.
   */
  properties[PROP_CONCURRENCY] =
    g_param_spec_uint ("concurrency",
                       _("Concurrency"),
                       _("Events served at once"),
                       1, 1000, 1,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyWorkerNode:busy:
   *
   * The number of slots serving an event.

   * Notified at most once per scheduler batch.
   */
  properties[PROP_BUSY] =
    g_param_spec_uint ("busy",
                       _("Busy"),
                       _("Slots serving an event"),
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyWorkerNode:inbox-length:
   *
   * The number of events waiting in the inbox.

   * Notified at most once per scheduler batch.
   */
  properties[PROP_INBOX_LENGTH] =
    g_param_spec_uint ("inbox-length",
                       _("Inbox"),
                       _("Events waiting in the inbox"),
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_worker_node_init (SwyWorkerNode *self)
{
  self->in = swy_node_add_port (SWY_NODE (self), "in", SWY_PORT_DIRECTION_INPUT);
  self->out = swy_node_add_port (SWY_NODE (self), "out", SWY_PORT_DIRECTION_OUTPUT);
  self->service_ms = 200;
  self->concurrency = 1;
  g_queue_init (&self->inbox);
}

/**
 * swy_worker_node_new:
 * @id: (nullable): the node id
 *
 * Creates a worker node with default properties.
 *
 * Returns: (transfer full): a new node
 */
SwyNode *
swy_worker_node_new (const char *id)
{
  return g_object_new (SWY_TYPE_WORKER_NODE, "id", id, NULL);
}

/**
 * swy_worker_node_get_service_ms:
 * @self: a worker node
 *
 * Gets the value of [property@WorkerNode:service-ms].
 *
 * Returns: the value
 */
guint
swy_worker_node_get_service_ms (SwyWorkerNode *self)
{
  g_return_val_if_fail (SWY_IS_WORKER_NODE (self), 0);

  return self->service_ms;
}

/**
 * swy_worker_node_set_service_ms:
 * @self: a worker node
 * @value: the new value
 *
 * Sets [property@WorkerNode:service-ms].
 */
void
swy_worker_node_set_service_ms (SwyWorkerNode *self,
                               guint value)
{
  g_return_if_fail (SWY_IS_WORKER_NODE (self));
  g_return_if_fail (value <= 86400000);

  if (self->service_ms != value)
    {
      self->service_ms = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_MS]);
    }
}

/**
 * swy_worker_node_get_concurrency:
 * @self: a worker node
 *
 * Gets the value of [property@WorkerNode:concurrency].
 *
 * Returns: the value
 */
guint
swy_worker_node_get_concurrency (SwyWorkerNode *self)
{
  g_return_val_if_fail (SWY_IS_WORKER_NODE (self), 0);

  return self->concurrency;
}

/**
 * swy_worker_node_set_concurrency:
 * @self: a worker node
 * @value: the new value
 *
 * Sets [property@WorkerNode:concurrency].
 */
void
swy_worker_node_set_concurrency (SwyWorkerNode *self,
                                guint value)
{
  g_return_if_fail (SWY_IS_WORKER_NODE (self));
  g_return_if_fail (value >= 1 && value <= 1000);

  if (self->concurrency != value)
    {
      self->concurrency = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONCURRENCY]);
    }
}

/**
 * swy_worker_node_get_busy:
 * @self: a worker node
 *
 * Gets the value of [property@WorkerNode:busy].
 *
 * Returns: the value
 */
guint
swy_worker_node_get_busy (SwyWorkerNode *self)
{
  g_return_val_if_fail (SWY_IS_WORKER_NODE (self), 0);

  return self->busy;
}

/**
 * swy_worker_node_get_inbox_length:
 * @self: a worker node
 *
 * Gets the value of [property@WorkerNode:inbox-length].
 *
 * Returns: the value
 */
guint
swy_worker_node_get_inbox_length (SwyWorkerNode *self)
{
  g_return_val_if_fail (SWY_IS_WORKER_NODE (self), 0);

  return self->inbox.length;
}
