/* swy-export.h: traces, statistics and the canvas, written to files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <swy.h>

#include "swy-canvas.h"
#include "swy-stats-model.h"

G_BEGIN_DECLS

typedef enum
{
  SWY_TRACE_FORMAT_JSONL,
  SWY_TRACE_FORMAT_CSV,
  SWY_TRACE_FORMAT_CHROME,
} SwyTraceFormat;

typedef enum
{
  SWY_STATS_FORMAT_JSON,
  SWY_STATS_FORMAT_CSV,
} SwyStatsFormat;

/* The header row of swy_export_write_stats_csv(), without the line end. */
#define SWY_STATS_CSV_COLUMNS \
  "kind,id,type,from,to,received,emitted,dropped,delivered,lost,rate_in_per_s,rate_out_per_s,drop_reasons"

gboolean swy_export_trace           (SwyTrace       *trace,
                                     SwyTraceFormat  format,
                                     GFile          *file,
                                     GCancellable   *cancellable,
                                     GError        **error);
gboolean swy_export_write_stats_csv (SwyGraph       *graph,
                                     SwyStatsModel  *rates,
                                     GOutputStream  *stream,
                                     GCancellable   *cancellable,
                                     GError        **error);
gboolean swy_export_stats           (SwyGraph       *graph,
                                     SwyStatsModel  *rates,
                                     SwyStatsFormat  format,
                                     GFile          *file,
                                     GCancellable   *cancellable,
                                     GError        **error);
GdkTexture *swy_export_render_canvas (SwyCanvas     *canvas,
                                     GError        **error);
GdkTexture *swy_export_render_thumbnail (SwyCanvas  *canvas,
                                         int         width,
                                         int         height,
                                         int         scale,
                                         gboolean    dark);
void        swy_export_get_thumbnail_background (gboolean  dark,
                                                 GdkRGBA  *rgba);
gboolean swy_export_canvas_png      (SwyCanvas      *canvas,
                                     GFile          *file,
                                     GError        **error);
gboolean swy_export_canvas_svg      (SwyCanvas      *canvas,
                                     GFile          *file,
                                     GError        **error);

G_END_DECLS
