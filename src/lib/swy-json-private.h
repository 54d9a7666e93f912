/* swy-json-private.h: strict JSON reading with positions, stable pretty writing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Where things are in the text: json-glib's tree keeps no positions, so a
 * lexical pass records the line of each element of the top-level "nodes"
 * and "wires" arrays, for error messages. */
typedef struct
{
  GArray *node_lines;  /* guint, 1-based */
  GArray *wire_lines;
} SwyJsonPositions;

void      _swy_json_positions_clear (SwyJsonPositions *positions);
guint     _swy_json_positions_line  (GArray           *lines,
                                     guint             index);

JsonNode *_swy_json_parse           (const char       *data,
                                     gsize             length,
                                     SwyJsonPositions *positions,
                                     GError          **error);

/* One line of a JSON lines file, as strictly as _swy_json_parse(); the
 * parser is the caller's, to reuse. Returns the root (NULL for a line of
 * white space), or NULL with *message set (free it) and *column (1-based,
 * 0 when unknown). */
JsonNode *_swy_json_parse_line      (JsonParser       *parser,
                                     const char       *data,
                                     gsize             length,
                                     guint            *column,
                                     char            **message);

void      _swy_json_write_string    (GString          *out,
                                     const char       *str);
char     *_swy_json_write_pretty    (JsonNode         *root,
                                     gsize            *length);

G_END_DECLS
