/* swy-wrap-box.h: a row of widgets that wraps onto more lines when narrow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SWY_TYPE_WRAP_BOX (swy_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (SwyWrapBox, swy_wrap_box, SWY, WRAP_BOX, GtkWidget)

GtkWidget *swy_wrap_box_new                (void);
void       swy_wrap_box_append             (SwyWrapBox *self,
                                            GtkWidget  *child);
int        swy_wrap_box_get_column_spacing (SwyWrapBox *self);
void       swy_wrap_box_set_column_spacing (SwyWrapBox *self,
                                            int         spacing);
int        swy_wrap_box_get_row_spacing    (SwyWrapBox *self);
void       swy_wrap_box_set_row_spacing    (SwyWrapBox *self,
                                            int         spacing);
guint      swy_wrap_box_get_n_lines        (SwyWrapBox *self);

G_END_DECLS
