/**
 * `createRealtimeServer`: serves the realtime WebSocket API on an existing
 * Node `http` / `https` server. Each upgrade on one of its paths is checked
 * (shutdown, authentication, dialect, session limit) before the WebSocket
 * handshake completes; a refused upgrade gets a plain HTTP error with a JSON
 * body. Accepted sockets become `ServerConnection`s bound to one session each.
 *
 * Upgrades on other paths are left to other listeners of the server's
 * `upgrade` event. When this binding is the only listener, it answers them
 * with 404 (Node would otherwise leave the socket hanging).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { isDialect } from '@parley/protocol';
import { type ServerOptions, WebSocketServer } from 'ws';
import { createAuthorizer } from './auth.js';
import { CloseCode, ServerConnection } from './connection.js';
import { readConnectRequest, requestUrl } from './handshake.js';
import { type HttpErrorBody, rejectUpgrade } from './http-reject.js';
import { type Listener, MetricsEmitter, type RealtimeServerEventName } from './metrics.js';
import { DEFAULT_PATHS, type RealtimeServerOptions, resolveLimits } from './options.js';
import { resolveSessionFactory } from './session-factory.js';
import { selectProtocol } from './subprotocols.js';
import { settleWithin } from './timers.js';

export interface RealtimeServer {
  /**
   * Graceful shutdown: refuses new upgrades (503), lets running responses
   * finish for at most `graceMs` (default 10 s), then closes every socket
   * with 1001 and waits for the closing handshakes (bounded by
   * `limits.closeTimeoutMs`). Does not close the HTTP server. Idempotent.
   */
  close(graceMs?: number): Promise<void>;
  /** Open sessions. */
  readonly sessionCount: number;
  on<K extends RealtimeServerEventName>(name: K, listener: Listener<K>): void;
  off<K extends RealtimeServerEventName>(name: K, listener: Listener<K>): void;
}

const DEFAULT_GRACE_MS = 10_000;

function swallow(): void {
  // A client that vanishes mid-handshake is not an error of the server.
}

export function createRealtimeServer(options: RealtimeServerOptions): RealtimeServer {
  const { server } = options;
  const limits = resolveLimits(options.limits);
  const paths = new Set(options.paths ?? DEFAULT_PATHS);
  const routeDefault = options.dialect ?? 'stepfun';
  if (!isDialect(routeDefault)) throw new TypeError(`Unknown dialect '${String(routeDefault)}'.`);
  const defaultModel = options.defaultModel ?? '';
  const logger = options.logger ?? {};
  const authorize = createAuthorizer(options.auth);
  const { sessionFactory, audioCheck } = resolveSessionFactory(options);
  const metrics = new MetricsEmitter();
  const connections = new Set<ServerConnection>();
  let draining = false;
  let closing: Promise<void> | undefined;
  let sequence = 0;

  // No permessage-deflate: base64 audio barely compresses, and inflating is where a client could make a small frame big.
  const serverOptions: ServerOptions & { closeTimeout: number } = {
    noServer: true,
    maxPayload: limits.maxFrameBytes,
    perMessageDeflate: false,
    clientTracking: false,
    closeTimeout: limits.closeTimeoutMs,
    handleProtocols: (protocols) => selectProtocol(protocols),
  };
  const wss = new WebSocketServer(serverOptions);

  const keepalive =
    limits.pingIntervalMs <= 2 ** 31 - 1
      ? setInterval(() => {
          for (const connection of connections) connection.ping();
        }, limits.pingIntervalMs)
      : undefined;
  keepalive?.unref();

  async function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = requestUrl(request);
    const path = url?.pathname ?? '';
    const remoteAddress = request.socket.remoteAddress;
    const reject = (status: number, error: HttpErrorBody, headers?: Record<string, string>): void => {
      metrics.emit('rejected', { status, code: error.code, path, ...(remoteAddress ? { remoteAddress } : {}) });
      rejectUpgrade(socket, status, error, headers);
    };
    if (!url || !paths.has(url.pathname)) {
      if (server.listenerCount('upgrade') === 1) {
        socket.on('error', swallow);
        reject(404, { type: 'invalid_request_error', code: 'not_found', message: 'No WebSocket route at this path.' });
      }
      return;
    }
    socket.on('error', swallow);
    const shuttingDown = (): void =>
      reject(503, { type: 'server_error', code: 'server_shutting_down', message: 'The server is shutting down.' });
    if (draining) return shuttingDown();
    if (authorize) {
      const decision = await authorize(request);
      if (!decision.ok) {
        const type = decision.status === 401 ? 'authentication_error' : 'server_error';
        const code = decision.status === 401 ? 'invalid_api_key' : 'server_error';
        return reject(decision.status, { type, code, message: decision.message }, { 'WWW-Authenticate': 'Bearer' });
      }
      if (draining) return shuttingDown();
    }
    const connect = readConnectRequest(request, url, routeDefault, defaultModel);
    if (!connect.ok) return reject(connect.status, connect.error);
    if (connections.size >= limits.maxSessions) {
      return reject(429, {
        type: 'rate_limit_error',
        code: 'session_limit_reached',
        message: `The server holds its maximum of ${limits.maxSessions} sessions; try again later.`,
      });
    }
    if (socket.destroyed) return;
    // From here on everything runs in this turn (no await), so the count above still holds.
    wss.handleUpgrade(request, socket, head, (ws) => {
      socket.off('error', swallow);
      const connection = new ServerConnection({
        id: `ws${++sequence}`,
        ws,
        request: connect.value,
        sessionFactory,
        audioCheck,
        limits,
        metrics,
        logger,
        ...(remoteAddress ? { remoteAddress } : {}),
      });
      connections.add(connection);
      void connection.closed.then(() => connections.delete(connection));
      connection.start();
    });
  }

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    handleUpgrade(request, socket, head).catch((error: unknown) => {
      logger.error?.('realtime: upgrade failed', { error: error instanceof Error ? error.message : String(error) });
      socket.destroy();
    });
  };
  server.on('upgrade', onUpgrade);

  async function shutdown(graceMs: number): Promise<void> {
    draining = true;
    if (keepalive) clearInterval(keepalive);
    const live = [...connections];
    await settleWithin(Promise.all(live.map((connection) => connection.idle())), graceMs);
    for (const connection of live) connection.shutdown(CloseCode.goingAway, 'server shutting down');
    await settleWithin(Promise.all(live.map((connection) => connection.closed)), limits.closeTimeoutMs + 1000);
    for (const connection of connections) connection.terminate();
    await Promise.all([...connections].map((connection) => connection.closed));
    server.off('upgrade', onUpgrade);
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  return {
    close(graceMs = DEFAULT_GRACE_MS) {
      closing ??= shutdown(graceMs);
      return closing;
    },
    get sessionCount() {
      return connections.size;
    },
    on: (name, listener) => metrics.on(name, listener),
    off: (name, listener) => metrics.off(name, listener),
  };
}
