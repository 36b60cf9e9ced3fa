/**
 * Routes a canonical client event to its namespace's handler. A handler that
 * throws has refused the event: the error goes back as an `error` event
 * naming the event's `event_id` (a `RuntimeError` keeps its code and param;
 * anything unexpected is a `server_error`), and the session goes on.
 */
import type { ClientEvent, ClientEventOf, ClientEventType } from '@parley/protocol';
import { createItem, deleteItem, retrieveItem, truncateItem } from '../conversation/conversation-handlers.js';
import { appendAudio, clearAudio, clearOutputAudio, commitAudio } from '../input/input-audio-handlers.js';
import { cancelResponse, createResponse } from '../response/response-handlers.js';
import type { SessionCore } from './session-core.js';
import { updateSession, updateTranscriptionSession } from './session-handlers.js';

export interface RouterState {
  /** Id of the last response started, for `output_audio_buffer.cleared`. */
  lastResponseId: string | null;
}

type Handler<T extends ClientEventType> = (core: SessionCore, event: ClientEventOf<T>, state: RouterState) => void;

const HANDLERS: { readonly [T in ClientEventType]: Handler<T> } = {
  'session.update': updateSession,
  'transcription_session.update': updateTranscriptionSession,
  'input_audio_buffer.append': appendAudio,
  'input_audio_buffer.commit': commitAudio,
  'input_audio_buffer.clear': clearAudio,
  'output_audio_buffer.clear': (core, _event, state) => clearOutputAudio(core, state.lastResponseId),
  'conversation.item.create': createItem,
  'conversation.item.retrieve': retrieveItem,
  'conversation.item.truncate': truncateItem,
  'conversation.item.delete': deleteItem,
  'response.create': createResponse,
  'response.cancel': cancelResponse,
};

export function routeEvent(core: SessionCore, event: ClientEvent, state: RouterState): void {
  try {
    const type = (event as { type?: unknown }).type;
    const handler = typeof type === 'string' && Object.hasOwn(HANDLERS, type) ? HANDLERS[type as ClientEventType] : undefined;
    if (!handler) {
      core.sink.error({
        code: 'unknown_event',
        message: `Unknown client event type '${String(type)}'.`,
        param: 'type',
        eventId: event.event_id,
      });
      return;
    }
    (handler as Handler<ClientEventType>)(core, event, state);
  } catch (error) {
    core.sink.exception(error, event.event_id);
  }
}
