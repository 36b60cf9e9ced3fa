/**
 * Streaming TTS over WebSocket (`/v1/realtime/audio?model=…`), client → server
 * events (notes Part 2 §1.5): `{type, data:{session_id, …}}`, no `event_id`.
 */
import Type, { type Static } from 'typebox';
import type { DecodeResult } from '../errors.js';
import { type Checker, checker, decodeTagged, encodeJson } from './decoding.js';
import {
  PronunciationMapSchema,
  TTS_SAMPLE_RATES,
  TTS_STREAM_FORMATS,
  TtsFeaturesSchema,
  VoiceLabelSchema,
  checkVoiceLabel,
} from './tts-options.js';

/** Characters one `tts.text.delta` may carry. */
export const TTS_TEXT_DELTA_MAX_CHARS = 1000;

const SessionId = Type.String({ description: 'from tts.connection.done' });

export const TtsCreateSchema = Type.Object({
  type: Type.Literal('tts.create'),
  data: Type.Object({
    session_id: SessionId,
    voice_id: Type.String(),
    response_format: Type.Optional(Type.Enum([...TTS_STREAM_FORMATS], { default: 'mp3' })),
    sample_rate: Type.Optional(Type.Enum([...TTS_SAMPLE_RATES], { default: 24000 })),
    speed_ratio: Type.Optional(Type.Number({ minimum: 0.5, maximum: 2, default: 1 })),
    volume_ratio: Type.Optional(Type.Number({ minimum: 0.1, maximum: 2, default: 1 })),
    pronunciation_map: Type.Optional(PronunciationMapSchema),
    mode: Type.Optional(Type.Enum(['default', 'sentence'], { default: 'default' })),
    markdown_filter: Type.Optional(Type.Boolean()),
    features: Type.Optional(TtsFeaturesSchema),
    instruction: Type.Optional(Type.String({ description: 'stepaudio-2.5-tts only; at most 200 characters there' })),
    voice_label: Type.Optional(VoiceLabelSchema),
    text_normalization: Type.Optional(Type.String()),
  }),
});

export const TtsTextDeltaSchema = Type.Object({
  type: Type.Literal('tts.text.delta'),
  data: Type.Object({
    session_id: SessionId,
    text: Type.String({ maxLength: TTS_TEXT_DELTA_MAX_CHARS }),
  }),
});

export const TtsTextFlushSchema = Type.Object({
  type: Type.Literal('tts.text.flush'),
  data: Type.Object({ session_id: SessionId }),
});

export const TtsTextDoneSchema = Type.Object({
  type: Type.Literal('tts.text.done'),
  data: Type.Object({ session_id: SessionId }),
});

export type TtsCreateEvent = Static<typeof TtsCreateSchema>;
export type TtsCreateOptions = TtsCreateEvent['data'];
export type TtsTextDeltaEvent = Static<typeof TtsTextDeltaSchema>;
export type TtsTextFlushEvent = Static<typeof TtsTextFlushSchema>;
export type TtsTextDoneEvent = Static<typeof TtsTextDoneSchema>;
export type TtsClientEvent = TtsCreateEvent | TtsTextDeltaEvent | TtsTextFlushEvent | TtsTextDoneEvent;
export type TtsClientEventType = TtsClientEvent['type'];

export const ttsClientEventSchemas = {
  'tts.create': TtsCreateSchema,
  'tts.text.delta': TtsTextDeltaSchema,
  'tts.text.flush': TtsTextFlushSchema,
  'tts.text.done': TtsTextDoneSchema,
} as const;

export const TtsClientEventSchema = Type.Union(Object.values(ttsClientEventSchemas));

const table: Record<TtsClientEventType, Checker<TtsClientEvent>> = {
  'tts.create': checker(TtsCreateSchema),
  'tts.text.delta': checker(TtsTextDeltaSchema),
  'tts.text.flush': checker(TtsTextFlushSchema),
  'tts.text.done': checker(TtsTextDoneSchema),
};

/**
 * Decodes one client frame. Never throws: an unknown `type` gives `unknown_event`,
 * a bad field `invalid_type` / `invalid_value` / `missing_required_parameter` with
 * `param` such as `data.voice_id`.
 */
export function decodeTtsClientEvent(frame: unknown): DecodeResult<TtsClientEvent> {
  return decodeTagged(frame, table, {
    refine: (event) => (event.type === 'tts.create' ? checkVoiceLabel(event.data.voice_label, 'data') : null),
  });
}

export function encodeTtsClientEvent(event: TtsClientEvent): string {
  return encodeJson(event);
}
