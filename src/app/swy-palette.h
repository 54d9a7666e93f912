/* swy-palette.h: the node types, to add to the graph by click or drag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SWY_TYPE_PALETTE (swy_palette_get_type ())

G_DECLARE_FINAL_TYPE (SwyPalette, swy_palette, SWY, PALETTE, GtkWidget)

GtkWidget *swy_palette_new          (void);
void       swy_palette_focus_search (SwyPalette *self);

G_END_DECLS
