import { describe, expect, it } from 'vitest';
import {
  type ChatRequest,
  chatAssistantDirective,
  chatStreamSampleRate,
  chatWantsAudio,
  decodeChatRequest,
} from './chat-request.js';

const WAV_B64 = 'UklGRiQAAABXQVZFZm10IBAAAAABAAEAgD4AAAB9AAACABAAZGF0YQAAAAA=';

function base(): Record<string, unknown> {
  return {
    model: 'step-audio-2',
    modalities: ['text', 'audio'],
    audio: { voice: 'wenrounansheng', format: 'pcm' },
    messages: [
      { role: 'system', content: 'be brief' },
      { role: 'user', content: 'hello' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'listen' },
          { type: 'input_audio', input_audio: { data: `data:audio/wav;base64,${WAV_B64}` } },
        ],
      },
    ],
  };
}

function errorOf(body: unknown) {
  const result = decodeChatRequest(body);
  if (result.ok) throw new Error('expected a decoding error');
  return result.error;
}

function withMessage(index: number, message: unknown) {
  const body = base();
  (body.messages as unknown[])[index] = message;
  return body;
}

describe('decodeChatRequest', () => {
  it('accepts JSON text, bytes and parsed values alike', () => {
    const text = JSON.stringify(base());
    for (const input of [text, new TextEncoder().encode(text), base()]) {
      const result = decodeChatRequest(input);
      expect(result.ok).toBe(true);
    }
  });

  it('reports malformed JSON as invalid_json', () => {
    expect(errorOf('{"model": "x",')).toMatchObject({ code: 'invalid_json', param: null, type: 'invalid_request_error' });
  });

  it('rejects a body that is not an object', () => {
    expect(errorOf('[]')).toMatchObject({ code: 'invalid_type', param: null });
    expect(errorOf(42)).toMatchObject({ code: 'invalid_type', param: null });
  });

  it('names missing required parameters', () => {
    const body = base();
    delete body.model;
    expect(errorOf(body)).toMatchObject({ code: 'missing_required_parameter', param: 'model' });
    expect(errorOf(withMessage(1, { role: 'tool', content: 'x' }))).toMatchObject({
      code: 'missing_required_parameter',
      param: 'messages[1].tool_call_id',
    });
    expect(errorOf(withMessage(0, { content: 'x' }))).toMatchObject({
      code: 'missing_required_parameter',
      param: 'messages[0].role',
    });
  });

  it('rejects an empty message list', () => {
    expect(errorOf({ ...base(), messages: [] })).toMatchObject({ code: 'invalid_value', param: 'messages' });
  });

  it('lists the valid roles for an unknown role', () => {
    const error = errorOf(withMessage(1, { role: 'narrator', content: 'x' }));
    expect(error).toMatchObject({ code: 'invalid_value', param: 'messages[1].role' });
    for (const role of ['system', 'developer', 'user', 'assistant', 'tool', 'function']) expect(error.message).toContain(role);
  });

  it('points into content parts', () => {
    const unknownPart = withMessage(2, { role: 'user', content: [{ type: 'video', url: 'x' }] });
    expect(errorOf(unknownPart)).toMatchObject({ code: 'invalid_value', param: 'messages[2].content[0].type' });
    const numberData = withMessage(2, { role: 'user', content: [{ type: 'input_audio', input_audio: { data: 7 } }] });
    expect(errorOf(numberData)).toMatchObject({ code: 'invalid_type', param: 'messages[2].content[0].input_audio.data' });
    const badContent = errorOf(withMessage(1, { role: 'user', content: 5 }));
    expect(badContent).toMatchObject({ code: 'invalid_type', param: 'messages[1].content' });
    expect(badContent.message).toMatch(/string or an array/);
  });

  it('checks input audio: base64, data URL type, format agreement', () => {
    const part = (input_audio: unknown) => withMessage(2, { role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'input_audio', input_audio }] });
    expect(errorOf(part({ data: 'not base64!' }))).toMatchObject({
      code: 'invalid_audio',
      param: 'messages[2].content[1].input_audio.data',
    });
    expect(errorOf(part({ data: `data:audio/ogg;base64,${WAV_B64}` }))).toMatchObject({ code: 'invalid_audio' });
    expect(errorOf(part({ data: '' }))).toMatchObject({ code: 'invalid_audio' });
    expect(errorOf(part({ data: `data:audio/mpeg;base64,${WAV_B64}`, format: 'wav' }))).toMatchObject({
      code: 'invalid_value',
      param: 'messages[2].content[1].input_audio.format',
    });
    expect(errorOf(part({ data: WAV_B64, format: 'ogg' }))).toMatchObject({
      code: 'invalid_value',
      param: 'messages[2].content[1].input_audio.format',
    });
    expect(decodeChatRequest(part({ data: WAV_B64, format: 'wav' })).ok).toBe(true);
    expect(decodeChatRequest(part({ data: `data:audio/mpeg;base64,${WAV_B64}` })).ok).toBe(true);
  });

  it('accepts the Parley sample_rate extension with its four rates only', () => {
    for (const rate of [8000, 16000, 24000, 48000]) {
      expect(decodeChatRequest({ ...base(), audio: { voice: 'v', format: 'pcm', sample_rate: rate } }).ok).toBe(true);
    }
    const error = errorOf({ ...base(), audio: { voice: 'v', format: 'pcm', sample_rate: 44100 } });
    expect(error).toMatchObject({ code: 'invalid_value', param: 'audio.sample_rate' });
    expect(error.message).toContain('16000');
  });

  it('validates tool choice, sampling and token fields', () => {
    expect(errorOf({ ...base(), tool_choice: 'sometimes' })).toMatchObject({ code: 'invalid_value', param: 'tool_choice' });
    expect(errorOf({ ...base(), tool_choice: { type: 'x' } })).toMatchObject({ code: 'invalid_value', param: 'tool_choice.type' });
    expect(errorOf({ ...base(), temperature: 3 })).toMatchObject({ code: 'invalid_value', param: 'temperature' });
    expect(errorOf({ ...base(), max_tokens: 1.5 })).toMatchObject({ code: 'invalid_type', param: 'max_tokens' });
    expect(errorOf({ ...base(), stream: 'yes' })).toMatchObject({ code: 'invalid_type', param: 'stream' });
    expect(errorOf({ ...base(), modalities: ['video'] })).toMatchObject({ code: 'invalid_value', param: 'modalities[0]' });
    const tools = [{ type: 'function', function: { description: 'no name' } }];
    expect(errorOf({ ...base(), tools })).toMatchObject({ code: 'missing_required_parameter', param: 'tools[0].function.name' });
  });

  it('accepts nulls for unset optional fields and keeps unknown fields', () => {
    const body = { ...base(), temperature: null, stream_options: null, max_tokens: null, context: { presence: 'agora' } };
    const result = decodeChatRequest(body);
    expect(result.ok).toBe(true);
    if (result.ok) expect((result.event as unknown as { context: unknown }).context).toEqual({ presence: 'agora' });
  });

  it('accepts every role, with assistant audio references and tool calls', () => {
    const body = {
      model: 'm',
      messages: [
        { role: 'developer', content: [{ type: 'text', text: 'rules' }] },
        { role: 'user', content: 'weather?' },
        { role: 'assistant', content: null, audio: { id: 'audio_1' }, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'w', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 'c1', content: 'sunny' },
        { role: 'function', name: 'w', content: null },
      ],
    };
    expect(decodeChatRequest(body).ok).toBe(true);
  });

  it('never throws, whatever it is given', () => {
    const samples: unknown[] = [undefined, null, '', 'null', '"x"', true, Symbol('s'), () => 1, new Uint8Array([0xff, 0xfe])];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const junk = [null, 1, -1.5, 'x', true, [], {}, [null], { type: 'input_audio' }];
    for (let i = 0; i < 300; i++) {
      const body = JSON.parse(JSON.stringify(base()));
      const paths: Array<[Record<string, unknown>, string]> = [];
      const walk = (node: unknown) => {
        if (node && typeof node === 'object') {
          for (const key of Object.keys(node)) {
            paths.push([node as Record<string, unknown>, key]);
            walk((node as Record<string, unknown>)[key]);
          }
        }
      };
      walk(body);
      const [holder, key] = paths[Math.floor(random() * paths.length)];
      holder[key] = junk[Math.floor(random() * junk.length)];
      samples.push(body);
    }
    for (const sample of samples) {
      const result = decodeChatRequest(sample);
      if (!result.ok) {
        expect(result.error.type).toBe('invalid_request_error');
        expect(result.error.message.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('chat request helpers', () => {
  const decode = (body: unknown): ChatRequest => {
    const result = decodeChatRequest(body);
    if (!result.ok) throw new Error(result.error.message);
    return result.event;
  };

  it('reads whether audio is wanted and at which rate', () => {
    expect(chatWantsAudio(decode(base()))).toBe(true);
    expect(chatWantsAudio(decode({ ...base(), modalities: ['text'] }))).toBe(false);
    expect(chatStreamSampleRate(decode(base()))).toBe(24000);
    expect(chatStreamSampleRate(decode({ ...base(), audio: { voice: 'v', format: 'pcm', sample_rate: 16000 } }))).toBe(16000);
  });

  it('treats a last assistant message as text to speak as it is (spec 004)', () => {
    expect(chatAssistantDirective(decode(base()))).toBeNull();
    const greeting = { model: 'm', messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'Welcome back!' }] };
    expect(chatAssistantDirective(decode(greeting))).toBe('Welcome back!');
    const parts = { model: 'm', messages: [{ role: 'assistant', content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }] }] };
    expect(chatAssistantDirective(decode(parts))).toBe('ab');
  });
});
