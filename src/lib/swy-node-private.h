/* swy-node-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "swy-node.h"

G_BEGIN_DECLS

#define SWY_NODE_MAX_DIRTY 8

typedef struct
{
  GQuark  reason;
  guint64 count;
} SwyDropReason;

typedef struct
{
  /* Weak: the graph owns its nodes. */
  SwyGraph   *graph;
  char       *id;
  GQuark      id_quark;   /* 0 until a trace records the node: node_quark() */
  double      x;
  double      y;
  GPtrArray  *ports;
  GListStore *ports_model;
  guint64     received;
  guint64     emitted;
  guint64     dropped;
  GArray     *drop_reasons;
  /* Property notifications queued until the end of the scheduler batch. */
  GParamSpec *dirty[SWY_NODE_MAX_DIRTY];
  guint8      n_dirty;
  guint       started : 1;
} SwyNodePrivate;

SwyNodePrivate *_swy_node_get_private    (SwyNode    *self);
void            _swy_node_set_graph      (SwyNode    *self,
                                          SwyGraph   *graph);
void            _swy_node_set_id         (SwyNode    *self,
                                          const char *id);
void            _swy_node_count_received (SwyNode    *self);
void            _swy_node_count_emitted  (SwyNode    *self);
void            _swy_node_count_drop     (SwyNode    *self,
                                          GQuark      reason);
void            _swy_node_flush_notify   (SwyNode    *self);
void            _swy_node_start          (SwyNode    *self);
void            _swy_node_reset          (SwyNode    *self);

G_END_DECLS
