import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../dialect.js';
import { decodeServerEvent } from './decode.js';
import { encodeServerEvent } from './encode.js';

function decoded(wire: unknown, dialect: Parameters<typeof decodeServerEvent>[1] = 'openai-beta') {
  const result = decodeServerEvent(wire, dialect);
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.event;
}

function failure(wire: unknown, dialect: Parameters<typeof decodeServerEvent>[1] = 'openai-beta') {
  const result = decodeServerEvent(wire, dialect);
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.event)}`);
  return result.error;
}

describe('decodeServerEvent: input that is not an event', () => {
  it('reports text that is not JSON as invalid_json', () => {
    expect(failure('{"type":"error",').code).toBe('invalid_json');
  });

  it('reports JSON that is not an object as invalid_json', () => {
    for (const wire of ['[1]', 'null', '"x"', 3]) expect(failure(wire).code).toBe('invalid_json');
  });

  it('accepts UTF-8 bytes as well as text', () => {
    const bytes = new TextEncoder().encode('{"event_id":"e1","type":"input_audio_buffer.cleared"}');
    expect(decoded(bytes)).toEqual({ type: 'input_audio_buffer.cleared', event_id: 'e1' });
  });

  it('requires a string type', () => {
    expect(failure({ event_id: 'e1' })).toMatchObject({ code: 'missing_required_parameter', param: 'type', event_id: 'e1' });
    expect(failure({ type: 7 })).toMatchObject({ code: 'invalid_type', param: 'type' });
  });

  it('reports an unknown type as unknown_event, naming the event id', () => {
    const error = failure({ event_id: 'e9', type: 'response.raw_text.delta', delta: 'x' }, 'stepfun');
    expect(error).toMatchObject({ type: 'invalid_request_error', code: 'unknown_event', param: 'type', event_id: 'e9' });
    expect(error.message).toContain('response.raw_text.delta');
  });
});

describe('decodeServerEvent: field checks', () => {
  it('names a missing field', () => {
    expect(failure({ type: 'conversation.item.deleted' })).toMatchObject({
      code: 'missing_required_parameter',
      param: 'item_id',
    });
    expect(failure({ type: 'response.output_item.added', response_id: 'r', output_index: 0 })).toMatchObject({
      code: 'missing_required_parameter',
      param: 'item',
    });
  });

  it('names a field of the wrong type', () => {
    expect(failure({ type: 'input_audio_buffer.speech_started', audio_start_ms: '10', item_id: 'i' })).toMatchObject({
      code: 'invalid_type',
      param: 'audio_start_ms',
    });
  });

  it('reports a nested item error with its full path', () => {
    const wire = {
      type: 'conversation.item.created',
      item: { type: 'message', role: 'assistant', content: [{ type: 'audio', transcript: 5 }] },
    };
    expect(failure(wire)).toMatchObject({ code: 'invalid_type', param: 'item.content[0].transcript' });
  });

  it('reports a negative index as invalid_value', () => {
    const wire = { type: 'response.text.delta', item_id: 'i', content_index: -1, delta: 'x' };
    expect(failure(wire)).toMatchObject({ code: 'invalid_value', param: 'content_index' });
  });

  it('refuses audio deltas that are not base64', () => {
    const wire = { event_id: 'e3', type: 'response.audio.delta', item_id: 'i', delta: 'not base64!' };
    expect(failure(wire)).toMatchObject({ code: 'invalid_audio', param: 'delta', event_id: 'e3' });
  });

  it('never throws, whatever it is given', () => {
    const odd: unknown[] = [
      undefined,
      { type: 'session.updated', session: [] },
      { type: 'response.done', response: { output: [null] } },
      { type: 'error', error: 'boom' },
      { type: 'response.content_part.added', response_id: 'r', item_id: 'i', output_index: 0, content_index: 0, part: { type: 'video' } },
      { type: '__proto__', __proto__: { polluted: true } },
      JSON.parse('{"type":"conversation.item.created","item":{"type":"message","role":"user","content":[],"__proto__":{"x":1}}}'),
    ];
    for (const wire of odd) {
      for (const dialect of DIALECTS) expect(() => decodeServerEvent(wire, dialect)).not.toThrow();
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('decodeServerEvent: names and dialects', () => {
  it('maps GA names to canonical ones in every dialect', () => {
    const wire = { event_id: 'e1', type: 'response.output_text.delta', response_id: 'r', item_id: 'i', output_index: 0, content_index: 0, delta: 'Hi' };
    for (const dialect of DIALECTS) expect(decoded(wire, dialect).type).toBe('response.text.delta');
    const added = { event_id: 'e2', type: 'conversation.item.added', item: { type: 'function_call', call_id: 'c', name: 'f' } };
    expect(decoded(added, 'stepfun').type).toBe('conversation.item.created');
  });

  it('reads GA assistant part names in items and in content parts', () => {
    const item = decoded({
      type: 'response.output_item.done',
      response_id: 'r',
      output_index: 0,
      item: { id: 'i', type: 'message', role: 'assistant', content: [{ type: 'output_audio', transcript: 'Hi' }] },
    }, 'openai');
    expect(item).toMatchObject({ item: { content: [{ type: 'audio', transcript: 'Hi' }] } });
    const part = decoded({
      type: 'response.content_part.added', response_id: 'r', item_id: 'i', output_index: 0, content_index: 0,
      part: { type: 'output_text', text: '' },
    }, 'openai');
    expect(part).toMatchObject({ part: { type: 'text', text: '' } });
  });

  it('reads a nested GA session and a flat one into the same canonical fields', () => {
    const ga = decoded({
      type: 'session.updated',
      session: { type: 'realtime', instructions: 'x', audio: { output: { voice: 'marin' } }, max_output_tokens: 'inf' },
    }, 'openai');
    const flat = decoded({ type: 'session.updated', session: { instructions: 'x', voice: 'marin', max_response_output_tokens: 'inf' } });
    expect(ga).toMatchObject({ session: { instructions: 'x', voice: 'marin', max_response_output_tokens: 'inf' } });
    expect(flat).toMatchObject({ session: { instructions: 'x', voice: 'marin', max_response_output_tokens: 'inf' } });
  });

  it('reads GA session.updated of a transcription session as transcription_session.updated', () => {
    const event = decoded({
      event_id: 'e1',
      type: 'session.updated',
      session: { type: 'transcription', audio: { input: { transcription: { model: 'gpt-4o-transcribe' } } } },
    }, 'openai');
    expect(event.type).toBe('transcription_session.updated');
    expect(event).toMatchObject({ session: { input_audio_transcription: { model: 'gpt-4o-transcribe' } } });
    expect((event as { session: { type?: string } }).session.type).toBeUndefined();
  });

  it('keeps StepFun response.cancelled as its own event', () => {
    const event = decoded({ event_id: 'e7', type: 'response.cancelled', response_id: 'resp_1' }, 'stepfun');
    expect(event).toEqual({ type: 'response.cancelled', event_id: 'e7', response_id: 'resp_1' });
  });
});

describe('decodeServerEvent: vendor forms', () => {
  it('wraps the flat error form whose type is the error type', () => {
    const event = decoded({ type: 'invalid_request_error', code: 'invalid_value', message: 'bad', param: 'voice', event_id: 'c1' }, 'stepfun');
    expect(event).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', code: 'invalid_value', message: 'bad', param: 'voice', event_id: 'c1' },
    });
  });

  it('wraps the flat error form typed "error", keeping its event id', () => {
    const event = decoded({ event_id: 's1', type: 'error', code: 'x', message: 'bad' }, 'stepfun');
    expect(event).toEqual({ type: 'error', event_id: 's1', error: { type: 'server_error', code: 'x', message: 'bad' } });
  });

  it('encodes a decoded flat error in the wrapped form', () => {
    const event = decoded({ event_id: 's1', type: 'error', code: 'x', message: 'bad' }, 'stepfun');
    expect(encodeServerEvent(event, 'stepfun')).toEqual({
      event_id: 's1',
      type: 'error',
      error: { type: 'server_error', code: 'x', message: 'bad' },
    });
  });

  it('takes the arguments piece from `arguments` when `delta` is absent (StepFun guide)', () => {
    const event = decoded({ type: 'response.function_call_arguments.delta', call_id: 'c', name: 'f', arguments: '{"a"' }, 'stepfun');
    expect(event).toEqual({ type: 'response.function_call_arguments.delta', call_id: 'c', name: 'f', delta: '{"a"' });
  });

  it('keeps an `arguments` that differs from `delta` as an extra field', () => {
    const wire = { event_id: 'e', type: 'response.function_call_arguments.delta', call_id: 'c', delta: ':1}', arguments: '{"a":1}' };
    const event = decoded(wire, 'stepfun');
    expect(event).toMatchObject({ delta: ':1}', extra: { arguments: '{"a":1}' } });
    expect(encodeServerEvent(event, 'stepfun')).toEqual(wire);
  });

  it('keeps unknown fields, also inside objects, and writes them back', () => {
    const wire = {
      event_id: 'e1',
      type: 'response.done',
      trace: { id: 't' },
      response: {
        id: 'r', object: 'realtime.response', status: 'completed', status_details: null, output: [], usage: null,
        vendor_flag: true,
      },
    };
    for (const dialect of DIALECTS) {
      const event = decoded(wire, dialect);
      expect(event.extra).toEqual({ trace: { id: 't' } });
      expect(encodeServerEvent(event, dialect)).toEqual(wire);
    }
  });
});

describe('decodeServerEvent: hostile keys', () => {
  it('keeps a __proto__ key of a flat error as a plain extra field', () => {
    const wire = JSON.parse('{"type":"server_error","message":"m","__proto__":{"polluted":true}}') as unknown;
    const event = decoded(wire, 'stepfun');
    expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
    expect((event as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(event.extra ?? {}, '__proto__')).toBe(true);
  });
});
