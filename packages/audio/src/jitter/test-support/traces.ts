/**
 * Test signals, arrival traces and a virtual-time player loop for the
 * jitter-buffer tests. Time is simulated: pull `n` happens at `n * frameMs`,
 * and every arrival due by then is pushed just before it.
 */
import type { JitterBuffer } from '../jitter-buffer.js';

/** Small seeded generator (xorshift32), uniform in [0, 1). */
export class Prng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s / 4294967296;
  }
}

/**
 * Voiced, speech-like test audio: a few harmonics of a gliding 110-230 Hz
 * pitch under a syllable-rate envelope that never reaches silence, so any
 * dropout or step shows.
 */
export function speechLike(sampleRate: number, seconds: number, seed = 1): Int16Array {
  const n = Math.round(sampleRate * seconds);
  const out = new Int16Array(n);
  const rng = new Prng(seed);
  const glide = 0.3 + rng.next();
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const t = i / sampleRate;
    const f0 = 170 + 60 * Math.sin(2 * Math.PI * glide * t);
    phase += (2 * Math.PI * f0) / sampleRate;
    const env = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t + 1);
    const v = Math.sin(phase) + 0.5 * Math.sin(2 * phase + 0.3) + 0.25 * Math.sin(3 * phase + 1.1);
    out[i] = Math.round(7000 * env * v);
  }
  return out;
}

/** Largest absolute difference between neighbouring samples of `x[from..to)`. */
export function maxJump(x: Int16Array, from = 0, to = x.length): number {
  let m = 0;
  for (let i = Math.max(from, 1); i < to; i++) m = Math.max(m, Math.abs(x[i]! - x[i - 1]!));
  return m;
}

/** One push of a trace: `samples` is a view into the source signal starting at `start`. */
export interface Arrival {
  atMs: number;
  start: number;
  samples: Int16Array;
}

function cut(signal: Int16Array, sampleRate: number, pieceMs: number, when: (index: number, startMs: number) => number): Arrival[] {
  const piece = Math.round((sampleRate * pieceMs) / 1000);
  const out: Arrival[] = [];
  let last = -Infinity;
  for (let start = 0, i = 0; start < signal.length; start += piece, i++) {
    // An ordered transport (a WebSocket): nothing overtakes what was sent before it.
    last = Math.max(last, when(i, (start * 1000) / sampleRate));
    out.push({ atMs: last, start, samples: signal.subarray(start, start + piece) });
  }
  return out;
}

/** Pieces of `pieceMs` arriving exactly at real-time pace. */
export function steadyTrace(signal: Int16Array, sampleRate: number, pieceMs = 20): Arrival[] {
  return cut(signal, sampleRate, pieceMs, (_i, ms) => ms);
}

/**
 * Bursts of `burstMs` arriving at once, at real-time pace on average: burst
 * `i` is due at `i * burstMs` and arrives up to `maxLateMs` after that (seeded,
 * uniform). Consecutive bursts are therefore between `burstMs - maxLateMs` and
 * `burstMs + maxLateMs` apart: after a burst has played out, the next may
 * still be up to `maxLateMs` away.
 */
export function burstyTrace(signal: Int16Array, sampleRate: number, seed: number, burstMs = 200, maxLateMs = 150): Arrival[] {
  const rng = new Prng(seed);
  return cut(signal, sampleRate, burstMs, (_i, ms) => ms + rng.next() * maxLateMs);
}

/** Small pieces, each late by a heavy-tailed random amount (capped at `maxLateMs`). */
export function jitteryTrace(signal: Int16Array, sampleRate: number, seed: number, pieceMs = 20, maxLateMs = 300): Arrival[] {
  const rng = new Prng(seed);
  return cut(signal, sampleRate, pieceMs, (_i, ms) => ms + maxLateMs * rng.next() ** 2);
}

/** Real-time pieces; those due during `[atMs, atMs + stallMs)` arrive together at its end. */
export function stallTrace(signal: Int16Array, sampleRate: number, atMs: number, stallMs: number, pieceMs = 20): Arrival[] {
  return cut(signal, sampleRate, pieceMs, (_i, ms) => (ms >= atMs && ms < atMs + stallMs ? atMs + stallMs : ms));
}

/** What a run produced: the output, and for each input sample the output index that played it (-1: never). */
export interface Run {
  out: Int16Array;
  playedAt: Int32Array;
  frames: number;
}

/**
 * Plays `arrivals` through `buffer` in virtual time, calls `end()` after the
 * last arrival when `end` is set, and keeps pulling `tailFrames` frames after
 * everything has been played or the buffer went idle.
 */
export function play(buffer: JitterBuffer, arrivals: Arrival[], total: number, frameMs: number, end = true, tailFrames = 5): Run {
  const F = buffer.frameSamples;
  const frames: Int16Array[] = [];
  const playedAt = new Int32Array(total).fill(-1);
  const base = consumedOf(buffer);
  let next = 0;
  let idleFrames = 0;
  for (let n = 0; idleFrames < tailFrames; n++) {
    while (next < arrivals.length && arrivals[next]!.atMs <= n * frameMs) {
      buffer.push(arrivals[next]!.samples);
      next++;
      if (next === arrivals.length && end) buffer.end();
    }
    const before = consumedOf(buffer) - base;
    const out = buffer.pull();
    const after = consumedOf(buffer) - base;
    for (let k = before; k < after && k < total; k++) playedAt[k] = n * F + (k - before);
    frames.push(out);
    const done = next === arrivals.length && (buffer.state === 'idle' || (!end && buffer.bufferedMs === 0));
    idleFrames = done ? idleFrames + 1 : 0;
    if (n > 1e6) throw new Error('play: runaway loop');
  }
  const out = new Int16Array(frames.length * F);
  for (const [i, f] of frames.entries()) out.set(f, i * F);
  return { out, playedAt, frames: frames.length };
}

function consumedOf(buffer: JitterBuffer): number {
  const s = buffer.stats;
  return s.jitterBufferEmittedCount + s.removedSamplesForAcceleration;
}

/**
 * Delay each sample spent beyond what a play-at-once player would give it
 * (one that plays a sample as soon as it has arrived and the one before it
 * has played), less one frame period (a pull only happens once per frame).
 * In ms, clamped at 0; NaN for samples never played.
 */
export function addedDelayMs(run: Run, arrivals: Arrival[], sampleRate: number, frameMs: number): Float64Array {
  const total = run.playedAt.length;
  const arrival = new Float64Array(total);
  for (const a of arrivals) arrival.fill(a.atMs, a.start, a.start + a.samples.length);
  const added = new Float64Array(total);
  const step = 1000 / sampleRate;
  let ideal = -Infinity;
  for (let k = 0; k < total; k++) {
    ideal = Math.max(arrival[k]!, ideal + step);
    const at = run.playedAt[k]!;
    added[k] = at < 0 ? Number.NaN : Math.max(0, at * step - ideal - frameMs);
  }
  return added;
}

/** The `q` quantile (0..1) of the finite values. */
export function quantile(values: Float64Array, q: number): number {
  const v = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return Number.NaN;
  return v[Math.min(v.length - 1, Math.floor(q * v.length))]!;
}

/** Largest finite value (-Infinity when none). */
export function maxOf(values: ArrayLike<number>): number {
  let m = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i]! > m) m = values[i]!;
  return m;
}
