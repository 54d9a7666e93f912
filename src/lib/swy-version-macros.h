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

/**
 * SWY_VERSION_0_1:
 *
 * A macro that evaluates to the 0.1 version of libswitchyard, in a format
 * that can be used by the C pre-processor.
 */
#define SWY_VERSION_0_1 (G_ENCODE_VERSION (0, 1))

/**
 * SWY_VERSION_MIN_REQUIRED:
 *
 * The oldest libswitchyard version a program means to support. It defaults to
 * the current version.
 */
#ifndef SWY_VERSION_MIN_REQUIRED
# define SWY_VERSION_MIN_REQUIRED SWY_VERSION_0_1
#endif

/**
 * SWY_AVAILABLE_IN_ALL:
 *
 * Marks a symbol as available in every version of libswitchyard.
 */
#define SWY_AVAILABLE_IN_ALL _SWY_EXTERN

/**
 * SWY_AVAILABLE_IN_0_1:
 *
 * Marks a symbol as available since libswitchyard 0.1.
 */
#define SWY_AVAILABLE_IN_0_1 _SWY_EXTERN

/**
 * SWY_DEPRECATED:
 *
 * Marks a symbol as deprecated.
 */
#define SWY_DEPRECATED _SWY_EXTERN G_DEPRECATED

/**
 * SWY_DEPRECATED_FOR:
 * @f: the replacement
 *
 * Marks a symbol as deprecated in favour of @f.
 */
#define SWY_DEPRECATED_FOR(f) _SWY_EXTERN G_DEPRECATED_FOR (f)
