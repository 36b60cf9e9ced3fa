import { describe, expect, it } from 'vitest';
import { JitterBuffer } from './jitter-buffer.js';
import { maxJump, play, speechLike, type Arrival } from './test-support/traces.js';
import { bestLag, periodRange } from './time-stretch.js';

const RATE = 24_000;
const F = 480;

/** Plays a pushed-and-ended buffer to idle; returns the output up to the last played sample. */
function drain(jb: JitterBuffer): Int16Array {
  const frames: Int16Array[] = [];
  let last = 0;
  while (jb.state !== 'idle') {
    frames.push(jb.pull());
    const s = jb.stats;
    last = s.jitterBufferEmittedCount;
  }
  const out = new Int16Array(frames.length * F);
  for (const [i, f] of frames.entries()) out.set(f, i * F);
  return out.subarray(0, last);
}

describe('JitterBuffer catch-up (pitch-preserving acceleration)', () => {
  it('on a tone whose period is a whole number of samples, removes whole periods and the output stays the tone', () => {
    const period = 120; // 200 Hz at 24 kHz
    const tone = new Int16Array(RATE * 2);
    for (let i = 0; i < tone.length; i++) tone[i] = Math.round(10_000 * Math.sin((2 * Math.PI * i) / period));
    const jb = new JitterBuffer({ sampleRate: RATE });
    jb.push(tone);
    jb.end();
    jb.catchUp(200);
    const out = drain(jb);
    const s = jb.stats;
    expect(s.removedSamplesForAcceleration % period).toBe(0);
    expect(s.removedSamplesForAcceleration).toBe((RATE * 200) / 1000);
    expect(out.length).toBe(tone.length - s.removedSamplesForAcceleration);
    expect(out).toEqual(tone.subarray(0, out.length));
    // Input consumed counts as played, including what was merged away.
    expect(jb.playedMs).toBeCloseTo(2000, 9);
  });

  it('on speech-like audio, shortens by about the asked amount without clicks', () => {
    const signal = speechLike(RATE, 3, 6);
    const jb = new JitterBuffer({ sampleRate: RATE });
    jb.push(signal);
    jb.end();
    jb.catchUp(300);
    const out = drain(jb);
    const s = jb.stats;
    const { max } = periodRange(RATE);
    const removedMs = (s.removedSamplesForAcceleration * 1000) / RATE;
    expect(removedMs).toBeGreaterThanOrEqual(300 - (max * 1000) / RATE);
    expect(removedMs).toBeLessThanOrEqual(300 + (max * 1000) / RATE);
    expect(out.length).toBe(signal.length - s.removedSamplesForAcceleration);
    // A crossfade between two similar periods may step a little past the signal's own
    // steepest slope; a click would be several times larger.
    expect(maxJump(out)).toBeLessThanOrEqual(1.25 * maxJump(signal));
    expect(s.totalSamplesReceived).toBe(s.jitterBufferEmittedCount + s.removedSamplesForAcceleration);
  });

  it('finds the period of a voiced signal', () => {
    const x = new Int16Array(2 * 300);
    const period = 97;
    for (let i = 0; i < x.length; i++) x[i] = Math.round(8000 * Math.sin((2 * Math.PI * i) / period) + 3000 * Math.sin((4 * Math.PI * i) / period + 1));
    // Within a range holding one period it is that period; multiples repeat as well.
    expect(bestLag(x, 60, 150, RATE)).toBe(period);
    expect(bestLag(x, 60, 300, RATE) % period).toBe(0);
  });

  it('never speeds up by itself, however far ahead the sender runs', () => {
    // 4 s pushed within 80 ms, with a 30 s answer's worth of capacity: all of it is held and played.
    const signal = speechLike(RATE, 4, 12);
    const arrivals: Arrival[] = [];
    for (let i = 0; i * F < signal.length; i++) {
      arrivals.push({ atMs: Math.floor(i / 50) * 20, start: i * F, samples: signal.subarray(i * F, (i + 1) * F) });
    }
    const jb = new JitterBuffer({ sampleRate: RATE, maxDelayMs: 100, targetDelayMs: 60 });
    const run = play(jb, arrivals, signal.length, 20);
    expect(jb.stats.removedSamplesForAcceleration).toBe(0);
    let exact = 0;
    for (let k = 0; k < signal.length; k++) if (run.out[run.playedAt[k]!] === signal[k]) exact++;
    expect(exact).toBe(signal.length);
  });
});
