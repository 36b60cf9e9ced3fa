// The load generator, in its own process so that the server's event loop is
// measured alone. It opens N WebSocket sessions to the server the parent
// names and streams the precomputed speech loop from each: one 100 ms append
// per session per 100 ms (real time; sessions in 10 groups, one group every
// 10 ms, from one timer), or as fast as the sockets drain (max rate). For
// the realtime server it enables server VAD and times speech_stopped -> first
// audio delta; audio deltas are recognised without parsing their JSON.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import { buildSpeechLoop, CHUNK_MS } from './speech-loop.mjs';

const GROUPS = 10;
const TICK_MS = CHUNK_MS / GROUPS;
const CONNECT_BATCH = 50;
const MAX_BUFFERED = 128 * 1024;
const AUDIO_DELTA = Buffer.from('"response.audio.delta"');
const SESSION_UPDATE = JSON.stringify({ type: 'session.update', session: { turn_detection: { type: 'server_vad' } } });

const loop = await buildSpeechLoop();
const frames = loop.frames;
const SENT_TIMES = 256; // send times kept per session, one per chunk: 25.6 s
const delay = monitorEventLoopDelay({ resolution: 2 });

let run = null;
let counters = freshCounters();

function freshCounters() {
  return { sent: 0, received: 0, latencies: [], endToEnd: [], turns: 0, errors: 0, errorCodes: {}, unexpectedCloses: 0, skippedTicks: 0 };
}

function onMessage(session, data) {
  counters.received++;
  if (run.protocol !== 'parley') return;
  const now = performance.now();
  if (data.indexOf(AUDIO_DELTA) !== -1) {
    if (session.stoppedAt) {
      counters.latencies.push(now - session.stoppedAt);
      if (session.turnEndSentAt) counters.endToEnd.push(now - session.turnEndSentAt);
      session.stoppedAt = 0;
      session.turnEndSentAt = 0;
    }
    return;
  }
  const event = JSON.parse(data.toString());
  if (event.type === 'input_audio_buffer.speech_stopped') {
    session.stoppedAt = now;
    const chunk = Math.floor((event.audio_end_ms - 1) / CHUNK_MS);
    session.turnEndSentAt = session.chunks - chunk <= SENT_TIMES ? session.sentAt[chunk % SENT_TIMES] : 0;
  }
  else if (event.type === 'response.done') {
    counters.turns++;
    session.answered++;
  } else if (event.type === 'error') {
    counters.errors++;
    const code = event.error?.code ?? 'unknown';
    counters.errorCodes[code] = (counters.errorCodes[code] ?? 0) + 1;
  }
}

function openSession(url, index) {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, skipUTF8Validation: true });
    // Each session starts at its own place in the loop, so turns do not line up.
    const session = { ws, open: false, pos: (index * 7919) % frames.length, stoppedAt: 0, turnEndSentAt: 0, chunks: 0, sentAt: new Float64Array(SENT_TIMES), answered: 0, group: index % GROUPS };
    ws.on('open', () => {
      session.open = true;
      if (run.protocol === 'parley') ws.send(SESSION_UPDATE);
      resolve(session);
    });
    ws.on('message', (data) => onMessage(session, data));
    ws.on('error', () => resolve(session));
    ws.on('close', () => {
      if (session.open && !run.closing) counters.unexpectedCloses++;
      session.open = false;
    });
  });
}

function send(session) {
  session.ws.send(frames[session.pos]);
  session.sentAt[session.chunks++ % SENT_TIMES] = performance.now();
  session.pos = (session.pos + 1) % frames.length;
  counters.sent++;
}

function startRealtimePace() {
  const startedAt = performance.now();
  let next = 0;
  run.timer = setInterval(() => {
    const due = Math.floor((performance.now() - startedAt) / TICK_MS);
    if (due - next > 100) {
      counters.skippedTicks += due - next;
      next = due;
    }
    for (; next <= due; next++) {
      for (const session of run.groups[next % GROUPS]) if (session.open) send(session);
    }
  }, TICK_MS / 2);
}

function startMaxPace() {
  const pump = () => {
    if (!run || run.closing) return;
    for (const session of run.sessions) {
      for (let n = 0; n < 8 && session.open && session.ws.bufferedAmount < MAX_BUFFERED; n++) send(session);
    }
    run.immediate = setImmediate(pump);
  };
  pump();
}

async function open({ url, sessions, protocol, pace }) {
  run = { protocol, pace, sessions: [], groups: Array.from({ length: GROUPS }, () => []), closing: false };
  counters = freshCounters();
  if (pace === 'realtime') startRealtimePace();
  for (let i = 0; i < sessions; i += CONNECT_BATCH) {
    const batch = [];
    for (let j = i; j < Math.min(sessions, i + CONNECT_BATCH); j++) batch.push(openSession(url, j));
    for (const session of await Promise.all(batch)) {
      run.sessions.push(session);
      run.groups[session.group].push(session);
    }
  }
  if (pace === 'max') startMaxPace();
  return { opened: run.sessions.filter((s) => s.open).length };
}

function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function windowStart() {
  counters = freshCounters();
  for (const session of run.sessions) session.answeredAtStart = session.answered;
  delay.reset();
  delay.enable();
  run.window = { at: performance.now(), cpu: process.cpuUsage() };
}

function windowEnd() {
  delay.disable();
  const seconds = (performance.now() - run.window.at) / 1000;
  const cpu = process.cpuUsage(run.window.cpu);
  const open = run.sessions.filter((s) => s.open);
  const answering = open.filter((s) => s.answered > s.answeredAtStart).length;
  return {
    seconds,
    open: open.length,
    sustained: run.protocol === 'parley' ? answering : open.length,
    sentPerS: counters.sent / seconds,
    receivedPerS: counters.received / seconds,
    offered: counters.sent / (open.length * (1000 / CHUNK_MS) * seconds),
    turns: counters.turns,
    latencyP50Ms: percentile(counters.latencies, 50),
    latencyP99Ms: percentile(counters.latencies, 99),
    endToEndP50Ms: percentile(counters.endToEnd, 50),
    endToEndP99Ms: percentile(counters.endToEnd, 99),
    errors: counters.errors,
    errorCodes: counters.errorCodes,
    unexpectedCloses: counters.unexpectedCloses,
    skippedTicks: counters.skippedTicks,
    cpuShare: (cpu.user + cpu.system) / 1000 / (seconds * 1000),
    loopP99Ms: delay.percentile(99) / 1e6,
  };
}

async function close() {
  run.closing = true;
  clearInterval(run.timer);
  clearImmediate(run.immediate);
  const closing = run.sessions.map(
    (s) =>
      new Promise((resolve) => {
        if (s.ws.readyState === WebSocket.CLOSED) return resolve();
        s.ws.once('close', resolve);
        s.ws.terminate();
      }),
  );
  await Promise.all(closing);
  run = null;
}

process.on('message', async (message) => {
  if (message.cmd === 'open') process.send({ type: 'opened', ...(await open(message)) });
  else if (message.cmd === 'window-start') windowStart();
  else if (message.cmd === 'window-end') process.send({ type: 'load-window', ...windowEnd() });
  else if (message.cmd === 'close') {
    await close();
    process.send({ type: 'closed' });
  } else if (message.cmd === 'exit') process.exit(0);
});

process.send({ type: 'ready', loopMs: loop.loopMs, frames: frames.length, turns: loop.turns });
