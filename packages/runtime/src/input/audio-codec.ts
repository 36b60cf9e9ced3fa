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
  pcm16BytesView,
  pcm16ToBytes,
  pcm16ViewOfBytes,
} from '@parley/audio';
import type { AudioEncoding } from '@parley/protocol';
import { RuntimeError } from '../errors.js';

/**
 * A base64 codec for the session's audio. `decode` must accept and reject
 * exactly what `@parley/audio`'s `base64ToBytes` does (standard alphabet,
 * padding optional, no whitespace) and throw on anything else: bad input is
 * an error, never garbage audio. `encode` gives standard, padded base64.
 * A Node server may inject one built on its platform codec (faster than the
 * portable default, which runs everywhere).
 */
export interface Base64Codec {
  /** Returns bytes the caller owns (fresh, not a shared scratch buffer): audio may be kept as a view on them. */
  decode(text: string): Uint8Array;
  /** Only reads `bytes`. */
  encode(bytes: Uint8Array): string;
}

/** The portable codec of `@parley/audio` (the platform's own where the engine has one). */
export const defaultBase64: Base64Codec = { decode: base64ToBytes, encode: bytesToBase64 };

/** Decoded bytes of base64 audio; `invalid_audio` (with `param`) when it is not base64 or not whole samples. */
export function decodeAudio(
  base64: string,
  encoding: AudioEncoding,
  param: string,
  codec: Base64Codec = defaultBase64,
): Int16Array {
  let bytes: Uint8Array;
  try {
    bytes = codec.decode(base64);
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
  // The codec hands over freshly decoded bytes: view them in place rather than copy.
  return pcm16ViewOfBytes(bytes);
}

/** PCM16 samples to wire bytes in `encoding` (the caller has resampled to the encoding's rate). */
function encodeAudioBytes(pcm: Int16Array, encoding: AudioEncoding): Uint8Array {
  if (encoding === 'g711_ulaw') return mulawEncode(pcm);
  if (encoding === 'g711_alaw') return alawEncode(pcm);
  return pcm16ToBytes(pcm);
}

export function encodeAudio(pcm: Int16Array, encoding: AudioEncoding, codec: Base64Codec = defaultBase64): string {
  // The codec only reads the bytes: PCM16 is encoded from a view of the samples, not a copy.
  if (encoding === 'pcm16') return codec.encode(pcm16BytesView(pcm));
  return codec.encode(encodeAudioBytes(pcm, encoding));
}
