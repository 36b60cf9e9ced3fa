/**
 * Base64 audio of the wire to and from PCM16, by encoding: `pcm16` is 16-bit
 * little-endian mono at the session's rate, `g711_ulaw` / `g711_alaw` are
 * 8 kHz companded bytes (decoded to PCM16 at 8 kHz).
 */
import {
  alawDecode,
  alawEncode,
  base64ToBytes,
  bytesToBase64,
  mulawDecode,
  mulawEncode,
  pcm16FromBytes,
  pcm16ToBytes,
} from '@parley/audio';
import type { AudioEncoding } from '@parley/protocol';
import { RuntimeError } from '../errors.js';

/** Bytes that well-formed base64 `text` decodes to, from its length and padding (no decoding). */
export function base64ByteLength(text: string): number {
  const n = text.length;
  let padding = 0;
  if (n > 0 && text.charCodeAt(n - 1) === 61) padding++;
  if (n > 1 && text.charCodeAt(n - 2) === 61) padding++;
  return Math.floor((n * 3) / 4) - padding;
}

/** Decoded bytes of base64 audio; `invalid_audio` (with `param`) when it is not base64 or not whole samples. */
export function decodeAudio(base64: string, encoding: AudioEncoding, param: string): Int16Array {
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(base64);
  } catch {
    throw new RuntimeError('invalid_audio', `'${param}' is not valid base64.`, { param });
  }
  if (encoding === 'g711_ulaw') return mulawDecode(bytes);
  if (encoding === 'g711_alaw') return alawDecode(bytes);
  if (bytes.length % 2 !== 0) {
    throw new RuntimeError('invalid_audio', `'${param}' is not whole PCM16 samples (odd byte count ${bytes.length}).`, {
      param,
    });
  }
  return pcm16FromBytes(bytes);
}

/** PCM16 samples to wire bytes in `encoding` (the caller has resampled to the encoding's rate). */
export function encodeAudioBytes(pcm: Int16Array, encoding: AudioEncoding): Uint8Array {
  if (encoding === 'g711_ulaw') return mulawEncode(pcm);
  if (encoding === 'g711_alaw') return alawEncode(pcm);
  return pcm16ToBytes(pcm);
}

export function encodeAudio(pcm: Int16Array, encoding: AudioEncoding): string {
  return bytesToBase64(encodeAudioBytes(pcm, encoding));
}
