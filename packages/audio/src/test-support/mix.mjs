// Mixing speech and noise at a target SNR, and the float -> PCM16 step the
// fixtures need (kept here so fixtures do not lean on the code under test).

/**
 * Speech-to-noise ratio in dB over the active frames of `active` (a frame
 * grid of `frameMs`): mean square of `speech` over those frames against the
 * mean square of `noise` over the same samples.
 */
export function activeSnrDb(speech, noise, active, sampleRate, frameMs = 10) {
  const step = (sampleRate * frameMs) / 1000;
  let s = 0;
  let n = 0;
  for (let k = 0; k < active.length; k++) {
    if (!active[k]) continue;
    const a = Math.round(k * step);
    const b = Math.min(speech.length, Math.round((k + 1) * step));
    for (let i = a; i < b; i++) {
      s += speech[i] * speech[i];
      n += noise[i] * noise[i];
    }
  }
  return 10 * Math.log10(s / n);
}

/** speech + g * noise with g chosen so activeSnrDb(speech, g * noise) = snrDb. */
export function mixAtSnr(speech, noise, snrDb, active, sampleRate, frameMs = 10) {
  if (noise.length < speech.length) throw new Error('mixAtSnr: noise shorter than speech');
  const current = activeSnrDb(speech, noise, active, sampleRate, frameMs);
  const gain = 10 ** ((current - snrDb) / 20);
  const out = new Float32Array(speech.length);
  for (let i = 0; i < speech.length; i++) out[i] = speech[i] + gain * noise[i];
  return out;
}

/** Float [-1, 1] to PCM16, clamped and rounded. */
export function toPcm16(samples) {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const v = Math.round(samples[i] * 32768);
    out[i] = Math.min(Math.max(v, -32768), 32767);
  }
  return out;
}
