/* test-inspector.c: the inspector's generated editor goes through the document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <swy.h>

#include "swy-document.h"
#include "swy-inspector.h"
#include "swy-inspector-private.h"
#include "swy-window-test-util.h"

static gboolean
is_subclass_setting (GParamSpec *pspec)
{
  return (pspec->flags & G_PARAM_WRITABLE) != 0 &&
         (pspec->flags & G_PARAM_CONSTRUCT_ONLY) == 0 &&
         pspec->owner_type != SWY_TYPE_NODE;
}

static void
assert_editor_kind (GtkWidget  *editor,
                    GParamSpec *pspec)
{
  if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    g_assert_true (GTK_IS_SWITCH (editor));
  else if (G_IS_PARAM_SPEC_STRING (pspec))
    g_assert_true (ADW_IS_ENTRY_ROW (editor));
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    g_assert_true (ADW_IS_COMBO_ROW (editor));
  else
    g_assert_true (GTK_IS_SPIN_BUTTON (editor));
}

static void
test_inspector_every_type (void)
{
  g_autoptr(SwyDocument) document = swy_document_new ();
  GtkWidget *inspector = g_object_ref_sink (swy_inspector_new (document));
  GListModel *types = swy_catalog_get_types ();

  g_assert_null (swy_inspector_get_object (SWY_INSPECTOR (inspector)));
  g_assert_cmpuint (_swy_inspector_get_n_editor_rows (SWY_INSPECTOR (inspector)), ==, 0);

  for (guint i = 0; i < g_list_model_get_n_items (types); i++)
    {
      g_autoptr(SwyNodeType) type = g_list_model_get_item (types, i);
      g_autoptr(GError) error = NULL;
      g_autofree GParamSpec **pspecs = NULL;
      SwyNode *node;
      guint n_pspecs = 0;
      guint n_settings = 0;

      node = swy_document_add_node (document, swy_node_type_get_name (type), 0, 0, &error);
      g_assert_no_error (error);
      g_assert_nonnull (node);

      swy_inspector_set_object (SWY_INSPECTOR (inspector), G_OBJECT (node));
      g_assert_true (swy_inspector_get_object (SWY_INSPECTOR (inspector)) == G_OBJECT (node));
      g_assert_nonnull (_swy_inspector_get_row (SWY_INSPECTOR (inspector), "id"));

      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (node), &n_pspecs);
      for (guint j = 0; j < n_pspecs; j++)
        {
          GParamSpec *pspec = pspecs[j];
          GtkWidget *row = _swy_inspector_get_row (SWY_INSPECTOR (inspector), pspec->name);

          if (is_subclass_setting (pspec))
            {
              GtkWidget *editor = _swy_inspector_get_editor (SWY_INSPECTOR (inspector), pspec->name);

              g_assert_nonnull (row);
              /* Titled with the engine's translatable nick. */
              g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                               g_param_spec_get_nick (pspec));
              assert_editor_kind (editor, pspec);
              n_settings++;
            }
          else if ((pspec->flags & G_PARAM_WRITABLE) == 0 &&
                   pspec->owner_type != SWY_TYPE_NODE &&
                   (G_IS_PARAM_SPEC_UINT (pspec) || G_IS_PARAM_SPEC_UINT64 (pspec) ||
                    G_IS_PARAM_SPEC_DOUBLE (pspec)))
            {
              /* Read-only figures of the subclass show live. */
              g_assert_nonnull (row);
              g_assert_true (GTK_IS_LABEL (_swy_inspector_get_editor (SWY_INSPECTOR (inspector),
                                                                      pspec->name)));
            }
          else if (pspec->owner_type == SWY_TYPE_NODE && (pspec->flags & G_PARAM_WRITABLE) != 0 &&
                   g_strcmp0 (pspec->name, "id") != 0)
            {
              /* The base's position is not a generated row (the id has its own). */
              g_assert_null (row);
            }
        }

      g_test_message ("%s: %u settings", swy_node_type_get_name (type), n_settings);
      g_assert_cmpuint (_swy_inspector_get_n_editor_rows (SWY_INSPECTOR (inspector)), ==, n_settings);

      /* The counters every node keeps. */
      g_assert_nonnull (_swy_inspector_get_row (SWY_INSPECTOR (inspector), "received"));
      g_assert_nonnull (_swy_inspector_get_row (SWY_INSPECTOR (inspector), "emitted"));
      g_assert_nonnull (_swy_inspector_get_row (SWY_INSPECTOR (inspector), "dropped"));
    }

  swy_inspector_set_object (SWY_INSPECTOR (inspector), NULL);
  g_assert_cmpuint (_swy_inspector_get_n_editor_rows (SWY_INSPECTOR (inspector)), ==, 0);
  g_assert_null (_swy_inspector_get_row (SWY_INSPECTOR (inspector), "received"));

  g_assert_finalize_object (inspector);
}

static void
test_inspector_spin_undo (void)
{
  g_autoptr(SwyDocument) document = swy_document_new ();
  GtkWidget *inspector = g_object_ref_sink (swy_inspector_new (document));
  g_autoptr(GError) error = NULL;
  GtkSpinButton *spin;
  SwyNode *node;
  guint service_ms = 0;

  node = swy_document_add_node (document, "worker", 0, 0, &error);
  g_assert_no_error (error);
  swy_inspector_set_object (SWY_INSPECTOR (inspector), G_OBJECT (node));

  spin = GTK_SPIN_BUTTON (_swy_inspector_get_editor (SWY_INSPECTOR (inspector), "service-ms"));
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 200);

  /* The pspec's range bounds the spin button. */
  {
    double min = 0, max = 0;

    gtk_spin_button_get_range (spin, &min, &max);
    g_assert_cmpfloat (min, ==, 0);
    g_assert_cmpfloat (max, ==, 86400000);
  }

  gtk_spin_button_set_value (spin, 350);
  g_object_get (node, "service-ms", &service_ms, NULL);
  g_assert_cmpuint (service_ms, ==, 350);
  g_assert_true (swy_document_get_can_undo (document));

  swy_document_undo (document);
  g_object_get (node, "service-ms", &service_ms, NULL);
  g_assert_cmpuint (service_ms, ==, 200);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 200);

  swy_document_redo (document);
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 350);

  /* A change from elsewhere shows without becoming an edit of its own. */
  g_object_set (node, "concurrency", 4, NULL);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (_swy_inspector_get_editor (SWY_INSPECTOR (inspector), "concurrency"))), ==, 4);
  swy_document_undo (document);
  g_object_get (node, "service-ms", &service_ms, NULL);
  g_assert_cmpuint (service_ms, ==, 200);

  g_assert_finalize_object (inspector);
}

static void
test_inspector_enum_and_switch (void)
{
  g_autoptr(SwyDocument) document = swy_document_new ();
  GtkWidget *inspector = g_object_ref_sink (swy_inspector_new (document));
  g_autoptr(GError) error = NULL;
  SwyNode *from, *to;
  SwyWire *wire;
  AdwComboRow *combo;

  from = swy_document_add_node (document, "timer", 0, 0, &error);
  g_assert_no_error (error);
  to = swy_document_add_node (document, "counter", 200, 0, &error);
  g_assert_no_error (error);
  wire = swy_document_connect (document, swy_node_get_port (from, "out"),
                               swy_node_get_port (to, "in"), &error);
  g_assert_no_error (error);

  swy_inspector_set_object (SWY_INSPECTOR (inspector), G_OBJECT (wire));
  combo = ADW_COMBO_ROW (_swy_inspector_get_editor (SWY_INSPECTOR (inspector), "mode"));
  g_assert_cmpuint (adw_combo_row_get_selected (combo), ==, SWY_WIRE_MODE_SYNC);
  adw_combo_row_set_selected (combo, SWY_WIRE_MODE_QUEUED);
  g_assert_cmpint (swy_wire_get_mode (wire), ==, SWY_WIRE_MODE_QUEUED);

  gtk_switch_set_active (GTK_SWITCH (_swy_inspector_get_editor (SWY_INSPECTOR (inspector), "blocked")), TRUE);
  g_assert_true (swy_wire_get_blocked (wire));

  swy_document_undo (document);
  g_assert_false (swy_wire_get_blocked (wire));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (_swy_inspector_get_editor (SWY_INSPECTOR (inspector), "blocked"))));
  swy_document_undo (document);
  g_assert_cmpint (swy_wire_get_mode (wire), ==, SWY_WIRE_MODE_SYNC);
  g_assert_cmpuint (adw_combo_row_get_selected (combo), ==, SWY_WIRE_MODE_SYNC);

  g_assert_finalize_object (inspector);
}

static void
apply_text (SwyInspector *inspector,
            const char   *name,
            const char   *text)
{
  GtkWidget *row = _swy_inspector_get_editor (inspector, name);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
}

static void
assert_refused (SwyInspector *inspector,
                const char   *name)
{
  GtkWidget *row = _swy_inspector_get_row (inspector, name);
  GtkLabel *message = _swy_inspector_get_message (inspector, name);

  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (message)));
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (message), GTK_WIDGET (inspector)));
  g_assert_cmpstr (gtk_label_get_text (message), !=, "");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, gtk_label_get_text (message));
}

static void
assert_accepted (SwyInspector *inspector,
                 const char   *name)
{
  GtkWidget *row = _swy_inspector_get_row (inspector, name);

  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (_swy_inspector_get_message (inspector, name))));
}

static void
test_inspector_subscription (void)
{
  const char *invalid[] = { "a/#/b", "a#", "sensors/temp+", "", "#/x" };
  g_autoptr(SwyDocument) document = swy_document_new ();
  GtkWidget *inspector = g_object_ref_sink (swy_inspector_new (document));
  SwyInspector *self = SWY_INSPECTOR (inspector);
  g_autoptr(GError) error = NULL;
  SwyNode *from, *to;
  SwyWire *wire;

  from = swy_document_add_node (document, "broker", 0, 0, &error);
  g_assert_no_error (error);
  to = swy_document_add_node (document, "log", 200, 0, &error);
  g_assert_no_error (error);
  wire = swy_document_connect (document, swy_node_get_port (from, "out"),
                               swy_node_get_port (to, "in"), &error);
  g_assert_no_error (error);
  swy_inspector_set_object (self, G_OBJECT (wire));

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      apply_text (self, "subscription", invalid[i]);
      g_assert_cmpstr (swy_wire_get_subscription (wire), ==, "#");
      assert_refused (self, "subscription");
      /* The refused text stays, to be fixed. */
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_swy_inspector_get_editor (self, "subscription"))), ==, invalid[i]);
    }

  apply_text (self, "subscription", "sensors/+/temperature");
  g_assert_cmpstr (swy_wire_get_subscription (wire), ==, "sensors/+/temperature");
  assert_accepted (self, "subscription");

  apply_text (self, "subscription", "sensors/#");
  g_assert_cmpstr (swy_wire_get_subscription (wire), ==, "sensors/#");
  assert_accepted (self, "subscription");

  g_assert_finalize_object (inspector);
}

static void
test_inspector_rename (void)
{
  g_autoptr(SwyDocument) document = swy_document_new ();
  GtkWidget *inspector = g_object_ref_sink (swy_inspector_new (document));
  SwyInspector *self = SWY_INSPECTOR (inspector);
  g_autoptr(GError) error = NULL;
  g_autofree char *old_id = NULL;
  SwyNode *timer, *counter;

  timer = swy_document_add_node (document, "timer", 0, 0, &error);
  g_assert_no_error (error);
  counter = swy_document_add_node (document, "counter", 200, 0, &error);
  g_assert_no_error (error);
  old_id = g_strdup (swy_node_get_id (timer));
  swy_inspector_set_object (self, G_OBJECT (timer));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_swy_inspector_get_row (self, "id"))), ==, old_id);

  /* A duplicate id is refused, with a reason, and the old id stays. */
  apply_text (self, "id", swy_node_get_id (counter));
  g_assert_cmpstr (swy_node_get_id (timer), ==, old_id);
  assert_refused (self, "id");

  apply_text (self, "id", "");
  g_assert_cmpstr (swy_node_get_id (timer), ==, old_id);
  assert_refused (self, "id");

  apply_text (self, "id", "a:b");
  g_assert_cmpstr (swy_node_get_id (timer), ==, old_id);
  assert_refused (self, "id");

  apply_text (self, "id", "clock");
  g_assert_cmpstr (swy_node_get_id (timer), ==, "clock");
  assert_accepted (self, "id");

  swy_document_undo (document);
  g_assert_cmpstr (swy_node_get_id (timer), ==, old_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_swy_inspector_get_row (self, "id"))), ==, old_id);

  g_assert_finalize_object (inspector);
}

static void
test_inspector_live (void)
{
  g_autoptr(SwyDocument) document = swy_document_new ();
  GtkWidget *inspector = g_object_ref_sink (swy_inspector_new (document));
  SwyInspector *self = SWY_INSPECTOR (inspector);
  g_autoptr(GError) error = NULL;
  SwyNode *burst, *counter;
  SwyWire *wire;

  burst = swy_document_add_node (document, "burst", 0, 0, &error);
  g_assert_no_error (error);
  counter = swy_document_add_node (document, "counter", 200, 0, &error);
  g_assert_no_error (error);
  wire = swy_document_connect (document, swy_node_get_port (burst, "out"),
                               swy_node_get_port (counter, "in"), &error);
  g_assert_no_error (error);

  swy_inspector_set_object (self, G_OBJECT (counter));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (_swy_inspector_get_editor (self, "count"))), ==, "0");

  swy_graph_run_fast (swy_document_get_graph (document), G_USEC_PER_SEC);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (_swy_inspector_get_editor (self, "count"))), ==, "10");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (_swy_inspector_get_editor (self, "received"))), ==, "10");

  swy_inspector_set_object (self, G_OBJECT (wire));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (_swy_inspector_get_editor (self, "delivered"))), ==, "10");

  g_assert_finalize_object (inspector);
}

static void
take_screenshot (GtkWidget  *window,
                 const char *name)
{
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < 50; i++)
    {
      g_usleep (2000);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  save_window_png (window, name);
}

static void
test_inspector_screenshot (void)
{
  g_autoptr(SwyDocument) document = swy_document_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *inspector = swy_inspector_new (document);
  SwyNode *source, *queue, *worker, *button;
  SwyWire *wire;

  button = swy_document_add_node (document, "button", 0, 200, &error);
  g_assert_no_error (error);
  source = swy_document_add_node (document, "burst", 0, 0, &error);
  g_assert_no_error (error);
  queue = swy_document_add_node (document, "queue", 200, 0, &error);
  g_assert_no_error (error);
  worker = swy_document_add_node (document, "worker", 400, 0, &error);
  g_assert_no_error (error);
  g_object_set (queue, "capacity", 5, NULL);
  g_object_set (source, "count", 12, NULL);
  wire = swy_document_connect (document, swy_node_get_port (source, "out"),
                               swy_node_get_port (queue, "in"), &error);
  g_assert_no_error (error);
  swy_document_connect (document, swy_node_get_port (queue, "out"),
                        swy_node_get_port (worker, "in"), &error);
  g_assert_no_error (error);
  swy_graph_run_fast (swy_document_get_graph (document), 300 * 1000);

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new ("Inspector", NULL));
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), inspector);
  gtk_widget_set_vexpand (inspector, TRUE);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 340, 860);
  gtk_window_present (GTK_WINDOW (window));

  take_screenshot (window, "screenshot-inspector-empty.png");

  swy_inspector_set_object (SWY_INSPECTOR (inspector), G_OBJECT (queue));
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  take_screenshot (window, "screenshot-inspector-node.png");

  swy_inspector_set_object (SWY_INSPECTOR (inspector), G_OBJECT (button));
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  take_screenshot (window, "screenshot-inspector-button.png");

  swy_inspector_set_object (SWY_INSPECTOR (inspector), G_OBJECT (wire));
  apply_text (SWY_INSPECTOR (inspector), "subscription", "orders/#/new");
  take_screenshot (window, "screenshot-inspector-wire.png");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/Swy/Inspector/every-type", test_inspector_every_type);
  g_test_add_func ("/Swy/Inspector/spin-undo", test_inspector_spin_undo);
  g_test_add_func ("/Swy/Inspector/enum-and-switch", test_inspector_enum_and_switch);
  g_test_add_func ("/Swy/Inspector/subscription", test_inspector_subscription);
  g_test_add_func ("/Swy/Inspector/rename", test_inspector_rename);
  g_test_add_func ("/Swy/Inspector/live", test_inspector_live);
  g_test_add_func ("/Swy/Inspector/screenshot", test_inspector_screenshot);

  return g_test_run ();
}
