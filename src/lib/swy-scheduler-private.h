/* swy-scheduler-private.h: the pending-work heap behind the virtual clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "swy-event-private.h"

G_BEGIN_DECLS

typedef enum
{
  SWY_ITEM_DELIVERY,  /* target is a SwyWire, event is the delivered event */
  SWY_ITEM_TIMER,     /* target is a SwyNode, event is the causal context */
} SwyItemKind;

/* One pending item. No GSource, no closure: a plain struct in an array heap,
 * ordered by (due, prio, seq). It must stay within 64 bytes. */
typedef struct
{
  gint64    due;
  guint64   seq;
  gpointer  target;
  SwyEvent *event;
  guint64   tag;
  guint32   hops;
  guint8    kind;
  guint8    prio;
} SwyPendingItem;

G_STATIC_ASSERT (sizeof (SwyPendingItem) <= 64);

typedef struct
{
  SwyPendingItem *items;
  guint           len;
  guint           allocated;
  guint64         next_seq;
} SwyScheduler;

typedef gboolean (*SwyItemPredicate) (const SwyPendingItem *item,
                                      gpointer              user_data);
typedef void     (*SwyItemFunc)      (SwyPendingItem       *item,
                                      gpointer              user_data);

void                  _swy_scheduler_init           (SwyScheduler         *self);
void                  _swy_scheduler_clear          (SwyScheduler         *self);
void                  _swy_scheduler_push           (SwyScheduler         *self,
                                                     SwyPendingItem       *item);
void                  _swy_scheduler_pop            (SwyScheduler         *self,
                                                     SwyPendingItem       *out_item);
guint                 _swy_scheduler_remove_if      (SwyScheduler         *self,
                                                     SwyItemPredicate      predicate,
                                                     SwyItemFunc           removed,
                                                     gpointer              user_data);

static inline const SwyPendingItem *
_swy_scheduler_peek (const SwyScheduler *self)
{
  return self->len > 0 ? &self->items[0] : NULL;
}

G_END_DECLS
