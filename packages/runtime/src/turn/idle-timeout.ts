/**
 * GA's `server_vad.idle_timeout_ms`: when the user stays silent that long
 * after a response ended (measured from its `response.done` plus the playback
 * time of its audio, since the client plays it after receiving it), the
 * session commits the silent audio and answers it
 * (`input_audio_buffer.timeout_triggered`, notes Part 3 §3.2).
 *
 * One timer at a time; `arm` replaces it. The owner cancels it when speech
 * starts, a response starts, the session closes or turn detection changes.
 */
import type { Clock, TimerHandle } from '../clock.js';

export class IdleTimeout {
  #timer: TimerHandle | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly onTimeout: () => void,
  ) {}

  get armed(): boolean {
    return this.#timer !== undefined;
  }

  /** Fires `onTimeout` after `idleMs` of silence plus `playbackMs` of the response's audio. */
  arm(idleMs: number, playbackMs: number): void {
    this.cancel();
    this.#timer = this.clock.setTimeout(
      () => {
        this.#timer = undefined;
        this.onTimeout();
      },
      idleMs + Math.max(0, Math.ceil(playbackMs)),
    );
  }

  cancel(): void {
    if (this.#timer === undefined) return;
    this.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
