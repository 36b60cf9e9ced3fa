import { AudioFormatError, assertSampleRate } from '../errors.js';
import { floatToPcm16, pcm16ToFloat } from '../format/pcm16.js';
import type { FilterBank } from './filter-bank.js';
import { filterBankFor } from './filter-bank.js';
import { PolyphaseStream } from './polyphase-stream.js';
import type { ResamplerQuality } from './quality.js';
import { DEFAULT_QUALITY, isResamplerQuality } from './quality.js';
import type { Ratio } from './ratio.js';
import { reduceRatio } from './ratio.js';

export interface ResamplerOptions {
  /** Input sample rate in Hz (finite, > 0). */
  inputRate: number;
  /** Output sample rate in Hz (finite, > 0). */
  outputRate: number;
  /** Interleaved channels per frame; default 1. */
  channels?: number;
  /** Preset from `QUALITY_PRESETS`; default 'voice'. */
  quality?: ResamplerQuality;
  /**
   * Align the output with the input (group delay 0, `delay` reads 0): the
   * stream holds back half a filter span of input until more arrives, and
   * `flush()` returns that tail. Default false: every output frame is returned
   * as soon as its input has arrived, and the output lags by `delay`.
   */
  compensateDelay?: boolean;
}

/** A chunk of samples: floats (nominally in [-1, 1]) or PCM16. */
export type SampleArray = Float32Array | Int16Array;

/**
 * Band-limited streaming sample-rate converter (Kaiser-windowed sinc,
 * polyphase). Feed chunks of any length to `process`; the output does not
 * depend on how the input was chunked.
 */
export class Resampler {
  readonly inputRate: number;
  readonly outputRate: number;
  readonly channels: number;
  readonly quality: ResamplerQuality;
  private readonly ratio: Ratio;
  private readonly stream: PolyphaseStream | null;
  private readonly delayFrames: number;
  private int16Stream = false;

  constructor(options: ResamplerOptions) {
    const setup = resolveSetup(options);
    this.inputRate = setup.inputRate;
    this.outputRate = setup.outputRate;
    this.channels = setup.channels;
    this.quality = setup.quality;
    this.ratio = setup.ratio;
    const compensate = options.compensateDelay === true;
    this.stream = setup.bank ? new PolyphaseStream(setup.bank, setup.ratio, setup.channels, compensate) : null;
    this.delayFrames = setup.bank && !compensate ? (setup.bank.delayInput * setup.ratio.up) / setup.ratio.down : 0;
  }

  /**
   * Group delay in output frames (may be fractional): an impulse at input
   * frame i peaks at output frame i * outputRate / inputRate + delay. It is
   * half the filter's span, taps / 2 input frames, counted at the output rate.
   * 0 for equal rates and with `compensateDelay`.
   */
  get delay(): number {
    return this.delayFrames;
  }

  /**
   * Output frames for `inputFrames` input frames: ceil(inputFrames * out / in),
   * one for every output instant inside the input's duration. It is the
   * stream's total output once flushed, and the length `resample()` returns.
   */
  outputLength(inputFrames: number): number {
    if (!Number.isInteger(inputFrames) || inputFrames < 0) {
      throw new AudioFormatError('invalid_argument', `inputFrames must be an integer >= 0, got ${String(inputFrames)}`);
    }
    return Math.ceil((inputFrames * this.ratio.up) / this.ratio.down);
  }

  /**
   * Converts the next chunk of interleaved frames and returns the output
   * frames it completes, in the same array type: PCM16 input goes through
   * `pcm16ToFloat`, and its output through `floatToPcm16` (rounded, clamped).
   */
  process(chunk: Float32Array): Float32Array;
  process(chunk: Int16Array): Int16Array;
  process(chunk: SampleArray): SampleArray;
  process(chunk: SampleArray): SampleArray {
    const isInt16 = checkChunk(chunk, this.channels);
    this.int16Stream = isInt16;
    if (!this.stream) return chunk.slice();
    const input = isInt16 ? pcm16ToFloat(chunk as Int16Array) : (chunk as Float32Array);
    const out = this.stream.process(input, chunk.length / this.channels);
    return isInt16 ? floatToPcm16(out) : out;
  }

  /**
   * Ends the stream: returns the frames still owed, so that the total output
   * is `outputLength(total input frames)`, then resets for a new stream. The
   * array type follows the chunks last given to `process`.
   *
   * Without `compensateDelay`, `process` has already returned every owed frame
   * and this returns an empty array; the last `delay` frames of the filtered
   * signal are not part of the stream (append about
   * `Math.ceil(delay * inputRate / outputRate)` frames of silence to hear them).
   */
  flush(): SampleArray {
    const asInt16 = this.int16Stream;
    this.int16Stream = false;
    const out = this.stream ? this.stream.finish() : new Float32Array(0);
    return asInt16 ? floatToPcm16(out) : out;
  }

  /** Forgets all input: the next `process` starts a new stream. */
  reset(): void {
    this.stream?.reset();
    this.int16Stream = false;
  }
}

/** Validated options, the reduced ratio, and the filter bank (null for equal rates). */
export interface ResamplerSetup {
  readonly inputRate: number;
  readonly outputRate: number;
  readonly channels: number;
  readonly quality: ResamplerQuality;
  readonly ratio: Ratio;
  readonly bank: FilterBank | null;
}

export function resolveSetup(options: ResamplerOptions): ResamplerSetup {
  if (typeof options !== 'object' || options === null) {
    throw new AudioFormatError('invalid_argument', 'Resampler needs an options object');
  }
  const { inputRate, outputRate, channels = 1, quality = DEFAULT_QUALITY } = options;
  assertSampleRate(inputRate, 'inputRate');
  assertSampleRate(outputRate, 'outputRate');
  if (!Number.isInteger(channels) || channels < 1) {
    throw new AudioFormatError('invalid_channels', `channels must be an integer >= 1, got ${String(channels)}`);
  }
  if (!isResamplerQuality(quality)) {
    throw new AudioFormatError('invalid_quality', `quality must be 'fast', 'voice' or 'high', got ${String(quality)}`);
  }
  if (inputRate === outputRate) {
    return { inputRate, outputRate, channels, quality, ratio: { up: 1, down: 1 }, bank: null };
  }
  const ratio = reduceRatio(inputRate, outputRate);
  return { inputRate, outputRate, channels, quality, ratio, bank: filterBankFor(ratio, quality) };
}

/** Throws unless `chunk` is a Float32Array or Int16Array of whole frames; true for Int16Array. */
export function checkChunk(chunk: SampleArray, channels: number): boolean {
  const isInt16 = chunk instanceof Int16Array;
  if (!isInt16 && !(chunk instanceof Float32Array)) {
    throw new AudioFormatError('invalid_argument', 'expected a Float32Array or an Int16Array of samples');
  }
  if (chunk.length % channels !== 0) {
    throw new AudioFormatError(
      'partial_frame',
      `chunk length ${chunk.length} is not a whole number of ${channels}-channel frames`,
    );
  }
  return isInt16;
}
