/* swy-texture.h: small shared textures drawn once (tokens, port handles),
 * and render nodes drawn once into textures at the device pixels they cover
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

/* Where a widget lands in device pixels: a scale, and the position of its
 * origin. A texture drawn for one mapping fits any other with the same
 * renderer, scale and sub-pixel offset, pixel for pixel. */
typedef struct
{
  GskRenderer *renderer;           /* the widget's, while it is realized */
  float        scale, x, y;
} SwyDeviceMapping;

gboolean    swy_texture_get_device_mapping (GtkWidget              *widget,
                                            SwyDeviceMapping       *out);
gboolean    swy_texture_mapping_fits       (const SwyDeviceMapping *a,
                                            const SwyDeviceMapping *b);
gboolean    swy_rounded_rect_equal         (const GskRoundedRect   *a,
                                            const GskRoundedRect   *b);
gboolean    swy_render_nodes_equal         (GskRenderNode          *a,
                                            GskRenderNode          *b);

typedef struct _SwyRaster SwyRaster;

SwyRaster  *swy_raster_new                 (const SwyDeviceMapping *at,
                                            const graphene_rect_t  *area) G_GNUC_WARN_UNUSED_RESULT;
void        swy_raster_free                (SwyRaster              *self);
gboolean    swy_raster_fits                (SwyRaster              *self,
                                            const SwyDeviceMapping *at,
                                            const graphene_rect_t  *area);
void        swy_raster_draw                (SwyRaster              *self,
                                            GskRenderNode *const   *nodes,
                                            guint                   n_nodes,
                                            const graphene_rect_t  *damage,
                                            guint                   n_damage);
GdkTexture *swy_raster_get_texture         (SwyRaster              *self,
                                            gboolean                for_renderer,
                                            graphene_rect_t        *out_rect);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwyRaster, swy_raster_free)

cairo_surface_t *_swy_texture_get_surface (GdkTexture *texture);

GdkTexture *swy_texture_render_node        (GskRenderNode          *node,
                                            const SwyDeviceMapping *at,
                                            const graphene_rect_t  *clip,
                                            gboolean                for_renderer,
                                            graphene_rect_t        *out_rect) G_GNUC_WARN_UNUSED_RESULT;

GskRenderNode *swy_texture_node_new       (GdkTexture             *texture,
                                            const graphene_rect_t  *rect,
                                            GskRenderer            *renderer) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
