/* swy-welcome.h: the welcome view, with the lessons and the recent graphs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SWY_TYPE_WELCOME (swy_welcome_get_type ())

G_DECLARE_FINAL_TYPE (SwyWelcome, swy_welcome, SWY, WELCOME, GtkWidget)

void          swy_welcome_set_settings     (SwyWelcome *self,
                                            GSettings  *settings);
void          swy_welcome_remember_file    (GSettings  *settings,
                                            GFile      *file);

/* For the GUI tests */
GtkFlowBox   *_swy_welcome_get_lesson_box  (SwyWelcome *self);
GtkListBox   *_swy_welcome_get_recent_list (SwyWelcome *self);
gboolean      _swy_welcome_render_pending  (SwyWelcome *self);
const char   *_swy_welcome_get_card_title  (GtkFlowBoxChild *card);
gboolean      _swy_welcome_card_has_thumbnail (GtkFlowBoxChild *card);
GdkTexture   *_swy_welcome_card_get_thumbnail (GtkFlowBoxChild *card);

G_END_DECLS
