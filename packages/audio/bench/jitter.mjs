// JitterBuffer against a naive FIFO player on the same arrival traces, in
// virtual time (pull n happens at n * 20 ms; arrivals due by then are pushed
// first). Run: node --expose-gc bench/run.mjs jitter (after building).
import { JitterBuffer } from '../dist/index.js';

const RATE = 24_000;
const FRAME_MS = 20;
const F = (RATE * FRAME_MS) / 1000;
const SECONDS = 20;

function prng(seed) {
  let s = seed >>> 0 || 0x9e3779b9;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

// Voiced, never-silent test audio: harmonics of a gliding pitch under a syllable envelope.
function speechLike(seconds) {
  const out = new Int16Array(RATE * seconds);
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / RATE;
    phase += (2 * Math.PI * (170 + 60 * Math.sin(2 * Math.PI * 0.7 * t))) / RATE;
    const env = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t + 1);
    // 5 ms onset and offset ramps, as speech has: steps in the output are the player's doing.
    const edge = Math.min(1, i / (RATE * 0.005), (out.length - 1 - i) / (RATE * 0.005));
    const v = Math.sin(phase) + 0.5 * Math.sin(2 * phase + 0.3) + 0.25 * Math.sin(3 * phase + 1.1);
    out[i] = Math.round(7000 * env * edge * v);
  }
  return out;
}

function cut(signal, pieceMs, when) {
  const piece = (RATE * pieceMs) / 1000;
  const out = [];
  let last = -Infinity;
  for (let start = 0; start < signal.length; start += piece) {
    // An ordered transport (a WebSocket): nothing overtakes what was sent before it.
    last = Math.max(last, when((start * 1000) / RATE));
    out.push({ atMs: last, start, samples: signal.subarray(start, start + piece) });
  }
  return out;
}

function traces(signal) {
  const burst = prng(1);
  const jitter = prng(11);
  return [
    ['steady 20 ms', cut(signal, 20, (ms) => ms)],
    ['bursty 200 ms, late <= 150 ms', cut(signal, 200, (ms) => ms + burst() * 150)],
    ['heavy jitter, late 300·u² ms', cut(signal, 20, (ms) => ms + 300 * jitter() ** 2)],
    ['500 ms stall at 5 s', cut(signal, 20, (ms) => (ms >= 5000 && ms < 5500 ? 5500 : ms))],
  ];
}

// Plays what it has, zero-fills the rest: no prebuffer, no fades.
class NaiveFifo {
  constructor() {
    this.chunks = [];
    this.offset = 0;
    this.level = 0;
    this.started = false;
    this.ended = false;
    this.played = 0;
    this.concealed = 0;
    this.events = 0;
    this.starving = false;
  }
  push(samples) {
    this.chunks.push(samples);
    this.level += samples.length;
    this.started = true;
  }
  end() {
    this.ended = true;
  }
  pull() {
    const out = new Int16Array(F);
    let pos = 0;
    while (pos < F && this.chunks.length > 0) {
      const c = this.chunks[0];
      const n = Math.min(F - pos, c.length - this.offset);
      out.set(c.subarray(this.offset, this.offset + n), pos);
      pos += n;
      this.offset += n;
      if (this.offset === c.length) {
        this.chunks.shift();
        this.offset = 0;
      }
    }
    this.level -= pos;
    this.played += pos;
    if (pos < F && this.started && !this.ended) {
      if (!this.starving) this.events++;
      this.starving = true;
      this.concealed += F - pos;
    } else if (pos > 0) this.starving = false;
    return out;
  }
  get consumed() {
    return this.played;
  }
  get done() {
    return this.ended && this.level === 0;
  }
}

// The JitterBuffer behind the same face, pulling into one reused frame.
function adapt(jb) {
  const frame = new Int16Array(F);
  return {
    push: (s) => jb.push(s),
    end: () => jb.end(),
    pull: () => {
      jb.pullInto(frame);
      return frame;
    },
    get consumed() {
      const s = jb.stats;
      return s.jitterBufferEmittedCount + s.removedSamplesForAcceleration;
    },
    get done() {
      return jb.state === 'idle';
    },
  };
}

// Returns the output and, for each input sample, the output index that played it.
function simulate(player, arrivals, total) {
  const playedAt = new Int32Array(total).fill(-1);
  const frames = [];
  let next = 0;
  let n = 0;
  for (; !(next === arrivals.length && player.done); n++) {
    while (next < arrivals.length && arrivals[next].atMs <= n * FRAME_MS) {
      player.push(arrivals[next++].samples);
      if (next === arrivals.length) player.end();
    }
    const before = player.consumed;
    frames.push(player.pull().slice());
    const after = player.consumed;
    for (let k = before; k < after; k++) playedAt[k] = n * F + (k - before);
  }
  const out = new Int16Array(frames.length * F);
  for (const [i, f] of frames.entries()) out.set(f, i * F);
  return { out, playedAt, frames: n };
}

// Frames per second through push + pull alone, replaying the same schedule; best of 5.
function throughput(makePlayer, arrivals, frames) {
  const due = new Int32Array(frames);
  for (const a of arrivals) due[Math.min(frames - 1, Math.max(0, Math.ceil(a.atMs / FRAME_MS)))]++;
  let best = Infinity;
  for (let rep = 0; rep < 5; rep++) {
    const player = makePlayer();
    let next = 0;
    const t0 = performance.now();
    for (let n = 0; n < frames; n++) {
      for (let d = due[n]; d > 0; d--) player.push(arrivals[next++].samples);
      if (next === arrivals.length) player.end();
      player.pull();
    }
    best = Math.min(best, performance.now() - t0);
  }
  return Math.round((frames * 1000) / best);
}

function maxJump(x, from = 1, to = x.length) {
  let m = 0;
  for (let i = Math.max(1, from); i < to; i++) m = Math.max(m, Math.abs(x[i] - x[i - 1]));
  return m;
}

// Extra delay over a play-at-once player (plays each sample once it has arrived and its
// predecessor has played), less one frame period; p50 and p99 over all samples, ms.
function addedDelay(run, arrivals) {
  const arrival = new Float64Array(run.playedAt.length);
  for (const a of arrivals) arrival.fill(a.atMs, a.start, a.start + a.samples.length);
  const added = [];
  let ideal = -Infinity;
  for (let k = 0; k < arrival.length; k++) {
    ideal = Math.max(arrival[k], ideal + 1000 / RATE);
    if (run.playedAt[k] >= 0) added.push(Math.max(0, (run.playedAt[k] * 1000) / RATE - ideal - FRAME_MS));
  }
  added.sort((a, b) => a - b);
  const q = (p) => added[Math.min(added.length - 1, Math.floor(p * added.length))];
  return [q(0.5), q(0.99)];
}

function clicks(out, limit) {
  let n = 0;
  for (let i = 1; i < out.length; i++) if (Math.abs(out[i] - out[i - 1]) > limit) n++;
  return n;
}

function row(name, player, run, arrivals, events, concealedSamples, limit, fps) {
  const [p50, p99] = addedDelay(run, arrivals);
  return `| ${name} | ${player} | ${events} | ${((concealedSamples * 1000) / RATE).toFixed(0)} | ${clicks(run.out, limit)} | ${p50.toFixed(0)} / ${p99.toFixed(0)} | ${fps.toLocaleString('en-US')} |`;
}

export async function run() {
  const signal = speechLike(SECONDS);
  const limit = maxJump(signal); // a click: a step steeper than the audio itself ever moves
  console.log(`${SECONDS} s of voiced audio at ${RATE / 1000} kHz, ${FRAME_MS} ms frames, virtual time; default options.`);
  console.log('click = output step larger than the largest step in the input; delay is added over a play-at-once player, minus one frame.\n');
  console.log('| trace | player | concealment events | concealed ms | clicks | added delay p50 / p99 ms | pull throughput (frames/s) |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const [name, arrivals] of traces(signal)) {
    globalThis.gc?.();
    const jb = new JitterBuffer({ sampleRate: RATE, frameMs: FRAME_MS });
    const a = simulate(adapt(jb), arrivals, signal.length);
    const jbFps = throughput(() => adapt(new JitterBuffer({ sampleRate: RATE })), arrivals, a.frames);
    const s = jb.stats;
    console.log(row(name, 'JitterBuffer', a, arrivals, s.concealmentEvents, s.concealedSamples, limit, jbFps));
    globalThis.gc?.();
    const fifo = new NaiveFifo();
    const b = simulate(fifo, arrivals, signal.length);
    const fifoFps = throughput(() => new NaiveFifo(), arrivals, b.frames);
    console.log(row(name, 'naive FIFO', b, arrivals, fifo.events, fifo.concealed, limit, fifoFps));
  }
}
