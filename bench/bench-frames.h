/* bench-frames.h: clocks, percentiles and JSON figures for the GUI benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <math.h>
#include <time.h>

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

static inline double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of the whole process, all threads (llvmpipe rasterises in its
 * own): steadier than wall time when something else shares the machine. */
static inline double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* This thread's CPU time, the clock of swy-canvas-private.h's figures. */
static inline double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static inline int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Nearest rank. */
static inline double
percentile (GArray *values,
            double  p)
{
  g_autoptr(GArray) sorted = NULL;
  guint rank;

  if (values->len == 0)
    return NAN;

  sorted = g_array_copy (values);
  g_array_sort (sorted, compare_doubles);
  rank = (guint) ceil (p / 100.0 * sorted->len);
  rank = CLAMP (rank, 1, sorted->len);

  return g_array_index (sorted, double, rank - 1);
}

static inline void
add_value (GArray *array,
           double  value)
{
  g_array_append_val (array, value);
}

/* "name": { median, p95, max, n, samples } */
static inline void
add_stat (JsonBuilder *builder,
          const char  *name,
          GArray      *values)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "median");
  json_builder_add_double_value (builder, percentile (values, 50));
  json_builder_set_member_name (builder, "p95");
  json_builder_add_double_value (builder, percentile (values, 95));
  json_builder_set_member_name (builder, "max");
  json_builder_add_double_value (builder, percentile (values, 100));
  json_builder_set_member_name (builder, "n");
  json_builder_add_int_value (builder, values->len);
  json_builder_set_member_name (builder, "samples");
  json_builder_begin_array (builder);
  for (guint i = 0; i < values->len; i++)
    {
      double value = g_array_index (values, double, i);

      json_builder_add_double_value (builder, round (value * 1000) / 1000);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* When GTK's work of each phase of a frame ended: the handlers run after
 * GTK's own. A frame skips the phases nothing asked for. */
typedef struct
{
  double start_ms;
  double update_end_ms;
  double layout_end_ms;
  double paint_end_ms;
} FramePhases;

static inline void
frame_phases_begin_cb (GdkFrameClock *clock,
                       FramePhases   *phases)
{
  phases->start_ms = now_ms ();
  phases->update_end_ms = NAN;
  phases->layout_end_ms = NAN;
  phases->paint_end_ms = NAN;
}

static inline void
frame_phases_update_cb (GdkFrameClock *clock,
                        FramePhases   *phases)
{
  phases->update_end_ms = now_ms ();
}

static inline void
frame_phases_layout_cb (GdkFrameClock *clock,
                        FramePhases   *phases)
{
  phases->layout_end_ms = now_ms ();
}

static inline void
frame_phases_paint_cb (GdkFrameClock *clock,
                       FramePhases   *phases)
{
  phases->paint_end_ms = now_ms ();
}

static inline void
frame_phases_connect (GdkFrameClock *clock,
                      FramePhases   *phases)
{
  g_signal_connect (clock, "before-paint", G_CALLBACK (frame_phases_begin_cb), phases);
  g_signal_connect_after (clock, "update", G_CALLBACK (frame_phases_update_cb), phases);
  g_signal_connect_after (clock, "layout", G_CALLBACK (frame_phases_layout_cb), phases);
  g_signal_connect_after (clock, "paint", G_CALLBACK (frame_phases_paint_cb), phases);
}

/* The update (tick callbacks), layout and paint (snapshot and rendering)
 * times of the frame being painted, added to three arrays; call from
 * after-paint. */
static inline void
frame_phases_add (FramePhases *phases,
                  GArray      *update_ms,
                  GArray      *layout_ms,
                  GArray      *paint_ms)
{
  if (isnan (phases->update_end_ms))
    phases->update_end_ms = phases->start_ms;
  if (isnan (phases->layout_end_ms))
    phases->layout_end_ms = phases->update_end_ms;
  if (isnan (phases->paint_end_ms))
    phases->paint_end_ms = phases->layout_end_ms;
  add_value (update_ms, phases->update_end_ms - phases->start_ms);
  add_value (layout_ms, phases->layout_end_ms - phases->update_end_ms);
  add_value (paint_ms, phases->paint_end_ms - phases->layout_end_ms);
}

G_END_DECLS
