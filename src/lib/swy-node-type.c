/* swy-node-type.c: one entry of the node catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "swy-enum-types.h"
#include "swy-node-type-private.h"

/**
 * SwyNodeType:
 *
 * A node type of the catalog: its file-format name, GType, translated
 * display name and description, category and icon.
 */

struct _SwyNodeType
{
  GObject          parent_instance;

  const char      *name;
  GType            gtype;
  const char      *display_name;
  SwyNodeCategory  category;
  const char      *icon_name;
  const char      *description;
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_GTYPE,
  PROP_DISPLAY_NAME,
  PROP_CATEGORY,
  PROP_ICON_NAME,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SwyNodeType, swy_node_type, G_TYPE_OBJECT)

static void
swy_node_type_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SwyNodeType *self = SWY_NODE_TYPE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, swy_node_type_get_name (self));
      break;

    case PROP_GTYPE:
      g_value_set_gtype (value, swy_node_type_get_gtype (self));
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, swy_node_type_get_display_name (self));
      break;

    case PROP_CATEGORY:
      g_value_set_enum (value, swy_node_type_get_category (self));
      break;

    case PROP_ICON_NAME:
      g_value_set_string (value, swy_node_type_get_icon_name (self));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, swy_node_type_get_description (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
swy_node_type_class_init (SwyNodeTypeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = swy_node_type_get_property;

  /**
   * SwyNodeType:name:
   *
   * The type name used in graph files, such as `timer`.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyNodeType:gtype:
   *
   * The GType of the node class.
   */
  properties[PROP_GTYPE] =
    g_param_spec_gtype ("gtype", NULL, NULL, G_TYPE_NONE,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyNodeType:display-name:
   *
   * The translated name shown in the palette.
   */
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyNodeType:category:
   *
   * Producer, routing or consumer.
   */
  properties[PROP_CATEGORY] =
    g_param_spec_enum ("category", NULL, NULL,
                       SWY_TYPE_NODE_CATEGORY, SWY_NODE_CATEGORY_PRODUCER,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyNodeType:icon-name:
   *
   * A symbolic icon name of the Adwaita icon theme.
   */
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * SwyNodeType:description:
   *
   * A translated one-line description.
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
swy_node_type_init (SwyNodeType *self)
{
}

SwyNodeType *
_swy_node_type_new (const char      *name,
                    GType            gtype,
                    const char      *display_name,
                    SwyNodeCategory  category,
                    const char      *icon_name,
                    const char      *description)
{
  SwyNodeType *self = g_object_new (SWY_TYPE_NODE_TYPE, NULL);

  self->name = name;
  self->gtype = gtype;
  self->display_name = display_name;
  self->category = category;
  self->icon_name = icon_name;
  self->description = description;

  return self;
}

/**
 * swy_node_type_get_name:
 * @self: a node type
 *
 * Gets the type name used in graph files.
 *
 * Returns: the name
 */
const char *
swy_node_type_get_name (SwyNodeType *self)
{
  g_return_val_if_fail (SWY_IS_NODE_TYPE (self), NULL);

  return self->name;
}

/**
 * swy_node_type_get_gtype:
 * @self: a node type
 *
 * Gets the GType of the node class.
 *
 * Returns: the GType
 */
GType
swy_node_type_get_gtype (SwyNodeType *self)
{
  g_return_val_if_fail (SWY_IS_NODE_TYPE (self), G_TYPE_INVALID);

  return self->gtype;
}

/**
 * swy_node_type_get_display_name:
 * @self: a node type
 *
 * Gets the translated display name.
 *
 * Returns: the display name
 */
const char *
swy_node_type_get_display_name (SwyNodeType *self)
{
  g_return_val_if_fail (SWY_IS_NODE_TYPE (self), NULL);

  return g_dgettext (GETTEXT_PACKAGE, self->display_name);
}

/**
 * swy_node_type_get_category:
 * @self: a node type
 *
 * Gets the category of the node type.
 *
 * Returns: the category
 */
SwyNodeCategory
swy_node_type_get_category (SwyNodeType *self)
{
  g_return_val_if_fail (SWY_IS_NODE_TYPE (self), SWY_NODE_CATEGORY_PRODUCER);

  return self->category;
}

/**
 * swy_node_type_get_icon_name:
 * @self: a node type
 *
 * Gets the symbolic icon name of the node type.
 *
 * Returns: the icon name
 */
const char *
swy_node_type_get_icon_name (SwyNodeType *self)
{
  g_return_val_if_fail (SWY_IS_NODE_TYPE (self), NULL);

  return self->icon_name;
}

/**
 * swy_node_type_get_description:
 * @self: a node type
 *
 * Gets the translated one-line description.
 *
 * Returns: the description
 */
const char *
swy_node_type_get_description (SwyNodeType *self)
{
  g_return_val_if_fail (SWY_IS_NODE_TYPE (self), NULL);

  return g_dgettext (GETTEXT_PACKAGE, self->description);
}
