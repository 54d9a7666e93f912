/* swy-lesson-panel.h: the open lesson's text and steps, beside the canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <swy.h>

G_BEGIN_DECLS

#define SWY_TYPE_LESSON_PANEL (swy_lesson_panel_get_type ())

G_DECLARE_FINAL_TYPE (SwyLessonPanel, swy_lesson_panel, SWY, LESSON_PANEL, GtkWidget)

void       swy_lesson_panel_set_lesson (SwyLessonPanel *self,
                                        SwyLesson      *lesson,
                                        SwyGraph       *graph,
                                        guint           number,
                                        guint           n_lessons);
SwyLesson *swy_lesson_panel_get_lesson (SwyLessonPanel *self);
void       swy_lesson_panel_evaluate   (SwyLessonPanel *self);

/* For the GUI tests: a step's state is "done", "current" or "not-yet". */
const char *_swy_lesson_panel_get_title       (SwyLessonPanel *self);
guint       _swy_lesson_panel_get_n_step_rows (SwyLessonPanel *self);
const char *_swy_lesson_panel_get_step_state  (SwyLessonPanel *self,
                                               guint           step);
GtkButton  *_swy_lesson_panel_get_choice      (SwyLessonPanel *self,
                                               guint           step,
                                               guint           choice);
const char *_swy_lesson_panel_get_result      (SwyLessonPanel *self,
                                               guint           step);
GtkWidget  *_swy_lesson_panel_get_next_button (SwyLessonPanel *self);
const char *_swy_lesson_panel_get_status      (SwyLessonPanel *self);

G_END_DECLS
