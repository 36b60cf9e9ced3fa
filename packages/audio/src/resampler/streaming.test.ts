import { describe, expect, it } from 'vitest';
import { floatToPcm16 } from '../format/pcm16.js';
import { Resampler, resample } from './index.js';
import type { ResamplerOptions, ResamplerQuality } from './index.js';
import { mulberry32, noise } from './test-support/prng.js';
import { sine } from './test-support/spectrum.js';

type Chunker = (remaining: number) => number;

function runChunked(opts: ResamplerOptions, x: Float32Array, chunk: Chunker): Float32Array {
  const r = new Resampler(opts);
  const ch = opts.channels ?? 1;
  const parts: Float32Array[] = [];
  for (let at = 0; at < x.length / ch; ) {
    const frames = Math.min(chunk(x.length / ch - at), x.length / ch - at);
    parts.push(r.process(x.subarray(at * ch, (at + frames) * ch)));
    at += frames;
  }
  parts.push(r.flush() as Float32Array);
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

/** A test signal with both a tone and broadband content. */
function signal(n: number, rate: number, seed: number): Float32Array {
  const x = noise(n, seed, 0.3);
  const s = sine(n, rate * 0.11, rate, 0.5);
  for (let i = 0; i < n; i++) x[i] = x[i]! + s[i]!;
  return x;
}

const pairs: [number, number][] = [
  [48000, 16000], [16000, 48000], [44100, 16000], [24000, 16000], [16000, 24000],
  [8000, 24000], [48000, 24000], [44100, 48000], [48000, 44056], [16000, 16001], [11025, 32000],
];

function chunkers(inputRate: number): [string, Chunker][] {
  const rnd = mulberry32(inputRate);
  return [
    ['1 sample', () => 1],
    ['10 ms', () => Math.round(inputRate / 100)],
    ['37 samples', () => 37],
    ['random sizes', () => 1 + Math.floor(rnd() * 700)],
  ];
}

describe('streaming is independent of chunking', () => {
  for (const [inputRate, outputRate] of pairs) {
    it(`${inputRate} -> ${outputRate}`, () => {
      const x = signal(Math.round(inputRate * 0.06), inputRate, inputRate + outputRate);
      for (const quality of ['fast', 'voice', 'high'] as ResamplerQuality[]) {
        const opts = { inputRate, outputRate, quality };
        const whole = runChunked(opts, x, (n) => n);
        expect(whole.length).toBe(new Resampler(opts).outputLength(x.length));
        for (const [name, chunk] of chunkers(inputRate)) {
          if (name === '1 sample' && quality !== 'voice') continue; // slowest chunking: one preset is enough
          const y = runChunked(opts, x, chunk);
          expect(y.length, `${quality} ${name}`).toBe(whole.length);
          expect(maxAbsDiff(y, whole), `${quality} ${name}`).toBeLessThanOrEqual(1e-6);
        }
      }
    });
  }

  it('gives bit-identical output for every chunking (all kernels sum in one order)', () => {
    for (const [inputRate, outputRate] of [[48000, 16000], [44100, 48000], [16000, 16001]] as const) {
      const x = signal(3000, inputRate, 9);
      const opts = { inputRate, outputRate };
      const whole = runChunked(opts, x, (n) => n);
      const rnd = mulberry32(1);
      const y = runChunked(opts, x, () => 1 + Math.floor(rnd() * 50));
      expect(Array.from(y)).toEqual(Array.from(whole));
    }
  });

  it('handles a chunk far longer than the internal block', () => {
    const x = signal(48000 * 2, 48000, 4);
    const whole = runChunked({ inputRate: 48000, outputRate: 16000 }, x, (n) => n);
    const y = runChunked({ inputRate: 48000, outputRate: 16000 }, x, () => 4800);
    expect(maxAbsDiff(y, whole)).toBe(0);
  });
});

describe('compensated streaming', () => {
  for (const [inputRate, outputRate] of pairs) {
    it(`${inputRate} -> ${outputRate} chunked equals resample()`, () => {
      const x = signal(Math.round(inputRate * 0.03) + 3, inputRate, 77);
      const oneShot = resample(x, inputRate, outputRate);
      const rnd = mulberry32(5);
      const y = runChunked({ inputRate, outputRate, compensateDelay: true }, x, () => 1 + Math.floor(rnd() * 300));
      expect(y.length).toBe(oneShot.length);
      expect(maxAbsDiff(y, oneShot)).toBeLessThanOrEqual(1e-6);
      const r = new Resampler({ inputRate, outputRate, compensateDelay: true });
      expect(r.delay).toBe(0);
    });
  }

  it('holds back output until the look-ahead arrives, and flush returns the tail', () => {
    const r = new Resampler({ inputRate: 48000, outputRate: 16000, compensateDelay: true });
    const plain = new Resampler({ inputRate: 48000, outputRate: 16000 });
    const x = signal(480, 48000, 3);
    const head = r.process(x);
    expect(plain.process(x).length).toBe(160);
    expect(head.length).toBeLessThan(160);
    expect(head.length + r.flush().length).toBe(160);
  });
});

describe('multi-channel interleaved', () => {
  it('converts each channel exactly as a mono stream would', () => {
    const frames = 2500;
    const channels = 3;
    const mono = [signal(frames, 44100, 1), signal(frames, 44100, 2), signal(frames, 44100, 3)];
    const x = new Float32Array(frames * channels);
    for (let i = 0; i < frames; i++) for (let c = 0; c < channels; c++) x[i * channels + c] = mono[c]![i]!;
    for (const [inputRate, outputRate] of [[44100, 16000], [16000, 48000], [44100, 48000], [48000, 44056]] as const) {
      const rnd = mulberry32(8);
      const y = runChunked({ inputRate, outputRate, channels }, x, () => 1 + Math.floor(rnd() * 400));
      const one = resample(x, inputRate, outputRate, { channels });
      for (let c = 0; c < channels; c++) {
        const ref = runChunked({ inputRate, outputRate }, mono[c]!, (n) => n);
        const refOneShot = resample(mono[c]!, inputRate, outputRate);
        expect(y.length).toBe(ref.length * channels);
        for (let i = 0; i < ref.length; i++) {
          expect(y[i * channels + c]).toBe(ref[i]);
          expect(one[i * channels + c]).toBe(refOneShot[i]);
        }
      }
    }
  });
});

describe('PCM16 streaming', () => {
  it('is chunking-independent sample for sample', () => {
    const pcm = floatToPcm16(signal(4000, 24000, 12));
    const r = new Resampler({ inputRate: 24000, outputRate: 16000 });
    const whole = [...r.process(pcm), ...r.flush()];
    const rnd = mulberry32(3);
    const parts: number[] = [];
    for (let at = 0; at < pcm.length; ) {
      const n = Math.min(1 + Math.floor(rnd() * 200), pcm.length - at);
      parts.push(...r.process(pcm.subarray(at, at + n)));
      at += n;
    }
    parts.push(...r.flush());
    expect(parts).toEqual(whole);
  });
});
