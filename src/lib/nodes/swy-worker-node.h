/* swy-worker-node.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include "swy-node.h"

G_BEGIN_DECLS

#define SWY_TYPE_WORKER_NODE (swy_worker_node_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyWorkerNode, swy_worker_node, SWY, WORKER_NODE, SwyNode)

SWY_AVAILABLE_IN_ALL
SwyNode *swy_worker_node_new (const char *id) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
guint swy_worker_node_get_service_ms (SwyWorkerNode *self);
SWY_AVAILABLE_IN_ALL
void swy_worker_node_set_service_ms (SwyWorkerNode *self, guint value);
SWY_AVAILABLE_IN_ALL
guint swy_worker_node_get_concurrency (SwyWorkerNode *self);
SWY_AVAILABLE_IN_ALL
void swy_worker_node_set_concurrency (SwyWorkerNode *self, guint value);
SWY_AVAILABLE_IN_ALL
guint swy_worker_node_get_busy (SwyWorkerNode *self);
SWY_AVAILABLE_IN_ALL
guint swy_worker_node_get_inbox_length (SwyWorkerNode *self);

G_END_DECLS
