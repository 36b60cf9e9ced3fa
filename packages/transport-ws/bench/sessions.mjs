// Load benchmark of the realtime server: `pnpm --filter @parley/transport-ws bench`
// (after a build; it imports the built dist). Options:
//   --steps=50,100,200,400,600   concurrent sessions per step
//   --seconds=8 --warmup=3       measurement window and warm-up per step
//   --max-sessions=50            sessions of the max-rate runs (0 skips them)
//   --profile                    always profile the worst step (it is profiled anyway when a goal is missed)
//
// Three processes on 127.0.0.1: this one only orchestrates; the server under
// test runs alone in a child (its own event-loop delay, CPU and RSS are
// measured there); the load generator runs in another child. Each step starts
// a fresh server: first ours (createRealtimeServer, echo engine, server VAD on
// real espeak-ng speech streamed in real time), then a bare `ws` server that
// parses and echoes each message, driven by the same clients at the same
// rate. Prints markdown tables.
//
// Columns: "sustained" counts sessions still open at the end of the window
// that got at least one answer in it; "sessions per core" is sessions divided
// by the server's CPU share (user + system time over wall time); messages are
// frames in plus out, counted by the generator. The event-loop delay is
// `monitorEventLoopDelay` inside the server process, over the window only.
import { fork } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { topSelfTime } from './cpu-profile.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const arg = (name, fallback) => {
  const hit = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!hit) return fallback;
  return hit.includes('=') ? hit.slice(hit.indexOf('=') + 1) : true;
};
const STEPS = String(arg('steps', '50,100,200,400,600')).split(',').map(Number).filter((n) => n > 0 && n <= 2000);
const SECONDS = Math.min(30, Number(arg('seconds', 8)));
const WARMUP = Math.min(10, Number(arg('warmup', 3)));
const MAX_SESSIONS = Math.min(500, Number(arg('max-sessions', 50)));
const GOALS = { loopP99Ms: 20, vsBare: 0.5, perCore: 500 };

// Nothing here may run unbounded: a hard stop for the whole benchmark.
const deadline = setTimeout(() => {
  console.error('benchmark: time limit reached, stopping');
  process.exit(1);
}, 15 * 60_000);
deadline.unref();

function nextMessage(child, type, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no '${type}' from child within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message) => {
      if (message.type !== type) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
  });
}

const load = fork(join(here, 'load-process.mjs'), [], { stdio: 'inherit' });
const loadInfo = await nextMessage(load, 'ready');

/** One measured run: a fresh server, N sessions, warm-up, window, teardown. */
async function run(mode, sessions, pace, profileDir) {
  const execArgv = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const server = fork(join(here, 'server-process.mjs'), [mode], { execArgv, stdio: 'inherit' });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  try {
    const { port } = await nextMessage(server, 'ready');
    load.send({ cmd: 'open', url: `ws://127.0.0.1:${port}/v1/realtime?model=step-1o-audio`, sessions, protocol: mode, pace });
    const opened = await nextMessage(load, 'opened', 120_000);
    await sleep(WARMUP * 1000);
    server.send({ cmd: 'window-start' });
    load.send({ cmd: 'window-start' });
    await sleep((pace === 'max' ? Math.min(SECONDS, 5) : SECONDS) * 1000);
    const serverStats = nextMessage(server, 'server-window');
    const loadStats = nextMessage(load, 'load-window');
    server.send({ cmd: 'window-end' });
    load.send({ cmd: 'window-end' });
    // The machine's 1-minute load average: other work on these cores shows here.
    const result = { mode, sessions, pace, opened: opened.opened, server: await serverStats, load: await loadStats, loadAvg: loadavg()[0] };
    load.send({ cmd: 'close' });
    await nextMessage(load, 'closed');
    return result;
  } finally {
    if (server.connected) server.send({ cmd: 'exit' });
    await Promise.race([exited, sleep(10_000).then(() => server.kill('SIGKILL'))]);
  }
}

const f = (value, digits = 1) => (value === null || value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(digits));
const perCpu = (r) => (r.load.sentPerS + r.load.receivedPerS) / Math.max(r.server.cpuShare, 1e-6);

const ours = [];
const bare = [];
const startedAt = performance.now();
for (const sessions of STEPS) {
  ours.push(await run('parley', sessions, 'realtime'));
  bare.push(await run('bare', sessions, 'realtime'));
  console.error(`step ${sessions}: done (${f((performance.now() - startedAt) / 1000, 0)} s)`);
}
const maxRuns = MAX_SESSIONS > 0 ? [await run('parley', MAX_SESSIONS, 'max'), await run('bare', MAX_SESSIONS, 'max')] : [];

console.log(`\n## Realtime server load (${availableParallelism()} cores; speech loop ${loadInfo.loopMs / 1000} s, ${loadInfo.turns} turns; window ${SECONDS} s after ${WARMUP} s warm-up)\n`);
console.log('| sessions | sustained | server loop delay p50 / p99 / max (ms, 2 ms sampling interval included) | speech_stopped -> first audio p50 / p99 (ms) | turn-end chunk sent -> first audio p50 / p99 (ms) | turns | msgs/s in+out | server CPU (% of a core) | sessions per core | server RSS (MB) | generator CPU / loop p99 | load avg |');
console.log('|---:|---:|---|---|---|---:|---:|---:|---:|---:|---|---:|');
for (const r of ours) {
  const s = r.server;
  const l = r.load;
  console.log(
    `| ${r.sessions} | ${l.sustained}/${r.sessions} | ${f(s.loopP50Ms)} / ${f(s.loopP99Ms)} / ${f(s.loopMaxMs)} | ${f(l.latencyP50Ms)} / ${f(l.latencyP99Ms)} | ${f(l.endToEndP50Ms, 0)} / ${f(l.endToEndP99Ms, 0)} | ${l.turns} | ${f(l.sentPerS + l.receivedPerS, 0)} | ${f(s.cpuShare * 100, 0)} | ${f(r.sessions / s.cpuShare, 0)} | ${f(s.rssPeakMb, 0)} | ${f(l.cpuShare * 100, 0)}% / ${f(l.loopP99Ms)} ms | ${f(r.loadAvg, 1)} |`,
  );
}
console.log('\n## Against a bare `ws` server (parse + echo each message), same clients, same offered rate\n');
console.log('| sessions | bare msgs/s in+out | bare CPU (% of a core) | bare loop p99 (ms) | our msgs per CPU-second | bare msgs per CPU-second | ours as % of bare |');
console.log('|---:|---:|---:|---:|---:|---:|---:|');
ours.forEach((r, i) => {
  const b = bare[i];
  console.log(
    `| ${r.sessions} | ${f(b.load.sentPerS + b.load.receivedPerS, 0)} | ${f(b.server.cpuShare * 100, 0)} | ${f(b.server.loopP99Ms)} | ${f(perCpu(r), 0)} | ${f(perCpu(b), 0)} | ${f((100 * perCpu(r)) / perCpu(b), 0)}% |`,
  );
});
if (maxRuns.length === 2) {
  const [m, mb] = maxRuns;
  console.log(`\n## Max rate (${MAX_SESSIONS} sessions sending as fast as their sockets drain)\n`);
  console.log('| server | msgs/s in+out | server CPU (% of a core) | generator CPU (% of a core) | errors |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of maxRuns) {
    console.log(`| ${r.mode} | ${f(r.load.sentPerS + r.load.receivedPerS, 0)} | ${f(r.server.cpuShare * 100, 0)} | ${f(r.load.cpuShare * 100, 0)} | ${r.load.errors} |`);
  }
  console.log(`\nOurs at max rate: ${f((100 * (m.load.sentPerS + m.load.receivedPerS)) / (mb.load.sentPerS + mb.load.receivedPerS), 0)}% of bare ws.`);
  if (mb.load.cpuShare > 0.9) {
    console.log('The generator used a whole core against the bare server: that ceiling is a lower bound (the per-CPU-second comparison above does not depend on it).');
  }
}

const loopOk = ours.filter((r) => r.server.loopP99Ms < GOALS.loopP99Ms && r.load.sustained === r.sessions);
const largest = loopOk.at(-1);
console.log('\n## Goals\n');
console.log(`- p99 server event-loop delay < ${GOALS.loopP99Ms} ms with every session answered: ${largest ? `met up to ${largest.sessions} sessions` : 'not met at any step'}${ours.some((r) => !loopOk.includes(r)) ? `; missed at ${ours.filter((r) => !loopOk.includes(r)).map((r) => r.sessions).join(', ')}` : ''}`);
console.log(`- message rate per CPU-second >= ${GOALS.vsBare * 100}% of bare ws: ${ours.map((r, i) => `${r.sessions}: ${f((100 * perCpu(r)) / perCpu(bare[i]), 0)}%`).join(', ')}`);
console.log(`- sessions per core >= ${GOALS.perCore}: ${largest ? `${f(largest.sessions / largest.server.cpuShare, 0)} (${largest.sessions} sessions at ${f(largest.server.cpuShare * 100, 0)}% of a core, the largest step within the loop-delay goal)` : 'n/a'}`);
for (const r of ours) {
  if (r.load.errors || r.load.unexpectedCloses || r.load.skippedTicks) {
    console.log(`- ${r.sessions} sessions: ${r.load.errors} error events ${JSON.stringify(r.load.errorCodes)}, ${r.load.unexpectedCloses} unexpected closes, ${r.load.skippedTicks} generator ticks skipped`);
  }
}

const missed = ours.some((r, i) => !loopOk.includes(r) || perCpu(r) / perCpu(bare[i]) < GOALS.vsBare);
if (missed || arg('profile', false)) {
  // The step with the worst event-loop delay: where the server's costs show most.
  const worst = ours.reduce((a, b) => (b.server.loopP99Ms > a.server.loopP99Ms ? b : a));
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-prof-'));
  const profiled = await run('parley', worst.sessions, 'realtime', dir);
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (file) {
    const { fromUs, toUs } = profiled.server;
    const { busyMs, idleMs, rows, byComponent } = topSelfTime(join(dir, file), { fromUs, toUs });
    console.log(`\n## Server CPU profile at ${worst.sessions} sessions (--cpu-prof, measurement window only: ${f(busyMs / 1000)} s busy, ${f(idleMs / 1000)} s idle)\n`);
    console.log('| function (self time) | ms | share of busy |');
    console.log('|---|---:|---:|');
    for (const row of rows) console.log(`| \`${row.fn}\` | ${f(row.ms, 0)} | ${f(row.share * 100)}% |`);
    console.log('\n| component (self time) | ms | share of busy |');
    console.log('|---|---:|---:|');
    for (const row of byComponent) console.log(`| ${row.component} | ${f(row.ms, 0)} | ${f(row.share * 100)}% |`);
    console.log(`\nProfile: ${join(dir, file)}`);
  }
}

load.send({ cmd: 'exit' });
console.log(`\nCommand: pnpm --filter @parley/transport-ws bench -- ${process.argv.slice(2).join(' ')}`.trimEnd());
