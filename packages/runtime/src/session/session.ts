import type { ClientEvent, Dialect, ServerEvent } from '@parley/protocol';
import type { Clock } from '../clock.js';

/**
 * What a transport serves: one realtime session. The transport decodes wire
 * frames with the dialect codec and hands canonical events to `handle`; the
 * session answers through `SessionContext.emit` with canonical server events
 * (the transport encodes them for the dialect in force). A session never
 * throws out of `handle`: bad input becomes an `error` event.
 *
 * Implemented by the runtime's `RealtimeSession` (local engines) and by
 * upstream relays; the transport does not know which it serves.
 */
export interface Session {
  readonly id: string;
  handle(event: ClientEvent): void;
  /**
   * The first `session.update` showed another dialect's shape (notes Part 1):
   * the transport switches its codec and tells the session, before handing it
   * that event, so defaults that differ (rates, history cap) follow.
   */
  switchDialect(dialect: Dialect): void;
  /**
   * Ends the session: aborts a running response, stops timers, stores the
   * conversation for resumption when it has an id. `reason` is for logs.
   */
  close(reason?: string): void;
  /** Resolves when no response is running (for graceful shutdown). */
  idle(): Promise<void>;
}

/** What the transport knows at connect time. */
export interface SessionContext {
  dialect: Dialect;
  /** `?model=` of the URL (or the route's default). */
  model: string;
  /** `X-Conversation-Id` (volcengine resume), when the client sent one. */
  conversationId?: string;
  /** Sends one canonical server event to the client. */
  emit(event: ServerEvent): void;
  /** Closes the connection after an error the session cannot go on from (idle timeout). */
  end(code: number, reason: string): void;
  clock?: Clock;
}

export type SessionFactory = (context: SessionContext) => Session;
