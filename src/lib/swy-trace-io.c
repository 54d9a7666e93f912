/* swy-trace-io.c: trace files: CSV out, JSON lines in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "swy-json-private.h"
#include "swy-trace-io.h"
#include "swy-trace-private.h"

/* The trace writer (every format's header, records and footer) lives in
 * swy-trace.c, beside the ring buffer; this file adds the CSV rows, the CSV
 * writer's entry point and the JSON lines reader, which an imported trace
 * (a replay) is made from. */

static const char * const kind_names[] = { "emit", "deliver", "drop" };

static void
ensure_textdomain (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_once_init_leave (&initialized, 1);
    }
}

static const char *
quark_string (GQuark q)
{
  return q ? g_quark_to_string (q) : "";
}

/* CSV */

/* RFC 4180: a field with a comma, a double quote or a line break is
 * enclosed in double quotes, and its double quotes are doubled. */
static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

void
_swy_trace_append_csv_row (GString             *out,
                           const SwyTraceEntry *entry)
{
  g_autofree char *payload = g_variant_print (entry->event->payload, TRUE);

  g_string_append_printf (out, "%" G_GINT64_FORMAT ",%s,%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT ",",
                          entry->t_us, kind_names[entry->kind], entry->event->id, entry->event->parent);
  append_csv_field (out, quark_string (entry->node));
  g_string_append_c (out, ',');
  append_csv_field (out, quark_string (entry->port));
  g_string_append_printf (out, ",%d,", entry->wire);
  append_csv_field (out, quark_string (entry->event->topic));
  g_string_append_printf (out, ",%u,", entry->depth);
  if (entry->kind == SWY_TRACE_KIND_DROP)
    append_csv_field (out, quark_string (entry->reason));
  g_string_append_c (out, ',');
  append_csv_field (out, payload);
  g_string_append (out, "\r\n");
}

/**
 * swy_trace_write_csv:
 * @self: a trace
 * @stream: the stream to write to
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes every record kept, oldest first, as comma-separated values
 * (RFC 4180: lines end in CR LF; a field with a comma, a double quote or a
 * line break is quoted, its double quotes doubled).
 *
 * The first row names the columns, [const@TRACE_CSV_COLUMNS]:
 * `t_us`, `kind`, `event`, `parent`, `node`, `port`, `wire`, `topic`,
 * `depth`, `reason` and `payload`, with the meaning they have in
 * [method@Trace.write_jsonl]. `reason` is empty except for drops. The
 * trace is flushed first.
 *
 * Returns: whether the trace was written
 */
gboolean
swy_trace_write_csv (SwyTrace       *self,
                     GOutputStream  *stream,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_return_val_if_fail (SWY_IS_TRACE (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  return _swy_trace_write_whole (self, SWY_TRACE_FORMAT_CSV, stream, cancellable, error);
}

/* JSON lines */

typedef struct
{
  SwyTraceKind  kind;
  gint64        t_us;
  SwyEvent     *event;
  GQuark        node;
  GQuark        port;
  GQuark        reason;
  int           wire;
  guint         depth;
} PendingRecord;

/* Where an event was first seen, to check that later lines agree. */
typedef struct
{
  SwyEvent *event;
  guint     line;
} SeenEvent;

typedef struct
{
  GArray     *records;   /* of PendingRecord */
  GHashTable *events;    /* guint64 id → SeenEvent */
  guint       line;
  gint64      last_t_us;
  guint       last_line;
} Reader;

static void
seen_event_free (gpointer data)
{
  SeenEvent *seen = data;

  swy_event_unref (seen->event);
  g_free (seen);
}

static void
pending_record_clear (gpointer data)
{
  PendingRecord *record = data;

  g_clear_pointer (&record->event, swy_event_unref);
}

static void G_GNUC_PRINTF (3, 4)
set_line_error (GError     **error,
                guint        line,
                const char  *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: the first %u is a line number of a trace file, the %s what is wrong there */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Line %u: %s"), line, message);
}

static JsonNode *
get_member (Reader      *reader,
            JsonObject  *object,
            const char  *name,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    set_line_error (error, reader->line, _("“%s” is missing"), name);

  return node;
}

static gboolean
get_integer (Reader      *reader,
             JsonObject  *object,
             const char  *name,
             gint64       min,
             gint64       max,
             gint64      *out,
             GError     **error)
{
  JsonNode *node = get_member (reader, object, name, error);

  if (node == NULL)
    return FALSE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      set_line_error (error, reader->line, _("“%s” must be an integer"), name);
      return FALSE;
    }

  *out = json_node_get_int (node);
  if (*out < min || *out > max)
    {
      g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, *out);
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      /* Translators: a member of a trace record, its value, and the range it must be in */
      set_line_error (error, reader->line, _("“%s” is %s, out of range (%s to %s)"),
                      name, value, low, high);
      return FALSE;
    }

  return TRUE;
}

static const char *
get_string (Reader      *reader,
            JsonObject  *object,
            const char  *name,
            GError     **error)
{
  JsonNode *node = get_member (reader, object, name, error);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      set_line_error (error, reader->line, _("“%s” must be a string"), name);
      return NULL;
    }

  return json_node_get_string (node);
}

static gboolean
parse_kind (Reader        *reader,
            JsonObject    *object,
            SwyTraceKind  *kind,
            GError       **error)
{
  const char *text = get_string (reader, object, "kind", error);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (strcmp (text, kind_names[i]) == 0)
      {
        *kind = (SwyTraceKind) i;
        return TRUE;
      }

  set_line_error (error, reader->line, _("“kind” must be “emit”, “deliver” or “drop”, not “%s”"), text);
  return FALSE;
}

static GVariant *
parse_payload (Reader      *reader,
               JsonObject  *object,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *text = get_string (reader, object, "payload", error);
  GVariant *payload;

  if (text == NULL)
    return NULL;

  payload = g_variant_parse (NULL, text, NULL, NULL, &local_error);
  if (payload == NULL)
    {
      const char *detail = local_error->message;
      char *end = NULL;
      guint64 start = g_ascii_strtoull (detail, &end, 10);

      /* GVariant says "START[-END]:DETAIL", counting characters from 0. */
      if (end != detail && *end == '-')
        g_ascii_strtoull (end + 1, &end, 10);
      if (end != detail && *end == ':')
        set_line_error (error, reader->line, _("“payload” is not a GVariant text, at character %u: %s"),
                        (guint) MIN (start + 1, G_MAXUINT), end + 1);
      else
        set_line_error (error, reader->line, _("“payload” is not a GVariant text: %s"), detail);
      return NULL;
    }

  /* g_variant_parse() returns a full, not a floating, reference. */
  return payload;
}

/* One event id is one event: every line that names it must agree on its
 * parent, topic and payload, as the records of a recorded trace do. */
static SwyEvent *
lookup_event (Reader      *reader,
              guint64      id,
              guint64      parent,
              const char  *topic,
              GVariant    *payload,
              gint64       t_us,
              GError     **error)
{
  SeenEvent *seen = g_hash_table_lookup (reader->events, &id);
  g_autofree guint64 *key = NULL;

  if (seen != NULL)
    {
      SwyEvent *event = seen->event;
      g_autofree char *id_text = g_strdup_printf ("%" G_GUINT64_FORMAT, id);

      if (swy_event_get_parent (event) != parent)
        {
          g_autofree char *here = g_strdup_printf ("%" G_GUINT64_FORMAT, parent);
          g_autofree char *there = g_strdup_printf ("%" G_GUINT64_FORMAT, swy_event_get_parent (event));

          set_line_error (error, reader->line, _("event %s has parent %s here but %s on line %u"),
                          id_text, here, there, seen->line);
        }
      else if (strcmp (swy_event_get_topic (event), topic) != 0)
        set_line_error (error, reader->line, _("event %s has topic “%s” here but “%s” on line %u"),
                        id_text, topic, swy_event_get_topic (event), seen->line);
      else if (!g_variant_equal (swy_event_get_payload (event), payload))
        set_line_error (error, reader->line, _("event %s has another payload than on line %u"),
                        id_text, seen->line);
      else
        return swy_event_ref (event);

      return NULL;
    }

  seen = g_new0 (SeenEvent, 1);
  seen->event = swy_event_new (id, topic, payload, t_us, parent);
  seen->line = reader->line;
  key = g_new (guint64, 1);
  *key = id;
  g_hash_table_insert (reader->events, g_steal_pointer (&key), seen);

  return swy_event_ref (seen->event);
}

static gboolean
parse_record (Reader      *reader,
              JsonObject  *object,
              GError     **error)
{
  g_autoptr(GVariant) payload = NULL;
  PendingRecord record = { 0, };
  const char *node, *port, *topic, *reason = NULL;
  gint64 event_id, parent, wire, depth;

  if (!get_integer (reader, object, "t_us", 0, G_MAXINT64, &record.t_us, error) ||
      !parse_kind (reader, object, &record.kind, error) ||
      !get_integer (reader, object, "event", 1, G_MAXINT64, &event_id, error) ||
      !get_integer (reader, object, "parent", 0, G_MAXINT64, &parent, error) ||
      (node = get_string (reader, object, "node", error)) == NULL ||
      (port = get_string (reader, object, "port", error)) == NULL ||
      !get_integer (reader, object, "wire", -1, G_MAXINT32, &wire, error) ||
      (topic = get_string (reader, object, "topic", error)) == NULL ||
      !get_integer (reader, object, "depth", 0, G_MAXUINT16, &depth, error) ||
      (payload = parse_payload (reader, object, error)) == NULL)
    return FALSE;

  if (node[0] == '\0')
    {
      set_line_error (error, reader->line, _("“node” is empty"));
      return FALSE;
    }

  if (record.kind == SWY_TRACE_KIND_DROP)
    {
      reason = get_string (reader, object, "reason", error);
      if (reason == NULL)
        return FALSE;
      if (reason[0] == '\0')
        {
          set_line_error (error, reader->line, _("“reason” is empty"));
          return FALSE;
        }
    }

  /* Records are in dispatch order, and virtual time never goes back. */
  if (reader->records->len > 0 && record.t_us < reader->last_t_us)
    {
      g_autofree char *here = g_strdup_printf ("%" G_GINT64_FORMAT, record.t_us);
      g_autofree char *before = g_strdup_printf ("%" G_GINT64_FORMAT, reader->last_t_us);

      set_line_error (error, reader->line, _("“t_us” goes back in time: %s after %s on line %u"),
                      here, before, reader->last_line);
      return FALSE;
    }

  record.event = lookup_event (reader, (guint64) event_id, (guint64) parent, topic, payload,
                               record.t_us, error);
  if (record.event == NULL)
    return FALSE;

  record.node = g_quark_from_string (node);
  record.port = port[0] != '\0' ? g_quark_from_string (port) : 0;
  record.reason = reason != NULL ? g_quark_from_string (reason) : 0;
  record.wire = (int) wire;
  record.depth = (guint) depth;
  g_array_append_val (reader->records, record);
  reader->last_t_us = record.t_us;
  reader->last_line = reader->line;

  return TRUE;
}

static gboolean
parse_line (Reader      *reader,
            JsonParser  *parser,
            const char  *line,
            gsize        length,
            GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *message = NULL;
  guint column = 0;

  if (!g_utf8_validate (line, length, NULL))
    {
      set_line_error (error, reader->line, _("the text is not UTF-8"));
      return FALSE;
    }

  /* Strict JSON, as graph files: json-glib alone takes a second value
   * after the first (leaking it), comments and nesting deep enough to
   * overflow its recursive parser. */
  root = _swy_json_parse_line (parser, line, length, &column, &message);
  if (message != NULL)
    {
      if (column > 0)
        set_line_error (error, reader->line, _("not JSON, at column %u: %s"), column, message);
      else
        set_line_error (error, reader->line, _("not JSON: %s"), message);
      return FALSE;
    }

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      set_line_error (error, reader->line, _("a record must be a JSON object"));
      return FALSE;
    }

  return parse_record (reader, json_node_get_object (root), error);
}

static gboolean
read_lines (Reader        *reader,
            GInputStream  *stream,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GDataInputStream) data = g_data_input_stream_new (stream);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  guint empty_line = 0;

  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (data), FALSE);
  g_data_input_stream_set_newline_type (data, G_DATA_STREAM_NEWLINE_TYPE_LF);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *line = NULL;
      gsize length = 0;

      line = g_data_input_stream_read_line (data, &length, cancellable, &local_error);
      if (line == NULL)
        {
          if (local_error == NULL)
            return TRUE;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      reader->line++;
      if (length > 0 && line[length - 1] == '\r')
        line[--length] = '\0';

      /* Empty lines may only end the file. */
      if (length == 0)
        {
          if (empty_line == 0)
            empty_line = reader->line;
          continue;
        }
      if (empty_line != 0)
        {
          set_line_error (error, empty_line, _("the line is empty"));
          return FALSE;
        }

      if (!parse_line (reader, parser, line, length, error))
        return FALSE;
    }
}

/**
 * swy_trace_read_jsonl:
 * @self: a trace
 * @stream: the stream to read from
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Reads a trace written by [method@Trace.write_jsonl] (or by
 * `switchyard-run --trace`) and appends its records to @self, in order.
 *
 * Every line is one record, a JSON object with the members the writer
 * writes: `t_us`, `kind`, `event`, `parent`, `node`, `port`, `wire`,
 * `topic`, `depth`, `payload` (a GVariant in the text format of
 * `g_variant_print()`) and, for drops, `reason`. Members the reader does not
 * know are ignored; empty lines may end the file. Lines that name the same
 * event share one [struct@Event], whose creation time is the time of its
 * first record; they must agree on its parent, topic and payload. Times
 * must not decrease from one line to the next.
 *
 * Reading is all or nothing: on an error, in the `G_IO_ERROR` domain, no
 * record is appended, and the message starts with the line number (from 1)
 * and says what is wrong there. Records beyond the trace's capacity
 * overwrite the oldest, as when recording. Recording need not be enabled.
 *
 * Returns: whether the trace was read
 */
gboolean
swy_trace_read_jsonl (SwyTrace      *self,
                      GInputStream  *stream,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GArray) records = NULL;
  g_autoptr(GHashTable) events = NULL;
  Reader reader = { 0, };

  g_return_val_if_fail (SWY_IS_TRACE (self), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ensure_textdomain ();

  records = g_array_new (FALSE, TRUE, sizeof (PendingRecord));
  g_array_set_clear_func (records, pending_record_clear);
  events = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, seen_event_free);
  reader.records = records;
  reader.events = events;

  if (!read_lines (&reader, stream, cancellable, error))
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      PendingRecord *record = &g_array_index (records, PendingRecord, i);

      /* A trace file does not say which node emitted a delivery. */
      _swy_trace_append (self, record->kind, record->t_us, record->event,
                         record->node, record->port, 0, record->wire, record->depth,
                         record->reason);
    }
  swy_trace_flush (self);

  return TRUE;
}
