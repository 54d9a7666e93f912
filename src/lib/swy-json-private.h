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

char     *_swy_json_write_pretty    (JsonNode         *root,
                                     gsize            *length);

G_END_DECLS
