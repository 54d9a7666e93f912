/* swy-wire.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include <glib-object.h>

#include "swy-enums.h"
#include "swy-types.h"
#include "swy-version-macros.h"

G_BEGIN_DECLS

#define SWY_TYPE_WIRE (swy_wire_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyWire, swy_wire, SWY, WIRE, GObject)

SWY_AVAILABLE_IN_ALL
SwyWire     *swy_wire_new              (SwyPort     *from,
                                        SwyPort     *to) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
SwyPort     *swy_wire_get_from         (SwyWire     *self);
SWY_AVAILABLE_IN_ALL
SwyPort     *swy_wire_get_to           (SwyWire     *self);
SWY_AVAILABLE_IN_ALL
SwyGraph    *swy_wire_get_graph        (SwyWire     *self);
SWY_AVAILABLE_IN_ALL
int          swy_wire_get_index        (SwyWire     *self);
SWY_AVAILABLE_IN_ALL
SwyWireMode  swy_wire_get_mode         (SwyWire     *self);
SWY_AVAILABLE_IN_ALL
void         swy_wire_set_mode         (SwyWire     *self,
                                        SwyWireMode  mode);
SWY_AVAILABLE_IN_ALL
guint        swy_wire_get_latency_ms   (SwyWire     *self);
SWY_AVAILABLE_IN_ALL
void         swy_wire_set_latency_ms   (SwyWire     *self,
                                        guint        latency_ms);
SWY_AVAILABLE_IN_ALL
SwyPriority  swy_wire_get_priority     (SwyWire     *self);
SWY_AVAILABLE_IN_ALL
void         swy_wire_set_priority     (SwyWire     *self,
                                        SwyPriority  priority);
SWY_AVAILABLE_IN_ALL
const char  *swy_wire_get_subscription (SwyWire     *self);
SWY_AVAILABLE_IN_ALL
void         swy_wire_set_subscription (SwyWire     *self,
                                        const char  *subscription);
SWY_AVAILABLE_IN_ALL
gboolean     swy_wire_get_blocked      (SwyWire     *self);
SWY_AVAILABLE_IN_ALL
void         swy_wire_set_blocked      (SwyWire     *self,
                                        gboolean     blocked);
SWY_AVAILABLE_IN_ALL
double       swy_wire_get_loss         (SwyWire     *self);
SWY_AVAILABLE_IN_ALL
void         swy_wire_set_loss         (SwyWire     *self,
                                        double       loss);
SWY_AVAILABLE_IN_ALL
guint        swy_wire_get_jitter_ms    (SwyWire     *self);
SWY_AVAILABLE_IN_ALL
void         swy_wire_set_jitter_ms    (SwyWire     *self,
                                        guint        jitter_ms);
SWY_AVAILABLE_IN_ALL
guint64      swy_wire_get_delivered    (SwyWire     *self);
SWY_AVAILABLE_IN_ALL
guint64      swy_wire_get_lost         (SwyWire     *self);
SWY_AVAILABLE_IN_ALL
gboolean     swy_wire_matches_topic    (SwyWire     *self,
                                        const char  *topic);
SWY_AVAILABLE_IN_ALL
gboolean     swy_topic_matches         (const char  *pattern,
                                        const char  *topic);
SWY_AVAILABLE_IN_ALL
gboolean     swy_topic_pattern_validate (const char  *pattern,
                                         GError     **error);

G_END_DECLS
