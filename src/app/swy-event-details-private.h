/* swy-event-details-private.h: what the tests read of the event details
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "swy-event-details.h"
#include "swy-trace-query.h"

G_BEGIN_DECLS

const SwyEventHistory *_swy_event_details_get_history    (SwyEventDetails *self);
const char            *_swy_event_details_get_page       (SwyEventDetails *self);
guint                  _swy_event_details_get_n_path_rows  (SwyEventDetails *self);
GtkWidget             *_swy_event_details_get_path_row   (SwyEventDetails *self,
                                                          guint            index);
guint                  _swy_event_details_get_n_child_rows (SwyEventDetails *self);
GtkWidget             *_swy_event_details_get_child_row  (SwyEventDetails *self,
                                                          guint            index);
GtkWidget             *_swy_event_details_get_parent_row (SwyEventDetails *self);
const char            *_swy_event_details_get_payload    (SwyEventDetails *self);
const char            *_swy_event_details_get_drop_note  (SwyEventDetails *self);

G_END_DECLS
