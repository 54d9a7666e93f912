/* swy-timer-node.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include "swy-node.h"

G_BEGIN_DECLS

#define SWY_TYPE_TIMER_NODE (swy_timer_node_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyTimerNode, swy_timer_node, SWY, TIMER_NODE, SwyNode)

SWY_AVAILABLE_IN_ALL
SwyNode *swy_timer_node_new (const char *id) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
guint swy_timer_node_get_interval_ms (SwyTimerNode *self);
SWY_AVAILABLE_IN_ALL
void swy_timer_node_set_interval_ms (SwyTimerNode *self, guint value);
SWY_AVAILABLE_IN_ALL
guint swy_timer_node_get_count (SwyTimerNode *self);
SWY_AVAILABLE_IN_ALL
void swy_timer_node_set_count (SwyTimerNode *self, guint value);
SWY_AVAILABLE_IN_ALL
const char *swy_timer_node_get_topic (SwyTimerNode *self);
SWY_AVAILABLE_IN_ALL
void swy_timer_node_set_topic (SwyTimerNode *self, const char *value);

G_END_DECLS
