/* swy-timeline-view.h: a sequence diagram of a trace over virtual time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <swy.h>

#include "swy-replay.h"
#include "swy-view-state.h"

G_BEGIN_DECLS

#define SWY_TYPE_TIMELINE_VIEW (swy_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (SwyTimelineView, swy_timeline_view, SWY, TIMELINE_VIEW, GtkWidget)

/* Scale: pixels per microsecond of virtual time. */
#define SWY_TIMELINE_MIN_SCALE     1e-7    /* an hour in 360 px */
#define SWY_TIMELINE_MAX_SCALE     0.1     /* 10 µs a pixel */
#define SWY_TIMELINE_DEFAULT_SCALE 0.0004  /* a second in 400 px */

/* What a delivery, a drop or an emission is drawn as, in widget coordinates. */
typedef struct
{
  guint64          event_id;
  SwyTraceKind     kind;
  graphene_point_t from;   /* the emitter's lane at the emission; for emissions, = to */
  graphene_point_t to;     /* the receiver's lane at the delivery or drop */
  gboolean         stub;   /* the emitter's lane is not shown */
} SwyTimelineMark;

GtkWidget     *swy_timeline_view_new              (void);
SwyGraph      *swy_timeline_view_get_graph        (SwyTimelineView *self);
void           swy_timeline_view_set_graph        (SwyTimelineView *self,
                                                   SwyGraph        *graph);
SwyReplay     *swy_timeline_view_get_replay       (SwyTimelineView *self);
void           swy_timeline_view_set_replay       (SwyTimelineView *self,
                                                   SwyReplay       *replay);
SwyViewState  *swy_timeline_view_get_view_state   (SwyTimelineView *self);
void           swy_timeline_view_set_view_state   (SwyTimelineView *self,
                                                   SwyViewState    *view_state);
const char * const *
               swy_timeline_view_get_lane_filter  (SwyTimelineView *self);
void           swy_timeline_view_set_lane_filter  (SwyTimelineView *self,
                                                   const char * const *node_ids);
gboolean       swy_timeline_view_get_follow       (SwyTimelineView *self);
void           swy_timeline_view_set_follow       (SwyTimelineView *self,
                                                   gboolean         follow);
double         swy_timeline_view_get_scale        (SwyTimelineView *self);
void           swy_timeline_view_set_scale        (SwyTimelineView *self,
                                                   double           scale);
void           swy_timeline_view_zoom_in          (SwyTimelineView *self);
void           swy_timeline_view_zoom_out         (SwyTimelineView *self);
void           swy_timeline_view_zoom_to_fit      (SwyTimelineView *self);
gint64         swy_timeline_view_get_start        (SwyTimelineView *self);
gint64         swy_timeline_view_get_end          (SwyTimelineView *self);
void           swy_timeline_view_set_start        (SwyTimelineView *self,
                                                   gint64           start_us);
gint64         swy_timeline_view_get_playhead     (SwyTimelineView *self);
GtkAdjustment *swy_timeline_view_get_hadjustment  (SwyTimelineView *self);
GtkAdjustment *swy_timeline_view_get_vadjustment  (SwyTimelineView *self);

/* Geometry, as drawn: for tests and for the window. */
guint          swy_timeline_view_get_n_lanes      (SwyTimelineView *self);
const char    *swy_timeline_view_get_lane_id      (SwyTimelineView *self,
                                                   guint            lane);
gboolean       swy_timeline_view_get_lane_y       (SwyTimelineView *self,
                                                   const char      *node_id,
                                                   double          *y);
double         swy_timeline_view_time_to_x        (SwyTimelineView *self,
                                                   gint64           t_us);
GArray        *swy_timeline_view_dup_marks        (SwyTimelineView *self,
                                                   SwyTraceKind     kind);
gboolean       swy_timeline_view_is_aggregated    (SwyTimelineView *self);
guint64        swy_timeline_view_pick             (SwyTimelineView *self,
                                                   double           x,
                                                   double           y);

G_END_DECLS
