/* swy-lesson.h: the lesson a graph file carries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(_SWY_INSIDE) && !defined(SWY_COMPILATION)
# error "Only <swy.h> can be included directly."
#endif

#include <gio/gio.h>

#include "swy-graph.h"
#include "swy-lesson-step.h"
#include "swy-types.h"
#include "swy-version-macros.h"

G_BEGIN_DECLS

/**
 * SWY_LESSON_ERROR:
 *
 * The error domain of lessons. Errors in this domain are from the
 * [error@LessonError] enumeration.
 */
#define SWY_LESSON_ERROR (swy_lesson_error_quark ())

/**
 * SwyLessonError:
 * @SWY_LESSON_ERROR_MISSING: the graph has no `lesson` member
 * @SWY_LESSON_ERROR_INVALID: a member of the lesson, of a step or of a
 *   question is missing, unknown, of the wrong JSON type or empty; a
 *   question has fewer than 2 or more than 4 choices, or its `correct`
 *   index is out of range
 * @SWY_LESSON_ERROR_MARKUP: a text is not valid markup, or uses an element
 *   outside the allowed subset (`b`, `i`, `tt`, `sub`, `sup`)
 * @SWY_LESSON_ERROR_CHECK: a check is malformed: no subject or more than
 *   one, an unknown operator, a missing `op` or `value`, or a value whose
 *   type does not fit the figure it is compared with
 * @SWY_LESSON_ERROR_UNKNOWN_NODE: a check names a node the graph does not have
 * @SWY_LESSON_ERROR_UNKNOWN_WIRE: a check names a wire the graph does not have
 * @SWY_LESSON_ERROR_UNKNOWN_NAME: a check names a counter, property or
 *   node type that does not exist
 *
 * The ways reading a lesson can fail. Every message starts with the place,
 * as a path from the `lesson` member such as `lesson.steps[2].check.all[0]`
 * (indices count from 0, in file order).
 */
typedef enum
{
  SWY_LESSON_ERROR_MISSING,
  SWY_LESSON_ERROR_INVALID,
  SWY_LESSON_ERROR_MARKUP,
  SWY_LESSON_ERROR_CHECK,
  SWY_LESSON_ERROR_UNKNOWN_NODE,
  SWY_LESSON_ERROR_UNKNOWN_WIRE,
  SWY_LESSON_ERROR_UNKNOWN_NAME,
} SwyLessonError;

#define SWY_TYPE_LESSON (swy_lesson_get_type ())

SWY_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (SwyLesson, swy_lesson, SWY, LESSON, GObject)

SWY_AVAILABLE_IN_ALL
GQuark         swy_lesson_error_quark        (void) G_GNUC_CONST;

SWY_AVAILABLE_IN_ALL
SwyLesson     *swy_lesson_new_from_graph     (SwyGraph   *graph,
                                              GError    **error) G_GNUC_WARN_UNUSED_RESULT;
SWY_AVAILABLE_IN_ALL
const char    *swy_lesson_get_title          (SwyLesson  *self);
SWY_AVAILABLE_IN_ALL
const char    *swy_lesson_get_summary        (SwyLesson  *self);
SWY_AVAILABLE_IN_ALL
const char    *swy_lesson_get_body           (SwyLesson  *self);
SWY_AVAILABLE_IN_ALL
GListModel    *swy_lesson_get_steps          (SwyLesson  *self);
SWY_AVAILABLE_IN_ALL
guint          swy_lesson_get_n_steps        (SwyLesson  *self);
SWY_AVAILABLE_IN_ALL
SwyLessonStep *swy_lesson_get_step           (SwyLesson  *self,
                                              guint       index);
SWY_AVAILABLE_IN_ALL
guint          swy_lesson_get_current_step   (SwyLesson  *self);
SWY_AVAILABLE_IN_ALL
gboolean       swy_lesson_get_completed      (SwyLesson  *self);
SWY_AVAILABLE_IN_ALL
gboolean       swy_lesson_evaluate           (SwyLesson  *self,
                                              SwyGraph   *graph);
SWY_AVAILABLE_IN_ALL
void           swy_lesson_restart            (SwyLesson  *self);

G_END_DECLS
