/**
 * Spec 003's conversation rules over real sockets, in the `volcengine`
 * dialect: `X-Conversation-Id` resumes a conversation on a new connection
 * (the id is the `session.id` of `session.created`) while the store keeps it
 * (its TTL), and the history holds the last 10 turns.
 *
 * The session and the store share a virtual clock, so the TTL passes without
 * waiting; sockets, the echo engine and the audio are real.
 */
import { createEspeakSynthesizer, type EspeakSynthesizer } from '@parley/engine-espeak';
import { EchoEngine, MemorySessionStore } from '@parley/runtime';
import { VirtualClock } from '@parley/runtime/testing';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from './test-support/loopback-server.js';
import { spokenPcm } from './test-support/speech.js';
import { toolCallingEcho } from './test-support/tool-calling-echo.js';
import { receiveMessages, sampleSessionUpdate, sendAudio, VOLCENGINE_RATE } from './test-support/volcengine-client.js';
import { WireClient } from './test-support/wire-client.js';

const TTL_MS = 10 * 60_000;
const WEATHER_TOOL = { type: 'function', name: 'get_weather', description: '获取当前天气', parameters: { type: 'object', properties: {} } };

let synthesizer: EspeakSynthesizer;
let server: LoopbackServer | undefined;
let speech: Int16Array;

beforeAll(async () => {
  synthesizer = createEspeakSynthesizer();
  await synthesizer.ready();
  speech = await spokenPcm('你好呀', VOLCENGINE_RATE, 'cmn');
});

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function gateway(clock: VirtualClock): Promise<LoopbackServer> {
  const engine = toolCallingEcho(new EchoEngine({ synthesizer }), { name: 'get_weather', callId: 'call_weather', arguments: '{}' });
  server = await startLoopbackServer({
    engine,
    sessionOptions: {
      synthesizerVoices: synthesizer.voices().map((v) => v.id),
      clock,
      store: new MemorySessionStore({ ttlMs: TTL_MS, clock }),
    },
  });
  return server;
}

function open(gw: LoopbackServer, conversationId?: string, query: Record<string, string> = { model: 'AG-voice-chat-agent' }): Promise<WireClient> {
  const headers: Record<string, string> = { Authorization: 'Bearer any' };
  if (conversationId) headers['X-Conversation-Id'] = conversationId;
  return WireClient.open(gw.url(query), { headers });
}

/** Closes the client and waits until the server has closed (and so stored) its session. */
async function hangUp(gw: LoopbackServer, client: WireClient): Promise<void> {
  const gone = new Promise<void>((resolve) => gw.realtime.on('disconnect', () => resolve()));
  await client.close();
  await gone;
}

function retrieve(client: WireClient, itemId: string) {
  client.send({ type: 'conversation.item.retrieve', item_id: itemId });
  return client.next((f) => f.type === 'conversation.item.retrieved' || f.type === 'error');
}

describe('spec 003 conversations in the volcengine dialect', () => {
  it('resumes with X-Conversation-Id (the session id) within the TTL; not after it', async () => {
    const clock = new VirtualClock();
    const gw = await gateway(clock);

    const first = await open(gw);
    const conversationId = ((await first.next('session.created')).session as { id: string }).id;
    first.send(sampleSessionUpdate({ tools: [WEATHER_TOOL] }));
    await first.next('session.updated');
    sendAudio(first, speech, null);
    const userItemId = (await first.next('input_audio_buffer.committed')).item_id as string;
    const call = (await receiveMessages(first)).frames.find((f) => f.type === 'response.output_item.done')!.item as { id: string };
    expect(call).toMatchObject({ type: 'function_call', call_id: 'call_weather' });
    await hangUp(gw, first); // before answering the call

    // A new connection with the id carries on: the call's output lands after the call, the old items are there.
    const second = await open(gw, conversationId);
    expect(((await second.next('session.created')).session as { id: string }).id).toBe(conversationId);
    second.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: 'call_weather', output: '晴天' } });
    expect(await second.next('conversation.item.created')).toMatchObject({ previous_item_id: call.id });
    expect(await retrieve(second, userItemId)).toMatchObject({ type: 'conversation.item.retrieved', item: { id: userItemId, role: 'user' } });
    second.send({ type: 'response.create' });
    const answer = await receiveMessages(second);
    expect((answer.frames.at(-1)!.response as { status: string }).status).toBe('completed');
    expect(answer.audio.length).toBeGreaterThan(0);
    await hangUp(gw, second);

    // Past the TTL the id starts an empty conversation. (The header alone, without an AG- model, selects the dialect.)
    clock.advance(TTL_MS + 1);
    const third = await open(gw, conversationId, {});
    expect((await third.next('session.created')).session).toMatchObject({
      id: conversationId,
      voice: 'zh_female_tianmeixiaoyuan_moon_bigtts',
      input_audio_format: 'pcm16',
    });
    expect(await retrieve(third, userItemId)).toMatchObject({ type: 'error', error: { code: 'item_not_found' } });
    await third.close();
  });

  it('keeps the last 10 turns of the conversation', async () => {
    const gw = await gateway(new VirtualClock());
    const client = await open(gw);
    await client.next('session.created');
    client.send(sampleSessionUpdate());
    await client.next('session.updated');

    const users: string[] = [];
    const assistants: string[] = [];
    for (let turn = 0; turn < 11; turn++) {
      if (turn === 10) {
        // Ten turns are all kept.
        expect(await retrieve(client, users[0]!)).toMatchObject({ type: 'conversation.item.retrieved' });
      }
      sendAudio(client, speech);
      users.push((await client.next('input_audio_buffer.committed')).item_id as string);
      const done = (await receiveMessages(client)).frames.at(-1)!.response as { status: string; output: { id: string }[] };
      expect(done.status).toBe('completed');
      assistants.push(done.output[0]!.id);
    }
    // The eleventh turn pushed the first one out, its user item and its answer; the second is still there.
    expect(await retrieve(client, users[0]!)).toMatchObject({ type: 'error', error: { code: 'item_not_found' } });
    expect(await retrieve(client, assistants[0]!)).toMatchObject({ type: 'error', error: { code: 'item_not_found' } });
    expect(await retrieve(client, users[1]!)).toMatchObject({ type: 'conversation.item.retrieved', item: { id: users[1] } });
    expect(await retrieve(client, assistants[10]!)).toMatchObject({ type: 'conversation.item.retrieved' });
    await client.close();
  });
});
