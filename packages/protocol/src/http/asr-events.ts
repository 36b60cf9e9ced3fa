/**
 * SSE results of `POST /v1/audio/asr/sse` (notes Part 2 §3.1), one JSON per `data:` line.
 * The stream ends after `transcript.text.done` or `error`. Every event carries
 * `meta{session_id, timestamp}`; a third-party blocking error without `meta` is accepted.
 */
import Type, { type Static } from 'typebox';
import type { DecodeResult } from '../errors.js';
import { type Checker, checker, decodeTagged, encodeJson } from './decoding.js';

export const AsrMetaSchema = Type.Object({
  session_id: Type.String(),
  timestamp: Type.Integer({ description: 'server Unix ms' }),
});
export type AsrMeta = Static<typeof AsrMetaSchema>;

export const AsrUsageSchema = Type.Object({
  type: Type.Optional(Type.String({ description: 'realtime_asr' })),
  input_tokens: Type.Integer({ minimum: 0 }),
  input_token_details: Type.Optional(
    Type.Object({
      text_tokens: Type.Optional(Type.Integer({ minimum: 0 })),
      audio_tokens: Type.Optional(Type.Integer({ minimum: 0 })),
    }),
  ),
  output_tokens: Type.Integer({ minimum: 0 }),
  total_tokens: Type.Integer({ minimum: 0 }),
});
export type AsrUsage = Static<typeof AsrUsageSchema>;

const Ms = (description: string) => Type.Optional(Type.Integer({ minimum: 0, description }));

export const AsrTextDeltaSchema = Type.Object({
  type: Type.Literal('transcript.text.delta'),
  meta: AsrMetaSchema,
  delta: Type.String(),
  item_id: Type.Optional(Type.String()),
  content_index: Type.Optional(Type.Integer({ minimum: 0 })),
  start_time: Ms('ms offset within the audio (enable_timestamp)'),
  end_time: Ms('ms offset within the audio (enable_timestamp)'),
});
export const AsrTextDoneSchema = Type.Object({
  type: Type.Literal('transcript.text.done'),
  meta: AsrMetaSchema,
  text: Type.String(),
  usage: Type.Optional(AsrUsageSchema),
});
export const AsrErrorSchema = Type.Object({
  type: Type.Literal('error'),
  meta: Type.Optional(AsrMetaSchema),
  message: Type.String(),
});

export type AsrTextDeltaEvent = Static<typeof AsrTextDeltaSchema>;
export type AsrTextDoneEvent = Static<typeof AsrTextDoneSchema>;
export type AsrErrorEvent = Static<typeof AsrErrorSchema>;
export type AsrEvent = AsrTextDeltaEvent | AsrTextDoneEvent | AsrErrorEvent;

export const asrEventSchemas = {
  'transcript.text.delta': AsrTextDeltaSchema,
  'transcript.text.done': AsrTextDoneSchema,
  error: AsrErrorSchema,
} as const;

export const AsrEventSchema = Type.Union(Object.values(asrEventSchemas));

const table: Record<AsrEvent['type'], Checker<AsrEvent>> = {
  'transcript.text.delta': checker(AsrTextDeltaSchema),
  'transcript.text.done': checker(AsrTextDoneSchema),
  error: checker(AsrErrorSchema),
};

/** Decodes the JSON of one `data:` line. Never throws. */
export function decodeAsrEvent(data: unknown): DecodeResult<AsrEvent> {
  return decodeTagged(data, table);
}

export function encodeAsrEvent(event: AsrEvent): string {
  return encodeJson(event);
}

/** True for the events after which the stream ends. */
export function isFinalAsrEvent(event: AsrEvent): boolean {
  return event.type === 'transcript.text.done' || event.type === 'error';
}

export interface AsrEventFactoryOptions {
  sessionId: string;
  /** Server clock in Unix ms. */
  now: () => number;
}

export interface AsrTiming {
  itemId: string;
  contentIndex: number;
  startMs: number;
  endMs: number;
}

/** Builds the events of one ASR stream with `meta` filled in. */
export function createAsrEventFactory(options: AsrEventFactoryOptions) {
  const meta = (): AsrMeta => ({ session_id: options.sessionId, timestamp: Math.floor(options.now()) });
  return {
    delta(delta: string, timing?: AsrTiming): AsrTextDeltaEvent {
      const event: AsrTextDeltaEvent = { type: 'transcript.text.delta', meta: meta(), delta };
      if (timing) {
        event.item_id = timing.itemId;
        event.content_index = timing.contentIndex;
        event.start_time = Math.round(timing.startMs);
        event.end_time = Math.round(timing.endMs);
      }
      return event;
    },
    done(text: string, usage?: AsrUsage): AsrTextDoneEvent {
      return usage ? { type: 'transcript.text.done', meta: meta(), text, usage } : { type: 'transcript.text.done', meta: meta(), text };
    },
    error(message: string): AsrErrorEvent {
      return { type: 'error', meta: meta(), message };
    },
  };
}
