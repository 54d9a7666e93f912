/* swy-document.c: one open graph, its file, and its undo history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit the GUI makes goes through here, so that it can be undone. The
 * history stores edits by name (node ids, wire keys), never by pointer: a node
 * removed and restored is a new object with the same id, and a wire keeps the
 * key the document gave it, so older history entries still find what they
 * mean. Live engine state (counters, queues) is not part of the history.
 */

#define G_LOG_DOMAIN "swy-document"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "swy-document.h"

#define MERGE_WINDOW_US (1500 * G_TIME_SPAN_MILLISECOND)

typedef struct
{
  char  *name;
  GValue value;
} Setting;

typedef struct
{
  char   *type_name;
  char   *id;
  guint   position;    /* in the graph's node order */
  double  x;
  double  y;
  GArray *settings;    /* of Setting */
} NodeSpec;

typedef struct
{
  char   *from;
  char   *to;
  guint   position;    /* in the graph's wire order, which is handler order */
  guint   key;
  GArray *settings;    /* of Setting */
} WireSpec;

typedef enum
{
  CMD_INSERT,
  CMD_REMOVE,
  CMD_MOVE,
  CMD_SET,
  CMD_RENAME,
  CMD_GROUP,
} CommandKind;

typedef struct
{
  CommandKind  kind;
  gint64       time;
  /* CMD_INSERT, CMD_REMOVE */
  GPtrArray   *nodes;     /* of NodeSpec */
  GPtrArray   *wires;     /* of WireSpec */
  /* CMD_MOVE */
  GStrv        ids;
  double       dx;
  double       dy;
  /* CMD_SET: target is a node id or, with wire_key != 0, a wire */
  char        *target;
  guint        wire_key;
  char        *name;
  GValue       before;
  GValue       after;
  /* CMD_RENAME */
  char        *old_id;
  char        *new_id;
  /* CMD_GROUP */
  GPtrArray   *children;  /* of Command */
} Command;

struct _SwyDocument
{
  GObject    parent_instance;

  SwyGraph  *graph;
  GFile     *file;
  /* The file's entity tag when the document last read or wrote it: a
   * different one now means someone else changed the file. */
  char      *etag;

  GPtrArray *undo_stack;    /* of Command */
  GPtrArray *redo_stack;    /* of Command */
  GPtrArray *group;         /* of Command, while a group is open */
  guint      group_depth;
  /* Undo depth at the last save or load; -1 when that state is gone. */
  int        saved_depth;
  guint      next_wire_key;
  gboolean   replaying;
};

G_DEFINE_FINAL_TYPE (SwyDocument, swy_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_GRAPH,
  PROP_FILE,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static GQuark wire_key_quark;

static void
setting_clear (gpointer data)
{
  Setting *setting = data;

  g_clear_pointer (&setting->name, g_free);
  g_value_unset (&setting->value);
}

static void
node_spec_free (gpointer data)
{
  NodeSpec *spec = data;

  g_free (spec->type_name);
  g_free (spec->id);
  g_array_unref (spec->settings);
  g_free (spec);
}

static void
wire_spec_free (gpointer data)
{
  WireSpec *spec = data;

  g_free (spec->from);
  g_free (spec->to);
  g_array_unref (spec->settings);
  g_free (spec);
}

static void
command_free (gpointer data)
{
  Command *cmd = data;

  g_clear_pointer (&cmd->nodes, g_ptr_array_unref);
  g_clear_pointer (&cmd->wires, g_ptr_array_unref);
  g_clear_pointer (&cmd->ids, g_strfreev);
  g_free (cmd->target);
  g_free (cmd->name);
  if (G_IS_VALUE (&cmd->before))
    g_value_unset (&cmd->before);
  if (G_IS_VALUE (&cmd->after))
    g_value_unset (&cmd->after);
  g_free (cmd->old_id);
  g_free (cmd->new_id);
  g_clear_pointer (&cmd->children, g_ptr_array_unref);
  g_free (cmd);
}

static Command *
command_new (CommandKind kind)
{
  Command *cmd = g_new0 (Command, 1);

  cmd->kind = kind;
  cmd->time = g_get_monotonic_time ();

  return cmd;
}

/* The settings an editor may change: writable after construction, and for
 * nodes those of the node type rather than the base class. */
static gboolean
is_setting (GParamSpec *pspec,
            GType       base)
{
  if ((pspec->flags & G_PARAM_WRITABLE) == 0 || (pspec->flags & G_PARAM_CONSTRUCT_ONLY) != 0)
    return FALSE;

  if (base == SWY_TYPE_NODE)
    return pspec->owner_type != SWY_TYPE_NODE;

  return TRUE;
}

static GArray *
capture_settings (GObject *object,
                  GType    base)
{
  GArray *settings = g_array_new (FALSE, TRUE, sizeof (Setting));
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  g_array_set_clear_func (settings, setting_clear);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      Setting setting = { 0 };

      if (!is_setting (pspecs[i], base))
        continue;
      setting.name = g_strdup (pspecs[i]->name);
      g_value_init (&setting.value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &setting.value);
      g_array_append_val (settings, setting);
    }

  return settings;
}

static void
apply_settings (GObject *object,
                GArray  *settings)
{
  for (guint i = 0; i < settings->len; i++)
    {
      Setting *setting = &g_array_index (settings, Setting, i);

      g_object_set_property (object, setting->name, &setting->value);
    }
}

static guint
get_wire_key (SwyWire *wire)
{
  return GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (wire), wire_key_quark));
}

static guint
ensure_wire_key (SwyDocument *self,
                 SwyWire     *wire)
{
  guint key = get_wire_key (wire);

  if (key == 0)
    {
      key = ++self->next_wire_key;
      g_object_set_qdata (G_OBJECT (wire), wire_key_quark, GUINT_TO_POINTER (key));
    }

  return key;
}

static SwyWire *
lookup_wire (SwyDocument *self,
             guint        key)
{
  GListModel *wires = swy_graph_get_wires (self->graph);
  guint n = g_list_model_get_n_items (wires);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);

      if (get_wire_key (wire) == key)
        return wire;
    }

  return NULL;
}

static guint
node_position (SwyNode *node)
{
  SwyGraph *graph = swy_node_get_graph (node);
  GListModel *nodes = graph != NULL ? swy_graph_get_nodes (graph) : NULL;
  guint n = nodes != NULL ? g_list_model_get_n_items (nodes) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyNode) other = g_list_model_get_item (nodes, i);

      if (other == node)
        return i;
    }

  return G_MAXUINT;
}

static NodeSpec *
capture_node (SwyNode *node)
{
  NodeSpec *spec = g_new0 (NodeSpec, 1);
  SwyNodeType *type = swy_catalog_lookup_gtype (G_OBJECT_TYPE (node));

  spec->position = node_position (node);
  spec->type_name = g_strdup (swy_node_type_get_name (type));
  spec->id = g_strdup (swy_node_get_id (node));
  spec->x = swy_node_get_x (node);
  spec->y = swy_node_get_y (node);
  spec->settings = capture_settings (G_OBJECT (node), SWY_TYPE_NODE);

  return spec;
}

static WireSpec *
capture_wire (SwyDocument *self,
              SwyWire     *wire)
{
  WireSpec *spec = g_new0 (WireSpec, 1);

  spec->from = swy_port_dup_address (swy_wire_get_from (wire));
  spec->to = swy_port_dup_address (swy_wire_get_to (wire));
  spec->position = swy_wire_get_index (wire) >= 0 ? (guint) swy_wire_get_index (wire) : G_MAXUINT;
  spec->key = ensure_wire_key (self, wire);
  spec->settings = capture_settings (G_OBJECT (wire), SWY_TYPE_WIRE);

  return spec;
}

/* Nodes and wires come back where they were in the graph's order: for wires
 * that is handler order, which decides who hears an event first. */
static SwyNode *
restore_node (SwyDocument  *self,
              NodeSpec     *spec,
              GError      **error)
{
  g_autoptr(SwyNode) node = swy_catalog_create_node (spec->type_name, spec->id, error);

  if (node == NULL || !swy_graph_insert_node (self->graph, node, spec->position, error))
    return NULL;

  swy_node_set_x (node, spec->x);
  swy_node_set_y (node, spec->y);
  apply_settings (G_OBJECT (node), spec->settings);

  return node;   /* the graph holds it */
}

static SwyWire *
restore_wire (SwyDocument  *self,
              WireSpec     *spec,
              GError      **error)
{
  g_autoptr(SwyWire) wire = NULL;
  SwyPort *from = swy_graph_lookup_port (self->graph, spec->from, error);
  SwyPort *to = from != NULL ? swy_graph_lookup_port (self->graph, spec->to, error) : NULL;

  if (to == NULL)
    return NULL;
  wire = swy_wire_new (from, to);
  if (!swy_graph_insert_wire (self->graph, wire, spec->position, error))
    return NULL;

  g_object_set_qdata (G_OBJECT (wire), wire_key_quark, GUINT_TO_POINTER (spec->key));
  apply_settings (G_OBJECT (wire), spec->settings);

  return wire;   /* the graph holds it */
}

static void
insert_specs (SwyDocument *self,
              GPtrArray   *nodes,
              GPtrArray   *wires)
{
  for (guint i = 0; i < nodes->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (restore_node (self, g_ptr_array_index (nodes, i), &error) == NULL)
        g_warning ("Failed to restore a node: %s", error->message);
    }
  for (guint i = 0; i < wires->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (restore_wire (self, g_ptr_array_index (wires, i), &error) == NULL)
        g_warning ("Failed to restore a wire: %s", error->message);
    }
}

static void
remove_specs (SwyDocument *self,
              GPtrArray   *nodes,
              GPtrArray   *wires)
{
  for (guint i = wires->len; i > 0; i--)
    {
      WireSpec *spec = g_ptr_array_index (wires, i - 1);
      SwyWire *wire = lookup_wire (self, spec->key);

      if (wire != NULL)
        swy_graph_remove_wire (self->graph, wire);
    }
  for (guint i = nodes->len; i > 0; i--)
    {
      NodeSpec *spec = g_ptr_array_index (nodes, i - 1);
      SwyNode *node = swy_graph_lookup_node (self->graph, spec->id);

      if (node != NULL)
        swy_graph_remove_node (self->graph, node);
    }
}

static void
move_ids (SwyDocument *self,
          GStrv        ids,
          double       dx,
          double       dy)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      SwyNode *node = swy_graph_lookup_node (self->graph, ids[i]);

      if (node == NULL)
        continue;
      swy_node_set_x (node, swy_node_get_x (node) + dx);
      swy_node_set_y (node, swy_node_get_y (node) + dy);
    }
}

static GObject *
lookup_target (SwyDocument *self,
               Command     *cmd)
{
  if (cmd->wire_key != 0)
    return G_OBJECT (lookup_wire (self, cmd->wire_key));

  return G_OBJECT (swy_graph_lookup_node (self->graph, cmd->target));
}

static void run_command (SwyDocument *self,
                         Command     *cmd,
                         gboolean     undo);

static void
run_command (SwyDocument *self,
             Command     *cmd,
             gboolean     undo)
{
  GObject *target;

  switch (cmd->kind)
    {
    case CMD_INSERT:
      if (undo)
        remove_specs (self, cmd->nodes, cmd->wires);
      else
        insert_specs (self, cmd->nodes, cmd->wires);
      break;

    case CMD_REMOVE:
      if (undo)
        insert_specs (self, cmd->nodes, cmd->wires);
      else
        remove_specs (self, cmd->nodes, cmd->wires);
      break;

    case CMD_MOVE:
      move_ids (self, cmd->ids, undo ? -cmd->dx : cmd->dx, undo ? -cmd->dy : cmd->dy);
      break;

    case CMD_SET:
      target = lookup_target (self, cmd);
      if (target != NULL)
        g_object_set_property (target, cmd->name, undo ? &cmd->before : &cmd->after);
      break;

    case CMD_RENAME:
      {
        SwyNode *node = swy_graph_lookup_node (self->graph, undo ? cmd->new_id : cmd->old_id);

        if (node != NULL)
          swy_graph_rename_node (self->graph, node, undo ? cmd->old_id : cmd->new_id, NULL);
      }
      break;

    case CMD_GROUP:
      if (undo)
        for (guint i = cmd->children->len; i > 0; i--)
          run_command (self, g_ptr_array_index (cmd->children, i - 1), TRUE);
      else
        for (guint i = 0; i < cmd->children->len; i++)
          run_command (self, g_ptr_array_index (cmd->children, i), FALSE);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
notify_history (SwyDocument *self,
                gboolean     was_modified,
                gboolean     could_undo,
                gboolean     could_redo)
{
  if (was_modified != swy_document_get_modified (self))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
  if (could_undo != swy_document_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != swy_document_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Whether @cmd can fold into @top instead of becoming a step of its own: a
 * drag moves the same nodes many times; a spin button sets the same value. */
static gboolean
try_merge (Command *top,
           Command *cmd)
{
  if (top == NULL || top->kind != cmd->kind || cmd->time - top->time > MERGE_WINDOW_US)
    return FALSE;

  if (cmd->kind == CMD_MOVE && g_strv_equal ((const char * const *) top->ids,
                                             (const char * const *) cmd->ids))
    {
      top->dx += cmd->dx;
      top->dy += cmd->dy;
      top->time = cmd->time;
      return TRUE;
    }

  if (cmd->kind == CMD_SET && top->wire_key == cmd->wire_key &&
      g_strcmp0 (top->target, cmd->target) == 0 && g_strcmp0 (top->name, cmd->name) == 0)
    {
      g_value_copy (&cmd->after, &top->after);
      top->time = cmd->time;
      return TRUE;
    }

  return FALSE;
}

/* Records @cmd, which has already been applied to the graph. */
static void
push_command (SwyDocument *self,
              Command     *cmd)
{
  gboolean was_modified = swy_document_get_modified (self);
  gboolean could_undo = swy_document_get_can_undo (self);
  gboolean could_redo = swy_document_get_can_redo (self);
  GPtrArray *target = self->group != NULL ? self->group : self->undo_stack;
  Command *top = target->len > 0 ? g_ptr_array_index (target, target->len - 1) : NULL;

  if (self->redo_stack->len > 0)
    {
      if (self->saved_depth > (int) self->undo_stack->len)
        self->saved_depth = -1;
      g_ptr_array_set_size (self->redo_stack, 0);
    }

  /* A merge into the saved state would hide that the file changed. */
  if ((self->group != NULL || (int) self->undo_stack->len != self->saved_depth) &&
      try_merge (top, cmd))
    command_free (cmd);
  else
    g_ptr_array_add (target, cmd);

  if (self->group == NULL)
    {
      notify_history (self, was_modified, could_undo, could_redo);
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
    }
}

void
swy_document_begin_group (SwyDocument *self)
{
  g_return_if_fail (SWY_IS_DOCUMENT (self));

  if (self->group_depth++ == 0)
    self->group = g_ptr_array_new_with_free_func (command_free);
}

void
swy_document_end_group (SwyDocument *self)
{
  g_autoptr(GPtrArray) children = NULL;
  Command *cmd;

  g_return_if_fail (SWY_IS_DOCUMENT (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  children = g_steal_pointer (&self->group);
  if (children->len == 0)
    return;

  if (children->len == 1)
    {
      cmd = g_ptr_array_steal_index (children, 0);
    }
  else
    {
      cmd = command_new (CMD_GROUP);
      cmd->children = g_steal_pointer (&children);
    }
  push_command (self, cmd);
}

static void
swy_document_set_graph (SwyDocument *self,
                        SwyGraph    *graph)
{
  if (self->graph != NULL)
    swy_graph_pause (self->graph);
  g_set_object (&self->graph, graph);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  self->saved_depth = 0;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GRAPH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

SwyDocument *
swy_document_new (void)
{
  return g_object_new (SWY_TYPE_DOCUMENT, NULL);
}

SwyGraph *
swy_document_get_graph (SwyDocument *self)
{
  g_return_val_if_fail (SWY_IS_DOCUMENT (self), NULL);

  return self->graph;
}

GFile *
swy_document_get_file (SwyDocument *self)
{
  g_return_val_if_fail (SWY_IS_DOCUMENT (self), NULL);

  return self->file;
}

/* The file's entity tag, or NULL when it is gone or cannot be read. */
static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL)
    return NULL;

  return g_strdup (g_file_info_get_attribute_string (info, G_FILE_ATTRIBUTE_ETAG_VALUE));
}

static void
set_file (SwyDocument *self,
          GFile       *file)
{
  if (g_set_object (&self->file, file))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

/**
 * swy_document_dup_title:
 * @self: a document
 *
 * Gets the name to show for the document: the file's display name, or
 * "Untitled graph" for a graph never saved.
 *
 * Returns: (transfer full): the title
 */
char *
swy_document_dup_title (SwyDocument *self)
{
  g_return_val_if_fail (SWY_IS_DOCUMENT (self), NULL);

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      return g_filename_display_name (basename);
    }

  return g_strdup (_("Untitled graph"));
}

gboolean
swy_document_get_modified (SwyDocument *self)
{
  g_return_val_if_fail (SWY_IS_DOCUMENT (self), FALSE);

  return self->saved_depth != (int) self->undo_stack->len;
}

gboolean
swy_document_get_can_undo (SwyDocument *self)
{
  g_return_val_if_fail (SWY_IS_DOCUMENT (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
swy_document_get_can_redo (SwyDocument *self)
{
  g_return_val_if_fail (SWY_IS_DOCUMENT (self), FALSE);

  return self->redo_stack->len > 0;
}

static void
move_top (SwyDocument *self,
          GPtrArray   *from,
          GPtrArray   *to,
          gboolean     undo)
{
  gboolean was_modified = swy_document_get_modified (self);
  gboolean could_undo = swy_document_get_can_undo (self);
  gboolean could_redo = swy_document_get_can_redo (self);
  Command *cmd;

  g_return_if_fail (self->group == NULL);

  if (from->len == 0)
    return;

  cmd = g_ptr_array_steal_index (from, from->len - 1);
  self->replaying = TRUE;
  run_command (self, cmd, undo);
  self->replaying = FALSE;
  /* A step taken back or again never merges with a later edit. */
  cmd->time = G_MININT64 / 2;
  g_ptr_array_add (to, cmd);

  notify_history (self, was_modified, could_undo, could_redo);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

void
swy_document_undo (SwyDocument *self)
{
  g_return_if_fail (SWY_IS_DOCUMENT (self));

  move_top (self, self->undo_stack, self->redo_stack, TRUE);
}

void
swy_document_redo (SwyDocument *self)
{
  g_return_if_fail (SWY_IS_DOCUMENT (self));

  move_top (self, self->redo_stack, self->undo_stack, FALSE);
}

/* A fresh id: the type name and the first free number ("queue1", "queue2"). */
static char *
make_unique_id (SwyDocument *self,
                const char  *stem)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s%u", stem, n);

      if (swy_graph_lookup_node (self->graph, id) == NULL)
        return g_steal_pointer (&id);
    }
}

static void
push_insert (SwyDocument *self,
             GPtrArray   *nodes,
             GPtrArray   *wires)
{
  Command *cmd = command_new (CMD_INSERT);
  GPtrArray *node_specs = g_ptr_array_new_with_free_func (node_spec_free);
  GPtrArray *wire_specs = g_ptr_array_new_with_free_func (wire_spec_free);

  for (guint i = 0; nodes != NULL && i < nodes->len; i++)
    g_ptr_array_add (node_specs, capture_node (g_ptr_array_index (nodes, i)));
  for (guint i = 0; wires != NULL && i < wires->len; i++)
    g_ptr_array_add (wire_specs, capture_wire (self, g_ptr_array_index (wires, i)));
  cmd->nodes = node_specs;
  cmd->wires = wire_specs;
  push_command (self, cmd);
}

/**
 * swy_document_add_node:
 * @self: a document
 * @type_name: a catalog type name
 * @x: the position of the node's top-left corner
 * @y: the position of the node's top-left corner
 * @error: return location for an error
 *
 * Adds a node of type @type_name with a fresh id.
 *
 * Returns: (transfer none) (nullable): the node, or `NULL` with @error set
 */
SwyNode *
swy_document_add_node (SwyDocument  *self,
                       const char   *type_name,
                       double        x,
                       double        y,
                       GError      **error)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  g_autofree char *id = NULL;
  SwyNode *node;

  g_return_val_if_fail (SWY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (type_name != NULL, NULL);

  if (swy_catalog_lookup (type_name) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no node type “%s”"), type_name);
      return NULL;
    }

  id = make_unique_id (self, type_name);
  node = swy_graph_create_node (self->graph, type_name, id, error);
  if (node == NULL)
    return NULL;
  swy_node_set_x (node, x);
  swy_node_set_y (node, y);

  g_ptr_array_add (nodes, node);
  push_insert (self, nodes, NULL);

  return node;
}

/**
 * swy_document_connect:
 * @self: a document
 * @from: an output port
 * @to: an input port
 * @error: return location for an error
 *
 * Adds a wire from @from to @to with the default options.
 *
 * Returns: (transfer none) (nullable): the wire, or `NULL` with @error set
 */
SwyWire *
swy_document_connect (SwyDocument  *self,
                      SwyPort      *from,
                      SwyPort      *to,
                      GError      **error)
{
  g_autoptr(GPtrArray) wires = g_ptr_array_new ();
  g_autofree char *from_address = NULL;
  g_autofree char *to_address = NULL;
  SwyWire *wire;

  g_return_val_if_fail (SWY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (SWY_IS_PORT (from), NULL);
  g_return_val_if_fail (SWY_IS_PORT (to), NULL);

  from_address = swy_port_dup_address (from);
  to_address = swy_port_dup_address (to);
  wire = swy_graph_connect (self->graph, from_address, to_address, error);
  if (wire == NULL)
    return NULL;
  ensure_wire_key (self, wire);

  g_ptr_array_add (wires, wire);
  push_insert (self, NULL, wires);

  return wire;
}

static int
compare_node_specs (gconstpointer a,
                    gconstpointer b)
{
  const NodeSpec *na = *(NodeSpec * const *) a;
  const NodeSpec *nb = *(NodeSpec * const *) b;

  return (na->position > nb->position) - (na->position < nb->position);
}

static gboolean
array_contains (GPtrArray *array,
                gpointer   item)
{
  return array != NULL && g_ptr_array_find (array, item, NULL);
}

/**
 * swy_document_remove:
 * @self: a document
 * @nodes: (nullable) (element-type SwyNode): nodes to remove, with their wires
 * @wires: (nullable) (element-type SwyWire): further wires to remove
 *
 * Removes nodes and wires as one undoable step.
 */
void
swy_document_remove (SwyDocument *self,
                     GPtrArray   *nodes,
                     GPtrArray   *wires)
{
  GListModel *all_wires;
  Command *cmd;
  guint n;

  g_return_if_fail (SWY_IS_DOCUMENT (self));

  if ((nodes == NULL || nodes->len == 0) && (wires == NULL || wires->len == 0))
    return;

  cmd = command_new (CMD_REMOVE);
  cmd->nodes = g_ptr_array_new_with_free_func (node_spec_free);
  cmd->wires = g_ptr_array_new_with_free_func (wire_spec_free);

  for (guint i = 0; nodes != NULL && i < nodes->len; i++)
    g_ptr_array_add (cmd->nodes, capture_node (g_ptr_array_index (nodes, i)));
  /* Restored in ascending order, each lands where it was. */
  g_ptr_array_sort (cmd->nodes, compare_node_specs);

  /* Wires in creation order, so that restoring them keeps their order. */
  all_wires = swy_graph_get_wires (self->graph);
  n = g_list_model_get_n_items (all_wires);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (all_wires, i);
      SwyNode *from = swy_port_get_node (swy_wire_get_from (wire));
      SwyNode *to = swy_port_get_node (swy_wire_get_to (wire));

      if (array_contains (wires, wire) || array_contains (nodes, from) ||
          array_contains (nodes, to))
        g_ptr_array_add (cmd->wires, capture_wire (self, wire));
    }

  run_command (self, cmd, FALSE);
  push_command (self, cmd);
}

/**
 * swy_document_move_nodes:
 * @self: a document
 * @nodes: (element-type SwyNode): the nodes to move
 * @dx: horizontal distance
 * @dy: vertical distance
 *
 * Moves nodes. Moves of the same nodes in quick succession (a drag) undo as
 * one step.
 */
void
swy_document_move_nodes (SwyDocument *self,
                         GPtrArray   *nodes,
                         double       dx,
                         double       dy)
{
  Command *cmd;

  g_return_if_fail (SWY_IS_DOCUMENT (self));
  g_return_if_fail (nodes != NULL);

  if (nodes->len == 0 || (dx == 0 && dy == 0))
    return;

  cmd = command_new (CMD_MOVE);
  cmd->ids = g_new0 (char *, nodes->len + 1);
  for (guint i = 0; i < nodes->len; i++)
    cmd->ids[i] = g_strdup (swy_node_get_id (g_ptr_array_index (nodes, i)));
  cmd->dx = dx;
  cmd->dy = dy;

  run_command (self, cmd, FALSE);
  push_command (self, cmd);
}

/**
 * swy_document_set_property:
 * @self: a document
 * @object: a node or a wire of the document's graph
 * @name: a property name
 * @value: the new value
 * @error: return location for an error
 *
 * Sets a node or wire setting, live. A value out of the property's range or
 * of the wrong type, or an invalid subscription, is refused with @error and
 * changes nothing.
 *
 * Returns: whether the value was set
 */
gboolean
swy_document_set_property (SwyDocument   *self,
                           GObject       *object,
                           const char    *name,
                           const GValue  *value,
                           GError       **error)
{
  GParamSpec *pspec;
  g_auto(GValue) checked = G_VALUE_INIT;
  Command *cmd;

  g_return_val_if_fail (SWY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (SWY_IS_NODE (object) || SWY_IS_WIRE (object), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), name);
  if (pspec == NULL || !is_setting (pspec, SWY_IS_NODE (object) ? SWY_TYPE_NODE : SWY_TYPE_WIRE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a setting that can be changed"), name);
      return FALSE;
    }

  g_value_init (&checked, pspec->value_type);
  if (!g_value_transform (value, &checked))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” takes a value of type %s"), name, g_type_name (pspec->value_type));
      return FALSE;
    }
  if (g_param_value_validate (pspec, &checked))
    {
      g_autofree char *text = g_strdup_value_contents (value);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("%s is out of range for “%s”"), text, name);
      return FALSE;
    }
  if (SWY_IS_WIRE (object) && g_str_equal (name, "subscription") &&
      !swy_topic_pattern_validate (g_value_get_string (&checked), error))
    return FALSE;

  cmd = command_new (CMD_SET);
  cmd->name = g_strdup (pspec->name);
  if (SWY_IS_WIRE (object))
    cmd->wire_key = ensure_wire_key (self, SWY_WIRE (object));
  else
    cmd->target = g_strdup (swy_node_get_id (SWY_NODE (object)));
  g_value_init (&cmd->before, pspec->value_type);
  g_object_get_property (object, pspec->name, &cmd->before);
  g_value_init (&cmd->after, pspec->value_type);
  g_value_copy (&checked, &cmd->after);

  if (g_param_values_cmp (pspec, &cmd->before, &cmd->after) == 0)
    {
      command_free (cmd);
      return TRUE;
    }

  g_object_set_property (object, pspec->name, &cmd->after);
  push_command (self, cmd);

  return TRUE;
}

/**
 * swy_document_rename_node:
 * @self: a document
 * @node: a node of the document's graph
 * @id: the new id
 * @error: return location for an error
 *
 * Renames a node; wires follow it. An empty, malformed or taken id is
 * refused with @error.
 *
 * Returns: whether the node was renamed
 */
gboolean
swy_document_rename_node (SwyDocument  *self,
                          SwyNode      *node,
                          const char   *id,
                          GError      **error)
{
  g_autofree char *old_id = NULL;
  Command *cmd;

  g_return_val_if_fail (SWY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (SWY_IS_NODE (node), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  old_id = g_strdup (swy_node_get_id (node));
  if (g_strcmp0 (old_id, id) == 0)
    return TRUE;
  if (!swy_graph_rename_node (self->graph, node, id, error))
    return FALSE;

  cmd = command_new (CMD_RENAME);
  cmd->old_id = g_steal_pointer (&old_id);
  cmd->new_id = g_strdup (id);
  push_command (self, cmd);

  return TRUE;
}

/**
 * swy_document_load_file:
 * @self: a document
 * @file: a `.swy` file
 * @error: return location for an error
 *
 * Replaces the graph with the one in @file. On failure nothing changes:
 * the open graph, its history and its file stay as they were.
 *
 * Returns: whether the file was loaded
 */
gboolean
swy_document_load_file (SwyDocument  *self,
                        GFile        *file,
                        GError      **error)
{
  g_autoptr(SwyGraph) graph = NULL;
  g_autofree char *etag = NULL;

  g_return_val_if_fail (SWY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Asked before reading: a change made in between then shows as a
   * change on disk, which is the safe side. */
  etag = query_etag (file);
  graph = swy_graph_new_from_file (file, NULL, error);
  if (graph == NULL)
    return FALSE;

  swy_document_set_graph (self, graph);
  set_file (self, file);
  g_free (self->etag);
  self->etag = g_steal_pointer (&etag);

  return TRUE;
}

/**
 * swy_document_load_data:
 * @self: a document
 * @data: the text of a `.swy` file
 * @error: return location for an error
 *
 * Replaces the graph with one read from @data, as an unsaved document.
 *
 * Returns: whether @data was loaded
 */
gboolean
swy_document_load_data (SwyDocument  *self,
                        const char   *data,
                        GError      **error)
{
  g_autoptr(SwyGraph) graph = NULL;

  g_return_val_if_fail (SWY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  graph = swy_graph_new_from_data (data, -1, error);
  if (graph == NULL)
    return FALSE;

  swy_document_set_graph (self, graph);
  set_file (self, NULL);
  g_clear_pointer (&self->etag, g_free);

  return TRUE;
}

/**
 * swy_document_restore:
 * @self: a document
 * @data: the text of a `.swy` file, as autosaved
 * @file: (nullable): the file the graph belongs to, or `NULL` if it was never saved
 * @error: return location for an error
 *
 * Brings back a graph recovered after a crash: it belongs to @file again but
 * counts as unsaved, since the file on disk does not hold these edits.
 *
 * Returns: whether @data was loaded
 */
gboolean
swy_document_restore (SwyDocument  *self,
                      const char   *data,
                      GFile        *file,
                      GError      **error)
{
  g_return_val_if_fail (SWY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);

  if (!swy_document_load_data (self, data, error))
    return FALSE;

  self->saved_depth = -1;
  set_file (self, file);
  /* The edits were made on the file as it was then; what is on disk now is
   * what saving replaces, and the user chose to restore over it. */
  self->etag = file != NULL ? query_etag (file) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);

  return TRUE;
}

/* Keeps the version of @path about to be replaced as @path~, the name
 * GLib's g_file_replace() gives a backup and file managers hide. A hard link
 * costs no space and no copy, so it works on a full disk; where the file
 * system has none, the old text is copied. The backup is itself replaced
 * atomically (made under a temporary name, then renamed). */
static gboolean
keep_backup (const char  *path,
             GError     **error)
{
  g_autofree char *target = realpath (path, NULL);
  g_autofree char *backup = NULL;
  g_autofree char *temp = NULL;
  GStatBuf st;
  int saved_errno;

  /* Nothing there yet, or not a plain file: nothing to keep. */
  if (target == NULL || g_stat (target, &st) != 0 || !S_ISREG (st.st_mode))
    return TRUE;

  backup = g_strconcat (target, "~", NULL);
  temp = g_strdup_printf ("%s.%08x", backup, g_random_int ());
  if (link (target, temp) != 0)
    {
      saved_errno = errno;
      if (saved_errno == EPERM || saved_errno == ENOTSUP || saved_errno == EXDEV ||
          saved_errno == EMLINK || saved_errno == ENOSYS)
        {
          g_autofree char *contents = NULL;
          gsize length;

          if (!g_file_get_contents (target, &contents, &length, NULL) ||
              !g_file_set_contents_full (backup, contents, length, G_FILE_SET_CONTENTS_CONSISTENT,
                                         st.st_mode & 07777, NULL))
            goto failed;
          return TRUE;
        }
      goto failed;
    }
  if (g_rename (temp, backup) != 0)
    {
      saved_errno = errno;
      g_unlink (temp);
      goto failed;
    }

  return TRUE;

failed:
  /* Where the folder cannot be written to, that is the news, not the backup. */
  if (saved_errno == EROFS || saved_errno == EACCES || saved_errno == EPERM)
    {
      g_autofree char *folder = g_path_get_dirname (target);
      g_autofree char *name = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("the folder “%s” cannot be written to: %s"), name, g_strerror (saved_errno));
    }
  else
    {
      g_autofree char *name = g_filename_display_name (backup);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("could not keep the previous version as “%s”: %s"),
                   name, g_strerror (saved_errno));
    }
  return FALSE;
}

/**
 * swy_document_save_file:
 * @self: a document
 * @file: where to save
 * @error: return location for an error
 *
 * Saves the graph atomically to @file, which becomes the document's file.
 * The version it replaces is kept next to it as `name.swy~`. On failure
 * nothing changes: @file holds its old text, and the document is still
 * unsaved.
 *
 * Returns: whether the graph was saved
 */
gboolean
swy_document_save_file (SwyDocument  *self,
                        GFile        *file,
                        GError      **error)
{
  g_autofree char *path = NULL;
  gboolean was_modified;

  g_return_val_if_fail (SWY_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path != NULL)
    {
      if (!keep_backup (path, error) ||
          !swy_graph_save_to_file (self->graph, file, NULL, error))
        return FALSE;
    }
  else
    {
      g_autofree char *data = NULL;
      gsize length;

      data = swy_graph_save_to_data (self->graph, &length);
      if (!g_file_replace_contents (file, data, length, NULL, TRUE, G_FILE_CREATE_NONE,
                                    NULL, NULL, error))
        return FALSE;
    }

  was_modified = swy_document_get_modified (self);
  self->saved_depth = self->undo_stack->len;
  set_file (self, file);
  g_free (self->etag);
  self->etag = query_etag (file);
  if (was_modified)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }

  return TRUE;
}

/**
 * swy_document_get_changed_on_disk:
 * @self: a document
 *
 * Tells whether someone else changed the document's file since the
 * document last read or wrote it (its entity tag, the modification time
 * for local files, differs). A file that is gone does not count: saving
 * simply writes it again.
 *
 * Returns: whether the file on disk is not the one the document knows
 */
gboolean
swy_document_get_changed_on_disk (SwyDocument *self)
{
  g_autofree char *etag = NULL;

  g_return_val_if_fail (SWY_IS_DOCUMENT (self), FALSE);

  if (self->file == NULL || self->etag == NULL)
    return FALSE;

  etag = query_etag (self->file);

  return etag != NULL && !g_str_equal (etag, self->etag);
}

/**
 * swy_document_save_data:
 * @self: a document
 *
 * Returns: (transfer full): the graph as the text of a `.swy` file
 */
char *
swy_document_save_data (SwyDocument *self)
{
  g_return_val_if_fail (SWY_IS_DOCUMENT (self), NULL);

  return swy_graph_save_to_data (self->graph, NULL);
}

/**
 * swy_document_copy:
 * @self: a document
 * @nodes: (element-type SwyNode): the nodes to copy
 *
 * Writes @nodes, with the wires between them, as a `.swy` graph: the
 * clipboard format, so graphs paste between windows and into text editors.
 *
 * Returns: (transfer full): the text
 */
char *
swy_document_copy (SwyDocument *self,
                   GPtrArray   *nodes)
{
  g_autoptr(SwyGraph) part = swy_graph_new ();
  GListModel *wires;
  guint n;

  g_return_val_if_fail (SWY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (nodes != NULL, NULL);

  for (guint i = 0; i < nodes->len; i++)
    {
      SwyNode *node = g_ptr_array_index (nodes, i);
      NodeSpec *spec = capture_node (node);
      SwyNode *copy = swy_graph_create_node (part, spec->type_name, spec->id, NULL);

      if (copy != NULL)
        {
          swy_node_set_x (copy, spec->x);
          swy_node_set_y (copy, spec->y);
          apply_settings (G_OBJECT (copy), spec->settings);
        }
      node_spec_free (spec);
    }

  wires = swy_graph_get_wires (self->graph);
  n = g_list_model_get_n_items (wires);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (wires, i);
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      SwyWire *copy;
      g_autoptr(GArray) settings = NULL;

      if (!array_contains (nodes, swy_port_get_node (swy_wire_get_from (wire))) ||
          !array_contains (nodes, swy_port_get_node (swy_wire_get_to (wire))))
        continue;
      from = swy_port_dup_address (swy_wire_get_from (wire));
      to = swy_port_dup_address (swy_wire_get_to (wire));
      copy = swy_graph_connect (part, from, to, NULL);
      settings = capture_settings (G_OBJECT (wire), SWY_TYPE_WIRE);
      if (copy != NULL)
        apply_settings (G_OBJECT (copy), settings);
    }

  return swy_graph_save_to_data (part, NULL);
}

/* "queue3" → "queue", so that a pasted copy of queue3 becomes queue4. */
static char *
id_stem (const char *id)
{
  gsize len = strlen (id);

  while (len > 1 && g_ascii_isdigit (id[len - 1]))
    len--;

  return g_strndup (id, len);
}

static char *
replace_node_in_address (const char *address,
                         GHashTable *renames)
{
  const char *colon = strrchr (address, ':');
  g_autofree char *node = g_strndup (address, colon - address);
  const char *renamed = g_hash_table_lookup (renames, node);

  return g_strdup_printf ("%s%s", renamed != NULL ? renamed : node, colon);
}

/**
 * swy_document_paste:
 * @self: a document
 * @text: a `.swy` graph, as written by [method@Document.copy]
 * @dx: how far to shift the pasted nodes
 * @dy: how far to shift the pasted nodes
 * @error: return location for an error
 *
 * Adds the nodes and wires of @text, with fresh ids where theirs are taken,
 * as one undoable step. Text that is not a valid graph is refused.
 *
 * Returns: (transfer container) (element-type SwyNode) (nullable): the new nodes
 */
GPtrArray *
swy_document_paste (SwyDocument  *self,
                    const char   *text,
                    double        dx,
                    double        dy,
                    GError      **error)
{
  g_autoptr(SwyGraph) part = NULL;
  g_autoptr(GHashTable) renames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *added;
  GListModel *model;
  Command *cmd;
  guint n;

  g_return_val_if_fail (SWY_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  part = swy_graph_new_from_data (text, -1, error);
  if (part == NULL)
    return NULL;

  cmd = command_new (CMD_INSERT);
  cmd->nodes = g_ptr_array_new_with_free_func (node_spec_free);
  cmd->wires = g_ptr_array_new_with_free_func (wire_spec_free);

  model = swy_graph_get_nodes (part);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyNode) node = g_list_model_get_item (model, i);
      NodeSpec *spec = capture_node (node);

      if (swy_graph_lookup_node (self->graph, spec->id) != NULL ||
          g_hash_table_contains (taken, spec->id))
        {
          g_autofree char *stem = id_stem (spec->id);
          char *id = NULL;

          for (guint k = 2; id == NULL; k++)
            {
              g_autofree char *candidate = g_strdup_printf ("%s%u", stem, k);

              if (swy_graph_lookup_node (self->graph, candidate) == NULL &&
                  swy_graph_lookup_node (part, candidate) == NULL &&
                  !g_hash_table_contains (taken, candidate))
                id = g_steal_pointer (&candidate);
            }
          g_hash_table_insert (renames, g_strdup (spec->id), g_strdup (id));
          g_free (spec->id);
          spec->id = id;
        }
      g_hash_table_add (taken, spec->id);
      spec->position = G_MAXUINT;   /* pasted nodes go after the others */
      spec->x += dx;
      spec->y += dy;
      g_ptr_array_add (cmd->nodes, spec);
    }

  model = swy_graph_get_wires (part);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SwyWire) wire = g_list_model_get_item (model, i);
      WireSpec *spec = g_new0 (WireSpec, 1);
      g_autofree char *from = swy_port_dup_address (swy_wire_get_from (wire));
      g_autofree char *to = swy_port_dup_address (swy_wire_get_to (wire));

      spec->from = replace_node_in_address (from, renames);
      spec->to = replace_node_in_address (to, renames);
      spec->position = G_MAXUINT;
      spec->key = ++self->next_wire_key;
      spec->settings = capture_settings (G_OBJECT (wire), SWY_TYPE_WIRE);
      g_ptr_array_add (cmd->wires, spec);
    }

  if (cmd->nodes->len == 0)
    {
      command_free (cmd);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The graph to paste has no nodes"));
      return NULL;
    }

  run_command (self, cmd, FALSE);
  added = g_ptr_array_new ();
  for (guint i = 0; i < cmd->nodes->len; i++)
    {
      NodeSpec *spec = g_ptr_array_index (cmd->nodes, i);
      SwyNode *node = swy_graph_lookup_node (self->graph, spec->id);

      if (node != NULL)
        g_ptr_array_add (added, node);
    }
  push_command (self, cmd);

  return added;
}

static void
swy_document_dispose (GObject *object)
{
  SwyDocument *self = SWY_DOCUMENT (object);

  if (self->graph != NULL)
    swy_graph_pause (self->graph);
  g_clear_object (&self->graph);
  g_clear_object (&self->file);
  g_clear_pointer (&self->etag, g_free);

  G_OBJECT_CLASS (swy_document_parent_class)->dispose (object);
}

static void
swy_document_finalize (GObject *object)
{
  SwyDocument *self = SWY_DOCUMENT (object);

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->group, g_ptr_array_unref);

  G_OBJECT_CLASS (swy_document_parent_class)->finalize (object);
}

static void
swy_document_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SwyDocument *self = SWY_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_GRAPH:
      g_value_set_object (value, swy_document_get_graph (self));
      break;

    case PROP_FILE:
      g_value_set_object (value, swy_document_get_file (self));
      break;

    case PROP_TITLE:
      g_value_take_string (value, swy_document_dup_title (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, swy_document_get_modified (self));
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, swy_document_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, swy_document_get_can_redo (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_document_class_init (SwyDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = swy_document_dispose;
  object_class->finalize = swy_document_finalize;
  object_class->get_property = swy_document_get_property;

  properties[PROP_GRAPH] =
    g_param_spec_object ("graph", NULL, NULL, SWY_TYPE_GRAPH,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SwyDocument::changed:
   *
   * Emitted after an edit, an undo or a redo, and when a new graph replaces
   * the old one.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  wire_key_quark = g_quark_from_static_string ("swy-document-wire-key");
}

static void
swy_document_init (SwyDocument *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (command_free);
  self->redo_stack = g_ptr_array_new_with_free_func (command_free);
  self->graph = swy_graph_new ();
}
