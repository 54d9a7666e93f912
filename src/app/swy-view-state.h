/* swy-view-state.h: what a window's views agree on: the selected event and the noise filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <swy.h>

G_BEGIN_DECLS

#define SWY_TYPE_VIEW_STATE (swy_view_state_get_type ())

G_DECLARE_FINAL_TYPE (SwyViewState, swy_view_state, SWY, VIEW_STATE, GObject)

SwyViewState *swy_view_state_new                (void);
guint64       swy_view_state_get_selected_event (SwyViewState *self);
void          swy_view_state_set_selected_event (SwyViewState *self,
                                                 guint64       event_id);
gboolean      swy_view_state_is_node_hidden     (SwyViewState *self,
                                                 const char   *node_id);
void          swy_view_state_set_node_hidden    (SwyViewState *self,
                                                 const char   *node_id,
                                                 gboolean      hidden);
gboolean      swy_view_state_is_topic_hidden    (SwyViewState *self,
                                                 const char   *topic);
void          swy_view_state_set_topic_hidden   (SwyViewState *self,
                                                 const char   *pattern,
                                                 gboolean      hidden);
GStrv         swy_view_state_dup_hidden_nodes   (SwyViewState *self);
GStrv         swy_view_state_dup_hidden_topics  (SwyViewState *self);
gboolean      swy_view_state_is_record_hidden   (SwyViewState   *self,
                                                 SwyTraceRecord *record);
gboolean      swy_view_state_is_wire_muted      (SwyViewState *self,
                                                 SwyWire      *wire);
void          swy_view_state_set_wire_muted     (SwyViewState *self,
                                                 SwyWire      *wire,
                                                 gboolean      muted);

G_END_DECLS
