/* swy-log-slot.h: a row of the log's table, whose item changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SWY_TYPE_LOG_SLOT (swy_log_slot_get_type ())

G_DECLARE_FINAL_TYPE (SwyLogSlot, swy_log_slot, SWY, LOG_SLOT, GObject)

SwyLogSlot *swy_log_slot_new      (void);
gpointer    swy_log_slot_get_item (SwyLogSlot *self);
void        swy_log_slot_set_item (SwyLogSlot *self,
                                   gpointer    item);

G_END_DECLS
