/* swy-log-view.h: the event log, a filterable table of every dispatch step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <swy.h>

#include "swy-log-model.h"
#include "swy-replay.h"
#include "swy-view-state.h"

G_BEGIN_DECLS

#define SWY_TYPE_LOG_VIEW (swy_log_view_get_type ())

G_DECLARE_FINAL_TYPE (SwyLogView, swy_log_view, SWY, LOG_VIEW, GtkWidget)

GtkWidget    *swy_log_view_new            (SwyGraph     *graph,
                                           SwyViewState *view_state);
SwyGraph     *swy_log_view_get_graph      (SwyLogView   *self);
void          swy_log_view_set_graph      (SwyLogView   *self,
                                           SwyGraph     *graph);
void          swy_log_view_set_replay     (SwyLogView   *self,
                                           SwyReplay    *replay);
SwyViewState *swy_log_view_get_view_state (SwyLogView   *self);
void          swy_log_view_set_view_state (SwyLogView   *self,
                                           SwyViewState *view_state);
SwyLogModel  *swy_log_view_get_model      (SwyLogView   *self);
gboolean      swy_log_view_get_following  (SwyLogView   *self);
void          swy_log_view_set_following  (SwyLogView   *self,
                                           gboolean      following);

G_END_DECLS
