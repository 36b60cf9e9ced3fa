import { describe, expect, it } from 'vitest';
import { dbfs, rms } from './level.js';
import { errorCode } from './test-support/errors.js';

function sine(amplitude: number, frames: number, cycles: number): Float32Array {
  return new Float32Array(frames).map((_, i) => amplitude * Math.sin((2 * Math.PI * cycles * i) / frames));
}

describe('rms', () => {
  it('is 1 for a full-scale square wave and 1/sqrt(2) for a full-scale sine', () => {
    expect(rms(new Float32Array([1, -1, 1, -1]))).toBe(1);
    expect(rms(sine(1, 4800, 10))).toBeCloseTo(Math.SQRT1_2, 6);
  });

  it('scales PCM16 by 32768', () => {
    expect(rms(new Int16Array([-32768, -32768]))).toBe(1);
    expect(rms(new Int16Array([16384, -16384]))).toBe(0.5);
  });

  it('is 0 for silence and for no samples', () => {
    expect(rms(new Float32Array(10))).toBe(0);
    expect(rms(new Int16Array(0))).toBe(0);
  });

  it('rejects other array types', () => {
    expect(errorCode(() => rms(new Uint8Array(4) as never))).toBe('invalid_argument');
    expect(errorCode(() => rms([0.5] as never))).toBe('invalid_argument');
  });
});

describe('dbfs', () => {
  it('reads -3.01 dB for a full-scale sine and 0 dB for a full-scale square', () => {
    expect(dbfs(sine(1, 4800, 10))).toBeCloseTo(-3.0103, 3);
    expect(dbfs(new Float32Array([1, -1]))).toBe(0);
  });

  it('falls 6.02 dB per halving of amplitude', () => {
    expect(dbfs(sine(0.5, 4800, 10)) - dbfs(sine(1, 4800, 10))).toBeCloseTo(-6.0206, 3);
    expect(dbfs(new Int16Array([8192, -8192]))).toBeCloseTo(-12.0412, 3);
  });

  it('is -Infinity for silence', () => {
    expect(dbfs(new Int16Array(100))).toBe(-Infinity);
    expect(dbfs(new Float32Array(0))).toBe(-Infinity);
  });
});
