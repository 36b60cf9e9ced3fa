/*
 * ASCII text <-> bytes for the base64 codec. `TextEncoder` and `TextDecoder`
 * are the fast way, but some scopes lack them (an AudioWorkletGlobalScope
 * has neither), so they are looked up on first use, never at import, and a
 * portable loop stands in when they are missing.
 */

interface AsciiEncoder {
  encodeInto(text: string, dest: Uint8Array): { read: number; written: number };
}
interface AsciiDecoder {
  decode(bytes: Uint8Array): string;
}

let encoder: AsciiEncoder | null | undefined;
let decoder: AsciiDecoder | null | undefined;
const CHARS_PER_CALL = 8192;

/**
 * Writes the characters of `text` into the start of `dest` as bytes.
 * Returns false if any character is not ASCII (the bytes are then
 * meaningless). `dest` must hold at least `text.length` bytes.
 */
export function writeAscii(text: string, dest: Uint8Array): boolean {
  if (encoder === undefined) encoder = typeof TextEncoder === 'function' ? new TextEncoder() : null;
  if (encoder === null) return writeAsciiPortable(text, dest);
  const { read, written } = encoder.encodeInto(text, dest);
  // Any non-ASCII character takes more than one byte (or does not fit).
  return read === text.length && written === text.length;
}

/** `writeAscii` without `TextEncoder`. */
export function writeAsciiPortable(text: string, dest: Uint8Array): boolean {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    seen |= c;
    dest[i] = c;
  }
  return seen < 128;
}

/** The string whose characters are the given ASCII bytes. */
export function readAscii(bytes: Uint8Array): string {
  if (decoder === undefined) decoder = typeof TextDecoder === 'function' ? new TextDecoder() : null;
  return decoder === null ? readAsciiPortable(bytes) : decoder.decode(bytes);
}

/** `readAscii` without `TextDecoder`: `String.fromCharCode` over chunks, joined once. */
export function readAsciiPortable(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHARS_PER_CALL) {
    parts.push(String.fromCharCode.apply(null, bytes.subarray(i, i + CHARS_PER_CALL) as unknown as number[]));
  }
  return parts.join('');
}
