/* swy-port.h
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

#define SWY_TYPE_PORT (swy_port_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyPort, swy_port, SWY, PORT, GObject)

SWY_AVAILABLE_IN_ALL
const char       *swy_port_get_name      (SwyPort *self);
SWY_AVAILABLE_IN_ALL
SwyPortDirection  swy_port_get_direction (SwyPort *self);
SWY_AVAILABLE_IN_ALL
SwyNode          *swy_port_get_node      (SwyPort *self);
SWY_AVAILABLE_IN_ALL
char             *swy_port_dup_address   (SwyPort *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
