import { describe, expect, it } from 'vitest';
import { downmixInterleaved, downmixToMono } from './downmix.js';
import { errorCode } from './test-support/errors.js';

describe('downmixToMono', () => {
  it('averages the channels sample by sample', () => {
    const out = downmixToMono([new Float32Array([1, 0.5, -1]), new Float32Array([0, 0.5, 1])]);
    expect([...out]).toEqual([0.5, 0.5, 0]);
  });

  it('averages three channels', () => {
    const out = downmixToMono([new Float32Array([0.3]), new Float32Array([0.6]), new Float32Array([-0.3])]);
    expect(out[0]).toBeCloseTo(0.2, 7);
  });

  it('keeps identical channels unchanged and cancels opposite ones', () => {
    const tone = new Float32Array(64).map((_, i) => Math.sin(i / 3));
    expect([...downmixToMono([tone, tone, tone])]).toEqual([...tone]);
    expect(downmixToMono([tone, tone.map((x) => -x)]).every((x) => x === 0)).toBe(true);
  });

  it('copies a single channel rather than returning it', () => {
    const only = new Float32Array([0.1, 0.2]);
    const out = downmixToMono([only]);
    expect(out).not.toBe(only);
    expect([...out]).toEqual([...only]);
  });

  it('rejects no channels, unequal lengths and non-float channels', () => {
    expect(errorCode(() => downmixToMono([]))).toBe('invalid_channels');
    expect(errorCode(() => downmixToMono([new Float32Array(2), new Float32Array(3)]))).toBe('invalid_argument');
    expect(errorCode(() => downmixToMono([new Int16Array(2)] as never))).toBe('invalid_argument');
    expect(errorCode(() => downmixToMono(new Float32Array(2) as never))).toBe('invalid_channels');
  });
});

describe('downmixInterleaved', () => {
  it('averages each float frame', () => {
    expect([...downmixInterleaved(new Float32Array([1, 0, 0.5, 0.25, -1, -0.5]), 2)]).toEqual([0.5, 0.375, -0.75]);
  });

  it('keeps PCM16 as PCM16, rounding the mean', () => {
    const out = downmixInterleaved(new Int16Array([32767, 32767, -32768, -32768, 1, 2, -3, 0]), 2);
    expect(out).toBeInstanceOf(Int16Array);
    expect([...out]).toEqual([32767, -32768, 2, -1]);
  });

  it('returns a copy for one channel', () => {
    const input = new Int16Array([1, 2, 3]);
    const out = downmixInterleaved(input, 1);
    expect(out).not.toBe(input);
    expect([...out]).toEqual([1, 2, 3]);
  });

  it('rejects bad channel counts and partial frames', () => {
    expect(errorCode(() => downmixInterleaved(new Int16Array(4), 0))).toBe('invalid_channels');
    expect(errorCode(() => downmixInterleaved(new Int16Array(4), 1.5))).toBe('invalid_channels');
    expect(errorCode(() => downmixInterleaved(new Int16Array(5), 2))).toBe('invalid_argument');
    expect(errorCode(() => downmixInterleaved(new Uint8Array(4) as never, 2))).toBe('invalid_argument');
  });
});
