import { AudioFormatError } from '../errors.js';

/**
 * Planar channels to one mono channel: the mean of the channels, sample by
 * sample (so identical channels come out unchanged and opposite ones cancel).
 * Always returns a new array, even for a single channel. Throws
 * `invalid_channels` for no channels and `invalid_argument` when the
 * channels are not Float32Arrays of one length.
 */
export function downmixToMono(channelData: readonly Float32Array[]): Float32Array {
  if (!Array.isArray(channelData) || channelData.length === 0) {
    throw new AudioFormatError('invalid_channels', 'downmixToMono needs an array of at least one channel');
  }
  const first = channelData[0];
  const frames = first instanceof Float32Array ? first.length : -1;
  for (const channel of channelData) {
    if (!(channel instanceof Float32Array) || channel.length !== frames) {
      throw new AudioFormatError('invalid_argument', 'downmixToMono needs Float32Array channels of equal length');
    }
  }
  const channels = channelData.length;
  const out = new Float32Array(frames);
  if (channels === 1) {
    out.set(first!);
    return out;
  }
  // Accumulate in doubles, one channel at a time, then scale once.
  const sums = new Float64Array(frames);
  for (const channel of channelData) {
    for (let i = 0; i < frames; i++) sums[i] += channel[i]!;
  }
  for (let i = 0; i < frames; i++) out[i] = sums[i]! / channels;
  return out;
}

/**
 * Interleaved frames to mono, averaging each frame's channels. PCM16 input
 * gives PCM16 output (the mean rounded to nearest); float gives float.
 * Throws `invalid_channels` for a channel count that is not a positive whole
 * number and `invalid_argument` when the length is not whole frames.
 */
export function downmixInterleaved(samples: Int16Array, channels: number): Int16Array;
export function downmixInterleaved(samples: Float32Array, channels: number): Float32Array;
export function downmixInterleaved(samples: Int16Array | Float32Array, channels: number): Int16Array | Float32Array {
  if (!(samples instanceof Int16Array) && !(samples instanceof Float32Array)) {
    throw new AudioFormatError('invalid_argument', 'downmixInterleaved expects an Int16Array or a Float32Array');
  }
  if (!Number.isInteger(channels) || channels < 1) {
    throw new AudioFormatError('invalid_channels', `channels must be a positive whole number, got ${String(channels)}`);
  }
  if (samples.length % channels !== 0) {
    throw new AudioFormatError(
      'invalid_argument',
      `${samples.length} samples is not a whole number of ${channels}-channel frames`,
    );
  }
  const frames = samples.length / channels;
  const isInt = samples instanceof Int16Array;
  const out = isInt ? new Int16Array(frames) : new Float32Array(frames);
  for (let f = 0, at = 0; f < frames; f++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += samples[at++]!;
    out[f] = isInt ? Math.round(sum / channels) : sum / channels;
  }
  return out;
}
