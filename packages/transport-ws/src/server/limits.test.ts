import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { closeOf, openRawClient, startTestServer, type TestServer } from '../test-support/harness.js';
import { scriptedSessions } from '../test-support/scripted-session.js';
import type { DisconnectInfo, ErrorInfo } from './metrics.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function nextReport(target: TestServer, code: string): Promise<ErrorInfo> {
  return new Promise((resolve) => {
    const listener = (info: ErrorInfo) => {
      if (info.code !== code) return;
      target.realtime.off('error', listener);
      resolve(info);
    };
    target.realtime.on('error', listener);
  });
}

function nextDisconnect(target: TestServer): Promise<DisconnectInfo> {
  return new Promise((resolve) => {
    const listener = (info: DisconnectInfo) => {
      target.realtime.off('disconnect', listener);
      resolve(info);
    };
    target.realtime.on('disconnect', listener);
  });
}

describe('limits', () => {
  it('closes with 1009 on a frame over maxFrameBytes', async () => {
    const { factory, sessions } = scriptedSessions();
    server = await startTestServer({ sessionFactory: factory, limits: { maxFrameBytes: 64 * 1024 } });
    const reported = nextReport(server, 'frame_too_large');
    const client = await server.connect();
    await client.nextEvent('session.created');
    client.sendRaw(JSON.stringify({ type: 'input_audio_buffer.append', audio: 'A'.repeat(64 * 1024) }));
    expect((await client.closed).code).toBe(1009);
    await reported;
    expect(sessions[0]!.closed).toBe(true);
  });

  it('accepts a frame just under the cap', async () => {
    server = await startTestServer({ sessionFactory: scriptedSessions().factory, limits: { maxFrameBytes: 64 * 1024 } });
    const client = await server.connect();
    await client.nextEvent('session.created');
    const frame = JSON.stringify({ type: 'input_audio_buffer.append', event_id: 'big', audio: '' });
    client.sendRaw(frame.replace('""', `"${'A'.repeat(64 * 1024 - frame.length)}"`));
    client.send({ type: 'response.create' });
    await client.nextEvent('response.done');
    await client.close();
  });

  it('closes a client that does not read with 1008, with the server buffer bounded by the cap', async () => {
    const cap = 256 * 1024;
    const chunkBytes = 48_000; // 64 000 base64 characters per delta
    const { factory, sessions } = scriptedSessions({ audioChunks: 2000, chunkBytes });
    server = await startTestServer({ sessionFactory: factory, limits: { maxQueuedBytes: cap } });
    const client = await server.connect();
    await client.nextEvent('session.created');
    const socket = (client.socket as WebSocket & { _socket: Socket })._socket;
    const overflow = nextReport(server, 'slow_consumer');
    const disconnected = nextDisconnect(server);
    client.send({ type: 'response.create' });
    socket.pause();
    await overflow;
    expect(sessions[0]!.closed).toBe(true);
    socket.resume();
    const closed = await client.closed;
    expect(closed.code).toBe(1008);
    const info = await disconnected;
    expect(info.code).toBe(1008);
    expect(info.peakBufferedBytes).toBeLessThanOrEqual(cap + chunkBytes * 2);
    // The session stopped streaming once the cap was hit: far fewer deltas than the script holds.
    expect(info.messagesOut).toBeLessThan(2000);
  });

  it('sends idle_timeout and closes with 1000 after idleTimeoutMs without traffic', async () => {
    const { factory, sessions } = scriptedSessions();
    server = await startTestServer({ sessionFactory: factory, limits: { idleTimeoutMs: 100 } });
    const client = await server.connect();
    await client.nextEvent('session.created');
    const error = await client.nextEvent('error');
    expect(error.error).toMatchObject({ code: 'idle_timeout', event_id: null });
    expect(await client.closed).toEqual({ code: 1000, reason: 'idle_timeout' });
    expect(sessions[0]!.log.at(-1)).toEqual({ kind: 'close', reason: 'idle_timeout' });
  });

  it('ends a session at maxSessionMs with session_expired and 1000', async () => {
    server = await startTestServer({ sessionFactory: scriptedSessions().factory, limits: { maxSessionMs: 100 } });
    const client = await server.connect();
    const error = await client.nextEvent('error');
    expect(error.error.code).toBe('session_expired');
    expect(await client.closed).toEqual({ code: 1000, reason: 'session_expired' });
  });

  it('terminates a client that does not answer pings, and keeps one that does', async () => {
    server = await startTestServer({ sessionFactory: scriptedSessions().factory, limits: { pingIntervalMs: 20 } });
    const reported = nextReport(server, 'ping_timeout');
    const silent = new WebSocket(server.url(), { autoPong: false });
    const silentClosed = closeOf(silent);
    const answering = await openRawClient(server.url());
    const pings = new Promise<void>((resolve) => {
      let count = 0;
      answering.ws.on('ping', () => {
        if (++count === 4) resolve();
      });
    });
    expect((await silentClosed).code).toBe(1006);
    await reported;
    await pings;
    expect(answering.ws.readyState).toBe(WebSocket.OPEN);
    answering.ws.close();
  });
});
