export { floatToPcm16, pcm16BytesView, pcm16FromBytes, pcm16ToBytes, pcm16ToFloat, pcm16ViewOfBytes } from './pcm16.js';
export { bytesToBase64, base64ToBytes } from './base64.js';
export { wavHeader, patchWavSizes, WAV_UNKNOWN_SIZE, type WavHeaderOptions } from './wav-header.js';
export { encodeWav, type EncodeWavOptions, type WavEncoding } from './wav-encode.js';
export { decodeWav, type DecodedWav } from './wav-decode.js';
export type { WavSampleFormat } from './wav-fmt.js';
export { mulawEncode, mulawDecode, alawEncode, alawDecode } from './g711.js';
export { downmixToMono, downmixInterleaved } from './downmix.js';
export { rms, dbfs } from './level.js';
