/* swy-plot-node.c: keeps (time, value) points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "swy-enum-types.h"
#include "swy-event-private.h"
#include "swy-plot-node.h"

/**
 * SwyPlotNode:
 *
 * A consumer that keeps the (arrival time, `value`) points of the last
 * [property@PlotNode:keep] events that had a numeric `value`. Events
 * without one are counted as `skipped` (not a drop).
 */

typedef struct
{
  gint64 t_us;
  double value;
} PlotPoint;

struct _SwyPlotNode
{
  SwyNode parent_instance;

  SwyPort *in;

  guint keep;
  PlotPoint *points;
  guint head;
  guint len;
  guint allocated;
  guint64 skipped;
};

enum {
  PROP_0,
  PROP_KEEP,
  PROP_N_POINTS,
  PROP_SKIPPED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyPlotNode, swy_plot_node, SWY_TYPE_NODE)

static void
resize (SwyPlotNode *self)
{
  PlotPoint *points = g_new (PlotPoint, self->keep);
  guint keep = MIN (self->len, self->keep);
  guint skip = self->len - keep;

  for (guint i = 0; i < keep; i++)
    points[i] = self->points[(self->head + skip + i) % self->allocated];

  g_free (self->points);
  self->points = points;
  self->allocated = self->keep;
  self->head = 0;
  if (self->len != keep)
    {
      self->len = keep;
      swy_node_queue_notify (SWY_NODE (self), properties[PROP_N_POINTS]);
    }
}

static void
swy_plot_node_handle_event (SwyNode  *node,
                            SwyPort  *port,
                            SwyEvent *event)
{
  SwyPlotNode *self = SWY_PLOT_NODE (node);
  PlotPoint point;

  if (!swy_event_lookup_double (event, "value", &point.value))
    {
      self->skipped++;
      swy_node_queue_notify (node, properties[PROP_SKIPPED]);
      return;
    }

  point.t_us = swy_node_get_now (node);
  if (self->len < self->allocated)
    {
      self->points[(self->head + self->len) % self->allocated] = point;
      self->len++;
      swy_node_queue_notify (node, properties[PROP_N_POINTS]);
    }
  else
    {
      self->points[self->head] = point;
      self->head = (self->head + 1) % self->allocated;
    }
}

static void
swy_plot_node_reset (SwyNode *node)
{
  SwyPlotNode *self = SWY_PLOT_NODE (node);

  self->head = 0;
  self->len = 0;
  self->skipped = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_POINTS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKIPPED]);
}

static void
swy_plot_node_add_extra_stats (SwyNode      *node,
                               GVariantDict *dict)
{
  SwyPlotNode *self = SWY_PLOT_NODE (node);

  g_variant_dict_insert (dict, "points", "u", self->len);
  g_variant_dict_insert (dict, "skipped", "t", self->skipped);
}

static void
swy_plot_node_finalize (GObject *object)
{
  SwyPlotNode *self = (SwyPlotNode *)object;

  g_clear_pointer (&self->points, g_free);

  G_OBJECT_CLASS (swy_plot_node_parent_class)->finalize (object);
}

static void
swy_plot_node_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SwyPlotNode *self = SWY_PLOT_NODE (object);

  switch (prop_id)
    {
    case PROP_KEEP:
      g_value_set_uint (value, swy_plot_node_get_keep (self));
      break;

    case PROP_N_POINTS:
      g_value_set_uint (value, swy_plot_node_get_n_points (self));
      break;

    case PROP_SKIPPED:
      g_value_set_uint64 (value, swy_plot_node_get_skipped (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_plot_node_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SwyPlotNode *self = SWY_PLOT_NODE (object);

  switch (prop_id)
    {
    case PROP_KEEP:
      swy_plot_node_set_keep (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_plot_node_class_init (SwyPlotNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SwyNodeClass *node_class = SWY_NODE_CLASS (klass);

  object_class->finalize = swy_plot_node_finalize;
  object_class->get_property = swy_plot_node_get_property;
  object_class->set_property = swy_plot_node_set_property;

  node_class->handle_event = swy_plot_node_handle_event;
  node_class->reset = swy_plot_node_reset;
  node_class->add_extra_stats = swy_plot_node_add_extra_stats;

  /**
   * SwyPlotNode:keep:
   *
   * How many points the plot keeps.
   */
  properties[PROP_KEEP] =
    g_param_spec_uint ("keep",
                       _("Keep"),
                       _("How many points the plot keeps"),
                       1, 100000, 200,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyPlotNode:n-points:
   *
   * The number of points kept.

   * Notified at most once per scheduler batch.
   */
  properties[PROP_N_POINTS] =
    g_param_spec_uint ("n-points",
                       _("Points"),
                       _("Points kept"),
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyPlotNode:skipped:
   *
   * The number of events without a numeric value.

   * Notified at most once per scheduler batch.
   */
  properties[PROP_SKIPPED] =
    g_param_spec_uint64 ("skipped",
                         _("Skipped"),
                         _("Events without a value"),
                         0, G_MAXUINT64, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_plot_node_init (SwyPlotNode *self)
{
  self->in = swy_node_add_port (SWY_NODE (self), "in", SWY_PORT_DIRECTION_INPUT);
  self->keep = 200;
  self->allocated = self->keep;
  self->points = g_new (PlotPoint, self->allocated);
}

/**
 * swy_plot_node_new:
 * @id: (nullable): the node id
 *
 * Creates a plot node with default properties.
 *
 * Returns: (transfer full): a new node
 */
SwyNode *
swy_plot_node_new (const char *id)
{
  return g_object_new (SWY_TYPE_PLOT_NODE, "id", id, NULL);
}

/**
 * swy_plot_node_get_keep:
 * @self: a plot node
 *
 * Gets the value of [property@PlotNode:keep].
 *
 * Returns: the value
 */
guint
swy_plot_node_get_keep (SwyPlotNode *self)
{
  g_return_val_if_fail (SWY_IS_PLOT_NODE (self), 0);

  return self->keep;
}

/**
 * swy_plot_node_set_keep:
 * @self: a plot node
 * @value: the new value
 *
 * Sets [property@PlotNode:keep].
 */
void
swy_plot_node_set_keep (SwyPlotNode *self,
                       guint value)
{
  g_return_if_fail (SWY_IS_PLOT_NODE (self));
  g_return_if_fail (value >= 1 && value <= 100000);

  if (self->keep != value)
    {
      self->keep = value;
      resize (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP]);
    }
}

/**
 * swy_plot_node_get_n_points:
 * @self: a plot node
 *
 * Gets the value of [property@PlotNode:n-points].
 *
 * Returns: the value
 */
guint
swy_plot_node_get_n_points (SwyPlotNode *self)
{
  g_return_val_if_fail (SWY_IS_PLOT_NODE (self), 0);

  return self->len;
}

/**
 * swy_plot_node_get_skipped:
 * @self: a plot node
 *
 * Gets the value of [property@PlotNode:skipped].
 *
 * Returns: the value
 */
guint64
swy_plot_node_get_skipped (SwyPlotNode *self)
{
  g_return_val_if_fail (SWY_IS_PLOT_NODE (self), 0);

  return self->skipped;
}

/**
 * swy_plot_node_get_point:
 * @self: a plot node
 * @position: a position, 0 being the oldest kept point
 * @out_time: (out) (optional): the arrival time, in microseconds
 * @out_value: (out) (optional): the value
 *
 * Gets a kept point.
 *
 * Returns: whether @position is a kept point
 */
gboolean
swy_plot_node_get_point (SwyPlotNode *self,
                         guint        position,
                         gint64      *out_time,
                         double      *out_value)
{
  PlotPoint *point;

  g_return_val_if_fail (SWY_IS_PLOT_NODE (self), FALSE);

  if (position >= self->len)
    return FALSE;

  point = &self->points[(self->head + position) % self->allocated];
  if (out_time != NULL)
    *out_time = point->t_us;
  if (out_value != NULL)
    *out_value = point->value;

  return TRUE;
}
