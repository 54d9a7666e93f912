/* swy-graph-io.h: reading and writing graph files (.swy)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include <gio/gio.h>

#include "swy-graph.h"
#include "swy-types.h"
#include "swy-version-macros.h"

G_BEGIN_DECLS

/**
 * SWY_GRAPH_FILE_VERSION:
 *
 * The newest version of the graph file format this library reads, and the
 * version it writes.
 */
#define SWY_GRAPH_FILE_VERSION 1

/**
 * SWY_GRAPH_ERROR:
 *
 * The error domain of graph files. Errors in this domain are from the
 * [error@GraphError] enumeration.
 */
#define SWY_GRAPH_ERROR (swy_graph_error_quark ())

/**
 * SwyGraphError:
 * @SWY_GRAPH_ERROR_SYNTAX: the text is not JSON: a syntax error, text that
 *   is not UTF-8, an empty file, a duplicate key, a number too large, or
 *   nesting too deep; the message gives the line and column
 * @SWY_GRAPH_ERROR_NOT_A_GRAPH: the top level is not an object, or its
 *   `format` is missing or not `"switchyard"`
 * @SWY_GRAPH_ERROR_VERSION: the `version` is missing, not a positive
 *   integer, or newer than [const@GRAPH_FILE_VERSION]
 * @SWY_GRAPH_ERROR_INVALID: a member has the wrong shape, such as `nodes`
 *   that is not an array or a node that is not an object
 * @SWY_GRAPH_ERROR_UNKNOWN_TYPE: a node's `type` is not in the catalog
 * @SWY_GRAPH_ERROR_INVALID_ID: a node's `id` is missing, not a string, or empty
 * @SWY_GRAPH_ERROR_DUPLICATE_ID: two nodes have the same `id`
 * @SWY_GRAPH_ERROR_DANGLING_WIRE: a wire's `from` or `to` names a node
 *   that does not exist
 * @SWY_GRAPH_ERROR_BAD_PORT: a wire's `from` or `to` is missing, is not a
 *   `node:port` address, names a port the node does not have, or names an
 *   input where an output is needed (or the reverse)
 * @SWY_GRAPH_ERROR_UNKNOWN_PROPERTY: a node property, wire option, setting
 *   or member of a node or wire object that this version does not know
 * @SWY_GRAPH_ERROR_PROPERTY_TYPE: a value of the wrong JSON type, such as
 *   a string for a number, or a fraction for an integer
 * @SWY_GRAPH_ERROR_OUT_OF_RANGE: a number outside the range of its property
 * @SWY_GRAPH_ERROR_INVALID_VALUE: a value of the right type that is not
 *   allowed, such as an unknown wire `mode` or a malformed subscription
 *
 * The ways loading a graph file can fail. Every message names the place:
 * a line and column, a node (index and id, with the line where it starts),
 * a wire (index, with its line) or a top-level member. Indices count from
 * 0, in file order, as the trace's `wire` field does.
 */
typedef enum
{
  SWY_GRAPH_ERROR_SYNTAX,
  SWY_GRAPH_ERROR_NOT_A_GRAPH,
  SWY_GRAPH_ERROR_VERSION,
  SWY_GRAPH_ERROR_INVALID,
  SWY_GRAPH_ERROR_UNKNOWN_TYPE,
  SWY_GRAPH_ERROR_INVALID_ID,
  SWY_GRAPH_ERROR_DUPLICATE_ID,
  SWY_GRAPH_ERROR_DANGLING_WIRE,
  SWY_GRAPH_ERROR_BAD_PORT,
  SWY_GRAPH_ERROR_UNKNOWN_PROPERTY,
  SWY_GRAPH_ERROR_PROPERTY_TYPE,
  SWY_GRAPH_ERROR_OUT_OF_RANGE,
  SWY_GRAPH_ERROR_INVALID_VALUE,
} SwyGraphError;

SWY_AVAILABLE_IN_ALL
GQuark    swy_graph_error_quark     (void) G_GNUC_CONST;

SWY_AVAILABLE_IN_ALL
SwyGraph *swy_graph_new_from_data   (const char    *data,
                                     gssize         length,
                                     GError       **error) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
SwyGraph *swy_graph_new_from_file   (GFile         *file,
                                     GCancellable  *cancellable,
                                     GError       **error) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
char     *swy_graph_save_to_data    (SwyGraph      *self,
                                     gsize         *length) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
gboolean  swy_graph_save_to_file    (SwyGraph      *self,
                                     GFile         *file,
                                     GCancellable  *cancellable,
                                     GError       **error);
SWY_AVAILABLE_IN_ALL
char     *swy_graph_format_stats    (SwyGraph      *self,
                                     gsize         *length) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
