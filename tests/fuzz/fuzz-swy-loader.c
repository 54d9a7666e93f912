/* fuzz-swy-loader.c: libFuzzer target for the .swy loader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fuzz-common.h"
#include "swy-graph-io.h"

/* Any input either fails with a SWY_GRAPH_ERROR or loads. A graph that
 * loads saves to text that loads back and saves to the same text (the
 * promise of swy_graph_save_to_data()), and it can be stepped: what a
 * file can say, the editor must survive running. */

#define MAX_STEPS 64

static void
check_round_trip (SwyGraph *graph)
{
  g_autoptr(SwyGraph) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  gsize length, length_again;

  text = swy_graph_save_to_data (graph, &length);
  again = swy_graph_new_from_data (text, length, &error);
  if (again == NULL)
    fuzz_fail ("A saved graph does not load: %s\n%s", error->message, text);

  text_again = swy_graph_save_to_data (again, &length_again);
  if (length != length_again || memcmp (text, text_again, length) != 0)
    fuzz_fail ("A saved graph saves differently once loaded:\n%s\n---\n%s", text, text_again);
}

static void
run_a_little (SwyGraph *graph)
{
  g_autofree char *stats = NULL;

  for (guint i = 0; i < MAX_STEPS && swy_graph_step (graph); i++)
    ;
  stats = swy_graph_format_stats (graph, NULL);
  swy_graph_reset (graph);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(SwyGraph) graph = NULL;
  g_autoptr(GError) error = NULL;

  graph = swy_graph_new_from_data ((const char *) data, size, &error);
  if (graph == NULL)
    {
      if (error == NULL || error->domain != SWY_GRAPH_ERROR || error->message[0] == '\0')
        fuzz_fail ("A failed load must say why, in SWY_GRAPH_ERROR");
      return 0;
    }

  check_round_trip (graph);
  run_a_little (graph);

  return 0;
}
