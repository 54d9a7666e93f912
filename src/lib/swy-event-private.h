/* swy-event-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "swy-event.h"

G_BEGIN_DECLS

struct _SwyEvent
{
  gint      ref_count;
  /* The longest delivery path this event (and its ancestry) has taken so
   * far; the engine raises it on each delivery, for max-hops. */
  guint     hops;
  GQuark    topic;
  guint64   id;
  guint64   parent;
  gint64    created;
  GVariant *payload;
};

SwyEvent *_swy_event_new         (guint64   id,
                                  GQuark    topic,
                                  GVariant *payload,
                                  gint64    created,
                                  guint64   parent,
                                  guint     hops);
GVariant *_swy_payload_new       (gint64    seq,
                                  gboolean  has_value,
                                  double    value);
gboolean  _swy_variant_to_double (GVariant *variant,
                                  double   *out_value);

G_END_DECLS
