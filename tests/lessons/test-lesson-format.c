/* test-lesson-format.c: reading lessons, every error, checks and progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <swy.h>

/* A small graph: t (timer) -> q (queue) -> w (worker) -> c (counter),
 * wires 0, 1 and 2, with the lesson given. */
#define GRAPH(lesson) \
  "{\"format\": \"switchyard\", \"version\": 1," \
  " \"nodes\": [{\"id\": \"t\", \"type\": \"timer\"," \
  "              \"properties\": {\"interval-ms\": 100, \"count\": 5}}," \
  "            {\"id\": \"q\", \"type\": \"queue\", \"properties\": {\"capacity\": 2}}," \
  "            {\"id\": \"w\", \"type\": \"worker\", \"properties\": {\"service-ms\": 250}}," \
  "            {\"id\": \"c\", \"type\": \"counter\"}]," \
  " \"wires\": [{\"from\": \"t:out\", \"to\": \"q:in\"}," \
  "            {\"from\": \"q:out\", \"to\": \"w:in\"}," \
  "            {\"from\": \"w:out\", \"to\": \"c:in\"}]," \
  " \"lesson\": " lesson "}"

#define LESSON(steps) \
  "{\"title\": \"T\", \"summary\": \"S\", \"body\": \"B\", \"steps\": " steps "}"

/* A lesson whose second step has the check given. */
#define CHECK(check) \
  GRAPH (LESSON ("[{\"instruction\": \"I\"}, {\"instruction\": \"J\", \"check\": " check "}]"))

/* A lesson whose only step has the question given. */
#define QUESTION(question) \
  GRAPH (LESSON ("[{\"instruction\": \"I\", \"question\": " question "}]"))

static SwyGraph *
load_graph (const char *text)
{
  g_autoptr(GError) error = NULL;
  SwyGraph *graph = swy_graph_new_from_data (text, -1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (graph);

  return graph;
}

static SwyLesson *
load_lesson (SwyGraph   *graph)
{
  g_autoptr(GError) error = NULL;
  SwyLesson *lesson = swy_lesson_new_from_graph (graph, &error);

  g_assert_no_error (error);
  g_assert_nonnull (lesson);

  return lesson;
}

typedef struct
{
  const char *text;
  int         code;
  const char *message;
} BadLesson;

static const BadLesson bad_lessons[] = {
  /* The lesson as a whole. */
  { "{\"format\": \"switchyard\", \"version\": 1}",
    SWY_LESSON_ERROR_MISSING, "lesson: the graph has no lesson" },
  { GRAPH ("[1, 2]"),
    SWY_LESSON_ERROR_INVALID, "lesson: a lesson must be an object, not [1,2]" },
  { GRAPH ("{\"title\": \"T\", \"summary\": \"S\", \"body\": \"B\", \"steps\": [], \"level\": 2}"),
    SWY_LESSON_ERROR_INVALID,
    "lesson: unknown member “level” (a lesson has: title, summary, body, steps)" },
  { GRAPH ("{\"summary\": \"S\", \"body\": \"B\", \"steps\": []}"),
    SWY_LESSON_ERROR_INVALID, "lesson: missing “title”" },
  { GRAPH ("{\"title\": 5, \"summary\": \"S\", \"body\": \"B\", \"steps\": []}"),
    SWY_LESSON_ERROR_INVALID, "lesson: “title” must be a string, not 5" },
  { GRAPH ("{\"title\": \"T\", \"summary\": \"  \", \"body\": \"B\", \"steps\": []}"),
    SWY_LESSON_ERROR_INVALID, "lesson: “summary” is empty" },
  { GRAPH ("{\"title\": \"T\", \"summary\": \"S\", \"body\": [], \"steps\": []}"),
    SWY_LESSON_ERROR_INVALID, "lesson: “body” is empty" },
  { GRAPH ("{\"title\": \"T\", \"summary\": \"S\", \"body\": [\"P\", 7], \"steps\": []}"),
    SWY_LESSON_ERROR_INVALID, "lesson.body: “[1]” must be a string, not 7" },
  { GRAPH ("{\"title\": \"T\", \"summary\": \"S\", \"body\": \"B\"}"),
    SWY_LESSON_ERROR_INVALID, "lesson: missing “steps”" },
  { GRAPH ("{\"title\": \"T\", \"summary\": \"S\", \"body\": \"B\", \"steps\": {}}"),
    SWY_LESSON_ERROR_INVALID, "lesson: “steps” must be an array, not {}" },
  { GRAPH (LESSON ("[]")),
    SWY_LESSON_ERROR_INVALID, "lesson: “steps” is empty: a lesson has at least one" },

  /* Steps and questions. */
  { GRAPH (LESSON ("[{\"instruction\": \"I\"}, \"J\"]")),
    SWY_LESSON_ERROR_INVALID, "lesson.steps[1]: a step must be an object, not \"J\"" },
  { GRAPH (LESSON ("[{\"instruction\": \"I\", \"hint\": \"H\"}]")),
    SWY_LESSON_ERROR_INVALID,
    "lesson.steps[0]: unknown member “hint” (a step has: instruction, question, check)" },
  { GRAPH (LESSON ("[{\"question\": {}}]")),
    SWY_LESSON_ERROR_INVALID, "lesson.steps[0]: missing “instruction”" },
  { QUESTION ("[\"a\"]"),
    SWY_LESSON_ERROR_INVALID, "lesson.steps[0].question: a question must be an object, not "
                              "[\"a\"]" },
  { QUESTION ("{\"text\": \"Q\", \"choices\": [\"a\"], \"correct\": 0, \"explanation\": \"E\"}"),
    SWY_LESSON_ERROR_INVALID, "lesson.steps[0].question: a question has 2 to 4 choices, not 1" },
  { QUESTION ("{\"text\": \"Q\", \"choices\": [\"a\", \"b\", \"c\", \"d\", \"e\"], \"correct\": 0,"
              " \"explanation\": \"E\"}"),
    SWY_LESSON_ERROR_INVALID, "lesson.steps[0].question: a question has 2 to 4 choices, not 5" },
  { QUESTION ("{\"text\": \"Q\", \"choices\": [\"a\", \"\"], \"correct\": 0, \"explanation\": "
              "\"E\"}"),
    SWY_LESSON_ERROR_INVALID, "lesson.steps[0].question.choices: “[1]” is empty" },
  { QUESTION ("{\"text\": \"Q\", \"choices\": [\"a\", \"b\"], \"correct\": 2, \"explanation\": "
              "\"E\"}"),
    SWY_LESSON_ERROR_INVALID,
    "lesson.steps[0].question: “correct” must be the index of a choice, 0 to 1, not 2" },
  { QUESTION ("{\"text\": \"Q\", \"choices\": [\"a\", \"b\"], \"correct\": \"a\", "
              "\"explanation\": \"E\"}"),
    SWY_LESSON_ERROR_INVALID,
    "lesson.steps[0].question: “correct” must be the index of a choice, 0 to 1, not \"a\"" },
  { QUESTION ("{\"text\": \"Q\", \"choices\": [\"a\", \"b\"], \"explanation\": \"E\"}"),
    SWY_LESSON_ERROR_INVALID, "lesson.steps[0].question: missing “correct”" },
  { QUESTION ("{\"text\": \"Q\", \"choices\": [\"a\", \"b\"], \"correct\": 1}"),
    SWY_LESSON_ERROR_INVALID, "lesson.steps[0].question: missing “explanation”" },
  { QUESTION ("{\"text\": \"Q\", \"choices\": [\"a\", \"b\"], \"correct\": 1,"
              " \"explanation\": \"E\", \"answer\": 1}"),
    SWY_LESSON_ERROR_INVALID,
    "lesson.steps[0].question: unknown member “answer” (a question has: text, choices, correct, "
    "explanation)" },

  /* Markup. */
  { GRAPH ("{\"title\": \"T\", \"summary\": \"S\", \"body\": \"a <span>b</span>\", \"steps\": []}"),
    SWY_LESSON_ERROR_MARKUP,
    "lesson.body: character 3: element “span” is not allowed (allowed: b, i, tt, sub, sup)" },
  { GRAPH ("{\"title\": \"T\", \"summary\": \"S\", \"body\": [\"ok\", \"x < y\"], \"steps\": []}"),
    SWY_LESSON_ERROR_MARKUP,
    "lesson.body[1]: character 3: “<” starts no element; write a literal “<” as “&lt;”" },
  { GRAPH (LESSON ("[{\"instruction\": \"<b>bold\"}]")),
    SWY_LESSON_ERROR_MARKUP, "lesson.steps[0].instruction: element “b” is not closed" },
  { GRAPH (LESSON ("[{\"instruction\": \"<b>x</i>\"}]")),
    SWY_LESSON_ERROR_MARKUP, "lesson.steps[0].instruction: character 5: “</i>” does not close the "
                             "open “<b>”" },
  { GRAPH (LESSON ("[{\"instruction\": \"x</tt>\"}]")),
    SWY_LESSON_ERROR_MARKUP, "lesson.steps[0].instruction: character 2: “</tt>” closes no "
                             "element" },
  { GRAPH (LESSON ("[{\"instruction\": \"<b class=\\\"x\\\">x</b>\"}]")),
    SWY_LESSON_ERROR_MARKUP, "lesson.steps[0].instruction: character 1: element “b” takes no "
                             "attributes" },
  { GRAPH (LESSON ("[{\"instruction\": \"fish & chips\"}]")),
    SWY_LESSON_ERROR_MARKUP,
    "lesson.steps[0].instruction: character 6: “&” starts an unknown entity; write a literal “&” "
    "as “&amp;”" },
  { GRAPH (LESSON ("[{\"instruction\": \"a&nbsp;b\"}]")),
    SWY_LESSON_ERROR_MARKUP,
    "lesson.steps[0].instruction: character 2: “&” starts an unknown entity; write a literal “&” "
    "as “&amp;”" },
  { QUESTION ("{\"text\": \"Q\", \"choices\": [\"a\", \"<i>b\"], \"correct\": 1, \"explanation\": "
              "\"E\"}"),
    SWY_LESSON_ERROR_MARKUP, "lesson.steps[0].question.choices[1]: element “i” is not closed" },

  /* Malformed checks. */
  { CHECK ("5"),
    SWY_LESSON_ERROR_CHECK, "lesson.steps[1].check: a check must be an object, not 5" },
  { CHECK ("{\"op\": \">\", \"value\": 1}"),
    SWY_LESSON_ERROR_CHECK,
    "lesson.steps[1].check: a check needs “all”, “any”, “not” or a subject: “graph”, "
    "“count-type”, “node” or “wire”" },
  { CHECK ("{\"node\": \"q\", \"wire\": 1, \"counter\": \"dropped\", \"op\": \">\", \"value\": 0}"),
    SWY_LESSON_ERROR_CHECK, "lesson.steps[1].check: a check has one subject, not both “node” and "
                            "“wire”" },
  { CHECK ("{\"node\": \"q\", \"counter\": \"dropped\", \"op\": \"=>\", \"value\": 0}"),
    SWY_LESSON_ERROR_CHECK, "lesson.steps[1].check: unknown operator “=>” (ops: ==, !=, <, <=, >, "
                            ">=)" },
  { CHECK ("{\"node\": \"q\", \"counter\": \"dropped\", \"value\": 0}"),
    SWY_LESSON_ERROR_CHECK,
    "lesson.steps[1].check: a comparison needs “op” and “value” (ops: ==, !=, <, <=, >, >=)" },
  { CHECK ("{\"node\": \"q\", \"op\": \">\", \"value\": 0}"),
    SWY_LESSON_ERROR_CHECK,
    "lesson.steps[1].check: a check on a node needs one of “counter”, “property” or “is”" },
  { CHECK ("{\"node\": \"q\", \"counter\": \"dropped\", \"property\": \"capacity\", \"op\": "
           "\">\", \"value\": 0}"),
    SWY_LESSON_ERROR_CHECK,
    "lesson.steps[1].check: a check on a node needs one of “counter”, “property” or “is”" },
  { CHECK ("{\"node\": \"q\", \"counter\": \"dropped\", \"op\": \">\", \"value\": \"many\"}"),
    SWY_LESSON_ERROR_CHECK,
    "lesson.steps[1].check: “value” must be a number, as counter “dropped” is, not \"many\"" },
  { CHECK ("{\"node\": \"q\", \"counter\": \"dropped\", \"op\": \">\", \"value\": [1]}"),
    SWY_LESSON_ERROR_CHECK,
    "lesson.steps[1].check: “value” must be a number, a string, a boolean or an object naming a "
    "figure, not [1]" },
  { CHECK ("{\"node\": \"q\", \"property\": \"overflow\", \"op\": \"<\", \"value\": "
           "\"drop-oldest\"}"),
    SWY_LESSON_ERROR_CHECK,
    "lesson.steps[1].check: operator “<” compares numbers, and property “overflow” is a string" },
  { CHECK ("{\"node\": \"q\", \"property\": \"overflow\", \"op\": \"==\", \"value\": "
           "\"drop-latest\"}"),
    SWY_LESSON_ERROR_CHECK,
    "lesson.steps[1].check: “drop-latest” is not a value of property “overflow” (its values: "
    "drop-newest, drop-oldest)" },
  { CHECK ("{\"wire\": 0, \"property\": \"mode\", \"op\": \"==\", \"value\": \"fast\"}"),
    SWY_LESSON_ERROR_CHECK,
    "lesson.steps[1].check: “fast” is not a value of property “mode” (its values: sync, queued)" },
  { CHECK ("{\"node\": \"q\", \"counter\": \"received\", \"reason\": \"overflow\", \"op\": \">\", "
           "\"value\": 0}"),
    SWY_LESSON_ERROR_CHECK,
    "lesson.steps[1].check: “reason” goes with the counter “dropped”, not “received”" },
  { CHECK ("{\"node\": \"w\", \"is\": \"busy\"}"),
    SWY_LESSON_ERROR_CHECK, "lesson.steps[1].check: “is” must be “ready”, not “busy”" },
  { CHECK ("{\"node\": \"w\", \"is\": \"ready\", \"op\": \"==\", \"value\": true}"),
    SWY_LESSON_ERROR_CHECK,
    "lesson.steps[1].check: “op” does not belong in a check with “is” (it takes: node, is)" },
  { CHECK ("{\"graph\": \"dropped\", \"counter\": \"dropped\", \"op\": \">\", \"value\": 0}"),
    SWY_LESSON_ERROR_CHECK,
    "lesson.steps[1].check: “counter” does not belong in a check on the graph (it takes: graph, "
    "op, value)" },
  { CHECK ("{\"all\": []}"),
    SWY_LESSON_ERROR_CHECK, "lesson.steps[1].check: “all” must be a non-empty array of checks, "
                            "not []" },
  { CHECK ("{\"not\": {\"node\": \"w\", \"is\": \"ready\"}, \"any\": []}"),
    SWY_LESSON_ERROR_CHECK, "lesson.steps[1].check: “any” must be the only member of its check" },
  { CHECK ("{\"any\": [{\"node\": \"w\", \"is\": \"ready\"}, {\"not\": 3}]}"),
    SWY_LESSON_ERROR_CHECK, "lesson.steps[1].check.any[1].not: a check must be an object, not 3" },
  { CHECK ("{\"wire\": \"t:out\", \"counter\": \"delivered\", \"op\": \">\", \"value\": 0}"),
    SWY_LESSON_ERROR_CHECK,
    "lesson.steps[1].check: “wire” must be an index or an object with “from” and “to”, not "
    "\"t:out\"" },
  { CHECK ("{\"wire\": {\"from\": \"t\", \"to\": \"q:in\"}, \"counter\": \"delivered\", \"op\": "
           "\">\", \"value\": 0}"),
    SWY_LESSON_ERROR_CHECK, "lesson.steps[1].check: “from” must be a “node:port” address, not "
                            "“t”" },
  { CHECK ("{\"node\": \"q\", \"counter\": \"dropped\", \"op\": \">\","
           " \"value\": {\"node\": \"q\", \"counter\": \"received\", \"op\": \">\"}}"),
    SWY_LESSON_ERROR_CHECK, "lesson.steps[1].check.value: an object as a value takes no “op” or "
                            "“value”" },
  { CHECK ("{\"node\": \"q\", \"counter\": \"dropped\", \"op\": \"==\","
           " \"value\": {\"node\": \"q\", \"property\": \"overflow\"}}"),
    SWY_LESSON_ERROR_CHECK,
    "lesson.steps[1].check: counter “dropped” is a number, but property “overflow” is a string" },

  /* Names that do not exist. */
  { CHECK ("{\"node\": \"qq\", \"counter\": \"dropped\", \"op\": \">\", \"value\": 0}"),
    SWY_LESSON_ERROR_UNKNOWN_NODE, "lesson.steps[1].check: node “qq” does not exist" },
  { CHECK ("{\"all\": [{\"node\": \"w\", \"is\": \"ready\"}, {\"node\": \"w2\", \"is\": "
           "\"ready\"}]}"),
    SWY_LESSON_ERROR_UNKNOWN_NODE, "lesson.steps[1].check.all[1]: node “w2” does not exist" },
  { CHECK ("{\"wire\": 3, \"counter\": \"delivered\", \"op\": \">\", \"value\": 0}"),
    SWY_LESSON_ERROR_UNKNOWN_WIRE, "lesson.steps[1].check: wire 3 does not exist (the graph has 3 "
                                   "wires)" },
  { CHECK ("{\"wire\": {\"from\": \"t:out\", \"to\": \"c:in\"}, \"counter\": \"delivered\", "
           "\"op\": \">\", \"value\": 0}"),
    SWY_LESSON_ERROR_UNKNOWN_WIRE, "lesson.steps[1].check: no wire goes from “t:out” to “c:in”" },
  { CHECK ("{\"node\": \"q\", \"counter\": \"drops\", \"op\": \">\", \"value\": 0}"),
    SWY_LESSON_ERROR_UNKNOWN_NAME,
    "lesson.steps[1].check: node “q” (queue) has no counter “drops” "
    "(its counters: received, emitted, dropped, length, max_depth)" },
  { CHECK ("{\"node\": \"c\", \"property\": \"cap\", \"op\": \">\", \"value\": 0}"),
    SWY_LESSON_ERROR_UNKNOWN_NAME,
    "lesson.steps[1].check: node “c” (counter) has no property “cap” "
    "(its properties: id, x, y, received, emitted, dropped, count, last-value)" },
  { CHECK ("{\"wire\": 1, \"counter\": \"sent\", \"op\": \">\", \"value\": 0}"),
    SWY_LESSON_ERROR_UNKNOWN_NAME,
    "lesson.steps[1].check: a wire has no counter “sent” (its counters: delivered, lost, index)" },
  { CHECK ("{\"graph\": \"time\", \"op\": \">\", \"value\": 0}"),
    SWY_LESSON_ERROR_UNKNOWN_NAME,
    "lesson.steps[1].check: the graph has no figure “time” "
    "(its figures: time-ms, performed, pending, emitted, delivered, dropped)" },
};

static void
test_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_lessons); i++)
    {
      const BadLesson *bad = &bad_lessons[i];
      g_autoptr(SwyGraph) graph = load_graph (bad->text);
      g_autoptr(GError) error = NULL;
      g_autoptr(SwyLesson) lesson = swy_lesson_new_from_graph (graph, &error);

      g_test_message ("case %u: %s", i, bad->message);
      g_assert_null (lesson);
      g_assert_error (error, SWY_LESSON_ERROR, bad->code);
      g_assert_cmpstr (error->message, ==, bad->message);
    }
}

/* Counting, for the "unknown type" error, the catalog's names. */
static void
test_error_unknown_type (void)
{
  g_autoptr(SwyGraph) graph =
    load_graph (CHECK ("{\"count-type\": \"wroker\", \"op\": \">=\", \"value\": 2}"));
  g_autoptr(GError) error = NULL;
  g_autoptr(SwyLesson) lesson = swy_lesson_new_from_graph (graph, &error);

  g_assert_null (lesson);
  g_assert_error (error, SWY_LESSON_ERROR, SWY_LESSON_ERROR_UNKNOWN_NAME);
  g_assert_true (g_str_has_prefix (error->message,
                                   "lesson.steps[1].check: unknown node type “wroker” "
                                   "(known types: timer, "));
  g_assert_nonnull (strstr (error->message, "worker"));
}

static void
test_read (void)
{
  g_autoptr(SwyGraph) graph = load_graph (GRAPH (
    "{\"title\": \"Queues\", \"summary\": \"A summary.\","
    " \"body\": [\"One <b>bold</b> &amp; &#x2192; &#8594;.\", \"Two "
    "<i>x</i><sub>1</sub><sup>2</sup>.\"],"
    " \"steps\": [{\"instruction\": \"Run <tt>t</tt>.\","
    "              \"question\": {\"text\": \"How many?\", \"choices\": [\"One\", \"Two\", "
    "\"Three\"],"
    "                            \"correct\": 2, \"explanation\": \"Because.\"},"
    "              \"check\": {\"node\": \"c\", \"counter\": \"count\", \"op\": \">=\", "
    "\"value\": 3}},"
    "             {\"instruction\": \"Read.\"}]}"));
  g_autoptr(SwyLesson) lesson = load_lesson (graph);
  SwyLessonStep *first = swy_lesson_get_step (lesson, 0);
  SwyLessonStep *second = swy_lesson_get_step (lesson, 1);
  const char * const *choices;
  g_autoptr(GListModel) steps = NULL;

  g_assert_cmpstr (swy_lesson_get_title (lesson), ==, "Queues");
  g_assert_cmpstr (swy_lesson_get_summary (lesson), ==, "A summary.");
  g_assert_cmpstr (swy_lesson_get_body (lesson), ==,
                   "One <b>bold</b> &amp; &#x2192; &#8594;.\n\nTwo "
                   "<i>x</i><sub>1</sub><sup>2</sup>.");
  g_assert_cmpuint (swy_lesson_get_n_steps (lesson), ==, 2);
  g_assert_null (swy_lesson_get_step (lesson, 2));

  g_object_get (lesson, "steps", &steps, NULL);
  g_assert_true (steps == swy_lesson_get_steps (lesson));
  g_assert_true (g_list_model_get_item_type (steps) == SWY_TYPE_LESSON_STEP);

  g_assert_cmpuint (swy_lesson_step_get_index (first), ==, 0);
  g_assert_cmpstr (swy_lesson_step_get_instruction (first), ==, "Run <tt>t</tt>.");
  g_assert_cmpstr (swy_lesson_step_get_question (first), ==, "How many?");
  choices = swy_lesson_step_get_choices (first);
  g_assert_cmpuint (swy_lesson_step_get_n_choices (first), ==, 3);
  g_assert_cmpstr (choices[0], ==, "One");
  g_assert_cmpstr (choices[2], ==, "Three");
  g_assert_null (choices[3]);
  g_assert_cmpint (swy_lesson_step_get_correct_choice (first), ==, 2);
  g_assert_cmpstr (swy_lesson_step_get_explanation (first), ==, "Because.");
  g_assert_true (swy_lesson_step_has_check (first));
  g_assert_cmpint (swy_lesson_step_get_answer (first), ==, -1);

  g_assert_cmpuint (swy_lesson_step_get_index (second), ==, 1);
  g_assert_null (swy_lesson_step_get_question (second));
  g_assert_null (swy_lesson_step_get_choices (second));
  g_assert_cmpuint (swy_lesson_step_get_n_choices (second), ==, 0);
  g_assert_cmpint (swy_lesson_step_get_correct_choice (second), ==, -1);
  g_assert_null (swy_lesson_step_get_explanation (second));
  g_assert_false (swy_lesson_step_has_check (second));
  g_assert_false (swy_lesson_step_check (second, graph));

  g_clear_object (&steps);
  g_assert_finalize_object (g_steal_pointer (&lesson));
}

static gboolean
check (SwyGraph   *graph,
       const char *check_json)
{
  g_autofree char *text = g_strdup_printf (
    GRAPH (LESSON ("[{\"instruction\": \"I\", \"check\": %s}]")), check_json);
  g_autoptr(SwyLesson) lesson = NULL;
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *lesson_node;

  /* Read the check against this graph (not a fresh one), as it is now. */
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  lesson_node = json_object_get_member (json_node_get_object (json_parser_get_root (parser)),
                                       "lesson");
  extra = json_object_new ();
  json_object_set_member (extra, "lesson", json_node_copy (lesson_node));
  swy_graph_set_extra (graph, extra);
  lesson = load_lesson (graph);

  return swy_lesson_step_check (swy_lesson_get_step (lesson, 0), graph);
}

static void
test_check_grammar (void)
{
  g_autoptr(SwyGraph) graph = load_graph (CHECK ("{\"node\": \"w\", \"is\": \"ready\"}"));

  /* Before the run. */
  g_assert_true (check (graph, "{\"node\": \"w\", \"is\": \"ready\"}"));
  g_assert_true (check (graph, "{\"graph\": \"time-ms\", \"op\": \"==\", \"value\": 0}"));
  g_assert_true (check (graph, "{\"count-type\": \"worker\", \"op\": \"==\", \"value\": 1}"));
  g_assert_true (check (graph, "{\"count-type\": \"batch\", \"op\": \"==\", \"value\": 0}"));
  g_assert_true (check (graph, "{\"node\": \"q\", \"property\": \"capacity\", \"op\": \"<=\", "
                               "\"value\": 3}"));
  g_assert_true (check (graph, "{\"node\": \"q\", \"property\": \"overflow\", \"op\": \"==\", "
                               "\"value\": \"drop-newest\"}"));
  g_assert_true (check (graph, "{\"node\": \"t\", \"property\": \"topic\", \"op\": \"!=\", "
                               "\"value\": \"tock\"}"));
  g_assert_true (check (graph, "{\"wire\": 1, \"property\": \"mode\", \"op\": \"==\", \"value\": "
                               "\"sync\"}"));
  g_assert_true (check (graph, "{\"wire\": 1, \"property\": \"blocked\", \"op\": \"==\", "
                               "\"value\": false}"));
  g_assert_true (check (graph, "{\"wire\": {\"from\": \"w:out\", \"to\": \"c:in\"}, \"counter\": "
                               "\"index\", \"op\": \"==\", \"value\": 2}"));
  g_assert_false (check (graph, "{\"not\": {\"node\": \"w\", \"is\": \"ready\"}}"));

  /* t ticks 5 times every 100 ms into a queue of 2 before a 250 ms worker.
   * At 100 the worker takes 1; 2 and 3 wait (the state at 300 ms); at 350
   * the worker takes 2 and 4 joins 3 at 400, so 5 (at 500) finds the queue
   * full and is dropped. The worker finishes 1 to 4 at 350, 600, 850, 1100. */
  swy_graph_run_fast (graph, 300000);
  g_assert_false (check (graph, "{\"node\": \"w\", \"is\": \"ready\"}"));
  g_assert_true (check (graph, "{\"not\": {\"node\": \"w\", \"is\": \"ready\"}}"));
  g_assert_true (check (graph, "{\"graph\": \"time-ms\", \"op\": \"==\", \"value\": 300}"));
  g_assert_true (check (graph, "{\"graph\": \"performed\", \"op\": \"==\", \"value\": 3}"));
  g_assert_true (check (graph, "{\"graph\": \"pending\", \"op\": \"==\", \"value\": 2}"));
  g_assert_true (check (graph, "{\"node\": \"q\", \"counter\": \"length\", \"op\": \"==\", "
                               "\"value\": 2}"));
  g_assert_true (check (graph, "{\"node\": \"w\", \"counter\": \"busy\", \"op\": \"==\", "
                               "\"value\": 1}"));
  swy_graph_run_fast (graph, -1);
  g_assert_true (check (graph, "{\"node\": \"q\", \"counter\": \"dropped\", \"op\": \"==\", "
                               "\"value\": 1}"));
  g_assert_true (check (graph, "{\"node\": \"q\", \"counter\": \"dropped\", \"reason\": "
                               "\"overflow\", \"op\": \"==\", \"value\": 1}"));
  g_assert_true (check (graph, "{\"node\": \"q\", \"counter\": \"dropped\", \"reason\": "
                               "\"removed\", \"op\": \"==\", \"value\": 0}"));
  g_assert_true (check (graph, "{\"node\": \"q\", \"counter\": \"max_depth\", \"op\": \"==\", "
                               "\"value\": 2}"));
  g_assert_true (check (graph, "{\"node\": \"w\", \"counter\": \"busy_ms\", \"op\": \"==\", "
                               "\"value\": 1000}"));
  g_assert_true (check (graph, "{\"node\": \"c\", \"counter\": \"count\", \"op\": \"==\", "
                               "\"value\": 4}"));
  g_assert_true (check (graph, "{\"node\": \"c\", \"property\": \"last-value\", \"op\": \"==\", "
                               "\"value\": 0}"));
  g_assert_true (check (graph, "{\"wire\": 0, \"counter\": \"delivered\", \"op\": \"==\", "
                               "\"value\": 5}"));
  g_assert_true (check (graph, "{\"wire\": 0, \"counter\": \"lost\", \"op\": \"==\", \"value\": "
                               "0}"));
  g_assert_true (check (graph, "{\"graph\": \"emitted\", \"op\": \"==\", \"value\": 13}"));
  g_assert_true (check (graph, "{\"graph\": \"delivered\", \"op\": \"==\", \"value\": 13}"));
  g_assert_true (check (graph, "{\"graph\": \"dropped\", \"op\": \"==\", \"value\": 1}"));

  /* Figures against figures, every operator, all and any. */
  g_assert_true (check (graph, "{\"node\": \"q\", \"counter\": \"received\", \"op\": \">\","
                               " \"value\": {\"node\": \"q\", \"counter\": \"emitted\"}}"));
  g_assert_true (check (graph, "{\"wire\": 2, \"counter\": \"delivered\", \"op\": \"==\","
                               " \"value\": {\"node\": \"c\", \"counter\": \"count\"}}"));
  g_assert_true (check (graph, "{\"count-type\": \"queue\", \"op\": \"<\", \"value\": {\"graph\": "
                               "\"dropped\"}}") == FALSE);
  g_assert_true (check (graph, "{\"count-type\": \"queue\", \"op\": \"<=\", \"value\": "
                               "{\"graph\": \"dropped\"}}"));
  g_assert_true (check (graph, "{\"node\": \"q\", \"property\": \"overflow\", \"op\": \"==\","
                               " \"value\": {\"node\": \"q\", \"property\": \"overflow\"}}"));
  g_assert_true (check (graph, "{\"node\": \"c\", \"counter\": \"count\", \"op\": \">=\", "
                               "\"value\": 4}"));
  g_assert_false (check (graph, "{\"node\": \"c\", \"counter\": \"count\", \"op\": \">\", "
                                "\"value\": 4}"));
  g_assert_true (check (graph, "{\"node\": \"c\", \"counter\": \"count\", \"op\": \"<\", "
                               "\"value\": 4.5}"));
  g_assert_false (check (graph, "{\"node\": \"c\", \"counter\": \"count\", \"op\": \"<=\", "
                                "\"value\": 3}"));
  g_assert_true (check (graph, "{\"node\": \"c\", \"counter\": \"count\", \"op\": \"!=\", "
                               "\"value\": 3}"));
  g_assert_true (check (graph, "{\"all\": [{\"node\": \"w\", \"is\": \"ready\"}, {\"graph\": "
                               "\"dropped\", \"op\": \"==\", \"value\": 1}]}"));
  g_assert_false (check (graph, "{\"all\": [{\"node\": \"w\", \"is\": \"ready\"}, {\"graph\": "
                                "\"dropped\", \"op\": \"==\", \"value\": 2}]}"));
  g_assert_true (check (graph, "{\"any\": [{\"graph\": \"dropped\", \"op\": \"==\", \"value\": "
                               "2}, {\"node\": \"w\", \"is\": \"ready\"}]}"));
  g_assert_false (check (graph, "{\"any\": [{\"graph\": \"dropped\", \"op\": \"==\", \"value\": "
                                "2}, {\"not\": {\"node\": \"w\", \"is\": \"ready\"}}]}"));
}

/* The learner edits the graph: checks look their nodes and wires up again. */
static void
test_check_after_edits (void)
{
  g_autoptr(SwyGraph) graph = load_graph (CHECK (
    "{\"all\": [{\"node\": \"q\", \"property\": \"capacity\", \"op\": \"==\", \"value\": 2},"
    "           {\"wire\": {\"from\": \"q:out\", \"to\": \"w:in\"}, \"property\": \"mode\", "
    "\"op\": \"==\", \"value\": \"sync\"},"
    "           {\"wire\": 2, \"counter\": \"index\", \"op\": \"==\", \"value\": 2}]}"));
  g_autoptr(SwyLesson) lesson = load_lesson (graph);
  SwyLessonStep *step = swy_lesson_get_step (lesson, 1);
  g_autoptr(GError) error = NULL;
  SwyNode *queue;
  SwyWire *wire;

  g_assert_true (swy_lesson_step_check (step, graph));

  /* A wire removed: its index shifts, the wire by ends is gone. */
  wire = g_list_model_get_item (swy_graph_get_wires (graph), 1);
  swy_graph_remove_wire (graph, wire);
  g_object_unref (wire);
  g_assert_false (swy_lesson_step_check (step, graph));
  g_assert_nonnull (swy_graph_connect (graph, "q:out", "w:in", &error));
  g_assert_no_error (error);
  g_assert_true (swy_lesson_step_check (step, graph));

  /* A node replaced by one of another type: its property is gone. */
  queue = swy_graph_lookup_node (graph, "q");
  swy_graph_remove_node (graph, queue);
  g_assert_false (swy_lesson_step_check (step, graph));
  g_assert_nonnull (swy_graph_create_node (graph, "counter", "q", &error));
  g_assert_no_error (error);
  g_assert_false (swy_lesson_step_check (step, graph));

  /* A node of the same type, and the wires back. */
  swy_graph_remove_node (graph, swy_graph_lookup_node (graph, "q"));
  queue = swy_graph_create_node (graph, "queue", "q", &error);
  g_assert_no_error (error);
  swy_queue_node_set_capacity (SWY_QUEUE_NODE (queue), 2);
  g_assert_nonnull (swy_graph_connect (graph, "t:out", "q:in", &error));
  g_assert_nonnull (swy_graph_connect (graph, "q:out", "w:in", &error));
  g_assert_no_error (error);
  g_assert_true (swy_lesson_step_check (step, graph));
}

typedef struct
{
  guint current;
  guint completed;
  guint done;
} Notifications;

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *counter)
{
  (*counter)++;
}

/* Steps turn done in order: a check, a question to answer first, a
 * question only, a step the learner confirms, and a last check. */
static void
test_progress (void)
{
  g_autoptr(SwyGraph) graph = load_graph (GRAPH (LESSON (
    "[{\"instruction\": \"A\", \"check\": {\"node\": \"c\", \"counter\": \"count\", \"op\": "
    "\">=\", \"value\": 1}},"
    " {\"instruction\": \"B\", \"check\": {\"node\": \"c\", \"counter\": \"count\", \"op\": "
    "\">=\", \"value\": 2},"
    "  \"question\": {\"text\": \"Q\", \"choices\": [\"x\", \"y\"], \"correct\": 1, "
    "\"explanation\": \"E\"}},"
    " {\"instruction\": \"C\","
    "  \"question\": {\"text\": \"Q\", \"choices\": [\"x\", \"y\"], \"correct\": 0, "
    "\"explanation\": \"E\"}},"
    " {\"instruction\": \"D\"},"
    " {\"instruction\": \"E\", \"check\": {\"node\": \"c\", \"counter\": \"count\", \"op\": "
    "\">=\", \"value\": 3}}]")));
  g_autoptr(SwyLesson) lesson = load_lesson (graph);
  Notifications n = { 0 };
  SwyLessonStep *a = swy_lesson_get_step (lesson, 0);
  SwyLessonStep *b = swy_lesson_get_step (lesson, 1);
  SwyLessonStep *c = swy_lesson_get_step (lesson, 2);
  SwyLessonStep *d = swy_lesson_get_step (lesson, 3);
  SwyLessonStep *e = swy_lesson_get_step (lesson, 4);

  g_signal_connect (lesson, "notify::current-step", G_CALLBACK (count_notify_cb), &n.current);
  g_signal_connect (lesson, "notify::completed", G_CALLBACK (count_notify_cb), &n.completed);
  g_signal_connect (a, "notify::done", G_CALLBACK (count_notify_cb), &n.done);

  g_assert_cmpuint (swy_lesson_get_current_step (lesson), ==, 0);
  g_assert_false (swy_lesson_evaluate (lesson, graph));
  g_assert_cmpuint (n.current, ==, 0);

  /* Four served: A, B and E hold, but B waits for its answer and E for C and D. */
  swy_graph_run_fast (graph, -1);
  g_assert_true (swy_lesson_evaluate (lesson, graph));
  g_assert_true (swy_lesson_step_get_done (a));
  g_assert_false (swy_lesson_step_get_done (b));
  g_assert_cmpuint (swy_lesson_get_current_step (lesson), ==, 1);
  g_assert_cmpuint (n.current, ==, 1);
  g_assert_cmpuint (n.done, ==, 1);
  g_assert_false (swy_lesson_evaluate (lesson, graph));

  /* A wrong prediction is still a prediction; then C is answered too. */
  g_assert_false (swy_lesson_step_answer (b, 0));
  g_assert_true (swy_lesson_step_answer (c, 0));
  g_assert_true (swy_lesson_evaluate (lesson, graph));
  g_assert_true (swy_lesson_step_get_done (b));
  g_assert_true (swy_lesson_step_get_done (c));
  g_assert_false (swy_lesson_step_get_done (d));
  g_assert_false (swy_lesson_step_get_done (e));
  g_assert_cmpuint (swy_lesson_get_current_step (lesson), ==, 3);

  /* D waits for the learner; then E follows at once. */
  swy_lesson_step_set_done (d, TRUE);
  g_assert_cmpuint (swy_lesson_get_current_step (lesson), ==, 4);
  g_assert_false (swy_lesson_get_completed (lesson));
  g_assert_true (swy_lesson_evaluate (lesson, graph));
  g_assert_true (swy_lesson_get_completed (lesson));
  g_assert_cmpuint (swy_lesson_get_current_step (lesson), ==, 5);
  g_assert_cmpuint (n.completed, ==, 1);

  /* Done stays done when the graph is reset. */
  swy_graph_reset (graph);
  g_assert_false (swy_lesson_evaluate (lesson, graph));
  g_assert_true (swy_lesson_get_completed (lesson));

  /* Restart forgets it all. */
  swy_lesson_restart (lesson);
  g_assert_cmpuint (swy_lesson_get_current_step (lesson), ==, 0);
  g_assert_false (swy_lesson_get_completed (lesson));
  g_assert_cmpuint (n.completed, ==, 2);
  g_assert_cmpint (swy_lesson_step_get_answer (b), ==, -1);
  for (guint i = 0; i < 5; i++)
    g_assert_false (swy_lesson_step_get_done (swy_lesson_get_step (lesson, i)));

  /* The steps may outlive their lesson. */
  g_object_ref (e);
  g_assert_finalize_object (g_steal_pointer (&lesson));
  swy_lesson_step_set_done (e, TRUE);
  g_assert_finalize_object (e);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Swy/Lesson/errors", test_errors);
  g_test_add_func ("/Swy/Lesson/error-unknown-type", test_error_unknown_type);
  g_test_add_func ("/Swy/Lesson/read", test_read);
  g_test_add_func ("/Swy/Lesson/check-grammar", test_check_grammar);
  g_test_add_func ("/Swy/Lesson/check-after-edits", test_check_after_edits);
  g_test_add_func ("/Swy/Lesson/progress", test_progress);

  return g_test_run ();
}
