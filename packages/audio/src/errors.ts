/**
 * Stable codes for every failure the audio core reports. A caller can switch
 * on `code`; messages are for humans and may change.
 */
export type AudioErrorCode =
  | 'invalid_base64'
  | 'odd_byte_length'
  | 'invalid_wav'
  | 'unsupported_wav_format'
  | 'truncated_wav'
  | 'invalid_sample_rate'
  | 'invalid_channels'
  | 'invalid_argument'
  | 'invalid_quality'
  | 'partial_frame'
  | 'buffer_overflow';

/** The one error class `@parley/audio` throws for bad input. */
export class AudioFormatError extends Error {
  readonly code: AudioErrorCode;
  constructor(code: AudioErrorCode, message: string) {
    super(message);
    this.name = 'AudioFormatError';
    this.code = code;
  }
}

/** Throws `invalid_sample_rate` unless `rate` is a finite positive number. */
export function assertSampleRate(rate: number, what = 'sampleRate'): void {
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= 0) {
    throw new AudioFormatError('invalid_sample_rate', `${what} must be a positive number of Hz, got ${String(rate)}`);
  }
}
