/* swy-stats-row.h: the figures of one node or wire, and their recent history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <swy.h>

#include "swy-replay.h"

G_BEGIN_DECLS

#define SWY_TYPE_STATS_ROW (swy_stats_row_get_type ())

G_DECLARE_FINAL_TYPE (SwyStatsRow, swy_stats_row, SWY, STATS_ROW, GObject)

/**
 * SwyStatsGauge:
 * @SWY_STATS_GAUGE_RATE: events a second of virtual time over the window
 *   ending at each grid point: a node's deliveries in (emissions out for a
 *   producer), a wire's deliveries
 * @SWY_STATS_GAUGE_QUEUE_LENGTH: a queue's length
 * @SWY_STATS_GAUGE_UTILISATION: the share of a worker's slots that are busy,
 *   from 0 to 1
 *
 * What a row's history charts.
 */
typedef enum
{
  SWY_STATS_GAUGE_RATE,
  SWY_STATS_GAUGE_QUEUE_LENGTH,
  SWY_STATS_GAUGE_UTILISATION,
} SwyStatsGauge;

SwyStatsRow   *swy_stats_row_new_for_node       (SwyNode      *node);
SwyStatsRow   *swy_stats_row_new_for_wire       (SwyWire      *wire);
GObject       *swy_stats_row_get_object         (SwyStatsRow  *self);
char          *swy_stats_row_dup_title          (SwyStatsRow  *self);
char          *swy_stats_row_dup_subtitle       (SwyStatsRow  *self);
guint64        swy_stats_row_get_received       (SwyStatsRow  *self);
guint64        swy_stats_row_get_emitted        (SwyStatsRow  *self);
guint64        swy_stats_row_get_dropped        (SwyStatsRow  *self);
guint64        swy_stats_row_get_delivered      (SwyStatsRow  *self);
guint64        swy_stats_row_get_lost           (SwyStatsRow  *self);
double         swy_stats_row_get_rate_in        (SwyStatsRow  *self);
double         swy_stats_row_get_rate_out       (SwyStatsRow  *self);
char          *swy_stats_row_dup_drop_reasons   (SwyStatsRow  *self,
                                                 const char   *separator,
                                                 const char   *equals);
SwyStatsGauge  swy_stats_row_get_gauge          (SwyStatsRow  *self);
double         swy_stats_row_get_gauge_value    (SwyStatsRow  *self);
char          *swy_stats_row_dup_gauge_text     (SwyStatsRow  *self);
const double  *swy_stats_row_get_history        (SwyStatsRow  *self,
                                                 guint        *n_values);
gint64         swy_stats_row_get_history_start  (SwyStatsRow  *self);

/* Driven by SwyStatsModel. */
void           swy_stats_row_observe            (SwyStatsRow  *self,
                                                 gint64        now,
                                                 gint64        interval,
                                                 gint64        window,
                                                 guint         history_length);
void           swy_stats_row_clear_history      (SwyStatsRow  *self);
void           swy_stats_row_emit_changed       (SwyStatsRow  *self);
void           swy_stats_row_set_replay         (SwyStatsRow  *self,
                                                 SwyReplay    *replay);

G_END_DECLS
