/**
 * Client events (client -> server): canonical schemas and types, wire schemas
 * per shape, and `realtimeClientSchemas` for JSON Schema output.
 */
import Type, { type TSchema } from 'typebox';
import { AudioFormatSchema, BetaAudioFormatWireSchema, GaAudioFormatWireSchema } from '../objects/audio-format.js';
import { BetaContentPartWireSchema, ContentPartSchema, GaContentPartWireSchema } from '../objects/content-part.js';
import { BetaItemWireSchema, GaItemWireSchema, ItemSchema } from '../objects/item.js';
import {
  GaResponseCreateParamsWireSchema,
  ResponseCreateParamsSchema,
  ResponseCreateParamsWireSchema,
} from '../objects/response-params.js';
import { GaResponseWireSchema, ResponseObjectSchema, ResponseWireSchema } from '../objects/response.js';
import { GaSessionWireSchema, SessionConfigSchema, SessionWireSchema } from '../objects/session.js';
import { ToolSchema, ToolWireSchema } from '../objects/tools.js';
import { TurnDetectionSchema } from '../objects/turn-detection.js';
import { UsageSchema } from '../objects/usage.js';
import {
  InputAudioBufferAppendEvent,
  InputAudioBufferAppendWire,
  InputAudioBufferClearEvent,
  InputAudioBufferClearWire,
  InputAudioBufferCommitEvent,
  InputAudioBufferCommitWire,
  OutputAudioBufferClearEvent,
  OutputAudioBufferClearWire,
} from './audio-buffer-events.js';
import {
  ConversationItemCreateEvent,
  ConversationItemCreateWire,
  ConversationItemDeleteEvent,
  ConversationItemDeleteWire,
  ConversationItemRetrieveEvent,
  ConversationItemRetrieveWire,
  ConversationItemTruncateEvent,
  ConversationItemTruncateWire,
  GaConversationItemCreateWire,
} from './conversation-events.js';
import {
  GaResponseCreateWire,
  ResponseCancelEvent,
  ResponseCancelWire,
  ResponseCreateEvent,
  ResponseCreateWire,
} from './response-events.js';
import {
  GaSessionUpdateWire,
  SessionUpdateEvent,
  SessionUpdateWire,
  TranscriptionSessionUpdateEvent,
  TranscriptionSessionUpdateWire,
} from './session-events.js';

export * from './audio-buffer-events.js';
export * from './common.js';
export * from './conversation-events.js';
export * from './response-events.js';
export * from './session-events.js';

/** Any canonical client event. */
export type ClientEvent =
  | SessionUpdateEvent
  | TranscriptionSessionUpdateEvent
  | InputAudioBufferAppendEvent
  | InputAudioBufferCommitEvent
  | InputAudioBufferClearEvent
  | OutputAudioBufferClearEvent
  | ConversationItemCreateEvent
  | ConversationItemRetrieveEvent
  | ConversationItemTruncateEvent
  | ConversationItemDeleteEvent
  | ResponseCreateEvent
  | ResponseCancelEvent;

export type ClientEventType = ClientEvent['type'];

/** The client event of a given type. */
export type ClientEventOf<T extends ClientEventType> = Extract<ClientEvent, { type: T }>;

/** Every client event type Parley accepts, in every dialect. */
export const CLIENT_EVENT_TYPES: readonly ClientEventType[] = [
  'session.update',
  'transcription_session.update',
  'input_audio_buffer.append',
  'input_audio_buffer.commit',
  'input_audio_buffer.clear',
  'output_audio_buffer.clear',
  'conversation.item.create',
  'conversation.item.retrieve',
  'conversation.item.truncate',
  'conversation.item.delete',
  'response.create',
  'response.cancel',
];

/** Canonical client event (the in-memory model). */
export const ClientEventSchema = Type.Union([
  SessionUpdateEvent,
  TranscriptionSessionUpdateEvent,
  InputAudioBufferAppendEvent,
  InputAudioBufferCommitEvent,
  InputAudioBufferClearEvent,
  OutputAudioBufferClearEvent,
  ConversationItemCreateEvent,
  ConversationItemRetrieveEvent,
  ConversationItemTruncateEvent,
  ConversationItemDeleteEvent,
  ResponseCreateEvent,
  ResponseCancelEvent,
]);

const sharedWire = [
  InputAudioBufferAppendWire,
  InputAudioBufferCommitWire,
  InputAudioBufferClearWire,
  OutputAudioBufferClearWire,
  ConversationItemRetrieveWire,
  ConversationItemTruncateWire,
  ConversationItemDeleteWire,
  ResponseCancelWire,
];

/** A client event on the wire, flat dialects (StepFun, Volcengine, OpenAI beta). */
export const ClientEventWireSchema = Type.Union([
  SessionUpdateWire,
  TranscriptionSessionUpdateWire,
  ConversationItemCreateWire,
  ResponseCreateWire,
  ...sharedWire,
]);

/** A client event on the wire, OpenAI GA. */
export const GaClientEventWireSchema = Type.Union([
  GaSessionUpdateWire,
  GaConversationItemCreateWire,
  GaResponseCreateWire,
  ...sharedWire,
]);

/**
 * Client-side JSON Schemas by name, for `schemas/*.json`. Names without a
 * prefix are the flat (beta) wire shapes, which StepFun, Volcengine and OpenAI
 * beta share; `openai/…` are the GA wire shapes where they differ;
 * `canonical/…` are Parley's in-memory model.
 */
export const realtimeClientSchemas: Readonly<Record<string, TSchema>> = {
  'client-event': ClientEventWireSchema,
  'openai/client-event': GaClientEventWireSchema,
  'session.update': SessionUpdateWire,
  'openai/session.update': GaSessionUpdateWire,
  'transcription_session.update': TranscriptionSessionUpdateWire,
  'input_audio_buffer.append': InputAudioBufferAppendWire,
  'input_audio_buffer.commit': InputAudioBufferCommitWire,
  'input_audio_buffer.clear': InputAudioBufferClearWire,
  'output_audio_buffer.clear': OutputAudioBufferClearWire,
  'conversation.item.create': ConversationItemCreateWire,
  'openai/conversation.item.create': GaConversationItemCreateWire,
  'conversation.item.retrieve': ConversationItemRetrieveWire,
  'conversation.item.truncate': ConversationItemTruncateWire,
  'conversation.item.delete': ConversationItemDeleteWire,
  'response.create': ResponseCreateWire,
  'openai/response.create': GaResponseCreateWire,
  'response.cancel': ResponseCancelWire,
  'objects/session': SessionWireSchema,
  'openai/objects/session': GaSessionWireSchema,
  'objects/item': BetaItemWireSchema,
  'openai/objects/item': GaItemWireSchema,
  'objects/content-part': BetaContentPartWireSchema,
  'openai/objects/content-part': GaContentPartWireSchema,
  'objects/tool': ToolWireSchema,
  'objects/turn-detection': TurnDetectionSchema,
  'objects/audio-format': BetaAudioFormatWireSchema,
  'openai/objects/audio-format': GaAudioFormatWireSchema,
  'objects/response': ResponseWireSchema,
  'openai/objects/response': GaResponseWireSchema,
  'objects/response-params': ResponseCreateParamsWireSchema,
  'openai/objects/response-params': GaResponseCreateParamsWireSchema,
  'objects/usage': UsageSchema,
  'canonical/client-event': ClientEventSchema,
  'canonical/session': SessionConfigSchema,
  'canonical/item': ItemSchema,
  'canonical/content-part': ContentPartSchema,
  'canonical/tool': ToolSchema,
  'canonical/audio-format': AudioFormatSchema,
  'canonical/response': ResponseObjectSchema,
  'canonical/response-params': ResponseCreateParamsSchema,
};
