import { AudioFormatError } from '../errors.js';
import { assertBase64Bytes, assertBase64Input, base64Layout, invalidBase64Character } from './base64-alphabet.js';
import { type NativeBase64, detectNativeBase64 } from './base64-native.js';
import { decodeBase64Pure, encodeBase64Pure } from './base64-pure.js';

/** A base64 encoder/decoder pair with one fixed backend. */
export interface Base64Codec {
  encode(bytes: Uint8Array): string;
  decode(text: string): Uint8Array;
}

const strictAlphabet = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Builds a codec over a platform codec, or over the portable one when
 * `native` is undefined. Both accept and reject exactly the same strings:
 * platform decoders are lenient (they skip whitespace, for one), so the
 * input is checked here before it reaches them.
 */
export function createBase64Codec(native: NativeBase64 | undefined): Base64Codec {
  if (!native) return { encode: encodeBase64Pure, decode: decodeBase64Pure };
  return {
    encode(bytes) {
      assertBase64Bytes(bytes);
      return native.encode(bytes);
    },
    decode(text) {
      assertBase64Input(text);
      base64Layout(text);
      if (!strictAlphabet.test(text)) throw invalidBase64Character(text);
      try {
        return native.decode(text);
      } catch (error) {
        // Not expected after the checks above; keep the one-error-type promise.
        throw new AudioFormatError('invalid_base64', `invalid base64: ${String(error)}`);
      }
    },
  };
}

const codec = createBase64Codec(detectNativeBase64());

/**
 * Bytes to standard base64 (RFC 4648 alphabet `A-Z a-z 0-9 + /`, padded with
 * `=`). Uses the platform codec when there is one.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  return codec.encode(bytes);
}

/**
 * Standard base64 to bytes. Accepts padded input and input whose final
 * padding was left off; rejects, with `AudioFormatError` code
 * `invalid_base64`, any character outside the alphabet (whitespace and the
 * URL-safe `-` `_` included), `=` anywhere but the end, padding that does not
 * complete a 4-character group, and lengths no encoder produces. Unused low
 * bits in the last character are ignored, as most decoders do.
 */
export function base64ToBytes(text: string): Uint8Array {
  return codec.decode(text);
}
