/* swy-burst-node.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include "swy-node.h"

G_BEGIN_DECLS

#define SWY_TYPE_BURST_NODE (swy_burst_node_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyBurstNode, swy_burst_node, SWY, BURST_NODE, SwyNode)

SWY_AVAILABLE_IN_ALL
SwyNode *swy_burst_node_new (const char *id) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
guint swy_burst_node_get_at_ms (SwyBurstNode *self);
SWY_AVAILABLE_IN_ALL
void swy_burst_node_set_at_ms (SwyBurstNode *self, guint value);
SWY_AVAILABLE_IN_ALL
guint swy_burst_node_get_count (SwyBurstNode *self);
SWY_AVAILABLE_IN_ALL
void swy_burst_node_set_count (SwyBurstNode *self, guint value);
SWY_AVAILABLE_IN_ALL
const char *swy_burst_node_get_topic (SwyBurstNode *self);
SWY_AVAILABLE_IN_ALL
void swy_burst_node_set_topic (SwyBurstNode *self, const char *value);

G_END_DECLS
