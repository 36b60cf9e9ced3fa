/**
 * A realtime server for conformance tests: a real `http` (or `https`) server
 * on 127.0.0.1, port 0, with `createRealtimeServer` bound to it. `close()`
 * shuts the binding down and then the HTTP server.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { RealtimeServerOptions } from '../../server/options.js';
import { createRealtimeServer, type RealtimeServer } from '../../server/realtime-server.js';

export interface LoopbackServer {
  readonly realtime: RealtimeServer;
  readonly port: number;
  /** `ws://127.0.0.1:<port>/v1/realtime?<query>` (`wss://` when served with TLS). */
  url(query?: Record<string, string>): string;
  close(): Promise<void>;
}

export async function startLoopbackServer(
  options: Omit<RealtimeServerOptions, 'server'>,
  tls?: { key: string; cert: string },
): Promise<LoopbackServer> {
  const http: Server = tls ? createHttpsServer(tls) : createHttpServer();
  const realtime = createRealtimeServer({ ...options, server: http });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  const scheme = tls ? 'wss' : 'ws';
  return {
    realtime,
    port,
    url(query = {}) {
      const search = new URLSearchParams(query).toString();
      return `${scheme}://127.0.0.1:${port}/v1/realtime${search ? `?${search}` : ''}`;
    },
    async close() {
      await realtime.close(100);
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
