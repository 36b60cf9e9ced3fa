/**
 * The recorded sequences (`fixtures/sequences/<dialect>/<scenario>.jsonl`):
 * every line decodes in its dialect and re-encodes to the same wire; the four
 * dialects' recordings of a scenario are the same canonical conversation; and
 * each response follows the protocol order.
 */
import { describe, expect, it } from 'vitest';
import { decodeClientEvent, encodeClientEvent } from '../client-codec/index.js';
import { DIALECT_DEFAULTS, DIALECTS, type Dialect } from '../dialect.js';
import type { ServerEvent } from '../server-events/index.js';
import { loadSequence, SEQUENCE_SCENARIOS, type SequenceLine, type SequenceScenario } from '../test-support/sequences.js';
import { decodeServerEvent } from './decode.js';
import { encodeServerEvent } from './encode.js';

type Canonical = { dir: 'client' | 'server'; event: Record<string, unknown> };

function decodeLine(line: SequenceLine, dialect: Dialect): Canonical {
  const result = line.dir === 'server' ? decodeServerEvent(line.wire, dialect) : decodeClientEvent(line.wire, dialect);
  if (!result.ok) throw new Error(`${dialect} ${String(line.wire.type)}: ${JSON.stringify(result.error)}`);
  return { dir: line.dir, event: result.event as unknown as Record<string, unknown> };
}

function decodeAll(dialect: Dialect, scenario: SequenceScenario): Canonical[] {
  return loadSequence(dialect, scenario).map((line) => decodeLine(line, dialect));
}

function base64Bytes(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

/** `pcm16:<ms>` for a base64 PCM16 chunk at the dialect's rate. */
function pcmDuration(text: string, rate: number): string {
  return `pcm16:${(base64Bytes(text).length / 2 / rate) * 1000}ms`;
}

const SESSION_EVENTS = new Set(['session.created', 'session.updated', 'session.update']);

/**
 * What must be equal across dialects. Left out as dialect-specific: GA's
 * `conversation.item.done`; session payloads except instructions, turn
 * detection and tool names (defaults, voices, models and rates differ by
 * design); audio bytes, compared as durations (Volcengine runs at 16 kHz);
 * StepFun's `name` on arguments deltas.
 */
function comparable(dialect: Dialect, lines: Canonical[]): Canonical[] {
  const defaults = DIALECT_DEFAULTS[dialect];
  return lines
    .filter(({ event }) => event.type !== 'conversation.item.done')
    .map(({ dir, event }) => {
      const copy: Record<string, unknown> = { ...event };
      if (SESSION_EVENTS.has(String(event.type))) {
        const session = event.session as Record<string, unknown>;
        copy.session = {
          instructions: session.instructions,
          turn_detection: event.type === 'session.created' ? '<dialect default>' : session.turn_detection,
          tools: ((session.tools as { name?: string }[] | undefined) ?? []).map((tool) => tool.name),
        };
      }
      if (event.type === 'input_audio_buffer.append') copy.audio = pcmDuration(String(event.audio), defaults.inputSampleRate);
      if (event.type === 'response.audio.delta') copy.delta = pcmDuration(String(event.delta), defaults.outputSampleRate);
      if (event.type === 'response.function_call_arguments.delta') delete copy.name;
      return { dir, event: copy };
    });
}

describe('recorded sequences', () => {
  for (const scenario of SEQUENCE_SCENARIOS) {
    describe(scenario, () => {
      for (const dialect of DIALECTS) {
        it(`${dialect}: every line decodes and re-encodes to the same wire`, () => {
          const lines = loadSequence(dialect, scenario);
          expect(lines.length).toBeGreaterThan(5);
          for (const line of lines) {
            const { event } = decodeLine(line, dialect);
            const wire =
              line.dir === 'server'
                ? encodeServerEvent(event as unknown as ServerEvent, dialect)
                : encodeClientEvent(event as never, dialect);
            expect(JSON.parse(JSON.stringify(wire))).toEqual(line.wire);
          }
        });

        it(`${dialect}: server events have unique ids, client events their own`, () => {
          const ids = loadSequence(dialect, scenario).map((line) => line.wire.event_id);
          for (const id of ids) expect(typeof id).toBe('string');
          expect(new Set(ids).size).toBe(ids.length);
        });
      }

      it('is the same canonical conversation in all four dialects', () => {
        const [first, ...rest] = DIALECTS.map((dialect) => comparable(dialect, decodeAll(dialect, scenario)));
        for (const other of rest) expect(other).toEqual(first);
      });

      it('carries conversation.item.done only in GA, once per item created there', () => {
        for (const dialect of DIALECTS) {
          const types = decodeAll(dialect, scenario).map(({ event }) => event.type);
          const done = types.filter((type) => type === 'conversation.item.done').length;
          const created = types.filter((type) => type === 'conversation.item.created').length;
          expect(done).toBe(dialect === 'openai' ? created : 0);
        }
      });
    });
  }
});

/** Index of the first event matching `test` at or after `from`, or -1. */
function indexOf(events: Canonical[], test: (event: Record<string, unknown>) => boolean, from = 0): number {
  for (let i = from; i < events.length; i++) if (events[i].dir === 'server' && test(events[i].event)) return i;
  return -1;
}

describe('protocol order of every response', () => {
  for (const scenario of SEQUENCE_SCENARIOS) {
    it(scenario, () => {
      const events = decodeAll('openai', scenario);
      const responses = events.filter(({ event }) => event.type === 'response.created');
      expect(responses.length).toBeGreaterThan(0);
      for (const { event: created } of responses) {
        const id = (created.response as { id: string }).id;
        const start = events.findIndex(({ event }) => event === created);
        const added = indexOf(events, (e) => e.type === 'response.output_item.added' && e.response_id === id, start);
        const itemId = (events[added].event.item as { id: string }).id;
        const inConversation = indexOf(events, (e) => e.type === 'conversation.item.created' && (e.item as { id: string }).id === itemId, start);
        const outputDone = indexOf(events, (e) => e.type === 'response.output_item.done' && e.response_id === id, start);
        const done = indexOf(events, (e) => e.type === 'response.done' && (e.response as { id: string }).id === id, start);
        expect(start).toBeLessThan(added);
        expect(added).toBeLessThan(inConversation);
        expect(inConversation).toBeLessThan(outputDone);
        expect(outputDone).toBeLessThan(done);
        const partAdded = indexOf(events, (e) => e.type === 'response.content_part.added' && e.response_id === id, start);
        if (partAdded !== -1 && partAdded < done) {
          const firstDelta = indexOf(events, (e) => String(e.type).endsWith('.delta') && e.response_id === id, start);
          const streamDone = indexOf(events, (e) => /^response\.(text|audio|audio_transcript)\.done$/.test(String(e.type)) && e.response_id === id, start);
          const partDone = indexOf(events, (e) => e.type === 'response.content_part.done' && e.response_id === id, start);
          expect(inConversation).toBeLessThan(partAdded);
          expect(partAdded).toBeLessThan(firstDelta);
          expect(firstDelta).toBeLessThan(streamDone);
          expect(streamDone).toBeLessThan(partDone);
          expect(partDone).toBeLessThan(outputDone);
        }
        const after = events.slice(done + 1).filter(({ dir, event }) => dir === 'server' && JSON.stringify(event).includes(`"${id}"`));
        expect(after).toEqual([]);
      }
    });
  }

  it('ends a cancelled response with response.done cancelled by the client, after response.cancel', () => {
    for (const dialect of DIALECTS) {
      const events = decodeAll(dialect, 'cancelled-response');
      const cancel = events.findIndex(({ dir, event }) => dir === 'client' && event.type === 'response.cancel');
      const done = events.findIndex(({ event }) => event.type === 'response.done');
      expect(cancel).toBeGreaterThan(-1);
      expect(done).toBeGreaterThan(cancel);
      expect(events[done].event.response).toMatchObject({
        status: 'cancelled',
        status_details: { type: 'cancelled', reason: 'client_cancelled' },
        output: [{ status: 'incomplete' }],
      });
    }
  });

  it('answers a tool call with a function_call_output and a spoken response', () => {
    for (const dialect of DIALECTS) {
      const events = decodeAll(dialect, 'tool-call');
      const argsDone = events.find(({ event }) => event.type === 'response.function_call_arguments.done')?.event;
      const deltas = events
        .filter(({ event }) => event.type === 'response.function_call_arguments.delta')
        .map(({ event }) => event.delta)
        .join('');
      expect(argsDone?.arguments).toBe(deltas);
      expect(JSON.parse(String(deltas))).toEqual({ location: 'Shanghai' });
      const output = events.find(({ dir, event }) => dir === 'client' && (event.item as { type?: string } | undefined)?.type === 'function_call_output');
      expect((output?.event.item as { call_id?: string } | undefined)?.call_id).toBe(argsDone?.call_id);
      const spoken = events.filter(({ event }) => event.type === 'response.audio.delta');
      expect(spoken.length).toBeGreaterThan(0);
    }
  });
});

describe('recorded audio', () => {
  it('is 20 ms PCM16 chunks at the dialect rate: a tone, then silence on input', () => {
    for (const dialect of DIALECTS) {
      const rate = DIALECT_DEFAULTS[dialect].inputSampleRate;
      const chunks = loadSequence(dialect, 'audio-turn')
        .filter((line) => line.wire.type === 'input_audio_buffer.append')
        .map((line) => base64Bytes(String(line.wire.audio)));
      expect(chunks.length).toBeGreaterThan(3);
      for (const [index, bytes] of chunks.entries()) {
        expect(bytes.length).toBe((rate / 50) * 2);
        const samples = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
        const peak = samples.reduce((max, s) => Math.max(max, Math.abs(s)), 0);
        if (index < 3) expect(peak).toBeGreaterThan(1000);
        else expect(peak).toBe(0);
      }
    }
  });
});
