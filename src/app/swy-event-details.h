/* swy-event-details.h: one event: its payload, its path hop by hop, its causes and effects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <swy.h>

#include "swy-view-state.h"

G_BEGIN_DECLS

#define SWY_TYPE_EVENT_DETAILS (swy_event_details_get_type ())

G_DECLARE_FINAL_TYPE (SwyEventDetails, swy_event_details, SWY, EVENT_DETAILS, GtkWidget)

GtkWidget    *swy_event_details_new            (SwyGraph        *graph,
                                                SwyViewState    *view_state);
SwyGraph     *swy_event_details_get_graph      (SwyEventDetails *self);
void          swy_event_details_set_graph      (SwyEventDetails *self,
                                                SwyGraph        *graph);
void          swy_event_details_set_replay_trace (SwyEventDetails *self,
                                                 SwyTrace        *trace);
SwyViewState *swy_event_details_get_view_state (SwyEventDetails *self);
void          swy_event_details_set_view_state (SwyEventDetails *self,
                                                SwyViewState    *view_state);
void          swy_event_details_refresh        (SwyEventDetails *self);

G_END_DECLS
