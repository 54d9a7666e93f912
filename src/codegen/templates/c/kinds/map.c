/* map: emits a new event (its parent is the input) with `value` replaced
 * by value × scale + offset, and the topic replaced by `set_topic` unless
 * that is empty. */

#define DEMO_TYPE_MAP_NODE (demo_map_node_get_type ())
G_DECLARE_FINAL_TYPE (DemoMapNode, demo_map_node, DEMO, MAP_NODE, DemoNode)

struct _DemoMapNode
{
  DemoNode  parent_instance;

  char     *set_topic;
  double    scale;
  double    offset;
};

G_DEFINE_FINAL_TYPE (DemoMapNode, demo_map_node, DEMO_TYPE_NODE)

/* The payload with `value` mapped and the other keys kept in order; the
 * same payload when it has no numeric `value`. */
static GVariant *
map_payload (DemoMapNode *self,
             GVariant    *payload)
{
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  GVariant *item;
  double v;

  if (!payload_lookup_double (payload, "value", &v))
    return payload;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_iter_init (&iter, payload);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &item))
    {
      if (g_str_equal (key, "value"))
        g_variant_builder_add (&builder, "{sv}", key,
                               g_variant_new_double (v * self->scale + self->offset));
      else
        g_variant_builder_add (&builder, "{sv}", key, item);
      g_variant_unref (item);
    }

  return g_variant_builder_end (&builder);
}

static void
demo_map_node_handle (DemoNode *node,
                      Event    *event)
{
  DemoMapNode *self = DEMO_MAP_NODE (node);
  const char *topic = self->set_topic[0] != '\0' ? self->set_topic : event->topic;
  g_autoptr(Event) mapped = event_new (topic, map_payload (self, event->payload), event);

  demo_node_emit (node, mapped);
}

static void
demo_map_node_finalize (GObject *object)
{
  g_free (DEMO_MAP_NODE (object)->set_topic);

  G_OBJECT_CLASS (demo_map_node_parent_class)->finalize (object);
}

static void
demo_map_node_class_init (DemoMapNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = demo_map_node_finalize;
  DEMO_NODE_CLASS (klass)->handle = demo_map_node_handle;
}

static void
demo_map_node_init (DemoMapNode *self G_GNUC_UNUSED)
{
}

static DemoNode *
demo_map_node_new (const char *id,
                   const char *set_topic,
                   double      scale,
                   double      offset)
{
  DemoMapNode *self = g_object_new (DEMO_TYPE_MAP_NODE, "id", id, NULL);

  self->set_topic = g_strdup (set_topic);
  self->scale = scale;
  self->offset = offset;

  return DEMO_NODE (self);
}

