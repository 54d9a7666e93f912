/* swy-lesson-step.c: one step of a lesson
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "swy-lesson-private.h"

/**
 * SwyLessonStep:
 *
 * One step of a [class@Lesson]: an instruction for the learner, an
 * optional prediction question with its choices, and an optional check on
 * the state of the graph.
 *
 * The texts are translated and use a small subset of Pango markup
 * (`<b>`, `<i>`, `<tt>`, `<sub>`, `<sup>` and the entities `&amp;`,
 * `&lt;`, `&gt;`, `&quot;`, `&apos;`).
 *
 * A step is done ([property@LessonStep:done]) when [method@Lesson.evaluate]
 * finds it complete, or when the application marks it so. A step that asks
 * a question is complete only once it has been answered
 * ([method@LessonStep.answer]): predict first, then run.
 */

struct _SwyLessonStep
{
  GObject    parent_instance;

  guint      index;
  char      *instruction;
  char      *question;
  GStrv      choices;
  int        correct;
  char      *explanation;
  SwyCheck  *check;

  int        answer;
  gboolean   done;
};

enum {
  PROP_0,
  PROP_INDEX,
  PROP_INSTRUCTION,
  PROP_QUESTION,
  PROP_CHOICES,
  PROP_CORRECT_CHOICE,
  PROP_EXPLANATION,
  PROP_HAS_CHECK,
  PROP_ANSWER,
  PROP_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyLessonStep, swy_lesson_step, G_TYPE_OBJECT)

SwyLessonStep *
_swy_lesson_step_new (guint     index,
                      char     *instruction,
                      char     *question,
                      GStrv     choices,
                      int       correct,
                      char     *explanation,
                      SwyCheck *check)
{
  SwyLessonStep *self = g_object_new (SWY_TYPE_LESSON_STEP, NULL);

  g_assert ((question == NULL) == (choices == NULL));

  self->index = index;
  self->instruction = instruction;
  self->question = question;
  self->choices = choices;
  self->correct = question != NULL ? correct : -1;
  self->explanation = explanation;
  self->check = check;

  return self;
}

static void
swy_lesson_step_finalize (GObject *object)
{
  SwyLessonStep *self = (SwyLessonStep *)object;

  g_clear_pointer (&self->instruction, g_free);
  g_clear_pointer (&self->question, g_free);
  g_clear_pointer (&self->choices, g_strfreev);
  g_clear_pointer (&self->explanation, g_free);
  g_clear_pointer (&self->check, _swy_check_free);

  G_OBJECT_CLASS (swy_lesson_step_parent_class)->finalize (object);
}

static void
swy_lesson_step_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SwyLessonStep *self = SWY_LESSON_STEP (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, swy_lesson_step_get_index (self));
      break;

    case PROP_INSTRUCTION:
      g_value_set_string (value, swy_lesson_step_get_instruction (self));
      break;

    case PROP_QUESTION:
      g_value_set_string (value, swy_lesson_step_get_question (self));
      break;

    case PROP_CHOICES:
      g_value_set_boxed (value, swy_lesson_step_get_choices (self));
      break;

    case PROP_CORRECT_CHOICE:
      g_value_set_int (value, swy_lesson_step_get_correct_choice (self));
      break;

    case PROP_EXPLANATION:
      g_value_set_string (value, swy_lesson_step_get_explanation (self));
      break;

    case PROP_HAS_CHECK:
      g_value_set_boolean (value, swy_lesson_step_has_check (self));
      break;

    case PROP_ANSWER:
      g_value_set_int (value, swy_lesson_step_get_answer (self));
      break;

    case PROP_DONE:
      g_value_set_boolean (value, swy_lesson_step_get_done (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_lesson_step_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SwyLessonStep *self = SWY_LESSON_STEP (object);

  switch (prop_id)
    {
    case PROP_DONE:
      swy_lesson_step_set_done (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_lesson_step_class_init (SwyLessonStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = swy_lesson_step_finalize;
  object_class->get_property = swy_lesson_step_get_property;
  object_class->set_property = swy_lesson_step_set_property;

  /**
   * SwyLessonStep:index:
   *
   * The position of the step in its lesson, from 0.
   */
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyLessonStep:instruction:
   *
   * What the learner is asked to do, translated, in markup.
   */
  properties[PROP_INSTRUCTION] =
    g_param_spec_string ("instruction", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyLessonStep:question:
   *
   * The prediction question, translated, in markup, or `NULL`.
   */
  properties[PROP_QUESTION] =
    g_param_spec_string ("question", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyLessonStep:choices:
   *
   * The answers offered to the question (2 to 4), translated, in markup,
   * or `NULL` without a question.
   */
  properties[PROP_CHOICES] =
    g_param_spec_boxed ("choices", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyLessonStep:correct-choice:
   *
   * The index of the correct choice, or -1 without a question.
   */
  properties[PROP_CORRECT_CHOICE] =
    g_param_spec_int ("correct-choice", NULL, NULL,
                      -1, 3, -1,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyLessonStep:explanation:
   *
   * Why the correct choice is right, shown once the learner has answered;
   * translated, in markup, or `NULL` without a question.
   */
  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyLessonStep:has-check:
   *
   * Whether the step checks the graph, so that it completes by itself.
   */
  properties[PROP_HAS_CHECK] =
    g_param_spec_boolean ("has-check", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyLessonStep:answer:
   *
   * The choice the learner picked, or -1 while the question is unanswered
   * (or when there is none).
   */
  properties[PROP_ANSWER] =
    g_param_spec_int ("answer", NULL, NULL,
                      -1, 3, -1,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyLessonStep:done:
   *
   * Whether the learner has completed the step. Once set, it stays set
   * until [method@Lesson.restart] or [method@LessonStep.set_done].
   */
  properties[PROP_DONE] =
    g_param_spec_boolean ("done", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_lesson_step_init (SwyLessonStep *self)
{
  self->correct = -1;
  self->answer = -1;
}

/**
 * swy_lesson_step_get_index:
 * @self: a step
 *
 * Gets the position of the step in its lesson.
 *
 * Returns: the index, from 0
 */
guint
swy_lesson_step_get_index (SwyLessonStep *self)
{
  g_return_val_if_fail (SWY_IS_LESSON_STEP (self), 0);

  return self->index;
}

/**
 * swy_lesson_step_get_instruction:
 * @self: a step
 *
 * Gets what the learner is asked to do.
 *
 * Returns: the translated instruction, in markup
 */
const char *
swy_lesson_step_get_instruction (SwyLessonStep *self)
{
  g_return_val_if_fail (SWY_IS_LESSON_STEP (self), NULL);

  return self->instruction;
}

/**
 * swy_lesson_step_get_question:
 * @self: a step
 *
 * Gets the prediction question of the step.
 *
 * Returns: (nullable): the translated question, in markup, or `NULL`
 */
const char *
swy_lesson_step_get_question (SwyLessonStep *self)
{
  g_return_val_if_fail (SWY_IS_LESSON_STEP (self), NULL);

  return self->question;
}

/**
 * swy_lesson_step_get_choices:
 * @self: a step
 *
 * Gets the answers offered to the question.
 *
 * Returns: (nullable) (array zero-terminated=1) (transfer none): the
 *   translated choices, in markup, or `NULL` without a question
 */
const char * const *
swy_lesson_step_get_choices (SwyLessonStep *self)
{
  g_return_val_if_fail (SWY_IS_LESSON_STEP (self), NULL);

  return (const char * const *)self->choices;
}

/**
 * swy_lesson_step_get_n_choices:
 * @self: a step
 *
 * Gets the number of answers offered to the question.
 *
 * Returns: 2 to 4, or 0 without a question
 */
guint
swy_lesson_step_get_n_choices (SwyLessonStep *self)
{
  g_return_val_if_fail (SWY_IS_LESSON_STEP (self), 0);

  return self->choices ? g_strv_length (self->choices) : 0;
}

/**
 * swy_lesson_step_get_correct_choice:
 * @self: a step
 *
 * Gets which choice is the correct answer.
 *
 * Returns: its index, or -1 without a question
 */
int
swy_lesson_step_get_correct_choice (SwyLessonStep *self)
{
  g_return_val_if_fail (SWY_IS_LESSON_STEP (self), -1);

  return self->correct;
}

/**
 * swy_lesson_step_get_explanation:
 * @self: a step
 *
 * Gets the explanation to show once the learner has answered.
 *
 * Returns: (nullable): the translated explanation, in markup, or `NULL`
 *   without a question
 */
const char *
swy_lesson_step_get_explanation (SwyLessonStep *self)
{
  g_return_val_if_fail (SWY_IS_LESSON_STEP (self), NULL);

  return self->explanation;
}

/**
 * swy_lesson_step_has_check:
 * @self: a step
 *
 * Gets whether the step checks the state of the graph, so that it
 * completes by itself when the learner has done what it asks.
 *
 * Returns: whether the step has a check
 */
gboolean
swy_lesson_step_has_check (SwyLessonStep *self)
{
  g_return_val_if_fail (SWY_IS_LESSON_STEP (self), FALSE);

  return self->check != NULL;
}

/**
 * swy_lesson_step_check:
 * @self: a step
 * @graph: the graph of the lesson, as the learner has changed it
 *
 * Evaluates the step's check on the current state of @graph. A check on a
 * node or wire that @graph no longer has is false.
 *
 * Returns: whether the check holds; `FALSE` for a step without a check
 */
gboolean
swy_lesson_step_check (SwyLessonStep *self,
                       SwyGraph      *graph)
{
  g_return_val_if_fail (SWY_IS_LESSON_STEP (self), FALSE);
  g_return_val_if_fail (SWY_IS_GRAPH (graph), FALSE);

  return self->check != NULL && _swy_check_evaluate (self->check, graph);
}

/**
 * swy_lesson_step_get_answer:
 * @self: a step
 *
 * Gets the choice the learner picked.
 *
 * Returns: its index, or -1 while the question is unanswered or when the
 *   step has none
 */
int
swy_lesson_step_get_answer (SwyLessonStep *self)
{
  g_return_val_if_fail (SWY_IS_LESSON_STEP (self), -1);

  return self->answer;
}

/**
 * swy_lesson_step_answer:
 * @self: a step with a question
 * @choice: the index of the choice the learner picked
 *
 * Records the learner's answer to the question. A wrong answer counts as
 * an answer too: a prediction is for comparing with what happens. The
 * last answer wins.
 *
 * Returns: whether @choice is the correct one
 */
gboolean
swy_lesson_step_answer (SwyLessonStep *self,
                        guint          choice)
{
  g_return_val_if_fail (SWY_IS_LESSON_STEP (self), FALSE);
  g_return_val_if_fail (self->choices != NULL, FALSE);
  g_return_val_if_fail (choice < g_strv_length (self->choices), FALSE);

  if (self->answer != (int)choice)
    {
      self->answer = choice;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER]);
    }

  return self->answer == self->correct;
}

/**
 * swy_lesson_step_get_done:
 * @self: a step
 *
 * Gets whether the learner has completed the step.
 *
 * Returns: whether the step is done
 */
gboolean
swy_lesson_step_get_done (SwyLessonStep *self)
{
  g_return_val_if_fail (SWY_IS_LESSON_STEP (self), FALSE);

  return self->done;
}

/**
 * swy_lesson_step_set_done:
 * @self: a step
 * @done: whether the step is done
 *
 * Marks the step as done or not. [method@Lesson.evaluate] does this for
 * steps with a check or a question; an application calls it for a step
 * with neither, when the learner says they have read it.
 */
void
swy_lesson_step_set_done (SwyLessonStep *self,
                          gboolean       done)
{
  g_return_if_fail (SWY_IS_LESSON_STEP (self));

  done = !!done;
  if (self->done != done)
    {
      self->done = done;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
    }
}

void
_swy_lesson_step_clear_answer (SwyLessonStep *self)
{
  if (self->answer != -1)
    {
      self->answer = -1;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER]);
    }
}
