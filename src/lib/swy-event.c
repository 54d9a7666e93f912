/* swy-event.c: immutable, reference counted events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "swy-event-private.h"

/**
 * SwyEvent:
 *
 * An immutable, atomically reference counted event.
 *
 * An event has an id (unique in a run, in order of creation), a topic whose
 * levels are separated by `/`, a payload (a [struct@GLib.Variant], normally of
 * type `a{sv}` with at least `seq` and often `value`), the virtual time at
 * which it was created and the id of its parent: the event whose handling
 * produced it, or 0.
 *
 * Nodes create events with [method@Node.new_event], which assigns the id,
 * the creation time and the parent from the graph's causal context.
 */

G_DEFINE_BOXED_TYPE (SwyEvent, swy_event, swy_event_ref, swy_event_unref)

SwyEvent *
_swy_event_new (guint64   id,
                GQuark    topic,
                GVariant *payload,
                gint64    created,
                guint64   parent,
                guint     hops)
{
  SwyEvent *self;

  self = g_new (SwyEvent, 1);
  self->ref_count = 1;
  self->hops = hops;
  self->topic = topic;
  self->id = id;
  self->parent = parent;
  self->created = created;
  if (payload != NULL)
    self->payload = g_variant_ref_sink (payload);
  else
    self->payload = g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0));

  return self;
}

/**
 * swy_event_new:
 * @id: the event id
 * @topic: the topic, levels separated by `/`
 * @payload: (nullable): the payload; a floating reference is sunk.
 *   `NULL` means an empty `a{sv}`
 * @created: the virtual creation time, in microseconds
 * @parent: the id of the parent event, or 0
 *
 * Creates an event. Nodes use [method@Node.new_event] instead, which fills
 * the id, time and parent from the graph.
 *
 * Returns: (transfer full): a new event
 */
SwyEvent *
swy_event_new (guint64     id,
               const char *topic,
               GVariant   *payload,
               gint64      created,
               guint64     parent)
{
  g_return_val_if_fail (topic != NULL, NULL);

  return _swy_event_new (id, g_quark_from_string (topic), payload, created, parent, 0);
}

/**
 * swy_event_ref:
 * @self: an event
 *
 * Acquires a reference on an event.
 *
 * Returns: (transfer full): the event
 */
SwyEvent *
swy_event_ref (SwyEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_int_inc (&self->ref_count);

  return self;
}

/**
 * swy_event_unref:
 * @self: (transfer full): an event
 *
 * Releases a reference on an event, freeing it when it was the last.
 */
void
swy_event_unref (SwyEvent *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_int_dec_and_test (&self->ref_count))
    {
      g_variant_unref (self->payload);
      g_free (self);
    }
}

/**
 * swy_event_get_id:
 * @self: an event
 *
 * Gets the id of the event, unique in a run and increasing in order of creation.
 *
 * Returns: the id
 */
guint64
swy_event_get_id (SwyEvent *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->id;
}

/**
 * swy_event_get_topic:
 * @self: an event
 *
 * Gets the topic of the event.
 *
 * Returns: (transfer none): the topic, an interned string
 */
const char *
swy_event_get_topic (SwyEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_quark_to_string (self->topic);
}

/**
 * swy_event_get_topic_quark:
 * @self: an event
 *
 * Gets the topic of the event as a quark: the detail of the port signal
 * on which it is emitted.
 *
 * Returns: the topic quark
 */
GQuark
swy_event_get_topic_quark (SwyEvent *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->topic;
}

/**
 * swy_event_get_payload:
 * @self: an event
 *
 * Gets the payload of the event.
 *
 * Returns: (transfer none): the payload
 */
GVariant *
swy_event_get_payload (SwyEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->payload;
}

/**
 * swy_event_get_created:
 * @self: an event
 *
 * Gets the virtual time at which the event was created.
 *
 * Returns: the creation time in microseconds of virtual time
 */
gint64
swy_event_get_created (SwyEvent *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->created;
}

/**
 * swy_event_get_parent:
 * @self: an event
 *
 * Gets the id of the event whose handling produced this one.
 *
 * Returns: the parent id, or 0
 */
guint64
swy_event_get_parent (SwyEvent *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->parent;
}

gboolean
_swy_variant_to_double (GVariant *variant,
                        double   *out_value)
{
  const GVariantType *type = g_variant_get_type (variant);

  if (g_variant_type_equal (type, G_VARIANT_TYPE_DOUBLE))
    *out_value = g_variant_get_double (variant);
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_INT64))
    *out_value = (double) g_variant_get_int64 (variant);
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_INT32))
    *out_value = g_variant_get_int32 (variant);
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_UINT64))
    *out_value = (double) g_variant_get_uint64 (variant);
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_UINT32))
    *out_value = g_variant_get_uint32 (variant);
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_INT16))
    *out_value = g_variant_get_int16 (variant);
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_UINT16))
    *out_value = g_variant_get_uint16 (variant);
  else if (g_variant_type_equal (type, G_VARIANT_TYPE_BYTE))
    *out_value = g_variant_get_byte (variant);
  else
    return FALSE;

  return TRUE;
}

static GVariant *
lookup (SwyEvent   *self,
        const char *key)
{
  if (!g_variant_is_of_type (self->payload, G_VARIANT_TYPE_VARDICT))
    return NULL;

  return g_variant_lookup_value (self->payload, key, NULL);
}

/**
 * swy_event_lookup_double:
 * @self: an event
 * @key: a payload key
 * @out_value: (out) (optional): the value
 *
 * Looks a numeric field up in an `a{sv}` payload, converting integers to double.
 *
 * Returns: whether the payload has a numeric field named @key
 */
gboolean
swy_event_lookup_double (SwyEvent   *self,
                         const char *key,
                         double     *out_value)
{
  g_autoptr(GVariant) value = NULL;
  double d;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  value = lookup (self, key);
  if (value == NULL || !_swy_variant_to_double (value, &d))
    return FALSE;

  if (out_value != NULL)
    *out_value = d;

  return TRUE;
}

/**
 * swy_event_lookup_int64:
 * @self: an event
 * @key: a payload key
 * @out_value: (out) (optional): the value
 *
 * Looks an integer field up in an `a{sv}` payload. Doubles are not converted.
 *
 * Returns: whether the payload has an integer field named @key
 */
gboolean
swy_event_lookup_int64 (SwyEvent   *self,
                        const char *key,
                        gint64     *out_value)
{
  g_autoptr(GVariant) value = NULL;
  double d;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  value = lookup (self, key);
  if (value == NULL ||
      g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE) ||
      !_swy_variant_to_double (value, &d))
    return FALSE;

  if (out_value != NULL)
    {
      if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
        *out_value = g_variant_get_int64 (value);
      else if (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT64))
        *out_value = (gint64) g_variant_get_uint64 (value);
      else
        *out_value = (gint64) d;
    }

  return TRUE;
}

/**
 * swy_event_dup_payload_string:
 * @self: an event
 *
 * Prints the payload in GVariant text format, with type annotations, as in
 * the JSON lines trace.
 *
 * Returns: (transfer full): the payload as text
 */
char *
swy_event_dup_payload_string (SwyEvent *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_variant_print (self->payload, TRUE);
}

GVariant *
_swy_payload_new (gint64   seq,
                  gboolean has_value,
                  double   value)
{
  GVariant *entries[2];
  guint n = 0;

  entries[n++] = g_variant_new_dict_entry (g_variant_new_string ("seq"),
                                           g_variant_new_variant (g_variant_new_int64 (seq)));
  if (has_value)
    entries[n++] = g_variant_new_dict_entry (g_variant_new_string ("value"),
                                             g_variant_new_variant (g_variant_new_double (value)));

  return g_variant_new_array (G_VARIANT_TYPE ("{sv}"), entries, n);
}
