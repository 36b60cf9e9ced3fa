/**
 * The gateway as a function: an HTTP server with the realtime WebSocket API
 * (`/v1/realtime`, `/step_plan/v1/realtime`) and `GET /healthz`, answered by
 * the embedded echo engine with the espeak-ng voice (no key, no network).
 * The synthesizer is warmed before the port opens, so a healthy gateway
 * takes sessions at once.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEspeakSynthesizer } from '@parley/engine-espeak';
import { EchoEngine } from '@parley/runtime';
import { createRealtimeServer, type RealtimeServer } from '@parley/transport-ws';
import type { GatewayConfig } from './config.js';

export interface Gateway {
  http: Server;
  realtime: RealtimeServer;
  /** `http://host:port` as bound (the real port when PORT was 0). */
  url: string;
  /** Graceful: running responses get up to `graceMs` (default 10 s), then sockets close with 1001. */
  close(graceMs?: number): Promise<void>;
}

/** The model name sessions report when the client names none. */
export const DEFAULT_MODEL = 'parley-echo';

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

function urlHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

export async function startGateway(config: GatewayConfig): Promise<Gateway> {
  const synthesizer = createEspeakSynthesizer();
  await synthesizer.ready();
  const engine = new EchoEngine({ synthesizer });

  let realtime: RealtimeServer | undefined;
  const http = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://gateway').pathname;
    if (path === '/healthz' && (request.method === 'GET' || request.method === 'HEAD')) {
      sendJson(response, 200, { status: 'ok', sessions: realtime?.sessionCount ?? 0 });
      return;
    }
    sendJson(response, 404, { error: { type: 'invalid_request_error', code: 'not_found', message: `No route ${path}.`, param: null } });
  });
  realtime = createRealtimeServer({
    server: http,
    engine,
    sessionOptions: { synthesizerVoices: synthesizer.voices().map((voice) => voice.id) },
    defaultModel: DEFAULT_MODEL,
    ...(config.apiKeys.length > 0 ? { auth: { keys: config.apiKeys } } : {}),
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;
  const server = realtime;
  let closing: Promise<void> | undefined;
  return {
    http,
    realtime: server,
    url: `http://${urlHost(config.host)}:${port}`,
    close(graceMs) {
      closing ??= (async () => {
        await server.close(graceMs);
        await new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeIdleConnections();
        });
      })();
      return closing;
    },
  };
}
