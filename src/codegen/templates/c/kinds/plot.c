/* plot: keeps the last `keep` (time, value) points; events without a
 * numeric `value` are skipped. */

typedef struct
{
  gint64 t_us;
  double value;
} PlotPoint;

#define DEMO_TYPE_PLOT_NODE (demo_plot_node_get_type ())
G_DECLARE_FINAL_TYPE (DemoPlotNode, demo_plot_node, DEMO, PLOT_NODE, DemoNode)

struct _DemoPlotNode
{
  DemoNode  parent_instance;

  guint     keep;
  GArray   *points;    /* PlotPoint, oldest first */
  guint64   skipped;
};

G_DEFINE_FINAL_TYPE (DemoPlotNode, demo_plot_node, DEMO_TYPE_NODE)

static void
demo_plot_node_handle (DemoNode *node,
                       Event    *event)
{
  DemoPlotNode *self = DEMO_PLOT_NODE (node);
  PlotPoint point;

  if (!payload_lookup_double (event->payload, "value", &point.value))
    {
      self->skipped++;
      return;
    }

  point.t_us = now_us;
  g_array_append_val (self->points, point);
  if (self->points->len > self->keep)
    g_array_remove_index (self->points, 0);
}

static void
demo_plot_node_print_extra (DemoNode *node)
{
  DemoPlotNode *self = DEMO_PLOT_NODE (node);

  g_print (" points=%u skipped=%" G_GUINT64_FORMAT, self->points->len, self->skipped);
}

static void
demo_plot_node_finalize (GObject *object)
{
  g_array_unref (DEMO_PLOT_NODE (object)->points);

  G_OBJECT_CLASS (demo_plot_node_parent_class)->finalize (object);
}

static void
demo_plot_node_class_init (DemoPlotNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = demo_plot_node_finalize;
  DEMO_NODE_CLASS (klass)->handle = demo_plot_node_handle;
  DEMO_NODE_CLASS (klass)->print_extra = demo_plot_node_print_extra;
}

static void
demo_plot_node_init (DemoPlotNode *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (PlotPoint));
}

static DemoNode *
demo_plot_node_new (const char *id,
                    guint       keep)
{
  DemoPlotNode *self = g_object_new (DEMO_TYPE_PLOT_NODE, "id", id, NULL);

  self->keep = keep;

  return DEMO_NODE (self);
}

