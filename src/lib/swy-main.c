/* swy-main.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "swy.h"

/**
 * swy_get_major_version:
 *
 * Gets the major version of the libswitchyard the program runs with.
 *
 * Returns: the major version
 */
guint
swy_get_major_version (void)
{
  return SWY_MAJOR_VERSION;
}

/**
 * swy_get_minor_version:
 *
 * Gets the minor version of the libswitchyard the program runs with.
 *
 * Returns: the minor version
 */
guint
swy_get_minor_version (void)
{
  return SWY_MINOR_VERSION;
}

/**
 * swy_get_micro_version:
 *
 * Gets the micro version of the libswitchyard the program runs with.
 *
 * Returns: the micro version
 */
guint
swy_get_micro_version (void)
{
  return SWY_MICRO_VERSION;
}
