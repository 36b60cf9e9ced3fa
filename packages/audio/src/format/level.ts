import { AudioFormatError } from '../errors.js';

/**
 * Root mean square level relative to full scale: float samples as they are
 * (full scale 1.0), PCM16 divided by 32768. 0 for no samples; NaN if a
 * float sample is NaN. A full-scale square wave measures 1.0, a full-scale
 * sine 1/sqrt(2).
 */
export function rms(samples: Float32Array | Int16Array): number {
  const isInt = samples instanceof Int16Array;
  if (!isInt && !(samples instanceof Float32Array)) {
    throw new AudioFormatError('invalid_argument', 'rms expects a Float32Array or an Int16Array');
  }
  const n = samples.length;
  if (n === 0) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const s = samples[i]!;
    sum += s * s;
  }
  const mean = sum / n;
  return isInt ? Math.sqrt(mean) / 32768 : Math.sqrt(mean);
}

/**
 * The RMS level in dB relative to full scale: `20 * log10(rms(samples))`,
 * `-Infinity` for silence (and for no samples). Because full scale here is
 * an RMS of 1.0 (a full-scale square wave), a full-scale sine reads
 * -3.01 dBFS; some meters add 3.01 dB so that the sine reads 0.
 */
export function dbfs(samples: Float32Array | Int16Array): number {
  return 20 * Math.log10(rms(samples));
}
