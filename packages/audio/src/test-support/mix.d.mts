/** SNR in dB over the frames marked active (mean squares over the same samples). */
export declare function activeSnrDb(
  speech: Float32Array,
  noise: Float32Array,
  active: Uint8Array,
  sampleRate: number,
  frameMs?: number,
): number;
/** Adds `noise` scaled so the active-frame SNR equals `snrDb`. */
export declare function mixAtSnr(
  speech: Float32Array,
  noise: Float32Array,
  snrDb: number,
  active: Uint8Array,
  sampleRate: number,
  frameMs?: number,
): Float32Array;
/** Float [-1, 1] to PCM16 (clamped, rounded). */
export declare function toPcm16(samples: Float32Array): Int16Array;
