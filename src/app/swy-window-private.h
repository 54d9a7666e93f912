/* swy-window-private.h: what the GUI tests read of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "swy-window.h"

G_BEGIN_DECLS

const char *_swy_window_get_call_stack_text (SwyWindow *self);
const char *_swy_window_get_clock_text      (SwyWindow *self);

G_END_DECLS
