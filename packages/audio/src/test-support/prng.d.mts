/** Uniform [0, 1) generator determined by `seed`. */
export declare function seededRandom(seed: number): () => number;
/** Standard normal generator drawing from `random`. */
export declare function gaussianSource(random: () => number): () => number;
