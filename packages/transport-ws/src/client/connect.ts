/**
 * `connectRealtime`: a realtime connection from the client side, for Node (the
 * `ws` package) and browsers (the global `WebSocket`). Client events are
 * encoded for the dialect, server frames decoded into canonical events.
 *
 * This module uses no Node APIs: the WebSocket constructor is injected.
 * Authentication: with a constructor that accepts headers (`ws`) the key goes
 * in `Authorization: Bearer`; with the browser's, in the subprotocols
 * `realtime` + `openai-insecure-api-key.<key>`, as OpenAI's browser clients do.
 */
import {
  type ClientEvent,
  type Dialect,
  decodeServerEvent,
  detectDialect,
  encodeClientEvent,
  type ProtocolError,
  type ServerEvent,
} from '@parley/protocol';
import { EventInbox, RealtimeClientError } from './event-inbox.js';
import { Listeners } from './listeners.js';

/** What the adapter needs of a WebSocket: the subset shared by browsers and `ws`. */
interface WebSocketLike {
  readonly readyState: number;
  readonly protocol: string;
  readonly bufferedAmount: number;
  binaryType: string;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: string, listener: (event: never) => void): void;
}

/** A WebSocket constructor: the browser's, or `ws` (whose third argument carries headers). */
export type WebSocketConstructor = new (
  url: string,
  protocols?: string | string[],
  // biome-ignore lint/suspicious/noExplicitAny: each implementation has its own options type.
  options?: any,
) => object;

export interface ConnectRealtimeOptions {
  /** `ws://` or `wss://` URL of the realtime endpoint, with its query (`?model=…`). */
  url: string;
  apiKey?: string;
  /**
   * The codec. Default: what a Parley server would pick from the URL and headers
   * (`?dialect=`, a `gpt-` or `AG-` model, …), else `stepfun`. `openai-beta` also
   * sends `OpenAI-Beta: realtime=v1` (or its subprotocol).
   */
  dialect?: Dialect;
  /** Default: `globalThis.WebSocket`. In Node pass the `ws` package's `WebSocket`. */
  WebSocket?: WebSocketConstructor;
  /** Extra request headers (only constructors that accept headers, e.g. `ws`, can send them). */
  headers?: Record<string, string>;
  /** How the key travels. Default: `subprotocol` for the global `WebSocket`, `header` for an injected constructor. */
  auth?: 'header' | 'subprotocol';
  /** Bound of the connect. Default 10 s. */
  connectTimeoutMs?: number;
  /** Events kept for `nextEvent` / iteration when nobody reads; the oldest go first. Default 1024. */
  inboxLimit?: number;
  /**
   * Listeners attached before the socket opens. A listener added with `on()`
   * after `await connectRealtime()` can miss frames that came with the
   * handshake (`session.created`); `nextEvent` and iteration never do.
   */
  listeners?: { [K in keyof ConnectionEvents]?: (value: ConnectionEvents[K]) => void };
}

export interface CloseInfo {
  code: number;
  reason: string;
}

/** A server frame that did not decode (it is not delivered as an event). */
export interface InvalidFrame {
  error: ProtocolError;
  raw: string;
}

export interface ConnectionEvents {
  event: ServerEvent;
  invalid: InvalidFrame;
  close: CloseInfo;
}

export type ServerEventOfType<T extends ServerEvent['type']> = Extract<ServerEvent, { type: T }>;

export interface RealtimeConnection extends AsyncIterable<ServerEvent> {
  readonly dialect: Dialect;
  /** The subprotocol the server answered, or `''`. */
  readonly protocol: string;
  /** The underlying WebSocket. */
  readonly socket: unknown;
  /** Outbound bytes not yet handed to the network. */
  readonly bufferedAmount: number;
  /** Resolves when the socket has closed. */
  readonly closed: Promise<CloseInfo>;
  send(event: ClientEvent): void;
  /** Sends a text frame as it is (for tests and tools). */
  sendRaw(text: string): void;
  /** The next event (of `type`, skipping others), within `timeoutMs` (default 10 s). */
  nextEvent(type?: undefined, timeoutMs?: number): Promise<ServerEvent>;
  nextEvent<T extends ServerEvent['type']>(type: T, timeoutMs?: number): Promise<ServerEventOfType<T>>;
  on<K extends keyof ConnectionEvents>(name: K, listener: (value: ConnectionEvents[K]) => void): void;
  off<K extends keyof ConnectionEvents>(name: K, listener: (value: ConnectionEvents[K]) => void): void;
  close(code?: number, reason?: string): Promise<CloseInfo>;
}

const OPEN = 1;
const DEFAULT_NEXT_EVENT_MS = 10_000;

function unexpectedStatus(message: string): number | undefined {
  const match = /server response: (\d{3})/i.exec(message);
  return match ? Number(match[1]) : undefined;
}

function connectionDialect(options: ConnectRealtimeOptions): Dialect {
  if (options.dialect) return options.dialect;
  let params: URLSearchParams | undefined;
  try {
    params = new URL(options.url).searchParams;
  } catch {
    params = undefined;
  }
  return detectDialect({
    dialect: params?.get('dialect') ?? null,
    model: params?.get('model') ?? null,
    headers: options.headers ?? null,
  });
}

function handshake(options: ConnectRealtimeOptions, dialect: Dialect, viaHeader: boolean) {
  const protocols: string[] = [];
  const headers: Record<string, string> = { ...options.headers };
  const has = (name: string) => Object.keys(headers).some((key) => key.toLowerCase() === name);
  if (viaHeader) {
    if (options.apiKey !== undefined && !has('authorization')) headers.Authorization = `Bearer ${options.apiKey}`;
    if (dialect === 'openai-beta' && !has('openai-beta')) headers['OpenAI-Beta'] = 'realtime=v1';
  } else {
    if (options.apiKey !== undefined) protocols.push('realtime', `openai-insecure-api-key.${options.apiKey}`);
    if (dialect === 'openai-beta') protocols.push('openai-beta.realtime-v1');
  }
  return { protocols, headers };
}

/** Opens the connection; rejects with `RealtimeClientError` `connect_failed` (and the HTTP `status` when known). */
export function connectRealtime(options: ConnectRealtimeOptions): Promise<RealtimeConnection> {
  const global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  const Ctor = options.WebSocket ?? global;
  if (!Ctor) {
    return Promise.reject(
      new TypeError('No WebSocket implementation: pass options.WebSocket (in Node, the `ws` package).'),
    );
  }
  const viaHeader = (options.auth ?? (Ctor === global ? 'subprotocol' : 'header')) === 'header';
  const dialect = connectionDialect(options);
  const { protocols, headers } = handshake(options, dialect, viaHeader);
  const socket = new Ctor(options.url, protocols, { headers }) as WebSocketLike;
  socket.binaryType = 'arraybuffer';
  const listeners = new Listeners<ConnectionEvents>();
  for (const [name, listener] of Object.entries(options.listeners ?? {})) {
    if (listener) listeners.on(name as keyof ConnectionEvents, listener as (value: unknown) => void);
  }
  const inbox = new EventInbox(options.inboxLimit ?? 1024);
  let resolveClosed!: (info: CloseInfo) => void;
  const closed = new Promise<CloseInfo>((resolve) => {
    resolveClosed = resolve;
  });

  socket.addEventListener('message', ((event: { data: unknown }) => {
    if (typeof event.data !== 'string') {
      listeners.emit('invalid', {
        error: { type: 'invalid_request_error', code: 'invalid_json', message: 'Binary frame.', param: null, event_id: null },
        raw: '',
      });
      return;
    }
    const result = decodeServerEvent(event.data, dialect);
    if (!result.ok) {
      listeners.emit('invalid', { error: result.error, raw: event.data });
      return;
    }
    inbox.push(result.event);
    listeners.emit('event', result.event);
  }) as (event: never) => void);

  socket.addEventListener('close', ((event: { code: number; reason: string }) => {
    const info = { code: event.code, reason: event.reason };
    inbox.end(new RealtimeClientError('closed', `The connection closed (${info.code}).`, { closeCode: info.code }));
    listeners.emit('close', info);
    resolveClosed(info);
  }) as (event: never) => void);

  const connection: RealtimeConnection = {
    dialect,
    get protocol() {
      return socket.protocol;
    },
    socket,
    get bufferedAmount() {
      return socket.bufferedAmount;
    },
    closed,
    send(event) {
      socket.send(JSON.stringify(encodeClientEvent(event, dialect)));
    },
    sendRaw(text) {
      socket.send(text);
    },
    nextEvent(type?: string, timeoutMs = DEFAULT_NEXT_EVENT_MS) {
      return inbox.next(type, timeoutMs) as Promise<never>;
    },
    on: (name, listener) => listeners.on(name, listener),
    off: (name, listener) => listeners.off(name, listener),
    close(code = 1000, reason = '') {
      if (socket.readyState <= OPEN) socket.close(code, reason);
      return closed;
    },
    async *[Symbol.asyncIterator]() {
      for (;;) {
        let event: ServerEvent;
        try {
          event = await inbox.next(undefined, Number.POSITIVE_INFINITY);
        } catch (error) {
          if (error instanceof RealtimeClientError && error.code === 'closed') return;
          throw error;
        }
        yield event;
      }
    },
  };

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (message: string, status?: number) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (socket.readyState <= OPEN) socket.close();
      reject(new RealtimeClientError('connect_failed', message, status === undefined ? {} : { status }));
    };
    const timeoutMs = options.connectTimeoutMs ?? 10_000;
    const timer = setTimeout(() => fail(`No connection within ${timeoutMs} ms.`), timeoutMs);
    socket.addEventListener('open', (() => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(connection);
    }) as (event: never) => void);
    socket.addEventListener('error', ((event: { message?: string }) => {
      const message = typeof event.message === 'string' && event.message !== '' ? event.message : 'WebSocket error.';
      fail(`Could not connect: ${message}`, unexpectedStatus(message));
    }) as (event: never) => void);
    void closed.then((info) => fail(`The connection closed before it opened (${info.code}).`));
  });
}
