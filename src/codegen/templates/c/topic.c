/* ---------------------------------------------------------------------- */
/* Topics                                                                  */
/* ---------------------------------------------------------------------- */

/* Subscriptions follow MQTT: levels are separated by '/', "+" matches
 * exactly one level and "#" the rest, including nothing. */

static gboolean
topic_is_exact (const char *subscription)
{
  g_auto(GStrv) levels = g_strsplit (subscription, "/", -1);

  for (guint i = 0; levels[i] != NULL; i++)
    if (g_str_equal (levels[i], "+") || g_str_equal (levels[i], "#"))
      return FALSE;

  return TRUE;
}

%%if matcher
static gboolean
topic_matches (const char *pattern,
               const char *topic)
{
  g_auto(GStrv) levels = g_strsplit (pattern, "/", -1);
  const char *t = topic;   /* the levels of the topic not matched yet */

  for (guint i = 0; levels[i] != NULL; i++)
    {
      const char *end;
      gsize len;

      if (g_str_equal (levels[i], "#"))
        return TRUE;
      if (t == NULL)
        return FALSE;

      end = strchr (t, '/');
      len = end != NULL ? (gsize) (end - t) : strlen (t);
      if (!g_str_equal (levels[i], "+") &&
          (strlen (levels[i]) != len || strncmp (levels[i], t, len) != 0))
        return FALSE;

      t = end != NULL ? end + 1 : NULL;
    }

  return t == NULL;
}

%%endif
