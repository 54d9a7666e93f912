/* swy-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "swy-application.h"

G_BEGIN_DECLS

#define SWY_TYPE_WINDOW (swy_window_get_type ())

G_DECLARE_FINAL_TYPE (SwyWindow, swy_window, SWY, WINDOW, AdwApplicationWindow)

SwyWindow *swy_window_new (SwyApplication *application);

G_END_DECLS
