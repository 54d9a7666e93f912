/* swy-lesson-private.h: lesson checks and step construction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "swy-graph.h"
#include "swy-lesson.h"
#include "swy-lesson-step.h"

G_BEGIN_DECLS

/* A parsed check: a small expression over the state of a graph
 * (swy-lesson-check.c; the grammar is in docs/lessons.md). */
typedef struct _SwyCheck SwyCheck;

SwyCheck      *_swy_check_parse        (JsonNode     *node,
                                        SwyGraph     *graph,
                                        const char   *place,
                                        GError      **error);
gboolean       _swy_check_evaluate     (SwyCheck     *check,
                                        SwyGraph     *graph);
void           _swy_check_free         (SwyCheck     *check);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwyCheck, _swy_check_free)

/* Takes ownership of every pointer; @question, @choices and @explanation
 * are NULL together, @check may be NULL. */
SwyLessonStep *_swy_lesson_step_new    (guint         index,
                                        char         *instruction,
                                        char         *question,
                                        GStrv         choices,
                                        int           correct,
                                        char         *explanation,
                                        SwyCheck     *check);
void           _swy_lesson_step_clear_answer (SwyLessonStep *self);

/* A short form of @node for error messages: its JSON text, cut at 40 characters. */
char          *_swy_lesson_describe    (JsonNode     *node);

G_END_DECLS
