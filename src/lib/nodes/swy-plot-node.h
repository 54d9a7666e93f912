/* swy-plot-node.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include "swy-node.h"

G_BEGIN_DECLS

#define SWY_TYPE_PLOT_NODE (swy_plot_node_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyPlotNode, swy_plot_node, SWY, PLOT_NODE, SwyNode)

SWY_AVAILABLE_IN_ALL
SwyNode *swy_plot_node_new (const char *id) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
guint swy_plot_node_get_keep (SwyPlotNode *self);
SWY_AVAILABLE_IN_ALL
void swy_plot_node_set_keep (SwyPlotNode *self, guint value);
SWY_AVAILABLE_IN_ALL
guint swy_plot_node_get_n_points (SwyPlotNode *self);
SWY_AVAILABLE_IN_ALL
guint64 swy_plot_node_get_skipped (SwyPlotNode *self);
SWY_AVAILABLE_IN_ALL
gboolean swy_plot_node_get_point (SwyPlotNode *self, guint position, gint64 *out_time, double *out_value);

G_END_DECLS
