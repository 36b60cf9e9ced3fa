/**
 * The quality presets, as one table. Every figure is relative to the lower of
 * the two rates ("the lower Nyquist"), so a preset means the same thing for
 * 48k -> 16k and for 16k -> 48k.
 *
 * - `passband`: tones up to this fraction of the lower Nyquist pass with
 *   ripple well under 0.1 dB (0.8 for 'fast' and 'high', 0.75 for 'voice').
 * - `stopband`: from this fraction of the lower Nyquist up, everything is
 *   attenuated by at least the preset's `rejectionDb` (measured by the tests).
 *   'voice' (the default, used for speech to and from the realtime APIs) and
 *   'high' end their transition band at the lower Nyquist (0.75 .. 1.0 and
 *   0.8 .. 1.0): anything that would alias or image is attenuated by the full
 *   `rejectionDb`. 'fast' puts its cutoff (the -6 dB point) exactly at the
 *   lower Nyquist with the transition symmetric around it (0.8 .. 1.2):
 *   content between 1.0 and 1.2 of the lower Nyquist is attenuated only
 *   partly and folds into 0.8 .. 1.0, above its passband, for half the
 *   filter length of an alias-free design.
 * - Lengths follow Kaiser's rule, taps ~ (attenuationDb - 8) / (2.285 * pi *
 *   (stopband - passband)).
 * - `taps`: filter length counted in samples of the lower rate. Each output
 *   sample uses `taps` input samples when upsampling, and
 *   `taps * inputRate / outputRate` when downsampling.
 * - `attenuationDb`: the Kaiser design target that sets the window's beta.
 * - `interpolationPhases`: table resolution used for ratios too large for an
 *   exact polyphase table (see `filter-bank.ts`).
 */
export type ResamplerQuality = 'fast' | 'voice' | 'high';

export interface QualityPreset {
  readonly passband: number;
  readonly stopband: number;
  readonly taps: number;
  readonly attenuationDb: number;
  /** What the tests hold the preset to: stopband rejection and spur level, dB. */
  readonly rejectionDb: number;
  readonly interpolationPhases: number;
}

export const QUALITY_PRESETS: Readonly<Record<ResamplerQuality, QualityPreset>> = Object.freeze({
  fast: Object.freeze({
    passband: 0.8,
    stopband: 1.2,
    taps: 18,
    attenuationDb: 60,
    rejectionDb: 50,
    interpolationPhases: 64,
  }),
  voice: Object.freeze({
    passband: 0.75,
    stopband: 1.0,
    taps: 38,
    attenuationDb: 76,
    rejectionDb: 70,
    interpolationPhases: 256,
  }),
  high: Object.freeze({
    passband: 0.8,
    stopband: 1.0,
    taps: 68,
    attenuationDb: 105,
    rejectionDb: 96,
    interpolationPhases: 1024,
  }),
});

export const DEFAULT_QUALITY: ResamplerQuality = 'voice';

export function isResamplerQuality(value: unknown): value is ResamplerQuality {
  return value === 'fast' || value === 'voice' || value === 'high';
}
