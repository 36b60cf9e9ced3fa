// Frame-level ground truth for voice activity, computed from a CLEAN track.
//
// Rule (on a fixed grid of `frameMs` frames, 10 ms by default):
//  1. P[k] = mean square of frame k.
//  2. Active level A = mean of P[k] over the frames within 40 dB of the
//     loudest frame (a simple stand-in for the ITU-T P.56 active speech level).
//  3. A frame is voiced when P[k] >= A - 30 dB.
//  4. Unvoiced gaps shorter than `bridgeMs` (100 ms) that have voiced frames on
//     both sides are filled: stop closures and the short silences espeak puts
//     between Mandarin syllables are part of the word. Longer gaps (commas,
//     pauses between phrases) stay silence.

/**
 * @param {Float32Array} clean
 * @param {number} sampleRate
 * @param {{ frameMs?: number, relativeDb?: number, bridgeMs?: number }} [options]
 */
export function frameTruth(clean, sampleRate, options = {}) {
  const { frameMs = 10, relativeDb = -30, bridgeMs = 100 } = options;
  const power = framePowers(clean, sampleRate, frameMs);
  const count = power.length;
  let peak = 0;
  for (let k = 0; k < count; k++) if (power[k] > peak) peak = power[k];
  let sum = 0;
  let n = 0;
  for (let k = 0; k < count; k++) {
    if (power[k] >= peak * 1e-4) {
      sum += power[k];
      n++;
    }
  }
  const activeLevel = n ? sum / n : 0;
  const gate = activeLevel * 10 ** (relativeDb / 10);
  const active = new Uint8Array(count);
  for (let k = 0; k < count; k++) active[k] = activeLevel > 0 && power[k] >= gate ? 1 : 0;
  const maxGap = Math.ceil(bridgeMs / frameMs) - 1;
  let lastActive = -1;
  for (let k = 0; k < count; k++) {
    if (!active[k]) continue;
    const gap = k - lastActive - 1;
    if (lastActive >= 0 && gap > 0 && gap <= maxGap) active.fill(1, lastActive + 1, k);
    lastActive = k;
  }
  return { active, activeLevel, frameMs };
}

/** Mean square per frame; frame k covers samples [round(k*L), round((k+1)*L)), L = rate*ms/1000. */
export function framePowers(samples, sampleRate, frameMs = 10) {
  const step = (sampleRate * frameMs) / 1000;
  const count = Math.floor(samples.length / step);
  const power = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const a = Math.round(k * step);
    const b = Math.round((k + 1) * step);
    let acc = 0;
    for (let i = a; i < b; i++) acc += samples[i] * samples[i];
    power[k] = acc / (b - a);
  }
  return power;
}

/** Contiguous runs of active frames as [startMs, endMs) intervals. */
export function activeRuns(active, frameMs = 10) {
  const runs = [];
  let start = -1;
  for (let k = 0; k <= active.length; k++) {
    const on = k < active.length && active[k] === 1;
    if (on && start < 0) start = k;
    if (!on && start >= 0) {
      runs.push({ startMs: start * frameMs, endMs: k * frameMs });
      start = -1;
    }
  }
  return runs;
}
