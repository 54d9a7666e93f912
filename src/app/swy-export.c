/* swy-export.c: traces, statistics and the canvas, written to files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file is replaced atomically: written to a temporary file that
 * takes the name only once complete, so a failed export never leaves half
 * a file where a good one was. The trace formats are the engine's
 * (swy_trace_write_jsonl, _csv, _chrome); the statistics JSON is what
 * `switchyard-run --stats` writes; the columns of the CSV files are in
 * docs/export-formats.md.
 */

#define G_LOG_DOMAIN "swy-export"

#include "config.h"

#include <string.h>

#include <cairo-svg.h>
#include <glib/gi18n.h>

#include "swy-canvas-private.h"
#include "swy-export.h"

#define SVG_MARGIN 24.0

typedef gboolean (*WriteFunc) (GOutputStream  *stream,
                               gpointer        data,
                               GCancellable   *cancellable,
                               GError        **error);

static gboolean
write_file (GFile         *file,
            WriteFunc      func,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (!func (G_OUTPUT_STREAM (stream), data, cancellable, error))
    {
      g_autoptr(GCancellable) abort = g_cancellable_new ();

      /* Closing a replacing stream cancelled drops the temporary file. */
      g_cancellable_cancel (abort);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort, NULL);
      return FALSE;
    }

  return g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
}

/* Traces */

typedef struct
{
  SwyTrace       *trace;
  SwyTraceFormat  format;
} TraceJob;

static gboolean
write_trace (GOutputStream  *stream,
             gpointer        data,
             GCancellable   *cancellable,
             GError        **error)
{
  TraceJob *job = data;

  switch (job->format)
    {
    case SWY_TRACE_FORMAT_JSONL:
      return swy_trace_write_jsonl (job->trace, stream, cancellable, error);

    case SWY_TRACE_FORMAT_CSV:
      return swy_trace_write_csv (job->trace, stream, cancellable, error);

    case SWY_TRACE_FORMAT_CHROME:
      return swy_trace_write_chrome (job->trace, stream, cancellable, error);

    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * swy_export_trace:
 * @trace: a trace: a graph's, or a replay's
 * @format: JSON lines, CSV, or Chrome's Trace Event Format (for Perfetto)
 * @file: the file to write
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes every record @trace keeps.
 *
 * Returns: whether the file was written
 */
gboolean
swy_export_trace (SwyTrace        *trace,
                  SwyTraceFormat   format,
                  GFile           *file,
                  GCancellable    *cancellable,
                  GError         **error)
{
  TraceJob job = { trace, format };

  g_return_val_if_fail (SWY_IS_TRACE (trace), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return write_file (file, write_trace, &job, cancellable, error);
}

/* Statistics */

static void
append_csv_field (GString    *out,
                  const char *text)
{
  if (text == NULL)
    return;

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_count (GString *out,
              guint64  count)
{
  g_string_append_printf (out, ",%" G_GUINT64_FORMAT, count);
}

static void
append_rate (GString *out,
             double   rate)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_c (out, ',');
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.3f", rate));
}

static void
append_node_row (GString       *out,
                 SwyNode       *node,
                 SwyStatsModel *rates)
{
  SwyStatsRow *row = rates != NULL ? swy_stats_model_lookup_row (rates, G_OBJECT (node)) : NULL;
  g_autoptr(GVariant) reasons = swy_node_dup_drop_reasons (node);
  g_autoptr(GString) joined = g_string_new (NULL);
  GVariantIter iter;
  const char *reason;
  guint64 count;

  g_string_append (out, "node,");
  append_csv_field (out, swy_node_get_id (node));
  g_string_append_c (out, ',');
  append_csv_field (out, swy_node_get_type_name (node));
  g_string_append (out, ",,");
  append_count (out, swy_node_get_received (node));
  append_count (out, swy_node_get_emitted (node));
  append_count (out, swy_node_get_dropped (node));
  g_string_append (out, ",,");
  if (row != NULL)
    {
      append_rate (out, swy_stats_row_get_rate_in (row));
      append_rate (out, swy_stats_row_get_rate_out (row));
    }
  else
    g_string_append (out, ",,");

  g_variant_iter_init (&iter, reasons);
  while (g_variant_iter_next (&iter, "{&st}", &reason, &count))
    g_string_append_printf (joined, "%s%s=%" G_GUINT64_FORMAT, joined->len > 0 ? ";" : "", reason, count);
  g_string_append_c (out, ',');
  append_csv_field (out, joined->str);
  g_string_append (out, "\r\n");
}

static void
append_wire_row (GString       *out,
                 SwyWire       *wire,
                 SwyStatsModel *rates)
{
  SwyStatsRow *row = rates != NULL ? swy_stats_model_lookup_row (rates, G_OBJECT (wire)) : NULL;
  g_autofree char *from = swy_port_dup_address (swy_wire_get_from (wire));
  g_autofree char *to = swy_port_dup_address (swy_wire_get_to (wire));

  g_string_append_printf (out, "wire,%d,%s,", swy_wire_get_index (wire),
                          swy_wire_get_mode (wire) == SWY_WIRE_MODE_QUEUED ? "queued" : "sync");
  append_csv_field (out, from);
  g_string_append_c (out, ',');
  append_csv_field (out, to);
  g_string_append (out, ",,,");
  append_count (out, swy_wire_get_delivered (wire));
  append_count (out, swy_wire_get_lost (wire));
  if (row != NULL)
    {
      append_rate (out, swy_stats_row_get_rate_in (row));
      append_rate (out, swy_stats_row_get_rate_out (row));
    }
  else
    g_string_append (out, ",,");
  g_string_append_c (out, ',');
  if (swy_wire_get_lost (wire) > 0)
    g_string_append_printf (out, "loss=%" G_GUINT64_FORMAT, swy_wire_get_lost (wire));
  g_string_append (out, "\r\n");
}

typedef struct
{
  SwyGraph      *graph;
  SwyStatsModel *rates;
  SwyStatsFormat format;
} StatsJob;

/**
 * swy_export_write_stats_csv:
 * @graph: a graph
 * @rates: (nullable): the statistics view's model, for the rates columns
 * @stream: the stream to write to
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Writes the engine's counters as CSV (RFC 4180, CR LF line ends): the
 * header [const@STATS_CSV_COLUMNS], a `totals` row, one `node` row per
 * node and one `wire` row per wire, in file order. A cell that does not
 * apply is empty; so are the rates without @rates. `drop_reasons` lists
 * `reason=count` pairs separated by `;`.
 *
 * Returns: whether the text was written
 */
gboolean
swy_export_write_stats_csv (SwyGraph       *graph,
                            SwyStatsModel  *rates,
                            GOutputStream  *stream,
                            GCancellable   *cancellable,
                            GError        **error)
{
  g_autoptr(GString) out = g_string_new (SWY_STATS_CSV_COLUMNS "\r\n");
  GListModel *nodes, *wires;

  g_return_val_if_fail (SWY_IS_GRAPH (graph), FALSE);
  g_return_val_if_fail (rates == NULL || SWY_IS_STATS_MODEL (rates), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (rates != NULL)
    swy_stats_model_observe (rates);

  g_string_append (out, "totals,,,,,");
  append_count (out, swy_graph_get_total_emitted (graph));
  append_count (out, swy_graph_get_total_dropped (graph));
  append_count (out, swy_graph_get_total_delivered (graph));
  g_string_append (out, ",,,,\r\n");

  nodes = swy_graph_get_nodes (graph);
  for (guint i = 0; i < g_list_model_get_n_items (nodes); i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (nodes, i);

      append_node_row (out, node, rates);
    }

  wires = swy_graph_get_wires (graph);
  for (guint i = 0; i < g_list_model_get_n_items (wires); i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);

      append_wire_row (out, wire, rates);
    }

  return g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);
}

static gboolean
write_stats (GOutputStream  *stream,
             gpointer        data,
             GCancellable   *cancellable,
             GError        **error)
{
  StatsJob *job = data;
  g_autofree char *json = NULL;
  gsize length = 0;

  if (job->format == SWY_STATS_FORMAT_CSV)
    return swy_export_write_stats_csv (job->graph, job->rates, stream, cancellable, error);

  json = swy_graph_format_stats (job->graph, &length);
  return g_output_stream_write_all (stream, json, length, NULL, cancellable, error);
}

/**
 * swy_export_stats:
 * @graph: a graph
 * @rates: (nullable): the statistics view's model, for the CSV's rates
 * @format: JSON (what `switchyard-run --stats` writes) or CSV
 * @file: the file to write
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Returns: whether the file was written
 */
gboolean
swy_export_stats (SwyGraph        *graph,
                  SwyStatsModel   *rates,
                  SwyStatsFormat   format,
                  GFile           *file,
                  GCancellable    *cancellable,
                  GError         **error)
{
  StatsJob job = { graph, rates, format };

  g_return_val_if_fail (SWY_IS_GRAPH (graph), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return write_file (file, write_stats, &job, cancellable, error);
}

/* The canvas */

/**
 * swy_export_render_canvas:
 * @canvas: a canvas on screen
 * @error: return location for an error
 *
 * Renders the canvas as it is on screen, at the screen's scale.
 *
 * Returns: (transfer full) (nullable): the picture
 */
GdkTexture *
swy_export_render_canvas (SwyCanvas  *canvas,
                          GError    **error)
{
  GtkWidget *widget = GTK_WIDGET (canvas);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  GtkSnapshot *snapshot;
  GtkNative *native;
  int width, height, scale;

  g_return_val_if_fail (SWY_IS_CANVAS (canvas), NULL);

  native = gtk_widget_get_native (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  scale = gtk_widget_get_scale_factor (widget);
  if (native == NULL || !gtk_widget_get_mapped (widget) || width <= 0 || height <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("The canvas is not on screen"));
      return NULL;
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_scale (snapshot, scale, scale);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The canvas drew nothing"));
      return NULL;
    }

  return gsk_renderer_render_texture (gtk_native_get_renderer (native), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width * scale, height * scale));
}

/**
 * swy_export_canvas_png:
 * @canvas: a canvas on screen
 * @file: the file to write
 * @error: return location for an error
 *
 * Saves what the canvas shows (the view, at its zoom) as a PNG image.
 *
 * Returns: whether the file was written
 */
gboolean
swy_export_canvas_png (SwyCanvas  *canvas,
                       GFile      *file,
                       GError    **error)
{
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (SWY_IS_CANVAS (canvas), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  texture = swy_export_render_canvas (canvas, error);
  if (texture == NULL)
    return FALSE;

  bytes = gdk_texture_save_to_png_bytes (texture);

  return g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static cairo_status_t
svg_write_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);

  return CAIRO_STATUS_SUCCESS;
}

/**
 * swy_export_render_thumbnail:
 * @canvas: a canvas with a graph; it need not be on screen
 * @width: the width of the picture, in logical pixels
 * @height: its height
 * @scale: the screen's scale factor
 *
 * @dark: whether to draw in the dark style
 *
 * Draws the whole graph as swy_export_canvas_svg() does, shrunk to fit
 * @width × @height (never enlarged) and centred, on the background that
 * swy_export_get_thumbnail_background() gives: a picture of a graph for a
 * gallery, in the light or the dark style.
 *
 * Returns: (transfer full) (nullable): the picture, or %NULL when the
 *   graph has no nodes
 */
GdkTexture *
swy_export_render_thumbnail (SwyCanvas *canvas,
                             int        width,
                             int        height,
                             int        scale,
                             gboolean   dark)
{
  GdkRGBA paper;
  g_autoptr(GBytes) bytes = NULL;
  graphene_rect_t bounds;
  cairo_surface_t *surface;
  cairo_t *cr;
  double zoom;
  int stride;

  g_return_val_if_fail (SWY_IS_CANVAS (canvas), NULL);
  g_return_val_if_fail (width > 0 && height > 0 && scale > 0, NULL);

  if (!_swy_canvas_get_drawing_bounds (canvas, &bounds))
    return NULL;
  graphene_rect_inset (&bounds, -SVG_MARGIN, -SVG_MARGIN);
  zoom = MIN (1.0, MIN (width / bounds.size.width, height / bounds.size.height));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  swy_export_get_thumbnail_background (dark, &paper);
  gdk_cairo_set_source_rgba (cr, &paper);
  cairo_paint (cr);
  cairo_translate (cr, (width - bounds.size.width * zoom) / 2, (height - bounds.size.height * zoom) / 2);
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -bounds.origin.x, -bounds.origin.y);
  _swy_canvas_draw_to_cairo (canvas, cr, dark);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize) stride * height * scale);
  cairo_surface_destroy (surface);

  /* GDK's default memory format is cairo's ARGB32. */
  return gdk_memory_texture_new (width * scale, height * scale, GDK_MEMORY_DEFAULT, bytes, stride);
}

/**
 * swy_export_get_thumbnail_background:
 * @dark: the dark style or the light one
 * @rgba: (out): the colour
 *
 * The colour swy_export_render_thumbnail() paints behind the graph, for
 * a band around a thumbnail drawn on a wider place.
 */
void
swy_export_get_thumbnail_background (gboolean  dark,
                                     GdkRGBA  *rgba)
{
  /* libadwaita's window background: #242424 dark, #fafafa light */
  float grey = (dark ? 0x24 : 0xfa) / 255.0f;

  *rgba = (GdkRGBA) { grey, grey, grey, 1.0f };
}

/**
 * swy_export_canvas_svg:
 * @canvas: a canvas with a graph
 * @file: the file to write
 * @error: return location for an error
 *
 * Draws the whole graph, whatever the view's zoom and scroll, as an SVG
 * picture: nodes as cards with their id and type, wires as the canvas's
 * curves (dashed when queued), on white.
 *
 * Returns: whether the file was written
 */
gboolean
swy_export_canvas_svg (SwyCanvas  *canvas,
                       GFile      *file,
                       GError    **error)
{
  g_autoptr(GByteArray) svg = g_byte_array_new ();
  graphene_rect_t bounds;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (SWY_IS_CANVAS (canvas), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!_swy_canvas_get_drawing_bounds (canvas, &bounds))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The graph has no nodes to draw"));
      return FALSE;
    }
  graphene_rect_inset (&bounds, -SVG_MARGIN, -SVG_MARGIN);

  surface = cairo_svg_surface_create_for_stream (svg_write_cb, svg,
                                                 ceil (bounds.size.width), ceil (bounds.size.height));
#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE (1, 15, 10)
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
#endif
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, -bounds.origin.x, -bounds.origin.y);
  _swy_canvas_draw_to_cairo (canvas, cr, FALSE);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the graph: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  return g_file_replace_contents (file, (const char *) svg->data, svg->len, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}
