/* codegen-gen.c: the test suite's way to the generators
 *
 * codegen-gen [--lang c|python] [--scope graph|node|wire] [--focus ID|INDEX]
 *             [--scope-graph FILE] GRAPH.swy
 *
 * Writes the program to standard output and, with --scope-graph, the graph it
 * shows (swy_codegen_dup_scope_graph()) to FILE, for switchyard-run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "swy-codegen.h"

static GObject *
find_focus (SwyGraph   *graph,
            const char *scope,
            const char *focus)
{
  if (focus == NULL)
    return NULL;

  if (g_str_equal (scope, "wire") ||
      (g_str_equal (scope, "graph") && g_ascii_isdigit (focus[0]) &&
       swy_graph_lookup_node (graph, focus) == NULL))
    {
      g_autoptr(GObject) wire = g_list_model_get_item (swy_graph_get_wires (graph),
                                                       (guint) g_ascii_strtoull (focus, NULL, 10));

      return wire; /* the graph holds a reference */
    }

  return G_OBJECT (swy_graph_lookup_node (graph, focus));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SwyGraph) graph = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *lang = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *focus = NULL;
  g_autofree char *scope_graph_path = NULL;
  g_autofree char *code = NULL;
  g_auto(GStrv) files = NULL;
  SwyCodegenScope scope_value;
  GObject *focus_object;
  const GOptionEntry entries[] = {
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang, "c or python", "LANG" },
    { "scope", 0, 0, G_OPTION_ARG_STRING, &scope, "graph, node or wire", "SCOPE" },
    { "focus", 0, 0, G_OPTION_ARG_STRING, &focus, "node id or wire index", "FOCUS" },
    { "scope-graph", 0, 0, G_OPTION_ARG_FILENAME, &scope_graph_path,
      "write the scope graph", "FILE" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "GRAPH" },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || files == NULL)
    {
      g_printerr ("codegen-gen: %s\n", error ? error->message : "no graph");
      return 2;
    }
  if (scope == NULL)
    scope = g_strdup ("graph");

  file = g_file_new_for_commandline_arg (files[0]);
  graph = swy_graph_new_from_file (file, NULL, &error);
  if (graph == NULL)
    {
      g_printerr ("codegen-gen: %s\n", error->message);
      return 1;
    }

  scope_value = g_str_equal (scope, "node") ? SWY_CODEGEN_SCOPE_NODE
              : g_str_equal (scope, "wire") ? SWY_CODEGEN_SCOPE_WIRE
              : SWY_CODEGEN_SCOPE_GRAPH;
  focus_object = find_focus (graph, scope, focus);

  if (scope_graph_path != NULL)
    {
      g_autoptr(SwyGraph) scope_graph = NULL;
      g_autoptr(GFile) out = g_file_new_for_commandline_arg (scope_graph_path);

      scope_graph = swy_codegen_dup_scope_graph (graph, scope_value, focus_object, &error);
      if (scope_graph == NULL || !swy_graph_save_to_file (scope_graph, out, NULL, &error))
        {
          g_printerr ("codegen-gen: %s\n", error->message);
          return 1;
        }
    }

  code = swy_codegen_generate (graph,
                               g_strcmp0 (lang, "python") == 0 ? SWY_CODEGEN_LANGUAGE_PYTHON
                                                               : SWY_CODEGEN_LANGUAGE_C,
                               scope_value, focus_object, &error);
  if (code == NULL)
    {
      g_printerr ("codegen-gen: %s\n", error->message);
      return 1;
    }

  fputs (code, stdout);

  return 0;
}
