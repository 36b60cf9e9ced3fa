import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../dialect.js';
import { contentPartToWire } from './content-part.js';
import { type Item, itemFromWire, itemToWire } from './item.js';

function decode(wire: unknown): Item {
  const result = itemFromWire(wire, 'item');
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const assistantBeta = {
  id: 'msg_6',
  object: 'realtime.item',
  type: 'message',
  status: 'completed',
  role: 'assistant',
  content: [
    { type: 'audio', transcript: 'Hello' },
    { type: 'text', text: 'Hello' },
  ],
};
const assistantGa = {
  ...assistantBeta,
  content: [
    { type: 'output_audio', transcript: 'Hello' },
    { type: 'output_text', text: 'Hello' },
  ],
};

describe('items', () => {
  it('reads GA and beta assistant part names into one canonical form', () => {
    expect(decode(assistantGa)).toEqual(decode(assistantBeta));
    expect((decode(assistantGa) as { content: { type: string }[] }).content.map((part) => part.type)).toEqual(['audio', 'text']);
  });

  it('writes the part names of each dialect', () => {
    expect(itemToWire(decode(assistantBeta), 'openai')).toEqual(assistantGa);
    for (const dialect of DIALECTS.filter((d) => d !== 'openai')) expect(itemToWire(decode(assistantGa), dialect)).toEqual(assistantBeta);
    expect(contentPartToWire({ type: 'audio', transcript: 'x' }, 'openai', { names: 'beta' })).toEqual({ type: 'audio', transcript: 'x' });
  });

  it("accepts StepFun's user part with a transcript instead of text, and thinking parts", () => {
    const wire = { id: 'msg_2', type: 'message', role: 'user', content: [{ type: 'input_text', transcript: '你好' }] };
    expect(itemToWire(decode(wire), 'stepfun')).toEqual(wire);
    const thinking = { type: 'message', role: 'assistant', content: [{ type: 'thinking', thinking: '…' }] };
    expect(itemToWire(decode(thinking), 'stepfun')).toEqual(thinking);
  });

  it('round-trips function calls, outputs, MCP items and unknown fields', () => {
    const items = [
      { id: 'i1', type: 'function_call', status: 'completed', call_id: 'c1', name: 'get_weather', arguments: '{"location":"上海"}' },
      { type: 'function_call_output', call_id: 'c1', output: '22°C', object: 'realtime.item', vendor: 1 },
      { type: 'mcp_call', id: 'm1', server_label: 'docs', name: 'search', arguments: '{}' },
      { type: 'message', role: 'system', content: [{ type: 'input_text', text: 'Be brief', cache: true }] },
    ];
    for (const wire of items) for (const dialect of DIALECTS) expect(itemToWire(decode(wire), dialect)).toEqual(wire);
  });

  it('infers the type the beta typings leave optional', () => {
    expect(decode({ role: 'user', content: [] }).type).toBe('message');
    expect(decode({ call_id: 'c', output: 'o' }).type).toBe('function_call_output');
    expect(decode({ call_id: 'c', name: 'f', arguments: '{}' }).type).toBe('function_call');
  });

  it('validates audio content cheaply and names the path', () => {
    expect(itemFromWire({ type: 'message', role: 'user', content: [{ type: 'input_audio', audio: 'AAA' }] }, 'item')).toMatchObject({
      ok: false,
      error: { code: 'invalid_audio', param: 'item.content[0].audio' },
    });
    expect(decode({ type: 'message', role: 'user', content: [{ type: 'input_audio', audio: 'AAAA' }] }).type).toBe('message');
  });
});
