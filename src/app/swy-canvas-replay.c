/* swy-canvas-replay.c: a recorded trace replayed on the canvas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While a replay is set, the canvas shows the replay instead of the live
 * engine: tokens in flight come from swy_replay_foreach_in_flight() at the
 * replay's time (swy-canvas-live.c asks for them), the records each moment
 * shows pulse and flash as the live ones do (while the canvas follows the
 * trace: not for a seek), and every card shows the
 * counters the trace tells for its node. The graph itself is untouched.
 */

#define G_LOG_DOMAIN "swy-canvas"

#include "config.h"

#include "swy-canvas-private.h"

/* A seek far ahead shows thousands of records at once: animating more than
 * a moment's worth would only be a blur. */
#define MAX_REVEALED 64

static void
show_counts (SwyCanvas *self)
{
  GHashTableIter iter;
  gpointer node, widget;

  g_hash_table_iter_init (&iter, self->widgets);
  while (g_hash_table_iter_next (&iter, &node, &widget))
    {
      SwyReplayCounts counts;

      if (self->replay != NULL)
        swy_replay_get_node_counts (self->replay, swy_node_get_id (node), &counts);
      swy_node_widget_show_replayed (widget, self->replay != NULL ? &counts : NULL);
    }
}

static void
replay_time_cb (SwyCanvas *self)
{
  show_counts (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
replay_items_changed_cb (SwyCanvas  *self,
                         guint       position,
                         guint       removed,
                         guint       added,
                         GListModel *replay)
{
  /* Not following (a seek): the records are the past, not news. */
  if (added == 0 || added > MAX_REVEALED || !self->follow_trace)
    return;

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(SwyTraceRecord) record = g_list_model_get_item (replay, i);

      if (record != NULL)
        swy_canvas_reveal_record (self, record);
    }
  _swy_canvas_ensure_ticking (self);
}

SwyReplay *
swy_canvas_get_replay (SwyCanvas *self)
{
  g_return_val_if_fail (SWY_IS_CANVAS (self), NULL);

  return self->replay;
}

/**
 * swy_canvas_set_replay:
 * @self: a canvas
 * @replay: (nullable): a replay of a trace of the canvas's graph, or `NULL`
 *
 * Shows @replay instead of the live engine: its tokens, its pulses and its
 * counters on the cards, as its time moves. `NULL` shows the engine again.
 */
void
swy_canvas_set_replay (SwyCanvas *self,
                       SwyReplay *replay)
{
  g_return_if_fail (SWY_IS_CANVAS (self));
  g_return_if_fail (replay == NULL || SWY_IS_REPLAY (replay));

  if (self->replay == replay)
    return;

  if (self->replay != NULL)
    g_signal_handlers_disconnect_by_data (self->replay, self);
  g_set_object (&self->replay, replay);
  if (replay != NULL)
    {
      g_signal_connect_object (replay, "notify::time", G_CALLBACK (replay_time_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (replay, "items-changed", G_CALLBACK (replay_items_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  g_array_set_size (self->pulses, 0);
  show_counts (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
