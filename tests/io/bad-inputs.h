/* bad-inputs.h: every kind of bad .swy text, with the loader's exact message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the loader's test (tests/io/test-io.c) and the window's test of
 * opening bad files (tests/app/test-files.c). A message ending in "*" is
 * json-glib's own wording: only the place before the "*" is fixed.
 */

#pragma once

#include <swy.h>

#ifndef HEAD
# define HEAD "{\"format\": \"switchyard\", \"version\": 1"
#endif

typedef struct
{
  const char   *text;
  SwyGraphError code;
  const char   *message;
} BadInput;

/* Every kind of bad input, with the exact message. */
static const BadInput bad_inputs[] = {
  /* Not JSON. */
  { "", SWY_GRAPH_ERROR_SYNTAX, "the file is empty" },
  { "  \n ", SWY_GRAPH_ERROR_SYNTAX, "the file is empty" },
  { "{\"format\": \"switchyard\",\n  \"version\" 1}", SWY_GRAPH_ERROR_SYNTAX,
    "line 2, column *" },
  { "{\n  \"nodes\": [1,\n 2,,]}", SWY_GRAPH_ERROR_SYNTAX,
    "line 3, column *" },
  { "{\"a\": 1} x", SWY_GRAPH_ERROR_SYNTAX,
    "line 1, column *" },
  { "{\"a\": \"caf\xc3\"}", SWY_GRAPH_ERROR_SYNTAX,
    "line 1, column 11: the text is not valid UTF-8" },
  { HEAD ",\n\n  \"title\": \"a\", \"title\": \"b\"}", SWY_GRAPH_ERROR_SYNTAX,
    "line 3, column 17: duplicate key “title”" },
  /* Keys compare after their escapes are decoded, as json-glib reads them:
   * compared as raw text, a second "title" or "nodes" got through. */
  { HEAD ", \"title\": \"a\", \"t\\u0069tle\": \"b\"}", SWY_GRAPH_ERROR_SYNTAX,
    "line 1, column 54: duplicate key “title”" },
  { HEAD ", \"nodes\": [], \"n\\u006fdes\": []}", SWY_GRAPH_ERROR_SYNTAX,
    "line 1, column 53: duplicate key “nodes”" },
  { HEAD ", \"seed\": 18446744073709551616}", SWY_GRAPH_ERROR_SYNTAX,
    "line 1, column 48: the integer 18446744073709551616 does not fit in 64 bits" },
  { HEAD ", \"nodes\": [{\"id\": \"p\", \"type\": \"poisson\", \"x\": 1e999}]}",
    SWY_GRAPH_ERROR_SYNTAX, "line 1, column 86: the number 1e999 is too large" },
  /* Not strict JSON, though json-glib takes it (found by fuzzing: a second
   * value after the first leaked its tree). */
  { HEAD "} {}", SWY_GRAPH_ERROR_SYNTAX,
    "line 1, column 40: text after the end of the JSON value" },
  { "\"wires\"{}", SWY_GRAPH_ERROR_SYNTAX,
    "line 1, column 8: text after the end of the JSON value" },
  { "/* a comment */ " HEAD "}", SWY_GRAPH_ERROR_SYNTAX,
    "line 1, column 1: unexpected character “/”" },
  { "{'format': 'switchyard'}", SWY_GRAPH_ERROR_SYNTAX,
    "line 1, column 2: unexpected character “'”" },
  { HEAD ", \"title\": \"two\nlines\"}", SWY_GRAPH_ERROR_SYNTAX,
    "line 1, column 53: a control character such as a line break must be escaped in a string" },
  { HEAD ", \"title\": \"a\\u0000b\"}", SWY_GRAPH_ERROR_SYNTAX,
    "line 1, column 51: a string must not contain \\u0000" },
  { HEAD ", \"title\": \"\\x41\"}", SWY_GRAPH_ERROR_SYNTAX,
    "line 1, column 50: invalid escape sequence in a string" },
  /* json-glib decodes a lone surrogate to text that is not UTF-8, which
   * then saved to a file that did not load (found by fuzzing). */
  { HEAD ", \"title\": \"a\\ud800b\"}", SWY_GRAPH_ERROR_SYNTAX,
    "line 1, column 51: \\uD800 is half of a UTF-16 surrogate pair" },
  { HEAD ", \"title\": \"\\udfff\"}", SWY_GRAPH_ERROR_SYNTAX,
    "line 1, column 50: \\uDFFF is half of a UTF-16 surrogate pair" },
  { HEAD ", \"seed\": 0x10}", SWY_GRAPH_ERROR_SYNTAX,
    "line 1, column 48: not a valid number" },
  { HEAD ", \"seed\": 010}", SWY_GRAPH_ERROR_SYNTAX,
    "line 1, column 48: not a valid number" },
  { HEAD ", \"seed\": .5}", SWY_GRAPH_ERROR_SYNTAX,
    "line 1, column 48: unexpected character “.”" },
  { HEAD ", \"seed\": NaN}", SWY_GRAPH_ERROR_SYNTAX,
    "line 1, column 48: unexpected “NaN”: a value is a string, a number, an object, an array, "
    "true, false or null" },
  { HEAD ", \"nodes\": [}", SWY_GRAPH_ERROR_SYNTAX,
    "line 1, column 50: unexpected character “}”" },
  { HEAD ", \"title\": \"\\", SWY_GRAPH_ERROR_SYNTAX,
    "line 1, column 49: the string does not end" },

  /* Not a graph. */
  { "[1, 2]", SWY_GRAPH_ERROR_NOT_A_GRAPH,
    "the top level must be an object, not an array: this is not a Switchyard graph" },
  { "\"switchyard\"", SWY_GRAPH_ERROR_NOT_A_GRAPH,
    "the top level must be an object, not “switchyard”: this is not a Switchyard graph" },
  { "{\"version\": 1}", SWY_GRAPH_ERROR_NOT_A_GRAPH,
    "missing “format”: this is not a Switchyard graph" },
  { "{\"format\": \"inkscape\", \"version\": 1}", SWY_GRAPH_ERROR_NOT_A_GRAPH,
    "“format” is “inkscape”, not “switchyard”: this is not a Switchyard graph" },

  /* Versions. */
  { "{\"format\": \"switchyard\"}", SWY_GRAPH_ERROR_VERSION, "missing “version”" },
  { "{\"format\": \"switchyard\", \"version\": 2, \"nodes\": 5}", SWY_GRAPH_ERROR_VERSION,
    "the file is format version 2, newer than this Switchyard reads (1): "
    "update Switchyard to open it" },
  { "{\"format\": \"switchyard\", \"version\": \"1\"}", SWY_GRAPH_ERROR_VERSION,
    "“version” must be an integer, not “1”" },
  { "{\"format\": \"switchyard\", \"version\": 1.5}", SWY_GRAPH_ERROR_VERSION,
    "“version” must be an integer, not 1.5" },
  { "{\"format\": \"switchyard\", \"version\": 0}", SWY_GRAPH_ERROR_VERSION,
    "“version” is 0, which is not a file format version" },

  /* Top-level members. */
  { HEAD ", \"title\": 3}", SWY_GRAPH_ERROR_PROPERTY_TYPE, "“title” must be a string, not 3" },
  { HEAD ", \"seed\": -1}", SWY_GRAPH_ERROR_OUT_OF_RANGE,
    "“seed” is -1, out of range (0 to 18446744073709551615)" },
  { HEAD ", \"seed\": 0.5}", SWY_GRAPH_ERROR_PROPERTY_TYPE, "“seed” must be an integer, not 0.5" },
  { HEAD ", \"seed\": \"many\"}", SWY_GRAPH_ERROR_PROPERTY_TYPE,
    "“seed” must be an integer, not “many”" },
  { HEAD ", \"nodes\": {}}", SWY_GRAPH_ERROR_INVALID, "“nodes” must be an array, not an object" },
  { HEAD ", \"wires\": null}", SWY_GRAPH_ERROR_INVALID, "“wires” must be an array, not null" },

  /* Settings. */
  { HEAD ", \"settings\": [64]}", SWY_GRAPH_ERROR_INVALID,
    "“settings” must be an object, not an array" },
  { HEAD ", \"settings\": {\"max-dept\": 3}}", SWY_GRAPH_ERROR_UNKNOWN_PROPERTY,
    "settings: unknown setting “max-dept” (known settings: max-depth, max-hops, max-pending)" },
  { HEAD ", \"settings\": {\"max-depth\": 0}}", SWY_GRAPH_ERROR_OUT_OF_RANGE,
    "settings: setting “max-depth” is 0, out of range (1 to 4096)" },
  { HEAD ", \"settings\": {\"max-hops\": \"lots\"}}", SWY_GRAPH_ERROR_PROPERTY_TYPE,
    "settings: setting “max-hops” must be an integer, not “lots”" },
  { HEAD ", \"settings\": {\"max-pending\": 10.5}}", SWY_GRAPH_ERROR_PROPERTY_TYPE,
    "settings: setting “max-pending” must be an integer, not 10.5" },

  /* Nodes. */
  { HEAD ",\n \"nodes\": [\n  5]}", SWY_GRAPH_ERROR_INVALID,
    "node 0 (line 3): a node must be an object, not 5" },
  { HEAD ",\n \"nodes\": [\n  {\"type\": \"timer\"}]}", SWY_GRAPH_ERROR_INVALID_ID,
    "node 0 (line 3): missing “id”" },
  { HEAD ",\n \"nodes\": [\n  {\"id\": 7, \"type\": \"timer\"}]}", SWY_GRAPH_ERROR_INVALID_ID,
    "node 0 (line 3): “id” must be a string, not 7" },
  { HEAD ",\n \"nodes\": [\n  {\"id\": \"\", \"type\": \"timer\"}]}", SWY_GRAPH_ERROR_INVALID_ID,
    "node 0 (line 3): “id” is empty" },
  { HEAD ",\n \"nodes\": [\n  {\"id\": \"a\", \"type\": \"timer\"},\n  {\"id\": \"b\", "
    "\"type\": \"timer\"},\n  {\"id\": \"a\", \"type\": \"counter\"}]}",
    SWY_GRAPH_ERROR_DUPLICATE_ID, "node 2 (line 5): duplicate id “a”: node 0 has it too" },
  { HEAD ",\n \"nodes\": [\n  {\"id\": \"a\"}]}", SWY_GRAPH_ERROR_INVALID,
    "node 0 “a” (line 3): missing “type”" },
  { HEAD ",\n \"nodes\": [\n  {\"id\": \"a\", \"type\": \"timer\"},\n  {\"id\": \"q\", "
    "\"type\": \"qeue\"}]}", SWY_GRAPH_ERROR_UNKNOWN_TYPE,
    "node 1 “q” (line 4): unknown node type “qeue” (known types: timer, burst, poisson, button, "
    "filter, map, delay, debounce, throttle, broker, queue, worker, batch, counter, log, plot)" },
  { HEAD ", \"nodes\": [{\"id\": \"a\", \"type\": \"timer\", \"colour\": \"red\"}]}",
    SWY_GRAPH_ERROR_UNKNOWN_PROPERTY,
    "node 0 “a” (line 1): unknown member “colour” (a node has “id”, “type”, “x”, “y” and "
    "“properties”)" },
  { HEAD ", \"nodes\": [{\"id\": \"a\", \"type\": \"timer\", \"x\": \"80\"}]}",
    SWY_GRAPH_ERROR_PROPERTY_TYPE, "node 0 “a” (line 1): “x” must be a number, not “80”" },
  { HEAD ", \"nodes\": [{\"id\": \"a\", \"type\": \"timer\", \"properties\": [1]}]}",
    SWY_GRAPH_ERROR_INVALID, "node 0 “a” (line 1): “properties” must be an object, not an array" },

  /* Node properties. */
  { HEAD ", \"nodes\": [{\"id\": \"q\", \"type\": \"queue\", \"properties\": {\"capcity\": 5}}]}",
    SWY_GRAPH_ERROR_UNKNOWN_PROPERTY,
    "node 0 “q” (line 1): unknown property “capcity” for type “queue” (its properties: "
    "capacity, overflow)" },
  { HEAD ", \"nodes\": [{\"id\": \"q\", \"type\": \"queue\", \"properties\": {\"length\": 5}}]}",
    SWY_GRAPH_ERROR_UNKNOWN_PROPERTY,
    "node 0 “q” (line 1): unknown property “length” for type “queue” (its properties: "
    "capacity, overflow)" },
  { HEAD ", \"nodes\": [{\"id\": \"c\", \"type\": \"counter\", \"properties\": {\"id\": \"d\"}}]}",
    SWY_GRAPH_ERROR_UNKNOWN_PROPERTY,
    "node 0 “c” (line 1): unknown property “id”: type “counter” has no properties" },
  { HEAD ", \"nodes\": [{\"id\": \"q\", \"type\": \"queue\", \"properties\": {\"capacity\": 2.5}}]}",
    SWY_GRAPH_ERROR_PROPERTY_TYPE,
    "node 0 “q” (line 1): property “capacity” must be an integer, not 2.5" },
  { HEAD ", \"nodes\": [{\"id\": \"q\", \"type\": \"queue\", \"properties\": {\"capacity\": \"5\"}}]}",
    SWY_GRAPH_ERROR_PROPERTY_TYPE,
    "node 0 “q” (line 1): property “capacity” must be an integer, not “5”" },
  { HEAD ", \"nodes\": [{\"id\": \"q\", \"type\": \"queue\", \"properties\": {\"capacity\": -1}}]}",
    SWY_GRAPH_ERROR_OUT_OF_RANGE,
    "node 0 “q” (line 1): property “capacity” is -1, out of range (0 to 2147483647)" },
  { HEAD ", \"nodes\": [{\"id\": \"w\", \"type\": \"worker\", \"properties\": {\"concurrency\": 0}}]}",
    SWY_GRAPH_ERROR_OUT_OF_RANGE,
    "node 0 “w” (line 1): property “concurrency” is 0, out of range (1 to 1000)" },
  { HEAD ", \"nodes\": [{\"id\": \"p\", \"type\": \"poisson\", \"properties\": {\"rate-hz\": 0}}]}",
    SWY_GRAPH_ERROR_OUT_OF_RANGE,
    "node 0 “p” (line 1): property “rate-hz” is 0, out of range (0.001 to 1000000)" },
  { HEAD ", \"nodes\": [{\"id\": \"p\", \"type\": \"poisson\", \"properties\": {\"rate-hz\": true}}]}",
    SWY_GRAPH_ERROR_PROPERTY_TYPE,
    "node 0 “p” (line 1): property “rate-hz” must be a number, not true" },
  { HEAD ", \"nodes\": [{\"id\": \"t\", \"type\": \"timer\", \"properties\": {\"topic\": 5}}]}",
    SWY_GRAPH_ERROR_PROPERTY_TYPE,
    "node 0 “t” (line 1): property “topic” must be a string, not 5" },
  { HEAD ", \"nodes\": [{\"id\": \"f\", \"type\": \"filter\", \"properties\": {\"op\": \"gte\"}}]}",
    SWY_GRAPH_ERROR_INVALID_VALUE,
    "node 0 “f” (line 1): property “op” is “gte”, not one of “none”, “eq”, “ne”, “lt”, “le”, "
    "“gt”, “ge”" },
  { HEAD ", \"nodes\": [{\"id\": \"f\", \"type\": \"filter\", \"properties\": {\"op\": 5}}]}",
    SWY_GRAPH_ERROR_PROPERTY_TYPE,
    "node 0 “f” (line 1): property “op” must be one of “none”, “eq”, “ne”, “lt”, “le”, “gt”, "
    "“ge”, not 5" },
  { HEAD ", \"nodes\": [{\"id\": \"q\", \"type\": \"queue\", \"properties\": {\"overflow\": "
    "\"newest\"}}]}", SWY_GRAPH_ERROR_INVALID_VALUE,
    "node 0 “q” (line 1): property “overflow” is “newest”, not one of “drop-newest”, "
    "“drop-oldest”" },

  /* Wires. */
#define TWO_NODES HEAD ", \"nodes\": [{\"id\": \"a\", \"type\": \"timer\"}, " \
                  "{\"id\": \"b\", \"type\": \"counter\"}],\n \"wires\": [\n  {\"from\": \"a:out\", " \
                  "\"to\": \"b:in\"},\n  "
  { TWO_NODES "7]}", SWY_GRAPH_ERROR_INVALID, "wire 1 (line 4): a wire must be an object, not 7" },
  { TWO_NODES "{\"to\": \"b:in\"}]}", SWY_GRAPH_ERROR_BAD_PORT,
    "wire 1 (line 4): missing “from”: a wire needs “from” and “to” addresses such as “timer:out”" },
  { TWO_NODES "{\"from\": \"a:out\", \"to\": [\"b\"]}]}", SWY_GRAPH_ERROR_BAD_PORT,
    "wire 1 (line 4): “to” must be a port address such as “timer:out”, not an array" },
  { TWO_NODES "{\"from\": \"a\", \"to\": \"b:in\"}]}", SWY_GRAPH_ERROR_BAD_PORT,
    "wire 1 (line 4): “from” is “a”, which is not a port address (node:port)" },
  { TWO_NODES "{\"from\": \"a:out\", \"to\": \"q2:in\"}]}", SWY_GRAPH_ERROR_DANGLING_WIRE,
    "wire 1 (line 4): “to” names node “q2”, which does not exist" },
  { TWO_NODES "{\"from\": \"z:out\", \"to\": \"b:in\"}]}", SWY_GRAPH_ERROR_DANGLING_WIRE,
    "wire 1 (line 4): “from” names node “z”, which does not exist" },
  { TWO_NODES "{\"from\": \"a:output\", \"to\": \"b:in\"}]}", SWY_GRAPH_ERROR_BAD_PORT,
    "wire 1 (line 4): “from” names port “output”, which node “a” (timer) does not have "
    "(its outputs: out)" },
  { TWO_NODES "{\"from\": \"b:out\", \"to\": \"b:in\"}]}", SWY_GRAPH_ERROR_BAD_PORT,
    "wire 1 (line 4): “from” names port “out” of node “b” (counter), which has no outputs" },
  { TWO_NODES "{\"from\": \"b:in\", \"to\": \"a:out\"}]}", SWY_GRAPH_ERROR_BAD_PORT,
    "wire 1 (line 4): “from” names “b:in”, an input: a wire leaves an output" },
  { TWO_NODES "{\"from\": \"a:out\", \"to\": \"a:out\"}]}", SWY_GRAPH_ERROR_BAD_PORT,
    "wire 1 (line 4): “to” names “a:out”, an output: a wire enters an input" },
  { TWO_NODES "{\"from\": \"a:out\", \"to\": \"b:in\", \"latency\": 5}]}",
    SWY_GRAPH_ERROR_UNKNOWN_PROPERTY,
    "wire 1 (line 4): unknown option “latency” (a wire has “from”, “to” and the options mode, "
    "latency-ms, priority, subscription, blocked, loss, jitter-ms)" },
  { TWO_NODES "{\"from\": \"a:out\", \"to\": \"b:in\", \"mode\": \"fast\"}]}",
    SWY_GRAPH_ERROR_INVALID_VALUE,
    "wire 1 (line 4): option “mode” is “fast”, not one of “sync”, “queued”" },
  { TWO_NODES "{\"from\": \"a:out\", \"to\": \"b:in\", \"priority\": \"urgent\"}]}",
    SWY_GRAPH_ERROR_INVALID_VALUE,
    "wire 1 (line 4): option “priority” is “urgent”, not one of “high”, “default”, “idle”" },
  { TWO_NODES "{\"from\": \"a:out\", \"to\": \"b:in\", \"loss\": 1.5}]}",
    SWY_GRAPH_ERROR_OUT_OF_RANGE, "wire 1 (line 4): option “loss” is 1.5, out of range (0 to 1)" },
  { TWO_NODES "{\"from\": \"a:out\", \"to\": \"b:in\", \"loss\": -0.1}]}",
    SWY_GRAPH_ERROR_OUT_OF_RANGE, "wire 1 (line 4): option “loss” is -0.1, out of range (0 to 1)" },
  { TWO_NODES "{\"from\": \"a:out\", \"to\": \"b:in\", \"latency-ms\": -5}]}",
    SWY_GRAPH_ERROR_OUT_OF_RANGE,
    "wire 1 (line 4): option “latency-ms” is -5, out of range (0 to 86400000)" },
  { TWO_NODES "{\"from\": \"a:out\", \"to\": \"b:in\", \"jitter-ms\": 0.5}]}",
    SWY_GRAPH_ERROR_PROPERTY_TYPE,
    "wire 1 (line 4): option “jitter-ms” must be an integer, not 0.5" },
  { TWO_NODES "{\"from\": \"a:out\", \"to\": \"b:in\", \"blocked\": 1}]}",
    SWY_GRAPH_ERROR_PROPERTY_TYPE,
    "wire 1 (line 4): option “blocked” must be true or false, not 1" },
  { TWO_NODES "{\"from\": \"a:out\", \"to\": \"b:in\", \"subscription\": \"a/#/b\"}]}",
    SWY_GRAPH_ERROR_INVALID_VALUE,
    "wire 1 (line 4): option “subscription”: “#” must be the last level of “a/#/b”" },
#undef TWO_NODES
};
