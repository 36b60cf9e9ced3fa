import { describe, expect, it } from 'vitest';
import { QUALITY_PRESETS, resample } from './index.js';
import type { ResamplerQuality } from './index.js';
import { dB, maxSpurDb, sine, toneAmplitude } from './test-support/spectrum.js';

/**
 * Frequency-domain figures measured on signals: pure tones through
 * `resample`, analysed over a steady-state stretch of the output with a
 * Kaiser (beta 20) window, whose own leakage sits far below the levels
 * measured here.
 */

const FFT_SIZE = 4096;
/** Output samples skipped at each end (edge transients of the zero padding). */
const SETTLE = 400;

const pairs: [number, number][] = [
  [48000, 16000], [16000, 48000], [44100, 16000], [24000, 16000], [16000, 24000],
  [8000, 24000], [48000, 24000], [44100, 48000], [11025, 32000], [32000, 11025],
  // arbitrary ratios (interpolated tables)
  [48000, 44056], [16000, 16001], [22050, 16001],
];
const qualities: ResamplerQuality[] = ['fast', 'voice', 'high'];

/** Resamples a full-scale tone and returns the output, long enough for one analysis frame. */
function toneThrough(freq: number, inputRate: number, outputRate: number, quality: ResamplerQuality): Float32Array {
  const n = Math.ceil(((FFT_SIZE + 2 * SETTLE) * inputRate) / outputRate) + 8;
  return resample(sine(n, freq, inputRate, 1, 0.3), inputRate, outputRate, { quality });
}

describe.each(qualities)("quality '%s'", (quality) => {
  const preset = QUALITY_PRESETS[quality];

  it.each(pairs)('%i -> %i: passband flat within 0.1 dB and no spur above the preset level up to the preset passband edge', (inputRate, outputRate) => {
    const lowerNyquist = Math.min(inputRate, outputRate) / 2;
    let worstGain = 0;
    let worstSpur = -Infinity;
    for (const frac of [0.02, 0.25, 0.5, 0.7, preset.passband]) {
      const f = frac * lowerNyquist;
      const y = toneThrough(f, inputRate, outputRate, quality);
      const gain = dB(toneAmplitude(y, SETTLE, FFT_SIZE, outputRate, f));
      if (Math.abs(gain) > Math.abs(worstGain)) worstGain = gain;
      worstSpur = Math.max(worstSpur, maxSpurDb(y, SETTLE, FFT_SIZE, outputRate, [f]));
    }
    expect(Math.abs(worstGain)).toBeLessThanOrEqual(0.1);
    expect(worstSpur).toBeLessThan(-preset.rejectionDb);
  });

  const downs = pairs.filter(([i, o]) => o < i && preset.stopband * (o / 2) < i / 2);
  it.each(downs)('%i -> %i: tones in the stopband are rejected by the preset level', (inputRate, outputRate) => {
    const edge = preset.stopband * (outputRate / 2);
    const top = 0.999 * (inputRate / 2);
    let worst = -Infinity;
    for (let i = 0; i < 7; i++) {
      const f = edge + ((top - edge) * i) / 6 + 0.5;
      const y = toneThrough(f, inputRate, outputRate, quality);
      // Nothing of the tone may survive anywhere in the output spectrum.
      worst = Math.max(worst, maxSpurDb(y, SETTLE, FFT_SIZE, outputRate));
    }
    expect(worst).toBeLessThan(-preset.rejectionDb);
  });
});

describe('a sweep through the stopband', () => {
  it.each([[48000, 16000], [44100, 16000], [24000, 16000], [48000, 24000]])(
    '%i -> %i leaves nothing above the preset level, for every preset',
    (inputRate, outputRate) => {
      for (const quality of qualities) {
        const preset = QUALITY_PRESETS[quality];
        const edge = preset.stopband * (outputRate / 2);
        const top = 0.995 * (inputRate / 2);
        // Linear sweep edge -> top over 0.25 s at full scale.
        const n = Math.round(inputRate * 0.25);
        const x = new Float32Array(n);
        const rate = (top - edge) / n; // Hz per sample
        for (let i = 0; i < n; i++) x[i] = Math.sin((2 * Math.PI * (edge * i + (rate * i * i) / 2)) / inputRate);
        const y = resample(x, inputRate, outputRate, { quality });
        let peak = 0;
        for (let k = SETTLE; k < y.length - SETTLE; k++) peak = Math.max(peak, Math.abs(y[k]!));
        expect(dB(peak), quality).toBeLessThan(-preset.rejectionDb);
      }
    },
  );
});

describe('resample() is aligned with its input', () => {
  it.each(pairs)('%i -> %i: a passband sine comes out as the same sine sampled at the output instants', (inputRate, outputRate) => {
    const f = 0.3 * (Math.min(inputRate, outputRate) / 2);
    const n = Math.round(inputRate * 0.05);
    const x = sine(n, f, inputRate, 0.5, 0.7);
    for (const quality of qualities) {
      const y = resample(x, inputRate, outputRate, { quality });
      const expected = sine(y.length, f, outputRate, 0.5, 0.7);
      let err = 0;
      for (let k = SETTLE; k < y.length - SETTLE; k++) err = Math.max(err, Math.abs(y[k]! - expected[k]!));
      // Error relative to the tone: passband ripple and stopband leakage both stay below the preset's level.
      expect(dB(err / 0.5), quality).toBeLessThan(-QUALITY_PRESETS[quality].rejectionDb + 6);
    }
  });
});
