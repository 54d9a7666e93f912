/* swy-enums.h: the enumerations of libswitchyard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include <glib-object.h>

#include "swy-version-macros.h"

G_BEGIN_DECLS

/**
 * SwyPortDirection:
 * @SWY_PORT_DIRECTION_INPUT: the port receives events
 * @SWY_PORT_DIRECTION_OUTPUT: the port emits events
 *
 * Which way events cross a [class@Port].
 */
typedef enum
{
  SWY_PORT_DIRECTION_INPUT,
  SWY_PORT_DIRECTION_OUTPUT,
} SwyPortDirection;

/**
 * SwyWireMode:
 * @SWY_WIRE_MODE_SYNC: the target handles the event inside the emission
 * @SWY_WIRE_MODE_QUEUED: the delivery is scheduled on the main loop
 *
 * How a [class@Wire] delivers.
 */
typedef enum
{
  SWY_WIRE_MODE_SYNC,
  SWY_WIRE_MODE_QUEUED,
} SwyWireMode;

/**
 * SwyPriority:
 * @SWY_PRIORITY_HIGH: runs before other items due at the same time (`G_PRIORITY_HIGH`)
 * @SWY_PRIORITY_DEFAULT: the usual priority (`G_PRIORITY_DEFAULT`)
 * @SWY_PRIORITY_IDLE: runs after other items due at the same time (`G_PRIORITY_DEFAULT_IDLE`)
 *
 * The priority of a queued delivery among the items due at the same virtual time.
 */
typedef enum
{
  SWY_PRIORITY_HIGH,
  SWY_PRIORITY_DEFAULT,
  SWY_PRIORITY_IDLE,
} SwyPriority;

/**
 * SwyTraceKind:
 * @SWY_TRACE_KIND_EMIT: a node emitted an event on an output port
 * @SWY_TRACE_KIND_DELIVER: an event arrived on an input port
 * @SWY_TRACE_KIND_DROP: an event was dropped, with a reason
 *
 * The kind of a [class@TraceRecord].
 */
typedef enum
{
  SWY_TRACE_KIND_EMIT,
  SWY_TRACE_KIND_DELIVER,
  SWY_TRACE_KIND_DROP,
} SwyTraceKind;

/**
 * SwyNodeCategory:
 * @SWY_NODE_CATEGORY_PRODUCER: the node creates events
 * @SWY_NODE_CATEGORY_ROUTING: the node forwards, transforms or holds events
 * @SWY_NODE_CATEGORY_CONSUMER: the node ends the flow
 *
 * The role of a node type in the catalog.
 */
typedef enum
{
  SWY_NODE_CATEGORY_PRODUCER,
  SWY_NODE_CATEGORY_ROUTING,
  SWY_NODE_CATEGORY_CONSUMER,
} SwyNodeCategory;

/**
 * SwyOverflow:
 * @SWY_OVERFLOW_DROP_NEWEST: a full queue drops the arriving event
 * @SWY_OVERFLOW_DROP_OLDEST: a full queue drops its head to make room
 *
 * What a full [class@QueueNode] does.
 */
typedef enum
{
  SWY_OVERFLOW_DROP_NEWEST, /*< nick=drop-newest >*/
  SWY_OVERFLOW_DROP_OLDEST, /*< nick=drop-oldest >*/
} SwyOverflow;

/**
 * SwyFilterOp:
 * @SWY_FILTER_OP_NONE: no field test
 * @SWY_FILTER_OP_EQ: field equals the operand
 * @SWY_FILTER_OP_NE: field differs from the operand
 * @SWY_FILTER_OP_LT: field is less than the operand
 * @SWY_FILTER_OP_LE: field is less than or equal to the operand
 * @SWY_FILTER_OP_GT: field is greater than the operand
 * @SWY_FILTER_OP_GE: field is greater than or equal to the operand
 *
 * The field test of a [class@FilterNode].
 */
typedef enum
{
  SWY_FILTER_OP_NONE,
  SWY_FILTER_OP_EQ,
  SWY_FILTER_OP_NE,
  SWY_FILTER_OP_LT,
  SWY_FILTER_OP_LE,
  SWY_FILTER_OP_GT,
  SWY_FILTER_OP_GE,
} SwyFilterOp;

G_END_DECLS
