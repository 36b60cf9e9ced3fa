/**
 * `POST /v1/audio/asr/sse` request (notes Part 2 §3.1): the whole clip, base64, in a
 * JSON body; results come back as SSE (`asr-events.ts`). Parley also accepts
 * `audio.url` in place of `audio.data`.
 */
import Type, { type Static } from 'typebox';
import type { DecodeResult, ProtocolError } from '../errors.js';
import { checker, decodeWith, encodeJson } from './decoding.js';
import { isBase64Text } from './input-audio.js';
import { missing, wrongValue } from './param-errors.js';

export const ASR_MODELS = ['stepaudio-2.5-asr', 'stepaudio-2-asr-pro'] as const;
/** Legacy model names, and the model they stand for. */
export const ASR_MODEL_ALIASES: Readonly<Record<string, string>> = { 'step-asr-1.1-stream': 'stepaudio-2.5-asr' };
export const ASR_AUDIO_TYPES = ['pcm', 'ogg', 'mp3', 'wav'] as const;

export const AsrTranscriptionSchema = Type.Object({
  model: Type.Optional(Type.String()),
  language: Type.Optional(Type.String({ description: 'e.g. zh, en' })),
  hotwords: Type.Optional(Type.Array(Type.String())),
  prompt: Type.Optional(Type.String()),
  enable_itn: Type.Optional(Type.Boolean({ default: true })),
  enable_timestamp: Type.Optional(Type.Boolean({ default: false })),
  full_rerun_on_commit: Type.Optional(Type.Unknown({ description: 'not supported over SSE; ignored' })),
});
export type AsrTranscription = Static<typeof AsrTranscriptionSchema>;

export const AsrFormatSchema = Type.Object({
  type: Type.Enum([...ASR_AUDIO_TYPES]),
  codec: Type.Optional(Type.String({ description: 'pcm_s16le for pcm' })),
  rate: Type.Optional(Type.Integer({ minimum: 1, description: 'required for pcm' })),
  bits: Type.Optional(Type.Integer({ minimum: 1, description: '16 for pcm' })),
  channel: Type.Optional(Type.Integer({ minimum: 1, maximum: 2 })),
});
export type AsrFormat = Static<typeof AsrFormatSchema>;

export const AsrRequestSchema = Type.Object({
  audio: Type.Object({
    data: Type.Optional(Type.String({ description: 'base64 audio bytes' })),
    url: Type.Optional(Type.String({ description: 'Parley extension: fetch the audio from here instead' })),
    input: Type.Optional(
      Type.Object({
        transcription: Type.Optional(AsrTranscriptionSchema),
        format: Type.Optional(AsrFormatSchema),
      }),
    ),
  }),
});
export type AsrRequest = Static<typeof AsrRequestSchema>;

const check = checker(AsrRequestSchema);

/**
 * Decodes an ASR request body. Never throws. Besides the schema: one of `audio.data`
 * (base64, else `invalid_audio`) and `audio.url` is required, and raw `pcm` needs its `rate` and 16-bit samples
 * (no rate is ever guessed).
 */
export function decodeAsrRequest(body: unknown): DecodeResult<AsrRequest> {
  return decodeWith(body, check, { refine });
}

export function encodeAsrRequest(request: AsrRequest): string {
  return encodeJson(request);
}

/** The model to run: legacy aliases resolved, `stepaudio-2.5-asr` when none is named. */
export function asrModel(request: AsrRequest): string {
  const model = request.audio.input?.transcription?.model ?? 'stepaudio-2.5-asr';
  return ASR_MODEL_ALIASES[model] ?? model;
}

function refine(request: AsrRequest): ProtocolError | null {
  const audio = request.audio;
  if (audio.data === undefined && audio.url === undefined) return missing('audio.data');
  if (audio.data !== undefined) {
    if (audio.data.length === 0) return wrongValue('audio.data', 'the audio is empty.', 'invalid_audio');
    if (!isBase64Text(audio.data)) return wrongValue('audio.data', 'the audio is not valid base64.', 'invalid_audio');
  }
  const format = audio.input?.format;
  if (format?.type === 'pcm') {
    if (format.rate === undefined) return missing('audio.input.format.rate');
    if (format.bits !== undefined && format.bits !== 16) return wrongValue('audio.input.format.bits', 'pcm must be 16-bit.');
    if (format.codec !== undefined && format.codec !== 'pcm_s16le') {
      return wrongValue('audio.input.format.codec', "expected 'pcm_s16le'.");
    }
  }
  return null;
}
