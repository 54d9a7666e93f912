/* fuzz-trace-import.c: libFuzzer target for the JSON lines trace importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "swy-trace-io.h"

/* Any input either fails with a G_IO_ERROR, appending nothing, or is read.
 * A trace that was read writes JSON lines that read back and write the
 * same text; CSV and Chrome output take whatever was read. A small
 * capacity makes long inputs wrap the ring, as recording does. */

#define CAPACITY 16

static char *
write_jsonl (SwyTrace *trace,
             gsize    *length)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  if (!swy_trace_write_jsonl (trace, stream, NULL, &error) ||
      !g_output_stream_close (stream, NULL, &error))
    fuzz_fail ("Writing JSON lines to memory failed: %s", error->message);

  *length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream));

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static void
write_other_formats (SwyTrace *trace)
{
  g_autoptr(GOutputStream) csv = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) chrome = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  if (!swy_trace_write_csv (trace, csv, NULL, &error) ||
      !swy_trace_write_chrome (trace, chrome, NULL, &error))
    fuzz_fail ("Writing CSV or Chrome JSON to memory failed: %s", error->message);
}

static void
check_round_trip (SwyTrace *trace)
{
  g_autoptr(SwyTrace) again = swy_trace_new ();
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gsize length, length_again;

  text = write_jsonl (trace, &length);
  stream = g_memory_input_stream_new_from_data (text, length, NULL);
  swy_trace_set_capacity (again, CAPACITY);
  if (!swy_trace_read_jsonl (again, stream, NULL, &error))
    fuzz_fail ("A written trace does not read: %s\n%.*s", error->message, (int) length, text);

  text_again = write_jsonl (again, &length_again);
  /* An empty stream's data is NULL, which memcmp() must not see. */
  if (length != length_again || (length > 0 && memcmp (text, text_again, length) != 0))
    fuzz_fail ("A written trace writes differently once read:\n%.*s\n---\n%.*s",
               (int) length, text, (int) length_again, text_again);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(SwyTrace) trace = swy_trace_new ();
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  swy_trace_set_capacity (trace, CAPACITY);
  stream = g_memory_input_stream_new_from_data (data, size, NULL);
  if (!swy_trace_read_jsonl (trace, stream, NULL, &error))
    {
      if (error == NULL || error->domain != G_IO_ERROR || error->message[0] == '\0')
        fuzz_fail ("A failed read must say why, in G_IO_ERROR");
      if (swy_trace_get_n_total (trace) != 0)
        fuzz_fail ("A failed read appended records");
      return 0;
    }

  check_round_trip (trace);
  write_other_formats (trace);

  return 0;
}
