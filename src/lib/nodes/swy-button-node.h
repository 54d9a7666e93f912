/* swy-button-node.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include "swy-node.h"

G_BEGIN_DECLS

#define SWY_TYPE_BUTTON_NODE (swy_button_node_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyButtonNode, swy_button_node, SWY, BUTTON_NODE, SwyNode)

SWY_AVAILABLE_IN_ALL
SwyNode *swy_button_node_new (const char *id) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
const char *swy_button_node_get_topic (SwyButtonNode *self);
SWY_AVAILABLE_IN_ALL
void swy_button_node_set_topic (SwyButtonNode *self, const char *value);
SWY_AVAILABLE_IN_ALL
double swy_button_node_get_value (SwyButtonNode *self);
SWY_AVAILABLE_IN_ALL
void swy_button_node_set_value (SwyButtonNode *self, double value);
SWY_AVAILABLE_IN_ALL
guint64 swy_button_node_get_clicks (SwyButtonNode *self);

G_END_DECLS
