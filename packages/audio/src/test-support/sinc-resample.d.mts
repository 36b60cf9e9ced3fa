/**
 * Band-limited offline resampling (polyphase Blackman-windowed sinc) between
 * integer rates. Output length is floor(input.length * toRate / fromRate).
 */
export declare function resampleOffline(input: Float32Array, fromRate: number, toRate: number): Float32Array;
