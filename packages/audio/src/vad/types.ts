/** A turn boundary found by the VAD. Times are ms of audio since the VAD started or was reset. */
export type VadEvent =
  | {
      type: 'speech_started';
      /** Where the speech began, minus `prefixPaddingMs`, clamped at 0. */
      audioStartMs: number;
    }
  | {
      type: 'speech_stopped';
      /**
       * Where the speech ended: the end of the last frame judged voiced. The
       * event itself is reported `silenceDurationMs` later (add it to get the
       * position of the audio consumed when the stop was decided).
       */
      audioEndMs: number;
    };

/** What the VAD concluded about one analysis frame. */
export interface VadFrame {
  /** Frame number since start/reset; the frame spans [startMs, endMs). */
  index: number;
  startMs: number;
  endMs: number;
  /** Speech probability of this frame alone, 0..1 (0.5 = the default threshold). */
  probability: number;
  /** Frame-level decision: voiced, or inside the short hangover that bridges gaps within words. */
  speech: boolean;
}

export interface EnergyVadOptions {
  /** Input rate in Hz, 8000..192000. */
  sampleRate: number;
  /** Analysis frame length (default 30: the cheapest; 10 and 20 give finer timestamps). */
  frameMs?: 10 | 20 | 30;
  /**
   * 0..1, default 0.5; higher needs clearer speech. Speech opens on a frame
   * whose probability reaches it (or nearly, at a sudden onset) and holds
   * down to a lower probability (hysteresis). 0 = every frame is speech.
   */
  threshold?: number;
  /** Audio kept before the detected onset in `audioStartMs` (default 300). */
  prefixPaddingMs?: number;
  /** Silence that ends a turn (default 500). */
  silenceDurationMs?: number;
  /** Voiced time needed before `speech_started` is reported (default 100). */
  minSpeechMs?: number;
  /** Called once per analysis frame, in order, during `process()`. */
  onFrame?: (frame: VadFrame) => void;
}
