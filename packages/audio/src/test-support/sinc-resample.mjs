// Offline band-limited resampling for building test fixtures (espeak speaks at
// 22050 Hz; the corpus is wanted at any rate). Polyphase windowed sinc: the
// rate ratio is reduced to out/in = up/down, and each of the `up` phases gets
// its own Blackman-windowed sinc, low-passed just under the lower Nyquist.
// Deliberately independent of the package Resampler so fixtures stay trusted.

const ZERO_CROSSINGS = 16; // per side, at the cutoff frequency
const CUTOFF = 0.94; // fraction of the lower Nyquist kept

function gcd(a, b) {
  while (b) [a, b] = [b, a % b];
  return a;
}

function kernel(x, fc, halfWidth) {
  if (Math.abs(x) >= halfWidth) return 0;
  const u = fc * x;
  const sinc = u === 0 ? 1 : Math.sin(Math.PI * u) / (Math.PI * u);
  const w = 0.42 + 0.5 * Math.cos((Math.PI * x) / halfWidth) + 0.08 * Math.cos((2 * Math.PI * x) / halfWidth);
  return fc * sinc * w;
}

/**
 * @param {Float32Array} input
 * @param {number} fromRate integer Hz
 * @param {number} toRate integer Hz
 * @returns {Float32Array}
 */
export function resampleOffline(input, fromRate, toRate) {
  if (!Number.isInteger(fromRate) || !Number.isInteger(toRate) || fromRate <= 0 || toRate <= 0) {
    throw new Error('resampleOffline: rates must be positive integers');
  }
  if (fromRate === toRate) return input.slice();
  const g = gcd(fromRate, toRate);
  const up = toRate / g;
  const down = fromRate / g;
  const fc = Math.min(1, up / down) * CUTOFF;
  const halfWidth = Math.ceil(ZERO_CROSSINGS / fc);
  const taps = 2 * halfWidth;
  const tablePhases = up <= 4096 ? up : 0;
  const table = new Float64Array(tablePhases * taps);
  for (let p = 0; p < tablePhases; p++) {
    for (let j = 0; j < taps; j++) table[p * taps + j] = kernel(j - halfWidth + 1 - p / up, fc, halfWidth);
  }
  const outLength = Math.floor((input.length * up) / down);
  const out = new Float32Array(outLength);
  for (let n = 0; n < outLength; n++) {
    const pos = n * down;
    const k0 = Math.floor(pos / up);
    const phase = pos - k0 * up;
    const first = k0 - halfWidth + 1;
    let acc = 0;
    for (let j = 0; j < taps; j++) {
      const k = first + j;
      if (k < 0 || k >= input.length) continue;
      const h = tablePhases ? table[phase * taps + j] : kernel(j - halfWidth + 1 - phase / up, fc, halfWidth);
      acc += input[k] * h;
    }
    out[n] = acc;
  }
  return out;
}
