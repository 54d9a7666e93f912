/* swy-map-node.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include "swy-node.h"

G_BEGIN_DECLS

#define SWY_TYPE_MAP_NODE (swy_map_node_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyMapNode, swy_map_node, SWY, MAP_NODE, SwyNode)

SWY_AVAILABLE_IN_ALL
SwyNode *swy_map_node_new (const char *id) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
const char *swy_map_node_get_set_topic (SwyMapNode *self);
SWY_AVAILABLE_IN_ALL
void swy_map_node_set_set_topic (SwyMapNode *self, const char *value);
SWY_AVAILABLE_IN_ALL
double swy_map_node_get_scale (SwyMapNode *self);
SWY_AVAILABLE_IN_ALL
void swy_map_node_set_scale (SwyMapNode *self, double value);
SWY_AVAILABLE_IN_ALL
double swy_map_node_get_offset (SwyMapNode *self);
SWY_AVAILABLE_IN_ALL
void swy_map_node_set_offset (SwyMapNode *self, double value);

G_END_DECLS
