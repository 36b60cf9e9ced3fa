import { describe, expect, it } from 'vitest';
import { gaussianSource, seededRandom } from '../test-support/prng.mjs';
import { planBands } from './band-energy.js';
import { SCORE_MIDPOINT } from './frame-decider.js';
import { NoiseModel } from './noise-model.js';

const FRAME_MS = 10;
const plan = planBands(16000);

/** Band energies like those of white noise at `gainDb` (mean squares of 80, 40, 20... samples). */
function noiseFrames(count: number, gainDb: number, seed = 1): Float64Array[] {
  const gauss = gaussianSource(seededRandom(seed));
  const frames: Float64Array[] = [];
  for (let k = 0; k < count; k++) {
    const e = new Float64Array(plan.levels);
    for (let b = 0; b < plan.levels; b++) {
      const n = Math.max(2, 80 >> b);
      let acc = 0;
      for (let i = 0; i < n; i++) acc += gauss() ** 2;
      e[b] = (acc / n) * 10 ** (gainDb / 10) * 2 ** -b;
    }
    frames.push(e);
  }
  return frames;
}

/** Feeds frames with the decision a detector at the default threshold would take. */
function run(model: NoiseModel, frames: Float64Array[]): number[] {
  const scores: number[] = [];
  let voiced = false;
  for (const f of frames) {
    const s = model.score(f, voiced);
    voiced = s >= SCORE_MIDPOINT;
    scores.push(s);
  }
  return scores;
}

describe('NoiseModel', () => {
  it('scores stationary noise low once it has learned it', () => {
    const model = new NoiseModel(plan.weights, plan.voiced, FRAME_MS);
    const scores = run(model, noiseFrames(3000, -40)).slice(100);
    const above = scores.filter((s) => s >= SCORE_MIDPOINT).length / scores.length;
    expect(above).toBeLessThan(0.01);
  });

  it('scores a frame well above the noise high, and reports the SNR and the rise', () => {
    const model = new NoiseModel(plan.weights, plan.voiced, FRAME_MS);
    run(model, noiseFrames(300, -40));
    const loud = noiseFrames(1, -40 + 20, 9)[0]!;
    expect(model.score(loud, false)).toBeGreaterThan(5);
    expect(model.snrDb).toBeGreaterThan(5);
    expect(model.riseDb).toBeGreaterThan(15);
  });

  it('accepts a lasting rise of the noise within a few seconds', () => {
    const model = new NoiseModel(plan.weights, plan.voiced, FRAME_MS);
    run(model, noiseFrames(500, -50));
    const after = run(model, noiseFrames(1000, -30, 2));
    let lastLoud = -1;
    after.forEach((s, k) => {
      if (s >= SCORE_MIDPOINT) lastLoud = k;
    });
    expect(after[0]).toBeGreaterThan(SCORE_MIDPOINT);
    expect(lastLoud * FRAME_MS).toBeLessThan(5000);
  });

  it('follows a drop of the noise', () => {
    const model = new NoiseModel(plan.weights, plan.voiced, FRAME_MS);
    run(model, noiseFrames(500, -30));
    const after = run(model, noiseFrames(300, -50, 3));
    const louder = noiseFrames(1, -50 + 15, 4)[0]!;
    expect(after.slice(100).every((s) => s < SCORE_MIDPOINT)).toBe(true);
    expect(model.score(louder, false)).toBeGreaterThan(SCORE_MIDPOINT);
  });

  it('stays finite on digital silence and starts over after reset()', () => {
    const model = new NoiseModel(plan.weights, plan.voiced, FRAME_MS);
    const zeros = Array.from({ length: 50 }, () => new Float64Array(plan.levels));
    for (const s of run(model, zeros)) expect(Number.isFinite(s)).toBe(true);
    model.reset();
    expect(model.score(noiseFrames(1, 0)[0]!, false)).toBe(0);
  });
});
