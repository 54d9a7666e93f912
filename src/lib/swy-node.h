/* swy-node.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include <gio/gio.h>

#include "swy-enums.h"
#include "swy-event.h"
#include "swy-types.h"
#include "swy-version-macros.h"

G_BEGIN_DECLS

#define SWY_TYPE_NODE (swy_node_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (SwyNode, swy_node, SWY, NODE, GObject)

/**
 * SwyNodeClass:
 * @parent_class: the parent class
 * @is_ready: returns whether the node accepts work now; the default returns `TRUE`
 * @handle_event: handles @event delivered on the input @port
 * @start: called when a run begins (or when the node is added to a running graph);
 *   producers schedule their first item here
 * @reset: clears live state; counters are cleared by the graph
 * @fire: triggers the node by hand (the button)
 * @timeout: runs an item scheduled with [method@Node.schedule]; @context is the
 *   causal context captured when it was scheduled
 * @consumer_ready: called when a node wired to one of this node's outputs
 *   becomes ready again
 * @add_extra_stats: adds type-specific figures (such as `rejected`) to @dict
 *
 * The virtual functions of a node type.
 */
struct _SwyNodeClass
{
  GObjectClass parent_class;

  gboolean (*is_ready)        (SwyNode      *self);
  void     (*handle_event)    (SwyNode      *self,
                               SwyPort      *port,
                               SwyEvent     *event);
  void     (*start)           (SwyNode      *self);
  void     (*reset)           (SwyNode      *self);
  void     (*fire)            (SwyNode      *self);
  void     (*timeout)         (SwyNode      *self,
                               SwyEvent     *context,
                               guint64       tag);
  void     (*consumer_ready)  (SwyNode      *self,
                               SwyNode      *consumer);
  void     (*add_extra_stats) (SwyNode      *self,
                               GVariantDict *dict);

  /*< private >*/
  gpointer padding[8];
};

SWY_AVAILABLE_IN_ALL
const char *swy_node_get_id               (SwyNode          *self);
SWY_AVAILABLE_IN_ALL
const char *swy_node_get_type_name        (SwyNode          *self);
SWY_AVAILABLE_IN_ALL
SwyGraph   *swy_node_get_graph            (SwyNode          *self);
SWY_AVAILABLE_IN_ALL
double      swy_node_get_x                (SwyNode          *self);
SWY_AVAILABLE_IN_ALL
void        swy_node_set_x                (SwyNode          *self,
                                           double            x);
SWY_AVAILABLE_IN_ALL
double      swy_node_get_y                (SwyNode          *self);
SWY_AVAILABLE_IN_ALL
void        swy_node_set_y                (SwyNode          *self,
                                           double            y);
SWY_AVAILABLE_IN_ALL
GListModel *swy_node_get_ports            (SwyNode          *self);
SWY_AVAILABLE_IN_ALL
SwyPort    *swy_node_get_port             (SwyNode          *self,
                                           const char       *name);
SWY_AVAILABLE_IN_ALL
guint64     swy_node_get_received         (SwyNode          *self);
SWY_AVAILABLE_IN_ALL
guint64     swy_node_get_emitted          (SwyNode          *self);
SWY_AVAILABLE_IN_ALL
guint64     swy_node_get_dropped          (SwyNode          *self);
SWY_AVAILABLE_IN_ALL
guint64     swy_node_get_drop_count       (SwyNode          *self,
                                           const char       *reason);
SWY_AVAILABLE_IN_ALL
GVariant   *swy_node_dup_drop_reasons     (SwyNode          *self) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
GVariant   *swy_node_dup_extra_stats      (SwyNode          *self) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
gboolean    swy_node_is_ready             (SwyNode          *self);
SWY_AVAILABLE_IN_ALL
void        swy_node_fire                 (SwyNode          *self);

/* For node implementations. */
SWY_AVAILABLE_IN_ALL
SwyPort    *swy_node_add_port             (SwyNode          *self,
                                           const char       *name,
                                           SwyPortDirection  direction);
SWY_AVAILABLE_IN_ALL
SwyEvent   *swy_node_new_event            (SwyNode          *self,
                                           const char       *topic,
                                           GVariant         *payload) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
SwyEvent   *swy_node_new_child_event      (SwyNode          *self,
                                           SwyEvent         *parent,
                                           const char       *topic,
                                           GVariant         *payload) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
guint       swy_node_emit                 (SwyNode          *self,
                                           SwyPort          *port,
                                           SwyEvent         *event);
SWY_AVAILABLE_IN_ALL
void        swy_node_drop                 (SwyNode          *self,
                                           SwyPort          *port,
                                           SwyEvent         *event,
                                           const char       *reason);
SWY_AVAILABLE_IN_ALL
void        swy_node_schedule             (SwyNode          *self,
                                           gint64            delay_us,
                                           guint64           tag);
SWY_AVAILABLE_IN_ALL
void        swy_node_schedule_with_context (SwyNode         *self,
                                            gint64           delay_us,
                                            SwyEvent        *context,
                                            guint64          tag);
SWY_AVAILABLE_IN_ALL
SwyEvent   *swy_node_get_context          (SwyNode          *self);
SWY_AVAILABLE_IN_ALL
gint64      swy_node_get_now              (SwyNode          *self);
SWY_AVAILABLE_IN_ALL
double      swy_node_random_double        (SwyNode          *self);
SWY_AVAILABLE_IN_ALL
void        swy_node_notify_ready         (SwyNode          *self);
SWY_AVAILABLE_IN_ALL
void        swy_node_queue_notify         (SwyNode          *self,
                                           GParamSpec       *pspec);

G_END_DECLS
