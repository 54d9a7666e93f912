/* swy-texture.c: small shared textures drawn once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the canvas draws hundreds or thousands of times a frame (tokens,
 * port handles) is one small texture each, drawn
 * once with cairo: a texture is one render node, cheap with every renderer,
 * where a rounded clip around a colour is two and costs the GL renderer a
 * draw batch each (design/performance.md).
 */

#define G_LOG_DOMAIN "swy-texture"

#include "config.h"

#include "swy-texture.h"

/**
 * swy_texture_new_dot:
 * @size: the texture's width and height, in pixels
 * @radius: the dot's radius, centred in the texture
 * @color: the dot's colour
 * @ring: the width of a white ring around the colour, inside @radius, or 0
 *
 * Draws a round dot into a new texture.
 *
 * Returns: (transfer full): the texture
 */
GdkTexture *
swy_texture_new_dot (int            size,
                     double         radius,
                     const GdkRGBA *color,
                     double         ring)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  if (ring > 0)
    {
      cairo_arc (cr, size / 2.0, size / 2.0, radius, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill (cr);
    }
  cairo_arc (cr, size / 2.0, size / 2.0, radius - ring, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                       (gsize) cairo_image_surface_get_stride (surface) * size);
  texture = gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);

  return texture;
}
