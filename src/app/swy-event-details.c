/* swy-event-details.c: one event: its payload, its path hop by hop, its causes and effects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the event selected in the window's SwyViewState, from what the
 * trace still holds (swy-trace-query.c): the path, every record of the
 * event in dispatch order; the causality tree, its lineage up to the
 * oldest ancestor kept, its parent and its children, each a row that
 * selects that event, so the tree can be walked up and down; the payload,
 * printed with its types; and why it was dropped, if it was. When the ring
 * buffer has forgotten the event, it says so.
 */

#define G_LOG_DOMAIN "swy-event-details"

#include "config.h"

#include <glib/gi18n.h>

#include "swy-event-details.h"
#include "swy-event-details-private.h"
#include "swy-log-model.h"

#define MAX_PATH_ROWS   200
#define MAX_CHILD_ROWS  100
#define REFRESH_MS      500

struct _SwyEventDetails
{
  GtkWidget            parent_instance;

  SwyGraph            *graph;
  SwyTrace            *trace;
  SwyTrace            *replay_trace;   /* read instead of the graph's, or NULL */
  SwyViewState        *view_state;
  SwyEventHistory     *history;
  GPtrArray           *causality_rows;
  GPtrArray           *path_rows;
  GPtrArray           *child_rows;     /* borrowed from causality_rows */
  GtkWidget           *parent_row;     /* borrowed from causality_rows */
  char                *payload_text;
  guint                refresh_source;
  gboolean             stale;

  /* Template children */
  AdwPreferencesGroup *causality_group;
  GtkWidget           *drop_box;
  GtkLabel            *drop_label;
  AdwStatusPage       *gone_page;
  GtkImage            *header_icon;
  GtkBox              *lineage_box;
  GtkLabel            *note_label;
  AdwPreferencesGroup *path_group;
  AdwPreferencesGroup *payload_group;
  GtkLabel            *payload_label;
  GtkStack            *stack;
  GtkLabel            *subtitle_label;
  GtkLabel            *title_label;
};

enum {
  PROP_0,
  PROP_GRAPH,
  PROP_VIEW_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyEventDetails, swy_event_details, GTK_TYPE_WIDGET)

static char *
format_ms (gint64 t_us)
{
  char buf[64];

  swy_log_format_time (t_us, buf, sizeof buf);

  /* Translators: a virtual time in milliseconds, such as “150.000 ms” */
  return g_strdup_printf (_("%s ms"), buf);
}

/* One `'key': <typed value>` per line, for the usual a{sv} payload. */
static char *
pretty_payload (GVariant *payload)
{
  g_autoptr(GString) text = NULL;
  gsize n;

  if (!g_variant_is_of_type (payload, G_VARIANT_TYPE_VARDICT) || g_variant_n_children (payload) == 0)
    return g_variant_print (payload, TRUE);

  n = g_variant_n_children (payload);
  text = g_string_new ("{\n");
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) entry = g_variant_get_child_value (payload, i);
      g_autoptr(GVariant) key = g_variant_get_child_value (entry, 0);
      g_autoptr(GVariant) value = g_variant_get_child_value (entry, 1);
      g_autofree char *key_text = g_variant_print (key, FALSE);
      g_autofree char *value_text = g_variant_print (value, TRUE);

      g_string_append_printf (text, "  %s: %s%s\n", key_text, value_text, i + 1 < n ? "," : "");
    }
  g_string_append_c (text, '}');

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Rows */

static void
clear_rows (SwyEventDetails *self)
{
  GtkWidget *child;

  for (guint i = 0; i < self->causality_rows->len; i++)
    adw_preferences_group_remove (self->causality_group, g_ptr_array_index (self->causality_rows, i));
  for (guint i = 0; i < self->path_rows->len; i++)
    adw_preferences_group_remove (self->path_group, g_ptr_array_index (self->path_rows, i));
  g_ptr_array_set_size (self->causality_rows, 0);
  g_ptr_array_set_size (self->path_rows, 0);
  g_ptr_array_set_size (self->child_rows, 0);
  self->parent_row = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->lineage_box))) != NULL)
    gtk_box_remove (self->lineage_box, child);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);

  return row;
}

/* Makes @row select @event_id when activated. */
static void
link_row (GtkWidget *row,
          guint64    event_id)
{
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "go-next-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "details.select-event");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "t", event_id);
}

static void
add_causality_row (SwyEventDetails *self,
                   GtkWidget       *row)
{
  adw_preferences_group_add (self->causality_group, row);
  g_ptr_array_add (self->causality_rows, row);
}

static char *
describe_event (SwyEvent *event,
                guint     n_children,
                gboolean  with_count)
{
  g_autofree char *created = format_ms (swy_event_get_created (event));

  if (!with_count)
    /* Translators: an event's topic and creation time */
    return g_strdup_printf (_("%s · created at %s"), swy_event_get_topic (event), created);

  if (n_children == 0)
    return g_strdup_printf (_("%s · created at %s · caused nothing"), swy_event_get_topic (event), created);

  /* Translators: an event's topic, creation time, and the number of events it caused */
  return g_strdup_printf (ngettext ("%s · created at %s · caused %u event",
                                    "%s · created at %s · caused %u events", n_children),
                          swy_event_get_topic (event), created, n_children);
}

static void
add_lineage (SwyEventDetails *self)
{
  const SwyEventHistory *h = self->history;
  g_autofree char *self_text = NULL;
  GtkWidget *label;

  if (h->ancestors->len == 0)
    return;

  if (!h->ancestors_complete)
    gtk_box_append (self->lineage_box, gtk_label_new ("… ›"));

  for (guint i = 0; i < h->ancestors->len; i++)
    {
      SwyEvent *ancestor = g_ptr_array_index (h->ancestors, i);
      g_autofree char *text = g_strdup_printf ("#%" G_GUINT64_FORMAT, swy_event_get_id (ancestor));
      GtkWidget *button = gtk_button_new_with_label (text);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, swy_event_get_topic (ancestor));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "details.select-event");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "t", swy_event_get_id (ancestor));
      gtk_box_append (self->lineage_box, button);
      gtk_box_append (self->lineage_box, gtk_label_new ("›"));
    }

  self_text = g_strdup_printf ("#%" G_GUINT64_FORMAT, h->event_id);
  label = gtk_label_new (self_text);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (self->lineage_box, label);
}

static void
add_parent_row (SwyEventDetails *self)
{
  const SwyEventHistory *h = self->history;
  guint64 parent_id = swy_event_get_parent (h->event);
  SwyEvent *parent = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  if (parent_id == 0)
    {
      row = new_row (_("No Parent"), _("A producer created it; no other event caused it"), "go-top-symbolic");
      add_causality_row (self, row);
      return;
    }

  if (h->ancestors->len > 0)
    parent = g_ptr_array_index (h->ancestors, h->ancestors->len - 1);

  title = g_strdup_printf (_("Parent #%llu"), (unsigned long long) parent_id);
  if (parent != NULL && swy_event_get_id (parent) == parent_id)
    subtitle = describe_event (parent, 0, FALSE);
  else
    subtitle = g_strdup (_("No longer in the trace"));

  row = new_row (title, subtitle, "go-up-symbolic");
  link_row (row, parent_id);
  add_causality_row (self, row);
  self->parent_row = row;
}

static void
add_child_rows (SwyEventDetails *self)
{
  const SwyEventHistory *h = self->history;

  if (h->n_children == 0)
    {
      add_causality_row (self, new_row (_("No Children"),
                                        _("It caused no new event (forwarding nodes pass the same event on)"),
                                        "go-bottom-symbolic"));
      return;
    }

  for (guint i = 0; i < h->children->len; i++)
    {
      SwyEvent *child = g_ptr_array_index (h->children, i);
      g_autofree char *title = g_strdup_printf (_("Child #%llu"), (unsigned long long) swy_event_get_id (child));
      g_autofree char *subtitle = describe_event (child, g_array_index (h->n_grandchildren, guint, i), TRUE);
      GtkWidget *row = new_row (title, subtitle, "go-down-symbolic");

      link_row (row, swy_event_get_id (child));
      add_causality_row (self, row);
      g_ptr_array_add (self->child_rows, row);
    }

  if (h->n_children > h->children->len)
    {
      g_autofree char *title = NULL;
      guint more = h->n_children - h->children->len;

      title = g_strdup_printf (ngettext ("%u more child not listed", "%u more children not listed", more), more);
      add_causality_row (self, new_row (title, NULL, NULL));
    }
}

/* The title and subtitle of one hop; @emitted maps a node quark to the time
 * it last emitted this event, for the latency of a queued delivery. */
static GtkWidget *
path_row (const SwyTraceRecordData *data,
          GHashTable               *emitted)
{
  const char *node = g_quark_to_string (data->node);
  const char *port = data->port ? g_quark_to_string (data->port) : "";
  const char *from = data->from_node ? g_quark_to_string (data->from_node) : NULL;
  g_autofree char *time = format_ms (data->time);
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *icon = NULL;
  GtkWidget *row;

  /* Translators: when and how deep a dispatch step happened, such as “150.000 ms · depth 1” */
  g_string_printf (subtitle, _("%s · depth %u"), time, data->depth);

  switch (data->kind)
    {
    case SWY_TRACE_KIND_EMIT:
      title = g_strdup_printf (_("Emitted by %s:%s"), node, port);
      icon = "mail-send-symbolic";
      g_hash_table_insert (emitted, GUINT_TO_POINTER (data->node), g_memdup2 (&data->time, sizeof (gint64)));
      break;

    case SWY_TRACE_KIND_DELIVER:
      {
        gint64 *sent = from ? g_hash_table_lookup (emitted, GUINT_TO_POINTER (data->from_node)) : NULL;

        title = g_strdup_printf (_("Delivered to %s:%s"), node, port);
        icon = "mail-read-symbolic";
        if (from != NULL)
          /* Translators: the wire a delivery crossed, such as “wire #2 from broker” */
          g_string_append_printf (subtitle, _(" · wire #%d from %s"), data->wire, from);
        /* A sync delivery nests in the emission; a queued one runs at the top level. */
        if (data->depth > 0)
          g_string_append (subtitle, _(", sync"));
        else if (sent != NULL)
          {
            g_autofree char *latency = format_ms (data->time - *sent);

            /* Translators: how long a queued delivery travelled, such as “queued, 50.000 ms” */
            g_string_append_printf (subtitle, _(", queued, %s"), latency);
          }
        else
          g_string_append (subtitle, _(", queued"));
      }
      break;

    case SWY_TRACE_KIND_DROP:
      title = g_strdup_printf (_("Dropped at %s: %s"), node, g_quark_to_string (data->reason));
      icon = "action-unavailable-symbolic";
      if (from != NULL)
        g_string_append_printf (subtitle, _(" · wire #%d from %s"), data->wire, from);
      break;

    default:
      g_assert_not_reached ();
    }

  row = new_row (title, subtitle->str, icon);
  if (data->kind == SWY_TRACE_KIND_DROP)
    gtk_widget_add_css_class (row, "event-drop");

  return row;
}

static void
add_path_rows (SwyEventDetails *self)
{
  const SwyEventHistory *h = self->history;
  g_autoptr(GHashTable) emitted = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < h->records->len; i++)
    {
      GtkWidget *row = path_row (&g_array_index (h->records, SwyTraceRecordData, i), emitted);

      adw_preferences_group_add (self->path_group, row);
      g_ptr_array_add (self->path_rows, row);
    }

  if (h->n_records > h->records->len)
    {
      /* Translators: the path of an event is capped; this says how much was left out */
      g_autofree char *description = g_strdup_printf (_("The first %u of %u records"),
                                                      h->records->len, h->n_records);

      adw_preferences_group_set_description (self->path_group, description);
    }
  else
    {
      adw_preferences_group_set_description (self->path_group, NULL);
    }
}

static char *
drop_text (const SwyEventHistory *h)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < h->records->len; i++)
    {
      const SwyTraceRecordData *data = &g_array_index (h->records, SwyTraceRecordData, i);
      g_autofree char *time = NULL;

      if (data->kind != SWY_TRACE_KIND_DROP)
        continue;

      time = format_ms (data->time);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: node, drop reason (“overflow”, “loss”…) and time */
      g_string_append_printf (text, _("Dropped at %s (%s) at %s"),
                              g_quark_to_string (data->node), g_quark_to_string (data->reason), time);
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
show_header (SwyEventDetails *self)
{
  const SwyEventHistory *h = self->history;
  g_autofree char *title = g_strdup_printf (_("Event #%llu"), (unsigned long long) h->event_id);
  g_autofree char *drops = h->event ? drop_text (h) : NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *note = NULL;

  gtk_label_set_text (self->title_label, title);

  if (h->event != NULL)
    subtitle = describe_event (h->event, h->n_children, TRUE);
  else
    subtitle = g_strdup (_("No longer in the trace"));
  gtk_label_set_text (self->subtitle_label, subtitle);

  gtk_image_set_from_icon_name (self->header_icon,
                                h->event == NULL ? "edit-clear-all-symbolic"
                                : drops != NULL ? "dialog-error-symbolic" : "mail-send-symbolic");
  if (drops != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->header_icon), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->header_icon), "error");

  gtk_label_set_text (self->drop_label, drops ? drops : "");
  gtk_widget_set_visible (self->drop_box, drops != NULL);

  if (h->event == NULL)
    note = g_strdup_printf (ngettext ("Its records have left the trace, which keeps the last %'u record.",
                                      "Its records have left the trace, which keeps the last %'u records.",
                                      h->trace_capacity), h->trace_capacity);
  else if (h->partial)
    note = g_strdup_printf (ngettext ("Its oldest records, its emission among them, have left the trace, "
                                      "which keeps the last %'u record.",
                                      "Its oldest records, its emission among them, have left the trace, "
                                      "which keeps the last %'u records.",
                                      h->trace_capacity), h->trace_capacity);
  gtk_label_set_text (self->note_label, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
}

static void
show_payload (SwyEventDetails *self)
{
  GVariant *payload;

  g_clear_pointer (&self->payload_text, g_free);
  if (self->history->event == NULL)
    return;

  payload = swy_event_get_payload (self->history->event);
  self->payload_text = pretty_payload (payload);
  gtk_label_set_text (self->payload_label, self->payload_text);
  adw_preferences_group_set_description (self->payload_group, g_variant_get_type_string (payload));
}

static void
show_history (SwyEventDetails *self)
{
  const SwyEventHistory *h = self->history;
  gboolean present = h->event != NULL;

  clear_rows (self);

  if (!present && h->n_children == 0)
    {
      g_autofree char *description = NULL;

      description = g_strdup_printf (ngettext ("Event #%" G_GUINT64_FORMAT " is older than the last %'u record "
                                               "the trace keeps, or the graph was reset since.",
                                               "Event #%" G_GUINT64_FORMAT " is older than the last %'u records "
                                               "the trace keeps, or the graph was reset since.",
                                               h->trace_capacity),
                                     h->event_id, h->trace_capacity);
      adw_status_page_set_description (self->gone_page, description);
      gtk_stack_set_visible_child_name (self->stack, "gone");
      return;
    }

  show_header (self);
  if (present)
    {
      add_lineage (self);
      add_parent_row (self);
    }
  add_child_rows (self);
  if (present)
    add_path_rows (self);
  show_payload (self);

  gtk_widget_set_visible (GTK_WIDGET (self->path_group), present);
  gtk_widget_set_visible (GTK_WIDGET (self->payload_group), present);
  gtk_stack_set_visible_child_name (self->stack, "event");
}

static guint
sum_grandchildren (const SwyEventHistory *h)
{
  guint sum = 0;

  for (guint i = 0; i < h->n_grandchildren->len; i++)
    sum += g_array_index (h->n_grandchildren, guint, i);

  return sum;
}

/* Whether a new look at the trace found what is shown already. */
static gboolean
same_history (const SwyEventHistory *a,
              const SwyEventHistory *b)
{
  return a != NULL && b != NULL &&
         a->event_id == b->event_id &&
         (a->event == NULL) == (b->event == NULL) &&
         a->n_records == b->n_records &&
         a->partial == b->partial &&
         a->ancestors->len == b->ancestors->len &&
         a->ancestors_complete == b->ancestors_complete &&
         a->n_children == b->n_children &&
         sum_grandchildren (a) == sum_grandchildren (b);
}

/**
 * swy_event_details_refresh:
 * @self: event details
 *
 * Looks at the trace again for the selected event. The details do this by
 * themselves when the selection changes, and every half second while the
 * trace grows.
 */
void
swy_event_details_refresh (SwyEventDetails *self)
{
  guint64 event_id;
  SwyEventHistory *history;

  g_return_if_fail (SWY_IS_EVENT_DETAILS (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->stale = FALSE;

  event_id = self->view_state ? swy_view_state_get_selected_event (self->view_state) : 0;
  if (event_id == 0 || self->trace == NULL)
    {
      clear_rows (self);
      g_clear_pointer (&self->history, swy_event_history_free);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  history = swy_event_history_new (self->trace, event_id, MAX_PATH_ROWS, MAX_CHILD_ROWS);
  if (same_history (self->history, history))
    {
      swy_event_history_free (history);
      return;
    }

  g_clear_pointer (&self->history, swy_event_history_free);
  self->history = history;
  show_history (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  SwyEventDetails *self = user_data;

  self->refresh_source = 0;
  swy_event_details_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
trace_changed_cb (SwyEventDetails *self)
{
  if (self->history == NULL || self->refresh_source != 0)
    return;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  self->refresh_source = g_timeout_add (REFRESH_MS, refresh_cb, self);
  g_source_set_name_by_id (self->refresh_source, "[switchyard] event details refresh");
}

static void
select_event_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SwyEventDetails *self = SWY_EVENT_DETAILS (widget);

  if (self->view_state != NULL)
    swy_view_state_set_selected_event (self->view_state, g_variant_get_uint64 (parameter));
}

/* GObject */

static void
swy_event_details_map (GtkWidget *widget)
{
  SwyEventDetails *self = SWY_EVENT_DETAILS (widget);

  GTK_WIDGET_CLASS (swy_event_details_parent_class)->map (widget);

  if (self->stale)
    swy_event_details_refresh (self);
}

static void
swy_event_details_dispose (GObject *object)
{
  SwyEventDetails *self = SWY_EVENT_DETAILS (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->trace != NULL)
    g_signal_handlers_disconnect_by_data (self->trace, self);
  if (self->view_state != NULL)
    g_signal_handlers_disconnect_by_data (self->view_state, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), SWY_TYPE_EVENT_DETAILS);

  g_clear_pointer (&self->history, swy_event_history_free);
  g_clear_object (&self->graph);
  g_clear_object (&self->trace);
  g_clear_object (&self->replay_trace);
  g_clear_object (&self->view_state);

  G_OBJECT_CLASS (swy_event_details_parent_class)->dispose (object);
}

static void
swy_event_details_finalize (GObject *object)
{
  SwyEventDetails *self = SWY_EVENT_DETAILS (object);

  g_clear_pointer (&self->causality_rows, g_ptr_array_unref);
  g_clear_pointer (&self->path_rows, g_ptr_array_unref);
  g_clear_pointer (&self->child_rows, g_ptr_array_unref);
  g_clear_pointer (&self->payload_text, g_free);

  G_OBJECT_CLASS (swy_event_details_parent_class)->finalize (object);
}

static void
swy_event_details_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SwyEventDetails *self = SWY_EVENT_DETAILS (object);

  switch (prop_id)
    {
    case PROP_GRAPH:
      g_value_set_object (value, swy_event_details_get_graph (self));
      break;

    case PROP_VIEW_STATE:
      g_value_set_object (value, swy_event_details_get_view_state (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_event_details_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SwyEventDetails *self = SWY_EVENT_DETAILS (object);

  switch (prop_id)
    {
    case PROP_GRAPH:
      swy_event_details_set_graph (self, g_value_get_object (value));
      break;

    case PROP_VIEW_STATE:
      swy_event_details_set_view_state (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_event_details_class_init (SwyEventDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = swy_event_details_dispose;
  object_class->finalize = swy_event_details_finalize;
  object_class->get_property = swy_event_details_get_property;
  object_class->set_property = swy_event_details_set_property;

  widget_class->map = swy_event_details_map;

  /* The graph whose trace is searched. */
  properties[PROP_GRAPH] =
    g_param_spec_object ("graph", NULL, NULL, SWY_TYPE_GRAPH,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The window's shared selection: the event shown, and where the causality rows lead. */
  properties[PROP_VIEW_STATE] =
    g_param_spec_object ("view-state", NULL, NULL, SWY_TYPE_VIEW_STATE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/swy-event-details.ui");
  gtk_widget_class_bind_template_child (widget_class, SwyEventDetails, causality_group);
  gtk_widget_class_bind_template_child (widget_class, SwyEventDetails, drop_box);
  gtk_widget_class_bind_template_child (widget_class, SwyEventDetails, drop_label);
  gtk_widget_class_bind_template_child (widget_class, SwyEventDetails, gone_page);
  gtk_widget_class_bind_template_child (widget_class, SwyEventDetails, header_icon);
  gtk_widget_class_bind_template_child (widget_class, SwyEventDetails, lineage_box);
  gtk_widget_class_bind_template_child (widget_class, SwyEventDetails, note_label);
  gtk_widget_class_bind_template_child (widget_class, SwyEventDetails, path_group);
  gtk_widget_class_bind_template_child (widget_class, SwyEventDetails, payload_group);
  gtk_widget_class_bind_template_child (widget_class, SwyEventDetails, payload_label);
  gtk_widget_class_bind_template_child (widget_class, SwyEventDetails, stack);
  gtk_widget_class_bind_template_child (widget_class, SwyEventDetails, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SwyEventDetails, title_label);

  gtk_widget_class_install_action (widget_class, "details.select-event", "t", select_event_action);

  gtk_widget_class_set_css_name (widget_class, "swy-event-details");
}

static void
swy_event_details_init (SwyEventDetails *self)
{
  self->causality_rows = g_ptr_array_new ();
  self->path_rows = g_ptr_array_new ();
  self->child_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * swy_event_details_new:
 * @graph: (nullable): the graph whose trace to search
 * @view_state: (nullable): the window's view state
 *
 * Returns: (transfer floating): new event details
 */
GtkWidget *
swy_event_details_new (SwyGraph     *graph,
                       SwyViewState *view_state)
{
  return g_object_new (SWY_TYPE_EVENT_DETAILS,
                       "graph", graph,
                       "view-state", view_state,
                       NULL);
}

SwyGraph *
swy_event_details_get_graph (SwyEventDetails *self)
{
  g_return_val_if_fail (SWY_IS_EVENT_DETAILS (self), NULL);

  return self->graph;
}

static void
update_trace (SwyEventDetails *self)
{
  SwyTrace *trace = self->replay_trace != NULL ? self->replay_trace
                  : self->graph != NULL ? swy_graph_get_trace (self->graph)
                  : NULL;

  if (self->trace != NULL)
    g_signal_handlers_disconnect_by_data (self->trace, self);
  g_set_object (&self->trace, trace);
  if (self->trace != NULL)
    g_signal_connect_object (self->trace, "items-changed", G_CALLBACK (trace_changed_cb), self,
                             G_CONNECT_SWAPPED);

  g_clear_pointer (&self->history, swy_event_history_free);
  swy_event_details_refresh (self);
}

void
swy_event_details_set_graph (SwyEventDetails *self,
                             SwyGraph        *graph)
{
  g_return_if_fail (SWY_IS_EVENT_DETAILS (self));
  g_return_if_fail (graph == NULL || SWY_IS_GRAPH (graph));

  if (self->graph == graph)
    return;

  g_set_object (&self->graph, graph);
  update_trace (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRAPH]);
}

/**
 * swy_event_details_set_replay_trace:
 * @self: event details
 * @trace: (nullable): the trace of a replay shown instead of the graph's, or `NULL`
 *
 * Looks events up in @trace: the whole recorded path and causality of an
 * event of the replay. `NULL` goes back to the graph's trace.
 */
void
swy_event_details_set_replay_trace (SwyEventDetails *self,
                                    SwyTrace        *trace)
{
  g_return_if_fail (SWY_IS_EVENT_DETAILS (self));
  g_return_if_fail (trace == NULL || SWY_IS_TRACE (trace));

  if (self->replay_trace == trace)
    return;

  g_set_object (&self->replay_trace, trace);
  update_trace (self);
}

SwyViewState *
swy_event_details_get_view_state (SwyEventDetails *self)
{
  g_return_val_if_fail (SWY_IS_EVENT_DETAILS (self), NULL);

  return self->view_state;
}

void
swy_event_details_set_view_state (SwyEventDetails *self,
                                  SwyViewState    *view_state)
{
  g_return_if_fail (SWY_IS_EVENT_DETAILS (self));
  g_return_if_fail (view_state == NULL || SWY_IS_VIEW_STATE (view_state));

  if (self->view_state == view_state)
    return;

  if (self->view_state != NULL)
    g_signal_handlers_disconnect_by_data (self->view_state, self);

  g_set_object (&self->view_state, view_state);
  if (view_state != NULL)
    g_signal_connect_object (view_state, "notify::selected-event",
                             G_CALLBACK (swy_event_details_refresh), self, G_CONNECT_SWAPPED);

  swy_event_details_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW_STATE]);
}

/* For the tests */

const SwyEventHistory *
_swy_event_details_get_history (SwyEventDetails *self)
{
  return self->history;
}

const char *
_swy_event_details_get_page (SwyEventDetails *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

guint
_swy_event_details_get_n_path_rows (SwyEventDetails *self)
{
  return self->path_rows->len;
}

GtkWidget *
_swy_event_details_get_path_row (SwyEventDetails *self,
                                 guint            index)
{
  return index < self->path_rows->len ? g_ptr_array_index (self->path_rows, index) : NULL;
}

guint
_swy_event_details_get_n_child_rows (SwyEventDetails *self)
{
  return self->child_rows->len;
}

GtkWidget *
_swy_event_details_get_child_row (SwyEventDetails *self,
                                  guint            index)
{
  return index < self->child_rows->len ? g_ptr_array_index (self->child_rows, index) : NULL;
}

GtkWidget *
_swy_event_details_get_parent_row (SwyEventDetails *self)
{
  return self->parent_row;
}

const char *
_swy_event_details_get_payload (SwyEventDetails *self)
{
  return self->payload_text;
}

const char *
_swy_event_details_get_drop_note (SwyEventDetails *self)
{
  return gtk_widget_get_visible (self->drop_box) ? gtk_label_get_text (self->drop_label) : NULL;
}
