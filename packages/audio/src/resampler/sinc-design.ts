import { besselI0, kaiserBeta, kaiserWindow } from './kaiser.js';

/**
 * One polyphase row of a Kaiser-windowed sinc low-pass.
 *
 * The continuous filter spans `taps` input samples, t in [-taps/2, taps/2],
 * and cuts off at `cutoff` (relative to the input Nyquist). Row p of a table
 * with `phases` rows samples it at t = taps/2 - 1 - j + p/phases for tap
 * j = 0 .. taps-1: tap j multiplies the history sample (taps - 1 - j) before
 * the newest one of the window, so a row is laid out oldest sample first.
 */
export interface SincDesign {
  readonly taps: number;
  readonly phases: number;
  /** Cutoff in units of the input Nyquist: (lower rate / input rate) * (cutoff of lower Nyquist). */
  readonly cutoff: number;
  /**
   * When the cutoff is exactly the lower Nyquist, the sinc's zero crossings
   * fall on t * lowerTerm / down integer; those taps are made exactly zero so
   * later stages can skip them. 0 disables.
   */
  readonly lowerTerm: number;
  readonly down: number;
  readonly beta: number;
}

export function sincDesign(opts: {
  taps: number;
  phases: number;
  up: number;
  down: number;
  cutoffOfLowerNyquist: number;
  attenuationDb: number;
}): SincDesign {
  const { taps, phases, up, down, cutoffOfLowerNyquist, attenuationDb } = opts;
  const lower = Math.min(up, down);
  return {
    taps,
    phases,
    cutoff: (cutoffOfLowerNyquist * lower) / down,
    lowerTerm: cutoffOfLowerNyquist === 1 ? lower : 0,
    down,
    beta: kaiserBeta(attenuationDb),
  };
}

/** Row p into `row` (length taps), normalised so its taps sum to exactly one. */
export function designRow(d: SincDesign, p: number, row: Float64Array): void {
  const half = d.taps / 2;
  const i0Beta = besselI0(d.beta);
  const zeroModulus = d.down * d.phases;
  let sum = 0;
  for (let j = 0; j < d.taps; j++) {
    // t = u / phases, u integer: exact zero tests, and mirror-exact values.
    const u = (half - 1 - j) * d.phases + p;
    let v: number;
    if (u === 0) v = 1;
    else if (d.lowerTerm !== 0 && (u * d.lowerTerm) % zeroModulus === 0) v = 0;
    else {
      const t = u / d.phases;
      const x = Math.PI * d.cutoff * t;
      v = (Math.sin(x) / x) * kaiserWindow(t, half, d.beta, i0Beta);
    }
    row[j] = v;
    sum += v;
  }
  for (let j = 0; j < d.taps; j++) row[j] = row[j]! / sum;
}
