/* swy-catalog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include <gio/gio.h>

#include "swy-node-type.h"
#include "swy-types.h"
#include "swy-version-macros.h"

G_BEGIN_DECLS

SWY_AVAILABLE_IN_ALL
GListModel  *swy_catalog_get_types      (void);
SWY_AVAILABLE_IN_ALL
SwyNodeType *swy_catalog_lookup         (const char  *name);
SWY_AVAILABLE_IN_ALL
SwyNodeType *swy_catalog_lookup_gtype   (GType        gtype);
SWY_AVAILABLE_IN_ALL
SwyNode     *swy_catalog_create_node    (const char  *name,
                                         const char  *id,
                                         GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
