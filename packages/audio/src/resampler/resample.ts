import { floatToPcm16, pcm16ToFloat } from '../format/pcm16.js';
import { PolyphaseStream } from './polyphase-stream.js';
import type { ResamplerQuality } from './quality.js';
import type { SampleArray } from './resampler.js';
import { checkChunk, resolveSetup } from './resampler.js';

export interface ResampleOptions {
  /** Interleaved channels per frame; default 1. */
  channels?: number;
  /** Preset from `QUALITY_PRESETS`; default 'voice'. */
  quality?: ResamplerQuality;
}

/**
 * Converts a whole signal at once. The output is delay-compensated (an
 * impulse at input time t appears at output time t) and has
 * `ceil(frames * outputRate / inputRate)` frames, which is
 * round(frames * outputRate / inputRate) or one more. PCM16 in, PCM16 out;
 * equal rates return a copy.
 */
export function resample(samples: Float32Array, inputRate: number, outputRate: number, opts?: ResampleOptions): Float32Array;
export function resample(samples: Int16Array, inputRate: number, outputRate: number, opts?: ResampleOptions): Int16Array;
export function resample(samples: SampleArray, inputRate: number, outputRate: number, opts?: ResampleOptions): SampleArray;
export function resample(samples: SampleArray, inputRate: number, outputRate: number, opts: ResampleOptions = {}): SampleArray {
  const setup = resolveSetup({ inputRate, outputRate, channels: opts.channels, quality: opts.quality });
  const isInt16 = checkChunk(samples, setup.channels);
  if (!setup.bank) return samples.slice();
  const stream = new PolyphaseStream(setup.bank, setup.ratio, setup.channels, true);
  const input = isInt16 ? pcm16ToFloat(samples as Int16Array) : (samples as Float32Array);
  const out = stream.finish(input, input.length / setup.channels);
  return isInt16 ? floatToPcm16(out) : out;
}
