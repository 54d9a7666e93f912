/* swy-wire-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "swy-topic-private.h"
#include "swy-wire.h"

G_BEGIN_DECLS

enum {
  SWY_WIRE_DIRTY_DELIVERED = 1 << 0,
  SWY_WIRE_DIRTY_LOST      = 1 << 1,
};

struct _SwyWire
{
  GObject      parent_instance;

  SwyPort     *from;
  SwyPort     *to;
  /* Weak: the graph owns its wires. */
  SwyGraph    *graph;
  int          index;

  SwyWireMode  mode;
  guint        latency_ms;
  SwyPriority  priority;
  char        *subscription;
  SwyPattern  *pattern;
  gboolean     blocked;
  double       loss;
  guint        jitter_ms;

  gulong       handler_id;
  guint64      delivered;
  guint64      lost;
  guint        dirty;
};

void _swy_wire_attach       (SwyWire  *self,
                             SwyGraph *graph);
void _swy_wire_detach       (SwyWire  *self);
void _swy_wire_reconnect    (SwyWire  *self);
void _swy_wire_count        (SwyWire  *self,
                             guint     dirty_bit);
void _swy_wire_flush_notify (SwyWire  *self);
void _swy_wire_reset        (SwyWire  *self);

G_END_DECLS
