/* bench-floor.h: the same shapes as the engine benchmarks, in plain GLib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each pushes n_events through its shape, in rounds of `round` events where
 * the shape defers work, and returns the wall-clock seconds it took. The
 * deliveries it made (signal handlers that received a message) are added
 * to *out_delivered, so that the caller can check the shape did its job. */
double floor_signal_chain  (guint    n_hops,
                            guint    n_events,
                            guint64 *out_delivered);
double floor_gsource_chain (guint    n_hops,
                            guint    n_events,
                            guint    round,
                            guint64 *out_delivered);
double floor_signal_fanout (guint    n_subscribers,
                            gboolean by_detail,
                            guint    n_events,
                            guint64 *out_delivered);
double floor_queue_workers (guint    n_workers,
                            guint    n_events,
                            guint    round,
                            guint64 *out_delivered);

G_END_DECLS
