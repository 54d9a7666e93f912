/* swy-log-model.h: the trace, filtered, as a list model for the event log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <swy.h>

#include "swy-view-state.h"

G_BEGIN_DECLS

/**
 * SwyLogKinds:
 * @SWY_LOG_KINDS_NONE: no record
 * @SWY_LOG_KINDS_EMIT: emissions
 * @SWY_LOG_KINDS_DELIVER: deliveries
 * @SWY_LOG_KINDS_DROP: drops
 * @SWY_LOG_KINDS_ALL: every kind
 *
 * The kinds of trace records the log shows: one bit per `SwyTraceKind`.
 */
typedef enum
{
  SWY_LOG_KINDS_NONE    = 0,
  SWY_LOG_KINDS_EMIT    = 1 << SWY_TRACE_KIND_EMIT,
  SWY_LOG_KINDS_DELIVER = 1 << SWY_TRACE_KIND_DELIVER,
  SWY_LOG_KINDS_DROP    = 1 << SWY_TRACE_KIND_DROP,
  SWY_LOG_KINDS_ALL     = SWY_LOG_KINDS_EMIT | SWY_LOG_KINDS_DELIVER | SWY_LOG_KINDS_DROP,
} SwyLogKinds;

#define SWY_TYPE_LOG_KINDS (swy_log_kinds_get_type ())
GType swy_log_kinds_get_type (void) G_GNUC_CONST;

#define SWY_TYPE_LOG_MODEL (swy_log_model_get_type ())

G_DECLARE_FINAL_TYPE (SwyLogModel, swy_log_model, SWY, LOG_MODEL, GObject)

SwyLogModel  *swy_log_model_new               (SwyTrace           *trace,
                                               SwyViewState       *view_state);
SwyTrace     *swy_log_model_get_trace         (SwyLogModel        *self);
SwyViewState *swy_log_model_get_view_state    (SwyLogModel        *self);
const char   *swy_log_model_get_node          (SwyLogModel        *self);
void          swy_log_model_set_node          (SwyLogModel        *self,
                                               const char         *node_id);
const char   *swy_log_model_get_topic_pattern (SwyLogModel        *self);
void          swy_log_model_set_topic_pattern (SwyLogModel        *self,
                                               const char         *pattern);
SwyLogKinds   swy_log_model_get_kinds         (SwyLogModel        *self);
void          swy_log_model_set_kinds         (SwyLogModel        *self,
                                               SwyLogKinds         kinds);
const char   *swy_log_model_get_search        (SwyLogModel        *self);
void          swy_log_model_set_search        (SwyLogModel        *self,
                                               const char         *search);
gboolean      swy_log_model_get_filtered      (SwyLogModel        *self);
gboolean      swy_log_model_get_pending       (SwyLogModel        *self);
gboolean      swy_log_model_get_replacing     (SwyLogModel        *self);
guint         swy_log_model_get_replacement   (SwyLogModel        *self);
gboolean      swy_log_model_get_auto_update   (SwyLogModel        *self);
void          swy_log_model_set_auto_update   (SwyLogModel        *self,
                                               gboolean            auto_update);
void          swy_log_model_update            (SwyLogModel        *self);
void          swy_log_model_set_limit         (SwyLogModel        *self,
                                               guint64             limit);
gboolean      swy_log_model_peek              (SwyLogModel        *self,
                                               guint               position,
                                               SwyTraceRecordData *data);
guint         swy_log_model_find_event        (SwyLogModel        *self,
                                               guint64             event_id);

void          swy_log_format_time             (gint64              t_us,
                                               char               *buf,
                                               gsize               size);

G_END_DECLS
