/* swy-wrap-box.c: a row of widgets that wraps onto more lines when narrow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The event log's filters sit above a panel that shares the window with
 * the palette, the canvas and the inspector, so its width goes from a
 * third of a small window to all of a wide one. A GtkBox there either
 * makes the window wider or clips its last controls; this box puts the
 * controls that do not fit on a new line instead, the way text wraps
 * (GTK 4.8 has no wrapping box; libadwaita 1.2 neither).
 *
 * Children keep their natural width (at most the box's width), in order,
 * left to right; a line ends when the next child would not fit. A child
 * that expands horizontally needs only its minimum width to fit, and what
 * a line leaves over goes to its expanding children, shared equally; a
 * line without one stays at the start. A line is as tall as
 * its tallest child, and every child of a line gets that height.
 */

#include "config.h"

#include "swy-wrap-box.h"

struct _SwyWrapBox
{
  GtkWidget parent_instance;
  int       column_spacing;
  int       row_spacing;
  guint     n_lines;     /* at the last allocation */
};

static void buildable_iface_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SwyWrapBox, swy_wrap_box, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, buildable_iface_init))

enum {
  PROP_0,
  PROP_COLUMN_SPACING,
  PROP_ROW_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

typedef struct {
  GtkWidget *child;
  int        width;     /* natural, at most the box's width */
  int        height;    /* natural, for that width */
  guint      line;
} Item;

/* Places the visible children on lines @width wide (-1: one line);
 * returns the number of lines and fills @items and @line_heights. */
static guint
break_lines (SwyWrapBox *self,
             int         width,
             GArray     *items,
             GArray     *line_heights)
{
  guint line = 0;
  int x = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      Item item = { child, 0, 0, 0 };
      int minimum;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &item.width, NULL, NULL);
      /* An expanding child gets what its line leaves over anyway: it
       * needs only its minimum to stay on the line. */
      if (width >= 0 && gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL))
        item.width = minimum;
      if (width >= 0)
        item.width = MAX (minimum, MIN (item.width, width));

      if (items->len > 0)
        {
          if (width >= 0 && x + self->column_spacing + item.width > width)
            {
              line++;
              x = 0;
            }
          else
            {
              x += self->column_spacing;
            }
        }
      x += item.width;
      item.line = line;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, item.width, NULL, &item.height, NULL, NULL);
      if (line_heights->len <= line)
        g_array_set_size (line_heights, line + 1);
      g_array_index (line_heights, int, line) = MAX (g_array_index (line_heights, int, line), item.height);
      g_array_append_val (items, item);
    }

  return line_heights->len;
}

static void
swy_wrap_box_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  SwyWrapBox *self = SWY_WRAP_BOX (widget);

  *minimum = *natural = 0;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gboolean first = TRUE;

      /* As narrow as the widest child; as wide as all of them on a line. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          *minimum = MAX (*minimum, child_min);
          *natural += child_nat + (first ? 0 : self->column_spacing);
          first = FALSE;
        }
    }
  else
    {
      g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
      g_autoptr(GArray) heights = g_array_new (FALSE, TRUE, sizeof (int));
      guint n_lines;

      /* With no width given, the height it may need: at its narrowest.
       * (GTK checks that no width needs more.) */
      if (for_size < 0)
        gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &for_size, NULL, NULL, NULL);
      n_lines = break_lines (self, for_size, items, heights);

      for (guint i = 0; i < n_lines; i++)
        *natural += g_array_index (heights, int, i) + (i > 0 ? self->row_spacing : 0);
      *minimum = *natural;
    }
}

static GtkSizeRequestMode
swy_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
swy_wrap_box_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  SwyWrapBox *self = SWY_WRAP_BOX (widget);
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  g_autoptr(GArray) heights = g_array_new (FALSE, TRUE, sizeof (int));
  guint first = 0;
  int y = 0;

  self->n_lines = break_lines (self, width, items, heights);

  for (guint line = 0; line < self->n_lines; line++)
    {
      int line_height = g_array_index (heights, int, line);
      guint end = first, n_expand = 0;
      int used = 0, extra, x = 0;

      while (end < items->len && g_array_index (items, Item, end).line == line)
        {
          Item *item = &g_array_index (items, Item, end);

          used += item->width + (end > first ? self->column_spacing : 0);
          if (gtk_widget_compute_expand (item->child, GTK_ORIENTATION_HORIZONTAL))
            n_expand++;
          end++;
        }
      extra = MAX (0, width - used);

      for (guint i = first; i < end; i++)
        {
          Item *item = &g_array_index (items, Item, i);
          int w = item->width;

          if (n_expand > 0 && gtk_widget_compute_expand (item->child, GTK_ORIENTATION_HORIZONTAL))
            {
              int share = extra / (int) n_expand;

              w += share;
              extra -= share;
              n_expand--;
            }
          gtk_widget_size_allocate (item->child, &(GtkAllocation) { x, y, w, line_height }, -1);
          x += w + self->column_spacing;
        }

      y += line_height + self->row_spacing;
      first = end;
    }
}

/* Children from GtkBuilder (<child> in a template) */

static void
swy_wrap_box_buildable_add_child (GtkBuildable *buildable,
                                  GtkBuilder   *builder,
                                  GObject      *child,
                                  const char   *type)
{
  if (GTK_IS_WIDGET (child) && type == NULL)
    swy_wrap_box_append (SWY_WRAP_BOX (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
buildable_iface_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = swy_wrap_box_buildable_add_child;
}

static void
swy_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (swy_wrap_box_parent_class)->dispose (object);
}

static void
swy_wrap_box_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SwyWrapBox *self = SWY_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_COLUMN_SPACING:
      g_value_set_int (value, self->column_spacing);
      break;
    case PROP_ROW_SPACING:
      g_value_set_int (value, self->row_spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_wrap_box_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SwyWrapBox *self = SWY_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_COLUMN_SPACING:
      swy_wrap_box_set_column_spacing (self, g_value_get_int (value));
      break;
    case PROP_ROW_SPACING:
      swy_wrap_box_set_row_spacing (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_wrap_box_class_init (SwyWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = swy_wrap_box_dispose;
  object_class->get_property = swy_wrap_box_get_property;
  object_class->set_property = swy_wrap_box_set_property;

  widget_class->measure = swy_wrap_box_measure;
  widget_class->get_request_mode = swy_wrap_box_get_request_mode;
  widget_class->size_allocate = swy_wrap_box_size_allocate;

  properties[PROP_COLUMN_SPACING] =
    g_param_spec_int ("column-spacing", NULL, NULL, 0, G_MAXINT16, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROW_SPACING] =
    g_param_spec_int ("row-spacing", NULL, NULL, 0, G_MAXINT16, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "box");
  /* Like a GtkBox: a grouping that assistive technologies pass through. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
swy_wrap_box_init (SwyWrapBox *self)
{
}

GtkWidget *
swy_wrap_box_new (void)
{
  return g_object_new (SWY_TYPE_WRAP_BOX, NULL);
}

void
swy_wrap_box_append (SwyWrapBox *self,
                     GtkWidget  *child)
{
  g_return_if_fail (SWY_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));
  g_return_if_fail (gtk_widget_get_parent (child) == NULL);

  gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
}

int
swy_wrap_box_get_column_spacing (SwyWrapBox *self)
{
  g_return_val_if_fail (SWY_IS_WRAP_BOX (self), 0);

  return self->column_spacing;
}

void
swy_wrap_box_set_column_spacing (SwyWrapBox *self,
                                 int         spacing)
{
  g_return_if_fail (SWY_IS_WRAP_BOX (self));

  if (self->column_spacing == spacing)
    return;
  self->column_spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMN_SPACING]);
}

int
swy_wrap_box_get_row_spacing (SwyWrapBox *self)
{
  g_return_val_if_fail (SWY_IS_WRAP_BOX (self), 0);

  return self->row_spacing;
}

void
swy_wrap_box_set_row_spacing (SwyWrapBox *self,
                              int         spacing)
{
  g_return_if_fail (SWY_IS_WRAP_BOX (self));

  if (self->row_spacing == spacing)
    return;
  self->row_spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROW_SPACING]);
}

/* How many lines the children took at the last allocation. */
guint
swy_wrap_box_get_n_lines (SwyWrapBox *self)
{
  g_return_val_if_fail (SWY_IS_WRAP_BOX (self), 0);

  return self->n_lines;
}
