/* swy-log-node.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include "swy-node.h"

G_BEGIN_DECLS

#define SWY_TYPE_LOG_NODE (swy_log_node_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyLogNode, swy_log_node, SWY, LOG_NODE, SwyNode)

SWY_AVAILABLE_IN_ALL
SwyNode *swy_log_node_new (const char *id) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
guint swy_log_node_get_keep (SwyLogNode *self);
SWY_AVAILABLE_IN_ALL
void swy_log_node_set_keep (SwyLogNode *self, guint value);
SWY_AVAILABLE_IN_ALL
guint swy_log_node_get_n_events (SwyLogNode *self);
SWY_AVAILABLE_IN_ALL
SwyEvent *swy_log_node_get_event (SwyLogNode *self, guint position);
SWY_AVAILABLE_IN_ALL
gint64 swy_log_node_get_event_time (SwyLogNode *self, guint position);
SWY_AVAILABLE_IN_ALL
char **swy_log_node_dup_lines (SwyLogNode *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
