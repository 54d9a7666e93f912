/* swy-version-macros.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include <glib.h>

#include "swy-version.h"

#ifndef _SWY_EXTERN
# define _SWY_EXTERN extern
#endif

#define SWY_VERSION_0_1 (G_ENCODE_VERSION (0, 1))

#ifndef SWY_VERSION_MIN_REQUIRED
# define SWY_VERSION_MIN_REQUIRED SWY_VERSION_0_1
#endif

#define SWY_AVAILABLE_IN_ALL _SWY_EXTERN
#define SWY_AVAILABLE_IN_0_1 _SWY_EXTERN

#define SWY_DEPRECATED _SWY_EXTERN G_DEPRECATED
#define SWY_DEPRECATED_FOR(f) _SWY_EXTERN G_DEPRECATED_FOR (f)
