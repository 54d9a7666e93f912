/* swy-trace-query.c: what the trace knows about one event
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The event details need the records of one event, its ancestors and its
 * children. The trace has no index by event (it would cost memory on every
 * record for a question asked on a click), so this scans it: once forward
 * for the event's records, children and grandchildren, and backward from
 * its first record for the ancestors. A parent's records always come
 * before its children's (a child is created while its parent is handled),
 * so one backward walk finds the whole chain. A million records take a
 * few milliseconds.
 */

#define G_LOG_DOMAIN "swy-trace-query"

#include "config.h"

#include "swy-trace-query.h"

#define MAX_ANCESTORS 64

static void
event_unref (gpointer event)
{
  swy_event_unref (event);
}

static void
find_ancestors (SwyEventHistory *self,
                SwyTrace        *trace,
                guint            first_position)
{
  SwyTraceRecordData data;
  guint64 wanted = swy_event_get_parent (self->event);

  for (guint p = first_position; p > 0 && wanted != 0; p--)
    {
      if (!swy_trace_peek (trace, p - 1, &data) || data.event_id != wanted)
        continue;

      g_ptr_array_insert (self->ancestors, 0, swy_event_ref (data.event));
      wanted = data.parent_id;
      if (self->ancestors->len == MAX_ANCESTORS)
        break;
    }

  self->ancestors_complete = wanted == 0;
}

/**
 * swy_event_history_new:
 * @trace: a trace
 * @event_id: an event id
 * @max_records: the most records of the event to keep
 * @max_children: the most children to keep
 *
 * Collects what @trace still holds about one event.
 *
 * Returns: (transfer full): the history; free it with swy_event_history_free()
 */
SwyEventHistory *
swy_event_history_new (SwyTrace *trace,
                       guint64   event_id,
                       guint     max_records,
                       guint     max_children)
{
  g_autoptr(GHashTable) child_index = NULL;   /* child id → index in children */
  g_autoptr(GHashTable) grandchildren = NULL; /* set of grandchild ids */
  SwyEventHistory *self;
  SwyTraceRecordData data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (trace));
  guint first_position = 0;
  SwyTraceKind first_kind = SWY_TRACE_KIND_EMIT;

  g_return_val_if_fail (SWY_IS_TRACE (trace), NULL);

  self = g_new0 (SwyEventHistory, 1);
  self->event_id = event_id;
  self->records = g_array_new (FALSE, FALSE, sizeof (SwyTraceRecordData));
  self->ancestors = g_ptr_array_new_with_free_func (event_unref);
  self->children = g_ptr_array_new_with_free_func (event_unref);
  self->n_grandchildren = g_array_new (FALSE, TRUE, sizeof (guint));
  self->trace_capacity = swy_trace_get_capacity (trace);
  if (n > 0 && swy_trace_peek (trace, 0, &data))
    self->trace_first_number = data.number;

  child_index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  grandchildren = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint p = 0; p < n; p++)
    {
      gpointer index;

      if (!swy_trace_peek (trace, p, &data))
        break;

      if (data.event_id == event_id)
        {
          if (self->event == NULL)
            {
              self->event = swy_event_ref (data.event);
              first_position = p;
              first_kind = data.kind;
            }
          if (self->n_records++ < max_records)
            g_array_append_val (self->records, data);
        }
      else if (data.parent_id == event_id)
        {
          if (!g_hash_table_contains (child_index, &data.event_id))
            {
              g_hash_table_insert (child_index, g_memdup2 (&data.event_id, sizeof (guint64)),
                                   GUINT_TO_POINTER (self->n_children++));
              if (self->children->len < max_children)
                {
                  guint zero = 0;

                  g_ptr_array_add (self->children, swy_event_ref (data.event));
                  g_array_append_val (self->n_grandchildren, zero);
                }
            }
        }
      /* Children have larger ids than their parent: few records get here. */
      else if (data.parent_id > event_id &&
               g_hash_table_lookup_extended (child_index, &data.parent_id, NULL, &index) &&
               !g_hash_table_contains (grandchildren, &data.event_id))
        {
          guint i = GPOINTER_TO_UINT (index);

          g_hash_table_add (grandchildren, g_memdup2 (&data.event_id, sizeof (guint64)));
          if (i < self->n_grandchildren->len)
            g_array_index (self->n_grandchildren, guint, i)++;
        }
    }

  if (self->event != NULL)
    {
      /* Every event is emitted before anything else happens to it. */
      self->partial = first_kind != SWY_TRACE_KIND_EMIT;
      find_ancestors (self, trace, first_position);
    }

  return self;
}

void
swy_event_history_free (SwyEventHistory *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->event, swy_event_unref);
  g_clear_pointer (&self->records, g_array_unref);
  g_clear_pointer (&self->ancestors, g_ptr_array_unref);
  g_clear_pointer (&self->children, g_ptr_array_unref);
  g_clear_pointer (&self->n_grandchildren, g_array_unref);
  g_free (self);
}
