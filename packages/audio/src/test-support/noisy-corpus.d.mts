import type { SpeechCorpus } from './speech-corpus.mjs';

export type NoiseType = 'white' | 'pink' | 'babble';
export declare const NOISE_TYPES: readonly NoiseType[];
export declare const SNRS_DB: readonly number[];

export interface NoisyCondition {
  noise: NoiseType;
  snrDb: number;
  /** Clean corpus + noise at `snrDb` over the speech-active frames. */
  samples: Float32Array;
  pcm16: Int16Array;
}

/** A unit-RMS noise track (babble needs speech synthesis, hence async). */
export declare function makeNoise(type: NoiseType, length: number, sampleRate: number, seed?: number): Promise<Float32Array>;

/** The corpus at `sampleRate` (16000) mixed with each noise type at each SNR. */
export declare function buildNoisyConditions(options?: {
  sampleRate?: number;
  noiseTypes?: readonly NoiseType[];
  snrsDb?: readonly number[];
  seed?: number;
}): Promise<{ corpus: SpeechCorpus; conditions: NoisyCondition[] }>;
