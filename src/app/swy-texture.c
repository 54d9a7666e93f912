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
 * playing graph, a row of the dot grid) is drawn once into a raster of
 * exactly the device pixels it covers, with GSK's own cairo drawing, so
 * that drawing its texture puts each of its pixels on one pixel of the
 * window; for the GL renderer the texture is uploaded as a GL texture that
 * is drawn without filtering.
 */

#define G_LOG_DOMAIN "swy-texture"

#include "config.h"

#include <math.h>

#include <epoxy/gl.h>

#include "swy-texture.h"

/* After gtk.h, which allows it. */
#include <gsk/gl/gskglrenderer.h>


/* A texture drawn here keeps the image surface it shares its pixels with,
 * which drawing the texture into a raster paints at once: GSK's own
 * drawing would copy its pixels into a new surface first, every time. */
static const char *surface_key = "swy-texture-surface";

/**
 * _swy_texture_get_surface:
 * @texture: a texture
 *
 * Returns: (transfer none) (nullable): the image surface @texture was made
 *   of here, with the same pixels, or %NULL
 */
cairo_surface_t *
_swy_texture_get_surface (GdkTexture *texture)
{
  g_return_val_if_fail (GDK_IS_TEXTURE (texture), NULL);

  return g_object_get_data (G_OBJECT (texture), surface_key);
}

static GdkTexture *
texture_new_for_surface (cairo_surface_t *surface)
{
  int stride = cairo_image_surface_get_stride (surface);
  int height = cairo_image_surface_get_height (surface);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                    GDK_MEMORY_DEFAULT, bytes, stride);
  g_object_set_data_full (G_OBJECT (texture), surface_key, cairo_surface_reference (surface),
                          (GDestroyNotify) cairo_surface_destroy);

  return texture;
}

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

  texture = texture_new_for_surface (surface);
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

/* Comparing nodes
 *
 * GTK makes a widget's nodes again whenever it draws the widget again, as
 * a card does for a change in one of its children, so nodes that draw the
 * same are compared by value: a few dozen floats, where serializing them to
 * compare took about 1.2 ms of a frame refreshing 200 cards (perf,
 * bench/README.md). */

gboolean
swy_rounded_rect_equal (const GskRoundedRect *a,
                        const GskRoundedRect *b)
{
  if (!graphene_rect_equal (&a->bounds, &b->bounds))
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!graphene_size_equal (&a->corner[i], &b->corner[i]))
      return FALSE;

  return TRUE;
}

/**
 * swy_render_nodes_equal:
 * @a: a render node
 * @b: another
 *
 * Whether @a and @b draw the same, as far as the kinds of nodes a card's
 * frame and leaves are made of tell: containers, rounded clips, colours,
 * textures, borders and shadows. Other kinds are equal only to themselves.
 *
 * Returns: %TRUE when they draw the same
 */
gboolean
swy_render_nodes_equal (GskRenderNode *a,
                        GskRenderNode *b)
{
  GskRenderNodeType type = gsk_render_node_get_node_type (a);
  graphene_rect_t bounds_a, bounds_b;

  if (a == b)
    return TRUE;
  if (type != gsk_render_node_get_node_type (b))
    return FALSE;
  gsk_render_node_get_bounds (a, &bounds_a);
  gsk_render_node_get_bounds (b, &bounds_b);
  if (!graphene_rect_equal (&bounds_a, &bounds_b))
    return FALSE;

  switch ((int) type)
    {
    case GSK_CONTAINER_NODE:
      if (gsk_container_node_get_n_children (a) != gsk_container_node_get_n_children (b))
        return FALSE;
      for (guint i = 0; i < gsk_container_node_get_n_children (a); i++)
        if (!swy_render_nodes_equal (gsk_container_node_get_child (a, i), gsk_container_node_get_child (b, i)))
          return FALSE;
      return TRUE;

    case GSK_OUTSET_SHADOW_NODE:
      return swy_rounded_rect_equal (gsk_outset_shadow_node_get_outline (a),
                                     gsk_outset_shadow_node_get_outline (b)) &&
             gdk_rgba_equal (gsk_outset_shadow_node_get_color (a), gsk_outset_shadow_node_get_color (b)) &&
             gsk_outset_shadow_node_get_dx (a) == gsk_outset_shadow_node_get_dx (b) &&
             gsk_outset_shadow_node_get_dy (a) == gsk_outset_shadow_node_get_dy (b) &&
             gsk_outset_shadow_node_get_spread (a) == gsk_outset_shadow_node_get_spread (b) &&
             gsk_outset_shadow_node_get_blur_radius (a) == gsk_outset_shadow_node_get_blur_radius (b);

    case GSK_INSET_SHADOW_NODE:
      return swy_rounded_rect_equal (gsk_inset_shadow_node_get_outline (a),
                                     gsk_inset_shadow_node_get_outline (b)) &&
             gdk_rgba_equal (gsk_inset_shadow_node_get_color (a), gsk_inset_shadow_node_get_color (b)) &&
             gsk_inset_shadow_node_get_dx (a) == gsk_inset_shadow_node_get_dx (b) &&
             gsk_inset_shadow_node_get_dy (a) == gsk_inset_shadow_node_get_dy (b) &&
             gsk_inset_shadow_node_get_spread (a) == gsk_inset_shadow_node_get_spread (b) &&
             gsk_inset_shadow_node_get_blur_radius (a) == gsk_inset_shadow_node_get_blur_radius (b);

    case GSK_ROUNDED_CLIP_NODE:
      return swy_rounded_rect_equal (gsk_rounded_clip_node_get_clip (a), gsk_rounded_clip_node_get_clip (b)) &&
             swy_render_nodes_equal (gsk_rounded_clip_node_get_child (a), gsk_rounded_clip_node_get_child (b));

    case GSK_COLOR_NODE:
      return gdk_rgba_equal (gsk_color_node_get_color (a), gsk_color_node_get_color (b));

    case GSK_TEXTURE_NODE:
      return gsk_texture_node_get_texture (a) == gsk_texture_node_get_texture (b);

    case GSK_BORDER_NODE:
      if (!swy_rounded_rect_equal (gsk_border_node_get_outline (a), gsk_border_node_get_outline (b)))
        return FALSE;
      for (guint i = 0; i < 4; i++)
        if (gsk_border_node_get_widths (a)[i] != gsk_border_node_get_widths (b)[i] ||
            !gdk_rgba_equal (&gsk_border_node_get_colors (a)[i], &gsk_border_node_get_colors (b)[i]))
          return FALSE;
      return TRUE;

    default:
      return FALSE;
    }
}

/* Rasters
 *
 * GTK 4.8's GL renderer has a large fixed cost for every
 * gsk_renderer_render_texture(), and on llvmpipe it rasterises text, rounded
 * boxes and borders several times slower than GSK's own cairo drawing of
 * the same nodes, which is what GTK's cairo renderer does
 * (bench/README.md). So what is drawn once into a texture is drawn with
 * cairo, into memory, whatever the window's renderer: the renderer then
 * uploads the pixels once and draws them as any image.
 *
 * A raster keeps its pixels, so that a part of them can be drawn again
 * (a card whose figures changed) without the rest. A texture made of them
 * shares their memory; drawing after that goes into the raster's other
 * surface, brought up to date, or into a copy while a texture holds that
 * one (unshare()). */

struct _SwyRaster
{
  SwyDeviceMapping  at;
  int               left, top;     /* the device pixel at the surface's origin */
  int               width, height;
  cairo_surface_t  *surface;
  GdkTexture       *texture;       /* of the surface's pixels, sharing them */
  /* The surface before, kept to draw into when its texture is gone, and
   * where its pixels differ from the surface's. */
  cairo_surface_t  *spare;
  cairo_region_t   *stale;
};

/* Where @rect lands in device pixels: the whole pixels it touches. */
static void
device_box (const SwyDeviceMapping *at,
            const graphene_rect_t  *rect,
            int                    *left,
            int                    *top,
            int                    *right,
            int                    *bottom)
{
  *left = (int) floorf (at->x + rect->origin.x * at->scale);
  *top = (int) floorf (at->y + rect->origin.y * at->scale);
  *right = (int) ceilf (at->x + (rect->origin.x + rect->size.width) * at->scale);
  *bottom = (int) ceilf (at->y + (rect->origin.y + rect->size.height) * at->scale);
}

/**
 * swy_raster_new:
 * @at: where node coordinates land in device pixels
 * @area: the part of the node coordinates to keep, in them
 *
 * Returns: (transfer full) (nullable): a raster of the device pixels @area
 *   covers, all transparent, or %NULL when it covers none
 */
SwyRaster *
swy_raster_new (const SwyDeviceMapping *at,
                const graphene_rect_t  *area)
{
  SwyRaster *self;
  int left, top, right, bottom;

  device_box (at, area, &left, &top, &right, &bottom);
  if (right <= left || bottom <= top)
    return NULL;

  self = g_new0 (SwyRaster, 1);
  self->at = *at;
  self->left = left;
  self->top = top;
  self->width = right - left;
  self->height = bottom - top;
  self->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, self->width, self->height);

  return self;
}

void
swy_raster_free (SwyRaster *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->texture);
  cairo_surface_destroy (self->surface);
  g_clear_pointer (&self->spare, cairo_surface_destroy);
  g_clear_pointer (&self->stale, cairo_region_destroy);
  g_free (self);
}

/**
 * swy_raster_fits:
 * @self: a raster
 * @at: where node coordinates land now
 * @area: the part of them to keep now
 *
 * Returns: whether @self holds exactly those pixels, so that drawing a part
 *   of it again is drawing it as a new raster would
 */
gboolean
swy_raster_fits (SwyRaster              *self,
                 const SwyDeviceMapping *at,
                 const graphene_rect_t  *area)
{
  int left, top, right, bottom;

  g_return_val_if_fail (self != NULL, FALSE);

  device_box (at, area, &left, &top, &right, &bottom);

  return self->at.scale == at->scale && self->at.x == at->x && self->at.y == at->y &&
         left == self->left && top == self->top &&
         right - left == self->width && bottom - top == self->height;
}

/* Pixels of @from into @to, within @region. */
static void
copy_pixels (cairo_surface_t      *from,
             cairo_surface_t      *to,
             const cairo_region_t *region)
{
  cairo_t *cr = cairo_create (to);

  if (region != NULL)
    {
      gdk_cairo_region (cr, region);
      cairo_clip (cr);
    }
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, from, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
}

/* Before drawing @region: the texture, if any, shares the surface's
 * pixels, so the drawing goes into another surface with the same pixels.
 * That is the spare (the surface of the texture before) once nothing else
 * holds it, brought up to date where it is stale, except where @region is
 * drawn anyway; else a copy. Either way, the surface just shared becomes
 * the spare. A beat of a playing graph changes a few pixels of each card:
 * this copies those, where a copy of the raster would copy all of it (and
 * allocate and free a few MB) on each beat. */
static void
unshare (SwyRaster            *self,
         const cairo_region_t *region)
{
  cairo_surface_t *next;

  if (self->texture != NULL)
    {
      /* Only the raster holds it: no texture, upload, raster or cairo node
       * (which holds the texture) uses it. */
      if (self->spare != NULL && cairo_surface_get_reference_count (self->spare) == 1)
        {
          next = g_steal_pointer (&self->spare);
          cairo_region_subtract (self->stale, region);
          if (!cairo_region_is_empty (self->stale))
            copy_pixels (self->surface, next, self->stale);
        }
      else
        {
          next = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, self->width, self->height);
          copy_pixels (self->surface, next, NULL);
          g_clear_pointer (&self->spare, cairo_surface_destroy);
        }
      self->spare = g_steal_pointer (&self->surface);
      self->surface = next;
      g_clear_pointer (&self->stale, cairo_region_destroy);
      g_clear_object (&self->texture);
    }

  /* The spare lacks what is drawn now. */
  if (self->spare != NULL)
    {
      if (self->stale == NULL)
        self->stale = cairo_region_create ();
      cairo_region_union (self->stale, region);
    }
}

/* Whether @node, drawn with @cr, touches a pixel of @region. */
static gboolean
reaches (cairo_t              *cr,
         GskRenderNode        *node,
         const cairo_region_t *region)
{
  graphene_rect_t bounds;
  double x[4], y[4];
  double left = G_MAXDOUBLE, top = G_MAXDOUBLE, right = -G_MAXDOUBLE, bottom = -G_MAXDOUBLE;
  cairo_rectangle_int_t box;

  gsk_render_node_get_bounds (node, &bounds);
  for (guint i = 0; i < 4; i++)
    {
      x[i] = bounds.origin.x + (i & 1 ? bounds.size.width : 0);
      y[i] = bounds.origin.y + (i & 2 ? bounds.size.height : 0);
      cairo_user_to_device (cr, &x[i], &y[i]);
      left = MIN (left, x[i]);
      top = MIN (top, y[i]);
      right = MAX (right, x[i]);
      bottom = MAX (bottom, y[i]);
    }
  box.x = (int) floor (left);
  box.y = (int) floor (top);
  box.width = (int) ceil (right) - box.x;
  box.height = (int) ceil (bottom) - box.y;

  return box.width > 0 && box.height > 0 &&
         cairo_region_contains_rectangle (region, &box) != CAIRO_REGION_OVERLAP_OUT;
}

/* @node drawn as GSK's cairo drawing draws it, pixel for pixel, but
 * textures made here painted from their surfaces, and only the parts of
 * the tree that reach @region. */
static void
draw_node (cairo_t              *cr,
           GskRenderNode        *node,
           const cairo_region_t *region)
{
  if (!reaches (cr, node, region))
    return;

  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        draw_node (cr, gsk_container_node_get_child (node, i), region);
      return;

    case GSK_TRANSFORM_NODE:
      {
        GskTransform *transform = gsk_transform_node_get_transform (node);
        float xx, yx, xy, yy, dx, dy;
        cairo_matrix_t matrix;

        if (gsk_transform_get_category (transform) < GSK_TRANSFORM_CATEGORY_2D)
          break;
        gsk_transform_to_2d (transform, &xx, &yx, &xy, &yy, &dx, &dy);
        /* Flat: nothing to draw. */
        if (xx * yy == xy * yx)
          return;
        cairo_matrix_init (&matrix, xx, yx, xy, yy, dx, dy);
        cairo_save (cr);
        cairo_transform (cr, &matrix);
        draw_node (cr, gsk_transform_node_get_child (node), region);
        cairo_restore (cr);
      }
      return;

    case GSK_TEXTURE_NODE:
      {
        GdkTexture *texture = gsk_texture_node_get_texture (node);
        cairo_surface_t *surface = _swy_texture_get_surface (texture);
        cairo_pattern_t *pattern;
        cairo_matrix_t matrix;
        graphene_rect_t bounds;

        if (surface == NULL)
          break;
        /* What gsk_render_node_draw() does with a texture node. */
        gsk_render_node_get_bounds (node, &bounds);
        pattern = cairo_pattern_create_for_surface (surface);
        cairo_pattern_set_extend (pattern, CAIRO_EXTEND_PAD);
        cairo_matrix_init_scale (&matrix, gdk_texture_get_width (texture) / bounds.size.width,
                                 gdk_texture_get_height (texture) / bounds.size.height);
        cairo_matrix_translate (&matrix, -bounds.origin.x, -bounds.origin.y);
        cairo_pattern_set_matrix (pattern, &matrix);
        cairo_set_source (cr, pattern);
        cairo_pattern_destroy (pattern);
        cairo_rectangle (cr, bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height);
        cairo_fill (cr);
      }
      return;

    default:
      break;
    }

  gsk_render_node_draw (node, cr);
}

/**
 * swy_raster_draw:
 * @self: a raster
 * @nodes: (array length=n_nodes): render nodes, in node coordinates, in the
 *   order they are drawn
 * @n_nodes: how many
 * @damage: (array length=n_damage) (nullable): the parts to draw again, in
 *   node coordinates, or %NULL for all of it
 * @n_damage: how many
 *
 * Clears the device pixels @damage touches and draws there every node of
 * @nodes (every part of its tree) that reaches them, in order, as drawing
 * them all into a clear raster would.
 */
void
swy_raster_draw (SwyRaster            *self,
                 GskRenderNode *const *nodes,
                 guint                 n_nodes,
                 const graphene_rect_t *damage,
                 guint                 n_damage)
{
  cairo_rectangle_int_t all = { 0, 0, 0, 0 };
  cairo_region_t *region;
  cairo_t *cr;

  g_return_if_fail (self != NULL);

  all.width = self->width;
  all.height = self->height;
  if (damage == NULL)
    {
      region = cairo_region_create_rectangle (&all);
    }
  else
    {
      region = cairo_region_create ();
      for (guint i = 0; i < n_damage; i++)
        {
          cairo_rectangle_int_t box;
          int left, top, right, bottom;

          device_box (&self->at, &damage[i], &left, &top, &right, &bottom);
          box.x = left - self->left;
          box.y = top - self->top;
          box.width = right - left;
          box.height = bottom - top;
          cairo_region_union_rectangle (region, &box);
        }
      cairo_region_intersect_rectangle (region, &all);
    }
  if (cairo_region_is_empty (region))
    {
      cairo_region_destroy (region);
      return;
    }

  unshare (self, region);
  cr = cairo_create (self->surface);
  gdk_cairo_region (cr, region);
  cairo_clip (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);

  /* Node coordinates to the surface's pixels. */
  cairo_translate (cr, self->at.x - self->left, self->at.y - self->top);
  cairo_scale (cr, self->at.scale, self->at.scale);
  for (guint i = 0; i < n_nodes; i++)
    draw_node (cr, nodes[i], region);
  cairo_destroy (cr);
  cairo_region_destroy (region);
}

/* Uploads to the GL renderer
 *
 * GTK 4.8's GL renderer uploads a memory texture once, but draws it with
 * linear filtering, which llvmpipe pays for at every pixel of every frame,
 * though a raster's pixels land on the window's one for one: a 200-card
 * view drawn from a memory texture costs about 2 ms more CPU a frame than
 * from a GL texture (bench/README.md). So for a GL renderer a raster is
 * uploaded here, into a texture of a GL context of the same window (GDK's
 * contexts of one display share their textures), with nearest filtering,
 * which the renderer keeps. Where that cannot be done (no GL, OpenGL ES),
 * the texture stays in memory. */

/* The GL context a renderer's textures are uploaded with, and the textures
 * released since the last upload. GDK calls a texture's release function
 * at any time (while GTK's renderer unrealizes, with its context current,
 * or after that context is gone), when no other context can safely be
 * made current: the texture is deleted at the next upload instead, or
 * when the last of them goes, as GtkGLArea does with its own. */
typedef struct
{
  grefcount     ref;
  GdkGLContext *context;
  GArray       *released;          /* of GLuint */
} Uploader;

typedef struct
{
  Uploader *uploader;
  GLuint    id;
} Upload;

static const char *uploader_key = "swy-texture-uploader";

/* With the uploader's context current. */
static void
delete_released (Uploader *uploader)
{
  if (uploader->released->len > 0)
    glDeleteTextures ((GLsizei) uploader->released->len, (GLuint *) (void *) uploader->released->data);
  g_array_set_size (uploader->released, 0);
}

static void
uploader_unref (Uploader *uploader)
{
  if (!g_ref_count_dec (&uploader->ref))
    return;

  if (uploader->context != NULL && uploader->released->len > 0 &&
      !gdk_display_is_closed (gdk_draw_context_get_display (GDK_DRAW_CONTEXT (uploader->context))))
    {
      gdk_gl_context_make_current (uploader->context);
      delete_released (uploader);
      gdk_gl_context_clear_current ();
    }
  g_array_unref (uploader->released);
  g_clear_object (&uploader->context);
  g_free (uploader);
}

static void
upload_free (gpointer data)
{
  Upload *upload = data;

  g_array_append_val (upload->uploader->released, upload->id);
  uploader_unref (upload->uploader);
  g_free (upload);
}

/* The uploader for @renderer, kept with it, or NULL when there is none. */
static Uploader *
get_uploader (GskRenderer *renderer)
{
  Uploader *uploader;
  GdkGLContext *context;
  GdkSurface *surface;
  g_autoptr(GError) error = NULL;

  if (!GSK_IS_GL_RENDERER (renderer))
    return NULL;
  uploader = g_object_get_data (G_OBJECT (renderer), uploader_key);
  if (uploader != NULL)
    return uploader->context != NULL ? uploader : NULL;

  uploader = g_new0 (Uploader, 1);
  g_ref_count_init (&uploader->ref);
  uploader->released = g_array_new (FALSE, FALSE, sizeof (GLuint));
  surface = gsk_renderer_get_surface (renderer);
  context = surface != NULL ? gdk_surface_create_gl_context (surface, &error) : NULL;
  if (context != NULL && gdk_gl_context_realize (context, &error) && !gdk_gl_context_get_use_es (context))
    {
      uploader->context = context;
    }
  else
    {
      /* Remembered, so that the renderer's rasters stay in memory. */
      g_debug ("Rasters stay in memory: %s",
               error != NULL ? error->message : surface == NULL ? "no surface" : "OpenGL ES");
      g_clear_object (&context);
      uploader->context = NULL;
    }
  g_object_set_data_full (G_OBJECT (renderer), uploader_key, uploader, (GDestroyNotify) uploader_unref);

  return uploader->context != NULL ? uploader : NULL;
}

/* @surface's pixels as a texture of @renderer's GL context, or NULL. */
static GdkTexture *
upload (GskRenderer     *renderer,
        cairo_surface_t *surface)
{
  Uploader *uploader = get_uploader (renderer);
  GdkTexture *texture;
  Upload *upload;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);

  if (uploader == NULL)
    return NULL;

  cairo_surface_flush (surface);
  upload = g_new0 (Upload, 1);
  upload->uploader = uploader;
  g_ref_count_inc (&uploader->ref);
  gdk_gl_context_make_current (uploader->context);
  delete_released (uploader);
  glGenTextures (1, &upload->id);
  glBindTexture (GL_TEXTURE_2D, upload->id);
  glTexParameteri (GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri (GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glTexParameteri (GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri (GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  /* Cairo's ARGB32 is GL's BGRA, premultiplied, as GTK's textures are. */
  glPixelStorei (GL_UNPACK_ROW_LENGTH, cairo_image_surface_get_stride (surface) / 4);
  glTexImage2D (GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_BGRA, GL_UNSIGNED_BYTE,
                cairo_image_surface_get_data (surface));
  glPixelStorei (GL_UNPACK_ROW_LENGTH, 0);
  glBindTexture (GL_TEXTURE_2D, 0);
  /* The renderer's context sees it from its next use on; it makes its
   * context current itself when it draws. */
  glFlush ();
  gdk_gl_context_clear_current ();

  texture = gdk_gl_texture_new (uploader->context, upload->id, width, height, upload_free, upload);
  g_object_set_data_full (G_OBJECT (texture), surface_key, cairo_surface_reference (surface),
                          (GDestroyNotify) cairo_surface_destroy);

  return texture;
}

/**
 * swy_raster_get_texture:
 * @self: a raster
 * @for_renderer: whether the renderer the raster was made for draws the
 *   texture (for a GL renderer it is then uploaded), rather than only
 *   rasters (it then stays in memory)
 * @out_rect: (out) (optional): where the texture goes, in node coordinates
 *
 * Returns: (transfer none): a texture of the raster's pixels as they are
 *   now: the same one until something is drawn again
 */
GdkTexture *
swy_raster_get_texture (SwyRaster       *self,
                        gboolean         for_renderer,
                        graphene_rect_t *out_rect)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->texture == NULL && for_renderer)
    self->texture = upload (self->at.renderer, self->surface);
  if (self->texture == NULL)
    self->texture = texture_new_for_surface (self->surface);

  if (out_rect != NULL)
    graphene_rect_init (out_rect, (self->left - self->at.x) / self->at.scale,
                        (self->top - self->at.y) / self->at.scale,
                        self->width / self->at.scale, self->height / self->at.scale);

  return self->texture;
}

/* A cairo pattern of a texture's surface that holds the texture, not the
 * surface: a surface pattern recorded into a cairo node would attach a
 * copy-on-write snapshot to the surface, which cairo keeps until the
 * surface is next drawn into, and then copies all of it, though the node
 * is long gone. Held through the texture, the surface shows whoever still
 * draws it, and a raster draws into it again only once nothing does. */
static cairo_surface_t *
texture_source_acquire (cairo_pattern_t             *pattern,
                        void                        *texture,
                        cairo_surface_t             *target,
                        const cairo_rectangle_int_t *extents)
{
  return cairo_surface_reference (_swy_texture_get_surface (texture));
}

static void
texture_source_release (cairo_pattern_t *pattern,
                        void            *texture,
                        cairo_surface_t *surface)
{
  cairo_surface_destroy (surface);
}

static cairo_status_t
texture_source_copy (cairo_pattern_t       *pattern,
                     void                  *texture,
                     const cairo_pattern_t *other)
{
  g_object_ref (texture);

  return CAIRO_STATUS_SUCCESS;
}

static void
texture_source_finish (cairo_pattern_t *pattern,
                       void            *texture)
{
  g_object_unref (texture);
}

/**
 * swy_texture_node_new:
 * @texture: a texture
 * @rect: where it goes
 * @renderer: (nullable): the renderer that draws the node
 *
 * A texture node, except where the cairo renderer draws a texture made
 * here: there a cairo node that paints the texture's surface. GTK 4.8's
 * cairo renderer copies a texture node's pixels into a new surface every
 * time it draws it, converting each pixel through floats on the way: 4.8
 * ms a frame for the cards' raster at 200 nodes (bench/README.md). The
 * cairo node paints the surface as it is, and holds the texture.
 *
 * Returns: (transfer full): the node
 */
GskRenderNode *
swy_texture_node_new (GdkTexture            *texture,
                      const graphene_rect_t *rect,
                      GskRenderer           *renderer)
{
  cairo_surface_t *surface;
  cairo_pattern_t *pattern;
  GskRenderNode *node;
  int width, height;
  cairo_t *cr;

  g_return_val_if_fail (GDK_IS_TEXTURE (texture), NULL);
  g_return_val_if_fail (rect != NULL, NULL);

  surface = _swy_texture_get_surface (texture);
  if (renderer == NULL || !GSK_IS_CAIRO_RENDERER (renderer) || surface == NULL ||
      rect->size.width <= 0 || rect->size.height <= 0)
    return gsk_texture_node_new (texture, rect);

  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  pattern = cairo_pattern_create_raster_source (g_object_ref (texture), CAIRO_CONTENT_COLOR_ALPHA,
                                                width, height);
  cairo_raster_source_pattern_set_acquire (pattern, texture_source_acquire, texture_source_release);
  cairo_raster_source_pattern_set_copy (pattern, texture_source_copy);
  cairo_raster_source_pattern_set_finish (pattern, texture_source_finish);
  /* As GSK draws a texture node: the surface scaled onto @rect, its edge
   * pixels padding it. Painted through a scaled context: set as the
   * pattern's matrix and filled, as draw_node() does for a surface, this
   * pattern comes out a few pixels different from GSK's when scaled
   * (/Swy/Canvas/texture-node). */
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_PAD);

  node = gsk_cairo_node_new (rect);
  cr = gsk_cairo_node_get_draw_context (node);
  cairo_rectangle (cr, rect->origin.x, rect->origin.y, rect->size.width, rect->size.height);
  cairo_clip (cr);
  cairo_translate (cr, rect->origin.x, rect->origin.y);
  cairo_scale (cr, rect->size.width / width, rect->size.height / height);
  cairo_set_source (cr, pattern);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_pattern_destroy (pattern);

  return node;
}

/**
 * swy_texture_render_node:
 * @node: a render node, in the coordinates @at maps
 * @at: where those coordinates land in device pixels
 * @clip: (nullable): the part of @node to draw, in the same coordinates
 * @for_renderer: whether @at's renderer draws the texture, rather than
 *   only rasters (swy_raster_get_texture())
 * @out_rect: (out): where the texture goes, in the same coordinates
 *
 * Draws @node (within @clip) into a texture of exactly the device pixels
 * it covers, as a raster.
 *
 * Returns: (transfer full) (nullable): the texture, or %NULL when @node
 *   covers no pixel
 */
GdkTexture *
swy_texture_render_node (GskRenderNode          *node,
                         const SwyDeviceMapping *at,
                         const graphene_rect_t  *clip,
                         gboolean                for_renderer,
                         graphene_rect_t        *out_rect)
{
  graphene_rect_t bounds;
  SwyRaster *raster;
  GdkTexture *texture;

  gsk_render_node_get_bounds (node, &bounds);
  if (clip != NULL && !graphene_rect_intersection (&bounds, clip, &bounds))
    return NULL;
  raster = swy_raster_new (at, &bounds);
  if (raster == NULL)
    return NULL;

  swy_raster_draw (raster, &node, 1, NULL, 0);
  texture = g_object_ref (swy_raster_get_texture (raster, for_renderer, out_rect));
  swy_raster_free (raster);

  return texture;
}
