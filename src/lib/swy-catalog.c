/* swy-catalog.c: the node types a graph can hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "swy-catalog.h"
#include "swy-node.h"
#include "swy-node-type-private.h"
#include "swy-nodes-private.h"

/* The catalog: one line per node type (design/engine.md section 4).
 * Adding a node type touches its own file, this table and a test. */

typedef struct
{
  const char      *name;
  GType          (*get_type) (void);
  const char      *display_name;
  SwyNodeCategory  category;
  const char      *icon_name;
  const char      *description;
} CatalogEntry;

static const CatalogEntry entries[] = {
  { "timer", swy_timer_node_get_type, N_("Timer"), SWY_NODE_CATEGORY_PRODUCER,
    "alarm-symbolic", N_("Emits an event every interval") },
  { "burst", swy_burst_node_get_type, N_("Burst"), SWY_NODE_CATEGORY_PRODUCER,
    "weather-storm-symbolic", N_("Emits many events at one time") },
  { "poisson", swy_poisson_node_get_type, N_("Random source"), SWY_NODE_CATEGORY_PRODUCER,
    "media-playlist-shuffle-symbolic", N_("Emits at random times with random values") },
  { "button", swy_button_node_get_type, N_("Button"), SWY_NODE_CATEGORY_PRODUCER,
    "input-mouse-symbolic", N_("Emits an event when clicked") },
  { "filter", swy_filter_node_get_type, N_("Filter"), SWY_NODE_CATEGORY_ROUTING,
    "edit-find-symbolic", N_("Forwards the events that pass a test") },
  { "map", swy_map_node_get_type, N_("Map"), SWY_NODE_CATEGORY_ROUTING,
    "document-edit-symbolic", N_("Emits a transformed copy of each event") },
  { "delay", swy_delay_node_get_type, N_("Delay"), SWY_NODE_CATEGORY_ROUTING,
    "appointment-soon-symbolic", N_("Forwards each event later") },
  { "debounce", swy_debounce_node_get_type, N_("Debounce"), SWY_NODE_CATEGORY_ROUTING,
    "content-loading-symbolic", N_("Emits the last event after a quiet period") },
  { "throttle", swy_throttle_node_get_type, N_("Throttle"), SWY_NODE_CATEGORY_ROUTING,
    "media-seek-forward-symbolic", N_("Forwards at most one event per window") },
  { "broker", swy_broker_node_get_type, N_("Broker"), SWY_NODE_CATEGORY_ROUTING,
    "network-workgroup-symbolic", N_("Routes events to subscribers by topic") },
  { "queue", swy_queue_node_get_type, N_("Queue"), SWY_NODE_CATEGORY_ROUTING,
    "view-list-symbolic", N_("Holds events until a consumer is ready") },
  { "worker", swy_worker_node_get_type, N_("Worker"), SWY_NODE_CATEGORY_ROUTING,
    "system-run-symbolic", N_("Serves events one service time each") },
  { "batch", swy_batch_node_get_type, N_("Batch"), SWY_NODE_CATEGORY_ROUTING,
    "edit-select-all-symbolic", N_("Aggregates events by window or size") },
  { "counter", swy_counter_node_get_type, N_("Counter"), SWY_NODE_CATEGORY_CONSUMER,
    "view-sort-ascending-symbolic", N_("Counts the events it receives") },
  { "log", swy_log_node_get_type, N_("Log"), SWY_NODE_CATEGORY_CONSUMER,
    "text-x-generic-symbolic", N_("Keeps the last events it receives") },
  { "plot", swy_plot_node_get_type, N_("Plot"), SWY_NODE_CATEGORY_CONSUMER,
    "x-office-spreadsheet-symbolic", N_("Plots the values it receives over time") },
};

static GListStore *types;
static GHashTable *by_name;
static GHashTable *by_gtype;

static void
ensure_catalog (void)
{
  if (g_once_init_enter (&types))
    {
      GListStore *store = g_list_store_new (SWY_TYPE_NODE_TYPE);

      bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

      by_name = g_hash_table_new (g_str_hash, g_str_equal);
      by_gtype = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
        {
          const CatalogEntry *e = &entries[i];
          g_autoptr(SwyNodeType) type = NULL;
          GType gtype = e->get_type ();

          type = _swy_node_type_new (e->name, gtype, e->display_name, e->category,
                                     e->icon_name, e->description);
          g_list_store_append (store, type);
          g_hash_table_insert (by_name, (gpointer)e->name, type);
          g_hash_table_insert (by_gtype, GSIZE_TO_POINTER (gtype), type);
        }

      g_once_init_leave (&types, store);
    }
}

/**
 * swy_catalog_get_types:
 *
 * Gets every node type, producers first, in the order of the palette.
 *
 * Returns: (transfer none): a list model of [class@NodeType]
 */
GListModel *
swy_catalog_get_types (void)
{
  ensure_catalog ();

  return G_LIST_MODEL (types);
}

/**
 * swy_catalog_lookup:
 * @name: a type name, such as `timer`
 *
 * Looks a node type up by its file-format name.
 *
 * Returns: (transfer none) (nullable): the node type, or `NULL`
 */
SwyNodeType *
swy_catalog_lookup (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  ensure_catalog ();

  return g_hash_table_lookup (by_name, name);
}

/**
 * swy_catalog_lookup_gtype:
 * @gtype: the GType of a node class
 *
 * Looks a node type up by GType.
 *
 * Returns: (transfer none) (nullable): the node type, or `NULL`
 */
SwyNodeType *
swy_catalog_lookup_gtype (GType gtype)
{
  ensure_catalog ();

  return g_hash_table_lookup (by_gtype, GSIZE_TO_POINTER (gtype));
}

/**
 * swy_catalog_create_node:
 * @name: a type name, such as `timer`
 * @id: (nullable): the node id
 * @error: return location for an error
 *
 * Creates a node of a catalog type, with its default properties.
 *
 * Returns: (transfer full) (nullable): the node, or `NULL` with @error set
 */
SwyNode *
swy_catalog_create_node (const char  *name,
                         const char  *id,
                         GError     **error)
{
  SwyNodeType *type;

  g_return_val_if_fail (name != NULL, NULL);

  type = swy_catalog_lookup (name);
  if (type == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "Unknown node type “%s”", name);
      return NULL;
    }

  return g_object_new (swy_node_type_get_gtype (type), "id", id, NULL);
}
