/**
 * `POST /v1/audio/speech` (notes Part 2 §2.1): text to one audio file, or to an SSE
 * stream of `speech.audio.*` events with `stream_format: "sse"`. OpenAI-SDK compatible:
 * the SDK's `extra_body` fields arrive flat in the body.
 */
import Type, { type Static } from 'typebox';
import type { DecodeResult } from '../errors.js';
import { checker, decodeWith, encodeJson } from './decoding.js';
import {
  PronunciationMapSchema,
  SPEECH_FORMATS,
  TTS_SAMPLE_RATES,
  TtsFeaturesSchema,
  VoiceLabelSchema,
  checkVoiceLabel,
} from './tts-options.js';

/** Characters of `input` one request may carry. */
export const SPEECH_INPUT_MAX_CHARS = 1000;

export const SpeechRequestSchema = Type.Object({
  model: Type.String(),
  input: Type.String({ minLength: 1, maxLength: SPEECH_INPUT_MAX_CHARS }),
  voice: Type.String(),
  response_format: Type.Optional(Type.Enum([...SPEECH_FORMATS], { default: 'mp3' })),
  speed: Type.Optional(Type.Number({ minimum: 0.5, maximum: 2, default: 1 })),
  volume: Type.Optional(Type.Number({ minimum: 0.1, maximum: 2, default: 1 })),
  sample_rate: Type.Optional(Type.Enum([...TTS_SAMPLE_RATES], { default: 24000 })),
  voice_label: Type.Optional(VoiceLabelSchema),
  instruction: Type.Optional(Type.String({ description: 'stepaudio-2.5-tts only; at most 200 characters there' })),
  pronunciation_map: Type.Optional(PronunciationMapSchema),
  stream_format: Type.Optional(Type.Enum(['audio', 'sse'], { default: 'audio' })),
  markdown_filter: Type.Optional(Type.Boolean()),
  features: Type.Optional(TtsFeaturesSchema),
  return_url: Type.Optional(Type.Boolean()),
});
export type SpeechRequest = Static<typeof SpeechRequestSchema>;

const check = checker(SpeechRequestSchema);

/** Decodes a speech request body. Never throws; `voice_label` must hold exactly one key. */
export function decodeSpeechRequest(body: unknown): DecodeResult<SpeechRequest> {
  return decodeWith(body, check, { refine: (request) => checkVoiceLabel(request.voice_label) });
}

export function encodeSpeechRequest(request: SpeechRequest): string {
  return encodeJson(request);
}
