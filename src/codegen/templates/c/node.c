/* ---------------------------------------------------------------------- */
/* Nodes: a GObject base class with an "event" signal                      */
/* ---------------------------------------------------------------------- */

typedef struct _Wire Wire;

/* The g_signal_emit() in progress, for the handlers of the wires. */
typedef struct _Emission Emission;
struct _Emission
{
  Emission *outer;     /* an emission can happen inside a handler of another */
%%if queue
  Wire     *only;      /* a queue hands the event to this wire alone */
%%endif
  guint     depth;     /* nesting of sync deliveries */
  guint     hops;      /* the event's hop count when it was emitted */
  guint     crossed;   /* wires that took the event */
};

static Emission *emission;
static guint     dispatch_depth;  /* 0 in the main loop, n inside n sync deliveries */

#define DEMO_TYPE_NODE (demo_node_get_type ())
G_DECLARE_DERIVABLE_TYPE (DemoNode, demo_node, DEMO, NODE, GObject)

struct _DemoNodeClass
{
  GObjectClass parent_class;

  /* Producers schedule their first item. */
  void     (*start)          (DemoNode *self);
  /* An event arrived on the input. */
  void     (*handle)         (DemoNode *self,
                              Event    *event);
  /* An item scheduled with demo_node_schedule() is due. */
  void     (*timeout)        (DemoNode *self,
                              Event    *event,
                              guint64   tag);
%%if queue
  /* Whether the node takes work now: a worker with no free slot does not. */
  gboolean (*is_ready)       (DemoNode *self);
  /* A node this one feeds became ready again. */
  void     (*consumer_ready) (DemoNode *self);
%%endif
  /* Prints the figures of this kind of node, such as a filter's rejections. */
  void     (*print_extra)    (DemoNode *self);
};

typedef struct
{
  char       *id;
  GPtrArray  *inputs;        /* Wire *: the wires into the node, in creation order */
  GPtrArray  *outputs;       /* Wire *: the wires out of the node, in creation order */
  guint64     received;      /* deliveries into the input */
  guint64     emitted;       /* emissions: one per g_signal_emit(), whatever the wires */
  guint64     dropped;       /* events the node discarded */
  GHashTable *drop_reasons;  /* reason → count */
} DemoNodePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (DemoNode, demo_node, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, N_PROPS };
enum { SIGNAL_EVENT, N_SIGNALS };

static GParamSpec *node_properties[N_PROPS];
static guint node_signals[N_SIGNALS];

static void
demo_node_finalize (GObject *object)
{
  DemoNodePrivate *priv = demo_node_get_instance_private (DEMO_NODE (object));

  g_free (priv->id);
  g_ptr_array_unref (priv->inputs);
  g_ptr_array_unref (priv->outputs);
  g_hash_table_unref (priv->drop_reasons);

  G_OBJECT_CLASS (demo_node_parent_class)->finalize (object);
}

static void
demo_node_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  DemoNodePrivate *priv = demo_node_get_instance_private (DEMO_NODE (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
demo_node_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  DemoNodePrivate *priv = demo_node_get_instance_private (DEMO_NODE (object));

  switch (prop_id)
    {
    case PROP_ID:
      priv->id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

%%if queue
static gboolean
demo_node_real_is_ready (DemoNode *self G_GNUC_UNUSED)
{
  return TRUE;
}

%%endif
static void
demo_node_class_init (DemoNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = demo_node_finalize;
  object_class->get_property = demo_node_get_property;
  object_class->set_property = demo_node_set_property;
%%if queue
  klass->is_ready = demo_node_real_is_ready;
%%endif

  node_properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, node_properties);

  /* The output. The detail is the topic: a handler connected to
   * "event::orders/new" runs for that topic only, one connected to "event"
   * for every topic. STATIC_SCOPE: GLib passes the event without copying. */
  node_signals[SIGNAL_EVENT] =
    g_signal_new ("event",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL,
                  g_cclosure_marshal_VOID__BOXED,
                  G_TYPE_NONE, 1,
                  TYPE_EVENT | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
demo_node_init (DemoNode *self)
{
  DemoNodePrivate *priv = demo_node_get_instance_private (self);

  priv->inputs = g_ptr_array_new ();
  priv->outputs = g_ptr_array_new ();
  priv->drop_reasons = g_hash_table_new (g_str_hash, g_str_equal);
}

static const char *
demo_node_get_id (DemoNode *self)
{
  DemoNodePrivate *priv = demo_node_get_instance_private (self);

  return priv->id;
}

%%if queue
static GPtrArray *
demo_node_get_outputs (DemoNode *self)
{
  DemoNodePrivate *priv = demo_node_get_instance_private (self);

  return priv->outputs;
}

%%endif
static void
demo_node_add_wire (DemoNode *self,
                    Wire     *wire,
                    gboolean  output)
{
  DemoNodePrivate *priv = demo_node_get_instance_private (self);

  g_ptr_array_add (output ? priv->outputs : priv->inputs, wire);
}

static void
demo_node_start (DemoNode *self)
{
  if (DEMO_NODE_GET_CLASS (self)->start != NULL)
    DEMO_NODE_GET_CLASS (self)->start (self);
}

/* Delivers @event to the node's input. */
static void
demo_node_receive (DemoNode *self,
                   Event    *event)
{
  DemoNodePrivate *priv = demo_node_get_instance_private (self);

  priv->received++;
  if (DEMO_NODE_GET_CLASS (self)->handle != NULL)
    DEMO_NODE_GET_CLASS (self)->handle (self, event);
}

/* Emits @event on the output: every wire is a handler of the signal.
 * Returns how many wires took it. */
%%if queue
static guint
demo_node_emit_to (DemoNode *self,
                   Event    *event,
                   Wire     *only)
%%else
static guint
demo_node_emit (DemoNode *self,
                Event    *event)
%%endif
{
  DemoNodePrivate *priv = demo_node_get_instance_private (self);
  Emission here;

  here.outer = emission;
%%if queue
  here.only = only;
%%endif
  here.depth = dispatch_depth;
  here.hops = event->hops;
  here.crossed = 0;

  priv->emitted++;
  emission = &here;
  g_signal_emit (self, node_signals[SIGNAL_EVENT], g_quark_from_string (event->topic), event);
  emission = here.outer;

  return here.crossed;
}

%%if queue
static guint
demo_node_emit (DemoNode *self,
                Event    *event)
{
  return demo_node_emit_to (self, event, NULL);
}

%%endif
static void
demo_node_drop (DemoNode   *self,
                Event      *event G_GNUC_UNUSED,
                const char *reason)
{
  DemoNodePrivate *priv = demo_node_get_instance_private (self);
  gsize count = GPOINTER_TO_SIZE (g_hash_table_lookup (priv->drop_reasons, reason));

  priv->dropped++;
  g_hash_table_insert (priv->drop_reasons, (gpointer) g_intern_string (reason),
                       GSIZE_TO_POINTER (count + 1));
}

%%if node_timer
typedef struct
{
  DemoNode *node;
  Event    *event;
  guint64   tag;
} NodeTimer;

static void
node_timer_cb (gpointer data)
{
  NodeTimer *timer = data;

  DEMO_NODE_GET_CLASS (timer->node)->timeout (timer->node, timer->event, timer->tag);
}

static void
node_timer_free (gpointer data)
{
  NodeTimer *timer = data;

  g_clear_pointer (&timer->event, event_unref);
  g_free (timer);
}

/* Calls the node's timeout in @delay_us, with the @event it holds (or
 * NULL) and a @tag: the node's own g_timeout_add(). */
static void
demo_node_schedule (DemoNode *self,
                    gint64    delay_us,
                    Event    *event,
                    guint64   tag)
{
  NodeTimer *timer = g_new (NodeTimer, 1);

  timer->node = self;
  timer->event = event != NULL ? event_ref (event) : NULL;
  timer->tag = tag;
  schedule (delay_us, G_PRIORITY_DEFAULT, node_timer_cb, timer, node_timer_free);
}
%%endif

%%if queue
static gboolean
demo_node_is_ready (DemoNode *self)
{
  return DEMO_NODE_GET_CLASS (self)->is_ready (self);
}

%%endif
static void
demo_node_print_counts (DemoNode *self)
{
  DemoNodePrivate *priv = demo_node_get_instance_private (self);

  g_print ("node %s received=%" G_GUINT64_FORMAT " emitted=%" G_GUINT64_FORMAT
           " dropped=%" G_GUINT64_FORMAT "\n",
           priv->id, priv->received, priv->emitted, priv->dropped);

  if (priv->dropped > 0)
    {
      GList *reasons = g_list_sort (g_hash_table_get_keys (priv->drop_reasons),
                                    (GCompareFunc) strcmp);

      g_print ("drops %s", priv->id);
      for (GList *l = reasons; l != NULL; l = l->next)
        g_print (" %s=%" G_GSIZE_FORMAT, (const char *) l->data,
                 GPOINTER_TO_SIZE (g_hash_table_lookup (priv->drop_reasons, l->data)));
      g_print ("\n");
      g_list_free (reasons);
    }

  if (DEMO_NODE_GET_CLASS (self)->print_extra != NULL)
    {
      g_print ("extra %s", priv->id);
      DEMO_NODE_GET_CLASS (self)->print_extra (self);
      g_print ("\n");
    }
}

