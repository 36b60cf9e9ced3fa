/** Decodes a 16-bit PCM WAV file (first channel) to float samples in [-1, 1). */
export declare function readWavPcm16(bytes: Uint8Array): { samples: Float32Array; sampleRate: number };
