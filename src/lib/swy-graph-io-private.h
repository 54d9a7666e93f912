/* swy-graph-io-private.h: shared by the graph file reader and writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "swy-graph-io.h"
#include "swy-json-private.h"

G_BEGIN_DECLS

/* Doubles hold integers exactly up to 2^53. */
#define SWY_MAX_EXACT_DOUBLE 9007199254740992.0

extern const char * const _swy_graph_reserved_members[];
extern const char * const _swy_graph_setting_names[];

GPtrArray *_swy_node_file_properties (GType              type);
GPtrArray *_swy_wire_file_properties (void);

SwyGraph  *_swy_graph_load           (JsonNode          *root,
                                      SwyJsonPositions  *positions,
                                      GError           **error);
JsonNode  *_swy_graph_to_json        (SwyGraph          *self);

G_END_DECLS
