/**
 * Spec 001 (StepFun realtime) over a real socket, in the `stepfun` dialect,
 * with the echo engine and the espeak-ng voice: a typed turn spoken back, and
 * a spoken turn found by server VAD and played back. The order of each
 * response is checked against the protocol package's recorded sequence.
 */
import { createEspeakSynthesizer, type EspeakSynthesizer } from '@parley/engine-espeak';
import { EchoEngine } from '@parley/runtime';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from './test-support/loopback-server.js';
import { deltasOutsideTheirPart, recordedSkeleton, responseSkeleton } from './test-support/recorded-order.js';
import { dbfs } from '@parley/audio';
import { base64Chunks, concat, decodeAudio, durationMs, offsetOf, quiet, spokenPcm } from './test-support/speech.js';
import { WireClient, type WireFrame } from './test-support/wire-client.js';

const RATE = 24_000;
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

async function connect(): Promise<WireClient> {
  server = await startLoopbackServer({
    engine: new EchoEngine({ synthesizer }),
    sessionOptions: { synthesizerVoices: synthesizer.voices().map((voice) => voice.id) },
  });
  return WireClient.open(server.url({ model: 'step-1o-audio' }), { headers: { Authorization: 'Bearer any' } });
}

const deltasOf = (frames: WireFrame[], type: string) => frames.filter((f) => f.type === type).map((f) => f.delta as string);

describe('spec 001 in the stepfun dialect, echo engine with espeak-ng', () => {
  it('speaks a typed turn back, in protocol order, with audio as long as its transcript', async () => {
    const client = await connect();
    const created = await client.next('session.created');
    expect(created.session).toMatchObject({
      voice: 'linjiajiejie',
      input_audio_format: 'pcm16',
      output_audio_format: 'pcm16',
      turn_detection: null,
    });

    // The session.update sample of spec 001, in English.
    client.send({
      event_id: 'event_abc',
      type: 'session.update',
      session: {
        modalities: ['text', 'audio'],
        instructions: 'You are a helpful assistant.',
        voice: 'linjiajiejie',
        input_audio_format: 'pcm16',
        output_audio_format: 'pcm16',
      },
    });
    const updated = await client.next('session.updated');
    expect(updated.session).toMatchObject({ instructions: 'You are a helpful assistant.', voice: 'linjiajiejie' });

    const text = 'Hello there. It is a fine day to test a voice server.';
    client.send({
      event_id: 'event_item',
      type: 'conversation.item.create',
      item: { id: 'msg_001', type: 'message', role: 'user', content: [{ type: 'input_text', text }] },
    });
    const item = await client.next('conversation.item.created');
    expect(item.item).toMatchObject({ id: 'msg_001', type: 'message', role: 'user', content: [{ type: 'input_text', text }] });

    client.send({ event_id: 'event_go', type: 'response.create' });
    const frames = await client.until('response.done');
    expect(frames.filter((f) => f.type === 'error')).toEqual([]);
    expect(responseSkeleton(frames)).toEqual(recordedSkeleton('stepfun', 'audio-turn'));
    expect(deltasOutsideTheirPart(frames)).toEqual([]);
    for (const frame of frames) expect(typeof frame.event_id).toBe('string');

    const done = frames.at(-1)!.response as { id: string; status: string; output: { id: string; content: unknown[] }[] };
    expect(done.status).toBe('completed');
    expect(done.output).toHaveLength(1);
    expect(done.output[0]!.content).toEqual([{ type: 'audio', transcript: text }]);
    const assistantId = done.output[0]!.id;
    for (const frame of frames.filter((f) => 'response_id' in f)) {
      expect(frame.response_id).toBe(done.id);
      if ('item_id' in frame) expect(frame.item_id).toBe(assistantId);
    }
    expect(deltasOf(frames, 'response.audio_transcript.delta').join('')).toBe(text);
    expect(frames.find((f) => f.type === 'response.audio_transcript.done')!.transcript).toBe(text);

    // The deltas are PCM16 at 24 kHz: real speech, about as long as the same words spoken by espeak-ng.
    const audio = decodeAudio(deltasOf(frames, 'response.audio.delta'));
    expect(dbfs(audio)).toBeGreaterThan(-35);
    const reference = await spokenPcm(text, RATE);
    const ratio = durationMs(audio, RATE) / durationMs(reference, RATE);
    expect(ratio).toBeGreaterThan(0.8);
    expect(ratio).toBeLessThan(1.25);
    await client.close();
  });

  it('finds a spoken turn with server VAD, commits it and plays it back as the answer', async () => {
    const client = await connect();
    await client.next('session.created');
    client.send({ type: 'session.update', session: { turn_detection: { type: 'server_vad' } } });
    const updated = await client.next('session.updated');
    // Part 1: server VAD turned on without values gets 0.5 / 300 / 500 and both automatic actions.
    expect(updated.session).toMatchObject({
      turn_detection: {
        type: 'server_vad',
        threshold: 0.5,
        prefix_padding_ms: 300,
        silence_duration_ms: 500,
        create_response: true,
        interrupt_response: true,
      },
    });

    const leadMs = 700;
    const speech = await spokenPcm('Please repeat what I am saying right now.', RATE);
    const stream = concat(quiet(leadMs, RATE), speech, quiet(1500, RATE));
    for (const chunk of base64Chunks(stream, RATE)) client.send({ type: 'input_audio_buffer.append', audio: chunk });

    const started = await client.next('input_audio_buffer.speech_started');
    const stopped = await client.next('input_audio_buffer.speech_stopped');
    const committed = await client.next('input_audio_buffer.committed');
    const userItem = await client.next('conversation.item.created');
    const itemId = started.item_id as string;
    expect(typeof itemId).toBe('string');
    expect([stopped.item_id, committed.item_id, (userItem.item as { id: string }).id]).toEqual([itemId, itemId, itemId]);
    expect(userItem.item).toMatchObject({ type: 'message', role: 'user', content: [{ type: 'input_audio' }] });
    const startMs = started.audio_start_ms as number;
    const endMs = stopped.audio_end_ms as number;
    expect(startMs).toBeLessThan(leadMs);
    expect(endMs).toBeGreaterThan(leadMs + durationMs(speech, RATE));
    expect(endMs).toBeLessThanOrEqual(durationMs(stream, RATE));

    const frames = await client.until('response.done');
    expect(frames[0]!.type).toBe('response.created');
    expect(responseSkeleton(frames)).toEqual(recordedSkeleton('stepfun', 'audio-turn'));
    expect((frames.at(-1)!.response as { status: string }).status).toBe('completed');

    // The answer is the committed audio itself, sample for sample: the stream from speech start to speech end.
    const echo = decodeAudio(deltasOf(frames, 'response.audio.delta'));
    const expectedSamples = ((endMs - startMs) * RATE) / 1000;
    expect(Math.abs(echo.length - expectedSamples)).toBeLessThanOrEqual(RATE / 500);
    expect(offsetOf(echo, stream, Math.round((startMs * RATE) / 1000), RATE / 500)).toBeGreaterThanOrEqual(0);
    expect(dbfs(echo)).toBeGreaterThan(-35);
    await client.close();
  });
});
