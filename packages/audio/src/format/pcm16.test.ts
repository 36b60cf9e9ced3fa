import { describe, expect, it } from 'vitest';
import { AudioFormatError } from '../errors.js';
import { floatToPcm16, pcm16BytesView, pcm16FromBytes, pcm16ToBytes, pcm16ToFloat, pcm16ViewOfBytes } from './pcm16.js';
import { firstDifference } from './test-support/compare.js';
import { Prng } from './test-support/prng.js';

function allInt16(): Int16Array {
  const all = new Int16Array(65536);
  for (let i = 0; i < 65536; i++) all[i] = i - 32768;
  return all;
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AudioFormatError);
    return (error as AudioFormatError).code;
  }
  return undefined;
}

describe('floatToPcm16', () => {
  it('reaches both full-scale ends and clamps beyond them', () => {
    const out = floatToPcm16(new Float32Array([1, -1, 1.5, -1.5, Infinity, -Infinity, 0]));
    expect([...out]).toEqual([32767, -32768, 32767, -32768, 32767, -32768, 0]);
  });

  it('turns NaN into 0', () => {
    expect([...floatToPcm16(new Float32Array([Number.NaN, 0.5, Number.NaN]))]).toEqual([0, 16384, 0]);
  });

  it('scales positives by 32767 and negatives by 32768, rounding to nearest', () => {
    const values = [0.25, -0.25, 0.5, -0.5, 1 / 32767, -1 / 32768, 0.4 / 32767, 0.6 / 32767, -0.4 / 32768, -0.6 / 32768];
    const out = floatToPcm16(new Float32Array(values));
    // 0.5 * 32767 = 16383.5 rounds up; -0.5 * 32768 is exact.
    expect([...out]).toEqual([8192, -8192, 16384, -16384, 1, -1, 0, 1, 0, -1]);
  });

  it('keeps every sample within one rounding step of the scaled value', () => {
    const rng = new Prng(7);
    const input = new Float32Array(20000).map(() => rng.next() * 2.2 - 1.1);
    const out = floatToPcm16(input);
    let worst = 0;
    for (let i = 0; i < input.length; i++) {
      const v = Math.max(-1, Math.min(1, input[i]!));
      const scaled = v >= 0 ? v * 32767 : v * 32768;
      worst = Math.max(worst, Math.abs(out[i]! - scaled));
    }
    expect(worst).toBeLessThanOrEqual(0.5);
    expect(worst).toBeGreaterThan(0.49);
  });

  it('returns an empty array for empty input', () => {
    expect(floatToPcm16(new Float32Array(0)).length).toBe(0);
  });
});

describe('pcm16ToFloat', () => {
  it('divides by 32768: -32768 is -1 and 32767 falls just short of 1', () => {
    const out = pcm16ToFloat(new Int16Array([-32768, 32767, 0, 16384, -1]));
    expect([...out]).toEqual([-1, 32767 / 32768, 0, 0.5, -1 / 32768]);
  });

  it('maps all 65536 values into [-1, 1) in order', () => {
    const out = pcm16ToFloat(allInt16());
    let ordered = true;
    for (let i = 1; i < out.length; i++) ordered &&= out[i]! > out[i - 1]!;
    expect(ordered).toBe(true);
    expect(out[0]).toBe(-1);
    expect(out[65535]!).toBeLessThan(1);
  });
});

describe('PCM16 <-> float round trips', () => {
  it('float -> pcm16 -> float is within 1.5 LSB', () => {
    const rng = new Prng(11);
    const input = new Float32Array(20000).map(() => rng.next() * 2 - 1);
    const back = pcm16ToFloat(floatToPcm16(input));
    let worst = 0;
    for (let i = 0; i < input.length; i++) worst = Math.max(worst, Math.abs(back[i]! - input[i]!));
    expect(worst).toBeLessThanOrEqual(1.5 / 32768);
  });

  it('pcm16 -> float -> pcm16 is exact for negatives and off by at most one above 16384', () => {
    const all = allInt16();
    const back = floatToPcm16(pcm16ToFloat(all));
    let changed = 0;
    const wrong: number[] = [];
    for (let i = 0; i < all.length; i++) {
      const s = all[i]!;
      const diff = s - back[i]!;
      if (s <= 16384 ? diff !== 0 : diff !== 0 && diff !== 1) wrong.push(s);
      if (diff !== 0) changed++;
    }
    expect(wrong).toEqual([]);
    // The asymmetric scale (x/32768 down, x*32767 up) loses one step on the
    // upper half of the positive range.
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThan(16384);
  });
});

describe('pcm16FromBytes', () => {
  it('reads little-endian samples', () => {
    const out = pcm16FromBytes(new Uint8Array([0x01, 0x02, 0x00, 0x80, 0xff, 0x7f, 0xff, 0xff]));
    expect([...out]).toEqual([0x0201, -32768, 32767, -1]);
  });

  it('reads correctly from views at odd and even byte offsets', () => {
    const rng = new Prng(3);
    const samples = new Int16Array(257).map(() => rng.int(65536) - 32768);
    const le = new Uint8Array(samples.length * 2);
    const dv = new DataView(le.buffer);
    for (let i = 0; i < samples.length; i++) dv.setInt16(i * 2, samples[i]!, true);
    for (const offset of [0, 1, 2, 3, 7]) {
      const backing = new Uint8Array(le.length + 10);
      backing.set(le, offset);
      const view = backing.subarray(offset, offset + le.length);
      expect(view.byteOffset).toBe(offset);
      expect(pcm16FromBytes(view)).toEqual(samples);
    }
  });

  it('reads Node Buffers, whose pool offset is often odd', () => {
    const pooled = Buffer.from([9, 0x34, 0x12, 0xcd, 0xab]).subarray(1);
    expect([...pcm16FromBytes(pooled)]).toEqual([0x1234, 0xabcd - 65536]);
  });

  it('returns a copy that does not alias the input', () => {
    for (const offset of [0, 1]) {
      const backing = new Uint8Array(6);
      const view = backing.subarray(offset, offset + 4);
      view.set([1, 0, 2, 0]);
      const out = pcm16FromBytes(view);
      view[0] = 99;
      expect([...out]).toEqual([1, 2]);
    }
  });

  it('rejects an odd byte length and non-byte input', () => {
    expect(codeOf(() => pcm16FromBytes(new Uint8Array(3)))).toBe('odd_byte_length');
    expect(codeOf(() => pcm16FromBytes(new Uint8Array(4).subarray(1)))).toBe('odd_byte_length');
    expect(codeOf(() => pcm16FromBytes([1, 2] as unknown as Uint8Array))).toBe('invalid_argument');
    expect(codeOf(() => pcm16FromBytes(new Int16Array(2) as unknown as Uint8Array))).toBe('invalid_argument');
  });

  it('accepts empty input', () => {
    expect(pcm16FromBytes(new Uint8Array(0)).length).toBe(0);
  });
});

describe('pcm16ToBytes', () => {
  it('writes little-endian bytes', () => {
    expect([...pcm16ToBytes(new Int16Array([0x0201, -32768, 32767, -1]))]).toEqual([
      0x01, 0x02, 0x00, 0x80, 0xff, 0x7f, 0xff, 0xff,
    ]);
  });

  it('writes only the samples of a subarray view, into a fresh buffer', () => {
    const all = new Int16Array([1, 2, 3, 4, 5]);
    const out = pcm16ToBytes(all.subarray(1, 3));
    expect([...out]).toEqual([2, 0, 3, 0]);
    expect(out.byteOffset).toBe(0);
    expect(out.buffer.byteLength).toBe(4);
    all[1] = 100;
    expect(out[0]).toBe(2);
  });

  it('round-trips all 65536 values through pcm16FromBytes', () => {
    const all = allInt16();
    const bytes = pcm16ToBytes(all);
    expect(bytes.length).toBe(all.length * 2);
    expect(firstDifference(pcm16FromBytes(bytes), all)).toBe(-1);
  });
});

describe('pcm16ViewOfBytes and pcm16BytesView', () => {
  it('share memory where the layout allows, and read the same samples as the copying conversions', () => {
    const bytes = new Uint8Array([0x01, 0x00, 0xff, 0x7f, 0x00, 0x80, 0xfe, 0xff]);
    const view = pcm16ViewOfBytes(bytes);
    expect(Array.from(view)).toEqual(Array.from(pcm16FromBytes(bytes)));
    expect(view.buffer).toBe(bytes.buffer);
    const back = pcm16BytesView(view);
    expect(Array.from(back)).toEqual(Array.from(pcm16ToBytes(view)));
    expect(back.buffer).toBe(view.buffer);
  });

  it('copies a view at an odd byte offset, and still rejects an odd length', () => {
    const backing = new Uint8Array(9);
    backing.set([0x34, 0x12, 0x78, 0x56], 1);
    const odd = backing.subarray(1, 5);
    const samples = pcm16ViewOfBytes(odd);
    expect(Array.from(samples)).toEqual([0x1234, 0x5678]);
    expect(samples.buffer).not.toBe(backing.buffer);
    expect(() => pcm16ViewOfBytes(new Uint8Array(3))).toThrow(AudioFormatError);
  });
});
