/* swy-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "swy-application.h"
#include "swy-autosave.h"
#include "swy-canvas.h"
#include "swy-document.h"

G_BEGIN_DECLS

#define SWY_TYPE_WINDOW (swy_window_get_type ())

G_DECLARE_FINAL_TYPE (SwyWindow, swy_window, SWY, WINDOW, AdwApplicationWindow)

SwyWindow   *swy_window_new                    (SwyApplication *application);
SwyDocument *swy_window_get_document           (SwyWindow      *self);
SwyCanvas   *swy_window_get_canvas             (SwyWindow      *self);
gboolean     swy_window_open_file              (SwyWindow      *self,
                                                GFile          *file);
void         swy_window_load_first_run_example (SwyWindow      *self);
void         swy_window_show_welcome           (SwyWindow      *self);
gboolean     swy_window_restore                (SwyWindow      *self,
                                                SwyRecovered   *recovered);

G_END_DECLS
