/* swy-texture.h: small shared textures drawn once (tokens, port handles)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GdkTexture *swy_texture_new_dot (int            size,
                                 double         radius,
                                 const GdkRGBA *color,
                                 double         ring) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
