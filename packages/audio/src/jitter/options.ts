import { AudioFormatError, assertSampleRate } from '../errors.js';

/** Options of {@link JitterBuffer}. All durations are milliseconds. */
export interface JitterBufferOptions {
  /** Sample rate of every pushed and pulled sample, in Hz. Required. */
  sampleRate: number;
  /** Length of one pulled frame. Must be a whole number of samples. Default 20. */
  frameMs?: number;
  /**
   * Starting and minimum playout delay: how far playback runs behind the
   * sender's best observed pace before it starts (and restarts after an
   * underrun). Adaptation raises it above this, never below. Default 60.
   */
  targetDelayMs?: number;
  /**
   * Upper bound of the adaptive target. It does not limit how much audio may
   * be held (see `capacityMs`): audio that arrives early is kept and played
   * at its pace. Default 1000.
   */
  maxDelayMs?: number;
  /** Adapt the target to observed arrival jitter. Default true. */
  adaptive?: boolean;
  /**
   * Memory cap: a push that would make the buffer hold more than this throws
   * `AudioFormatError` `buffer_overflow` and is not taken. Default 120000 (2 min).
   */
  capacityMs?: number;
  /** Length of the fade-out / fade-in ramps around concealment. Default 5. */
  fadeMs?: number;
  /**
   * Bursty senders: while the recent pushes carry up to C ms each, the target
   * is at least `burstJitterRatio * C` (and at most `maxDelayMs`). 0 turns
   * this off. Only used when `adaptive`. Default 0.75.
   */
  burstJitterRatio?: number;
  /** How long arrival history is remembered for adaptation. Default 10000. */
  jitterWindowMs?: number;
}

/** Options after defaults and validation, with sample counts precomputed. */
export interface ResolvedJitterOptions {
  sampleRate: number;
  frameMs: number;
  frameSamples: number;
  targetDelayMs: number;
  maxDelayMs: number;
  adaptive: boolean;
  capacityMs: number;
  capacitySamples: number;
  fadeSamples: number;
  burstJitterRatio: number;
  jitterWindowFrames: number;
}

function fail(message: string): never {
  throw new AudioFormatError('invalid_argument', message);
}

function duration(value: unknown, name: string, fallback: number, min: number, max = Infinity): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(`${name} must be a finite number of ms, got ${String(value)}`);
  if (value < min || value > max) fail(`${name} must be within [${min}, ${max}] ms, got ${value}`);
  return value;
}

/** Applies defaults and checks every option; throws `AudioFormatError`. */
export function resolveJitterOptions(options: JitterBufferOptions): ResolvedJitterOptions {
  if (options === null || typeof options !== 'object') fail('JitterBuffer needs an options object with sampleRate');
  const sampleRate = options.sampleRate;
  assertSampleRate(sampleRate);
  const frameMs = duration(options.frameMs, 'frameMs', 20, Number.MIN_VALUE, 1000);
  const exactFrame = (sampleRate * frameMs) / 1000;
  const frameSamples = Math.round(exactFrame);
  if (frameSamples < 1 || Math.abs(exactFrame - frameSamples) > 1e-6) {
    fail(`frameMs ${frameMs} at ${sampleRate} Hz is ${exactFrame} samples; it must be a whole number of samples`);
  }
  const maxDelayMs = duration(options.maxDelayMs, 'maxDelayMs', 1000, frameMs);
  const targetDelayMs = duration(options.targetDelayMs, 'targetDelayMs', Math.min(60, maxDelayMs), 0, maxDelayMs);
  const capacityMs = duration(options.capacityMs, 'capacityMs', Math.max(120_000, maxDelayMs), maxDelayMs);
  const fadeMs = duration(options.fadeMs, 'fadeMs', 5, 0, 100);
  const burstJitterRatio = duration(options.burstJitterRatio, 'burstJitterRatio', 0.75, 0, 4);
  const jitterWindowMs = duration(options.jitterWindowMs, 'jitterWindowMs', 10_000, frameMs, 600_000);
  const adaptive = options.adaptive ?? true;
  if (typeof adaptive !== 'boolean') fail(`adaptive must be a boolean, got ${String(adaptive)}`);
  return {
    sampleRate,
    frameMs,
    frameSamples,
    targetDelayMs,
    maxDelayMs,
    adaptive,
    capacityMs,
    capacitySamples: Math.floor((capacityMs * sampleRate) / 1000),
    fadeSamples: Math.round((fadeMs * sampleRate) / 1000),
    burstJitterRatio,
    jitterWindowFrames: Math.ceil(jitterWindowMs / frameMs),
  };
}
