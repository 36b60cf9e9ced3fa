import { describe, expect, it } from 'vitest';
import { floatToPcm16, pcm16ToFloat } from './pcm16.js';
import { firstDifference } from './test-support/compare.js';
import { errorCode } from './test-support/errors.js';
import { Prng } from './test-support/prng.js';
import { decodeWav } from './wav-decode.js';
import { encodeWav } from './wav-encode.js';
import { wavHeader } from './wav-header.js';

function int16At(bytes: Uint8Array, offset: number, count: number): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, count * 2);
  return Array.from({ length: count }, (_, i) => view.getInt16(i * 2, true));
}

function float32At(bytes: Uint8Array, offset: number, count: number): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, count * 4);
  return Array.from({ length: count }, (_, i) => view.getFloat32(i * 4, true));
}

describe('encodeWav', () => {
  it('writes interleaved PCM16 after the canonical header', () => {
    const samples = new Int16Array([0, 1, -1, 32767, -32768, 1234]);
    const wav = encodeWav(samples, { sampleRate: 24000, channels: 2 });
    const header = wavHeader({ sampleRate: 24000, channels: 2, bitsPerSample: 16, dataBytes: 12 });
    expect([...wav.subarray(0, 44)]).toEqual([...header]);
    expect(int16At(wav, 44, 6)).toEqual([...samples]);
    expect(wav.length).toBe(56);
  });

  it('writes only the samples of a subarray view', () => {
    const all = new Int16Array([9, 1, 2, 3, 9]);
    const wav = encodeWav(all.subarray(1, 4), { sampleRate: 8000 });
    expect(int16At(wav, 44, 3)).toEqual([1, 2, 3]);
    expect(wav.length).toBe(50);
  });

  it('converts float input to PCM16 with floatToPcm16', () => {
    const floats = new Float32Array([0, 0.5, -0.5, 1.2, -1.2, Number.NaN]);
    const wav = encodeWav(floats, { sampleRate: 16000 });
    expect(int16At(wav, 44, 6)).toEqual([...floatToPcm16(floats)]);
  });

  it('interleaves planar channels frame by frame', () => {
    const left = new Float32Array([0.1, 0.2, 0.3]);
    const right = new Float32Array([-0.1, -0.2, -0.3]);
    const wav = encodeWav([left, right], { sampleRate: 16000 });
    const expected = floatToPcm16(new Float32Array([0.1, -0.1, 0.2, -0.2, 0.3, -0.3]));
    expect(new DataView(wav.buffer).getUint16(22, true)).toBe(2);
    expect(int16At(wav, 44, 6)).toEqual([...expected]);
  });

  it('writes IEEE float samples unchanged with encoding float32', () => {
    const floats = new Float32Array([0.25, -1.5, 3, 1e-7]);
    const wav = encodeWav(floats, { sampleRate: 48000, channels: 2, encoding: 'float32' });
    const header = wavHeader({ sampleRate: 48000, channels: 2, bitsPerSample: 32, format: 'float', dataBytes: 16 });
    expect([...wav.subarray(0, 58)]).toEqual([...header]);
    expect(float32At(wav, 58, 4)).toEqual([...floats]);
  });

  it('writes PCM16 input as float32 through pcm16ToFloat', () => {
    const samples = new Int16Array([-32768, 16384, 32767]);
    const wav = encodeWav(samples, { sampleRate: 8000, encoding: 'float32' });
    expect(float32At(wav, 58, 3)).toEqual([...pcm16ToFloat(samples)]);
  });

  it('round-trips through decodeWav in both encodings', () => {
    const rng = new Prng(13);
    const left = new Float32Array(1001).map(() => rng.next() * 2 - 1);
    const right = new Float32Array(1001).map(() => rng.next() * 2 - 1);
    const asFloat = decodeWav(encodeWav([left, right], { sampleRate: 44100, encoding: 'float32' }));
    expect(asFloat).toMatchObject({ sampleRate: 44100, channels: 2, bitsPerSample: 32, format: 'float' });
    expect(firstDifference(asFloat.channelData[0]!, left)).toBe(-1);
    expect(firstDifference(asFloat.channelData[1]!, right)).toBe(-1);

    const asPcm = decodeWav(encodeWav([left, right], { sampleRate: 44100 }));
    expect(asPcm).toMatchObject({ channels: 2, bitsPerSample: 16, format: 'pcm' });
    let worst = 0;
    for (let i = 0; i < left.length; i++) worst = Math.max(worst, Math.abs(asPcm.channelData[0]![i]! - left[i]!));
    expect(worst).toBeLessThanOrEqual(1.5 / 32768);
  });

  it('writes an empty file for no samples', () => {
    const wav = encodeWav(new Int16Array(0), { sampleRate: 16000 });
    expect(wav.length).toBe(44);
    expect(decodeWav(wav).channelData[0]!.length).toBe(0);
  });

  it.each<[string, () => unknown, string]>([
    ['missing options', () => encodeWav(new Int16Array(2), undefined as never), 'invalid_argument'],
    ['a missing sample rate', () => encodeWav(new Int16Array(2), {} as never), 'invalid_sample_rate'],
    ['zero channels', () => encodeWav(new Int16Array(2), { sampleRate: 8000, channels: 0 }), 'invalid_channels'],
    ['partial frames', () => encodeWav(new Int16Array(3), { sampleRate: 8000, channels: 2 }), 'invalid_argument'],
    ['a plain array', () => encodeWav([1, 2] as never, { sampleRate: 8000 }), 'invalid_argument'],
    ['a Uint8Array', () => encodeWav(new Uint8Array(4) as never, { sampleRate: 8000 }), 'invalid_argument'],
    ['no planar channels', () => encodeWav([], { sampleRate: 8000 }), 'invalid_channels'],
    [
      'planar channels of different lengths',
      () => encodeWav([new Float32Array(2), new Float32Array(3)], { sampleRate: 8000 }),
      'invalid_argument',
    ],
    [
      'a channel count that disagrees with planar input',
      () => encodeWav([new Float32Array(2)], { sampleRate: 8000, channels: 2 }),
      'invalid_channels',
    ],
    ['an unknown encoding', () => encodeWav(new Int16Array(2), { sampleRate: 8000, encoding: 'mp3' as never }), 'invalid_argument'],
  ])('rejects %s', (_what, call, code) => {
    expect(errorCode(call)).toBe(code);
  });
});
