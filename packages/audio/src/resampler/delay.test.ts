import { describe, expect, it } from 'vitest';
import { Resampler, resample } from './index.js';
import type { ResamplerQuality } from './index.js';

/**
 * Where an impulse comes out, to a small fraction of a sample: the response
 * of a linear-phase filter is symmetric about its true position, and for a
 * response band-limited below the output rate the sampled first moment
 * sum(k * y[k]) / sum(y[k]) equals the continuous one (the centroid).
 */
function centroid(y: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let k = 0; k < y.length; k++) {
    num += k * y[k]!;
    den += y[k]!;
  }
  return num / den;
}

function impulse(n: number, at: number): Float32Array {
  const x = new Float32Array(n);
  x[at] = 1;
  return x;
}

const pairs: [number, number][] = [
  [48000, 16000], [16000, 48000], [44100, 16000], [24000, 16000], [16000, 24000],
  [8000, 24000], [48000, 24000], [44100, 48000], [48000, 44056], [16000, 16001], [11025, 32000],
];

describe.each(['fast', 'voice', 'high'] as ResamplerQuality[])("delay, quality '%s'", (quality) => {
  it.each(pairs)('%i -> %i: the reported delay is where the impulse comes out', (inputRate, outputRate) => {
    const r = new Resampler({ inputRate, outputRate, quality });
    const at = 301;
    // Input long enough that the whole response is out before the stream ends.
    const n = at + Math.ceil((r.delay * 3 * inputRate) / outputRate) + 50;
    const y = r.process(impulse(n, at));
    const expected = (at * outputRate) / inputRate + r.delay;
    expect(Math.abs(centroid(y) - expected)).toBeLessThan(0.05);
    // Zero-delay one-shot: the impulse stays at its input time.
    const z = resample(impulse(n, at), inputRate, outputRate, { quality });
    expect(Math.abs(centroid(z) - (at * outputRate) / inputRate)).toBeLessThan(0.05);
  });

  it('is taps / 2 input samples expressed in output samples, and fractional when that is', () => {
    const r = new Resampler({ inputRate: 44100, outputRate: 16000, quality });
    const inInputSamples = (r.delay * 44100) / 16000;
    expect(Number.isInteger(Math.round(inInputSamples * 1e9) / 1e9)).toBe(true);
    expect(r.delay % 1).not.toBe(0);
    expect(new Resampler({ inputRate: 16000, outputRate: 16000, quality }).delay).toBe(0);
  });
});
