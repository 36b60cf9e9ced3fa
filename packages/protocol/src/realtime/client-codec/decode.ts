/**
 * `decodeClientEvent(wire, dialect, options?)`: wire -> canonical client event, for
 * servers. Never throws. Every event type is accepted in every dialect, and
 * both session shapes too (Parley is a superset); the dialect matters for
 * GA's required `session.type`.
 *
 * Checks run in this order, so codes are predictable: JSON object
 * (`invalid_json`), `type` present and a string (`missing_required_parameter`
 * / `invalid_type`), known (`unknown_event`), `event_id` a string
 * (`invalid_type`), then the event's own fields in schema order.
 */
import Type from 'typebox';
import { type DecodeResult, invalidRequest, type ProtocolError } from '../../errors.js';
import type { ClientEvent, ClientEventType } from '../client-events/index.js';
import { ClientEventId, ItemId, NonNegativeInteger } from '../client-events/common.js';
import type { Dialect } from '../dialect.js';
import type { AudioCheck } from '../objects/base64.js';
import { attachExtra, unknownFields } from '../objects/extra.js';
import { itemFromWire } from '../objects/item.js';
import { responseParamsFromWire } from '../objects/response-params.js';
import { type ObjectResult, success } from '../objects/result.js';
import { sessionFromWire } from '../objects/session.js';
import { type LazyValidator, lazy } from '../objects/validation.js';
import { decodeAppend } from './append.js';
import { parseWireObject, readEventType } from './wire-input.js';

/** Options of `decodeClientEvent`. */
export interface DecodeClientEventOptions {
  /**
   * How an `input_audio_buffer.append`'s audio is checked. `full` (default):
   * size, length and alphabet, so bad base64 is `invalid_audio` here. `size`:
   * size and length only (constant time), for a server whose session decodes
   * every append at once and answers bad base64 with `invalid_audio` itself
   * (the runtime's sessions do). Other events' audio is always fully checked.
   */
  audioCheck?: AudioCheck;
}

type Handler = (wire: Record<string, unknown>, dialect: Dialect) => ObjectResult<ClientEvent>;

const AnyObject = Type.Record(Type.String(), Type.Unknown());

/** Envelope validator: the event's own top-level fields (nested objects are checked by their mappers). */
function envelope(properties: Parameters<typeof Type.Object>[0]): LazyValidator {
  return lazy(Type.Object({ event_id: Type.Optional(ClientEventId), ...properties }));
}

/** A handler for events whose fields are the same on the wire and in the canonical model. */
function flat(type: ClientEventType, properties: Parameters<typeof Type.Object>[0]): Handler {
  const validator = envelope(properties);
  const known = new Set(['type', 'event_id', ...Object.keys(properties)]);
  return (wire) => {
    const error = validator.validate(wire, '');
    if (error) return { ok: false, error };
    const event: Record<string, unknown> = { type };
    for (const key of known) if (key !== 'type' && Object.hasOwn(wire, key)) event[key] = wire[key];
    return success(attachExtra(event as ClientEvent, unknownFields(wire, known)));
  };
}

function withSession(type: 'session.update' | 'transcription_session.update'): Handler {
  const validator = envelope({ session: AnyObject });
  const known = new Set(['type', 'event_id', 'session']);
  return (wire, dialect) => {
    const error = validator.validate(wire, '');
    if (error) return { ok: false, error };
    const requireType = type === 'session.update' && dialect === 'openai';
    const session = sessionFromWire(wire.session, dialect, 'session', { requireType });
    if (!session.ok) return session;
    const event = { type, session: session.value } as ClientEvent;
    if (typeof wire.event_id === 'string') event.event_id = wire.event_id;
    return success(attachExtra(event, unknownFields(wire, known)));
  };
}

const itemCreateValidator = envelope({
  previous_item_id: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  item: AnyObject,
});
const ITEM_CREATE_KNOWN = new Set(['type', 'event_id', 'previous_item_id', 'item']);

const decodeItemCreate: Handler = (wire) => {
  const error = itemCreateValidator.validate(wire, '');
  if (error) return { ok: false, error };
  const item = itemFromWire(wire.item, 'item');
  if (!item.ok) return item;
  const event: ClientEvent = { type: 'conversation.item.create', item: item.value };
  if (typeof wire.event_id === 'string') event.event_id = wire.event_id;
  if (Object.hasOwn(wire, 'previous_item_id')) event.previous_item_id = wire.previous_item_id as string | null;
  return success(attachExtra(event, unknownFields(wire, ITEM_CREATE_KNOWN)));
};

const responseCreateValidator = envelope({ response: Type.Optional(AnyObject) });
const RESPONSE_CREATE_KNOWN = new Set(['type', 'event_id', 'response']);

const decodeResponseCreate: Handler = (wire, dialect) => {
  const error = responseCreateValidator.validate(wire, '');
  if (error) return { ok: false, error };
  const event: ClientEvent = { type: 'response.create' };
  if (typeof wire.event_id === 'string') event.event_id = wire.event_id;
  if (Object.hasOwn(wire, 'response')) {
    const params = responseParamsFromWire(wire.response, dialect, 'response');
    if (!params.ok) return params;
    event.response = params.value;
  }
  return success(attachExtra(event, unknownFields(wire, RESPONSE_CREATE_KNOWN)));
};

const HANDLERS: ReadonlyMap<string, Handler> = new Map<ClientEventType, Handler>([
  ['session.update', withSession('session.update')],
  ['transcription_session.update', withSession('transcription_session.update')],
  ['input_audio_buffer.append', (wire) => decodeAppend(wire, 'full')],
  ['input_audio_buffer.commit', flat('input_audio_buffer.commit', {})],
  ['input_audio_buffer.clear', flat('input_audio_buffer.clear', {})],
  ['output_audio_buffer.clear', flat('output_audio_buffer.clear', {})],
  ['conversation.item.create', decodeItemCreate],
  ['conversation.item.retrieve', flat('conversation.item.retrieve', { item_id: ItemId })],
  [
    'conversation.item.truncate',
    flat('conversation.item.truncate', {
      item_id: ItemId,
      content_index: NonNegativeInteger,
      audio_end_ms: NonNegativeInteger,
    }),
  ],
  ['conversation.item.delete', flat('conversation.item.delete', { item_id: ItemId })],
  ['response.create', decodeResponseCreate],
  ['response.cancel', flat('response.cancel', { response_id: Type.Optional(Type.String()) })],
]);

const decodeAppendSized: Handler = (wire) => decodeAppend(wire, 'size');

function fail(error: ProtocolError, eventId: string | null): DecodeResult<ClientEvent> {
  return { ok: false, error: { ...error, event_id: eventId } };
}

function decode(wire: unknown, dialect: Dialect, audioCheck: AudioCheck): DecodeResult<ClientEvent> {
  const parsed = parseWireObject(wire);
  if (!parsed.ok) return parsed;
  const event = parsed.value;
  const eventId = typeof event.event_id === 'string' ? event.event_id : null;
  const read = readEventType(event);
  if (!read.ok) return fail(read.error, eventId);
  const type = read.type;
  const handler = type === 'input_audio_buffer.append' && audioCheck === 'size' ? decodeAppendSized : HANDLERS.get(type);
  if (handler === undefined) {
    const shown = type.length > 64 ? `${type.slice(0, 64)}…` : type;
    return fail(invalidRequest('unknown_event', `Unknown client event type '${shown}'.`, 'type'), eventId);
  }
  if (Object.hasOwn(event, 'event_id') && eventId === null) {
    return fail(invalidRequest('invalid_type', "Invalid type for 'event_id': expected a string.", 'event_id'), null);
  }
  const result = handler(event, dialect);
  return result.ok ? { ok: true, event: result.value } : fail(result.error, eventId);
}

/**
 * Decodes one client event received by a server: wire text (or UTF-8 bytes, or
 * an already parsed value) to the canonical event. Never throws: invalid input
 * gives `{ ok: false, error }` with a stable code, the path in `param` and the
 * event's `event_id` echoed when it had a string one.
 */
export function decodeClientEvent(
  wire: unknown,
  dialect: Dialect,
  options?: DecodeClientEventOptions,
): DecodeResult<ClientEvent> {
  try {
    return decode(wire, dialect, options?.audioCheck ?? 'full');
  } catch {
    // Defensive: nothing above is expected to throw (e.g. a stack overflow on absurd input).
    return { ok: false, error: invalidRequest('invalid_value', 'The event could not be decoded.') };
  }
}
