/**
 * Replays the recorded sequences of `@parley/protocol` (every dialect: an
 * audio turn, a text turn, a tool call, a cancelled response) against a
 * session: the client lines go in as the transport would decode them, a
 * scripted engine says what the recorded assistant said, and the server
 * events that come out, encoded for the dialect, must be the recorded ones,
 * in order and field by field (ids compared by first appearance, `event_id`
 * aside).
 *
 * Three things the recordings leave out are set aside: OpenAI's
 * `conversation.created` (the session sends it after `session.created`); the
 * place of the input transcript among the response's events (it runs beside
 * the response; clients match it by `item_id`); and `name` on function-call
 * arguments deltas, which the session always sends (StepFun clients read it,
 * the others ignore it) while only the StepFun recording has it.
 */
import { base64ToBytes, pcm16FromBytes } from '@parley/audio';
import {
  decodeClientEvent,
  DIALECT_DEFAULTS,
  DIALECTS,
  type Dialect,
  encodeServerEvent,
  type ServerEvent,
} from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { loadSequence, SEQUENCE_SCENARIOS, type SequenceLine } from '../../../protocol/src/realtime/test-support/sequences.js';
import type { Recognizer, ResponsePart } from '../engine/engine.js';
import { ScriptedEngine, type ScriptStep } from '../engines/index.js';
import { levelDetector } from './test-support/level-detector.js';
import { openSession } from './test-support/harness.js';

/** The engine turns that make the recorded assistant answers. */
function scriptOf(lines: SequenceLine[], dialect: Dialect): ScriptStep[][] {
  const rate = DIALECT_DEFAULTS[dialect].outputSampleRate;
  const turns: ScriptStep[][] = [];
  let turn: ScriptStep[] = [];
  const names = new Map<string, string>();
  for (const { dir, wire } of lines) {
    if (dir !== 'server') continue;
    const type = String(wire.type).replace('output_audio', 'audio').replace('output_text', 'text');
    const item = wire.item as { type?: string; call_id?: string; name?: string } | undefined;
    if (type === 'response.output_item.added' && item?.type === 'function_call') names.set(item.call_id!, item.name!);
    if (type === 'response.audio_transcript.delta') turn.push({ type: 'transcript', delta: String(wire.delta) });
    if (type === 'response.text.delta') turn.push({ type: 'text', delta: String(wire.delta) });
    if (type === 'response.audio.delta') {
      turn.push({ type: 'audio', pcm: pcm16FromBytes(base64ToBytes(String(wire.delta))), sampleRate: rate });
    }
    if (type === 'response.function_call_arguments.delta') {
      const callId = String(wire.call_id);
      const part: ResponsePart = { type: 'function_call', callId, name: names.get(callId)!, argumentsDelta: String(wire.delta) };
      turn.push(part);
    }
    if (type === 'response.done') {
      const response = wire.response as { status: string; usage: Record<string, unknown> };
      turn.push({ type: 'usage', usage: response.usage });
      // A cancelled answer is still speaking when the client cancels it.
      if (response.status === 'cancelled') turn.push({ wait: 60_000 });
      turns.push(turn);
      turn = [];
    }
  }
  return turns;
}

const recognizer: Recognizer = {
  async *transcribe() {
    yield { type: 'completed', transcript: 'Hello, who are you?' };
  },
};

const TRANSCRIPTION = /input_audio_transcription/;

/** Wire events with ids renamed by kind and order of appearance, and no event ids. */
function normalise(events: Record<string, unknown>[]): unknown[] {
  const names = new Map<string, string>();
  const counters = new Map<string, number>();
  const walk = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string' && key !== 'delta' && /^(sess|item|resp|call|conv)_/.test(value)) {
      const kind = value.slice(0, value.indexOf('_'));
      if (!names.has(value)) {
        const n = (counters.get(kind) ?? 0) + 1;
        counters.set(kind, n);
        names.set(value, `${kind}#${n}`);
      }
      return names.get(value);
    }
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) if (k !== 'event_id') out[k] = walk(v, k);
      return out;
    }
    return value;
  };
  return events.map((event) => walk(event));
}

describe.each(DIALECTS)('recorded sequences, %s', (dialect) => {
  it.each(SEQUENCE_SCENARIOS)('%s: the session sends the recorded server events', async (scenario) => {
    const lines = loadSequence(dialect, scenario);
    const created = lines[0]!.wire as { session: Record<string, unknown> };
    const h = openSession({
      dialect,
      model: String(created.session.model),
      engine: new ScriptedEngine(scriptOf(lines, dialect)),
      recognizer,
      voiceDetector: levelDetector(),
    });
    for (const line of lines) {
      if (line.dir !== 'client') continue;
      const decoded = decodeClientEvent(line.wire, dialect);
      if (!decoded.ok) throw new Error(decoded.error.message);
      h.send(decoded.event);
      await h.settle();
    }
    await h.session.idle();
    await h.settle();

    const wire = (events: ServerEvent[]) =>
      events
        .map((event) => encodeServerEvent(event, dialect))
        .filter((event): event is Record<string, unknown> => event !== null);
    const sent = wire(h.events).map((event) => {
      if (event.type !== 'response.function_call_arguments.delta' || dialect === 'stepfun') return event;
      const { name: _name, ...rest } = event;
      return rest;
    });
    const recorded = lines.filter((l) => l.dir === 'server').map((l) => l.wire);
    const main = (events: Record<string, unknown>[]) =>
      events.filter((e) => !TRANSCRIPTION.test(String(e.type)) && e.type !== 'conversation.created');
    expect(main(sent).map((e) => e.type)).toEqual(main(recorded).map((e) => e.type));
    expect(normalise(main(sent))).toEqual(normalise(main(recorded)));

    const transcripts = (events: Record<string, unknown>[]) => normalise(events).filter((e) => TRANSCRIPTION.test(String((e as { type: string }).type)));
    expect(transcripts(sent)).toEqual(transcripts(recorded));
    if (dialect === 'openai' || dialect === 'openai-beta') expect(h.types()[1]).toBe('conversation.created');
    expect(h.errors()).toEqual([]);
  });
});
