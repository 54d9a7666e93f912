/* swy-timeline.h: the timeline panel: a sequence diagram with its controls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <swy.h>

#include "swy-replay.h"
#include "swy-timeline-view.h"
#include "swy-view-state.h"

G_BEGIN_DECLS

#define SWY_TYPE_TIMELINE (swy_timeline_get_type ())

G_DECLARE_FINAL_TYPE (SwyTimeline, swy_timeline, SWY, TIMELINE, GtkWidget)

GtkWidget       *swy_timeline_new            (void);
SwyTimelineView *swy_timeline_get_view       (SwyTimeline  *self);
void             swy_timeline_set_graph      (SwyTimeline  *self,
                                              SwyGraph     *graph);
void             swy_timeline_set_replay     (SwyTimeline  *self,
                                              SwyReplay    *replay);
void             swy_timeline_set_view_state (SwyTimeline  *self,
                                              SwyViewState *view_state);

G_END_DECLS
