/**
 * Frame-level decision from the speech score:
 * - a frame opens speech when its score reaches the threshold, or comes
 *   within 0.84 of it while the band levels jump by 5.3 dB or more at once
 *   (a speech onset);
 * - speech goes on while the score stays above the threshold minus 1.19
 *   (hysteresis);
 * - a hangover bridges short gaps within words. It adapts to the talker's
 *   SNR: 90 ms for a clear talker (peaks >= 20 dB over the noise), up to
 *   170 ms in heavy noise (<= 11 dB) where weak sounds drown.
 */

/** Score at probability 0.5, and the score per unit of log-odds. */
export const SCORE_MIDPOINT = 2.34;
export const SCORE_SCALE = 0.66;
const HYSTERESIS = 1.19;
const ONSET_RISE_DB = 5.3;
const ONSET_MARGIN = 0.84;
const HANGOVER_CLEAN_MS = 90;
const HANGOVER_NOISY_MS = 170;
const SNR_NOISY_DB = 11.1;
const SNR_CLEAN_DB = 19.9;

/** Speech probability of a score: a logistic around SCORE_MIDPOINT. */
export function scoreToProbability(score: number): number {
  return 1 / (1 + Math.exp(-(score - SCORE_MIDPOINT) / SCORE_SCALE));
}

/** Hangover after the last voiced frame, from the talker's SNR estimate. */
export function hangoverMs(snrDb: number): number {
  let clean = (snrDb - SNR_NOISY_DB) / (SNR_CLEAN_DB - SNR_NOISY_DB);
  clean = Math.min(Math.max(clean, 0), 1);
  return HANGOVER_NOISY_MS + (HANGOVER_CLEAN_MS - HANGOVER_NOISY_MS) * clean;
}

export class FrameDecider {
  /** Score that opens speech (the threshold as a score). */
  readonly openScore: number;
  /** Score that keeps speech going once open. */
  readonly holdScore: number;
  /** Score an onset (a sudden rise) needs to open speech. */
  readonly onsetScore: number;
  readonly #frameMs: number;
  #speech = false;
  #hangover = 0;
  /** The last frame was voiced: above the score in force, not only held by the hangover. */
  voiced = false;

  /** `threshold` is a probability 0..1 (0 = every frame is speech, 1 = none is). */
  constructor(threshold: number, frameMs: number) {
    // threshold 0 or 1 give -Infinity / +Infinity.
    this.openScore = SCORE_MIDPOINT + SCORE_SCALE * Math.log(threshold / (1 - threshold));
    this.holdScore = this.openScore - HYSTERESIS;
    this.onsetScore = this.openScore - ONSET_MARGIN;
    this.#frameMs = frameMs;
  }

  /** The last frame's decision: voiced or inside the hangover. */
  get speech(): boolean {
    return this.#speech;
  }

  reset(): void {
    this.#speech = false;
    this.#hangover = 0;
    this.voiced = false;
  }

  /** Decides one frame from its score, the SNR estimate and the level rise; returns the speech flag. */
  decide(score: number, snrDb: number, riseDb: number): boolean {
    const voiced = this.#speech
      ? score >= this.holdScore
      : score >= this.openScore || (riseDb >= ONSET_RISE_DB && score >= this.onsetScore);
    this.voiced = voiced;
    if (voiced) {
      this.#hangover = Math.round(hangoverMs(snrDb) / this.#frameMs);
      this.#speech = true;
    } else if (this.#hangover > 0) {
      this.#hangover--;
    } else {
      this.#speech = false;
    }
    return this.#speech;
  }
}
