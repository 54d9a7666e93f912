/* swy-topic.c: precompiled MQTT-style topic patterns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "swy-topic-private.h"

/* A pattern is split into levels once, when it is set. Matching walks the
 * topic string level by level without allocating, and a one-entry cache
 * (last topic quark, last result) makes the usual case of a repeated topic
 * a single comparison. */

typedef enum
{
  LEVEL_EXACT,
  LEVEL_PLUS,
  LEVEL_HASH,
} LevelKind;

typedef struct
{
  LevelKind   kind;
  guint       len;
  const char *text;
} Level;

struct _SwyPattern
{
  char     *pattern;
  Level    *levels;
  guint     n_levels;
  gboolean  exact;
  GQuark    cached_topic;
  gboolean  cached_result;
};

SwyPattern *
_swy_pattern_new (const char *pattern)
{
  SwyPattern *self;
  const char *p;
  guint n = 1;

  self = g_new0 (SwyPattern, 1);
  self->pattern = g_strdup (pattern);
  self->exact = TRUE;

  for (p = self->pattern; *p; p++)
    if (*p == '/')
      n++;

  self->levels = g_new0 (Level, n);
  self->n_levels = n;

  p = self->pattern;
  for (guint i = 0; i < n; i++)
    {
      const char *end = strchr (p, '/');
      guint len = end ? (guint)(end - p) : (guint)strlen (p);

      self->levels[i].text = p;
      self->levels[i].len = len;
      if (len == 1 && p[0] == '+')
        self->levels[i].kind = LEVEL_PLUS;
      else if (len == 1 && p[0] == '#')
        self->levels[i].kind = LEVEL_HASH;
      else
        self->levels[i].kind = LEVEL_EXACT;

      if (self->levels[i].kind != LEVEL_EXACT)
        self->exact = FALSE;

      p = end ? end + 1 : p + len;
    }

  return self;
}

void
_swy_pattern_free (SwyPattern *self)
{
  if (self == NULL)
    return;

  g_free (self->levels);
  g_free (self->pattern);
  g_free (self);
}

gboolean
_swy_pattern_is_exact (const SwyPattern *self)
{
  return self->exact;
}

gboolean
_swy_pattern_match_string (const SwyPattern *self,
                           const char       *topic)
{
  const char *t = topic;

  for (guint i = 0; i < self->n_levels; i++)
    {
      const Level *level = &self->levels[i];
      const char *end;
      guint len;

      /* `#` matches the rest, including zero levels. */
      if (level->kind == LEVEL_HASH)
        return TRUE;

      if (t == NULL)
        return FALSE;

      end = strchr (t, '/');
      len = end ? (guint)(end - t) : (guint)strlen (t);

      if (level->kind == LEVEL_EXACT &&
          (len != level->len || memcmp (t, level->text, len) != 0))
        return FALSE;

      t = end ? end + 1 : NULL;
    }

  return t == NULL;
}

gboolean
_swy_pattern_match (SwyPattern *self,
                    GQuark      topic)
{
  if (topic != self->cached_topic || topic == 0)
    {
      self->cached_result = _swy_pattern_match_string (self, g_quark_to_string (topic));
      self->cached_topic = topic;
    }

  return self->cached_result;
}
