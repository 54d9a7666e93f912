#!/usr/bin/env node
// SPDX-License-Identifier: GPL-3.0-or-later
//
// node-red-chain.js: the engine benchmark's 10-node chain, run by Node-RED.
//
// Node-RED is embedded headless (no editor, no HTTP, no telemetry) with an
// in-memory flow written to a temporary user directory: a source node that
// the driver sends from, then 10 change nodes (or 10 function nodes) in a
// chain, so each message crosses 10 wires, as an event crosses the engine's
// 10 wires. The last node's send() counts completions.
//
// Four chains, each in its own Node.js process (Node-RED cannot restart in
// one): change or function nodes, with sync delivery (runtimeSyncDelivery,
// Node-RED's fastest) or the default async delivery. The processes are
// driven one run at a time, interleaved, and the medians are reported.
//
//   node node-red-chain.js --modules DIR [--json FILE] [--repeats N] [--min-time S]
//
// DIR is where `npm install --prefix DIR node-red` put node_modules.

'use strict';

const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const HOPS = 10;
const ROUND = 1000;

const CHAINS = {
  'change-sync': { node: 'change', sync: true },
  'change-async': { node: 'change', sync: false },
  'function-sync': { node: 'function', sync: true },
  'function-async': { node: 'function', sync: false },
};

function parseArgs(argv) {
  const args = { modules: null, json: null, repeats: 7, minTime: 0.25, child: null };

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length)
        throw new Error(`${arg} needs a value`);
      return argv[++i];
    };

    if (arg === '--modules')
      args.modules = value();
    else if (arg === '--json')
      args.json = value();
    else if (arg === '--repeats')
      args.repeats = parseInt(value(), 10);
    else if (arg === '--min-time')
      args.minTime = parseFloat(value());
    else if (arg === '--child')
      args.child = value();
    else if (arg === '--help' || arg === '-h') {
      console.log('Usage: node-red-chain.js --modules DIR [--json FILE] [--repeats N] [--min-time S]');
      process.exit(0);
    } else
      throw new Error(`Unknown argument ${arg}`);
  }
  if (!args.modules)
    throw new Error('--modules DIR is required (the npm --prefix where node-red is installed)');
  if (!(args.repeats >= 1) || !(args.minTime > 0))
    throw new Error('--repeats must be at least 1 and --min-time positive');

  return args;
}

function chainFlow(nodeType) {
  const flow = [{ id: 'bench', type: 'tab', label: 'bench' }];
  const id = (i) => `n${i}`;

  // The source sends nothing by itself: no repeat, no "once".
  flow.push({ id: 'source', type: 'inject', z: 'bench', repeat: '', once: false,
              props: [], wires: [[id(1)]] });
  for (let i = 1; i <= HOPS; i++) {
    const wires = i < HOPS ? [[id(i + 1)]] : [[]];

    if (nodeType === 'change') {
      flow.push({ id: id(i), type: 'change', z: 'bench',
                  rules: [{ t: 'set', p: 'topic', pt: 'msg', to: 'bench/chain', tot: 'str' }],
                  wires });
    } else {
      flow.push({ id: id(i), type: 'function', z: 'bench',
                  func: 'msg.payload.value = msg.payload.value + 1;\nreturn msg;',
                  outputs: 1, timeout: 0, noerr: 0, initialize: '', finalize: '', libs: [],
                  wires });
    }
  }

  return flow;
}

// Child: one Node-RED runtime, one chain; runs what the parent asks.
async function child(args) {
  const chain = CHAINS[args.child];
  const RED = require(path.join(path.resolve(args.modules), 'node_modules', 'node-red'));
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'swy-node-red-'));

  fs.writeFileSync(path.join(userDir, 'flows.json'), JSON.stringify(chainFlow(chain.node)));
  RED.init({
    userDir,
    flowFile: 'flows.json',
    httpAdminRoot: false,
    httpNodeRoot: false,
    disableEditor: true,
    credentialSecret: false,
    runtimeSyncDelivery: chain.sync,
    telemetry: { enabled: false, updateNotification: false },
    externalModules: { autoInstall: false },
    logging: { console: { level: 'off', metrics: false, audit: false } },
  });
  await RED.start();

  let source = null;
  let last = null;
  for (let tries = 0; tries < 500 && (!source || !last); tries++) {
    source = RED.nodes.getNode('source');
    last = RED.nodes.getNode(`n${HOPS}`);
    if (!source || !last)
      await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (!source || !last)
    throw new Error('Node-RED did not start the flow');

  let completed = 0;
  let waiting = null;
  last.send = () => {
    completed++;
    if (waiting && completed >= waiting.until)
      waiting.resolve();
  };

  const run = async (events) => {
    const start = process.hrtime.bigint();

    completed = 0;
    for (let done = 0; done < events; done += ROUND) {
      const n = Math.min(ROUND, events - done);
      const finished = new Promise((resolve) => { waiting = { until: done + n, resolve }; });

      for (let i = 0; i < n; i++)
        source.send({ topic: 'bench/source', payload: { seq: done + i + 1, value: 1 } });
      if (completed < done + n)
        await finished;
      waiting = null;
    }

    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (completed !== events)
      throw new Error(`${completed} messages completed, expected ${events}`);
    return seconds;
  };

  process.on('message', async (request) => {
    if (request.cmd === 'run') {
      process.send({ seconds: await run(request.events) });
    } else if (request.cmd === 'stop') {
      await RED.stop();
      fs.rmSync(userDir, { recursive: true, force: true });
      process.exit(0);
    }
  });
  process.send({ ready: true, nodeRed: RED.version() });
}

// Parent: starts one child per chain, calibrates, runs interleaved.
function startChild(script, args, name) {
  const proc = childProcess.fork(script, ['--child', name, '--modules', args.modules],
                                 { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let pending = null;

  proc.on('message', (message) => {
    const p = pending;
    pending = null;
    if (p)
      p.resolve(message);
  });
  proc.on('exit', (code) => {
    if (pending)
      pending.reject(new Error(`Node-RED chain ${name} exited with ${code}`));
  });

  const next = () => new Promise((resolve, reject) => { pending = { resolve, reject }; });
  const ready = next();

  return {
    name,
    ready,
    run: (events) => {
      const answer = next();
      proc.send({ cmd: 'run', events });
      return answer.then((message) => message.seconds);
    },
    stop: () => {
      proc.send({ cmd: 'stop' });
      return new Promise((resolve) => proc.on('exit', resolve));
    },
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;

  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

async function parent(args) {
  const names = Object.keys(CHAINS);
  const children = names.map((name) => startChild(__filename, args, name));
  const info = await Promise.all(children.map((c) => c.ready));
  const events = {};
  const seconds = {};

  for (const c of children) {
    let n = ROUND;

    for (;;) {
      const t = await c.run(n);
      if (t >= args.minTime)
        break;
      n = Math.ceil((n * Math.min(16, Math.max(1.25, (args.minTime * 1.25) / t))) / ROUND) * ROUND;
    }
    events[c.name] = n;
    seconds[c.name] = [];
  }

  for (let r = 0; r < args.repeats; r++)
    for (const c of children)
      seconds[c.name].push(await c.run(events[c.name]));

  await Promise.all(children.map((c) => c.stop()));

  const result = {
    node_red: info[0].nodeRed,
    node: process.version,
    hops: HOPS,
    repeats: args.repeats,
    min_time_s: args.minTime,
    chains: {},
  };

  console.log(`\nNode-RED ${result.node_red} on Node.js ${result.node}: ${HOPS}-node chain, ` +
              `${args.repeats} interleaved runs, medians`);
  console.log(`${'chain'.padEnd(20)} ${'events/s'.padStart(12)} ${'ns/hop'.padStart(10)}`);
  for (const name of names) {
    const t = median(seconds[name]);
    const rate = events[name] / t;

    result.chains[name] = {
      node: CHAINS[name].node,
      delivery: CHAINS[name].sync ? 'sync' : 'async',
      events: events[name],
      events_per_s: rate,
      ns_per_hop: (t * 1e9) / events[name] / HOPS,
      seconds: seconds[name],
    };
    console.log(`${name.padEnd(20)} ${Math.round(rate).toLocaleString('en-US').padStart(12)} ` +
                `${((t * 1e9) / events[name] / HOPS).toFixed(1).padStart(10)}`);
  }

  if (args.json) {
    fs.writeFileSync(args.json, JSON.stringify(result, null, 2) + '\n');
    console.log(`Figures written to ${args.json}`);
  }
}

const args = parseArgs(process.argv.slice(2));
(args.child ? child(args) : parent(args)).catch((error) => {
  console.error(error.message);
  process.exit(1);
});
