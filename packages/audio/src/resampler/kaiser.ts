/**
 * The Kaiser window and Kaiser's formula for its beta. (The matching length
 * formula, taps ~ (A - 7.95) / (14.36 * transition), is what the preset taps
 * in `quality.ts` started from before they were tuned by measurement.)
 */

/** Zeroth-order modified Bessel function of the first kind, by its power series. */
export function besselI0(x: number): number {
  const q = (x * x) / 4;
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 500; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return sum;
}

/** Kaiser's beta for a stopband attenuation of `attenuationDb` (positive dB). */
export function kaiserBeta(attenuationDb: number): number {
  const a = attenuationDb;
  if (a > 50) return 0.1102 * (a - 8.7);
  if (a >= 21) return 0.5842 * (a - 21) ** 0.4 + 0.07886 * (a - 21);
  return 0;
}

/**
 * The Kaiser window over the closed interval [-halfWidth, halfWidth], evaluated
 * at `t`; zero outside. `i0Beta` is `besselI0(beta)`, passed in so a caller
 * evaluating many points computes it once.
 */
export function kaiserWindow(t: number, halfWidth: number, beta: number, i0Beta: number): number {
  const r = t / halfWidth;
  if (r <= -1 || r >= 1) return r === 1 || r === -1 ? 1 / i0Beta : 0;
  return besselI0(beta * Math.sqrt(1 - r * r)) / i0Beta;
}
