/**
 * Sub-band energies by a Haar wavelet pyramid: at each level neighbouring
 * samples are summed (the next level's input, at half the rate) and
 * differenced (the detail: the upper half of the current band). Level j thus
 * covers roughly [rate / 2^(j+1), rate / 2^j). Only additions and one multiply
 * per pair, no filter state (nothing depends on how the input was chunked),
 * and no response at DC: an offset never looks like speech.
 *
 * The first three levels run fused, straight from the caller's samples; the
 * rest work on the eighth-rate sums, kept unnormalized (the energies are
 * rescaled at the end).
 */

/** Lowest band edge wanted: the pyramid stops before its bottom band drops under this. */
const LOWEST_EDGE_HZ = 80;
/** Bands starting at or above this carry no weight (no speech cue up there). */
const IGNORED_FROM_HZ = 7000;
/** Bands starting below this (the voiced region, dense in babble too) weigh a little less than the upper ones. */
const FULL_WEIGHT_FROM_HZ = 1750;
const LOWER_BAND_WEIGHT = 0.8;
/** Bands starting below this hold the voiced speech energy the SNR estimate looks at. */
const VOICED_BELOW_HZ = 3500;
const INT16_STEP = 1 / 32768;

export interface BandPlan {
  /** Number of pyramid levels (at least 3), one band each; band 0 = level 1, the highest. */
  levels: number;
  /** Weight of each band in the speech score: 0 (ignored), 0.8 or 1. */
  weights: Float64Array;
  /** 1 for the bands of voiced speech (lower edge under 3.5 kHz), used for the SNR estimate. */
  voiced: Uint8Array;
  /** Lower edge of each band in Hz. */
  lowerHz: Float64Array;
}

/** The band layout for a sample rate (>= 8000): octave bands from Nyquist down to one starting at 80-160 Hz. */
export function planBands(sampleRate: number): BandPlan {
  let levels = 3;
  while (sampleRate / 2 ** (levels + 2) >= LOWEST_EDGE_HZ) levels++;
  const weights = new Float64Array(levels);
  const voiced = new Uint8Array(levels);
  const lowerHz = new Float64Array(levels);
  for (let b = 0; b < levels; b++) {
    const lower = sampleRate / 2 ** (b + 2);
    lowerHz[b] = lower;
    weights[b] = lower >= IGNORED_FROM_HZ ? 0 : lower >= FULL_WEIGHT_FROM_HZ ? 1 : LOWER_BAND_WEIGHT;
    voiced[b] = lower < VOICED_BELOW_HZ ? 1 : 0;
  }
  return { levels, weights, voiced, lowerHz };
}

/**
 * Band energies (mean squares of each level's details, comparable across
 * levels) of `length` float samples of `src` from `offset`, into `out`.
 * `sums` is scratch of at least length/8 + 1 entries. An odd sample left at a
 * level is dropped.
 */
export function bandEnergiesFloat(
  src: Float32Array,
  offset: number,
  length: number,
  plan: BandPlan,
  sums: Float64Array,
  out: Float64Array,
): void {
  const groups = length >> 3;
  let e1 = 0;
  let e2 = 0;
  let e3 = 0;
  let j = 0;
  const end = offset + 8 * groups;
  for (let i = offset; i < end; i += 8) {
    const x0 = src[i]!;
    const x1 = src[i + 1]!;
    const x2 = src[i + 2]!;
    const x3 = src[i + 3]!;
    const x4 = src[i + 4]!;
    const x5 = src[i + 5]!;
    const x6 = src[i + 6]!;
    const x7 = src[i + 7]!;
    const a0 = x0 - x1;
    const a1 = x2 - x3;
    const a2 = x4 - x5;
    const a3 = x6 - x7;
    const s0 = x0 + x1;
    const s1 = x2 + x3;
    const s2 = x4 + x5;
    const s3 = x6 + x7;
    const b0 = s0 - s1;
    const b1 = s2 - s3;
    const t0 = s0 + s1;
    const t1 = s2 + s3;
    const c = t0 - t1;
    e1 += a0 * a0 + a1 * a1 + a2 * a2 + a3 * a3;
    e2 += b0 * b0 + b1 * b1;
    e3 += c * c;
    sums[j++] = t0 + t1;
  }
  // Tail (fewer than 8 samples): its level-1 pairs, and a level-2 pair if
  // two level-1 pairs are complete. Nothing reaches level 3.
  const tailPairs = (length & 7) >> 1;
  let previous = 0;
  for (let p = 0; p < tailPairs; p++) {
    const a = src[end + 2 * p]!;
    const b = src[end + 2 * p + 1]!;
    e1 += (a - b) * (a - b);
    if (p === 1) e2 += (previous - (a + b)) * (previous - (a + b));
    previous = a + b;
  }
  finish(e1, 4 * groups + tailPairs, e2, 2 * groups + (tailPairs >> 1), e3, groups, plan, sums, out);
}

/**
 * As bandEnergiesFloat for the first `length` PCM16 samples (value / 32768)
 * of `ints`, read two per load through `words`, an Int32Array over the same
 * memory. Which half of a word is the first sample depends on the host's
 * byte order, but the pyramid only uses a pair's sum and the square of its
 * difference, so the order within a pair does not matter. Every
 * intermediate value is exact, so the result is bit-identical to the same
 * frame analysed as floats.
 */
export function bandEnergiesInt16(
  ints: Int16Array,
  words: Int32Array,
  length: number,
  plan: BandPlan,
  sums: Float64Array,
  out: Float64Array,
): void {
  const groups = length >> 3;
  const k = INT16_STEP;
  let e1 = 0;
  let e2 = 0;
  let e3 = 0;
  let j = 0;
  const wordEnd = 4 * groups;
  for (let i = 0; i < wordEnd; i += 4) {
    const w0 = words[i]!;
    const w1 = words[i + 1]!;
    const w2 = words[i + 2]!;
    const w3 = words[i + 3]!;
    const l0 = (w0 << 16) >> 16;
    const l1 = (w1 << 16) >> 16;
    const l2 = (w2 << 16) >> 16;
    const l3 = (w3 << 16) >> 16;
    const h0 = w0 >> 16;
    const h1 = w1 >> 16;
    const h2 = w2 >> 16;
    const h3 = w3 >> 16;
    const a0 = l0 - h0;
    const a1 = l1 - h1;
    const a2 = l2 - h2;
    const a3 = l3 - h3;
    const s0 = l0 + h0;
    const s1 = l1 + h1;
    const s2 = l2 + h2;
    const s3 = l3 + h3;
    const b0 = s0 - s1;
    const b1 = s2 - s3;
    const t0 = s0 + s1;
    const t1 = s2 + s3;
    const c = t0 - t1;
    e1 += a0 * a0 + a1 * a1 + a2 * a2 + a3 * a3;
    e2 += b0 * b0 + b1 * b1;
    e3 += c * c;
    sums[j++] = (t0 + t1) * k;
  }
  const end = 8 * groups;
  const tailPairs = (length & 7) >> 1;
  let previous = 0;
  for (let p = 0; p < tailPairs; p++) {
    const a = ints[end + 2 * p]!;
    const b = ints[end + 2 * p + 1]!;
    e1 += (a - b) * (a - b);
    if (p === 1) e2 += (previous - (a + b)) * (previous - (a + b));
    previous = a + b;
  }
  // Integer sums of squares are exact (well under 2^53); scale once.
  const sq = k * k;
  finish(e1 * sq, 4 * groups + tailPairs, e2 * sq, 2 * groups + (tailPairs >> 1), e3 * sq, groups, plan, sums, out);
}

/** Normalizes levels 1-3 and runs the rest on the eighth-rate sums, three levels per pass where it can. */
function finish(
  e1: number,
  pairs1: number,
  e2: number,
  pairs2: number,
  e3: number,
  pairs3: number,
  plan: BandPlan,
  sums: Float64Array,
  out: Float64Array,
): void {
  // Sums are not halved, so level j's details are 2^(j-1) times the halved
  // difference: their squares are rescaled by 4^-j.
  out[0] = pairs1 ? (e1 * 0.25) / pairs1 : 0;
  out[1] = pairs2 ? (e2 * 0.0625) / pairs2 : 0;
  out[2] = pairs3 ? (e3 * 0.015625) / pairs3 : 0;
  let n = pairs3;
  let b = 3;
  let rescale = 0.00390625;
  while (b < plan.levels) {
    if (plan.levels - b >= 3) {
      n = threeLevels(sums, n, out, b, rescale);
      b += 3;
      rescale *= 0.015625;
    } else {
      const pairs = n >> 1;
      let e = 0;
      for (let i = 0; i < pairs; i++) {
        const x = sums[2 * i]!;
        const y = sums[2 * i + 1]!;
        e += (x - y) * (x - y);
        sums[i] = x + y;
      }
      out[b] = pairs ? (e * rescale) / pairs : 0;
      b++;
      rescale *= 0.25;
      n = pairs;
    }
  }
}

/**
 * Levels b, b+1, b+2 in one pass over `n` sums (in place), with the same
 * pair counts as three single-level passes. Returns the sums left for the
 * next level.
 */
function threeLevels(sums: Float64Array, n: number, out: Float64Array, b: number, rescale: number): number {
  const groups = n >> 3;
  let ea = 0;
  let eb = 0;
  let ec = 0;
  for (let g = 0; g < groups; g++) {
    const i = 8 * g;
    const s0 = sums[i]! + sums[i + 1]!;
    const s1 = sums[i + 2]! + sums[i + 3]!;
    const s2 = sums[i + 4]! + sums[i + 5]!;
    const s3 = sums[i + 6]! + sums[i + 7]!;
    const a0 = sums[i]! - sums[i + 1]!;
    const a1 = sums[i + 2]! - sums[i + 3]!;
    const a2 = sums[i + 4]! - sums[i + 5]!;
    const a3 = sums[i + 6]! - sums[i + 7]!;
    const t0 = s0 + s1;
    const t1 = s2 + s3;
    ea += a0 * a0 + a1 * a1 + a2 * a2 + a3 * a3;
    eb += (s0 - s1) * (s0 - s1) + (s2 - s3) * (s2 - s3);
    ec += (t0 - t1) * (t0 - t1);
    sums[g] = t0 + t1;
  }
  const tailPairs = (n & 7) >> 1;
  let previous = 0;
  for (let p = 0; p < tailPairs; p++) {
    const x = sums[8 * groups + 2 * p]!;
    const y = sums[8 * groups + 2 * p + 1]!;
    ea += (x - y) * (x - y);
    if (p === 1) eb += (previous - (x + y)) * (previous - (x + y));
    previous = x + y;
  }
  const pairsA = 4 * groups + tailPairs;
  const pairsB = 2 * groups + (tailPairs >> 1);
  out[b] = pairsA ? (ea * rescale) / pairsA : 0;
  out[b + 1] = pairsB ? (eb * rescale * 0.25) / pairsB : 0;
  out[b + 2] = groups ? (ec * rescale * 0.0625) / groups : 0;
  return groups;
}
