import { describe, expect, it } from 'vitest';
import { errorCode, formatError } from './test-support/errors.js';
import { type ChunkSpec, dataChunk, fmtChunk, le16, pcm16Wav, riffFile } from './test-support/wav-fixtures.js';
import { decodeWav } from './wav-decode.js';

const fmt16 = fmtChunk({ tag: 1, channels: 1, sampleRate: 16000, bitsPerSample: 16 });
const someData = dataChunk(le16([100, -100]));

function samplesOf(bytes: Uint8Array, channel = 0): number[] {
  return [...decodeWav(bytes).channelData[channel]!];
}

describe('decodeWav: sample formats', () => {
  it('reads 16-bit PCM scaled by 1/32768', () => {
    const wav = pcm16Wav([0, 16384, -32768, 32767, -1], 1, 24000);
    const decoded = decodeWav(wav);
    expect(decoded).toMatchObject({ sampleRate: 24000, channels: 1, bitsPerSample: 16, format: 'pcm' });
    expect([...decoded.channelData[0]!]).toEqual([0, 0.5, -1, 32767 / 32768, -1 / 32768]);
  });

  it('reads 8-bit unsigned PCM around 128', () => {
    const wav = riffFile([
      fmtChunk({ tag: 1, channels: 1, sampleRate: 8000, bitsPerSample: 8 }),
      dataChunk(new Uint8Array([0, 128, 255, 64, 192])),
    ]);
    expect(samplesOf(wav)).toEqual([-1, 0, 127 / 128, -0.5, 0.5]);
  });

  it('reads 24-bit PCM, sign-extended', () => {
    const wav = riffFile([
      fmtChunk({ tag: 1, channels: 1, sampleRate: 48000, bitsPerSample: 24 }),
      dataChunk(new Uint8Array([0, 0, 0x80, 0xff, 0xff, 0x7f, 1, 0, 0, 0xff, 0xff, 0xff, 0, 0, 0x40])),
    ]);
    expect(samplesOf(wav)).toEqual([-1, 8388607 / 8388608, 1 / 8388608, -1 / 8388608, 0.5]);
  });

  it('reads 32-bit integer PCM', () => {
    const wav = riffFile([
      fmtChunk({ tag: 1, channels: 1, sampleRate: 48000, bitsPerSample: 32 }),
      dataChunk(new Uint8Array([0, 0, 0, 0x80, 0, 0, 0, 0x40, 0, 0, 0, 0xc0, 0xff, 0xff, 0xff, 0x7f])),
    ]);
    // 2147483647 / 2147483648 rounds to 1 in float32.
    expect(samplesOf(wav)).toEqual([-1, 0.5, -0.5, 1]);
  });

  it('reads 32-bit IEEE float as stored', () => {
    const values = [0.25, -1.5, 2, -0];
    const body = new Uint8Array(16);
    for (const [i, v] of values.entries()) new DataView(body.buffer).setFloat32(i * 4, v, true);
    const wav = riffFile([
      fmtChunk({ tag: 3, channels: 1, sampleRate: 44100, bitsPerSample: 32, size: 18 }),
      { id: 'fact', body: new Uint8Array([4, 0, 0, 0]) },
      dataChunk(body),
    ]);
    const decoded = decodeWav(wav);
    expect(decoded.format).toBe('float');
    expect([...decoded.channelData[0]!]).toEqual(values);
  });

  it('splits interleaved channels into planar arrays', () => {
    const wav = pcm16Wav([1, -1, 2, -2, 3, -3].map((x) => x * 1024), 2);
    expect(samplesOf(wav, 0)).toEqual([1, 2, 3].map((x) => x / 32));
    expect(samplesOf(wav, 1)).toEqual([-1, -2, -3].map((x) => x / 32));
  });

  it('reads WAVE_FORMAT_EXTENSIBLE with PCM and float subformats', () => {
    const pcm = riffFile([
      fmtChunk({ tag: 0xfffe, channels: 2, sampleRate: 16000, bitsPerSample: 16, size: 40, subTag: 1 }),
      dataChunk(le16([16384, -16384])),
    ]);
    expect(decodeWav(pcm)).toMatchObject({ format: 'pcm', channels: 2, bitsPerSample: 16 });
    expect([samplesOf(pcm, 0), samplesOf(pcm, 1)]).toEqual([[0.5], [-0.5]]);

    const body = new Uint8Array(4);
    new DataView(body.buffer).setFloat32(0, 0.75, true);
    const float = riffFile([
      fmtChunk({ tag: 0xfffe, channels: 1, sampleRate: 16000, bitsPerSample: 32, size: 40, subTag: 3 }),
      dataChunk(body),
    ]);
    expect(decodeWav(float).format).toBe('float');
    expect(samplesOf(float)).toEqual([0.75]);
  });

  it('reads an 18-byte fmt chunk for PCM', () => {
    const wav = riffFile([fmtChunk({ tag: 1, channels: 1, sampleRate: 16000, bitsPerSample: 16, size: 18 }), someData]);
    expect(samplesOf(wav)).toEqual([100 / 32768, -100 / 32768]);
  });

  it('reads from a view at an odd byte offset', () => {
    const wav = pcm16Wav([7, -7]);
    const backing = new Uint8Array(wav.length + 3);
    backing.set(wav, 3);
    expect(samplesOf(backing.subarray(3))).toEqual([7 / 32768, -7 / 32768]);
  });
});

describe('decodeWav: chunk walking', () => {
  it('skips LIST, fact and unknown chunks, honouring pad bytes', () => {
    const chunks: ChunkSpec[] = [
      { id: 'LIST', body: new Uint8Array([73, 78, 70, 79, 1, 2, 3]) },
      fmt16,
      { id: 'junk', body: new Uint8Array(5).fill(0xee) },
      { id: 'fact', body: new Uint8Array([2, 0, 0, 0]) },
      someData,
      { id: 'LIST', body: new Uint8Array(9).fill(0x41) },
    ];
    expect(samplesOf(riffFile(chunks))).toEqual([100 / 32768, -100 / 32768]);
  });

  it('stops at the declared data size when more chunks follow', () => {
    const wav = riffFile([fmt16, dataChunk(le16([1, 2, 3])), { id: 'LIST', body: new Uint8Array(4) }]);
    expect(samplesOf(wav).map((x) => x * 32768)).toEqual([1, 2, 3]);
  });

  it('accepts data before fmt when the data size is known', () => {
    expect(samplesOf(riffFile([someData, fmt16])).map((x) => x * 32768)).toEqual([100, -100]);
  });

  it.each([
    ['0', 0],
    ['0xFFFFFFFF', 0xffffffff],
    ['past the end', 1000],
  ])('takes a data size of %s as the bytes present', (_what, declared) => {
    const wav = riffFile([fmt16, dataChunk(le16([5, 6, 7]), declared)]);
    expect(samplesOf(wav).map((x) => x * 32768)).toEqual([5, 6, 7]);
  });

  it('drops a trailing partial frame', () => {
    const stereo = fmtChunk({ tag: 1, channels: 2, sampleRate: 8000, bitsPerSample: 16 });
    const wav = riffFile([stereo, { id: 'data', body: new Uint8Array([1, 0, 2, 0, 3, 0, 4]), declaredSize: 0xffffffff, pad: false }], { riffSize: 0 });
    const decoded = decodeWav(wav);
    expect([decoded.channelData[0]!.length, decoded.channelData[1]!.length]).toEqual([1, 1]);
    expect(samplesOf(wav, 1)).toEqual([2 / 32768]);
  });

  it('ignores the RIFF size', () => {
    for (const riffSize of [0, 4, 0xffffffff]) {
      expect(samplesOf(riffFile([fmt16, someData], { riffSize })).length).toBe(2);
    }
  });

  it('accepts an odd final chunk without its pad byte', () => {
    const wav = riffFile([fmt16, someData, { id: 'note', body: new Uint8Array(3), pad: false }]);
    expect(samplesOf(wav).length).toBe(2);
  });
});

describe('decodeWav: rejections', () => {
  const fmt = (over: Partial<Parameters<typeof fmtChunk>[0]>) =>
    fmtChunk({ tag: 1, channels: 1, sampleRate: 16000, bitsPerSample: 16, ...over });

  it.each<[string, Uint8Array, string, RegExp?]>([
    ['empty input', new Uint8Array(0), 'invalid_wav'],
    ['random bytes', new Uint8Array(64).fill(7), 'invalid_wav', /RIFF/],
    ['a cut RIFF magic', new Uint8Array([82, 73, 70]), 'truncated_wav'],
    ['a cut RIFF header', new Uint8Array([82, 73, 70, 70, 4, 0, 0, 0]), 'truncated_wav'],
    ['RIFX', riffFile([fmt16, someData], { magic: 'RIFX' }), 'unsupported_wav_format', /RIFX/],
    ['RF64', riffFile([fmt16, someData], { magic: 'RF64' }), 'unsupported_wav_format', /RF64/],
    ['a non-WAVE form', riffFile([fmt16, someData], { form: 'AVI ' }), 'invalid_wav', /AVI/],
    ['no fmt chunk', riffFile([someData]), 'invalid_wav', /fmt/],
    ['no data chunk', riffFile([fmt16, { id: 'LIST', body: new Uint8Array(4) }]), 'invalid_wav', /data/],
    ['a 14-byte fmt chunk', riffFile([{ id: 'fmt ', body: new Uint8Array(14) }, someData]), 'invalid_wav', /fmt/],
    ['a file cut inside fmt', riffFile([fmt16]).subarray(0, 30), 'truncated_wav'],
    ['a file cut inside a chunk before data', riffFile([fmt16, { id: 'LIST', body: new Uint8Array(40) }]).subarray(0, 50), 'truncated_wav', /LIST/],
    ['a file cut inside a chunk header', riffFile([fmt16, someData]).subarray(0, 36 + 4), 'truncated_wav'],
    ['ADPCM', riffFile([fmt({ tag: 2, bitsPerSample: 4, blockAlign: 256 }), someData]), 'unsupported_wav_format', /ADPCM/],
    ['A-law', riffFile([fmt({ tag: 6, bitsPerSample: 8 }), someData]), 'unsupported_wav_format', /A-law/],
    ['an unknown extensible GUID', riffFile([wrongGuid(), someData]), 'unsupported_wav_format', /GUID/],
    ['an extensible fmt of 18 bytes', riffFile([fmt({ tag: 0xfffe, size: 18 }), someData]), 'invalid_wav'],
    ['an extensible fmt without extension', riffFile([fmt({ tag: 0xfffe, size: 40, cbSize: 0 }), someData]), 'invalid_wav'],
    ['12-bit PCM', riffFile([fmt({ bitsPerSample: 12, blockAlign: 2 }), someData]), 'unsupported_wav_format', /12-bit/],
    ['64-bit float', riffFile([fmt({ tag: 3, bitsPerSample: 64 }), someData]), 'unsupported_wav_format', /64-bit/],
    ['16-bit float', riffFile([fmt({ tag: 3, bitsPerSample: 16 }), someData]), 'unsupported_wav_format'],
    ['zero channels', riffFile([fmt({ channels: 0, blockAlign: 2 }), someData]), 'invalid_channels'],
    ['a zero sample rate', riffFile([fmt({ sampleRate: 0 }), someData]), 'invalid_sample_rate'],
    ['a block align mismatch', riffFile([fmt({ channels: 2, blockAlign: 2 }), someData]), 'invalid_wav', /block align/],
  ])('rejects %s', (_what, bytes, code, message) => {
    const error = formatError(() => decodeWav(bytes));
    expect(error.code).toBe(code);
    if (message) expect(error.message).toMatch(message);
  });

  it('rejects input that is not a Uint8Array', () => {
    expect(errorCode(() => decodeWav('RIFF' as never))).toBe('invalid_argument');
    expect(errorCode(() => decodeWav(new Int16Array(40) as never))).toBe('invalid_argument');
  });
});

function wrongGuid(): ChunkSpec {
  const chunk = fmtChunk({ tag: 0xfffe, channels: 1, sampleRate: 16000, bitsPerSample: 16, size: 40 });
  chunk.body[24 + 10] ^= 0xff;
  return chunk;
}
