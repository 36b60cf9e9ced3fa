/**
 * Session-level server events: `session.created|updated`,
 * `transcription_session.updated`, `conversation.created` and
 * `rate_limits.updated`.
 *
 * The `session` object is the canonical `SessionConfig`; the codec writes it
 * flat or nested for the dialect (`sessionToWire`). A Parley server sends the
 * full effective configuration in both events.
 */
import Type, { type Static } from 'typebox';
import { SessionConfigSchema, type SessionConfig } from '../objects/session.js';
import { serverEvent } from './common.js';

export const SessionCreatedEvent = serverEvent(
  'session.created',
  { session: SessionConfigSchema },
  'The first server event of a connection: the session with its defaults.',
);
export type SessionCreatedEvent = Omit<Static<typeof SessionCreatedEvent>, 'session'> & { session: SessionConfig };

export const SessionUpdatedEvent = serverEvent(
  'session.updated',
  { session: SessionConfigSchema },
  'Answer to session.update: the full effective session.',
);
export type SessionUpdatedEvent = Omit<Static<typeof SessionUpdatedEvent>, 'session'> & { session: SessionConfig };

export const TranscriptionSessionUpdatedEvent = serverEvent(
  'transcription_session.updated',
  { session: SessionConfigSchema },
  'Answer to transcription_session.update (OpenAI beta). GA sends session.updated with session.type "transcription"; ' +
    'the canonical session leaves `type` out, the event type says it.',
);
export type TranscriptionSessionUpdatedEvent = Omit<Static<typeof TranscriptionSessionUpdatedEvent>, 'session'> & {
  session: SessionConfig;
};

export const ConversationCreatedEvent = serverEvent(
  'conversation.created',
  {
    conversation: Type.Object({
      id: Type.String(),
      object: Type.Optional(Type.String({ description: 'realtime.conversation' })),
    }),
  },
  'A conversation was created (OpenAI, right after session.created).',
);
export type ConversationCreatedEvent = Static<typeof ConversationCreatedEvent>;

export const RateLimit = Type.Object({
  name: Type.Optional(Type.String({ description: 'requests | tokens' })),
  limit: Type.Optional(Type.Number()),
  remaining: Type.Optional(Type.Number()),
  reset_seconds: Type.Optional(Type.Number()),
});
export type RateLimit = Static<typeof RateLimit>;

export const RateLimitsUpdatedEvent = serverEvent(
  'rate_limits.updated',
  { rate_limits: Type.Array(RateLimit) },
  'Rate limits at the start of a response (output tokens reserved). StepFun lists the event without fields.',
);
export type RateLimitsUpdatedEvent = Static<typeof RateLimitsUpdatedEvent>;
