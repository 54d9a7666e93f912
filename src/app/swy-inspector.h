/* swy-inspector.h: the settings and live state of the selected node or wire
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "swy-document.h"

G_BEGIN_DECLS

#define SWY_TYPE_INSPECTOR (swy_inspector_get_type ())

G_DECLARE_FINAL_TYPE (SwyInspector, swy_inspector, SWY, INSPECTOR, GtkWidget)

GtkWidget   *swy_inspector_new          (SwyDocument  *document);
SwyDocument *swy_inspector_get_document (SwyInspector *self);
void         swy_inspector_set_document (SwyInspector *self,
                                         SwyDocument  *document);
GObject     *swy_inspector_get_object   (SwyInspector *self);
void         swy_inspector_set_object   (SwyInspector *self,
                                         GObject      *object);

G_END_DECLS
