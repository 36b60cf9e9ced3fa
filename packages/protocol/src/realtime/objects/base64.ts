/**
 * Cheap checks of base64 audio strings, without decoding them: the server
 * decodes each chunk exactly once, later. Standard alphabet, `=` padding, the
 * length a multiple of 4 (what every vendor's clients send).
 */
import { invalidRequest, type ProtocolError } from '../../errors.js';

/** Largest decoded audio in one `input_audio_buffer.append` (and one content part): 15 MiB. */
export const MAX_AUDIO_BYTES = 15 * 1024 * 1024;

// The body without padding: standard alphabet only (one linear pass).
const ALPHABET_ONLY = /^[A-Za-z0-9+/]*$/;

/**
 * Number of bytes base64 `text` decodes to, from its length and padding alone
 * (no decoding, no validation). Works for padded and unpadded text.
 */
export function base64DecodedLength(text: string): number {
  const length = text.length;
  let padding = 0;
  if (length > 0 && text.charCodeAt(length - 1) === 61) padding++;
  if (length > 1 && text.charCodeAt(length - 2) === 61) padding++;
  return Math.floor((length * 3) / 4) - padding;
}

/** Whether `text` is well-formed padded base64 (the empty string is: zero bytes). */
export function isWellFormedBase64(text: string): boolean {
  const length = text.length;
  if (length % 4 !== 0) return false;
  if (length === 0) return true;
  let end = length;
  if (text.charCodeAt(end - 1) === 61) end--;
  if (text.charCodeAt(end - 1) === 61) end--;
  return ALPHABET_ONLY.test(end === length ? text : text.slice(0, end));
}

/**
 * How much of an audio string a decoder checks: `full` (size, length and the
 * whole alphabet) or `size` (size and a length that is a multiple of 4, in
 * constant time), for a server whose session decodes the audio at once and
 * refuses bad base64 itself.
 */
export type AudioCheck = 'full' | 'size';

/** `ok`, or why a base64 audio string is refused. Checks the size first: it costs nothing. */
export function checkAudioBase64(
  text: string,
  maxBytes = MAX_AUDIO_BYTES,
  check: AudioCheck = 'full',
): 'ok' | 'invalid' | 'too_large' {
  if (base64DecodedLength(text) > maxBytes) return 'too_large';
  if (check === 'size') return text.length % 4 === 0 ? 'ok' : 'invalid';
  return isWellFormedBase64(text) ? 'ok' : 'invalid';
}

/** Options of `audioBase64Error`: how much to check, and extra words for each message. */
export interface AudioBase64ErrorOptions {
  check?: AudioCheck;
  /** Appended after "decodes to more than N bytes" (e.g. `' (15 MiB); send smaller chunks'`). */
  tooLargeHint?: string;
  /** Appended after "is not valid base64" (e.g. `' (standard alphabet, padded)'`). */
  invalidHint?: string;
}

/**
 * `checkAudioBase64` as a protocol error for the field at `param`:
 * `audio_too_large` or `invalid_audio`, or `null` when the audio is acceptable.
 */
export function audioBase64Error(text: string, param: string, options: AudioBase64ErrorOptions = {}): ProtocolError | null {
  const verdict = checkAudioBase64(text, MAX_AUDIO_BYTES, options.check);
  if (verdict === 'too_large') {
    return invalidRequest(
      'audio_too_large',
      `'${param}' decodes to more than ${MAX_AUDIO_BYTES} bytes${options.tooLargeHint ?? ''}.`,
      param,
    );
  }
  if (verdict === 'invalid') {
    return invalidRequest('invalid_audio', `'${param}' is not valid base64${options.invalidHint ?? ''}.`, param);
  }
  return null;
}
