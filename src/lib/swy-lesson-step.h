/* swy-lesson-step.h: one step of a lesson
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include <glib-object.h>

#include "swy-graph.h"
#include "swy-types.h"
#include "swy-version-macros.h"

G_BEGIN_DECLS

#define SWY_TYPE_LESSON_STEP (swy_lesson_step_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyLessonStep, swy_lesson_step, SWY, LESSON_STEP, GObject)

SWY_AVAILABLE_IN_ALL
guint               swy_lesson_step_get_index          (SwyLessonStep *self);
SWY_AVAILABLE_IN_ALL
const char         *swy_lesson_step_get_instruction    (SwyLessonStep *self);
SWY_AVAILABLE_IN_ALL
const char         *swy_lesson_step_get_question       (SwyLessonStep *self);
SWY_AVAILABLE_IN_ALL
const char * const *swy_lesson_step_get_choices        (SwyLessonStep *self);
SWY_AVAILABLE_IN_ALL
guint               swy_lesson_step_get_n_choices      (SwyLessonStep *self);
SWY_AVAILABLE_IN_ALL
int                 swy_lesson_step_get_correct_choice (SwyLessonStep *self);
SWY_AVAILABLE_IN_ALL
const char         *swy_lesson_step_get_explanation    (SwyLessonStep *self);
SWY_AVAILABLE_IN_ALL
gboolean            swy_lesson_step_has_check          (SwyLessonStep *self);
SWY_AVAILABLE_IN_ALL
gboolean            swy_lesson_step_check              (SwyLessonStep *self,
                                                        SwyGraph      *graph);
SWY_AVAILABLE_IN_ALL
int                 swy_lesson_step_get_answer         (SwyLessonStep *self);
SWY_AVAILABLE_IN_ALL
gboolean            swy_lesson_step_answer             (SwyLessonStep *self,
                                                        guint          choice);
SWY_AVAILABLE_IN_ALL
gboolean            swy_lesson_step_get_done           (SwyLessonStep *self);
SWY_AVAILABLE_IN_ALL
void                swy_lesson_step_set_done           (SwyLessonStep *self,
                                                        gboolean       done);

G_END_DECLS
