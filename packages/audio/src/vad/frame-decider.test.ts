import { describe, expect, it } from 'vitest';
import { FrameDecider, hangoverMs, SCORE_MIDPOINT, scoreToProbability } from './frame-decider.js';

const CLEAN_SNR = 40;
const NOISY_SNR = 0;

describe('scoreToProbability', () => {
  it('is 0.5 at the midpoint and increasing', () => {
    expect(scoreToProbability(SCORE_MIDPOINT)).toBeCloseTo(0.5, 12);
    expect(scoreToProbability(0)).toBeLessThan(0.1);
    expect(scoreToProbability(8)).toBeGreaterThan(0.99);
  });

  it('maps the threshold to the score that opens speech', () => {
    for (const t of [0.2, 0.5, 0.8]) {
      const d = new FrameDecider(t, 10);
      expect(scoreToProbability(d.openScore)).toBeCloseTo(t, 12);
    }
  });
});

describe('FrameDecider', () => {
  it('opens at the threshold and holds down to the lower hold score', () => {
    const d = new FrameDecider(0.5, 10);
    expect(d.holdScore).toBeLessThan(d.openScore);
    expect(d.decide(d.openScore - 0.01, CLEAN_SNR, 0)).toBe(false);
    expect(d.decide(d.openScore, CLEAN_SNR, 0)).toBe(true);
    expect(d.voiced).toBe(true);
    expect(d.decide(d.holdScore, CLEAN_SNR, 0)).toBe(true);
    expect(d.voiced).toBe(true);
  });

  it('opens below the threshold on a sudden rise, never far below', () => {
    const d = new FrameDecider(0.5, 10);
    expect(d.decide(d.onsetScore, CLEAN_SNR, 3)).toBe(false);
    expect(d.decide(d.onsetScore, CLEAN_SNR, 8)).toBe(true);
    d.reset();
    expect(d.decide(d.onsetScore - 0.01, CLEAN_SNR, 20)).toBe(false);
  });

  it.each([10, 20, 30] as const)('bridges a gap for the hangover, longer in noise (%i ms frames)', (frameMs) => {
    for (const snr of [CLEAN_SNR, NOISY_SNR]) {
      const d = new FrameDecider(0.5, frameMs);
      d.decide(10, snr, 0);
      let held = 0;
      while (d.decide(-1, snr, 0)) {
        expect(d.voiced).toBe(false);
        held++;
      }
      expect(held).toBe(Math.round(hangoverMs(snr) / frameMs));
    }
    expect(hangoverMs(NOISY_SNR)).toBeGreaterThan(hangoverMs(CLEAN_SNR));
  });

  it('treats threshold 0 as always speech and 1 as never', () => {
    const always = new FrameDecider(0, 10);
    const never = new FrameDecider(1, 10);
    for (const score of [-5, 0, 3, 1e9]) {
      expect(always.decide(score, CLEAN_SNR, 0)).toBe(true);
      expect(never.decide(score, CLEAN_SNR, 100)).toBe(false);
    }
  });

  it('needs a higher score at a higher threshold', () => {
    const scores = [0.1, 0.3, 0.5, 0.7, 0.9].map((t) => new FrameDecider(t, 10).openScore);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThan(scores[i - 1]!);
  });
});
