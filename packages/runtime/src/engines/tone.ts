/**
 * A known signal for tests and scripted answers: a sine tone as PCM16.
 */

export interface ToneOptions {
  /** Hz; default 440. */
  frequency?: number;
  /** Peak, 0-1 of full scale; default 0.25. */
  amplitude?: number;
}

/** `ms` milliseconds of a sine at `sampleRate`, starting at phase 0. */
export function tone(ms: number, sampleRate: number, options: ToneOptions = {}): Int16Array {
  const { frequency = 440, amplitude = 0.25 } = options;
  const n = Math.round((sampleRate * ms) / 1000);
  const out = new Int16Array(n);
  const step = (2 * Math.PI * frequency) / sampleRate;
  for (let i = 0; i < n; i++) out[i] = Math.round(Math.sin(step * i) * amplitude * 32767);
  return out;
}
