/**
 * Cutting a response short over a real socket, in the `stepfun` dialect
 * (notes Part 1, "Responses"): barge-in by server VAD on real speech
 * (`turn_detected`) and `response.cancel` (`client_cancelled`). In both, the
 * response ends with `response.done` `cancelled`, and nothing of it follows.
 * The story being cut is real espeak-ng speech streamed in real time.
 */
import { createEspeakSynthesizer, type EspeakSynthesizer } from '@parley/engine-espeak';
import { EchoEngine } from '@parley/runtime';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackServer, type LoopbackServer } from './test-support/loopback-server.js';
import { framesOfResponse, recordedSkeleton, responseSkeleton } from './test-support/recorded-order.js';
import { base64Chunks, concat, decodeAudio, offsetOf, quiet, spokenPcm } from './test-support/speech.js';
import { type Storyteller, storytellerThenEcho } from './test-support/storyteller.js';
import { WireClient, type WireFrame } from './test-support/wire-client.js';

const RATE = 24_000;
const STORY = 'Once upon a time, a small robot learned to listen before it spoke.';

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

/** A server whose first answer is a story of about 20 s, played in real time. */
async function storyServer(): Promise<{ client: WireClient; engine: Storyteller }> {
  const sentence = await spokenPcm(STORY, RATE);
  const story = concat(...Array.from({ length: 6 }, () => concat(sentence, quiet(300, RATE))));
  const engine = storytellerThenEcho(new EchoEngine({ synthesizer }), STORY, story, RATE);
  server = await startLoopbackServer({ engine, sessionOptions: { synthesizerVoices: synthesizer.voices().map((v) => v.id) } });
  const client = await WireClient.open(server.url({ model: 'step-1o-audio' }));
  await client.next('session.created');
  return { client, engine };
}

/** Asks for the story and waits until its first audio is out. */
async function startStory(client: WireClient): Promise<string> {
  client.send({
    type: 'conversation.item.create',
    item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Tell me a long story.' }] },
  });
  client.send({ type: 'response.create' });
  const created = await client.next('response.created');
  await client.next('response.audio.delta');
  return (created.response as { id: string }).id;
}

const doneOf = (frames: WireFrame[], id: string) =>
  frames.find((f) => f.type === 'response.done' && (f.response as { id: string }).id === id)!;

describe('interrupting a response in the stepfun dialect', () => {
  it('barge-in: speech while the story plays cancels it (turn_detected), then the new turn is answered', async () => {
    const { client, engine } = await storyServer();
    client.send({ type: 'session.update', session: { turn_detection: { type: 'server_vad' } } });
    await client.next('session.updated');
    const storyId = await startStory(client);

    const leadMs = 500;
    const speech = await spokenPcm('Wait, stop, I have a question.', RATE);
    const stream = concat(quiet(leadMs, RATE), speech, quiet(1500, RATE));
    for (const chunk of base64Chunks(stream, RATE)) client.send({ type: 'input_audio_buffer.append', audio: chunk });

    const started = await client.next('input_audio_buffer.speech_started');
    await client.until((f) => f.type === 'response.done' && (f.response as { id: string }).id === storyId);
    const committed = await client.next('input_audio_buffer.committed');
    expect(committed.item_id).toBe(started.item_id);
    const answer = await client.until('response.done');
    const frames = client.frames;

    const cut = doneOf(frames, storyId);
    expect(cut.response).toMatchObject({ status: 'cancelled', status_details: { type: 'cancelled', reason: 'turn_detected' } });
    expect(frames.indexOf(started)).toBeLessThan(frames.indexOf(cut));
    expect((cut.response as { output: { status: string }[] }).output[0]!.status).toBe('incomplete');
    const storyFrames = frames.filter((f) => !f.type.startsWith('input_audio_buffer.'));
    expect(responseSkeleton(storyFrames, 0)).toEqual(recordedSkeleton('stepfun', 'cancelled-response'));
    // Nothing of the story after its response.done, even though the engine had most of it still to say.
    const ofStory = framesOfResponse(frames, storyId);
    expect(ofStory.at(-1)).toBe(cut);
    expect(engine.story.calls[0]!.aborted).toBe(true);

    // The interrupting turn is committed and answered with its own audio.
    const answerDone = answer.at(-1)!.response as { id: string; status: string };
    expect(answerDone.status).toBe('completed');
    expect(answerDone.id).not.toBe(storyId);
    const echo = decodeAudio(answer.filter((f) => f.type === 'response.audio.delta').map((f) => f.delta as string));
    const startSample = Math.round(((started.audio_start_ms as number) * RATE) / 1000);
    expect(echo.length).toBeGreaterThan(speech.length);
    expect(offsetOf(echo, stream, startSample, RATE / 500)).toBeGreaterThanOrEqual(0);
    await client.close();
  });

  it('response.cancel ends the story (client_cancelled); nothing of it follows; a new response works', async () => {
    const { client, engine } = await storyServer();
    const storyId = await startStory(client);
    client.send({ event_id: 'event_cancel', type: 'response.cancel' });
    const cut = await client.next('response.done');
    expect(cut.response).toMatchObject({
      id: storyId,
      status: 'cancelled',
      status_details: { type: 'cancelled', reason: 'client_cancelled' },
    });
    expect(responseSkeleton(client.frames, 0)).toEqual(recordedSkeleton('stepfun', 'cancelled-response'));
    expect((cut.response as { output: { status: string }[] }).output[0]!.status).toBe('incomplete');

    // Another response runs to its end meanwhile: nothing of the story may arrive in that time.
    client.send({ type: 'response.create' });
    const next = await client.until('response.done');
    expect((next.at(-1)!.response as { status: string }).status).toBe('completed');
    expect(framesOfResponse(client.frames, storyId).at(-1)).toBe(cut);
    expect(engine.story.calls[0]!.aborted).toBe(true);

    // With nothing running, a cancel is an error (harmless: the session goes on).
    client.send({ event_id: 'event_late_cancel', type: 'response.cancel' });
    const error = await client.next('error');
    expect(error.error).toMatchObject({ code: 'response_cancel_not_active', event_id: 'event_late_cancel' });
    await client.close();
  });
});
