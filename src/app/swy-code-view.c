/* swy-code-view.c: the selection or the whole graph as a GLib C or PyGObject program
 *
 * The Code page of the bottom panel shows what swy_codegen_generate() gives
 * for the node or wire selected on the canvas (or for the whole graph), in C
 * or in Python, with a little colour. It follows the selection and the edits
 * of the graph: a change queues one regeneration at low priority, after the
 * frame, and only while the page is on screen.
 *
 * The text is a selectable GtkLabel with Pango attributes, not a GtkTextView:
 * GtkTextView and its buffer, tag and layout classes intern some sixty
 * quarks, and that pushed the app's windows past GLib's first block of 2,048
 * quarks, which GLib then leaves allocated on purpose (gquark.c): a leak the
 * sanitizer build reports and cannot be told apart from ours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "swy-code-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "swy-code-view.h"
#include "swy-codegen.h"

typedef enum
{
  TAG_COMMENT,
  TAG_STRING,
  TAG_KEYWORD,
  TAG_PREPROCESSOR,
  TAG_NUMBER,
  N_TAGS
} TagKind;

struct _SwyCodeView
{
  GtkWidget      parent_instance;

  SwyGraph      *graph;
  GObject       *focus;         /* the node or wire selected on the canvas */
  gboolean       python;
  gboolean       whole_graph;

  char          *text;          /* what the buffer shows, or NULL */
  char          *shown_key;     /* language, scope and focus of that text */
  guint          update_id;
  guint          scroll_id;
  int            scroll_index;  /* byte index of the line to scroll to, or -1 */
  gboolean       scroll_pending;
  gboolean       dirty;         /* changed while off screen */


  /* Template children */
  GtkLabel      *caption;
  GtkStack      *stack;
  GtkScrolledWindow *scrolled;
  GtkLabel      *code_label;
  AdwStatusPage *status_page;
  GtkButton     *status_button;
};

G_DEFINE_FINAL_TYPE (SwyCodeView, swy_code_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_GRAPH,
  PROP_LANGUAGE,
  PROP_SCOPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_COPIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Highlighting: a small scanner that knows comments, strings, numbers,
 * keywords and, in C, preprocessor lines. Enough to read by; no parser. */

static const char *const c_keywords[] = {
  "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
  "extern", "float", "for", "if", "int", "long", "return", "short", "signed", "sizeof",
  "static", "struct", "switch", "typedef", "union", "unsigned", "void", "while",
  "TRUE", "FALSE", "NULL", "gboolean", "gint", "guint", "gint64", "guint64", "gdouble",
  "gpointer", "gconstpointer", "gchar", "gsize", "GQuark",
};

static const char *const python_keywords[] = {
  "False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del",
  "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
  "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with",
  "yield", "self",
};

static gboolean
is_keyword (const char *word,
            gsize       length,
            gboolean    python)
{
  const char *const *list = python ? python_keywords : c_keywords;
  gsize n = python ? G_N_ELEMENTS (python_keywords) : G_N_ELEMENTS (c_keywords);

  for (gsize i = 0; i < n; i++)
    if (strlen (list[i]) == length && memcmp (list[i], word, length) == 0)
      return TRUE;

  return FALSE;
}

/* Colours from the GNOME palette that read on the light and the dark style. */
static void
add_color (PangoAttrList *attrs,
           TagKind        kind,
           guint          start,
           guint          end)
{
  static const guint16 light[N_TAGS][3] = {
    { 0x5e5e, 0x5c5c, 0x6464 }, { 0x1a1a, 0x7f7f, 0x3737 }, { 0x8181, 0x3d3d, 0x9c9c },
    { 0xc6c6, 0x4646, 0x0000 }, { 0x1a1a, 0x5f5f, 0xb4b4 },
  };
  static const guint16 dark[N_TAGS][3] = {
    { 0xa0a0, 0xa0a0, 0xa8a8 }, { 0x8f8f, 0xf0f0, 0xa4a4 }, { 0xdcdc, 0x8a8a, 0xdddd },
    { 0xffff, 0xbebe, 0x6f6f }, { 0x9999, 0xc1c1, 0xf1f1 },
  };
  const guint16 *rgb = adw_style_manager_get_dark (adw_style_manager_get_default ())
                       ? dark[kind] : light[kind];
  PangoAttribute *attr = pango_attr_foreground_new (rgb[0], rgb[1], rgb[2]);

  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
  if (kind == TAG_COMMENT || kind == TAG_KEYWORD)
    {
      attr = kind == TAG_COMMENT ? pango_attr_style_new (PANGO_STYLE_ITALIC)
                                 : pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attr->start_index = start;
      attr->end_index = end;
      pango_attr_list_insert (attrs, attr);
    }
}

/* The end of a string literal that starts at @p (a quote). */
static const char *
string_end (const char *p,
            gboolean    python)
{
  char quote = *p;

  if (python && p[1] == quote && p[2] == quote)
    {
      const char *end;

      for (end = p + 3; *end != '\0'; end++)
        {
          if (*end == '\\' && end[1] != '\0')
            end++;
          else if (end[0] == quote && end[1] == quote && end[2] == quote)
            return end + 3;
        }
      return end;
    }

  for (p++; *p != '\0' && *p != '\n'; p++)
    {
      if (*p == '\\' && p[1] != '\0' && p[1] != '\n')
        p++;
      else if (*p == quote)
        return p + 1;
    }
  return p;
}

static void
highlight (SwyCodeView *self)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  gboolean line_start = TRUE;
  const char *p = self->text != NULL ? self->text : "";
  const char *text = p;

  while (*p != '\0')
    {
      const char *from = p;
      TagKind kind = N_TAGS;

      if (*p == '\n')
        {
          line_start = TRUE;
          p++;
          continue;
        }
      if (*p == ' ')
        {
          p++;
          continue;
        }

      if (!self->python && line_start && *p == '#')
        {
          p += strcspn (p, "\n");
          kind = TAG_PREPROCESSOR;
        }
      else if (!self->python && p[0] == '/' && p[1] == '*')
        {
          const char *close = strstr (p + 2, "*/");

          p = close != NULL ? close + 2 : p + strlen (p);
          kind = TAG_COMMENT;
        }
      else if ((!self->python && p[0] == '/' && p[1] == '/') || (self->python && *p == '#'))
        {
          p += strcspn (p, "\n");
          kind = TAG_COMMENT;
        }
      else if (*p == '"' || *p == '\'')
        {
          p = string_end (p, self->python);
          kind = TAG_STRING;
        }
      else if (g_ascii_isalpha (*p) || *p == '_')
        {
          while (g_ascii_isalnum (*p) || *p == '_')
            p++;
          if (is_keyword (from, p - from, self->python))
            kind = TAG_KEYWORD;
        }
      else if (g_ascii_isdigit (*p))
        {
          while (g_ascii_isalnum (*p) || *p == '.')
            p++;
          kind = TAG_NUMBER;
        }
      else
        {
          p = g_utf8_next_char (p);
        }

      line_start = FALSE;
      if (kind != N_TAGS)
        add_color (attrs, kind, (guint) (from - text), (guint) (p - text));
    }

  gtk_label_set_attributes (self->code_label, attrs);
  pango_attr_list_unref (attrs);
}

/* What is shown */

/* The focus, if it is still in the graph. */
static GObject *
live_focus (SwyCodeView *self)
{
  if (self->focus == NULL || self->graph == NULL)
    return NULL;
  if (SWY_IS_NODE (self->focus))
    {
      SwyNode *node = SWY_NODE (self->focus);

      return swy_graph_lookup_node (self->graph, swy_node_get_id (node)) == node
             ? self->focus : NULL;
    }
  if (SWY_IS_WIRE (self->focus) && swy_wire_get_index (SWY_WIRE (self->focus)) >= 0 &&
      swy_wire_get_graph (SWY_WIRE (self->focus)) == self->graph)
    return self->focus;

  return NULL;
}

static SwyCodegenScope
current_scope (SwyCodeView *self,
               GObject     *focus)
{
  if (self->whole_graph || focus == NULL)
    return SWY_CODEGEN_SCOPE_GRAPH;

  return SWY_IS_WIRE (focus) ? SWY_CODEGEN_SCOPE_WIRE : SWY_CODEGEN_SCOPE_NODE;
}

static char *
wire_label (SwyWire *wire)
{
  g_autofree char *from = swy_port_dup_address (swy_wire_get_from (wire));
  g_autofree char *to = swy_port_dup_address (swy_wire_get_to (wire));

  /* Translators: a wire, from its source port to its target port */
  return g_strdup_printf (_("%s → %s"), from, to);
}

static char *
caption_text (SwyCodeView     *self,
              SwyCodegenScope  scope,
              GObject         *focus)
{
  g_autofree char *name = swy_codegen_dup_file_name (self->graph,
                                                     self->python ? SWY_CODEGEN_LANGUAGE_PYTHON
                                                                  : SWY_CODEGEN_LANGUAGE_C,
                                                     scope, focus);
  g_autofree char *what = NULL;

  if (scope == SWY_CODEGEN_SCOPE_NODE)
    /* Translators: the node's id */
    what = g_strdup_printf (_("node “%s” with what feeds it and what it feeds"),
                            swy_node_get_id (SWY_NODE (focus)));
  else if (scope == SWY_CODEGEN_SCOPE_WIRE)
    {
      g_autofree char *label = wire_label (SWY_WIRE (focus));

      /* Translators: a wire, with what feeds it */
      what = g_strdup_printf (_("the wire %s with what feeds it"), label);
    }
  else
    what = g_strdup (_("the whole graph"));

  /* Translators: the program's suggested file name, then what it shows */
  return g_strdup_printf (_("%s · %s"), name, what);
}

static void
set_actions_enabled (SwyCodeView *self,
                     gboolean     enabled)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "code.copy", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "code.save-as", enabled);
}

static void
show_status (SwyCodeView *self,
             const char  *title,
             const char  *description,
             gboolean     offer_graph)
{
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->shown_key, g_free);
  gtk_label_set_text (self->code_label, "");
  gtk_label_set_attributes (self->code_label, NULL);
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, description);
  gtk_widget_set_visible (GTK_WIDGET (self->status_button), offer_graph);
  gtk_label_set_text (self->caption, "");
  gtk_stack_set_visible_child_name (self->stack, "status");
  set_actions_enabled (self, FALSE);
}

/* Scrolls to the pending line once the label is laid out with the text:
 * from an idle, and again after the scrolled window's range changes. */
static void
apply_scroll (SwyCodeView *self)
{
  GtkAdjustment *vadj = gtk_scrolled_window_get_vadjustment (self->scrolled);
  PangoRectangle pos;
  int offset_x, offset_y;
  double top, y;

  if (!self->scroll_pending)
    return;
  if (self->text == NULL || self->scroll_index < 0)
    {
      self->scroll_pending = FALSE;
      gtk_adjustment_set_value (vadj, 0);
      return;
    }

  pango_layout_index_to_pos (gtk_label_get_layout (self->code_label), self->scroll_index, &pos);
  gtk_label_get_layout_offsets (self->code_label, &offset_x, &offset_y);
  top = offset_y + PANGO_PIXELS (pos.y);
  if (top + PANGO_PIXELS (pos.height) > gtk_adjustment_get_upper (vadj))
    return;   /* the range is the previous text's still */

  y = top - 0.3 * gtk_adjustment_get_page_size (vadj);
  self->scroll_pending = FALSE;
  gtk_adjustment_set_value (vadj, MAX (0.0, y));
}

static gboolean
scroll_cb (gpointer user_data)
{
  SwyCodeView *self = SWY_CODE_VIEW (user_data);

  self->scroll_id = 0;
  apply_scroll (self);

  return G_SOURCE_REMOVE;
}

/* The range changes while the viewport is allocated, when a value set at
 * once would not move it: try again from an idle. */
static void
range_changed_cb (SwyCodeView *self)
{
  if (self->scroll_pending && self->scroll_id == 0)
    self->scroll_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, scroll_cb, self, NULL);
}

/* In the whole graph, the line of build_graph() that the focus marks; else
 * the top. The scroll waits until the label is laid out with the new text
 * (apply_scroll()), so that it lands there. */
static void
scroll_to_focus_mark (SwyCodeView *self,
                      GObject     *focus)
{
  const char *needle = SWY_IS_WIRE (focus) ? "You picked this wire." : "You picked this node.";
  const char *found = focus != NULL ? strstr (self->text, needle) : NULL;

  if (found != NULL)
    {
      while (found > self->text && found[-1] != '\n')
        found--;
      self->scroll_index = (int) (found - self->text);
    }
  else
    {
      self->scroll_index = -1;
    }
  self->scroll_pending = TRUE;
  if (self->scroll_id == 0)
    self->scroll_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, scroll_cb, self, NULL);
}

static void
update (SwyCodeView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;
  g_autofree char *caption = NULL;
  GObject *focus = live_focus (self);
  SwyCodegenScope scope = current_scope (self, focus);
  SwyCodegenLanguage lang = self->python ? SWY_CODEGEN_LANGUAGE_PYTHON : SWY_CODEGEN_LANGUAGE_C;

  g_clear_handle_id (&self->update_id, g_source_remove);
  self->dirty = FALSE;

  if (self->graph == NULL)
    {
      show_status (self, _("No Graph"), NULL, FALSE);
      return;
    }
  if (!self->whole_graph && focus == NULL)
    {
      show_status (self, _("Nothing Selected"),
                   _("Select a node or a wire on the canvas to see it as a program of its own, in plain GLib C or in Python"),
                   TRUE);
      return;
    }

  text = swy_codegen_generate (self->graph, lang, scope, focus, &error);
  if (text == NULL)
    {
      show_status (self, _("No Program for This"), error->message, !self->whole_graph);
      return;
    }

  key = g_strdup_printf ("%d %d %p", lang, scope, (gpointer) focus);
  caption = caption_text (self, scope, focus);
  gtk_label_set_text (self->caption, caption);
  gtk_stack_set_visible_child_name (self->stack, "code");
  set_actions_enabled (self, TRUE);

  if (g_strcmp0 (text, self->text) == 0 && g_strcmp0 (key, self->shown_key) == 0)
    return;

  /* The same program after an edit keeps its place; another one starts at
   * the top, or at the line the focus marks. */
  g_free (self->text);
  self->text = g_steal_pointer (&text);
  gtk_label_set_text (self->code_label, self->text);
  highlight (self);
  if (g_strcmp0 (key, self->shown_key) != 0)
    {
      g_free (self->shown_key);
      self->shown_key = g_steal_pointer (&key);
      scroll_to_focus_mark (self, scope == SWY_CODEGEN_SCOPE_GRAPH ? focus : NULL);
    }
}

static gboolean
update_cb (gpointer user_data)
{
  SwyCodeView *self = SWY_CODE_VIEW (user_data);

  self->update_id = 0;
  update (self);

  return G_SOURCE_REMOVE;
}

/**
 * swy_code_view_queue_update:
 * @self: a code view
 *
 * Regenerates the program soon: once for any number of calls made in one
 * turn of the main loop, before the next frame is drawn (also while the
 * graph runs and frames follow each other without a gap), and not before
 * the view is on screen.
 */
void
swy_code_view_queue_update (SwyCodeView *self)
{
  g_return_if_fail (SWY_IS_CODE_VIEW (self));

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_cb, self, NULL);
}

/* Actions */

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SwyCodeView *self = SWY_CODE_VIEW (widget);

  if (self->text == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->text);
  g_signal_emit (self, signals[SIGNAL_COPIED], 0);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  /* The window's export asks where, writes and says how it went. */
  gtk_widget_activate_action (widget, "win.export", "s", "code");
}

/* Public API */

GtkWidget *
swy_code_view_new (void)
{
  return g_object_new (SWY_TYPE_CODE_VIEW, NULL);
}

static void
graph_items_changed_cb (SwyCodeView *self)
{
  swy_code_view_queue_update (self);
}

void
swy_code_view_set_graph (SwyCodeView *self,
                         SwyGraph    *graph)
{
  g_return_if_fail (SWY_IS_CODE_VIEW (self));
  g_return_if_fail (graph == NULL || SWY_IS_GRAPH (graph));

  if (self->graph == graph)
    return;

  if (self->graph != NULL)
    {
      g_signal_handlers_disconnect_by_data (swy_graph_get_nodes (self->graph), self);
      g_signal_handlers_disconnect_by_data (swy_graph_get_wires (self->graph), self);
      g_signal_handlers_disconnect_by_data (self->graph, self);
    }
  g_set_object (&self->graph, graph);
  g_clear_object (&self->focus);
  if (graph != NULL)
    {
      /* Edits through the document also reach the window, which calls
       * swy_code_view_queue_update(); these cover the rest. */
      g_signal_connect_swapped (swy_graph_get_nodes (graph), "items-changed",
                                G_CALLBACK (graph_items_changed_cb), self);
      g_signal_connect_swapped (swy_graph_get_wires (graph), "items-changed",
                                G_CALLBACK (graph_items_changed_cb), self);
      g_signal_connect_swapped (graph, "notify::title", G_CALLBACK (graph_items_changed_cb), self);
    }
  swy_code_view_queue_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRAPH]);
}

/**
 * swy_code_view_set_focus:
 * @self: a code view
 * @focus: (nullable): the node or wire selected, or %NULL
 *
 * Sets what the Selection scope shows, and what the whole graph marks.
 */
void
swy_code_view_set_focus (SwyCodeView *self,
                         GObject     *focus)
{
  g_return_if_fail (SWY_IS_CODE_VIEW (self));
  g_return_if_fail (focus == NULL || SWY_IS_NODE (focus) || SWY_IS_WIRE (focus));

  if (g_set_object (&self->focus, focus))
    swy_code_view_queue_update (self);
}

/**
 * swy_code_view_get_text:
 * @self: a code view
 *
 * Returns: (nullable): the program shown, as swy_codegen_generate() gave it,
 *   or %NULL when the view shows no program
 */
const char *
swy_code_view_get_text (SwyCodeView *self)
{
  g_return_val_if_fail (SWY_IS_CODE_VIEW (self), NULL);

  return self->text;
}

/**
 * swy_code_view_dup_shown_text:
 * @self: a code view
 *
 * Returns: (transfer full): the text the view shows
 */
char *
swy_code_view_dup_shown_text (SwyCodeView *self)
{
  g_return_val_if_fail (SWY_IS_CODE_VIEW (self), NULL);

  return g_strdup (gtk_label_get_text (self->code_label));
}

/**
 * swy_code_view_dup_file_name:
 * @self: a code view
 *
 * Returns: (transfer full): a file name for the program shown
 */
char *
swy_code_view_dup_file_name (SwyCodeView *self)
{
  GObject *focus;

  g_return_val_if_fail (SWY_IS_CODE_VIEW (self), NULL);

  if (self->graph == NULL)
    return g_strdup (self->python ? "graph.py" : "graph.c");

  focus = live_focus (self);
  return swy_codegen_dup_file_name (self->graph,
                                    self->python ? SWY_CODEGEN_LANGUAGE_PYTHON
                                                 : SWY_CODEGEN_LANGUAGE_C,
                                    current_scope (self, focus), focus);
}

/**
 * swy_code_view_save:
 * @self: a code view
 * @file: where to write
 * @error: return location for an error
 *
 * Writes the program shown to @file (replacing it, atomically).
 *
 * Returns: %TRUE when written
 */
gboolean
swy_code_view_save (SwyCodeView *self,
                    GFile       *file,
                    GError     **error)
{
  g_return_val_if_fail (SWY_IS_CODE_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->dirty || self->update_id != 0)
    update (self);
  if (self->text == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("There is no program to save: select a node or a wire, or show the whole graph"));
      return FALSE;
    }

  return g_file_replace_contents (file, self->text, strlen (self->text), NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}

/* GObject */

static void
swy_code_view_map (GtkWidget *widget)
{
  SwyCodeView *self = SWY_CODE_VIEW (widget);

  GTK_WIDGET_CLASS (swy_code_view_parent_class)->map (widget);

  if (self->dirty)
    update (self);
}

static void
swy_code_view_dispose (GObject *object)
{
  SwyCodeView *self = SWY_CODE_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_handle_id (&self->scroll_id, g_source_remove);
  swy_code_view_set_graph (self, NULL);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SWY_TYPE_CODE_VIEW);
  /* The template's children without an id are not bound, so not disposed. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (swy_code_view_parent_class)->dispose (object);
}

static void
swy_code_view_finalize (GObject *object)
{
  SwyCodeView *self = SWY_CODE_VIEW (object);

  g_free (self->text);
  g_free (self->shown_key);

  G_OBJECT_CLASS (swy_code_view_parent_class)->finalize (object);
}

static void
swy_code_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SwyCodeView *self = SWY_CODE_VIEW (object);

  switch (prop_id)
    {
    case PROP_GRAPH:
      g_value_set_object (value, self->graph);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->python ? "python" : "c");
      break;
    case PROP_SCOPE:
      g_value_set_string (value, self->whole_graph ? "graph" : "selection");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_code_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SwyCodeView *self = SWY_CODE_VIEW (object);
  gboolean flag;

  switch (prop_id)
    {
    case PROP_GRAPH:
      swy_code_view_set_graph (self, g_value_get_object (value));
      break;
    case PROP_LANGUAGE:
      flag = g_strcmp0 (g_value_get_string (value), "python") == 0;
      if (flag != self->python)
        {
          self->python = flag;
          swy_code_view_queue_update (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SCOPE:
      flag = g_strcmp0 (g_value_get_string (value), "graph") == 0;
      if (flag != self->whole_graph)
        {
          self->whole_graph = flag;
          swy_code_view_queue_update (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_code_view_class_init (SwyCodeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = swy_code_view_dispose;
  object_class->finalize = swy_code_view_finalize;
  object_class->get_property = swy_code_view_get_property;
  object_class->set_property = swy_code_view_set_property;
  widget_class->map = swy_code_view_map;

  properties[PROP_GRAPH] =
    g_param_spec_object ("graph", NULL, NULL, SWY_TYPE_GRAPH,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "c",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SCOPE] =
    g_param_spec_string ("scope", NULL, NULL, "selection",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SwyCodeView::copied:
   *
   * Emitted after the program shown was put on the clipboard.
   */
  signals[SIGNAL_COPIED] =
    g_signal_new ("copied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_property_action (widget_class, "code.language", "language");
  gtk_widget_class_install_property_action (widget_class, "code.scope", "scope");
  gtk_widget_class_install_action (widget_class, "code.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "code.save-as", NULL, save_as_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/swy-code-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SwyCodeView, caption);
  gtk_widget_class_bind_template_child (widget_class, SwyCodeView, stack);
  gtk_widget_class_bind_template_child (widget_class, SwyCodeView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, SwyCodeView, code_label);
  gtk_widget_class_bind_template_child (widget_class, SwyCodeView, status_page);
  gtk_widget_class_bind_template_child (widget_class, SwyCodeView, status_button);

  gtk_widget_class_set_css_name (widget_class, "swy-code-view");
}

static void
style_changed_cb (SwyCodeView *self)
{
  highlight (self);
}

static void
swy_code_view_init (SwyCodeView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scrolled), "changed",
                           G_CALLBACK (range_changed_cb), self, G_CONNECT_SWAPPED);
  set_actions_enabled (self, FALSE);
  self->scroll_index = -1;
  self->dirty = TRUE;
}
