/**
 * Counters of a {@link JitterBuffer}, named as WebRTC's inbound-rtp audio
 * statistics where one exists. Sample counts are at the buffer's sample rate.
 * They add up:
 *
 *   totalSamplesReceived = jitterBufferEmittedCount + removedSamplesForAcceleration
 *                        + buffered samples + droppedSamples
 */
export interface JitterBufferStats {
  /** Samples accepted by `push` (a rejected push is not counted). */
  totalSamplesReceived: number;
  /** Pushed samples that left the buffer as output (faded-in ones included). */
  jitterBufferEmittedCount: number;
  /**
   * Seconds, cumulative: for every emitted sample, the time from the pull
   * count at its push to the pull that emitted it, in frame periods. Divide by
   * `jitterBufferEmittedCount` for the mean buffering delay.
   */
  jitterBufferDelay: number;
  /** Output samples made up during underruns (fade tail plus silence) after playback had started. */
  concealedSamples: number;
  /** The part of `concealedSamples` that is plain silence. */
  silentConcealedSamples: number;
  /** Underruns: each contiguous stretch of concealment counts once. */
  concealmentEvents: number;
  /** Always 0: this buffer never stretches audio to slow down (it holds or conceals). */
  insertedSamplesForDeceleration: number;
  /** Pushed samples removed by pitch-preserving catch-up (consumed, not emitted). */
  removedSamplesForAcceleration: number;
  /** Pushed samples dropped by `clear()`. */
  droppedSamples: number;
  /** Audio held right now, ms. */
  bufferedMs: number;
  /** The current adaptive target delay, ms. */
  targetDelayMs: number;
}

/** The counters kept inside the buffer (everything except the live figures). */
export type JitterBufferCounters = Omit<JitterBufferStats, 'bufferedMs' | 'targetDelayMs'>;

export function emptyCounters(): JitterBufferCounters {
  return {
    totalSamplesReceived: 0,
    jitterBufferEmittedCount: 0,
    jitterBufferDelay: 0,
    concealedSamples: 0,
    silentConcealedSamples: 0,
    concealmentEvents: 0,
    insertedSamplesForDeceleration: 0,
    removedSamplesForAcceleration: 0,
    droppedSamples: 0,
  };
}
