/* swy-texture.c: small shared textures drawn once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the canvas draws hundreds or thousands of times a frame (tokens,
 * port handles) is one small texture each, drawn
 * once with cairo: a texture is one render node, cheap with every renderer,
 * where a rounded clip around a colour is two and costs the GL renderer a
 * draw batch each (design/performance.md).
 *
 * What stays the same from frame to frame (a card's frame, the cards of a
 * playing graph) is drawn once by the window's own renderer into a texture
 * of exactly the device pixels it covers, so that drawing the texture gives
 * the same pixels as drawing the nodes.
 */

#define G_LOG_DOMAIN "swy-texture"

#include "config.h"

#include <math.h>

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

/**
 * swy_texture_get_device_mapping:
 * @widget: a widget in a window
 * @out: (out): where @widget's coordinates land in device pixels
 *
 * Returns: %FALSE when that is not a plain scale and translation, or the
 *   widget has no renderer
 */
gboolean
swy_texture_get_device_mapping (GtkWidget        *widget,
                                SwyDeviceMapping *out)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_matrix_t m;
  double xx, yx, xy, yy, x0, y0, sx, sy;
  int factor;

  if (native == NULL || gtk_native_get_renderer (native) == NULL ||
      !gtk_widget_compute_transform (widget, GTK_WIDGET (native), &m) ||
      !graphene_matrix_to_2d (&m, &xx, &yx, &xy, &yy, &x0, &y0) ||
      yx != 0 || xy != 0 || xx != yy || xx <= 0)
    return FALSE;

  factor = gtk_widget_get_scale_factor (widget);
  gtk_native_get_surface_transform (native, &sx, &sy);
  out->renderer = gtk_native_get_renderer (native);
  out->scale = xx * factor;
  out->x = (x0 + sx) * factor;
  out->y = (y0 + sy) * factor;

  return TRUE;
}

static float
fraction (float v)
{
  return v - floorf (v);
}

/**
 * swy_texture_mapping_fits:
 * @a: the mapping a texture was drawn for
 * @b: another
 *
 * Returns: whether a texture drawn for @a is drawn at @b pixel for pixel
 */
gboolean
swy_texture_mapping_fits (const SwyDeviceMapping *a,
                          const SwyDeviceMapping *b)
{
  return a->renderer != NULL && a->renderer == b->renderer && a->scale == b->scale &&
         fabsf (fraction (a->x) - fraction (b->x)) <= 0.001f &&
         fabsf (fraction (a->y) - fraction (b->y)) <= 0.001f;
}

/**
 * swy_texture_render_node:
 * @node: a render node, in the coordinates @at maps
 * @at: where those coordinates land in device pixels
 * @clip: (nullable): the part of @node to draw, in the same coordinates
 * @out_rect: (out): where the texture goes, in the same coordinates
 *
 * Draws @node (within @clip) with @at's renderer into a texture of exactly
 * the device pixels it covers.
 *
 * Returns: (transfer full) (nullable): the texture, or %NULL when @node
 *   covers no pixel
 */
GdkTexture *
swy_texture_render_node (GskRenderNode          *node,
                         const SwyDeviceMapping *at,
                         const graphene_rect_t  *clip,
                         graphene_rect_t        *out_rect)
{
  graphene_rect_t bounds;
  float left, top, right, bottom;
  GskTransform *transform = NULL;
  g_autoptr(GskRenderNode) placed = NULL;

  gsk_render_node_get_bounds (node, &bounds);
  if (clip != NULL && !graphene_rect_intersection (&bounds, clip, &bounds))
    return NULL;
  left = floorf (at->x + bounds.origin.x * at->scale);
  top = floorf (at->y + bounds.origin.y * at->scale);
  right = ceilf (at->x + (bounds.origin.x + bounds.size.width) * at->scale);
  bottom = ceilf (at->y + (bounds.origin.y + bounds.size.height) * at->scale);
  if (right <= left || bottom <= top)
    return NULL;

  /* Node coordinates to the texture's pixels, which are the device's. */
  transform = gsk_transform_translate (transform, &GRAPHENE_POINT_INIT (at->x - left, at->y - top));
  transform = gsk_transform_scale (transform, at->scale, at->scale);
  placed = transform != NULL ? gsk_transform_node_new (node, transform)
                             : gsk_render_node_ref (node);
  gsk_transform_unref (transform);
  graphene_rect_init (out_rect, (left - at->x) / at->scale, (top - at->y) / at->scale,
                      (right - left) / at->scale, (bottom - top) / at->scale);

  return gsk_renderer_render_texture (at->renderer, placed,
                                      &GRAPHENE_RECT_INIT (0, 0, right - left, bottom - top));
}
