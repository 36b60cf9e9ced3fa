/**
 * `encodeClientEvent(event, dialect)`: canonical client event -> wire object,
 * for clients (and for relays talking to an upstream). The object is ready for
 * `JSON.stringify`.
 *
 * Per dialect: GA nests the session and the response parameters, names
 * assistant parts `output_text` / `output_audio`, and has no
 * `transcription_session.update` (it becomes `session.update` with
 * `session.type: "transcription"`). StepFun gets nested function tools unless
 * a tool says otherwise. Unknown fields kept in `extra` are written back.
 */
import type { ClientEvent } from '../client-events/index.js';
import type { Dialect } from '../dialect.js';
import { type Extra, mergeExtra, put } from '../objects/extra.js';
import { itemToWire } from '../objects/item.js';
import { responseParamsToWire } from '../objects/response-params.js';
import { sessionToWire } from '../objects/session.js';

export function encodeClientEvent(event: ClientEvent, dialect: Dialect): Record<string, unknown> {
  const { extra, ...fields } = event as ClientEvent & { extra?: Extra };
  const wire: Record<string, unknown> = { type: event.type };
  put(wire, 'event_id', event.event_id);
  switch (event.type) {
    case 'session.update':
      wire.session = sessionToWire(event.session, dialect);
      break;
    case 'transcription_session.update':
      if (dialect === 'openai') {
        wire.type = 'session.update';
        wire.session = sessionToWire({ ...event.session, type: 'transcription' }, dialect);
      } else {
        wire.session = sessionToWire(event.session, dialect);
      }
      break;
    case 'conversation.item.create':
      put(wire, 'previous_item_id', event.previous_item_id);
      wire.item = itemToWire(event.item, dialect);
      break;
    case 'response.create':
      if (event.response !== undefined) wire.response = responseParamsToWire(event.response, dialect);
      break;
    default:
      return mergeExtra(fields, extra);
  }
  return mergeExtra(wire, extra);
}
