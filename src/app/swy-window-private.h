/* swy-window-private.h: what the GUI tests read of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "swy-code-view.h"
#include "swy-event-details.h"
#include "swy-log-view.h"
#include "swy-stats-view.h"
#include "swy-lesson-panel.h"
#include "swy-welcome.h"
#include "swy-window.h"

G_BEGIN_DECLS

const char *_swy_window_get_call_stack_text (SwyWindow *self);
const char *_swy_window_get_clock_text      (SwyWindow *self);
SwyLogView   *_swy_window_get_log_view      (SwyWindow *self);
SwyStatsView *_swy_window_get_stats_view    (SwyWindow *self);
SwyCodeView  *_swy_window_get_code_view     (SwyWindow *self);
SwyEventDetails *_swy_window_get_event_details (SwyWindow *self);
const char   *_swy_window_get_side_page     (SwyWindow *self);
GtkScale     *_swy_window_get_time_scale    (SwyWindow *self);
const char   *_swy_window_get_time_end_text (SwyWindow *self);
const char   *_swy_window_get_last_toast    (SwyWindow *self);
const char   *_swy_window_get_changed_banner_text (SwyWindow *self);
void          _swy_window_import_trace      (SwyWindow *self,
                                             GFile     *file);
SwyReplay    *_swy_window_get_replay        (SwyWindow *self);
gboolean      _swy_window_export            (SwyWindow   *self,
                                             const char  *what,
                                             GFile       *file,
                                             GError     **error);
const char   *_swy_window_get_replay_text   (SwyWindow *self);
const char   *_swy_window_get_totals_text   (SwyWindow *self);
SwyWelcome     *_swy_window_get_welcome      (SwyWindow *self);
SwyLessonPanel *_swy_window_get_lesson_panel (SwyWindow *self);
const char     *_swy_window_get_view         (SwyWindow *self);
gboolean        _swy_window_get_lesson_shown (SwyWindow *self);
GtkPaned       *_swy_window_get_bottom_paned (SwyWindow *self);

G_END_DECLS
