/* queue: a FIFO. Unlike every other output, a queue does not broadcast: it
 * hands its head to the next ready consumer, round robin over its wires.
 * It still emits the signal; only the chosen wire's handler takes the
 * event. When full (`capacity` > 0), it drops ("overflow") the arriving
 * event, or its head with `drop_oldest`. */

#define DEMO_TYPE_QUEUE_NODE (demo_queue_node_get_type ())
G_DECLARE_FINAL_TYPE (DemoQueueNode, demo_queue_node, DEMO, QUEUE_NODE, DemoNode)

struct _DemoQueueNode
{
  DemoNode  parent_instance;

  guint     capacity;      /* 0: no limit */
  gboolean  drop_oldest;
  GQueue    items;         /* Event * */
  guint     max_depth;
  guint     next_wire;     /* where the round robin goes on */
  gboolean  dispatching;
};

G_DEFINE_FINAL_TYPE (DemoQueueNode, demo_queue_node, DEMO_TYPE_NODE)

/* The next wire, round robin, that is not blocked, accepts @head's topic
 * and leads to a ready node; NULL if none. */
static Wire *
pick_ready_wire (DemoQueueNode *self,
                 Event         *head)
{
  GPtrArray *outputs = demo_node_get_outputs (DEMO_NODE (self));
  guint n = outputs->len;

  for (guint i = 0; i < n; i++)
    {
      guint pos = (self->next_wire + i) % n;
      Wire *wire = g_ptr_array_index (outputs, pos);

      if (wire_accepts (wire, head->topic) && demo_node_is_ready (wire->to))
        {
          self->next_wire = pos + 1;
          return wire;
        }
    }

  return NULL;
}

/* Hands out events while a consumer is ready. */
static void
demo_queue_node_dispatch (DemoQueueNode *self)
{
  /* A sync cycle back into the queue only enqueues; this loop goes on. */
  if (self->dispatching)
    return;

  self->dispatching = TRUE;
  while (!g_queue_is_empty (&self->items))
    {
      Wire *wire = pick_ready_wire (self, g_queue_peek_head (&self->items));
      g_autoptr(Event) head = NULL;

      if (wire == NULL)
        break;

      head = g_queue_pop_head (&self->items);
      demo_node_emit_to (DEMO_NODE (self), head, wire);
    }
  self->dispatching = FALSE;
}

static void
demo_queue_node_handle (DemoNode *node,
                        Event    *event)
{
  DemoQueueNode *self = DEMO_QUEUE_NODE (node);

  if (self->capacity > 0 && self->items.length >= self->capacity)
    {
      g_autoptr(Event) oldest = NULL;

      if (!self->drop_oldest)
        {
          demo_node_drop (node, event, "overflow");
          return;
        }

      oldest = g_queue_pop_head (&self->items);
      demo_node_drop (node, oldest, "overflow");
    }

  g_queue_push_tail (&self->items, event_ref (event));
  self->max_depth = MAX (self->max_depth, self->items.length);

  demo_queue_node_dispatch (self);
}

static void
demo_queue_node_consumer_ready (DemoNode *node)
{
  demo_queue_node_dispatch (DEMO_QUEUE_NODE (node));
}

static void
demo_queue_node_print_extra (DemoNode *node)
{
  DemoQueueNode *self = DEMO_QUEUE_NODE (node);

  g_print (" length=%u max_depth=%u", self->items.length, self->max_depth);
}

static void
demo_queue_node_finalize (GObject *object)
{
  g_queue_clear_full (&DEMO_QUEUE_NODE (object)->items, (GDestroyNotify) event_unref);

  G_OBJECT_CLASS (demo_queue_node_parent_class)->finalize (object);
}

static void
demo_queue_node_class_init (DemoQueueNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = demo_queue_node_finalize;
  DEMO_NODE_CLASS (klass)->handle = demo_queue_node_handle;
  DEMO_NODE_CLASS (klass)->consumer_ready = demo_queue_node_consumer_ready;
  DEMO_NODE_CLASS (klass)->print_extra = demo_queue_node_print_extra;
}

static void
demo_queue_node_init (DemoQueueNode *self)
{
  g_queue_init (&self->items);
}

static DemoNode *
demo_queue_node_new (const char *id,
                     guint       capacity,
                     gboolean    drop_oldest)
{
  DemoQueueNode *self = g_object_new (DEMO_TYPE_QUEUE_NODE, "id", id, NULL);

  self->capacity = capacity;
  self->drop_oldest = drop_oldest;

  return DEMO_NODE (self);
}

