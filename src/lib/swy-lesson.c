/* swy-lesson.c: the lesson a graph file carries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "swy-lesson-private.h"

/**
 * SwyLesson:
 *
 * A lesson: a graph file whose `lesson` member holds a title, a summary,
 * a body that sets the scene, and steps ([class@LessonStep]) that ask the
 * learner to predict, run, change something and observe.
 *
 * [func@Lesson.new_from_graph] reads the lesson of a loaded graph. It
 * checks everything, including that each check names nodes, wires,
 * counters and properties the graph has, and translates every text with
 * the `switchyard` text domain. docs/lessons.md describes the format.
 *
 * While the learner works, the application calls [method@Lesson.evaluate]
 * whenever the graph may have changed (after a run slice, a step, a click
 * or an edit) and after the learner answers a question: the steps turn
 * done in order, by themselves.
 */

struct _SwyLesson
{
  GObject     parent_instance;

  char       *title;
  char       *summary;
  char       *body;
  GListStore *steps;
  guint       current;
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_BODY,
  PROP_STEPS,
  PROP_CURRENT_STEP,
  PROP_COMPLETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyLesson, swy_lesson, G_TYPE_OBJECT)

/**
 * swy_lesson_error_quark:
 *
 * Gets the error domain of lessons, [error@LessonError].
 *
 * Returns: the domain
 */
G_DEFINE_QUARK (swy-lesson-error-quark, swy_lesson_error)

static void
ensure_textdomain (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      g_once_init_leave (&initialized, 1);
    }
}

static gboolean
fail (GError     **error,
      int          code,
      const char  *place,
      const char  *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (GError     **error,
      int          code,
      const char  *place,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, SWY_LESSON_ERROR, code, "%s: %s", place, message);

  return FALSE;
}

/* Markup: the subset of Pango markup a lesson may use. A validator of our
 * own (rather than GMarkup) gives positions in the text itself and refuses
 * what Pango would accept but a lesson should not use (spans, attributes). */

static const char * const markup_elements[] = { "b", "i", "tt", "sub", "sup", NULL };
static const char * const markup_entities[] = { "amp", "lt", "gt", "quot", "apos", NULL };

static gboolean
validate_entity (const char  *p,
                 const char **end)
{
  const char *semicolon = strchr (p, ';');
  g_autofree char *name = NULL;

  if (semicolon == NULL || semicolon - p > 12)
    return FALSE;
  name = g_strndup (p + 1, semicolon - p - 1);
  *end = semicolon + 1;

  if (name[0] == '#')
    {
      gboolean hex = name[1] == 'x';
      const char *digits = name + (hex ? 2 : 1);
      char *rest = NULL;
      guint64 c;

      if (*digits == '\0' || !g_ascii_isxdigit (*digits))
        return FALSE;
      c = g_ascii_strtoull (digits, &rest, hex ? 16 : 10);

      return *rest == '\0' && c > 0 && c <= G_MAXUINT32 && g_unichar_validate ((gunichar)c);
    }

  return g_strv_contains (markup_entities, name);
}

static gboolean
validate_markup (const char  *text,
                 const char  *place,
                 GError     **error)
{
  g_autoptr(GPtrArray) open = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  while (*p != '\0')
    {
      glong at = g_utf8_pointer_to_offset (text, p) + 1;

      if (*p == '&')
        {
          const char *end = NULL;

          if (!validate_entity (p, &end))
            return fail (error, SWY_LESSON_ERROR_MARKUP, place,
                         "character %ld: “&” starts an unknown entity; "
                         "write a literal “&” as “&amp;”",
                         at);
          p = end;
        }
      else if (*p == '<')
        {
          gboolean closing = p[1] == '/';
          const char *name_start = p + (closing ? 2 : 1);
          const char *name_end = name_start;
          g_autofree char *name = NULL;

          while (g_ascii_isalnum (*name_end))
            name_end++;
          name = g_strndup (name_start, name_end - name_start);

          if (*name == '\0')
            return fail (error, SWY_LESSON_ERROR_MARKUP, place,
                         "character %ld: “<” starts no element; write a literal “<” as “&lt;”",
                         at);
          if (!g_strv_contains (markup_elements, name))
            {
              g_autofree char *list = g_strjoinv (", ", (char **)markup_elements);

              return fail (error, SWY_LESSON_ERROR_MARKUP, place,
                           "character %ld: element “%s” is not allowed (allowed: %s)",
                           at, name, list);
            }
          if (*name_end != '>')
            return fail (error, SWY_LESSON_ERROR_MARKUP, place,
                         "character %ld: element “%s” takes no attributes", at, name);

          if (!closing)
            {
              g_ptr_array_add (open, g_steal_pointer (&name));
            }
          else if (open->len == 0)
            {
              return fail (error, SWY_LESSON_ERROR_MARKUP, place,
                           "character %ld: “</%s>” closes no element", at, name);
            }
          else if (strcmp (g_ptr_array_index (open, open->len - 1), name) != 0)
            {
              return fail (error, SWY_LESSON_ERROR_MARKUP, place,
                           "character %ld: “</%s>” does not close the open “<%s>”",
                           at, name, (const char *)g_ptr_array_index (open, open->len - 1));
            }
          else
            {
              g_ptr_array_remove_index (open, open->len - 1);
            }
          p = name_end + 1;
        }
      else
        {
          p = g_utf8_next_char (p);
        }
    }

  if (open->len > 0)
    return fail (error, SWY_LESSON_ERROR_MARKUP, place, "element “%s” is not closed",
                 (const char *)g_ptr_array_index (open, open->len - 1));

  return TRUE;
}

/* Texts. */

static char *
translate (const char *text,
           gboolean    markup)
{
  const char *translated = g_dgettext (GETTEXT_PACKAGE, text);

  /* A translation that breaks the markup would break the label that shows
   * it: the original is better than nothing. */
  if (markup && translated != text && !validate_markup (translated, "", NULL))
    {
      g_debug ("Ignoring the translation of “%s”: it is not valid markup", text);
      translated = text;
    }

  return g_strdup (translated);
}

static char *
text_from_node (JsonNode    *node,
                gboolean     markup,
                const char  *container,
                const char  *name,
                GError     **error)
{
  g_autofree char *place = NULL;
  const char *text;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *what = _swy_lesson_describe (node);

      fail (error, SWY_LESSON_ERROR_INVALID, container,
            "“%s” must be a string, not %s", name, what);
      return NULL;
    }

  text = json_node_get_string (node);
  place = g_strconcat (container, name[0] == '[' ? "" : ".", name, NULL);

  {
    g_autofree char *stripped = g_strstrip (g_strdup (text));

    if (*stripped == '\0')
      {
        fail (error, SWY_LESSON_ERROR_INVALID, container, "“%s” is empty", name);
        return NULL;
      }
  }

  if (markup && !validate_markup (text, place, error))
    return NULL;

  return translate (text, markup);
}

static char *
read_text (JsonObject  *object,
           const char  *name,
           gboolean     markup,
           const char  *place,
           GError     **error)
{
  if (!json_object_has_member (object, name))
    {
      fail (error, SWY_LESSON_ERROR_INVALID, place, "missing “%s”", name);
      return NULL;
    }

  return text_from_node (json_object_get_member (object, name), markup, place, name, error);
}

/* Every member of @object must be one of @allowed. */
static gboolean
check_members (JsonObject          *object,
               const char * const  *allowed,
               const char          *what,
               const char          *place,
               GError             **error)
{
  g_autoptr(GList) names = json_object_get_members (object);

  for (const GList *l = names; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        {
          g_autofree char *list = g_strjoinv (", ", (char **)allowed);

          return fail (error, SWY_LESSON_ERROR_INVALID, place,
                       "unknown member “%s” (%s has: %s)", (const char *)l->data, what, list);
        }
    }

  return TRUE;
}

static JsonObject *
expect_object (JsonNode    *node,
               const char  *what,
               const char  *place,
               GError     **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *text = _swy_lesson_describe (node);

      fail (error, SWY_LESSON_ERROR_INVALID, place, "%s must be an object, not %s", what, text);
      return NULL;
    }

  return json_node_get_object (node);
}

static JsonArray *
expect_array (JsonObject  *object,
              const char  *name,
              const char  *place,
              GError     **error)
{
  JsonNode *node;

  if (!json_object_has_member (object, name))
    {
      fail (error, SWY_LESSON_ERROR_INVALID, place, "missing “%s”", name);
      return NULL;
    }

  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *text = _swy_lesson_describe (node);

      fail (error, SWY_LESSON_ERROR_INVALID, place, "“%s” must be an array, not %s", name, text);
      return NULL;
    }

  return json_node_get_array (node);
}

/* The body: one text, or an array of paragraphs (one message each for the
 * translators), joined with blank lines. */
static char *
read_body (JsonObject  *object,
           GError     **error)
{
  g_autoptr(GString) body = g_string_new (NULL);
  JsonArray *paragraphs;

  if (!json_object_has_member (object, "body"))
    {
      fail (error, SWY_LESSON_ERROR_INVALID, "lesson", "missing “body”");
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "body")))
    return read_text (object, "body", TRUE, "lesson", error);

  paragraphs = json_object_get_array_member (object, "body");
  if (json_array_get_length (paragraphs) == 0)
    {
      fail (error, SWY_LESSON_ERROR_INVALID, "lesson", "“body” is empty");
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (paragraphs); i++)
    {
      g_autofree char *index = g_strdup_printf ("[%u]", i);
      g_autofree char *text = text_from_node (json_array_get_element (paragraphs, i), TRUE,
                                              "lesson.body", index, error);

      if (text == NULL)
        return NULL;
      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append (body, text);
    }

  return g_string_free (g_steal_pointer (&body), FALSE);
}

static gboolean
read_question (JsonNode     *node,
               const char   *step_place,
               char        **question,
               GStrv        *choices,
               int          *correct,
               char        **explanation,
               GError      **error)
{
  static const char * const members[] = { "text", "choices", "correct", "explanation", NULL };
  g_autofree char *place = g_strconcat (step_place, ".question", NULL);
  g_autofree char *choices_place = g_strconcat (place, ".choices", NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  JsonObject *object;
  JsonArray *array;
  JsonNode *index;
  guint n;

  if (!(object = expect_object (node, "a question", place, error)) ||
      !check_members (object, members, "a question", place, error) ||
      !(array = expect_array (object, "choices", place, error)))
    return FALSE;

  n = json_array_get_length (array);
  if (n < 2 || n > 4)
    return fail (error, SWY_LESSON_ERROR_INVALID, place,
                 "a question has 2 to 4 choices, not %u", n);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("[%u]", i);
      char *text = text_from_node (json_array_get_element (array, i), TRUE,
                                   choices_place, name, error);

      if (text == NULL)
        return FALSE;
      g_ptr_array_add (texts, text);
    }

  if (!json_object_has_member (object, "correct"))
    return fail (error, SWY_LESSON_ERROR_INVALID, place, "missing “correct”");
  index = json_object_get_member (object, "correct");
  if (!JSON_NODE_HOLDS_VALUE (index) || json_node_get_value_type (index) != G_TYPE_INT64 ||
      json_node_get_int (index) < 0 || json_node_get_int (index) >= n)
    {
      g_autofree char *text = _swy_lesson_describe (index);

      return fail (error, SWY_LESSON_ERROR_INVALID, place,
                   "“correct” must be the index of a choice, 0 to %u, not %s", n - 1, text);
    }

  if (!(*question = read_text (object, "text", TRUE, place, error)))
    return FALSE;
  if (!(*explanation = read_text (object, "explanation", TRUE, place, error)))
    {
      g_clear_pointer (question, g_free);
      return FALSE;
    }

  *correct = json_node_get_int (index);
  g_ptr_array_add (texts, NULL);
  *choices = (GStrv)g_ptr_array_steal (texts, NULL);

  return TRUE;
}

static SwyLessonStep *
read_step (JsonNode    *node,
           guint        index,
           SwyGraph    *graph,
           GError     **error)
{
  static const char * const members[] = { "instruction", "question", "check", NULL };
  g_autofree char *place = g_strdup_printf ("lesson.steps[%u]", index);
  g_autofree char *instruction = NULL;
  g_autofree char *question = NULL;
  g_autofree char *explanation = NULL;
  g_auto(GStrv) choices = NULL;
  g_autoptr(SwyCheck) check = NULL;
  int correct = -1;
  JsonObject *object;

  if (!(object = expect_object (node, "a step", place, error)) ||
      !check_members (object, members, "a step", place, error) ||
      !(instruction = read_text (object, "instruction", TRUE, place, error)))
    return NULL;

  if (json_object_has_member (object, "question") &&
      !read_question (json_object_get_member (object, "question"), place,
                      &question, &choices, &correct, &explanation, error))
    return NULL;

  if (json_object_has_member (object, "check"))
    {
      g_autofree char *check_place = g_strconcat (place, ".check", NULL);

      if (!(check = _swy_check_parse (json_object_get_member (object, "check"), graph,
                                      check_place, error)))
        return NULL;
    }

  return _swy_lesson_step_new (index,
                               g_steal_pointer (&instruction),
                               g_steal_pointer (&question),
                               g_steal_pointer (&choices),
                               correct,
                               g_steal_pointer (&explanation),
                               g_steal_pointer (&check));
}

static void
update_current (SwyLesson *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->steps));
  gboolean was_completed = self->current == n;
  guint current = 0;

  while (current < n && swy_lesson_step_get_done (swy_lesson_get_step (self, current)))
    current++;

  if (current == self->current)
    return;

  self->current = current;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_STEP]);
  if (was_completed != (current == n))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETED]);
}

static SwyLesson *
read_lesson (JsonNode  *node,
             SwyGraph  *graph,
             GError   **error)
{
  static const char * const members[] = { "title", "summary", "body", "steps", NULL };
  g_autoptr(SwyLesson) self = g_object_new (SWY_TYPE_LESSON, NULL);
  JsonObject *object;
  JsonArray *steps;

  if (!(object = expect_object (node, "a lesson", "lesson", error)) ||
      !check_members (object, members, "a lesson", "lesson", error) ||
      !(self->title = read_text (object, "title", FALSE, "lesson", error)) ||
      !(self->summary = read_text (object, "summary", FALSE, "lesson", error)) ||
      !(self->body = read_body (object, error)) ||
      !(steps = expect_array (object, "steps", "lesson", error)))
    return NULL;

  if (json_array_get_length (steps) == 0)
    {
      fail (error, SWY_LESSON_ERROR_INVALID, "lesson",
            "“steps” is empty: a lesson has at least one");
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonNode *element = json_array_get_element (steps, i);
      g_autoptr(SwyLessonStep) step = read_step (element, i, graph, error);

      if (step == NULL)
        return NULL;
      g_signal_connect_object (step, "notify::done", G_CALLBACK (update_current), self,
                               G_CONNECT_SWAPPED);
      g_list_store_append (self->steps, step);
    }

  return g_steal_pointer (&self);
}

/**
 * swy_lesson_new_from_graph:
 * @graph: a graph loaded from a lesson file
 * @error: return location for an error
 *
 * Reads the lesson that @graph carries in the `lesson` member of its
 * [property@Graph:extra]. The checks are resolved against @graph as it is
 * now: call this right after loading, before the learner edits anything.
 * Every text is translated with the `switchyard` text domain.
 *
 * Returns: (transfer full): the lesson, or `NULL` with @error set in the
 *   [error@LessonError] domain
 */
SwyLesson *
swy_lesson_new_from_graph (SwyGraph  *graph,
                           GError   **error)
{
  JsonObject *extra;

  g_return_val_if_fail (SWY_IS_GRAPH (graph), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  extra = swy_graph_get_extra (graph);
  if (extra == NULL || !json_object_has_member (extra, "lesson"))
    {
      fail (error, SWY_LESSON_ERROR_MISSING, "lesson", "the graph has no lesson");
      return NULL;
    }

  ensure_textdomain ();

  return read_lesson (json_object_get_member (extra, "lesson"), graph, error);
}

static void
swy_lesson_finalize (GObject *object)
{
  SwyLesson *self = (SwyLesson *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_object (&self->steps);

  G_OBJECT_CLASS (swy_lesson_parent_class)->finalize (object);
}

static void
swy_lesson_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SwyLesson *self = SWY_LESSON (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, swy_lesson_get_title (self));
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, swy_lesson_get_summary (self));
      break;

    case PROP_BODY:
      g_value_set_string (value, swy_lesson_get_body (self));
      break;

    case PROP_STEPS:
      g_value_set_object (value, swy_lesson_get_steps (self));
      break;

    case PROP_CURRENT_STEP:
      g_value_set_uint (value, swy_lesson_get_current_step (self));
      break;

    case PROP_COMPLETED:
      g_value_set_boolean (value, swy_lesson_get_completed (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_lesson_class_init (SwyLessonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = swy_lesson_finalize;
  object_class->get_property = swy_lesson_get_property;

  /**
   * SwyLesson:title:
   *
   * The translated title, plain text.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyLesson:summary:
   *
   * A translated sentence for a gallery of lessons, plain text.
   */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyLesson:body:
   *
   * The translated introduction, in markup, paragraphs separated by blank lines.
   */
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyLesson:steps:
   *
   * The steps, a list of [class@LessonStep] in order.
   */
  properties[PROP_STEPS] =
    g_param_spec_object ("steps", NULL, NULL, G_TYPE_LIST_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyLesson:current-step:
   *
   * The index of the first step not done yet: the one the learner works
   * on. Equal to the number of steps when all are done.
   */
  properties[PROP_CURRENT_STEP] =
    g_param_spec_uint ("current-step", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyLesson:completed:
   *
   * Whether every step is done.
   */
  properties[PROP_COMPLETED] =
    g_param_spec_boolean ("completed", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_lesson_init (SwyLesson *self)
{
  self->steps = g_list_store_new (SWY_TYPE_LESSON_STEP);
}

/**
 * swy_lesson_get_title:
 * @self: a lesson
 *
 * Gets the title of the lesson.
 *
 * Returns: the translated title, plain text
 */
const char *
swy_lesson_get_title (SwyLesson *self)
{
  g_return_val_if_fail (SWY_IS_LESSON (self), NULL);

  return self->title;
}

/**
 * swy_lesson_get_summary:
 * @self: a lesson
 *
 * Gets the one-sentence summary of the lesson, for a gallery.
 *
 * Returns: the translated summary, plain text
 */
const char *
swy_lesson_get_summary (SwyLesson *self)
{
  g_return_val_if_fail (SWY_IS_LESSON (self), NULL);

  return self->summary;
}

/**
 * swy_lesson_get_body:
 * @self: a lesson
 *
 * Gets the introduction of the lesson, which sets the scene.
 *
 * Returns: the translated body, in markup, paragraphs separated by blank lines
 */
const char *
swy_lesson_get_body (SwyLesson *self)
{
  g_return_val_if_fail (SWY_IS_LESSON (self), NULL);

  return self->body;
}

/**
 * swy_lesson_get_steps:
 * @self: a lesson
 *
 * Gets the steps of the lesson.
 *
 * Returns: (transfer none): a list of [class@LessonStep]
 */
GListModel *
swy_lesson_get_steps (SwyLesson *self)
{
  g_return_val_if_fail (SWY_IS_LESSON (self), NULL);

  return G_LIST_MODEL (self->steps);
}

/**
 * swy_lesson_get_n_steps:
 * @self: a lesson
 *
 * Gets the number of steps.
 *
 * Returns: the number of steps, at least 1
 */
guint
swy_lesson_get_n_steps (SwyLesson *self)
{
  g_return_val_if_fail (SWY_IS_LESSON (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->steps));
}

/**
 * swy_lesson_get_step:
 * @self: a lesson
 * @index: the index of a step, from 0
 *
 * Gets one step of the lesson.
 *
 * Returns: (transfer none) (nullable): the step, or `NULL` if @index is
 *   out of range
 */
SwyLessonStep *
swy_lesson_get_step (SwyLesson *self,
                     guint      index)
{
  g_autoptr(SwyLessonStep) step = NULL;

  g_return_val_if_fail (SWY_IS_LESSON (self), NULL);

  /* The store keeps its own reference. */
  step = g_list_model_get_item (G_LIST_MODEL (self->steps), index);

  return step;
}

/**
 * swy_lesson_get_current_step:
 * @self: a lesson
 *
 * Gets the index of the first step that is not done: the one the learner
 * works on.
 *
 * Returns: the index, or the number of steps when all are done
 */
guint
swy_lesson_get_current_step (SwyLesson *self)
{
  g_return_val_if_fail (SWY_IS_LESSON (self), 0);

  return self->current;
}

/**
 * swy_lesson_get_completed:
 * @self: a lesson
 *
 * Gets whether every step is done.
 *
 * Returns: whether the lesson is completed
 */
gboolean
swy_lesson_get_completed (SwyLesson *self)
{
  g_return_val_if_fail (SWY_IS_LESSON (self), FALSE);

  return self->current == swy_lesson_get_n_steps (self);
}

static gboolean
step_is_complete (SwyLessonStep *step,
                  SwyGraph      *graph)
{
  gboolean has_question = swy_lesson_step_get_question (step) != NULL;

  /* Predict first, then run. */
  if (has_question && swy_lesson_step_get_answer (step) < 0)
    return FALSE;
  if (swy_lesson_step_has_check (step))
    return swy_lesson_step_check (step, graph);

  /* A step with neither a check nor a question waits for the learner. */
  return has_question;
}

/**
 * swy_lesson_evaluate:
 * @self: a lesson
 * @graph: the graph of the lesson, as the learner has changed it
 *
 * Marks steps done, in order, from the current one: a step is complete
 * when its question (if any) has been answered and its check (if any)
 * holds on @graph. A step with neither waits for
 * [method@LessonStep.set_done]. Evaluation stops at the first step that
 * is not complete, so a step never turns done before the ones above it;
 * steps that are done stay done.
 *
 * Call it whenever @graph may have changed and after an answer.
 *
 * Returns: whether a step turned done
 */
gboolean
swy_lesson_evaluate (SwyLesson *self,
                     SwyGraph  *graph)
{
  gboolean changed = FALSE;
  guint n;

  g_return_val_if_fail (SWY_IS_LESSON (self), FALSE);
  g_return_val_if_fail (SWY_IS_GRAPH (graph), FALSE);

  n = swy_lesson_get_n_steps (self);
  for (guint i = self->current; i < n; i++)
    {
      SwyLessonStep *step = swy_lesson_get_step (self, i);

      if (swy_lesson_step_get_done (step))
        continue;
      if (!step_is_complete (step, graph))
        break;

      swy_lesson_step_set_done (step, TRUE);
      changed = TRUE;
    }

  return changed;
}

/**
 * swy_lesson_restart:
 * @self: a lesson
 *
 * Forgets the learner's progress: every step is not done and unanswered.
 * The graph is the application's to reload.
 */
void
swy_lesson_restart (SwyLesson *self)
{
  guint n;

  g_return_if_fail (SWY_IS_LESSON (self));

  n = swy_lesson_get_n_steps (self);
  for (guint i = n; i > 0; i--)
    {
      SwyLessonStep *step = swy_lesson_get_step (self, i - 1);

      _swy_lesson_step_clear_answer (step);
      swy_lesson_step_set_done (step, FALSE);
    }
}
