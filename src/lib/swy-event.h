/* swy-event.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include <glib-object.h>

#include "swy-version-macros.h"

G_BEGIN_DECLS

#define SWY_TYPE_EVENT (swy_event_get_type ())

typedef struct _SwyEvent SwyEvent;

SWY_AVAILABLE_IN_ALL
GType       swy_event_get_type          (void) G_GNUC_CONST;
SWY_AVAILABLE_IN_ALL
SwyEvent   *swy_event_new               (guint64      id,
                                         const char  *topic,
                                         GVariant    *payload,
                                         gint64       created,
                                         guint64      parent) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
SwyEvent   *swy_event_ref               (SwyEvent    *self);
SWY_AVAILABLE_IN_ALL
void        swy_event_unref             (SwyEvent    *self);
SWY_AVAILABLE_IN_ALL
guint64     swy_event_get_id            (SwyEvent    *self);
SWY_AVAILABLE_IN_ALL
const char *swy_event_get_topic         (SwyEvent    *self);
SWY_AVAILABLE_IN_ALL
GQuark      swy_event_get_topic_quark   (SwyEvent    *self);
SWY_AVAILABLE_IN_ALL
GVariant   *swy_event_get_payload       (SwyEvent    *self);
SWY_AVAILABLE_IN_ALL
gint64      swy_event_get_created       (SwyEvent    *self);
SWY_AVAILABLE_IN_ALL
guint64     swy_event_get_parent        (SwyEvent    *self);
SWY_AVAILABLE_IN_ALL
gboolean    swy_event_lookup_double     (SwyEvent    *self,
                                         const char  *key,
                                         double      *out_value);
SWY_AVAILABLE_IN_ALL
gboolean    swy_event_lookup_int64      (SwyEvent    *self,
                                         const char  *key,
                                         gint64      *out_value);
SWY_AVAILABLE_IN_ALL
char       *swy_event_dup_payload_string (SwyEvent   *self) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwyEvent, swy_event_unref)

G_END_DECLS
