import { AudioFormatError } from '../errors.js';
import { ArrivalEstimator } from './arrival-estimator.js';
import { ChunkQueue } from './chunk-queue.js';
import { ReleaseTail, fadeInGain, toPcm16 } from './fade.js';
import { resolveJitterOptions, type JitterBufferOptions, type ResolvedJitterOptions } from './options.js';
import { emptyCounters, type JitterBufferCounters, type JitterBufferStats } from './stats.js';
import { bestLag, crossfadePeriod, periodRange } from './time-stretch.js';

/**
 * What the buffer is doing:
 * - `idle`: nothing to play (no stream, or the last one was ended and played out);
 * - `prebuffering`: a stream has begun; silence until the target delay is reached;
 * - `playing`: emitting pushed audio;
 * - `underrun`: the stream ran dry while playing; concealing until it has refilled.
 */
export type JitterBufferState = 'idle' | 'prebuffering' | 'playing' | 'underrun';

/**
 * Playout buffer for streamed PCM16 that arrives in bursts and gaps.
 *
 * Time is virtual: each `pull()` is one frame period and the buffer never
 * reads a clock, so it behaves identically in a test, a worklet or a server.
 * Pushed arrays are kept by reference (do not modify them after pushing);
 * output is bit-exact except where an underrun was concealed (fade-out tail,
 * silence, fade-in of the first samples after it) or where catch-up removed
 * a period.
 */
export class JitterBuffer {
  /** Samples per pulled frame. */
  readonly frameSamples: number;
  /** Sample rate in Hz. */
  readonly sampleRate: number;

  private readonly opts: ResolvedJitterOptions;
  private readonly queue = new ChunkQueue();
  private readonly arrivals: ArrivalEstimator;
  private readonly tail: ReleaseTail;
  private readonly counters: JitterBufferCounters = emptyCounters();
  private readonly lagMin: number;
  private readonly lagMax: number;
  private readonly scratch: Int16Array;

  private mode: JitterBufferState = 'idle';
  private ticks = 0; // pulls so far: the virtual clock
  private enqueued = 0; // samples ever accepted: stream positions
  private consumed = 0; // samples ever taken off the queue (played, removed, dropped)
  private stream = 0; // id of the newest stream
  private streamOpen = false; // the newest stream may still receive audio
  private fadeInLeft = 0;
  private pendingRemoval = 0; // samples to remove by catch-up
  private playedStream = 0;
  private playedSamples = 0;
  private emitBudget = 0; // scratch for catch-up accounting

  constructor(options: JitterBufferOptions) {
    this.opts = resolveJitterOptions(options);
    this.frameSamples = this.opts.frameSamples;
    this.sampleRate = this.opts.sampleRate;
    this.arrivals = new ArrivalEstimator(this.frameSamples, this.opts.jitterWindowFrames);
    this.tail = new ReleaseTail(this.opts.fadeSamples);
    const range = periodRange(this.sampleRate);
    this.lagMax = Math.min(range.max, this.frameSamples);
    this.lagMin = Math.min(range.min, this.lagMax);
    this.scratch = new Int16Array(2 * this.lagMax);
  }

  /** Current state; see {@link JitterBufferState}. */
  get state(): JitterBufferState {
    return this.mode;
  }

  /**
   * Milliseconds of the current stream's pushed audio that have been played:
   * every pushed sample that left the buffer as output, plus those merged away
   * by catch-up (counted by input consumed). Concealment, silence and dropped
   * audio are not counted. It is the figure for
   * `conversation.item.truncate.audio_end_ms` (send `Math.floor` of it, and
   * subtract your output device's latency if you know it). It keeps its value
   * through `clear()` and `end()`; it restarts at 0 when a new stream begins
   * (the first push after `end()` or `clear()`) with nothing older left to
   * play, or else when that new stream's first sample is played.
   */
  get playedMs(): number {
    return (this.playedSamples * 1000) / this.sampleRate;
  }

  /** Audio held, ms. */
  get bufferedMs(): number {
    return (this.queue.length * 1000) / this.sampleRate;
  }

  /** The delay (ms) playback waits for before starting or restarting, as adapted. */
  get targetDelayMs(): number {
    return (this.targetSamples() * 1000) / this.sampleRate;
  }

  /** A snapshot of the counters. */
  get stats(): JitterBufferStats {
    return { ...this.counters, bufferedMs: this.bufferedMs, targetDelayMs: this.targetDelayMs };
  }

  /**
   * Appends audio. The array is kept, not copied. A push after `end()` or
   * `clear()` begins a new stream. Throws `AudioFormatError`: `invalid_argument`
   * for anything but an `Int16Array`, `buffer_overflow` (and takes nothing)
   * when the buffer would exceed `capacityMs`.
   */
  push(samples: Int16Array): void {
    if (!(samples instanceof Int16Array)) {
      throw new AudioFormatError('invalid_argument', 'JitterBuffer.push expects an Int16Array of PCM16 samples');
    }
    const n = samples.length;
    if (n === 0) return;
    if (this.queue.length + n > this.opts.capacitySamples) {
      throw new AudioFormatError(
        'buffer_overflow',
        `JitterBuffer holds ${this.bufferedMs.toFixed(1)} ms; pushing ${((n * 1000) / this.sampleRate).toFixed(1)} ms more exceeds capacityMs ${this.opts.capacityMs}`,
      );
    }
    if (!this.streamOpen) {
      this.stream++;
      this.streamOpen = true;
      if (this.queue.length === 0) {
        this.playedStream = this.stream;
        this.playedSamples = 0;
      }
      if (this.mode === 'idle') this.mode = 'prebuffering';
    }
    this.arrivals.observe(this.ticks, this.stream, this.enqueued, n);
    this.queue.enqueue(samples, this.ticks, this.stream);
    this.enqueued += n;
    this.counters.totalSamplesReceived += n;
  }

  /**
   * Marks the end of the current stream (e.g. `response.audio.done`): nothing
   * more will be appended to it, so whatever is buffered plays without waiting
   * for the target delay, and running dry afterwards is not an underrun.
   */
  end(): void {
    if (!this.streamOpen) return;
    this.streamOpen = false;
    if (this.queue.length === 0 && this.mode !== 'playing') this.mode = 'idle';
  }

  /**
   * Barge-in: drops everything buffered and ends the stream. Playback that was
   * under way dies away over the fade length instead of stopping with a click.
   * Returns the milliseconds dropped. `playedMs` keeps its value.
   */
  clear(): number {
    const dropped = this.queue.clear();
    this.consumed += dropped;
    this.counters.droppedSamples += dropped;
    if (this.mode === 'playing') this.tail.arm();
    this.mode = 'idle';
    this.streamOpen = false;
    this.fadeInLeft = 0;
    this.pendingRemoval = 0;
    return (dropped * 1000) / this.sampleRate;
  }

  /**
   * Asks for catch-up: the next `ms` of buffered audio is shortened by about
   * `ms`, one pitch period per frame, with crossfades. Use it to reduce
   * latency on a live source; streamed speech should just be left to play.
   */
  catchUp(ms: number): void {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
      throw new AudioFormatError('invalid_argument', `catchUp expects a non-negative number of ms, got ${String(ms)}`);
    }
    this.pendingRemoval += Math.round((ms * this.sampleRate) / 1000);
  }

  /** Returns the next frame (`frameSamples` samples). Call once per frame period. */
  pull(): Int16Array {
    const out = new Int16Array(this.frameSamples);
    this.pullInto(out);
    return out;
  }

  /** Writes the next frame into `out`, which must hold exactly `frameSamples` samples. */
  pullInto(out: Int16Array): void {
    const F = this.frameSamples;
    if (!(out instanceof Int16Array) || out.length !== F) {
      throw new AudioFormatError('invalid_argument', `pullInto needs an Int16Array of exactly ${F} samples`);
    }
    if ((this.mode === 'prebuffering' || this.mode === 'underrun') && this.readyToStart()) {
      if (this.mode === 'underrun') this.fadeInLeft = this.opts.fadeSamples;
      this.mode = 'playing';
    }
    let pos = 0;
    if (this.mode === 'playing') {
      pos = this.playInto(out);
      this.tail.remember(out, 0, pos);
      if (pos < F) {
        this.tail.arm();
        if (this.streamOpen) {
          this.mode = 'underrun';
          this.counters.concealmentEvents++;
        } else {
          this.mode = 'idle';
        }
      }
    }
    const concealing = this.mode === 'underrun';
    for (let i = pos; i < F; i++) {
      const live = this.tail.active;
      out[i] = this.tail.next();
      if (concealing && !live) this.counters.silentConcealedSamples++;
    }
    if (concealing) this.counters.concealedSamples += F - pos;
    this.tail.remember(out, pos, F);
    this.ticks++;
  }

  /** The delay target in samples: the floor, raised by observed jitter and burst size. */
  private targetSamples(): number {
    const o = this.opts;
    const floor = (o.targetDelayMs * o.sampleRate) / 1000;
    if (!o.adaptive) return floor;
    const cap = (o.maxDelayMs * o.sampleRate) / 1000;
    const jitter = this.arrivals.jitterSamples(this.ticks);
    const burst = this.arrivals.burstSamples(this.ticks) * o.burstJitterRatio;
    return Math.max(floor, Math.min(cap, Math.max(jitter, burst)));
  }

  /**
   * Start (or restart after an underrun) once the stream is ended, or once the
   * buffer holds the floor delay and playback would run at least the target
   * behind the sender's best recent pace. A push is known only to the frame
   * period before the pull that follows it, so its arrival is taken as the
   * middle of that period.
   */
  private readyToStart(): boolean {
    const level = this.queue.length;
    if (level === 0) return false;
    if (!this.streamOpen) return true;
    const o = this.opts;
    if (level < (o.targetDelayMs * o.sampleRate) / 1000) return false;
    const F = this.frameSamples;
    const margin = this.ticks * F - this.consumed - this.arrivals.reference(this.ticks) + F / 2;
    return margin >= this.targetSamples();
  }

  /** Emits buffered audio into `out` from 0; returns how many samples were written. */
  private playInto(out: Int16Array): number {
    const F = this.frameSamples;
    let pos = 0;
    if (this.pendingRemoval >= this.lagMin && this.fadeInLeft === 0 && !this.tail.active) {
      if (this.queue.length >= 2 * this.lagMax + F) pos = this.removePeriod(out);
    }
    const n = Math.min(F - pos, this.queue.length);
    this.queue.take(n, out, pos, this.emitRun);
    if (this.fadeInLeft > 0 || this.tail.active) this.shapeResume(out, pos, pos + n);
    return pos + n;
  }

  /** Fades in the first samples after an underrun, mixed with any tail still dying away. */
  private shapeResume(out: Int16Array, from: number, to: number): void {
    const R = this.opts.fadeSamples;
    for (let i = from; i < to; i++) {
      let v = out[i]!;
      if (this.fadeInLeft > 0) {
        v *= fadeInGain(R - this.fadeInLeft, R);
        this.fadeInLeft--;
      }
      out[i] = toPcm16(v + this.tail.next());
    }
  }

  /** Catch-up: emits one crossfaded period for two taken; returns samples written. */
  private removePeriod(out: Int16Array): number {
    this.queue.peek(this.scratch.length, this.scratch);
    const lag = bestLag(this.scratch, this.lagMin, this.lagMax, this.sampleRate);
    crossfadePeriod(this.scratch, lag, out, 0);
    this.emitBudget = lag;
    this.queue.take(2 * lag, null, 0, this.removeRun);
    this.pendingRemoval = Math.max(0, this.pendingRemoval - lag);
    return lag;
  }

  private readonly emitRun = (count: number, stamp: number, stream: number): void => {
    const c = this.counters;
    c.jitterBufferEmittedCount += count;
    c.jitterBufferDelay += (count * (this.ticks - stamp) * this.frameSamples) / this.sampleRate;
    this.countPlayed(count, stream);
  };

  private readonly removeRun = (count: number, stamp: number, stream: number): void => {
    const emitted = Math.min(count, this.emitBudget);
    this.emitBudget -= emitted;
    if (emitted > 0) this.emitRun(emitted, stamp, stream);
    if (count > emitted) {
      this.counters.removedSamplesForAcceleration += count - emitted;
      this.countPlayed(count - emitted, stream);
    }
  };

  private countPlayed(count: number, stream: number): void {
    this.consumed += count;
    if (stream !== this.playedStream) {
      this.playedStream = stream;
      this.playedSamples = 0;
    }
    this.playedSamples += count;
  }
}
