/* swy-document.h: one open graph, its file, and its undo history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <swy.h>

G_BEGIN_DECLS

#define SWY_TYPE_DOCUMENT (swy_document_get_type ())

G_DECLARE_FINAL_TYPE (SwyDocument, swy_document, SWY, DOCUMENT, GObject)

SwyDocument *swy_document_new             (void);
SwyGraph    *swy_document_get_graph       (SwyDocument  *self);
GFile       *swy_document_get_file        (SwyDocument  *self);
char        *swy_document_dup_title       (SwyDocument  *self);
gboolean     swy_document_get_modified    (SwyDocument  *self);
gboolean     swy_document_load_file       (SwyDocument  *self,
                                           GFile        *file,
                                           GError      **error);
gboolean     swy_document_load_data       (SwyDocument  *self,
                                           const char   *data,
                                           GError      **error);
gboolean     swy_document_save_file       (SwyDocument  *self,
                                           GFile        *file,
                                           GError      **error);
char        *swy_document_save_data       (SwyDocument  *self);
gboolean     swy_document_get_changed_on_disk (SwyDocument *self);
gboolean     swy_document_restore         (SwyDocument  *self,
                                           const char   *data,
                                           GFile        *file,
                                           GError      **error);

/* Every edit below is undoable. Edits made between begin_group() and
 * end_group() undo as one step (a drag, a paste). */
void         swy_document_begin_group     (SwyDocument  *self);
void         swy_document_end_group       (SwyDocument  *self);
SwyNode     *swy_document_add_node        (SwyDocument  *self,
                                           const char   *type_name,
                                           double        x,
                                           double        y,
                                           GError      **error);
void         swy_document_remove          (SwyDocument  *self,
                                           GPtrArray    *nodes,
                                           GPtrArray    *wires);
void         swy_document_move_nodes      (SwyDocument  *self,
                                           GPtrArray    *nodes,
                                           double        dx,
                                           double        dy);
SwyWire     *swy_document_connect         (SwyDocument  *self,
                                           SwyPort      *from,
                                           SwyPort      *to,
                                           GError      **error);
gboolean     swy_document_set_property    (SwyDocument  *self,
                                           GObject      *object,
                                           const char   *name,
                                           const GValue *value,
                                           GError      **error);
gboolean     swy_document_rename_node     (SwyDocument  *self,
                                           SwyNode      *node,
                                           const char   *id,
                                           GError      **error);
char        *swy_document_copy            (SwyDocument  *self,
                                           GPtrArray    *nodes);
GPtrArray   *swy_document_paste           (SwyDocument  *self,
                                           const char   *text,
                                           double        dx,
                                           double        dy,
                                           GError      **error);
gboolean     swy_document_get_can_undo    (SwyDocument  *self);
gboolean     swy_document_get_can_redo    (SwyDocument  *self);
void         swy_document_undo            (SwyDocument  *self);
void         swy_document_redo            (SwyDocument  *self);

G_END_DECLS
