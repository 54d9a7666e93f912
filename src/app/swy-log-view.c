/* swy-log-view.c: the event log, a filterable table of every dispatch step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A filter bar above a GtkColumnView over a SwyLogModel (through its
 * selection and SwyLogTail). Rows bind cheaply: one SwyTraceRecord per
 * visible row (the list model creates it), cells filled from stack
 * buffers, CSS classes set in one call.
 *
 * Follow-live: while following, the table shows only the model's last rows,
 * about a screenful (SwyLogTail), catches up with the trace once a frame
 * and scrolls to its end. Scrolling up (wheel, touchpad, scrollbar, a
 * touchscreen pan: anything that moves the view away from the end),
 * selecting a row or selecting an event elsewhere freezes it, so that what
 * the user looks at stays put: the table then shows every row, the same
 * records at the same place on screen; the “Jump to Live” button (or the
 * follow toggle) resumes. The table's rows are the tail's slots, whose
 * records change under the cells (notify::item): as records stream in
 * while following, and when a filter changes while frozen.
 *
 * Linked selection: selecting a row selects its event in the window's
 * SwyViewState; when another view selects an event, the log selects that
 * event's first row, if the filters let it through.
 */

#define G_LOG_DOMAIN "swy-log-view"

#include "config.h"

#include <glib/gi18n.h>

#include "swy-log-slot.h"
#include "swy-log-tail.h"
#include "swy-log-view.h"
#include "swy-log-view-private.h"
#include "swy-wrap-box.h"

typedef enum
{
  COLUMN_TIME,
  COLUMN_KIND,
  COLUMN_EVENT,
  COLUMN_TOPIC,
  COLUMN_ROUTE,
  COLUMN_DEPTH,
  COLUMN_PAYLOAD,
  N_COLUMNS
} Column;

typedef struct
{
  const char *title;
  int         fixed_width;   /* -1: expands */
  float       xalign;
  const char *css_class;
  const char *widest;        /* a number the column must show whole, or NULL */
} ColumnInfo;

/* Numbers are clipped, never ellipsized, so their columns are at least as
 * wide as the widest value a long run gives: 99,999,999.999 ms is 27 hours
 * of virtual time, #99,999,999 a hundred million events. */
static const ColumnInfo column_info[N_COLUMNS] = {
  [COLUMN_TIME]    = { N_("Time (ms)"),  84, 1.0, "numeric", "99999999.999" },
  [COLUMN_KIND]    = { N_("Kind"),      136, 0.0, NULL, NULL },
  [COLUMN_EVENT]   = { N_("Event"),      60, 1.0, "numeric", "#99999999" },
  [COLUMN_TOPIC]   = { N_("Topic"),     130, 0.0, NULL, NULL },
  [COLUMN_ROUTE]   = { N_("From → To"), 150, 0.0, NULL, NULL },
  [COLUMN_DEPTH]   = { N_("Depth"),      56, 1.0, "numeric", NULL },
  [COLUMN_PAYLOAD] = { N_("Payload"),    -1, 0.0, "log-payload", NULL },
};

/* Room for a cell's padding on both sides, beyond its text. */
#define CELL_PADDING 20

/* A column's width: its own, or more if its widest number needs it. */
static int
column_width (SwyLogView       *self,
              const ColumnInfo *info)
{
  g_autoptr(PangoLayout) layout = NULL;
  int width;

  if (info->widest == NULL)
    return info->fixed_width;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), info->widest);
  pango_layout_get_pixel_size (layout, &width, NULL);

  return MAX (info->fixed_width, width + CELL_PADDING);
}

struct _SwyLogView
{
  GtkWidget           parent_instance;

  SwyGraph           *graph;
  SwyReplay          *replay;          /* shown instead of the graph's trace, or NULL */
  SwyTrace           *trace;
  SwyViewState       *view_state;
  SwyLogModel        *model;
  GtkSingleSelection *selection;       /* over the model: positions are the model's */
  SwyLogTail         *tail;            /* over the selection: what the table shows */
  GtkStringList      *node_ids;        /* the drop-down's: “All Nodes”, then ids */
  GtkWidget          *context_menu;
  GtkWidget          *list_view;       /* the column view's own, for scrolling */

  gboolean            following;
  gboolean            tail_size_pending;
  int                 row_height;      /* of the table's rows, once one is laid out */
  double              last_value;      /* of the vertical adjustment */
  guint               frame_tick;      /* the frame's work below, before layout */
  gint64              next_update;     /* monotonic µs: no model update before */
  gboolean            scroll_pending;
  guint               scroll_target;
  gboolean            scroll_to_end;
  gboolean            status_pending;
  guint               n_new;           /* rows that arrived while frozen */
  gboolean            syncing_selection;
  gboolean            syncing_nodes;

  /* Template children */
  GtkButton          *clear_filters_button;
  GtkColumnView      *column_view;
  GtkToggleButton    *deliver_button;
  GtkToggleButton    *drop_button;
  GtkToggleButton    *emit_button;
  AdwStatusPage      *empty_page;
  GtkToggleButton    *follow_button;
  GtkLabel           *count_label;
  GtkMenuButton      *hidden_button;
  GtkLabel           *hidden_label;
  GtkListBox         *hidden_list;
  GtkLabel           *jump_label;
  GtkRevealer        *jump_revealer;
  GtkDropDown        *node_dropdown;
  GtkScrolledWindow  *scroller;
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkEntry           *topic_entry;
};

enum {
  PROP_0,
  PROP_GRAPH,
  PROP_VIEW_STATE,
  PROP_MODEL,
  PROP_FOLLOWING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How often the log catches up with the trace while frozen, at most and at
 * least (following, it does so every frame). */
#define MIN_UPDATE_DELAY_US (G_USEC_PER_SEC / 20)
#define MAX_UPDATE_DELAY_US (G_USEC_PER_SEC / 2)

/* The rows the table shows while following: those that fit, and a few more
 * (partly shown rows, a row's worth of scrolling before the view freezes);
 * before the first layout, enough for a tall window. */
#define TAIL_MARGIN_ROWS  3
#define TAIL_DEFAULT_ROWS 64

G_DEFINE_FINAL_TYPE (SwyLogView, swy_log_view, GTK_TYPE_WIDGET)

/* Scrolling */

static GtkWidget *
find_list_view (GtkColumnView *column_view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;

  return NULL;
}

static void queue_frame_work (SwyLogView *self);
static void update_tail_size (SwyLogView *self);

static void
scroll_to_row (SwyLogView *self,
               guint       position)
{
  self->scroll_pending = TRUE;
  self->scroll_to_end = FALSE;
  self->scroll_target = position;
  queue_frame_work (self);
}

static void
scroll_to_end (SwyLogView *self)
{
  self->scroll_pending = TRUE;
  self->scroll_to_end = TRUE;
  queue_frame_work (self);
}

/* GTK 4.8 has no gtk_column_view_scroll_to(): the list view inside has the
 * action that brings a row into view. Returns FALSE to be called again:
 * before its first allocation the list view knows no row's place. */
static gboolean
do_scroll (SwyLogView *self)
{
  /* The table's rows: the tail's, which start at the model's offset. */
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tail));
  guint offset = swy_log_tail_get_offset (self->tail);
  guint position = self->scroll_to_end ? n - 1 : self->scroll_target - offset;

  if (self->list_view == NULL || n == 0 || (!self->scroll_to_end && self->scroll_target < offset) ||
      position >= n)
    {
      self->scroll_pending = FALSE;
      return TRUE;
    }

  if (gtk_adjustment_get_upper (gtk_scrolled_window_get_vadjustment (self->scroller)) <= 0)
    return FALSE;

  gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", position);
  self->scroll_pending = FALSE;

  return TRUE;
}

/* The tail while following */

/* The height of the table's rows, from a row laid out; 0 before one is. */
static int
measure_row_height (SwyLogView *self)
{
  for (GtkWidget *child = self->list_view ? gtk_widget_get_first_child (self->list_view) : NULL;
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_mapped (child) && gtk_widget_get_height (child) > 0)
      return gtk_widget_get_height (child);

  return 0;
}

/* How many rows the tail holds: the rows that fit and a margin. */
static guint
tail_rows (SwyLogView *self)
{
  int page = (int) gtk_adjustment_get_page_size (gtk_scrolled_window_get_vadjustment (self->scroller));
  int row_height = measure_row_height (self);
  guint size = swy_log_tail_get_size (self->tail);

  if (row_height > 0)
    self->row_height = row_height;
  if (self->row_height <= 0 || page <= 0)
    return size != G_MAXUINT ? size : TAIL_DEFAULT_ROWS;

  return (guint) ((page + self->row_height - 1) / self->row_height) + TAIL_MARGIN_ROWS;
}

/* Following, the tail; frozen, every row. */
static void
update_tail_size (SwyLogView *self)
{
  guint size = self->following ? tail_rows (self) : G_MAXUINT;

  self->tail_size_pending = FALSE;
  if (size == swy_log_tail_get_size (self->tail))
    return;

  swy_log_tail_set_size (self->tail, size);
  /* Another size of the tail: its rows show other records. */
  if (self->following)
    scroll_to_end (self);
}

static void
page_size_changed_cb (SwyLogView *self)
{
  if (self->following)
    {
      self->tail_size_pending = TRUE;
      queue_frame_work (self);
    }
}

/* Anything that moves the view up from the end freezes it. The wheel and
 * the scrollbar are caught before they scroll (below); this catches the
 * rest, such as a touchscreen pan or a program setting the adjustment.
 * GTK's own scrolling while following keeps the end in view. */
static void
value_changed_cb (SwyLogView    *self,
                  GtkAdjustment *adjustment)
{
  double value = gtk_adjustment_get_value (adjustment);
  double last = self->last_value;

  self->last_value = value;
  if (self->following && value < last &&
      value + gtk_adjustment_get_page_size (adjustment) < gtk_adjustment_get_upper (adjustment) - 1)
    swy_log_view_set_following (self, FALSE);
}

static void
update_jump_button (SwyLogView *self)
{
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  g_autofree char *text = NULL;

  if (self->n_new > 0)
    text = g_strdup_printf (ngettext ("%u New Record", "%u New Records", self->n_new), self->n_new);
  else
    text = g_strdup (_("Jump to Live"));

  gtk_label_set_text (self->jump_label, text);
  gtk_revealer_set_reveal_child (self->jump_revealer, !self->following && n > 0);
}

/* Status */

static void
update_status (SwyLogView *self)
{
  guint shown = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  guint total = self->replay ? swy_replay_get_n_shown (self->replay)
              : self->trace ? g_list_model_get_n_items (G_LIST_MODEL (self->trace)) : 0;
  g_autofree char *count = NULL;

  self->status_pending = FALSE;

  if (shown == total)
    count = g_strdup_printf (ngettext ("%'u record", "%'u records", total), total);
  else
    /* Translators: records shown by the event log, of all records in the trace */
    count = g_strdup_printf (ngettext ("%'u of %'u record", "%'u of %'u records", total), shown, total);
  gtk_label_set_text (self->count_label, count);

  if (shown > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "log");
    }
  else if (total == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Events Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Run the graph: every emission, delivery and drop appears here"));
      gtk_widget_set_visible (GTK_WIDGET (self->clear_filters_button), FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      gboolean filtered = swy_log_model_get_filtered (self->model);

      adw_status_page_set_title (self->empty_page, _("No Matching Events"));
      adw_status_page_set_description (self->empty_page,
                                       filtered ? _("No record of the trace passes the filters")
                                                : _("Every record of the trace is hidden"));
      gtk_button_set_label (self->clear_filters_button, filtered ? _("_Clear Filters") : _("_Show Hidden"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->clear_filters_button),
                                      filtered ? "log.clear-filters" : "log.show-all");
      gtk_widget_set_visible (GTK_WIDGET (self->clear_filters_button), TRUE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }

  update_jump_button (self);
}

/* Once per frame, in the frame clock's update phase (before layout): the
 * model catches up with the trace, then the counts and the scrolling
 * follow. The engine may run hundreds of batches between two frames. */
static gboolean
frame_tick_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  SwyLogView *self = SWY_LOG_VIEW (widget);
  gboolean waiting = FALSE;

  if (self->tail_size_pending)
    update_tail_size (self);

  if (self->model != NULL && swy_log_model_get_pending (self->model))
    {
      gint64 start = g_get_monotonic_time ();

      if (!self->following && start < self->next_update)
        {
          waiting = TRUE;
        }
      else
        {
          swy_log_model_update (self->model);
          if (self->scroll_pending)
            do_scroll (self);
          /* Following, the table binds only the tail's rows (a screenful)
           * whatever arrived, so it catches up every frame. Frozen, new
           * rows land outside the view and only the counts change: it
           * appends at most 20 times a second and backs off to spend at
           * most about a quarter of the time on its updates. */
          self->next_update = start + CLAMP (4 * (g_get_monotonic_time () - start),
                                             MIN_UPDATE_DELAY_US, MAX_UPDATE_DELAY_US);
        }
    }

  if (self->status_pending)
    update_status (self);

  if (self->scroll_pending && !do_scroll (self))
    waiting = TRUE;

  /* The tail's size needs a row's height, known once one is laid out. */
  if (self->following && self->row_height == 0 && gtk_widget_get_mapped (widget) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->tail)) > 0)
    {
      self->tail_size_pending = TRUE;
      waiting = TRUE;
    }

  if (waiting)
    return G_SOURCE_CONTINUE;

  self->frame_tick = 0;

  return G_SOURCE_REMOVE;
}

static void
queue_frame_work (SwyLogView *self)
{
  if (self->frame_tick == 0)
    self->frame_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), frame_tick_cb, NULL, NULL);
}

static void
queue_status (SwyLogView *self)
{
  self->status_pending = TRUE;
  queue_frame_work (self);
}

static void
model_pending_cb (SwyLogView  *self,
                  GParamSpec  *pspec,
                  SwyLogModel *model)
{
  if (swy_log_model_get_pending (model))
    queue_frame_work (self);
}

/* Cells */

/* Cells are inscriptions, not labels: a GtkInscription's size does not
 * follow its text, so rebinding the rows on screen (every row moves when
 * an update appends records) redraws them without measuring each row again
 * (a GtkLabel queues a resize at every new text). */
static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               SwyLogView               *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  const ColumnInfo *info = &column_info[column];
  GtkWidget *cell = gtk_inscription_new (NULL);
  GtkInscription *inscription = GTK_INSCRIPTION (cell);

  gtk_inscription_set_xalign (inscription, info->xalign);
  gtk_inscription_set_min_lines (inscription, 1);
  gtk_inscription_set_nat_lines (inscription, 1);
  gtk_inscription_set_text_overflow (inscription, info->xalign == 0.0
                                                  ? GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END
                                                  : GTK_INSCRIPTION_OVERFLOW_CLIP);
  if (info->css_class != NULL)
    gtk_widget_add_css_class (cell, info->css_class);

  /* For the context menu: which row a picked widget belongs to. */
  g_object_set_data (G_OBJECT (cell), "swy-list-item", list_item);
  g_object_set_data (G_OBJECT (cell), "swy-column", GINT_TO_POINTER (column));
  gtk_list_item_set_child (list_item, cell);
}

static void
set_kind_class (GtkInscription *label,
                SwyTraceKind    kind)
{
  static const char *classes[][3] = {
    [SWY_TRACE_KIND_EMIT] = { "log-kind", "emit", NULL },
    [SWY_TRACE_KIND_DELIVER] = { "log-kind", "deliver", NULL },
    [SWY_TRACE_KIND_DROP] = { "log-kind", "drop", NULL },
  };
  int shown = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "swy-kind")) - 1;

  /* Restyling costs more than a text: only when the kind changes. */
  if (shown != (int) kind)
    {
      gtk_widget_set_css_classes (GTK_WIDGET (label), classes[kind]);
      g_object_set_data (G_OBJECT (label), "swy-kind", GINT_TO_POINTER (kind + 1));
    }
}

static void
bind_kind (GtkInscription *label,
           SwyTraceRecord *record)
{
  SwyTraceKind kind = swy_trace_record_get_kind (record);
  char buf[128];

  switch (kind)
    {
    case SWY_TRACE_KIND_EMIT:
      gtk_inscription_set_text (label, C_("trace kind", "Emit"));
      break;

    case SWY_TRACE_KIND_DELIVER:
      gtk_inscription_set_text (label, C_("trace kind", "Deliver"));
      break;

    case SWY_TRACE_KIND_DROP:
      /* Translators: a drop in the event log, with its reason (“overflow”, “loss”…) */
      g_snprintf (buf, sizeof buf, _("Drop: %s"), swy_trace_record_get_reason (record));
      gtk_inscription_set_text (label, buf);
      break;

    default:
      g_assert_not_reached ();
    }

  set_kind_class (label, kind);
}

static void
bind_route (GtkInscription *label,
            SwyTraceRecord *record)
{
  const char *node = swy_trace_record_get_node_id (record);
  const char *from = swy_trace_record_get_from_node_id (record);
  char buf[256];

  if (swy_trace_record_get_kind (record) == SWY_TRACE_KIND_EMIT)
    g_snprintf (buf, sizeof buf, "%s →", node);
  else if (from != NULL)
    g_snprintf (buf, sizeof buf, "%s → %s", from, node);
  else
    g_snprintf (buf, sizeof buf, "→ %s", node);

  gtk_inscription_set_text (label, buf);
}

static void
set_cell (GtkInscription *label,
          SwyTraceRecord *record)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (label), "swy-column"));
  g_autofree char *payload = NULL;
  char buf[64];

  if (record == NULL)
    return;

  switch (column)
    {
    case COLUMN_TIME:
      swy_log_format_time (swy_trace_record_get_time (record), buf, sizeof buf);
      gtk_inscription_set_text (label, buf);
      break;

    case COLUMN_KIND:
      bind_kind (label, record);
      break;

    case COLUMN_EVENT:
      g_snprintf (buf, sizeof buf, "#%" G_GUINT64_FORMAT, swy_trace_record_get_event_id (record));
      gtk_inscription_set_text (label, buf);
      break;

    case COLUMN_TOPIC:
      gtk_inscription_set_text (label, swy_trace_record_get_topic (record));
      break;

    case COLUMN_ROUTE:
      bind_route (label, record);
      break;

    case COLUMN_DEPTH:
      g_snprintf (buf, sizeof buf, "%u", swy_trace_record_get_depth (record));
      gtk_inscription_set_text (label, buf);
      break;

    case COLUMN_PAYLOAD:
      payload = g_variant_print (swy_event_get_payload (swy_trace_record_get_event (record)), FALSE);
      gtk_inscription_set_text (label, payload);
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
slot_item_changed_cb (SwyLogSlot     *slot,
                      GParamSpec     *pspec,
                      GtkInscription *label)
{
  set_cell (label, swy_log_slot_get_item (slot));
}

/* A row is a slot of the tail, whose record changes as records stream in
 * and when a filter changes (swy-log-tail.c). */
static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              SwyLogView               *self)
{
  SwyLogSlot *slot = SWY_LOG_SLOT (gtk_list_item_get_item (list_item));
  GtkInscription *label = GTK_INSCRIPTION (gtk_list_item_get_child (list_item));

  g_signal_connect_object (slot, "notify::item", G_CALLBACK (slot_item_changed_cb), label, 0);
  set_cell (label, swy_log_slot_get_item (slot));
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                SwyLogView               *self)
{
  GObject *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_data (item, gtk_list_item_get_child (list_item));
}

static void
add_columns (SwyLogView *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell_cb), self);

      column = gtk_column_view_column_new (_(column_info[i].title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      if (column_info[i].fixed_width > 0)
        gtk_column_view_column_set_fixed_width (column, column_width (self, &column_info[i]));
      else
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }
}

/* Linked selection */

static void
select_row (SwyLogView *self,
            guint       position)
{
  self->syncing_selection = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing_selection = FALSE;
}

static guint64
row_event (SwyLogView *self,
           guint       position)
{
  SwyTraceRecordData data;

  if (self->model == NULL || !swy_log_model_peek (self->model, position, &data))
    return 0;

  return data.event_id;
}

/* Selects the first row of the view state's event, if it is not selected
 * already; returns whether a row shows it. */
static gboolean
select_event (SwyLogView *self,
              guint64     event_id)
{
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint position;

  if (event_id != 0 && selected != GTK_INVALID_LIST_POSITION && row_event (self, selected) == event_id)
    return TRUE;

  position = self->model ? swy_log_model_find_event (self->model, event_id) : GTK_INVALID_LIST_POSITION;
  select_row (self, position);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;

  swy_log_view_set_following (self, FALSE);
  scroll_to_row (self, position);

  return TRUE;
}

static void
selected_event_changed_cb (SwyLogView   *self,
                           GParamSpec   *pspec,
                           SwyViewState *view_state)
{
  select_event (self, swy_view_state_get_selected_event (view_state));
}

static void
selection_changed_cb (SwyLogView         *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  guint64 event_id;

  if (self->syncing_selection || self->view_state == NULL)
    return;

  /* A row that leaves the ring unselects itself: that is no choice of the
   * user's, and the other views keep the event. */
  event_id = row_event (self, gtk_single_selection_get_selected (selection));
  if (event_id == 0 || event_id == swy_view_state_get_selected_event (self->view_state))
    return;

  swy_log_view_set_following (self, FALSE);
  swy_view_state_set_selected_event (self->view_state, event_id);
}

static void
rows_changed_cb (SwyLogView *self,
                 guint       position,
                 guint       removed,
                 guint       added,
                 GListModel *selection)
{
  guint64 wanted = self->view_state ? swy_view_state_get_selected_event (self->view_state) : 0;
  gboolean was_following = self->following;

  /* The event selected elsewhere may have arrived only now. */
  if (wanted != 0 && added > 0 &&
      gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    {
      for (guint i = position; i < position + added; i++)
        if (row_event (self, i) == wanted)
          {
            select_row (self, i);
            swy_log_view_set_following (self, FALSE);
            scroll_to_row (self, i);
            break;
          }
    }

  if (added > 0 && position + added == g_list_model_get_n_items (selection))
    {
      if (self->following)
        scroll_to_end (self);
      else if (!was_following && removed == 0 && !swy_log_model_get_replacing (self->model))
        self->n_new += added;
    }

  queue_status (self);
}

/* Filters */

static SwyLogKinds
kinds_from_buttons (SwyLogView *self)
{
  return (gtk_toggle_button_get_active (self->emit_button) ? SWY_LOG_KINDS_EMIT : 0) |
         (gtk_toggle_button_get_active (self->deliver_button) ? SWY_LOG_KINDS_DELIVER : 0) |
         (gtk_toggle_button_get_active (self->drop_button) ? SWY_LOG_KINDS_DROP : 0);
}

static void
kinds_toggled_cb (SwyLogView *self)
{
  if (self->model != NULL)
    swy_log_model_set_kinds (self->model, kinds_from_buttons (self));
}

static void
search_changed_cb (SwyLogView *self)
{
  if (self->model != NULL)
    swy_log_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Applies the pattern when it is valid; an invalid one is marked and the
 * previous filter stays, so that the log does not flicker while typing. */
static void
topic_changed_cb (SwyLogView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->topic_entry));
  g_autoptr(GError) error = NULL;

  if (text[0] != '\0' && !swy_topic_pattern_validate (text, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->topic_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->topic_entry), error->message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->topic_entry),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->topic_entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->topic_entry),
                               _("Show only topics that match an MQTT pattern: “+” is one level, “#” the rest"));
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->topic_entry), GTK_ACCESSIBLE_STATE_INVALID);
  if (self->model != NULL)
    swy_log_model_set_topic_pattern (self->model, text);
}

static const char *
selected_node (SwyLogView *self)
{
  guint selected = gtk_drop_down_get_selected (self->node_dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return gtk_string_list_get_string (self->node_ids, selected);
}

static void
node_selected_cb (SwyLogView *self)
{
  if (!self->syncing_nodes && self->model != NULL)
    swy_log_model_set_node (self->model, selected_node (self));
}

static guint
find_node_id (SwyLogView *self,
              const char *node_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->node_ids));

  for (guint i = 1; node_id != NULL && i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->node_ids, i), node_id) == 0)
      return i;

  return 0;
}

/* Shows the model's node filter in the drop-down, adding an id the graph
 * no longer has (the trace keeps ids as they were). */
static void
model_node_changed_cb (SwyLogView  *self,
                       GParamSpec  *pspec,
                       SwyLogModel *model)
{
  const char *node_id = swy_log_model_get_node (model);
  guint index = find_node_id (self, node_id);

  if (node_id != NULL && index == 0)
    {
      gtk_string_list_append (self->node_ids, node_id);
      index = g_list_model_get_n_items (G_LIST_MODEL (self->node_ids)) - 1;
    }

  self->syncing_nodes = TRUE;
  gtk_drop_down_set_selected (self->node_dropdown, index);
  self->syncing_nodes = FALSE;
}

static void
rebuild_node_ids (SwyLogView *self)
{
  GListModel *nodes = self->graph ? swy_graph_get_nodes (self->graph) : NULL;
  guint n = nodes ? g_list_model_get_n_items (nodes) : 0;
  g_autofree const char **ids = g_new0 (const char *, n + 2);

  ids[0] = _("All Nodes");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (nodes, i);

      ids[i + 1] = swy_node_get_id (node);
    }

  self->syncing_nodes = TRUE;
  gtk_string_list_splice (self->node_ids, 0, g_list_model_get_n_items (G_LIST_MODEL (self->node_ids)),
                          ids);
  gtk_drop_down_set_selected (self->node_dropdown, 0);
  self->syncing_nodes = FALSE;

  if (self->model != NULL)
    model_node_changed_cb (self, NULL, self->model);
}

/* Noise control: the view state's hidden nodes and topics */

static GtkWidget *
hidden_row (const char *title,
            const char *action,
            const char *target)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("view-reveal-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), target);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), title);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Show"));
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
noise_changed_cb (SwyLogView *self)
{
  g_auto(GStrv) nodes = NULL;
  g_auto(GStrv) topics = NULL;
  g_autofree char *text = NULL;
  GtkWidget *child;
  guint n_nodes, n_topics;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->hidden_list))) != NULL)
    gtk_list_box_remove (self->hidden_list, child);

  if (self->view_state == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->hidden_button), FALSE);
      return;
    }

  nodes = swy_view_state_dup_hidden_nodes (self->view_state);
  topics = swy_view_state_dup_hidden_topics (self->view_state);
  n_nodes = g_strv_length (nodes);
  n_topics = g_strv_length (topics);

  for (guint i = 0; i < n_nodes; i++)
    gtk_list_box_append (self->hidden_list, hidden_row (_("Node"), "log.show-node", nodes[i]));
  for (guint i = 0; i < n_topics; i++)
    gtk_list_box_append (self->hidden_list, hidden_row (_("Topic"), "log.show-topic", topics[i]));

  if (n_nodes + n_topics == 1)
    /* Translators: the one node or topic hidden from the log, as in “Hidden: tick” */
    text = g_strdup_printf (_("Hidden: %s"), n_nodes ? nodes[0] : topics[0]);
  else
    text = g_strdup_printf (ngettext ("%u Hidden", "%u Hidden", n_nodes + n_topics), n_nodes + n_topics);
  gtk_label_set_text (self->hidden_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->hidden_button), n_nodes + n_topics > 0);

  update_status (self);
}

/* Context menu */

/* Takes @label. */
static void
append_item (GMenu      *menu,
             char       *label,
             const char *action,
             const char *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (target));
  g_menu_append_item (menu, item);
  g_free (label);
}

static char *
dup_jsonl (SwyLogView               *self,
           const SwyTraceRecordData *data)
{
  SwyTraceRecordData first;

  if (!swy_trace_peek (self->trace, 0, &first) || data->number < first.number)
    return NULL;

  return swy_trace_format_jsonl (self->trace, (guint) (data->number - first.number));
}

static GMenuModel *
build_context_menu (SwyLogView               *self,
                    const SwyTraceRecordData *data)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) only = g_menu_new ();
  g_autoptr(GMenu) hide = g_menu_new ();
  g_autoptr(GMenu) copy = g_menu_new ();
  const char *node = g_quark_to_string (data->node);
  const char *from = data->from_node ? g_quark_to_string (data->from_node) : NULL;
  const char *topic = g_quark_to_string (data->topic);
  g_autofree char *line = dup_jsonl (self, data);
  g_autoptr(GMenuItem) copy_item = NULL;

  /* Translators: context menu of the event log; %s is a node id */
  append_item (only, g_strdup_printf (_("Show Only Node “%s”"), node), "log.only-node", node);
  if (from != NULL)
    append_item (only, g_strdup_printf (_("Show Only Node “%s”"), from), "log.only-node", from);
  /* Translators: context menu of the event log; %s is a topic */
  append_item (only, g_strdup_printf (_("Show Only Topic “%s”"), topic), "log.only-topic", topic);

  /* Translators: context menu of the event log; %s is a node id */
  append_item (hide, g_strdup_printf (_("Hide Node “%s”"), node), "log.hide-node", node);
  if (from != NULL)
    append_item (hide, g_strdup_printf (_("Hide Node “%s”"), from), "log.hide-node", from);
  /* Translators: context menu of the event log; %s is a topic */
  append_item (hide, g_strdup_printf (_("Hide Topic “%s”"), topic), "log.hide-topic", topic);

  if (line != NULL)
    {
      copy_item = g_menu_item_new (_("Copy as JSON"), NULL);
      g_menu_item_set_action_and_target_value (copy_item, "log.copy-text", g_variant_new_string (line));
      g_menu_append_item (copy, copy_item);
    }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (only));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (hide));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (copy));

  return G_MENU_MODEL (menu);
}

static void
show_context_menu (SwyLogView *self,
                   double      x,
                   double      y)
{
  g_autoptr(GMenuModel) menu = NULL;
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  GtkListItem *list_item = NULL;
  SwyTraceRecordData data;
  double sx = 0, sy = 0;
  guint position;

  for (GtkWidget *w = picked; w != NULL && list_item == NULL; w = gtk_widget_get_parent (w))
    list_item = g_object_get_data (G_OBJECT (w), "swy-list-item");
  if (list_item == NULL || self->model == NULL)
    return;

  /* The row's position in the table, the tail's, is offset in the model. */
  position = gtk_list_item_get_position (list_item) + swy_log_tail_get_offset (self->tail);
  if (!swy_log_model_peek (self->model, position, &data))
    return;

  gtk_single_selection_set_selected (self->selection, position);

  menu = build_context_menu (self, &data);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), menu);
  gtk_widget_translate_coordinates (GTK_WIDGET (self->column_view), GTK_WIDGET (self), x, y, &sx, &sy);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) sx, (int) sy, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
context_click_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  SwyLogView      *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  show_context_menu (self, x, y);
}

static void
context_long_press_cb (GtkGestureLongPress *gesture,
                       double               x,
                       double               y,
                       SwyLogView          *self)
{
  show_context_menu (self, x, y);
}

/* Freezing when the user scrolls back */

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           SwyLogView               *self)
{
  if (dy < 0)
    swy_log_view_set_following (self, FALSE);

  return FALSE;
}

static void
scrollbar_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      SwyLogView      *self)
{
  swy_log_view_set_following (self, FALSE);
}

/* Actions */

static void
hide_node_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SwyLogView *self = SWY_LOG_VIEW (widget);

  if (self->view_state != NULL)
    swy_view_state_set_node_hidden (self->view_state, g_variant_get_string (parameter, NULL),
                                    g_str_equal (action_name, "log.hide-node"));
}

static void
hide_topic_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SwyLogView *self = SWY_LOG_VIEW (widget);

  if (self->view_state != NULL)
    swy_view_state_set_topic_hidden (self->view_state, g_variant_get_string (parameter, NULL),
                                     g_str_equal (action_name, "log.hide-topic"));
}

static void
show_all_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SwyLogView *self = SWY_LOG_VIEW (widget);
  g_auto(GStrv) nodes = NULL;
  g_auto(GStrv) topics = NULL;

  if (self->view_state == NULL)
    return;

  nodes = swy_view_state_dup_hidden_nodes (self->view_state);
  topics = swy_view_state_dup_hidden_topics (self->view_state);
  for (guint i = 0; nodes[i] != NULL; i++)
    swy_view_state_set_node_hidden (self->view_state, nodes[i], FALSE);
  for (guint i = 0; topics[i] != NULL; i++)
    swy_view_state_set_topic_hidden (self->view_state, topics[i], FALSE);
  gtk_menu_button_popdown (self->hidden_button);
}

static void
only_node_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SwyLogView *self = SWY_LOG_VIEW (widget);

  if (self->model != NULL)
    swy_log_model_set_node (self->model, g_variant_get_string (parameter, NULL));
}

static void
only_topic_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SwyLogView *self = SWY_LOG_VIEW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->topic_entry), g_variant_get_string (parameter, NULL));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SwyLogView *self = SWY_LOG_VIEW (widget);

  gtk_drop_down_set_selected (self->node_dropdown, 0);
  if (self->model != NULL)
    swy_log_model_set_node (self->model, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->topic_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_toggle_button_set_active (self->emit_button, TRUE);
  gtk_toggle_button_set_active (self->deliver_button, TRUE);
  gtk_toggle_button_set_active (self->drop_button, TRUE);
  /* The search entry reports its change after a delay: apply it now. */
  search_changed_cb (self);
}

static void
copy_text_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), g_variant_get_string (parameter, NULL));
}

static void
jump_to_live_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  swy_log_view_set_following (SWY_LOG_VIEW (widget), TRUE);
}

/* Model */

static void
recreate_model (SwyLogView *self)
{
  g_autoptr(SwyLogModel) model = NULL;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);

  if (self->trace != NULL)
    {
      const char *topic = gtk_editable_get_text (GTK_EDITABLE (self->topic_entry));

      model = swy_log_model_new (self->trace, self->view_state);
      swy_log_model_set_auto_update (model, FALSE);
      swy_log_model_set_kinds (model, kinds_from_buttons (self));
      swy_log_model_set_search (model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      if (swy_topic_pattern_validate (topic, NULL))
        swy_log_model_set_topic_pattern (model, topic);
      g_signal_connect_object (model, "notify::node", G_CALLBACK (model_node_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "notify::filtered", G_CALLBACK (update_status), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (model, "notify::pending", G_CALLBACK (model_pending_cb), self,
                               G_CONNECT_SWAPPED);
      if (self->replay != NULL)
        swy_log_model_set_limit (model, swy_replay_get_n_shown (self->replay));
    }

  g_set_object (&self->model, model);
  self->n_new = 0;

  self->syncing_selection = TRUE;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->model));
  self->syncing_selection = FALSE;

  rebuild_node_ids (self);
  if (self->view_state != NULL)
    select_event (self, swy_view_state_get_selected_event (self->view_state));
  if (self->following)
    scroll_to_end (self);
  update_status (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/* GObject */

static void
swy_log_view_dispose (GObject *object)
{
  SwyLogView *self = SWY_LOG_VIEW (object);
  GtkWidget *child;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->graph != NULL)
    g_signal_handlers_disconnect_by_data (swy_graph_get_nodes (self->graph), self);
  if (self->trace != NULL)
    g_signal_handlers_disconnect_by_data (self->trace, self);
  if (self->replay != NULL)
    g_signal_handlers_disconnect_by_data (self->replay, self);
  if (self->view_state != NULL)
    g_signal_handlers_disconnect_by_data (self->view_state, self);
  if (self->scroller != NULL)
    g_signal_handlers_disconnect_by_data (gtk_scrolled_window_get_vadjustment (self->scroller), self);

  if (self->frame_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->frame_tick);
  self->frame_tick = 0;
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), SWY_TYPE_LOG_VIEW);
  /* The bar, the separator and the overlay are stacked by a box layout. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->tail);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->node_ids);
  g_clear_object (&self->graph);
  g_clear_object (&self->replay);
  g_clear_object (&self->trace);
  g_clear_object (&self->view_state);

  G_OBJECT_CLASS (swy_log_view_parent_class)->dispose (object);
}

static void
swy_log_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SwyLogView *self = SWY_LOG_VIEW (object);

  switch (prop_id)
    {
    case PROP_GRAPH:
      g_value_set_object (value, swy_log_view_get_graph (self));
      break;

    case PROP_VIEW_STATE:
      g_value_set_object (value, swy_log_view_get_view_state (self));
      break;

    case PROP_MODEL:
      g_value_set_object (value, swy_log_view_get_model (self));
      break;

    case PROP_FOLLOWING:
      g_value_set_boolean (value, swy_log_view_get_following (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_log_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SwyLogView *self = SWY_LOG_VIEW (object);

  switch (prop_id)
    {
    case PROP_GRAPH:
      swy_log_view_set_graph (self, g_value_get_object (value));
      break;

    case PROP_VIEW_STATE:
      swy_log_view_set_view_state (self, g_value_get_object (value));
      break;

    case PROP_FOLLOWING:
      swy_log_view_set_following (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_log_view_class_init (SwyLogViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = swy_log_view_dispose;
  object_class->get_property = swy_log_view_get_property;
  object_class->set_property = swy_log_view_set_property;

  /* The graph whose trace the log shows. */
  properties[PROP_GRAPH] =
    g_param_spec_object ("graph", NULL, NULL, SWY_TYPE_GRAPH,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The window's shared selection and noise filter. */
  properties[PROP_VIEW_STATE] =
    g_param_spec_object ("view-state", NULL, NULL, SWY_TYPE_VIEW_STATE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, SWY_TYPE_LOG_MODEL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Whether new rows scroll the log to its end. */
  properties[PROP_FOLLOWING] =
    g_param_spec_boolean ("following", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SWY_TYPE_WRAP_BOX);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/swy-log-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SwyLogView, clear_filters_button);
  gtk_widget_class_bind_template_child (widget_class, SwyLogView, column_view);
  gtk_widget_class_bind_template_child (widget_class, SwyLogView, count_label);
  gtk_widget_class_bind_template_child (widget_class, SwyLogView, deliver_button);
  gtk_widget_class_bind_template_child (widget_class, SwyLogView, drop_button);
  gtk_widget_class_bind_template_child (widget_class, SwyLogView, emit_button);
  gtk_widget_class_bind_template_child (widget_class, SwyLogView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SwyLogView, follow_button);
  gtk_widget_class_bind_template_child (widget_class, SwyLogView, hidden_button);
  gtk_widget_class_bind_template_child (widget_class, SwyLogView, hidden_label);
  gtk_widget_class_bind_template_child (widget_class, SwyLogView, hidden_list);
  gtk_widget_class_bind_template_child (widget_class, SwyLogView, jump_label);
  gtk_widget_class_bind_template_child (widget_class, SwyLogView, jump_revealer);
  gtk_widget_class_bind_template_child (widget_class, SwyLogView, node_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SwyLogView, scroller);
  gtk_widget_class_bind_template_child (widget_class, SwyLogView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SwyLogView, stack);
  gtk_widget_class_bind_template_child (widget_class, SwyLogView, topic_entry);
  gtk_widget_class_bind_template_callback (widget_class, kinds_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, topic_changed_cb);

  gtk_widget_class_install_action (widget_class, "log.hide-node", "s", hide_node_action);
  gtk_widget_class_install_action (widget_class, "log.show-node", "s", hide_node_action);
  gtk_widget_class_install_action (widget_class, "log.hide-topic", "s", hide_topic_action);
  gtk_widget_class_install_action (widget_class, "log.show-topic", "s", hide_topic_action);
  gtk_widget_class_install_action (widget_class, "log.show-all", NULL, show_all_action);
  gtk_widget_class_install_action (widget_class, "log.only-node", "s", only_node_action);
  gtk_widget_class_install_action (widget_class, "log.only-topic", "s", only_topic_action);
  gtk_widget_class_install_action (widget_class, "log.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "log.copy-text", "s", copy_text_action);
  gtk_widget_class_install_action (widget_class, "log.jump-to-live", NULL, jump_to_live_action);

  gtk_widget_class_set_css_name (widget_class, "swy-log-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
swy_log_view_init (SwyLogView *self)
{
  GtkEventController *scroll;
  GtkAdjustment *vadjustment;
  GtkGesture *gesture;

  self->following = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->node_ids = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->node_dropdown, G_LIST_MODEL (self->node_ids));
  g_signal_connect_swapped (self->node_dropdown, "notify::selected", G_CALLBACK (node_selected_cb), self);

  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  self->tail = swy_log_tail_new (GTK_SELECTION_MODEL (self->selection));
  swy_log_tail_set_size (self->tail, TAIL_DEFAULT_ROWS);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->tail));
  /* After the tail's and so the column view's own handlers: the table is
   * up to date when it runs. */
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (rows_changed_cb), self);
  add_columns (self);
  self->list_view = find_list_view (self->column_view);

  vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect_swapped (vadjustment, "notify::page-size", G_CALLBACK (page_size_changed_cb), self);
  g_signal_connect_swapped (vadjustment, "value-changed", G_CALLBACK (value_changed_cb), self);

  g_object_bind_property (self, "following", self->follow_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  /* The user scrolling back freezes the log. */
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), scroll);

  gesture = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (scrollbar_pressed_cb), self);
  gtk_widget_add_controller (gtk_scrolled_window_get_vscrollbar (self->scroller),
                             GTK_EVENT_CONTROLLER (gesture));

  /* Context menu of a row. */
  self->context_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (context_click_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (gesture), TRUE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (context_long_press_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (gesture));

  rebuild_node_ids (self);
  noise_changed_cb (self);
  update_status (self);
}

/**
 * swy_log_view_new:
 * @graph: (nullable): the graph whose trace to show
 * @view_state: (nullable): the window's view state
 *
 * Returns: (transfer floating): a new event log
 */
GtkWidget *
swy_log_view_new (SwyGraph     *graph,
                  SwyViewState *view_state)
{
  return g_object_new (SWY_TYPE_LOG_VIEW,
                       "graph", graph,
                       "view-state", view_state,
                       NULL);
}

SwyGraph *
swy_log_view_get_graph (SwyLogView *self)
{
  g_return_val_if_fail (SWY_IS_LOG_VIEW (self), NULL);

  return self->graph;
}

/* The records come from the replay when there is one, else from the graph. */
static void
set_trace (SwyLogView *self)
{
  SwyTrace *trace = self->replay != NULL ? swy_replay_get_trace (self->replay)
                  : self->graph != NULL ? swy_graph_get_trace (self->graph)
                  : NULL;

  if (self->trace != NULL)
    g_signal_handlers_disconnect_by_data (self->trace, self);
  g_set_object (&self->trace, trace);
  if (trace != NULL)
    g_signal_connect_object (trace, "notify::n-items", G_CALLBACK (queue_status), self,
                             G_CONNECT_SWAPPED);
  recreate_model (self);
}

void
swy_log_view_set_graph (SwyLogView *self,
                        SwyGraph   *graph)
{
  g_return_if_fail (SWY_IS_LOG_VIEW (self));
  g_return_if_fail (graph == NULL || SWY_IS_GRAPH (graph));

  if (self->graph == graph)
    return;

  if (self->graph != NULL)
    g_signal_handlers_disconnect_by_data (swy_graph_get_nodes (self->graph), self);
  if (self->trace != NULL)
    g_signal_handlers_disconnect_by_data (self->trace, self);

  g_set_object (&self->graph, graph);
  if (graph != NULL)
    g_signal_connect_object (swy_graph_get_nodes (graph), "items-changed",
                             G_CALLBACK (rebuild_node_ids), self, G_CONNECT_SWAPPED);

  /* Node ids of another graph mean nothing here. */
  gtk_drop_down_set_selected (self->node_dropdown, 0);
  set_trace (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRAPH]);
}

static void
replay_shown_changed_cb (SwyLogView *self)
{
  if (self->model != NULL)
    swy_log_model_set_limit (self->model, swy_replay_get_n_shown (self->replay));
  queue_status (self);
}

/**
 * swy_log_view_set_replay:
 * @self: a log view
 * @replay: (nullable): a replay of a trace of the log's graph, or `NULL`
 *
 * Shows the records of @replay up to its time instead of the graph's
 * trace, with the same filters; `NULL` goes back to the graph's trace.
 */
void
swy_log_view_set_replay (SwyLogView *self,
                         SwyReplay  *replay)
{
  g_return_if_fail (SWY_IS_LOG_VIEW (self));
  g_return_if_fail (replay == NULL || SWY_IS_REPLAY (replay));

  if (self->replay == replay)
    return;

  if (self->replay != NULL)
    g_signal_handlers_disconnect_by_data (self->replay, self);
  g_set_object (&self->replay, replay);
  if (replay != NULL)
    g_signal_connect_object (replay, "items-changed", G_CALLBACK (replay_shown_changed_cb), self,
                             G_CONNECT_SWAPPED);

  set_trace (self);
}

SwyViewState *
swy_log_view_get_view_state (SwyLogView *self)
{
  g_return_val_if_fail (SWY_IS_LOG_VIEW (self), NULL);

  return self->view_state;
}

void
swy_log_view_set_view_state (SwyLogView   *self,
                             SwyViewState *view_state)
{
  g_return_if_fail (SWY_IS_LOG_VIEW (self));
  g_return_if_fail (view_state == NULL || SWY_IS_VIEW_STATE (view_state));

  if (self->view_state == view_state)
    return;

  if (self->view_state != NULL)
    g_signal_handlers_disconnect_by_data (self->view_state, self);

  g_set_object (&self->view_state, view_state);

  if (view_state != NULL)
    {
      g_signal_connect_object (view_state, "notify::selected-event",
                               G_CALLBACK (selected_event_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (view_state, "noise-changed",
                               G_CALLBACK (noise_changed_cb), self, G_CONNECT_SWAPPED);
    }

  recreate_model (self);
  noise_changed_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW_STATE]);
}

/**
 * swy_log_view_get_model:
 * @self: a log view
 *
 * Returns: (transfer none) (nullable): the filtered records the log shows,
 *   or `NULL` without a graph
 */
SwyLogModel *
swy_log_view_get_model (SwyLogView *self)
{
  g_return_val_if_fail (SWY_IS_LOG_VIEW (self), NULL);

  return self->model;
}

gboolean
swy_log_view_get_following (SwyLogView *self)
{
  g_return_val_if_fail (SWY_IS_LOG_VIEW (self), FALSE);

  return self->following;
}

/**
 * swy_log_view_set_following:
 * @self: a log view
 * @following: whether new rows scroll the log to its end
 *
 * Resumes following (and scrolls to the end) or freezes the log.
 */
void
swy_log_view_set_following (SwyLogView *self,
                            gboolean    following)
{
  g_return_if_fail (SWY_IS_LOG_VIEW (self));

  following = !!following;
  if (self->following == following)
    return;

  self->following = following;
  self->n_new = 0;
  update_tail_size (self);
  if (following)
    scroll_to_end (self);
  update_jump_button (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOWING]);
}

/* For the tests */

GtkColumnView *
_swy_log_view_get_column_view (SwyLogView *self)
{
  return self->column_view;
}

GtkSingleSelection *
_swy_log_view_get_selection (SwyLogView *self)
{
  return self->selection;
}

GtkEditable *
_swy_log_view_get_topic_entry (SwyLogView *self)
{
  return GTK_EDITABLE (self->topic_entry);
}

GtkEditable *
_swy_log_view_get_search_entry (SwyLogView *self)
{
  return GTK_EDITABLE (self->search_entry);
}

GtkDropDown *
_swy_log_view_get_node_dropdown (SwyLogView *self)
{
  return self->node_dropdown;
}

GtkToggleButton *
_swy_log_view_get_kind_button (SwyLogView   *self,
                               SwyTraceKind  kind)
{
  switch (kind)
    {
    case SWY_TRACE_KIND_EMIT:
      return self->emit_button;

    case SWY_TRACE_KIND_DELIVER:
      return self->deliver_button;

    case SWY_TRACE_KIND_DROP:
      return self->drop_button;

    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
_swy_log_view_get_count_text (SwyLogView *self)
{
  update_status (self);

  return gtk_label_get_text (self->count_label);
}

const char *
_swy_log_view_get_hidden_text (SwyLogView *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->hidden_button)) ? gtk_label_get_text (self->hidden_label)
                                                                    : NULL;
}

gboolean
_swy_log_view_get_jump_visible (SwyLogView *self)
{
  update_status (self);

  return gtk_revealer_get_reveal_child (self->jump_revealer);
}

const char *
_swy_log_view_get_jump_text (SwyLogView *self)
{
  update_status (self);

  return gtk_label_get_text (self->jump_label);
}
