/* swy-frame-pacer.c: a window's tick callbacks leave the main loop a gap after slow frames
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While the graph plays, the live views (canvas tokens, timeline, status
 * line, node cards, the log following the trace) change in every frame,
 * from GTK tick callbacks. When a frame takes longer than the refresh
 * interval (GTK's GL renderer in software repaints the whole window),
 * GTK's frame clock is due again as soon as it ends, at
 * GDK_PRIORITY_REDRAW, and the tick callbacks ask for the next one at
 * once: the engine gets a slice between frames and idle sources none.
 *
 * The pacer paces a window's update phase, where every tick callback
 * runs: after a frame that ran them and took T, longer than the refresh
 * interval, the frames that start less than about T after it ended skip
 * the update phase. Nothing changes in them, so they paint nothing and
 * cost next to nothing, and the main loop has the gap: painting the live
 * views takes about half of the time at most, and input, the engine and
 * idles share the rest. Frames that come for other reasons (input, a
 * widget queuing a draw) are not delayed; they only skip the tick
 * callbacks, which catch up, by their frame time, in the next frame that
 * runs them. Frames that do not need it are never paced, and pacing is on
 * only while a run plays in the window and, after a pause, until the
 * run's animations end (swy_frame_pacer_set_active()).
 *
 * It stops the clock's "update" emission from a handler connected when the
 * window is realized, before any widget of the window connects its own
 * (GtkWidget connects one when its first tick callback is added or when
 * it is realized). docs/editor.md ("Live view") has the why and the
 * figures.
 */

#define G_LOG_DOMAIN "swy-frame-pacer"

#include "config.h"

#include "swy-frame-pacer.h"

/* When the clock does not know the refresh interval. */
#define DEFAULT_REFRESH_US (G_USEC_PER_SEC / 60)

/* A frame may start up to half a refresh interval before the paced time:
 * the clock's frames come at multiples of the refresh interval. */
#define SLACK_DIVISOR 2

/* However often other frames come, the live views change at least this
 * often, or every MAX_STALL_FRAMES times as long as their last frame took
 * when that is longer. */
#define MAX_STALL_US     (250 * G_TIME_SPAN_MILLISECOND)
#define MAX_STALL_FRAMES 4

typedef struct
{
  GdkFrameClock *clock;          /* while the window is realized */
  gulong         handlers[3];
  gboolean       active;         /* pacing: a run plays in the window */
  gboolean       stopping;       /* paused: pacing until the animations end */
  gint64         frame_start;    /* the frame in progress began (before-paint), or 0 */
  gboolean       update_emitted; /* the frame in progress has an update phase, run or not */
  gboolean       updated;        /* the frame in progress runs its update phase */
  gint64         next_due;       /* the update phase runs in frames that start from here on */
  gint64         last_update;    /* the last frame that ran its update phase began */
  gint64         last_update_busy; /* and took this long */
} Pacer;

static GQuark pacer_quark;

static gint64
refresh_interval (GdkFrameClock *clock)
{
  gint64 interval = 0;
  gint64 presentation_time = 0;

  gdk_frame_clock_get_refresh_info (clock, gdk_frame_clock_get_frame_time (clock),
                                    &interval, &presentation_time);

  return interval > 0 ? interval : DEFAULT_REFRESH_US;
}

static void
stop (Pacer *pacer)
{
  pacer->active = FALSE;
  pacer->stopping = FALSE;
  pacer->next_due = 0;
  pacer->last_update = 0;
  pacer->last_update_busy = 0;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Pacer         *pacer)
{
  pacer->frame_start = g_get_monotonic_time ();
  pacer->update_emitted = FALSE;
  pacer->updated = FALSE;
}

/* Connected before any tick callback's handler. */
static void
update_cb (GdkFrameClock *clock,
           Pacer         *pacer)
{
  gint64 start = pacer->frame_start != 0 ? pacer->frame_start : g_get_monotonic_time ();

  pacer->update_emitted = TRUE;
  if (pacer->active && start + refresh_interval (clock) / SLACK_DIVISOR < pacer->next_due &&
      start - pacer->last_update < MAX (MAX_STALL_US, MAX_STALL_FRAMES * pacer->last_update_busy))
    {
      g_signal_stop_emission_by_name (clock, "update");
      return;
    }

  pacer->updated = TRUE;
  pacer->last_update = start;
}

/* Connected after every other handler, so that the frame's whole cost
 * counts: update, layout, snapshot and rendering. Every slow frame counts,
 * not only those that ran the update phase: a view that asks for a frame
 * of its own after each paced one (the timeline's does, from inside GTK)
 * pushes the next paced frame away too. */
static void
after_paint_cb (GdkFrameClock *clock,
                Pacer         *pacer)
{
  gint64 end = g_get_monotonic_time ();
  gint64 busy = end - pacer->frame_start;

  if (pacer->frame_start != 0 && busy > refresh_interval (clock))
    pacer->next_due = MAX (pacer->next_due, end + busy);
  if (pacer->frame_start != 0 && pacer->updated)
    pacer->last_update_busy = busy;
  /* A frame without an update phase: no tick callback is left, the
   * animations that went on after the run ended. */
  if (pacer->stopping && !pacer->update_emitted)
    stop (pacer);
  pacer->frame_start = 0;
  pacer->updated = FALSE;
}

static void
window_realize_cb (GtkWidget *window,
                   Pacer     *pacer)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_return_if_fail (pacer->clock == NULL);
  g_return_if_fail (clock != NULL);

  pacer->clock = g_object_ref (clock);
  pacer->handlers[0] = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb),
                                         pacer);
  pacer->handlers[1] = g_signal_connect (clock, "update", G_CALLBACK (update_cb), pacer);
  pacer->handlers[2] = g_signal_connect_after (clock, "after-paint", G_CALLBACK (after_paint_cb),
                                               pacer);
}

static void
disconnect_clock (Pacer *pacer)
{
  if (pacer->clock == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (pacer->handlers); i++)
    g_clear_signal_handler (&pacer->handlers[i], pacer->clock);
  g_clear_object (&pacer->clock);
  pacer->frame_start = 0;
  pacer->updated = FALSE;
  if (pacer->stopping)
    stop (pacer);
  pacer->next_due = 0;
}

static void
window_unrealize_cb (GtkWidget *window,
                     Pacer     *pacer)
{
  disconnect_clock (pacer);
}

static void
pacer_free (gpointer data)
{
  Pacer *pacer = data;

  disconnect_clock (pacer);
  g_free (pacer);
}

/**
 * swy_frame_pacer_attach:
 * @window: a window, not realized yet
 *
 * Gives @window a frame pacer (see the top of this file), which paces the
 * update phase of its frames while it is active.
 */
void
swy_frame_pacer_attach (GtkWindow *window)
{
  Pacer *pacer;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (!gtk_widget_get_realized (GTK_WIDGET (window)));

  if (G_UNLIKELY (pacer_quark == 0))
    pacer_quark = g_quark_from_static_string ("swy-frame-pacer");
  g_return_if_fail (g_object_get_qdata (G_OBJECT (window), pacer_quark) == NULL);

  pacer = g_new0 (Pacer, 1);
  g_object_set_qdata_full (G_OBJECT (window), pacer_quark, pacer, pacer_free);
  /* After GTK's own handler, which makes the surface and its clock. */
  g_signal_connect_after (window, "realize", G_CALLBACK (window_realize_cb), pacer);
  g_signal_connect (window, "unrealize", G_CALLBACK (window_unrealize_cb), pacer);
}

/**
 * swy_frame_pacer_set_active:
 * @window: a window with a frame pacer
 * @active: whether to pace its frames: while a run plays in it
 *
 * Turns pacing on or off. Off, every frame runs its update phase, so that
 * animations are as smooth as the machine allows; on, slow frames leave
 * the main loop a gap. Turned off, pacing goes on while the run's
 * animations do (the canvas plays out the sync pulses it has queued), and
 * ends at the first frame without an update phase (no tick callback left).
 */
void
swy_frame_pacer_set_active (GtkWindow *window,
                            gboolean   active)
{
  Pacer *pacer;

  g_return_if_fail (GTK_IS_WINDOW (window));

  pacer = g_object_get_qdata (G_OBJECT (window), pacer_quark);
  g_return_if_fail (pacer != NULL);

  if (active)
    {
      pacer->active = TRUE;
      pacer->stopping = FALSE;
    }
  else if (pacer->active && pacer->clock != NULL)
    {
      pacer->stopping = TRUE;
    }
  else
    {
      stop (pacer);
    }
}
