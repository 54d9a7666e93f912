/* test-pacer.c: the frame pacer leaves the main loop a gap after slow frames
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window whose every frame takes at least 40 ms (its one widget sleeps
 * while it draws) animates from a tick callback, as a live view does.
 * Paced, a frame that runs the tick callbacks comes no sooner than the
 * previous such frame's own length after it ended (less half a refresh
 * interval, the pacer's slack), the frames between skip them and paint
 * nothing, and idle callbacks run meanwhile. Not paced, every frame runs
 * them. Turned off while the window animates (a run paused while the
 * canvas plays out its pulses), pacing goes on until the animation ends.
 * Nothing here asserts a duration: the spans compared are measured in the
 * same frames.
 */

#include "config.h"

#include <adwaita.h>

#include "swy-frame-pacer.h"
#include "swy-window-test-util.h"

#define SLOW_FRAME_US    (40 * G_TIME_SPAN_MILLISECOND)
#define IDLE_INTERVAL_MS 10
#define TICKS            12
/* The test's probes run just after the pacer's in the same signals. */
#define TOLERANCE_US     (2 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  GtkWidget *area;
  guint      pause_at;       /* turns pacing off at this tick, if not 0 */
  gint64     frame_start;    /* this frame's before-paint, or 0 */
  gboolean   ticked;         /* the tick callback ran in this frame */
  guint      frames;         /* frames that ended, with the tick or not */
  GArray    *tick_starts;    /* of gint64: frames that ran the tick, their start */
  GArray    *tick_ends;      /*   and their end (after-paint) */
  guint      idles_posted;
  guint      idles_run;
} Run;

static void
draw_slowly (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_paint (cr);
  g_usleep (SLOW_FRAME_US);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Run *run = user_data;

  run->ticked = TRUE;
  gtk_widget_queue_draw (widget);
  if (run->pause_at != 0 && run->tick_starts->len + 1 == run->pause_at)
    swy_frame_pacer_set_active (GTK_WINDOW (gtk_widget_get_root (widget)), FALSE);

  return G_SOURCE_CONTINUE;
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Run           *run)
{
  run->frame_start = g_get_monotonic_time ();
  run->ticked = FALSE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Run           *run)
{
  gint64 end = g_get_monotonic_time ();

  if (run->frame_start == 0)
    return;

  run->frames++;
  if (run->ticked)
    {
      g_array_append_val (run->tick_starts, run->frame_start);
      g_array_append_val (run->tick_ends, end);
    }
  run->frame_start = 0;
}

static gboolean
idle_cb (gpointer user_data)
{
  Run *run = user_data;

  run->idles_run++;

  return G_SOURCE_REMOVE;
}

static gboolean
post_idle_cb (gpointer user_data)
{
  Run *run = user_data;

  if (run->idles_run == run->idles_posted)
    {
      run->idles_posted++;
      g_idle_add (idle_cb, run);
    }

  return G_SOURCE_CONTINUE;
}

/* Animates @window's area from a tick callback for TICKS frames that run it. */
static void
animate (GtkWindow *window,
         Run       *run)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gboolean given_up = FALSE;
  gulong before;
  gulong after;
  guint tick;
  guint poster;
  guint guard;

  run->tick_starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  run->tick_ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  before = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), run);
  after = g_signal_connect_after (clock, "after-paint", G_CALLBACK (after_paint_cb), run);
  poster = g_timeout_add (IDLE_INTERVAL_MS, post_idle_cb, run);
  guard = g_timeout_add_seconds (TEST_GUARD_SECONDS, test_set_flag_cb, &given_up);
  tick = gtk_widget_add_tick_callback (run->area, tick_cb, run, NULL);

  while (!given_up && run->tick_starts->len < TICKS)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (given_up);
  gtk_widget_remove_tick_callback (run->area, tick);
  g_source_remove (guard);
  g_source_remove (poster);
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->tick_starts, g_array_unref);
  g_clear_pointer (&run->tick_ends, g_array_unref);
}

static void
close_window (GtkWindow *window,
              Run       *run)
{
  run_clear (run);
  gtk_window_destroy (window);
  spin_until_idle ();
}

static GtkWindow *
slow_window (Run *run)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  swy_frame_pacer_attach (window);
  run->area = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (run->area), draw_slowly, NULL, NULL);
  gtk_window_set_child (window, run->area);
  gtk_window_set_default_size (window, 320, 240);
  gtk_window_present (window);
  wait_for_frame (window);

  return window;
}

/* Every frame that ran the tick took 40 ms or more, longer than the
 * refresh interval: the next one started no sooner than that long after it
 * ended. The frames between skipped the tick, and idles ran in the gaps. */
static void
assert_paced (GtkWindow *window,
              Run       *run)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gint64 refresh = 0;
  gint64 presentation = 0;

  gdk_frame_clock_get_refresh_info (clock, gdk_frame_clock_get_frame_time (clock),
                                    &refresh, &presentation);
  g_assert_cmpint (refresh, >, 0);

  for (guint i = 1; i < run->tick_starts->len; i++)
    {
      gint64 start = g_array_index (run->tick_starts, gint64, i);
      gint64 last_start = g_array_index (run->tick_starts, gint64, i - 1);
      gint64 last_end = g_array_index (run->tick_ends, gint64, i - 1);

      g_assert_cmpint (last_end - last_start, >=, SLOW_FRAME_US);
      g_assert_cmpint (start + refresh / 2 + TOLERANCE_US, >=, last_end + (last_end - last_start));
    }
  g_assert_cmpuint (run->frames, >, run->tick_starts->len);
  g_assert_cmpuint (run->idles_run, >, 0);
}

static void
test_pacer_paced (void)
{
  Run run = { 0 };
  GtkWindow *window = slow_window (&run);

  swy_frame_pacer_set_active (window, TRUE);
  animate (window, &run);

  assert_paced (window, &run);
  g_test_message ("paced: %u frames, %u ran the tick; %u idles ran",
                  run.frames, run.tick_starts->len, run.idles_run);

  close_window (window, &run);
}

static void
test_pacer_inactive (void)
{
  Run run = { 0 };
  GtkWindow *window = slow_window (&run);

  /* Not active (no run plays): every frame runs the tick callbacks. */
  animate (window, &run);
  g_assert_cmpuint (run.frames, ==, run.tick_starts->len);

  close_window (window, &run);
}

/* Turned off while the window animates, pacing goes on until a frame has
 * no tick callback left; then every frame runs them again. */
static void
test_pacer_after_pause (void)
{
  Run run = { 0 };
  GtkWindow *window = slow_window (&run);

  swy_frame_pacer_set_active (window, TRUE);
  run.pause_at = TICKS / 2;
  animate (window, &run);
  assert_paced (window, &run);

  wait_for_frame (window);
  run_clear (&run);
  run.frames = 0;
  run.pause_at = 0;
  animate (window, &run);
  g_assert_cmpuint (run.frames, ==, run.tick_starts->len);

  close_window (window, &run);
}

/* Realized again, the window has a new clock, and the pacer follows it. */
static void
test_pacer_realized_again (void)
{
  Run run = { 0 };
  GtkWindow *window = slow_window (&run);

  swy_frame_pacer_set_active (window, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  gtk_widget_unrealize (GTK_WIDGET (window));
  gtk_window_present (window);
  wait_for_frame (window);
  animate (window, &run);
  g_assert_cmpuint (run.frames, >, run.tick_starts->len);

  close_window (window, &run);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Swy/Pacer/paced", test_pacer_paced);
  g_test_add_func ("/Swy/Pacer/inactive", test_pacer_inactive);
  g_test_add_func ("/Swy/Pacer/after-pause", test_pacer_after_pause);
  g_test_add_func ("/Swy/Pacer/realized-again", test_pacer_realized_again);

  return g_test_run ();
}
