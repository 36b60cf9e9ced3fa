import { describe, expect, it } from 'vitest';
import { bandEnergiesFloat, bandEnergiesInt16, planBands } from './band-energy.js';

function analyse(x: Float32Array, rate: number): Float64Array {
  const plan = planBands(rate);
  const out = new Float64Array(plan.levels);
  bandEnergiesFloat(x, 0, x.length, plan, new Float64Array((x.length >> 3) + 1), out);
  return out;
}

function tone(hz: number, rate: number, n: number, amp = 0.5): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = amp * Math.sin((2 * Math.PI * hz * i) / rate + 0.3);
  return out;
}

describe('planBands', () => {
  it.each([
    [8000, 5],
    [16000, 6],
    [22050, 7],
    [44100, 8],
    [48000, 8],
  ])('gives octave bands down to one starting at 80-160 Hz at %i Hz (%i levels)', (rate, levels) => {
    const plan = planBands(rate);
    expect(plan.levels).toBe(levels);
    const lowest = plan.lowerHz[levels - 1]!;
    expect(lowest).toBeGreaterThanOrEqual(80);
    expect(lowest).toBeLessThan(160);
    for (let b = 0; b < levels; b++) expect(plan.lowerHz[b]).toBeCloseTo(rate / 2 ** (b + 2), 9);
  });

  it('ignores bands above 7 kHz and marks the voiced bands under 3.5 kHz', () => {
    const plan = planBands(48000);
    expect(Array.from(plan.weights.slice(0, 2))).toEqual([0, 1]); // 12-24 kHz, 6-12 kHz
    expect(Array.from(plan.voiced)).toEqual([0, 0, 1, 1, 1, 1, 1, 1]); // from 3-6 kHz down
  });
});

describe('bandEnergies', () => {
  it.each([200, 300, 700, 1500, 3000, 6000])('puts most of a %i Hz tone in the band that holds it (16 kHz)', (hz) => {
    const rate = 16000;
    const plan = planBands(rate);
    const e = analyse(tone(hz, rate, 480), rate);
    const loudest = e.indexOf(Math.max(...e));
    expect(plan.lowerHz[loudest]! <= hz && hz < 2 * plan.lowerHz[loudest]!).toBe(true);
  });

  it('has no response to a DC offset', () => {
    const e = analyse(new Float32Array(480).fill(0.25), 16000);
    for (const v of e) expect(v).toBe(0);
  });

  it('halves white noise energy from one band to the next', () => {
    let seed = 7;
    const x = new Float32Array(1 << 16).map(() => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32 - 0.5;
    });
    const e = analyse(x, 16000);
    for (let b = 1; b < e.length; b++) expect(10 * Math.log10(e[b - 1]! / e[b]!)).toBeCloseTo(3.01, 0);
  });

  it('gives bit-identical results from PCM16 and from the same samples as floats', () => {
    const plan = planBands(44100);
    for (const n of [441, 480, 882, 1323, 7, 13]) {
      const words = new Int32Array((n + 1) >> 1);
      const pcm = new Int16Array(words.buffer, 0, n);
      for (let i = 0; i < n; i++) pcm[i] = Math.round(30000 * Math.sin(i * 0.37) * Math.cos(i * 0.011));
      pcm[0] = -32768;
      const floats = Float32Array.from(pcm, (v) => v / 32768);
      const a = new Float64Array(plan.levels);
      const b = new Float64Array(plan.levels);
      bandEnergiesInt16(pcm, words, n, plan, new Float64Array(n), a);
      bandEnergiesFloat(floats, 0, n, plan, new Float64Array(n), b);
      expect(a).toEqual(b);
    }
  });

  it('reads from an offset and drops an odd sample left at a level', () => {
    const plan = planBands(16000);
    const x = tone(1000, 16000, 700);
    const a = new Float64Array(plan.levels);
    const b = new Float64Array(plan.levels);
    bandEnergiesFloat(x, 100, 163, plan, new Float64Array(64), a);
    bandEnergiesFloat(x.slice(100, 262), 0, 162, plan, new Float64Array(64), b);
    expect(a).toEqual(b);
  });
});
