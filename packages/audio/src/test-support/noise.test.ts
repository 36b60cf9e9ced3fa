import { describe, expect, it } from 'vitest';
import { pinkNoise, whiteNoise } from './noise.mjs';

const RATE = 16000;

/** Mean power at `hz` (Goertzel over 1024-sample blocks), in dB. */
function powerAtDb(x: Float32Array, hz: number): number {
  const block = 1024;
  const w = (2 * Math.PI * hz) / RATE;
  const coeff = 2 * Math.cos(w);
  let total = 0;
  let blocks = 0;
  for (let start = 0; start + block <= x.length; start += block) {
    let s1 = 0;
    let s2 = 0;
    for (let i = start; i < start + block; i++) {
      const s0 = x[i]! + coeff * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    total += s1 * s1 + s2 * s2 - coeff * s1 * s2;
    blocks++;
  }
  return 10 * Math.log10(total / blocks);
}

function rms(x: Float32Array): number {
  let acc = 0;
  for (const v of x) acc += v * v;
  return Math.sqrt(acc / x.length);
}

describe('noise generators', () => {
  it('white noise is unit RMS with a flat spectrum', () => {
    const x = whiteNoise(RATE * 8, 3);
    expect(rms(x)).toBeCloseTo(1, 6);
    const low = powerAtDb(x, 250);
    expect(Math.abs(powerAtDb(x, 1000) - low)).toBeLessThan(1);
    expect(Math.abs(powerAtDb(x, 4000) - low)).toBeLessThan(1);
  });

  it('pink noise falls by about 3 dB per octave', () => {
    const x = pinkNoise(RATE * 8, 3);
    expect(rms(x)).toBeCloseTo(1, 6);
    const slope = (powerAtDb(x, 4000) - powerAtDb(x, 250)) / 4;
    expect(slope).toBeGreaterThan(-4);
    expect(slope).toBeLessThan(-2);
  });

  it('is reproducible per seed and differs between seeds', () => {
    expect(whiteNoise(1000, 9)).toEqual(whiteNoise(1000, 9));
    expect(pinkNoise(1000, 9)).toEqual(pinkNoise(1000, 9));
    expect(whiteNoise(1000, 9)).not.toEqual(whiteNoise(1000, 10));
  });
});
