/* swy-sparkline.c: a small chart of recent values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The newest value sits at the right edge; the chart fills from the right
 * as the history grows to its capacity. One cairo render node, redrawn only
 * when the values change.
 */

#define G_LOG_DOMAIN "swy-sparkline"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "swy-sparkline.h"

#define MIN_WIDTH  96
#define MIN_HEIGHT 22

struct _SwySparkline
{
  GtkWidget  parent_instance;

  GArray    *values;    /* of double */
  guint      capacity;
  double     max;
};

G_DEFINE_FINAL_TYPE (SwySparkline, swy_sparkline, GTK_TYPE_WIDGET)

static void
swy_sparkline_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  SwySparkline *self = SWY_SPARKLINE (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint n = self->values->len;
  double step, max = self->max > 0 ? self->max : 1.0;
  GdkRGBA line, fill, base;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  gdk_rgba_parse (&line, dark ? "#78aeed" : "#1c71d8");
  fill = line;
  fill.alpha = 0.22;
  gdk_rgba_parse (&base, dark ? "#ffffff" : "#000000");
  base.alpha = 0.12;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The baseline, so that an empty or idle chart still reads as a chart. */
  cairo_rectangle (cr, 0, height - 1, width, 1);
  gdk_cairo_set_source_rgba (cr, &base);
  cairo_fill (cr);

  if (n >= 2)
    {
      /* Until the history is full the chart spans at least a quarter of it,
       * so that a young run is not a sliver at the right edge. */
      step = (double) width / (CLAMP (n, self->capacity / 4, self->capacity) - 1);
      cairo_move_to (cr, width - (n - 1) * step, height);
      for (guint i = 0; i < n; i++)
        {
          double v = CLAMP (g_array_index (self->values, double, i) / max, 0.0, 1.0);

          cairo_line_to (cr, width - (n - 1 - i) * step, 1.5 + (height - 3.0) * (1.0 - v));
        }
      cairo_line_to (cr, width, height);
      cairo_close_path (cr);
      gdk_cairo_set_source_rgba (cr, &fill);
      cairo_fill (cr);

      for (guint i = 0; i < n; i++)
        {
          double v = CLAMP (g_array_index (self->values, double, i) / max, 0.0, 1.0);

          cairo_line_to (cr, width - (n - 1 - i) * step, 1.5 + (height - 3.0) * (1.0 - v));
        }
      gdk_cairo_set_source_rgba (cr, &line);
      cairo_set_line_width (cr, 1.5);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }

  cairo_destroy (cr);
}

static void
swy_sparkline_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? MIN_WIDTH : MIN_HEIGHT;
}

static void
swy_sparkline_finalize (GObject *object)
{
  SwySparkline *self = SWY_SPARKLINE (object);

  g_clear_pointer (&self->values, g_array_unref);

  G_OBJECT_CLASS (swy_sparkline_parent_class)->finalize (object);
}

static void
swy_sparkline_class_init (SwySparklineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = swy_sparkline_finalize;
  widget_class->snapshot = swy_sparkline_snapshot;
  widget_class->measure = swy_sparkline_measure;

  gtk_widget_class_set_css_name (widget_class, "swy-sparkline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
swy_sparkline_init (SwySparkline *self)
{
  self->values = g_array_new (FALSE, FALSE, sizeof (double));
  self->max = 1.0;
}

GtkWidget *
swy_sparkline_new (void)
{
  return g_object_new (SWY_TYPE_SPARKLINE, NULL);
}

/**
 * swy_sparkline_set_values:
 * @self: a sparkline
 * @values: (array length=n_values): the values, oldest first
 * @n_values: the number of values
 * @capacity: how many values a full chart shows
 * @max: the value at the top edge
 */
void
swy_sparkline_set_values (SwySparkline *self,
                          const double *values,
                          guint         n_values,
                          guint         capacity,
                          double        max)
{
  g_return_if_fail (SWY_IS_SPARKLINE (self));
  g_return_if_fail (values != NULL || n_values == 0);

  if (self->values->len == n_values && self->capacity == capacity && self->max == max &&
      (n_values == 0 || memcmp (self->values->data, values, n_values * sizeof (double)) == 0))
    return;

  g_array_set_size (self->values, 0);
  g_array_append_vals (self->values, values, n_values);
  self->capacity = MAX (capacity, 2);
  self->max = max;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
swy_sparkline_get_n_values (SwySparkline *self)
{
  g_return_val_if_fail (SWY_IS_SPARKLINE (self), 0);

  return self->values->len;
}
