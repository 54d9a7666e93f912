/* swy-frame-pacer.h: a window's tick callbacks leave the main loop a gap after slow frames
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void swy_frame_pacer_attach     (GtkWindow *window);
void swy_frame_pacer_set_active (GtkWindow *window,
                                 gboolean   active);

G_END_DECLS
