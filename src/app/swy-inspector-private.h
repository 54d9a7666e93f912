/* swy-inspector-private.h: the inspector's generated rows, and what tests look at
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "swy-inspector.h"

G_BEGIN_DECLS

typedef struct _SwyInspectorBinding SwyInspectorBinding;

/* swy-inspector-binding.c */
SwyInspectorBinding *_swy_inspector_binding_new         (SwyInspector        *inspector,
                                                         GObject             *object,
                                                         GParamSpec          *pspec,
                                                         GtkLabel            *message);
void                 _swy_inspector_binding_free        (SwyInspectorBinding *binding);
GParamSpec          *_swy_inspector_binding_get_pspec   (SwyInspectorBinding *binding);
GtkWidget           *_swy_inspector_binding_get_row     (SwyInspectorBinding *binding);
GtkWidget           *_swy_inspector_binding_get_editor  (SwyInspectorBinding *binding);
GtkLabel            *_swy_inspector_binding_get_message (SwyInspectorBinding *binding);
gboolean             _swy_inspector_binding_is_setting  (SwyInspectorBinding *binding);

gboolean             _swy_inspector_pspec_is_setting    (GParamSpec          *pspec);
gboolean             _swy_inspector_pspec_is_live       (GParamSpec          *pspec);
const char          *_swy_inspector_pspec_title         (GParamSpec          *pspec);
char                *_swy_inspector_humanize            (const char          *identifier);
void                 _swy_inspector_add_error_icon      (AdwEntryRow         *row);
void                 _swy_inspector_show_message        (GtkWidget           *row,
                                                         GtkLabel            *message,
                                                         const char          *text);
void                 _swy_inspector_clear_message       (GtkWidget           *row,
                                                         GtkLabel            *message,
                                                         const char          *tooltip);

/* swy-inspector.c */
void                 _swy_inspector_live_changed        (SwyInspector        *self);

/* For tests: @name is a property name, or "id" for the node's id row. */
guint                _swy_inspector_get_n_editor_rows   (SwyInspector        *self);
GtkWidget           *_swy_inspector_get_row             (SwyInspector        *self,
                                                         const char          *name);
GtkWidget           *_swy_inspector_get_editor          (SwyInspector        *self,
                                                         const char          *name);
GtkLabel            *_swy_inspector_get_message         (SwyInspector        *self,
                                                         const char          *name);

G_END_DECLS
