/* swy-log-view-private.h: what the tests reach of the event log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "swy-log-view.h"

G_BEGIN_DECLS

GtkColumnView      *_swy_log_view_get_column_view  (SwyLogView *self);
GtkSingleSelection *_swy_log_view_get_selection    (SwyLogView *self);
GtkEditable        *_swy_log_view_get_topic_entry  (SwyLogView *self);
GtkEditable        *_swy_log_view_get_search_entry (SwyLogView *self);
GtkDropDown        *_swy_log_view_get_node_dropdown (SwyLogView *self);
GtkToggleButton    *_swy_log_view_get_kind_button  (SwyLogView   *self,
                                                    SwyTraceKind  kind);
const char         *_swy_log_view_get_count_text   (SwyLogView *self);
const char         *_swy_log_view_get_hidden_text  (SwyLogView *self);
gboolean            _swy_log_view_get_jump_visible (SwyLogView *self);
const char         *_swy_log_view_get_jump_text    (SwyLogView *self);

G_END_DECLS
