/**
 * One accepted WebSocket bound to one session: frames in are decoded in the
 * connection's dialect and handed to `session.handle`; canonical events out
 * are encoded for the dialect and sent with a cap on what may wait in the
 * socket buffer. Also the connection's clocks: idle, maximum life, pings.
 */
import {
  type AudioCheck,
  type ClientEvent,
  encodeServerEvent,
  type ProtocolError,
  type ServerEncodeOptions,
  type ServerEvent,
} from '@parley/protocol';
import type { Session, SessionFactory } from '@parley/runtime';
import WebSocket, { type RawData } from 'ws';
import type { ConnectRequest } from './handshake.js';
import { InboundDecoder } from './inbound.js';
import type { MetricsEmitter } from './metrics.js';
import type { Logger, RealtimeLimits } from './options.js';
import { startTimer, type Timer } from './timers.js';
import { corkForThisTurn } from './write-batch.js';

export interface ConnectionSetup {
  id: string;
  ws: WebSocket;
  request: ConnectRequest;
  sessionFactory: SessionFactory;
  /** What the decoder checks of an append's audio before the session gets it. */
  audioCheck: AudioCheck;
  limits: RealtimeLimits;
  metrics: MetricsEmitter;
  logger: Logger;
  remoteAddress?: string;
}

/** Close codes this transport uses (RFC 6455 §7.4.1). */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  policyViolation: 1008,
  messageTooBig: 1009,
  internalError: 1011,
} as const;

function frameText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

function frameBytes(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, chunk) => sum + chunk.length, 0);
  return data.byteLength;
}

export class ServerConnection {
  readonly id: string;
  readonly #setup: ConnectionSetup;
  readonly #ws: WebSocket;
  readonly #decoder: InboundDecoder;
  readonly #startedAt = performance.now();
  #session: Session | undefined;
  #sessionClosed = false;
  #pendingCloseReason: string | undefined;
  #closing = false;
  #alive = true;
  #idleTimer: Timer | undefined;
  #lifeTimer: Timer | undefined;
  #eventCounter = 0;
  #messagesIn = 0;
  #messagesOut = 0;
  #bytesIn = 0;
  #bytesOut = 0;
  #peakBuffered = 0;
  readonly closed: Promise<void>;
  #resolveClosed!: () => void;

  constructor(setup: ConnectionSetup) {
    this.#setup = setup;
    this.id = setup.id;
    this.#ws = setup.ws;
    this.#decoder = new InboundDecoder(setup.request.dialect, setup.audioCheck);
    this.closed = new Promise((resolve) => {
      this.#resolveClosed = resolve;
    });
  }

  get sessionId(): string {
    return this.#session?.id ?? '';
  }

  /** Creates the session (which sends `session.created` at once) and starts listening. */
  start(): void {
    const ws = this.#ws;
    ws.on('message', (data, isBinary) => this.#onMessage(data, isBinary));
    ws.on('pong', () => {
      this.#alive = true;
    });
    ws.on('error', (error: Error & { code?: string }) => this.#onSocketError(error));
    ws.once('close', (code, reason) => this.#onClose(code, reason.toString('utf8')));
    const { limits, request } = this.#setup;
    this.#idleTimer = startTimer(limits.idleTimeoutMs, () => this.#onIdle());
    this.#lifeTimer = startTimer(limits.maxSessionMs, () => this.#onExpired());
    try {
      const context = {
        dialect: request.dialect,
        model: request.model,
        emit: (event: ServerEvent) => this.#send(event),
        end: (code: number, reason: string) => this.#end(code, reason),
        ...(request.conversationId === undefined ? {} : { conversationId: request.conversationId }),
      };
      this.#session = this.#setup.sessionFactory(context);
    } catch (error) {
      this.#report('session_failed', `The session could not be created: ${describe(error)}`);
      this.#sendError({
        type: 'server_error',
        code: 'server_error',
        message: 'The session could not be created.',
        param: null,
        event_id: null,
      });
      this.#end(CloseCode.internalError, 'session_failed');
      return;
    }
    if (this.#pendingCloseReason !== undefined) this.#closeSession(this.#pendingCloseReason);
    this.#setup.metrics.emit('connection', {
      connectionId: this.id,
      sessionId: this.sessionId,
      dialect: request.dialect,
      path: request.path,
      model: request.model,
      ...(this.#setup.remoteAddress === undefined ? {} : { remoteAddress: this.#setup.remoteAddress }),
    });
  }

  /** Resolves when no response of the session is running (for graceful shutdown). */
  async idle(): Promise<void> {
    if (this.#session && !this.#sessionClosed) await this.#session.idle();
  }

  /** One keepalive tick: terminates a client that did not answer the previous ping, else pings it. */
  ping(): void {
    if (this.#ws.readyState !== WebSocket.OPEN) return;
    if (!this.#alive) {
      this.#report('ping_timeout', 'The client did not answer a ping; terminating.');
      this.#closing = true;
      this.#closeSession('ping_timeout');
      this.#ws.terminate();
      return;
    }
    this.#alive = false;
    this.#ws.ping();
  }

  /** Ends the session and closes the socket (1001 for a server shutdown). */
  shutdown(code: number = CloseCode.goingAway, reason = 'server shutting down'): void {
    this.#end(code, reason);
  }

  /** Destroys the socket without a closing handshake (the last step of a bounded shutdown). */
  terminate(): void {
    this.#closing = true;
    this.#closeSession('terminated');
    this.#ws.terminate();
  }

  #onMessage(data: RawData, isBinary: boolean): void {
    if (this.#closing) return;
    this.#idleTimer?.refresh();
    const bytes = frameBytes(data);
    this.#messagesIn++;
    this.#bytesIn += bytes;
    const result = this.#decoder.decode(isBinary ? null : frameText(data));
    const session = this.#session;
    if (result.switchedTo !== undefined && session) {
      this.#setup.metrics.emit('dialect', {
        connectionId: this.id,
        from: this.#setup.request.dialect,
        to: result.switchedTo,
      });
      this.#guard(() => session.switchDialect(result.switchedTo!), null);
    }
    if (!result.ok) {
      this.#emitMessage('in', 'invalid', bytes);
      this.#report(result.error.code, result.error.message, result.error.event_id);
      this.#sendError(result.error);
      return;
    }
    const event = result.event;
    this.#emitMessage('in', event.type, bytes);
    if (!session) return;
    // The hot path: no closure per message, unlike #guard.
    try {
      session.handle(event);
    } catch (error) {
      this.#sessionFailed(error, event);
    }
  }

  /** Runs a session call; a throw (which the contract forbids) becomes a `server_error` event, not a crash. */
  #guard(call: () => void, event: ClientEvent | null): void {
    try {
      call();
    } catch (error) {
      this.#sessionFailed(error, event);
    }
  }

  #sessionFailed(error: unknown, event: ClientEvent | null): void {
    this.#report('session_failed', `The session threw: ${describe(error)}`);
    this.#sendError({
      type: 'server_error',
      code: 'server_error',
      message: 'The server failed to handle the event.',
      param: null,
      event_id: event?.event_id ?? null,
    });
  }

  #nextEventId = (): string => `event_${this.id}_${++this.#eventCounter}`;
  /** Built once: `#send` runs per outbound event. */
  readonly #encodeOptions: ServerEncodeOptions = { nextEventId: this.#nextEventId };

  #sendError(error: ProtocolError): void {
    this.#send({ type: 'error', event_id: this.#nextEventId(), error });
  }

  #send(event: ServerEvent): void {
    const ws = this.#ws;
    if (this.#closing || ws.readyState !== WebSocket.OPEN) return;
    let wire: Record<string, unknown> | null;
    try {
      wire = encodeServerEvent(event, this.#decoder.dialect, this.#encodeOptions);
    } catch (error) {
      this.#report('encode_failed', `Could not encode '${event.type}': ${describe(error)}`);
      return;
    }
    if (wire === null) return;
    const text = JSON.stringify(wire);
    const bytes = Buffer.byteLength(text);
    const waiting = ws.bufferedAmount;
    // One frame always fits into an empty buffer; beyond that the cap holds.
    if (waiting > 0 && waiting + bytes > this.#setup.limits.maxQueuedBytes) {
      this.#report('slow_consumer', `The client is not reading: ${waiting} bytes wait to be sent.`);
      this.#end(CloseCode.policyViolation, 'slow consumer: outbound buffer full');
      return;
    }
    corkForThisTurn(ws);
    ws.send(text);
    this.#messagesOut++;
    this.#bytesOut += bytes;
    const buffered = ws.bufferedAmount;
    if (buffered > this.#peakBuffered) this.#peakBuffered = buffered;
    this.#idleTimer?.refresh();
    this.#emitMessage('out', event.type, bytes);
  }

  #onIdle(): void {
    const seconds = Math.round(this.#setup.limits.idleTimeoutMs / 1000);
    const message = `No activity for ${seconds} s; the session is closed.`;
    this.#report('idle_timeout', message);
    this.#sendError({ type: 'invalid_request_error', code: 'idle_timeout', message, param: null, event_id: null });
    this.#end(CloseCode.normal, 'idle_timeout');
  }

  #onExpired(): void {
    const minutes = Math.round(this.#setup.limits.maxSessionMs / 60_000);
    const message = `The session reached its maximum duration (${minutes} min) and is closed.`;
    this.#report('session_expired', message);
    this.#sendError({ type: 'invalid_request_error', code: 'session_expired', message, param: null, event_id: null });
    this.#end(CloseCode.normal, 'session_expired');
  }

  #onSocketError(error: Error & { code?: string }): void {
    if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
      this.#report('frame_too_large', `A frame exceeded ${this.#setup.limits.maxFrameBytes} bytes; closing with 1009.`);
    } else {
      this.#report('socket_error', error.message);
    }
    // `ws` closes the socket itself after an error; the session ends in `#onClose`.
    this.#closing = true;
  }

  /** Stops everything and starts the closing handshake. Idempotent. */
  #end(code: number, reason: string): void {
    if (this.#closing) return;
    this.#closing = true;
    this.#closeSession(reason);
    const state = this.#ws.readyState;
    if (state === WebSocket.OPEN || state === WebSocket.CONNECTING) this.#ws.close(code, reason);
  }

  #closeSession(reason: string): void {
    this.#idleTimer?.clear();
    this.#lifeTimer?.clear();
    const session = this.#session;
    if (!session) {
      // Asked to close while the factory is still running: `start` closes the session once it exists.
      this.#pendingCloseReason ??= reason;
      return;
    }
    if (this.#sessionClosed) return;
    this.#sessionClosed = true;
    try {
      session.close(reason);
    } catch (error) {
      this.#report('session_failed', `Closing the session threw: ${describe(error)}`);
    }
  }

  #onClose(code: number, reason: string): void {
    this.#closing = true;
    this.#closeSession(reason || `closed ${code}`);
    this.#setup.metrics.emit('disconnect', {
      connectionId: this.id,
      sessionId: this.sessionId,
      code,
      reason,
      durationMs: performance.now() - this.#startedAt,
      messagesIn: this.#messagesIn,
      messagesOut: this.#messagesOut,
      bytesIn: this.#bytesIn,
      bytesOut: this.#bytesOut,
      peakBufferedBytes: this.#peakBuffered,
    });
    this.#setup.logger.debug?.('realtime connection closed', { connectionId: this.id, code, reason });
    this.#resolveClosed();
  }

  #emitMessage(direction: 'in' | 'out', type: string, bytes: number): void {
    const metrics = this.#setup.metrics;
    if (metrics.has('message')) metrics.emit('message', { connectionId: this.id, direction, type, bytes });
  }

  #report(code: string, message: string, eventId?: string | null): void {
    this.#setup.metrics.emit('error', {
      connectionId: this.id,
      code,
      message,
      ...(eventId === undefined ? {} : { eventId }),
    });
    this.#setup.logger.debug?.(`realtime connection: ${code}`, { connectionId: this.id, message });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
