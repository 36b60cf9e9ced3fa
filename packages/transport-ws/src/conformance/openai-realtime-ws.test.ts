/**
 * The `openai` package's Node realtime clients, unchanged, against our server
 * over `wss://` on loopback: `OpenAIRealtimeWS` (GA, `openai/realtime/ws`)
 * and the beta helper (`openai/beta/realtime/ws`, which sends
 * `OpenAI-Beta: realtime=v1`). Both build `wss://<baseURL>/realtime?model=…`
 * from the client's `baseURL` and insist on TLS, so the server is an `https`
 * server with a self-signed certificate made here with `openssl`; the
 * clients trust it through the `ca` option they forward to `ws` (no
 * `rejectUnauthorized: false`). The key travels as `Authorization: Bearer`.
 */
import { createEspeakSynthesizer, type EspeakSynthesizer } from '@parley/engine-espeak';
import { EchoEngine } from '@parley/runtime';
import OpenAI from 'openai';
import { OpenAIRealtimeWS as BetaRealtimeWS } from 'openai/beta/realtime/ws';
import { OpenAIRealtimeWS } from 'openai/realtime/ws';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { hasOpenssl, selfSignedCertificate } from '../test-support/tls.js';
import { startLoopbackServer, type LoopbackServer } from './test-support/loopback-server.js';
import { dbfs } from '@parley/audio';
import { decodeAudio } from './test-support/speech.js';

const KEY = 'sk-conformance';
const TEXT = 'Hello over a secure socket.';
const HAS_OPENSSL = hasOpenssl();
if (!HAS_OPENSSL) console.warn('openai-realtime-ws conformance skipped: the openssl command is not installed.');

let synthesizer: EspeakSynthesizer;
let server: LoopbackServer | undefined;
let certificate: { key: string; cert: string };

beforeAll(async () => {
  synthesizer = createEspeakSynthesizer();
  await synthesizer.ready();
  if (HAS_OPENSSL) certificate = selfSignedCertificate();
});

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function secureServer(): Promise<OpenAI> {
  server = await startLoopbackServer(
    {
      engine: new EchoEngine({ synthesizer }),
      sessionOptions: { synthesizerVoices: synthesizer.voices().map((v) => v.id) },
      auth: { keys: [KEY] },
    },
    certificate,
  );
  return new OpenAI({ apiKey: KEY, baseURL: `https://127.0.0.1:${server.port}/v1` });
}

type Event = { type: string; [key: string]: unknown };

/** Every event of a client until `response.done`, and the errors it reported. */
function record(rt: { on(name: 'event', listener: (event: Event) => void): void; on(name: 'error', listener: (error: unknown) => void): void }) {
  const events: Event[] = [];
  const errors: unknown[] = [];
  rt.on('error', (error) => errors.push(error));
  const done = new Promise<Event>((resolve) =>
    rt.on('event', (event) => {
      events.push(event);
      if (event.type === 'response.done') resolve(event);
    }),
  );
  return { events, errors, done };
}

const typesOf = (events: Event[]) => new Set(events.map((event) => event.type));
const deltas = (events: Event[], type: string) => events.filter((e) => e.type === type).map((e) => e.delta as string);

describe.skipIf(!HAS_OPENSSL)('openai package realtime clients over wss://', () => {
  it('GA OpenAIRealtimeWS: session.update, a typed turn, spoken back with output_audio deltas', async () => {
    const client = await secureServer();
    const rt = new OpenAIRealtimeWS({ model: 'gpt-realtime', options: { ca: certificate.cert } }, client);
    expect(rt.url.toString()).toBe(`wss://127.0.0.1:${server!.port}/v1/realtime?model=gpt-realtime`);
    const { events, errors, done } = record(rt as never);
    const created = await new Promise<Event>((resolve) => rt.on('session.created', (event) => resolve(event as never)));
    expect(created.session).toMatchObject({ type: 'realtime', audio: { output: { format: { type: 'audio/pcm', rate: 24_000 } } } });

    rt.send({ type: 'session.update', session: { type: 'realtime', output_modalities: ['audio'], audio: { output: { voice: 'marin' } } } });
    rt.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: TEXT }] } });
    rt.send({ type: 'response.create' });
    const finished = await done;

    expect(finished.response).toMatchObject({ status: 'completed', output: [{ role: 'assistant', content: [{ type: 'output_audio', transcript: TEXT }] }] });
    const types = typesOf(events);
    for (const type of ['session.updated', 'conversation.item.added', 'conversation.item.done', 'response.output_audio_transcript.done']) {
      expect(types).toContain(type);
    }
    for (const beta of ['conversation.item.created', 'response.audio.delta', 'response.audio_transcript.delta']) expect(types).not.toContain(beta);
    expect(deltas(events, 'response.output_audio_transcript.delta').join('')).toBe(TEXT);
    const audio = decodeAudio(deltas(events, 'response.output_audio.delta'));
    expect(audio.length).toBeGreaterThan(24_000 / 2);
    expect(dbfs(audio)).toBeGreaterThan(-35);
    expect(errors).toEqual([]);
    rt.close();
  });

  it('beta helper (OpenAI-Beta: realtime=v1): a typed turn in the beta dialect', async () => {
    const client = await secureServer();
    const rt = new BetaRealtimeWS({ model: 'gpt-4o-realtime-preview', options: { ca: certificate.cert } }, client);
    const { events, errors, done } = record(rt as never);
    const created = await new Promise<Event>((resolve) => rt.on('session.created', (event) => resolve(event as never)));
    // The beta header wins over the gpt- model: the flat session of the beta API.
    expect(created.session).toMatchObject({
      voice: 'alloy',
      input_audio_format: 'pcm16',
      output_audio_format: 'pcm16',
      turn_detection: { type: 'server_vad' },
    });

    // The beta API takes `turn_detection: null` (off); the beta typings leave null out.
    rt.send({ type: 'session.update', session: { modalities: ['text', 'audio'], voice: 'alloy', turn_detection: null as never } });
    rt.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: TEXT }] } });
    rt.send({ type: 'response.create' });
    const finished = await done;

    expect(finished.response).toMatchObject({ status: 'completed', output: [{ role: 'assistant', content: [{ type: 'audio', transcript: TEXT }] }] });
    const updated = events.find((event) => event.type === 'session.updated')!;
    expect(updated.session).toMatchObject({ modalities: ['text', 'audio'], turn_detection: null });
    const types = typesOf(events);
    expect(types).toContain('conversation.item.created');
    for (const ga of ['conversation.item.added', 'conversation.item.done', 'response.output_audio.delta']) expect(types).not.toContain(ga);
    expect(deltas(events, 'response.audio_transcript.delta').join('')).toBe(TEXT);
    const audio = decodeAudio(deltas(events, 'response.audio.delta'));
    expect(audio.length).toBeGreaterThan(24_000 / 2);
    expect(dbfs(audio)).toBeGreaterThan(-35);
    expect(errors).toEqual([]);
    rt.close();
  });
});
