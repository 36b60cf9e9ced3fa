import type { VadEvent } from './types.js';

/**
 * Turns frame decisions into `speech_started` / `speech_stopped`, with the
 * meaning of the realtime `server_vad` parameters:
 * - a turn starts once a run of speech frames holds `minSpeechMs` of voiced
 *   frames; `audioStartMs` is the run's first voiced frame minus
 *   `prefixPaddingMs`, clamped at 0; with a look-back, the run's start is
 *   moved back over the unvoiced frames just before it whose evidence had
 *   already risen (`rising`), up to `lookbackMs`: at low SNR the first
 *   frames of a word stay under the threshold, and the turn would be dated
 *   late. This moves only the reported start, never a frame decision;
 * - a turn stops once `silenceDurationMs` have passed since the end of the
 *   last voiced frame; `audioEndMs` is that end (where the speech ended).
 * A run that fades before reaching `minSpeechMs` is dropped without events.
 */
export class TurnTracker {
  readonly #prefixPaddingMs: number;
  readonly #silenceDurationMs: number;
  readonly #minSpeechMs: number;
  readonly #lookbackMs: number;
  #speaking = false;
  #candidate = false;
  #runStartMs = 0;
  #voicedMs = 0;
  #lastVoicedEndMs = 0;
  /** Start of the run of rising, unvoiced frames that ends at the current frame (-1: none). */
  #risingSinceMs = -1;

  constructor(prefixPaddingMs: number, silenceDurationMs: number, minSpeechMs: number, lookbackMs = 0) {
    this.#prefixPaddingMs = prefixPaddingMs;
    this.#silenceDurationMs = silenceDurationMs;
    this.#minSpeechMs = minSpeechMs;
    this.#lookbackMs = lookbackMs;
  }

  get speaking(): boolean {
    return this.#speaking;
  }

  reset(): void {
    this.#speaking = false;
    this.#candidate = false;
    this.#runStartMs = 0;
    this.#voicedMs = 0;
    this.#lastVoicedEndMs = 0;
    this.#risingSinceMs = -1;
  }

  /**
   * One frame [startMs, endMs): `voiced` above threshold, `speech` the frame
   * decision, `rising` its evidence above the noise (if not voiced).
   */
  next(voiced: boolean, speech: boolean, startMs: number, endMs: number, events: VadEvent[], rising = false): void {
    const risingSinceMs = this.#risingSinceMs;
    this.#risingSinceMs = voiced || !rising ? -1 : risingSinceMs < 0 ? startMs : risingSinceMs;
    if (this.#speaking) {
      if (voiced) {
        this.#lastVoicedEndMs = endMs;
      } else if (endMs - this.#lastVoicedEndMs >= this.#silenceDurationMs) {
        this.#speaking = false;
        events.push({ type: 'speech_stopped', audioEndMs: this.#lastVoicedEndMs });
      }
      return;
    }
    if (!this.#candidate) {
      if (!voiced) return;
      this.#candidate = true;
      this.#runStartMs = risingSinceMs < 0 ? startMs : this.#lookBack(risingSinceMs, startMs, endMs - startMs);
      this.#voicedMs = 0;
    } else if (!speech) {
      this.#candidate = false;
      return;
    }
    if (voiced) {
      this.#voicedMs += endMs - startMs;
      this.#lastVoicedEndMs = endMs;
    }
    if (this.#voicedMs >= this.#minSpeechMs) {
      this.#candidate = false;
      this.#speaking = true;
      const start = this.#runStartMs - this.#prefixPaddingMs;
      events.push({ type: 'speech_started', audioStartMs: Math.max(start, 0) });
    }
  }

  /** The earliest frame start, at most `lookbackMs` before `startMs` and not before `risingSinceMs`. */
  #lookBack(risingSinceMs: number, startMs: number, frameMs: number): number {
    const frames = Math.floor(this.#lookbackMs / frameMs);
    return Math.max(risingSinceMs, startMs - frames * frameMs);
  }
}
