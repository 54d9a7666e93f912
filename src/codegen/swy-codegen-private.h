/* swy-codegen-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "swy-codegen.h"

G_BEGIN_DECLS

GObject *_swy_codegen_find_focus (SwyGraph *graph,
                                  SwyGraph *scope_graph,
                                  GObject  *focus);

G_END_DECLS
