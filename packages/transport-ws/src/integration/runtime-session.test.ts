/**
 * The transport with the runtime's real sessions: the echo engine with the
 * espeak-ng voice (the gateway's default), and the scripted engine where a
 * test needs a lot of audio fast.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { createEspeakSynthesizer, type EspeakSynthesizer } from '@parley/engine-espeak';
import { DIALECTS, type ServerEvent } from '@parley/protocol';
import { EchoEngine, ScriptedEngine, tone } from '@parley/runtime';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import type { RealtimeConnection } from '../client/connect.js';
import { openRawClient, startTestServer, type TestServer } from '../test-support/harness.js';

let synthesizer: EspeakSynthesizer;
let server: TestServer | undefined;

beforeAll(async () => {
  synthesizer = createEspeakSynthesizer();
  await synthesizer.ready();
});

afterEach(async () => {
  await server?.close();
  server = undefined;
});

function echoServer(): Promise<TestServer> {
  return startTestServer({
    engine: new EchoEngine({ synthesizer }),
    sessionOptions: { synthesizerVoices: synthesizer.voices().map((voice) => voice.id) },
    defaultModel: 'parley-echo',
  });
}

function say(client: RealtimeConnection, text: string): void {
  client.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] } });
  client.send({ type: 'response.create' });
}

async function collectUntilDone(client: RealtimeConnection): Promise<ServerEvent[]> {
  const events: ServerEvent[] = [];
  for (;;) {
    const event = await client.nextEvent(undefined, 20_000);
    events.push(event);
    if (event.type === 'response.done') return events;
  }
}

describe('with the echo engine and espeak-ng', () => {
  it.each(DIALECTS)('speaks a typed turn back in the %s dialect', async (dialect) => {
    server = await echoServer();
    const client = await server.connect({ query: { dialect } });
    const created = await client.nextEvent('session.created');
    expect(created.session.model).toBe('parley-echo');
    say(client, 'Hello there.');
    const events = await collectUntilDone(client);
    const done = events.at(-1) as Extract<ServerEvent, { type: 'response.done' }>;
    expect(done.response.status).toBe('completed');
    expect(events.filter((event) => event.type === 'response.audio.delta').length).toBeGreaterThan(0);
    const transcript = events.find((event) => event.type === 'response.audio_transcript.done');
    expect(transcript && 'transcript' in transcript && transcript.transcript).toBe('Hello there.');
    await client.close();
  });

  it('uses GA names on the wire for a gpt- model', async () => {
    server = await echoServer();
    const raw = await openRawClient(server.url({ model: 'gpt-realtime' }));
    expect((await raw.nextFrame()).type).toBe('session.created');
    raw.ws.send(JSON.stringify({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hi.' }] } }));
    raw.ws.send(JSON.stringify({ type: 'response.create' }));
    const types = new Set<string>();
    for (let frame = await raw.nextFrame(); frame.type !== 'response.done'; frame = await raw.nextFrame()) types.add(frame.type as string);
    expect(types).toContain('conversation.item.added');
    expect(types).toContain('response.output_audio.delta');
    expect(types).not.toContain('response.audio.delta');
    raw.ws.close();
  });

  it('switches a stepfun connection to GA on a GA session.update, as OpenAI GA clients send', async () => {
    server = await echoServer();
    const raw = await openRawClient(server.url());
    await raw.nextFrame();
    raw.ws.send(
      JSON.stringify({
        type: 'session.update',
        session: { type: 'realtime', output_modalities: ['text'], audio: { input: { turn_detection: null } } },
      }),
    );
    const updated = await raw.nextFrame();
    expect(updated).toMatchObject({ type: 'session.updated', session: { type: 'realtime', output_modalities: ['text'] } });
    raw.ws.send(JSON.stringify({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Ping.' }] } }));
    raw.ws.send(JSON.stringify({ type: 'response.create' }));
    const types: string[] = [];
    for (let frame = await raw.nextFrame(); frame.type !== 'response.done'; frame = await raw.nextFrame()) types.push(frame.type as string);
    expect(types).toContain('response.output_text.delta');
    raw.ws.close();
  });

  it('answers every fuzz corpus line with its error and then completes a turn', async () => {
    const corpusPath = createRequire(import.meta.url).resolve('@parley/protocol/fixtures/fuzz/client.jsonl');
    const corpus = readFileSync(corpusPath, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { raw: string; code: string; param: string | null });
    server = await echoServer();
    const client = await server.connect();
    await client.nextEvent('session.created');
    for (const line of corpus) client.sendRaw(line.raw);
    for (const [index, line] of corpus.entries()) {
      const error = await client.nextEvent('error', 5000);
      expect({ index, code: error.error.code, param: error.error.param }).toEqual({ index, code: line.code, param: line.param });
    }
    say(client, 'Still here?');
    const events = await collectUntilDone(client);
    expect(events.some((event) => event.type === 'error')).toBe(false);
    expect((events.at(-1) as Extract<ServerEvent, { type: 'response.done' }>).response.status).toBe('completed');
    await client.close();
  });

  it('refuses bad base64 in an append through the session (the transport checks only its size)', async () => {
    server = await echoServer();
    const client = await server.connect();
    await client.nextEvent('session.created');
    // Length a multiple of 4, so only a decoder sees what is wrong: a space, a stray '=', the URL-safe alphabet.
    for (const [i, audio] of ['AAAA AAA', 'AA=AAAAA', 'AAAA-_AA'].entries()) {
      client.sendRaw(JSON.stringify({ type: 'input_audio_buffer.append', event_id: `bad${i}`, audio }));
      const error = await client.nextEvent('error', 5000);
      expect(error.error).toMatchObject({ code: 'invalid_audio', param: 'audio', event_id: `bad${i}` });
    }
    await client.close();
  });

  it('lets a running answer finish on graceful shutdown, then closes with 1001', async () => {
    server = await echoServer();
    const client = await server.connect();
    const order: string[] = [];
    client.on('event', (event) => order.push(event.type));
    client.on('close', (info) => order.push(`close ${info.code}`));
    say(client, 'This is a longer answer. It has a few sentences. Each of them is spoken in turn.');
    await client.nextEvent('response.audio.delta', 20_000);
    await server.realtime.close(20_000);
    await client.closed;
    expect(order.slice(-2)).toEqual(['response.done', 'close 1001']);
  });
});

describe('with the scripted engine', () => {
  it('closes a client that stops reading with 1008 while a long answer streams', async () => {
    const second = tone(1000, 24_000); // 64 000 base64 characters per delta
    const engine = new ScriptedEngine(() => Array.from({ length: 600 }, () => ({ type: 'audio' as const, pcm: second, sampleRate: 24_000 })));
    const cap = 256 * 1024;
    server = await startTestServer({ engine, limits: { maxQueuedBytes: cap } });
    const peak = new Promise<number>((resolve) => server!.realtime.on('disconnect', (info) => resolve(info.peakBufferedBytes)));
    const overflow = new Promise<void>((resolve) => server!.realtime.on('error', (info) => info.code === 'slow_consumer' && resolve()));
    const client = await server.connect();
    await client.nextEvent('session.created');
    const socket = (client.socket as WebSocket & { _socket: Socket })._socket;
    client.send({ type: 'response.create', response: { modalities: ['audio'] } });
    socket.pause();
    await overflow;
    socket.resume();
    expect((await client.closed).code).toBe(1008);
    expect(engine.calls[0]!.aborted).toBe(true);
    expect(await peak).toBeLessThanOrEqual(cap + 2 * 70_000);
  });
});
