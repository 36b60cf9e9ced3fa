import { AudioFormatError } from '../errors.js';
import { type BandPlan, bandEnergiesFloat, bandEnergiesInt16, planBands } from './band-energy.js';
import { FrameDecider, scoreToProbability } from './frame-decider.js';
import { NoiseModel } from './noise-model.js';
import { PendingFrame } from './pending-frame.js';
import { TurnTracker } from './turn-tracker.js';
import type { EnergyVadOptions, VadEvent } from './types.js';
import { type ResolvedVadOptions, resolveVadOptions } from './vad-options.js';

/** How far back a turn's start may be moved over rising, not yet voiced frames. */
const ONSET_LOOKBACK_MS = 150;

/**
 * Voice activity detector for realtime turn taking, with the parameters of
 * the realtime `server_vad` (threshold, prefix padding, silence duration).
 *
 * Each frame (10, 20 or 30 ms) is split into octave bands by a Haar pyramid;
 * each band's log energy is compared with an adaptive model of the noise in
 * that band; the bands' excess (in noise deviations) gives a speech
 * probability; the threshold (with hysteresis and an onset rule) and an
 * SNR-dependent hangover give the frame decision; `minSpeechMs` of voiced
 * frames start a turn and `silenceDurationMs` without one end it. The turn
 * is dated from the first frame of the onset whose score already reached the
 * hold level (up to 150 ms before the first voiced frame): at low SNR a
 * word's first frames stay under the threshold.
 *
 * Frames sit on a fixed grid: frame k covers [k*frameMs, (k+1)*frameMs) ms
 * since start or `reset()`, whatever the sample rate, so results do not
 * depend on how the input is chunked. A partial frame waits for more input.
 */
export class EnergyVad {
  readonly sampleRate: number;
  readonly frameMs: 10 | 20 | 30;
  readonly #options: ResolvedVadOptions;
  readonly #plan: BandPlan;
  readonly #pending: PendingFrame;
  readonly #sums: Float64Array;
  readonly #energies: Float64Array;
  readonly #noise: NoiseModel;
  readonly #decider: FrameDecider;
  readonly #turns: TurnTracker;
  readonly #samplesPerFrame: number;
  #frameIndex = 0;
  #frameLength = 0;
  #score = Number.NEGATIVE_INFINITY;

  constructor(options: EnergyVadOptions) {
    const resolved = resolveVadOptions(options);
    this.#options = resolved;
    this.sampleRate = resolved.sampleRate;
    this.frameMs = resolved.frameMs;
    this.#samplesPerFrame = (resolved.sampleRate * resolved.frameMs) / 1000;
    this.#plan = planBands(resolved.sampleRate);
    const longest = Math.ceil(this.#samplesPerFrame) + 1;
    this.#pending = new PendingFrame(longest);
    this.#sums = new Float64Array((longest >> 3) + 1);
    this.#energies = new Float64Array(this.#plan.levels);
    this.#noise = new NoiseModel(this.#plan.weights, this.#plan.voiced, resolved.frameMs);
    this.#decider = new FrameDecider(resolved.threshold, resolved.frameMs);
    const { prefixPaddingMs, silenceDurationMs, minSpeechMs } = resolved;
    this.#turns = new TurnTracker(prefixPaddingMs, silenceDurationMs, minSpeechMs, ONSET_LOOKBACK_MS);
    this.#frameLength = this.#lengthOf(0);
  }

  /** True between `speech_started` and `speech_stopped`. */
  get speaking(): boolean {
    return this.#turns.speaking;
  }

  /** Speech probability (0..1) of the last complete frame; 0 before the first. */
  get lastProbability(): number {
    return this.#frameIndex === 0 ? 0 : scoreToProbability(this.#score);
  }

  /** Frame-level decision of the last complete frame (voiced, or bridged by the hangover). */
  get lastFrameSpeech(): boolean {
    return this.#decider.speech;
  }

  /** Milliseconds of audio analysed so far (whole frames since start or reset). */
  get processedMs(): number {
    return this.#frameIndex * this.frameMs;
  }

  /**
   * Feeds audio at `sampleRate`: floats in [-1, 1] or PCM16. Returns the
   * events of the frames this call completed, in order (usually none).
   */
  process(samples: Float32Array | Int16Array): VadEvent[] {
    const events: VadEvent[] = [];
    if (samples instanceof Int16Array) this.#feedInt16(samples, events);
    else if (samples instanceof Float32Array) this.#feedFloat(samples, events);
    else throw new AudioFormatError('invalid_argument', 'EnergyVad.process expects a Float32Array or an Int16Array');
    return events;
  }

  /** Forgets everything (noise model, turn, time origin) as if newly created. */
  reset(): void {
    this.#noise.reset();
    this.#decider.reset();
    this.#turns.reset();
    this.#frameIndex = 0;
    this.#pending.filled = 0;
    this.#score = Number.NEGATIVE_INFINITY;
    this.#frameLength = this.#lengthOf(0);
  }

  #feedFloat(samples: Float32Array, events: VadEvent[]): void {
    const n = samples.length;
    const pending = this.#pending;
    let i = 0;
    while (i < n) {
      const length = this.#frameLength;
      if (pending.filled === 0 && n - i >= length) {
        bandEnergiesFloat(samples, i, length, this.#plan, this.#sums, this.#energies);
        i += length;
      } else {
        const end = Math.min(n, i + length - pending.filled);
        pending.appendFloat(samples, i, end);
        i = end;
        if (pending.filled < length) return;
        this.#analysePending(length);
      }
      this.#decide(events);
    }
  }

  /** PCM16 always goes through the pending frame: one memcpy buys aligned two-sample loads. */
  #feedInt16(samples: Int16Array, events: VadEvent[]): void {
    const n = samples.length;
    const pending = this.#pending;
    let i = 0;
    while (i < n) {
      const length = this.#frameLength;
      const end = Math.min(n, i + length - pending.filled);
      pending.appendInt16(samples, i, end);
      i = end;
      if (pending.filled < length) return;
      this.#analysePending(length);
      this.#decide(events);
    }
  }

  #analysePending(length: number): void {
    const pending = this.#pending;
    if (pending.isInt16) bandEnergiesInt16(pending.ints, pending.words, length, this.#plan, this.#sums, this.#energies);
    else bandEnergiesFloat(pending.floats, 0, length, this.#plan, this.#sums, this.#energies);
    pending.filled = 0;
  }

  /** Samples in frame k: boundaries are rounded from the exact ms grid. */
  #lengthOf(k: number): number {
    return Math.round((k + 1) * this.#samplesPerFrame) - Math.round(k * this.#samplesPerFrame);
  }

  /** Everything after the band energies of the frame just completed. */
  #decide(events: VadEvent[]): void {
    const k = this.#frameIndex;
    const energies = this.#energies;
    let total = 0;
    for (let b = 0; b < energies.length; b++) total += energies[b]!;
    // NaN or infinite input would poison the noise model for good: such a
    // frame is replaced by the model's own idea of the noise.
    if (!(total < Number.POSITIVE_INFINITY)) this.#noise.fillWithNoise(energies);
    const score = this.#noise.score(energies, this.#decider.voiced);
    this.#score = score;
    const speech = this.#decider.decide(score, this.#noise.snrDb, this.#noise.riseDb);
    const voiced = this.#decider.voiced;
    const startMs = k * this.frameMs;
    const endMs = startMs + this.frameMs;
    // Evidence that would hold speech already opened: a turn's start is dated
    // back over such frames just before its first voiced frame.
    this.#turns.next(voiced, speech, startMs, endMs, events, score >= this.#decider.holdScore);
    this.#frameIndex = k + 1;
    this.#frameLength = this.#lengthOf(k + 1);
    const onFrame = this.#options.onFrame;
    if (onFrame) onFrame({ index: k, startMs, endMs, probability: scoreToProbability(score), speech });
  }
}
