import { AudioFormatError } from '../errors.js';
import { littleEndianHost } from './endian.js';

/**
 * Float samples in [-1, 1] to PCM16. Out-of-range values are clamped;
 * negatives scale by 32768 and positives by 32767 so both full-scale ends are
 * reachable; the result is rounded to nearest, ties away from zero. NaN becomes 0.
 */
export function floatToPcm16(input: Float32Array): Int16Array {
  const out = new Int16Array(input.length);
  for (let i = 0; i < input.length; i++) {
    const s = input[i]!;
    // Round half away from zero by truncating s*scale +- 0.5; NaN fails both
    // comparisons below and truncates to 0.
    if (s >= 0) out[i] = s >= 1 ? 32767 : (s * 32767 + 0.5) | 0;
    else out[i] = s <= -1 ? -32768 : (s * 32768 - 0.5) | 0;
  }
  return out;
}

/** PCM16 to float samples: each sample divided by 32768. */
export function pcm16ToFloat(input: Int16Array): Float32Array {
  const out = new Float32Array(input.length);
  for (let i = 0; i < input.length; i++) out[i] = input[i]! / 32768;
  return out;
}

/**
 * Little-endian bytes to PCM16 samples. Works at any `byteOffset`, odd ones
 * included (the bytes are copied when they cannot be viewed in place).
 * An odd byte length throws `AudioFormatError` with code `odd_byte_length`.
 */
export function pcm16FromBytes(bytes: Uint8Array): Int16Array {
  if (!(bytes instanceof Uint8Array)) {
    throw new AudioFormatError('invalid_argument', 'pcm16FromBytes expects a Uint8Array');
  }
  if (bytes.byteLength % 2 !== 0) {
    throw new AudioFormatError('odd_byte_length', `PCM16 needs an even number of bytes, got ${bytes.byteLength}`);
  }
  const n = bytes.byteLength >> 1;
  if (littleEndianHost) {
    if (bytes.byteOffset % 2 === 0) return new Int16Array(bytes.buffer, bytes.byteOffset, n).slice();
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    return new Int16Array(copy.buffer, 0, n);
  }
  const out = new Int16Array(n);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < n; i++) out[i] = view.getInt16(i * 2, true);
  return out;
}

/** PCM16 samples to little-endian bytes, on any host. */
export function pcm16ToBytes(samples: Int16Array): Uint8Array {
  if (littleEndianHost) {
    return new Uint8Array(samples.buffer.slice(samples.byteOffset, samples.byteOffset + samples.byteLength));
  }
  const out = new Uint8Array(samples.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < samples.length; i++) view.setInt16(i * 2, samples[i]!, true);
  return out;
}

/**
 * Like `pcm16FromBytes`, but shares memory with `bytes` where it can (a
 * little-endian host and an even `byteOffset`), copying only otherwise. For
 * bytes the caller owns and will not reuse, such as a freshly decoded chunk.
 */
export function pcm16ViewOfBytes(bytes: Uint8Array): Int16Array {
  if (littleEndianHost && bytes instanceof Uint8Array && bytes.byteLength % 2 === 0 && bytes.byteOffset % 2 === 0) {
    return new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 1);
  }
  return pcm16FromBytes(bytes);
}

/**
 * Like `pcm16ToBytes`, but shares memory with `samples` on little-endian
 * hosts (a view, no copy), for a consumer that only reads the bytes, such as
 * a base64 encoder.
 */
export function pcm16BytesView(samples: Int16Array): Uint8Array {
  return littleEndianHost ? new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength) : pcm16ToBytes(samples);
}
