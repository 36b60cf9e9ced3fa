import { AudioFormatError } from '../errors.js';
import { type RiffChunk, assertRiffWave, riffChunks, viewOf, writeFourCC } from './riff.js';
import {
  WAVE_FORMAT_IEEE_FLOAT,
  WAVE_FORMAT_PCM,
  type WavFormat,
  type WavSampleFormat,
  assertWritableFormat,
  blockAlignOf,
  parseFmtChunk,
} from './wav-fmt.js';

/** Written in the RIFF and data sizes (and the fact frame count) while the length is unknown. */
export const WAV_UNKNOWN_SIZE = 0xffffffff;

export interface WavHeaderOptions {
  sampleRate: number;
  channels: number;
  /** 8, 16, 24 or 32 for `pcm`; 32 for `float`. */
  bitsPerSample: number;
  /** Sample format; `pcm` (integer) unless given. */
  format?: WavSampleFormat;
  /**
   * Size of the sample data in bytes, a whole number of frames. Leave it out
   * when streaming: the sizes are then written as 0xFFFFFFFF, which readers
   * take as "up to the end", and `patchWavSizes` can fill them in later.
   */
  dataBytes?: number;
}

/**
 * The bytes that precede the sample data of a WAV file. For `pcm` this is the
 * canonical 44-byte header (`fmt ` of 16 bytes, then `data`). For `float` it
 * is 58 bytes: an 18-byte `fmt ` (format tag 3, no extension) and the `fact`
 * chunk that non-PCM formats must carry, then `data`.
 *
 * When `dataBytes` is odd (8-bit or 24-bit audio with an odd channel count),
 * the RIFF size counts the pad byte RIFF requires after the data: append one
 * zero byte after the samples.
 */
export function wavHeader(options: WavHeaderOptions): Uint8Array {
  if (typeof options !== 'object' || options === null) {
    throw new AudioFormatError('invalid_argument', 'wavHeader expects an options object');
  }
  const format: WavFormat = {
    format: options.format ?? 'pcm',
    channels: options.channels,
    sampleRate: options.sampleRate,
    bitsPerSample: options.bitsPerSample,
  };
  assertWritableFormat(format);
  const isFloat = format.format === 'float';
  const dataOffset = isFloat ? 58 : 44;
  const blockAlign = blockAlignOf(format);
  const dataBytes = options.dataBytes;
  if (dataBytes !== undefined) assertDataBytes(dataBytes, blockAlign, dataOffset);

  const out = new Uint8Array(dataOffset);
  const view = viewOf(out);
  writeFourCC(out, 0, 'RIFF');
  writeFourCC(out, 8, 'WAVE');
  writeFourCC(out, 12, 'fmt ');
  view.setUint32(16, isFloat ? 18 : 16, true);
  view.setUint16(20, isFloat ? WAVE_FORMAT_IEEE_FLOAT : WAVE_FORMAT_PCM, true);
  view.setUint16(22, format.channels, true);
  view.setUint32(24, format.sampleRate, true);
  view.setUint32(28, format.sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, format.bitsPerSample, true);
  if (isFloat) {
    view.setUint16(36, 0, true);
    writeFourCC(out, 38, 'fact');
    view.setUint32(42, 4, true);
  }
  writeFourCC(out, dataOffset - 8, 'data');
  writeSizes(view, dataOffset, isFloat ? 46 : -1, dataBytes, blockAlign);
  return out;
}

/**
 * Fills in the sizes of a WAV header written with unknown length, once the
 * length is known: the RIFF size, the `data` size and, when present, the
 * `fact` frame count. `bytes` may be the header alone or the whole file; it
 * is changed in place and returned. The `data` chunk is taken to be the last
 * chunk, as it is in a streamed file. `dataBytes` must be a whole number of
 * frames; throws `invalid_wav` when `bytes` holds no WAV header with a `fmt `
 * and a `data` chunk, `invalid_argument` for a bad `dataBytes`.
 */
export function patchWavSizes(bytes: Uint8Array, dataBytes: number): Uint8Array {
  assertRiffWave(bytes);
  const view = viewOf(bytes);
  let format: WavFormat | undefined;
  let fact: RiffChunk | undefined;
  let data: RiffChunk | undefined;
  for (const chunk of riffChunks(bytes, view)) {
    if (chunk.id === 'fmt ' && !format) format = parseFmtChunk(bytes, view, chunk);
    else if (chunk.id === 'fact' && !fact) fact = chunk;
    else if (chunk.id === 'data') {
      data = chunk;
      break;
    }
  }
  if (!format) throw new AudioFormatError('invalid_wav', 'cannot patch WAV sizes: no fmt chunk before the data');
  if (!data) throw new AudioFormatError('invalid_wav', 'cannot patch WAV sizes: no data chunk header found');
  const blockAlign = blockAlignOf(format);
  assertDataBytes(dataBytes, blockAlign, data.body);
  const factAt = fact && fact.size >= 4 && fact.body + 4 <= bytes.length ? fact.body : -1;
  writeSizes(view, data.body, factAt, dataBytes, blockAlign);
  return bytes;
}

function writeSizes(
  view: DataView,
  dataOffset: number,
  factAt: number,
  dataBytes: number | undefined,
  blockAlign: number,
): void {
  const known = dataBytes !== undefined;
  const riffSize = known ? dataOffset - 8 + dataBytes + (dataBytes & 1) : WAV_UNKNOWN_SIZE;
  view.setUint32(4, riffSize, true);
  view.setUint32(dataOffset - 4, known ? dataBytes : WAV_UNKNOWN_SIZE, true);
  if (factAt >= 0) view.setUint32(factAt, known ? dataBytes / blockAlign : WAV_UNKNOWN_SIZE, true);
}

function assertDataBytes(dataBytes: number, blockAlign: number, dataOffset: number): void {
  if (typeof dataBytes !== 'number' || !Number.isInteger(dataBytes) || dataBytes < 0) {
    throw new AudioFormatError('invalid_argument', `dataBytes must be a whole number of bytes, got ${String(dataBytes)}`);
  }
  if (dataBytes % blockAlign !== 0) {
    throw new AudioFormatError(
      'invalid_argument',
      `dataBytes ${dataBytes} is not a whole number of ${blockAlign}-byte frames`,
    );
  }
  if (dataOffset - 8 + dataBytes + (dataBytes & 1) >= WAV_UNKNOWN_SIZE) {
    throw new AudioFormatError('invalid_argument', `dataBytes ${dataBytes} is too large for a RIFF WAV file (4 GiB limit)`);
  }
}
