/**
 * `encodeServerEvent`: canonical -> wire, for servers (and relays).
 */
import type { Dialect } from '../dialect.js';
import type { SessionConfig } from '../objects/session.js';
import { realtimeServerSchemas, type ServerEvent } from '../server-events/index.js';
import { eventToWire } from './event-fields.js';
import { serverWireType } from './event-names.js';
import { withStepfunArguments } from './vendor-forms.js';

export interface ServerEncodeOptions {
  /**
   * Supplies `event_id` for an event that has none. Without it, such an event
   * is a programming error (see `encodeServerEvent`). The runtime owns ids;
   * the encoder never makes one up.
   */
  nextEventId?: () => string;
}

/**
 * Encodes a canonical server event in `dialect`: the dialect's event name,
 * session shape and item part names; GA `session.updated` with
 * `session.type: "transcription"` for `transcription_session.updated`; the
 * piece of a function-call arguments delta under both `delta` and
 * `arguments` for `stepfun`; the wrapped `error` form everywhere. Fields kept
 * in `extra` are written back.
 *
 * Returns `null` when the dialect has no such event and its clients expect
 * nothing in its place: `conversation.item.done` outside GA. Send nothing then.
 *
 * Every server event on the wire carries `event_id`. The canonical event
 * should hold one (the runtime assigns it, from an injectable source so that
 * tests are deterministic); else `options.nextEventId` is asked; else this
 * throws a `TypeError`, since a server must not emit an event without id and
 * the encoder does not invent randomness.
 */
export function encodeServerEvent(
  event: ServerEvent,
  dialect: Dialect,
  options: ServerEncodeOptions = {},
): Record<string, unknown> | null {
  const wireType = serverWireType(event.type, dialect);
  if (wireType === null) return null;
  let source = event as unknown as Record<string, unknown>;
  let eventId = source.event_id;
  if (typeof eventId !== 'string') {
    if (options.nextEventId === undefined) {
      throw new TypeError(`Server event '${event.type}' has no event_id and no nextEventId was given.`);
    }
    // Passed alongside rather than spread into a copy of the event (one object less per event).
    eventId = options.nextEventId();
  }
  if (event.type === 'transcription_session.updated') {
    const session: SessionConfig = { ...event.session };
    if (dialect === 'openai') session.type = 'transcription';
    else delete session.type;
    source = { ...source, session };
  }
  let wire = eventToWire(source, wireType, realtimeServerSchemas[event.type], dialect, eventId);
  if (event.type === 'response.function_call_arguments.delta') wire = withStepfunArguments(wire, dialect);
  return wire;
}
