/* ---------------------------------------------------------------------- */
/* Wires: signal handlers                                                  */
/* ---------------------------------------------------------------------- */

/* A wire is one handler connected to the "event" signal of its source.
 * A sync wire calls the target inside g_signal_emit(); a queued wire
 * schedules the delivery for later, like g_timeout_add (latency, ...). */

typedef enum
{
  WIRE_SYNC,
  WIRE_QUEUED,
} WireMode;

struct _Wire
{
  guint      index;          /* in file order */
  DemoNode  *from;
  DemoNode  *to;
  WireMode   mode;
  char      *subscription;   /* MQTT pattern; "#" takes everything */
  char      *wildcard;       /* the subscription when the handler must match it */
  gint64     latency_us;     /* queued wires */
  int        priority;       /* queued wires: G_PRIORITY_HIGH, _DEFAULT or _DEFAULT_IDLE */
%%if loss
  double     loss;           /* probability that a delivery is lost */
%%endif
%%if jitter
  gint64     jitter_us;      /* queued wires: extra delay, uniform in [0, jitter] */
%%endif
  gboolean   blocked;
  gulong     handler_id;
  guint64    delivered;
  guint64    lost;
};

static GPtrArray *nodes;   /* DemoNode *, in file order */
static GPtrArray *wires;   /* Wire *, in file order */

/* Hands @event to the target's input, @depth sync deliveries deep. */
static void
deliver (Wire  *wire,
         Event *event,
         guint  depth,
         guint  hops)
{
  guint outer_depth = dispatch_depth;

  /* An event forwarded along several paths keeps the longest. */
  if (event->hops < hops)
    event->hops = hops;

  wire->delivered++;
  dispatch_depth = depth;
  demo_node_receive (wire->to, event);
  dispatch_depth = outer_depth;
}

/* The checks every handler makes first. Returns whether the event crosses. */
static gboolean
wire_takes (Wire  *wire,
            Event *event)
{
%%if queue
  if (emission->only != NULL && emission->only != wire)
    return FALSE;   /* the queue chose another wire */
%%endif
%%if matcher
  if (wire->wildcard != NULL && !topic_matches (wire->wildcard, event->topic))
    return FALSE;
%%endif

  emission->crossed++;

  /* Storm guard: a lineage longer than MAX_HOPS deliveries stops here. */
  if (emission->hops + 1 > MAX_HOPS)
    {
      demo_node_drop (wire->to, event, "hop-limit");
      return FALSE;
    }

%%if loss
  if (wire->loss > 0 && random_double () < wire->loss)
    {
      wire->lost++;   /* the target never sees it: not one of its drops */
      return FALSE;
    }

%%endif
  return TRUE;
}

/* A sync wire: the target handles the event before g_signal_emit() returns. */
static void
sync_wire_cb (DemoNode *from G_GNUC_UNUSED,
              Event    *event,
              Wire     *wire)
{
  guint depth = emission->depth + 1;

  if (!wire_takes (wire, event))
    return;

  /* Storm guard: a sync cycle would otherwise recurse until the stack ends. */
  if (depth > MAX_DEPTH)
    {
      demo_node_drop (wire->to, event, "depth-limit");
      return;
    }

  deliver (wire, event, depth, emission->hops + 1);
}

typedef struct
{
  Wire  *wire;
  Event *event;
  guint  hops;
} Delivery;

static void
delivery_cb (gpointer data)
{
  Delivery *delivery = data;

  deliver (delivery->wire, delivery->event, 0, delivery->hops);
}

static void
delivery_free (gpointer data)
{
  Delivery *delivery = data;

  event_unref (delivery->event);
  g_free (delivery);
}

/* A queued wire: the delivery waits in the scheduler for the latency. */
static void
queued_wire_cb (DemoNode *from G_GNUC_UNUSED,
                Event    *event,
                Wire     *wire)
{
  Delivery *delivery;
  gint64 delay_us = wire->latency_us;

  if (!wire_takes (wire, event))
    return;

  /* Storm guard: a queued cycle with fan-out would fill the memory. */
  if (pending.length >= MAX_PENDING)
    {
      demo_node_drop (wire->to, event, "pending-limit");
      return;
    }

%%if jitter
  if (wire->jitter_us > 0)
    delay_us += (gint64) (random_double () * (double) (wire->jitter_us + 1));

%%endif
  delivery = g_new (Delivery, 1);
  delivery->wire = wire;
  delivery->event = event_ref (event);
  delivery->hops = emission->hops + 1;
  schedule (delay_us, wire->priority, delivery_cb, delivery, delivery_free);
}

static DemoNode *
find_node (const char *id)
{
  for (guint i = 0; i < nodes->len; i++)
    if (g_str_equal (demo_node_get_id (g_ptr_array_index (nodes, i)), id))
      return g_ptr_array_index (nodes, i);

  g_error ("No node \"%s\"", id);
}

static void
add_node (DemoNode *node)
{
  g_ptr_array_add (nodes, node);
}

/* Connects a handler to the "event" signal of @from_id. */
static Wire *
connect_wire (const char *from_id,
              const char *to_id,
              WireMode    mode,
              const char *subscription)
{
  Wire *wire = g_new0 (Wire, 1);
  g_autofree char *signal = NULL;

  wire->index = wires->len;
  wire->from = find_node (from_id);
  wire->to = find_node (to_id);
  wire->mode = mode;
  wire->subscription = g_strdup (subscription);
  wire->priority = G_PRIORITY_DEFAULT;

  /* "#" takes every topic. An exact topic becomes the signal detail, so
   * that GLib itself skips the handler for other topics; a pattern with
   * "+" or "#" is matched by the handler. */
  if (g_str_equal (subscription, "#"))
    {
      signal = g_strdup ("event");
    }
  else if (topic_is_exact (subscription))
    {
      signal = g_strconcat ("event::", subscription, NULL);
    }
  else
    {
      signal = g_strdup ("event");
      wire->wildcard = g_strdup (subscription);
    }

  wire->handler_id = g_signal_connect (wire->from, signal,
                                       mode == WIRE_SYNC ? G_CALLBACK (sync_wire_cb)
                                                         : G_CALLBACK (queued_wire_cb),
                                       wire);

  demo_node_add_wire (wire->from, wire, TRUE);
  demo_node_add_wire (wire->to, wire, FALSE);
  g_ptr_array_add (wires, wire);

  return wire;
}

%%if blocked
/* A blocked handler stays connected but does not run. */
static void
block_wire (Wire *wire)
{
  wire->blocked = TRUE;
  g_signal_handler_block (wire->from, wire->handler_id);
}

%%endif
%%if queue
/* Whether @wire would take an event with @topic. */
static gboolean
wire_accepts (Wire       *wire,
              const char *topic)
{
  return !wire->blocked && topic_matches (wire->subscription, topic);
}

/* Tells the nodes that feed @self that it is ready again. */
static void
demo_node_notify_ready (DemoNode *self)
{
  DemoNodePrivate *priv = demo_node_get_instance_private (self);

  for (guint i = 0; i < priv->inputs->len; i++)
    {
      Wire *wire = g_ptr_array_index (priv->inputs, i);

      if (DEMO_NODE_GET_CLASS (wire->from)->consumer_ready != NULL)
        DEMO_NODE_GET_CLASS (wire->from)->consumer_ready (wire->from);
    }
}

%%endif
static void
print_summary (void)
{
  for (guint i = 0; i < nodes->len; i++)
    demo_node_print_counts (g_ptr_array_index (nodes, i));

  for (guint i = 0; i < wires->len; i++)
    {
      Wire *wire = g_ptr_array_index (wires, i);

      g_print ("wire %u %s:out %s:in delivered=%" G_GUINT64_FORMAT " lost=%" G_GUINT64_FORMAT "\n",
               wire->index, demo_node_get_id (wire->from), demo_node_get_id (wire->to),
               wire->delivered, wire->lost);
    }

  g_print ("virtual_ms %.3f\n", now_us / 1000.0);
}

static void
free_graph (void)
{
  for (guint i = 0; i < wires->len; i++)
    {
      Wire *wire = g_ptr_array_index (wires, i);

      g_free (wire->subscription);
      g_free (wire->wildcard);
      g_free (wire);
    }
  g_ptr_array_unref (wires);
  g_ptr_array_free (nodes, TRUE);
}

