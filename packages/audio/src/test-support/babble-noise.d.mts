export interface BabbleTalker {
  voice: string;
  pitch?: number;
  wordsPerMinute?: number;
  text: string;
}

/** The talkers of the babble, in order; their texts never occur in the speech corpus. */
export declare const BABBLE_TALKERS: readonly BabbleTalker[];

/** Several looped espeak talkers at equal active level, summed; unit RMS. */
export declare function babbleNoise(
  length: number,
  sampleRate: number,
  options?: { talkers?: number; seed?: number },
): Promise<Float32Array>;
