/* swy-canvas.c: the surface where nodes are placed, wired and watched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nodes are child widgets placed with a transform, so that zooming keeps
 * them real, focusable and accessible. Wires are drawn by the canvas from a
 * cached render node rebuilt only when the graph or the view changes.
 * Tokens come from the engine: events in flight on queued wires
 * (swy_graph_foreach_in_flight) and sync deliveries read from the trace,
 * drawn each frame on top as small shared textures. A wire busier than the
 * eye can follow switches to an aggregate look instead of a blur of tokens.
 */

#define G_LOG_DOMAIN "swy-canvas"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <time.h>

#include "swy-canvas-private.h"
#include "swy-view-state.h"

G_DEFINE_FINAL_TYPE (SwyCanvas, swy_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ZOOM,
  PROP_FOLLOW_TRACE,
  N_PROPS
};

enum {
  SIGNAL_SELECTION_CHANGED,
  SIGNAL_REFUSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
_swy_canvas_queue_wires_redraw (SwyCanvas *self)
{
  g_clear_pointer (&self->wires_node, gsk_render_node_unref);
  g_clear_pointer (&self->cards_node, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}


/* Coordinates: widget = pan + content × zoom. */
static void
to_content (SwyCanvas *self,
            double     wx,
            double     wy,
            double    *cx,
            double    *cy)
{
  *cx = (wx - self->pan_x) / self->zoom;
  *cy = (wy - self->pan_y) / self->zoom;
}

static void
to_content_point (SwyCanvas        *self,
                  double            wx,
                  double            wy,
                  graphene_point_t *out)
{
  out->x = (wx - self->pan_x) / self->zoom;
  out->y = (wy - self->pan_y) / self->zoom;
}

static void
swy_canvas_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  SwyCanvas *self = SWY_CANVAS (widget);
  gboolean moved = FALSE;
  graphene_rect_t bounds;

  /* A card whose text changes re-allocates the canvas (every frame while a
   * graph plays), but wires only hang on the cards' left and right edges:
   * keep the cached wires unless a card moved or changed width, or the
   * canvas changed size (bench/README.md, canvas benchmark). */
  if (self->wires_node != NULL)
    {
      gsk_render_node_get_bounds (self->wires_node, &bounds);
      moved = bounds.size.width != width || bounds.size.height != height;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SwyNode *node;
      GskTransform *transform = NULL;
      graphene_point_t before, after;
      int before_width;
      gboolean placed;
      int w, h;

      /* The context menu is a child too. */
      if (GTK_IS_POPOVER (child))
        {
          gtk_popover_present (GTK_POPOVER (child));
          continue;
        }

      node = swy_node_widget_get_node (SWY_NODE_WIDGET (child));
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
      before_width = gtk_widget_get_width (child);
      placed = gtk_widget_compute_point (child, widget, &GRAPHENE_POINT_INIT (0, 0), &before);
      transform = gsk_transform_translate (transform,
                                           &GRAPHENE_POINT_INIT (self->pan_x + swy_node_get_x (node) * self->zoom,
                                                                 self->pan_y + swy_node_get_y (node) * self->zoom));
      transform = gsk_transform_scale (transform, self->zoom, self->zoom);
      gtk_widget_allocate (child, w, h, -1, transform);
      if (!placed || gtk_widget_get_width (child) != before_width ||
          !gtk_widget_compute_point (child, widget, &GRAPHENE_POINT_INIT (0, 0), &after) ||
          !graphene_point_near (&before, &after, 0.01f))
        moved = TRUE;
    }

  if (moved)
    {
      g_clear_pointer (&self->wires_node, gsk_render_node_unref);
      g_clear_pointer (&self->cards_node, gsk_render_node_unref);
    }
}

static void
swy_canvas_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  /* The canvas scrolls itself: it asks for little and takes what it gets. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_measure (child, orientation, -1, NULL, NULL, NULL, NULL);

  *minimum = 200;
  *natural = 600;
}

static void
set_pan (SwyCanvas *self,
         double     x,
         double     y)
{
  self->pan_x = x;
  self->pan_y = y;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Zooms keeping the content point under (wx, wy) where it is. */
static void
zoom_at (SwyCanvas *self,
         double     zoom,
         double     wx,
         double     wy)
{
  double cx, cy;

  zoom = CLAMP (zoom, SWY_CANVAS_MIN_ZOOM, SWY_CANVAS_MAX_ZOOM);
  if (zoom == self->zoom)
    return;

  to_content (self, wx, wy, &cx, &cy);
  self->zoom = zoom;
  set_pan (self, wx - cx * zoom, wy - cy * zoom);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

double
swy_canvas_get_zoom (SwyCanvas *self)
{
  g_return_val_if_fail (SWY_IS_CANVAS (self), 1.0);

  return self->zoom;
}

void
swy_canvas_set_zoom (SwyCanvas *self,
                     double     zoom)
{
  g_return_if_fail (SWY_IS_CANVAS (self));

  zoom_at (self, zoom,
           gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
           gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

static gboolean
content_bounds (SwyCanvas       *self,
                graphene_rect_t *out)
{
  gboolean any = FALSE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SwyNode *node;
      int w, h;
      graphene_rect_t r;

      if (!SWY_IS_NODE_WIDGET (child))
        continue;
      node = swy_node_widget_get_node (SWY_NODE_WIDGET (child));
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &w, NULL, NULL);
      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, w, NULL, &h, NULL, NULL);
      r = GRAPHENE_RECT_INIT (swy_node_get_x (node), swy_node_get_y (node), w, h);
      if (any)
        graphene_rect_union (out, &r, out);
      else
        *out = r;
      any = TRUE;
    }

  return any;
}

/**
 * swy_canvas_zoom_to_fit:
 * @self: a canvas
 *
 * Zooms and pans so that every node is in view, never past 100%.
 */
void
swy_canvas_zoom_to_fit (SwyCanvas *self)
{
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double zoom;

  g_return_if_fail (SWY_IS_CANVAS (self));

  if (!content_bounds (self, &bounds) || width <= 0 || height <= 0)
    {
      self->zoom = 1.0;
      set_pan (self, 0, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
      return;
    }

  graphene_rect_inset (&bounds, -48, -48);
  zoom = MIN (width / bounds.size.width, height / bounds.size.height);
  self->zoom = CLAMP (zoom, SWY_CANVAS_MIN_ZOOM, 1.0);
  set_pan (self,
           width / 2.0 - (bounds.origin.x + bounds.size.width / 2.0) * self->zoom,
           height / 2.0 - (bounds.origin.y + bounds.size.height / 2.0) * self->zoom);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/**
 * swy_canvas_get_free_spot:
 * @self: a canvas
 * @x: (out): content x
 * @y: (out): content y
 *
 * Finds where a new node goes: the middle of the view, moved down and
 * right until it does not sit exactly on another node.
 */
void
swy_canvas_get_free_spot (SwyCanvas *self,
                          double    *x,
                          double    *y)
{
  double cx, cy;
  gboolean taken = TRUE;

  g_return_if_fail (SWY_IS_CANVAS (self));

  to_content (self,
              gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
              gtk_widget_get_height (GTK_WIDGET (self)) / 2.0,
              &cx, &cy);
  cx = round (cx - 84);
  cy = round (cy - 40);

  for (guint attempt = 0; taken && attempt < 50; attempt++)
    {
      taken = FALSE;
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          SwyNode *node;

          if (!SWY_IS_NODE_WIDGET (child))
            continue;
          node = swy_node_widget_get_node (SWY_NODE_WIDGET (child));
          if (fabs (swy_node_get_x (node) - cx) < 8 && fabs (swy_node_get_y (node) - cy) < 8)
            {
              cx += 24;
              cy += 24;
              taken = TRUE;
              break;
            }
        }
    }

  *x = cx;
  *y = cy;
}

/* Selection */

gboolean
_swy_canvas_is_wire_selected (SwyCanvas *self,
                              SwyWire   *wire)
{
  return g_ptr_array_find (self->selected_wires, wire, NULL);
}

void
_swy_canvas_emit_selection_changed (SwyCanvas *self)
{
  _swy_canvas_queue_wires_redraw (self);
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

void
_swy_canvas_unselect_all (SwyCanvas *self)
{
  GHashTableIter iter;
  gpointer widget;

  g_hash_table_iter_init (&iter, self->widgets);
  while (g_hash_table_iter_next (&iter, NULL, &widget))
    swy_node_widget_set_selected (widget, FALSE);
  g_ptr_array_set_size (self->selected_wires, 0);
}

void
swy_canvas_unselect_all (SwyCanvas *self)
{
  g_return_if_fail (SWY_IS_CANVAS (self));

  _swy_canvas_unselect_all (self);
  _swy_canvas_emit_selection_changed (self);
}

void
swy_canvas_select_all (SwyCanvas *self)
{
  GHashTableIter iter;
  gpointer widget;

  g_return_if_fail (SWY_IS_CANVAS (self));

  g_hash_table_iter_init (&iter, self->widgets);
  while (g_hash_table_iter_next (&iter, NULL, &widget))
    swy_node_widget_set_selected (widget, TRUE);
  _swy_canvas_emit_selection_changed (self);
}

/**
 * swy_canvas_select:
 * @self: a canvas
 * @object: (nullable): a node or a wire
 * @extend: whether to add to the selection (toggling @object) instead of replacing it
 *
 * Selects a node or a wire.
 */
void
swy_canvas_select (SwyCanvas *self,
                   GObject   *object,
                   gboolean   extend)
{
  g_return_if_fail (SWY_IS_CANVAS (self));

  if (!extend)
    _swy_canvas_unselect_all (self);

  if (SWY_IS_NODE (object))
    {
      SwyNodeWidget *widget = g_hash_table_lookup (self->widgets, object);

      if (widget != NULL)
        swy_node_widget_set_selected (widget, !extend || !swy_node_widget_get_selected (widget));
    }
  else if (SWY_IS_WIRE (object))
    {
      if (extend && _swy_canvas_is_wire_selected (self, SWY_WIRE (object)))
        g_ptr_array_remove (self->selected_wires, object);
      else if (!_swy_canvas_is_wire_selected (self, SWY_WIRE (object)))
        g_ptr_array_add (self->selected_wires, g_object_ref (object));
    }

  _swy_canvas_emit_selection_changed (self);
}

/**
 * swy_canvas_dup_selected_nodes:
 * @self: a canvas
 *
 * Returns: (transfer container) (element-type SwyNode): the selected nodes,
 *   in the graph's order
 */
GPtrArray *
swy_canvas_dup_selected_nodes (SwyCanvas *self)
{
  GPtrArray *nodes = g_ptr_array_new ();
  GListModel *model;
  guint n;

  g_return_val_if_fail (SWY_IS_CANVAS (self), nodes);

  if (self->graph == NULL)
    return nodes;

  model = swy_graph_get_nodes (self->graph);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (model, i);
      SwyNodeWidget *widget = g_hash_table_lookup (self->widgets, node);

      if (widget != NULL && swy_node_widget_get_selected (widget))
        g_ptr_array_add (nodes, node);
    }

  return nodes;
}

/**
 * swy_canvas_dup_selected_wires:
 * @self: a canvas
 *
 * Returns: (transfer container) (element-type SwyWire): the selected wires
 */
GPtrArray *
swy_canvas_dup_selected_wires (SwyCanvas *self)
{
  GPtrArray *wires = g_ptr_array_new ();

  g_return_val_if_fail (SWY_IS_CANVAS (self), wires);

  for (guint i = 0; i < self->selected_wires->len; i++)
    g_ptr_array_add (wires, g_ptr_array_index (self->selected_wires, i));

  return wires;
}

/**
 * swy_canvas_get_selected_object:
 * @self: a canvas
 *
 * Returns: (transfer none) (nullable): the one selected node or wire, or
 *   `NULL` when none or several are selected
 */
GObject *
swy_canvas_get_selected_object (SwyCanvas *self)
{
  g_autoptr(GPtrArray) nodes = NULL;

  g_return_val_if_fail (SWY_IS_CANVAS (self), NULL);

  nodes = swy_canvas_dup_selected_nodes (self);
  if (nodes->len == 1 && self->selected_wires->len == 0)
    return g_ptr_array_index (nodes, 0);
  if (nodes->len == 0 && self->selected_wires->len == 1)
    return g_ptr_array_index (self->selected_wires, 0);

  return NULL;
}

SwyNodeWidget *
swy_canvas_get_node_widget (SwyCanvas *self,
                            SwyNode   *node)
{
  g_return_val_if_fail (SWY_IS_CANVAS (self), NULL);

  return g_hash_table_lookup (self->widgets, node);
}

/* Gestures */

void
_swy_canvas_refuse (SwyCanvas  *self,
                    const char *message)
{
  gtk_widget_error_bell (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_REFUSED], 0, message);
}

static void
clear_hot_port (SwyCanvas *self)
{
  if (self->wire_target_widget != NULL)
    swy_node_widget_set_hot_port (self->wire_target_widget, NULL, FALSE);
  self->wire_target_widget = NULL;
  self->wire_target = NULL;
  self->wire_refused = FALSE;
}

static gboolean
ports_can_connect (SwyPort *from,
                   SwyPort *to)
{
  return from != NULL && to != NULL &&
         swy_port_get_direction (from) != swy_port_get_direction (to);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               SwyCanvas      *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  SwyNodeWidget *widget = NULL;
  SwyPort *port;

  if (self->graph == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->drag_x = x;
  self->drag_y = y;
  self->drag_last_dx = 0;
  self->drag_last_dy = 0;

  port = _swy_canvas_pick_port (self, x, y, &widget);
  if (port != NULL)
    {
      self->drag_mode = DRAG_WIRE;
      self->wire_from = port;
      to_content_point (self, x, y, &self->wire_end);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  /* A token over a card is picked by the press (_swy_canvas_press); dragging
   * from it pans, as from empty space, rather than moving the card. */
  widget = _swy_canvas_pick_node_widget (self, x, y);
  if (widget != NULL && self->view_state != NULL && _swy_canvas_pick_event (self, x, y) != 0)
    widget = NULL;
  if (widget != NULL)
    {
      if (!swy_node_widget_get_selected (widget))
        swy_canvas_select (self, G_OBJECT (swy_node_widget_get_node (widget)),
                           (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0);
      self->drag_mode = DRAG_MOVE;
      swy_document_begin_group (self->document);
      return;
    }

  if (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK))
    {
      self->drag_mode = DRAG_RUBBER;
      to_content_point (self, x, y, &self->rubber.origin);
      self->rubber.size.width = self->rubber.size.height = 0;
      return;
    }

  self->drag_mode = DRAG_PAN;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                SwyCanvas      *self)
{
  double x = self->drag_x + dx;
  double y = self->drag_y + dy;

  switch (self->drag_mode)
    {
    case DRAG_PAN:
      set_pan (self, self->pan_x + dx - self->drag_last_dx, self->pan_y + dy - self->drag_last_dy);
      break;

    case DRAG_MOVE:
      {
        g_autoptr(GPtrArray) nodes = swy_canvas_dup_selected_nodes (self);

        swy_document_move_nodes (self->document, nodes,
                                 (dx - self->drag_last_dx) / self->zoom,
                                 (dy - self->drag_last_dy) / self->zoom);
      }
      break;

    case DRAG_RUBBER:
      {
        double cx, cy;

        to_content (self, x, y, &cx, &cy);
        self->rubber.size.width = cx - self->rubber.origin.x;
        self->rubber.size.height = cy - self->rubber.origin.y;
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;

    case DRAG_WIRE:
      {
        SwyNodeWidget *widget = NULL;
        SwyPort *target = _swy_canvas_pick_port (self, x, y, &widget);

        to_content_point (self, x, y, &self->wire_end);
        if (target == self->wire_from)
          target = NULL;
        if (target != self->wire_target)
          {
            clear_hot_port (self);
            if (target != NULL)
              {
                self->wire_target = target;
                self->wire_target_widget = widget;
                self->wire_refused = !ports_can_connect (self->wire_from, target);
                swy_node_widget_set_hot_port (widget, target, self->wire_refused);
              }
          }
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;

    case DRAG_NONE:
    default:
      break;
    }

  self->drag_last_dx = dx;
  self->drag_last_dy = dy;
}

static void
finish_rubber (SwyCanvas *self,
               gboolean   extend)
{
  graphene_rect_t band;

  graphene_rect_normalize_r (&self->rubber, &band);
  if (!extend)
    _swy_canvas_unselect_all (self);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SwyNode *node;
      graphene_rect_t r;

      if (!SWY_IS_NODE_WIDGET (child))
        continue;
      node = swy_node_widget_get_node (SWY_NODE_WIDGET (child));
      r = GRAPHENE_RECT_INIT (swy_node_get_x (node), swy_node_get_y (node),
                              gtk_widget_get_width (child), gtk_widget_get_height (child));
      if (graphene_rect_intersection (&band, &r, NULL))
        swy_node_widget_set_selected (SWY_NODE_WIDGET (child), TRUE);
    }
  _swy_canvas_emit_selection_changed (self);
}

static void
finish_wire (SwyCanvas *self)
{
  SwyPort *target = self->wire_target;
  SwyPort *from, *to;
  g_autoptr(GError) error = NULL;

  if (target == NULL)
    {
      _swy_canvas_refuse (self, _("Drop the wire on a port of another node to connect them"));
      return;
    }
  if (!ports_can_connect (self->wire_from, target))
    {
      _swy_canvas_refuse (self, swy_port_get_direction (target) == SWY_PORT_DIRECTION_INPUT
                          ? _("An input can only be wired to an output")
                          : _("An output can only be wired to an input"));
      return;
    }

  from = swy_port_get_direction (self->wire_from) == SWY_PORT_DIRECTION_OUTPUT ? self->wire_from : target;
  to = from == self->wire_from ? target : self->wire_from;
  if (swy_document_connect (self->document, from, to, &error) == NULL)
    _swy_canvas_refuse (self, error->message);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             SwyCanvas      *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  DragMode mode = self->drag_mode;

  self->drag_mode = DRAG_NONE;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);

  switch (mode)
    {
    case DRAG_MOVE:
      swy_document_end_group (self->document);
      break;

    case DRAG_RUBBER:
      finish_rubber (self, (state & GDK_CONTROL_MASK) != 0);
      break;

    case DRAG_WIRE:
      /* A press and release on a port without moving is a click, not a wire. */
      if (hypot (dx, dy) > 4)
        finish_wire (self);
      clear_hot_port (self);
      self->wire_from = NULL;
      break;

    case DRAG_PAN:
    case DRAG_NONE:
    default:
      break;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
show_context_menu (SwyCanvas *self,
                   double     x,
                   double     y,
                   GObject   *target)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  GtkWidget *popover;

  if (SWY_IS_BUTTON_NODE (target))
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("_Fire"), NULL);

      g_menu_item_set_action_and_target (item, "win.fire-node", "s",
                                         swy_node_get_id (SWY_NODE (target)));
      g_menu_append_item (menu, item);
    }
  if (SWY_IS_WIRE (target))
    {
      gboolean blocked = swy_wire_get_blocked (SWY_WIRE (target));
      gboolean queued = swy_wire_get_mode (SWY_WIRE (target)) == SWY_WIRE_MODE_QUEUED;

      g_menu_append (menu, blocked ? _("_Unblock") : _("_Block"), "canvas.toggle-blocked");
      g_menu_append (menu, queued ? _("Make _Sync") : _("Make _Queued"), "canvas.toggle-mode");
      if (self->view_state != NULL)
        g_menu_append (menu,
                       swy_view_state_is_wire_muted (self->view_state, SWY_WIRE (target))
                       ? _("Show _Animation") : _("_Mute Animation"),
                       "canvas.toggle-muted");
    }
  if (SWY_IS_NODE (target))
    {
      g_menu_append (edit, _("_Copy"), "canvas.copy");
      g_menu_append (edit, _("D_uplicate"), "canvas.duplicate");
    }
  g_menu_append (edit, _("_Delete"), "canvas.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));

  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_popover_set_pointing_to (GTK_POPOVER (popover), &(GdkRectangle) { x, y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (gtk_widget_unparent), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* A press of @button at (@x, @y): what the click gesture does, apart so
 * that tests press where something is drawn. Returns whether the press is
 * used up (a context menu opened). A token is an event of the run: pressing
 * it selects that event in every view, as picking it in the log does. */
gboolean
_swy_canvas_press (SwyCanvas       *self,
                   guint            button,
                   GdkModifierType  state,
                   double           x,
                   double           y)
{
  gboolean extend = (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)) != 0;
  SwyNodeWidget *widget;
  GObject *target = NULL;
  gboolean on_port;
  guint64 event_id = 0;

  if (self->graph == NULL)
    return FALSE;

  /* Tokens are drawn over the cards, so they are picked first; ports,
   * where wiring starts, stay reachable under them. */
  on_port = _swy_canvas_pick_port (self, x, y, NULL) != NULL;
  if (button == GDK_BUTTON_PRIMARY && !on_port && self->view_state != NULL)
    event_id = _swy_canvas_pick_event (self, x, y);
  if (event_id != 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self));
      if (!extend)
        swy_canvas_unselect_all (self);
      swy_view_state_set_selected_event (self->view_state, event_id);
      return FALSE;
    }

  widget = _swy_canvas_pick_node_widget (self, x, y);
  if (widget != NULL)
    target = G_OBJECT (swy_node_widget_get_node (widget));
  else if (!on_port)
    target = G_OBJECT (_swy_canvas_pick_wire (self, x, y));

  if (button == GDK_BUTTON_SECONDARY)
    {
      if (target == NULL)
        return FALSE;
      if (SWY_IS_NODE (target) ? !swy_node_widget_get_selected (widget)
                               : !_swy_canvas_is_wire_selected (self, SWY_WIRE (target)))
        swy_canvas_select (self, target, FALSE);
      show_context_menu (self, x, y, target);
      return TRUE;
    }

  if (widget != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (widget));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self));

  if (target == NULL)
    {
      if (!extend)
        swy_canvas_unselect_all (self);
      return FALSE;
    }
  /* Pressing an already selected node keeps the selection, for dragging it. */
  if (SWY_IS_NODE (target) && !extend && swy_node_widget_get_selected (widget))
    return FALSE;
  swy_canvas_select (self, target, extend);
  return FALSE;
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  SwyCanvas       *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));

  if (_swy_canvas_press (self, button, state, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           SwyCanvas                *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (state & GDK_CONTROL_MASK)
    {
      zoom_at (self, self->zoom * pow (CANVAS_ZOOM_STEP, -dy), self->pointer_x, self->pointer_y);
      return TRUE;
    }

  if (state & GDK_SHIFT_MASK)
    {
      double t = dx;

      dx = dy;
      dy = t;
    }
  set_pan (self, self->pan_x - dx * 40, self->pan_y - dy * 40);
  return TRUE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SwyCanvas                *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               SwyCanvas        *self)
{
  self->zoom_gesture_start = self->zoom;
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       SwyCanvas      *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  zoom_at (self, self->zoom_gesture_start * scale, x, y);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         SwyCanvas     *self)
{
  SwyNodeType *type = g_value_get_object (value);
  g_autoptr(GError) error = NULL;
  double cx, cy;
  SwyNode *node;

  if (self->document == NULL || type == NULL)
    return FALSE;

  to_content (self, x, y, &cx, &cy);
  node = swy_document_add_node (self->document, swy_node_type_get_name (type),
                                round (cx - 84), round (cy - 24), &error);
  if (node == NULL)
    {
      _swy_canvas_refuse (self, error->message);
      return FALSE;
    }
  swy_canvas_select (self, G_OBJECT (node), FALSE);

  return TRUE;
}

static void
playing_changed_cb (SwyCanvas  *self,
                    GParamSpec *pspec,
                    SwyGraph   *graph)
{
  _swy_canvas_ensure_ticking (self);
}

gboolean
swy_canvas_get_follow_trace (SwyCanvas *self)
{
  g_return_val_if_fail (SWY_IS_CANVAS (self), FALSE);

  return self->follow_trace;
}

/**
 * swy_canvas_set_follow_trace:
 * @self: a canvas
 * @follow: whether new trace records animate by themselves
 *
 * While following (the default), every new sync delivery in the trace shows
 * as a pulse. Step mode turns it off and reveals records itself.
 */
void
swy_canvas_set_follow_trace (SwyCanvas *self,
                             gboolean   follow)
{
  g_return_if_fail (SWY_IS_CANVAS (self));

  follow = !!follow;
  if (self->follow_trace == follow)
    return;

  self->follow_trace = follow;
  if (follow && self->graph != NULL)
    self->trace_seen = swy_trace_get_n_total (swy_graph_get_trace (self->graph));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOW_TRACE]);
}

/* Graph ↔ widgets */

static void
node_focus_enter_cb (GtkEventControllerFocus *controller,
                     SwyCanvas               *self)
{
  SwyNodeWidget *widget = SWY_NODE_WIDGET (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  /* Keyboard focus picks a node, so the keyboard can do what the mouse does. */
  if (!swy_node_widget_get_selected (widget))
    swy_canvas_select (self, G_OBJECT (swy_node_widget_get_node (widget)), FALSE);
}

static void
add_node_widget (SwyCanvas *self,
                 SwyNode   *node)
{
  GtkWidget *widget = swy_node_widget_new (node);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "enter", G_CALLBACK (node_focus_enter_cb), self);
  gtk_widget_add_controller (widget, focus);
  gtk_widget_set_parent (widget, GTK_WIDGET (self));
  g_hash_table_insert (self->widgets, node, widget);
}

static void
sync_nodes (SwyCanvas *self)
{
  GListModel *nodes = swy_graph_get_nodes (self->graph);
  guint n = g_list_model_get_n_items (nodes);
  g_autoptr(GHashTable) present = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;
  gboolean selection_lost = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (nodes, i);

      g_hash_table_add (present, node);
      if (!g_hash_table_contains (self->widgets, node))
        add_node_widget (self, node);
    }

  g_hash_table_iter_init (&iter, self->widgets);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_hash_table_contains (present, key))
        continue;
      selection_lost |= swy_node_widget_get_selected (value);
      gtk_widget_unparent (value);
      g_hash_table_iter_remove (&iter);
    }

  /* Keep the widgets in graph order, which is the Tab order. */
  {
    GtkWidget *previous = NULL;

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(SwyNode) node = g_list_model_get_item (nodes, i);
        GtkWidget *widget = g_hash_table_lookup (self->widgets, node);

        if (gtk_widget_get_prev_sibling (widget) != previous)
          gtk_widget_insert_after (widget, GTK_WIDGET (self), previous);
        previous = widget;
      }
  }

  if (selection_lost)
    _swy_canvas_emit_selection_changed (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
sync_wires (SwyCanvas *self)
{
  GListModel *wires = swy_graph_get_wires (self->graph);
  guint n = g_list_model_get_n_items (wires);
  g_autoptr(GHashTable) present = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;
  gboolean selection_lost = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);

      g_hash_table_add (present, wire);
      _swy_canvas_get_rate (self, wire);
    }

  g_hash_table_iter_init (&iter, self->rates);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      g_hash_table_iter_remove (&iter);

  for (guint i = self->selected_wires->len; i > 0; i--)
    if (!g_hash_table_contains (present, g_ptr_array_index (self->selected_wires, i - 1)))
      {
        g_ptr_array_remove_index (self->selected_wires, i - 1);
        selection_lost = TRUE;
      }

  /* Pulses on removed wires are dropped rather than drawn from freed memory. */
  for (guint i = self->pulses->len; i > 0; i--)
    if (!g_hash_table_contains (present, g_array_index (self->pulses, Pulse, i - 1).wire))
      g_array_remove_index (self->pulses, i - 1);

  if (selection_lost)
    _swy_canvas_emit_selection_changed (self);
  _swy_canvas_queue_wires_redraw (self);
}

static void
nodes_changed_cb (SwyCanvas  *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  sync_nodes (self);
  if (removed > 0)
    sync_wires (self);
}

static void
wires_changed_cb (SwyCanvas  *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  sync_wires (self);
}

static void
wire_notify_cb (SwyCanvas *self)
{
  _swy_canvas_queue_wires_redraw (self);
}

static void
disconnect_graph (SwyCanvas *self)
{
  GHashTableIter iter;
  gpointer key, value;

  if (self->graph == NULL)
    return;

  g_clear_signal_handler (&self->nodes_handler, swy_graph_get_nodes (self->graph));
  g_clear_signal_handler (&self->wires_handler, swy_graph_get_wires (self->graph));
  g_clear_signal_handler (&self->playing_handler, self->graph);
  g_signal_handlers_disconnect_by_func (self->graph, wire_notify_cb, self);

  g_hash_table_iter_init (&iter, self->widgets);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gtk_widget_unparent (value);
      g_hash_table_iter_remove (&iter);
    }
  g_hash_table_remove_all (self->rates);
  g_hash_table_remove_all (self->path_wires);
  g_ptr_array_set_size (self->selected_wires, 0);
  g_array_set_size (self->pulses, 0);
  g_clear_object (&self->graph);
}

static void
graph_replaced_cb (SwyCanvas   *self,
                   GParamSpec  *pspec,
                   SwyDocument *document)
{
  disconnect_graph (self);

  self->graph = g_object_ref (swy_document_get_graph (document));
  self->trace_seen = swy_trace_get_n_total (swy_graph_get_trace (self->graph));
  self->nodes_handler = g_signal_connect_object (swy_graph_get_nodes (self->graph), "items-changed",
                                                 G_CALLBACK (nodes_changed_cb), self,
                                                 G_CONNECT_SWAPPED);
  self->wires_handler = g_signal_connect_object (swy_graph_get_wires (self->graph), "items-changed",
                                                 G_CALLBACK (wires_changed_cb), self,
                                                 G_CONNECT_SWAPPED);
  self->playing_handler = g_signal_connect_object (self->graph, "notify::playing",
                                                   G_CALLBACK (playing_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
  sync_nodes (self);
  sync_wires (self);
  _swy_canvas_emit_selection_changed (self);
  _swy_canvas_ensure_ticking (self);
}

static void
document_changed_cb (SwyCanvas *self)
{
  /* Wire settings changed through the document (or undone): redraw the wires. */
  _swy_canvas_queue_wires_redraw (self);
}

SwyDocument *
swy_canvas_get_document (SwyCanvas *self)
{
  g_return_val_if_fail (SWY_IS_CANVAS (self), NULL);

  return self->document;
}

void
swy_canvas_set_document (SwyCanvas   *self,
                         SwyDocument *document)
{
  g_return_if_fail (SWY_IS_CANVAS (self));
  g_return_if_fail (document == NULL || SWY_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  swy_canvas_set_replay (self, NULL);
  disconnect_graph (self);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      g_signal_connect_object (document, "notify::graph", G_CALLBACK (graph_replaced_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                               G_CONNECT_SWAPPED);
      graph_replaced_cb (self, NULL, document);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* GObject */

static void
swy_canvas_dispose (GObject *object)
{
  SwyCanvas *self = SWY_CANVAS (object);
  GtkWidget *child;

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  disconnect_graph (self);
  g_clear_object (&self->document);
  if (self->view_state != NULL)
    g_signal_handlers_disconnect_by_data (self->view_state, self);
  g_clear_object (&self->view_state);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->wires_node, gsk_render_node_unref);
  g_clear_pointer (&self->cards_node, gsk_render_node_unref);
  _swy_canvas_clear_cards_texture (self);
  _swy_canvas_clear_dots_texture (self);
  for (guint i = 0; i < CANVAS_N_TOKEN_COLORS; i++)
    g_clear_object (&self->token_textures[i]);
  g_clear_object (&self->halo_texture);

  G_OBJECT_CLASS (swy_canvas_parent_class)->dispose (object);
}

/* A texture drawn by a renderer goes with it. */
static void
swy_canvas_unrealize (GtkWidget *widget)
{
  _swy_canvas_clear_cards_texture (SWY_CANVAS (widget));
  _swy_canvas_clear_dots_texture (SWY_CANVAS (widget));

  GTK_WIDGET_CLASS (swy_canvas_parent_class)->unrealize (widget);
}

static void
swy_canvas_finalize (GObject *object)
{
  SwyCanvas *self = SWY_CANVAS (object);

  g_clear_pointer (&self->widgets, g_hash_table_unref);
  g_clear_pointer (&self->selected_wires, g_ptr_array_unref);
  g_clear_pointer (&self->pulses, g_array_unref);
  g_clear_pointer (&self->rates, g_hash_table_unref);
  g_clear_pointer (&self->path_wires, g_hash_table_unref);

  G_OBJECT_CLASS (swy_canvas_parent_class)->finalize (object);
}

static void
swy_canvas_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SwyCanvas *self = SWY_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_FOLLOW_TRACE:
      g_value_set_boolean (value, self->follow_trace);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_canvas_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SwyCanvas *self = SWY_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      swy_canvas_set_document (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      swy_canvas_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_FOLLOW_TRACE:
      swy_canvas_set_follow_trace (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Tab goes through the nodes in graph order, which sync_nodes() keeps as the
 * children's order; GTK's own order would follow their places on screen. */
static gboolean
focus_node_from (GtkWidget        *child,
                 GtkDirectionType  direction)
{
  for (; child != NULL;
       child = direction == GTK_DIR_TAB_FORWARD ? gtk_widget_get_next_sibling (child)
                                                : gtk_widget_get_prev_sibling (child))
    if (SWY_IS_NODE_WIDGET (child) && gtk_widget_is_drawable (child) &&
        gtk_widget_child_focus (child, direction))
      return TRUE;

  return FALSE;
}

static gboolean
swy_canvas_focus (GtkWidget        *widget,
                  GtkDirectionType  direction)
{
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (swy_canvas_parent_class)->focus (widget, direction);

  /* As GTK does for a focusable widget: the canvas first, then its children. */
  if (gtk_widget_is_focus (widget))
    return forward && focus_node_from (gtk_widget_get_first_child (widget), direction);

  if (focus_child != NULL)
    {
      if (gtk_widget_child_focus (focus_child, direction))
        return TRUE;
      if (focus_node_from (forward ? gtk_widget_get_next_sibling (focus_child)
                                   : gtk_widget_get_prev_sibling (focus_child), direction))
        return TRUE;
      return !forward && gtk_widget_grab_focus (widget);
    }

  if (forward)
    return gtk_widget_grab_focus (widget);
  return focus_node_from (gtk_widget_get_last_child (widget), direction) ||
         gtk_widget_grab_focus (widget);
}

static void
swy_canvas_class_init (SwyCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = swy_canvas_dispose;
  object_class->finalize = swy_canvas_finalize;
  object_class->get_property = swy_canvas_get_property;
  object_class->set_property = swy_canvas_set_property;

  widget_class->snapshot = _swy_canvas_snapshot;
  widget_class->size_allocate = swy_canvas_size_allocate;
  widget_class->measure = swy_canvas_measure;
  widget_class->focus = swy_canvas_focus;
  widget_class->unrealize = swy_canvas_unrealize;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, SWY_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, SWY_CANVAS_MIN_ZOOM, SWY_CANVAS_MAX_ZOOM, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FOLLOW_TRACE] =
    g_param_spec_boolean ("follow-trace", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_REFUSED] =
    g_signal_new ("refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  _swy_canvas_class_actions_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "swy-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
swy_canvas_init (SwyCanvas *self)
{
  GtkGesture *drag, *click, *zoom;
  GtkEventController *scroll, *motion;
  GtkDropTarget *drop;

  self->zoom = 1.0;
  self->follow_trace = TRUE;
  self->widgets = g_hash_table_new (NULL, NULL);
  self->selected_wires = g_ptr_array_new_with_free_func (g_object_unref);
  self->pulses = g_array_new (FALSE, FALSE, sizeof (Pulse));
  self->rates = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->path_wires = g_hash_table_new (NULL, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Graph canvas"),
                                  -1);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  drop = gtk_drop_target_new (SWY_TYPE_NODE_TYPE, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

GtkWidget *
swy_canvas_new (void)
{
  return g_object_new (SWY_TYPE_CANVAS, NULL);
}

