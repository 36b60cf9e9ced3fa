import type { VadEvent } from './types.js';

/**
 * Turns frame decisions into `speech_started` / `speech_stopped`, with the
 * meaning of the realtime `server_vad` parameters:
 * - a turn starts once a run of speech frames holds `minSpeechMs` of voiced
 *   frames; `audioStartMs` is the run's first voiced frame minus
 *   `prefixPaddingMs`, clamped at 0;
 * - a turn stops once `silenceDurationMs` have passed since the end of the
 *   last voiced frame; `audioEndMs` is that end (where the speech ended).
 * A run that fades before reaching `minSpeechMs` is dropped without events.
 */
export class TurnTracker {
  readonly #prefixPaddingMs: number;
  readonly #silenceDurationMs: number;
  readonly #minSpeechMs: number;
  #speaking = false;
  #candidate = false;
  #runStartMs = 0;
  #voicedMs = 0;
  #lastVoicedEndMs = 0;

  constructor(prefixPaddingMs: number, silenceDurationMs: number, minSpeechMs: number) {
    this.#prefixPaddingMs = prefixPaddingMs;
    this.#silenceDurationMs = silenceDurationMs;
    this.#minSpeechMs = minSpeechMs;
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
  }

  /** One frame [startMs, endMs): `voiced` above threshold, `speech` the frame decision. */
  next(voiced: boolean, speech: boolean, startMs: number, endMs: number, events: VadEvent[]): void {
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
      this.#runStartMs = startMs;
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
}
