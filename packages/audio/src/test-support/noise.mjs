// Stationary noise generators for VAD tests: white (Gaussian) and pink
// (Voss-McCartney: 16 random rows, row r redrawn every 2^r samples, summed
// with a fresh white term, giving a -3 dB/octave spectrum from a few Hz to
// Nyquist). Both are seeded and come out at unit RMS; mixing sets the level.
import { gaussianSource, seededRandom } from './prng.mjs';

function normalizeRms(x) {
  let acc = 0;
  for (let i = 0; i < x.length; i++) acc += x[i] * x[i];
  const rms = Math.sqrt(acc / Math.max(1, x.length));
  if (rms > 0) for (let i = 0; i < x.length; i++) x[i] /= rms;
  return x;
}

/** Gaussian white noise, unit RMS. */
export function whiteNoise(length, seed = 1) {
  const gauss = gaussianSource(seededRandom(seed));
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = gauss();
  return normalizeRms(out);
}

/** Pink (1/f) noise by the Voss-McCartney algorithm, unit RMS. */
export function pinkNoise(length, seed = 2) {
  const random = seededRandom(seed);
  const rows = 16;
  const values = new Float64Array(rows);
  let sum = 0;
  for (let r = 0; r < rows; r++) {
    values[r] = random() * 2 - 1;
    sum += values[r];
  }
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    // The row to redraw is the number of trailing zeros of the counter, so
    // row r changes every 2^r samples.
    const counter = i + 1;
    const row = Math.min(rows - 1, 31 - Math.clz32(counter & -counter));
    const fresh = random() * 2 - 1;
    sum += fresh - values[row];
    values[row] = fresh;
    out[i] = sum + (random() * 2 - 1);
  }
  // Remove the mean so the track has no DC of its own.
  let mean = 0;
  for (let i = 0; i < length; i++) mean += out[i];
  mean /= Math.max(1, length);
  for (let i = 0; i < length; i++) out[i] -= mean;
  return normalizeRms(out);
}
