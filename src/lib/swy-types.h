/* swy-types.h: forward declarations shared by the public headers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SwyGraph       SwyGraph;
typedef struct _SwyNode        SwyNode;
typedef struct _SwyPort        SwyPort;
typedef struct _SwyWire        SwyWire;
typedef struct _SwyTrace       SwyTrace;
typedef struct _SwyTraceRecord SwyTraceRecord;
typedef struct _SwyNodeType    SwyNodeType;

G_END_DECLS
