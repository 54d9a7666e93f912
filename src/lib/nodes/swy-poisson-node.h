/* swy-poisson-node.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include "swy-node.h"

G_BEGIN_DECLS

#define SWY_TYPE_POISSON_NODE (swy_poisson_node_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyPoissonNode, swy_poisson_node, SWY, POISSON_NODE, SwyNode)

SWY_AVAILABLE_IN_ALL
SwyNode *swy_poisson_node_new (const char *id) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
double swy_poisson_node_get_rate_hz (SwyPoissonNode *self);
SWY_AVAILABLE_IN_ALL
void swy_poisson_node_set_rate_hz (SwyPoissonNode *self, double value);
SWY_AVAILABLE_IN_ALL
guint swy_poisson_node_get_count (SwyPoissonNode *self);
SWY_AVAILABLE_IN_ALL
void swy_poisson_node_set_count (SwyPoissonNode *self, guint value);
SWY_AVAILABLE_IN_ALL
const char *swy_poisson_node_get_topic (SwyPoissonNode *self);
SWY_AVAILABLE_IN_ALL
void swy_poisson_node_set_topic (SwyPoissonNode *self, const char *value);
SWY_AVAILABLE_IN_ALL
double swy_poisson_node_get_value_min (SwyPoissonNode *self);
SWY_AVAILABLE_IN_ALL
void swy_poisson_node_set_value_min (SwyPoissonNode *self, double value);
SWY_AVAILABLE_IN_ALL
double swy_poisson_node_get_value_max (SwyPoissonNode *self);
SWY_AVAILABLE_IN_ALL
void swy_poisson_node_set_value_max (SwyPoissonNode *self, double value);

G_END_DECLS
