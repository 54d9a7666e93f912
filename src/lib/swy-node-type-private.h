/* swy-node-type-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "swy-node-type.h"

G_BEGIN_DECLS

SwyNodeType *_swy_node_type_new (const char      *name,
                                 GType            gtype,
                                 const char      *display_name,
                                 SwyNodeCategory  category,
                                 const char      *icon_name,
                                 const char      *description);

G_END_DECLS
