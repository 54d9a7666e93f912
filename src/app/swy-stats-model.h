/* swy-stats-model.h: per node and per wire figures, rates and history of a graph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <swy.h>

#include "swy-stats-row.h"

G_BEGIN_DECLS

#define SWY_TYPE_STATS_MODEL (swy_stats_model_get_type ())

G_DECLARE_FINAL_TYPE (SwyStatsModel, swy_stats_model, SWY, STATS_MODEL, GObject)

#define SWY_STATS_DEFAULT_WINDOW_US         (1 * G_USEC_PER_SEC)
#define SWY_STATS_DEFAULT_INTERVAL_US       (100 * G_TIME_SPAN_MILLISECOND)
#define SWY_STATS_DEFAULT_HISTORY_LENGTH    120

SwyStatsModel *swy_stats_model_new                 (void);
SwyGraph      *swy_stats_model_get_graph           (SwyStatsModel *self);
void           swy_stats_model_set_graph           (SwyStatsModel *self,
                                                    SwyGraph      *graph);
void           swy_stats_model_set_replay          (SwyStatsModel *self,
                                                    SwyReplay     *replay);
GListModel    *swy_stats_model_get_node_rows       (SwyStatsModel *self);
GListModel    *swy_stats_model_get_wire_rows       (SwyStatsModel *self);
SwyStatsRow   *swy_stats_model_lookup_row          (SwyStatsModel *self,
                                                    GObject       *node_or_wire);
gint64         swy_stats_model_get_window          (SwyStatsModel *self);
void           swy_stats_model_set_window          (SwyStatsModel *self,
                                                    gint64         window_us);
gint64         swy_stats_model_get_sample_interval (SwyStatsModel *self);
void           swy_stats_model_set_sample_interval (SwyStatsModel *self,
                                                    gint64         interval_us);
guint          swy_stats_model_get_history_length  (SwyStatsModel *self);
void           swy_stats_model_observe             (SwyStatsModel *self);

G_END_DECLS
