import { describe, expect, it } from 'vitest';
import { alawDecode, alawEncode, mulawDecode, mulawEncode } from './g711.js';
import { errorCode } from './test-support/errors.js';

const allCodes = new Uint8Array(256).map((_, i) => i);
const allSamples = new Int16Array(65536).map((_, i) => i - 32768);

function decodeOne(decode: (c: Uint8Array) => Int16Array, code: number): number {
  return decode(new Uint8Array([code]))[0]!;
}

function roundTrip(encode: (s: Int16Array) => Uint8Array, decode: (c: Uint8Array) => Int16Array, x: number): number {
  return decode(encode(new Int16Array([x])))[0]!;
}

describe('G.711 mu-law', () => {
  it('decodes known code points', () => {
    const points: [number, number][] = [
      [0xff, 0],
      [0x7f, 0],
      [0xfe, 8],
      [0x7e, -8],
      [0xf0, 120],
      [0xef, 132],
      [0x00, -32124],
      [0x01, -31100],
      [0x0f, -16764],
      [0x10, -15996],
      [0x80, 32124],
      [0x8f, 16764],
    ];
    for (const [code, value] of points) expect([code, decodeOne(mulawDecode, code)]).toEqual([code, value]);
  });

  it('has levels symmetric in sign whose step doubles each segment', () => {
    const levels = mulawDecode(allCodes);
    for (let code = 0; code < 128; code++) expect(levels[code]! + levels[code | 0x80]!).toBe(0);
    // Positive codes 0xFF down to 0x80 climb through 8 segments of 16 levels.
    for (let segment = 0; segment < 8; segment++) {
      const steps = new Set<number>();
      for (let k = 1; k < 16; k++) {
        const code = 0xff - segment * 16 - k;
        steps.add(levels[code]! - levels[code + 1]!);
      }
      expect([...steps]).toEqual([8 << segment]);
    }
  });

  it('switches segment at the G.711 decision values', () => {
    // Segment ends of G.711 table 2a (14-bit: 31, 95, 223, ...), times 4.
    const ends = [124, 380, 892, 1916, 3964, 8060, 16252];
    for (let s = 0; s < ends.length; s++) {
      const end = ends[s]!;
      const below = roundTrip(mulawEncode, mulawDecode, end - 1);
      const above = roundTrip(mulawEncode, mulawDecode, end);
      // The last level below the edge is 4 * step(s) / 2 under it...
      expect(end - below).toBe(4 << s);
      // ...and the first level above it sits half a step of segment s + 1 over it.
      expect(above - end).toBe(8 << s);
      expect(roundTrip(mulawEncode, mulawDecode, -end)).toBe(-above);
    }
  });

  it('encodes the extremes and zero', () => {
    expect([...mulawEncode(new Int16Array([0, 32767, -32768, 32124, -32124, -1]))]).toEqual([
      0xff, 0x80, 0x00, 0x80, 0x00, 0x7f,
    ]);
  });

  it('re-encodes every decoded level to its own code (except negative zero)', () => {
    const again = mulawEncode(mulawDecode(allCodes));
    const mismatched = [...allCodes].filter((c) => again[c] !== c);
    expect(mismatched).toEqual([0x7f]);
    expect(again[0x7f]).toBe(0xff);
  });

  it('is monotonic and within half a step over all 16-bit inputs', () => {
    const codes = mulawEncode(allSamples);
    const back = mulawDecode(codes);
    let monotonic = true;
    let worstExcess = -Infinity;
    for (let i = 0; i < allSamples.length; i++) {
      if (i > 0) monotonic &&= back[i]! >= back[i - 1]!;
      const x = allSamples[i]!;
      const segment = ((~codes[i]! & 0xff) >> 4) & 7;
      const allowed = Math.abs(x) > 32124 ? Math.abs(x) - 32124 : 4 << segment;
      worstExcess = Math.max(worstExcess, Math.abs(back[i]! - x) - allowed);
    }
    expect(monotonic).toBe(true);
    expect(worstExcess).toBe(0);
  });
});

describe('G.711 A-law', () => {
  it('decodes known code points', () => {
    const points: [number, number][] = [
      [0xd5, 8],
      [0x55, -8],
      [0xd4, 24],
      [0x00, -5504],
      [0x01, -5248],
      [0x02, -6016],
      [0x80, 5504],
      [0xaa, 32256],
      [0x2a, -32256],
    ];
    for (const [code, value] of points) expect([code, decodeOne(alawDecode, code)]).toEqual([code, value]);
  });

  it('has 256 distinct levels, symmetric in sign, with no zero level', () => {
    const levels = alawDecode(allCodes);
    expect(new Set(levels).size).toBe(256);
    expect(levels.includes(0)).toBe(false);
    for (let code = 0; code < 128; code++) expect(levels[code]! + levels[code | 0x80]!).toBe(0);
  });

  it('switches segment at the G.711 decision values', () => {
    // Segment ends of G.711 table 1a (32, 64, 128, ... on the 4096 scale), times 8.
    const ends = [256, 512, 1024, 2048, 4096, 8192, 16384];
    for (let s = 0; s < ends.length; s++) {
      const end = ends[s]!;
      const step = 16 << Math.max(0, s - 1);
      const nextStep = 16 << s;
      expect(end - roundTrip(alawEncode, alawDecode, end - 1)).toBe(step / 2);
      expect(roundTrip(alawEncode, alawDecode, end) - end).toBe(nextStep / 2);
      // Negative x mirrors as -1 - x.
      expect(roundTrip(alawEncode, alawDecode, -1 - end)).toBe(-roundTrip(alawEncode, alawDecode, end));
    }
  });

  it('encodes the extremes and the two levels around zero', () => {
    expect([...alawEncode(new Int16Array([0, 15, -1, -16, 32767, -32768]))]).toEqual([
      0xd5, 0xd5, 0x55, 0x55, 0xaa, 0x2a,
    ]);
  });

  it('re-encodes every decoded level to its own code', () => {
    const again = alawEncode(alawDecode(allCodes));
    expect([...allCodes].filter((c) => again[c] !== c)).toEqual([]);
  });

  it('is monotonic and within half a step over all 16-bit inputs', () => {
    const codes = alawEncode(allSamples);
    const back = alawDecode(codes);
    let monotonic = true;
    let worstExcess = -Infinity;
    for (let i = 0; i < allSamples.length; i++) {
      if (i > 0) monotonic &&= back[i]! >= back[i - 1]!;
      const x = allSamples[i]!;
      const segment = ((codes[i]! ^ 0x55) >> 4) & 7;
      const half = 8 << Math.max(0, segment - 1);
      worstExcess = Math.max(worstExcess, Math.abs(back[i]! - x) - half);
    }
    expect(monotonic).toBe(true);
    expect(worstExcess).toBe(0);
  });
});

describe('G.711 argument checks', () => {
  it('rejects the wrong array types', () => {
    expect(errorCode(() => mulawEncode(new Float32Array(2) as never))).toBe('invalid_argument');
    expect(errorCode(() => alawEncode([1, 2] as never))).toBe('invalid_argument');
    expect(errorCode(() => mulawDecode(new Int16Array(2) as never))).toBe('invalid_argument');
    expect(errorCode(() => alawDecode('ab' as never))).toBe('invalid_argument');
  });

  it('handles empty input', () => {
    expect(mulawEncode(new Int16Array(0)).length).toBe(0);
    expect(alawDecode(new Uint8Array(0)).length).toBe(0);
  });
});
