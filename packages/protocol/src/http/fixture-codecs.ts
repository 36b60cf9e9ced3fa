/**
 * The decoder and encoder of each HTTP fixture `kind` (see `fixtures/spec`).
 * Used by the fixture round-trip test and by tools that replay fixtures.
 */
import type { DecodeResult } from '../errors.js';
import { decodeAsrEvent, encodeAsrEvent } from './asr-events.js';
import { decodeAsrRequest, encodeAsrRequest } from './asr-request.js';
import { decodeChatChunk, encodeChatChunk } from './chat-chunk.js';
import { decodeChatRequest, encodeChatRequest } from './chat-request.js';
import { decodeChatResponse, encodeChatResponse } from './chat-response.js';
import { decodeSpeechRequest, encodeSpeechRequest } from './speech-request.js';
import { decodeSpeechStreamEvent, encodeSpeechStreamEvent } from './speech-stream-events.js';
import { decodeTtsClientEvent, encodeTtsClientEvent } from './tts-client-events.js';
import { decodeTtsServerEvent, encodeTtsServerEvent } from './tts-server-events.js';
import {
  decodeSystemVoicesResponse,
  decodeVoiceListResponse,
  encodeSystemVoicesResponse,
  encodeVoiceListResponse,
} from './voices.js';

export interface HttpCodec<T = unknown> {
  decode(wire: unknown): DecodeResult<T>;
  encode(value: T): string;
  /** Name of the emitted JSON Schema the wire form validates against. */
  schema: string;
}

const codec = <T>(decode: (wire: unknown) => DecodeResult<T>, encode: (value: T) => string, schema: string) =>
  ({ decode, encode, schema }) as HttpCodec<unknown>;

export const HTTP_FIXTURE_CODECS = {
  'chat-request': codec(decodeChatRequest, encodeChatRequest, 'http.chat.request'),
  'chat-response': codec(decodeChatResponse, encodeChatResponse, 'http.chat.response'),
  'chat-chunk': codec(decodeChatChunk, encodeChatChunk, 'http.chat.chunk'),
  'tts-client': codec(decodeTtsClientEvent, encodeTtsClientEvent, 'tts.client'),
  'tts-server': codec(decodeTtsServerEvent, encodeTtsServerEvent, 'tts.server'),
  'speech-request': codec(decodeSpeechRequest, encodeSpeechRequest, 'http.speech.request'),
  'speech-event': codec(decodeSpeechStreamEvent, encodeSpeechStreamEvent, 'http.speech.event'),
  'asr-request': codec(decodeAsrRequest, encodeAsrRequest, 'http.asr.request'),
  'asr-event': codec(decodeAsrEvent, encodeAsrEvent, 'http.asr.event'),
  'system-voices': codec(decodeSystemVoicesResponse, encodeSystemVoicesResponse, 'http.voices.system'),
  voices: codec(decodeVoiceListResponse, encodeVoiceListResponse, 'http.voices.list'),
} as const satisfies Record<string, HttpCodec>;

export type HttpFixtureKind = keyof typeof HTTP_FIXTURE_CODECS;
