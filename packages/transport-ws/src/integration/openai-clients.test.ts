/**
 * OpenAI's own GA clients against this server, unchanged: the Agents SDK's
 * WebSocket transport (plain `ws://` with `?model=gpt-…`, its GA
 * `session.update` on connect) and the `openai` package's `OpenAIRealtimeWS`
 * (which insists on `wss://`; served here with a self-signed certificate).
 */
import { OpenAIRealtimeWebSocket } from '@openai/agents-realtime';
import { createEspeakSynthesizer, type EspeakSynthesizer } from '@parley/engine-espeak';
import { EchoEngine } from '@parley/runtime';
import OpenAI from 'openai';
import { OpenAIRealtimeWS } from 'openai/realtime/ws';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/harness.js';
import { hasOpenssl, selfSignedCertificate } from '../test-support/tls.js';

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

function echoServer(tls?: { key: string; cert: string }): Promise<TestServer> {
  return startTestServer(
    {
      engine: new EchoEngine({ synthesizer }),
      sessionOptions: { synthesizerVoices: synthesizer.voices().map((voice) => voice.id) },
      auth: { keys: ['sk-local'] },
    },
    tls,
  );
}

describe('OpenAI GA clients', () => {
  it('@openai/agents-realtime talks to it over ws:// and gets spoken turns', async () => {
    server = await echoServer();
    const transport = new OpenAIRealtimeWebSocket({ url: server.url({ model: 'gpt-realtime' }) });
    const errors: unknown[] = [];
    const types: string[] = [];
    let audioBytes = 0;
    transport.on('error', (error) => errors.push(error));
    transport.on('*', (event) => types.push(event.type));
    transport.on('audio', (event) => {
      audioBytes += event.data.byteLength;
    });
    const turnDone = new Promise<void>((resolve) => transport.on('turn_done', () => resolve()));
    await transport.connect({ apiKey: 'sk-local', model: 'gpt-realtime' });
    transport.sendMessage('Hello from the agents SDK.', {});
    await turnDone;
    transport.close();
    expect(errors).toEqual([]);
    expect(types).toContain('session.updated');
    expect(types).toContain('response.output_audio.delta');
    expect(audioBytes).toBeGreaterThan(0);
  });

  it.skipIf(!hasOpenssl())('openai OpenAIRealtimeWS talks to it over wss://', async () => {
    const certificate = selfSignedCertificate();
    server = await echoServer(certificate);
    const client = new OpenAI({ apiKey: 'sk-local', baseURL: `https://127.0.0.1:${server.port}/v1` });
    const rt = new OpenAIRealtimeWS({ model: 'gpt-realtime', options: { ca: certificate.cert } }, client);
    const errors: unknown[] = [];
    rt.on('error', (error) => errors.push(error));
    const created = new Promise<Record<string, unknown>>((resolve) => rt.on('session.created', (event) => resolve(event.session as never)));
    const done = new Promise<string>((resolve) => rt.on('response.done', (event) => resolve(event.response.status ?? '')));
    let deltas = 0;
    rt.on('response.output_audio.delta', () => deltas++);
    expect((await created).type).toBe('realtime');
    rt.send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hello over TLS.' }] },
    });
    rt.send({ type: 'response.create' });
    expect(await done).toBe('completed');
    expect(deltas).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    rt.close();
  });
});
