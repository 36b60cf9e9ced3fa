/**
 * Spec 001's tool round trip over a real socket, in the `stepfun` dialect:
 * the client events of the protocol package's recorded `tool-call` sequence
 * are replayed (tools in StepFun's nested chat-completions form), the model
 * calls the tool, the client sends its `function_call_output` and
 * `response.create`, and the output is spoken back with espeak-ng.
 */
import { createEspeakSynthesizer, type EspeakSynthesizer } from '@parley/engine-espeak';
import { EchoEngine } from '@parley/runtime';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadSequence } from '../../../protocol/src/realtime/test-support/sequences.js';
import { startLoopbackServer, type LoopbackServer } from './test-support/loopback-server.js';
import { deltasOutsideTheirPart, recordedSkeleton, responseSkeleton } from './test-support/recorded-order.js';
import { dbfs } from '@parley/audio';
import { decodeAudio } from './test-support/speech.js';
import { toolCallingEcho } from './test-support/tool-calling-echo.js';
import { WireClient, type WireFrame } from './test-support/wire-client.js';

const ARGUMENTS = '{"location":"Shanghai"}';
const OUTPUT = 'It is cloudy in Shanghai, twenty two degrees.';

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

/** The recorded client events, by their `event_id`. */
function recordedClientEvents(): Map<string, Record<string, unknown>> {
  const events = loadSequence('stepfun', 'tool-call')
    .filter((line) => line.dir === 'client')
    .map((line) => line.wire);
  return new Map(events.map((event) => [event.event_id as string, event]));
}

describe('spec 001 tool call in the stepfun dialect', () => {
  it('calls the tool, takes its output and speaks the answer, in the recorded order', async () => {
    const recorded = recordedClientEvents();
    const recordedSessionUpdated = loadSequence('stepfun', 'tool-call').find(
      (line) => line.dir === 'server' && line.wire.type === 'session.updated',
    )!.wire;
    const engine = toolCallingEcho(new EchoEngine({ synthesizer }), { name: 'get_weather', callId: 'call_001', arguments: ARGUMENTS });
    server = await startLoopbackServer({ engine, sessionOptions: { synthesizerVoices: synthesizer.voices().map((v) => v.id) } });
    const client = await WireClient.open(server.url({ model: 'step-1o-audio' }));
    await client.next('session.created');

    client.send(recorded.get('event_c001')!);
    const updated = await client.next('session.updated');
    expect((updated.session as { tools: unknown }).tools).toEqual((recordedSessionUpdated.session as { tools: unknown }).tools);

    client.send(recorded.get('event_c002')!);
    const question = await client.next('conversation.item.created');
    client.send(recorded.get('event_c003')!);
    const first = await client.until('response.done');
    expect(responseSkeleton(first)).toEqual(recordedSkeleton('stepfun', 'tool-call', 0));

    const call = first.find((f) => f.type === 'response.output_item.added')!.item as { id: string; type: string; name: string };
    expect(call).toMatchObject({ type: 'function_call', name: 'get_weather', call_id: 'call_001' });
    expect(first.find((f) => f.type === 'conversation.item.created')!.previous_item_id).toBe((question.item as { id: string }).id);
    const argumentDeltas = first.filter((f) => f.type === 'response.function_call_arguments.delta');
    expect(argumentDeltas).toHaveLength(2);
    for (const delta of argumentDeltas) {
      // Part 1: StepFun's arguments deltas carry the piece in `delta` and again in `arguments`, and the name.
      expect(delta).toMatchObject({ item_id: call.id, call_id: 'call_001', name: 'get_weather', arguments: delta.delta });
    }
    expect(argumentDeltas.map((f) => f.delta).join('')).toBe(ARGUMENTS);
    expect(first.find((f) => f.type === 'response.function_call_arguments.done')).toMatchObject({
      call_id: 'call_001',
      arguments: ARGUMENTS,
    });
    const firstDone = first.at(-1)!.response as { status: string; output: unknown[] };
    expect(firstDone.status).toBe('completed');
    expect(firstDone.output).toEqual([expect.objectContaining({ type: 'function_call', status: 'completed', arguments: ARGUMENTS })]);

    const outputEvent = structuredClone(recorded.get('event_c004')!) as { item: { call_id: string; output: string } };
    outputEvent.item.output = OUTPUT;
    client.send(outputEvent);
    const output = await client.next('conversation.item.created');
    expect(output.previous_item_id).toBe(call.id);
    expect(output.item).toMatchObject({ type: 'function_call_output', call_id: 'call_001', output: OUTPUT });

    client.send(recorded.get('event_c005')!);
    const second: WireFrame[] = await client.until('response.done');
    expect(responseSkeleton(second)).toEqual(recordedSkeleton('stepfun', 'tool-call', 1));
    expect(deltasOutsideTheirPart(second)).toEqual([]);
    const answer = second.at(-1)!.response as { status: string; output: { content: unknown[] }[] };
    expect(answer.status).toBe('completed');
    expect(answer.output[0]!.content).toEqual([{ type: 'audio', transcript: OUTPUT }]);
    const audio = decodeAudio(second.filter((f) => f.type === 'response.audio.delta').map((f) => f.delta as string));
    expect(audio.length).toBeGreaterThan(24_000);
    expect(dbfs(audio)).toBeGreaterThan(-35);
    expect(client.frames.filter((f) => f.type === 'error')).toEqual([]);
    await client.close();
  });
});
