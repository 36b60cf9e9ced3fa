/**
 * The `session` namespace: `session.update` merges the client's fields into
 * the configuration (atomically: one refused field changes nothing) and
 * answers `session.updated` with the whole effective configuration.
 * `transcription_session.update` (OpenAI beta) does the same for a
 * transcription-only session and answers `transcription_session.updated`.
 */
import type { ClientEventOf } from '@parley/protocol';
import { RuntimeError } from '../errors.js';
import type { SessionCore } from './session-core.js';

function apply(core: SessionCore, patch: ClientEventOf<'session.update'>['session']): void {
  const error = core.settings.update(patch);
  if (error) throw new RuntimeError(error.code, error.message, { param: error.param });
  core.reconfigure();
}

export function updateSession(core: SessionCore, event: ClientEventOf<'session.update'>): void {
  apply(core, event.session);
  core.sink.emit({ type: 'session.updated', session: core.settings.snapshot() });
}

export function updateTranscriptionSession(core: SessionCore, event: ClientEventOf<'transcription_session.update'>): void {
  apply(core, { ...event.session, type: 'transcription' });
  const { type: _type, ...session } = core.settings.snapshot();
  core.sink.emit({ type: 'transcription_session.updated', session });
}
