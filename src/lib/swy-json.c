/* swy-json.c: strict JSON reading with positions, stable pretty writing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "swy-graph-io.h"
#include "swy-json-private.h"

/* json-glib accepts things a graph file must not silently accept: a
 * duplicate key keeps only its last value, an integer beyond 64 bits wraps
 * around, a huge number becomes infinity, and its parser recurses once per
 * nesting level. It is also lenient: it takes comments, single quotes, line
 * breaks in strings, hexadecimal numbers and text after the value (whose
 * tree it leaks). A lexical pass over the text catches these with a line
 * and column, and notes where the nodes and wires start. Its tokens are
 * strict JSON (RFC 8259), so json-glib only ever reads text whose tokens
 * and nesting were checked; json-glib reports misplaced tokens. */

#define MAX_NESTING 256

typedef enum
{
  ROLE_NONE,
  ROLE_TOP,
  ROLE_NODES,
  ROLE_WIRES,
} Role;

typedef struct
{
  GHashTable *keys;         /* object keys seen, raw text; NULL for arrays */
  Role        role;
  gboolean    expect_key;   /* objects: the next string is a key */
  gboolean    expect_value; /* arrays: the next token starts an element */
  char       *last_key;     /* objects: the key whose value comes next */
} Frame;

/* A syntax error: its place and what is wrong there, which the callers
 * word for a graph file or for a line of a trace. */
typedef struct
{
  guint  line;    /* 1-based; 0 when json-glib gave no place */
  guint  column;
  char  *message; /* NULL: no error */
} SyntaxError;

typedef struct
{
  const char       *p;
  const char       *end;
  guint             line;
  const char       *line_start;
  GArray           *stack;
  SwyJsonPositions *positions;  /* nullable */
  gboolean          root_done;
  SyntaxError       deferred;   /* reported when json-glib finds nothing */
} Scanner;

static void
frame_clear (gpointer data)
{
  Frame *frame = data;

  g_clear_pointer (&frame->keys, g_hash_table_unref);
  g_clear_pointer (&frame->last_key, g_free);
}

void
_swy_json_positions_clear (SwyJsonPositions *positions)
{
  g_clear_pointer (&positions->node_lines, g_array_unref);
  g_clear_pointer (&positions->wire_lines, g_array_unref);
}

guint
_swy_json_positions_line (GArray *lines,
                          guint   index)
{
  if (lines == NULL || index >= lines->len)
    return 0;

  return g_array_index (lines, guint, index);
}

static guint
column_of (const char *line_start,
           const char *p)
{
  guint column = 1;

  /* Characters, not bytes: count the bytes that start a UTF-8 sequence. */
  for (const char *q = line_start; q < p; q++)
    if (((guchar)*q & 0xC0) != 0x80)
      column++;

  return column;
}

static void
position_of (const char *start,
             const char *p,
             guint      *line,
             guint      *column)
{
  const char *line_start = start;

  *line = 1;
  for (const char *q = start; q < p; q++)
    if (*q == '\n')
      {
        (*line)++;
        line_start = q + 1;
      }
  *column = column_of (line_start, p);
}

G_GNUC_PRINTF (4, 5)
static void
set_syntax_error (SyntaxError *error,
                  guint        line,
                  guint        column,
                  const char  *format,
                  ...)
{
  va_list args;

  if (error->message != NULL)
    return;

  va_start (args, format);
  error->message = g_strdup_vprintf (format, args);
  va_end (args);
  error->line = line;
  error->column = column;
}

static Frame *
top_frame (Scanner *s)
{
  return s->stack->len > 0 ? &g_array_index (s->stack, Frame, s->stack->len - 1) : NULL;
}

/* Called when a value starts at s->p: records element lines and returns
 * the role of the container the value opens, if it is one. */
static Role
value_starts (Scanner *s)
{
  Frame *frame = top_frame (s);
  Role role = ROLE_NONE;

  if (frame == NULL)
    return s->stack->len == 0 ? ROLE_TOP : ROLE_NONE;

  if (frame->keys == NULL)
    {
      if (frame->expect_value && s->positions != NULL)
        {
          guint line = s->line;

          if (frame->role == ROLE_NODES)
            g_array_append_val (s->positions->node_lines, line);
          else if (frame->role == ROLE_WIRES)
            g_array_append_val (s->positions->wire_lines, line);
        }
      frame->expect_value = FALSE;
    }
  else if (frame->role == ROLE_TOP && frame->last_key != NULL && *s->p == '[')
    {
      if (strcmp (frame->last_key, "nodes") == 0)
        role = ROLE_NODES;
      else if (strcmp (frame->last_key, "wires") == 0)
        role = ROLE_WIRES;
    }

  return role;
}

/* Keeps the first duplicate key or out-of-range number: json-glib's own
 * syntax errors are reported before these. */
G_GNUC_PRINTF (3, 4)
static void
defer_error (Scanner    *s,
             const char *at,
             const char *format,
             ...)
{
  va_list args;

  if (s->deferred.message != NULL)
    return;

  va_start (args, format);
  s->deferred.message = g_strdup_vprintf (format, args);
  va_end (args);
  s->deferred.line = s->line;
  s->deferred.column = column_of (s->line_start, at);
}

/* Reads the four hexadecimal digits of a \u escape at @p, if they are there. */
static gboolean
read_hex4 (const char *p,
           const char *end,
           gunichar   *value)
{
  *value = 0;
  for (guint i = 0; i < 4; i++)
    {
      if (p + i >= end || !g_ascii_isxdigit (p[i]))
        return FALSE;
      *value = *value * 16 + g_ascii_xdigit_value (p[i]);
    }

  return TRUE;
}

static gboolean
scan_escape (Scanner     *s,
             SyntaxError *error)
{
  const char *start = s->p;
  gunichar value, low;

  if (s->end - s->p < 2)
    {
      s->p = s->end;  /* the string does not end */
      return TRUE;
    }

  switch (s->p[1])
    {
    case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
      s->p += 2;
      return TRUE;

    case 'u':
      if (!read_hex4 (s->p + 2, s->end, &value))
        {
          set_syntax_error (error, s->line, column_of (s->line_start, start),
                            _("\\u must be followed by four hexadecimal digits"));
          return FALSE;
        }
      /* json-glib would cut the string there. */
      if (value == 0)
        {
          set_syntax_error (error, s->line, column_of (s->line_start, start),
                            _("a string must not contain \\u0000"));
          return FALSE;
        }
      s->p += 6;
      if (value < 0xD800 || value > 0xDFFF)
        return TRUE;
      /* json-glib turns a lone surrogate into text that is not UTF-8. */
      if (value <= 0xDBFF && s->end - s->p >= 6 && s->p[0] == '\\' && s->p[1] == 'u' &&
          read_hex4 (s->p + 2, s->end, &low) && low >= 0xDC00 && low <= 0xDFFF)
        {
          s->p += 6;
          return TRUE;
        }
      set_syntax_error (error, s->line, column_of (s->line_start, start),
                        _("\\u%04X is half of a UTF-16 surrogate pair"), value);
      return FALSE;

    default:
      set_syntax_error (error, s->line, column_of (s->line_start, start),
                        _("invalid escape sequence in a string"));
      return FALSE;
    }
}

static gboolean
scan_string (Scanner     *s,
             const char **text_start,
             const char **text_end,
             SyntaxError *error)
{
  const char *start = s->p;

  *text_start = ++s->p;
  while (s->p < s->end && *s->p != '"')
    {
      if ((guchar)*s->p < 0x20)
        {
          set_syntax_error (error, s->line, column_of (s->line_start, s->p),
                            _("a control character such as a line break "
                              "must be escaped in a string"));
          return FALSE;
        }
      if (*s->p == '\\')
        {
          if (!scan_escape (s, error))
            return FALSE;
        }
      else
        {
          s->p++;
        }
    }
  if (s->p >= s->end)
    {
      set_syntax_error (error, s->line, column_of (s->line_start, start),
                        _("the string does not end"));
      return FALSE;
    }
  *text_end = s->p++;

  return TRUE;
}

/* The text of a string scan_string() accepted, with its escapes decoded as
 * json-glib decodes them: keys compare by what they mean, so that
 * "t\u0069tle" is the duplicate of "title" it is to json-glib. */
static char *
decode_string (const char *p,
               const char *end)
{
  GString *out = g_string_sized_new (end - p);

  while (p < end)
    {
      gunichar value, low;

      if (*p != '\\')
        {
          g_string_append_c (out, *p++);
          continue;
        }
      switch (p[1])
        {
        case 'b': g_string_append_c (out, '\b'); p += 2; break;
        case 'f': g_string_append_c (out, '\f'); p += 2; break;
        case 'n': g_string_append_c (out, '\n'); p += 2; break;
        case 'r': g_string_append_c (out, '\r'); p += 2; break;
        case 't': g_string_append_c (out, '\t'); p += 2; break;
        case 'u':
          /* scan_escape() checked the digits and that a surrogate is paired. */
          read_hex4 (p + 2, end, &value);
          p += 6;
          if (value >= 0xD800 && value <= 0xDBFF && read_hex4 (p + 2, end, &low))
            {
              value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00);
              p += 6;
            }
          g_string_append_unichar (out, value);
          break;
        default:   /* '"', '\\' and '/' stand for themselves */
          g_string_append_c (out, p[1]);
          p += 2;
          break;
        }
    }

  return g_string_free (out, FALSE);
}

static const char *
skip_digits (const char *p,
             const char *end)
{
  while (p < end && g_ascii_isdigit (*p))
    p++;

  return p;
}

/* The JSON grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static const char *
number_end (const char *p,
            const char *end,
            gboolean   *integral)
{
  *integral = TRUE;

  if (p < end && *p == '-')
    p++;
  if (p < end && *p == '0')
    p++;
  else if (p < end && g_ascii_isdigit (*p))
    p = skip_digits (p, end);
  else
    return NULL;

  if (p < end && *p == '.')
    {
      *integral = FALSE;
      if (++p >= end || !g_ascii_isdigit (*p))
        return NULL;
      p = skip_digits (p, end);
    }

  if (p < end && (*p == 'e' || *p == 'E'))
    {
      *integral = FALSE;
      if (++p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return NULL;
      p = skip_digits (p, end);
    }

  /* "01", "1x" and "0x10" are not numbers. */
  if (p < end && (g_ascii_isalnum (*p) || *p == '.' || *p == '+' || *p == '-'))
    return NULL;

  return p;
}

static gboolean
scan_number (Scanner     *s,
             SyntaxError *error)
{
  const char *start = s->p;
  const char *end;
  gboolean integral;
  g_autofree char *token = NULL;
  g_autoptr(GError) local_error = NULL;

  end = number_end (s->p, s->end, &integral);
  if (end == NULL)
    {
      set_syntax_error (error, s->line, column_of (s->line_start, start),
                        _("not a valid number"));
      return FALSE;
    }
  s->p = end;
  token = g_strndup (start, s->p - start);

  if (integral)
    {
      gint64 v;

      if (!g_ascii_string_to_signed (token, 10, G_MININT64, G_MAXINT64, &v, &local_error) &&
          g_error_matches (local_error, G_NUMBER_PARSER_ERROR,
                           G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS))
        defer_error (s, start, _("the integer %s does not fit in 64 bits"), token);
    }
  else
    {
      char *parsed_end = NULL;
      double d = g_ascii_strtod (token, &parsed_end);

      if (parsed_end != NULL && *parsed_end == '\0' && !isfinite (d))
        defer_error (s, start, _("the number %s is too large"), token);
    }

  return TRUE;
}

static gboolean
scan_word (Scanner     *s,
           SyntaxError *error)
{
  static const char * const words[] = { "true", "false", "null" };
  const char *start = s->p;

  while (s->p < s->end && g_ascii_isalnum (*s->p))
    s->p++;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (s->p - start == (gssize)strlen (words[i]) && memcmp (start, words[i], s->p - start) == 0)
      return TRUE;

  set_syntax_error (error, s->line, column_of (s->line_start, start),
                    _("unexpected “%.*s”: a value is a string, a number, an object, an array, "
                      "true, false or null"),
                    (int)MIN (s->p - start, 40), start);
  return FALSE;
}

static void
set_unexpected_error (Scanner     *s,
                      SyntaxError *error)
{
  guint column = column_of (s->line_start, s->p);

  if (s->root_done)
    set_syntax_error (error, s->line, column, _("text after the end of the JSON value"));
  else if ((guchar)*s->p < 0x20 || *s->p == 0x7f)
    set_syntax_error (error, s->line, column, _("unexpected control character"));
  else
    set_syntax_error (error, s->line, column, _("unexpected character “%.*s”"),
                      (int)(g_utf8_next_char (s->p) - s->p), s->p);
}

/* Returns FALSE with @error set on text json-glib must not read; keeps
 * a duplicate key or an out-of-range number in s->deferred and goes on. */
static gboolean
scan (Scanner     *s,
      SyntaxError *error)
{
  while (s->p < s->end)
    {
      char c = *s->p;
      Frame *frame = top_frame (s);

      if (c == ' ' || c == '\t' || c == '\r')
        {
          s->p++;
          continue;
        }
      if (c == '\n')
        {
          s->line++;
          s->line_start = ++s->p;
          continue;
        }
      if (s->root_done)
        {
          set_unexpected_error (s, error);
          return FALSE;
        }

      switch (c)
        {
        case '{':
        case '[':
          {
            Frame child = { NULL, ROLE_NONE, FALSE, FALSE, NULL };

            child.role = value_starts (s);
            if (s->stack->len >= MAX_NESTING)
              {
                set_syntax_error (error, s->line, column_of (s->line_start, s->p),
                                  _("nesting deeper than %u levels"), MAX_NESTING);
                return FALSE;
              }
            if (c == '{')
              {
                child.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
                child.expect_key = TRUE;
                if (child.role != ROLE_TOP)
                  child.role = ROLE_NONE;
              }
            else
              {
                child.expect_value = TRUE;
                if (child.role == ROLE_TOP)
                  child.role = ROLE_NONE;
              }
            g_array_append_val (s->stack, child);
            s->p++;
          }
          break;

        case '}':
        case ']':
          if (frame == NULL || (c == '}') != (frame->keys != NULL))
            {
              set_unexpected_error (s, error);
              return FALSE;
            }
          g_array_set_size (s->stack, s->stack->len - 1);
          s->root_done = s->stack->len == 0;
          s->p++;
          break;

        case ',':
          if (frame == NULL)
            {
              set_unexpected_error (s, error);
              return FALSE;
            }
          if (frame->keys != NULL)
            {
              frame->expect_key = TRUE;
              g_clear_pointer (&frame->last_key, g_free);
            }
          else
            {
              frame->expect_value = TRUE;
            }
          s->p++;
          break;

        case ':':
          s->p++;
          break;

        case '"':
          {
            const char *key_pos = s->p;
            const char *text_start, *text_end;

            if (frame != NULL && frame->keys != NULL && frame->expect_key)
              {
                char *key;

                if (!scan_string (s, &text_start, &text_end, error))
                  return FALSE;
                key = decode_string (text_start, text_end);
                if (!g_hash_table_add (frame->keys, key))
                  defer_error (s, key_pos, _("duplicate key “%s”"), key);
                g_free (frame->last_key);
                frame->last_key = g_strdup (key);
                frame->expect_key = FALSE;
              }
            else
              {
                value_starts (s);
                if (!scan_string (s, &text_start, &text_end, error))
                  return FALSE;
                s->root_done = frame == NULL;
              }
          }
          break;

        default:
          value_starts (s);
          if (c == '-' || g_ascii_isdigit (c))
            {
              if (!scan_number (s, error))
                return FALSE;
            }
          else if (g_ascii_isalpha (c))
            {
              if (!scan_word (s, error))
                return FALSE;
            }
          else
            {
              set_unexpected_error (s, error);
              return FALSE;
            }
          s->root_done = frame == NULL;
          break;
        }
    }

  return TRUE;
}

/* json-glib says "<data>:LINE:COL: Parse error: MESSAGE"; say it our way. */
static void
set_parser_error (const GError *parser_error,
                  SyntaxError  *error)
{
  const char *msg = parser_error->message;
  guint line, column;
  int consumed = 0;

  if (g_str_has_prefix (msg, "<data>:") &&
      sscanf (msg + strlen ("<data>:"), "%u:%u: %n", &line, &column, &consumed) == 2 &&
      consumed > 0)
    {
      const char *rest = msg + strlen ("<data>:") + consumed;
      const char *colon = strstr (rest, ": ");

      /* Drop the "Parse error" label, translated or not. */
      if (colon != NULL && colon - rest < 40)
        rest = colon + 2;
      set_syntax_error (error, line, column, "%s", rest);
      return;
    }

  set_syntax_error (error, 0, 0, _("not valid JSON: %s"), msg);
}

/* Returns the root, or NULL with @error set, or NULL for text that holds
 * no value (only white space). */
static JsonNode *
parse (JsonParser        *parser,
       const char        *data,
       gsize              length,
       SwyJsonPositions  *positions,
       SyntaxError       *error)
{
  g_autoptr(GError) parser_error = NULL;
  g_autoptr(GArray) stack = NULL;
  const char *invalid = NULL;
  Scanner s = { NULL, };
  JsonNode *root;

  if (!g_utf8_validate (data, length, &invalid))
    {
      guint line, column;

      position_of (data, invalid, &line, &column);
      set_syntax_error (error, line, column, _("the text is not valid UTF-8"));
      return NULL;
    }

  stack = g_array_new (FALSE, TRUE, sizeof (Frame));
  g_array_set_clear_func (stack, frame_clear);
  s.p = s.line_start = data;
  s.end = data + length;
  s.line = 1;
  s.stack = stack;
  s.positions = positions;

  if (!scan (&s, error))
    {
      g_free (s.deferred.message);
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, length, &parser_error))
    {
      g_free (s.deferred.message);
      set_parser_error (parser_error, error);
      return NULL;
    }

  if (s.deferred.message != NULL)
    {
      *error = s.deferred;
      return NULL;
    }

  root = json_parser_get_root (parser);

  return root != NULL ? json_node_ref (root) : NULL;
}

JsonNode *
_swy_json_parse (const char        *data,
                 gsize              length,
                 SwyJsonPositions  *positions,
                 GError           **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  SyntaxError syntax_error = { 0, 0, NULL };
  JsonNode *root;

  /* A UTF-8 byte order mark is not JSON, but some editors write one. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  positions->node_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  positions->wire_lines = g_array_new (FALSE, FALSE, sizeof (guint));

  root = parse (parser, data, length, positions, &syntax_error);
  if (syntax_error.message != NULL)
    {
      if (syntax_error.line > 0)
        g_set_error (error, SWY_GRAPH_ERROR, SWY_GRAPH_ERROR_SYNTAX,
                     /* Translators: a place in a file, then what is wrong there */
                     _("line %u, column %u: %s"),
                     syntax_error.line, syntax_error.column, syntax_error.message);
      else
        g_set_error_literal (error, SWY_GRAPH_ERROR, SWY_GRAPH_ERROR_SYNTAX,
                             syntax_error.message);
      g_free (syntax_error.message);
      return NULL;
    }

  if (root == NULL)
    g_set_error_literal (error, SWY_GRAPH_ERROR, SWY_GRAPH_ERROR_SYNTAX,
                         _("the file is empty"));

  return root;
}

JsonNode *
_swy_json_parse_line (JsonParser  *parser,
                      const char  *data,
                      gsize        length,
                      guint       *column,
                      char       **message)
{
  SyntaxError syntax_error = { 0, 0, NULL };
  JsonNode *root;

  g_assert (memchr (data, '\n', length) == NULL);

  root = parse (parser, data, length, NULL, &syntax_error);
  *column = syntax_error.column;
  *message = syntax_error.message;

  return root;
}

/* Writing. json-glib's generator puts a space before each colon and writes
 * 0.1 as 0.10000000000000001; files are for people and for git, so this
 * writer prints two-space indents, "key": value, and the shortest decimal
 * that reads back as the same double. */

/* A JSON string literal, as the file writer and the trace exports write it. */
void
_swy_json_write_string (GString    *out,
                        const char *str)
{
  g_string_append_c (out, '"');
  for (const char *p = str; *p; p++)
    {
      guchar c = *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;

        case '\\':
          g_string_append (out, "\\\\");
          break;

        case '\b':
          g_string_append (out, "\\b");
          break;

        case '\f':
          g_string_append (out, "\\f");
          break;

        case '\n':
          g_string_append (out, "\\n");
          break;

        case '\r':
          g_string_append (out, "\\r");
          break;

        case '\t':
          g_string_append (out, "\\t");
          break;

        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

static void
write_double (GString *out,
              double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      /* JSON has no infinities; the reader never produces them. */
      g_string_append (out, "null");
      return;
    }

  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }

  g_string_append (out, buf);
  /* Keep a double a double: 1.0 stays 1.0, not 1. */
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (out, ".0");
}

static void
write_indent (GString *out,
              guint    level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

static void write_node (GString  *out,
                        JsonNode *node,
                        guint     level);

static void
write_object (GString    *out,
              JsonObject *object,
              guint       level)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;
  gboolean first = TRUE;

  if (json_object_get_size (object) == 0)
    {
      g_string_append (out, "{}");
      return;
    }

  g_string_append_c (out, '{');
  json_object_iter_init_ordered (&iter, object);
  while (json_object_iter_next_ordered (&iter, &name, &member))
    {
      g_string_append (out, first ? "\n" : ",\n");
      first = FALSE;
      write_indent (out, level + 1);
      _swy_json_write_string (out, name);
      g_string_append (out, ": ");
      write_node (out, member, level + 1);
    }
  g_string_append_c (out, '\n');
  write_indent (out, level);
  g_string_append_c (out, '}');
}

static void
write_array (GString   *out,
             JsonArray *array,
             guint      level)
{
  guint n = json_array_get_length (array);

  if (n == 0)
    {
      g_string_append (out, "[]");
      return;
    }

  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, i == 0 ? "\n" : ",\n");
      write_indent (out, level + 1);
      write_node (out, json_array_get_element (array, i), level + 1);
    }
  g_string_append_c (out, '\n');
  write_indent (out, level);
  g_string_append_c (out, ']');
}

static void
write_node (GString  *out,
            JsonNode *node,
            guint     level)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      write_object (out, json_node_get_object (node), level);
      break;

    case JSON_NODE_ARRAY:
      write_array (out, json_node_get_array (node), level);
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_INT64)
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        else if (type == G_TYPE_DOUBLE)
          write_double (out, json_node_get_double (node));
        else if (type == G_TYPE_BOOLEAN)
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
        else if (type == G_TYPE_STRING)
          _swy_json_write_string (out, json_node_get_string (node));
        else
          g_string_append (out, "null");
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

char *
_swy_json_write_pretty (JsonNode *root,
                        gsize    *length)
{
  GString *out = g_string_new (NULL);

  write_node (out, root, 0);
  g_string_append_c (out, '\n');

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}
