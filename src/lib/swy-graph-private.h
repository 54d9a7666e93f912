/* swy-graph-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "swy-graph.h"
#include "swy-scheduler-private.h"

G_BEGIN_DECLS

/* The causal context: what is being handled now. Frames live on the C stack
 * of the dispatcher and are linked to the enclosing one. */
typedef struct _SwyFrame SwyFrame;
struct _SwyFrame
{
  SwyFrame *prev;
  SwyEvent *event;     /* the event being handled, or the restored context */
  SwyPort  *port;      /* the input port it arrived on, or NULL */
  guint     depth;     /* sync nesting level */
};

/* One g_signal_emit() in progress. */
typedef struct _SwyEmission SwyEmission;
struct _SwyEmission
{
  SwyEmission *prev;
  SwyWire     *only;     /* when set, only this wire may carry the event */
  guint        depth;
  guint        hops;
  guint        crossed;  /* wires whose subscription accepted the event */
};

struct _SwyGraph
{
  GObject       parent_instance;

  char         *title;
  guint64       seed;
  guint         max_depth;
  guint         max_hops;
  guint         max_pending;
  JsonObject   *extra;

  GListStore   *nodes_model;
  GPtrArray    *nodes;
  GHashTable   *nodes_by_id;
  GListStore   *wires_model;
  GPtrArray    *wires;

  SwyTrace     *trace;

  SwyScheduler  sched;
  gint64        now;
  guint64       next_event_id;
  guint64       n_performed;     /* scheduler items performed since the last reset */
  guint64       rng[4];

  SwyFrame     *frame;
  SwyEmission  *emission;
  guint         batch_level;
  /* Objects removed while a dispatch is running stay alive until it ends. */
  GPtrArray    *graveyard;
  GPtrArray    *dirty_nodes;
  GPtrArray    *dirty_wires;

  guint64       total_emitted;
  guint64       total_delivered;
  guint64       total_dropped;

  /* Live mode. */
  GSource      *source;
  GSource      *resume_source;    /* ends a yield once lower priorities had their turn */
  double        speed;
  gint64        base_mono;
  gint64        base_virtual;
  gint64        resume_mono;
  gint64        notified_now;
  guint         playing : 1;
  guint         started : 1;
};

/* Dispatch (swy-graph-run.c). */
void      _swy_graph_begin_batch      (SwyGraph     *self);
void      _swy_graph_end_batch        (SwyGraph     *self);
void      _swy_graph_ensure_started   (SwyGraph     *self);
guint     _swy_graph_emit             (SwyGraph     *self,
                                       SwyNode      *node,
                                       SwyPort      *port,
                                       SwyEvent     *event,
                                       SwyWire      *only);
void      _swy_graph_drop             (SwyGraph     *self,
                                       SwyNode      *node,
                                       SwyPort      *port,
                                       SwyEvent     *event,
                                       int           wire,
                                       GQuark        reason);
SwyEvent *_swy_graph_new_event        (SwyGraph     *self,
                                       SwyEvent     *parent,
                                       GQuark        topic,
                                       GVariant     *payload);
void      _swy_graph_schedule_timer   (SwyGraph     *self,
                                       SwyNode      *node,
                                       gint64        delay_us,
                                       SwyEvent     *context,
                                       guint64       tag);
double    _swy_graph_random_double    (SwyGraph     *self);
void      _swy_graph_reseed           (SwyGraph     *self);
void      _swy_graph_wire_handler     (SwyPort      *port,
                                       SwyEvent     *event,
                                       SwyWire      *wire);
void      _swy_graph_cancel_wire      (SwyGraph     *self,
                                       SwyWire      *wire);
void      _swy_graph_cancel_node      (SwyGraph     *self,
                                       SwyNode      *node);
void      _swy_graph_node_ready       (SwyGraph     *self,
                                       SwyNode      *node);
void      _swy_graph_queue_node_notify (SwyGraph    *self,
                                        SwyNode     *node);
void      _swy_graph_queue_wire_notify (SwyGraph    *self,
                                        SwyWire     *wire);
void      _swy_graph_stop_source      (SwyGraph     *self);
void      _swy_graph_keep_alive       (SwyGraph     *self,
                                       gpointer      object);

GParamSpec *_swy_graph_now_pspec     (void);
GParamSpec *_swy_graph_playing_pspec (void);
GParamSpec *_swy_graph_speed_pspec   (void);

static inline gboolean
_swy_graph_in_batch (SwyGraph *self)
{
  return self->batch_level > 0;
}

G_END_DECLS
