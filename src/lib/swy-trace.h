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

typedef struct _SwyTraceRecordData SwyTraceRecordData;

/**
 * SwyTraceRecordData:
 * @number: the record's sequence number: 0 for the first record appended
 *   since the trace was last cleared, counting those the ring overwrote
 * @time: the virtual time, in microseconds
 * @event: the event, owned by the trace
 * @event_id: the id of the event
 * @parent_id: the id of the event's parent, or 0
 * @topic: the topic of the event
 * @node: the node id: the emitter for an emission, else the node where the
 *   event arrives or is dropped
 * @port: the port name, or 0
 * @from_node: the emitting node of a delivery, or of a drop on a wire;
 *   0 for an emission and for a drop by a node
 * @reason: the drop reason, or 0
 * @wire: the wire index at the time of the record, or -1
 * @depth: the sync nesting level
 * @kind: emission, delivery or drop
 *
 * The fields of one record of a [class@Trace], read without creating a
 * [class@TraceRecord]: see [method@Trace.peek]. Node ids, ports, topics and
 * reasons are quarks, so that a filter compares integers; the strings are
 * `g_quark_to_string()`.
 */
struct _SwyTraceRecordData
{
  guint64       number;
  gint64        time;
  SwyEvent     *event;
  guint64       event_id;
  guint64       parent_id;
  GQuark        topic;
  GQuark        node;
  GQuark        port;
  GQuark        from_node;
  GQuark        reason;
  int           wire;
  guint         depth;
  SwyTraceKind  kind;
};

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
gboolean        swy_trace_peek          (SwyTrace           *self,
                                         guint               position,
                                         SwyTraceRecordData *data);
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
