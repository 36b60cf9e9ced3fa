/**
 * log2 of a positive number from its float32 bit pattern: the exponent, plus
 * a degree-4 polynomial of the mantissa (max error 1.9e-4, i.e. 0.0006 dB).
 * About twice as fast as Math.log where it matters (five calls per frame),
 * and bit-identical on every engine. Not for 0, negatives or NaN.
 */
const float = new Float32Array(1);
const bits = new Int32Array(float.buffer);
const MANTISSA_SCALE = 1 / 8388608;

export function log2Approx(x: number): number {
  float[0] = x;
  const word = bits[0]!;
  const f = (word & 0x7fffff) * MANTISSA_SCALE;
  const exponent = (word >> 23) - 127;
  return exponent + f * (1.4385479301483939 + f * (-0.6780894558914801 + f * (0.3236463076401711 + f * -0.0842946558064794)));
}

/** 10 * log10(2): dB per unit of log2 (power ratio). */
export const DB_PER_OCTAVE = 3.0102999566398120;
