/**
 * Test harness: a realtime server on 127.0.0.1, port 0, and clients with the
 * `ws` package. Every test closes what it opened.
 */
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { type ConnectRealtimeOptions, connectRealtime, type RealtimeConnection } from '../client/connect.js';
import type { RealtimeServerOptions } from '../server/options.js';
import { createRealtimeServer, type RealtimeServer } from '../server/realtime-server.js';

export interface TestServer {
  http: Server;
  realtime: RealtimeServer;
  port: number;
  /** `ws://127.0.0.1:<port><path>?<query>` (or `wss://` with TLS). */
  url(query?: Record<string, string>, path?: string): string;
  connect(options?: Omit<ConnectRealtimeOptions, 'url'> & { query?: Record<string, string>; path?: string }): Promise<RealtimeConnection>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Grace period, in ms, given to open sessions by `close()`. Default 50. */
  closeGraceMs?: number;
}

export async function startTestServer(
  options: Omit<RealtimeServerOptions, 'server'>,
  tls?: { key: string; cert: string },
  { closeGraceMs = 50 }: TestServerOptions = {},
): Promise<TestServer> {
  const http = (tls ? createHttpsServer(tls) : createHttpServer()) as Server;
  const realtime = createRealtimeServer({ ...options, server: http });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  const scheme = tls ? 'wss' : 'ws';
  const url = (query: Record<string, string> = {}, path = '/v1/realtime') => {
    const search = new URLSearchParams(query).toString();
    return `${scheme}://127.0.0.1:${port}${path}${search ? `?${search}` : ''}`;
  };
  return {
    http,
    realtime,
    port,
    url,
    connect: ({ query, path, ...rest } = {}) => connectRealtime({ url: url(query, path), WebSocket, ...rest }),
    async close() {
      await realtime.close(closeGraceMs);
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw upgrade attempt: the HTTP answer of a refused upgrade (status, headers, JSON body). */
export function rawUpgrade(port: number, path: string, headers: Record<string, string> = {}): Promise<RawResponse | 'upgraded'> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({
      host: '127.0.0.1',
      port,
      path,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...headers,
      },
    });
    request.on('upgrade', (_response, socket) => {
      socket.destroy();
      resolve('upgraded');
    });
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

export interface RawClient {
  ws: WebSocket;
  /** The next text frame, parsed (frames are queued from the moment the socket opens). */
  nextFrame(): Promise<Record<string, unknown>>;
}

/** Opens a bare `ws` client (for frames the adapter would not send, and for the exact wire). */
export function openRawClient(url: string, protocols: string[] = [], headers: Record<string, string> = {}): Promise<RawClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, { headers });
    const frames: Record<string, unknown>[] = [];
    const waiting: ((frame: Record<string, unknown>) => void)[] = [];
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Record<string, unknown>;
      const waiter = waiting.shift();
      if (waiter) waiter(frame);
      else frames.push(frame);
    });
    const client: RawClient = {
      ws,
      nextFrame: () => {
        const frame = frames.shift();
        return frame ? Promise.resolve(frame) : new Promise((done) => waiting.push(done));
      },
    };
    ws.once('open', () => resolve(client));
    ws.once('error', reject);
  });
}

/** Resolves with the close code and reason a `ws` client sees. */
export function closeOf(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}
