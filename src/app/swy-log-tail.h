/* swy-log-tail.h: the last rows of a selection model, for the log following live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SWY_TYPE_LOG_TAIL (swy_log_tail_get_type ())

G_DECLARE_FINAL_TYPE (SwyLogTail, swy_log_tail, SWY, LOG_TAIL, GObject)

SwyLogTail        *swy_log_tail_new        (GtkSelectionModel *model);
GtkSelectionModel *swy_log_tail_get_model  (SwyLogTail        *self);
guint              swy_log_tail_get_size   (SwyLogTail        *self);
void               swy_log_tail_set_size   (SwyLogTail        *self,
                                            guint              size);
guint              swy_log_tail_get_offset (SwyLogTail        *self);

G_END_DECLS
