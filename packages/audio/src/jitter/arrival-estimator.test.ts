import { describe, expect, it } from 'vitest';
import { ArrivalEstimator } from './arrival-estimator.js';

const F = 480;
const WINDOW = 50; // ticks

describe('ArrivalEstimator', () => {
  it('sees no jitter in a real-time sender and reports its piece size as the burst', () => {
    const est = new ArrivalEstimator(F, WINDOW);
    for (let t = 0; t < 100; t++) est.observe(t, 1, t * F, F);
    expect(est.jitterSamples(100)).toBe(0);
    expect(est.burstSamples(100)).toBe(F);
    expect(est.reference(100)).toBe(0);
  });

  it('measures a late piece by how far it trails the best pace', () => {
    const est = new ArrivalEstimator(F, WINDOW);
    for (let t = 0; t < 10; t++) est.observe(t, 1, t * F, F);
    est.observe(17, 1, 10 * F, F); // due at tick 10, came at 17
    expect(est.jitterSamples(17)).toBe(7 * F);
    // The reference is still the on-time pace.
    expect(est.reference(17)).toBe(0);
  });

  it('does not count a sender running ahead of real time as jitter', () => {
    const est = new ArrivalEstimator(F, WINDOW);
    for (let t = 0; t < 20; t++) est.observe(t, 1, t * 10 * F, 10 * F); // 10 frames per tick
    expect(est.jitterSamples(20)).toBe(0);
    expect(est.reference(20)).toBe(19 * F - 19 * 10 * F);
    expect(est.burstSamples(20)).toBe(10 * F);
  });

  it('merges pieces pushed in the same tick into one burst', () => {
    const est = new ArrivalEstimator(F, WINDOW);
    for (let i = 0; i < 10; i++) est.observe(0, 1, i * F, F);
    expect(est.burstSamples(0)).toBe(10 * F);
    expect(est.jitterSamples(0)).toBe(0);
    // One arrival: the later pieces of the burst do not make the sender look ahead.
    expect(est.reference(0)).toBe(0);
    const whole = new ArrivalEstimator(F, WINDOW);
    whole.observe(0, 1, 0, 10 * F);
    expect(whole.reference(0)).toBe(est.reference(0));
  });

  it('forgets what falls out of the window', () => {
    const est = new ArrivalEstimator(F, WINDOW);
    est.observe(0, 1, 0, F);
    // The sender stalls 8 ticks and carries on at that later pace.
    for (let t = 9; t < 9 + 3 * WINDOW; t++) {
      est.observe(t, 1, (t - 8) * F, F);
      if (t === 9 + WINDOW - 5) expect(est.jitterSamples(t)).toBe(8 * F);
    }
    const now = 9 + 3 * WINDOW;
    // Once the on-time pace has aged out, the later pace is the reference and nothing is late.
    expect(est.reference(now)).toBe(8 * F);
    expect(est.jitterSamples(now)).toBe(0);
  });

  it('starts each stream from its own reference but keeps earlier streams\' jitter in the window', () => {
    const est = new ArrivalEstimator(F, WINDOW);
    est.observe(0, 1, 0, F);
    est.observe(6, 1, F, F); // 5 ticks late
    est.observe(20, 2, 2 * F, F); // a new stream, much later: not late in itself
    expect(est.reference(20)).toBe(20 * F - 2 * F);
    expect(est.jitterSamples(20)).toBe(5 * F);
    est.reset();
    expect(est.jitterSamples(20)).toBe(0);
    expect(est.burstSamples(20)).toBe(0);
  });
});
