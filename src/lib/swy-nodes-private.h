/* swy-nodes-private.h: every node type of the catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

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
