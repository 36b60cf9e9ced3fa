import { afterEach, describe, expect, it, vi } from 'vitest';
import { AudioFormatError } from '../errors.js';
import { type Base64Codec, base64ToBytes, bytesToBase64, createBase64Codec } from './base64.js';
import { type NativeBase64, detectNativeBase64 } from './base64-native.js';
import { decodeBase64Pure, encodeBase64Pure } from './base64-pure.js';
import { firstDifference } from './test-support/compare.js';
import { errorCode } from './test-support/errors.js';
import { Prng } from './test-support/prng.js';

// Node's Buffer decoder is about as lenient as a decoder gets (it skips any
// character it does not know), which makes it a good stand-in for a native
// codec that must not be trusted with unchecked input.
const lenientNative: NativeBase64 = {
  encode: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  decode: (text) => new Uint8Array(Buffer.from(text, 'base64')),
};

const backends: [string, Base64Codec][] = [
  ['exported (auto)', { encode: bytesToBase64, decode: base64ToBytes }],
  ['pure', { encode: encodeBase64Pure, decode: decodeBase64Pure }],
  ['over a lenient native codec', createBase64Codec(lenientNative)],
];
const realNative = detectNativeBase64();
if (realNative) backends.push(['over this platform native codec', createBase64Codec(realNative)]);

const text = (s: string) => new TextEncoder().encode(s);
const reference = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

type Outcome = { bytes: number[] } | { code: string; message: string };
function outcome(fn: () => Uint8Array): Outcome {
  try {
    return { bytes: [...fn()] };
  } catch (error) {
    if (!(error instanceof AudioFormatError)) throw error;
    return { code: error.code, message: error.message };
  }
}

const invalid = [
  ['whitespace inside', 'Zm9v YmFy'],
  ['leading space', ' Zm9v'],
  ['trailing newline', 'Zm9vYg==\n'],
  ['CRLF line break', 'Zm9v\r\nYmFy'],
  ['tab', 'Zm9v\tYmFy'],
  ['URL-safe minus', 'ab-_'],
  ['URL-safe underscore', 'Zm9_'],
  ['one character left over', 'Zm9vY'],
  ['a single character', 'Z'],
  ['padding that does not complete a group', 'Zg='],
  ['three padding characters', 'Z==='],
  ['padding alone', '===='],
  ['padding in the middle', 'Zg==Zm9v'],
  ['padding at the start', '=Zg='],
  ['a single =', '='],
  ['non-ASCII letter', 'Zm9v\u00e9mFy'],
  ['non-Latin-1 character', 'Zm9v\u4e2dmFy'],
  ['emoji (surrogate pair)', 'Zm9v\u{1f600}Fy'],
  ['NUL', 'Zm9v\u0000mFy'],
  ['a dot', 'Zm9v.mFy'],
  ['bad character in the unpadded tail', 'Zm9vY*'],
  ['bad character after the first 16384 characters', 'A'.repeat(20000) + '!AAA'],
  ['non-ASCII after the first 16384 characters', 'A'.repeat(16388) + '\u00ffAAA'],
] as const;

describe.each(backends)('base64 %s', (_name, codec) => {
  it('matches the RFC 4648 test vectors', () => {
    const vectors = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ] as const;
    for (const [plain, encoded] of vectors) {
      expect(codec.encode(text(plain))).toBe(encoded);
      expect([...codec.decode(encoded)]).toEqual([...text(plain)]);
    }
  });

  it('round-trips every byte value and every length up to 70', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    expect(codec.encode(all)).toBe(reference(all));
    expect(codec.decode(codec.encode(all))).toEqual(all);
    const rng = new Prng(5);
    for (let n = 0; n <= 70; n++) {
      const bytes = rng.bytes(n);
      const encoded = codec.encode(bytes);
      expect(encoded).toBe(reference(bytes));
      expect(codec.decode(encoded)).toEqual(bytes);
    }
  });

  it('handles inputs that span several internal slices', () => {
    const rng = new Prng(9);
    for (const n of [12288, 12289, 12290, 100_003]) {
      const bytes = rng.bytes(n);
      const encoded = codec.encode(bytes);
      expect(encoded === reference(bytes)).toBe(true);
      expect(firstDifference(codec.decode(encoded), bytes)).toBe(-1);
    }
  });

  it('encodes only the bytes of a subarray view', () => {
    const backing = text('xxfoobarxx');
    expect(codec.encode(backing.subarray(2, 8))).toBe('Zm9vYmFy');
    expect(codec.encode(backing.subarray(3, 4))).toBe('bw==');
  });

  it('accepts input whose padding was left off', () => {
    expect([...codec.decode('Zg')]).toEqual([...text('f')]);
    expect([...codec.decode('Zm8')]).toEqual([...text('fo')]);
    expect([...codec.decode('Zm9vYmE')]).toEqual([...text('fooba')]);
  });

  it('ignores unused low bits in the last character', () => {
    expect([...codec.decode('Zh==')]).toEqual([...text('f')]);
    expect([...codec.decode('Zm9=')]).toEqual([...text('fo')]);
  });

  it.each(invalid)('rejects %s with invalid_base64', (_what, input) => {
    let caught: unknown;
    try {
      codec.decode(input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AudioFormatError);
    expect((caught as AudioFormatError).code).toBe('invalid_base64');
  });

  it('names the offending character and its index', () => {
    expect(() => codec.decode('Zm9v YmFy')).toThrow(/U\+0020 at index 4/);
    expect(() => codec.decode('Zg==Zm9v')).toThrow(/padding "=" before the end, at index 2/);
    expect(() => codec.decode('Zm9vYg==\n')).toThrow(/U\+000A at index 8/);
    expect(() => codec.decode('ab-_')).toThrow(/"-" \(U\+002D\) at index 2/);
  });

  it('rejects arguments of the wrong type with invalid_argument', () => {
    expect(errorCode(() => codec.decode(123 as unknown as string))).toBe('invalid_argument');
    expect(errorCode(() => codec.encode([1, 2] as unknown as Uint8Array))).toBe('invalid_argument');
    expect(errorCode(() => codec.encode('abc' as unknown as Uint8Array))).toBe('invalid_argument');
  });
});

describe('base64 backends agree', () => {
  it('on the same bytes or the same error for valid, invalid and random strings', () => {
    const [pure, ...others] = backends.map(([, codec]) => codec);
    const rng = new Prng(21);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';
    const samples: string[] = invalid.map(([, s]) => s);
    for (let i = 0; i < 400; i++) {
      const length = rng.int(24);
      let s = '';
      for (let j = 0; j < length; j++) s += rng.next() < 0.97 ? alphabet[rng.int(alphabet.length)] : rng.pick([' ', '-', '\n', '\u00e9', '_']);
      samples.push(s);
    }
    for (const s of samples) {
      const expected = outcome(() => pure!.decode(s));
      for (const other of others) expect(outcome(() => other.decode(s))).toEqual(expected);
    }
  });
});

describe('detectNativeBase64', () => {
  const ctor = Uint8Array as unknown as Record<string, unknown>;
  const proto = Uint8Array.prototype as unknown as Record<string, unknown>;
  const saved = { from: ctor.fromBase64, to: proto.toBase64 };
  afterEach(() => {
    if (saved.from === undefined) delete ctor.fromBase64;
    else ctor.fromBase64 = saved.from;
    if (saved.to === undefined) delete proto.toBase64;
    else proto.toBase64 = saved.to;
  });

  it('uses Uint8Array.fromBase64 and Uint8Array.prototype.toBase64 when both exist', () => {
    ctor.fromBase64 = (s: string) => new Uint8Array([s.length]);
    proto.toBase64 = function (this: Uint8Array) {
      return `len${this.length}`;
    };
    const native = detectNativeBase64();
    expect(native?.encode(new Uint8Array(3))).toBe('len3');
    expect([...(native?.decode('abcd') ?? [])]).toEqual([4]);
  });

  it('finds nothing when either half is missing', () => {
    delete ctor.fromBase64;
    proto.toBase64 = () => '';
    expect(detectNativeBase64()).toBeUndefined();
  });
});

describe('base64 without TextEncoder and TextDecoder (as in an AudioWorkletGlobalScope)', () => {
  it('imports and still encodes, decodes and rejects', async () => {
    vi.resetModules();
    vi.stubGlobal('TextEncoder', undefined);
    vi.stubGlobal('TextDecoder', undefined);
    try {
      const format = await import('./index.js');
      const bytes = new Uint8Array(30000).map((_, i) => (i * 7) & 255);
      const encoded = format.bytesToBase64(bytes);
      expect(encoded === reference(bytes)).toBe(true);
      expect(firstDifference(format.base64ToBytes(encoded), bytes)).toBe(-1);
      let caught: unknown;
      try {
        format.base64ToBytes('Zm9v\u00e9A==');
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({ name: 'AudioFormatError', code: 'invalid_base64' });
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});
