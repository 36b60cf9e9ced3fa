/**
 * Events a realtime server reports for metrics and logs. A small typed
 * emitter: unlike Node's `EventEmitter`, an `error` event without listeners is
 * simply dropped, and a throwing listener never reaches the socket code.
 */
import type { Dialect } from '@parley/protocol';

export interface ConnectionInfo {
  connectionId: string;
  sessionId: string;
  dialect: Dialect;
  path: string;
  model: string;
  remoteAddress?: string;
}

export interface DisconnectInfo {
  connectionId: string;
  sessionId: string;
  code: number;
  reason: string;
  durationMs: number;
  messagesIn: number;
  messagesOut: number;
  bytesIn: number;
  bytesOut: number;
  /** The most outbound bytes that were ever waiting in this connection's buffers. */
  peakBufferedBytes: number;
}

export interface MessageInfo {
  connectionId: string;
  direction: 'in' | 'out';
  /** Canonical event type; `invalid` for a client frame that did not decode. */
  type: string;
  bytes: number;
}

/**
 * A problem the transport saw. `code` is a protocol code for what the client
 * was told (`invalid_json`, `idle_timeout`, …) or a transport code:
 * `slow_consumer` (closed 1008), `frame_too_large` (closed 1009),
 * `ping_timeout` (terminated), `session_expired`, `encode_failed`,
 * `session_failed`, `socket_error`.
 */
export interface ErrorInfo {
  connectionId?: string;
  code: string;
  message: string;
  eventId?: string | null;
}

/** An upgrade refused before the WebSocket existed. */
export interface RejectInfo {
  status: number;
  code: string;
  path: string;
  remoteAddress?: string;
}

export interface DialectSwitchInfo {
  connectionId: string;
  from: Dialect;
  to: Dialect;
}

export interface RealtimeServerEventMap {
  connection: ConnectionInfo;
  disconnect: DisconnectInfo;
  message: MessageInfo;
  error: ErrorInfo;
  rejected: RejectInfo;
  dialect: DialectSwitchInfo;
}

export type RealtimeServerEventName = keyof RealtimeServerEventMap;
export type Listener<K extends RealtimeServerEventName> = (info: RealtimeServerEventMap[K]) => void;

export class MetricsEmitter {
  readonly #listeners = new Map<RealtimeServerEventName, Set<(info: never) => void>>();

  on<K extends RealtimeServerEventName>(name: K, listener: Listener<K>): void {
    let set = this.#listeners.get(name);
    if (!set) this.#listeners.set(name, (set = new Set()));
    set.add(listener as (info: never) => void);
  }

  off<K extends RealtimeServerEventName>(name: K, listener: Listener<K>): void {
    this.#listeners.get(name)?.delete(listener as (info: never) => void);
  }

  /** Whether anyone listens (callers skip building the payload otherwise). */
  has(name: RealtimeServerEventName): boolean {
    return (this.#listeners.get(name)?.size ?? 0) > 0;
  }

  emit<K extends RealtimeServerEventName>(name: K, info: RealtimeServerEventMap[K]): void {
    const set = this.#listeners.get(name);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        (listener as Listener<K>)(info);
      } catch {
        // A metrics listener must not break a connection.
      }
    }
  }
}
