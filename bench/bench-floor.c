/* bench-floor.c: the floor the engine is measured against
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain GLib code with the same shapes as the engine benchmarks, written the
 * way a GLib programmer would write them by hand: objects with one detailed
 * signal (the topic is the detail, as in the engine), one handler per wire,
 * one small message allocated per event, and one custom GSource draining a
 * GQueue wherever work is deferred. The engine adds its bookkeeping
 * (counters, causality, storm guards, the trace) on top of exactly this.
 */

#include "config.h"

#include <glib-object.h>

#include "bench-floor.h"

#define FLOOR_TYPE_HOP (floor_hop_get_type ())
G_DECLARE_FINAL_TYPE (FloorHop, floor_hop, FLOOR, HOP, GObject)

/* A node: its one signal is its output. */
struct _FloorHop
{
  GObject   parent_instance;
  guint64   delivered;
  GQuark    topic;      /* the topic a fan-out subscriber takes; a worker's name */
  gboolean  busy;       /* a worker in service */
};

G_DEFINE_FINAL_TYPE (FloorHop, floor_hop, G_TYPE_OBJECT)

static guint hop_signal;

static void
floor_hop_class_init (FloorHopClass *klass)
{
  /* One pointer argument and a marshaller with a va_marshaller, no class
   * closure: GLib's fast path, as the engine's SwyPort::event. */
  hop_signal = g_signal_new ("event", G_TYPE_FROM_CLASS (klass),
                             G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                             0, NULL, NULL,
                             g_cclosure_marshal_VOID__POINTER,
                             G_TYPE_NONE, 1, G_TYPE_POINTER);
  g_signal_set_va_marshaller (hop_signal, G_TYPE_FROM_CLASS (klass),
                              g_cclosure_marshal_VOID__POINTERv);
}

static void
floor_hop_init (FloorHop *self)
{
}

static FloorHop *
floor_hop_new (GQuark topic)
{
  FloorHop *self = g_object_new (FLOOR_TYPE_HOP, NULL);

  self->topic = topic;
  return self;
}

static void
connect_wire (FloorHop  *from,
              GQuark     detail,
              GCallback  callback,
              gpointer   user_data)
{
  g_signal_connect_closure_by_id (from, hop_signal, detail,
                                  g_cclosure_new (callback, user_data, NULL),
                                  FALSE);
}

/* The message: the engine's SwyEvent, minus what the engine keeps. */
typedef struct
{
  FloorHop *target;   /* where a deferred message is delivered next */
  GQuark    topic;
  guint     seq;
  gboolean  queued;
} FloorMessage;

static FloorMessage *
message_new (GQuark topic,
             guint  seq)
{
  FloorMessage *message = g_new0 (FloorMessage, 1);

  message->topic = topic;
  message->seq = seq;
  return message;
}

static void
emit (FloorHop     *hop,
      FloorMessage *message)
{
  g_signal_emit (hop, hop_signal, message->topic, message);
}

static guint64
sum_delivered (FloorHop **hops,
               guint      n)
{
  guint64 sum = 0;

  for (guint i = 0; i < n; i++)
    sum += hops[i]->delivered;
  return sum;
}

static void
unref_hops (FloorHop **hops,
            guint      n)
{
  for (guint i = 0; i < n; i++)
    g_object_unref (hops[i]);
  g_free (hops);
}

/* Sync chain: each handler delivers into the next object, which forwards on
 * its own signal (the last one too, to no handler, as a node does). */

static void
sync_wire_cb (FloorHop     *emitter,
              FloorMessage *message,
              FloorHop     *target)
{
  target->delivered++;
  emit (target, message);
}

double
floor_signal_chain (guint    n_hops,
                    guint    n_events,
                    guint64 *out_delivered)
{
  FloorHop **hops = g_new (FloorHop *, n_hops + 1);
  GQuark topic = g_quark_from_static_string ("bench/chain");
  g_autoptr(GTimer) timer = NULL;
  double elapsed;

  for (guint i = 0; i <= n_hops; i++)
    hops[i] = floor_hop_new (0);
  for (guint i = 0; i < n_hops; i++)
    connect_wire (hops[i], 0, G_CALLBACK (sync_wire_cb), hops[i + 1]);

  timer = g_timer_new ();
  for (guint e = 0; e < n_events; e++)
    {
      FloorMessage *message = message_new (topic, e + 1);

      emit (hops[0], message);
      g_free (message);
    }
  elapsed = g_timer_elapsed (timer, NULL);

  *out_delivered += sum_delivered (hops + 1, n_hops);
  unref_hops (hops, n_hops + 1);

  return elapsed;
}

/* One custom GSource that owns a queue of messages and drains it, handing
 * each to a delivery function. */

typedef struct _QueueSource QueueSource;
typedef void (*DeliverFunc) (QueueSource  *queue,
                             FloorMessage *message,
                             gpointer      user_data);

struct _QueueSource
{
  GSource      source;
  GQueue       messages;
  DeliverFunc  deliver;
  gpointer     user_data;
};

static gboolean
queue_source_prepare (GSource *source,
                      int     *timeout)
{
  *timeout = -1;
  return !g_queue_is_empty (&((QueueSource *)source)->messages);
}

static gboolean
queue_source_check (GSource *source)
{
  return !g_queue_is_empty (&((QueueSource *)source)->messages);
}

static gboolean
queue_source_dispatch (GSource     *source,
                       GSourceFunc  callback,
                       gpointer     user_data)
{
  QueueSource *self = (QueueSource *)source;
  FloorMessage *message;

  while ((message = g_queue_pop_head (&self->messages)) != NULL)
    self->deliver (self, message, self->user_data);

  return G_SOURCE_CONTINUE;
}

static GSourceFuncs queue_source_funcs = {
  .prepare = queue_source_prepare,
  .check = queue_source_check,
  .dispatch = queue_source_dispatch,
};

static QueueSource *
queue_source_new (GMainContext *context,
                  DeliverFunc   deliver,
                  gpointer      user_data)
{
  QueueSource *self = (QueueSource *)g_source_new (&queue_source_funcs, sizeof (QueueSource));

  g_queue_init (&self->messages);
  self->deliver = deliver;
  self->user_data = user_data;
  g_source_attach ((GSource *)self, context);

  return self;
}

static void
queue_source_free (QueueSource *self)
{
  g_source_destroy ((GSource *)self);
  g_source_unref ((GSource *)self);
}

/* Queued chain: a wire's handler only queues (target, message); the source
 * delivers it later, and the target forwards on its own signal. */

typedef struct
{
  FloorHop    *target;
  QueueSource *queue;
} QueuedWire;

static void
queued_wire_cb (FloorHop     *emitter,
                FloorMessage *message,
                QueuedWire   *wire)
{
  message->target = wire->target;
  message->queued = TRUE;
  g_queue_push_tail (&wire->queue->messages, message);
}

static void
chain_deliver (QueueSource  *queue,
               FloorMessage *message,
               gpointer      user_data)
{
  FloorHop *target = message->target;

  message->queued = FALSE;
  target->delivered++;
  emit (target, message);
  if (!message->queued)
    g_free (message);
}

double
floor_gsource_chain (guint    n_hops,
                     guint    n_events,
                     guint    round,
                     guint64 *out_delivered)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autofree QueuedWire *wires = g_new (QueuedWire, n_hops);
  FloorHop **hops = g_new (FloorHop *, n_hops + 1);
  GQuark topic = g_quark_from_static_string ("bench/chain");
  g_autoptr(GTimer) timer = NULL;
  QueueSource *queue;
  double elapsed;

  queue = queue_source_new (context, chain_deliver, NULL);
  for (guint i = 0; i <= n_hops; i++)
    hops[i] = floor_hop_new (0);
  for (guint i = 0; i < n_hops; i++)
    {
      wires[i].target = hops[i + 1];
      wires[i].queue = queue;
      connect_wire (hops[i], 0, G_CALLBACK (queued_wire_cb), &wires[i]);
    }

  timer = g_timer_new ();
  for (guint done = 0; done < n_events; done += round)
    {
      for (guint e = done; e < MIN (done + round, n_events); e++)
        emit (hops[0], message_new (topic, e + 1));
      while (!g_queue_is_empty (&queue->messages))
        g_main_context_iteration (context, FALSE);
    }
  elapsed = g_timer_elapsed (timer, NULL);

  *out_delivered += sum_delivered (hops + 1, n_hops);
  queue_source_free (queue);
  unref_hops (hops, n_hops + 1);

  return elapsed;
}

/* Fan-out: a source feeds a broker, which re-emits with the topic as the
 * detail. Subscribers connect either with their topic as the detail (GLib
 * picks the one handler) or without a detail, each handler comparing the
 * topic itself: the shape of a wildcard subscription. */

static void
broker_cb (FloorHop     *emitter,
           FloorMessage *message,
           FloorHop     *broker)
{
  broker->delivered++;
  emit (broker, message);
}

static void
subscriber_cb (FloorHop     *broker,
               FloorMessage *message,
               FloorHop     *subscriber)
{
  subscriber->delivered++;
}

static void
filtering_subscriber_cb (FloorHop     *broker,
                         FloorMessage *message,
                         FloorHop     *subscriber)
{
  if (message->topic == subscriber->topic)
    subscriber->delivered++;
}

double
floor_signal_fanout (guint     n_subscribers,
                     gboolean  by_detail,
                     guint     n_events,
                     guint64  *out_delivered)
{
  g_autoptr(FloorHop) source = floor_hop_new (0);
  g_autoptr(FloorHop) broker = floor_hop_new (0);
  FloorHop **subscribers = g_new (FloorHop *, n_subscribers);
  g_autoptr(GTimer) timer = NULL;
  double elapsed;

  connect_wire (source, 0, G_CALLBACK (broker_cb), broker);
  for (guint i = 0; i < n_subscribers; i++)
    {
      g_autofree char *topic = g_strdup_printf ("sensors/%u", i);

      subscribers[i] = floor_hop_new (g_quark_from_string (topic));
      if (by_detail)
        connect_wire (broker, subscribers[i]->topic, G_CALLBACK (subscriber_cb), subscribers[i]);
      else
        connect_wire (broker, 0, G_CALLBACK (filtering_subscriber_cb), subscribers[i]);
    }

  timer = g_timer_new ();
  for (guint e = 0; e < n_events; e++)
    {
      FloorMessage *message = message_new (subscribers[e % n_subscribers]->topic, e + 1);

      emit (source, message);
      g_free (message);
    }
  elapsed = g_timer_elapsed (timer, NULL);

  *out_delivered += broker->delivered + sum_delivered (subscribers, n_subscribers);
  unref_hops (subscribers, n_subscribers);

  return elapsed;
}

/* A queue feeding workers: the queue hands its head to the next ready
 * worker, round robin, by emitting with that worker's name as the detail;
 * a worker in service is not ready; its completion is deferred through a
 * GSource queue (all service times are equal, so FIFO is time order); at
 * completion it forwards to a sink and the queue hands it the next head. */

typedef struct
{
  FloorHop    *queue;
  GQueue       waiting;
  FloorHop   **workers;
  guint        n_workers;
  guint        next;
  QueueSource *completions;
} Shop;

static void
shop_dispatch (Shop *shop)
{
  while (!g_queue_is_empty (&shop->waiting))
    {
      FloorHop *worker = NULL;

      for (guint i = 0; i < shop->n_workers; i++)
        {
          FloorHop *candidate = shop->workers[(shop->next + i) % shop->n_workers];

          if (!candidate->busy)
            {
              shop->next = (shop->next + i + 1) % shop->n_workers;
              worker = candidate;
              break;
            }
        }
      if (worker == NULL)
        break;

      g_signal_emit (shop->queue, hop_signal, worker->topic, g_queue_pop_head (&shop->waiting));
    }
}

static void
shop_enqueue_cb (FloorHop     *source,
                 FloorMessage *message,
                 Shop         *shop)
{
  shop->queue->delivered++;
  g_queue_push_tail (&shop->waiting, message);
  shop_dispatch (shop);
}

typedef struct
{
  FloorHop *worker;
  Shop     *shop;
} WorkerWire;

static void
worker_start_cb (FloorHop     *queue,
                 FloorMessage *message,
                 WorkerWire   *wire)
{
  wire->worker->delivered++;
  wire->worker->busy = TRUE;
  message->target = wire->worker;
  g_queue_push_tail (&wire->shop->completions->messages, message);
}

static void
worker_done (QueueSource  *completions,
             FloorMessage *message,
             gpointer      user_data)
{
  Shop *shop = user_data;
  FloorHop *worker = message->target;

  emit (worker, message);
  g_free (message);
  worker->busy = FALSE;
  shop_dispatch (shop);
}

double
floor_queue_workers (guint    n_workers,
                     guint    n_events,
                     guint    round,
                     guint64 *out_delivered)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(FloorHop) source = floor_hop_new (0);
  g_autoptr(FloorHop) queue = floor_hop_new (0);
  g_autoptr(FloorHop) sink = floor_hop_new (0);
  GQuark topic = g_quark_from_static_string ("bench/jobs");
  g_autoptr(GTimer) timer = NULL;
  Shop shop = { queue, G_QUEUE_INIT, NULL, n_workers, 0, NULL };
  g_autofree WorkerWire *wires = g_new (WorkerWire, n_workers);
  double elapsed;

  shop.workers = g_new (FloorHop *, n_workers);
  shop.completions = queue_source_new (context, worker_done, &shop);
  connect_wire (source, 0, G_CALLBACK (shop_enqueue_cb), &shop);
  for (guint i = 0; i < n_workers; i++)
    {
      g_autofree char *name = g_strdup_printf ("bench/worker-%u", i);
      FloorHop *worker = floor_hop_new (g_quark_from_string (name));

      wires[i].worker = worker;
      wires[i].shop = &shop;
      connect_wire (queue, worker->topic, G_CALLBACK (worker_start_cb), &wires[i]);
      connect_wire (worker, 0, G_CALLBACK (subscriber_cb), sink);
      shop.workers[i] = worker;
    }

  timer = g_timer_new ();
  for (guint done = 0; done < n_events; done += round)
    {
      for (guint e = done; e < MIN (done + round, n_events); e++)
        emit (source, message_new (topic, e + 1));
      while (!g_queue_is_empty (&shop.completions->messages))
        g_main_context_iteration (context, FALSE);
    }
  elapsed = g_timer_elapsed (timer, NULL);

  *out_delivered += queue->delivered + sum_delivered (shop.workers, n_workers) + sink->delivered;
  queue_source_free (shop.completions);
  unref_hops (shop.workers, n_workers);

  return elapsed;
}
