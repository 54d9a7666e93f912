/* swy-canvas-private.h: instrumentation of the canvas, for bench/bench-canvas.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "swy-canvas.h"

G_BEGIN_DECLS

/* Off by default; when off it costs the snapshot three untaken branches. When
 * on, each swy_canvas_snapshot() records its duration and, within it, the time
 * spent snapshotting the node widgets (GTK's own widget code), so that the
 * canvas's own share is the difference. Times are this thread's CPU time. */
void _swy_canvas_set_collect_stats  (SwyCanvas *self,
                                     gboolean   collect);
void _swy_canvas_get_snapshot_stats (SwyCanvas *self,
                                     gint64    *snapshot_us,
                                     gint64    *children_us);

/* For swy-export.c and the timeline: the colour of a topic's tokens, and
 * the graph drawn with cairo in content coordinates (zoom 1, no pan) in
 * the light style, within the bounds given by get_drawing_bounds(). */
void     _swy_canvas_get_topic_color    (const char      *topic,
                                         GdkRGBA         *rgba);
gboolean _swy_canvas_get_drawing_bounds (SwyCanvas       *self,
                                         graphene_rect_t *bounds);
void     _swy_canvas_draw_to_cairo      (SwyCanvas       *self,
                                         cairo_t         *cr);

G_END_DECLS
