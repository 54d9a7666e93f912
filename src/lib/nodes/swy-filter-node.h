/* swy-filter-node.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include "swy-node.h"

G_BEGIN_DECLS

#define SWY_TYPE_FILTER_NODE (swy_filter_node_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyFilterNode, swy_filter_node, SWY, FILTER_NODE, SwyNode)

SWY_AVAILABLE_IN_ALL
SwyNode *swy_filter_node_new (const char *id) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
const char *swy_filter_node_get_topic_pattern (SwyFilterNode *self);
SWY_AVAILABLE_IN_ALL
void swy_filter_node_set_topic_pattern (SwyFilterNode *self, const char *value);
SWY_AVAILABLE_IN_ALL
const char *swy_filter_node_get_field (SwyFilterNode *self);
SWY_AVAILABLE_IN_ALL
void swy_filter_node_set_field (SwyFilterNode *self, const char *value);
SWY_AVAILABLE_IN_ALL
SwyFilterOp swy_filter_node_get_op (SwyFilterNode *self);
SWY_AVAILABLE_IN_ALL
void swy_filter_node_set_op (SwyFilterNode *self, SwyFilterOp value);
SWY_AVAILABLE_IN_ALL
double swy_filter_node_get_operand (SwyFilterNode *self);
SWY_AVAILABLE_IN_ALL
void swy_filter_node_set_operand (SwyFilterNode *self, double value);
SWY_AVAILABLE_IN_ALL
guint64 swy_filter_node_get_rejected (SwyFilterNode *self);

G_END_DECLS
