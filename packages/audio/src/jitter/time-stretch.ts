/**
 * Pitch-preserving removal of one period for catching up: find the lag `L`
 * at which the audio best repeats itself, then replace the `2L` samples that
 * follow by an `L`-sample crossfade from the first period into the second.
 * The result starts on the first input sample and ends on the sample before
 * `x[2L]`, so it splices into the stream without a step.
 */

/** Lag search range for speech: periods of 2.5 ms (400 Hz) to 12.5 ms (80 Hz). */
export function periodRange(sampleRate: number): { min: number; max: number } {
  return {
    min: Math.max(2, Math.round(sampleRate * 0.0025)),
    max: Math.max(4, Math.round(sampleRate * 0.0125)),
  };
}

function similarity(x: Int16Array, lag: number): number {
  let cross = 0;
  let a = 0;
  let b = 0;
  for (let i = 0; i < lag; i++) {
    const u = x[i]!;
    const v = x[i + lag]!;
    cross += u * v;
    a += u * u;
    b += v * v;
  }
  // Near-silence repeats itself at any lag; prefer the longest (removes most).
  if (a + b < lag * 64) return 1 + lag * 1e-9;
  return cross / Math.sqrt(a * b || 1);
}

/** Best lag in `[min, max]` for `x` (needs `x.length >= 2 * max`). */
export function bestLag(x: Int16Array, min: number, max: number, sampleRate: number): number {
  const step = Math.max(1, Math.floor(sampleRate / 8000));
  let best = max;
  let bestScore = -Infinity;
  for (let lag = min; lag <= max; lag += step) {
    const s = similarity(x, lag);
    if (s > bestScore) {
      bestScore = s;
      best = lag;
    }
  }
  const lo = Math.max(min, best - step + 1);
  const hi = Math.min(max, best + step - 1);
  for (let lag = lo; lag <= hi; lag++) {
    const s = similarity(x, lag);
    if (s > bestScore) {
      bestScore = s;
      best = lag;
    }
  }
  return best;
}

/** Writes the `lag`-sample crossfade of `x[0..lag)` into `x[lag..2lag)` to `out[at..]`. */
export function crossfadePeriod(x: Int16Array, lag: number, out: Int16Array, at: number): void {
  for (let i = 0; i < lag; i++) {
    const w = (i + 1) / (lag + 1);
    const v = x[i]! * (1 - w) + x[i + lag]! * w;
    out[at + i] = Math.round(v);
  }
}
