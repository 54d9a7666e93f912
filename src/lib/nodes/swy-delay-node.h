/* swy-delay-node.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include "swy-node.h"

G_BEGIN_DECLS

#define SWY_TYPE_DELAY_NODE (swy_delay_node_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyDelayNode, swy_delay_node, SWY, DELAY_NODE, SwyNode)

SWY_AVAILABLE_IN_ALL
SwyNode *swy_delay_node_new (const char *id) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
guint swy_delay_node_get_delay_ms (SwyDelayNode *self);
SWY_AVAILABLE_IN_ALL
void swy_delay_node_set_delay_ms (SwyDelayNode *self, guint value);
SWY_AVAILABLE_IN_ALL
guint swy_delay_node_get_held (SwyDelayNode *self);

G_END_DECLS
