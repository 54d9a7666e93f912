/* test-document.c: edits, undo and redo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "swy-document.h"

static guint
n_nodes (SwyDocument *doc)
{
  return g_list_model_get_n_items (swy_graph_get_nodes (swy_document_get_graph (doc)));
}

static guint
n_wires (SwyDocument *doc)
{
  return g_list_model_get_n_items (swy_graph_get_wires (swy_document_get_graph (doc)));
}

static SwyNode *
node (SwyDocument *doc,
      const char  *id)
{
  return swy_graph_lookup_node (swy_document_get_graph (doc), id);
}

static void
set_uint (SwyDocument *doc,
          GObject     *object,
          const char  *name,
          guint        value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_value_init (&gvalue, G_TYPE_UINT);
  g_value_set_uint (&gvalue, value);
  g_assert_true (swy_document_set_property (doc, object, name, &gvalue, &error));
  g_assert_no_error (error);
}

static void
test_undo_to_empty (void)
{
  g_autoptr(SwyDocument) doc = swy_document_new ();
  g_autoptr(GPtrArray) moved = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  SwyNode *timer, *queue, *counter;
  SwyWire *wire;
  guint steps = 0;

  g_assert_false (swy_document_get_modified (doc));
  g_assert_false (swy_document_get_can_undo (doc));

  timer = swy_document_add_node (doc, "timer", 10, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (swy_node_get_id (timer), ==, "timer1");
  queue = swy_document_add_node (doc, "queue", 200, 20, &error);
  counter = swy_document_add_node (doc, "counter", 400, 20, &error);
  g_assert_cmpstr (swy_node_get_id (queue), ==, "queue1");
  g_assert_true (swy_document_get_modified (doc));

  wire = swy_document_connect (doc, swy_node_get_port (timer, "out"),
                               swy_node_get_port (queue, "in"), &error);
  g_assert_no_error (error);
  swy_document_connect (doc, swy_node_get_port (queue, "out"),
                        swy_node_get_port (counter, "in"), &error);
  g_assert_cmpuint (n_wires (doc), ==, 2);

  /* Two quick edits of one setting undo as one step. */
  set_uint (doc, G_OBJECT (queue), "capacity", 4);
  set_uint (doc, G_OBJECT (queue), "capacity", 5);
  set_uint (doc, G_OBJECT (wire), "latency-ms", 50);
  g_assert_true (swy_document_rename_node (doc, queue, "orders", &error));
  g_ptr_array_add (moved, timer);
  swy_document_move_nodes (doc, moved, 5, 5);
  swy_document_move_nodes (doc, moved, 5, 5);
  g_assert_cmpfloat (swy_node_get_x (timer), ==, 20);

  g_ptr_array_set_size (moved, 0);
  g_ptr_array_add (moved, node (doc, "orders"));
  swy_document_remove (doc, moved, NULL);
  g_assert_cmpuint (n_nodes (doc), ==, 2);
  g_assert_cmpuint (n_wires (doc), ==, 0);

  /* Removal undone: the node comes back with its settings and both wires. */
  swy_document_undo (doc);
  g_assert_cmpuint (n_nodes (doc), ==, 3);
  g_assert_cmpuint (n_wires (doc), ==, 2);
  {
    guint capacity = 0;
    guint latency = 0;
    g_autoptr(SwyWire) first = g_list_model_get_item (swy_graph_get_wires (swy_document_get_graph (doc)), 0);

    g_object_get (node (doc, "orders"), "capacity", &capacity, NULL);
    g_assert_cmpuint (capacity, ==, 5);
    g_object_get (first, "latency-ms", &latency, NULL);
    g_assert_cmpuint (latency, ==, 50);
  }

  while (swy_document_get_can_undo (doc))
    {
      swy_document_undo (doc);
      steps++;
    }
  /* add x3, connect x2, capacity, latency, rename, move: the removal was undone already. */
  g_assert_cmpuint (steps, ==, 9);
  g_assert_cmpuint (n_nodes (doc), ==, 0);
  g_assert_cmpuint (n_wires (doc), ==, 0);
  g_assert_false (swy_document_get_modified (doc));

  /* Redo replays everything, the removal included. */
  for (guint i = 0; i < steps; i++)
    swy_document_redo (doc);
  g_assert_cmpuint (n_nodes (doc), ==, 3);
  g_assert_cmpuint (n_wires (doc), ==, 2);
  g_assert_nonnull (node (doc, "orders"));
  g_assert_cmpfloat (swy_node_get_x (node (doc, "timer1")), ==, 20);
  g_assert_true (swy_document_get_can_redo (doc));
  swy_document_redo (doc);
  g_assert_false (swy_document_get_can_redo (doc));
  g_assert_null (node (doc, "orders"));
  g_assert_cmpuint (n_wires (doc), ==, 0);
}

static void
test_refuse_bad_values (void)
{
  g_autoptr(SwyDocument) doc = swy_document_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  SwyNode *a, *b;
  SwyWire *wire;
  double loss = -1;

  a = swy_document_add_node (doc, "button", 0, 0, NULL);
  b = swy_document_add_node (doc, "counter", 0, 0, NULL);
  wire = swy_document_connect (doc, swy_node_get_port (a, "out"), swy_node_get_port (b, "in"), NULL);

  g_value_init (&value, G_TYPE_DOUBLE);
  g_value_set_double (&value, 1.5);
  g_assert_false (swy_document_set_property (doc, G_OBJECT (wire), "loss", &value, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_object_get (wire, "loss", &loss, NULL);
  g_assert_cmpfloat (loss, ==, 0.0);
  g_clear_error (&error);
  g_value_unset (&value);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "a/#/b");
  g_assert_false (swy_document_set_property (doc, G_OBJECT (wire), "subscription", &value, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_false (swy_document_rename_node (doc, a, "counter1", &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (swy_node_get_id (a), ==, "button1");

  /* Three adds, nothing from the refused edits. */
  g_assert_true (swy_document_get_can_undo (doc));
  swy_document_undo (doc);
  swy_document_undo (doc);
  swy_document_undo (doc);
  g_assert_false (swy_document_get_can_undo (doc));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Swy/Document/undo-to-empty", test_undo_to_empty);
  g_test_add_func ("/Swy/Document/refuse-bad-values", test_refuse_bad_values);

  return g_test_run ();
}
