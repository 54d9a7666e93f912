/* worker: busy for `service_ms` per event, up to `concurrency` at once;
 * events that arrive while every slot is busy wait in its inbox. When a
 * service ends it emits the event, starts the next one from the inbox,
 * and tells the nodes feeding it (a queue) that it is ready again. */

#define DEMO_TYPE_WORKER_NODE (demo_worker_node_get_type ())
G_DECLARE_FINAL_TYPE (DemoWorkerNode, demo_worker_node, DEMO, WORKER_NODE, DemoNode)

struct _DemoWorkerNode
{
  DemoNode  parent_instance;

  guint     service_ms;
  guint     concurrency;
  guint     busy;         /* slots in service */
  GQueue    inbox;        /* Event * */
  guint     max_inbox;
  guint64   completed;
  gint64    busy_us;      /* service time completed */
};

G_DEFINE_FINAL_TYPE (DemoWorkerNode, demo_worker_node, DEMO_TYPE_NODE)

%%if queue
static gboolean
demo_worker_node_is_ready (DemoNode *node)
{
  DemoWorkerNode *self = DEMO_WORKER_NODE (node);

  return self->busy < self->concurrency;
}

%%endif
static void
start_service (DemoWorkerNode *self,
               Event          *event)
{
  self->busy++;
  /* The tag carries the service time. */
  demo_node_schedule (DEMO_NODE (self), MS (self->service_ms), event, MS (self->service_ms));
}

static void
demo_worker_node_handle (DemoNode *node,
                         Event    *event)
{
  DemoWorkerNode *self = DEMO_WORKER_NODE (node);

  if (self->busy < self->concurrency)
    {
      start_service (self, event);
      return;
    }

  g_queue_push_tail (&self->inbox, event_ref (event));
  self->max_inbox = MAX (self->max_inbox, self->inbox.length);
}

static void
demo_worker_node_timeout (DemoNode *node,
                          Event    *event,
                          guint64   service_us)
{
  DemoWorkerNode *self = DEMO_WORKER_NODE (node);
%%if queue
  gboolean was_ready = self->busy < self->concurrency;
%%endif

  /* Emit first, slot still busy: a sync cycle back here waits in the inbox. */
  demo_node_emit (node, event);

  self->busy--;
  self->completed++;
  self->busy_us += (gint64) service_us;

  while (self->busy < self->concurrency && !g_queue_is_empty (&self->inbox))
    {
      g_autoptr(Event) next = g_queue_pop_head (&self->inbox);

      start_service (self, next);
    }
%%if queue

  if (!was_ready && self->busy < self->concurrency)
    demo_node_notify_ready (node);
%%endif
}

static void
demo_worker_node_print_extra (DemoNode *node)
{
  DemoWorkerNode *self = DEMO_WORKER_NODE (node);

  g_print (" busy=%u inbox=%u max_inbox=%u completed=%" G_GUINT64_FORMAT " busy_ms=%g",
           self->busy, self->inbox.length, self->max_inbox, self->completed,
           self->busy_us / 1000.0);
}

static void
demo_worker_node_finalize (GObject *object)
{
  g_queue_clear_full (&DEMO_WORKER_NODE (object)->inbox, (GDestroyNotify) event_unref);

  G_OBJECT_CLASS (demo_worker_node_parent_class)->finalize (object);
}

static void
demo_worker_node_class_init (DemoWorkerNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = demo_worker_node_finalize;
%%if queue
  DEMO_NODE_CLASS (klass)->is_ready = demo_worker_node_is_ready;
%%endif
  DEMO_NODE_CLASS (klass)->handle = demo_worker_node_handle;
  DEMO_NODE_CLASS (klass)->timeout = demo_worker_node_timeout;
  DEMO_NODE_CLASS (klass)->print_extra = demo_worker_node_print_extra;
}

static void
demo_worker_node_init (DemoWorkerNode *self)
{
  g_queue_init (&self->inbox);
}

static DemoNode *
demo_worker_node_new (const char *id,
                      guint       service_ms,
                      guint       concurrency)
{
  DemoWorkerNode *self = g_object_new (DEMO_TYPE_WORKER_NODE, "id", id, NULL);

  self->service_ms = service_ms;
  self->concurrency = concurrency;

  return DEMO_NODE (self);
}

