/* swy-main.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include <glib.h>

#include "swy-version-macros.h"

G_BEGIN_DECLS

SWY_AVAILABLE_IN_ALL
guint swy_get_major_version (void) G_GNUC_CONST;
SWY_AVAILABLE_IN_ALL
guint swy_get_minor_version (void) G_GNUC_CONST;
SWY_AVAILABLE_IN_ALL
guint swy_get_micro_version (void) G_GNUC_CONST;

G_END_DECLS
