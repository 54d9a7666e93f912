/* swy-debounce-node.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include "swy-node.h"

G_BEGIN_DECLS

#define SWY_TYPE_DEBOUNCE_NODE (swy_debounce_node_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyDebounceNode, swy_debounce_node, SWY, DEBOUNCE_NODE, SwyNode)

SWY_AVAILABLE_IN_ALL
SwyNode *swy_debounce_node_new (const char *id) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
guint swy_debounce_node_get_quiet_ms (SwyDebounceNode *self);
SWY_AVAILABLE_IN_ALL
void swy_debounce_node_set_quiet_ms (SwyDebounceNode *self, guint value);

G_END_DECLS
