import { AudioFormatError } from '../errors.js';

/*
 * ITU-T G.711 companding between 16-bit linear PCM and 8-bit codes.
 *
 * mu-law works on 14-bit magnitudes and A-law on 13-bit ones; here the
 * 16-bit sample is scaled (x / 4 and x / 8) so that decoded values land on
 * the 16-bit scale (mu-law full scale is +-32124, A-law +-32256). Both
 * encoders quantize to the nearest G.711 decision interval and both decoders
 * return the interval's reconstruction value from a 256-entry table.
 *
 * mu-law (mid-tread): 0 encodes as 0xFF; codes are stored bit-inverted. A
 * negative sample is encoded by its magnitude, so x and -x give codes that
 * differ only in the sign bit.
 * A-law (mid-riser, no zero level): codes are stored with the even bits
 * inverted (XOR 0x55); 0..15 encodes as 0xD5 (decodes to +8) and -16..-1 as
 * 0x55 (decodes to -8), i.e. a negative x is treated as the mirror image
 * -1 - x, as two's complement suggests.
 */

const MULAW_BIAS = 0x84;
const MULAW_CLIP = 32635;

const mulawTable = buildTable(mulawDecodeCode);
const alawTable = buildTable(alawDecodeCode);

function buildTable(decode: (code: number) => number): Int16Array {
  const table = new Int16Array(256);
  for (let code = 0; code < 256; code++) table[code] = decode(code);
  return table;
}

function mulawDecodeCode(code: number): number {
  const u = ~code & 0xff;
  const exponent = (u >> 4) & 7;
  const magnitude = (((u & 0x0f) << 3) + MULAW_BIAS) << exponent;
  return u & 0x80 ? MULAW_BIAS - magnitude : magnitude - MULAW_BIAS;
}

function alawDecodeCode(code: number): number {
  const a = code ^ 0x55;
  const segment = (a >> 4) & 7;
  let magnitude = (a & 0x0f) << 4;
  if (segment === 0) magnitude += 8;
  else magnitude = (magnitude + 0x108) << (segment - 1);
  return a & 0x80 ? magnitude : -magnitude;
}

function mulawEncodeSample(x: number): number {
  let sign = 0;
  if (x < 0) {
    x = -x;
    sign = 0x80;
  }
  if (x > MULAW_CLIP) x = MULAW_CLIP;
  x += MULAW_BIAS;
  const exponent = 24 - Math.clz32(x); // x is in [132, 32767]: top bit 7..14
  const mantissa = (x >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

function alawEncodeSample(x: number): number {
  let v = x >> 3;
  let mask = 0xd5;
  if (v < 0) {
    v = -v - 1;
    mask = 0x55;
  }
  // v is in [0, 4095]: segment 0 up to 31, then one segment per doubling.
  const segment = v < 32 ? 0 : 27 - Math.clz32(v);
  const mantissa = (segment === 0 ? v >> 1 : v >> segment) & 0x0f;
  return ((segment << 4) | mantissa) ^ mask;
}

function assertPcm(samples: unknown, name: string): asserts samples is Int16Array {
  if (!(samples instanceof Int16Array)) {
    throw new AudioFormatError('invalid_argument', `${name} expects an Int16Array of PCM16 samples`);
  }
}

function assertCodes(codes: unknown, name: string): asserts codes is Uint8Array {
  if (!(codes instanceof Uint8Array)) {
    throw new AudioFormatError('invalid_argument', `${name} expects a Uint8Array of G.711 codes`);
  }
}

/** PCM16 to G.711 mu-law codes, one byte per sample. */
export function mulawEncode(samples: Int16Array): Uint8Array {
  assertPcm(samples, 'mulawEncode');
  const out = new Uint8Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = mulawEncodeSample(samples[i]!);
  return out;
}

/** G.711 mu-law codes to PCM16 (full scale +-32124). */
export function mulawDecode(codes: Uint8Array): Int16Array {
  assertCodes(codes, 'mulawDecode');
  const out = new Int16Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = mulawTable[codes[i]!]!;
  return out;
}

/** PCM16 to G.711 A-law codes, one byte per sample. */
export function alawEncode(samples: Int16Array): Uint8Array {
  assertPcm(samples, 'alawEncode');
  const out = new Uint8Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = alawEncodeSample(samples[i]!);
  return out;
}

/** G.711 A-law codes to PCM16 (full scale +-32256). */
export function alawDecode(codes: Uint8Array): Int16Array {
  assertCodes(codes, 'alawDecode');
  const out = new Int16Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = alawTable[codes[i]!]!;
  return out;
}
