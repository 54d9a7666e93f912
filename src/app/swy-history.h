/* swy-history.h: the past of a run, and the way back to any moment of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <swy.h>

G_BEGIN_DECLS

#define SWY_TYPE_HISTORY (swy_history_get_type ())

G_DECLARE_FINAL_TYPE (SwyHistory, swy_history, SWY, HISTORY, GObject)

SwyHistory *swy_history_new                (SwyGraph    *graph);
gint64      swy_history_get_end            (SwyHistory  *self);
void        swy_history_set_grid           (SwyHistory  *self,
                                            gint64       interval_us,
                                            gint64       span_us);
gboolean    swy_history_fire_button        (SwyHistory  *self,
                                            const char  *node_id,
                                            GError     **error);
void        swy_history_seek               (SwyHistory  *self,
                                            gint64       t_us);
void        swy_history_go_to_performed    (SwyHistory  *self,
                                            guint64      n_performed);
void        swy_history_forget_future      (SwyHistory  *self);
void        swy_history_clear              (SwyHistory  *self);

G_END_DECLS
