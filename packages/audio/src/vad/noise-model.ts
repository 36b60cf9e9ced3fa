import { DB_PER_OCTAVE, log2Approx } from './fast-log.js';

/**
 * Adaptive per-band noise model on log energies (dB), and each frame's
 * speech score against it.
 *
 * Band energies are smoothed over ~4 ms of frames, turned into dB and
 * compared with a running mean and deviation of what noise looks like in
 * each band. The deviation is learned from the frames below the mean only:
 * speech adds energy, so that side of the noise distribution is never
 * polluted by speech, and the estimate cannot collapse or run away.
 *
 * - Warm-up (the first ~370 ms): running averages with a 5 dB prior
 *   deviation, so the model starts from whatever the line sounds like.
 * - Afterwards a band learns (time constant ~370 ms) from frames that look
 *   like its noise (less than 1.5 deviations above the mean) and are not
 *   voiced. Voiced frames only move the mean very slowly (~5 s). When 95%
 *   of the frames over the last ~1 s are voiced, it is not speech
 *   (syllables and words leave gaps) but a louder noise: the mean then
 *   follows within ~300 ms until under half the frames are voiced. A sudden
 *   lasting noise increase is thus reported as speech for about 3-4 s.
 *
 * The model also tracks the speech peak level in the voiced bands (a rough
 * in-band SNR of the current talker) and the frame-to-frame rise of the
 * level (an onset cue). Learning from a frame needs the detector's decision
 * on it, so it is done at the start of the next `score()` call, in the same
 * pass over the bands.
 */

const ENERGY_SMOOTHING_TAU_MS = 4.2;
const NOISE_TAU_MS = 365;
const CREEP_TAU_MS = 5000;
/** Share of voiced frames (over ~1 s) above which the line is taken for louder noise... */
const STUCK_TAU_MS = 1000;
const STUCK_SHARE = 0.95;
/** ...until the share falls back under this. */
const UNSTUCK_SHARE = 0.5;
const UNSTICK_TAU_MS = 300;
const PEAK_ATTACK_TAU_MS = 28;
const PEAK_RELEASE_TAU_MS = 3300;
const PRIOR_VARIANCE_DB2 = 25;
const PRIOR_WEIGHT_MS = 128;
const MIN_DEVIATION_DB = 1.23;
const MIN_VARIANCE_DB2 = MIN_DEVIATION_DB * MIN_DEVIATION_DB;
/** Mean square of the deviations below the mean, scaled to the spread that matters above it. */
const LOWER_SIDE_SCALE = 0.89;
const LEARN_BELOW_DEVIATIONS = 1.51;
const Z_CAP = 9.85;
/** Share of the largest band in the score (the rest is the weighted mean). */
const MAX_SHARE = 0.61;
/** Mean square added to every band before taking logs (-150 dB): digital silence stays finite. */
const ENERGY_FLOOR = 1e-15;

/** Per-frame coefficient of a one-pole smoother with time constant `tauMs`. */
export function smoothingRate(frameMs: number, tauMs: number): number {
  return 1 - Math.exp(-frameMs / tauMs);
}

export class NoiseModel {
  /** Rough in-band SNR (dB) of the current talker, as of the last score(). */
  snrDb = 0;
  /** Weighted mean rise of the band levels since the previous frame (dB), as of the last score(). */
  riseDb = 0;
  readonly #weights: Float64Array;
  readonly #voiced: Uint8Array;
  readonly #weightSum: number;
  readonly #mean: Float64Array;
  readonly #variance: Float64Array;
  readonly #inverseDeviation: Float64Array;
  readonly #peak: Float64Array;
  readonly #level: Float64Array;
  readonly #smoothed: Float64Array;
  readonly #keep: number;
  readonly #learn: number;
  readonly #creep: number;
  readonly #unstick: number;
  readonly #shareRate: number;
  readonly #peakAttack: number;
  readonly #peakRelease: number;
  readonly #warmFrames: number;
  readonly #priorFrames: number;
  #frames = 0;
  #voicedShare = 0;
  #stuck = false;

  /**
   * `weights` per band (0 = ignored), `voiced` marks the bands the SNR
   * estimate uses; `frameMs` sets the per-frame rates.
   */
  constructor(weights: Float64Array, voiced: Uint8Array, frameMs: number) {
    const bands = weights.length;
    this.#weights = weights;
    this.#voiced = voiced;
    let sum = 0;
    for (let b = 0; b < bands; b++) sum += weights[b]!;
    this.#weightSum = sum;
    this.#mean = new Float64Array(bands);
    this.#variance = new Float64Array(bands);
    this.#inverseDeviation = new Float64Array(bands);
    this.#peak = new Float64Array(bands);
    this.#level = new Float64Array(bands);
    this.#smoothed = new Float64Array(bands);
    // At 20-30 ms frames the carry-over is under 1%: skip the smoothing.
    const keep = Math.exp(-frameMs / ENERGY_SMOOTHING_TAU_MS);
    this.#keep = keep < 0.01 ? 0 : keep;
    this.#learn = smoothingRate(frameMs, NOISE_TAU_MS);
    this.#creep = smoothingRate(frameMs, CREEP_TAU_MS);
    this.#unstick = smoothingRate(frameMs, UNSTICK_TAU_MS);
    this.#shareRate = smoothingRate(frameMs, STUCK_TAU_MS);
    this.#peakAttack = smoothingRate(frameMs, PEAK_ATTACK_TAU_MS);
    this.#peakRelease = smoothingRate(frameMs, PEAK_RELEASE_TAU_MS);
    this.#warmFrames = Math.ceil(1 / this.#learn);
    this.#priorFrames = PRIOR_WEIGHT_MS / frameMs;
    this.reset();
  }

  reset(): void {
    this.#frames = 0;
    this.#voicedShare = 0;
    this.#stuck = false;
    this.snrDb = 0;
    this.riseDb = 0;
    this.#mean.fill(0);
    this.#variance.fill(PRIOR_VARIANCE_DB2);
    this.#inverseDeviation.fill(1 / Math.sqrt(PRIOR_VARIANCE_DB2));
    this.#peak.fill(0);
    this.#level.fill(0);
    this.#smoothed.fill(0);
  }

  /**
   * Learns from the previous frame (`previousVoiced`: the detector's
   * decision on it), then scores this one from its band energies (mean
   * squares): how many noise deviations the bands stand above their noise,
   * each clipped to 0..9.85, blending the weighted mean (39%) with the
   * largest weighted band (61%). 0 = noise-like.
   */
  score(energies: Float64Array, previousVoiced: boolean): number {
    const k = this.#frames++;
    if (k === 0) return this.#first(energies);
    const weights = this.#weights;
    const voicedBand = this.#voiced;
    const mean = this.#mean;
    const variance = this.#variance;
    const inverse = this.#inverseDeviation;
    const level = this.#level;
    const smoothed = this.#smoothed;
    const peak = this.#peak;
    const keep = this.#keep;
    const fresh = 1 - keep;
    // The previous frame was number k - 1: warm-up weights 1/k for the mean
    // and 1/(k + prior) for the variance.
    const warming = k <= this.#warmFrames;
    const meanRate = warming ? 1 / k : this.#learn;
    const varianceRate = warming ? 1 / (k + this.#priorFrames) : this.#learn;
    const share = this.#voicedShare + this.#shareRate * ((previousVoiced ? 1 : 0) - this.#voicedShare);
    this.#voicedShare = share;
    if (share > STUCK_SHARE) this.#stuck = true;
    else if (share < UNSTUCK_SHARE) this.#stuck = false;
    const creep = this.#stuck ? this.#unstick : this.#creep;
    const attack = this.#peakAttack;
    const release = this.#peakRelease;
    let sum = 0;
    let max = 0;
    let snr = 0;
    let rise = 0;
    for (let b = 0; b < weights.length; b++) {
      // Learn from the previous frame.
      let m = mean[b]!;
      let iv = inverse[b]!;
      const previous = level[b]!;
      const d = previous - m;
      if (warming || (d * iv < LEARN_BELOW_DEVIATIONS && !previousVoiced)) {
        m += meanRate * d;
        if (d < 0) {
          const v = variance[b]!;
          const next = v + varianceRate * (LOWER_SIDE_SCALE * d * d - v);
          variance[b] = next;
          iv = next > MIN_VARIANCE_DB2 ? 1 / Math.sqrt(next) : 1 / MIN_DEVIATION_DB;
          inverse[b] = iv;
        }
      } else {
        m += creep * d;
      }
      mean[b] = m;
      // Score this frame.
      const e = keep === 0 ? energies[b]! : keep * smoothed[b]! + fresh * energies[b]!;
      smoothed[b] = e;
      const x = DB_PER_OCTAVE * log2Approx(e + ENERGY_FLOOR);
      level[b] = x;
      const w = weights[b]!;
      rise += w * (x - previous);
      let z = (x - m) * iv;
      z = Math.min(Math.max(z, 0), Z_CAP);
      const wz = w * z;
      sum += wz;
      if (wz > max) max = wz;
      if (voicedBand[b] === 1) {
        let p = peak[b]!;
        p += x > p ? attack * (x - p) : release * (Math.max(x, m) - p);
        peak[b] = p;
        if (p - m > snr) snr = p - m;
      }
    }
    this.snrDb = snr;
    this.riseDb = rise / this.#weightSum;
    return (1 - MAX_SHARE) * (sum / this.#weightSum) + MAX_SHARE * max;
  }

  /**
   * Fills `energies` with what the model expects of noise (its mean levels),
   * for frames whose samples could not be used (NaN or infinite): they then
   * teach the model nothing and score 0. Zeros before the first frame.
   */
  fillWithNoise(energies: Float64Array): void {
    for (let b = 0; b < energies.length; b++) {
      energies[b] = this.#frames === 0 ? 0 : 2 ** (this.#mean[b]! / DB_PER_OCTAVE);
    }
  }

  /** The first frame sets the starting point: its own level is the noise guess. */
  #first(energies: Float64Array): number {
    for (let b = 0; b < this.#weights.length; b++) {
      const e = energies[b]!;
      const x = DB_PER_OCTAVE * log2Approx(e + ENERGY_FLOOR);
      this.#smoothed[b] = e;
      this.#level[b] = x;
      this.#mean[b] = x;
      this.#peak[b] = x;
    }
    this.snrDb = 0;
    this.riseDb = 0;
    return 0;
  }
}
