/** Where the sound in a buffer starts and ends, as sample indices (end exclusive). */
export interface SoundSpan {
  start: number;
  end: number;
}

export interface TrimOptions {
  /** Level below which a 5 ms frame counts as silence, in dBFS. Default -50. */
  thresholdDb?: number;
  /** Silence kept before the first loud frame, ms. Default 10. */
  leadMs?: number;
  /** Silence kept after the last loud frame (the decay of the last sound), ms. Default 40. */
  tailMs?: number;
}

/**
 * The span of `samples` (floats, full scale 1) that holds sound: from the first to the last 5 ms frame
 * whose RMS level reaches `thresholdDb`, widened by `leadMs` / `tailMs` and
 * clamped to the buffer. All silence gives an empty span at 0.
 */
export function soundSpan(samples: Float32Array, sampleRate: number, options: TrimOptions = {}): SoundSpan {
  const frame = Math.max(1, Math.round(sampleRate * 0.005));
  const threshold = 10 ** ((options.thresholdDb ?? -50) / 20);
  const limit = threshold * threshold * frame;
  const loud = (at: number): boolean => {
    let energy = 0;
    const end = Math.min(samples.length, at + frame);
    for (let i = at; i < end; i++) energy += samples[i]! * samples[i]!;
    return energy >= limit;
  };
  let first = -1;
  for (let at = 0; at < samples.length; at += frame) {
    if (loud(at)) {
      first = at;
      break;
    }
  }
  if (first < 0) return { start: 0, end: 0 };
  let last = first;
  for (let at = Math.floor((samples.length - 1) / frame) * frame; at > first; at -= frame) {
    if (loud(at)) {
      last = at;
      break;
    }
  }
  const lead = Math.round(((options.leadMs ?? 10) * sampleRate) / 1000);
  const tail = Math.round(((options.tailMs ?? 40) * sampleRate) / 1000);
  return {
    start: Math.max(0, first - lead),
    end: Math.min(samples.length, last + frame + tail),
  };
}

/** `samples` without their leading and trailing silence (a view, not a copy); see {@link soundSpan}. */
export function trimSilence(samples: Float32Array, sampleRate: number, options?: TrimOptions): Float32Array {
  const { start, end } = soundSpan(samples, sampleRate, options);
  return samples.subarray(start, end);
}
