export declare const ESPEAK_RATE: 22050;

export interface SynthesizeOptions {
  /** espeak-ng voice: 'en-us' (default), 'en', 'cmn', or a variant such as 'en-us+f3'. */
  voice?: string;
  /** Speaking rate in words per minute (espeak `-s`, default 175). */
  wordsPerMinute?: number;
  /** Pitch 0..99 (espeak `-p`, default 50). */
  pitch?: number;
  /** Output rate in Hz (integer, default 16000). */
  sampleRate?: number;
  /** Cut leading/trailing silence (default true). */
  trim?: boolean;
}

/** Speaks `text` with espeak-ng (WASM); cached per process; returns a fresh copy. */
export declare function synthesizeSpeech(
  text: string,
  options?: SynthesizeOptions,
): Promise<{ samples: Float32Array; sampleRate: number }>;

/** Cuts leading/trailing stretches quieter than `floorDb` below the loudest 5 ms window. */
export declare function trimSilence(samples: Float32Array, sampleRate: number, floorDb?: number): Float32Array;
