/* ---------------------------------------------------------------------- */
/* Main                                                                    */
/* ---------------------------------------------------------------------- */

static void
pending_free (gpointer data)
{
  Pending *item = data;

  if (item->destroy != NULL)
    item->destroy (item->data);
  g_free (item);
}

%%if button
/* --click ID@MS presses a button at MS of virtual time. */
static void
click_cb (gpointer data)
{
  demo_button_node_click (data);
}

static void
schedule_click (const char *spec)
{
  g_auto(GStrv) parts = g_strsplit (spec, "@", 2);
  DemoNode *node = find_node (parts[0]);

  if (!DEMO_IS_BUTTON_NODE (node))
    g_error ("\"%s\" is not a button", parts[0]);
  schedule (MS (parts[1] != NULL ? g_ascii_strtoll (parts[1], NULL, 10) : 0),
            G_PRIORITY_DEFAULT, click_cb, node, NULL);
}

%%endif
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
%%if button
  g_auto(GStrv) clicks = NULL;
%%endif
%%if random
  gint64 seed = SEED;
%%endif
  gint64 until_ms = -1;
  const GOptionEntry entries[] = {
    { "time-scale", 0, 0, G_OPTION_ARG_DOUBLE, &time_scale,
      "Real seconds per second of graph time (default 1; 0: no waiting)", "S" },
    { "until", 0, 0, G_OPTION_ARG_INT64, &until_ms,
      "Stop at MS milliseconds of graph time (default: when nothing is pending, at most one hour)",
      "MS" },
%%if random
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
      "Seed of the random generator (default: the graph's, @@SEED@@)", "N" },
%%endif
%%if button
    { "click", 0, 0, G_OPTION_ARG_STRING_ARRAY, &clicks,
      "Press the button ID at MS milliseconds of graph time (repeatable)", "ID@MS" },
%%endif
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Print the counts only", NULL },
    G_OPTION_ENTRY_NULL
  };

  /* g_print () writes node ids and topics in the locale's character set. */
  setlocale (LC_ALL, "");

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (until_ms >= 0)
    {
      until_us = MS (until_ms);
      until_given = TRUE;
    }
%%if random
  random_seed ((guint64) seed);
%%endif

  nodes = g_ptr_array_new_with_free_func (g_object_unref);
  wires = g_ptr_array_new ();
  build_graph ();

  /* Producers schedule their first items, in file order. */
  for (guint i = 0; i < nodes->len; i++)
    demo_node_start (g_ptr_array_index (nodes, i));
%%if button
  for (guint i = 0; clicks != NULL && clicks[i] != NULL; i++)
    schedule_click (clicks[i]);
%%endif

  loop = g_main_loop_new (NULL, FALSE);
  start_real_us = g_get_monotonic_time ();
  if (wake_up_for_next ())
    g_main_loop_run (loop);

  /* Stopped by --until or by the one-hour limit: the clock is there. */
  if (until_given || !g_queue_is_empty (&pending))
    now_us = until_us;

  print_summary ();

  g_queue_clear_full (&pending, pending_free);
  free_graph ();
  g_main_loop_unref (loop);

  return 0;
}
