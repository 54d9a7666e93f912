/* swy-log-model.c: the trace, filtered, as a list model for the event log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkFilterListModel over a million records re-runs its filter over all
 * of them on every change and keeps a bitset per change; the log instead
 * keeps one array of record numbers (the trace's sequence number of each
 * matching record) and:
 *
 *  - follows the trace at most once per frame: the trace's items-changed
 *    (up to two per engine batch, and a live graph runs hundreds of batches
 *    a second) only marks the model pending; swy_log_model_update() then
 *    drops the rows whose records the ring buffer forgot, from the front,
 *    and appends the matching new records, with one items-changed each.
 *    The log view calls it from its frame clock, before layout; a model
 *    without a view (auto-update) from an idle just above redraw priority;
 *  - rebuilds the array when a filter or the noise filter changes, in one
 *    tight loop over swy_trace_peek(), with verdicts cached per quark
 *    (topics, node ids and reasons are few; records are many).
 *
 * Filters, all of which must pass:
 *  - kinds: emissions, deliveries, drops;
 *  - node: the record's node, or the emitter of a delivery or of a drop on
 *    a wire (“from → to” in the log: either end matches);
 *  - topic pattern: MQTT rules, swy_topic_matches() (an invalid pattern
 *    simply matches what swy_topic_matches() says; the view validates);
 *  - search: case-insensitive text in the topic, the node ids, the port,
 *    the drop reason or the printed payload; “#42” is event 42 exactly;
 *  - the view state's noise filter: hidden nodes (the record's node, as
 *    swy_view_state_is_record_hidden() decides) and hidden topics.
 *
 * Between a batch and the next update a row may name a record the ring has
 * forgotten. Rows GTK shows keep their item (the cache below returns the
 * object GTK holds); another such row gives NULL until the update removes
 * it. GTK asks for new rows only while laying out, after the update, or
 * when selecting (GtkSingleSelection takes NULL as no selection).
 */

#define G_LOG_DOMAIN "swy-log-model"

#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "swy-log-model.h"

/* Auto-update: after the engine's batches (G_PRIORITY_DEFAULT), before GTK
 * lays out and paints (GDK_PRIORITY_REDRAW). */
#define UPDATE_PRIORITY (GDK_PRIORITY_REDRAW - 5)

/* Verdicts cached per quark; each role (topic, node, text) has a bit that
 * says it is known. A string can be both a topic and a node id. */
enum {
  TOPIC_KNOWN = 1 << 0,
  TOPIC_PASS  = 1 << 1,
  NODE_KNOWN  = 1 << 2,
  NODE_HIDDEN = 1 << 3,
  TEXT_KNOWN  = 1 << 4,
  TEXT_MATCH  = 1 << 5,
};

struct _SwyLogModel
{
  GObject       parent_instance;

  SwyTrace     *trace;
  SwyViewState *view_state;

  /* Filters */
  char         *node;
  GQuark        node_quark;
  char         *topic_pattern;
  SwyLogKinds   kinds;
  char         *search;
  char         *search_folded;     /* casefolded; NULL without a search */
  gboolean      search_is_ascii;
  guint64       search_event_id;   /* from “#42”, else 0 */
  gboolean      has_hidden_nodes;
  gboolean      has_hidden_topics;

  guint8       *verdicts;          /* indexed by quark */
  gsize         n_verdicts;
  SwyEvent     *text_event;        /* last payload searched, not a reference */
  gboolean      text_event_match;
  GString      *text_buffer;       /* reused to print payloads */

  /* Rows: record numbers, rows[start .. start + n_rows) */
  guint64      *rows;
  gsize         start;
  guint         n_rows;
  gsize         allocated;

  guint64       limit;             /* records from this number on are not rows (a replay's future) */
  guint64       trace_first;       /* number of the trace's first record, at the last update */
  guint64       scanned_end;       /* records before it have been looked at */
  gboolean      cleared;           /* the trace was cleared since the last update */

  gboolean      replacing;         /* between the two changes of a rebuild */
  guint         replacement;       /* the rows the rebuild brings, while replacing */
  gboolean      pending;           /* the trace changed since the last update */
  gboolean      auto_update;
  guint         update_source;

  /* The item objects alive, by record number: a row gives the same object
   * every time, so that GTK does not rebind the visible rows whenever rows
   * leave the front. Weak: GTK holds what it shows. */
  GHashTable   *items;
};

typedef struct
{
  guint64         number;
  SwyLogModel    *model;
  SwyTraceRecord *record;
} CachedItem;

enum {
  PROP_0,
  PROP_TRACE,
  PROP_VIEW_STATE,
  PROP_NODE,
  PROP_TOPIC_PATTERN,
  PROP_KINDS,
  PROP_SEARCH,
  PROP_FILTERED,
  PROP_PENDING,
  PROP_AUTO_UPDATE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FLAGS_TYPE (SwyLogKinds, swy_log_kinds,
                     G_DEFINE_ENUM_VALUE (SWY_LOG_KINDS_NONE, "none"),
                     G_DEFINE_ENUM_VALUE (SWY_LOG_KINDS_EMIT, "emit"),
                     G_DEFINE_ENUM_VALUE (SWY_LOG_KINDS_DELIVER, "deliver"),
                     G_DEFINE_ENUM_VALUE (SWY_LOG_KINDS_DROP, "drop"))

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SwyLogModel, swy_log_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/**
 * swy_log_format_time:
 * @t_us: a virtual time, in microseconds
 * @buf: where to write
 * @size: the size of @buf
 *
 * Formats a virtual time as milliseconds with three decimals (“150.000”),
 * without allocating: the log formats one per visible row.
 */
void
swy_log_format_time (gint64  t_us,
                     char   *buf,
                     gsize   size)
{
  g_snprintf (buf, size, "%" G_GINT64_FORMAT ".%03d",
              t_us / 1000, (int) ABS (t_us % 1000));
}

/* Rows */

static inline guint64
row_number (SwyLogModel *self,
            guint        position)
{
  return self->rows[self->start + position];
}

static void
append_row (SwyLogModel *self,
            guint64      number)
{
  if (self->start + self->n_rows == self->allocated)
    {
      if (self->start > self->allocated / 2)
        {
          memmove (self->rows, self->rows + self->start, self->n_rows * sizeof (guint64));
          self->start = 0;
        }
      else
        {
          self->allocated = MAX (1024, self->allocated * 2);
          self->rows = g_renew (guint64, self->rows, self->allocated);
        }
    }

  self->rows[self->start + self->n_rows++] = number;
}

static void
notify_n_items (SwyLogModel *self,
                guint        position,
                guint        removed,
                guint        added)
{
  if (removed == 0 && added == 0)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Verdicts */

static void
reset_verdicts (SwyLogModel *self)
{
  if (self->verdicts != NULL)
    memset (self->verdicts, 0, self->n_verdicts);
  self->text_event = NULL;
}

static inline guint8 *
verdict_slot (SwyLogModel *self,
              GQuark       quark)
{
  if (G_UNLIKELY (quark >= self->n_verdicts))
    {
      gsize n = MAX (quark + 1, self->n_verdicts * 2);

      self->verdicts = g_realloc (self->verdicts, n);
      memset (self->verdicts + self->n_verdicts, 0, n - self->n_verdicts);
      self->n_verdicts = n;
    }

  return &self->verdicts[quark];
}

static gboolean
topic_passes (SwyLogModel *self,
              GQuark       topic)
{
  guint8 *slot = verdict_slot (self, topic);

  if ((*slot & TOPIC_KNOWN) == 0)
    {
      const char *str = g_quark_to_string (topic);
      gboolean pass = TRUE;

      if (str == NULL)
        str = "";
      if (self->topic_pattern != NULL && !swy_topic_matches (self->topic_pattern, str))
        pass = FALSE;
      else if (self->has_hidden_topics && swy_view_state_is_topic_hidden (self->view_state, str))
        pass = FALSE;

      *slot |= TOPIC_KNOWN | (pass ? TOPIC_PASS : 0);
    }

  return (*slot & TOPIC_PASS) != 0;
}

static gboolean
node_hidden (SwyLogModel *self,
             GQuark       node)
{
  guint8 *slot = verdict_slot (self, node);

  if ((*slot & NODE_KNOWN) == 0)
    {
      gboolean hidden = node != 0 &&
                        swy_view_state_is_node_hidden (self->view_state, g_quark_to_string (node));

      *slot |= NODE_KNOWN | (hidden ? NODE_HIDDEN : 0);
    }

  return (*slot & NODE_HIDDEN) != 0;
}

/* Case-insensitive substring search for an ASCII needle (already lower
 * case), without allocating. */
static gboolean
contains_ascii (const char *haystack,
                const char *needle)
{
  gsize n = strlen (needle);

  for (const char *h = haystack; *h; h++)
    {
      gsize i = 0;

      while (i < n && h[i] && g_ascii_tolower (h[i]) == needle[i])
        i++;
      if (i == n)
        return TRUE;
    }

  return FALSE;
}

static gboolean
text_contains (SwyLogModel *self,
               const char  *text)
{
  g_autofree char *folded = NULL;

  if (self->search_is_ascii)
    return contains_ascii (text, self->search_folded);

  folded = g_utf8_casefold (text, -1);

  return strstr (folded, self->search_folded) != NULL;
}

static gboolean
quark_has_text (SwyLogModel *self,
                GQuark       quark)
{
  guint8 *slot;

  if (quark == 0)
    return FALSE;

  slot = verdict_slot (self, quark);
  if ((*slot & TEXT_KNOWN) == 0)
    *slot |= TEXT_KNOWN | (text_contains (self, g_quark_to_string (quark)) ? TEXT_MATCH : 0);

  return (*slot & TEXT_MATCH) != 0;
}

static gboolean
payload_has_text (SwyLogModel *self,
                  SwyEvent    *event)
{
  /* The records of one event are often neighbours: print its payload once. */
  if (event != self->text_event)
    {
      if (self->text_buffer == NULL)
        self->text_buffer = g_string_sized_new (256);
      g_string_truncate (self->text_buffer, 0);
      g_variant_print_string (swy_event_get_payload (event), self->text_buffer, FALSE);

      self->text_event = event;
      self->text_event_match = text_contains (self, self->text_buffer->str);
    }

  return self->text_event_match;
}

static gboolean
search_matches (SwyLogModel              *self,
                const SwyTraceRecordData *data)
{
  if (self->search_event_id != 0)
    return data->event_id == self->search_event_id;

  return quark_has_text (self, data->topic) ||
         quark_has_text (self, data->node) ||
         quark_has_text (self, data->from_node) ||
         quark_has_text (self, data->port) ||
         quark_has_text (self, data->reason) ||
         payload_has_text (self, data->event);
}

static inline gboolean
record_matches (SwyLogModel              *self,
                const SwyTraceRecordData *data)
{
  if ((self->kinds & (1u << data->kind)) == 0)
    return FALSE;

  if (self->node_quark != 0 && data->node != self->node_quark && data->from_node != self->node_quark)
    return FALSE;

  if (!topic_passes (self, data->topic))
    return FALSE;

  if (self->has_hidden_nodes && node_hidden (self, data->node))
    return FALSE;

  if (self->search_folded != NULL && !search_matches (self, data))
    return FALSE;

  return TRUE;
}

/* Keeping up with the trace */

static void
remove_all_rows (SwyLogModel *self)
{
  guint removed = self->n_rows;

  self->start = 0;
  self->n_rows = 0;
  /* Record numbers start again from 0 after a clear. */
  g_hash_table_remove_all (self->items);
  notify_n_items (self, 0, removed, 0);
}

/* Follows the front of the trace: forgets the rows whose records the ring
 * buffer dropped, and all of them when the trace was cleared. */
static void
sync_front (SwyLogModel *self)
{
  SwyTraceRecordData first;
  guint n_trace = g_list_model_get_n_items (G_LIST_MODEL (self->trace));
  guint removed = 0;

  if (n_trace == 0 || !swy_trace_peek (self->trace, 0, &first))
    {
      self->trace_first = 0;
      self->scanned_end = 0;
      self->cleared = FALSE;
      remove_all_rows (self);
      return;
    }

  if (self->cleared || first.number < self->trace_first || self->scanned_end > first.number + n_trace)
    {
      /* Cleared and written again since we last looked. */
      self->scanned_end = first.number;
      remove_all_rows (self);
    }

  while (removed < self->n_rows && row_number (self, removed) < first.number)
    removed++;
  self->start += removed;
  self->n_rows -= removed;
  if (self->n_rows == 0)
    self->start = 0;

  self->trace_first = first.number;
  self->scanned_end = MAX (self->scanned_end, first.number);
  self->cleared = FALSE;

  notify_n_items (self, 0, removed, 0);
}

/* Appends the matching records not looked at yet; returns how many. */
static guint
scan (SwyLogModel *self)
{
  guint n_trace = g_list_model_get_n_items (G_LIST_MODEL (self->trace));
  guint64 end = MIN (self->trace_first + n_trace, self->limit);
  guint before = self->n_rows;
  SwyTraceRecordData data;

  if (self->scanned_end >= end)
    return 0;

  for (guint64 number = self->scanned_end; number < end; number++)
    {
      if (!swy_trace_peek (self->trace, (guint) (number - self->trace_first), &data))
        break;
      if (record_matches (self, &data))
        append_row (self, number);
    }
  self->scanned_end = end;
  self->text_event = NULL;

  return self->n_rows - before;
}

static void
set_pending (SwyLogModel *self,
             gboolean     pending)
{
  if (self->pending == pending)
    return;

  self->pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static void
rebuild (SwyLogModel *self)
{
  guint removed;
  guint added;

  g_clear_handle_id (&self->update_source, g_source_remove);
  sync_front (self);

  removed = self->n_rows;
  self->start = 0;
  self->n_rows = 0;
  self->scanned_end = self->trace_first;
  reset_verdicts (self);

  added = scan (self);

  /* Two changes, all rows out and then the new ones in, instead of one
   * that replaces them: GTK 4.8's list item manager, when one change
   * removes a row it tracks (those on screen, the focus, the selection)
   * and adds others, fetches every added item to look for it, which for a
   * filter leaving 800,000 rows is 800,000 item objects. Between the two,
   * the model is empty, as the contract of items-changed requires. */
  self->replacing = TRUE;
  self->replacement = added;
  self->n_rows = 0;
  notify_n_items (self, 0, removed, 0);
  self->n_rows = added;
  notify_n_items (self, 0, 0, added);
  self->replacing = FALSE;
  self->replacement = 0;
  set_pending (self, FALSE);
}

static gboolean
update_cb (gpointer user_data)
{
  SwyLogModel *self = user_data;

  self->update_source = 0;
  swy_log_model_update (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_update (SwyLogModel *self)
{
  if (!self->auto_update || self->update_source != 0)
    return;

  self->update_source = g_idle_add_full (UPDATE_PRIORITY, update_cb, self, NULL);
  g_source_set_name_by_id (self->update_source, "[switchyard] log model update");
}

static void
trace_items_changed_cb (SwyLogModel *self,
                        guint        position,
                        guint        removed,
                        guint        added,
                        GListModel  *trace)
{
  SwyTraceRecordData first;

  /* Cleared (reset, new capacity): record numbers start again at 0, so the
   * rows name other records now. */
  if (g_list_model_get_n_items (trace) == 0 ||
      (swy_trace_peek (self->trace, 0, &first) && first.number < self->trace_first))
    self->cleared = TRUE;

  set_pending (self, TRUE);
  schedule_update (self);
}

static void
noise_changed_cb (SwyLogModel  *self,
                  SwyViewState *view_state)
{
  g_auto(GStrv) nodes = swy_view_state_dup_hidden_nodes (view_state);
  g_auto(GStrv) topics = swy_view_state_dup_hidden_topics (view_state);

  self->has_hidden_nodes = nodes[0] != NULL;
  self->has_hidden_topics = topics[0] != NULL;
  rebuild (self);
}

/* Item cache */

static void cached_item_gone (gpointer  data,
                              GObject  *where_the_object_was);

static void
cached_item_free (gpointer data)
{
  CachedItem *item = data;

  if (item->record != NULL)
    g_object_weak_unref (G_OBJECT (item->record), cached_item_gone, item);
  g_free (item);
}

static void
cached_item_gone (gpointer  data,
                  GObject  *where_the_object_was)
{
  CachedItem *item = data;

  item->record = NULL;
  g_hash_table_remove (item->model->items, &item->number);
}

/* Where a record is in the trace now, if it is still there: between an
 * engine batch and the next update, the trace may have moved on. */
static gboolean
trace_position (SwyLogModel *self,
                guint64      number,
                guint       *position)
{
  SwyTraceRecordData first;

  if (self->cleared || !swy_trace_peek (self->trace, 0, &first) || number < first.number)
    return FALSE;

  *position = (guint) (number - first.number);

  return TRUE;
}

/* GListModel */

static GType
swy_log_model_get_item_type (GListModel *model)
{
  return SWY_TYPE_TRACE_RECORD;
}

static guint
swy_log_model_get_n_items (GListModel *model)
{
  return SWY_LOG_MODEL (model)->n_rows;
}

static gpointer
swy_log_model_get_item (GListModel *model,
                        guint       position)
{
  SwyLogModel *self = SWY_LOG_MODEL (model);
  CachedItem *item;
  guint64 number;
  guint trace_pos;

  if (position >= self->n_rows)
    return NULL;

  number = row_number (self, position);
  item = g_hash_table_lookup (self->items, &number);
  if (item != NULL)
    return g_object_ref (item->record);

  if (!trace_position (self, number, &trace_pos))
    return NULL;

  item = g_new0 (CachedItem, 1);
  item->number = number;
  item->model = self;
  item->record = swy_trace_get_record (self->trace, trace_pos);
  g_assert (item->record != NULL);
  g_object_weak_ref (G_OBJECT (item->record), cached_item_gone, item);
  g_hash_table_insert (self->items, &item->number, item);

  return item->record;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = swy_log_model_get_item_type;
  iface->get_n_items = swy_log_model_get_n_items;
  iface->get_item = swy_log_model_get_item;
}

/* GObject */

static void
swy_log_model_constructed (GObject *object)
{
  SwyLogModel *self = SWY_LOG_MODEL (object);

  G_OBJECT_CLASS (swy_log_model_parent_class)->constructed (object);

  g_assert (SWY_IS_TRACE (self->trace));

  if (self->view_state == NULL)
    self->view_state = swy_view_state_new ();

  g_signal_connect_object (self->trace, "items-changed",
                           G_CALLBACK (trace_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_state, "noise-changed",
                           G_CALLBACK (noise_changed_cb), self, G_CONNECT_SWAPPED);

  noise_changed_cb (self, self->view_state);
}

static void
swy_log_model_dispose (GObject *object)
{
  SwyLogModel *self = SWY_LOG_MODEL (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  g_hash_table_remove_all (self->items);
  g_clear_object (&self->trace);
  g_clear_object (&self->view_state);

  G_OBJECT_CLASS (swy_log_model_parent_class)->dispose (object);
}

static void
swy_log_model_finalize (GObject *object)
{
  SwyLogModel *self = SWY_LOG_MODEL (object);

  g_clear_pointer (&self->node, g_free);
  g_clear_pointer (&self->topic_pattern, g_free);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->search_folded, g_free);
  g_clear_pointer (&self->verdicts, g_free);
  g_clear_pointer (&self->rows, g_free);
  g_clear_pointer (&self->items, g_hash_table_unref);
  if (self->text_buffer != NULL)
    g_string_free (g_steal_pointer (&self->text_buffer), TRUE);

  G_OBJECT_CLASS (swy_log_model_parent_class)->finalize (object);
}

static void
swy_log_model_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SwyLogModel *self = SWY_LOG_MODEL (object);

  switch (prop_id)
    {
    case PROP_TRACE:
      g_value_set_object (value, self->trace);
      break;

    case PROP_VIEW_STATE:
      g_value_set_object (value, self->view_state);
      break;

    case PROP_NODE:
      g_value_set_string (value, swy_log_model_get_node (self));
      break;

    case PROP_TOPIC_PATTERN:
      g_value_set_string (value, swy_log_model_get_topic_pattern (self));
      break;

    case PROP_KINDS:
      g_value_set_flags (value, swy_log_model_get_kinds (self));
      break;

    case PROP_SEARCH:
      g_value_set_string (value, swy_log_model_get_search (self));
      break;

    case PROP_FILTERED:
      g_value_set_boolean (value, swy_log_model_get_filtered (self));
      break;

    case PROP_PENDING:
      g_value_set_boolean (value, self->pending);
      break;

    case PROP_AUTO_UPDATE:
      g_value_set_boolean (value, self->auto_update);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_rows);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_log_model_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SwyLogModel *self = SWY_LOG_MODEL (object);

  switch (prop_id)
    {
    case PROP_TRACE:
      self->trace = g_value_dup_object (value);
      break;

    case PROP_VIEW_STATE:
      self->view_state = g_value_dup_object (value);
      break;

    case PROP_NODE:
      swy_log_model_set_node (self, g_value_get_string (value));
      break;

    case PROP_TOPIC_PATTERN:
      swy_log_model_set_topic_pattern (self, g_value_get_string (value));
      break;

    case PROP_KINDS:
      swy_log_model_set_kinds (self, g_value_get_flags (value));
      break;

    case PROP_SEARCH:
      swy_log_model_set_search (self, g_value_get_string (value));
      break;

    case PROP_AUTO_UPDATE:
      swy_log_model_set_auto_update (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_log_model_class_init (SwyLogModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = swy_log_model_constructed;
  object_class->dispose = swy_log_model_dispose;
  object_class->finalize = swy_log_model_finalize;
  object_class->get_property = swy_log_model_get_property;
  object_class->set_property = swy_log_model_set_property;

  properties[PROP_TRACE] =
    g_param_spec_object ("trace", NULL, NULL, SWY_TYPE_TRACE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The noise filter; a model without one makes its own. */
  properties[PROP_VIEW_STATE] =
    g_param_spec_object ("view-state", NULL, NULL, SWY_TYPE_VIEW_STATE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NODE] =
    g_param_spec_string ("node", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TOPIC_PATTERN] =
    g_param_spec_string ("topic-pattern", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KINDS] =
    g_param_spec_flags ("kinds", NULL, NULL, SWY_TYPE_LOG_KINDS, SWY_LOG_KINDS_ALL,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Whether a filter of the model's own (not the noise filter) is set. */
  properties[PROP_FILTERED] =
    g_param_spec_boolean ("filtered", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Whether the trace changed since the last update. */
  properties[PROP_PENDING] =
    g_param_spec_boolean ("pending", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Whether the model updates itself from an idle; a view that updates it
   * from its frame clock turns this off. */
  properties[PROP_AUTO_UPDATE] =
    g_param_spec_boolean ("auto-update", NULL, NULL, TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_log_model_init (SwyLogModel *self)
{
  self->limit = G_MAXUINT64;
  self->kinds = SWY_LOG_KINDS_ALL;
  self->auto_update = TRUE;
  self->items = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, cached_item_free);
}

/**
 * swy_log_model_new:
 * @trace: the trace to show
 * @view_state: (nullable): the window's view state, for its noise filter
 *
 * Returns: (transfer full): a model of every record of @trace that no filter hides
 */
SwyLogModel *
swy_log_model_new (SwyTrace     *trace,
                   SwyViewState *view_state)
{
  g_return_val_if_fail (SWY_IS_TRACE (trace), NULL);
  g_return_val_if_fail (view_state == NULL || SWY_IS_VIEW_STATE (view_state), NULL);

  return g_object_new (SWY_TYPE_LOG_MODEL,
                       "trace", trace,
                       "view-state", view_state,
                       NULL);
}

SwyTrace *
swy_log_model_get_trace (SwyLogModel *self)
{
  g_return_val_if_fail (SWY_IS_LOG_MODEL (self), NULL);

  return self->trace;
}

SwyViewState *
swy_log_model_get_view_state (SwyLogModel *self)
{
  g_return_val_if_fail (SWY_IS_LOG_MODEL (self), NULL);

  return self->view_state;
}

static void
filter_changed (SwyLogModel *self,
                GParamSpec  *pspec,
                gboolean     was_filtered)
{
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  if (was_filtered != swy_log_model_get_filtered (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTERED]);
}

const char *
swy_log_model_get_node (SwyLogModel *self)
{
  g_return_val_if_fail (SWY_IS_LOG_MODEL (self), NULL);

  return self->node;
}

/**
 * swy_log_model_set_node:
 * @self: a log model
 * @node_id: (nullable): a node id, or `NULL` (or "") for every node
 *
 * Shows only the records of one node: those it emitted, those that arrive
 * at it or are dropped there, and the deliveries and wire drops it sent.
 */
void
swy_log_model_set_node (SwyLogModel *self,
                        const char  *node_id)
{
  gboolean was_filtered;

  g_return_if_fail (SWY_IS_LOG_MODEL (self));

  if (node_id != NULL && node_id[0] == '\0')
    node_id = NULL;
  if (g_strcmp0 (self->node, node_id) == 0)
    return;

  was_filtered = swy_log_model_get_filtered (self);
  g_free (self->node);
  self->node = g_strdup (node_id);
  self->node_quark = node_id != NULL ? g_quark_from_string (node_id) : 0;
  filter_changed (self, properties[PROP_NODE], was_filtered);
}

const char *
swy_log_model_get_topic_pattern (SwyLogModel *self)
{
  g_return_val_if_fail (SWY_IS_LOG_MODEL (self), NULL);

  return self->topic_pattern;
}

/**
 * swy_log_model_set_topic_pattern:
 * @self: a log model
 * @pattern: (nullable): an MQTT subscription pattern such as `orders/+`,
 *   or `NULL` (or "") for every topic
 *
 * Shows only the records whose event topic matches @pattern. Check it
 * with swy_topic_pattern_validate() first: the model does not.
 */
void
swy_log_model_set_topic_pattern (SwyLogModel *self,
                                 const char  *pattern)
{
  gboolean was_filtered;

  g_return_if_fail (SWY_IS_LOG_MODEL (self));

  if (pattern != NULL && pattern[0] == '\0')
    pattern = NULL;
  if (g_strcmp0 (self->topic_pattern, pattern) == 0)
    return;

  was_filtered = swy_log_model_get_filtered (self);
  g_free (self->topic_pattern);
  self->topic_pattern = g_strdup (pattern);
  filter_changed (self, properties[PROP_TOPIC_PATTERN], was_filtered);
}

SwyLogKinds
swy_log_model_get_kinds (SwyLogModel *self)
{
  g_return_val_if_fail (SWY_IS_LOG_MODEL (self), SWY_LOG_KINDS_NONE);

  return self->kinds;
}

/**
 * swy_log_model_set_kinds:
 * @self: a log model
 * @kinds: the kinds of records to show
 */
void
swy_log_model_set_kinds (SwyLogModel *self,
                         SwyLogKinds  kinds)
{
  gboolean was_filtered;

  g_return_if_fail (SWY_IS_LOG_MODEL (self));

  kinds &= SWY_LOG_KINDS_ALL;
  if (self->kinds == kinds)
    return;

  was_filtered = swy_log_model_get_filtered (self);
  self->kinds = kinds;
  filter_changed (self, properties[PROP_KINDS], was_filtered);
}

const char *
swy_log_model_get_search (SwyLogModel *self)
{
  g_return_val_if_fail (SWY_IS_LOG_MODEL (self), NULL);

  return self->search;
}

static gboolean
is_ascii (const char *str)
{
  for (const char *p = str; *p; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;

  return TRUE;
}

/**
 * swy_log_model_set_search:
 * @self: a log model
 * @search: (nullable): text to look for, or `NULL` (or "") for none
 *
 * Shows only the records whose topic, node ids, port, drop reason or
 * payload contain @search, ignoring case. `#` and a number (“#42”) shows
 * the records of that event. Printing payloads costs: only a search does it.
 */
void
swy_log_model_set_search (SwyLogModel *self,
                          const char  *search)
{
  g_autofree char *stripped = NULL;
  gboolean was_filtered;
  guint64 event_id = 0;

  g_return_if_fail (SWY_IS_LOG_MODEL (self));

  if (search != NULL)
    {
      stripped = g_strstrip (g_strdup (search));
      if (stripped[0] == '\0')
        g_clear_pointer (&stripped, g_free);
    }
  if (g_strcmp0 (self->search, stripped) == 0)
    return;

  was_filtered = swy_log_model_get_filtered (self);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->search_folded, g_free);
  self->search_event_id = 0;

  if (stripped != NULL)
    {
      if (stripped[0] == '#' && stripped[1] != '\0' &&
          g_ascii_string_to_unsigned (stripped + 1, 10, 1, G_MAXUINT64, &event_id, NULL))
        self->search_event_id = event_id;

      self->search_is_ascii = is_ascii (stripped);
      self->search_folded = self->search_is_ascii ? g_ascii_strdown (stripped, -1)
                                                  : g_utf8_casefold (stripped, -1);
      self->search = g_steal_pointer (&stripped);
    }

  filter_changed (self, properties[PROP_SEARCH], was_filtered);
}

/**
 * swy_log_model_get_filtered:
 * @self: a log model
 *
 * Returns: whether one of the model's own filters is set (node, topic,
 *   kinds or search; the noise filter of the view state does not count)
 */
gboolean
swy_log_model_get_filtered (SwyLogModel *self)
{
  g_return_val_if_fail (SWY_IS_LOG_MODEL (self), FALSE);

  return self->node != NULL || self->topic_pattern != NULL ||
         self->kinds != SWY_LOG_KINDS_ALL || self->search != NULL;
}

/**
 * swy_log_model_get_pending:
 * @self: a log model
 *
 * Returns: whether the trace changed since the last update
 */
gboolean
swy_log_model_get_pending (SwyLogModel *self)
{
  g_return_val_if_fail (SWY_IS_LOG_MODEL (self), FALSE);

  return self->pending;
}

gboolean
swy_log_model_get_auto_update (SwyLogModel *self)
{
  g_return_val_if_fail (SWY_IS_LOG_MODEL (self), FALSE);

  return self->auto_update;
}

/**
 * swy_log_model_set_auto_update:
 * @self: a log model
 * @auto_update: whether the model updates itself
 *
 * With auto-update (the default), the model follows the trace from an idle
 * that runs after the engine's batches and before GTK paints. A view that
 * calls swy_log_model_update() from its frame clock, when
 * [property@LogModel:pending] says so, turns it off.
 */
void
swy_log_model_set_auto_update (SwyLogModel *self,
                               gboolean     auto_update)
{
  g_return_if_fail (SWY_IS_LOG_MODEL (self));

  auto_update = !!auto_update;
  if (self->auto_update == auto_update)
    return;

  self->auto_update = auto_update;
  if (!auto_update)
    g_clear_handle_id (&self->update_source, g_source_remove);
  else if (self->pending)
    schedule_update (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTO_UPDATE]);
}

/**
 * swy_log_model_update:
 * @self: a log model
 *
 * Catches up with the trace: removes the rows whose records the ring buffer
 * dropped since the last update, then appends the matching new records.
 */
void
swy_log_model_update (SwyLogModel *self)
{
  guint before;
  guint added;

  g_return_if_fail (SWY_IS_LOG_MODEL (self));

  g_clear_handle_id (&self->update_source, g_source_remove);
  sync_front (self);

  before = self->n_rows;
  added = scan (self);
  notify_n_items (self, before, 0, added);
  set_pending (self, FALSE);
}

/**
 * swy_log_model_get_replacing:
 * @self: a log model
 *
 * Whether the model is replacing all its rows: a filter changed, and the
 * items-changed being emitted removes the old rows or adds the new ones,
 * not records that arrived.
 *
 * Returns: whether a rebuild is under way
 */
gboolean
swy_log_model_get_replacing (SwyLogModel *self)
{
  g_return_val_if_fail (SWY_IS_LOG_MODEL (self), FALSE);

  return self->replacing;
}

/**
 * swy_log_model_get_replacement:
 * @self: a log model
 *
 * While replacing (swy_log_model_get_replacing()), how many rows the
 * rebuild brings: during its first change, which removes the old rows,
 * the number the second one adds (none follows when it is 0).
 *
 * Returns: the rows after the rebuild, 0 when not replacing
 */
guint
swy_log_model_get_replacement (SwyLogModel *self)
{
  g_return_val_if_fail (SWY_IS_LOG_MODEL (self), 0);

  return self->replacement;
}

/**
 * swy_log_model_set_limit:
 * @self: a log model
 * @limit: the number of the first record not to show, or `G_MAXUINT64`
 *
 * Shows only the records numbered below @limit: a replay's records up to
 * its time. Lowering it removes rows at once; raising it appends the
 * records at the next update, as new records of the trace do.
 */
void
swy_log_model_set_limit (SwyLogModel *self,
                         guint64      limit)
{
  guint keep;

  g_return_if_fail (SWY_IS_LOG_MODEL (self));

  if (limit == self->limit)
    return;

  if (limit > self->limit)
    {
      self->limit = limit;
      set_pending (self, TRUE);
      schedule_update (self);
      return;
    }

  self->limit = limit;
  keep = self->n_rows;
  while (keep > 0 && row_number (self, keep - 1) >= limit)
    keep--;
  if (keep < self->n_rows)
    {
      guint removed = self->n_rows - keep;

      self->n_rows = keep;
      notify_n_items (self, keep, removed, 0);
    }
  self->scanned_end = MIN (self->scanned_end, limit);
}

/**
 * swy_log_model_peek:
 * @self: a log model
 * @position: a row
 * @data: (out caller-allocates): the record's fields
 *
 * Reads the record of a row without creating an object; see swy_trace_peek().
 *
 * Returns: whether @position is a row
 */
gboolean
swy_log_model_peek (SwyLogModel        *self,
                    guint               position,
                    SwyTraceRecordData *data)
{
  guint trace_pos;

  g_return_val_if_fail (SWY_IS_LOG_MODEL (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (position >= self->n_rows || !trace_position (self, row_number (self, position), &trace_pos))
    return FALSE;

  return swy_trace_peek (self->trace, trace_pos, data);
}

/**
 * swy_log_model_find_event:
 * @self: a log model
 * @event_id: an event id
 *
 * Finds the first row of an event.
 *
 * Returns: the row, or `GTK_INVALID_LIST_POSITION` when no row shows the event
 */
guint
swy_log_model_find_event (SwyLogModel *self,
                          guint64      event_id)
{
  SwyTraceRecordData first;
  SwyTraceRecordData data;

  g_return_val_if_fail (SWY_IS_LOG_MODEL (self), GTK_INVALID_LIST_POSITION);

  if (event_id == 0)
    return GTK_INVALID_LIST_POSITION;

  if (self->cleared || !swy_trace_peek (self->trace, 0, &first))
    return GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < self->n_rows; i++)
    {
      guint64 number = row_number (self, i);

      if (number >= first.number && swy_trace_peek (self->trace, (guint) (number - first.number), &data) &&
          data.event_id == event_id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}
