/* swy-palette.c: the node types, to add to the graph by click or drag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "swy-palette"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <swy.h>

#include "swy-palette.h"

/* Each row carries its node type and the case-folded text the search looks in. */
#define ROW_TYPE_KEY "swy-node-type"
#define ROW_HAYSTACK_KEY "swy-haystack"

struct _SwyPalette
{
  GtkWidget       parent_instance;

  char           *needle;

  /* Template children */
  GtkListBox     *list_box;
  GtkSearchEntry *search_entry;
};

G_DEFINE_FINAL_TYPE (SwyPalette, swy_palette, GTK_TYPE_WIDGET)

static const char *
category_title (SwyNodeCategory category)
{
  switch (category)
    {
    case SWY_NODE_CATEGORY_PRODUCER:
      return _("Producers");

    case SWY_NODE_CATEGORY_ROUTING:
      return _("Routing");

    case SWY_NODE_CATEGORY_CONSUMER:
      return _("Consumers");

    default:
      g_return_val_if_reached (NULL);
    }
}

static SwyNodeType *
row_get_node_type (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), ROW_TYPE_KEY);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               SwyNodeType   *type)
{
  GtkWidget *drag_icon = gtk_drag_icon_get_for_drag (drag);
  GtkWidget *image = gtk_image_new_from_icon_name (swy_node_type_get_icon_name (type));

  gtk_image_set_pixel_size (GTK_IMAGE (image), 32);
  gtk_drag_icon_set_child (GTK_DRAG_ICON (drag_icon), image);
  gdk_drag_set_hotspot (drag, -16, -16);
}

static char *
make_haystack (SwyNodeType *type)
{
  g_autofree char *text = g_strdup_printf ("%s\n%s\n%s",
                                           swy_node_type_get_display_name (type),
                                           swy_node_type_get_description (type),
                                           swy_node_type_get_name (type));

  return g_utf8_casefold (text, -1);
}

static GtkWidget *
create_row (SwyNodeType *type)
{
  const char *display_name = swy_node_type_get_display_name (type);
  const char *description = swy_node_type_get_description (type);
  g_autoptr(GdkContentProvider) content = NULL;
  g_autofree char *accessible_label = NULL;
  GtkDragSource *source;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *labels;
  GtkWidget *image;
  GtkWidget *title;
  GtkWidget *subtitle;

  image = gtk_image_new_from_icon_name (swy_node_type_get_icon_name (type));
  gtk_widget_set_valign (image, GTK_ALIGN_CENTER);
  gtk_accessible_update_state (GTK_ACCESSIBLE (image),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);

  title = gtk_label_new (display_name);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);

  subtitle = gtk_label_new (description);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0.0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
  /* Keeps the palette narrow: long descriptions wrap instead of widening it. */
  gtk_label_set_width_chars (GTK_LABEL (subtitle), 16);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 28);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), labels);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), ROW_TYPE_KEY, g_object_ref (type), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), ROW_HAYSTACK_KEY, make_haystack (type), g_free);

  /* Translators: the accessible name of a palette row: node type, then its description */
  accessible_label = g_strdup_printf (_("%s: %s"), display_name, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);

  /* The canvas accepts drops of SwyNodeType and adds the node where it lands. */
  content = gdk_content_provider_new_typed (SWY_TYPE_NODE_TYPE, type);
  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  gtk_drag_source_set_content (source, content);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin_cb), type, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));

  return row;
}

static void
update_header_func (GtkListBoxRow *row,
                    GtkListBoxRow *before,
                    gpointer       user_data)
{
  SwyNodeCategory category = swy_node_type_get_category (row_get_node_type (row));
  GtkWidget *header;

  if (before != NULL && swy_node_type_get_category (row_get_node_type (before)) == category)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (category_title (category));
  gtk_label_set_xalign (GTK_LABEL (header), 0.0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, before != NULL ? 18 : 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (header),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                  -1);
  gtk_list_box_row_set_header (row, header);
}

static gboolean
filter_func (GtkListBoxRow *row,
             gpointer       user_data)
{
  SwyPalette *self = user_data;
  const char *haystack;

  if (self->needle == NULL)
    return TRUE;

  haystack = g_object_get_data (G_OBJECT (row), ROW_HAYSTACK_KEY);

  return strstr (haystack, self->needle) != NULL;
}

static void
search_changed_cb (SwyPalette *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->needle, g_free);
  if (stripped[0] != '\0')
    self->needle = g_utf8_casefold (stripped, -1);

  gtk_list_box_invalidate_filter (self->list_box);
  gtk_list_box_invalidate_headers (self->list_box);
}

static void
activate_type (SwyPalette  *self,
               SwyNodeType *type)
{
  const char *name = swy_node_type_get_name (type);

  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.add-node", "s", name))
    g_debug ("No win.add-node action to add a %s node", name);
}

static void
row_activated_cb (SwyPalette    *self,
                  GtkListBoxRow *row)
{
  activate_type (self, row_get_node_type (row));
}

/* Enter in the search entry adds the first match. */
static void
search_activate_cb (SwyPalette *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child))
        {
          activate_type (self, row_get_node_type (GTK_LIST_BOX_ROW (child)));
          return;
        }
    }

  gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
stop_search_cb (SwyPalette *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Typing anywhere in the palette goes to the search entry. */
static gboolean
key_pressed_cb (SwyPalette      *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  GtkEditable *editable = GTK_EDITABLE (self->search_entry);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gunichar c = gdk_keyval_to_unicode (keyval);
  char utf8[8] = { 0 };
  int position;

  if (focus != NULL &&
      (focus == GTK_WIDGET (self->search_entry) ||
       gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_entry))))
    return GDK_EVENT_PROPAGATE;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      c == 0 || !g_unichar_isgraph (c))
    return GDK_EVENT_PROPAGATE;

  g_unichar_to_utf8 (c, utf8);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  position = g_utf8_strlen (gtk_editable_get_text (editable), -1);
  gtk_editable_insert_text (editable, utf8, -1, &position);
  gtk_editable_set_position (editable, position);

  return GDK_EVENT_STOP;
}

static GtkWidget *
create_placeholder (void)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "edit-find-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("No Results"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), _("No node type matches the search"));
  gtk_widget_add_css_class (page, "compact");

  return page;
}

static void
populate (SwyPalette *self)
{
  GListModel *types = swy_catalog_get_types ();
  guint n = g_list_model_get_n_items (types);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyNodeType) type = g_list_model_get_item (types, i);

      gtk_list_box_append (self->list_box, create_row (type));
    }
}

static void
swy_palette_dispose (GObject *object)
{
  SwyPalette *self = SWY_PALETTE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SWY_TYPE_PALETTE);
  /* The template's scrolled window is not bound, so it is not unparented. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (swy_palette_parent_class)->dispose (object);
}

static void
swy_palette_finalize (GObject *object)
{
  SwyPalette *self = SWY_PALETTE (object);

  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (swy_palette_parent_class)->finalize (object);
}

static void
swy_palette_class_init (SwyPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = swy_palette_dispose;
  object_class->finalize = swy_palette_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/swy-palette.ui");
  gtk_widget_class_bind_template_child (widget_class, SwyPalette, list_box);
  gtk_widget_class_bind_template_child (widget_class, SwyPalette, search_entry);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);

  gtk_widget_class_set_css_name (widget_class, "palette");
}

static void
swy_palette_init (SwyPalette *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_header_func (self->list_box, update_header_func, NULL, NULL);
  gtk_list_box_set_filter_func (self->list_box, filter_func, self, NULL);
  gtk_list_box_set_placeholder (self->list_box, create_placeholder ());

  /* GtkSearchEntry's own key capture would also take Enter from a focused
   * row, so only printable characters are forwarded, by hand. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  populate (self);
}

/**
 * swy_palette_new:
 *
 * Creates a palette of every node type of the catalog.
 *
 * Activating a row activates `win.add-node` with the type name; dragging a
 * row carries the [class@Swy.NodeType].
 *
 * Returns: (transfer floating): a new palette
 */
GtkWidget *
swy_palette_new (void)
{
  return g_object_new (SWY_TYPE_PALETTE, NULL);
}

/**
 * swy_palette_focus_search:
 * @self: a palette
 *
 * Moves the keyboard focus to the search entry and selects its text.
 */
void
swy_palette_focus_search (SwyPalette *self)
{
  g_return_if_fail (SWY_IS_PALETTE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}
