import { base64ToBytes } from '@parley/audio';
import type { ClientEvent, Item } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import type { ResponsePart } from '../engine/engine.js';
import { ScriptedEngine, tone } from '../engines/index.js';
import { b64, type Harness, openSession } from '../session/test-support/harness.js';
import { VirtualClock } from '../testing/virtual-clock.js';

const text = (role: 'user' | 'system' | 'assistant', value: string, id?: string): Item => ({
  type: 'message',
  role,
  ...(id ? { id } : {}),
  content: [{ type: role === 'assistant' ? 'text' : 'input_text', text: value }],
});
const create = (item: Item, previous?: string | null): ClientEvent => ({
  type: 'conversation.item.create',
  item,
  ...(previous !== undefined ? { previous_item_id: previous } : {}),
});

describe('conversation.item.create', () => {
  it('places items by previous_item_id: end, root, after an id', async () => {
    const engine = new ScriptedEngine(() => ScriptedEngine.text('ok'));
    const h = openSession({ dialect: 'stepfun', engine });
    h.send(create(text('user', 'a', 'A')));
    h.send(create(text('user', 'b', 'B'), null));
    h.send(create(text('system', 'first', 'S'), 'root'));
    h.send(create(text('user', 'between', 'M'), 'A'));
    expect(h.of('conversation.item.created').map((e) => [e.item.id, e.previous_item_id])).toEqual([
      ['A', null],
      ['B', 'A'],
      ['S', null],
      ['M', 'A'],
    ]);
    h.send({ type: 'response.create', response: { modalities: ['text'] } });
    await h.session.idle();
    expect(engine.calls[0]!.input.items.map((i) => i.id)).toEqual(['S', 'A', 'M', 'B']);
    expect(h.errors()).toEqual([]);
  });

  it('refuses an unknown previous_item_id, a taken id and content a role cannot hold', () => {
    const h = openSession({ dialect: 'stepfun', engine: new ScriptedEngine([]) });
    h.send(create(text('user', 'a', 'A')));
    h.reset();
    h.send({ ...create(text('user', 'x'), 'nope'), event_id: 'e1' });
    h.send(create(text('user', 'again', 'A')));
    h.send(create({ type: 'message', role: 'user', content: [{ type: 'text', text: 'x' }] }));
    h.send(create({ type: 'message', role: 'assistant', content: [{ type: 'audio', audio: b64(tone(100, 24_000)) }] }));
    expect(h.errors()).toEqual([
      expect.objectContaining({ code: 'item_not_found', param: 'previous_item_id', event_id: 'e1' }),
      expect.objectContaining({ code: 'invalid_value', param: 'item.id' }),
      expect.objectContaining({ code: 'invalid_value', param: 'item.content[0].type' }),
      expect.objectContaining({ code: 'invalid_value', param: 'item.content[0].audio' }),
    ]);
    expect(h.types()).toEqual(['error', 'error', 'error', 'error']);
  });

  it('keeps the audio of an input_audio part, announces it without the bytes', () => {
    const h = openSession({ dialect: 'openai-beta', engine: new ScriptedEngine([]) });
    const audio = b64(tone(200, 24_000));
    h.send(create({ type: 'message', role: 'user', id: 'U', content: [{ type: 'input_audio', audio }] }));
    expect(h.last('conversation.item.created').item).toMatchObject({ id: 'U', status: 'completed', content: [{ type: 'input_audio', transcript: null }] });
    expect(JSON.stringify(h.last('conversation.item.created'))).not.toContain(audio.slice(0, 40));
    h.send({ type: 'conversation.item.retrieve', item_id: 'U' });
    expect(h.last('conversation.item.retrieved').item).toMatchObject({ content: [{ type: 'input_audio', audio }] });
  });

  it('accepts function calls and their outputs', () => {
    const h = openSession({ dialect: 'volcengine', engine: new ScriptedEngine([]) });
    h.send(create({ type: 'function_call', call_id: 'c1', name: 'f', arguments: '{}' }));
    h.send(create({ type: 'function_call_output', call_id: 'c1', output: 'done' }));
    expect(h.of('conversation.item.created').map((e) => e.item.type)).toEqual(['function_call', 'function_call_output']);
  });
});

describe('function_call_output', () => {
  it('must answer a function_call the conversation holds (invalid_value on item.call_id otherwise)', () => {
    const h = openSession({ dialect: 'volcengine', engine: new ScriptedEngine([]) });
    h.send({ ...create({ type: 'function_call_output', call_id: 'call_nobody', output: '{}' }), event_id: 'orphan' });
    expect(h.errors()).toEqual([expect.objectContaining({ code: 'invalid_value', param: 'item.call_id', event_id: 'orphan' })]);
    h.send(create({ type: 'function_call', id: 'F', call_id: 'call_1', name: 'get_weather', arguments: '{}' }));
    h.send(create({ type: 'function_call_output', id: 'O', call_id: 'call_1', output: '{"sky":"clear"}' }));
    expect(h.errors()).toHaveLength(1);
    expect(h.last('conversation.item.created').item).toMatchObject({ id: 'O', type: 'function_call_output', call_id: 'call_1' });
  });
});

describe('retrieve and delete', () => {
  it('answer item_not_found with the param for unknown ids, and delete removes', () => {
    const h = openSession({ dialect: 'stepfun', engine: new ScriptedEngine([]) });
    h.send(create(text('user', 'a', 'A')));
    h.send({ type: 'conversation.item.delete', item_id: 'A' });
    expect(h.last('conversation.item.deleted').item_id).toBe('A');
    h.send({ type: 'conversation.item.retrieve', item_id: 'A', event_id: 'r' });
    h.send({ type: 'conversation.item.delete', item_id: 'A', event_id: 'd' });
    expect(h.errors()).toEqual([
      expect.objectContaining({ code: 'item_not_found', param: 'item_id', event_id: 'r' }),
      expect.objectContaining({ code: 'item_not_found', param: 'item_id', event_id: 'd' }),
    ]);
  });
});

describe('conversation.item.truncate', () => {
  async function spoken(parts: ResponsePart[]): Promise<{ h: Harness; id: string }> {
    const h = openSession({ dialect: 'stepfun', engine: new ScriptedEngine([parts, ScriptedEngine.text('plain')]) });
    h.send({ type: 'response.create' });
    await h.session.idle();
    return { h, id: h.last('response.done').response.output![0]!.id! };
  }

  it('cuts the audio and the unheard transcript, proportionally without word timings', async () => {
    const { h, id } = await spoken([
      { type: 'transcript', delta: 'one two three four' },
      { type: 'audio', pcm: tone(1000, 24_000), sampleRate: 24_000 },
    ]);
    h.send({ type: 'conversation.item.truncate', item_id: id, content_index: 0, audio_end_ms: 500 });
    expect(h.last('conversation.item.truncated')).toMatchObject({ item_id: id, content_index: 0, audio_end_ms: 500 });
    h.send({ type: 'conversation.item.retrieve', item_id: id });
    const part = (h.last('conversation.item.retrieved').item as { content: { transcript: string; audio: string }[] }).content[0]!;
    // Half of 18 characters ends inside "three", which was being spoken: it is kept whole.
    expect(part.transcript).toBe('one two three');
    expect(base64ToBytes(part.audio).length).toBe(24_000);
    h.send({ type: 'conversation.item.truncate', item_id: id, content_index: 0, audio_end_ms: 501 });
    expect(h.errors()).toEqual([expect.objectContaining({ code: 'invalid_value', param: 'audio_end_ms' })]);
  });

  it('cuts after the last word at least half played when the engine gave word timings', async () => {
    const words = [
      { word: 'Hello,', startMs: 0, durationMs: 300 },
      { word: 'big', startMs: 300, durationMs: 200 },
      { word: 'world.', startMs: 500, durationMs: 400 },
    ];
    const { h, id } = await spoken([
      { type: 'transcript', delta: 'Hello, big world.', words },
      { type: 'audio', pcm: tone(900, 24_000), sampleRate: 24_000 },
    ]);
    h.send({ type: 'conversation.item.truncate', item_id: id, content_index: 0, audio_end_ms: 650 });
    h.send({ type: 'conversation.item.retrieve', item_id: id });
    expect(h.last('conversation.item.retrieved').item).toMatchObject({ content: [{ transcript: 'Hello, big' }] });
  });

  it('refuses items that are not assistant audio, and cuts past the audio sent', async () => {
    const { h, id } = await spoken([{ type: 'audio', pcm: tone(300, 24_000), sampleRate: 24_000 }]);
    h.send({ type: 'response.create', response: { modalities: ['text'] } });
    await h.session.idle();
    const textId = h.last('response.done').response.output![0]!.id!;
    h.send(create(text('user', 'u', 'U')));
    h.reset();
    h.send({ type: 'conversation.item.truncate', item_id: 'U', content_index: 0, audio_end_ms: 0 });
    h.send({ type: 'conversation.item.truncate', item_id: textId, content_index: 0, audio_end_ms: 0 });
    h.send({ type: 'conversation.item.truncate', item_id: id, content_index: 0, audio_end_ms: 301 });
    h.send({ type: 'conversation.item.truncate', item_id: 'gone', content_index: 0, audio_end_ms: 0 });
    expect(h.errors().map((e) => [e.code, e.param])).toEqual([
      ['invalid_value', 'item_id'],
      ['invalid_value', 'content_index'],
      ['invalid_value', 'audio_end_ms'],
      ['item_not_found', 'item_id'],
    ]);
    h.send({ type: 'conversation.item.truncate', item_id: id, content_index: 0, audio_end_ms: 300 });
    expect(h.last('conversation.item.truncated').audio_end_ms).toBe(300);
  });

  it('cancels the response still writing the item', async () => {
    const clock = new VirtualClock();
    const engine = new ScriptedEngine(() => ScriptedEngine.speaking('long', { ms: 3_000, paced: true }), { clock });
    const h = openSession({ dialect: 'openai-beta', engine, clock });
    h.send({ type: 'session.update', session: { turn_detection: null } });
    h.send({ type: 'response.create' });
    await clock.advanceAsync(250);
    const id = h.last('response.output_item.added').item.id!;
    h.send({ type: 'conversation.item.truncate', item_id: id, content_index: 0, audio_end_ms: 200 });
    expect(h.last('response.done').response.status_details).toEqual({ type: 'cancelled', reason: 'client_cancelled' });
    expect(h.types().slice(-1)).toEqual(['conversation.item.truncated']);
  });
});

describe('history cap', () => {
  it('keeps the last 10 turns for volcengine, system messages always', async () => {
    const engine = new ScriptedEngine(() => ScriptedEngine.text('ok'));
    const h = openSession({ dialect: 'volcengine', engine });
    h.send(create(text('system', 'rules', 'SYS')));
    for (let i = 1; i <= 12; i++) {
      h.send(create(text('user', `q${i}`, `U${i}`)));
      h.send({ type: 'response.create', response: { modalities: ['text'] } });
      await h.session.idle();
    }
    const seen = engine.calls[11]!.input.items;
    expect(seen[0]!.id).toBe('SYS');
    const users = seen.filter((i) => i.type === 'message' && i.role === 'user').map((i) => i.id);
    expect(users).toEqual(['U3', 'U4', 'U5', 'U6', 'U7', 'U8', 'U9', 'U10', 'U11', 'U12']);
    expect(seen.length).toBe(1 + 10 + 9);
    h.send({ type: 'conversation.item.retrieve', item_id: 'U1' });
    expect(h.errors()).toEqual([expect.objectContaining({ code: 'item_not_found' })]);
  });

  it('keeps everything for the other dialects', async () => {
    const engine = new ScriptedEngine(() => ScriptedEngine.text('ok'));
    const h = openSession({ dialect: 'stepfun', engine });
    for (let i = 1; i <= 12; i++) h.send(create(text('user', `q${i}`)));
    h.send({ type: 'response.create' });
    await h.session.idle();
    expect(engine.calls[0]!.input.items).toHaveLength(12);
  });
});
