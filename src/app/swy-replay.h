/* swy-replay.h: a recorded trace played back over virtual time, view only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <swy.h>

G_BEGIN_DECLS

#define SWY_REPLAY_ERROR (swy_replay_error_quark ())

/**
 * SwyReplayError:
 * @SWY_REPLAY_ERROR_EMPTY: the trace holds no records
 * @SWY_REPLAY_ERROR_MISMATCH: the trace names a node, port or wire that the
 *   graph does not have; the message names the line
 */
typedef enum
{
  SWY_REPLAY_ERROR_EMPTY,
  SWY_REPLAY_ERROR_MISMATCH,
} SwyReplayError;

/**
 * SwyReplayCounts:
 * @received: deliveries into the node's inputs
 * @emitted: emissions on its outputs
 * @dropped: events dropped at the node (wire losses are the wire's)
 *
 * A node's counters in a replay, as the engine counts them.
 */
typedef struct
{
  guint64 received;
  guint64 emitted;
  guint64 dropped;
} SwyReplayCounts;

#define SWY_TYPE_REPLAY (swy_replay_get_type ())

G_DECLARE_FINAL_TYPE (SwyReplay, swy_replay, SWY, REPLAY, GObject)

GQuark     swy_replay_error_quark          (void);
SwyReplay *swy_replay_new                  (SwyGraph             *graph,
                                            SwyTrace             *trace,
                                            GError              **error);
SwyReplay *swy_replay_new_from_file        (SwyGraph             *graph,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GError              **error);
void       swy_replay_new_from_file_async  (SwyGraph             *graph,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
SwyReplay *swy_replay_new_from_file_finish (GAsyncResult         *result,
                                            GError              **error);
SwyGraph  *swy_replay_get_graph            (SwyReplay            *self);
SwyTrace  *swy_replay_get_trace            (SwyReplay            *self);
gint64     swy_replay_get_time             (SwyReplay            *self);
gint64     swy_replay_get_end_time         (SwyReplay            *self);
guint      swy_replay_get_n_shown          (SwyReplay            *self);
void       swy_replay_seek                 (SwyReplay            *self,
                                            gint64                t_us);
gboolean   swy_replay_step                 (SwyReplay            *self);
gboolean   swy_replay_step_back            (SwyReplay            *self);
void       swy_replay_reset                (SwyReplay            *self);
void       swy_replay_play                 (SwyReplay            *self);
void       swy_replay_pause                (SwyReplay            *self);
gboolean   swy_replay_get_playing          (SwyReplay            *self);
double     swy_replay_get_speed            (SwyReplay            *self);
void       swy_replay_set_speed            (SwyReplay            *self,
                                            double                speed);

void       swy_replay_get_node_counts      (SwyReplay            *self,
                                            const char           *node_id,
                                            SwyReplayCounts      *counts);
GVariant  *swy_replay_dup_drop_reasons     (SwyReplay            *self,
                                            const char           *node_id);
void       swy_replay_get_wire_counts      (SwyReplay            *self,
                                            guint                 index,
                                            guint64              *delivered,
                                            guint64              *lost);
void       swy_replay_get_totals           (SwyReplay            *self,
                                            guint64              *emitted,
                                            guint64              *delivered,
                                            guint64              *dropped);
void       swy_replay_foreach_in_flight    (SwyReplay            *self,
                                            SwyInFlightFunc       func,
                                            gpointer              user_data);

G_END_DECLS
