/* swy-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SWY_TYPE_APPLICATION (swy_application_get_type ())

G_DECLARE_FINAL_TYPE (SwyApplication, swy_application, SWY, APPLICATION, AdwApplication)

SwyApplication *swy_application_new          (const char        *application_id,
                                              GApplicationFlags  flags);
GSettings      *swy_application_get_settings (SwyApplication    *self);

G_END_DECLS
