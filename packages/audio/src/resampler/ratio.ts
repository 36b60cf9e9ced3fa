/**
 * The conversion ratio as a reduced fraction `up / down` = outputRate /
 * inputRate. Output sample k sits at input time k * down / up, tracked with
 * integers so the stream never drifts.
 *
 * Integer rates reduce exactly (48000 / 44100 = 160 / 147). Rates that do not
 * reduce to terms within `MAX_RATIO_TERM` (non-integer rates, huge co-prime
 * rates) are replaced by the closest fraction within that bound: exact for
 * rates with a few decimals (44100.5 -> 48000 is 96000 / 88201), and in the
 * worst case (a ratio within 1e-6 of a simple fraction) off by under 1e-6,
 * one part per million of the rate.
 */
export interface Ratio {
  /** Output steps per `down` input samples (numerator of out / in). */
  readonly up: number;
  /** Input samples per `up` output steps (denominator of out / in). */
  readonly down: number;
}

/** Bound on both terms, so that step counters and `n * up` stay exact in doubles. */
export const MAX_RATIO_TERM = 1 << 20;

export function gcd(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

export function reduceRatio(inputRate: number, outputRate: number): Ratio {
  if (Number.isInteger(inputRate) && Number.isInteger(outputRate)) {
    const g = gcd(inputRate, outputRate);
    const up = outputRate / g;
    const down = inputRate / g;
    if (up <= MAX_RATIO_TERM && down <= MAX_RATIO_TERM) return { up, down };
  }
  return approximateRatio(outputRate / inputRate);
}

/** Best rational approximation of `x` > 0 with both terms <= MAX_RATIO_TERM (continued fractions). */
function approximateRatio(x: number): Ratio {
  let h0 = 0, h1 = 1; // numerators
  let k0 = 1, k1 = 0; // denominators
  let v = x;
  let best: Ratio = { up: Math.max(1, Math.round(x)), down: 1 };
  for (let i = 0; i < 64; i++) {
    const a = Math.floor(v);
    const h2 = a * h1 + h0;
    const k2 = a * k1 + k0;
    if (h2 > MAX_RATIO_TERM || k2 > MAX_RATIO_TERM) {
      // Largest semiconvergent that still fits, if it beats the last convergent.
      const t = Math.min(Math.floor((MAX_RATIO_TERM - h0) / h1), Math.floor((MAX_RATIO_TERM - k0) / k1));
      if (t > 0) {
        const hs = t * h1 + h0;
        const ks = t * k1 + k0;
        if (Math.abs(hs / ks - x) < Math.abs(best.up / best.down - x)) best = { up: hs, down: ks };
      }
      break;
    }
    h0 = h1; h1 = h2;
    k0 = k1; k1 = k2;
    if (h1 > 0) best = { up: h1, down: k1 };
    const frac = v - a;
    if (frac < 1e-12) break;
    v = 1 / frac;
  }
  if (best.up < 1) best = { up: 1, down: Math.min(MAX_RATIO_TERM, Math.max(1, Math.round(1 / x))) };
  return best;
}
