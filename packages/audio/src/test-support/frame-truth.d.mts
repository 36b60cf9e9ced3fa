export interface FrameTruth {
  /** 1 where the clean speech is active, one entry per frame. */
  active: Uint8Array;
  /** Mean square over the frames within 40 dB of the loudest (the active speech level). */
  activeLevel: number;
  frameMs: number;
}

/**
 * Voice-activity ground truth of a clean track: frames within `relativeDb`
 * (-30) of the active speech level, with gaps shorter than `bridgeMs` (100)
 * between voiced frames filled.
 */
export declare function frameTruth(
  clean: Float32Array,
  sampleRate: number,
  options?: { frameMs?: number; relativeDb?: number; bridgeMs?: number },
): FrameTruth;

/** Mean square per frame on the exact grid k * sampleRate * frameMs / 1000. */
export declare function framePowers(samples: Float32Array, sampleRate: number, frameMs?: number): Float64Array;

/** Contiguous active runs as [startMs, endMs). */
export declare function activeRuns(active: Uint8Array, frameMs?: number): Array<{ startMs: number; endMs: number }>;
