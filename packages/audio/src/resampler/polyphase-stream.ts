import type { FilterBank } from './filter-bank.js';
import { History } from './history.js';
import type { Ratio } from './ratio.js';
import type { RunSpec } from './runners.js';
import { runDense, runInterpolated, runSliding } from './runners.js';

/** Input frames appended per step when a chunk is long. */
const BLOCK_FRAMES = 8192;

/**
 * The streaming state of a polyphase resampler: the input history and the
 * position of the next output.
 *
 * Output k of the stream is computed from the `taps` history samples ending
 * at index `end` + floor(k * down / up). After each call the samples no later
 * window needs are dropped from the front, so the history holds at most
 * `taps` samples plus one chunk.
 *
 * Two starts:
 * - plain (`compensate` false): the history begins with taps - 1 zeros, so
 *   output k needs input only up to floor(k * down / up) and is produced as
 *   soon as that sample arrives; the output lags the input by taps / 2 input
 *   samples, the filter's group delay.
 * - compensated: the history begins with taps/2 - 1 zeros, so output k is
 *   centred on input time k * down / up exactly; it waits for taps / 2 samples
 *   of look-ahead, and `finish` supplies them as zeros at the end.
 *
 * Either way, after `finish` the stream has produced exactly
 * `outputFrames(total input frames)` frames.
 */
export class PolyphaseStream {
  private readonly bank: FilterBank;
  private readonly up: number;
  private readonly down: number;
  private readonly channels: number;
  private readonly compensate: boolean;
  private readonly history: History;
  /** Double accumulators of the sliding kernel: one per row cycle of a block. */
  private readonly acc: Float64Array;
  private readonly denseCycles: number;
  /** History index of the newest sample of the next output's window. */
  private end = 0;
  /** Row numerator of the next output, 0 <= rem < up. */
  private rem = 0;
  private framesIn = 0;
  private framesOut = 0;

  constructor(bank: FilterBank, ratio: Ratio, channels: number, compensate: boolean) {
    this.bank = bank;
    this.up = ratio.up;
    this.down = ratio.down;
    this.channels = channels;
    this.compensate = compensate;
    const sliding = bank.kernel === 'sliding';
    this.history = new History(channels, 4 * bank.taps + 1024, sliding, sliding ? bank.coeffs : null);
    this.acc = new Float64Array(bank.kernel === 'sliding' ? Math.max(8, Math.ceil(512 / ratio.up)) : 0);
    this.denseCycles = Math.max(8, Math.ceil(2048 / ratio.up) * 8);
    this.reset();
  }

  /** Output frames the stream yields in total for `inputFrames` input frames. */
  outputFrames(inputFrames: number): number {
    return Math.ceil((inputFrames * this.up) / this.down);
  }

  reset(): void {
    const taps = this.bank.taps;
    this.history.resetTo(this.compensate ? taps / 2 - 1 : taps - 1);
    this.end = taps - 1;
    this.rem = 0;
    this.framesIn = 0;
    this.framesOut = 0;
  }

  /** Appends `frames` interleaved frames and returns every output frame now computable. */
  process(input: Float32Array, frames: number): Float32Array {
    const out = new Float32Array(this.availableAfter(frames) * this.channels);
    this.feed(input, frames, out, 0);
    return out;
  }

  /**
   * Ends the stream: takes the last `frames` frames of `input` (if given),
   * pads with silence as far as needed to produce every frame still owed (only
   * a compensated stream owes any beyond what `process` returned), returns
   * them and resets.
   */
  finish(input: Float32Array | null = null, frames = 0): Float32Array {
    const owed = this.outputFrames(this.framesIn + frames) - this.framesOut;
    const out = new Float32Array(Math.max(owed, 0) * this.channels);
    let written = input && frames > 0 ? this.feed(input, frames, out, 0) : 0;
    const rest = owed - written;
    if (rest > 0) {
      const lastEnd = this.end + Math.floor((this.rem + (rest - 1) * this.down) / this.up);
      const pad = lastEnd + 1 - this.history.fill;
      if (pad > 0) this.history.appendZeros(pad);
      this.emitInto(out, written, rest);
      written += rest;
    }
    this.reset();
    return out;
  }

  /**
   * Appends the input a block at a time (so the history stays small and in
   * cache however long the chunk) and writes the outputs into `out` from
   * frame `at`. Returns the frames written.
   */
  private feed(input: Float32Array, frames: number, out: Float32Array, at: number): number {
    let written = 0;
    for (let from = 0; from < frames; from += BLOCK_FRAMES) {
      const take = Math.min(BLOCK_FRAMES, frames - from);
      this.history.append(input, from, take);
      this.framesIn += take;
      const n = this.availableAfter(0);
      if (n > 0) {
        this.emitInto(out, at + written, n);
        written += n;
      }
    }
    return written;
  }

  /** Outputs whose windows will be complete once `frames` more frames are appended. */
  private availableAfter(frames: number): number {
    const n = Math.ceil(((this.history.fill + frames - this.end) * this.up - this.rem) / this.down);
    return n > 0 ? n : 0;
  }

  /** Computes the next `n` outputs into out[at * channels ...] and advances. */
  private emitInto(out: Float32Array, at: number, n: number): void {
    const ch = this.channels;
    const bank = this.bank;
    const h = this.history;
    for (let c = 0; c < ch; c++) {
      const spec: RunSpec = {
        up: this.up, down: this.down, end: this.end, rem: this.rem, count: n, out, outOffset: at * ch + c, outStride: ch,
      };
      const start = h.regionStart(c);
      if (bank.kernel === 'sliding') runSliding(h.buf as Float64Array, start, bank, spec, this.acc);
      else if (bank.kernel === 'dense') runDense(h.buf as Float32Array, start, bank, spec, this.denseCycles);
      else runInterpolated(h.buf as Float32Array, start, bank, spec);
    }
    const total = this.rem + n * this.down;
    this.end += Math.floor(total / this.up);
    this.rem = total % this.up;
    this.framesOut += n;
    this.compact();
  }

  /** Drops the samples before the next window's start. */
  private compact(): void {
    const shift = Math.min(this.end - this.bank.taps + 1, this.history.fill);
    if (shift <= 0) return;
    this.history.drop(shift);
    this.end -= shift;
  }
}
