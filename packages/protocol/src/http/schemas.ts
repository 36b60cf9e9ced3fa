/**
 * Every HTTP and streaming-TTS schema by its published name; `scripts/emit-schemas.mjs`
 * writes each to `schemas/<name>.json`. Unions are published next to their members.
 */
import type { TSchema } from 'typebox';
import { AsrEventSchema, asrEventSchemas } from './asr-events.js';
import { AsrRequestSchema } from './asr-request.js';
import { ChatChunkSchema } from './chat-chunk.js';
import { ChatRequestSchema } from './chat-request.js';
import { ChatResponseSchema } from './chat-response.js';
import { SpeechRequestSchema } from './speech-request.js';
import { SpeechStreamEventSchema, speechStreamEventSchemas } from './speech-stream-events.js';
import { TtsClientEventSchema, ttsClientEventSchemas } from './tts-client-events.js';
import { TtsServerEventSchema, ttsServerEventSchemas } from './tts-server-events.js';
import { SystemVoicesResponseSchema, VoiceListResponseSchema } from './voices.js';

const prefixed = (prefix: string, schemas: Readonly<Record<string, TSchema>>): Record<string, TSchema> =>
  Object.fromEntries(Object.entries(schemas).map(([type, schema]) => [`${prefix}.${type}`, schema]));

export const httpSchemas: Record<string, TSchema> = {
  'http.chat.request': ChatRequestSchema,
  'http.chat.response': ChatResponseSchema,
  'http.chat.chunk': ChatChunkSchema,
  'http.speech.request': SpeechRequestSchema,
  'http.speech.event': SpeechStreamEventSchema,
  ...prefixed('http.speech.event', speechStreamEventSchemas),
  'http.voices.system': SystemVoicesResponseSchema,
  'http.voices.list': VoiceListResponseSchema,
  'http.asr.request': AsrRequestSchema,
  'http.asr.event': AsrEventSchema,
  ...prefixed('http.asr.event', asrEventSchemas),
  'tts.client': TtsClientEventSchema,
  ...prefixed('tts.client', ttsClientEventSchemas),
  'tts.server': TtsServerEventSchema,
  ...prefixed('tts.server', ttsServerEventSchemas),
};
