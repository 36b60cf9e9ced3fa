/**
 * Events of `POST /v1/audio/speech` with `stream_format: "sse"` (notes Part 2 §2.1):
 * one JSON per `data:` line, the stream ending with `data: [DONE]`.
 * Concatenating every `speech.audio.delta` gives the whole file.
 * The error event's shape is not documented: Parley sends `{type, code, message}`.
 */
import Type, { type Static } from 'typebox';
import type { DecodeResult, ProtocolErrorCode } from '../errors.js';
import { type Checker, checker, decodeTagged, encodeJson } from './decoding.js';

export const SpeechAudioDeltaSchema = Type.Object({
  type: Type.Literal('speech.audio.delta'),
  audio: Type.String({ description: 'base64 chunk of the file' }),
});
export const SpeechAudioDoneSchema = Type.Object({
  type: Type.Literal('speech.audio.done'),
  audio: Type.Optional(Type.String({ description: 'always ""' })),
});
export const SpeechAudioErrorSchema = Type.Object({
  type: Type.Literal('speech.audio.error'),
  code: Type.Optional(Type.String()),
  message: Type.Optional(Type.String()),
});

export type SpeechAudioDeltaEvent = Static<typeof SpeechAudioDeltaSchema>;
export type SpeechAudioDoneEvent = Static<typeof SpeechAudioDoneSchema>;
export type SpeechAudioErrorEvent = Static<typeof SpeechAudioErrorSchema>;
export type SpeechStreamEvent = SpeechAudioDeltaEvent | SpeechAudioDoneEvent | SpeechAudioErrorEvent;

export const speechStreamEventSchemas = {
  'speech.audio.delta': SpeechAudioDeltaSchema,
  'speech.audio.done': SpeechAudioDoneSchema,
  'speech.audio.error': SpeechAudioErrorSchema,
} as const;

export const SpeechStreamEventSchema = Type.Union(Object.values(speechStreamEventSchemas));

const table: Record<SpeechStreamEvent['type'], Checker<SpeechStreamEvent>> = {
  'speech.audio.delta': checker(SpeechAudioDeltaSchema),
  'speech.audio.done': checker(SpeechAudioDoneSchema),
  'speech.audio.error': checker(SpeechAudioErrorSchema),
};

/** Decodes the JSON of one `data:` line (not `[DONE]`). Never throws. */
export function decodeSpeechStreamEvent(data: unknown): DecodeResult<SpeechStreamEvent> {
  return decodeTagged(data, table);
}

export function encodeSpeechStreamEvent(event: SpeechStreamEvent): string {
  return encodeJson(event);
}

export function speechAudioDelta(audio: string): SpeechAudioDeltaEvent {
  return { type: 'speech.audio.delta', audio };
}

export function speechAudioDone(): SpeechAudioDoneEvent {
  return { type: 'speech.audio.done', audio: '' };
}

export function speechAudioError(code: ProtocolErrorCode | (string & {}), message: string): SpeechAudioErrorEvent {
  return { type: 'speech.audio.error', code, message };
}
