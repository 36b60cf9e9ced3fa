/**
 * Spec 003 (Volcengine AI-gateway voice agent) over a real socket: its Python
 * sample client replayed in TypeScript against the echo gateway, in the
 * `volcengine` dialect (`?model=AG-…`, bearer key, 16 kHz PCM16, no server
 * VAD), then the spec's `session.update` sample with a tool, and the
 * `function_call_output` round trip.
 *
 * The echo gateway has no speech recognizer: a session that asks for input
 * transcription (`{"model":"any"}`) gets
 * `conversation.item.input_audio_transcription.failed` with
 * `transcription_unavailable` for each committed turn, instead of a
 * `.completed` with a transcript.
 */
import { createEspeakSynthesizer, type EspeakSynthesizer } from '@parley/engine-espeak';
import { EchoEngine } from '@parley/runtime';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from './test-support/loopback-server.js';
import { recordedSkeleton, responseSkeleton } from './test-support/recorded-order.js';
import { dbfs } from '@parley/audio';
import { spokenPcm } from './test-support/speech.js';
import { toolCallingEcho } from './test-support/tool-calling-echo.js';
import { receiveMessages, sampleSessionUpdate, sendAudio, VOLCENGINE_RATE } from './test-support/volcengine-client.js';
import { WireClient } from './test-support/wire-client.js';

const KEY = 'volc-test-key';
const WEATHER_TOOL = {
  type: 'function',
  name: 'get_weather',
  description: '获取当前天气',
  parameters: { type: 'object', properties: { location: { type: 'string' } }, required: ['location'] },
};
const ARGUMENTS = '{"location": "上海"}';

let synthesizer: EspeakSynthesizer;
let server: LoopbackServer | undefined;

beforeAll(async () => {
  synthesizer = createEspeakSynthesizer();
  await synthesizer.ready();
});

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function gateway(): Promise<WireClient> {
  const engine = toolCallingEcho(new EchoEngine({ synthesizer }), { name: 'get_weather', callId: 'call_weather', arguments: ARGUMENTS });
  server = await startLoopbackServer({
    engine,
    sessionOptions: { synthesizerVoices: synthesizer.voices().map((v) => v.id) },
    auth: { keys: [KEY] },
  });
  return WireClient.open(server.url({ model: 'AG-voice-chat-agent' }), { headers: { Authorization: `Bearer ${KEY}` } });
}

describe('spec 003 sample client in the volcengine dialect', () => {
  it('sends 16 kHz speech in 100 ms chunks, commits, and receives it back as 16 kHz PCM16', async () => {
    const client = await gateway();
    const created = await client.next('session.created');
    expect(created.session).toMatchObject({
      object: 'realtime.session',
      model: 'AG-voice-chat-agent',
      voice: 'zh_female_tianmeixiaoyuan_moon_bigtts',
      input_audio_format: 'pcm16',
      output_audio_format: 'pcm16',
      turn_detection: null,
      input_audio_transcription: null,
    });
    expect(client.frames.map((f) => f.type)).toEqual(['session.created']); // no conversation.created in this dialect

    client.send(sampleSessionUpdate({ input_audio_transcription: { model: 'any' } }));
    const updated = await client.next('session.updated');
    expect(updated.session).toMatchObject({
      modalities: ['text', 'audio'],
      instructions: '你的名字叫豆包,你是一个智能助手',
      turn_detection: null,
      temperature: 0.8,
      tool_choice: 'auto',
      input_audio_transcription: { model: 'any' },
    });

    const speech = await spokenPcm('你好呀', VOLCENGINE_RATE, 'cmn');
    sendAudio(client, speech);
    const committed = await client.next('input_audio_buffer.committed');
    const { frames, audio } = await receiveMessages(client);
    expect(frames.filter((f) => f.type === 'error')).toEqual([]);
    const userItem = frames.find((f) => f.type === 'conversation.item.created')!;
    expect(userItem.item).toMatchObject({ id: committed.item_id, role: 'user', content: [{ type: 'input_audio' }] });
    expect(responseSkeleton(frames)).toEqual(recordedSkeleton('volcengine', 'audio-turn'));
    expect((frames.at(-1)!.response as { status: string }).status).toBe('completed');

    // A manual commit takes the whole buffer: the echo is exactly the audio sent, at the same 16 kHz.
    expect(audio.length).toBe(speech.length);
    expect(audio).toEqual(speech);
    expect(dbfs(audio)).toBeGreaterThan(-35);

    // Transcription was asked for, but the echo gateway has no recognizer: it says so, per item.
    const all = client.frames;
    expect(all.some((f) => f.type === 'conversation.item.input_audio_transcription.completed')).toBe(false);
    const failed = all.filter((f) => f.type === 'conversation.item.input_audio_transcription.failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ item_id: committed.item_id, content_index: 0, error: { code: 'transcription_unavailable' } });
    expect(all.indexOf(failed[0]!)).toBeGreaterThan(all.indexOf(userItem));
    await client.close();
  });

  it("runs the spec's session.update sample with a tool: call, function_call_output, spoken answer without transcript events", async () => {
    const client = await gateway();
    await client.next('session.created');
    client.send({
      type: 'session.update',
      session: {
        modalities: ['audio'],
        instructions: '你的名字叫豆包，你是一个智能助手，你的回答要尽量简短。',
        voice: 'zh_female_tianmeiyueyue_moon_bigtts',
        input_audio_format: 'pcm16',
        output_audio_format: 'pcm16',
        tool_choice: 'auto',
        turn_detection: null,
        input_audio_transcription: { model: 'any' },
        tools: [WEATHER_TOOL],
        temperature: 0.8,
      },
    });
    const updated = await client.next('session.updated');
    expect(updated.session).toMatchObject({ modalities: ['audio'], voice: 'zh_female_tianmeiyueyue_moon_bigtts', tools: [WEATHER_TOOL] });

    sendAudio(client, await spokenPcm('上海今天天气怎么样', VOLCENGINE_RATE, 'cmn'), null);
    const first = (await receiveMessages(client)).frames;
    expect(responseSkeleton(first)).toEqual(recordedSkeleton('volcengine', 'tool-call', 0));
    const argumentsDone = first.find((f) => f.type === 'response.function_call_arguments.done')!;
    expect(argumentsDone).toMatchObject({ call_id: 'call_weather', name: 'get_weather', arguments: ARGUMENTS });
    const callItem = first.find((f) => f.type === 'response.output_item.done')!.item as { id: string };
    expect(callItem).toMatchObject({ type: 'function_call', status: 'completed', call_id: 'call_weather', name: 'get_weather', arguments: ARGUMENTS });

    const output = '{"result": "上海多云，二十二度"}';
    client.send({ type: 'conversation.item.create', item: { call_id: 'call_weather', type: 'function_call_output', output } });
    const outputItem = await client.next('conversation.item.created');
    expect(outputItem).toMatchObject({ previous_item_id: callItem.id, item: { type: 'function_call_output', call_id: 'call_weather', output } });

    client.send({ type: 'response.create' });
    const { frames, audio } = await receiveMessages(client);
    // modalities ["audio"]: spec 003 sends no response.audio_transcript events; the transcript stays in the item.
    const expected = recordedSkeleton('volcengine', 'tool-call', 1).filter((t) => t !== 'response.audio_transcript.done');
    expect(responseSkeleton(frames)).toEqual(expected);
    expect(frames.some((f) => f.type.startsWith('response.audio_transcript.'))).toBe(false);
    const done = frames.at(-1)!.response as { status: string; output: { content: unknown[] }[] };
    expect(done.status).toBe('completed');
    expect(done.output[0]!.content).toEqual([{ type: 'audio', transcript: output }]);
    expect(audio.length).toBeGreaterThan(VOLCENGINE_RATE / 2);
    expect(dbfs(audio)).toBeGreaterThan(-35);
    expect(client.frames.filter((f) => f.type === 'error')).toEqual([]);
    await client.close();
  });

  // Spec 003: the server checks that the history holds a `function_call` with
  // the output's `call_id`; an orphan output is refused with `invalid_value`.
  it('refuses a function_call_output whose call_id matches no function_call', async () => {
    const client = await gateway();
    await client.next('session.created');
    client.send({ event_id: 'event_orphan', type: 'conversation.item.create', item: { type: 'function_call_output', call_id: 'call_nobody', output: '{}' } });
    const answer = await client.next((f) => f.type === 'error' || f.type === 'conversation.item.created');
    expect(answer).toMatchObject({ type: 'error', error: { type: 'invalid_request_error', code: 'invalid_value', param: 'item.call_id', event_id: 'event_orphan' } });
    await client.close();
  });
});
