import { describe, expect, it } from 'vitest';
import { MAX_EXACT_PHASES, buildFilterBank, filterBankFor, tapsFor } from './filter-bank.js';
import type { FilterBank } from './filter-bank.js';
import { besselI0, kaiserBeta } from './kaiser.js';
import { QUALITY_PRESETS } from './quality.js';
import { MAX_RATIO_TERM, reduceRatio } from './ratio.js';
import { designRow, sincDesign } from './sinc-design.js';

/** Row p of an exact table as `taps` coefficients, whatever its layout. */
function expandRow(bank: FilterBank, p: number): number[] {
  const row = new Array<number>(bank.taps).fill(0);
  const layout = bank.sliding;
  if (!layout) {
    for (let j = 0; j < bank.taps; j++) row[j] = bank.coeffs[p * bank.taps + j]!;
    return row;
  }
  const down = layout.stride;
  for (let op = layout.rowOps[p]!; op < layout.rowOps[p + 1]!; op++) {
    for (let i = 0; i < layout.opLen[op]!; i++) {
      const v = bank.coeffs[layout.opCoef[op]! + i]!;
      row[layout.opTap[op]! + i * down] = v;
      if (layout.opKind[op] === 1) row[layout.opMirror[op]! - i * down] = v;
    }
  }
  return row;
}

const STANDARD = [8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000];

describe('ratio', () => {
  it('reduces integer rates exactly', () => {
    expect(reduceRatio(44100, 48000)).toEqual({ up: 160, down: 147 });
    expect(reduceRatio(48000, 16000)).toEqual({ up: 1, down: 3 });
    expect(reduceRatio(16000, 16001)).toEqual({ up: 16001, down: 16000 });
    expect(reduceRatio(48000, 44056)).toEqual({ up: 5507, down: 6000 });
  });

  it('approximates non-integer rates within the term bound', () => {
    const cases: [number, number, number][] = [
      [44100.5, 48000, 1e-12],
      [48000, 8000.25, 1e-12],
      [Math.PI * 1e4, 16000, 1e-11],
      // Co-prime rates whose ratio is within 1e-7 of one: the worst case for the bound.
      [1e9 + 7, 999_999_937, 1e-6],
    ];
    for (const [i, o, tolerance] of cases) {
      const { up, down } = reduceRatio(i, o);
      expect(up).toBeLessThanOrEqual(MAX_RATIO_TERM);
      expect(down).toBeLessThanOrEqual(MAX_RATIO_TERM);
      expect(Math.abs(up / down / (o / i) - 1)).toBeLessThan(tolerance);
    }
  });
});

describe('Kaiser design formulas', () => {
  it('computes I0 from its series', () => {
    expect(besselI0(0)).toBe(1);
    // I0(x) = sum (x/2)^(2k) / (k!)^2, summed here term by term independently.
    for (const x of [0.5, 1, 5, 12.3]) {
      let ref = 0;
      let fact = 1;
      for (let k = 0; k < 60; k++) {
        if (k > 0) fact *= k;
        ref += (x / 2) ** (2 * k) / (fact * fact);
      }
      expect(besselI0(x) / ref - 1).toBeLessThan(1e-13);
    }
  });

  it('follows Kaiser\'s beta formula', () => {
    expect(kaiserBeta(20)).toBe(0);
    expect(kaiserBeta(40)).toBeCloseTo(0.5842 * 19 ** 0.4 + 0.07886 * 19, 12);
    expect(kaiserBeta(100)).toBeCloseTo(0.1102 * 91.3, 12);
  });
});

describe('filter bank', () => {
  it('uses an exact table for every pair of the standard rates', () => {
    for (const i of STANDARD) {
      for (const o of STANDARD) {
        if (i === o) continue;
        const ratio = reduceRatio(i, o);
        expect(ratio.up).toBeLessThanOrEqual(MAX_EXACT_PHASES);
        for (const q of ['fast', 'voice', 'high'] as const) {
          const bank = filterBankFor(ratio, q);
          expect(bank.kernel, `${i}->${o} ${q}`).not.toBe('interpolated');
          expect(bank.phases).toBe(ratio.up);
        }
      }
    }
  });

  it('interpolates for ratios whose exact table would be too large', () => {
    for (const [i, o] of [[16000, 16001], [48000, 44056]]) {
      const bank = buildFilterBank(reduceRatio(i!, o!), QUALITY_PRESETS.voice);
      expect(bank.kernel).toBe('interpolated');
      expect(bank.deltas!.length).toBe(bank.phases * bank.taps);
    }
  });

  it('makes every row of an interpolated table sum to one', () => {
    const bank = buildFilterBank(reduceRatio(16000, 16001), QUALITY_PRESETS.high);
    for (let p = 0; p <= bank.phases; p += 97) {
      let sum = 0;
      for (let j = 0; j < bank.taps; j++) sum += bank.coeffs[p * bank.taps + j]!;
      expect(Math.abs(sum - 1)).toBeLessThan(1e-6);
    }
  });

  it('lays sliding rows out so that they expand back to the designed rows', () => {
    for (const [i, o, q] of [[48000, 16000, 'voice'], [24000, 48000, 'voice'], [16000, 24000, 'high'], [48000, 24000, 'fast'], [32000, 24000, 'high']] as const) {
      const ratio = reduceRatio(i, o);
      const preset = QUALITY_PRESETS[q];
      const bank = buildFilterBank(ratio, preset);
      expect(bank.kernel).toBe('sliding');
      const design = sincDesign({
        taps: bank.taps, phases: bank.phases, up: ratio.up, down: ratio.down,
        cutoffOfLowerNyquist: (preset.passband + preset.stopband) / 2, attenuationDb: preset.attenuationDb,
      });
      const row = new Float64Array(bank.taps);
      for (let p = 0; p < bank.phases; p++) {
        designRow(design, p, row);
        expect(Array.from(expandRow(bank, p)), `${i}->${o} row ${p}`).toEqual(Array.from(Float32Array.from(row)));
      }
    }
  });

  // 'fast' puts its cutoff exactly at the lower Nyquist: the integer phase of an
  // upsampler is then a unit impulse and every third tap of 48k -> 16k is zero.
  it('makes every row of an exact table sum to one, and the integer phase of a Nyquist-cutoff upsampler a unit impulse', () => {
    for (const [i, o] of [[16000, 48000], [44100, 48000], [48000, 16000], [24000, 16000], [8000, 44100]]) {
      const bank = buildFilterBank(reduceRatio(i!, o!), QUALITY_PRESETS.fast);
      for (let p = 0; p < bank.phases; p++) {
        const row = expandRow(bank, p);
        expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-6);
        if (o! > i! && p === 0) {
          expect(row.filter((v) => v !== 0).length).toBe(1);
          expect(row[bank.taps / 2 - 1]).toBe(1);
        }
      }
    }
  });

  it('folds symmetric rows and skips the zero crossings of a Nyquist cutoff: 48k -> 16k needs about taps/3 multiplies', () => {
    const bank = buildFilterBank({ up: 1, down: 3 }, QUALITY_PRESETS.fast);
    const layout = bank.sliding!;
    let multiplies = 0;
    for (let op = layout.rowOps[0]!; op < layout.rowOps[1]!; op++) multiplies += layout.opLen[op]!;
    expect(multiplies).toBeLessThanOrEqual(bank.taps / 3 + 2);
    expect(Array.from(layout.opKind)).toContain(1);
  });

  it('spans the preset taps at the lower rate', () => {
    const voice = QUALITY_PRESETS.voice;
    expect(tapsFor({ up: 3, down: 1 }, voice)).toBe(voice.taps);
    expect(tapsFor({ up: 1, down: 3 }, voice)).toBe(3 * voice.taps);
    expect(tapsFor({ up: 160, down: 441 }, voice) % 2).toBe(0);
  });

  it('caches banks per (ratio, quality)', () => {
    const ratio = reduceRatio(22050, 16000);
    expect(filterBankFor(ratio, 'fast')).toBe(filterBankFor(ratio, 'fast'));
    expect(filterBankFor(ratio, 'fast')).not.toBe(filterBankFor(ratio, 'high'));
  });
});
