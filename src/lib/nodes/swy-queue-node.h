/* swy-queue-node.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include "swy-node.h"

G_BEGIN_DECLS

#define SWY_TYPE_QUEUE_NODE (swy_queue_node_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyQueueNode, swy_queue_node, SWY, QUEUE_NODE, SwyNode)

SWY_AVAILABLE_IN_ALL
SwyNode *swy_queue_node_new (const char *id) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
guint swy_queue_node_get_capacity (SwyQueueNode *self);
SWY_AVAILABLE_IN_ALL
void swy_queue_node_set_capacity (SwyQueueNode *self, guint value);
SWY_AVAILABLE_IN_ALL
SwyOverflow swy_queue_node_get_overflow (SwyQueueNode *self);
SWY_AVAILABLE_IN_ALL
void swy_queue_node_set_overflow (SwyQueueNode *self, SwyOverflow value);
SWY_AVAILABLE_IN_ALL
guint swy_queue_node_get_length (SwyQueueNode *self);
SWY_AVAILABLE_IN_ALL
guint swy_queue_node_get_max_depth (SwyQueueNode *self);

G_END_DECLS
