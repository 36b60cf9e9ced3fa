import { describe, expect, it } from 'vitest';
import { fadeInGain, toPcm16 } from './fade.js';
import { JitterBuffer } from './jitter-buffer.js';
import { maxJump, play, speechLike, type Arrival } from './test-support/traces.js';

const RATE = 24_000;
const FRAME_MS = 20;
const F = 480;

function tone(hz: number, seconds: number, amplitude: number): Int16Array {
  const out = new Int16Array(Math.round(RATE * seconds));
  for (let i = 0; i < out.length; i++) out[i] = Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / RATE));
  return out;
}

/** Real-time pieces of `pieceMs`; from piece `gapAt` on, everything arrives `gapMs` later. */
function gapTrace(signal: Int16Array, pieceMs: number, gapAt: number, gapMs: number): Arrival[] {
  const piece = (RATE * pieceMs) / 1000;
  const out: Arrival[] = [];
  for (let i = 0; i * piece < signal.length; i++) {
    out.push({ atMs: i * pieceMs + (i >= gapAt ? gapMs : 0), start: i * piece, samples: signal.subarray(i * piece, (i + 1) * piece) });
  }
  return out;
}

/** The piece boundary (index in pieces, from `min`) whose last sample is loudest: the worst place to cut. */
function loudestCut(signal: Int16Array, piece: number, min: number, max: number): number {
  let best = min;
  for (let i = min; i <= max; i++) if (Math.abs(signal[i * piece - 1]!) > Math.abs(signal[best * piece - 1]!)) best = i;
  return best;
}

describe('JitterBuffer underrun concealment', () => {
  for (const [name, signal] of [
    ['a 440 Hz tone', tone(440, 2, 12_000)],
    ['speech-like audio', speechLike(RATE, 2, 3)],
  ] as const) {
    for (const pieceMs of [20, 30]) {
      it(`${name} in ${pieceMs} ms pieces: fades out and back in without a click, bit-exact elsewhere`, () => {
        const piece = (RATE * pieceMs) / 1000;
        const gapAt = loudestCut(signal, piece, 20, 30);
        const cutSample = gapAt * piece;
        // A hard cut here would step by far more than the signal ever moves between samples.
        const ownJump = maxJump(signal);
        expect(Math.abs(signal[cutSample - 1]!)).toBeGreaterThan(2 * ownJump);

        const jb = new JitterBuffer({ sampleRate: RATE });
        const arrivals = gapTrace(signal, pieceMs, gapAt, 200);
        const run = play(jb, arrivals, signal.length, FRAME_MS);
        const s = jb.stats;
        expect(s.concealmentEvents).toBe(1);

        const lastReal = run.playedAt[cutSample - 1]!;
        const resumed = run.playedAt[cutSample]!;
        expect(resumed - lastReal - 1).toBe(s.concealedSamples);
        const R = (RATE * 5) / 1000;
        expect(s.silentConcealedSamples).toBe(s.concealedSamples - R);
        expect(maxJump(run.out, lastReal - R, resumed + 2 * R)).toBeLessThanOrEqual(ownJump);

        // Re-prebuffered: resumed once the target was buffered again, not before.
        const piecesFor60 = Math.ceil(60 / pieceMs);
        const refilledTick = Math.ceil((gapAt * pieceMs + 200 + (piecesFor60 - 1) * pieceMs) / FRAME_MS);
        const resumeTick = resumed / F;
        expect(Number.isInteger(resumeTick)).toBe(true);
        expect(resumeTick).toBeGreaterThanOrEqual(refilledTick);
        expect(resumeTick).toBeLessThanOrEqual(refilledTick + 1);
        // ...and the target now covers a lateness like this one.
        expect(jb.targetDelayMs).toBeGreaterThanOrEqual(200 - FRAME_MS);

        // Every played sample is the input, except the fade-in right after the gap.
        let mismatches = 0;
        for (let k = 0; k < signal.length; k++) {
          const j = k - cutSample;
          const want = j >= 0 && j < R ? toPcm16(signal[k]! * fadeInGain(j, R)) : signal[k]!;
          if (run.out[run.playedAt[k]!] !== want) mismatches++;
        }
        expect(mismatches).toBe(0);
        expect(s.jitterBufferEmittedCount).toBe(signal.length);
      });
    }
  }

  it('with fadeMs 0 the same cut is a click (the fade is what removes it)', () => {
    const signal = tone(440, 2, 12_000);
    const gapAt = loudestCut(signal, F, 20, 30);
    const jb = new JitterBuffer({ sampleRate: RATE, fadeMs: 0 });
    const run = play(jb, gapTrace(signal, FRAME_MS, gapAt, 200), signal.length, FRAME_MS);
    const lastReal = run.playedAt[gapAt * F - 1]!;
    expect(maxJump(run.out, lastReal - 10, lastReal + 10)).toBeGreaterThan(2 * maxJump(signal));
  });

  it('counts one event per contiguous concealment, and none once end() says the stream is over', () => {
    const signal = speechLike(RATE, 1, 8);
    const jb = new JitterBuffer({ sampleRate: RATE });
    for (let n = 0; n < 10; n++) {
      jb.push(signal.subarray(n * F, (n + 1) * F));
      jb.pull();
    }
    for (let n = 0; n < 5; n++) jb.pull(); // starved
    expect(jb.state).toBe('underrun');
    const s1 = jb.stats;
    expect(s1.concealmentEvents).toBe(1);
    expect(s1.concealedSamples).toBeGreaterThan(0);
    jb.end();
    expect(jb.state).toBe('idle');
    for (let n = 0; n < 5; n++) expect(jb.pull().every((v) => v === 0)).toBe(true);
    const s2 = jb.stats;
    expect(s2.concealedSamples).toBe(s1.concealedSamples);
    expect(s2.concealmentEvents).toBe(1);
  });

  it('prebuffer silence at the start of a stream is not concealment', () => {
    const jb = new JitterBuffer({ sampleRate: RATE, targetDelayMs: 200 });
    jb.push(new Int16Array(F).fill(3000));
    for (let n = 0; n < 20; n++) jb.pull();
    expect(jb.state).toBe('prebuffering');
    expect(jb.stats.concealedSamples).toBe(0);
  });
});
