/* swy-log-tail.c: the last rows of a selection model, for the log following live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The event log's column view shows this model, which shows the log's
 * selection model (a GtkSingleSelection over the SwyLogModel) whole, or,
 * while the log follows live, only its last rows: about as many as fit on
 * screen.
 *
 * While it shows the tail its rows are slots (SwyLogSlot): the same items
 * stay in the list, and each update gives each slot the item of its row
 * now. GTK 4.8's list item manager makes a new row widget (and new cells)
 * for every item it has not seen and destroys the widgets of the items
 * that left: at 10,000 records a second every row of the tail shows a new
 * record every frame, so replacing items would build the whole table
 * again each frame. With slots the list does not change, and only the
 * cells' texts do.
 *
 * The tail is a selection model of its own that passes every selection
 * request on to the model under it (positions shifted by the offset), so
 * the selection, the focus and activation work on the same rows, and the
 * selection lives in the full model's positions whatever the tail shows.
 *
 * While it shows the whole model its rows are slots too, one for each row
 * GTK holds, made when GTK asks for the row and forgotten when GTK lets it
 * go (a weak reference, as the log model caches its items). Changes pass
 * through, moving the slots after them, except the log model's rebuild (a
 * filter changed): it empties the model and fills it again in two changes,
 * and the tail keeps its rows through the first, then gives each slot the
 * record now at its position and reports only the difference in length,
 * so GTK keeps the about 200 row widgets it has bound instead of
 * destroying and building them again (0.4 ms a row).
 *
 * Going from the tail to the whole model and back adds or removes the rows
 * before the tail's first one, and swaps the tail's slots for the whole
 * model's (or back) in a change of its own, which leaves the rows on screen,
 * the anchor and the focus where they are. Each change either only adds,
 * only removes, or replaces at most the tail's rows: GTK 4.8's list item
 * manager, when a change removes a row it tracks and adds others, fetches
 * every added item to look for it, and GtkSliceListModel, when its offset
 * moves, replaces all its rows (a million items from the tail to the
 * whole log).
 */

#define G_LOG_DOMAIN "swy-log-tail"

#include "config.h"

#include "swy-log-model.h"
#include "swy-log-slot.h"
#include "swy-log-tail.h"

/* A slot of the whole log, at a position, while something holds it. */
typedef struct
{
  SwyLogTail *tail;
  guint       position;
  SwyLogSlot *slot;             /* not a reference: a weak one */
} Placed;

struct _SwyLogTail
{
  GObject            parent_instance;

  GtkSelectionModel *model;
  guint              size;      /* rows shown at most, G_MAXUINT for all */
  guint              offset;    /* the model's position of row 0 */
  guint              n_items;
  GPtrArray         *slots;     /* SwyLogSlot: the last rows, while they are slots */
  GHashTable        *placed;    /* position -> Placed: the whole log's slots alive */
  gboolean           replacing; /* between a rebuild's two changes, the old rows kept */
};

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init      (GListModelInterface        *iface);
static void selection_model_iface_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SwyLogTail, swy_log_tail, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, selection_model_iface_init))

/* The whole log's slots */

static void placed_gone (gpointer  data,
                         GObject  *where_the_slot_was);

static void
placed_free (gpointer data)
{
  Placed *placed = data;

  if (placed->slot != NULL)
    g_object_weak_unref (G_OBJECT (placed->slot), placed_gone, placed);
  g_free (placed);
}

static void
placed_gone (gpointer  data,
             GObject  *where_the_slot_was)
{
  Placed *placed = data;

  placed->slot = NULL;
  g_hash_table_remove (placed->tail->placed, &placed->position);
}

/* The slot of the whole log's row @position, made when no one holds one. */
static SwyLogSlot *
placed_slot (SwyLogTail *self,
             guint       position)
{
  Placed *placed = g_hash_table_lookup (self->placed, &position);
  g_autoptr(GObject) item = NULL;

  if (placed != NULL)
    return g_object_ref (placed->slot);

  placed = g_new0 (Placed, 1);
  placed->tail = self;
  placed->position = position;
  placed->slot = swy_log_slot_new ();
  item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  swy_log_slot_set_item (placed->slot, item);
  g_object_weak_ref (G_OBJECT (placed->slot), placed_gone, placed);
  g_hash_table_insert (self->placed, &placed->position, placed);

  return placed->slot;
}

/* The whole log's rows @position to @position + @removed were replaced by
 * @added others: their slots leave the table, the slots after them move. */
static void
placed_moved (SwyLogTail *self,
              guint       position,
              guint       removed,
              guint       added)
{
  g_autoptr(GPtrArray) moved = g_ptr_array_new ();
  GHashTableIter iter;
  Placed *placed;

  if (removed == added && removed == 0)
    return;

  g_hash_table_iter_init (&iter, self->placed);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &placed))
    {
      if (placed->position < position)
        continue;
      /* Stolen: a row removed is freed below, a row after is put back. */
      g_hash_table_iter_steal (&iter);
      if (placed->position < position + removed)
        placed_free (placed);
      else
        g_ptr_array_add (moved, placed);
    }
  for (guint i = 0; i < moved->len; i++)
    {
      placed = g_ptr_array_index (moved, i);
      placed->position = placed->position - removed + added;
      g_hash_table_insert (self->placed, &placed->position, placed);
    }
}

/* The whole log's slots each show the record of their row now; those past
 * its end are let go. */
static void
placed_refresh (SwyLogTail *self)
{
  guint n_model = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  GHashTableIter iter;
  Placed *placed;

  g_hash_table_iter_init (&iter, self->placed);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &placed))
    {
      if (placed->position >= n_model)
        {
          g_hash_table_iter_steal (&iter);
          placed_free (placed);
        }
      else
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->model), placed->position);

          swy_log_slot_set_item (placed->slot, item);
        }
    }
}

/* The log model under the selection, when its items-changed is the first
 * of a rebuild that brings rows: then the second follows at once. */
static gboolean
rebuild_starts (SwyLogTail *self,
                guint       position,
                guint       removed,
                guint       added)
{
  GListModel *inner;

  if (!GTK_IS_SINGLE_SELECTION (self->model) || position != 0 || removed == 0 || added != 0)
    return FALSE;
  inner = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (self->model));

  return SWY_IS_LOG_MODEL (inner) && swy_log_model_get_replacing (SWY_LOG_MODEL (inner)) &&
         swy_log_model_get_replacement (SWY_LOG_MODEL (inner)) > 0;
}

/* The window over @n_model rows that @size gives. */
static void
compute_window (guint  size,
                guint  n_model,
                guint *offset,
                guint *n_items)
{
  *n_items = MIN (n_model, size);
  *offset = n_model - *n_items;
}

/* Position of the first slot. */
static inline guint
first_slot (SwyLogTail *self)
{
  return self->n_items - self->slots->len;
}

/* Gives every slot the item of its row now. */
static void
refresh_slots (SwyLogTail *self)
{
  guint first = first_slot (self);

  for (guint i = 0; i < self->slots->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->model), self->offset + first + i);

      swy_log_slot_set_item (g_ptr_array_index (self->slots, i), item);
    }
}

/* Makes the last @n rows slots (or not): the items change, nothing else. */
static void
set_n_slots (SwyLogTail *self,
             guint       n)
{
  guint old = self->slots->len;
  guint changed = MAX (old, n);

  g_assert (n <= self->n_items);
  if (n == old)
    return;

  if (n < old)
    g_ptr_array_remove_range (self->slots, 0, old - n);
  else
    for (guint i = old; i < n; i++)
      g_ptr_array_insert (self->slots, 0, swy_log_slot_new ());
  refresh_slots (self);
  g_list_model_items_changed (G_LIST_MODEL (self), self->n_items - changed, changed, changed);
}

/* The rows shown moved in the model without a change in the list: the
 * rows' selected states are the model's at other positions now. */
static void
rows_moved (SwyLogTail *self,
            guint       old_offset)
{
  guint start = MIN (old_offset, self->offset);
  guint end = MAX (old_offset, self->offset) + self->n_items;
  g_autoptr(GtkBitset) selected = NULL;

  if (self->n_items == 0 || old_offset == self->offset)
    return;

  selected = gtk_selection_model_get_selection_in_range (self->model, start, end - start);
  if (!gtk_bitset_is_empty (selected))
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), 0, self->n_items);
}

static void
model_items_changed_cb (SwyLogTail *self,
                        guint       position,
                        guint       removed,
                        guint       added,
                        GListModel *model)
{
  guint old_offset = self->offset;
  guint old_n = self->n_items;

  compute_window (self->size, g_list_model_get_n_items (model), &self->offset, &self->n_items);

  if (self->size == G_MAXUINT)
    {
      /* Everything shown, as slots of their positions. A rebuild (a filter
       * changed) empties the model and fills it again: the table keeps its
       * rows through the first change, and after the second each slot
       * shows its row's new record, and only the difference in length is
       * a change. GTK 4.8 then keeps its row widgets instead of destroying
       * about 200 and building as many. */
      if (!self->replacing && rebuild_starts (self, position, removed, added))
        {
          self->replacing = TRUE;
          self->n_items = old_n;
          return;
        }
      if (self->replacing)
        {
          g_assert (position == 0 && removed == 0);
          self->replacing = FALSE;
          placed_refresh (self);
          /* The rows kept show other records: the selection dropped with
           * the old rows is not theirs any more (a row selected before
           * would still be drawn so). */
          if (MIN (old_n, self->n_items) > 0)
            gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), 0, MIN (old_n, self->n_items));
          if (self->n_items != old_n)
            g_list_model_items_changed (G_LIST_MODEL (self), MIN (old_n, self->n_items),
                                        old_n > self->n_items ? old_n - self->n_items : 0,
                                        self->n_items > old_n ? self->n_items - old_n : 0);
          return;
        }
      placed_moved (self, position, removed, added);
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }

  /* The tail: slots, as many as rows; the list changes only at its end,
   * when the model has fewer rows than the tail holds. */
  if (self->n_items > old_n)
    for (guint i = old_n; i < self->n_items; i++)
      g_ptr_array_add (self->slots, swy_log_slot_new ());
  else if (self->n_items < old_n)
    g_ptr_array_set_size (self->slots, self->n_items);

  refresh_slots (self);
  if (self->n_items != old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), MIN (old_n, self->n_items),
                                old_n > self->n_items ? old_n - self->n_items : 0,
                                self->n_items > old_n ? self->n_items - old_n : 0);
  rows_moved (self, old_offset);
}

static void
model_selection_changed_cb (SwyLogTail        *self,
                            guint              position,
                            guint              n_items,
                            GtkSelectionModel *model)
{
  guint start = MAX (position, self->offset);
  guint end = MIN ((guint64) position + n_items, (guint64) self->offset + self->n_items);

  if (start < end)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), start - self->offset, end - start);
}

/* GListModel */

/* The model's items, and slots. */
static GType
swy_log_tail_get_item_type (GListModel *list)
{
  return G_TYPE_OBJECT;
}

static guint
swy_log_tail_get_n_items (GListModel *list)
{
  return SWY_LOG_TAIL (list)->n_items;
}

static gpointer
swy_log_tail_get_item (GListModel *list,
                       guint       position)
{
  SwyLogTail *self = SWY_LOG_TAIL (list);

  if (position >= self->n_items)
    return NULL;
  if (position >= first_slot (self))
    return g_object_ref (g_ptr_array_index (self->slots, position - first_slot (self)));

  /* Only the whole log has rows before the tail's slots. */
  g_assert (self->offset == 0);

  return placed_slot (self, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = swy_log_tail_get_item_type;
  iface->get_n_items = swy_log_tail_get_n_items;
  iface->get_item = swy_log_tail_get_item;
}

/* GtkSelectionModel: every request goes to the model, in its positions. */

static gboolean
swy_log_tail_is_selected (GtkSelectionModel *model,
                          guint              position)
{
  SwyLogTail *self = SWY_LOG_TAIL (model);

  return position < self->n_items && gtk_selection_model_is_selected (self->model, self->offset + position);
}

static GtkBitset *
swy_log_tail_get_selection_in_range (GtkSelectionModel *model,
                                     guint              position,
                                     guint              n_items)
{
  SwyLogTail *self = SWY_LOG_TAIL (model);
  GtkBitset *inner = gtk_selection_model_get_selection_in_range (self->model, self->offset + position, n_items);
  /* The model may give its own set (GtkMultiSelection does): shift a copy. */
  GtkBitset *result = gtk_bitset_copy (inner);

  gtk_bitset_unref (inner);
  gtk_bitset_shift_left (result, self->offset);

  return result;
}

static gboolean
swy_log_tail_select_item (GtkSelectionModel *model,
                          guint              position,
                          gboolean           unselect_rest)
{
  SwyLogTail *self = SWY_LOG_TAIL (model);

  return gtk_selection_model_select_item (self->model, self->offset + position, unselect_rest);
}

static gboolean
swy_log_tail_unselect_item (GtkSelectionModel *model,
                            guint              position)
{
  SwyLogTail *self = SWY_LOG_TAIL (model);

  return gtk_selection_model_unselect_item (self->model, self->offset + position);
}

static gboolean
swy_log_tail_select_range (GtkSelectionModel *model,
                           guint              position,
                           guint              n_items,
                           gboolean           unselect_rest)
{
  SwyLogTail *self = SWY_LOG_TAIL (model);

  return gtk_selection_model_select_range (self->model, self->offset + position, n_items, unselect_rest);
}

static gboolean
swy_log_tail_unselect_range (GtkSelectionModel *model,
                             guint              position,
                             guint              n_items)
{
  SwyLogTail *self = SWY_LOG_TAIL (model);

  return gtk_selection_model_unselect_range (self->model, self->offset + position, n_items);
}

static gboolean
swy_log_tail_select_all (GtkSelectionModel *model)
{
  return gtk_selection_model_select_all (SWY_LOG_TAIL (model)->model);
}

static gboolean
swy_log_tail_unselect_all (GtkSelectionModel *model)
{
  return gtk_selection_model_unselect_all (SWY_LOG_TAIL (model)->model);
}

static gboolean
swy_log_tail_set_selection (GtkSelectionModel *model,
                            GtkBitset         *selected,
                            GtkBitset         *mask)
{
  SwyLogTail *self = SWY_LOG_TAIL (model);
  g_autoptr(GtkBitset) inner_selected = gtk_bitset_copy (selected);
  g_autoptr(GtkBitset) inner_mask = gtk_bitset_copy (mask);

  gtk_bitset_shift_right (inner_selected, self->offset);
  gtk_bitset_shift_right (inner_mask, self->offset);

  return gtk_selection_model_set_selection (self->model, inner_selected, inner_mask);
}

static void
selection_model_iface_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = swy_log_tail_is_selected;
  iface->get_selection_in_range = swy_log_tail_get_selection_in_range;
  iface->select_item = swy_log_tail_select_item;
  iface->unselect_item = swy_log_tail_unselect_item;
  iface->select_range = swy_log_tail_select_range;
  iface->unselect_range = swy_log_tail_unselect_range;
  iface->select_all = swy_log_tail_select_all;
  iface->unselect_all = swy_log_tail_unselect_all;
  iface->set_selection = swy_log_tail_set_selection;
}

/* GObject */

static void
swy_log_tail_constructed (GObject *object)
{
  SwyLogTail *self = SWY_LOG_TAIL (object);

  G_OBJECT_CLASS (swy_log_tail_parent_class)->constructed (object);

  g_assert (GTK_IS_SELECTION_MODEL (self->model));
  compute_window (self->size, g_list_model_get_n_items (G_LIST_MODEL (self->model)),
                  &self->offset, &self->n_items);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (model_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "selection-changed", G_CALLBACK (model_selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
swy_log_tail_dispose (GObject *object)
{
  SwyLogTail *self = SWY_LOG_TAIL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->placed, g_hash_table_unref);

  G_OBJECT_CLASS (swy_log_tail_parent_class)->dispose (object);
}

static void
swy_log_tail_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SwyLogTail *self = SWY_LOG_TAIL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_SIZE:
      g_value_set_uint (value, self->size);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_log_tail_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SwyLogTail *self = SWY_LOG_TAIL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      self->model = g_value_dup_object (value);
      break;

    case PROP_SIZE:
      swy_log_tail_set_size (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_log_tail_class_init (SwyLogTailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = swy_log_tail_constructed;
  object_class->dispose = swy_log_tail_dispose;
  object_class->get_property = swy_log_tail_get_property;
  object_class->set_property = swy_log_tail_set_property;

  /* The selection model whose rows the tail shows. */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, GTK_TYPE_SELECTION_MODEL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* How many of the last rows to show; G_MAXUINT shows all. */
  properties[PROP_SIZE] =
    g_param_spec_uint ("size", NULL, NULL, 0, G_MAXUINT, G_MAXUINT,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_log_tail_init (SwyLogTail *self)
{
  self->size = G_MAXUINT;
  self->slots = g_ptr_array_new_with_free_func (g_object_unref);
  self->placed = g_hash_table_new_full (g_int_hash, g_int_equal, NULL, placed_free);
}

/**
 * swy_log_tail_new:
 * @model: the selection model to show
 *
 * Returns: (transfer full): a tail that shows all of @model
 */
SwyLogTail *
swy_log_tail_new (GtkSelectionModel *model)
{
  g_return_val_if_fail (GTK_IS_SELECTION_MODEL (model), NULL);

  return g_object_new (SWY_TYPE_LOG_TAIL, "model", model, NULL);
}

/**
 * swy_log_tail_get_model:
 * @self: a tail
 *
 * Returns: (transfer none): the selection model it shows
 */
GtkSelectionModel *
swy_log_tail_get_model (SwyLogTail *self)
{
  g_return_val_if_fail (SWY_IS_LOG_TAIL (self), NULL);

  return self->model;
}

guint
swy_log_tail_get_size (SwyLogTail *self)
{
  g_return_val_if_fail (SWY_IS_LOG_TAIL (self), 0);

  return self->size;
}

/**
 * swy_log_tail_set_size:
 * @self: a tail
 * @size: how many of the model's last rows to show, `G_MAXUINT` for all
 *
 * Shows the whole model, or its last rows as slots. From the whole model
 * to the tail and back, the rows before the tail are removed or added, and
 * the tail's rows change items in a change of their own: the rows on
 * screen stay where they are. Between two sizes of the tail, the slots
 * are added or removed at the end and all show other rows: scroll to the
 * end after.
 */
void
swy_log_tail_set_size (SwyLogTail *self,
                       guint       size)
{
  guint old_offset = self->offset;
  guint n_model;

  g_return_if_fail (SWY_IS_LOG_TAIL (self));

  if (self->size == size)
    return;

  if (self->model == NULL)
    {
      self->size = size;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
      return;
    }

  n_model = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  if (size == G_MAXUINT)
    {
      /* The rows before the tail, then the tail's own items. */
      self->size = size;
      compute_window (size, n_model, &self->offset, &self->n_items);
      if (old_offset > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, old_offset);
      set_n_slots (self, 0);
    }
  else if (self->size == G_MAXUINT)
    {
      guint n = MIN (n_model, size);

      /* The last rows become slots, then the rows before them go. */
      set_n_slots (self, n);
      self->size = size;
      compute_window (size, n_model, &self->offset, &self->n_items);
      if (self->offset > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, self->offset, 0);
      /* The whole log's slots all left the table. */
      g_hash_table_remove_all (self->placed);
    }
  else
    {
      self->size = size;
      model_items_changed_cb (self, 0, 0, 0, G_LIST_MODEL (self->model));
    }

  g_assert (self->n_items == MIN (n_model, size) && self->offset == n_model - self->n_items);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
}

/**
 * swy_log_tail_get_offset:
 * @self: a tail
 *
 * Returns: the model's position of the tail's first row
 */
guint
swy_log_tail_get_offset (SwyLogTail *self)
{
  g_return_val_if_fail (SWY_IS_LOG_TAIL (self), 0);

  return self->offset;
}
