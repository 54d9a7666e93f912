/* swy-batch-node.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include "swy-node.h"

G_BEGIN_DECLS

#define SWY_TYPE_BATCH_NODE (swy_batch_node_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyBatchNode, swy_batch_node, SWY, BATCH_NODE, SwyNode)

SWY_AVAILABLE_IN_ALL
SwyNode *swy_batch_node_new (const char *id) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
guint swy_batch_node_get_size (SwyBatchNode *self);
SWY_AVAILABLE_IN_ALL
void swy_batch_node_set_size (SwyBatchNode *self, guint value);
SWY_AVAILABLE_IN_ALL
guint swy_batch_node_get_window_ms (SwyBatchNode *self);
SWY_AVAILABLE_IN_ALL
void swy_batch_node_set_window_ms (SwyBatchNode *self, guint value);
SWY_AVAILABLE_IN_ALL
guint64 swy_batch_node_get_batches (SwyBatchNode *self);
SWY_AVAILABLE_IN_ALL
guint swy_batch_node_get_pending (SwyBatchNode *self);

G_END_DECLS
