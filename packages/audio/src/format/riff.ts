import { AudioFormatError } from '../errors.js';

/** One chunk of a RIFF file as declared in its 8-byte header. */
export interface RiffChunk {
  /** Four-character id, e.g. `fmt ` or `data`. */
  readonly id: string;
  /** Offset of the chunk's 8-byte header. */
  readonly offset: number;
  /** Offset of the chunk's body (`offset + 8`). */
  readonly body: number;
  /** Size declared in the header; may exceed the bytes present. */
  readonly size: number;
}

/** The four ASCII characters at `offset`. */
export function readFourCC(bytes: Uint8Array, offset: number): string {
  return String.fromCharCode(bytes[offset]!, bytes[offset + 1]!, bytes[offset + 2]!, bytes[offset + 3]!);
}

/** Writes a four-character ASCII id at `offset`. */
export function writeFourCC(bytes: Uint8Array, offset: number, id: string): void {
  for (let i = 0; i < 4; i++) bytes[offset + i] = id.charCodeAt(i);
}

/** A little-endian view over exactly the bytes of `bytes`. */
export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Checks the 12-byte `RIFF....WAVE` preamble. RIFX (big-endian) and RF64
 * (64-bit sizes) are recognised and reported as unsupported.
 */
export function assertRiffWave(bytes: Uint8Array): void {
  if (!(bytes instanceof Uint8Array)) {
    throw new AudioFormatError('invalid_argument', 'expected the WAV file as a Uint8Array');
  }
  const id = String.fromCharCode(...bytes.subarray(0, 4));
  if (id === 'RIFX' || id === 'RF64' || id === 'BW64') {
    throw new AudioFormatError('unsupported_wav_format', `${id} files are not supported, only little-endian RIFF`);
  }
  if (id !== 'RIFF') {
    if (bytes.length > 0 && bytes.length < 4 && 'RIFF'.startsWith(id)) {
      throw new AudioFormatError('truncated_wav', `WAV data ends after ${bytes.length} bytes, inside the RIFF header`);
    }
    throw new AudioFormatError('invalid_wav', 'not a WAV file: it does not start with "RIFF"');
  }
  if (bytes.length < 12) {
    throw new AudioFormatError('truncated_wav', `WAV data ends after ${bytes.length} bytes, inside the RIFF header`);
  }
  if (readFourCC(bytes, 8) !== 'WAVE') {
    throw new AudioFormatError('invalid_wav', `not a WAV file: RIFF form type is "${readFourCC(bytes, 8)}", not "WAVE"`);
  }
}

/**
 * Walks the chunks after the RIFF preamble. Each chunk is followed by a pad
 * byte when its size is odd. The walk stops at the first chunk whose
 * declared body reaches past the end of `bytes` (that chunk is still
 * yielded), or when fewer than 8 bytes remain. It always advances, so it
 * ends after at most `bytes.length / 8` chunks.
 */
export function* riffChunks(bytes: Uint8Array, view: DataView, start = 12): Generator<RiffChunk> {
  let offset = start;
  while (offset + 8 <= bytes.length) {
    const size = view.getUint32(offset + 4, true);
    const chunk: RiffChunk = { id: readFourCC(bytes, offset), offset, body: offset + 8, size };
    yield chunk;
    const next = chunk.body + size + (size & 1);
    if (next > bytes.length) return;
    offset = next;
  }
}
