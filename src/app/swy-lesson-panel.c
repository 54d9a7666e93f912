/* swy-lesson-panel.c: the open lesson's text and steps, beside the canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows a SwyLesson (docs/lessons.md): its title and body, then each step
 * with its state (done, current, not yet), its instruction and its
 * prediction question. Choosing an answer shows whether it was right and
 * why. The window calls swy_lesson_panel_evaluate() whenever the graph may
 * have changed; the steps turn done by themselves through the lesson's
 * notifications. Reset Lesson and Next Lesson are the window's actions.
 */

#define G_LOG_DOMAIN "swy-lesson-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "swy-lesson-panel.h"

typedef struct
{
  SwyLessonStep *step;
  GtkWidget     *row;
  GtkWidget     *icon;
  GtkWidget     *question_box;
  GtkWidget     *predict;
  GtkWidget     *result;
  GtkWidget     *explanation;
  GtkWidget     *done_button;
  GPtrArray     *choices;     /* of GtkButton */
  const char    *state;
} StepRow;

struct _SwyLessonPanel
{
  GtkWidget          parent_instance;

  SwyLesson         *lesson;
  SwyGraph          *graph;
  guint              number;
  guint              n_lessons;
  GPtrArray         *rows;     /* of StepRow */
  guint              scroll_id;

  /* Template children */
  GtkScrolledWindow *scroller;
  GtkLabel          *number_label;
  GtkLabel          *title_label;
  GtkLabel          *body_label;
  GtkListBox        *step_list;
  GtkLabel          *status_label;
  GtkWidget         *reset_button;
  GtkWidget         *next_button;
  GtkWidget         *finish_button;
};

G_DEFINE_FINAL_TYPE (SwyLessonPanel, swy_lesson_panel, GTK_TYPE_WIDGET)

static const char *STATE_DONE = "done";
static const char *STATE_CURRENT = "current";
static const char *STATE_NOT_YET = "not-yet";

static void
step_row_free (gpointer data)
{
  StepRow *row = data;

  g_signal_handlers_disconnect_by_data (row->step, row);
  g_clear_object (&row->step);
  g_clear_pointer (&row->choices, g_ptr_array_unref);
  g_free (row);
}

static void
set_classes (GtkWidget  *widget,
             const char *on,
             const char *off1,
             const char *off2)
{
  gtk_widget_remove_css_class (widget, off1);
  gtk_widget_remove_css_class (widget, off2);
  gtk_widget_add_css_class (widget, on);
}

/* Brings a step row's widgets in line with its step. */
static void
sync_row (SwyLessonPanel *self,
          StepRow        *row)
{
  SwyLessonStep *step = row->step;
  guint index = swy_lesson_step_get_index (step);
  guint current = swy_lesson_get_current_step (self->lesson);
  gboolean done = swy_lesson_step_get_done (step);
  int answer = swy_lesson_step_get_answer (step);
  int correct = swy_lesson_step_get_correct_choice (step);
  const char *state = done ? STATE_DONE : index == current ? STATE_CURRENT : STATE_NOT_YET;
  const char *icon_label;
  g_autofree char *row_label = NULL;

  row->state = state;
  if (state == STATE_DONE)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (row->icon), "emblem-ok-symbolic");
      set_classes (row->icon, "success", "accent", "dim-label");
      icon_label = _("Done");
    }
  else if (state == STATE_CURRENT)
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (row->icon), "pan-end-symbolic");
      set_classes (row->icon, "accent", "success", "dim-label");
      icon_label = _("Current step");
    }
  else
    {
      gtk_image_set_from_icon_name (GTK_IMAGE (row->icon), "radio-symbolic");
      set_classes (row->icon, "dim-label", "success", "accent");
      icon_label = _("Not yet");
    }
  gtk_widget_set_tooltip_text (row->icon, icon_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->icon), GTK_ACCESSIBLE_PROPERTY_LABEL, icon_label, -1);
  /* Translators: the accessible name of a lesson step, "Step 2, current step" */
  row_label = g_strdup_printf (_("Step %u, %s"), index + 1, icon_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->row), GTK_ACCESSIBLE_PROPERTY_LABEL, row_label, -1);

  if (state == STATE_NOT_YET)
    gtk_widget_add_css_class (row->row, "not-yet");
  else
    gtk_widget_remove_css_class (row->row, "not-yet");

  if (row->question_box != NULL)
    {
      gtk_widget_set_visible (row->question_box, state != STATE_NOT_YET);
      gtk_label_set_text (GTK_LABEL (row->predict),
                          state == STATE_DONE ? _("Your prediction") : _("Predict first"));
      for (guint i = 0; i < row->choices->len; i++)
        {
          GtkWidget *button = g_ptr_array_index (row->choices, i);

          gtk_widget_set_sensitive (button, answer < 0 && state == STATE_CURRENT);
          /* A done step keeps only the right choice and the learner's pick. */
          gtk_widget_set_visible (button, state != STATE_DONE || (int) i == correct || (int) i == answer);
          gtk_widget_remove_css_class (button, "right");
          gtk_widget_remove_css_class (button, "wrong");
          if (answer >= 0 && (int) i == correct)
            gtk_widget_add_css_class (button, "right");
          else if ((int) i == answer)
            gtk_widget_add_css_class (button, "wrong");
        }

      gtk_widget_set_visible (row->result, answer >= 0);
      gtk_widget_set_visible (row->explanation, answer >= 0);
      if (answer >= 0)
        {
          gboolean right = answer == correct;

          gtk_label_set_text (GTK_LABEL (row->result),
                              right ? _("Right! Now see it happen.")
                                    : _("Not quite: the right answer is marked. Now see it happen."));
          set_classes (row->result, right ? "success" : "warning", right ? "warning" : "success", "dim-label");
        }
    }

  if (row->done_button != NULL)
    gtk_widget_set_visible (row->done_button, state == STATE_CURRENT);
}

static void
sync_status (SwyLessonPanel *self)
{
  gboolean completed = swy_lesson_get_completed (self->lesson);
  gboolean last = self->number > 0 && self->number == self->n_lessons;

  gtk_widget_set_visible (GTK_WIDGET (self->status_label), completed);
  if (completed)
    gtk_label_set_text (self->status_label,
                        last ? _("Lesson complete. That was the last lesson: you have finished the course!")
                             : _("Lesson complete. Well done!"));

  gtk_widget_set_visible (self->next_button, self->number > 0 && self->number < self->n_lessons);
  gtk_widget_set_visible (self->finish_button, last);
  if (completed)
    {
      gtk_widget_add_css_class (self->next_button, "suggested-action");
      gtk_widget_add_css_class (self->finish_button, "suggested-action");
    }
  else
    {
      gtk_widget_remove_css_class (self->next_button, "suggested-action");
      gtk_widget_remove_css_class (self->finish_button, "suggested-action");
    }
}

static void
sync_all (SwyLessonPanel *self)
{
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    sync_row (self, g_ptr_array_index (self->rows, i));
  sync_status (self);
}

/* Brings the current step into view once the panel has been laid out anew. */
static gboolean
scroll_to_current_cb (gpointer user_data)
{
  SwyLessonPanel *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  guint current;
  graphene_point_t top;
  double value, page;

  self->scroll_id = 0;
  if (self->lesson == NULL || viewport == NULL)
    return G_SOURCE_REMOVE;

  current = swy_lesson_get_current_step (self->lesson);
  if (current >= self->rows->len)
    return G_SOURCE_REMOVE;

  if (!gtk_widget_compute_point (((StepRow *) g_ptr_array_index (self->rows, current))->row, viewport,
                                 &GRAPHENE_POINT_INIT (0, 0), &top))
    return G_SOURCE_REMOVE;

  /* @top is relative to what the viewport shows now. */
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (top.y < 0 || top.y > page * 0.6)
    gtk_adjustment_set_value (adjustment, value + top.y - 12);

  return G_SOURCE_REMOVE;
}

static void
current_step_changed_cb (SwyLessonPanel *self)
{
  sync_all (self);
  if (self->scroll_id == 0)
    self->scroll_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, scroll_to_current_cb, self, NULL);
}

static void
step_changed_cb (SwyLessonStep *step,
                 GParamSpec    *pspec,
                 StepRow       *row)
{
  SwyLessonPanel *self = g_object_get_data (G_OBJECT (row->row), "swy-panel");

  sync_row (self, row);
}

static void
choice_clicked_cb (GtkButton      *button,
                   SwyLessonPanel *self)
{
  StepRow *row = g_object_get_data (G_OBJECT (button), "swy-step-row");
  guint choice = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "swy-choice"));

  swy_lesson_step_answer (row->step, choice);
  /* An answer can complete a step whose check already holds. */
  swy_lesson_panel_evaluate (self);
}

static void
done_clicked_cb (GtkButton      *button,
                 SwyLessonPanel *self)
{
  StepRow *row = g_object_get_data (G_OBJECT (button), "swy-step-row");

  swy_lesson_step_set_done (row->step, TRUE);
  swy_lesson_panel_evaluate (self);
}

static GtkWidget *
markup_label (const char *markup,
              const char *style)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);

  return label;
}

static StepRow *
create_step_row (SwyLessonPanel *self,
                 SwyLessonStep  *step)
{
  StepRow *row = g_new0 (StepRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  guint index = swy_lesson_step_get_index (step);
  /* Translators: the heading of a lesson step, "Step 2" */
  g_autofree char *heading = g_strdup_printf (_("Step %u"), index + 1);
  GtkWidget *label;

  row->step = g_object_ref (step);
  row->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->row), FALSE);
  gtk_widget_set_focusable (row->row, FALSE);
  gtk_widget_add_css_class (row->row, "lesson-step");
  g_object_set_data (G_OBJECT (row->row), "swy-panel", self);

  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);

  row->icon = gtk_image_new ();
  gtk_widget_set_valign (row->icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (row->icon, 1);
  gtk_box_append (GTK_BOX (box), row->icon);

  gtk_widget_set_hexpand (column, TRUE);
  label = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (column), label);
  gtk_box_append (GTK_BOX (column), markup_label (swy_lesson_step_get_instruction (step), "lesson-instruction"));

  if (swy_lesson_step_get_question (step) != NULL)
    {
      const char * const *choices = swy_lesson_step_get_choices (step);

      row->question_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_widget_add_css_class (row->question_box, "lesson-question");
      row->predict = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (row->predict), 0);
      gtk_widget_add_css_class (row->predict, "caption-heading");
      gtk_widget_add_css_class (row->predict, "dim-label");
      gtk_box_append (GTK_BOX (row->question_box), row->predict);
      gtk_box_append (GTK_BOX (row->question_box),
                      markup_label (swy_lesson_step_get_question (step), "heading"));

      row->choices = g_ptr_array_new ();
      for (guint i = 0; choices[i] != NULL; i++)
        {
          GtkWidget *button = gtk_button_new ();

          gtk_button_set_child (GTK_BUTTON (button), markup_label (choices[i], NULL));
          gtk_widget_add_css_class (button, "lesson-choice");
          g_object_set_data (G_OBJECT (button), "swy-step-row", row);
          g_object_set_data (G_OBJECT (button), "swy-choice", GUINT_TO_POINTER (i));
          g_signal_connect (button, "clicked", G_CALLBACK (choice_clicked_cb), self);
          g_ptr_array_add (row->choices, button);
          gtk_box_append (GTK_BOX (row->question_box), button);
        }

      /* A status, so that a screen reader says the verdict when it appears. */
      row->result = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_STATUS,
                                  "xalign", 0.0f, "wrap", TRUE, NULL);
      gtk_widget_add_css_class (row->result, "heading");
      gtk_box_append (GTK_BOX (row->question_box), row->result);
      row->explanation = markup_label (swy_lesson_step_get_explanation (step), NULL);
      gtk_box_append (GTK_BOX (row->question_box), row->explanation);
      gtk_box_append (GTK_BOX (column), row->question_box);
    }

  if (swy_lesson_step_get_question (step) == NULL && !swy_lesson_step_has_check (step))
    {
      row->done_button = gtk_button_new_with_mnemonic (_("_Done, Next Step"));
      gtk_widget_set_halign (row->done_button, GTK_ALIGN_START);
      g_object_set_data (G_OBJECT (row->done_button), "swy-step-row", row);
      g_signal_connect (row->done_button, "clicked", G_CALLBACK (done_clicked_cb), self);
      gtk_box_append (GTK_BOX (column), row->done_button);
    }

  gtk_box_append (GTK_BOX (box), column);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);

  g_signal_connect (step, "notify::done", G_CALLBACK (step_changed_cb), row);
  g_signal_connect (step, "notify::answer", G_CALLBACK (step_changed_cb), row);

  return row;
}

static void
clear_lesson (SwyLessonPanel *self)
{
  GtkWidget *child;

  g_clear_handle_id (&self->scroll_id, g_source_remove);
  if (self->lesson != NULL)
    g_signal_handlers_disconnect_by_data (self->lesson, self);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->step_list))) != NULL)
    gtk_list_box_remove (self->step_list, child);
  g_clear_object (&self->lesson);
  g_clear_object (&self->graph);
}

/**
 * swy_lesson_panel_set_lesson:
 * @self: the lesson panel
 * @lesson: (nullable): the open lesson
 * @graph: (nullable): its graph, which the steps' checks look at
 * @number: the lesson's place among the application's lessons, from 1, or 0
 *   for a lesson that is not one of them (then there is no Next Lesson)
 * @n_lessons: how many lessons the application has
 */
void
swy_lesson_panel_set_lesson (SwyLessonPanel *self,
                             SwyLesson      *lesson,
                             SwyGraph       *graph,
                             guint           number,
                             guint           n_lessons)
{
  GListModel *steps;

  g_return_if_fail (SWY_IS_LESSON_PANEL (self));
  g_return_if_fail (lesson == NULL || SWY_IS_LESSON (lesson));
  g_return_if_fail (lesson == NULL || SWY_IS_GRAPH (graph));

  clear_lesson (self);
  if (lesson == NULL)
    return;

  self->lesson = g_object_ref (lesson);
  self->graph = g_object_ref (graph);
  self->number = number;
  self->n_lessons = n_lessons;

  if (number > 0)
    {
      /* Translators: above the lesson's title in the lesson panel, "Lesson 8 of 12" */
      g_autofree char *text = g_strdup_printf (_("Lesson %u of %u"), number, n_lessons);

      gtk_label_set_text (self->number_label, text);
    }
  else
    gtk_label_set_text (self->number_label, _("Lesson"));
  gtk_label_set_text (self->title_label, swy_lesson_get_title (lesson));
  gtk_label_set_markup (self->body_label, swy_lesson_get_body (lesson));

  self->rows = g_ptr_array_new_with_free_func (step_row_free);
  steps = swy_lesson_get_steps (lesson);
  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(SwyLessonStep) step = g_list_model_get_item (steps, i);
      StepRow *row = create_step_row (self, step);

      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (self->step_list, row->row);
    }

  g_signal_connect_object (lesson, "notify::current-step", G_CALLBACK (current_step_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (lesson, "notify::completed", G_CALLBACK (sync_status), self,
                           G_CONNECT_SWAPPED);
  sync_all (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/**
 * swy_lesson_panel_get_lesson:
 * @self: the lesson panel
 *
 * Returns: (transfer none) (nullable): the lesson shown
 */
SwyLesson *
swy_lesson_panel_get_lesson (SwyLessonPanel *self)
{
  g_return_val_if_fail (SWY_IS_LESSON_PANEL (self), NULL);

  return self->lesson;
}

/**
 * swy_lesson_panel_evaluate:
 * @self: the lesson panel
 *
 * Checks the lesson's steps against its graph as it is now: call it
 * whenever the graph may have changed. Cheap: it looks at the current step
 * and stops at the first one that is not complete.
 */
void
swy_lesson_panel_evaluate (SwyLessonPanel *self)
{
  g_return_if_fail (SWY_IS_LESSON_PANEL (self));

  if (self->lesson != NULL && !swy_lesson_get_completed (self->lesson))
    swy_lesson_evaluate (self->lesson, self->graph);
}

static void
swy_lesson_panel_dispose (GObject *object)
{
  SwyLessonPanel *self = SWY_LESSON_PANEL (object);

  GtkWidget *child;

  clear_lesson (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SWY_TYPE_LESSON_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (swy_lesson_panel_parent_class)->dispose (object);
}

static void
swy_lesson_panel_class_init (SwyLessonPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = swy_lesson_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/swy-lesson-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SwyLessonPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, SwyLessonPanel, number_label);
  gtk_widget_class_bind_template_child (widget_class, SwyLessonPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, SwyLessonPanel, body_label);
  gtk_widget_class_bind_template_child (widget_class, SwyLessonPanel, step_list);
  gtk_widget_class_bind_template_child (widget_class, SwyLessonPanel, status_label);
  gtk_widget_class_bind_template_child (widget_class, SwyLessonPanel, reset_button);
  gtk_widget_class_bind_template_child (widget_class, SwyLessonPanel, next_button);
  gtk_widget_class_bind_template_child (widget_class, SwyLessonPanel, finish_button);

  gtk_widget_class_set_css_name (widget_class, "lesson-panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
swy_lesson_panel_init (SwyLessonPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "success");
}

/* For the GUI tests */

const char *
_swy_lesson_panel_get_title (SwyLessonPanel *self)
{
  return gtk_label_get_text (self->title_label);
}

guint
_swy_lesson_panel_get_n_step_rows (SwyLessonPanel *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->step_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);

  return n;
}

const char *
_swy_lesson_panel_get_step_state (SwyLessonPanel *self,
                                  guint           step)
{
  g_return_val_if_fail (self->rows != NULL && step < self->rows->len, NULL);

  return ((StepRow *) g_ptr_array_index (self->rows, step))->state;
}

GtkButton *
_swy_lesson_panel_get_choice (SwyLessonPanel *self,
                              guint           step,
                              guint           choice)
{
  StepRow *row;

  g_return_val_if_fail (self->rows != NULL && step < self->rows->len, NULL);
  row = g_ptr_array_index (self->rows, step);
  g_return_val_if_fail (row->choices != NULL && choice < row->choices->len, NULL);

  return g_ptr_array_index (row->choices, choice);
}

/* The verdict shown under a question, or NULL while it is hidden. */
const char *
_swy_lesson_panel_get_result (SwyLessonPanel *self,
                              guint           step)
{
  StepRow *row;

  g_return_val_if_fail (self->rows != NULL && step < self->rows->len, NULL);
  row = g_ptr_array_index (self->rows, step);
  if (row->result == NULL || !gtk_widget_get_visible (row->result))
    return NULL;

  return gtk_label_get_text (GTK_LABEL (row->result));
}

GtkWidget *
_swy_lesson_panel_get_next_button (SwyLessonPanel *self)
{
  return self->next_button;
}

/* The line under the steps once the lesson is complete, or NULL. */
const char *
_swy_lesson_panel_get_status (SwyLessonPanel *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->status_label)))
    return NULL;

  return gtk_label_get_text (self->status_label);
}
