import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../dialect.js';
import type { Item } from '../objects/item.js';
import type { ServerEvent } from '../server-events/index.js';
import { decodeServerEvent } from './decode.js';
import { encodeServerEvent } from './encode.js';

const assistantItem: Item = {
  id: 'item_2',
  object: 'realtime.item',
  type: 'message',
  status: 'completed',
  role: 'assistant',
  content: [{ type: 'audio', transcript: 'Hi there' }],
};

describe('encodeServerEvent: names', () => {
  it('renames text, audio and transcript streams for GA only', () => {
    const ids = { response_id: 'r', item_id: 'i', output_index: 0, content_index: 0 };
    const cases: [ServerEvent, string][] = [
      [{ type: 'response.text.delta', event_id: 'e', ...ids, delta: 'a' }, 'response.output_text.delta'],
      [{ type: 'response.text.done', event_id: 'e', ...ids, text: 'a' }, 'response.output_text.done'],
      [{ type: 'response.audio.delta', event_id: 'e', ...ids, delta: 'AAAA' }, 'response.output_audio.delta'],
      [{ type: 'response.audio.done', event_id: 'e', ...ids }, 'response.output_audio.done'],
      [{ type: 'response.audio_transcript.delta', event_id: 'e', ...ids, delta: 'a' }, 'response.output_audio_transcript.delta'],
      [{ type: 'response.audio_transcript.done', event_id: 'e', ...ids, transcript: 'a' }, 'response.output_audio_transcript.done'],
      [{ type: 'conversation.item.created', event_id: 'e', previous_item_id: null, item: assistantItem }, 'conversation.item.added'],
    ];
    for (const [event, gaName] of cases) {
      expect(encodeServerEvent(event, 'openai')?.type).toBe(gaName);
      for (const dialect of ['stepfun', 'volcengine', 'openai-beta'] as const) {
        expect(encodeServerEvent(event, dialect)?.type).toBe(event.type);
      }
    }
  });

  it('emits conversation.item.done in GA and nothing elsewhere', () => {
    const event: ServerEvent = { type: 'conversation.item.done', event_id: 'e', previous_item_id: 'item_1', item: assistantItem };
    expect(encodeServerEvent(event, 'openai')).toMatchObject({ type: 'conversation.item.done', previous_item_id: 'item_1' });
    for (const dialect of ['stepfun', 'volcengine', 'openai-beta'] as const) {
      expect(encodeServerEvent(event, dialect)).toBeNull();
    }
  });

  it('passes StepFun thinking and other extension events through unchanged in every dialect', () => {
    const event: ServerEvent = { type: 'response.thinking.delta', event_id: 'e', response_id: 'r', item_id: 'i', output_index: 0, content_index: 0, delta: 'hmm' };
    for (const dialect of DIALECTS) {
      expect(encodeServerEvent(event, dialect)).toEqual({ ...event, type: 'response.thinking.delta' });
    }
  });
});

describe('encodeServerEvent: objects', () => {
  it('writes GA part names in items but beta names in content_part events', () => {
    const item: ServerEvent = { type: 'response.output_item.done', event_id: 'e', response_id: 'r', output_index: 0, item: assistantItem };
    expect(encodeServerEvent(item, 'openai')).toMatchObject({ item: { content: [{ type: 'output_audio', transcript: 'Hi there' }] } });
    expect(encodeServerEvent(item, 'stepfun')).toMatchObject({ item: { content: [{ type: 'audio', transcript: 'Hi there' }] } });
    const part: ServerEvent = {
      type: 'response.content_part.done', event_id: 'e', response_id: 'r', item_id: 'item_2', output_index: 0, content_index: 0,
      part: { type: 'audio', transcript: 'Hi there' },
    };
    for (const dialect of DIALECTS) expect(encodeServerEvent(part, dialect)).toMatchObject({ part: { type: 'audio' } });
  });

  it('writes the session nested for GA and flat elsewhere', () => {
    const event: ServerEvent = {
      type: 'session.updated',
      event_id: 'e',
      session: { voice: 'marin', input_audio_format: { encoding: 'pcm16', rate: 24000 }, turn_detection: null },
    };
    expect(encodeServerEvent(event, 'openai')).toEqual({
      event_id: 'e',
      type: 'session.updated',
      session: {
        type: 'realtime',
        audio: { input: { format: { type: 'audio/pcm', rate: 24000 }, turn_detection: null }, output: { voice: 'marin' } },
      },
    });
    expect(encodeServerEvent(event, 'openai-beta')).toEqual({
      event_id: 'e',
      type: 'session.updated',
      session: { voice: 'marin', input_audio_format: 'pcm16', turn_detection: null },
    });
  });

  it('writes transcription_session.updated as GA session.updated with type transcription', () => {
    const event: ServerEvent = {
      type: 'transcription_session.updated',
      event_id: 'e',
      session: { input_audio_transcription: { model: 'whisper-1' } },
    };
    const ga = encodeServerEvent(event, 'openai');
    expect(ga).toEqual({
      event_id: 'e',
      type: 'session.updated',
      session: { type: 'transcription', audio: { input: { transcription: { model: 'whisper-1' } } } },
    });
    expect(encodeServerEvent(event, 'openai-beta')).toEqual({
      event_id: 'e',
      type: 'transcription_session.updated',
      session: { input_audio_transcription: { model: 'whisper-1' } },
    });
    const back = decodeServerEvent(ga, 'openai');
    expect(back).toEqual({ ok: true, event });
  });

  it('writes the arguments piece twice for StepFun only', () => {
    const event: ServerEvent = { type: 'response.function_call_arguments.delta', event_id: 'e', call_id: 'c', delta: '{"x"' };
    expect(encodeServerEvent(event, 'stepfun')).toEqual({ ...event, arguments: '{"x"' });
    for (const dialect of ['volcengine', 'openai-beta', 'openai'] as const) {
      expect(encodeServerEvent(event, dialect)).toEqual(event);
    }
  });

  it('always writes the wrapped error form', () => {
    const event: ServerEvent = {
      type: 'error',
      event_id: 's1',
      error: { type: 'invalid_request_error', code: 'unknown_event', message: 'no', param: 'type', event_id: 'c1' },
    };
    for (const dialect of DIALECTS) expect(encodeServerEvent(event, dialect)).toEqual(event);
  });
});

describe('encodeServerEvent: event ids', () => {
  const cleared = { type: 'input_audio_buffer.cleared' } as ServerEvent;

  it('refuses an event without event_id when no id source is given', () => {
    expect(() => encodeServerEvent(cleared, 'stepfun')).toThrow(TypeError);
  });

  it('asks the id source only when the event has no id', () => {
    let next = 0;
    const nextEventId = () => `event_${++next}`;
    expect(encodeServerEvent(cleared, 'stepfun', { nextEventId })).toEqual({ event_id: 'event_1', type: 'input_audio_buffer.cleared' });
    expect(encodeServerEvent({ ...cleared, event_id: 'mine' }, 'stepfun', { nextEventId })).toEqual({
      event_id: 'mine',
      type: 'input_audio_buffer.cleared',
    });
    expect(next).toBe(1);
  });

  it('does not modify the canonical event', () => {
    const event: ServerEvent = { type: 'response.output_item.added', event_id: 'e', response_id: 'r', output_index: 0, item: assistantItem };
    const before = structuredClone(event);
    const wire = encodeServerEvent(event, 'openai') as { item: { content: { type: string }[] } };
    wire.item.content[0].type = 'changed';
    expect(event).toEqual(before);
  });
});
