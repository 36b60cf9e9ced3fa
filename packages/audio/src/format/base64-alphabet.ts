import { AudioFormatError } from '../errors.js';

/** The standard base64 alphabet (RFC 4648 section 4), in value order. */
export const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Where the payload of a base64 string ends and how many bytes it holds. */
export interface Base64Layout {
  /** Number of alphabet characters (the string length minus any padding). */
  readonly dataChars: number;
  /** Number of bytes the string decodes to. */
  readonly byteLength: number;
}

/**
 * Checks the shape of a base64 string: length, and padding only as the last
 * one or two characters of a complete 4-character group. Missing padding is
 * accepted. It does not look at the other characters; the decoders do.
 */
export function base64Layout(text: string): Base64Layout {
  const length = text.length;
  let padding = 0;
  if (length > 0 && text.charCodeAt(length - 1) === 61) {
    padding = length > 1 && text.charCodeAt(length - 2) === 61 ? 2 : 1;
    if (length % 4 !== 0) {
      throw layoutError(text, `padding must complete a 4-character group, but the length is ${length}`);
    }
  }
  const dataChars = length - padding;
  const tail = dataChars % 4;
  if (tail === 1) {
    throw layoutError(text, `${dataChars} data characters is not a possible length (one character left over)`);
  }
  return { dataChars, byteLength: (dataChars - tail) * 0.75 + (tail === 0 ? 0 : tail - 1) };
}

/**
 * Builds the error for a string whose characters are not all in the alphabet
 * (a trailing run of up to two `=` excepted), naming the first offender.
 * Only called once a decoder already knows the input is bad, so it may be slow.
 */
export function invalidBase64Character(text: string): AudioFormatError {
  return findInvalidCharacter(text) ?? new AudioFormatError('invalid_base64', 'invalid base64 input');
}

function findInvalidCharacter(text: string): AudioFormatError | undefined {
  let end = text.length;
  if (text.endsWith('==')) end -= 2;
  else if (text.endsWith('=')) end -= 1;
  // A foreign character (whitespace, say) explains more than a misplaced
  // '=' it may have pushed away from the end, so look for those first.
  let misplacedPad = -1;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 61) {
      if (misplacedPad < 0) misplacedPad = i;
    } else if (c > 127 || BASE64_ALPHABET.indexOf(text[i]!) < 0) {
      return new AudioFormatError('invalid_base64', `invalid base64: character ${describeChar(c)} at index ${i}`);
    }
  }
  if (misplacedPad >= 0) {
    return new AudioFormatError('invalid_base64', `invalid base64: padding "=" before the end, at index ${misplacedPad}`);
  }
  return undefined;
}

/** A length or padding error, unless a bad character explains it better. */
function layoutError(text: string, message: string): AudioFormatError {
  return findInvalidCharacter(text) ?? new AudioFormatError('invalid_base64', `invalid base64: ${message}`);
}

function describeChar(code: number): string {
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  const printable = code > 32 && code < 127;
  return printable ? `"${String.fromCharCode(code)}" (U+${hex})` : `U+${hex}`;
}

/** Throws unless `value` is a string. */
export function assertBase64Input(value: unknown): asserts value is string {
  if (typeof value !== 'string') {
    throw new AudioFormatError('invalid_argument', `base64ToBytes expects a string, got ${typeof value}`);
  }
}

/** Throws unless `value` is a `Uint8Array`. */
export function assertBase64Bytes(value: unknown): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) {
    throw new AudioFormatError('invalid_argument', 'bytesToBase64 expects a Uint8Array');
  }
}
