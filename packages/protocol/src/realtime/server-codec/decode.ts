/**
 * `decodeServerEvent`: wire -> canonical, for clients. Never throws: every
 * failure is a `DecodeResult` error with the codes of `errors.ts`.
 */
import { invalidRequest, type DecodeResult, type ProtocolError } from '../../errors.js';
import type { Dialect } from '../dialect.js';
import { audioBase64Error } from '../objects/base64.js';
import { parseWireObject, readEventType } from '../client-codec/wire-input.js';
import { isServerEventType, realtimeServerSchemas, type ServerEvent } from '../server-events/index.js';
import { eventFromWire } from './event-fields.js';
import { canonicalServerType } from './event-names.js';
import { isGaTranscriptionSession, normaliseArgumentsDelta, wrapFlatError } from './vendor-forms.js';

function fail(error: ProtocolError, eventId: string | null): DecodeResult<ServerEvent> {
  return { ok: false, error: { ...error, event_id: eventId } };
}

/**
 * Decodes one server event in `dialect`. `wire` is a JSON text frame, its
 * UTF-8 bytes, or an already parsed value.
 *
 * Every dialect also understands the other dialects' names (GA `output_*`,
 * `conversation.item.added`), the flat `error` form and StepFun's arguments
 * delta. GA `session.updated` for a transcription session becomes
 * `transcription_session.updated`. Fields no schema names are kept in
 * `extra`, so `encodeServerEvent(decoded, dialect)` gives back the wire event.
 *
 * Error codes: `invalid_json` (not JSON, or not a JSON object),
 * `invalid_type` (a field of the wrong JSON type), `missing_required_parameter`, `unknown_event`,
 * `invalid_value`, `invalid_audio` / `audio_too_large` (audio deltas).
 * `error.event_id` is the wire event's `event_id` when it has one.
 */
export function decodeServerEvent(wire: string | unknown, dialect: Dialect): DecodeResult<ServerEvent> {
  const parsed = parseWireObject(wire);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const value = parsed.value;
  const eventId = typeof value.event_id === 'string' ? value.event_id : null;
  try {
    return decodeObject(value, dialect, eventId);
  } catch {
    // The object codecs return errors rather than throw; this is a last guard
    // so that no input, however odd, escapes as an exception.
    return fail(invalidRequest('invalid_value', 'The event could not be decoded.'), eventId);
  }
}

function decodeObject(input: Record<string, unknown>, dialect: Dialect, eventId: string | null): DecodeResult<ServerEvent> {
  let wire = wrapFlatError(input) ?? input;
  const read = readEventType(wire);
  if (!read.ok) return fail(read.error, eventId);
  const type = isGaTranscriptionSession(wire) ? 'transcription_session.updated' : canonicalServerType(read.type);
  if (!isServerEventType(type)) {
    return fail(invalidRequest('unknown_event', `Unknown server event type '${read.type}'.`, 'type'), eventId);
  }
  if (type === 'response.function_call_arguments.delta') wire = normaliseArgumentsDelta(wire);
  const result = eventFromWire(wire, type, realtimeServerSchemas[type], dialect);
  if (!result.ok) return fail(result.error, eventId);
  const event = result.value;
  if (type === 'transcription_session.updated') {
    const session = event.session as Record<string, unknown>;
    if (session.type === 'transcription') delete session.type;
  }
  if (type === 'response.audio.delta') {
    const audioError = audioBase64Error(event.delta as string, 'delta');
    if (audioError) return fail(audioError, eventId);
  }
  return { ok: true, event: event as unknown as ServerEvent };
}
