/* swy-trace-io.h: trace files: CSV out, JSON lines in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include <gio/gio.h>

#include "swy-trace.h"
#include "swy-types.h"
#include "swy-version-macros.h"

G_BEGIN_DECLS

/**
 * SWY_TRACE_CSV_COLUMNS:
 *
 * The header row of [method@Trace.write_csv], without the line end.
 */
#define SWY_TRACE_CSV_COLUMNS "t_us,kind,event,parent,node,port,wire,topic,depth,reason,payload"

SWY_AVAILABLE_IN_ALL
gboolean swy_trace_write_csv  (SwyTrace      *self,
                               GOutputStream *stream,
                               GCancellable  *cancellable,
                               GError       **error);
SWY_AVAILABLE_IN_ALL
gboolean swy_trace_read_jsonl (SwyTrace      *self,
                               GInputStream  *stream,
                               GCancellable  *cancellable,
                               GError       **error);

G_END_DECLS
