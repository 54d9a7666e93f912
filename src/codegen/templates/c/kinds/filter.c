/* filter: forwards the same event when its topic matches `topic_pattern`
 * and the payload field passes the test `field op operand`; counts the
 * others as rejected (not dropped: nothing went wrong). */

typedef enum
{
  FILTER_NONE,
  FILTER_EQ,
  FILTER_NE,
  FILTER_LT,
  FILTER_LE,
  FILTER_GT,
  FILTER_GE,
} FilterOp;

#define DEMO_TYPE_FILTER_NODE (demo_filter_node_get_type ())
G_DECLARE_FINAL_TYPE (DemoFilterNode, demo_filter_node, DEMO, FILTER_NODE, DemoNode)

struct _DemoFilterNode
{
  DemoNode  parent_instance;

  char     *topic_pattern;
  char     *field;
  FilterOp  op;
  double    operand;
  guint64   rejected;
};

G_DEFINE_FINAL_TYPE (DemoFilterNode, demo_filter_node, DEMO_TYPE_NODE)

static gboolean
filter_test (FilterOp op,
             double   a,
             double   b)
{
  switch (op)
    {
    case FILTER_NONE:
      return TRUE;
    case FILTER_EQ:
      return a == b;
    case FILTER_NE:
      return a != b;
    case FILTER_LT:
      return a < b;
    case FILTER_LE:
      return a <= b;
    case FILTER_GT:
      return a > b;
    case FILTER_GE:
      return a >= b;
    default:
      return FALSE;
    }
}

static void
demo_filter_node_handle (DemoNode *node,
                         Event    *event)
{
  DemoFilterNode *self = DEMO_FILTER_NODE (node);
  gboolean pass = topic_matches (self->topic_pattern, event->topic);
  double v;

  /* With a test, a missing or non-numeric field fails it. */
  if (pass && self->op != FILTER_NONE)
    pass = payload_lookup_double (event->payload, self->field, &v) &&
           filter_test (self->op, v, self->operand);

  if (pass)
    demo_node_emit (node, event);
  else
    self->rejected++;
}

static void
demo_filter_node_print_extra (DemoNode *node)
{
  g_print (" rejected=%" G_GUINT64_FORMAT, DEMO_FILTER_NODE (node)->rejected);
}

static void
demo_filter_node_finalize (GObject *object)
{
  DemoFilterNode *self = DEMO_FILTER_NODE (object);

  g_free (self->topic_pattern);
  g_free (self->field);

  G_OBJECT_CLASS (demo_filter_node_parent_class)->finalize (object);
}

static void
demo_filter_node_class_init (DemoFilterNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = demo_filter_node_finalize;
  DEMO_NODE_CLASS (klass)->handle = demo_filter_node_handle;
  DEMO_NODE_CLASS (klass)->print_extra = demo_filter_node_print_extra;
}

static void
demo_filter_node_init (DemoFilterNode *self G_GNUC_UNUSED)
{
}

static DemoNode *
demo_filter_node_new (const char *id,
                      const char *topic_pattern,
                      const char *field,
                      FilterOp    op,
                      double      operand)
{
  DemoFilterNode *self = g_object_new (DEMO_TYPE_FILTER_NODE, "id", id, NULL);

  self->topic_pattern = g_strdup (topic_pattern);
  self->field = g_strdup (field);
  self->op = op;
  self->operand = operand;

  return DEMO_NODE (self);
}

