/* swy-counter-node.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include "swy-node.h"

G_BEGIN_DECLS

#define SWY_TYPE_COUNTER_NODE (swy_counter_node_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyCounterNode, swy_counter_node, SWY, COUNTER_NODE, SwyNode)

SWY_AVAILABLE_IN_ALL
SwyNode *swy_counter_node_new (const char *id) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
guint64 swy_counter_node_get_count (SwyCounterNode *self);
SWY_AVAILABLE_IN_ALL
double swy_counter_node_get_last_value (SwyCounterNode *self);

G_END_DECLS
