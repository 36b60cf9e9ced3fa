import { describe, expect, it } from 'vitest';
import { AudioFormatError } from '../errors.js';
import { createBase64Codec } from './base64.js';
import { decodeBase64Pure, encodeBase64Pure } from './base64-pure.js';
import { pcm16FromBytes } from './pcm16.js';
import { Prng } from './test-support/prng.js';
import { dataChunk, fmtChunk, le16, riffFile } from './test-support/wav-fixtures.js';
import { type DecodedWav, decodeWav } from './wav-decode.js';
import { encodeWav } from './wav-encode.js';
import { patchWavSizes, wavHeader } from './wav-header.js';

/*
 * Every call either returns a well-formed result or throws AudioFormatError;
 * anything else (a TypeError, a RangeError from a huge allocation, a hang)
 * fails the test. Seeds are fixed so a failure repeats.
 */

type Outcome<T> = { ok: true; value: T } | { ok: false; error: AudioFormatError };

function attempt<T>(fn: () => T, describeInput: () => string): Outcome<T> {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    if (error instanceof AudioFormatError) return { ok: false, error };
    throw new Error(`non-AudioFormatError for ${describeInput()}: ${String(error)}`);
  }
}

function hex(bytes: Uint8Array): string {
  return [...bytes.subarray(0, 96)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function seedWavs(rng: Prng): Uint8Array[] {
  const tone = new Float32Array(40).map((_, i) => Math.sin(i / 2) * 0.8);
  const streamed = wavHeader({ sampleRate: 16000, channels: 1, bitsPerSample: 16 });
  const streamedFile = new Uint8Array(streamed.length + 20);
  streamedFile.set(streamed);
  streamedFile.set(rng.bytes(20), streamed.length);
  const fmt = (tag: number, channels: number, bits: number, size: 16 | 18 | 40 = 16, subTag = 1) =>
    fmtChunk({ tag, channels, sampleRate: 22050, bitsPerSample: bits, size, subTag });
  return [
    encodeWav(tone, { sampleRate: 24000 }),
    encodeWav([tone, tone], { sampleRate: 48000, encoding: 'float32' }),
    streamedFile,
    riffFile([fmt(1, 1, 8), dataChunk(rng.bytes(31))]),
    riffFile([{ id: 'LIST', body: rng.bytes(9) }, fmt(1, 2, 24), { id: 'fact', body: rng.bytes(4) }, dataChunk(rng.bytes(36))]),
    riffFile([fmt(1, 1, 32, 18), dataChunk(rng.bytes(40)), { id: 'LIST', body: rng.bytes(5) }]),
    riffFile([fmt(0xfffe, 2, 16, 40, 1), dataChunk(le16([1, 2, 3, 4]))]),
    riffFile([fmt(0xfffe, 1, 32, 40, 3), dataChunk(rng.bytes(16), 0xffffffff)]),
    riffFile([fmt(3, 1, 32, 18), { id: 'junk', body: rng.bytes(3) }, dataChunk(rng.bytes(12), 0)]),
  ];
}

const sizeValues = [0, 1, 2, 3, 15, 16, 17, 18, 40, 0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff];

function mutate(rng: Prng, seed: Uint8Array): Uint8Array {
  let bytes = seed.slice();
  const steps = 1 + rng.int(4);
  for (let s = 0; s < steps; s++) {
    const kind = rng.int(7);
    if (bytes.length === 0) bytes = new Uint8Array(rng.bytes(rng.int(16)));
    const at = rng.int(Math.max(1, bytes.length));
    if (kind === 0) {
      bytes[at] = rng.int(256);
    } else if (kind === 1) {
      bytes[at] ^= 1 << rng.int(8);
    } else if (kind === 2) {
      bytes = bytes.slice(0, rng.int(bytes.length + 1));
    } else if (kind === 3 && at + 4 <= bytes.length) {
      // A 32-bit field (a chunk size, a rate) set to an edge value.
      new DataView(bytes.buffer).setUint32(at - (at % 2), rng.pick(sizeValues), true);
    } else if (kind === 4 && bytes.length >= 36) {
      // A 16-bit fmt field: tag, channels, block align or bits.
      const field = rng.pick([20, 22, 32, 34]);
      new DataView(bytes.buffer).setUint16(field, rng.pick([0, 1, 2, 3, 8, 12, 16, 24, 32, 64, 0xfffe, 0xffff]), true);
    } else if (kind === 5) {
      const extra = rng.bytes(rng.int(24));
      const out = new Uint8Array(bytes.length + extra.length);
      out.set(bytes.subarray(0, at));
      out.set(extra, at);
      out.set(bytes.subarray(at), at + extra.length);
      bytes = out;
    } else {
      bytes = bytes.slice(0, at).slice(); // drop the tail, keep a fresh buffer
    }
  }
  return bytes;
}

function assertWellFormed(decoded: DecodedWav, input: Uint8Array): void {
  const { channels, channelData, sampleRate, bitsPerSample, format } = decoded;
  expect(Number.isInteger(sampleRate) && sampleRate > 0).toBe(true);
  expect(channels).toBeGreaterThan(0);
  expect(channelData.length).toBe(channels);
  expect(format === 'pcm' ? [8, 16, 24, 32] : [32]).toContain(bitsPerSample);
  const frames = channelData[0]!.length;
  let samples = 0;
  for (const channel of channelData) {
    expect(channel.length).toBe(frames);
    samples += channel.length;
  }
  // Nothing is allocated beyond what the input's bytes can fill.
  expect(samples * (bitsPerSample / 8)).toBeLessThanOrEqual(input.length);
  if (format === 'pcm') {
    let outside = 0;
    for (const channel of channelData) for (const x of channel) if (!(x >= -1 && x <= 1)) outside++;
    expect(outside).toBe(0);
  }
}

describe('fuzz: decodeWav', () => {
  it('returns a well-formed result or throws AudioFormatError for mutated WAV files', () => {
    const rng = new Prng(0xc0ffee);
    const seeds = seedWavs(rng);
    let decoded = 0;
    let rejected = 0;
    const codes = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      const input = mutate(rng, rng.pick(seeds));
      const view = rng.int(4) === 0 ? offsetCopy(input, 1 + rng.int(3)) : input;
      const result = attempt(() => decodeWav(view), () => hex(input));
      if (result.ok) {
        assertWellFormed(result.value, input);
        decoded++;
      } else {
        rejected++;
        codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1);
      }
    }
    // The mutations must exercise both outcomes to mean anything.
    expect(decoded).toBeGreaterThan(300);
    expect(rejected).toBeGreaterThan(300);
    expect(codes.size).toBeGreaterThanOrEqual(4);
  });

  it('handles random bytes behind a RIFF/WAVE preamble', () => {
    const rng = new Prng(99);
    for (let i = 0; i < 1000; i++) {
      const body = rng.bytes(rng.int(120));
      const input = new Uint8Array(12 + body.length);
      input.set([82, 73, 70, 70, rng.int(256), rng.int(256), 0, 0, 87, 65, 86, 69]);
      input.set(body, 12);
      const result = attempt(() => decodeWav(input), () => hex(input));
      if (result.ok) assertWellFormed(result.value, input);
    }
  });

  it('patchWavSizes returns its input or throws AudioFormatError for mutated headers', () => {
    const rng = new Prng(4242);
    const headers = [
      wavHeader({ sampleRate: 8000, channels: 1, bitsPerSample: 16 }),
      wavHeader({ sampleRate: 8000, channels: 2, bitsPerSample: 32, format: 'float' }),
    ];
    for (let i = 0; i < 1000; i++) {
      const input = mutate(rng, rng.pick(headers));
      const dataBytes = rng.pick([0, 1, 2, 8, 1000, -1, 2.5, 2 ** 32, Number.NaN]);
      const result = attempt(() => patchWavSizes(input, dataBytes), () => `${hex(input)} ${dataBytes}`);
      if (result.ok) expect(result.value).toBe(input);
    }
  });
});

function offsetCopy(bytes: Uint8Array, offset: number): Uint8Array {
  const backing = new Uint8Array(bytes.length + offset);
  backing.set(bytes, offset);
  return backing.subarray(offset);
}

describe('fuzz: base64', () => {
  const native = createBase64Codec({
    encode: (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64'),
    decode: (s) => new Uint8Array(Buffer.from(s, 'base64')),
  });

  it('decodes or throws invalid_base64, the same way on both paths', () => {
    const rng = new Prng(777);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const junk = ['=', '=', ' ', '\n', '-', '_', '.', '\u00e9', '\u0100', '\ud83d', '\u0000'];
    let accepted = 0;
    for (let i = 0; i < 4000; i++) {
      let s: string;
      if (rng.int(2) === 0) {
        s = encodeBase64Pure(rng.bytes(rng.int(40)));
        const chars = [...s];
        const edits = rng.int(3);
        for (let e = 0; e < edits && chars.length > 0; e++) {
          const at = rng.int(chars.length);
          if (rng.int(3) === 0) chars.splice(at, 1);
          else chars[at] = rng.int(2) ? rng.pick(junk) : alphabet[rng.int(64)]!;
        }
        s = chars.join('');
      } else {
        const length = rng.int(30);
        s = '';
        for (let j = 0; j < length; j++) s += rng.int(10) === 0 ? rng.pick(junk) : alphabet[rng.int(64)];
      }
      const pure = attempt(() => decodeBase64Pure(s), () => JSON.stringify(s));
      const viaNative = attempt(() => native.decode(s), () => JSON.stringify(s));
      if (pure.ok) {
        accepted++;
        expect(viaNative.ok && [...viaNative.value]).toEqual([...pure.value]);
        expect(pure.value.length).toBe(Math.floor((s.replace(/=+$/, '').length * 3) / 4));
      } else {
        expect(pure.error.code).toBe('invalid_base64');
        expect(viaNative.ok ? 'accepted' : viaNative.error.message).toBe(pure.error.message);
      }
    }
    expect(accepted).toBeGreaterThan(500);
  });
});

describe('fuzz: pcm16FromBytes', () => {
  it('returns n/2 samples or throws odd_byte_length, at any offset', () => {
    const rng = new Prng(31337);
    for (let i = 0; i < 2000; i++) {
      const length = rng.int(64);
      const input = offsetCopy(rng.bytes(length), rng.int(4));
      const result = attempt(() => pcm16FromBytes(input), () => hex(input));
      if (result.ok) {
        expect(result.value.length * 2).toBe(length);
        const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
        if (length > 0) expect(result.value[length / 2 - 1]).toBe(view.getInt16(length - 2, true));
      } else {
        expect([result.error.code, length % 2]).toEqual(['odd_byte_length', 1]);
      }
    }
  });
});

describe('fuzz: WAV writers', () => {
  it('encodeWav and wavHeader throw only AudioFormatError for odd options', () => {
    const rng = new Prng(5150);
    const numbers = [0, 1, 2, -1, 1.5, 8000, 48000, 2 ** 32, 2 ** 40, Number.NaN, Infinity, undefined, '16000'];
    for (let i = 0; i < 1000; i++) {
      const options = {
        sampleRate: rng.pick(numbers),
        channels: rng.pick(numbers),
        encoding: rng.pick(['pcm16', 'float32', 'mp3', undefined]),
      } as never;
      const samples = rng.pick([new Int16Array(rng.int(9)), new Float32Array(rng.int(9)), [new Float32Array(3)], []]);
      const result = attempt(() => encodeWav(samples as Int16Array, options), () => JSON.stringify(options));
      if (result.ok) expect(decodeWav(result.value).sampleRate).toBe((options as { sampleRate: number }).sampleRate);
      const header = {
        sampleRate: rng.pick(numbers),
        channels: rng.pick(numbers),
        bitsPerSample: rng.pick([8, 12, 16, 24, 32, 64, Number.NaN]),
        format: rng.pick(['pcm', 'float', 'alaw', undefined]),
        dataBytes: rng.pick(numbers),
      } as never;
      attempt(() => wavHeader(header), () => JSON.stringify(header));
    }
  });
});
