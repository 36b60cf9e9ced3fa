/**
 * `session.update` and the beta `transcription_session.update`.
 *
 * GA requires `session.type` (`realtime` | `transcription`) and nests audio
 * settings; GA replaced `transcription_session.update` with `session.update`
 * + `session.type: "transcription"`. Parley accepts both events and both
 * session shapes in every dialect.
 */
import type { Static } from 'typebox';
import { GaSessionUpdateWireSchema, type SessionConfig, SessionConfigSchema, SessionWireSchema } from '../objects/session.js';
import { clientEvent, clientEventWire } from './common.js';

type WithSession<T> = Omit<T, 'session'> & { session: SessionConfig };

export const SessionUpdateEvent = clientEvent(
  'session.update',
  { session: SessionConfigSchema },
  'Updates the session configuration; answered by session.updated.',
);
export type SessionUpdateEvent = WithSession<Static<typeof SessionUpdateEvent>>;

export const TranscriptionSessionUpdateEvent = clientEvent(
  'transcription_session.update',
  { session: SessionConfigSchema },
  'Beta: configures a transcription-only session. GA: session.update with session.type "transcription".',
);
export type TranscriptionSessionUpdateEvent = WithSession<Static<typeof TranscriptionSessionUpdateEvent>>;

/** Wire `session.update`, flat session (StepFun, Volcengine, OpenAI beta). */
export const SessionUpdateWire = clientEventWire(
  'session.update',
  { session: SessionWireSchema },
  'Updates the session configuration (flat session).',
);
/** Wire `session.update`, GA: nested session with a required `type`. */
export const GaSessionUpdateWire = clientEventWire(
  'session.update',
  { session: GaSessionUpdateWireSchema },
  'Updates the session configuration (GA nested session; session.type is required).',
);
/** Wire `transcription_session.update` (beta, flat session). */
export const TranscriptionSessionUpdateWire = clientEventWire(
  'transcription_session.update',
  { session: SessionWireSchema },
  'Configures a transcription-only session (beta).',
);
