/* swy-inspector-binding.c: one generated inspector row, kept in step with its property
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "swy-inspector"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "swy-inspector-private.h"

/* The inspector's editor is generated from the GParamSpecs of the node or
 * wire: every setting gets an editing row, every read-only figure a live
 * value row. A binding makes one such row and keeps it and its property in
 * step, both ways: edits go through the document, so that they can be
 * undone, and notifications from elsewhere (undo, the engine) update the
 * widget without becoming edits. This is the only pspec → row code, for
 * nodes and wires alike. */

typedef enum
{
  KIND_NUMBER,
  KIND_BOOLEAN,
  KIND_STRING,
  KIND_ENUM,
  KIND_VALUE,
} BindingKind;

struct _SwyInspectorBinding
{
  SwyInspector *inspector;
  GObject      *object;   /* borrowed: the inspector holds a reference */
  GParamSpec   *pspec;
  BindingKind   kind;
  GtkWidget    *row;
  GtkWidget    *editor;   /* the widget that shows the value */
  GtkLabel     *message;  /* where a refusal is explained */
  gulong        notify_id;
  gboolean      syncing;
};

/* Labels for the engine's counters, which have no nick and blurb of their
 * own; the settings of nodes and wires all have theirs. */
static const struct
{
  const char *name;
  const char *title;
  const char *description;
} fallback_labels[] = {
  { "received", N_("Received"), N_("Deliveries into the node’s inputs") },
  { "emitted", N_("Emitted"), N_("Emissions on the node’s outputs, once per emission") },
  { "dropped", N_("Dropped"), N_("Events the node discarded") },
  { "delivered", N_("Delivered"), N_("Deliveries made through the wire") },
  { "lost", N_("Lost"), N_("Deliveries lost to the loss probability") },
};

/* Readable names for the engine's enumerations; any other enumeration shows
 * its nicks with dashes turned into spaces. */
static const struct
{
  const char *enum_type;
  const char *nick;
  const char *label;
} enum_labels[] = {
  { "SwyWireMode", "sync", N_("Sync") },
  { "SwyWireMode", "queued", N_("Queued") },
  { "SwyPriority", "high", N_("High") },
  { "SwyPriority", "default", N_("Default") },
  { "SwyPriority", "idle", N_("Idle") },
  { "SwyOverflow", "drop-newest", N_("Drop newest") },
  { "SwyOverflow", "drop-oldest", N_("Drop oldest") },
  { "SwyFilterOp", "none", N_("No test") },
  { "SwyFilterOp", "eq", N_("Equal to (=)") },
  { "SwyFilterOp", "ne", N_("Not equal to (≠)") },
  { "SwyFilterOp", "lt", N_("Less than (<)") },
  { "SwyFilterOp", "le", N_("At most (≤)") },
  { "SwyFilterOp", "gt", N_("Greater than (>)") },
  { "SwyFilterOp", "ge", N_("At least (≥)") },
};

/* Turns an identifier such as `max_inbox` or `drop-newest` into “Max inbox”. */
char *
_swy_inspector_humanize (const char *identifier)
{
  char *text = g_strdup (identifier);

  g_strdelimit (text, "-_", ' ');
  if (text[0] != '\0')
    text[0] = g_ascii_toupper (text[0]);

  return text;
}

const char *
_swy_inspector_pspec_title (GParamSpec *pspec)
{
  const char *nick = g_param_spec_get_nick (pspec);

  /* GLib returns the name when the property has no nick. */
  if (g_strcmp0 (nick, pspec->name) != 0)
    return nick;

  for (guint i = 0; i < G_N_ELEMENTS (fallback_labels); i++)
    if (strcmp (fallback_labels[i].name, pspec->name) == 0)
      return _(fallback_labels[i].title);

  return pspec->name;
}

static const char *
pspec_description (GParamSpec *pspec)
{
  const char *blurb = g_param_spec_get_blurb (pspec);

  if (blurb != NULL)
    return blurb;

  for (guint i = 0; i < G_N_ELEMENTS (fallback_labels); i++)
    if (strcmp (fallback_labels[i].name, pspec->name) == 0)
      return _(fallback_labels[i].description);

  return NULL;
}

static char *
enum_value_label (GType       enum_type,
                  GEnumValue *value)
{
  const char *type_name = g_type_name (enum_type);

  for (guint i = 0; i < G_N_ELEMENTS (enum_labels); i++)
    if (strcmp (enum_labels[i].enum_type, type_name) == 0 &&
        strcmp (enum_labels[i].nick, value->value_nick) == 0)
      return g_strdup (_(enum_labels[i].label));

  return _swy_inspector_humanize (value->value_nick);
}

static guint
enum_value_index (GEnumClass *enum_class,
                  int         value)
{
  for (guint i = 0; i < enum_class->n_values; i++)
    if (enum_class->values[i].value == value)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

/* Whether the inspector edits @pspec: the subclass's own settings, not the
 * base node's id, position and counters. */
gboolean
_swy_inspector_pspec_is_setting (GParamSpec *pspec)
{
  return (pspec->flags & G_PARAM_WRITABLE) != 0 &&
         (pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0 &&
         pspec->owner_type != SWY_TYPE_NODE;
}

gboolean
_swy_inspector_pspec_is_live (GParamSpec *pspec)
{
  return (pspec->flags & G_PARAM_READABLE) != 0 && (pspec->flags & G_PARAM_WRITABLE) == 0;
}

static gboolean
pspec_is_number (GParamSpec *pspec)
{
  return G_IS_PARAM_SPEC_INT (pspec) || G_IS_PARAM_SPEC_UINT (pspec) ||
         G_IS_PARAM_SPEC_LONG (pspec) || G_IS_PARAM_SPEC_ULONG (pspec) ||
         G_IS_PARAM_SPEC_INT64 (pspec) || G_IS_PARAM_SPEC_UINT64 (pspec) ||
         G_IS_PARAM_SPEC_FLOAT (pspec) || G_IS_PARAM_SPEC_DOUBLE (pspec);
}

static gboolean
pspec_is_fractional (GParamSpec *pspec)
{
  return G_IS_PARAM_SPEC_FLOAT (pspec) || G_IS_PARAM_SPEC_DOUBLE (pspec);
}

static void
pspec_get_range (GParamSpec *pspec,
                 double     *min,
                 double     *max)
{
  if (G_IS_PARAM_SPEC_INT (pspec))
    *min = G_PARAM_SPEC_INT (pspec)->minimum, *max = G_PARAM_SPEC_INT (pspec)->maximum;
  else if (G_IS_PARAM_SPEC_UINT (pspec))
    *min = G_PARAM_SPEC_UINT (pspec)->minimum, *max = G_PARAM_SPEC_UINT (pspec)->maximum;
  else if (G_IS_PARAM_SPEC_LONG (pspec))
    *min = G_PARAM_SPEC_LONG (pspec)->minimum, *max = G_PARAM_SPEC_LONG (pspec)->maximum;
  else if (G_IS_PARAM_SPEC_ULONG (pspec))
    *min = G_PARAM_SPEC_ULONG (pspec)->minimum, *max = G_PARAM_SPEC_ULONG (pspec)->maximum;
  else if (G_IS_PARAM_SPEC_INT64 (pspec))
    *min = G_PARAM_SPEC_INT64 (pspec)->minimum, *max = G_PARAM_SPEC_INT64 (pspec)->maximum;
  else if (G_IS_PARAM_SPEC_UINT64 (pspec))
    *min = G_PARAM_SPEC_UINT64 (pspec)->minimum, *max = G_PARAM_SPEC_UINT64 (pspec)->maximum;
  else if (G_IS_PARAM_SPEC_FLOAT (pspec))
    *min = G_PARAM_SPEC_FLOAT (pspec)->minimum, *max = G_PARAM_SPEC_FLOAT (pspec)->maximum;
  else if (G_IS_PARAM_SPEC_DOUBLE (pspec))
    *min = G_PARAM_SPEC_DOUBLE (pspec)->minimum, *max = G_PARAM_SPEC_DOUBLE (pspec)->maximum;
  else
    g_assert_not_reached ();
}

static double
value_get_number (const GValue *value)
{
  g_auto(GValue) number = G_VALUE_INIT;

  g_value_init (&number, G_TYPE_DOUBLE);
  if (!g_value_transform (value, &number))
    return 0.0;

  return g_value_get_double (&number);
}

/* Sets a numeric GValue from a spin button's double, rounding and clamping
 * at the type's ends, where a double cannot be cast safely. */
static void
value_set_number (GValue *value,
                  double  number)
{
  double rounded = number < 0 ? number - 0.5 : number + 0.5;

  if (G_VALUE_HOLDS_DOUBLE (value))
    g_value_set_double (value, number);
  else if (G_VALUE_HOLDS_FLOAT (value))
    g_value_set_float (value, (float)number);
  else if (G_VALUE_HOLDS_INT (value))
    g_value_set_int (value, (int)CLAMP (rounded, (double)G_MININT, (double)G_MAXINT));
  else if (G_VALUE_HOLDS_UINT (value))
    g_value_set_uint (value, (guint)CLAMP (rounded, 0.0, (double)G_MAXUINT));
  else if (G_VALUE_HOLDS_LONG (value))
    g_value_set_long (value, rounded >= (double)G_MAXLONG ? G_MAXLONG :
                             rounded <= (double)G_MINLONG ? G_MINLONG : (long)rounded);
  else if (G_VALUE_HOLDS_ULONG (value))
    g_value_set_ulong (value, rounded >= (double)G_MAXULONG ? G_MAXULONG :
                              rounded <= 0.0 ? 0 : (gulong)rounded);
  else if (G_VALUE_HOLDS_INT64 (value))
    g_value_set_int64 (value, rounded >= (double)G_MAXINT64 ? G_MAXINT64 :
                              rounded <= (double)G_MININT64 ? G_MININT64 : (gint64)rounded);
  else if (G_VALUE_HOLDS_UINT64 (value))
    g_value_set_uint64 (value, rounded >= (double)G_MAXUINT64 ? G_MAXUINT64 :
                               rounded <= 0.0 ? 0 : (guint64)rounded);
  else
    g_assert_not_reached ();
}

static char *
format_number (double number,
               guint  digits)
{
  char *text = g_strdup_printf ("%.*f", (int)digits, number);

  /* “2.500” reads better as “2.5”, and “1.000” as “1”. */
  if (digits > 0)
    {
      char *end = text + strlen (text) - 1;

      while (end > text && *end == '0')
        *end-- = '\0';
      if (end > text && !g_ascii_isdigit (*end))
        *end = '\0';
    }

  return text;
}

static char *
format_value (GParamSpec   *pspec,
              const GValue *value)
{
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_strdup (g_value_get_boolean (value) ? _("Yes") : _("No"));

  if (G_VALUE_HOLDS_ENUM (value))
    {
      g_autoptr(GEnumClass) enum_class = g_type_class_ref (G_VALUE_TYPE (value));
      GEnumValue *enum_value = g_enum_get_value (enum_class, g_value_get_enum (value));

      return enum_value ? enum_value_label (G_VALUE_TYPE (value), enum_value) : g_strdup ("");
    }

  if (G_VALUE_HOLDS_STRING (value))
    return g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");

  if (pspec_is_fractional (pspec))
    return g_strdup_printf ("%.6g", value_get_number (value));

  {
    g_auto(GValue) text = G_VALUE_INIT;

    g_value_init (&text, G_TYPE_STRING);
    g_value_transform (value, &text);

    return g_value_dup_string (&text);
  }
}

static gboolean
pspec_is_topic_pattern (GParamSpec *pspec)
{
  return G_IS_PARAM_SPEC_STRING (pspec) &&
         (strcmp (pspec->name, "subscription") == 0 || g_str_has_suffix (pspec->name, "pattern"));
}

static gboolean
check_value (GParamSpec    *pspec,
             const GValue  *value,
             GError       **error)
{
  /* A filter's topic pattern follows the same rules as a subscription. */
  if (pspec_is_topic_pattern (pspec))
    return swy_topic_pattern_validate (g_value_get_string (value) ? g_value_get_string (value) : "",
                                       error);

  return TRUE;
}

/* Entry rows get an error icon, so that a refusal shows on the row itself
 * and not only in the message under the group. */
void
_swy_inspector_add_error_icon (AdwEntryRow *row)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");

  gtk_widget_set_visible (icon, FALSE);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (icon, "error");
  adw_entry_row_add_suffix (row, icon);
  g_object_set_data (G_OBJECT (row), "swy-error-icon", icon);
}

static void
set_error_icon_visible (GtkWidget *row,
                        gboolean   visible)
{
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "swy-error-icon");

  if (icon != NULL)
    gtk_widget_set_visible (icon, visible);
}

void
_swy_inspector_show_message (GtkWidget  *row,
                             GtkLabel   *message,
                             const char *text)
{
  set_error_icon_visible (row, TRUE);
  gtk_widget_add_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, text);
  gtk_label_set_text (message, text);
  gtk_widget_set_visible (GTK_WIDGET (message), TRUE);
  g_object_set_data (G_OBJECT (message), "swy-owner", row);
}

void
_swy_inspector_clear_message (GtkWidget  *row,
                              GtkLabel   *message,
                              const char *tooltip)
{
  set_error_icon_visible (row, FALSE);
  gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, tooltip);
  if (g_object_get_data (G_OBJECT (message), "swy-owner") == row)
    {
      gtk_widget_set_visible (GTK_WIDGET (message), FALSE);
      g_object_set_data (G_OBJECT (message), "swy-owner", NULL);
    }
}

static const char *
binding_tooltip (SwyInspectorBinding *b)
{
  /* Rows without a subtitle carry the description as a tooltip. */
  if (b->kind == KIND_STRING || b->kind == KIND_ENUM || b->kind == KIND_VALUE)
    return pspec_description (b->pspec);

  return NULL;
}

static void
binding_clear_message (SwyInspectorBinding *b)
{
  if (b->message != NULL)
    _swy_inspector_clear_message (b->row, b->message, binding_tooltip (b));
}

/* Shows the property's current value without emitting an edit. */
static void
binding_sync (SwyInspectorBinding *b)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (b->pspec));
  g_object_get_property (b->object, b->pspec->name, &value);

  b->syncing = TRUE;

  switch (b->kind)
    {
    case KIND_NUMBER:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (b->editor), value_get_number (&value));
      break;

    case KIND_BOOLEAN:
      gtk_switch_set_active (GTK_SWITCH (b->editor), g_value_get_boolean (&value));
      break;

    case KIND_STRING:
      {
        const char *text = g_value_get_string (&value);

        if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (b->editor)), text ? text : "") != 0)
          gtk_editable_set_text (GTK_EDITABLE (b->editor), text ? text : "");
      }
      break;

    case KIND_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (G_VALUE_TYPE (&value));

        adw_combo_row_set_selected (ADW_COMBO_ROW (b->editor),
                                    enum_value_index (enum_class, g_value_get_enum (&value)));
      }
      break;

    case KIND_VALUE:
      {
        g_autofree char *text = format_value (b->pspec, &value);

        gtk_label_set_text (GTK_LABEL (b->editor), text);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  b->syncing = FALSE;
}

static void
binding_notify_cb (GObject             *object,
                   GParamSpec          *pspec,
                   SwyInspectorBinding *b)
{
  binding_sync (b);

  if (b->kind == KIND_VALUE)
    _swy_inspector_live_changed (b->inspector);
  else
    binding_clear_message (b);
}

/* Every edit goes through the document, so that it can be undone. */
static void
binding_apply (SwyInspectorBinding *b,
               const GValue        *value)
{
  SwyDocument *document = swy_inspector_get_document (b->inspector);
  g_autoptr(GError) error = NULL;

  if (b->syncing)
    return;

  if (document == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                         _("There is no document to edit"));

  if (error == NULL && check_value (b->pspec, value, &error))
    swy_document_set_property (document, b->object, b->pspec->name, value, &error);

  if (error != NULL)
    {
      _swy_inspector_show_message (b->row, b->message, error->message);
      /* A refused pattern stays in the entry so it can be fixed; other
       * widgets go back to the value the property kept. */
      if (b->kind != KIND_STRING)
        binding_sync (b);
      return;
    }

  binding_clear_message (b);
}

static void
spin_value_changed_cb (GtkSpinButton       *spin,
                       SwyInspectorBinding *b)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (b->syncing)
    return;

  g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (b->pspec));
  value_set_number (&value, gtk_spin_button_get_value (spin));
  binding_apply (b, &value);
}

static gboolean
spin_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  g_autofree char *text = format_number (gtk_spin_button_get_value (spin),
                                         gtk_spin_button_get_digits (spin));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (spin)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static void
switch_active_cb (GtkSwitch           *sw,
                  GParamSpec          *pspec,
                  SwyInspectorBinding *b)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (b->syncing)
    return;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_switch_get_active (sw));
  binding_apply (b, &value);
}

static void
entry_apply_cb (AdwEntryRow         *row,
                SwyInspectorBinding *b)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, gtk_editable_get_text (GTK_EDITABLE (row)));
  binding_apply (b, &value);
}

static void
combo_selected_cb (AdwComboRow         *row,
                   GParamSpec          *pspec,
                   SwyInspectorBinding *b)
{
  g_autoptr(GEnumClass) enum_class = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  guint selected = adw_combo_row_get_selected (row);

  if (b->syncing)
    return;

  enum_class = g_type_class_ref (G_PARAM_SPEC_VALUE_TYPE (b->pspec));
  if (selected >= enum_class->n_values)
    return;

  g_value_init (&value, G_PARAM_SPEC_VALUE_TYPE (b->pspec));
  g_value_set_enum (&value, enum_class->values[selected].value);
  binding_apply (b, &value);
}

static GtkWidget *
create_action_row (GParamSpec *pspec,
                   gboolean    with_subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _swy_inspector_pspec_title (pspec));
  if (with_subtitle && pspec_description (pspec) != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), pspec_description (pspec));

  return row;
}

static void
create_number_editor (SwyInspectorBinding *b)
{
  GParamSpec *pspec = b->pspec;
  gboolean fractional = pspec_is_fractional (pspec);
  GtkAdjustment *adjustment;
  double min, max, step, page;
  guint digits;

  pspec_get_range (pspec, &min, &max);
  if (fractional)
    {
      digits = min > 0.0 && min < 0.01 ? 3 : 2;
      step = max - min <= 1.0 ? 0.01 : 0.1;
      page = step * 10.0;
    }
  else
    {
      digits = 0;
      step = g_str_has_suffix (pspec->name, "-ms") ? 10.0 : 1.0;
      page = step * 10.0;
    }

  adjustment = gtk_adjustment_new (min, min, max, step, page, 0.0);
  b->editor = gtk_spin_button_new (adjustment, step, digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (b->editor), TRUE);
  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (b->editor), GTK_UPDATE_IF_VALID);
  /* A range such as ±G_MAXDOUBLE must not size the button. */
  gtk_editable_set_width_chars (GTK_EDITABLE (b->editor), 6);
  gtk_widget_set_valign (b->editor, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (b->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _swy_inspector_pspec_title (pspec),
                                  -1);
  if (fractional)
    g_signal_connect (b->editor, "output", G_CALLBACK (spin_output_cb), NULL);

  b->row = create_action_row (pspec, TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (b->row), b->editor);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (b->row), b->editor);
}

static void
create_boolean_editor (SwyInspectorBinding *b)
{
  b->editor = gtk_switch_new ();
  gtk_widget_set_valign (b->editor, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (b->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _swy_inspector_pspec_title (b->pspec),
                                  -1);

  b->row = create_action_row (b->pspec, TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (b->row), b->editor);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (b->row), b->editor);
}

static void
create_string_editor (SwyInspectorBinding *b)
{
  b->row = adw_entry_row_new ();
  b->editor = b->row;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (b->row), _swy_inspector_pspec_title (b->pspec));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (b->row), TRUE);
  gtk_widget_set_tooltip_text (b->row, pspec_description (b->pspec));
  _swy_inspector_add_error_icon (ADW_ENTRY_ROW (b->row));
}

static void
create_enum_editor (SwyInspectorBinding *b)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (G_PARAM_SPEC_VALUE_TYPE (b->pspec));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < enum_class->n_values; i++)
    {
      g_autofree char *label = enum_value_label (G_PARAM_SPEC_VALUE_TYPE (b->pspec),
                                                 &enum_class->values[i]);

      gtk_string_list_append (labels, label);
    }

  b->row = adw_combo_row_new ();
  b->editor = b->row;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (b->row), _swy_inspector_pspec_title (b->pspec));
  /* A subtitle would squeeze the selected value into an ellipsis. */
  gtk_widget_set_tooltip_text (b->row, pspec_description (b->pspec));
  adw_combo_row_set_model (ADW_COMBO_ROW (b->row), G_LIST_MODEL (labels));
}

static void
create_value_row (SwyInspectorBinding *b)
{
  b->editor = gtk_label_new (NULL);
  gtk_label_set_selectable (GTK_LABEL (b->editor), FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (b->editor), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (b->editor), 16);
  gtk_widget_add_css_class (b->editor, "numeric");
  gtk_widget_add_css_class (b->editor, "dim-label");

  b->row = create_action_row (b->pspec, FALSE);
  gtk_widget_set_tooltip_text (b->row, pspec_description (b->pspec));
  adw_action_row_add_suffix (ADW_ACTION_ROW (b->row), b->editor);
}

static void
connect_editor (SwyInspectorBinding *b)
{
  switch (b->kind)
    {
    case KIND_NUMBER:
      g_signal_connect (b->editor, "value-changed", G_CALLBACK (spin_value_changed_cb), b);
      break;

    case KIND_BOOLEAN:
      g_signal_connect (b->editor, "notify::active", G_CALLBACK (switch_active_cb), b);
      break;

    case KIND_STRING:
      g_signal_connect (b->editor, "apply", G_CALLBACK (entry_apply_cb), b);
      break;

    case KIND_ENUM:
      g_signal_connect (b->editor, "notify::selected", G_CALLBACK (combo_selected_cb), b);
      break;

    case KIND_VALUE:
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Makes the row for @pspec of @object, or returns NULL for a type the
 * inspector cannot show (objects, boxed values). Refusals are explained in
 * @message. */
SwyInspectorBinding *
_swy_inspector_binding_new (SwyInspector *inspector,
                            GObject      *object,
                            GParamSpec   *pspec,
                            GtkLabel     *message)
{
  g_autofree char *detailed = g_strconcat ("notify::", pspec->name, NULL);
  SwyInspectorBinding *b;
  BindingKind kind;

  if (_swy_inspector_pspec_is_live (pspec))
    kind = KIND_VALUE;
  else if (pspec_is_number (pspec))
    kind = KIND_NUMBER;
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    kind = KIND_BOOLEAN;
  else if (G_IS_PARAM_SPEC_STRING (pspec))
    kind = KIND_STRING;
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    kind = KIND_ENUM;
  else
    return NULL;

  if (kind == KIND_VALUE &&
      !pspec_is_number (pspec) && !G_IS_PARAM_SPEC_BOOLEAN (pspec) &&
      !G_IS_PARAM_SPEC_STRING (pspec) && !G_IS_PARAM_SPEC_ENUM (pspec))
    return NULL;

  b = g_new0 (SwyInspectorBinding, 1);
  b->inspector = inspector;
  b->object = object;
  b->pspec = pspec;
  b->kind = kind;
  b->message = message;

  switch (kind)
    {
    case KIND_NUMBER:
      create_number_editor (b);
      break;

    case KIND_BOOLEAN:
      create_boolean_editor (b);
      break;

    case KIND_STRING:
      create_string_editor (b);
      break;

    case KIND_ENUM:
      create_enum_editor (b);
      break;

    case KIND_VALUE:
      create_value_row (b);
      break;

    default:
      g_assert_not_reached ();
    }

  binding_sync (b);
  connect_editor (b);
  b->notify_id = g_signal_connect (object, detailed, G_CALLBACK (binding_notify_cb), b);

  return b;
}

void
_swy_inspector_binding_free (SwyInspectorBinding *b)
{
  g_clear_signal_handler (&b->notify_id, b->object);
  g_free (b);
}

GParamSpec *
_swy_inspector_binding_get_pspec (SwyInspectorBinding *b)
{
  return b->pspec;
}

GtkWidget *
_swy_inspector_binding_get_row (SwyInspectorBinding *b)
{
  return b->row;
}

GtkWidget *
_swy_inspector_binding_get_editor (SwyInspectorBinding *b)
{
  return b->editor;
}

GtkLabel *
_swy_inspector_binding_get_message (SwyInspectorBinding *b)
{
  return b->message;
}

/* Whether the row edits a setting, rather than showing a live figure. */
gboolean
_swy_inspector_binding_is_setting (SwyInspectorBinding *b)
{
  return b->kind != KIND_VALUE;
}

