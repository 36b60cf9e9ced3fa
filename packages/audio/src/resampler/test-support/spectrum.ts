/**
 * Signal measurement for the resampler tests, written independently of the
 * code under test: a radix-2 FFT, a Kaiser analysis window (beta 20, side
 * lobes far below -150 dB, main lobe about +-6.5 bins) and level read-outs in
 * dB relative to a full-scale sine.
 */

const ANALYSIS_BETA = 20;
/** Bins either side of a tone that belong to its main lobe. */
export const MAIN_LOBE_BINS = 10;

function i0(x: number): number {
  let term = 1;
  let sum = 1;
  const q = (x * x) / 4;
  for (let k = 1; k < 300 && term > sum * 1e-18; k++) {
    term *= q / (k * k);
    sum += term;
  }
  return sum;
}

const windows = new Map<number, Float64Array>();

/** Kaiser analysis window of length n (cached). */
export function analysisWindow(n: number): Float64Array {
  let w = windows.get(n);
  if (!w) {
    w = new Float64Array(n);
    const norm = i0(ANALYSIS_BETA);
    for (let i = 0; i < n; i++) {
      const r = (2 * i) / (n - 1) - 1;
      w[i] = i0(ANALYSIS_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / norm;
    }
    windows.set(n, w);
  }
  return w;
}

/** In-place iterative radix-2 complex FFT; length must be a power of two. */
export function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let t = re[i]!; re[i] = re[j]!; re[j] = t;
      t = im[i]!; im[i] = im[j]!; im[j] = t;
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len;
    const half = len >> 1;
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < half; k++) {
        const wr = Math.cos(ang * k);
        const wi = Math.sin(ang * k);
        const ar = re[i + k + half]!;
        const ai = im[i + k + half]!;
        const xr = ar * wr - ai * wi;
        const xi = ar * wi + ai * wr;
        re[i + k + half] = re[i + k]! - xr;
        im[i + k + half] = im[i + k]! - xi;
        re[i + k] = re[i + k]! + xr;
        im[i + k] = im[i + k]! + xi;
      }
    }
  }
}

/**
 * Windowed magnitude spectrum of x[start .. start + n) in dB relative to a
 * full-scale sine (a sine of amplitude 1 centred on a bin reads 0 dB).
 * Bins 0 .. n/2.
 */
export function spectrumDb(x: ArrayLike<number>, start: number, n: number): Float64Array {
  const w = analysisWindow(n);
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  let wsum = 0;
  for (let i = 0; i < n; i++) {
    re[i] = x[start + i]! * w[i]!;
    wsum += w[i]!;
  }
  fft(re, im);
  const out = new Float64Array(n / 2 + 1);
  for (let k = 0; k <= n / 2; k++) {
    const mag = (2 * Math.hypot(re[k]!, im[k]!)) / wsum;
    out[k] = 20 * Math.log10(mag + 1e-300);
  }
  return out;
}

/**
 * Highest level in the spectrum of x[start .. start + n) (sampled at `rate`),
 * leaving out the main lobes of the tones at `exclude` Hz. dB re full scale.
 */
export function maxSpurDb(x: ArrayLike<number>, start: number, n: number, rate: number, exclude: number[] = []): number {
  const spec = spectrumDb(x, start, n);
  let max = -Infinity;
  for (let k = 0; k < spec.length; k++) {
    const f = (k * rate) / n;
    if (exclude.some((e) => Math.abs(f - e) * (n / rate) <= MAIN_LOBE_BINS)) continue;
    if (spec[k]! > max) max = spec[k]!;
  }
  return max;
}

/** Amplitude of the sine at exactly `freq` Hz in x[start .. start + n), from a windowed DFT at that frequency. */
export function toneAmplitude(x: ArrayLike<number>, start: number, n: number, rate: number, freq: number): number {
  const w = analysisWindow(n);
  const step = (2 * Math.PI * freq) / rate;
  let re = 0;
  let im = 0;
  let wsum = 0;
  for (let i = 0; i < n; i++) {
    const v = x[start + i]! * w[i]!;
    re += v * Math.cos(step * i);
    im -= v * Math.sin(step * i);
    wsum += w[i]!;
  }
  return (2 * Math.hypot(re, im)) / wsum;
}

/** A sine of `freq` Hz at `rate`, `n` samples, amplitude `amp`. */
export function sine(n: number, freq: number, rate: number, amp = 1, phase = 0): Float32Array {
  const out = new Float32Array(n);
  const step = (2 * Math.PI * freq) / rate;
  for (let i = 0; i < n; i++) out[i] = amp * Math.sin(step * i + phase);
  return out;
}

export function dB(ratio: number): number {
  return 20 * Math.log10(ratio);
}
