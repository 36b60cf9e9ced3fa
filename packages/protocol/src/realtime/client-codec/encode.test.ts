import { describe, expect, it } from 'vitest';
import type { ClientEvent } from '../client-events/index.js';
import { DIALECTS, type Dialect } from '../dialect.js';
import { decodeClientEvent } from './decode.js';
import { encodeClientEvent } from './encode.js';

function decode(wire: unknown, dialect: Dialect): ClientEvent {
  const result = decodeClientEvent(JSON.stringify(wire), dialect);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.event;
}

// What an OpenAI GA client (e.g. the agents SDK) sends.
const gaEvents = [
  {
    type: 'session.update',
    event_id: 'e1',
    session: {
      type: 'realtime',
      output_modalities: ['audio'],
      audio: {
        input: { format: { type: 'audio/pcm', rate: 24000 }, transcription: { model: 'gpt-4o-mini-transcribe' }, turn_detection: { type: 'semantic_vad' }, noise_reduction: null },
        output: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'marin', speed: 1 },
      },
    },
  },
  { type: 'conversation.item.create', item: { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Hi' }] } },
  { type: 'conversation.item.truncate', item_id: 'item_1', content_index: 0, audio_end_ms: 1530 },
  { type: 'response.create', response: { output_modalities: ['text'], conversation: 'none', metadata: { topic: 'x' } } },
  { type: 'output_audio_buffer.clear' },
];

// What an OpenAI beta client sends.
const betaEvents = [
  {
    type: 'session.update',
    session: {
      modalities: ['text', 'audio'],
      voice: 'verse',
      input_audio_format: 'g711_ulaw',
      output_audio_format: 'g711_ulaw',
      turn_detection: { type: 'server_vad', silence_duration_ms: 200 },
      tool_choice: 'auto',
      temperature: 0.8,
      max_response_output_tokens: 4096,
      tools: [{ type: 'function', name: 'f', description: 'd', parameters: { type: 'object' } }],
    },
  },
  { type: 'transcription_session.update', session: { input_audio_transcription: { model: 'whisper-1' }, turn_detection: null } },
  { type: 'conversation.item.create', previous_item_id: null, item: { type: 'message', role: 'user', content: [{ type: 'input_audio', audio: 'AAAA' }, { type: 'item_reference', id: 'x' }] } },
  { type: 'response.create', response: { modalities: ['text'], instructions: 'x', voice: 'alloy', output_audio_format: 'pcm16' } },
  { type: 'conversation.item.retrieve', event_id: 'r', item_id: 'item_1' },
];

describe('encodeClientEvent', () => {
  it("round-trips a GA client's events in openai", () => {
    for (const wire of gaEvents) expect(encodeClientEvent(decode(wire, 'openai'), 'openai')).toEqual(wire);
  });

  it("round-trips a beta client's events in every flat dialect", () => {
    for (const dialect of ['openai-beta', 'stepfun', 'volcengine'] as const) {
      for (const wire of betaEvents) expect(encodeClientEvent(decode(wire, dialect), dialect)).toEqual(wire);
    }
  });

  it('rewrites beta events for a GA upstream', () => {
    const [session, transcription, item, response] = betaEvents.map((wire) => encodeClientEvent(decode(wire, 'openai-beta'), 'openai'));
    expect(session).toMatchObject({
      type: 'session.update',
      session: {
        type: 'realtime',
        output_modalities: ['audio'],
        max_output_tokens: 4096,
        audio: { input: { format: { type: 'audio/pcmu' } }, output: { voice: 'verse', format: { type: 'audio/pcmu' } } },
      },
    });
    expect(transcription).toEqual({
      type: 'session.update',
      session: { type: 'transcription', audio: { input: { transcription: { model: 'whisper-1' }, turn_detection: null } } },
    });
    expect(item).toMatchObject({ item: { content: [{ type: 'input_audio' }, { type: 'item_reference' }] } });
    expect(response).toEqual({
      type: 'response.create',
      response: { output_modalities: ['text'], instructions: 'x', audio: { output: { voice: 'alloy', format: { type: 'audio/pcm' } } } },
    });
  });

  it('rewrites GA events for flat upstreams, with nested tools for StepFun', () => {
    const session = decode({ type: 'session.update', session: { type: 'realtime', tools: [{ type: 'function', name: 'f' }] } }, 'openai');
    const fromRuntime: ClientEvent = { type: 'session.update', session: { tools: [{ type: 'function', name: 'f' }] } };
    expect(encodeClientEvent(fromRuntime, 'stepfun')).toEqual({ type: 'session.update', session: { tools: [{ type: 'function', function: { name: 'f' } }] } });
    expect(encodeClientEvent(fromRuntime, 'volcengine')).toEqual({ type: 'session.update', session: { tools: [{ type: 'function', name: 'f' }] } });
    // A tool whose form is known keeps it.
    expect(encodeClientEvent(session, 'stepfun')).toMatchObject({ session: { tools: [{ type: 'function', name: 'f' }] } });
    const item = decode(gaEvents[1], 'openai');
    expect(encodeClientEvent(item, 'stepfun')).toEqual({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'assistant', content: [{ type: 'text', text: 'Hi' }] },
    });
  });

  it('writes only what the event holds', () => {
    for (const dialect of DIALECTS) {
      expect(encodeClientEvent({ type: 'response.create' }, dialect)).toEqual({ type: 'response.create' });
      expect(encodeClientEvent({ type: 'input_audio_buffer.append', audio: 'AAAA' }, dialect)).toEqual({ type: 'input_audio_buffer.append', audio: 'AAAA' });
    }
  });
});
