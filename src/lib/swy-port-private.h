/* swy-port-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "swy-port.h"

G_BEGIN_DECLS

struct _SwyPort
{
  GObject           parent_instance;

  char             *name;
  GQuark            name_quark;
  SwyPortDirection  direction;
  /* Weak: the node owns its ports. Cleared when the node is disposed. */
  SwyNode          *node;
  /* Wires attached to this port (leaving an output, or entering an input),
   * in creation order. Not owned: the graph owns wires. */
  GPtrArray        *wires;
};

extern guint _swy_port_event_signal;

SwyPort *_swy_port_new        (SwyNode          *node,
                               const char       *name,
                               SwyPortDirection  direction);
void     _swy_port_clear_node (SwyPort          *self);

G_END_DECLS
