/* ---------------------------------------------------------------------- */
/* Events                                                                  */
/* ---------------------------------------------------------------------- */

/* An event is immutable and reference counted; it travels as the boxed
 * argument of the "event" signal. The payload is a GVariant dictionary
 * (a{sv}) with at least `seq` and often `value`. */

typedef struct
{
  grefcount    ref_count;
  guint64      id;          /* unique, in order of creation */
  guint64      parent;      /* the event whose handling made this one, or 0 */
  const char  *topic;       /* interned; levels separated by '/' */
  GVariant    *payload;
  gint64       created_us;
  guint        hops;        /* deliveries on its longest path: the storm guard */
} Event;

static guint64 next_event_id = 1;

static Event *
event_ref (Event *event)
{
  g_ref_count_inc (&event->ref_count);
  return event;
}

static void
event_unref (Event *event)
{
  if (g_ref_count_dec (&event->ref_count))
    {
      g_variant_unref (event->payload);
      g_free (event);
    }
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Event, event_unref)

GType event_get_type (void);
G_DEFINE_BOXED_TYPE (Event, event, event_ref, event_unref)
#define TYPE_EVENT (event_get_type ())

/* A new event; @payload is sunk if floating. A child inherits the hop
 * count of its @parent. */
static Event *
event_new (const char *topic,
           GVariant   *payload,
           Event      *parent)
{
  Event *event = g_new0 (Event, 1);

  g_ref_count_init (&event->ref_count);
  event->id = next_event_id++;
  event->parent = parent != NULL ? parent->id : 0;
  event->topic = g_intern_string (topic);
  event->payload = g_variant_ref_sink (payload);
  event->created_us = now_us;
  event->hops = parent != NULL ? parent->hops : 0;

  return event;
}

%%if seq_payload
/* {"seq": seq} or {"seq": seq, "value": value}, as a floating GVariant. */
static GVariant *
payload_new (gint64   seq,
             gboolean has_value,
             double   value)
{
  GVariantBuilder builder;

  /* A builder, not a GVariantDict, keeps the keys in this order. */
  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "seq", g_variant_new_int64 (seq));
  if (has_value)
    g_variant_builder_add (&builder, "{sv}", "value", g_variant_new_double (value));

  return g_variant_builder_end (&builder);
}

%%endif
%%if lookup
/* Reads a number from the payload: a double or an integer. */
static gboolean
payload_lookup_double (GVariant   *payload,
                       const char *key,
                       double     *out_value)
{
  g_autoptr(GVariant) value = g_variant_lookup_value (payload, key, NULL);

  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    *out_value = g_variant_get_double (value);
  else if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    *out_value = (double) g_variant_get_int64 (value);
  else
    return FALSE;

  return TRUE;
}

%%endif
