/* swy-trace-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "swy-event-private.h"
#include "swy-trace.h"

G_BEGIN_DECLS

/* One compact record of the ring buffer. The event reference gives the id,
 * parent, topic and payload when the record is read. */
typedef struct
{
  gint64    t_us;
  SwyEvent *event;
  GQuark    node;
  GQuark    port;
  GQuark    reason;
  GQuark    from;     /* the emitting node of a delivery or of a drop on a wire */
  gint32    wire;
  guint16   depth;
  guint8    kind;
} SwyTraceEntry;

/* The emitter fits in what was padding: a record stays 40 bytes. */
G_STATIC_ASSERT (sizeof (gpointer) != 8 || sizeof (SwyTraceEntry) == 40);

typedef struct _SwyTraceWriter SwyTraceWriter;

struct _SwyTrace
{
  GObject        parent_instance;

  SwyTraceEntry *ring;
  guint          allocated;
  guint          capacity;
  guint          head;        /* index of the oldest record */
  guint          length;
  guint64        n_total;     /* records ever appended: the next one's number */
  /* The list model shows the records as of the last flush, so that
   * items-changed is emitted once per batch, not once per record. */
  guint64        flushed_first;
  guint          flushed_length;
  gboolean       enabled;
  /* A streaming writer (_swy_trace_writer_follow()), or NULL: it writes
   * the records it has not written yet before the ring overwrites one. */
  SwyTraceWriter *writer;
};

void _swy_trace_append       (SwyTrace     *self,
                              SwyTraceKind  kind,
                              gint64        t_us,
                              SwyEvent     *event,
                              GQuark        node,
                              GQuark        port,
                              GQuark        from,
                              int           wire,
                              guint         depth,
                              GQuark        reason);

static inline gboolean
_swy_trace_is_enabled (SwyTrace *self)
{
  return self->enabled;
}

SwyTraceRecord *_swy_trace_record_new (const SwyTraceEntry *entry);

/* The trace writers' buffer size: text is built in memory and written a chunk at a time. */
#define WRITE_CHUNK 65536

typedef enum
{
  SWY_TRACE_FORMAT_JSONL,
  SWY_TRACE_FORMAT_CSV,
  SWY_TRACE_FORMAT_CHROME,
} SwyTraceFormat;

/* One writer makes every trace file, in one of the three formats: the
 * public whole-trace writers (swy_trace_write_jsonl() and the others) write
 * the records kept in one go; switchyard-run streams a long run through it,
 * a batch at a time, with the same bytes as a result. */
SwyTraceWriter *_swy_trace_writer_new    (SwyTrace        *trace,
                                          SwyTraceFormat   format,
                                          GOutputStream   *stream);
void            _swy_trace_writer_free   (SwyTraceWriter  *self);
void            _swy_trace_writer_follow (SwyTraceWriter  *self);
gboolean        _swy_trace_writer_write  (SwyTraceWriter  *self,
                                          GCancellable    *cancellable,
                                          GError         **error);
gboolean        _swy_trace_writer_finish (SwyTraceWriter  *self,
                                          GCancellable    *cancellable,
                                          GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwyTraceWriter, _swy_trace_writer_free)

gboolean _swy_trace_write_whole (SwyTrace        *self,
                                 SwyTraceFormat   format,
                                 GOutputStream   *stream,
                                 GCancellable    *cancellable,
                                 GError         **error);

void _swy_trace_append_csv_row (GString             *out,
                                const SwyTraceEntry *entry);

G_END_DECLS
