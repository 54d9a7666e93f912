/* swy.h: the one header of libswitchyard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define _SWY_INSIDE

#include "swy-version.h"
#include "swy-version-macros.h"
#include "swy-main.h"
#include "swy-enum-types.h"
#include "swy-types.h"
#include "swy-enums.h"
#include "swy-event.h"
#include "swy-port.h"
#include "swy-wire.h"
#include "swy-node.h"
#include "swy-trace-record.h"
#include "swy-trace.h"
#include "swy-trace-io.h"
#include "swy-graph.h"
#include "swy-graph-io.h"
#include "swy-lesson-step.h"
#include "swy-lesson.h"
#include "swy-node-type.h"
#include "swy-catalog.h"
#include "swy-timer-node.h"
#include "swy-burst-node.h"
#include "swy-poisson-node.h"
#include "swy-button-node.h"
#include "swy-filter-node.h"
#include "swy-map-node.h"
#include "swy-delay-node.h"
#include "swy-debounce-node.h"
#include "swy-throttle-node.h"
#include "swy-broker-node.h"
#include "swy-queue-node.h"
#include "swy-worker-node.h"
#include "swy-batch-node.h"
#include "swy-counter-node.h"
#include "swy-log-node.h"
#include "swy-plot-node.h"

#undef _SWY_INSIDE

G_END_DECLS
