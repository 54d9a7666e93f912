/* swy-trace-query.h: what the trace knows about one event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <swy.h>

G_BEGIN_DECLS

typedef struct
{
  guint64    event_id;
  SwyEvent  *event;              /* NULL when no record of it is left */
  GArray    *records;            /* SwyTraceRecordData, in dispatch order; their events are @event */
  guint      n_records;          /* records found; @records keeps the first max_records */
  gboolean   partial;            /* its oldest records (at least its emission) left the ring */
  GPtrArray *ancestors;          /* SwyEvent: the oldest kept ancestor first, the parent last */
  gboolean   ancestors_complete; /* the chain reaches an event without a parent */
  GPtrArray *children;           /* SwyEvent: events whose parent is this one, by creation */
  GArray    *n_grandchildren;    /* guint per child: the events each child caused */
  guint      n_children;         /* children found; @children keeps the first max_children */
  guint64    trace_first_number; /* number of the oldest record the trace keeps */
  guint      trace_capacity;
} SwyEventHistory;

SwyEventHistory *swy_event_history_new  (SwyTrace        *trace,
                                         guint64          event_id,
                                         guint            max_records,
                                         guint            max_children);
void             swy_event_history_free (SwyEventHistory *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwyEventHistory, swy_event_history_free)

G_END_DECLS
