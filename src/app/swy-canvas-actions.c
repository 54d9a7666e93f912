/* swy-canvas-actions.c: the canvas.* actions and their key bindings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "swy-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "swy-canvas-private.h"
#include "swy-view-state.h"

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SwyCanvas *self = SWY_CANVAS (widget);

  swy_canvas_set_zoom (self, self->zoom * CANVAS_ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SwyCanvas *self = SWY_CANVAS (widget);

  swy_canvas_set_zoom (self, self->zoom / CANVAS_ZOOM_STEP);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  swy_canvas_zoom_to_fit (SWY_CANVAS (widget));
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  swy_canvas_select_all (SWY_CANVAS (widget));
}

/* The nodes an action applies to: the selection, or else the focused node. */
static GPtrArray *
target_nodes (SwyCanvas *self)
{
  GPtrArray *nodes = swy_canvas_dup_selected_nodes (self);
  GtkWidget *focus;

  if (nodes->len > 0 || self->selected_wires->len > 0)
    return nodes;

  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  while (focus != NULL && !SWY_IS_NODE_WIDGET (focus))
    focus = gtk_widget_get_parent (focus);
  if (focus != NULL && gtk_widget_get_parent (focus) == GTK_WIDGET (self))
    g_ptr_array_add (nodes, swy_node_widget_get_node (SWY_NODE_WIDGET (focus)));

  return nodes;
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SwyCanvas *self = SWY_CANVAS (widget);
  g_autoptr(GPtrArray) nodes = target_nodes (self);
  g_autoptr(GPtrArray) wires = swy_canvas_dup_selected_wires (self);

  if (self->document == NULL || (nodes->len == 0 && wires->len == 0))
    return;

  swy_document_remove (self->document, nodes, wires);
  gtk_widget_grab_focus (widget);
}

static void
nudge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SwyCanvas *self = SWY_CANVAS (widget);
  g_autoptr(GPtrArray) nodes = target_nodes (self);
  double dx, dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  if (self->document != NULL)
    swy_document_move_nodes (self->document, nodes, dx, dy);
}

static void
copy_selection (SwyCanvas *self)
{
  g_autoptr(GPtrArray) nodes = target_nodes (self);
  g_autofree char *text = NULL;

  if (self->document == NULL || nodes->len == 0)
    return;

  text = swy_document_copy (self->document, nodes);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  copy_selection (SWY_CANVAS (widget));
}

static void
paste_text (SwyCanvas  *self,
            const char *text,
            double      dx,
            double      dy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) added = NULL;

  added = swy_document_paste (self->document, text, dx, dy, &error);
  if (added == NULL)
    {
      _swy_canvas_refuse (self, error->message);
      return;
    }

  _swy_canvas_unselect_all (self);
  for (guint i = 0; i < added->len; i++)
    {
      SwyNodeWidget *node_widget = g_hash_table_lookup (self->widgets, g_ptr_array_index (added, i));

      if (node_widget != NULL)
        swy_node_widget_set_selected (node_widget, TRUE);
    }
  _swy_canvas_emit_selection_changed (self);
}

static void
paste_ready_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SwyCanvas) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL)
    {
      _swy_canvas_refuse (self, _("The clipboard holds no graph to paste"));
      return;
    }
  if (self->document != NULL)
    paste_text (self, text, 32, 32);
}

static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, paste_ready_cb,
                                 g_object_ref (widget));
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SwyCanvas *self = SWY_CANVAS (widget);
  g_autoptr(GPtrArray) nodes = target_nodes (self);
  g_autofree char *text = NULL;

  if (self->document == NULL || nodes->len == 0)
    return;

  text = swy_document_copy (self->document, nodes);
  paste_text (self, text, 32, 32);
}

static void
toggle_wire_setting (SwyCanvas  *self,
                     const char *name)
{
  g_autoptr(GPtrArray) wires = swy_canvas_dup_selected_wires (self);

  if (self->document == NULL)
    return;

  swy_document_begin_group (self->document);
  for (guint i = 0; i < wires->len; i++)
    {
      SwyWire *wire = g_ptr_array_index (wires, i);
      g_auto(GValue) value = G_VALUE_INIT;

      if (g_str_equal (name, "blocked"))
        {
          g_value_init (&value, G_TYPE_BOOLEAN);
          g_value_set_boolean (&value, !swy_wire_get_blocked (wire));
        }
      else
        {
          g_value_init (&value, SWY_TYPE_WIRE_MODE);
          g_value_set_enum (&value, swy_wire_get_mode (wire) == SWY_WIRE_MODE_SYNC
                                    ? SWY_WIRE_MODE_QUEUED : SWY_WIRE_MODE_SYNC);
        }
      swy_document_set_property (self->document, G_OBJECT (wire), name, &value, NULL);
    }
  swy_document_end_group (self->document);
}

static void
toggle_blocked_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  toggle_wire_setting (SWY_CANVAS (widget), "blocked");
}

static void
toggle_mode_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  toggle_wire_setting (SWY_CANVAS (widget), "mode");
}

static void
toggle_muted_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SwyCanvas *self = SWY_CANVAS (widget);

  if (self->view_state == NULL)
    return;

  for (guint i = 0; i < self->selected_wires->len; i++)
    {
      SwyWire *wire = g_ptr_array_index (self->selected_wires, i);

      swy_view_state_set_wire_muted (self->view_state, wire,
                                     !swy_view_state_is_wire_muted (self->view_state, wire));
    }
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SwyCanvas *self = SWY_CANVAS (widget);
  g_autoptr(GError) error = NULL;
  const char *from, *to;
  SwyPort *from_port, *to_port;

  if (self->document == NULL)
    return;

  g_variant_get (parameter, "(&s&s)", &from, &to);
  from_port = swy_graph_lookup_port (self->graph, from, &error);
  to_port = from_port != NULL ? swy_graph_lookup_port (self->graph, to, &error) : NULL;
  if (to_port == NULL || swy_document_connect (self->document, from_port, to_port, &error) == NULL)
    _swy_canvas_refuse (self, error->message);
}


static void
add_nudge_binding (GtkWidgetClass  *widget_class,
                   guint            keyval,
                   GdkModifierType  mods,
                   double           dx,
                   double           dy)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, mods, "canvas.nudge", "(dd)", dx, dy);
}

void
_swy_canvas_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "canvas.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "canvas.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "canvas.paste", NULL, paste_action);
  gtk_widget_class_install_action (widget_class, "canvas.nudge", "(dd)", nudge_action);
  gtk_widget_class_install_action (widget_class, "canvas.connect", "(ss)", connect_action);
  gtk_widget_class_install_action (widget_class, "canvas.toggle-blocked", NULL, toggle_blocked_action);
  gtk_widget_class_install_action (widget_class, "canvas.toggle-mode", NULL, toggle_mode_action);
  gtk_widget_class_install_action (widget_class, "canvas.toggle-muted", NULL, toggle_muted_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK, "canvas.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "canvas.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "canvas.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "canvas.paste", NULL);
  add_nudge_binding (widget_class, GDK_KEY_Left, 0, -10, 0);
  add_nudge_binding (widget_class, GDK_KEY_Right, 0, 10, 0);
  add_nudge_binding (widget_class, GDK_KEY_Up, 0, 0, -10);
  add_nudge_binding (widget_class, GDK_KEY_Down, 0, 0, 10);
  add_nudge_binding (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, -1, 0);
  add_nudge_binding (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, 1, 0);
  add_nudge_binding (widget_class, GDK_KEY_Up, GDK_SHIFT_MASK, 0, -1);
  add_nudge_binding (widget_class, GDK_KEY_Down, GDK_SHIFT_MASK, 0, 1);
}
