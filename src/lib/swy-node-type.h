/* swy-node-type.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include <glib-object.h>

#include "swy-enums.h"
#include "swy-types.h"
#include "swy-version-macros.h"

G_BEGIN_DECLS

#define SWY_TYPE_NODE_TYPE (swy_node_type_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyNodeType, swy_node_type, SWY, NODE_TYPE, GObject)

SWY_AVAILABLE_IN_ALL
const char      *swy_node_type_get_name         (SwyNodeType *self);
SWY_AVAILABLE_IN_ALL
GType            swy_node_type_get_gtype        (SwyNodeType *self);
SWY_AVAILABLE_IN_ALL
const char      *swy_node_type_get_display_name (SwyNodeType *self);
SWY_AVAILABLE_IN_ALL
SwyNodeCategory  swy_node_type_get_category     (SwyNodeType *self);
SWY_AVAILABLE_IN_ALL
const char      *swy_node_type_get_icon_name    (SwyNodeType *self);
SWY_AVAILABLE_IN_ALL
const char      *swy_node_type_get_description  (SwyNodeType *self);

G_END_DECLS
