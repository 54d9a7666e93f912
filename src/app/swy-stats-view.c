/* swy-stats-view.c: counts, rates, drops and small charts per node and per wire
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two tables, nodes and wires, over a SwyStatsModel. Cells listen to their
 * row's "changed" signal, which the model sends a few times a second at
 * most while the graph plays, so figures stay readable.
 */

#define G_LOG_DOMAIN "swy-stats-view"

#include "config.h"

#include <glib/gi18n.h>

#include "swy-sparkline.h"
#include "swy-stats-view.h"

typedef char *(*CellTextFunc) (SwyStatsRow *row);

typedef struct
{
  const char   *title;       /* translatable, marked with N_() */
  CellTextFunc  text;        /* NULL: the activity chart */
  gboolean      numeric;
  gboolean      expand;
  int           width;       /* fixed width, or -1 */
} ColumnSpec;

struct _SwyStatsView
{
  GtkWidget      parent_instance;

  SwyStatsModel *model;

  /* Template children */
  GtkLabel       *caption;
  GtkColumnView  *node_view;
  GtkStack       *stack;
  GtkWidget      *toolbar;
  GtkColumnView  *wire_view;
};

G_DEFINE_FINAL_TYPE (SwyStatsView, swy_stats_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_GRAPH,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_count (guint64 count)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, count);
}

static char *
format_rate (double rate)
{
  /* Whole numbers read faster; fractions matter only for slow flows. */
  if (rate >= 100)
    return g_strdup_printf ("%.0f", rate);

  return g_strdup_printf ("%.1f", rate);
}

static char *
cell_received (SwyStatsRow *row)
{
  return format_count (swy_stats_row_get_received (row));
}

static char *
cell_emitted (SwyStatsRow *row)
{
  return format_count (swy_stats_row_get_emitted (row));
}

static char *
cell_dropped (SwyStatsRow *row)
{
  return format_count (swy_stats_row_get_dropped (row));
}

static char *
cell_delivered (SwyStatsRow *row)
{
  return format_count (swy_stats_row_get_delivered (row));
}

static char *
cell_lost (SwyStatsRow *row)
{
  return format_count (swy_stats_row_get_lost (row));
}

static char *
cell_rate_in (SwyStatsRow *row)
{
  return format_rate (swy_stats_row_get_rate_in (row));
}

static char *
cell_rate_out (SwyStatsRow *row)
{
  return format_rate (swy_stats_row_get_rate_out (row));
}

static char *
cell_reasons (SwyStatsRow *row)
{
  return swy_stats_row_dup_drop_reasons (row, ", ", " ");
}

static const ColumnSpec node_columns[] = {
  { N_("Node"), swy_stats_row_dup_title, FALSE, FALSE, 140 },
  { N_("Type"), swy_stats_row_dup_subtitle, FALSE, FALSE, 110 },
  { N_("Received"), cell_received, TRUE, FALSE, 84 },
  { N_("Emitted"), cell_emitted, TRUE, FALSE, 84 },
  /* Translators: a column of rates: events in per second */
  { N_("In/s"), cell_rate_in, TRUE, FALSE, 64 },
  /* Translators: a column of rates: events out per second */
  { N_("Out/s"), cell_rate_out, TRUE, FALSE, 64 },
  { N_("Dropped"), cell_dropped, TRUE, FALSE, 84 },
  { N_("Drops by Reason"), cell_reasons, FALSE, TRUE, 160 },
  { N_("Activity"), NULL, FALSE, FALSE, 200 },
};

static const ColumnSpec wire_columns[] = {
  { N_("Wire"), swy_stats_row_dup_title, FALSE, FALSE, 220 },
  { N_("Mode"), swy_stats_row_dup_subtitle, FALSE, FALSE, 120 },
  { N_("Delivered"), cell_delivered, TRUE, FALSE, 90 },
  { N_("Lost"), cell_lost, TRUE, FALSE, 70 },
  /* Translators: a column of rates: deliveries per second */
  { N_("Rate/s"), cell_rate_in, TRUE, FALSE, 70 },
  { N_("Activity"), NULL, FALSE, TRUE, 200 },
};

/* Cells */

static void
update_text_cell (GtkLabel    *label,
                  SwyStatsRow *row)
{
  const ColumnSpec *spec = g_object_get_data (G_OBJECT (label), "swy-column");
  g_autofree char *text = spec->text (row);

  gtk_label_set_text (label, text);
  /* Setting a tooltip asks the display where the pointer is, even when the
   * text is the same: with every row refreshed on every edit, that was a
   * round trip to the X server per row per edit (adding 300 nodes took 40 s). */
  if (!spec->numeric)
    {
      const char *tooltip = text[0] != '\0' ? text : NULL;

      if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (label)), tooltip) != 0)
        gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
    }
}

static double
chart_max (SwyStatsRow  *row,
           const double *values,
           guint         n)
{
  double max = 1.0;

  if (swy_stats_row_get_gauge (row) == SWY_STATS_GAUGE_UTILISATION)
    return 1.0;

  for (guint i = 0; i < n; i++)
    max = MAX (max, values[i]);

  return max;
}

static void
update_activity_cell (GtkWidget   *box,
                      SwyStatsRow *row)
{
  SwySparkline *sparkline = SWY_SPARKLINE (gtk_widget_get_first_child (box));
  GtkLabel *label = GTK_LABEL (gtk_widget_get_next_sibling (GTK_WIDGET (sparkline)));
  g_autofree char *text = swy_stats_row_dup_gauge_text (row);
  const double *values;
  guint n;

  values = swy_stats_row_get_history (row, &n);
  swy_sparkline_set_values (sparkline, values, n, SWY_STATS_DEFAULT_HISTORY_LENGTH,
                            chart_max (row, values, n));
  gtk_label_set_text (label, text);
}

static void
row_changed_cb (SwyStatsRow *row,
                GtkWidget   *cell)
{
  if (GTK_IS_LABEL (cell))
    update_text_cell (GTK_LABEL (cell), row);
  else
    update_activity_cell (cell, row);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const ColumnSpec         *spec)
{
  GtkWidget *cell;

  if (spec->text != NULL)
    {
      cell = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (cell), spec->numeric ? 1.0 : 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (cell), PANGO_ELLIPSIZE_END);
      gtk_label_set_single_line_mode (GTK_LABEL (cell), TRUE);
      if (spec->numeric)
        gtk_widget_add_css_class (cell, "numeric");
    }
  else
    {
      GtkWidget *label = gtk_label_new (NULL);

      cell = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      gtk_box_append (GTK_BOX (cell), swy_sparkline_new ());
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_width_chars (GTK_LABEL (label), 9);
      gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (cell), label);
    }

  g_object_set_data (G_OBJECT (cell), "swy-column", (gpointer) spec);
  gtk_list_item_set_child (item, cell);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              const ColumnSpec         *spec)
{
  SwyStatsRow *row = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);
  gulong handler;

  row_changed_cb (row, cell);
  handler = g_signal_connect (row, "changed", G_CALLBACK (row_changed_cb), cell);
  g_object_set_data (G_OBJECT (cell), "swy-handler", GSIZE_TO_POINTER (handler));
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                const ColumnSpec         *spec)
{
  SwyStatsRow *row = gtk_list_item_get_item (item);
  GtkWidget *cell = gtk_list_item_get_child (item);
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (cell), "swy-handler"));

  if (row != NULL && handler != 0)
    g_signal_handler_disconnect (row, handler);
  g_object_set_data (G_OBJECT (cell), "swy-handler", NULL);
}

static void
add_columns (GtkColumnView    *view,
             const ColumnSpec *specs,
             guint             n_specs)
{
  for (guint i = 0; i < n_specs; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), (gpointer) &specs[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), (gpointer) &specs[i]);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), (gpointer) &specs[i]);
      column = gtk_column_view_column_new (_(specs[i].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, specs[i].expand);
      if (specs[i].width > 0)
        gtk_column_view_column_set_fixed_width (column, specs[i].width);
      gtk_column_view_append_column (view, column);
      g_object_unref (column);
    }
}

static GtkSelectionModel *
no_selection (GListModel *rows)
{
  return GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (rows)));
}

static char *
format_span (gint64 us)
{
  if (us % G_USEC_PER_SEC == 0)
    /* Translators: a span of virtual time in whole seconds */
    return g_strdup_printf (_("%d s"), (int) MIN (us / G_USEC_PER_SEC, G_MAXINT));

  /* Translators: a span of virtual time in milliseconds */
  return g_strdup_printf (_("%d ms"), (int) MIN (us / 1000, G_MAXINT));
}

static void
update_caption (SwyStatsView *self)
{
  g_autofree char *window = format_span (swy_stats_model_get_window (self->model));
  g_autofree char *span = format_span (swy_stats_model_get_sample_interval (self->model) *
                                       swy_stats_model_get_history_length (self->model));
  g_autofree char *text = NULL;

  /* Translators: both spans are of virtual time, such as "1 s" and "12 s" */
  text = g_strdup_printf (_("Rates over the last %s · Charts of the last %s"), window, span);
  gtk_label_set_text (self->caption, text);
}

/* Public API */

GtkWidget *
swy_stats_view_new (void)
{
  return g_object_new (SWY_TYPE_STATS_VIEW, NULL);
}

SwyGraph *
swy_stats_view_get_graph (SwyStatsView *self)
{
  g_return_val_if_fail (SWY_IS_STATS_VIEW (self), NULL);

  return swy_stats_model_get_graph (self->model);
}

/**
 * swy_stats_view_set_graph:
 * @self: a statistics view
 * @graph: (nullable): the graph to show
 */
void
swy_stats_view_set_graph (SwyStatsView *self,
                          SwyGraph     *graph)
{
  g_return_if_fail (SWY_IS_STATS_VIEW (self));

  if (swy_stats_model_get_graph (self->model) == graph)
    return;

  swy_stats_model_set_graph (self->model, graph);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRAPH]);
}

/**
 * swy_stats_view_get_model:
 * @self: a statistics view
 *
 * Gets the model behind the view, for exporting what it shows.
 *
 * Returns: (transfer none): the model
 */
SwyStatsModel *
swy_stats_view_get_model (SwyStatsView *self)
{
  g_return_val_if_fail (SWY_IS_STATS_VIEW (self), NULL);

  return self->model;
}

/**
 * swy_stats_view_get_page:
 * @self: a statistics view
 *
 * Returns: `nodes` or `wires`, the table shown
 */
const char *
swy_stats_view_get_page (SwyStatsView *self)
{
  g_return_val_if_fail (SWY_IS_STATS_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
swy_stats_view_set_page (SwyStatsView *self,
                         const char   *page)
{
  g_return_if_fail (SWY_IS_STATS_VIEW (self));
  g_return_if_fail (g_strcmp0 (page, "nodes") == 0 || g_strcmp0 (page, "wires") == 0);

  gtk_stack_set_visible_child_name (self->stack, page);
}

/* GObject */

static void
page_changed_cb (SwyStatsView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
swy_stats_view_dispose (GObject *object)
{
  SwyStatsView *self = SWY_STATS_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SWY_TYPE_STATS_VIEW);
  /* The template's children without an id are not bound, so not disposed. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->model != NULL)
    swy_stats_model_set_graph (self->model, NULL);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (swy_stats_view_parent_class)->dispose (object);
}

static void
swy_stats_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SwyStatsView *self = SWY_STATS_VIEW (object);

  switch (prop_id)
    {
    case PROP_GRAPH:
      g_value_set_object (value, swy_stats_view_get_graph (self));
      break;

    case PROP_PAGE:
      g_value_set_string (value, swy_stats_view_get_page (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_stats_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SwyStatsView *self = SWY_STATS_VIEW (object);

  switch (prop_id)
    {
    case PROP_GRAPH:
      swy_stats_view_set_graph (self, g_value_get_object (value));
      break;

    case PROP_PAGE:
      swy_stats_view_set_page (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_stats_view_class_init (SwyStatsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = swy_stats_view_dispose;
  object_class->get_property = swy_stats_view_get_property;
  object_class->set_property = swy_stats_view_set_property;

  properties[PROP_GRAPH] =
    g_param_spec_object ("graph", NULL, NULL, SWY_TYPE_GRAPH,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL, "nodes",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/swy-stats-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SwyStatsView, caption);
  gtk_widget_class_bind_template_child (widget_class, SwyStatsView, node_view);
  gtk_widget_class_bind_template_child (widget_class, SwyStatsView, stack);
  gtk_widget_class_bind_template_child (widget_class, SwyStatsView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, SwyStatsView, wire_view);

  gtk_widget_class_set_css_name (widget_class, "swy-stats-view");
}

static void
swy_stats_view_init (SwyStatsView *self)
{
  g_autoptr(GtkSelectionModel) nodes = NULL;
  g_autoptr(GtkSelectionModel) wires = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->model = swy_stats_model_new ();
  nodes = no_selection (swy_stats_model_get_node_rows (self->model));
  wires = no_selection (swy_stats_model_get_wire_rows (self->model));
  gtk_column_view_set_model (self->node_view, nodes);
  gtk_column_view_set_model (self->wire_view, wires);
  add_columns (self->node_view, node_columns, G_N_ELEMENTS (node_columns));
  add_columns (self->wire_view, wire_columns, G_N_ELEMENTS (wire_columns));

  update_caption (self);
  g_signal_connect_object (self->model, "notify::window", G_CALLBACK (update_caption), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::sample-interval", G_CALLBACK (update_caption), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child-name", G_CALLBACK (page_changed_cb),
                           self, G_CONNECT_SWAPPED);
}
