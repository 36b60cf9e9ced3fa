import { describe, expect, it } from 'vitest';
import { DB_PER_OCTAVE, log2Approx } from './fast-log.js';

describe('log2Approx', () => {
  it('is within 2e-4 of log2 from 1e-30 to 1e30', () => {
    let worst = 0;
    for (let e = -100; e <= 100; e += 0.0137) {
      const x = 10 ** (e * 0.3);
      worst = Math.max(worst, Math.abs(log2Approx(x) - Math.log2(x)));
    }
    expect(worst).toBeLessThan(2e-4);
  });

  it('is exact at powers of two and increasing', () => {
    for (let k = -60; k <= 60; k++) expect(log2Approx(2 ** k)).toBe(k);
    let previous = Number.NEGATIVE_INFINITY;
    for (let x = 0.5; x < 4; x += 1 / 4096) {
      const y = log2Approx(x);
      expect(y).toBeGreaterThanOrEqual(previous);
      previous = y;
    }
  });

  it('converts to decibels', () => {
    expect(DB_PER_OCTAVE * log2Approx(100)).toBeCloseTo(20, 2);
  });
});
