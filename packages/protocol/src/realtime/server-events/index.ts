/**
 * Canonical server events: schemas, static types, and the registry
 * `realtimeServerSchemas` (event type -> JSON Schema of the canonical event).
 */
import type { TObject } from 'typebox';
import {
  ConversationItemCreatedEvent,
  ConversationItemDeletedEvent,
  ConversationItemDoneEvent,
  ConversationItemRetrievedEvent,
  ConversationItemTruncatedEvent,
} from './conversation-item-events.js';
import { ServerErrorEvent } from './error-event.js';
import {
  InputAudioBufferClearedEvent,
  InputAudioBufferCommittedEvent,
  InputAudioBufferDtmfEventReceivedEvent,
  InputAudioBufferSpeechStartedEvent,
  InputAudioBufferSpeechStoppedEvent,
  InputAudioBufferTimeoutTriggeredEvent,
} from './input-audio-buffer-events.js';
import {
  OutputAudioBufferClearedEvent,
  OutputAudioBufferStartedEvent,
  OutputAudioBufferStoppedEvent,
} from './output-audio-buffer-events.js';
import {
  ResponseCancelledEvent,
  ResponseContentPartAddedEvent,
  ResponseContentPartDoneEvent,
  ResponseCreatedEvent,
  ResponseDoneEvent,
  ResponseOutputItemAddedEvent,
  ResponseOutputItemDoneEvent,
} from './response-events.js';
import {
  ResponseAudioDeltaEvent,
  ResponseAudioDoneEvent,
  ResponseAudioTranscriptDeltaEvent,
  ResponseAudioTranscriptDoneEvent,
  ResponseFunctionCallArgumentsDeltaEvent,
  ResponseFunctionCallArgumentsDoneEvent,
  ResponseTextDeltaEvent,
  ResponseTextDoneEvent,
  ResponseThinkingDeltaEvent,
  ResponseThinkingDoneEvent,
} from './response-stream-events.js';
import {
  ConversationCreatedEvent,
  RateLimitsUpdatedEvent,
  SessionCreatedEvent,
  SessionUpdatedEvent,
  TranscriptionSessionUpdatedEvent,
} from './session-events.js';
import {
  InputAudioTranscriptionCompletedEvent,
  InputAudioTranscriptionDeltaEvent,
  InputAudioTranscriptionFailedEvent,
  InputAudioTranscriptionSegmentEvent,
} from './transcription-events.js';

export { serverEvent, type ServerEventBase, ServerEventId } from './common.js';
export * from './error-event.js';
export * from './session-events.js';
export * from './input-audio-buffer-events.js';
export * from './conversation-item-events.js';
export * from './transcription-events.js';
export * from './response-events.js';
export * from './response-stream-events.js';
export * from './output-audio-buffer-events.js';

/** Every canonical server event. */
export type ServerEvent =
  | ServerErrorEvent
  | SessionCreatedEvent
  | SessionUpdatedEvent
  | TranscriptionSessionUpdatedEvent
  | ConversationCreatedEvent
  | RateLimitsUpdatedEvent
  | InputAudioBufferCommittedEvent
  | InputAudioBufferClearedEvent
  | InputAudioBufferSpeechStartedEvent
  | InputAudioBufferSpeechStoppedEvent
  | InputAudioBufferTimeoutTriggeredEvent
  | InputAudioBufferDtmfEventReceivedEvent
  | ConversationItemCreatedEvent
  | ConversationItemDoneEvent
  | ConversationItemRetrievedEvent
  | ConversationItemTruncatedEvent
  | ConversationItemDeletedEvent
  | InputAudioTranscriptionDeltaEvent
  | InputAudioTranscriptionCompletedEvent
  | InputAudioTranscriptionFailedEvent
  | InputAudioTranscriptionSegmentEvent
  | ResponseCreatedEvent
  | ResponseDoneEvent
  | ResponseCancelledEvent
  | ResponseOutputItemAddedEvent
  | ResponseOutputItemDoneEvent
  | ResponseContentPartAddedEvent
  | ResponseContentPartDoneEvent
  | ResponseTextDeltaEvent
  | ResponseTextDoneEvent
  | ResponseAudioDeltaEvent
  | ResponseAudioDoneEvent
  | ResponseAudioTranscriptDeltaEvent
  | ResponseAudioTranscriptDoneEvent
  | ResponseThinkingDeltaEvent
  | ResponseThinkingDoneEvent
  | ResponseFunctionCallArgumentsDeltaEvent
  | ResponseFunctionCallArgumentsDoneEvent
  | OutputAudioBufferStartedEvent
  | OutputAudioBufferStoppedEvent
  | OutputAudioBufferClearedEvent;

/** Canonical server event type names (beta-style). */
export type ServerEventType = ServerEvent['type'];

/** The canonical server event of one type. */
export type ServerEventOf<T extends ServerEventType> = Extract<ServerEvent, { type: T }>;

const schemas = [
  ServerErrorEvent,
  SessionCreatedEvent,
  SessionUpdatedEvent,
  TranscriptionSessionUpdatedEvent,
  ConversationCreatedEvent,
  RateLimitsUpdatedEvent,
  InputAudioBufferCommittedEvent,
  InputAudioBufferClearedEvent,
  InputAudioBufferSpeechStartedEvent,
  InputAudioBufferSpeechStoppedEvent,
  InputAudioBufferTimeoutTriggeredEvent,
  InputAudioBufferDtmfEventReceivedEvent,
  ConversationItemCreatedEvent,
  ConversationItemDoneEvent,
  ConversationItemRetrievedEvent,
  ConversationItemTruncatedEvent,
  ConversationItemDeletedEvent,
  InputAudioTranscriptionDeltaEvent,
  InputAudioTranscriptionCompletedEvent,
  InputAudioTranscriptionFailedEvent,
  InputAudioTranscriptionSegmentEvent,
  ResponseCreatedEvent,
  ResponseDoneEvent,
  ResponseCancelledEvent,
  ResponseOutputItemAddedEvent,
  ResponseOutputItemDoneEvent,
  ResponseContentPartAddedEvent,
  ResponseContentPartDoneEvent,
  ResponseTextDeltaEvent,
  ResponseTextDoneEvent,
  ResponseAudioDeltaEvent,
  ResponseAudioDoneEvent,
  ResponseAudioTranscriptDeltaEvent,
  ResponseAudioTranscriptDoneEvent,
  ResponseThinkingDeltaEvent,
  ResponseThinkingDoneEvent,
  ResponseFunctionCallArgumentsDeltaEvent,
  ResponseFunctionCallArgumentsDoneEvent,
  OutputAudioBufferStartedEvent,
  OutputAudioBufferStoppedEvent,
  OutputAudioBufferClearedEvent,
] as const;

function typeOf(schema: TObject): string {
  return (schema.properties.type as unknown as { const: string }).const;
}

/**
 * Canonical server event type -> JSON Schema of the canonical event (beta-style
 * names; wire names per dialect are in the codec). Schemas are open: extra
 * fields are allowed.
 */
export const realtimeServerSchemas: Readonly<Record<ServerEventType, TObject>> = Object.fromEntries(
  schemas.map((schema) => [typeOf(schema), schema]),
) as unknown as Record<ServerEventType, TObject>;

/** Every canonical server event type, in protocol-family order. */
export const SERVER_EVENT_TYPES: readonly ServerEventType[] = schemas.map(typeOf) as ServerEventType[];

/** Whether `type` names a canonical server event. */
export function isServerEventType(type: string): type is ServerEventType {
  return Object.hasOwn(realtimeServerSchemas, type);
}
