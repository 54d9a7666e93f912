/* swy-canvas-draw.c: where things are on the canvas, and drawing them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "swy-canvas"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <time.h>

#include "swy-canvas-private.h"
#include "swy-texture.h"
#include "swy-view-state.h"

static void card_bounds       (SwyNodeWidget         *widget,
                               graphene_rect_t       *out);
static void rounded_rect_path (cairo_t               *cr,
                               const graphene_rect_t *r,
                               double                 radius);

#define PORT_PICK_RADIUS   12.0
#define WIRE_PICK_DISTANCE 6.0

gboolean
_swy_canvas_port_point (SwyCanvas        *self,
                        SwyPort          *port,
                        graphene_point_t *out)
{
  SwyNode *node = swy_port_get_node (port);
  SwyNodeWidget *widget = g_hash_table_lookup (self->widgets, node);

  if (widget == NULL || !swy_node_widget_get_port_position (widget, port, out))
    return FALSE;

  out->x += swy_node_get_x (node);
  out->y += swy_node_get_y (node);

  return TRUE;
}

/* Wires are cubic curves leaving outputs to the right and entering inputs
 * from the left. Control points in content coordinates. */
void
_swy_canvas_wire_curve (const graphene_point_t *a,
                        const graphene_point_t *b,
                        graphene_point_t        c[4])
{
  double dx = MAX (48.0, fabs (b->x - a->x) / 2.0);
  double drop = 0.0;

  /* A wire going back to the left (a feedback loop) would run through the
   * cards it joins: it swings out and under them instead. */
  if (b->x < a->x + 24.0)
    {
      dx = MAX (120.0, (a->x - b->x) / 3.0);
      drop = 110.0 + fabs (b->y - a->y) / 4.0;
    }

  c[0] = *a;
  c[1] = GRAPHENE_POINT_INIT (a->x + dx, a->y + drop);
  c[2] = GRAPHENE_POINT_INIT (b->x - dx, b->y + drop);
  c[3] = *b;
}

void
_swy_canvas_curve_at (const graphene_point_t c[4],
                      double                 t,
                      graphene_point_t      *out)
{
  double u = 1.0 - t;
  double b0 = u * u * u, b1 = 3 * u * u * t, b2 = 3 * u * t * t, b3 = t * t * t;

  out->x = b0 * c[0].x + b1 * c[1].x + b2 * c[2].x + b3 * c[3].x;
  out->y = b0 * c[0].y + b1 * c[1].y + b2 * c[2].y + b3 * c[3].y;
}

gboolean
_swy_canvas_wire_points (SwyCanvas        *self,
                         SwyWire          *wire,
                         graphene_point_t  c[4])
{
  graphene_point_t a, b;

  if (!_swy_canvas_port_point (self, swy_wire_get_from (wire), &a) ||
      !_swy_canvas_port_point (self, swy_wire_get_to (wire), &b))
    return FALSE;

  _swy_canvas_wire_curve (&a, &b, c);
  return TRUE;
}

static void
set_source_color (cairo_t    *cr,
                  const char *spec,
                  double      alpha)
{
  GdkRGBA rgba;

  gdk_rgba_parse (&rgba, spec);
  rgba.alpha *= alpha;
  gdk_cairo_set_source_rgba (cr, &rgba);
}

static PangoLayout *
create_label_layout (SwyCanvas  *self,
                     const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}

/* The pill behind a label of @w × @h pixels centred on (@x, @y). */
void
_swy_canvas_label_pill (double           x,
                        double           y,
                        int              w,
                        int              h,
                        graphene_rect_t *out)
{
  double radius = h / 2.0 + 1;

  *out = GRAPHENE_RECT_INIT (x - w / 2.0 - 2 - radius, y - radius, w + 4 + 2 * radius, 2 * radius);
}

static void
draw_label_layout (cairo_t     *cr,
                   PangoLayout *layout,
                   double       x,
                   double       y,
                   gboolean     dark)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);

  /* A pill behind the text keeps it readable over wires. */
  cairo_new_sub_path (cr);
  cairo_arc (cr, x - w / 2.0 - 2, y, h / 2.0 + 1, G_PI / 2, 3 * G_PI / 2);
  cairo_arc (cr, x + w / 2.0 + 2, y, h / 2.0 + 1, -G_PI / 2, G_PI / 2);
  cairo_close_path (cr);
  set_source_color (cr, dark ? "#303030" : "#ffffff", 0.9);
  cairo_fill (cr);

  set_source_color (cr, dark ? "#ffffff" : "#3d3846", 1.0);
  cairo_move_to (cr, x - w / 2.0, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_label (SwyCanvas  *self,
            cairo_t    *cr,
            double      x,
            double      y,
            const char *text,
            gboolean    dark)
{
  PangoLayout *layout = create_label_layout (self, text);

  draw_label_layout (cr, layout, x, y, dark);
  g_object_unref (layout);
}

/* Along the curve, from its middle outwards. */
static const double label_positions[] = { 0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82 };

/* Where a wire's label goes, in widget coordinates (its centre): a little
 * above the middle of the curve, unless it covers one of the two cards the
 * wire joins there (close cards, or a small zoom: labels keep their size
 * while the gaps shrink); then at the point nearest the middle where it
 * covers neither, or where it covers them least. */
void
_swy_canvas_place_wire_label (SwyCanvas              *self,
                              SwyWire                *wire,
                              const graphene_point_t  c[4],
                              int                     w,
                              int                     h,
                              graphene_point_t       *out)
{
  SwyPort *ends[2] = { swy_wire_get_from (wire), swy_wire_get_to (wire) };
  graphene_rect_t cards[2];
  guint n_cards = 0;
  double z = self->zoom;
  double least = G_MAXDOUBLE;

  for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
    {
      SwyNodeWidget *widget = g_hash_table_lookup (self->widgets, swy_port_get_node (ends[i]));
      graphene_rect_t r;

      if (widget == NULL)
        continue;
      card_bounds (widget, &r);
      cards[n_cards++] = GRAPHENE_RECT_INIT (self->pan_x + r.origin.x * z, self->pan_y + r.origin.y * z,
                                             r.size.width * z, r.size.height * z);
    }

  for (guint i = 0; i < G_N_ELEMENTS (label_positions); i++)
    {
      graphene_point_t p;
      graphene_rect_t pill, covered;
      double overlap = 0.0;

      _swy_canvas_curve_at (c, label_positions[i], &p);
      p.x = self->pan_x + p.x * z;
      p.y = self->pan_y + p.y * z - 10 * z;
      _swy_canvas_label_pill (p.x, p.y, w, h, &pill);
      for (guint k = 0; k < n_cards; k++)
        if (graphene_rect_intersection (&pill, &cards[k], &covered))
          overlap += covered.size.width * covered.size.height;

      if (overlap < least)
        {
          least = overlap;
          *out = p;
        }
      if (overlap == 0.0)
        break;
    }
}

static gboolean
is_dark (SwyCanvas *self)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
draw_wire (SwyCanvas *self,
           cairo_t   *cr,
           SwyWire   *wire)
{
  graphene_point_t c[4];
  gboolean queued = swy_wire_get_mode (wire) == SWY_WIRE_MODE_QUEUED;
  gboolean blocked = swy_wire_get_blocked (wire);
  gboolean selected = _swy_canvas_is_wire_selected (self, wire);
  WireRate *rate = g_hash_table_lookup (self->rates, wire);
  gboolean hot = rate != NULL && rate->hot;
  gboolean aggregated = rate != NULL && (rate->hot || rate->crowded);
  const char *subscription = swy_wire_get_subscription (wire);
  double z = self->zoom;
  double width = 2.0;
  static const double dash[] = { 7.0, 5.0 };

  if (!_swy_canvas_wire_points (self, wire, c))
    return;

  cairo_save (cr);
  cairo_move_to (cr, self->pan_x + c[0].x * z, self->pan_y + c[0].y * z);
  cairo_curve_to (cr,
                  self->pan_x + c[1].x * z, self->pan_y + c[1].y * z,
                  self->pan_x + c[2].x * z, self->pan_y + c[2].y * z,
                  self->pan_x + c[3].x * z, self->pan_y + c[3].y * z);

  if (aggregated)
    {
      /* Aggregate look: thickness and heat grow with the rate, or for a
       * wire crowded out by the token cap, with the events in flight. */
      double heat = CLAMP (MAX (hot ? log10 (rate->rate / CANVAS_HOT_RATE + 1.0) : 0.0,
                                log10 (rate->in_flight / 10.0 + 1.0) / 2.0),
                           0.0, 1.0);

      width = 4.0 + 6.0 * heat;
      cairo_set_source_rgba (cr, 0.90, 0.38 - 0.3 * heat, 0.0, 0.55 + 0.35 * heat);
    }
  else if (blocked)
    set_source_color (cr, is_dark (self) ? "#77767b" : "#c0bfbc", 1.0);
  else
    set_source_color (cr, is_dark (self) ? "#deddda" : "#5e5c64", 0.9);

  if (selected || g_hash_table_contains (self->path_wires, wire))
    {
      cairo_save (cr);
      cairo_set_line_width (cr, (width + 6.0) * z);
      if (selected)
        set_source_color (cr, "#3584e4", 0.45);
      else
        set_source_color (cr, "#f6d32d", 0.75);   /* the selected event's path */
      cairo_stroke_preserve (cr);
      cairo_restore (cr);
    }
  if (queued)
    {
      double scaled[2] = { dash[0] * z, dash[1] * z };

      cairo_set_dash (cr, scaled, 2, 0);
    }
  cairo_set_line_width (cr, width * z);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* Labels: latency for queued wires, the subscription where it filters,
   * the rate and the count in flight on aggregated wires, and a word for
   * blocked ones. Below 45% zoom they would cover the graph. */
  if (rate != NULL)
    rate->shown_in_flight = aggregated && queued ? rate->in_flight : 0;
  if (z < 0.45)
    return;
  {
    g_autoptr(GString) text = g_string_new (NULL);

    if (blocked)
      g_string_append (text, _("blocked"));
    if (queued)
      {
        if (text->len > 0)
          g_string_append (text, " · ");
        g_string_append_printf (text, _("%u ms"), swy_wire_get_latency_ms (wire));
        if (swy_wire_get_jitter_ms (wire) > 0)
          g_string_append_printf (text, " ±%u", swy_wire_get_jitter_ms (wire));
      }
    if (subscription != NULL && g_strcmp0 (subscription, "#") != 0)
      {
        if (text->len > 0)
          g_string_append (text, " · ");
        g_string_append (text, subscription);
      }
    if (hot)
      {
        if (text->len > 0)
          g_string_append (text, " · ");
        /* Translators: events per second of virtual time on a busy wire */
        g_string_append_printf (text, _("%.0f/s"), rate->virtual_rate);
      }
    if (aggregated && queued)
      {
        if (text->len > 0)
          g_string_append (text, " · ");
        /* Translators: events travelling on a wire drawn aggregate, "120 in flight" */
        g_string_append_printf (text, ngettext ("%u in flight", "%u in flight", rate->in_flight),
                                rate->in_flight);
      }
    if (text->len > 0)
      {
        PangoLayout *layout = create_label_layout (self, text->str);
        graphene_point_t at;
        int w, h;

        pango_layout_get_pixel_size (layout, &w, &h);
        _swy_canvas_place_wire_label (self, wire, c, w, h, &at);
        draw_label_layout (cr, layout, at.x, at.y, is_dark (self));
        g_object_unref (layout);
      }
  }
}

static void
ensure_wires_node (SwyCanvas *self)
{
  GListModel *wires;
  GtkSnapshot *snapshot;
  cairo_t *cr;
  guint n;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->wires_node != NULL && self->wires_node_zoom == self->zoom &&
      self->wires_node_pan_x == self->pan_x && self->wires_node_pan_y == self->pan_y)
    return;

  g_clear_pointer (&self->wires_node, gsk_render_node_unref);
  if (self->graph == NULL || width <= 0 || height <= 0)
    return;

  wires = swy_graph_get_wires (self->graph);
  n = g_list_model_get_n_items (wires);
  if (n == 0)
    return;

  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);

      draw_wire (self, cr, wire);
    }
  cairo_destroy (cr);

  self->wires_node = gtk_snapshot_free_to_node (snapshot);
  self->wires_node_zoom = self->zoom;
  self->wires_node_pan_x = self->pan_x;
  self->wires_node_pan_y = self->pan_y;
}

static void
snapshot_pending_wire (SwyCanvas   *self,
                       GtkSnapshot *snapshot)
{
  graphene_point_t a, c[4];
  cairo_t *cr;
  double z = self->zoom;

  if (!_swy_canvas_port_point (self, self->wire_from, &a))
    return;

  if (swy_port_get_direction (self->wire_from) == SWY_PORT_DIRECTION_OUTPUT)
    _swy_canvas_wire_curve (&a, &self->wire_end, c);
  else
    _swy_canvas_wire_curve (&self->wire_end, &a, c);

  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0,
                                                       gtk_widget_get_width (GTK_WIDGET (self)),
                                                       gtk_widget_get_height (GTK_WIDGET (self))));
  cairo_move_to (cr, self->pan_x + c[0].x * z, self->pan_y + c[0].y * z);
  cairo_curve_to (cr,
                  self->pan_x + c[1].x * z, self->pan_y + c[1].y * z,
                  self->pan_x + c[2].x * z, self->pan_y + c[2].y * z,
                  self->pan_x + c[3].x * z, self->pan_y + c[3].y * z);
  set_source_color (cr, self->wire_refused ? "#e01b24" : "#3584e4", 1.0);
  cairo_set_line_width (cr, 2.5 * z);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

/* Far out, cards as plain boxes

 * Below CANVAS_PLAIN_ZOOM a card's text is a few pixels high and cannot be
 * read, yet a card costs GTK some 20 render nodes and its share of layout.
 * There the canvas draws every card as a box in its category's colour, all
 * in one cached cairo node like the wires, instead of snapshotting the card
 * widgets. The widgets stay as they are: allocated where the boxes are
 * drawn, focusable, picked by clicks and in the accessibility tree with
 * their names and live states; only their drawing is replaced. */

/* What a box shows besides its place: selected, flashing (a drop) and
 * focused, packed per card, so that a change rebuilds the cached node. */
static guint
cards_look (SwyCanvas *self)
{
  guint hash = 17;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      guint look = 0;

      if (!SWY_IS_NODE_WIDGET (child))
        continue;
      look |= swy_node_widget_get_selected (SWY_NODE_WIDGET (child)) ? 1 : 0;
      look |= gtk_widget_has_css_class (child, "flash") ? 2 : 0;
      look |= gtk_widget_has_focus (child) ? 4 : 0;
      hash = hash * 31 + look;
    }

  return hash;
}

static void
draw_plain_card (SwyCanvas     *self,
                 cairo_t       *cr,
                 SwyNodeWidget *widget,
                 gboolean       dark)
{
  static const char *category_colors[] = { "#3584e4", "#9141ac", "#2ec27e" };
  SwyNode *node = swy_node_widget_get_node (widget);
  SwyNodeType *type = swy_catalog_lookup_gtype (G_OBJECT_TYPE (node));
  SwyNodeCategory category = type != NULL ? swy_node_type_get_category (type) : SWY_NODE_CATEGORY_ROUTING;
  gboolean selected = swy_node_widget_get_selected (widget);
  gboolean flash = gtk_widget_has_css_class (GTK_WIDGET (widget), "flash");
  GListModel *ports = swy_node_get_ports (node);
  double z = self->zoom;
  graphene_rect_t content, r;

  card_bounds (widget, &content);
  r = GRAPHENE_RECT_INIT (self->pan_x + content.origin.x * z, self->pan_y + content.origin.y * z,
                          content.size.width * z, content.size.height * z);

  cairo_save (cr);
  rounded_rect_path (cr, &r, 12 * z);
  if (flash)
    set_source_color (cr, dark ? "#6c2a2d" : "#f6c6c8", 1.0);
  else
    set_source_color (cr, dark ? "#383838" : "#ffffff", 1.0);
  cairo_fill_preserve (cr);
  cairo_save (cr);
  cairo_clip (cr);
  set_source_color (cr, category_colors[MIN ((guint) category, G_N_ELEMENTS (category_colors) - 1)], 1.0);
  cairo_rectangle (cr, r.origin.x, r.origin.y, r.size.width, MAX (4 * z, 3.0));
  cairo_fill (cr);
  cairo_restore (cr);
  rounded_rect_path (cr, &r, 12 * z);
  if (selected || gtk_widget_has_focus (GTK_WIDGET (widget)))
    {
      set_source_color (cr, "#3584e4", 1.0);
      cairo_set_line_width (cr, 2.0);
    }
  else
    {
      set_source_color (cr, dark ? "#ffffff" : "#000000", dark ? 0.2 : 0.18);
      cairo_set_line_width (cr, 1.0);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint i = 0; i < g_list_model_get_n_items (ports); i++)
    {
      g_autoptr(SwyPort) port = g_list_model_get_item (ports, i);
      graphene_point_t p;
      double radius = MAX (SWY_PORT_RADIUS * z, 1.5);

      if (!swy_node_widget_get_port_position (widget, port, &p))
        continue;
      cairo_arc (cr, r.origin.x + p.x * z, r.origin.y + p.y * z, radius, 0, 2 * G_PI);
      set_source_color (cr, swy_port_get_direction (port) == SWY_PORT_DIRECTION_INPUT ? "#3584e4" : "#e66100",
                        1.0);
      cairo_fill (cr);
    }
}

static void
ensure_cards_node (SwyCanvas *self)
{
  GtkSnapshot *snapshot;
  cairo_t *cr;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  gboolean dark = is_dark (self);
  guint look = cards_look (self);

  /* Dropped with the wires' node when cards move or the graph changes
   * (_swy_canvas_queue_wires_redraw(), swy_canvas_size_allocate()). */
  if (self->cards_node != NULL && self->cards_node_zoom == self->zoom &&
      self->cards_node_pan_x == self->pan_x && self->cards_node_pan_y == self->pan_y &&
      self->cards_node_look == look && self->cards_node_dark == dark)
    return;

  g_clear_pointer (&self->cards_node, gsk_render_node_unref);
  if (width <= 0 || height <= 0)
    return;

  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SWY_IS_NODE_WIDGET (child))
      draw_plain_card (self, cr, SWY_NODE_WIDGET (child), dark);
  cairo_destroy (cr);

  self->cards_node = gtk_snapshot_free_to_node (snapshot);
  self->cards_node_zoom = self->zoom;
  self->cards_node_pan_x = self->pan_x;
  self->cards_node_pan_y = self->pan_y;
  self->cards_node_look = look;
  self->cards_node_dark = dark;
}

gboolean
_swy_canvas_get_plain_cards (SwyCanvas *self)
{
  return self->zoom < CANVAS_PLAIN_ZOOM;
}

/* The instrumentation's clock: this thread's CPU time, so that whatever else
 * runs on the machine does not count. */
static gint64
stats_clock_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* Cards as one texture
 *
 * While a graph plays, its tokens move every frame and its cards change a
 * few times a second (their figures refresh on one beat:
 * swy-node-widget.c). The canvas draws all cards as one texture of the
 * device pixels they cover in the view: the renderer then draws one image
 * instead of each card's frame, text, bars and port handles, which cost it
 * more than the tokens (bench/README.md). Its pixels are a raster
 * (swy-texture.c) drawn from the cards' own nodes: a card whose node
 * changed (new figures, a selection, a hover) or that moved is drawn again
 * there, alone with whatever overlaps it; cards that came or went, a pan,
 * a zoom, a new size, or a card leaving the area the cards covered draw the
 * whole raster again. While a beat's refresh is spread over several frames,
 * the texture shown stays the one from before it, so that on screen every
 * card changes in the same frame. The cards stay widgets, drawn by GTK from
 * their CSS: focus, selection, style and accessibility are theirs. */

/* @node's bounds, in the view's coordinates, as a part to draw again. */
static void
add_damage (GArray        *damage,
            GskTransform  *to_view,
            GskRenderNode *node)
{
  graphene_rect_t bounds;

  gsk_render_node_get_bounds (node, &bounds);
  gsk_transform_transform_bounds (to_view, &bounds, &bounds);
  g_array_append_val (damage, bounds);
}

/* The parts where @a and @b draw differently, in the view's coordinates
 * (@to_view maps theirs), into @damage: the bounds of the smallest parts
 * of their trees that differ, as far as containers, transforms, clips and
 * opacities that are the same lead. A card whose one figure changed is
 * drawn again around that figure only. */
static void
diff_nodes (GskRenderNode *a,
            GskRenderNode *b,
            GskTransform  *to_view,
            GArray        *damage)
{
  GskRenderNodeType type = gsk_render_node_get_node_type (a);

  if (a == b)
    return;

  if (type == gsk_render_node_get_node_type (b))
    switch ((int) type)
      {
      case GSK_TRANSFORM_NODE:
        if (gsk_transform_equal (gsk_transform_node_get_transform (a),
                                 gsk_transform_node_get_transform (b)))
          {
            GskTransform *inner;

            /* Every card, every frame: a new place node around the same card. */
            if (gsk_transform_node_get_child (a) == gsk_transform_node_get_child (b))
              return;
            inner = gsk_transform_transform (gsk_transform_ref (to_view),
                                             gsk_transform_node_get_transform (a));

            diff_nodes (gsk_transform_node_get_child (a), gsk_transform_node_get_child (b), inner, damage);
            gsk_transform_unref (inner);
            return;
          }
        break;

      case GSK_CONTAINER_NODE:
        if (gsk_container_node_get_n_children (a) == gsk_container_node_get_n_children (b))
          {
            for (guint i = 0; i < gsk_container_node_get_n_children (a); i++)
              diff_nodes (gsk_container_node_get_child (a, i), gsk_container_node_get_child (b, i),
                          to_view, damage);
            return;
          }
        break;

      case GSK_CLIP_NODE:
        if (graphene_rect_equal (gsk_clip_node_get_clip (a), gsk_clip_node_get_clip (b)))
          {
            diff_nodes (gsk_clip_node_get_child (a), gsk_clip_node_get_child (b), to_view, damage);
            return;
          }
        break;

      case GSK_ROUNDED_CLIP_NODE:
        if (swy_rounded_rect_equal (gsk_rounded_clip_node_get_clip (a), gsk_rounded_clip_node_get_clip (b)))
          {
            diff_nodes (gsk_rounded_clip_node_get_child (a), gsk_rounded_clip_node_get_child (b),
                        to_view, damage);
            return;
          }
        break;

      case GSK_OPACITY_NODE:
        if (gsk_opacity_node_get_opacity (a) == gsk_opacity_node_get_opacity (b))
          {
            diff_nodes (gsk_opacity_node_get_child (a), gsk_opacity_node_get_child (b), to_view, damage);
            return;
          }
        break;

      default:
        if (swy_render_nodes_equal (a, b))
          return;
        break;
      }

  add_damage (damage, to_view, a);
  add_damage (damage, to_view, b);
}

/* The parts of the view where @before and @now differ into @damage, and
 * how many cards differ; returns FALSE when the cards came or went. */
static gboolean
find_changed (GPtrArray *before,
              GPtrArray *now,
              GArray    *damage,
              guint     *n_changed)
{
  *n_changed = now->len;
  if (before == NULL || before->len != now->len)
    return FALSE;

  *n_changed = 0;
  for (guint i = 0; i < now->len; i++)
    {
      GskRenderNode *a = g_ptr_array_index (before, i);
      GskRenderNode *b = g_ptr_array_index (now, i);
      guint parts = damage->len;

      diff_nodes (a, b, NULL, damage);
      if (damage->len > parts)
        (*n_changed)++;
    }

  return TRUE;
}

/* Whether the parts in @damage cover more than half of @area, counting
 * overlaps twice: then drawing it all is as cheap. */
static gboolean
mostly_damaged (GArray                *damage,
                const graphene_rect_t *area)
{
  double sum = 0;

  for (guint i = 0; i < damage->len; i++)
    {
      const graphene_rect_t *r = &g_array_index (damage, graphene_rect_t, i);

      sum += (double) r->size.width * r->size.height;
    }

  return sum > 0.5 * area->size.width * area->size.height;
}

void
_swy_canvas_clear_cards_texture (SwyCanvas *self)
{
  g_clear_pointer (&self->layer, swy_raster_free);
  g_clear_pointer (&self->layer_nodes, g_ptr_array_unref);
  g_clear_object (&self->layer_texture);
  g_clear_pointer (&self->layer_node, gsk_render_node_unref);
}

static void
snapshot_cards (SwyCanvas   *self,
                GtkSnapshot *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GPtrArray) nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) gsk_render_node_unref);
  g_autoptr(GArray) damage = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                             gtk_widget_get_height (widget));
  graphene_rect_t area = GRAPHENE_RECT_INIT (0, 0, 0, 0);
  SwyDeviceMapping at;
  gboolean in_place;
  guint n_changed;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SWY_IS_NODE_WIDGET (child))
      {
        GskRenderNode *node = swy_node_widget_get_canvas_node (SWY_NODE_WIDGET (child), widget);

        if (node != NULL)
          g_ptr_array_add (nodes, node);
      }

  in_place = find_changed (self->layer_nodes, nodes, damage, &n_changed);
  self->stats_cards_changed = n_changed;
  /* The raster covers the cards in view, no more: the renderer draws every
   * pixel of the texture, clear or not. */
  for (guint i = 0; i < nodes->len; i++)
    {
      graphene_rect_t bounds;

      gsk_render_node_get_bounds (g_ptr_array_index (nodes, i), &bounds);
      if (i == 0)
        area = bounds;
      else
        graphene_rect_union (&area, &bounds, &area);
    }
  if (self->layer_off || nodes->len == 0 || !graphene_rect_intersection (&area, &view, &area) ||
      !swy_texture_get_device_mapping (widget, &at))
    {
      _swy_canvas_clear_cards_texture (self);
      for (guint i = 0; i < nodes->len; i++)
        gtk_snapshot_append_node (snapshot, g_ptr_array_index (nodes, i));
      return;
    }

  if (self->layer == NULL || !swy_raster_fits (self->layer, &at, &area))
    {
      _swy_canvas_clear_cards_texture (self);
      self->layer = swy_raster_new (&at, &area);
      if (self->layer == NULL)
        return;
      swy_raster_draw (self->layer, (GskRenderNode **) nodes->pdata, nodes->len, NULL, 0);
    }
  else if (!in_place || mostly_damaged (damage, &area))
    {
      /* The same pixels, all drawn again: the texture shown stays while a
       * beat's refresh goes on. */
      swy_raster_draw (self->layer, (GskRenderNode **) nodes->pdata, nodes->len, NULL, 0);
    }
  else if (n_changed > 0)
    {
      swy_raster_draw (self->layer, (GskRenderNode **) nodes->pdata, nodes->len,
                       (graphene_rect_t *) (void *) damage->data, damage->len);
    }
  g_clear_pointer (&self->layer_nodes, g_ptr_array_unref);
  self->layer_nodes = g_ptr_array_ref (nodes);

  /* The raster as it is now, unless a beat is still refreshing the cards
   * of the texture shown. */
  if (self->layer_texture == NULL ||
      !swy_node_widget_beat_is_due (gtk_widget_get_frame_clock (widget)))
    {
      GdkTexture *texture = swy_raster_get_texture (self->layer, TRUE, &self->layer_rect);

      if (texture != self->layer_texture)
        {
          g_set_object (&self->layer_texture, texture);
          g_clear_pointer (&self->layer_node, gsk_render_node_unref);
          self->layer_node = swy_texture_node_new (texture, &self->layer_rect, at.renderer);
          self->layer_renders++;
        }
    }

  gtk_snapshot_append_node (snapshot, self->layer_node);
}

GdkTexture *
_swy_canvas_get_cards_texture (SwyCanvas *self,
                               guint     *n_drawn)
{
  g_return_val_if_fail (SWY_IS_CANVAS (self), NULL);

  if (n_drawn != NULL)
    *n_drawn = self->layer_renders;

  return self->layer_texture;
}

/* The node that shows the cards' texture, or NULL. */
GskRenderNode *
_swy_canvas_get_cards_node (SwyCanvas *self)
{
  g_return_val_if_fail (SWY_IS_CANVAS (self), NULL);

  return self->layer_node;
}

void
_swy_canvas_set_cards_texture_off (SwyCanvas *self,
                                   gboolean   off)
{
  g_return_if_fail (SWY_IS_CANVAS (self));

  self->layer_off = !!off;
  _swy_canvas_clear_cards_texture (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The dot grid
 *
 * A dot every 24 px of the view (it does not pan or zoom with the graph), in
 * @view_fg_color at 12 %: the radial gradient a CSS background-image of
 * "radial-gradient(circle, alpha(@view_fg_color, 0.12) 1px, transparent
 * 1.5px)" at 24 px draws, pixel for pixel. As CSS, GTK 4.8's GL renderer
 * shades every pixel of the view for it every frame, a quarter of a 200-node
 * frame on llvmpipe (bench/README.md). Here one row of dots (the view's
 * width, the 8 px around the tiles' centres that the dots colour) is drawn
 * once with the window's renderer, from the same gradient, into a texture,
 * and the view is that texture once a row: a few dozen render nodes, a
 * third of the view's pixels. */
#define DOTS_TILE 24.0f
#define DOTS_BOX  8.0f

void
_swy_canvas_clear_dots_texture (SwyCanvas *self)
{
  g_clear_pointer (&self->dots_node, gsk_render_node_unref);
  g_clear_object (&self->dots_texture);
  self->dots_at.renderer = NULL;
}

static void
snapshot_dots (SwyCanvas   *self,
               GtkSnapshot *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float box = (DOTS_TILE - DOTS_BOX) / 2;
  SwyDeviceMapping at;
  GdkRGBA color;
  gboolean found;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  found = gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "view_fg_color",
                                          &color);
G_GNUC_END_IGNORE_DEPRECATIONS
  if (!found || width <= 0 || height <= 0 || !swy_texture_get_device_mapping (widget, &at))
    return;
  color.alpha *= 0.12f;

  /* The row's origin, like the view's, on a whole device pixel. */
  at.x = 0;
  at.y = 0;
  if (self->dots_texture == NULL || !gdk_rgba_equal (&color, &self->dots_color) ||
      !swy_texture_mapping_fits (&self->dots_at, &at) || width != self->dots_width)
    {
      float radius = sqrtf (2 * (DOTS_TILE / 2) * (DOTS_TILE / 2));
      GskColorStop stops[2] = { { 1.0f / radius, color }, { 1.5f / radius, { 0, 0, 0, 0 } } };
      graphene_rect_t tile = GRAPHENE_RECT_INIT (0, 0, DOTS_TILE, DOTS_TILE);
      g_autoptr(GskRenderNode) gradient =
        gsk_radial_gradient_node_new (&tile, &GRAPHENE_POINT_INIT (DOTS_TILE / 2, DOTS_TILE / 2),
                                      radius, radius, 0, 1, stops, G_N_ELEMENTS (stops));
      g_autoptr(GskRenderNode) row =
        gsk_repeat_node_new (&GRAPHENE_RECT_INIT (0, 0, width, DOTS_TILE), gradient, &tile);

      _swy_canvas_clear_dots_texture (self);
      self->dots_texture = swy_texture_render_node (row, &at,
                                                    &GRAPHENE_RECT_INIT (0, box, width, DOTS_BOX),
                                                    TRUE, &self->dots_rect);
      self->dots_color = color;
      self->dots_at = at;
      self->dots_width = width;
      if (self->dots_texture == NULL)
        return;
    }

  if (self->dots_node == NULL || height != self->dots_height)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) gsk_render_node_unref);

      for (float y = 0; y < height; y += DOTS_TILE)
        {
          graphene_rect_t r = self->dots_rect;

          r.origin.y += y;
          g_ptr_array_add (rows, swy_texture_node_new (self->dots_texture, &r, at.renderer));
        }
      g_clear_pointer (&self->dots_node, gsk_render_node_unref);
      self->dots_node = gsk_container_node_new ((GskRenderNode **) rows->pdata, rows->len);
      self->dots_height = height;
    }

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_append_node (snapshot, self->dots_node);
  gtk_snapshot_pop (snapshot);
}

void
_swy_canvas_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  SwyCanvas *self = SWY_CANVAS (widget);
  gint64 start = 0;
  gint64 children_start = 0;

  self->stats_snapshots++;
  snapshot_dots (self, snapshot);
  if (self->graph == NULL)
    return;

  if (G_UNLIKELY (self->collect_stats))
    start = stats_clock_us ();

  _swy_canvas_update_crowding (self);
  ensure_wires_node (self);
  if (self->wires_node != NULL)
    gtk_snapshot_append_node (snapshot, self->wires_node);

  if (self->drag_mode == DRAG_WIRE && self->wire_from != NULL)
    snapshot_pending_wire (self, snapshot);

  if (G_UNLIKELY (self->collect_stats))
    children_start = stats_clock_us ();
  if (_swy_canvas_get_plain_cards (self))
    {
      self->stats_cards_changed = 0;
      _swy_canvas_clear_cards_texture (self);
      ensure_cards_node (self);
      if (self->cards_node != NULL)
        gtk_snapshot_append_node (snapshot, self->cards_node);
    }
  else
    {
      g_clear_pointer (&self->cards_node, gsk_render_node_unref);
      snapshot_cards (self, snapshot);
    }
  /* The context menu, if open, is a child too. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!SWY_IS_NODE_WIDGET (child))
      gtk_widget_snapshot_child (widget, child, snapshot);
  if (G_UNLIKELY (self->collect_stats))
    self->stats_children_us = stats_clock_us () - children_start;

  /* Tokens travel over the cards' edges, so they go last. */
  _swy_canvas_snapshot_tokens (self, snapshot);

  if (self->drag_mode == DRAG_RUBBER)
    {
      graphene_rect_t r = GRAPHENE_RECT_INIT (self->pan_x + self->rubber.origin.x * self->zoom,
                                              self->pan_y + self->rubber.origin.y * self->zoom,
                                              self->rubber.size.width * self->zoom,
                                              self->rubber.size.height * self->zoom);
      GdkRGBA fill, border;
      float widths[4] = { 1, 1, 1, 1 };
      GdkRGBA borders[4];
      GskRoundedRect rr;

      gdk_rgba_parse (&fill, "rgba(53,132,228,0.15)");
      gdk_rgba_parse (&border, "#3584e4");
      for (guint i = 0; i < 4; i++)
        borders[i] = border;
      gtk_snapshot_append_color (snapshot, &fill, &r);
      gsk_rounded_rect_init_from_rect (&rr, &r, 0);
      gtk_snapshot_append_border (snapshot, &rr, widths, borders);
    }

  if (G_UNLIKELY (self->collect_stats))
    self->stats_snapshot_us = stats_clock_us () - start;
}

/* Picking */

SwyNodeWidget *
_swy_canvas_pick_node_widget (SwyCanvas *self,
                              double     wx,
                              double     wy)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), wx, wy, GTK_PICK_DEFAULT);

  while (picked != NULL && picked != GTK_WIDGET (self) && !SWY_IS_NODE_WIDGET (picked))
    picked = gtk_widget_get_parent (picked);

  return SWY_IS_NODE_WIDGET (picked) ? SWY_NODE_WIDGET (picked) : NULL;
}

SwyPort *
_swy_canvas_pick_port (SwyCanvas      *self,
                       double          wx,
                       double          wy,
                       SwyNodeWidget **out_widget)
{
  GHashTableIter iter;
  gpointer key, value;
  SwyPort *best = NULL;
  double best_distance = PORT_PICK_RADIUS;

  g_hash_table_iter_init (&iter, self->widgets);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GListModel *ports = swy_node_get_ports (key);
      guint n = g_list_model_get_n_items (ports);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SwyPort) port = g_list_model_get_item (ports, i);
          graphene_point_t p;
          double d;

          if (!_swy_canvas_port_point (self, port, &p))
            continue;
          d = hypot (self->pan_x + p.x * self->zoom - wx, self->pan_y + p.y * self->zoom - wy);
          if (d < best_distance)
            {
              best_distance = d;
              best = port;
              if (out_widget != NULL)
                *out_widget = value;
            }
        }
    }

  return best;
}

SwyWire *
_swy_canvas_pick_wire (SwyCanvas *self,
                       double     wx,
                       double     wy)
{
  GListModel *wires = swy_graph_get_wires (self->graph);
  guint n = g_list_model_get_n_items (wires);
  SwyWire *best = NULL;
  double best_distance = WIRE_PICK_DISTANCE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);
      graphene_point_t c[4];

      if (!_swy_canvas_wire_points (self, wire, c))
        continue;
      for (guint s = 0; s <= 32; s++)
        {
          graphene_point_t p;
          double d;

          _swy_canvas_curve_at (c, s / 32.0, &p);
          d = hypot (self->pan_x + p.x * self->zoom - wx, self->pan_y + p.y * self->zoom - wy);
          if (d < best_distance)
            {
              best_distance = d;
              best = wire;
            }
        }
    }

  return best;
}

void
_swy_canvas_set_collect_stats (SwyCanvas *self,
                               gboolean   collect)
{
  g_return_if_fail (SWY_IS_CANVAS (self));

  self->collect_stats = !!collect;
  self->stats_snapshot_us = 0;
  self->stats_children_us = 0;
}

void
_swy_canvas_get_snapshot_stats (SwyCanvas *self,
                                gint64    *snapshot_us,
                                gint64    *children_us)
{
  g_return_if_fail (SWY_IS_CANVAS (self));

  if (snapshot_us != NULL)
    *snapshot_us = self->stats_snapshot_us;
  if (children_us != NULL)
    *children_us = self->stats_children_us;
}

guint
_swy_canvas_get_cards_changed (SwyCanvas *self)
{
  g_return_val_if_fail (SWY_IS_CANVAS (self), 0);

  return self->stats_cards_changed;
}

guint
_swy_canvas_get_n_snapshots (SwyCanvas *self)
{
  g_return_val_if_fail (SWY_IS_CANVAS (self), 0);

  return self->stats_snapshots;
}

/* Export: the graph drawn with cairo for swy-export.c, in content
 * coordinates, from the same geometry as the canvas (port positions,
 * wire curves), in the light style for the SVG export whatever the
 * desktop's, or in the dark one for thumbnails in a dark window. */


static void
card_bounds (SwyNodeWidget   *widget,
             graphene_rect_t *out)
{
  SwyNode *node = swy_node_widget_get_node (widget);
  graphene_rect_t box;
  int w, h;

  /* The card's border box sits at the node's position (see _swy_canvas_port_point). */
  if (gtk_widget_get_width (GTK_WIDGET (widget)) > 0 &&
      gtk_widget_compute_bounds (GTK_WIDGET (widget), GTK_WIDGET (widget), &box))
    {
      w = (int) ceil (box.size.width);
      h = (int) ceil (box.size.height);
    }
  else
    {
      gtk_widget_measure (GTK_WIDGET (widget), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (widget), GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
    }

  *out = GRAPHENE_RECT_INIT (swy_node_get_x (node), swy_node_get_y (node), w, h);
}

gboolean
_swy_canvas_get_drawing_bounds (SwyCanvas       *self,
                                graphene_rect_t *bounds)
{
  gboolean any = FALSE;
  GListModel *wires;

  g_return_val_if_fail (SWY_IS_CANVAS (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t r;

      card_bounds (SWY_NODE_WIDGET (child), &r);
      if (any)
        graphene_rect_union (bounds, &r, bounds);
      else
        *bounds = r;
      any = TRUE;
    }

  if (!any || self->graph == NULL)
    return any;

  /* A curve lies within the hull of its control points. */
  wires = swy_graph_get_wires (self->graph);
  for (guint i = 0; i < g_list_model_get_n_items (wires); i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);
      graphene_point_t c[4];

      if (!_swy_canvas_wire_points (self, wire, c))
        continue;
      for (guint j = 0; j < 4; j++)
        graphene_rect_union (bounds, &GRAPHENE_RECT_INIT (c[j].x, c[j].y, 0, 0), bounds);
    }

  return TRUE;
}

/* The colours of the cairo drawing (exports and thumbnails), in the light
 * and the dark style; they follow the canvas's own look. */
typedef struct {
  const char *card;
  const char *outline;
  double      outline_alpha;
  const char *heading;
  const char *text;
  const char *wire;
  const char *wire_blocked;
  const char *port_ring;
} ExportColors;

static const ExportColors export_colors[2] = {
  { "#ffffff", "#000000", 0.18, "#241f31", "#5e5c64", "#5e5c64", "#c0bfbc", "#ffffff" },
  { "#383838", "#ffffff", 0.15, "#ffffff", "#c0bfbc", "#9a9996", "#5e5c64", "#383838" },
};

static void
export_wire (SwyCanvas          *self,
             cairo_t            *cr,
             const ExportColors *colors,
             SwyWire            *wire)
{
  static const double dash[] = { 7.0, 5.0 };
  graphene_point_t c[4];

  if (!_swy_canvas_wire_points (self, wire, c))
    return;

  cairo_save (cr);
  cairo_move_to (cr, c[0].x, c[0].y);
  cairo_curve_to (cr, c[1].x, c[1].y, c[2].x, c[2].y, c[3].x, c[3].y);
  set_source_color (cr, swy_wire_get_blocked (wire) ? colors->wire_blocked : colors->wire, 0.9);
  if (swy_wire_get_mode (wire) == SWY_WIRE_MODE_QUEUED)
    cairo_set_dash (cr, dash, 2, 0);
  cairo_set_line_width (cr, 2.0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Labels go over the cards, so that a short wire's label stays readable. */
static void
export_wire_label (SwyCanvas *self,
                   cairo_t   *cr,
                   gboolean   dark,
                   SwyWire   *wire)
{
  g_autoptr(GString) text = g_string_new (NULL);
  const char *subscription = swy_wire_get_subscription (wire);
  graphene_point_t c[4], mid;

  if (!_swy_canvas_wire_points (self, wire, c))
    return;

  if (swy_wire_get_blocked (wire))
    g_string_append (text, _("blocked"));
  if (swy_wire_get_mode (wire) == SWY_WIRE_MODE_QUEUED)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, _("%u ms"), swy_wire_get_latency_ms (wire));
    }
  if (subscription != NULL && g_strcmp0 (subscription, "#") != 0)
    {
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, subscription);
    }
  if (text->len > 0)
    {
      _swy_canvas_curve_at (c, 0.5, &mid);
      draw_label (self, cr, mid.x, mid.y - 10, text->str, dark);
    }
}

static void
rounded_rect_path (cairo_t               *cr,
                   const graphene_rect_t *r,
                   double                 radius)
{
  double x = r->origin.x, y = r->origin.y, w = r->size.width, h = r->size.height;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
show_text (SwyCanvas  *self,
           cairo_t    *cr,
           const char *color,
           double      x,
           double      y,
           double      width,
           const char *text,
           gboolean    heading)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  if (heading)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  else
    pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_attr_list_unref (attrs);

  set_source_color (cr, color, 1.0);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
export_card (SwyCanvas          *self,
             cairo_t            *cr,
             const ExportColors *colors,
             SwyNodeWidget      *widget)
{
  static const char *category_colors[] = { "#3584e4", "#9141ac", "#2ec27e" };
  SwyNode *node = swy_node_widget_get_node (widget);
  SwyNodeType *type = swy_catalog_lookup_gtype (G_OBJECT_TYPE (node));
  SwyNodeCategory category = type != NULL ? swy_node_type_get_category (type) : SWY_NODE_CATEGORY_ROUTING;
  GListModel *ports = swy_node_get_ports (node);
  graphene_rect_t r;

  card_bounds (widget, &r);

  cairo_save (cr);
  rounded_rect_path (cr, &r, 12);
  set_source_color (cr, colors->card, 1.0);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  set_source_color (cr, category_colors[MIN ((guint) category, G_N_ELEMENTS (category_colors) - 1)], 1.0);
  cairo_rectangle (cr, r.origin.x, r.origin.y, r.size.width, 4);
  cairo_fill (cr);
  cairo_reset_clip (cr);
  rounded_rect_path (cr, &r, 12);
  set_source_color (cr, colors->outline, colors->outline_alpha);
  cairo_set_line_width (cr, 1.0);
  cairo_stroke (cr);
  cairo_restore (cr);

  show_text (self, cr, colors->heading, r.origin.x + 12, r.origin.y + 12, r.size.width - 24,
             swy_node_get_id (node), TRUE);
  show_text (self, cr, colors->text, r.origin.x + 12, r.origin.y + 32, r.size.width - 24,
             type != NULL ? swy_node_type_get_display_name (type) : swy_node_get_type_name (node),
             FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (ports); i++)
    {
      g_autoptr(SwyPort) port = g_list_model_get_item (ports, i);
      graphene_point_t p;

      if (!swy_node_widget_get_port_position (widget, port, &p))
        continue;
      cairo_arc (cr, r.origin.x + p.x, r.origin.y + p.y, SWY_PORT_RADIUS, 0, 2 * G_PI);
      set_source_color (cr, colors->port_ring, 1.0);
      cairo_fill (cr);
      cairo_arc (cr, r.origin.x + p.x, r.origin.y + p.y, SWY_PORT_RADIUS - 2, 0, 2 * G_PI);
      set_source_color (cr, swy_port_get_direction (port) == SWY_PORT_DIRECTION_INPUT ? "#3584e4" : "#e66100",
                        1.0);
      cairo_fill (cr);
    }
}

void
_swy_canvas_draw_to_cairo (SwyCanvas *self,
                           cairo_t   *cr,
                           gboolean   dark)
{
  const ExportColors *colors = &export_colors[dark ? 1 : 0];
  GListModel *wires;

  g_return_if_fail (SWY_IS_CANVAS (self));

  if (self->graph == NULL)
    return;

  wires = swy_graph_get_wires (self->graph);
  for (guint i = 0; i < g_list_model_get_n_items (wires); i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);

      export_wire (self, cr, colors, wire);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    export_card (self, cr, colors, SWY_NODE_WIDGET (child));

  for (guint i = 0; i < g_list_model_get_n_items (wires); i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);

      export_wire_label (self, cr, dark, wire);
    }
}
