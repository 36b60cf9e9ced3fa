/** Seeded Gaussian white noise at unit RMS. */
export declare function whiteNoise(length: number, seed?: number): Float32Array;
/** Seeded pink (1/f, Voss-McCartney) noise at unit RMS, zero mean. */
export declare function pinkNoise(length: number, seed?: number): Float32Array;
