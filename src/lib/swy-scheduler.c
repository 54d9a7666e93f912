/* swy-scheduler.c: a binary min-heap of pending items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "swy-scheduler-private.h"

/* Items are ordered by due time, then priority, then the order in which they
 * were scheduled, so that equal times and priorities run first-in first-out
 * (design/engine.md section 3). */

static inline gboolean
item_before (const SwyPendingItem *a,
             const SwyPendingItem *b)
{
  if (a->due != b->due)
    return a->due < b->due;
  if (a->prio != b->prio)
    return a->prio < b->prio;
  return a->seq < b->seq;
}

static void
sift_up (SwyScheduler *self,
         guint         pos)
{
  SwyPendingItem item = self->items[pos];

  while (pos > 0)
    {
      guint parent = (pos - 1) / 2;

      if (!item_before (&item, &self->items[parent]))
        break;

      self->items[pos] = self->items[parent];
      pos = parent;
    }

  self->items[pos] = item;
}

static void
sift_down (SwyScheduler *self,
           guint         pos)
{
  SwyPendingItem item = self->items[pos];

  for (;;)
    {
      guint child = 2 * pos + 1;

      if (child >= self->len)
        break;
      if (child + 1 < self->len && item_before (&self->items[child + 1], &self->items[child]))
        child++;
      if (!item_before (&self->items[child], &item))
        break;

      self->items[pos] = self->items[child];
      pos = child;
    }

  self->items[pos] = item;
}

void
_swy_scheduler_init (SwyScheduler *self)
{
  self->items = NULL;
  self->len = 0;
  self->allocated = 0;
  self->next_seq = 1;
}

void
_swy_scheduler_clear (SwyScheduler *self)
{
  for (guint i = 0; i < self->len; i++)
    g_clear_pointer (&self->items[i].event, swy_event_unref);

  g_clear_pointer (&self->items, g_free);
  self->len = 0;
  self->allocated = 0;
  self->next_seq = 1;
}

void
_swy_scheduler_push (SwyScheduler   *self,
                     SwyPendingItem *item)
{
  if (self->len == self->allocated)
    {
      /* Grow by a quarter, not double: a pending item then costs at most
       * 60 bytes of array (48 + slack) instead of up to 96 right after a
       * doubling. Growing more often copies each item about four times
       * over the array's growth (less when realloc() extends in place or
       * mremap()s), and never once the array has its working size. */
      self->allocated = MAX (64, self->allocated + self->allocated / 4);
      self->items = g_renew (SwyPendingItem, self->items, self->allocated);
    }

  item->seq = self->next_seq++;
  self->items[self->len++] = *item;
  sift_up (self, self->len - 1);
}

void
_swy_scheduler_pop (SwyScheduler   *self,
                    SwyPendingItem *out_item)
{
  g_assert (self->len > 0);

  *out_item = self->items[0];
  self->len--;
  if (self->len > 0)
    {
      self->items[0] = self->items[self->len];
      sift_down (self, 0);
    }

  /* Give memory back after a storm. */
  if (self->allocated > 1024 && self->len < self->allocated / 8)
    {
      self->allocated /= 4;
      self->items = g_renew (SwyPendingItem, self->items, self->allocated);
    }
}

/* Removes every item for which @predicate holds, calling @removed on each
 * (which owns the item's event reference from then on), in the order they
 * would have run. Costs O(n log n); used for edits, not in the hot path. */
guint
_swy_scheduler_remove_if (SwyScheduler     *self,
                          SwyItemPredicate  predicate,
                          SwyItemFunc       removed,
                          gpointer          user_data)
{
  g_autoptr(GArray) gone = NULL;
  guint kept = 0;

  gone = g_array_new (FALSE, FALSE, sizeof (SwyPendingItem));

  for (guint i = 0; i < self->len; i++)
    {
      if (predicate (&self->items[i], user_data))
        g_array_append_val (gone, self->items[i]);
      else
        self->items[kept++] = self->items[i];
    }

  if (gone->len == 0)
    return 0;

  self->len = kept;
  for (guint i = self->len / 2 + 1; i-- > 0;)
    if (i < self->len)
      sift_down (self, i);

  if (removed != NULL)
    {
      g_autoptr(GArray) ordered = g_array_sized_new (FALSE, FALSE, sizeof (SwyPendingItem), gone->len);
      SwyScheduler tmp = { (SwyPendingItem *)(gpointer)gone->data, gone->len, gone->len, 0 };

      /* Heapify the removed items too, to hand them out in run order. */
      for (guint i = tmp.len / 2 + 1; i-- > 0;)
        if (i < tmp.len)
          sift_down (&tmp, i);
      while (tmp.len > 0)
        {
          SwyPendingItem item = tmp.items[0];

          tmp.len--;
          if (tmp.len > 0)
            {
              tmp.items[0] = tmp.items[tmp.len];
              sift_down (&tmp, 0);
            }
          g_array_append_val (ordered, item);
        }
      for (guint i = 0; i < ordered->len; i++)
        removed (&g_array_index (ordered, SwyPendingItem, i), user_data);
    }
  else
    {
      for (guint i = 0; i < gone->len; i++)
        g_clear_pointer (&g_array_index (gone, SwyPendingItem, i).event, swy_event_unref);
    }

  return gone->len;
}
