import { AudioFormatError, assertSampleRate } from '../errors.js';
import type { EnergyVadOptions, VadFrame } from './types.js';

export const MIN_VAD_RATE = 8000;
export const MAX_VAD_RATE = 192000;

export interface ResolvedVadOptions {
  sampleRate: number;
  frameMs: 10 | 20 | 30;
  threshold: number;
  prefixPaddingMs: number;
  silenceDurationMs: number;
  minSpeechMs: number;
  onFrame: ((frame: VadFrame) => void) | undefined;
}

function invalid(message: string): never {
  throw new AudioFormatError('invalid_argument', message);
}

function duration(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 3_600_000) {
    invalid(`${name} must be a number of milliseconds in 0..3600000, got ${String(value)}`);
  }
  return value;
}

/** Validates EnergyVad options and fills in defaults; bad input throws AudioFormatError. */
export function resolveVadOptions(options: EnergyVadOptions): ResolvedVadOptions {
  if (typeof options !== 'object' || options === null) invalid('EnergyVad needs an options object');
  const { sampleRate } = options;
  assertSampleRate(sampleRate);
  if (sampleRate < MIN_VAD_RATE || sampleRate > MAX_VAD_RATE) {
    throw new AudioFormatError(
      'invalid_sample_rate',
      `EnergyVad supports ${MIN_VAD_RATE}..${MAX_VAD_RATE} Hz, got ${sampleRate}`,
    );
  }
  const frameMs = options.frameMs ?? 30;
  if (frameMs !== 10 && frameMs !== 20 && frameMs !== 30) invalid(`frameMs must be 10, 20 or 30, got ${String(frameMs)}`);
  const threshold = options.threshold ?? 0.5;
  if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1)) {
    invalid(`threshold must be a number in 0..1, got ${String(threshold)}`);
  }
  const onFrame = options.onFrame;
  if (onFrame !== undefined && typeof onFrame !== 'function') invalid('onFrame must be a function');
  return {
    sampleRate,
    frameMs,
    threshold,
    prefixPaddingMs: duration(options.prefixPaddingMs, 'prefixPaddingMs', 300),
    silenceDurationMs: duration(options.silenceDurationMs, 'silenceDurationMs', 500),
    minSpeechMs: duration(options.minSpeechMs, 'minSpeechMs', 100),
    onFrame,
  };
}
