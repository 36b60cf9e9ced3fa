import { AudioFormatError } from '../errors.js';
import { type RiffChunk, assertRiffWave, riffChunks, viewOf } from './riff.js';
import { type WavFormat, type WavSampleFormat, blockAlignOf, parseFmtChunk } from './wav-fmt.js';

/** A decoded WAV file: its format and its samples as planar floats. */
export interface DecodedWav {
  sampleRate: number;
  channels: number;
  /** Bits per sample as stored in the file: 8, 16, 24 or 32. */
  bitsPerSample: number;
  format: WavSampleFormat;
  /**
   * One array per channel. Integer PCM is scaled to [-1, 1] by its full scale
   * (8-bit unsigned: (b - 128) / 128; 16-bit: / 32768; 24-bit: / 8388608;
   * 32-bit: / 2147483648; only 32-bit can reach 1.0, by float32 rounding).
   * Float samples are returned as stored.
   */
  channelData: Float32Array[];
}

/**
 * Reads a RIFF/WAVE file. Chunks other than `fmt ` and `data` (LIST, fact,
 * cue, anything unknown) are skipped, honouring the pad byte after odd-sized
 * chunks. A `data` size of 0 or 0xFFFFFFFF (a stream that never went back to
 * write it), or one that reaches past the end, means "the bytes that are
 * there"; a trailing partial frame is dropped.
 *
 * Throws `AudioFormatError`: `invalid_wav` (not RIFF/WAVE, no `fmt ` or
 * `data`, block align mismatch), `truncated_wav` (the file ends inside the
 * header chunks), `unsupported_wav_format` (a format tag or bit depth other
 * than integer PCM 8/16/24/32 and float 32, RIFX, RF64), `invalid_channels`
 * (0 channels), `invalid_sample_rate` (rate 0).
 */
export function decodeWav(bytes: Uint8Array): DecodedWav {
  assertRiffWave(bytes);
  const view = viewOf(bytes);
  let format: WavFormat | undefined;
  let data: RiffChunk | undefined;
  let last: RiffChunk | undefined;
  for (const chunk of riffChunks(bytes, view)) {
    last = chunk;
    if (chunk.id === 'fmt ' && !format) {
      format = parseFmtChunk(bytes, view, chunk);
      if (data) break;
    } else if (chunk.id === 'data' && !data) {
      data = chunk;
      if (format) break;
    }
  }
  if (!format || !data) {
    const missing = !format ? 'fmt' : 'data';
    const walkedTo = last ? last.body + last.size + (last.size & 1) : 12;
    if (walkedTo !== bytes.length && !(last && walkedTo === bytes.length + 1)) {
      const where = last && walkedTo > bytes.length ? `inside a "${last.id}" chunk` : 'inside a chunk header';
      throw new AudioFormatError('truncated_wav', `WAV data ends ${where}, before any ${missing} chunk`);
    }
    throw new AudioFormatError('invalid_wav', `WAV file has no ${missing} chunk`);
  }
  const present = bytes.length - data.body;
  const declared = data.size;
  const dataBytes = declared === 0 || declared > present ? present : declared;
  const blockAlign = blockAlignOf(format);
  const frames = Math.floor(dataBytes / blockAlign);
  return {
    sampleRate: format.sampleRate,
    channels: format.channels,
    bitsPerSample: format.bitsPerSample,
    format: format.format,
    channelData: readSamples(view, data.body, frames, format),
  };
}

function readSamples(view: DataView, offset: number, frames: number, format: WavFormat): Float32Array[] {
  const { channels } = format;
  const bytesPerSample = format.bitsPerSample / 8;
  const stride = channels * bytesPerSample;
  const kind = format.format === 'float' ? 0 : format.bitsPerSample;
  const channelData: Float32Array[] = [];
  for (let c = 0; c < channels; c++) {
    const out = new Float32Array(frames);
    const first = offset + c * bytesPerSample;
    // One loop per sample type keeps each loop monomorphic and fast.
    switch (kind) {
      case 8:
        for (let i = 0, at = first; i < frames; i++, at += stride) out[i] = (view.getUint8(at) - 128) / 128;
        break;
      case 16:
        for (let i = 0, at = first; i < frames; i++, at += stride) out[i] = view.getInt16(at, true) / 32768;
        break;
      case 24:
        for (let i = 0, at = first; i < frames; i++, at += stride) {
          out[i] = ((view.getInt8(at + 2) << 16) | view.getUint16(at, true)) / 8388608;
        }
        break;
      case 32:
        for (let i = 0, at = first; i < frames; i++, at += stride) out[i] = view.getInt32(at, true) / 2147483648;
        break;
      default:
        for (let i = 0, at = first; i < frames; i++, at += stride) out[i] = view.getFloat32(at, true);
    }
    channelData.push(out);
  }
  return channelData;
}
