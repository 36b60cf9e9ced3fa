import { describe, expect, it } from 'vitest';
import { AudioFormatError } from '../errors.js';
import { JitterBuffer } from './jitter-buffer.js';
import type { JitterBufferOptions } from './options.js';
import { Prng, maxJump, speechLike } from './test-support/traces.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AudioFormatError);
    return (error as AudioFormatError).code;
  }
  return undefined;
}

const RATE = 24_000;
const F = 480; // 20 ms at 24 kHz

/** Pushes `signal` in frame-sized pieces, one before each pull, then ends; returns the concatenated output. */
function steadyPlay(jb: JitterBuffer, signal: Int16Array, pulls: number): Int16Array {
  const out = new Int16Array(pulls * jb.frameSamples);
  for (let n = 0; n < pulls; n++) {
    const from = n * jb.frameSamples;
    if (from < signal.length) jb.push(signal.subarray(from, from + jb.frameSamples));
    if (from + jb.frameSamples >= signal.length) jb.end();
    out.set(jb.pull(), n * jb.frameSamples);
  }
  return out;
}

function firstNonZero(x: Int16Array): number {
  return x.findIndex((v) => v !== 0);
}

describe('JitterBuffer options', () => {
  const cases: Array<[string, unknown, string]> = [
    ['no options', undefined, 'invalid_argument'],
    ['zero sample rate', { sampleRate: 0 }, 'invalid_sample_rate'],
    ['NaN sample rate', { sampleRate: Number.NaN }, 'invalid_sample_rate'],
    ['negative frame', { sampleRate: RATE, frameMs: -20 }, 'invalid_argument'],
    ['fractional frame', { sampleRate: 11_025, frameMs: 20 }, 'invalid_argument'],
    ['target above max', { sampleRate: RATE, targetDelayMs: 2000, maxDelayMs: 1000 }, 'invalid_argument'],
    ['negative target', { sampleRate: RATE, targetDelayMs: -1 }, 'invalid_argument'],
    ['max below frame', { sampleRate: RATE, frameMs: 20, maxDelayMs: 10, targetDelayMs: 5 }, 'invalid_argument'],
    ['capacity below max', { sampleRate: RATE, capacityMs: 500 }, 'invalid_argument'],
    ['string target', { sampleRate: RATE, targetDelayMs: '60' }, 'invalid_argument'],
    ['non-boolean adaptive', { sampleRate: RATE, adaptive: 1 }, 'invalid_argument'],
    ['infinite window', { sampleRate: RATE, jitterWindowMs: Infinity }, 'invalid_argument'],
  ];
  for (const [name, options, code] of cases) {
    it(`rejects ${name} with ${code}`, () => {
      expect(codeOf(() => new JitterBuffer(options as JitterBufferOptions))).toBe(code);
    });
  }

  it('accepts the defaults and reports the starting target', () => {
    const jb = new JitterBuffer({ sampleRate: RATE });
    expect(jb.targetDelayMs).toBe(60);
    expect(jb.state).toBe('idle');
    expect(jb.stats.bufferedMs).toBe(0);
  });

  for (const rate of [8000, 16_000, 24_000, 44_100, 48_000]) {
    for (const frameMs of [10, 20]) {
      it(`frames of ${frameMs} ms at ${rate} Hz hold rate * frameMs / 1000 samples`, () => {
        const jb = new JitterBuffer({ sampleRate: rate, frameMs });
        const expected = (rate * frameMs) / 1000;
        expect(jb.frameSamples).toBe(expected);
        expect(jb.pull().length).toBe(expected);
        const out = new Int16Array(expected).fill(7);
        jb.pullInto(out);
        expect(out.every((v) => v === 0)).toBe(true);
      });
    }
  }

  it('20 ms at 44.1 kHz is 882 samples', () => {
    expect(new JitterBuffer({ sampleRate: 44_100 }).pull().length).toBe(882);
  });

  it('rejects a wrong-sized pullInto target and non-Int16Array pushes', () => {
    const jb = new JitterBuffer({ sampleRate: RATE });
    expect(codeOf(() => jb.pullInto(new Int16Array(F + 1)))).toBe('invalid_argument');
    expect(codeOf(() => jb.push(new Float32Array(10) as unknown as Int16Array))).toBe('invalid_argument');
    expect(codeOf(() => jb.catchUp(-5))).toBe('invalid_argument');
  });
});

describe('JitterBuffer prebuffering and end of stream', () => {
  const signal = speechLike(RATE, 1, 2);

  for (const targetDelayMs of [20, 60, 100, 200]) {
    it(`holds real-time pieces until about ${targetDelayMs} ms are buffered, then plays them bit-exact`, () => {
      const jb = new JitterBuffer({ sampleRate: RATE, targetDelayMs });
      const out = steadyPlay(jb, signal, 70);
      const start = firstNonZero(out);
      expect(start % F).toBe(0);
      const startMs = (start / RATE) * 1000;
      expect(startMs).toBeGreaterThanOrEqual(targetDelayMs - 20);
      expect(startMs).toBeLessThanOrEqual(targetDelayMs + 20);
      expect(out.subarray(start, start + signal.length)).toEqual(signal);
      expect(jb.stats.concealmentEvents).toBe(0);
    });
  }

  it('without end(), a short final chunk waits; end() plays it at once and is not an underrun', () => {
    const jb = new JitterBuffer({ sampleRate: RATE });
    const chunk = signal.subarray(0, 720); // 30 ms, under the 60 ms target
    jb.push(chunk);
    for (let i = 0; i < 50; i++) expect(firstNonZero(jb.pull())).toBe(-1);
    expect(jb.state).toBe('prebuffering');
    jb.end();
    const a = jb.pull();
    const b = jb.pull();
    expect(a.subarray(0, F)).toEqual(chunk.subarray(0, F));
    expect(b.subarray(0, 720 - F)).toEqual(chunk.subarray(F));
    expect(jb.state).toBe('idle');
    expect(jb.playedMs).toBeCloseTo(30, 9);
    const s = jb.stats;
    expect(s.concealmentEvents).toBe(0);
    expect(s.concealedSamples).toBe(0);
    // The stream's end dies away rather than stepping to zero.
    const joined = new Int16Array([...a, ...b]);
    expect(maxJump(joined)).toBeLessThanOrEqual(maxJump(signal));
  });

  it('a push after end() starts a new stream that prebuffers again', () => {
    const jb = new JitterBuffer({ sampleRate: RATE });
    jb.push(signal.subarray(0, 2400));
    jb.end();
    for (let i = 0; i < 10; i++) jb.pull();
    expect(jb.state).toBe('idle');
    expect(jb.playedMs).toBeCloseTo(100, 9);
    jb.push(signal.subarray(0, F));
    expect(jb.state).toBe('prebuffering');
    expect(jb.playedMs).toBe(0);
    expect(firstNonZero(jb.pull())).toBe(-1);
  });

  it('audio pushed after end() while the old stream still plays follows it without a gap; playedMs switches streams', () => {
    const jb = new JitterBuffer({ sampleRate: RATE, targetDelayMs: 0 });
    const a = signal.subarray(0, 4 * F);
    const b = signal.subarray(4 * F, 10 * F);
    jb.push(a);
    jb.end();
    jb.pull();
    jb.push(b); // stream 2 queued behind stream 1
    const played: number[] = [];
    const out: Int16Array[] = [];
    for (let i = 0; i < 9; i++) {
      out.push(jb.pull());
      played.push(jb.playedMs);
    }
    expect(played).toEqual([40, 60, 80, 20, 40, 60, 80, 100, 120]);
    const joined = new Int16Array(out.length * F);
    for (const [i, f] of out.entries()) joined.set(f, i * F);
    expect(joined.subarray(0, 9 * F)).toEqual(signal.subarray(F, 10 * F));
  });
});

describe('JitterBuffer clear, playedMs and capacity', () => {
  const signal = speechLike(RATE, 2, 5);

  it('clear() returns the ms dropped, keeps playedMs, and fades out without a click', () => {
    const jb = new JitterBuffer({ sampleRate: RATE });
    const frames: Int16Array[] = [];
    for (let n = 0; n < 30; n++) {
      jb.push(signal.subarray(n * 2 * F, (n + 1) * 2 * F)); // 40 ms per 20 ms: a backlog builds
      frames.push(jb.pull());
    }
    const before = jb.stats;
    const playedBefore = jb.playedMs;
    expect(playedBefore).toBeCloseTo((before.jitterBufferEmittedCount * 1000) / RATE, 9);
    const dropped = jb.clear();
    expect(dropped).toBeCloseTo(before.bufferedMs, 9);
    expect(dropped).toBeGreaterThan(0);
    expect(jb.playedMs).toBe(playedBefore);
    expect(jb.bufferedMs).toBe(0);
    expect(jb.state).toBe('idle');
    frames.push(jb.pull(), jb.pull());
    expect(jb.playedMs).toBe(playedBefore);
    const all = new Int16Array(frames.length * F);
    for (const [i, f] of frames.entries()) all.set(f, i * F);
    const cut = 30 * F;
    // What was played is exactly the start of the input; what follows dies away.
    const playedSamples = Math.round((playedBefore * RATE) / 1000);
    const start = firstNonZero(all);
    expect(all.subarray(start, start + playedSamples)).toEqual(signal.subarray(0, playedSamples));
    expect(start + playedSamples).toBe(cut);
    expect(maxJump(all, cut - 10, all.length)).toBeLessThanOrEqual(maxJump(signal));
    expect(all.subarray(all.length - F).every((v) => v === 0)).toBe(true);
    const s = jb.stats;
    expect(s.droppedSamples).toBe(Math.round((dropped * RATE) / 1000));
    expect(s.totalSamplesReceived).toBe(s.jitterBufferEmittedCount + s.droppedSamples);
    // The next push is a new stream: played restarts from zero.
    jb.push(signal.subarray(0, F));
    expect(jb.playedMs).toBe(0);
  });

  it('clear() during prebuffering drops it all and reports the ms', () => {
    const jb = new JitterBuffer({ sampleRate: RATE, targetDelayMs: 200 });
    jb.push(signal.subarray(0, 3 * F));
    jb.pull();
    expect(jb.clear()).toBeCloseTo(60, 9);
    expect(jb.playedMs).toBe(0);
    expect(firstNonZero(jb.pull())).toBe(-1);
  });

  it('refuses a push beyond capacityMs with buffer_overflow and keeps what it had', () => {
    const jb = new JitterBuffer({ sampleRate: RATE, maxDelayMs: 500, capacityMs: 1000 });
    jb.push(new Int16Array((RATE * 900) / 1000));
    expect(codeOf(() => jb.push(new Int16Array((RATE * 200) / 1000)))).toBe('buffer_overflow');
    expect(jb.bufferedMs).toBeCloseTo(900, 9);
    expect(jb.stats.totalSamplesReceived).toBe((RATE * 900) / 1000);
    jb.push(new Int16Array((RATE * 100) / 1000)); // exactly at capacity is fine
    expect(jb.bufferedMs).toBeCloseTo(1000, 9);
  });

  it('holds far more than maxDelayMs by default: a 10 s answer pushed at once is kept whole', () => {
    const jb = new JitterBuffer({ sampleRate: RATE });
    const answer = speechLike(RATE, 10, 9);
    jb.push(answer);
    jb.end();
    let played = 0;
    while (jb.state !== 'idle') {
      const out = jb.pull();
      const n = Math.min(F, answer.length - played);
      expect(out.subarray(0, n)).toEqual(answer.subarray(played, played + n));
      played += n;
    }
    expect(played).toBe(answer.length);
    expect(jb.stats.removedSamplesForAcceleration).toBe(0);
  });
});

describe('JitterBuffer stats', () => {
  it('add up under a random mix of pushes, pulls, ends, clears and catch-ups', () => {
    const rng = new Prng(42);
    const jb = new JitterBuffer({ sampleRate: RATE });
    const source = speechLike(RATE, 1, 4);
    let pulls = 0;
    for (let step = 0; step < 3000; step++) {
      const r = rng.next();
      if (r < 0.45) {
        const len = Math.floor(rng.next() * 3 * F);
        const at = Math.floor(rng.next() * (source.length - len));
        jb.push(source.subarray(at, at + len));
      } else if (r < 0.93) {
        jb.pull();
        pulls++;
      } else if (r < 0.96) jb.end();
      else if (r < 0.98) jb.clear();
      else jb.catchUp(rng.next() * 100);
      const s = jb.stats;
      const buffered = Math.round((s.bufferedMs * RATE) / 1000);
      expect(s.totalSamplesReceived).toBe(s.jitterBufferEmittedCount + s.removedSamplesForAcceleration + buffered + s.droppedSamples);
      expect(s.silentConcealedSamples).toBeLessThanOrEqual(s.concealedSamples);
      expect(s.concealedSamples + s.jitterBufferEmittedCount).toBeLessThanOrEqual(pulls * F);
      expect(s.insertedSamplesForDeceleration).toBe(0);
      expect(s.jitterBufferDelay).toBeGreaterThanOrEqual(0);
    }
    // Every path was exercised.
    const s = jb.stats;
    expect(s.concealmentEvents).toBeGreaterThan(0);
    expect(s.droppedSamples).toBeGreaterThan(0);
    expect(s.removedSamplesForAcceleration).toBeGreaterThan(0);
  });

  it('jitterBufferDelay sums each emitted sample\'s wait in frame periods, as WebRTC does', () => {
    const jb = new JitterBuffer({ sampleRate: RATE });
    jb.push(new Int16Array(5 * F).fill(1000)); // arrives before pull 0
    jb.end();
    for (let i = 0; i < 6; i++) jb.pull();
    const s = jb.stats;
    let expected = 0;
    for (let frame = 0; frame < 5; frame++) expected += F * frame * (F / RATE);
    expect(s.jitterBufferEmittedCount).toBe(5 * F);
    expect(s.jitterBufferDelay).toBeCloseTo(expected, 9);
  });
});
