/* swy-broker-node.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include "swy-node.h"

G_BEGIN_DECLS

#define SWY_TYPE_BROKER_NODE (swy_broker_node_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyBrokerNode, swy_broker_node, SWY, BROKER_NODE, SwyNode)

SWY_AVAILABLE_IN_ALL
SwyNode *swy_broker_node_new (const char *id) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
guint64 swy_broker_node_get_unrouted (SwyBrokerNode *self);

G_END_DECLS
