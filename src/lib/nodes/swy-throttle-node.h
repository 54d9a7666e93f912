/* swy-throttle-node.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include "swy-node.h"

G_BEGIN_DECLS

#define SWY_TYPE_THROTTLE_NODE (swy_throttle_node_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyThrottleNode, swy_throttle_node, SWY, THROTTLE_NODE, SwyNode)

SWY_AVAILABLE_IN_ALL
SwyNode *swy_throttle_node_new (const char *id) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
guint swy_throttle_node_get_window_ms (SwyThrottleNode *self);
SWY_AVAILABLE_IN_ALL
void swy_throttle_node_set_window_ms (SwyThrottleNode *self, guint value);

G_END_DECLS
