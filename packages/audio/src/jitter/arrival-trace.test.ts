import { describe, expect, it } from 'vitest';
import { JitterBuffer } from './jitter-buffer.js';
import {
  addedDelayMs,
  burstyTrace,
  jitteryTrace,
  maxOf,
  play,
  speechLike,
  stallTrace,
  steadyTrace,
  type Arrival,
  type Run,
} from './test-support/traces.js';

const RATE = 24_000;
const FRAME_MS = 20;

function expectBitExact(run: Run, signal: Int16Array): void {
  let unplayed = 0;
  let firstDiff = -1;
  let gaps = 0;
  for (let k = 0; k < signal.length; k++) {
    const at = run.playedAt[k]!;
    if (at < 0) unplayed++;
    else if (firstDiff < 0 && run.out[at] !== signal[k]) firstDiff = k;
    // Played content is contiguous in the output: no gaps, no repeats.
    if (k > 0 && at - run.playedAt[k - 1]! !== 1) gaps++;
  }
  expect({ unplayed, firstDiff, gaps }).toEqual({ unplayed: 0, firstDiff: -1, gaps: 0 });
}

function lateness(arrivals: Arrival[]): number {
  // How late, at worst, a burst comes relative to the earliest-running one.
  const rel = arrivals.map((a) => a.atMs - (a.start * 1000) / RATE);
  return Math.max(...rel) - Math.min(...rel);
}

describe('JitterBuffer under arrival traces (24 kHz, default options)', () => {
  const signal = speechLike(RATE, 12, 7);

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`bursts of 200 ms with up to 150 ms lateness (seed ${seed}): no concealment, <= 150 ms added delay, bit-exact`, () => {
      const arrivals = burstyTrace(signal, RATE, seed, 200, 150);
      expect(arrivals.length).toBe(60);
      // The trace does what it says: real-time on average, lateness spread close to 150 ms.
      expect(lateness(arrivals)).toBeGreaterThan(120);
      const jb = new JitterBuffer({ sampleRate: RATE });
      const run = play(jb, arrivals, signal.length, FRAME_MS);
      const s = jb.stats;
      expect(s.concealmentEvents).toBe(0);
      expect(s.concealedSamples).toBe(0);
      expect(s.removedSamplesForAcceleration).toBe(0);
      const added = addedDelayMs(run, arrivals, RATE, FRAME_MS);
      expect(maxOf(added)).toBeLessThanOrEqual(150);
      expectBitExact(run, signal);
      expect(jb.playedMs).toBeCloseTo((signal.length * 1000) / RATE, 9);
      expect(s.jitterBufferEmittedCount).toBe(signal.length);
    });
  }

  it('a burst pushed as many small deltas behaves as one push', () => {
    const arrivals = burstyTrace(signal, RATE, 1, 200, 150).flatMap((a) =>
      Array.from({ length: 10 }, (_, i) => ({ atMs: a.atMs, start: a.start + i * 480, samples: a.samples.subarray(i * 480, (i + 1) * 480) })),
    );
    const jb = new JitterBuffer({ sampleRate: RATE });
    const run = play(jb, arrivals, signal.length, FRAME_MS);
    expect(jb.stats.concealmentEvents).toBe(0);
    expect(maxOf(addedDelayMs(run, arrivals, RATE, FRAME_MS))).toBeLessThanOrEqual(150);
    expectBitExact(run, signal);
  });

  it('steady real-time pieces: starts after the target delay, never conceals, bit-exact', () => {
    const arrivals = steadyTrace(signal, RATE);
    const jb = new JitterBuffer({ sampleRate: RATE });
    const run = play(jb, arrivals, signal.length, FRAME_MS);
    expect(jb.stats.concealmentEvents).toBe(0);
    const added = addedDelayMs(run, arrivals, RATE, FRAME_MS);
    expect(maxOf(added)).toBeLessThanOrEqual(60);
    expect(maxOf(added)).toBeGreaterThanOrEqual(60 - FRAME_MS);
    expectBitExact(run, signal);
  });

  it('a sender far ahead of real time (12 s within ~1 s) is held, not sped up or dropped', () => {
    const arrivals = steadyTrace(signal, RATE, 200).map((a, i) => ({ ...a, atMs: i * 15 }));
    const jb = new JitterBuffer({ sampleRate: RATE });
    const run = play(jb, arrivals, signal.length, FRAME_MS);
    const s = jb.stats;
    expect(s.removedSamplesForAcceleration).toBe(0);
    expect(s.droppedSamples).toBe(0);
    expect(s.concealmentEvents).toBe(0);
    expectBitExact(run, signal);
    // Held far more than maxDelayMs at its peak, without complaint.
    const added = addedDelayMs(run, arrivals, RATE, FRAME_MS);
    expect(maxOf(added)).toBeLessThanOrEqual(60);
  });

  it('a 500 ms stall conceals once, then the target covers it and playback resumes without more', () => {
    const arrivals = stallTrace(signal, RATE, 3000, 500);
    const jb = new JitterBuffer({ sampleRate: RATE });
    const run = play(jb, arrivals, signal.length, FRAME_MS);
    const s = jb.stats;
    expect(s.concealmentEvents).toBe(1);
    // It conceals what the stall took beyond the 60 ms margin, to within a frame.
    const concealedMs = (s.concealedSamples * 1000) / RATE;
    expect(concealedMs).toBeGreaterThan(500 - 60 - 2 * FRAME_MS);
    expect(concealedMs).toBeLessThan(500 - 60 + 2 * FRAME_MS);
    // The target now covers the stall, so a repeat within the window would not underrun.
    expect(s.targetDelayMs).toBeGreaterThanOrEqual(500 - FRAME_MS);
    expect(Array.from(run.playedAt).every((at) => at >= 0)).toBe(true);
  });

  it('without adaptation the same bursty traces do underrun (the burst allowance is what prevents it)', () => {
    let events = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const jb = new JitterBuffer({ sampleRate: RATE, adaptive: false });
      play(jb, burstyTrace(signal, RATE, seed, 200, 150), signal.length, FRAME_MS);
      events += jb.stats.concealmentEvents;
    }
    expect(events).toBeGreaterThan(0);
  });

  it('heavy jitter: what one response taught carries to the next, which conceals less', () => {
    const short = speechLike(RATE, 4, 3);
    const second = { adaptive: 0, fixed: 0 };
    let adaptiveFirst = 0;
    for (let seed = 1; seed <= 8; seed++) {
      for (const adaptive of [true, false]) {
        const jb = new JitterBuffer({ sampleRate: RATE, adaptive });
        play(jb, jitteryTrace(short, RATE, seed, 20, 300), short.length, FRAME_MS);
        const first = jb.stats.concealmentEvents;
        const run = play(jb, jitteryTrace(short, RATE, seed + 100, 20, 300), short.length, FRAME_MS);
        expect(Array.from(run.playedAt).every((at) => at >= 0)).toBe(true);
        if (adaptive) {
          adaptiveFirst += first;
          second.adaptive += jb.stats.concealmentEvents - first;
          expect(jb.targetDelayMs).toBeGreaterThan(60);
        } else {
          second.fixed += jb.stats.concealmentEvents - first;
        }
      }
    }
    expect(second.adaptive).toBeLessThan(adaptiveFirst);
    expect(second.adaptive * 2).toBeLessThan(second.fixed);
  });
});
