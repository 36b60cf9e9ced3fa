/**
 * The one way out of a session: every server event gets its `event_id` here
 * (from the injected id generator) and goes to the transport's `emit`. Errors
 * take the wrapped form of notes Part 1: `{type:"error", error:{type, code,
 * message, param, event_id}}`, `error.event_id` naming the offending client
 * event.
 */
import type { ServerEvent } from '@parley/protocol';
import { isRuntimeError } from '../errors.js';
import type { IdGenerator } from '../ids.js';

/** A server event before it has an id. */
export type OutgoingEvent = ServerEvent extends infer E ? (E extends ServerEvent ? Omit<E, 'event_id'> : never) : never;

export interface ErrorDetails {
  code: string;
  message: string;
  param?: string | null;
  /** The offending client event's id. */
  eventId?: string | null;
  type?: 'invalid_request_error' | 'server_error' | (string & {});
}

export class EventSink {
  #closed = false;

  constructor(
    private readonly send: (event: ServerEvent) => void,
    private readonly ids: IdGenerator,
  ) {}

  /** After `close()` nothing more is sent. */
  close(): void {
    this.#closed = true;
  }

  get closed(): boolean {
    return this.#closed;
  }

  emit(event: OutgoingEvent): void {
    if (this.#closed) return;
    const full = { event_id: this.ids.next('event'), ...event } as ServerEvent;
    try {
      this.send(full);
    } catch {
      // The transport could not take it (its socket is closing, say). There is
      // no one left to tell, and a session must not throw out of its handlers.
    }
  }

  error(details: ErrorDetails): void {
    this.emit({
      type: 'error',
      error: {
        type: details.type ?? 'invalid_request_error',
        code: details.code,
        message: details.message,
        param: details.param ?? null,
        event_id: details.eventId ?? null,
      },
    });
  }

  /**
   * Reports a caught exception: a `RuntimeError` keeps its code, type and
   * param; anything else is a `server_error` (the message says what broke,
   * never a stack).
   */
  exception(error: unknown, eventId: string | null | undefined): void {
    if (isRuntimeError(error)) {
      this.error({ code: error.code, message: error.message, param: error.param, eventId, type: error.type });
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    this.error({ code: 'server_error', message: `Internal error: ${message}`, eventId, type: 'server_error' });
  }
}
