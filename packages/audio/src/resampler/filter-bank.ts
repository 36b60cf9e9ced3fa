import type { QualityPreset, ResamplerQuality } from './quality.js';
import { QUALITY_PRESETS } from './quality.js';
import type { Ratio } from './ratio.js';
import { designRow, sincDesign } from './sinc-design.js';
import type { SlidingLayout } from './sliding-layout.js';
import { slidingLayout } from './sliding-layout.js';

/**
 * The coefficient table for one (ratio, quality), and how it is laid out for
 * the kernels. Output k of a ratio up/down is the dot product of the `taps`
 * input samples ending at input index floor(k * down / up) with the phase for
 * the fraction (k * down mod up) / up.
 *
 * Which table (the rule for arbitrary ratios):
 * - exact: one row per distinct fraction, `up` rows, when up <= MAX_EXACT_PHASES
 *   and up * taps <= MAX_EXACT_COEFFICIENTS. Covers every pair of the standard
 *   rates 8000 .. 48000 (the largest is 11025 -> 32000, up = 1280).
 * - interpolated: otherwise (16000 -> 16001, 48000 -> 44056, non-integer
 *   rates): `phases + 1` rows evenly spaced over one input sample, and each
 *   output's coefficients are interpolated linearly between the two rows
 *   around its fraction. `phases` is the preset's `interpolationPhases` scaled
 *   by the filter's bandwidth relative to the input rate (the error of linear
 *   interpolation grows with the square of it), rounded up to a power of two.
 *
 * Which kernel (exact tables):
 * - 'sliding' when down <= MAX_SLIDING_DOWN: the rows are cut into ops by
 *   residue (and folded in half when symmetric), see `sliding-layout.ts`.
 * - 'dense' otherwise: full rows of `taps` coefficients, outputs that share a
 *   row computed together over their windows `down` samples apart.
 * All rows are normalised to sum exactly to one, so every phase passes DC
 * with the same gain.
 */
export interface FilterBank {
  readonly kernel: 'sliding' | 'dense' | 'interpolated';
  /** Filter span in input samples (even). */
  readonly taps: number;
  /** Rows of the exact table (`up`) or interpolation resolution. */
  readonly phases: number;
  /**
   * 'dense': `phases` rows of `taps`; 'interpolated': `phases + 1` rows;
   * 'sliding': the ops' coefficients (see `sliding`).
   */
  readonly coeffs: Float32Array;
  /** 'interpolated' only: row p + 1 minus row p. */
  readonly deltas: Float32Array | null;
  /** 'sliding' only: how each row is walked. */
  readonly sliding: SlidingLayout | null;
  /** Group delay in input samples: taps / 2. */
  readonly delayInput: number;
}

export const MAX_EXACT_PHASES = 2048;
export const MAX_EXACT_COEFFICIENTS = 1 << 18;
export const MAX_SLIDING_DOWN = 6;
const CACHE_LIMIT = 24;

const cache = new Map<string, FilterBank>();

/** The bank for (ratio, quality), built once and kept in a small LRU cache. */
export function filterBankFor(ratio: Ratio, quality: ResamplerQuality): FilterBank {
  const key = `${ratio.up}/${ratio.down}/${quality}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const bank = buildFilterBank(ratio, QUALITY_PRESETS[quality]);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, bank);
  return bank;
}

/** Filter span in input samples for a ratio and preset (even, at least 2). */
export function tapsFor(ratio: Ratio, preset: QualityPreset): number {
  const span = preset.taps * Math.max(1, ratio.down / ratio.up);
  return Math.max(2, 2 * Math.ceil(span / 2 - 1e-9));
}

export function buildFilterBank(ratio: Ratio, preset: QualityPreset): FilterBank {
  const { up, down } = ratio;
  const taps = tapsFor(ratio, preset);
  const exact = up <= MAX_EXACT_PHASES && up * taps <= MAX_EXACT_COEFFICIENTS;
  const lowerOverInput = Math.min(up, down) / down;
  const phases = exact ? up : interpolationPhases(preset, lowerOverInput);
  const design = sincDesign({
    taps,
    phases,
    up,
    down,
    cutoffOfLowerNyquist: (preset.passband + preset.stopband) / 2,
    attenuationDb: preset.attenuationDb,
  });
  const rowCount = exact ? phases : phases + 1;
  const rows = new Float64Array(rowCount * taps);
  for (let p = 0; p < rowCount; p++) designRow(design, p, rows.subarray(p * taps, (p + 1) * taps));
  const delayInput = taps / 2;
  if (!exact) {
    const deltas = new Float32Array(phases * taps);
    for (let i = 0; i < deltas.length; i++) deltas[i] = rows[i + taps]! - rows[i]!;
    return { kernel: 'interpolated', taps, phases, coeffs: Float32Array.from(rows), deltas, sliding: null, delayInput };
  }
  if (down <= MAX_SLIDING_DOWN) {
    const sliding = slidingLayout(rows, phases, taps, down);
    return { kernel: 'sliding', taps, phases, coeffs: sliding.coeffs, deltas: null, sliding, delayInput };
  }
  return { kernel: 'dense', taps, phases, coeffs: Float32Array.from(rows), deltas: null, sliding: null, delayInput };
}

function interpolationPhases(preset: QualityPreset, lowerOverInput: number): number {
  const wanted = preset.interpolationPhases * lowerOverInput;
  return Math.max(16, 2 ** Math.ceil(Math.log2(wanted)));
}
