/* swy-node-widget.h: one node on the canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <swy.h>

#include "swy-replay.h"

G_BEGIN_DECLS

#define SWY_TYPE_NODE_WIDGET (swy_node_widget_get_type ())

G_DECLARE_FINAL_TYPE (SwyNodeWidget, swy_node_widget, SWY, NODE_WIDGET, GtkWidget)

/* Radius of a port handle, in canvas units. */
#define SWY_PORT_RADIUS 6.0

GtkWidget *swy_node_widget_new               (SwyNode          *node);
SwyNode   *swy_node_widget_get_node          (SwyNodeWidget    *self);
gboolean   swy_node_widget_get_selected      (SwyNodeWidget    *self);
void       swy_node_widget_set_selected      (SwyNodeWidget    *self,
                                              gboolean          selected);
void       swy_node_widget_set_hot_port      (SwyNodeWidget    *self,
                                              SwyPort          *port,
                                              gboolean          refused);
gboolean   swy_node_widget_get_port_position (SwyNodeWidget    *self,
                                              SwyPort          *port,
                                              graphene_point_t *out_point);
char      *swy_node_widget_dup_state         (SwyNodeWidget    *self);
void       swy_node_widget_flash             (SwyNodeWidget    *self);
GskRenderNode *swy_node_widget_get_canvas_node (SwyNodeWidget *self,
                                                GtkWidget     *parent);
gboolean   swy_node_widget_beat_is_due       (GdkFrameClock    *clock);
void       _swy_node_widget_set_beat_frames  (guint             frames);

GdkTexture *_swy_node_widget_get_frame_texture (SwyNodeWidget *self);
void       swy_node_widget_show_replayed     (SwyNodeWidget    *self,
                                              const SwyReplayCounts *counts);

G_END_DECLS
