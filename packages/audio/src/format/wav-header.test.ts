import { describe, expect, it } from 'vitest';
import { errorCode } from './test-support/errors.js';
import { decodeWav } from './wav-decode.js';
import { type WavHeaderOptions, patchWavSizes, wavHeader } from './wav-header.js';

function fields(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const id = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  return { view, id, u16: (at: number) => view.getUint16(at, true), u32: (at: number) => view.getUint32(at, true) };
}

describe('wavHeader', () => {
  it('writes the canonical 44-byte PCM header', () => {
    const header = wavHeader({ sampleRate: 24000, channels: 1, bitsPerSample: 16, dataBytes: 4800 });
    const { id, u16, u32 } = fields(header);
    expect(header.length).toBe(44);
    expect([id(0), u32(4), id(8), id(12), u32(16)]).toEqual(['RIFF', 36 + 4800, 'WAVE', 'fmt ', 16]);
    // tag, channels, rate, byte rate, block align, bits
    expect([u16(20), u16(22), u32(24), u32(28), u16(32), u16(34)]).toEqual([1, 1, 24000, 48000, 2, 16]);
    expect([id(36), u32(40)]).toEqual(['data', 4800]);
  });

  it('derives block align and byte rate for multichannel and 24-bit audio', () => {
    const { u16, u32 } = fields(wavHeader({ sampleRate: 48000, channels: 2, bitsPerSample: 24, dataBytes: 60 }));
    expect([u16(22), u32(28), u16(32), u16(34)]).toEqual([2, 48000 * 6, 6, 24]);
  });

  it('writes a float header with an 18-byte fmt and a fact chunk', () => {
    const header = wavHeader({ sampleRate: 16000, channels: 2, bitsPerSample: 32, format: 'float', dataBytes: 80 });
    const { id, u16, u32 } = fields(header);
    expect(header.length).toBe(58);
    expect([id(12), u32(16), u16(20), u16(32), u16(36)]).toEqual(['fmt ', 18, 3, 8, 0]);
    expect([id(38), u32(42), u32(46)]).toEqual(['fact', 4, 10]);
    expect([id(50), u32(54), u32(4)]).toEqual(['data', 80, 50 + 80]);
  });

  it('marks unknown sizes with 0xFFFFFFFF for streaming', () => {
    const pcm = fields(wavHeader({ sampleRate: 8000, channels: 1, bitsPerSample: 16 }));
    expect([pcm.u32(4), pcm.u32(40)]).toEqual([0xffffffff, 0xffffffff]);
    const float = fields(wavHeader({ sampleRate: 8000, channels: 1, bitsPerSample: 32, format: 'float' }));
    expect([float.u32(4), float.u32(46), float.u32(54)]).toEqual([0xffffffff, 0xffffffff, 0xffffffff]);
  });

  it('counts the pad byte after odd-sized data in the RIFF size', () => {
    const { u32 } = fields(wavHeader({ sampleRate: 8000, channels: 1, bitsPerSample: 8, dataBytes: 3 }));
    expect([u32(4), u32(40)]).toEqual([36 + 3 + 1, 3]);
  });

  it.each<[string, Partial<WavHeaderOptions>, string]>([
    ['12-bit PCM', { bitsPerSample: 12 }, 'invalid_argument'],
    ['16-bit float', { bitsPerSample: 16, format: 'float' }, 'invalid_argument'],
    ['an unknown format', { format: 'alaw' as 'pcm' }, 'invalid_argument'],
    ['a zero rate', { sampleRate: 0 }, 'invalid_sample_rate'],
    ['a fractional rate', { sampleRate: 22050.5 }, 'invalid_sample_rate'],
    ['a NaN rate', { sampleRate: Number.NaN }, 'invalid_sample_rate'],
    ['a rate over 32 bits', { sampleRate: 2 ** 32 }, 'invalid_sample_rate'],
    ['zero channels', { channels: 0 }, 'invalid_channels'],
    ['65536 channels', { channels: 65536 }, 'invalid_channels'],
    ['a frame over 65535 bytes', { channels: 40000 }, 'invalid_channels'],
    ['a byte rate over 32 bits', { sampleRate: 2 ** 31, channels: 2 }, 'invalid_argument'],
    ['negative dataBytes', { dataBytes: -2 }, 'invalid_argument'],
    ['fractional dataBytes', { dataBytes: 2.5 }, 'invalid_argument'],
    ['dataBytes that are not whole frames', { dataBytes: 3 }, 'invalid_argument'],
    ['dataBytes past the 4 GiB limit', { dataBytes: 2 ** 32 - 36 }, 'invalid_argument'],
  ])('rejects %s', (_what, override, code) => {
    const options = { sampleRate: 16000, channels: 1, bitsPerSample: 16, ...override };
    expect(errorCode(() => wavHeader(options))).toBe(code);
  });

  it('accepts the largest data size that fits', () => {
    const { u32 } = fields(wavHeader({ sampleRate: 8000, channels: 1, bitsPerSample: 16, dataBytes: 2 ** 32 - 38 }));
    expect(u32(4)).toBe(2 ** 32 - 2);
  });
});

describe('patchWavSizes', () => {
  it('turns a streaming header into the header for the final length', () => {
    for (const format of ['pcm', 'float'] as const) {
      const base = { sampleRate: 22050, channels: 2, bitsPerSample: format === 'pcm' ? 16 : 32, format };
      const streamed = wavHeader(base);
      const patched = patchWavSizes(streamed, 4000);
      expect(patched).toBe(streamed);
      expect([...patched]).toEqual([...wavHeader({ ...base, dataBytes: 4000 })]);
    }
  });

  it('patches a whole streamed file so the declared sizes cover its data', () => {
    const header = wavHeader({ sampleRate: 8000, channels: 1, bitsPerSample: 16 });
    const file = new Uint8Array(header.length + 8);
    file.set(header);
    file.set([1, 0, 2, 0, 3, 0, 4, 0], header.length);
    patchWavSizes(file, 8);
    const { u32 } = fields(file);
    expect([u32(4), u32(40)]).toEqual([file.length - 8, 8]);
    expect([...decodeWav(file).channelData[0]!].map((x) => x * 32768)).toEqual([1, 2, 3, 4]);
  });

  it('rejects bytes that are not a WAV header and bad sizes', () => {
    const header = wavHeader({ sampleRate: 8000, channels: 2, bitsPerSample: 16 });
    expect(errorCode(() => patchWavSizes(new Uint8Array(44), 0))).toBe('invalid_wav');
    expect(errorCode(() => patchWavSizes(header.subarray(0, 36), 0))).toBe('invalid_wav');
    expect(errorCode(() => patchWavSizes(header, 6))).toBe('invalid_argument');
    expect(errorCode(() => patchWavSizes(header, -4))).toBe('invalid_argument');
    expect(errorCode(() => patchWavSizes(header, 2 ** 32))).toBe('invalid_argument');
  });
});
