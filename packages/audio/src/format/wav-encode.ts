import { AudioFormatError } from '../errors.js';
import { littleEndianHost } from './endian.js';
import { floatToPcm16, pcm16BytesView, pcm16ToFloat } from './pcm16.js';
import { viewOf } from './riff.js';
import { assertWritableFormat } from './wav-fmt.js';
import { wavHeader } from './wav-header.js';

/** Sample encoding of a WAV file written by `encodeWav`. */
export type WavEncoding = 'pcm16' | 'float32';

export interface EncodeWavOptions {
  /** Sample rate in Hz, a whole number. */
  sampleRate: number;
  /**
   * Channel count of interleaved input (default 1). For planar input
   * (`Float32Array[]`) the array length is the channel count; if given, this
   * must agree with it.
   */
  channels?: number;
  /** `pcm16` (default): 16-bit integer PCM. `float32`: IEEE float, format tag 3. */
  encoding?: WavEncoding;
}

/**
 * A complete WAV file from samples, in one of three shapes:
 * - `Int16Array`: interleaved PCM16 (frame by frame, channel by channel);
 * - `Float32Array`: interleaved float samples, full scale +-1.0;
 * - `Float32Array[]`: planar, one array per channel, all the same length.
 *
 * Float input written as `pcm16` goes through `floatToPcm16` (clamped,
 * rounded, NaN as 0); PCM16 input written as `float32` through
 * `pcm16ToFloat`; float input written as `float32` is stored unchanged.
 */
export function encodeWav(
  samples: Int16Array | Float32Array | readonly Float32Array[],
  options: EncodeWavOptions,
): Uint8Array {
  if (typeof options !== 'object' || options === null) {
    throw new AudioFormatError('invalid_argument', 'encodeWav expects an options object with sampleRate');
  }
  const encoding = options.encoding ?? 'pcm16';
  if (encoding !== 'pcm16' && encoding !== 'float32') {
    throw new AudioFormatError('invalid_argument', `encoding must be "pcm16" or "float32", got ${String(encoding)}`);
  }
  const format = encoding === 'pcm16' ? 'pcm' : 'float';
  const bitsPerSample = encoding === 'pcm16' ? 16 : 32;
  const channels = Array.isArray(samples) ? planarChannels(samples, options.channels) : (options.channels ?? 1);
  assertWritableFormat({ format, channels, sampleRate: options.sampleRate, bitsPerSample });

  const interleaved = Array.isArray(samples) ? interleave(samples) : checkInterleaved(samples, channels);
  const data =
    encoding === 'pcm16'
      ? interleaved instanceof Int16Array
        ? interleaved
        : floatToPcm16(interleaved)
      : interleaved instanceof Float32Array
        ? interleaved
        : pcm16ToFloat(interleaved);

  const header = wavHeader({ sampleRate: options.sampleRate, channels, bitsPerSample, format, dataBytes: data.byteLength });
  const out = new Uint8Array(header.length + data.byteLength);
  out.set(header);
  if (data instanceof Int16Array) out.set(pcm16BytesView(data), header.length);
  else writeLittleEndian(out, header.length, data);
  return out;
}

function planarChannels(channelData: readonly Float32Array[], channels: number | undefined): number {
  if (channelData.length === 0) {
    throw new AudioFormatError('invalid_channels', 'encodeWav needs at least one channel');
  }
  const frames = channelData[0] instanceof Float32Array ? channelData[0].length : -1;
  for (const channel of channelData) {
    if (!(channel instanceof Float32Array)) {
      throw new AudioFormatError('invalid_argument', 'encodeWav planar input must be an array of Float32Array');
    }
    if (channel.length !== frames) {
      throw new AudioFormatError('invalid_argument', 'encodeWav planar channels must all have the same length');
    }
  }
  if (channels !== undefined && channels !== channelData.length) {
    throw new AudioFormatError(
      'invalid_channels',
      `encodeWav got ${channelData.length} planar channels but options.channels is ${String(channels)}`,
    );
  }
  return channelData.length;
}

function checkInterleaved(samples: unknown, channels: number): Int16Array | Float32Array {
  if (!(samples instanceof Int16Array) && !(samples instanceof Float32Array)) {
    throw new AudioFormatError('invalid_argument', 'encodeWav expects an Int16Array, a Float32Array or a Float32Array[]');
  }
  if (samples.length % channels !== 0) {
    throw new AudioFormatError(
      'invalid_argument',
      `encodeWav got ${samples.length} interleaved samples, not a whole number of ${channels}-channel frames`,
    );
  }
  return samples;
}

function interleave(channelData: readonly Float32Array[]): Float32Array {
  const channels = channelData.length;
  if (channels === 1) return channelData[0]!;
  const frames = channelData[0]!.length;
  const out = new Float32Array(frames * channels);
  for (let c = 0; c < channels; c++) {
    const channel = channelData[c]!;
    for (let i = 0, j = c; i < frames; i++, j += channels) out[j] = channel[i]!;
  }
  return out;
}

function writeLittleEndian(out: Uint8Array, offset: number, data: Float32Array): void {
  if (littleEndianHost) {
    out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), offset);
    return;
  }
  const view = viewOf(out);
  for (let i = 0; i < data.length; i++) view.setFloat32(offset + 4 * i, data[i]!, true);
}
