/**
 * What hears speech: a voice activity detector with the parameters of the
 * realtime `server_vad`. The default is `@parley/audio`'s `EnergyVad`; a
 * server can plug in another (a neural VAD, say) through the session factory.
 *
 * Contract (the one `EnergyVad` keeps): `process` takes PCM16 at the rate the
 * detector was made for, in chunks of any size, and returns the turn
 * boundaries those samples completed, times in ms since the detector was made:
 * `speech_started.audioStartMs` already includes the prefix padding;
 * `speech_stopped.audioEndMs` is where the voice ended, reported once
 * `silenceDurationMs` of silence followed. Results must not depend on chunking.
 */
import { EnergyVad, type VadEvent } from '@parley/audio';
import type { TurnDetection } from '@parley/protocol';

export type { VadEvent };

export interface VoiceDetector {
  process(pcm: Int16Array): VadEvent[];
}

export interface VoiceDetectorOptions {
  sampleRate: number;
  /** 0..1; higher needs clearer speech. */
  threshold: number;
  prefixPaddingMs: number;
  silenceDurationMs: number;
}

export type VoiceDetectorFactory = (options: VoiceDetectorOptions) => VoiceDetector;

/** The default detector: `EnergyVad` (10 ms frames, 100 ms of voice before a start is reported). */
export const energyVoiceDetector: VoiceDetectorFactory = (options) =>
  new EnergyVad({
    sampleRate: options.sampleRate,
    threshold: options.threshold,
    prefixPaddingMs: options.prefixPaddingMs,
    silenceDurationMs: options.silenceDurationMs,
  });

/** StepFun's `energy_awakeness_threshold` range. */
const ENERGY_AWAKENESS_MAX = 5000;

/**
 * The detector threshold (0..1) of a turn detection config. `threshold` wins
 * when the client gave one. Otherwise StepFun's `energy_awakeness_threshold`
 * (0..5000, vendor default 2500) maps linearly onto it, `value / 5000`, so
 * StepFun's default lands on the detector's default 0.5, 0 hears everything
 * and 5000 needs the clearest speech. Else 0.5.
 */
export function detectorThreshold(config: TurnDetection): number {
  if (config.threshold !== undefined) return config.threshold;
  if (config.energy_awakeness_threshold !== undefined) {
    const clamped = Math.max(0, Math.min(ENERGY_AWAKENESS_MAX, config.energy_awakeness_threshold));
    return clamped / ENERGY_AWAKENESS_MAX;
  }
  return 0.5;
}
