import { AudioFormatError } from '../errors.js';
import type { RiffChunk } from './riff.js';

/** How WAV samples are stored: integer PCM or IEEE float. */
export type WavSampleFormat = 'pcm' | 'float';

/** The parts of a WAV `fmt ` chunk that describe the sample layout. */
export interface WavFormat {
  readonly format: WavSampleFormat;
  readonly channels: number;
  readonly sampleRate: number;
  readonly bitsPerSample: number;
}

export const WAVE_FORMAT_PCM = 0x0001;
export const WAVE_FORMAT_IEEE_FLOAT = 0x0003;
export const WAVE_FORMAT_EXTENSIBLE = 0xfffe;

/** Bytes 2..15 of every KSDATAFORMAT_SUBTYPE GUID; bytes 0..1 hold the format tag. */
const SUBFORMAT_GUID_TAIL = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];

const knownTags = new Map<number, string>([
  [0x0002, 'Microsoft ADPCM'],
  [0x0006, 'A-law'],
  [0x0007, 'mu-law'],
  [0x0011, 'IMA ADPCM'],
  [0x0031, 'GSM 6.10'],
  [0x0050, 'MPEG'],
  [0x0055, 'MP3'],
]);

/** Bits per sample each format supports, in reading and writing alike. */
export const SUPPORTED_BITS: Readonly<Record<WavSampleFormat, readonly number[]>> = {
  pcm: [8, 16, 24, 32],
  float: [32],
};

/** Bytes per frame (one sample of every channel). */
export function blockAlignOf(format: WavFormat): number {
  return format.channels * (format.bitsPerSample / 8);
}

function tagName(tag: number): string {
  const hex = `0x${tag.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = knownTags.get(tag);
  return name ? `${hex} (${name})` : hex;
}

/**
 * Reads a `fmt ` chunk: plain 16-byte PCMWAVEFORMAT, 18-byte WAVEFORMATEX and
 * 40-byte WAVEFORMATEXTENSIBLE (PCM or IEEE-float subformat). The byte rate
 * field is not checked (writers often get it wrong and nothing depends on it),
 * nor are the extensible valid-bits and channel-mask fields: samples are
 * scaled by their container size, which is right for left-justified data.
 */
export function parseFmtChunk(bytes: Uint8Array, view: DataView, chunk: RiffChunk): WavFormat {
  if (chunk.size < 16) {
    throw new AudioFormatError('invalid_wav', `fmt chunk is ${chunk.size} bytes, it needs at least 16`);
  }
  const { body } = chunk;
  if (body + 16 > bytes.length) {
    throw new AudioFormatError('truncated_wav', 'WAV data ends inside the fmt chunk');
  }
  let tag = view.getUint16(body, true);
  const channels = view.getUint16(body + 2, true);
  const sampleRate = view.getUint32(body + 4, true);
  const blockAlign = view.getUint16(body + 12, true);
  const bitsPerSample = view.getUint16(body + 14, true);
  if (tag === WAVE_FORMAT_EXTENSIBLE) tag = extensibleSubformat(bytes, view, chunk);
  let format: WavSampleFormat;
  if (tag === WAVE_FORMAT_PCM) format = 'pcm';
  else if (tag === WAVE_FORMAT_IEEE_FLOAT) format = 'float';
  else {
    throw new AudioFormatError(
      'unsupported_wav_format',
      `WAV format tag ${tagName(tag)} is not supported; only PCM and IEEE float are`,
    );
  }
  if (channels === 0) throw new AudioFormatError('invalid_channels', 'WAV fmt chunk declares 0 channels');
  if (sampleRate === 0) throw new AudioFormatError('invalid_sample_rate', 'WAV fmt chunk declares a sample rate of 0');
  if (!SUPPORTED_BITS[format].includes(bitsPerSample)) {
    throw new AudioFormatError(
      'unsupported_wav_format',
      `${bitsPerSample}-bit ${format === 'pcm' ? 'integer PCM' : 'float'} WAV is not supported ` +
        `(supported: ${SUPPORTED_BITS[format].join(', ')} bits)`,
    );
  }
  const result: WavFormat = { format, channels, sampleRate, bitsPerSample };
  const expected = blockAlignOf(result);
  if (blockAlign !== expected) {
    throw new AudioFormatError(
      'invalid_wav',
      `WAV block align is ${blockAlign}, but ${channels} channel(s) of ${bitsPerSample} bits need ${expected}`,
    );
  }
  return result;
}

function extensibleSubformat(bytes: Uint8Array, view: DataView, chunk: RiffChunk): number {
  const { body } = chunk;
  if (chunk.size < 40) {
    throw new AudioFormatError('invalid_wav', `WAVE_FORMAT_EXTENSIBLE fmt chunk is ${chunk.size} bytes, it needs 40`);
  }
  if (body + 40 > bytes.length) {
    throw new AudioFormatError('truncated_wav', 'WAV data ends inside the fmt chunk');
  }
  const extraSize = view.getUint16(body + 16, true);
  if (extraSize < 22) {
    throw new AudioFormatError('invalid_wav', `WAVE_FORMAT_EXTENSIBLE declares ${extraSize} extra bytes, it needs 22`);
  }
  const guid = body + 24;
  for (let i = 0; i < SUBFORMAT_GUID_TAIL.length; i++) {
    if (bytes[guid + 2 + i] !== SUBFORMAT_GUID_TAIL[i]) {
      throw new AudioFormatError('unsupported_wav_format', 'WAVE_FORMAT_EXTENSIBLE subformat is not a known audio GUID');
    }
  }
  const subTag = view.getUint16(guid, true);
  if (subTag === WAVE_FORMAT_EXTENSIBLE) {
    throw new AudioFormatError('unsupported_wav_format', 'WAVE_FORMAT_EXTENSIBLE subformat cannot itself be extensible');
  }
  return subTag;
}

/**
 * Validates a format a caller asks us to write. Throws `invalid_sample_rate`,
 * `invalid_channels` or `invalid_argument`.
 */
export function assertWritableFormat(format: WavFormat): void {
  const { sampleRate, channels, bitsPerSample } = format;
  if (!Number.isInteger(sampleRate) || sampleRate <= 0 || sampleRate > 0xffffffff) {
    throw new AudioFormatError(
      'invalid_sample_rate',
      `WAV sampleRate must be a whole number of Hz from 1 to 4294967295, got ${String(sampleRate)}`,
    );
  }
  if (!Number.isInteger(channels) || channels < 1 || channels > 0xffff) {
    throw new AudioFormatError('invalid_channels', `WAV channels must be a whole number from 1 to 65535, got ${String(channels)}`);
  }
  if (format.format !== 'pcm' && format.format !== 'float') {
    throw new AudioFormatError('invalid_argument', `WAV format must be "pcm" or "float", got ${String(format.format)}`);
  }
  if (!SUPPORTED_BITS[format.format].includes(bitsPerSample)) {
    throw new AudioFormatError(
      'invalid_argument',
      `bitsPerSample ${String(bitsPerSample)} is not supported for ${format.format} ` +
        `(supported: ${SUPPORTED_BITS[format.format].join(', ')})`,
    );
  }
  if (blockAlignOf(format) > 0xffff) {
    throw new AudioFormatError(
      'invalid_channels',
      `${channels} channels of ${bitsPerSample} bits make a ${blockAlignOf(format)}-byte frame; WAV allows 65535`,
    );
  }
  if (sampleRate * blockAlignOf(format) > 0xffffffff) {
    throw new AudioFormatError('invalid_argument', 'WAV byte rate (sampleRate x block align) does not fit in 32 bits');
  }
}
