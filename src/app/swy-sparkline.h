/* swy-sparkline.h: a small chart of recent values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SWY_TYPE_SPARKLINE (swy_sparkline_get_type ())

G_DECLARE_FINAL_TYPE (SwySparkline, swy_sparkline, SWY, SPARKLINE, GtkWidget)

GtkWidget *swy_sparkline_new        (void);
void       swy_sparkline_set_values (SwySparkline *self,
                                     const double *values,
                                     guint         n_values,
                                     guint         capacity,
                                     double        max);
guint      swy_sparkline_get_n_values (SwySparkline *self);

G_END_DECLS
