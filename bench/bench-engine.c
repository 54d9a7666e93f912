/* bench-engine.c: libswitchyard against its floor, in one run, as ratios
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Links the public shared library, like any user of the engine. Every case
 * is calibrated to take at least --min-time seconds, then all cases run
 * --repeats times, interleaved, and the medians are compared: the engine
 * with its trace recorder on and off against the same shapes written in
 * plain GLib (bench-floor.c), optionally against Node-RED (--peers FILE,
 * written by bench/peers/node-red-chain.js), plus what a pending queued
 * delivery and a live event cost in heap.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef HAVE_MALLINFO2
# include <malloc.h>
#endif

#include <json-glib/json-glib.h>
#include <swy.h>

#include "bench-floor.h"

#define CHAIN_NODES   10
#define SUBSCRIBERS   100
#define WORKERS       4
#define SERVICE_MS    1
/* Events injected per click of the source; deferred work drains between
 * rounds, so the scheduler's heap and the floor's GQueue stay this small. */
#define ROUND         1000

/* A producer for benchmarks: each click emits `count` events on `out`,
 * cycling through its topics. The payload is shared by default, so that
 * the figures measure dispatch and not GVariant building. */

typedef enum
{
  PAYLOAD_SHARED,      /* one payload for every event */
  PAYLOAD_TREE,        /* {seq, value} per event, built as the engine's producers do */
  PAYLOAD_SERIALISED,  /* the same, serialised into one buffer */
} PayloadKind;

#define BENCH_TYPE_SOURCE (bench_source_get_type ())
G_DECLARE_FINAL_TYPE (BenchSource, bench_source, BENCH, SOURCE, SwyNode)

struct _BenchSource
{
  SwyNode      parent_instance;

  SwyPort     *out;
  GVariant    *payload;
  GPtrArray   *topics;
  guint        next_topic;
  guint        count;
  PayloadKind  payload_kind;
  SwyEvent   **premade;       /* when set, emit these `count` events instead */
  gint64       seq;
};

G_DEFINE_FINAL_TYPE (BenchSource, bench_source, SWY_TYPE_NODE)

/* {seq, value}, built the way the engine's own producers build it. */
static GVariant *
payload_new (gint64 seq,
             double value)
{
  GVariant *entries[2];

  entries[0] = g_variant_new_dict_entry (g_variant_new_string ("seq"),
                                         g_variant_new_variant (g_variant_new_int64 (seq)));
  entries[1] = g_variant_new_dict_entry (g_variant_new_string ("value"),
                                         g_variant_new_variant (g_variant_new_double (value)));

  return g_variant_new_array (G_VARIANT_TYPE ("{sv}"), entries, 2);
}

static void
bench_source_fire (SwyNode *node)
{
  BenchSource *self = BENCH_SOURCE (node);

  for (guint i = 0; i < self->count; i++)
    {
      g_autoptr(SwyEvent) event = NULL;

      if (self->premade != NULL)
        {
          event = swy_event_ref (self->premade[i]);
        }
      else
        {
          const char *topic = g_ptr_array_index (self->topics, self->next_topic);
          g_autoptr(GVariant) owned = NULL;
          GVariant *payload = self->payload;

          self->seq++;
          if (self->payload_kind != PAYLOAD_SHARED)
            {
              payload = owned = g_variant_ref_sink (payload_new (self->seq, 1.0));
              /* Getting the data serialises the tree in place. */
              if (self->payload_kind == PAYLOAD_SERIALISED)
                g_variant_get_data (payload);
            }
          event = swy_node_new_event (node, topic, payload);
          if (++self->next_topic == self->topics->len)
            self->next_topic = 0;
        }
      swy_node_emit (node, self->out, event);
    }
}

static void
bench_source_finalize (GObject *object)
{
  BenchSource *self = (BenchSource *)object;

  g_clear_pointer (&self->payload, g_variant_unref);
  g_clear_pointer (&self->topics, g_ptr_array_unref);

  G_OBJECT_CLASS (bench_source_parent_class)->finalize (object);
}

static void
bench_source_class_init (BenchSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SwyNodeClass *node_class = SWY_NODE_CLASS (klass);

  object_class->finalize = bench_source_finalize;
  node_class->fire = bench_source_fire;
}

static void
bench_source_init (BenchSource *self)
{
  self->out = swy_node_add_port (SWY_NODE (self), "out", SWY_PORT_DIRECTION_OUTPUT);
  self->payload = g_variant_ref_sink (payload_new (0, 1.0));
  self->topics = g_ptr_array_new_with_free_func (g_free);
}

/* Graphs. */

static void
check_error (GError *error)
{
  if (error != NULL)
    g_error ("Could not build a benchmark graph: %s", error->message);
}

static SwyGraph *
graph_new (BenchSource **out_source)
{
  SwyGraph *graph = swy_graph_new ();
  g_autoptr(BenchSource) source = g_object_new (BENCH_TYPE_SOURCE, "id", "source", NULL);
  g_autoptr(GError) error = NULL;

  swy_graph_add_node (graph, SWY_NODE (source), &error);
  check_error (error);
  *out_source = source;

  return graph;
}

static SwyWire *
wire_up (SwyGraph    *graph,
         const char  *from,
         const char  *to,
         SwyWireMode  mode)
{
  g_autoptr(GError) error = NULL;
  SwyWire *wire = swy_graph_connect (graph, from, to, &error);

  check_error (error);
  swy_wire_set_mode (wire, mode);

  return wire;
}

static SwyNode *
create_node (SwyGraph   *graph,
             const char *type,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  SwyNode *node = swy_graph_create_node (graph, type, id, &error);

  check_error (error);
  return node;
}

/* source -> n1 -> ... -> n10, every wire in @mode. */
static SwyGraph *
chain_graph_new (const char   *node_type,
                 SwyWireMode   mode,
                 BenchSource **out_source)
{
  SwyGraph *graph = graph_new (out_source);

  g_ptr_array_add ((*out_source)->topics, g_strdup ("bench/chain"));
  for (guint i = 1; i <= CHAIN_NODES; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      g_autofree char *from = i == 1 ? g_strdup ("source:out") : g_strdup_printf ("n%u:out", i - 1);
      g_autofree char *to = g_strdup_printf ("n%u:in", i);
      SwyNode *node = create_node (graph, node_type, id);

      if (SWY_IS_MAP_NODE (node))
        swy_map_node_set_offset (SWY_MAP_NODE (node), 1.0);
      wire_up (graph, from, to, mode);
    }

  return graph;
}

/* source -> broker -> 100 counters, each subscribed to one topic, either by
 * exact topic (GLib's detail matching) or by a wildcard pattern that
 * matches the same single topic (matched in the wire's handler). */
static SwyGraph *
fanout_graph_new (gboolean      wildcard,
                  BenchSource **out_source)
{
  SwyGraph *graph = graph_new (out_source);

  create_node (graph, "broker", "broker");
  wire_up (graph, "source:out", "broker:in", SWY_WIRE_MODE_SYNC);
  for (guint i = 0; i < SUBSCRIBERS; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autofree char *to = g_strdup_printf ("s%u:in", i);
      g_autofree char *subscription = wildcard ? g_strdup_printf ("+/%u", i)
                                               : g_strdup_printf ("sensors/%u", i);
      SwyWire *wire;

      create_node (graph, "counter", id);
      wire = wire_up (graph, "broker:out", to, SWY_WIRE_MODE_SYNC);
      swy_wire_set_subscription (wire, subscription);
      g_ptr_array_add ((*out_source)->topics, g_strdup_printf ("sensors/%u", i));
    }

  return graph;
}

/* source -> queue -> 4 workers (1 ms service, one at a time) -> counter. */
static SwyGraph *
workers_graph_new (BenchSource **out_source)
{
  SwyGraph *graph = graph_new (out_source);

  g_ptr_array_add ((*out_source)->topics, g_strdup ("bench/jobs"));
  create_node (graph, "queue", "queue");
  create_node (graph, "counter", "sink");
  wire_up (graph, "source:out", "queue:in", SWY_WIRE_MODE_SYNC);
  for (guint i = 0; i < WORKERS; i++)
    {
      g_autofree char *id = g_strdup_printf ("w%u", i);
      g_autofree char *in = g_strdup_printf ("w%u:in", i);
      g_autofree char *out = g_strdup_printf ("w%u:out", i);
      SwyNode *worker = create_node (graph, "worker", id);

      swy_worker_node_set_service_ms (SWY_WORKER_NODE (worker), SERVICE_MS);
      swy_worker_node_set_concurrency (SWY_WORKER_NODE (worker), 1);
      wire_up (graph, "queue:out", in, SWY_WIRE_MODE_SYNC);
      wire_up (graph, out, "sink:in", SWY_WIRE_MODE_SYNC);
    }

  return graph;
}

/* Cases. */

typedef struct _Case Case;
typedef double (*CaseRunFunc) (Case    *self,
                               guint    n_events,
                               guint64 *delivered);

struct _Case
{
  const char  *id;
  const char  *label;
  const char  *floor_id;      /* the plain-GLib case of the same shape, or NULL */
  guint        hops;          /* deliveries per event */
  gboolean     trace;
  SwyGraph    *graph;         /* engine cases */
  BenchSource *source;
  CaseRunFunc  run;
  guint        n_events;
  GArray      *seconds;
  double       median;
  gboolean     skipped;
  gboolean     failed;
};

static double
run_engine (Case    *self,
            guint    n_events,
            guint64 *delivered)
{
  guint64 before = swy_graph_get_total_delivered (self->graph);
  g_autoptr(GTimer) timer = NULL;
  double elapsed;

  swy_trace_set_enabled (swy_graph_get_trace (self->graph), self->trace);

  timer = g_timer_new ();
  for (guint done = 0; done < n_events; done += ROUND)
    {
      self->source->count = MIN (ROUND, n_events - done);
      swy_node_fire (SWY_NODE (self->source));
      swy_graph_run_fast (self->graph, -1);
    }
  elapsed = g_timer_elapsed (timer, NULL);

  *delivered += swy_graph_get_total_delivered (self->graph) - before;

  return elapsed;
}

static double
run_floor_signal_chain (Case    *self,
                        guint    n_events,
                        guint64 *delivered)
{
  return floor_signal_chain (CHAIN_NODES, n_events, delivered);
}

static double
run_floor_gsource_chain (Case    *self,
                         guint    n_events,
                         guint64 *delivered)
{
  return floor_gsource_chain (CHAIN_NODES, n_events, ROUND, delivered);
}

static double
run_floor_fanout_detail (Case    *self,
                         guint    n_events,
                         guint64 *delivered)
{
  return floor_signal_fanout (SUBSCRIBERS, TRUE, n_events, delivered);
}

static double
run_floor_fanout_filter (Case    *self,
                         guint    n_events,
                         guint64 *delivered)
{
  return floor_signal_fanout (SUBSCRIBERS, FALSE, n_events, delivered);
}

static double
run_floor_workers (Case    *self,
                   guint    n_events,
                   guint64 *delivered)
{
  return floor_queue_workers (WORKERS, n_events, ROUND, delivered);
}

static Case cases[] = {
  { "floor-signal-chain", "floor: 10-hop g_signal_emit chain", NULL, CHAIN_NODES, FALSE,
    NULL, NULL, run_floor_signal_chain },
  { "sync-chain-off", "engine: 10-node sync chain, trace off", "floor-signal-chain", CHAIN_NODES,
    FALSE, NULL, NULL, run_engine },
  { "sync-chain-on", "engine: 10-node sync chain, trace on", "floor-signal-chain", CHAIN_NODES,
    TRUE, NULL, NULL, run_engine },
  { "map-chain-off", "engine: 10 map nodes (new event a hop), off", "floor-signal-chain",
    CHAIN_NODES, FALSE, NULL, NULL, run_engine },
  { "map-chain-on", "engine: 10 map nodes (new event a hop), on", "floor-signal-chain",
    CHAIN_NODES, TRUE, NULL, NULL, run_engine },
  { "floor-gsource-chain", "floor: 10-hop GSource + GQueue chain", NULL, CHAIN_NODES, FALSE,
    NULL, NULL, run_floor_gsource_chain },
  { "queued-chain-off", "engine: 10-node queued chain, trace off", "floor-gsource-chain",
    CHAIN_NODES, FALSE, NULL, NULL, run_engine },
  { "queued-chain-on", "engine: 10-node queued chain, trace on", "floor-gsource-chain",
    CHAIN_NODES, TRUE, NULL, NULL, run_engine },
  { "floor-fanout-detail", "floor: 100 handlers by detail", NULL, 2, FALSE,
    NULL, NULL, run_floor_fanout_detail },
  { "fanout-exact-off", "engine: broker, 100 exact subs, trace off", "floor-fanout-detail", 2,
    FALSE, NULL, NULL, run_engine },
  { "fanout-exact-on", "engine: broker, 100 exact subs, trace on", "floor-fanout-detail", 2,
    TRUE, NULL, NULL, run_engine },
  { "floor-fanout-filter", "floor: 100 handlers, each filters", NULL, 2, FALSE,
    NULL, NULL, run_floor_fanout_filter },
  { "fanout-wildcard-off", "engine: broker, 100 `+/N` subs, trace off", "floor-fanout-filter", 2,
    FALSE, NULL, NULL, run_engine },
  { "fanout-wildcard-on", "engine: broker, 100 `+/N` subs, trace on", "floor-fanout-filter", 2,
    TRUE, NULL, NULL, run_engine },
  { "floor-workers", "floor: queue -> 4 workers (1 ms)", NULL, 3, FALSE,
    NULL, NULL, run_floor_workers },
  { "workers-off", "engine: queue -> 4 workers (1 ms), trace off", "floor-workers", 3,
    FALSE, NULL, NULL, run_engine },
  { "workers-on", "engine: queue -> 4 workers (1 ms), trace on", "floor-workers", 3,
    TRUE, NULL, NULL, run_engine },
};

static Case *
lookup_case (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (g_str_equal (cases[i].id, id))
      return &cases[i];

  g_assert_not_reached ();
  return NULL;
}

/* Both trace variants of a shape share one graph. */
static void
set_graph (const char  *off_id,
           const char  *on_id,
           SwyGraph    *graph,
           BenchSource *source)
{
  Case *off = lookup_case (off_id);
  Case *on = lookup_case (on_id);

  off->graph = graph;
  off->source = source;
  on->graph = g_object_ref (graph);
  on->source = source;
}

static void
build_graphs (void)
{
  BenchSource *source;
  SwyGraph *graph;

  graph = chain_graph_new ("filter", SWY_WIRE_MODE_SYNC, &source);
  set_graph ("sync-chain-off", "sync-chain-on", graph, source);
  graph = chain_graph_new ("map", SWY_WIRE_MODE_SYNC, &source);
  set_graph ("map-chain-off", "map-chain-on", graph, source);
  graph = chain_graph_new ("filter", SWY_WIRE_MODE_QUEUED, &source);
  set_graph ("queued-chain-off", "queued-chain-on", graph, source);
  graph = fanout_graph_new (FALSE, &source);
  set_graph ("fanout-exact-off", "fanout-exact-on", graph, source);
  graph = fanout_graph_new (TRUE, &source);
  set_graph ("fanout-wildcard-off", "fanout-wildcard-on", graph, source);
  graph = workers_graph_new (&source);
  set_graph ("workers-off", "workers-on", graph, source);
}

static double
run_checked (Case  *self,
             guint  n_events)
{
  guint64 delivered = 0;
  double seconds = self->run (self, n_events, &delivered);

  if (delivered != (guint64)n_events * self->hops)
    {
      g_printerr ("%s: %" G_GUINT64_FORMAT " deliveries, expected %" G_GUINT64_FORMAT "\n",
                  self->id, delivered, (guint64)n_events * self->hops);
      self->failed = TRUE;
    }

  return seconds;
}

/* Grows the number of events until one run takes at least @min_time. The
 * runs also warm the caches, the allocator and the trace's ring buffer. */
static void
calibrate (Case   *self,
           double  min_time)
{
  guint n = ROUND;

  for (;;)
    {
      double seconds = run_checked (self, n);
      double factor;

      if (seconds >= min_time || n >= G_MAXUINT / 16)
        break;

      factor = seconds > 0.0 ? min_time * 1.25 / seconds : 16.0;
      factor = CLAMP (factor, 1.25, 16.0);
      n = (guint)((n * factor + ROUND - 1) / ROUND) * ROUND;
    }

  self->n_events = n;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);
  guint n = sorted->len;

  g_array_sort (sorted, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (sorted, double, n / 2);

  return (g_array_index (sorted, double, n / 2 - 1) + g_array_index (sorted, double, n / 2)) / 2.0;
}

static double
case_events_per_s (const Case *self)
{
  return self->n_events / self->median;
}

static double
case_ns_per_event (const Case *self)
{
  return self->median * 1e9 / self->n_events;
}

/* How many times the engine case costs its floor, per event. */
static double
case_ratio (const Case *self)
{
  if (self->floor_id == NULL || self->skipped || lookup_case (self->floor_id)->skipped)
    return 0.0;

  return case_ns_per_event (self) / case_ns_per_event (lookup_case (self->floor_id));
}

/* --only keeps the listed cases and their floors (for profiling one shape). */
static void
select_cases (const char *only)
{
  g_auto(GStrv) ids = g_strsplit (only, ",", -1);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    cases[i].skipped = TRUE;

  for (guint j = 0; ids[j] != NULL; j++)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      if (g_str_equal (cases[i].id, ids[j]))
        {
          cases[i].skipped = FALSE;
          if (cases[i].floor_id != NULL)
            lookup_case (cases[i].floor_id)->skipped = FALSE;
        }
}

static void
run_all (guint  repeats,
         double min_time)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cases[i].seconds = g_array_new (FALSE, FALSE, sizeof (double));
      if (!cases[i].skipped)
        calibrate (&cases[i], min_time);
    }

  for (guint r = 0; r < repeats; r++)
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        double seconds;

        if (cases[i].skipped)
          continue;
        seconds = run_checked (&cases[i], cases[i].n_events);
        g_array_append_val (cases[i].seconds, seconds);
      }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (!cases[i].skipped)
      cases[i].median = median (cases[i].seconds);
}

/* Memory. */

typedef struct
{
  const char *id;
  const char *label;
  guint       n;
  double      bytes;
} Footprint;

#ifdef HAVE_MALLINFO2
static gsize
heap_in_use (void)
{
  struct mallinfo2 info = mallinfo2 ();

  /* Small blocks come from the arena, large arrays are mmapped. */
  return info.uordblks + info.hblkhd;
}

/* Bytes per pending delivery: @n events made beforehand, then emitted on a
 * queued wire with 1 s latency, so the heap delta is the scheduler's items
 * alone. */
static double
measure_pending (guint n)
{
  BenchSource *source;
  g_autoptr(SwyGraph) graph = graph_new (&source);
  g_autofree SwyEvent **events = g_new (SwyEvent *, n);
  SwyWire *wire;
  gsize before;
  gsize after;

  g_ptr_array_add (source->topics, g_strdup ("bench/pending"));
  create_node (graph, "counter", "sink");
  wire = wire_up (graph, "source:out", "sink:in", SWY_WIRE_MODE_QUEUED);
  swy_wire_set_latency_ms (wire, 1000);
  swy_trace_set_enabled (swy_graph_get_trace (graph), FALSE);
  swy_graph_set_max_pending (graph, MAX (n, swy_graph_get_max_pending (graph)));

  for (guint i = 0; i < n; i++)
    events[i] = swy_node_new_event (SWY_NODE (source), "bench/pending", source->payload);

  source->premade = events;
  source->count = n;
  before = heap_in_use ();
  swy_node_fire (SWY_NODE (source));
  after = heap_in_use ();
  source->premade = NULL;

  if (swy_graph_get_n_pending (graph) != n)
    g_error ("%u deliveries pending, expected %u", swy_graph_get_n_pending (graph), n);

  swy_graph_reset (graph);
  for (guint i = 0; i < n; i++)
    swy_event_unref (events[i]);

  return (double)(after - before) / n;
}

/* Bytes per live event: @n new events held by a queue node nobody consumes. */
static double
measure_live (guint       n,
              PayloadKind payload_kind)
{
  BenchSource *source;
  g_autoptr(SwyGraph) graph = graph_new (&source);
  SwyNode *queue;
  gsize before;
  gsize after;

  g_ptr_array_add (source->topics, g_strdup ("bench/live"));
  queue = create_node (graph, "queue", "queue");
  wire_up (graph, "source:out", "queue:in", SWY_WIRE_MODE_SYNC);
  swy_trace_set_enabled (swy_graph_get_trace (graph), FALSE);
  source->payload_kind = payload_kind;
  source->count = n;

  before = heap_in_use ();
  swy_node_fire (SWY_NODE (source));
  after = heap_in_use ();

  if (swy_queue_node_get_length (SWY_QUEUE_NODE (queue)) != n)
    g_error ("%u events held, expected %u", swy_queue_node_get_length (SWY_QUEUE_NODE (queue)), n);

  swy_graph_reset (graph);

  return (double)(after - before) / n;
}
#endif

/* The pending-delivery sweep: counts spread over 10,000..100,000 so that
 * some fall just after a growth step of the scheduler's array, where the
 * slack is largest; the target is checked against the worst. */
#define PENDING_SWEEP 24

static Footprint footprints[] = {
  { "pending-delivery-100k", "pending queued delivery, 100,000 pending (max-pending)", 100000, 0 },
  { "pending-delivery-worst", "pending queued delivery, worst of 10,000..100,000", 0, 0 },
  { "live-event-shared", "live event held in a queue, shared payload", 100000, 0 },
  { "live-event-payload", "live event held in a queue, own {seq, value} payload", 100000, 0 },
  { "live-event-serialised", "the same, payload serialised (g_variant_get_data)", 100000, 0 },
};

/* Runs in a child process: prints the bytes of one footprint. */
static int
print_footprint (const char *spec)
{
#ifdef HAVE_MALLINFO2
  double bytes;

  if (g_str_has_prefix (spec, "pending:"))
    bytes = measure_pending ((guint)g_ascii_strtoull (spec + strlen ("pending:"), NULL, 10));
  else if (g_str_equal (spec, "live-event-shared"))
    bytes = measure_live (100000, PAYLOAD_SHARED);
  else if (g_str_equal (spec, "live-event-payload"))
    bytes = measure_live (100000, PAYLOAD_TREE);
  else if (g_str_equal (spec, "live-event-serialised"))
    bytes = measure_live (100000, PAYLOAD_SERIALISED);
  else
    return EXIT_FAILURE;

  g_print ("%.3f\n", bytes);
  return EXIT_SUCCESS;
#else
  return EXIT_FAILURE;
#endif
}

/* Each footprint is measured in a fresh process, with GLib's slice
 * allocator in its always-malloc mode (what g_slice is from GLib 2.76 on):
 * otherwise memory freed by one measurement sits in slice magazines and
 * the next one reuses it unseen. */
static double
spawn_footprint (const char *self_path,
                 const char *spec)
{
  const char *argv[] = { self_path, "--footprint", spec, NULL };
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "G_SLICE", "always-malloc", TRUE);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **)argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                     &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("Could not measure %s: %s", spec, error->message);

  return g_ascii_strtod (out, NULL);
}

static gboolean
measure_memory (const char *self_path)
{
#ifdef HAVE_MALLINFO2
  g_autofree char *spec = g_strdup_printf ("pending:%u", footprints[0].n);

  footprints[0].bytes = spawn_footprint (self_path, spec);
  for (guint i = 0; i < PENDING_SWEEP; i++)
    {
      guint n = (guint)(10000 * pow (10.0, (double)i / (PENDING_SWEEP - 1)));
      g_autofree char *point = g_strdup_printf ("pending:%u", n);
      double bytes = spawn_footprint (self_path, point);

      if (bytes > footprints[1].bytes)
        {
          footprints[1].bytes = bytes;
          footprints[1].n = n;
        }
    }
  for (guint i = 2; i < G_N_ELEMENTS (footprints); i++)
    footprints[i].bytes = spawn_footprint (self_path, footprints[i].id);

  return TRUE;
#else
  return FALSE;
#endif
}

/* Peers: the figures of bench/peers/node-red-chain.js. */

typedef struct
{
  JsonParser *parser;
  JsonObject *root;
  JsonObject *chains;
} Peers;

static double
peer_rate (Peers      *peers,
           const char *chain)
{
  JsonObject *object;

  if (peers->chains == NULL || !json_object_has_member (peers->chains, chain))
    return 0.0;

  object = json_object_get_object_member (peers->chains, chain);
  return json_object_get_double_member_with_default (object, "events_per_s", 0.0);
}

static gboolean
load_peers (const char *path,
            Peers      *peers)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  peers->parser = json_parser_new ();
  if (!json_parser_load_from_file (peers->parser, path, &error))
    {
      g_printerr ("Could not read the peer figures %s: %s\n", path, error->message);
      return FALSE;
    }

  root = json_parser_get_root (peers->parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_printerr ("%s: not a JSON object\n", path);
      return FALSE;
    }

  peers->root = json_node_get_object (root);
  if (json_object_has_member (peers->root, "chains"))
    peers->chains = json_object_get_object_member (peers->root, "chains");

  return peers->chains != NULL;
}

/* Targets (design/performance.md and the benchmark issue). */

typedef struct
{
  const char *id;
  const char *label;
  const char *unit;
  double      value;
  double      limit;
  gboolean    at_most;   /* the value must stay at or below the limit */
  gboolean    measured;
} Target;

static Target targets[] = {
  { "sync-hop-off", "sync hop vs g_signal_emit hop, trace off", "x", 0, 2.0, TRUE, FALSE },
  { "sync-hop-on", "sync hop vs g_signal_emit hop, trace on", "x", 0, 3.0, TRUE, FALSE },
  { "queued-hop-off", "queued hop (fast mode) vs GSource hop, trace off", "x", 0, 3.0, TRUE, FALSE },
  { "vs-node-red-fastest", "sync chain, trace on, vs Node-RED's fastest", "x", 0, 2.5, FALSE, FALSE },
  { "vs-node-red-function-sync", "sync chain, on, vs Node-RED function, sync", "x", 0, 40.0, FALSE,
    FALSE },
  { "vs-node-red-function-async", "queued chain, on, vs Node-RED function, async", "x", 0, 40.0,
    FALSE, FALSE },
  { "pending-delivery", "bytes per pending queued delivery (worst)", "B", 0, 64.0, TRUE, FALSE },
};

static gboolean
target_met (const Target *target)
{
  return target->at_most ? target->value <= target->limit : target->value >= target->limit;
}

static void
set_target (const char *id,
            double      value)
{
  if (!(value > 0.0))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    if (g_str_equal (targets[i].id, id))
      {
        targets[i].value = value;
        targets[i].measured = TRUE;
        return;
      }
}

static double
peers_fastest (Peers       *peers,
               const char **out_chain)
{
  static const char *chains[] = { "change-sync", "change-async", "function-sync", "function-async" };
  double best = 0.0;

  for (guint i = 0; i < G_N_ELEMENTS (chains); i++)
    if (peer_rate (peers, chains[i]) > best)
      {
        best = peer_rate (peers, chains[i]);
        *out_chain = chains[i];
      }

  return best;
}

static void
evaluate_targets (Peers    *peers,
                  gboolean  have_memory)
{
  const char *fastest = NULL;
  double best;

  set_target ("sync-hop-off", case_ratio (lookup_case ("sync-chain-off")));
  set_target ("sync-hop-on", case_ratio (lookup_case ("sync-chain-on")));
  set_target ("queued-hop-off", case_ratio (lookup_case ("queued-chain-off")));

  best = peers_fastest (peers, &fastest);
  if (best > 0.0 && !lookup_case ("sync-chain-on")->skipped)
    set_target ("vs-node-red-fastest", case_events_per_s (lookup_case ("sync-chain-on")) / best);
  /* Function nodes in the same delivery mode: sync wires against Node-RED's
   * sync delivery, queued wires against its default async delivery. */
  if (peer_rate (peers, "function-sync") > 0.0 && !lookup_case ("sync-chain-on")->skipped)
    set_target ("vs-node-red-function-sync",
                case_events_per_s (lookup_case ("sync-chain-on")) / peer_rate (peers, "function-sync"));
  if (peer_rate (peers, "function-async") > 0.0 && !lookup_case ("queued-chain-on")->skipped)
    set_target ("vs-node-red-function-async",
                case_events_per_s (lookup_case ("queued-chain-on")) / peer_rate (peers, "function-async"));

  if (have_memory)
    set_target ("pending-delivery", footprints[1].bytes);
}

/* Output. */

static char *
format_count (double value)
{
  /* Thousands separators make rates readable; locale-independent. */
  g_autofree char *digits = g_strdup_printf ("%.0f", value);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

static char *
describe_build (void)
{
  return g_strdup_printf ("libswitchyard %u.%u.%u (shared library), GLib %u.%u.%u, buildtype %s, "
                          "%u CPUs",
                          swy_get_major_version (), swy_get_minor_version (),
                          swy_get_micro_version (),
                          glib_major_version, glib_minor_version, glib_micro_version,
                          BENCH_BUILDTYPE, g_get_num_processors ());
}

static void
print_table (guint   repeats,
             double  min_time,
             Peers  *peers,
             gboolean have_memory)
{
  g_autofree char *build = describe_build ();

  g_print ("\nSwitchyard engine benchmark\n%s\n", build);
  g_print ("%u interleaved runs per case, medians; each run >= %.2f s; rounds of %u events\n\n",
           repeats, min_time, ROUND);

  g_print ("%-48s %12s %10s %9s %8s\n", "case", "events/s", "ns/event", "ns/hop", "x floor");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];
      g_autofree char *rate = NULL;
      g_autofree char *ratio = NULL;

      if (c->skipped)
        continue;
      rate = format_count (case_events_per_s (c));
      ratio = case_ratio (c) > 0.0 ? g_strdup_printf ("%.2f", case_ratio (c)) : g_strdup ("-");
      if (i > 0 && c->floor_id == NULL)
        g_print ("\n");
      g_print ("%-48s %12s %10.1f %9.1f %8s\n", c->label, rate, case_ns_per_event (c),
               case_ns_per_event (c) / c->hops, ratio);
    }

  if (peers->chains != NULL && !lookup_case ("sync-chain-on")->skipped &&
      !lookup_case ("queued-chain-on")->skipped && !lookup_case ("map-chain-on")->skipped)
    {
      static const char *chains[] = { "change-sync", "change-async", "function-sync", "function-async" };
      double sync_on = case_events_per_s (lookup_case ("sync-chain-on"));
      double queued_on = case_events_per_s (lookup_case ("queued-chain-on"));
      double map_on = case_events_per_s (lookup_case ("map-chain-on"));

      g_print ("\nPeer: Node-RED %s on Node.js %s, same 10-node chain "
               "(bench/peers/node-red-chain.js)\n",
               json_object_get_string_member_with_default (peers->root, "node_red", "?"),
               json_object_get_string_member_with_default (peers->root, "node", "?"));
      g_print ("Engine events/s with the trace on, divided by Node-RED's:\n");
      g_print ("%-48s %12s %9s %9s %9s\n", "chain", "events/s", "sync", "queued", "map");
      for (guint i = 0; i < G_N_ELEMENTS (chains); i++)
        {
          double rate = peer_rate (peers, chains[i]);
          g_autofree char *text = NULL;
          g_autofree char *label = NULL;

          if (rate <= 0.0)
            continue;
          text = format_count (rate);
          label = g_strdup_printf ("Node-RED: %s", chains[i]);
          g_print ("%-48s %12s %8.1fx %8.1fx %8.2fx\n", label, text,
                   sync_on / rate, queued_on / rate, map_on / rate);
        }
    }

  if (have_memory)
    {
      g_print ("\nMemory (mallinfo2 heap delta / N; trace off; a fresh process each, "
               "G_SLICE=always-malloc)\n");
      for (guint i = 0; i < G_N_ELEMENTS (footprints); i++)
        g_print ("%-60s %7.1f B  (N = %u)\n", footprints[i].label, footprints[i].bytes,
                 footprints[i].n);
    }

  g_print ("\nTargets\n");
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      const Target *t = &targets[i];

      if (!t->measured)
        {
          g_print ("%-52s %s %5.1f%s  %9s  not measured\n", t->label, t->at_most ? "<=" : ">=",
                   t->limit, t->unit, "");
          continue;
        }
      g_print ("%-52s %s %5.1f%s  %8.2f%s  %s\n", t->label, t->at_most ? "<=" : ">=",
               t->limit, t->unit, t->value, t->unit, target_met (t) ? "met" : "MISSED");
    }
  g_print ("\n");
}

static void
add_double_array (JsonBuilder *builder,
                  GArray      *values)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < values->len; i++)
    json_builder_add_double_value (builder, g_array_index (values, double, i));
  json_builder_end_array (builder);
}

static gboolean
write_json (const char *path,
            guint       repeats,
            double      min_time,
            Peers      *peers,
            gboolean    have_memory)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *build = describe_build ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "build");
  json_builder_add_string_value (builder, build);
  json_builder_set_member_name (builder, "repeats");
  json_builder_add_int_value (builder, repeats);
  json_builder_set_member_name (builder, "min_time_s");
  json_builder_add_double_value (builder, min_time);
  json_builder_set_member_name (builder, "round");
  json_builder_add_int_value (builder, ROUND);

  json_builder_set_member_name (builder, "cases");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const Case *c = &cases[i];

      if (c->skipped)
        continue;
      json_builder_set_member_name (builder, c->id);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, c->label);
      json_builder_set_member_name (builder, "events");
      json_builder_add_int_value (builder, c->n_events);
      json_builder_set_member_name (builder, "hops");
      json_builder_add_int_value (builder, c->hops);
      json_builder_set_member_name (builder, "events_per_s");
      json_builder_add_double_value (builder, case_events_per_s (c));
      json_builder_set_member_name (builder, "ns_per_hop");
      json_builder_add_double_value (builder, case_ns_per_event (c) / c->hops);
      if (case_ratio (c) > 0.0)
        {
          json_builder_set_member_name (builder, "floor");
          json_builder_add_string_value (builder, c->floor_id);
          json_builder_set_member_name (builder, "ratio_to_floor");
          json_builder_add_double_value (builder, case_ratio (c));
        }
      json_builder_set_member_name (builder, "seconds");
      add_double_array (builder, c->seconds);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);

  if (have_memory)
    {
      json_builder_set_member_name (builder, "memory_bytes");
      json_builder_begin_object (builder);
      for (guint i = 0; i < G_N_ELEMENTS (footprints); i++)
        {
          json_builder_set_member_name (builder, footprints[i].id);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "n");
          json_builder_add_int_value (builder, footprints[i].n);
          json_builder_set_member_name (builder, "bytes");
          json_builder_add_double_value (builder, footprints[i].bytes);
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }

  if (peers->root != NULL)
    {
      json_builder_set_member_name (builder, "peers");
      json_builder_add_value (builder, json_node_copy (json_parser_get_root (peers->parser)));
    }

  json_builder_set_member_name (builder, "targets");
  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      const Target *t = &targets[i];

      json_builder_set_member_name (builder, t->id);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "limit");
      json_builder_add_double_value (builder, t->limit);
      json_builder_set_member_name (builder, "at_most");
      json_builder_add_boolean_value (builder, t->at_most);
      if (t->measured)
        {
          json_builder_set_member_name (builder, "value");
          json_builder_add_double_value (builder, t->value);
          json_builder_set_member_name (builder, "met");
          json_builder_add_boolean_value (builder, target_met (t));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  if (!json_generator_to_file (generator, path, &error))
    {
      g_printerr ("Could not write %s: %s\n", path, error->message);
      return FALSE;
    }

  g_print ("Figures written to %s\n", path);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *peers_path = NULL;
  g_autofree char *only = NULL;
  g_autofree char *footprint = NULL;
  g_autofree char *self_path = NULL;
  Peers peers = { NULL, NULL, NULL };
  gboolean have_memory = FALSE;
  gboolean want_memory = TRUE;
  gboolean ok = TRUE;
  int repeats = 7;
  double min_time = 0.25;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, "Write the figures to FILE", "FILE" },
    { "peers", 0, 0, G_OPTION_ARG_FILENAME, &peers_path,
      "Compare with the peer figures in FILE (default: $SWY_BENCH_PEERS)", "FILE" },
    { "repeats", 0, 0, G_OPTION_ARG_INT, &repeats, "Runs per case (default 7)", "N" },
    { "min-time", 0, 0, G_OPTION_ARG_DOUBLE, &min_time,
      "Seconds one run takes at least (default 0.25)", "S" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      "Run only these cases (and their floors), for profiling", "ID,..." },
    { "no-memory", 0, G_OPTION_FLAG_REVERSE, G_OPTION_ARG_NONE, &want_memory,
      "Skip the memory measurements", NULL },
    { "footprint", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &footprint,
      "Measure one footprint and print its bytes (used internally)", "SPEC" },
    { NULL }
  };

  setlocale (LC_ALL, "C");
  context = g_option_context_new ("- benchmark libswitchyard against plain GLib and peers");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (repeats < 1 || min_time <= 0.0)
    {
      g_printerr ("--repeats must be at least 1 and --min-time positive\n");
      return 2;
    }
  if (peers_path == NULL && g_getenv ("SWY_BENCH_PEERS") != NULL && *g_getenv ("SWY_BENCH_PEERS"))
    peers_path = g_strdup (g_getenv ("SWY_BENCH_PEERS"));
  if (peers_path != NULL && !load_peers (peers_path, &peers))
    ok = FALSE;

  if (footprint != NULL)
    return print_footprint (footprint);

  if (only != NULL)
    select_cases (only);

  if (want_memory)
    {
      self_path = g_file_read_link ("/proc/self/exe", NULL);
      have_memory = measure_memory (self_path ? self_path : argv[0]);
    }

  build_graphs ();
  run_all (repeats, min_time);
  evaluate_targets (&peers, have_memory);
  print_table (repeats, min_time, &peers, have_memory);

  if (json_path != NULL && !write_json (json_path, repeats, min_time, &peers, have_memory))
    ok = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (cases[i].failed)
        {
          g_printerr ("%s did not deliver what it should: the figures are void\n", cases[i].id);
          ok = FALSE;
        }
      g_clear_object (&cases[i].graph);
      g_clear_pointer (&cases[i].seconds, g_array_unref);
    }
  g_clear_object (&peers.parser);

  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
