/* swy.h: the one header of libswitchyard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define _SWY_INSIDE

#include "swy-version.h"
#include "swy-version-macros.h"
#include "swy-main.h"

#undef _SWY_INSIDE

G_END_DECLS
