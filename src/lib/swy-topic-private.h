/* swy-topic-private.h: precompiled MQTT-style topic patterns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SwyPattern SwyPattern;

SwyPattern *_swy_pattern_new         (const char       *pattern);
void        _swy_pattern_free        (SwyPattern       *self);
gboolean    _swy_pattern_is_exact    (const SwyPattern *self);
gboolean    _swy_pattern_match       (SwyPattern       *self,
                                      GQuark            topic);
gboolean    _swy_pattern_match_string (const SwyPattern *self,
                                       const char       *topic);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwyPattern, _swy_pattern_free)

G_END_DECLS
