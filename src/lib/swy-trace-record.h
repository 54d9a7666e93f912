/* swy-trace-record.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include <glib-object.h>

#include "swy-enums.h"
#include "swy-event.h"
#include "swy-types.h"
#include "swy-version-macros.h"

G_BEGIN_DECLS

#define SWY_TYPE_TRACE_RECORD (swy_trace_record_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyTraceRecord, swy_trace_record, SWY, TRACE_RECORD, GObject)

SWY_AVAILABLE_IN_ALL
gint64        swy_trace_record_get_time       (SwyTraceRecord *self);
SWY_AVAILABLE_IN_ALL
SwyTraceKind  swy_trace_record_get_kind       (SwyTraceRecord *self);
SWY_AVAILABLE_IN_ALL
SwyEvent     *swy_trace_record_get_event      (SwyTraceRecord *self);
SWY_AVAILABLE_IN_ALL
guint64       swy_trace_record_get_event_id   (SwyTraceRecord *self);
SWY_AVAILABLE_IN_ALL
guint64       swy_trace_record_get_parent_id  (SwyTraceRecord *self);
SWY_AVAILABLE_IN_ALL
const char   *swy_trace_record_get_node_id    (SwyTraceRecord *self);
SWY_AVAILABLE_IN_ALL
const char   *swy_trace_record_get_from_node_id (SwyTraceRecord *self);
SWY_AVAILABLE_IN_ALL
const char   *swy_trace_record_get_port       (SwyTraceRecord *self);
SWY_AVAILABLE_IN_ALL
int           swy_trace_record_get_wire       (SwyTraceRecord *self);
SWY_AVAILABLE_IN_ALL
guint         swy_trace_record_get_depth      (SwyTraceRecord *self);
SWY_AVAILABLE_IN_ALL
const char   *swy_trace_record_get_reason     (SwyTraceRecord *self);
SWY_AVAILABLE_IN_ALL
const char   *swy_trace_record_get_topic      (SwyTraceRecord *self);
SWY_AVAILABLE_IN_ALL
char         *swy_trace_record_dup_payload_string (SwyTraceRecord *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
