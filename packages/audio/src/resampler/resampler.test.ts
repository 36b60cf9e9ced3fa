import { describe, expect, it } from 'vitest';
import { AudioFormatError } from '../errors.js';
import { floatToPcm16, pcm16ToFloat } from '../format/pcm16.js';
import { QUALITY_PRESETS, Resampler, resample } from './index.js';
import type { ResamplerOptions } from './index.js';
import { noise } from './test-support/prng.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof AudioFormatError) return err.code;
    throw err;
  }
  return undefined;
}

describe('Resampler options', () => {
  it('rejects non-positive and non-finite rates with invalid_sample_rate', () => {
    for (const bad of [0, -16000, Number.NaN, Number.POSITIVE_INFINITY, '16000' as unknown as number]) {
      expect(codeOf(() => new Resampler({ inputRate: bad, outputRate: 16000 }))).toBe('invalid_sample_rate');
      expect(codeOf(() => new Resampler({ inputRate: 16000, outputRate: bad }))).toBe('invalid_sample_rate');
      expect(codeOf(() => resample(new Float32Array(4), bad, 16000))).toBe('invalid_sample_rate');
    }
  });

  it('rejects channel counts that are not integers >= 1 with invalid_channels', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(codeOf(() => new Resampler({ inputRate: 48000, outputRate: 16000, channels: bad }))).toBe('invalid_channels');
    }
  });

  it('rejects an unknown quality with invalid_quality', () => {
    const opts = { inputRate: 48000, outputRate: 16000, quality: 'best' } as unknown as ResamplerOptions;
    expect(codeOf(() => new Resampler(opts))).toBe('invalid_quality');
  });

  it('rejects a chunk that ends mid-frame with partial_frame, and non-sample arrays with invalid_argument', () => {
    const r = new Resampler({ inputRate: 48000, outputRate: 16000, channels: 2 });
    expect(codeOf(() => r.process(new Float32Array(3)))).toBe('partial_frame');
    expect(codeOf(() => resample(new Int16Array(5), 48000, 16000, { channels: 2 }))).toBe('partial_frame');
    expect(codeOf(() => r.process([0, 0] as unknown as Float32Array))).toBe('invalid_argument');
    expect(codeOf(() => r.process(new Float64Array(2) as unknown as Float32Array))).toBe('invalid_argument');
  });

  it('reports its settings and defaults to mono, voice', () => {
    const r = new Resampler({ inputRate: 44100, outputRate: 16000 });
    expect([r.inputRate, r.outputRate, r.channels, r.quality]).toEqual([44100, 16000, 1, 'voice']);
    const q = new Resampler({ inputRate: 8000, outputRate: 24000, channels: 2, quality: 'high' });
    expect([q.channels, q.quality]).toEqual([2, 'high']);
  });

  it("keeps 'high' flat to 0.8 of the lower Nyquist and every preset to at least 0.75", () => {
    expect(QUALITY_PRESETS.high.passband).toBeGreaterThanOrEqual(0.8);
    for (const preset of Object.values(QUALITY_PRESETS)) expect(preset.passband).toBeGreaterThanOrEqual(0.75);
  });

  it("makes 'voice' and 'high' alias-free: their stopband starts at the lower Nyquist", () => {
    expect(QUALITY_PRESETS.voice.stopband).toBe(1);
    expect(QUALITY_PRESETS.high.stopband).toBe(1);
  });
});

describe('Resampler lengths', () => {
  it('outputLength is ceil(n * out / in), within one of round()', () => {
    const pairs: [number, number][] = [[48000, 16000], [16000, 48000], [44100, 16000], [16000, 16001], [48000, 44056], [22050, 8000]];
    for (const [i, o] of pairs) {
      const r = new Resampler({ inputRate: i, outputRate: o });
      for (const n of [0, 1, 2, 3, 7, 160, 441, 1000, 12345]) {
        const len = r.outputLength(n);
        expect(len).toBe(Math.max(0, Math.ceil((n * o) / i - 1e-12)));
        expect(Math.abs(len - Math.round((n * o) / i))).toBeLessThanOrEqual(1);
      }
    }
    expect(codeOf(() => new Resampler({ inputRate: 1, outputRate: 2 }).outputLength(-1))).toBe('invalid_argument');
  });

  it('resample returns outputLength(n) frames, also for tiny inputs', () => {
    for (const n of [0, 1, 2, 5, 100, 1001]) {
      const x = noise(n, n + 1);
      for (const [i, o] of [[48000, 16000], [8000, 24000], [44100, 48000], [16000, 16001]] as const) {
        const expected = new Resampler({ inputRate: i, outputRate: o }).outputLength(n);
        expect(resample(x, i, o).length).toBe(expected);
        const stereo = resample(new Float32Array(2 * n), i, o, { channels: 2 });
        expect(stereo.length).toBe(2 * expected);
      }
    }
  });

  it('streams process + flush to the same total length as resample, for each quality', () => {
    for (const quality of ['fast', 'voice', 'high'] as const) {
      const x = noise(4801, 7);
      const r = new Resampler({ inputRate: 48000, outputRate: 44100, quality });
      const total = r.process(x).length + r.flush().length;
      expect(total).toBe(resample(x, 48000, 44100, { quality }).length);
      expect(total).toBe(r.outputLength(x.length));
    }
  });
});

describe('equal rates', () => {
  it('passes samples through as an exact copy with zero delay', () => {
    const x = noise(999, 3);
    const r = new Resampler({ inputRate: 16000, outputRate: 16000 });
    const y = r.process(x);
    expect(y).not.toBe(x);
    expect(Array.from(y)).toEqual(Array.from(x));
    expect(r.delay).toBe(0);
    expect(r.flush().length).toBe(0);
    const pcm = floatToPcm16(x);
    const z = resample(pcm, 24000, 24000);
    expect(z).toBeInstanceOf(Int16Array);
    expect(z).not.toBe(pcm);
    expect(Array.from(z)).toEqual(Array.from(pcm));
  });
});

describe('PCM16 path', () => {
  it('converts with pcm16ToFloat / floatToPcm16 and keeps the array type', () => {
    const pcm = floatToPcm16(noise(3000, 11, 0.9));
    const viaFloat = floatToPcm16(resample(pcm16ToFloat(pcm), 48000, 16000));
    const direct = resample(pcm, 48000, 16000);
    expect(direct).toBeInstanceOf(Int16Array);
    expect(Array.from(direct)).toEqual(Array.from(viaFloat));

    const r = new Resampler({ inputRate: 16000, outputRate: 24000, compensateDelay: true });
    const head = r.process(pcm);
    const tail = r.flush();
    expect(head).toBeInstanceOf(Int16Array);
    expect(tail).toBeInstanceOf(Int16Array);
    expect([...head, ...tail]).toEqual(Array.from(resample(pcm, 16000, 24000)));
  });

  it('clamps a full-scale square wave instead of wrapping around', () => {
    // Gibbs overshoot of a full-scale square wave exceeds 1.0 after band-limiting.
    const pcm = new Int16Array(4000);
    for (let i = 0; i < pcm.length; i++) pcm[i] = (i >> 5) % 2 === 0 ? 32767 : -32768;
    const y = resample(pcm, 16000, 48000);
    const asFloat = resample(pcm16ToFloat(pcm), 16000, 48000);
    expect(Math.max(...asFloat)).toBeGreaterThan(1);
    expect(Math.max(...y)).toBe(32767);
    expect(Math.min(...y)).toBe(-32768);
    let mismatched = 0;
    for (let i = 0; i < y.length; i++) if (y[i] !== floatToPcm16(asFloat.subarray(i, i + 1))[0]) mismatched++;
    expect(mismatched).toBe(0);
  });
});

describe('reset', () => {
  it('forgets all input, so the next stream matches a fresh resampler', () => {
    const x = noise(2000, 5);
    const fresh = new Resampler({ inputRate: 44100, outputRate: 16000 }).process(x);
    const r = new Resampler({ inputRate: 44100, outputRate: 16000 });
    r.process(noise(777, 6));
    r.reset();
    expect(Array.from(r.process(x))).toEqual(Array.from(fresh));
    r.flush();
    expect(Array.from(r.process(x))).toEqual(Array.from(fresh));
  });
});
