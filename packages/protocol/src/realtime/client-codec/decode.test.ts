import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../dialect.js';
import { decodeClientEvent } from './decode.js';

const text = (value: unknown) => JSON.stringify(value);

describe('decodeClientEvent', () => {
  it('decodes every client event type in every dialect', () => {
    const events = [
      { type: 'session.update', session: { type: 'realtime', instructions: 'x' } },
      { type: 'transcription_session.update', session: { input_audio_format: 'pcm16' } },
      { type: 'input_audio_buffer.append', audio: 'AAAA' },
      { type: 'input_audio_buffer.commit' },
      { type: 'input_audio_buffer.clear' },
      { type: 'output_audio_buffer.clear' },
      { type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [] } },
      { type: 'conversation.item.retrieve', item_id: 'i' },
      { type: 'conversation.item.truncate', item_id: 'i', content_index: 0, audio_end_ms: 1500 },
      { type: 'conversation.item.delete', item_id: 'i' },
      { type: 'response.create', response: { instructions: 'x' } },
      { type: 'response.cancel', response_id: 'r' },
    ];
    for (const dialect of DIALECTS) {
      for (const event of events) {
        const result = decodeClientEvent(text({ ...event, event_id: 'ev_1' }), dialect);
        expect(result.ok, `${event.type} in ${dialect}`).toBe(true);
        if (result.ok) expect(result.event).toMatchObject({ type: event.type, event_id: 'ev_1' });
      }
    }
  });

  it('requires session.type in GA session.update only', () => {
    const raw = text({ type: 'session.update', event_id: 'e7', session: { instructions: 'x' } });
    expect(decodeClientEvent(raw, 'openai')).toEqual({
      ok: false,
      error: {
        type: 'invalid_request_error',
        code: 'missing_required_parameter',
        message: "Missing required parameter: 'session.type'.",
        param: 'session.type',
        event_id: 'e7',
      },
    });
    for (const dialect of ['stepfun', 'volcengine', 'openai-beta'] as const) expect(decodeClientEvent(raw, dialect).ok).toBe(true);
    const transcription = text({ type: 'transcription_session.update', session: { instructions: 'x' } });
    expect(decodeClientEvent(transcription, 'openai').ok).toBe(true);
  });

  it('keeps unknown fields of the event in extra', () => {
    const result = decodeClientEvent(text({ type: 'response.create', session: { instructions: 'greet' }, trace: 1 }), 'stepfun');
    expect(result).toEqual({ ok: true, event: { type: 'response.create', extra: { session: { instructions: 'greet' }, trace: 1 } } });
  });

  it('accepts UTF-8 bytes and parsed objects as well as text', () => {
    const event = { type: 'conversation.item.delete', item_id: '消息' };
    const expected = decodeClientEvent(text(event), 'stepfun');
    expect(expected.ok).toBe(true);
    expect(decodeClientEvent(new TextEncoder().encode(text(event)), 'stepfun')).toEqual(expected);
    expect(decodeClientEvent(new TextEncoder().encode(text(event)).buffer, 'stepfun')).toEqual(expected);
    expect(decodeClientEvent(event, 'stepfun')).toEqual(expected);
    expect(decodeClientEvent(new Uint8Array([0x7b, 0xff, 0x7d]), 'stepfun')).toMatchObject({ ok: false, error: { code: 'invalid_json' } });
  });

  it('echoes a string event_id in errors, and only a string one', () => {
    expect(decodeClientEvent(text({ type: 'nope', event_id: 'e1' }), 'openai')).toMatchObject({
      ok: false,
      error: { code: 'unknown_event', param: 'type', event_id: 'e1' },
    });
    expect(decodeClientEvent(text({ type: 'response.cancel', event_id: 5 }), 'openai')).toMatchObject({
      ok: false,
      error: { code: 'invalid_type', param: 'event_id', event_id: null },
    });
    expect(decodeClientEvent('{', 'openai')).toMatchObject({ ok: false, error: { code: 'invalid_json', param: null, event_id: null } });
  });

  it('does not find event types on the prototype chain', () => {
    for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(decodeClientEvent(text({ type }), 'stepfun')).toMatchObject({ ok: false, error: { code: 'unknown_event' } });
    }
  });

  it('does not copy a hostile __proto__ key into the prototype', () => {
    const result = decodeClientEvent('{"type":"input_audio_buffer.commit","__proto__":{"type":"x","polluted":1}}', 'stepfun');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.event.type).toBe('input_audio_buffer.commit');
    expect(Object.getPrototypeOf(result.event)).toBe(Object.prototype);
    expect(Object.hasOwn(result.event.extra ?? {}, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps truncation values as integers and refuses fractions', () => {
    const ok = decodeClientEvent(text({ type: 'conversation.item.truncate', item_id: 'i', content_index: 0, audio_end_ms: 0 }), 'openai');
    expect(ok).toMatchObject({ ok: true, event: { audio_end_ms: 0 } });
    expect(
      decodeClientEvent(text({ type: 'conversation.item.truncate', item_id: 'i', content_index: 0, audio_end_ms: 99.9 }), 'openai'),
    ).toMatchObject({ ok: false, error: { code: 'invalid_value', param: 'audio_end_ms' } });
  });

  it('accepts both forms the vendor pages disagree on', () => {
    const nestedTool = { type: 'function', function: { name: 'f', parameters: { type: 'object' } } };
    const flatTool = { type: 'function', name: 'f', parameters: { type: 'object' } };
    for (const dialect of DIALECTS) {
      for (const tools of [[nestedTool], [flatTool]]) {
        expect(decodeClientEvent(text({ type: 'session.update', session: { type: 'realtime', tools } }), dialect).ok).toBe(true);
      }
      // StepFun's "4096" as a string as well as a number; VAD off as null.
      const session = { type: 'realtime', max_response_output_tokens: '4096', turn_detection: null };
      expect(decodeClientEvent(text({ type: 'session.update', session }), dialect).ok).toBe(true);
    }
  });
});
