import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerEvent } from '@parley/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { startTestServer, type TestServer } from '../test-support/harness.js';
import { scriptedSessions } from '../test-support/scripted-session.js';
import { connectRealtime, type InvalidFrame } from './connect.js';
import { RealtimeClientError } from './event-inbox.js';

let server: TestServer | undefined;
let plain: { http: Server; wss: WebSocketServer } | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  if (plain) {
    plain.wss.close();
    plain.http.closeAllConnections();
    await new Promise((resolve) => plain!.http.close(resolve));
    plain = undefined;
  }
});

/** A bare `ws` server that sends the given frames to whoever connects, then closes. */
async function frameServer(frames: string[]): Promise<string> {
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (ws) => {
    for (const frame of frames) ws.send(frame);
    ws.close(1000, 'bye');
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  plain = { http, wss };
  return `ws://127.0.0.1:${(http.address() as AddressInfo).port}/`;
}

describe('connectRealtime with the ws package', () => {
  it('iterates decoded events until the socket closes', async () => {
    server = await startTestServer({ sessionFactory: scriptedSessions().factory });
    const client = await server.connect();
    expect(client.dialect).toBe('stepfun');
    client.send({ type: 'response.create' });
    const types: string[] = [];
    for await (const event of client) {
      types.push(event.type);
      if (event.type === 'response.done') void client.close();
    }
    expect(types[0]).toBe('session.created');
    expect(types.at(-1)).toBe('response.done');
    expect(await client.closed).toEqual({ code: 1000, reason: '' });
  });

  it('nextEvent skips to the wanted type, times out, and fails once closed', async () => {
    server = await startTestServer({ sessionFactory: scriptedSessions().factory });
    const client = await server.connect();
    client.send({ type: 'response.create' });
    const done = await client.nextEvent('response.done');
    expect(done.response.output?.[0]).toMatchObject({ role: 'assistant' });
    const timeout = await client.nextEvent('response.done', 20).catch((error: unknown) => error);
    expect(timeout).toMatchObject({ name: 'RealtimeClientError', code: 'timeout' });
    await client.close();
    const closed = await client.nextEvent().catch((error: unknown) => error);
    expect(closed).toBeInstanceOf(RealtimeClientError);
    expect((closed as RealtimeClientError).code).toBe('closed');
  });

  it('speaks the dialect of the URL, and announces openai-beta by header or subprotocol', async () => {
    const { factory, sessions } = scriptedSessions();
    server = await startTestServer({ sessionFactory: factory });
    const ga = await server.connect({ query: { model: 'gpt-realtime' } });
    expect(ga.dialect).toBe('openai');
    ga.send({ type: 'response.create', response: { modalities: ['text'] } });
    const delta = await ga.nextEvent('response.text.delta');
    expect(delta.delta).toBe('Hello from the test session.');
    expect(sessions[0]!.log[0]).toMatchObject({ kind: 'handle', event: { type: 'response.create', response: { modalities: ['text'] } } });

    const byHeader = await server.connect({ dialect: 'openai-beta' });
    const bySubprotocol = await server.connect({ dialect: 'openai-beta', auth: 'subprotocol' });
    expect(bySubprotocol.protocol).toBe('openai-beta.realtime-v1');
    expect(sessions[1]!.context.dialect).toBe('openai-beta');
    expect(sessions[2]!.context.dialect).toBe('openai-beta');
    await Promise.all([ga.close(), byHeader.close(), bySubprotocol.close()]);
  });

  it('works with a browser-style constructor that takes no options', async () => {
    server = await startTestServer({ sessionFactory: scriptedSessions().factory, auth: { keys: ['k'] } });
    class BrowserLikeWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols);
      }
    }
    const client = await connectRealtime({ url: server.url(), apiKey: 'k', WebSocket: BrowserLikeWebSocket, auth: 'subprotocol' });
    expect(client.protocol).toBe('realtime');
    await client.nextEvent('session.created');
    await client.close();
  });

  it('reports frames that do not decode and delivers the rest', async () => {
    const url = await frameServer([
      'not json',
      JSON.stringify({ type: 'no.such.event', event_id: 'x' }),
      JSON.stringify({ type: 'error', event_id: 'e1', error: { type: 'server_error', code: 'upstream_error', message: 'boom' } }),
    ]);
    const invalid: InvalidFrame[] = [];
    const events: ServerEvent[] = [];
    const client = await connectRealtime({
      url,
      WebSocket,
      listeners: { invalid: (frame) => invalid.push(frame), event: (event) => events.push(event) },
    });
    const error = await client.nextEvent('error');
    expect(error.error.code).toBe('upstream_error');
    expect(await client.closed).toEqual({ code: 1000, reason: 'bye' });
    expect(invalid.map((frame) => frame.error.code)).toEqual(['invalid_json', 'unknown_event']);
    expect(events.map((event) => event.type)).toEqual(['error']);
  });

  it('rejects with connect_failed when nothing listens', async () => {
    const url = await frameServer([]);
    const port = new URL(url).port;
    plain!.wss.close();
    plain!.http.closeAllConnections();
    await new Promise((resolve) => plain!.http.close(resolve));
    plain = undefined;
    const error = await connectRealtime({ url: `ws://127.0.0.1:${port}/`, WebSocket }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'RealtimeClientError', code: 'connect_failed' });
  });
});
