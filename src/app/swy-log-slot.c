/* swy-log-slot.c: a row of the log's table, whose item changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The log's table's rows are slots (see swy-log-tail.c): the list keeps
 * the same items, and a slot's item, the record it shows, changes under
 * it, so GTK neither creates nor destroys row widgets as records stream in
 * or when a filter changes; the cells re-text on notify::item.
 */

#define G_LOG_DOMAIN "swy-log-slot"

#include "config.h"

#include "swy-log-slot.h"

struct _SwyLogSlot
{
  GObject  parent_instance;

  GObject *item;
};

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyLogSlot, swy_log_slot, G_TYPE_OBJECT)

static void
swy_log_slot_dispose (GObject *object)
{
  SwyLogSlot *self = SWY_LOG_SLOT (object);

  g_clear_object (&self->item);

  G_OBJECT_CLASS (swy_log_slot_parent_class)->dispose (object);
}

static void
swy_log_slot_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SwyLogSlot *self = SWY_LOG_SLOT (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_log_slot_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  SwyLogSlot *self = SWY_LOG_SLOT (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      swy_log_slot_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_log_slot_class_init (SwyLogSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = swy_log_slot_dispose;
  object_class->get_property = swy_log_slot_get_property;
  object_class->set_property = swy_log_slot_set_property;

  /* The item the row shows now. */
  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_log_slot_init (SwyLogSlot *self)
{
}

SwyLogSlot *
swy_log_slot_new (void)
{
  return g_object_new (SWY_TYPE_LOG_SLOT, NULL);
}

/**
 * swy_log_slot_get_item:
 * @self: a slot
 *
 * Returns: (transfer none) (nullable): the item the row shows
 */
gpointer
swy_log_slot_get_item (SwyLogSlot *self)
{
  g_return_val_if_fail (SWY_IS_LOG_SLOT (self), NULL);

  return self->item;
}

/**
 * swy_log_slot_set_item:
 * @self: a slot
 * @item: (nullable) (type GObject): the item to show
 *
 * Notifies `item` when it changes.
 */
void
swy_log_slot_set_item (SwyLogSlot *self,
                       gpointer    item)
{
  g_return_if_fail (SWY_IS_LOG_SLOT (self));
  g_return_if_fail (item == NULL || G_IS_OBJECT (item));

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
