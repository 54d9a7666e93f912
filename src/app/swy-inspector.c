/* swy-inspector.c: the settings and live state of the selected node or wire
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "swy-inspector"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "swy-inspector.h"
#include "swy-inspector-private.h"

/* The inspector shows one node or wire: a header, the node's id, then
 * groups of rows generated from the GParamSpecs (swy-inspector-binding.c). */

typedef struct
{
  GObject *instance;
  gulong   handler_id;
} Watch;

struct _SwyInspector
{
  GtkWidget            parent_instance;

  SwyDocument         *document;
  GObject             *object;
  GPtrArray           *bindings;
  GArray              *watches;
  GHashTable          *extra_labels;   /* stat key → GtkLabel */
  GtkWidget           *drop_row;

  /* Template children */
  GtkButton           *fire_button;
  GtkBox              *groups_box;
  GtkImage            *header_icon;
  GtkLabel            *header_subtitle;
  GtkLabel            *header_title;
  GtkLabel            *id_message;
  AdwEntryRow         *id_row;
  AdwPreferencesGroup *node_group;
  GtkStack            *stack;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_OBJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyInspector, swy_inspector, GTK_TYPE_WIDGET)

static int
compare_pspecs (gconstpointer a,
                gconstpointer b)
{
  GParamSpec *pa = *(GParamSpec * const *)a;
  GParamSpec *pb = *(GParamSpec * const *)b;
  guint depth_a = g_type_depth (pa->owner_type);
  guint depth_b = g_type_depth (pb->owner_type);

  /* Base class first, then in the order the class installed them. */
  if (depth_a != depth_b)
    return depth_a < depth_b ? -1 : 1;

  return pa->param_id < pb->param_id ? -1 : pa->param_id > pb->param_id;
}

static GPtrArray *
list_pspecs (GObject  *object,
             gboolean (*filter) (GParamSpec *pspec))
{
  g_autofree GParamSpec **pspecs = NULL;
  GPtrArray *result = g_ptr_array_new ();
  guint n = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  for (guint i = 0; i < n; i++)
    if (filter (pspecs[i]))
      g_ptr_array_add (result, pspecs[i]);
  g_ptr_array_sort (result, compare_pspecs);

  return result;
}

static GtkLabel *
create_message_label (void)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_ALERT,
                                   "visible", FALSE,
                                   NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");

  return GTK_LABEL (label);
}

/* Adds a group with one row per property that passes @filter; an empty
 * group is not shown at all. */
static AdwPreferencesGroup *
add_property_group (SwyInspector  *self,
                    const char    *title,
                    gboolean     (*filter) (GParamSpec *pspec))
{
  g_autoptr(GPtrArray) pspecs = list_pspecs (self->object, filter);
  GtkWidget *group = adw_preferences_group_new ();
  GtkLabel *message = create_message_label ();
  guint n_rows = 0;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  for (guint i = 0; i < pspecs->len; i++)
    {
      SwyInspectorBinding *b;

      b = _swy_inspector_binding_new (self, self->object, g_ptr_array_index (pspecs, i), message);
      if (b == NULL)
        continue;

      g_ptr_array_add (self->bindings, b);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), _swy_inspector_binding_get_row (b));
      n_rows++;
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (message));

  gtk_widget_set_visible (group, n_rows > 0);
  gtk_box_append (self->groups_box, group);

  return ADW_PREFERENCES_GROUP (group);
}

static SwyInspectorBinding *
find_binding (SwyInspector *self,
              const char   *name)
{
  for (guint i = 0; i < self->bindings->len; i++)
    {
      SwyInspectorBinding *b = g_ptr_array_index (self->bindings, i);

      if (strcmp (_swy_inspector_binding_get_pspec (b)->name, name) == 0)
        return b;
    }

  return NULL;
}

/* Type-specific figures that no property shows already. */
static gboolean
extra_stat_is_shown (SwyInspector *self,
                     const char   *key)
{
  g_autofree char *name = g_strdelimit (g_strdup (key), "_", '-');
  g_autofree char *title = _swy_inspector_humanize (key);

  if (find_binding (self, name) != NULL)
    return TRUE;

  for (guint i = 0; i < self->bindings->len; i++)
    {
      SwyInspectorBinding *b = g_ptr_array_index (self->bindings, i);
      GParamSpec *pspec = _swy_inspector_binding_get_pspec (b);

      if (!_swy_inspector_binding_is_setting (b) &&
          g_ascii_strcasecmp (_swy_inspector_pspec_title (pspec), title) == 0)
        return TRUE;
    }

  return FALSE;
}

static char *
extra_stat_title (const char *key)
{
  g_autofree char *stem = NULL;

  if (!g_str_has_suffix (key, "_ms"))
    return _swy_inspector_humanize (key);

  stem = _swy_inspector_humanize (key);
  stem[strlen (stem) - strlen (" ms")] = '\0';

  /* Translators: a duration figure, such as “Busy time” */
  return g_strdup_printf (_("%s time"), stem);
}

static char *
format_extra_stat (const char *key,
                   GVariant   *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    {
      if (g_str_has_suffix (key, "_ms"))
        /* Translators: milliseconds */
        return g_strdup_printf (_("%.1f ms"), g_variant_get_double (value));

      return g_strdup_printf ("%.6g", g_variant_get_double (value));
    }
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT64))
    return g_strdup_printf ("%" G_GUINT64_FORMAT, g_variant_get_uint64 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32))
    return g_strdup_printf ("%u", g_variant_get_uint32 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
    return g_strdup_printf ("%d", g_variant_get_int32 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);

  return g_variant_print (value, FALSE);
}

static void
add_extra_stats (SwyInspector        *self,
                 AdwPreferencesGroup *group)
{
  g_autoptr(GVariant) stats = swy_node_dup_extra_stats (SWY_NODE (self->object));
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_variant_iter_init (&iter, stats);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    {
      g_autofree char *title = NULL;
      GtkWidget *row;
      GtkWidget *label;

      if (extra_stat_is_shown (self, key))
        continue;

      title = extra_stat_title (key);
      label = gtk_label_new (NULL);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "dim-label");
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (group, row);
      g_hash_table_insert (self->extra_labels, g_strdup (key), label);
      gtk_widget_set_visible (GTK_WIDGET (group), TRUE);
    }
}

static char *
format_drop_reasons (GVariant *reasons)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GVariantIter iter;
  const char *reason;
  guint64 count;

  g_variant_iter_init (&iter, reasons);
  while (g_variant_iter_next (&iter, "{&st}", &reason, &count))
    {
      g_autofree char *label = _swy_inspector_humanize (reason);
      g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, count);

      if (text->len > 0)
        g_string_append (text, ", ");
      /* Translators: a drop reason and its count, such as “Overflow: 3” */
      g_string_append_printf (text, _("%s: %s"), label, number);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The figures that have no property of their own: drop reasons and the
 * node type's extra statistics. They change with the counters. */
void
_swy_inspector_live_changed (SwyInspector *self)
{
  g_autoptr(GVariant) reasons = NULL;
  g_autoptr(GVariant) stats = NULL;
  g_autofree char *reasons_text = NULL;
  GHashTableIter iter;
  gpointer key, label;

  if (!SWY_IS_NODE (self->object))
    return;

  if (self->drop_row != NULL)
    {
      reasons = swy_node_dup_drop_reasons (SWY_NODE (self->object));
      reasons_text = format_drop_reasons (reasons);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->drop_row), reasons_text);
    }

  if (g_hash_table_size (self->extra_labels) == 0)
    return;

  stats = swy_node_dup_extra_stats (SWY_NODE (self->object));
  g_hash_table_iter_init (&iter, self->extra_labels);
  while (g_hash_table_iter_next (&iter, &key, &label))
    {
      g_autoptr(GVariant) value = g_variant_lookup_value (stats, key, NULL);
      g_autofree char *text = value ? format_extra_stat (key, value) : g_strdup ("");

      gtk_label_set_text (label, text);
    }
}

static void
watch (SwyInspector *self,
       gpointer      instance,
       const char   *signal,
       GCallback     callback)
{
  Watch w;

  w.instance = g_object_ref (instance);
  w.handler_id = g_signal_connect_swapped (instance, signal, callback, self);
  g_array_append_val (self->watches, w);
}

static void
unwatch_all (SwyInspector *self)
{
  for (guint i = 0; i < self->watches->len; i++)
    {
      Watch *w = &g_array_index (self->watches, Watch, i);

      g_clear_signal_handler (&w->handler_id, w->instance);
      g_clear_object (&w->instance);
    }
  g_array_set_size (self->watches, 0);
}

static void
sync_id_row (SwyInspector *self)
{
  const char *id = swy_node_get_id (SWY_NODE (self->object));

  gtk_editable_set_text (GTK_EDITABLE (self->id_row), id ? id : "");
  _swy_inspector_clear_message (GTK_WIDGET (self->id_row), self->id_message, NULL);
}

static void
update_wire_header (SwyInspector *self)
{
  SwyWire *wire = SWY_WIRE (self->object);
  g_autofree char *from = swy_port_dup_address (swy_wire_get_from (wire));
  g_autofree char *to = swy_port_dup_address (swy_wire_get_to (wire));
  g_autofree char *subtitle = NULL;

  /* Translators: the two ends of a wire, as node:port addresses */
  subtitle = g_strdup_printf (_("From %s to %s"), from, to);
  gtk_label_set_text (self->header_title, _("Wire"));
  gtk_label_set_text (self->header_subtitle, subtitle);
}

static void
node_graph_changed_cb (SwyInspector *self)
{
  g_autoptr(GObject) node = NULL;

  /* The node left its graph: there is nothing left to inspect. */
  if (!SWY_IS_NODE (self->object) || swy_node_get_graph (SWY_NODE (self->object)) != NULL)
    return;

  node = g_object_ref (self->object);
  swy_inspector_set_object (self, NULL);
}

static void
show_node (SwyInspector *self)
{
  SwyNode *node = SWY_NODE (self->object);
  SwyNodeType *type = swy_catalog_lookup_gtype (G_OBJECT_TYPE (node));
  AdwPreferencesGroup *live;

  if (type != NULL)
    {
      gtk_image_set_from_icon_name (self->header_icon, swy_node_type_get_icon_name (type));
      gtk_label_set_text (self->header_title, swy_node_type_get_display_name (type));
      gtk_label_set_text (self->header_subtitle, swy_node_type_get_description (type));
    }
  else
    {
      gtk_image_set_from_icon_name (self->header_icon, "application-x-executable-symbolic");
      gtk_label_set_text (self->header_title, swy_node_get_type_name (node));
      gtk_label_set_text (self->header_subtitle, "");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->fire_button), SWY_NODE_GET_CLASS (node)->fire != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->node_group), TRUE);
  sync_id_row (self);
  watch (self, node, "notify::id", G_CALLBACK (sync_id_row));
  watch (self, node, "notify::graph", G_CALLBACK (node_graph_changed_cb));

  add_property_group (self, _("Settings"), _swy_inspector_pspec_is_setting);
  live = add_property_group (self, _("Live"), _swy_inspector_pspec_is_live);

  self->drop_row = _swy_inspector_get_row (self, "dropped");
  add_extra_stats (self, live);
  _swy_inspector_live_changed (self);
}

static void
show_wire (SwyInspector *self)
{
  SwyWire *wire = SWY_WIRE (self->object);

  gtk_image_set_from_icon_name (self->header_icon, "network-wired-symbolic");
  gtk_widget_set_visible (GTK_WIDGET (self->fire_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->node_group), FALSE);
  update_wire_header (self);
  watch (self, swy_port_get_node (swy_wire_get_from (wire)), "notify::id",
         G_CALLBACK (update_wire_header));
  watch (self, swy_port_get_node (swy_wire_get_to (wire)), "notify::id",
         G_CALLBACK (update_wire_header));

  add_property_group (self, _("Settings"), _swy_inspector_pspec_is_setting);
  add_property_group (self, _("Live"), _swy_inspector_pspec_is_live);
}

static void
clear_object (SwyInspector *self)
{
  GtkWidget *child;

  unwatch_all (self);
  g_ptr_array_set_size (self->bindings, 0);
  g_hash_table_remove_all (self->extra_labels);
  self->drop_row = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);

  g_clear_object (&self->object);
}

static void
fire_clicked_cb (SwyInspector *self)
{
  const char *id;

  if (!SWY_IS_NODE (self->object))
    return;

  /* Through the window's action, so that firing looks the same from the
   * canvas, the keyboard and here. */
  id = swy_node_get_id (SWY_NODE (self->object));
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.fire-node", "s", id))
    swy_node_fire (SWY_NODE (self->object));
}

static gboolean
check_node_id (SwyInspector  *self,
               SwyNode       *node,
               const char    *id,
               GError       **error)
{
  SwyGraph *graph = swy_node_get_graph (node);
  SwyNode *other;

  if (id[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A node needs an ID"));
      return FALSE;
    }

  for (const char *p = id; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ':' || g_unichar_isspace (c) || !g_unichar_isprint (c))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("An ID cannot contain spaces or colons"));
          return FALSE;
        }
    }

  other = graph != NULL ? swy_graph_lookup_node (graph, id) : NULL;
  if (other != NULL && other != node)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Another node already has the ID “%s”"), id);
      return FALSE;
    }

  return TRUE;
}

static void
id_apply_cb (SwyInspector *self)
{
  const char *id = gtk_editable_get_text (GTK_EDITABLE (self->id_row));
  g_autoptr(GError) error = NULL;
  SwyNode *node;

  if (!SWY_IS_NODE (self->object))
    return;

  node = SWY_NODE (self->object);
  if (self->document == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                         _("There is no document to edit"));

  if (error == NULL && check_node_id (self, node, id, &error))
    swy_document_rename_node (self->document, node, id, &error);

  if (error != NULL)
    {
      _swy_inspector_show_message (GTK_WIDGET (self->id_row), self->id_message, error->message);
      return;
    }

  _swy_inspector_clear_message (GTK_WIDGET (self->id_row), self->id_message, NULL);
}

static void
swy_inspector_dispose (GObject *object)
{
  SwyInspector *self = SWY_INSPECTOR (object);

  clear_object (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SWY_TYPE_INSPECTOR);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (swy_inspector_parent_class)->dispose (object);
}

static void
swy_inspector_finalize (GObject *object)
{
  SwyInspector *self = SWY_INSPECTOR (object);

  g_clear_pointer (&self->bindings, g_ptr_array_unref);
  g_clear_pointer (&self->watches, g_array_unref);
  g_clear_pointer (&self->extra_labels, g_hash_table_unref);

  G_OBJECT_CLASS (swy_inspector_parent_class)->finalize (object);
}

static void
swy_inspector_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SwyInspector *self = SWY_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, swy_inspector_get_document (self));
      break;

    case PROP_OBJECT:
      g_value_set_object (value, swy_inspector_get_object (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_inspector_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SwyInspector *self = SWY_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      swy_inspector_set_document (self, g_value_get_object (value));
      break;

    case PROP_OBJECT:
      swy_inspector_set_object (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_inspector_class_init (SwyInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = swy_inspector_dispose;
  object_class->finalize = swy_inspector_finalize;
  object_class->get_property = swy_inspector_get_property;
  object_class->set_property = swy_inspector_set_property;

  /**
   * SwyInspector:document:
   *
   * The document every edit goes through, so that it can be undone.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         SWY_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * SwyInspector:object:
   *
   * The inspected [class@Swy.Node] or [class@Swy.Wire], or `NULL`.
   */
  properties[PROP_OBJECT] =
    g_param_spec_object ("object", NULL, NULL,
                         G_TYPE_OBJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/swy-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, SwyInspector, fire_button);
  gtk_widget_class_bind_template_child (widget_class, SwyInspector, groups_box);
  gtk_widget_class_bind_template_child (widget_class, SwyInspector, header_icon);
  gtk_widget_class_bind_template_child (widget_class, SwyInspector, header_subtitle);
  gtk_widget_class_bind_template_child (widget_class, SwyInspector, header_title);
  gtk_widget_class_bind_template_child (widget_class, SwyInspector, id_message);
  gtk_widget_class_bind_template_child (widget_class, SwyInspector, id_row);
  gtk_widget_class_bind_template_child (widget_class, SwyInspector, node_group);
  gtk_widget_class_bind_template_child (widget_class, SwyInspector, stack);
  gtk_widget_class_bind_template_callback (widget_class, fire_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, id_apply_cb);

  gtk_widget_class_set_css_name (widget_class, "inspector");
}

static void
swy_inspector_init (SwyInspector *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->bindings = g_ptr_array_new_with_free_func ((GDestroyNotify)_swy_inspector_binding_free);
  self->watches = g_array_new (FALSE, FALSE, sizeof (Watch));
  self->extra_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  _swy_inspector_add_error_icon (self->id_row);
}

/**
 * swy_inspector_new:
 * @document: (nullable): the document edits go through
 *
 * Creates an inspector with nothing selected.
 *
 * Returns: (transfer floating): a new inspector
 */
GtkWidget *
swy_inspector_new (SwyDocument *document)
{
  g_return_val_if_fail (document == NULL || SWY_IS_DOCUMENT (document), NULL);

  return g_object_new (SWY_TYPE_INSPECTOR,
                       "document", document,
                       NULL);
}

/**
 * swy_inspector_get_document:
 * @self: an inspector
 *
 * Gets the document edits go through.
 *
 * Returns: (transfer none) (nullable): the document
 */
SwyDocument *
swy_inspector_get_document (SwyInspector *self)
{
  g_return_val_if_fail (SWY_IS_INSPECTOR (self), NULL);

  return self->document;
}

/**
 * swy_inspector_set_document:
 * @self: an inspector
 * @document: (nullable): a document
 *
 * Sets the document edits go through. The inspected object belonged to the
 * previous document, so the inspector shows nothing afterwards.
 */
void
swy_inspector_set_document (SwyInspector *self,
                            SwyDocument  *document)
{
  g_return_if_fail (SWY_IS_INSPECTOR (self));
  g_return_if_fail (document == NULL || SWY_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  swy_inspector_set_object (self, NULL);
  g_set_object (&self->document, document);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * swy_inspector_get_object:
 * @self: an inspector
 *
 * Gets the inspected node or wire.
 *
 * Returns: (transfer none) (nullable): the object
 */
GObject *
swy_inspector_get_object (SwyInspector *self)
{
  g_return_val_if_fail (SWY_IS_INSPECTOR (self), NULL);

  return self->object;
}

/**
 * swy_inspector_set_object:
 * @self: an inspector
 * @object: (nullable): a [class@Swy.Node], a [class@Swy.Wire], or `NULL`
 *
 * Shows the settings and live state of @object, or a hint to select
 * something when it is `NULL`.
 */
void
swy_inspector_set_object (SwyInspector *self,
                          GObject      *object)
{
  g_return_if_fail (SWY_IS_INSPECTOR (self));
  g_return_if_fail (object == NULL || SWY_IS_NODE (object) || SWY_IS_WIRE (object));

  if (self->object == object)
    return;

  clear_object (self);
  _swy_inspector_clear_message (GTK_WIDGET (self->id_row), self->id_message, NULL);

  if (object != NULL)
    {
      self->object = g_object_ref (object);
      if (SWY_IS_NODE (object))
        show_node (self);
      else
        show_wire (self);
    }

  gtk_stack_set_visible_child_name (self->stack, object != NULL ? "object" : "empty");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OBJECT]);
}

guint
_swy_inspector_get_n_editor_rows (SwyInspector *self)
{
  guint n = 0;

  g_return_val_if_fail (SWY_IS_INSPECTOR (self), 0);

  for (guint i = 0; i < self->bindings->len; i++)
    if (_swy_inspector_binding_is_setting (g_ptr_array_index (self->bindings, i)))
      n++;

  return n;
}

/* @name is a property name, or "id" for the node's id row. */
GtkWidget *
_swy_inspector_get_row (SwyInspector *self,
                        const char   *name)
{
  SwyInspectorBinding *b;

  g_return_val_if_fail (SWY_IS_INSPECTOR (self), NULL);

  if (strcmp (name, "id") == 0)
    return GTK_WIDGET (self->id_row);

  b = find_binding (self, name);

  return b ? _swy_inspector_binding_get_row (b) : NULL;
}

GtkWidget *
_swy_inspector_get_editor (SwyInspector *self,
                           const char   *name)
{
  SwyInspectorBinding *b;

  g_return_val_if_fail (SWY_IS_INSPECTOR (self), NULL);

  if (strcmp (name, "id") == 0)
    return GTK_WIDGET (self->id_row);

  b = find_binding (self, name);

  return b ? _swy_inspector_binding_get_editor (b) : NULL;
}

GtkLabel *
_swy_inspector_get_message (SwyInspector *self,
                            const char   *name)
{
  SwyInspectorBinding *b;

  g_return_val_if_fail (SWY_IS_INSPECTOR (self), NULL);

  if (strcmp (name, "id") == 0)
    return self->id_message;

  b = find_binding (self, name);

  return b ? _swy_inspector_binding_get_message (b) : NULL;
}
