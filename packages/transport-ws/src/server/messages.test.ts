import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ServerEvent } from '@parley/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import type { RealtimeConnection } from '../client/connect.js';
import { openRawClient, startTestServer, type TestServer } from '../test-support/harness.js';
import { scriptedSessions } from '../test-support/scripted-session.js';
import type { ErrorInfo, MessageInfo } from './metrics.js';

interface FuzzCase {
  raw: string;
  code: string;
  param: string | null;
}

const corpusPath = createRequire(import.meta.url).resolve('@parley/protocol/fixtures/fuzz/client.jsonl');
const corpus: FuzzCase[] = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as FuzzCase);

/** The `event_id` a decoder can echo: the frame's own, when it is a JSON object with a string one. */
function offendingId(raw: string): string | null {
  try {
    const value = JSON.parse(raw) as unknown;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const id = (value as Record<string, unknown>).event_id;
      return typeof id === 'string' ? id : null;
    }
  } catch {
    // not JSON
  }
  return null;
}

async function textTurn(client: RealtimeConnection, text = 'Hello?'): Promise<ServerEvent[]> {
  const seen: ServerEvent[] = [];
  const record = (event: ServerEvent) => seen.push(event);
  client.on('event', record);
  client.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] } });
  client.send({ type: 'response.create' });
  await client.nextEvent('response.done');
  client.off('event', record);
  return seen;
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('client frames', () => {
  it(`answers every line of the fuzz corpus (${corpus.length}) with its error, and the session goes on`, async () => {
    const { factory, sessions } = scriptedSessions();
    server = await startTestServer({ sessionFactory: factory });
    const reported: ErrorInfo[] = [];
    server.realtime.on('error', (info) => reported.push(info));
    const client = await server.connect();
    await client.nextEvent('session.created');
    for (const line of corpus) client.sendRaw(line.raw);
    const ids = new Set<string>();
    for (const [index, line] of corpus.entries()) {
      const event = await client.nextEvent('error', 5000);
      expect({ index, code: event.error.code, param: event.error.param }).toEqual({ index, code: line.code, param: line.param });
      expect(event.error.event_id).toBe(offendingId(line.raw));
      expect(event.error.type).toBe('invalid_request_error');
      ids.add(event.event_id!);
    }
    expect(ids.size).toBe(corpus.length);
    expect(reported).toHaveLength(corpus.length);
    expect(sessions[0]!.log.filter((entry) => entry.kind === 'handle')).toEqual([]);

    const turn = await textTurn(client);
    expect(turn.map((event) => event.type)).toContain('response.text.delta');
    expect(turn.at(-1)!.type).toBe('response.done');
    await client.close();
  });

  it('answers a binary frame with invalid_json and goes on', async () => {
    server = await startTestServer({ sessionFactory: scriptedSessions().factory });
    const client = await server.connect();
    await client.nextEvent('session.created');
    (client.socket as import('ws').WebSocket).send(new Uint8Array([123, 125]));
    const error = await client.nextEvent('error');
    expect(error.error).toMatchObject({ code: 'invalid_json', event_id: null });
    expect((await textTurn(client)).at(-1)!.type).toBe('response.done');
    await client.close();
  });

  it('hands good events to the session in order and reports messages both ways', async () => {
    const { factory, sessions } = scriptedSessions();
    server = await startTestServer({ sessionFactory: factory });
    const messages: MessageInfo[] = [];
    server.realtime.on('message', (info) => messages.push(info));
    const client = await server.connect();
    await client.nextEvent('session.created');
    await textTurn(client);
    const handled = sessions[0]!.log.flatMap((entry) => (entry.kind === 'handle' ? [entry.event.type] : []));
    expect(handled).toEqual(['conversation.item.create', 'response.create']);
    expect(messages.filter((m) => m.direction === 'in').map((m) => m.type)).toEqual(handled);
    expect(messages.filter((m) => m.direction === 'out').map((m) => m.type)).toContain('response.done');
    await client.close();
  });
});

describe('dialect switch on the first shaped session.update', () => {
  it('switches a flat connection to GA before the session sees the event, once', async () => {
    const { factory, sessions } = scriptedSessions();
    server = await startTestServer({ sessionFactory: factory });
    const raw = await openRawClient(server.url());
    const created = await raw.nextFrame();
    expect((created.session as Record<string, unknown>).type).toBeUndefined();

    raw.ws.send(JSON.stringify({ type: 'session.update', session: { type: 'realtime', instructions: 'Be brief.' } }));
    const updated = await raw.nextFrame();
    expect(updated.type).toBe('session.updated');
    expect((updated.session as Record<string, unknown>).type).toBe('realtime');
    const log = sessions[0]!.log;
    expect(log[0]).toEqual({ kind: 'switch', dialect: 'openai' });
    expect(log[1]).toMatchObject({ kind: 'handle', event: { type: 'session.update' } });

    // Later flat updates do not switch back; GA now requires session.type.
    raw.ws.send(JSON.stringify({ type: 'session.update', event_id: 'c9', session: { voice: 'alloy' } }));
    const error = await raw.nextFrame();
    expect(error).toMatchObject({ type: 'error', error: { code: 'missing_required_parameter', param: 'session.type', event_id: 'c9' } });
    raw.ws.send(JSON.stringify({ type: 'response.create' }));
    const types: string[] = [];
    for (let frame = await raw.nextFrame(); ; frame = await raw.nextFrame()) {
      types.push(frame.type as string);
      if (frame.type === 'response.done') break;
    }
    expect(types).toContain('response.output_text.delta');
    expect(log.filter((entry) => entry.kind === 'switch')).toHaveLength(1);
    raw.ws.close();
  });

  it('switches a GA connection to openai-beta on a flat session, and a shapeless update decides nothing', async () => {
    const { factory, sessions } = scriptedSessions();
    server = await startTestServer({ sessionFactory: factory });
    const switches: string[] = [];
    server.realtime.on('dialect', (info) => switches.push(`${info.from}->${info.to}`));
    const raw = await openRawClient(server.url({ model: 'gpt-realtime' }));
    expect(((await raw.nextFrame()).session as Record<string, unknown>).type).toBe('realtime');

    raw.ws.send(JSON.stringify({ type: 'session.update', session: { type: 'realtime', instructions: 'only words' } }));
    expect(((await raw.nextFrame()).session as Record<string, unknown>).type).toBe('realtime');
    expect(sessions[0]!.log.some((entry) => entry.kind === 'switch')).toBe(false);
    raw.ws.close();

    const beta = await openRawClient(server.url({ model: 'gpt-realtime' }));
    await beta.nextFrame();
    // No shape: GA still decides, and wants session.type; the dialect is not fixed yet.
    beta.ws.send(JSON.stringify({ type: 'session.update', session: { instructions: 'no shape yet' } }));
    expect(await beta.nextFrame()).toMatchObject({ type: 'error', error: { param: 'session.type' } });
    beta.ws.send(JSON.stringify({ type: 'session.update', session: { voice: 'verse', modalities: ['text'] } }));
    const updated = await beta.nextFrame();
    expect(updated.type).toBe('session.updated');
    expect((updated.session as Record<string, unknown>).type).toBeUndefined();
    expect(sessions[1]!.log[0]).toEqual({ kind: 'switch', dialect: 'openai-beta' });
    expect(switches).toEqual(['openai->openai-beta']);
    beta.ws.close();
  });
});
