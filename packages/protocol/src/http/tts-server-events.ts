/**
 * Streaming TTS over WebSocket, server → client events (notes Part 2 §1.4, §1.6):
 * `{event_id, type, data:{session_id, …}}`.
 *
 * Accepted variants, mapped to the canonical form on decode: the finish event
 * named `response.audio.done` (Chinese mapping table) becomes `tts.response.audio.done`;
 * `started_at` / `ended_at` given as numeric strings become numbers (other strings
 * are rejected); a numeric error `code` becomes a string.
 */
import Type, { type Static, type TProperties } from 'typebox';
import type { DecodeResult, ProtocolError } from '../errors.js';
import { type Checker, checker, decodeTagged, encodeJson } from './decoding.js';
import { joinParam, wrongValue } from './param-errors.js';

const Envelope = <T extends string, D extends TProperties>(type: T, data: D) =>
  Type.Object({
    event_id: Type.String(),
    type: Type.Literal(type),
    data: Type.Object({ session_id: Type.String(), ...data }),
  });

const Timestamp = Type.Union([Type.Number(), Type.String()], { description: 'emitted as a number' });

export const TtsConnectionDoneSchema = Envelope('tts.connection.done', {});
export const TtsResponseCreatedSchema = Envelope('tts.response.created', {});
export const TtsSentenceStartSchema = Envelope('tts.response.sentence.start', {
  text: Type.Optional(Type.String()),
  started_at: Type.Optional(Timestamp),
  sentence_id: Type.Optional(Type.String()),
});
export const TtsAudioDeltaSchema = Envelope('tts.response.audio.delta', {
  audio: Type.String({ description: 'base64 audio in the chosen response_format' }),
  status: Type.Optional(Type.Enum(['unfinished', 'finished'])),
  duration: Type.Optional(Type.Number({ minimum: 0, description: 'seconds of audio in this delta' })),
});
export const TtsSentenceEndSchema = Envelope('tts.response.sentence.end', {
  text: Type.Optional(Type.String()),
  ended_at: Type.Optional(Timestamp),
  sentence_id: Type.Optional(Type.String()),
});
export const TtsTextFlushedSchema = Envelope('tts.text.flushed', {});
export const TtsAudioDoneSchema = Envelope('tts.response.audio.done', {
  audio: Type.Optional(Type.String({ description: 'documented as all audio; Parley sends ""' })),
});
export const TtsResponseErrorSchema = Envelope('tts.response.error', {
  code: Type.Optional(Type.Union([Type.String(), Type.Number()], { description: 'emitted as a string, e.g. "503"' })),
  message: Type.String(),
  details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

type Normalized<T> = T extends { data: infer D }
  ? Omit<T, 'data'> & {
      data: { [K in keyof D]: K extends 'started_at' | 'ended_at' ? number : K extends 'code' ? string : D[K] };
    }
  : T;

export type TtsConnectionDoneEvent = Static<typeof TtsConnectionDoneSchema>;
export type TtsResponseCreatedEvent = Static<typeof TtsResponseCreatedSchema>;
export type TtsSentenceStartEvent = Normalized<Static<typeof TtsSentenceStartSchema>>;
export type TtsAudioDeltaEvent = Static<typeof TtsAudioDeltaSchema>;
export type TtsSentenceEndEvent = Normalized<Static<typeof TtsSentenceEndSchema>>;
export type TtsTextFlushedEvent = Static<typeof TtsTextFlushedSchema>;
export type TtsAudioDoneEvent = Static<typeof TtsAudioDoneSchema>;
export type TtsResponseErrorEvent = Normalized<Static<typeof TtsResponseErrorSchema>>;

export type TtsServerEvent =
  | TtsConnectionDoneEvent
  | TtsResponseCreatedEvent
  | TtsSentenceStartEvent
  | TtsAudioDeltaEvent
  | TtsSentenceEndEvent
  | TtsTextFlushedEvent
  | TtsAudioDoneEvent
  | TtsResponseErrorEvent;
export type TtsServerEventType = TtsServerEvent['type'];

export const ttsServerEventSchemas = {
  'tts.connection.done': TtsConnectionDoneSchema,
  'tts.response.created': TtsResponseCreatedSchema,
  'tts.response.sentence.start': TtsSentenceStartSchema,
  'tts.response.audio.delta': TtsAudioDeltaSchema,
  'tts.response.sentence.end': TtsSentenceEndSchema,
  'tts.text.flushed': TtsTextFlushedSchema,
  'tts.response.audio.done': TtsAudioDoneSchema,
  'tts.response.error': TtsResponseErrorSchema,
} as const;

export const TtsServerEventSchema = Type.Union(Object.values(ttsServerEventSchemas));

/** Other names peers use for a server event, and the canonical name. */
export const TTS_SERVER_EVENT_ALIASES: Readonly<Record<string, TtsServerEventType>> = {
  'response.audio.done': 'tts.response.audio.done',
};

type AnyWire = Static<(typeof ttsServerEventSchemas)[TtsServerEventType]>;
const table = Object.fromEntries(
  Object.entries(ttsServerEventSchemas).map(([type, schema]) => [type, checker(schema) as Checker<AnyWire>]),
);

/**
 * Decodes one server frame (for clients). Never throws. Unknown types such as
 * `tts.response.subtitle` give `unknown_event`; clients may ignore those.
 */
export function decodeTtsServerEvent(frame: unknown): DecodeResult<TtsServerEvent> {
  return decodeTagged(frame, table, { aliases: TTS_SERVER_EVENT_ALIASES, refine, normalize }) as DecodeResult<TtsServerEvent>;
}

export function encodeTtsServerEvent(event: TtsServerEvent): string {
  return encodeJson(event);
}

const TIMESTAMP_KEYS = ['started_at', 'ended_at'] as const;

const isNumeric = (v: string) => v.trim() !== '' && Number.isFinite(Number(v));

function refine(event: AnyWire): ProtocolError | null {
  const data = event.data as Record<string, unknown>;
  for (const key of TIMESTAMP_KEYS) {
    const v = data[key];
    if (typeof v === 'string' && !isNumeric(v)) {
      return wrongValue(joinParam('data', key), 'expected a timestamp number (or a numeric string).');
    }
  }
  return null;
}

function normalize(event: AnyWire): AnyWire {
  const data = event.data as Record<string, unknown>;
  let changed: Record<string, unknown> | null = null;
  for (const key of TIMESTAMP_KEYS) {
    const v = data[key];
    if (typeof v === 'string') {
      changed ??= { ...data };
      changed[key] = Number(v);
    }
  }
  if (typeof data.code === 'number') {
    changed ??= { ...data };
    changed.code = String(data.code);
  }
  return changed ? ({ ...event, data: changed } as AnyWire) : event;
}
