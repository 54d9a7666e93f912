/* swy-timeline.c: the timeline panel: a sequence diagram with its controls
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A toolbar (the lanes to show, the time in view, zoom, follow) over a
 * SwyTimelineView and its scrollbars. The view does the work; this widget
 * only wires controls to it.
 */

#define G_LOG_DOMAIN "swy-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "swy-timeline.h"

struct _SwyTimeline
{
  GtkWidget        parent_instance;

  /* Template children */
  GtkToggleButton *follow_button;
  GtkScrollbar    *hscrollbar;
  GtkBox          *lanes_box;
  GtkMenuButton   *lanes_button;
  GtkInscription  *range_label;
  GtkWidget       *toolbar;
  GtkScrollbar    *vscrollbar;
  SwyTimelineView *view;

  guint            range_idle_id;
};

G_DEFINE_FINAL_TYPE (SwyTimeline, swy_timeline, GTK_TYPE_WIDGET)

static char *
format_time (double t,
             double span)
{
  if (span >= 10 * G_USEC_PER_SEC)
    return g_strdup_printf (_("%.0f s"), t / G_USEC_PER_SEC);
  if (span >= G_USEC_PER_SEC)
    return g_strdup_printf (_("%.1f s"), t / G_USEC_PER_SEC);
  if (span >= 10000)
    return g_strdup_printf (_("%.0f ms"), t / 1000);

  return g_strdup_printf (_("%.2f ms"), t / 1000);
}

static void
update_range (SwyTimeline *self)
{
  gint64 start = swy_timeline_view_get_start (self->view);
  gint64 end = swy_timeline_view_get_end (self->view);
  g_autofree char *from = format_time (MAX (start, 0), end - start);
  g_autofree char *to = format_time (end, end - start);
  g_autofree char *text = NULL;

  /* Translators: the span of virtual time the timeline shows */
  text = g_strdup_printf (_("%s – %s"), from, to);
  gtk_inscription_set_text (self->range_label, text);
}

/* A scrollbar shows only when there is somewhere to scroll. */
static gboolean
scrollbar_wanted (GtkScrollbar *scrollbar)
{
  GtkAdjustment *adjustment = gtk_scrollbar_get_adjustment (scrollbar);
  double span = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_lower (adjustment);

  return span > gtk_adjustment_get_page_size (adjustment) + 0.5;
}

static gboolean
scrollbars_idle_cb (gpointer user_data)
{
  SwyTimeline *self = user_data;

  self->range_idle_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->hscrollbar), scrollbar_wanted (self->hscrollbar));
  gtk_widget_set_visible (GTK_WIDGET (self->vscrollbar), scrollbar_wanted (self->vscrollbar));

  return G_SOURCE_REMOVE;
}

/* The view changes its adjustments while it is being allocated, every
 * frame while it follows a run. The span label is an inscription, whose
 * size does not follow its text: it changes at once and is painted in the
 * same frame, without asking for another (a label set from an idle after
 * the frame asked for a new frame each time, so the window painted
 * without a break while a run played). The scrollbars, allocated around
 * the view, appear or go away from an idle, and only when that changes:
 * rarely. The idle runs before the next frame's layout, never at the
 * default idle priority, which waits while frames follow each other. */
static void
range_changed_cb (SwyTimeline *self)
{
  update_range (self);
  if (self->range_idle_id == 0 &&
      (scrollbar_wanted (self->hscrollbar) != gtk_widget_get_visible (GTK_WIDGET (self->hscrollbar)) ||
       scrollbar_wanted (self->vscrollbar) != gtk_widget_get_visible (GTK_WIDGET (self->vscrollbar))))
    self->range_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, scrollbars_idle_cb, self, NULL);
}

/* Lanes */

static void
update_lanes_label (SwyTimeline *self)
{
  SwyGraph *graph = swy_timeline_view_get_graph (self->view);
  const char * const *filter = swy_timeline_view_get_lane_filter (self->view);
  guint total = graph != NULL ? g_list_model_get_n_items (swy_graph_get_nodes (graph)) : 0;
  g_autofree char *label = NULL;

  if (filter == NULL)
    label = g_strdup (_("All Nodes"));
  else
    /* Translators: how many of the graph's nodes have a lane on the timeline */
    label = g_strdup_printf (_("%u of %u Nodes"), g_strv_length ((char **) filter), total);

  gtk_menu_button_set_label (self->lanes_button, label);
}

static void
lane_toggled_cb (GtkCheckButton *check,
                 SwyTimeline    *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  gboolean all = TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->lanes_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (child), "swy-node-id"));
      else
        all = FALSE;
    }

  ids = g_strv_builder_end (builder);
  swy_timeline_view_set_lane_filter (self->view, all ? NULL : (const char * const *) ids);
  update_lanes_label (self);
}

static void
lanes_popover_show_cb (SwyTimeline *self)
{
  SwyGraph *graph = swy_timeline_view_get_graph (self->view);
  SwyViewState *view_state = swy_timeline_view_get_view_state (self->view);
  const char * const *filter = swy_timeline_view_get_lane_filter (self->view);
  GListModel *nodes;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lanes_box))) != NULL)
    gtk_box_remove (self->lanes_box, child);

  if (graph == NULL)
    return;

  nodes = swy_graph_get_nodes (graph);
  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (nodes, i);
      const char *id = swy_node_get_id (node);
      GtkWidget *check = gtk_check_button_new_with_label (id);

      g_object_set_data_full (G_OBJECT (check), "swy-node-id", g_strdup (id), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   filter == NULL || g_strv_contains (filter, id));
      if (view_state != NULL && swy_view_state_is_node_hidden (view_state, id))
        {
          gtk_widget_set_sensitive (check, FALSE);
          gtk_widget_set_tooltip_text (check, _("Hidden in every view of this window"));
        }
      g_signal_connect (check, "toggled", G_CALLBACK (lane_toggled_cb), self);
      gtk_box_append (self->lanes_box, check);
    }
}

static void
show_all_lanes_cb (SwyTimeline *self)
{
  swy_timeline_view_set_lane_filter (self->view, NULL);
  update_lanes_label (self);
  gtk_menu_button_popdown (self->lanes_button);
}

/* Actions */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  swy_timeline_view_zoom_in (SWY_TIMELINE (widget)->view);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  swy_timeline_view_zoom_out (SWY_TIMELINE (widget)->view);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SwyTimeline *self = SWY_TIMELINE (widget);

  swy_timeline_view_set_follow (self->view, FALSE);
  swy_timeline_view_zoom_to_fit (self->view);
}

/* Public API */

GtkWidget *
swy_timeline_new (void)
{
  return g_object_new (SWY_TYPE_TIMELINE, NULL);
}

/**
 * swy_timeline_get_view:
 * @self: a timeline
 *
 * Returns: (transfer none): the sequence diagram
 */
SwyTimelineView *
swy_timeline_get_view (SwyTimeline *self)
{
  g_return_val_if_fail (SWY_IS_TIMELINE (self), NULL);

  return self->view;
}

void
swy_timeline_set_graph (SwyTimeline *self,
                        SwyGraph    *graph)
{
  g_return_if_fail (SWY_IS_TIMELINE (self));

  swy_timeline_view_set_lane_filter (self->view, NULL);
  swy_timeline_view_set_graph (self->view, graph);
  update_lanes_label (self);
}

void
swy_timeline_set_replay (SwyTimeline *self,
                         SwyReplay   *replay)
{
  g_return_if_fail (SWY_IS_TIMELINE (self));

  swy_timeline_view_set_replay (self->view, replay);
  update_lanes_label (self);
}

void
swy_timeline_set_view_state (SwyTimeline  *self,
                             SwyViewState *view_state)
{
  g_return_if_fail (SWY_IS_TIMELINE (self));

  swy_timeline_view_set_view_state (self->view, view_state);
}

/* GObject */

static void
swy_timeline_dispose (GObject *object)
{
  SwyTimeline *self = SWY_TIMELINE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->range_idle_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), SWY_TYPE_TIMELINE);
  /* The template's children without an id are not bound, so not disposed. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (swy_timeline_parent_class)->dispose (object);
}

static void
swy_timeline_class_init (SwyTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = swy_timeline_dispose;

  g_type_ensure (SWY_TYPE_TIMELINE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/swy-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, SwyTimeline, follow_button);
  gtk_widget_class_bind_template_child (widget_class, SwyTimeline, hscrollbar);
  gtk_widget_class_bind_template_child (widget_class, SwyTimeline, lanes_box);
  gtk_widget_class_bind_template_child (widget_class, SwyTimeline, lanes_button);
  gtk_widget_class_bind_template_child (widget_class, SwyTimeline, range_label);
  gtk_widget_class_bind_template_child (widget_class, SwyTimeline, toolbar);
  gtk_widget_class_bind_template_child (widget_class, SwyTimeline, vscrollbar);
  gtk_widget_class_bind_template_child (widget_class, SwyTimeline, view);
  gtk_widget_class_bind_template_callback (widget_class, lanes_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_all_lanes_cb);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-fit", NULL, zoom_fit_action);

  gtk_widget_class_set_css_name (widget_class, "swy-timeline");
}

static void
swy_timeline_init (SwyTimeline *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_scrollbar_set_adjustment (self->hscrollbar, swy_timeline_view_get_hadjustment (self->view));
  gtk_scrollbar_set_adjustment (self->vscrollbar, swy_timeline_view_get_vadjustment (self->view));
  g_object_bind_property (self->view, "follow", self->follow_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_signal_connect_object (swy_timeline_view_get_hadjustment (self->view), "changed",
                           G_CALLBACK (range_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (swy_timeline_view_get_hadjustment (self->view), "value-changed",
                           G_CALLBACK (range_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (swy_timeline_view_get_vadjustment (self->view), "changed",
                           G_CALLBACK (range_changed_cb), self, G_CONNECT_SWAPPED);
  update_range (self);
  update_lanes_label (self);
}
