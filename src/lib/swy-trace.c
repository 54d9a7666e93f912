/* swy-trace.c: a bounded ring buffer of dispatch records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "swy-enum-types.h"
#include "swy-json-private.h"
#include "swy-trace-io.h"
#include "swy-trace-private.h"

/**
 * SwyTrace:
 *
 * The record of a graph's dispatch: one entry per emission, delivery and
 * drop, in dispatch order, kept in a bounded ring buffer.
 *
 * The trace is written at the engine's single dispatch point, never by a
 * second signal handler per port. Records are compact structs; the
 * [iface@Gio.ListModel] implementation creates a [class@TraceRecord] object
 * on demand in `get_item()`.
 *
 * The list model shows the trace as of the last [method@Trace.flush]; the
 * graph flushes at the end of every scheduler batch, so `items-changed` is
 * emitted at most twice per batch (removal of the oldest records when the
 * ring wrapped, then the appended ones), never once per record.
 */

enum {
  PROP_0,
  PROP_CAPACITY,
  PROP_ENABLED,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFAULT_CAPACITY 1000000
#define MIN_ALLOCATION   1024

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SwyTrace, swy_trace, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static const char *kind_names[] = { "emit", "deliver", "drop" };

struct _SwyTraceWriter
{
  SwyTrace       *trace;
  GOutputStream  *stream;
  SwyTraceFormat  format;
  GString        *out;
  guint64         next;      /* the number of the next record to write */
  gboolean        started;   /* the header is written */
  GHashTable     *tids;      /* chrome: node quark → thread id, from 1 */
  GPtrArray      *lanes;     /* chrome: the node names, by thread id - 1 */
  GError         *error;     /* the failure of a write the ring asked for */
};

static void drain (SwyTraceWriter *self);

static inline SwyTraceEntry *
entry_at (SwyTrace *self,
          guint     i)
{
  return &self->ring[(self->head + i) % self->allocated];
}

/* Maps a position of the flushed view to the current ring, or NULL when
 * the record was overwritten since. */
static SwyTraceEntry *
flushed_entry (SwyTrace *self,
               guint     position)
{
  guint64 number = self->flushed_first + position;
  guint64 first = self->n_total - self->length;

  if (position >= self->flushed_length || number < first || number >= self->n_total)
    return NULL;

  return entry_at (self, (guint)(number - first));
}

static GType
swy_trace_get_item_type (GListModel *model)
{
  return SWY_TYPE_TRACE_RECORD;
}

static guint
swy_trace_get_n_items (GListModel *model)
{
  return SWY_TRACE (model)->flushed_length;
}

static gpointer
swy_trace_get_item (GListModel *model,
                    guint       position)
{
  SwyTraceEntry *entry = flushed_entry (SWY_TRACE (model), position);

  return entry ? _swy_trace_record_new (entry) : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = swy_trace_get_item_type;
  iface->get_n_items = swy_trace_get_n_items;
  iface->get_item = swy_trace_get_item;
}

static void
release_all (SwyTrace *self)
{
  for (guint i = 0; i < self->length; i++)
    g_clear_pointer (&entry_at (self, i)->event, swy_event_unref);

  g_clear_pointer (&self->ring, g_free);
  self->allocated = 0;
  self->head = 0;
  self->length = 0;
}

static void
swy_trace_finalize (GObject *object)
{
  release_all (SWY_TRACE (object));

  G_OBJECT_CLASS (swy_trace_parent_class)->finalize (object);
}

static void
swy_trace_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SwyTrace *self = SWY_TRACE (object);

  switch (prop_id)
    {
    case PROP_CAPACITY:
      g_value_set_uint (value, swy_trace_get_capacity (self));
      break;

    case PROP_ENABLED:
      g_value_set_boolean (value, swy_trace_get_enabled (self));
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->flushed_length);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_trace_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SwyTrace *self = SWY_TRACE (object);

  switch (prop_id)
    {
    case PROP_CAPACITY:
      swy_trace_set_capacity (self, g_value_get_uint (value));
      break;

    case PROP_ENABLED:
      swy_trace_set_enabled (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_trace_class_init (SwyTraceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = swy_trace_finalize;
  object_class->get_property = swy_trace_get_property;
  object_class->set_property = swy_trace_set_property;

  /**
   * SwyTrace:capacity:
   *
   * The most records kept; the oldest are overwritten beyond it.
   */
  properties[PROP_CAPACITY] =
    g_param_spec_uint ("capacity", NULL, NULL,
                       1, G_MAXINT32, DEFAULT_CAPACITY,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyTrace:enabled:
   *
   * Whether dispatch is recorded. Disable it for benchmarks.
   */
  properties[PROP_ENABLED] =
    g_param_spec_boolean ("enabled", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyTrace:n-items:
   *
   * The number of records in the list model.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_trace_init (SwyTrace *self)
{
  self->capacity = DEFAULT_CAPACITY;
  self->enabled = TRUE;
}

/**
 * swy_trace_new:
 *
 * Creates an empty trace. Graphs create their own; see [method@Graph.get_trace].
 *
 * Returns: (transfer full): a new trace
 */
SwyTrace *
swy_trace_new (void)
{
  return g_object_new (SWY_TYPE_TRACE, NULL);
}

void
_swy_trace_append (SwyTrace     *self,
                   SwyTraceKind  kind,
                   gint64        t_us,
                   SwyEvent     *event,
                   GQuark        node,
                   GQuark        port,
                   GQuark        from,
                   int           wire,
                   guint         depth,
                   GQuark        reason)
{
  SwyTraceEntry *entry;

  if (self->length < self->capacity)
    {
      if (self->length == self->allocated)
        {
          /* Only grows before the ring first wraps, so head is 0 here. */
          g_assert (self->head == 0);
          self->allocated = MIN (self->capacity, MAX (MIN_ALLOCATION, self->allocated * 2));
          self->ring = g_renew (SwyTraceEntry, self->ring, self->allocated);
        }
      entry = entry_at (self, self->length);
      self->length++;
    }
  else
    {
      if (G_UNLIKELY (self->writer != NULL) && self->writer->next <= self->n_total - self->length)
        drain (self->writer);
      entry = entry_at (self, 0);
      swy_event_unref (entry->event);
      self->head = (self->head + 1) % self->allocated;
    }

  entry->t_us = t_us;
  entry->event = swy_event_ref (event);
  entry->node = node;
  entry->port = port;
  entry->reason = reason;
  entry->from = from;
  entry->wire = wire;
  entry->depth = MIN (depth, G_MAXUINT16);
  entry->kind = kind;
  self->n_total++;
}

/**
 * swy_trace_flush:
 * @self: a trace
 *
 * Publishes the records appended since the last flush to the list model,
 * with at most two `items-changed` emissions.
 */
void
swy_trace_flush (SwyTrace *self)
{
  guint64 first = self->n_total - self->length;
  guint old_length = self->flushed_length;
  guint removed;

  g_return_if_fail (SWY_IS_TRACE (self));

  if (self->flushed_first == first && self->flushed_length == self->length)
    return;

  removed = (guint)MIN ((guint64)old_length, first - MIN (first, self->flushed_first));
  if (first < self->flushed_first)
    removed = old_length;  /* cleared */

  self->flushed_first = first;
  self->flushed_length = self->length;

  if (removed >= old_length)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_length, self->length);
    }
  else
    {
      guint kept = old_length - removed;

      if (removed > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
      if (self->length > kept)
        g_list_model_items_changed (G_LIST_MODEL (self), kept, 0, self->length - kept);
    }

  if (old_length != self->length)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/**
 * swy_trace_clear:
 * @self: a trace
 *
 * Removes every record.
 */
void
swy_trace_clear (SwyTrace *self)
{
  g_return_if_fail (SWY_IS_TRACE (self));

  release_all (self);
  self->n_total = 0;
  self->flushed_first = 0;
  if (self->flushed_length > 0)
    {
      guint old_length = self->flushed_length;

      self->flushed_length = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_length, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
}

/**
 * swy_trace_get_capacity:
 * @self: a trace
 *
 * Gets the most records kept.
 *
 * Returns: the capacity
 */
guint
swy_trace_get_capacity (SwyTrace *self)
{
  g_return_val_if_fail (SWY_IS_TRACE (self), 0);

  return self->capacity;
}

/**
 * swy_trace_set_capacity:
 * @self: a trace
 * @capacity: the most records kept, at least 1
 *
 * Sets the most records kept. Changing it clears the trace.
 */
void
swy_trace_set_capacity (SwyTrace *self,
                        guint     capacity)
{
  g_return_if_fail (SWY_IS_TRACE (self));
  g_return_if_fail (capacity >= 1 && capacity <= G_MAXINT32);

  if (self->capacity != capacity)
    {
      swy_trace_clear (self);
      self->capacity = capacity;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPACITY]);
    }
}

/**
 * swy_trace_get_enabled:
 * @self: a trace
 *
 * Gets whether dispatch is recorded.
 *
 * Returns: whether the trace records
 */
gboolean
swy_trace_get_enabled (SwyTrace *self)
{
  g_return_val_if_fail (SWY_IS_TRACE (self), FALSE);

  return self->enabled;
}

/**
 * swy_trace_set_enabled:
 * @self: a trace
 * @enabled: whether to record
 *
 * Turns recording on or off. Existing records are kept.
 */
void
swy_trace_set_enabled (SwyTrace *self,
                       gboolean  enabled)
{
  g_return_if_fail (SWY_IS_TRACE (self));

  enabled = !!enabled;
  if (self->enabled != enabled)
    {
      self->enabled = enabled;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENABLED]);
    }
}

/**
 * swy_trace_get_n_total:
 * @self: a trace
 *
 * Gets the number of records appended since the trace was cleared,
 * including those the ring buffer overwrote.
 *
 * Returns: the count
 */
guint64
swy_trace_get_n_total (SwyTrace *self)
{
  g_return_val_if_fail (SWY_IS_TRACE (self), 0);

  return self->n_total;
}

/**
 * swy_trace_get_record:
 * @self: a trace
 * @position: a position in the list model
 *
 * Gets a record, like `g_list_model_get_item()`.
 *
 * Returns: (transfer full) (nullable): the record, or `NULL`
 */
SwyTraceRecord *
swy_trace_get_record (SwyTrace *self,
                      guint     position)
{
  g_return_val_if_fail (SWY_IS_TRACE (self), NULL);

  return swy_trace_get_item (G_LIST_MODEL (self), position);
}

/**
 * swy_trace_peek:
 * @self: a trace
 * @position: a position in the list model
 * @data: (out caller-allocates): the record's fields
 *
 * Reads one record of the list model without creating a
 * [class@TraceRecord] object, for views that scan many records: a filter
 * over a million records, a search for the records of one event.
 *
 * The event in @data belongs to the trace: take a reference to keep it
 * beyond the next change of the trace.
 *
 * Returns: whether @position is in the list model; if not, @data is
 *   left untouched
 */
gboolean
swy_trace_peek (SwyTrace           *self,
                guint               position,
                SwyTraceRecordData *data)
{
  const SwyTraceEntry *entry;

  g_return_val_if_fail (SWY_IS_TRACE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  entry = flushed_entry (self, position);
  if (entry == NULL)
    return FALSE;

  data->number = self->flushed_first + position;
  data->time = entry->t_us;
  data->event = entry->event;
  data->event_id = entry->event->id;
  data->parent_id = entry->event->parent;
  data->topic = entry->event->topic;
  data->node = entry->node;
  data->port = entry->port;
  data->from_node = entry->from;
  data->reason = entry->reason;
  data->wire = entry->wire;
  data->depth = entry->depth;
  data->kind = entry->kind;

  return TRUE;
}

static const char *
quark_string (GQuark q)
{
  return q ? g_quark_to_string (q) : "";
}

static void
append_jsonl (GString             *out,
              const SwyTraceEntry *entry)
{
  g_autofree char *payload = g_variant_print (entry->event->payload, TRUE);

  g_string_append_printf (out,
                          "{\"t_us\":%" G_GINT64_FORMAT ",\"kind\":\"%s\",\"event\":%" G_GUINT64_FORMAT
                          ",\"parent\":%" G_GUINT64_FORMAT ",\"node\":",
                          entry->t_us, kind_names[entry->kind], entry->event->id, entry->event->parent);
  _swy_json_write_string (out, quark_string (entry->node));
  g_string_append (out, ",\"port\":");
  _swy_json_write_string (out, quark_string (entry->port));
  g_string_append_printf (out, ",\"wire\":%d,\"topic\":", entry->wire);
  _swy_json_write_string (out, quark_string (entry->event->topic));
  g_string_append_printf (out, ",\"depth\":%u,\"payload\":", entry->depth);
  _swy_json_write_string (out, payload);
  if (entry->kind == SWY_TRACE_KIND_DROP)
    {
      g_string_append (out, ",\"reason\":");
      _swy_json_write_string (out, quark_string (entry->reason));
    }
  g_string_append_c (out, '}');
}

/**
 * swy_trace_format_jsonl:
 * @self: a trace
 * @position: a position in the list model
 *
 * Formats one record as a line of the JSON lines trace, without the newline.
 *
 * Returns: (transfer full) (nullable): the line, or `NULL`
 */
char *
swy_trace_format_jsonl (SwyTrace *self,
                        guint     position)
{
  SwyTraceEntry *entry;
  GString *out;

  g_return_val_if_fail (SWY_IS_TRACE (self), NULL);

  entry = flushed_entry (self, position);
  if (entry == NULL)
    return NULL;

  out = g_string_new (NULL);
  append_jsonl (out, entry);

  return g_string_free (out, FALSE);
}

/* Writes @out to @stream and empties it once it holds a chunk's worth, or
 * at once with @force: the trace writers build text in memory a chunk at a
 * time. */
static gboolean
write_chunk (GOutputStream  *stream,
             GString        *out,
             gboolean        force,
             GCancellable   *cancellable,
             GError        **error)
{
  if (out->len == 0 || (!force && out->len < WRITE_CHUNK))
    return TRUE;

  if (!g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error))
    return FALSE;

  g_string_truncate (out, 0);

  return TRUE;
}

/* The writer: every format's header, records and footer */

SwyTraceWriter *
_swy_trace_writer_new (SwyTrace       *trace,
                       SwyTraceFormat  format,
                       GOutputStream  *stream)
{
  SwyTraceWriter *self = g_new0 (SwyTraceWriter, 1);

  self->trace = g_object_ref (trace);
  self->stream = g_object_ref (stream);
  self->format = format;
  self->out = g_string_sized_new (WRITE_CHUNK + 1024);
  self->next = trace->n_total - trace->length;
  self->tids = g_hash_table_new (NULL, NULL);
  self->lanes = g_ptr_array_new ();

  return self;
}

void
_swy_trace_writer_free (SwyTraceWriter *self)
{
  if (self->trace->writer == self)
    self->trace->writer = NULL;

  g_clear_object (&self->trace);
  g_clear_object (&self->stream);
  g_string_free (self->out, TRUE);
  g_hash_table_unref (self->tids);
  g_ptr_array_unref (self->lanes);
  g_clear_error (&self->error);
  g_free (self);
}

static void
append_header (SwyTraceWriter *self)
{
  switch (self->format)
    {
    case SWY_TRACE_FORMAT_CSV:
      g_string_append (self->out, SWY_TRACE_CSV_COLUMNS "\r\n");
      break;

    case SWY_TRACE_FORMAT_CHROME:
      g_string_append (self->out, "{\"traceEvents\":[\n"
                                  "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"tid\":0,"
                                  "\"args\":{\"name\":\"Switchyard\"}}");
      break;

    case SWY_TRACE_FORMAT_JSONL:
    default:
      break;
    }
}

/* Each node is one thread of the Trace Event Format, numbered in the order
 * the nodes first appear. */
static void
append_chrome (SwyTraceWriter      *self,
               const SwyTraceEntry *entry)
{
  GString *out = self->out;
  g_autofree char *payload = g_variant_print (entry->event->payload, TRUE);
  guint tid = GPOINTER_TO_UINT (g_hash_table_lookup (self->tids, GUINT_TO_POINTER (entry->node)));
  const char *topic = quark_string (entry->event->topic);
  g_autofree char *name = NULL;

  if (tid == 0)
    {
      g_ptr_array_add (self->lanes, (gpointer)quark_string (entry->node));
      tid = self->lanes->len;
      g_hash_table_insert (self->tids, GUINT_TO_POINTER (entry->node), GUINT_TO_POINTER (tid));
    }

  if (entry->kind == SWY_TRACE_KIND_DROP)
    name = g_strdup_printf ("drop %s (%s)", topic, quark_string (entry->reason));
  else
    name = g_strdup_printf ("%s %s", kind_names[entry->kind], topic);

  g_string_append (out, ",\n{\"name\":");
  _swy_json_write_string (out, name);
  g_string_append_printf (out, ",\"cat\":\"%s\"", kind_names[entry->kind]);
  if (entry->kind == SWY_TRACE_KIND_DELIVER)
    g_string_append (out, ",\"ph\":\"X\",\"dur\":0");
  else
    g_string_append (out, ",\"ph\":\"i\",\"s\":\"t\"");
  g_string_append_printf (out,
                          ",\"ts\":%" G_GINT64_FORMAT ",\"pid\":1,\"tid\":%u,"
                          "\"args\":{\"event\":%" G_GUINT64_FORMAT ",\"parent\":%" G_GUINT64_FORMAT
                          ",\"port\":",
                          entry->t_us, tid, entry->event->id, entry->event->parent);
  _swy_json_write_string (out, quark_string (entry->port));
  g_string_append_printf (out, ",\"wire\":%d,\"depth\":%u,\"topic\":", entry->wire, entry->depth);
  _swy_json_write_string (out, topic);
  g_string_append (out, ",\"payload\":");
  _swy_json_write_string (out, payload);
  if (entry->kind == SWY_TRACE_KIND_DROP)
    {
      g_string_append (out, ",\"reason\":");
      _swy_json_write_string (out, quark_string (entry->reason));
    }
  g_string_append (out, "}}");
}

static void
append_record (SwyTraceWriter      *self,
               const SwyTraceEntry *entry)
{
  switch (self->format)
    {
    case SWY_TRACE_FORMAT_CSV:
      _swy_trace_append_csv_row (self->out, entry);
      break;

    case SWY_TRACE_FORMAT_CHROME:
      append_chrome (self, entry);
      break;

    case SWY_TRACE_FORMAT_JSONL:
    default:
      append_jsonl (self->out, entry);
      g_string_append_c (self->out, '\n');
      break;
    }
}

static void
append_footer (SwyTraceWriter *self)
{
  if (self->format != SWY_TRACE_FORMAT_CHROME)
    return;

  /* The threads' names: metadata events, which may come in any order. */
  for (guint i = 0; i < self->lanes->len; i++)
    {
      g_string_append_printf (self->out, ",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,"
                                         "\"tid\":%u,\"args\":{\"name\":", i + 1);
      _swy_json_write_string (self->out, g_ptr_array_index (self->lanes, i));
      g_string_append (self->out, "}}");
    }

  g_string_append (self->out, "\n],\"displayTimeUnit\":\"ms\"}\n");
}

/* Writes the header if it was not yet, then the records appended since the
 * last write, and empties the buffer. A record the ring no longer holds
 * cannot be written: the writer starts again at the oldest one kept (the
 * trace was cleared, or the writer did not follow it). */
static gboolean
write_pending (SwyTraceWriter  *self,
               GCancellable    *cancellable,
               GError         **error)
{
  SwyTrace *trace = self->trace;
  guint64 first = trace->n_total - trace->length;

  if (self->next < first || self->next > trace->n_total)
    self->next = first;

  if (!self->started)
    {
      append_header (self);
      self->started = TRUE;
    }

  for (; self->next < trace->n_total; self->next++)
    {
      append_record (self, entry_at (trace, (guint)(self->next - first)));
      if (!write_chunk (self->stream, self->out, FALSE, cancellable, error))
        {
          self->next = trace->n_total;
          return FALSE;
        }
    }

  return write_chunk (self->stream, self->out, TRUE, cancellable, error);
}

/* Called by _swy_trace_append() when the ring is full and its oldest
 * record has not been written. A failure is kept for the next
 * _swy_trace_writer_write(); the records are forgotten unwritten from then
 * on, since the file is no good any more. */
static void
drain (SwyTraceWriter *self)
{
  if (self->error == NULL)
    write_pending (self, NULL, &self->error);
  else
    self->next = self->trace->n_total;
}

/* From now on, a record the writer has not written is written before the
 * ring overwrites it: nothing is lost however many records a batch adds,
 * and the ring's capacity bounds the memory the trace needs. */
void
_swy_trace_writer_follow (SwyTraceWriter *self)
{
  g_return_if_fail (self->trace->writer == NULL || self->trace->writer == self);

  self->trace->writer = self;
}

/* Writes the records appended since the last write (the header first, on
 * the first write). Fails with the first error of any earlier write. */
gboolean
_swy_trace_writer_write (SwyTraceWriter  *self,
                         GCancellable    *cancellable,
                         GError         **error)
{
  if (self->error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }

  if (!write_pending (self, cancellable, &self->error))
    {
      g_propagate_error (error, g_error_copy (self->error));
      return FALSE;
    }

  return TRUE;
}

/* Writes what is left and ends the document: the file is complete. The
 * stream is not closed. */
gboolean
_swy_trace_writer_finish (SwyTraceWriter  *self,
                          GCancellable    *cancellable,
                          GError         **error)
{
  if (!_swy_trace_writer_write (self, cancellable, error))
    return FALSE;

  append_footer (self);

  return write_chunk (self->stream, self->out, TRUE, cancellable, error);
}

/* What the public writers share: the whole trace kept, in one go. */
gboolean
_swy_trace_write_whole (SwyTrace        *self,
             SwyTraceFormat   format,
             GOutputStream   *stream,
             GCancellable    *cancellable,
             GError         **error)
{
  g_autoptr(SwyTraceWriter) writer = NULL;

  swy_trace_flush (self);

  writer = _swy_trace_writer_new (self, format, stream);

  return _swy_trace_writer_finish (writer, cancellable, error);
}

/**
 * swy_trace_write_jsonl:
 * @self: a trace
 * @stream: the stream to write to
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes every record kept, oldest first, one JSON object per line:
 * `t_us`, `kind`, `event`, `parent`, `node`, `port`, `wire`, `topic`,
 * `depth`, `payload` (the payload printed with `g_variant_print()`), and
 * `reason` for drops. The trace is flushed first.
 *
 * Returns: whether the trace was written
 */
gboolean
swy_trace_write_jsonl (SwyTrace       *self,
                       GOutputStream  *stream,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_return_val_if_fail (SWY_IS_TRACE (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  return _swy_trace_write_whole (self, SWY_TRACE_FORMAT_JSONL, stream, cancellable, error);
}

/**
 * swy_trace_write_chrome:
 * @self: a trace
 * @stream: the stream to write to
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes every record kept in the Trace Event Format that Perfetto and
 * `chrome://tracing` open: `{"traceEvents":[...],"displayTimeUnit":"ms"}`.
 * Each node is one thread (`tid`, named by a `thread_name` metadata event);
 * emissions and drops are instant events, deliveries are complete events.
 * Timestamps are microseconds of virtual time.
 *
 * Returns: whether the trace was written
 */
gboolean
swy_trace_write_chrome (SwyTrace       *self,
                        GOutputStream  *stream,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_return_val_if_fail (SWY_IS_TRACE (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  return _swy_trace_write_whole (self, SWY_TRACE_FORMAT_CHROME, stream, cancellable, error);
}
