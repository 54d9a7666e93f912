/* swy-trace.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include <gio/gio.h>

#include "swy-enums.h"
#include "swy-trace-record.h"
#include "swy-types.h"
#include "swy-version-macros.h"

G_BEGIN_DECLS

#define SWY_TYPE_TRACE (swy_trace_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyTrace, swy_trace, SWY, TRACE, GObject)

SWY_AVAILABLE_IN_ALL
SwyTrace       *swy_trace_new           (void) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
guint           swy_trace_get_capacity  (SwyTrace      *self);
SWY_AVAILABLE_IN_ALL
void            swy_trace_set_capacity  (SwyTrace      *self,
                                         guint          capacity);
SWY_AVAILABLE_IN_ALL
gboolean        swy_trace_get_enabled   (SwyTrace      *self);
SWY_AVAILABLE_IN_ALL
void            swy_trace_set_enabled   (SwyTrace      *self,
                                         gboolean       enabled);
SWY_AVAILABLE_IN_ALL
guint64         swy_trace_get_n_total   (SwyTrace      *self);
SWY_AVAILABLE_IN_ALL
void            swy_trace_clear         (SwyTrace      *self);
SWY_AVAILABLE_IN_ALL
void            swy_trace_flush         (SwyTrace      *self);
SWY_AVAILABLE_IN_ALL
SwyTraceRecord *swy_trace_get_record    (SwyTrace      *self,
                                         guint          position) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
char           *swy_trace_format_jsonl  (SwyTrace      *self,
                                         guint          position) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
gboolean        swy_trace_write_jsonl   (SwyTrace      *self,
                                         GOutputStream *stream,
                                         GCancellable  *cancellable,
                                         GError       **error);
SWY_AVAILABLE_IN_ALL
gboolean        swy_trace_write_chrome  (SwyTrace      *self,
                                         GOutputStream *stream,
                                         GCancellable  *cancellable,
                                         GError       **error);

G_END_DECLS
