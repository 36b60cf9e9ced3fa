import { describe, expect, it } from 'vitest';
import { readAscii, readAsciiPortable, writeAscii, writeAsciiPortable } from './ascii.js';
import { Prng } from './test-support/prng.js';

const printable = (rng: Prng, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(32 + rng.int(95));
  return s;
};

describe.each([
  ['with TextEncoder/TextDecoder', writeAscii, readAscii],
  ['portable', writeAsciiPortable, readAsciiPortable],
])('ASCII transcoding %s', (_name, write, read) => {
  it('writes each character as one byte and reads them back', () => {
    const rng = new Prng(17);
    for (const n of [0, 1, 100, 8191, 8192, 8193, 20000]) {
      const text = printable(rng, n);
      const bytes = new Uint8Array(n + 3);
      expect(write(text, bytes)).toBe(true);
      if (n > 0) expect([bytes[0], bytes[n - 1]]).toEqual([text.charCodeAt(0), text.charCodeAt(n - 1)]);
      expect(read(bytes.subarray(0, n)) === text).toBe(true);
    }
  });

  it('reports characters outside ASCII', () => {
    for (const bad of ['abc\u0080', '\u00e9', 'x\u4e2d', '\u{1f600}', 'ok\u00ff']) {
      expect(write(bad, new Uint8Array(bad.length))).toBe(false);
    }
    expect(write('\u007f', new Uint8Array(1))).toBe(true);
  });
});
