/* swy-codegen.h: a graph as a stand-alone program in plain GLib C or PyGObject
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <swy.h>

G_BEGIN_DECLS

/**
 * SwyCodegenLanguage:
 * @SWY_CODEGEN_LANGUAGE_C: C with GLib and GObject, built with
 *   `gcc … $(pkg-config --cflags --libs gobject-2.0) -lm`
 * @SWY_CODEGEN_LANGUAGE_PYTHON: Python 3 with PyGObject
 *
 * The language of a generated program.
 */
typedef enum
{
  SWY_CODEGEN_LANGUAGE_C,
  SWY_CODEGEN_LANGUAGE_PYTHON,
} SwyCodegenLanguage;

/**
 * SwyCodegenScope:
 * @SWY_CODEGEN_SCOPE_GRAPH: the whole graph; a focus node or wire, if given,
 *   is marked with comments
 * @SWY_CODEGEN_SCOPE_NODE: the focus node with everything upstream of it
 *   and the nodes it feeds directly (docs/codegen.md)
 * @SWY_CODEGEN_SCOPE_WIRE: the focus wire with everything upstream of its
 *   source, and its target
 *
 * How much of a graph a generated program shows.
 */
typedef enum
{
  SWY_CODEGEN_SCOPE_GRAPH,
  SWY_CODEGEN_SCOPE_NODE,
  SWY_CODEGEN_SCOPE_WIRE,
} SwyCodegenScope;

char     *swy_codegen_generate           (SwyGraph            *graph,
                                          SwyCodegenLanguage   lang,
                                          SwyCodegenScope      scope,
                                          GObject             *focus,
                                          GError             **error) G_GNUC_WARN_UNUSED_RESULT;
SwyGraph *swy_codegen_dup_scope_graph    (SwyGraph            *graph,
                                          SwyCodegenScope      scope,
                                          GObject             *focus,
                                          GError             **error) G_GNUC_WARN_UNUSED_RESULT;
char     *swy_codegen_dup_file_name      (SwyGraph            *graph,
                                          SwyCodegenLanguage   lang,
                                          SwyCodegenScope      scope,
                                          GObject             *focus) G_GNUC_WARN_UNUSED_RESULT;
gboolean  swy_codegen_supports_type      (const char          *type_name);

G_END_DECLS
