/* swy-stats-view.h: counts, rates, drops and small charts per node and per wire
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <swy.h>

#include "swy-stats-model.h"

G_BEGIN_DECLS

#define SWY_TYPE_STATS_VIEW (swy_stats_view_get_type ())

G_DECLARE_FINAL_TYPE (SwyStatsView, swy_stats_view, SWY, STATS_VIEW, GtkWidget)

GtkWidget     *swy_stats_view_new        (void);
SwyGraph      *swy_stats_view_get_graph  (SwyStatsView *self);
void           swy_stats_view_set_graph  (SwyStatsView *self,
                                          SwyGraph     *graph);
SwyStatsModel *swy_stats_view_get_model  (SwyStatsView *self);
const char    *swy_stats_view_get_page   (SwyStatsView *self);
void           swy_stats_view_set_page   (SwyStatsView *self,
                                          const char   *page);

G_END_DECLS
