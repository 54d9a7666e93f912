/* swy-code-view.h: the selection or the whole graph as a GLib C or PyGObject program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <swy.h>

G_BEGIN_DECLS

#define SWY_TYPE_CODE_VIEW (swy_code_view_get_type ())

G_DECLARE_FINAL_TYPE (SwyCodeView, swy_code_view, SWY, CODE_VIEW, GtkWidget)

GtkWidget  *swy_code_view_new            (void);
void        swy_code_view_set_graph      (SwyCodeView *self,
                                          SwyGraph    *graph);
void        swy_code_view_set_focus      (SwyCodeView *self,
                                          GObject     *focus);
void        swy_code_view_queue_update   (SwyCodeView *self);
const char *swy_code_view_get_text       (SwyCodeView *self);
char       *swy_code_view_dup_shown_text (SwyCodeView *self);
char       *swy_code_view_dup_file_name  (SwyCodeView *self);
gboolean    swy_code_view_save           (SwyCodeView *self,
                                          GFile       *file,
                                          GError     **error);

G_END_DECLS
