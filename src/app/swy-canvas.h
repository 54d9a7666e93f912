/* swy-canvas.h: the surface where nodes are placed, wired and watched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <swy.h>

#include "swy-document.h"
#include "swy-node-widget.h"
#include "swy-replay.h"
#include "swy-view-state.h"

G_BEGIN_DECLS

#define SWY_TYPE_CANVAS (swy_canvas_get_type ())

G_DECLARE_FINAL_TYPE (SwyCanvas, swy_canvas, SWY, CANVAS, GtkWidget)

#define SWY_CANVAS_MIN_ZOOM 0.2
#define SWY_CANVAS_MAX_ZOOM 3.0

GtkWidget     *swy_canvas_new                 (void);
SwyDocument   *swy_canvas_get_document        (SwyCanvas      *self);
void           swy_canvas_set_document        (SwyCanvas      *self,
                                               SwyDocument    *document);
double         swy_canvas_get_zoom            (SwyCanvas      *self);
void           swy_canvas_set_zoom            (SwyCanvas      *self,
                                               double          zoom);
void           swy_canvas_zoom_to_fit         (SwyCanvas      *self);
void           swy_canvas_get_free_spot       (SwyCanvas      *self,
                                               double         *x,
                                               double         *y);
SwyNodeWidget *swy_canvas_get_node_widget     (SwyCanvas      *self,
                                               SwyNode        *node);
GPtrArray     *swy_canvas_dup_selected_nodes  (SwyCanvas      *self);
GPtrArray     *swy_canvas_dup_selected_wires  (SwyCanvas      *self);
GObject       *swy_canvas_get_selected_object (SwyCanvas      *self);
void           swy_canvas_select              (SwyCanvas      *self,
                                               GObject        *object,
                                               gboolean        extend);
void           swy_canvas_select_all          (SwyCanvas      *self);
void           swy_canvas_unselect_all        (SwyCanvas      *self);
gboolean       swy_canvas_get_follow_trace    (SwyCanvas      *self);
void           swy_canvas_set_follow_trace    (SwyCanvas      *self,
                                               gboolean        follow);
void           swy_canvas_reveal_record       (SwyCanvas      *self,
                                               SwyTraceRecord *record);
guint          swy_canvas_get_n_tokens        (SwyCanvas      *self);
gboolean       swy_canvas_wire_is_aggregated  (SwyCanvas      *self,
                                               SwyWire        *wire);
void           swy_canvas_set_view_state      (SwyCanvas      *self,
                                               SwyViewState   *view_state);
SwyReplay     *swy_canvas_get_replay          (SwyCanvas      *self);
void           swy_canvas_set_replay          (SwyCanvas      *self,
                                               SwyReplay      *replay);

G_END_DECLS
