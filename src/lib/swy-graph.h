/* swy-graph.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "swy-enums.h"
#include "swy-node.h"
#include "swy-trace.h"
#include "swy-types.h"
#include "swy-version-macros.h"
#include "swy-wire.h"

G_BEGIN_DECLS

#define SWY_TYPE_GRAPH (swy_graph_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyGraph, swy_graph, SWY, GRAPH, GObject)

SWY_AVAILABLE_IN_ALL
SwyGraph    *swy_graph_new                (void) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
const char  *swy_graph_get_title          (SwyGraph    *self);
SWY_AVAILABLE_IN_ALL
void         swy_graph_set_title          (SwyGraph    *self,
                                           const char  *title);
SWY_AVAILABLE_IN_ALL
guint64      swy_graph_get_seed           (SwyGraph    *self);
SWY_AVAILABLE_IN_ALL
void         swy_graph_set_seed           (SwyGraph    *self,
                                           guint64      seed);
SWY_AVAILABLE_IN_ALL
guint        swy_graph_get_max_depth      (SwyGraph    *self);
SWY_AVAILABLE_IN_ALL
void         swy_graph_set_max_depth      (SwyGraph    *self,
                                           guint        max_depth);
SWY_AVAILABLE_IN_ALL
guint        swy_graph_get_max_hops       (SwyGraph    *self);
SWY_AVAILABLE_IN_ALL
void         swy_graph_set_max_hops       (SwyGraph    *self,
                                           guint        max_hops);
SWY_AVAILABLE_IN_ALL
guint        swy_graph_get_max_pending    (SwyGraph    *self);
SWY_AVAILABLE_IN_ALL
void         swy_graph_set_max_pending    (SwyGraph    *self,
                                           guint        max_pending);
SWY_AVAILABLE_IN_ALL
JsonObject  *swy_graph_get_extra          (SwyGraph    *self);
SWY_AVAILABLE_IN_ALL
void         swy_graph_set_extra          (SwyGraph    *self,
                                           JsonObject  *extra);

SWY_AVAILABLE_IN_ALL
GListModel  *swy_graph_get_nodes          (SwyGraph    *self);
SWY_AVAILABLE_IN_ALL
GListModel  *swy_graph_get_wires          (SwyGraph    *self);
SWY_AVAILABLE_IN_ALL
SwyTrace    *swy_graph_get_trace          (SwyGraph    *self);

SWY_AVAILABLE_IN_ALL
gboolean     swy_graph_add_node           (SwyGraph    *self,
                                           SwyNode     *node,
                                           GError     **error);
SWY_AVAILABLE_IN_ALL
gboolean     swy_graph_insert_node        (SwyGraph    *self,
                                           SwyNode     *node,
                                           guint        position,
                                           GError     **error);
SWY_AVAILABLE_IN_ALL
SwyNode     *swy_graph_create_node        (SwyGraph    *self,
                                           const char  *type_name,
                                           const char  *id,
                                           GError     **error);
SWY_AVAILABLE_IN_ALL
SwyNode     *swy_graph_lookup_node        (SwyGraph    *self,
                                           const char  *id);
SWY_AVAILABLE_IN_ALL
SwyPort     *swy_graph_lookup_port        (SwyGraph    *self,
                                           const char  *address,
                                           GError     **error);
SWY_AVAILABLE_IN_ALL
gboolean     swy_graph_rename_node        (SwyGraph    *self,
                                           SwyNode     *node,
                                           const char  *id,
                                           GError     **error);
SWY_AVAILABLE_IN_ALL
void         swy_graph_remove_node        (SwyGraph    *self,
                                           SwyNode     *node);
SWY_AVAILABLE_IN_ALL
gboolean     swy_graph_add_wire           (SwyGraph    *self,
                                           SwyWire     *wire,
                                           GError     **error);
SWY_AVAILABLE_IN_ALL
gboolean     swy_graph_insert_wire        (SwyGraph    *self,
                                           SwyWire     *wire,
                                           guint        position,
                                           GError     **error);
SWY_AVAILABLE_IN_ALL
SwyWire     *swy_graph_connect            (SwyGraph    *self,
                                           const char  *from,
                                           const char  *to,
                                           GError     **error);
SWY_AVAILABLE_IN_ALL
void         swy_graph_remove_wire        (SwyGraph    *self,
                                           SwyWire     *wire);

SWY_AVAILABLE_IN_ALL
gint64       swy_graph_get_now            (SwyGraph    *self);
SWY_AVAILABLE_IN_ALL
guint        swy_graph_get_n_pending      (SwyGraph    *self);
SWY_AVAILABLE_IN_ALL
guint64      swy_graph_get_n_performed    (SwyGraph    *self);

typedef void (*SwyInFlightFunc) (SwyWire  *wire,
                                 SwyEvent *event,
                                 gint64    sent_us,
                                 gint64    due_us,
                                 gpointer  user_data);

SWY_AVAILABLE_IN_ALL
void         swy_graph_foreach_in_flight  (SwyGraph        *self,
                                           SwyInFlightFunc  func,
                                           gpointer         user_data);
SWY_AVAILABLE_IN_ALL
guint64      swy_graph_run_fast           (SwyGraph    *self,
                                           gint64       until_us);
SWY_AVAILABLE_IN_ALL
guint64      swy_graph_run_fast_to        (SwyGraph    *self,
                                           gint64       until_us,
                                           guint64      max_performed);
SWY_AVAILABLE_IN_ALL
gboolean     swy_graph_step               (SwyGraph    *self);
SWY_AVAILABLE_IN_ALL
void         swy_graph_play               (SwyGraph    *self);
SWY_AVAILABLE_IN_ALL
void         swy_graph_pause              (SwyGraph    *self);
SWY_AVAILABLE_IN_ALL
gboolean     swy_graph_get_playing        (SwyGraph    *self);
SWY_AVAILABLE_IN_ALL
double       swy_graph_get_speed          (SwyGraph    *self);
SWY_AVAILABLE_IN_ALL
void         swy_graph_set_speed          (SwyGraph    *self,
                                           double       speed);
SWY_AVAILABLE_IN_ALL
void         swy_graph_reset              (SwyGraph    *self);
SWY_AVAILABLE_IN_ALL
gboolean     swy_graph_fire_button        (SwyGraph    *self,
                                           const char  *id,
                                           GError     **error);

SWY_AVAILABLE_IN_ALL
guint64      swy_graph_get_total_emitted   (SwyGraph   *self);
SWY_AVAILABLE_IN_ALL
guint64      swy_graph_get_total_delivered (SwyGraph   *self);
SWY_AVAILABLE_IN_ALL
guint64      swy_graph_get_total_dropped   (SwyGraph   *self);
SWY_AVAILABLE_IN_ALL
JsonNode    *swy_graph_dup_stats           (SwyGraph   *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
