import { readAscii, writeAscii } from './ascii.js';
import { BASE64_ALPHABET, assertBase64Bytes, assertBase64Input, base64Layout, invalidBase64Character } from './base64-alphabet.js';

/*
 * The portable base64 codec, used where the platform has no native one.
 *
 * Decoding turns a slice of the string into ASCII bytes (with
 * `TextEncoder.encodeInto` where there is one), then reads them two characters
 * at a time as 16-bit units. One 65536-entry table maps each unit to its 12
 * bits, already shifted into the top half of a 24-bit group, so a group of
 * four characters costs two loads, a shift and an OR. Units that are not two
 * alphabet characters map to an entry with bit 31 set; that bit is ORed into
 * an accumulator and checked once per slice rather than per character.
 *
 * Encoding looks up each 12-bit half of a 3-byte group in a 4096-entry table
 * holding its two ASCII characters already placed in a 32-bit word, so each
 * group is one 32-bit store; the ASCII buffer becomes a string in one
 * `TextDecoder` call where there is one.
 *
 * All tables are built in the host's byte order from byte layouts, so the
 * code is correct on either endianness. They are built on first use: 256 KiB
 * for decoding, 32 KiB for encoding.
 */

const INVALID = 0x80000000;
const SLICE_CHARS = 16384;

let decodeTable: Uint32Array | undefined;
let encodeTables: { high: Uint32Array; low: Uint32Array; single: Uint8Array } | undefined;
let scratch: { bytes: Uint8Array; units: Uint16Array } | undefined;

function buildDecodeTable(): Uint32Array {
  const table = new Uint32Array(65536).fill(INVALID);
  const pair = new Uint8Array(2);
  const unit = new Uint16Array(pair.buffer);
  for (let i = 0; i < 64; i++) {
    for (let j = 0; j < 64; j++) {
      pair[0] = BASE64_ALPHABET.charCodeAt(i);
      pair[1] = BASE64_ALPHABET.charCodeAt(j);
      table[unit[0]!] = (i << 18) | (j << 12);
    }
  }
  return table;
}

function buildEncodeTables(): NonNullable<typeof encodeTables> {
  const high = new Uint32Array(4096);
  const low = new Uint32Array(4096);
  const word = new Uint8Array(4);
  const value = new Uint32Array(word.buffer);
  for (let i = 0; i < 4096; i++) {
    const a = BASE64_ALPHABET.charCodeAt(i >> 6);
    const b = BASE64_ALPHABET.charCodeAt(i & 63);
    word.set([a, b, 0, 0]);
    high[i] = value[0]!;
    word.set([0, 0, a, b]);
    low[i] = value[0]!;
  }
  const single = new Uint8Array(64).map((_, i) => BASE64_ALPHABET.charCodeAt(i));
  return { high, low, single };
}

/** Bytes to standard, padded base64 without any platform codec. */
export function encodeBase64Pure(bytes: Uint8Array): string {
  assertBase64Bytes(bytes);
  const { high, low, single } = (encodeTables ??= buildEncodeTables());
  const n = bytes.length;
  const whole = n - (n % 3);
  const ascii = new Uint8Array(Math.ceil(n / 3) * 4);
  const words = new Uint32Array(ascii.buffer);
  let k = 0;
  for (let i = 0; i < whole; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    words[k++] = high[v >>> 12]! | low[v & 4095]!;
  }
  const rest = n - whole;
  if (rest > 0) {
    const v = (bytes[whole]! << 16) | (rest === 2 ? bytes[whole + 1]! << 8 : 0);
    const j = k * 4;
    ascii[j] = single[v >>> 18]!;
    ascii[j + 1] = single[(v >>> 12) & 63]!;
    ascii[j + 2] = rest === 2 ? single[(v >>> 6) & 63]! : 61;
    ascii[j + 3] = 61;
  }
  return readAscii(ascii);
}

/**
 * Standard base64 to bytes without any platform codec. Padding is optional;
 * whitespace, the URL-safe alphabet and any other character are rejected
 * with `invalid_base64`. Unused low bits of the last character are ignored.
 */
export function decodeBase64Pure(text: string): Uint8Array {
  assertBase64Input(text);
  const { dataChars, byteLength } = base64Layout(text);
  const out = new Uint8Array(byteLength);
  const table = (decodeTable ??= buildDecodeTable());
  const whole = dataChars - (dataChars % 4);
  if (whole > 0) {
    const { bytes, units } = (scratch ??= newScratch());
    let j = 0;
    for (let start = 0; start < whole; start += SLICE_CHARS) {
      const count = Math.min(SLICE_CHARS, whole - start);
      const slice = count === text.length ? text : text.slice(start, start + count);
      if (!writeAscii(slice, bytes)) throw invalidBase64Character(text);
      let flags = 0;
      for (let u = 0, end = count >> 1; u < end; u += 2) {
        const a = table[units[u]!]!;
        const b = table[units[u + 1]!]!;
        flags |= a | b;
        const v = a | (b >>> 12);
        out[j] = v >>> 16;
        out[j + 1] = v >>> 8;
        out[j + 2] = v;
        j += 3;
      }
      if (flags & INVALID) throw invalidBase64Character(text);
    }
  }
  const tail = dataChars - whole;
  if (tail > 0) decodeTail(text, whole, tail, out);
  return out;
}

function newScratch(): NonNullable<typeof scratch> {
  const bytes = new Uint8Array(SLICE_CHARS);
  return { bytes, units: new Uint16Array(bytes.buffer) };
}

/** The last 2 or 3 characters of unpadded or padded input. */
function decodeTail(text: string, at: number, tail: number, out: Uint8Array): void {
  let v = 0;
  for (let i = 0; i < tail; i++) {
    const c = text.charCodeAt(at + i);
    const value = c < 128 ? BASE64_ALPHABET.indexOf(text[at + i]!) : -1;
    if (value < 0) throw invalidBase64Character(text);
    v |= value << (18 - 6 * i);
  }
  const j = out.length - (tail - 1);
  out[j] = v >>> 16;
  if (tail === 3) out[j + 1] = v >>> 8;
}
