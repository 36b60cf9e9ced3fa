import { base64ToBytes, pcm16FromBytes } from '@parley/audio';
import type { ClientEvent } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import type { Engine, ResponsePart } from '../engine/engine.js';
import { ScriptedEngine, tone } from '../engines/index.js';
import { RuntimeError } from '../errors.js';
import { openSession } from '../session/test-support/harness.js';

const userText = (text: string): ClientEvent => ({
  type: 'conversation.item.create',
  item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] },
});

/** An engine whose parts the test releases one by one, and which ignores its abort signal. */
function manualEngine() {
  const queue: ((part: ResponsePart | null) => void)[] = [];
  let pending: (ResponsePart | null)[] = [];
  const engine: Engine = {
    async *respond() {
      for (;;) {
        const part = pending.length > 0 ? pending.shift()! : await new Promise<ResponsePart | null>((r) => queue.push(r));
        if (part === null) return;
        yield part;
      }
    },
  };
  const push = (part: ResponsePart | null) => {
    const waiter = queue.shift();
    if (waiter) waiter(part);
    else pending.push(part);
  };
  return { engine, push, reset: () => (pending = []) };
}

describe('a text turn (spec 001 order)', () => {
  it('streams the answer in protocol order and adds it to the conversation', async () => {
    const h = openSession({ dialect: 'stepfun', engine: new ScriptedEngine([[...ScriptedEngine.text('Hi '), ...ScriptedEngine.text('there')]]) });
    h.send(userText('Hello'));
    h.send({ type: 'response.create', response: { modalities: ['text'] } });
    await h.session.idle();
    expect(h.types().slice(1)).toEqual([
      'conversation.item.created',
      'conversation.item.done',
      'response.created',
      'response.output_item.added',
      'conversation.item.created',
      'response.content_part.added',
      'response.text.delta',
      'response.text.delta',
      'response.text.done',
      'response.content_part.done',
      'response.output_item.done',
      'conversation.item.done',
      'response.done',
    ]);
    const done = h.last('response.done').response;
    expect(done.status).toBe('completed');
    expect(done.output).toEqual([expect.objectContaining({ role: 'assistant', status: 'completed', content: [{ type: 'text', text: 'Hi there' }] })]);
    expect(h.last('response.text.done').text).toBe('Hi there');
    const assistantId = done.output![0]!.id!;
    h.send({ type: 'conversation.item.retrieve', item_id: assistantId });
    expect(h.last('conversation.item.retrieved').item).toMatchObject({ id: assistantId, content: [{ type: 'text', text: 'Hi there' }] });
  });
});

describe('spoken answers', () => {
  it('resamples engine audio to the session rate and cuts it into deltas of at most 100 ms', async () => {
    const engine = new ScriptedEngine([[{ type: 'transcript', delta: 'Hello' }, { type: 'audio', pcm: tone(450, 24_000), sampleRate: 24_000 }]]);
    const h = openSession({ dialect: 'volcengine', engine });
    h.send(userText('hi'));
    h.send({ type: 'response.create' });
    await h.session.idle();
    const deltas = h.of('response.audio.delta').map((e) => pcm16FromBytes(base64ToBytes(e.delta)));
    expect(deltas.length).toBe(5);
    for (const d of deltas) expect(d.length).toBeLessThanOrEqual(1600);
    expect(deltas.reduce((n, d) => n + d.length, 0)).toBe(7200);
    expect(h.types()).toContain('response.audio_transcript.done');
    expect(h.last('response.done').response.output![0]).toMatchObject({ content: [{ type: 'audio', transcript: 'Hello' }] });
  });

  it('encodes G.711 when the session asks for it', async () => {
    const engine = new ScriptedEngine([[{ type: 'audio', pcm: tone(250, 16_000), sampleRate: 16_000 }]]);
    const h = openSession({ dialect: 'openai-beta', engine });
    h.send({ type: 'session.update', session: { output_audio_format: { encoding: 'g711_ulaw' }, turn_detection: null } });
    h.send({ type: 'response.create' });
    await h.session.idle();
    const sizes = h.of('response.audio.delta').map((e) => base64ToBytes(e.delta).length);
    expect(sizes).toEqual([800, 800, 400]);
  });

  it("with modalities ['audio'] sends no transcript events but keeps the transcript", async () => {
    const engine = new ScriptedEngine([[{ type: 'transcript', delta: 'said' }, { type: 'audio', pcm: tone(100, 16_000), sampleRate: 16_000 }]]);
    const h = openSession({ dialect: 'volcengine', engine });
    h.send({ type: 'response.create', response: { modalities: ['audio'] } });
    await h.session.idle();
    expect(h.types().some((t) => t.startsWith('response.audio_transcript'))).toBe(false);
    expect(h.last('response.done').response.output![0]).toMatchObject({ content: [{ type: 'audio', transcript: 'said' }] });
  });
});

describe('one response at a time', () => {
  it('refuses a second response.create while one runs, and the first completes', async () => {
    const m = manualEngine();
    const h = openSession({ dialect: 'stepfun', engine: m.engine });
    h.send({ type: 'response.create', event_id: 'evt_1' });
    h.send({ type: 'response.create', event_id: 'evt_2' });
    expect(h.errors()).toEqual([expect.objectContaining({ code: 'conversation_already_has_active_response', event_id: 'evt_2' })]);
    m.push({ type: 'text', delta: 'ok' });
    m.push(null);
    await h.session.idle();
    expect(h.of('response.created')).toHaveLength(1);
    expect(h.last('response.done').response.status).toBe('completed');
  });
});

describe('response.cancel', () => {
  it('ends the response at once, aborts the engine, and nothing of it follows', async () => {
    const m = manualEngine();
    const h = openSession({ dialect: 'openai', engine: m.engine });
    let signal: AbortSignal | undefined;
    const inner = m.engine.respond.bind(m.engine);
    m.engine.respond = (input, s) => {
      signal = s;
      return inner(input, s);
    };
    h.send({ type: 'session.update', session: { type: 'realtime', turn_detection: null } });
    h.send({ type: 'response.create' });
    m.push({ type: 'transcript', delta: 'Once upon' });
    m.push({ type: 'audio', pcm: tone(100, 24_000), sampleRate: 24_000 });
    await h.settle();
    h.send({ type: 'response.cancel', event_id: 'evt_c' });
    const done = h.last('response.done').response;
    expect(done.status).toBe('cancelled');
    expect(done.status_details).toEqual({ type: 'cancelled', reason: 'client_cancelled' });
    expect(done.output![0]).toMatchObject({ status: 'incomplete', content: [{ type: 'audio', transcript: 'Once upon' }] });
    expect(signal?.aborted).toBe(true);
    const count = h.events.length;
    m.push({ type: 'audio', pcm: tone(100, 24_000), sampleRate: 24_000 });
    m.push({ type: 'text', delta: 'more' });
    await h.settle();
    expect(h.events.length).toBe(count);
    await expect(h.session.idle()).resolves.toBeUndefined();
  });

  it('answers response_cancel_not_active when nothing runs or the id is another', () => {
    const h = openSession({ dialect: 'stepfun', engine: manualEngine().engine });
    h.send({ type: 'response.cancel', event_id: 'e1' });
    h.send({ type: 'response.create' });
    h.send({ type: 'response.cancel', response_id: 'resp_other', event_id: 'e2' });
    expect(h.errors()).toEqual([
      expect.objectContaining({ code: 'response_cancel_not_active', event_id: 'e1' }),
      expect.objectContaining({ code: 'response_cancel_not_active', event_id: 'e2', param: 'response_id' }),
    ]);
  });
});

describe('engine failures', () => {
  it('ends with response.done failed and an error event', async () => {
    const engine = new ScriptedEngine([[{ type: 'text', delta: 'part' }, { fail: 'model crashed' }]]);
    const h = openSession({ dialect: 'stepfun', engine });
    h.send({ type: 'response.create', response: { modalities: ['text'] } });
    await h.session.idle();
    expect(h.errors()).toEqual([expect.objectContaining({ type: 'server_error', code: 'server_error' })]);
    const done = h.last('response.done').response;
    expect(done.status).toBe('failed');
    expect(done.status_details?.error).toMatchObject({ code: 'server_error', message: expect.stringContaining('model crashed') });
    expect(done.output![0]).toMatchObject({ status: 'incomplete' });
    expect(h.types().indexOf('error')).toBeLessThan(h.types().indexOf('response.done'));
  });

  it("keeps an engine RuntimeError's code", async () => {
    const engine = new ScriptedEngine([[{ fail: new RuntimeError('invalid_value', 'unknown voice', { param: 'voice' }) }]]);
    const h = openSession({ dialect: 'stepfun', engine });
    h.send({ type: 'response.create' });
    await h.session.idle();
    expect(h.errors()).toEqual([expect.objectContaining({ code: 'invalid_value', param: 'voice' })]);
  });

  it('fails with upstream_timeout when the engine goes silent', async () => {
    const m = manualEngine();
    const h = openSession({ dialect: 'stepfun', engine: m.engine, limits: { engineTimeoutMs: 5_000 } });
    h.send({ type: 'response.create' });
    await h.clock.advanceAsync(4_999);
    expect(h.of('response.done')).toHaveLength(0);
    await h.clock.advanceAsync(1);
    expect(h.errors()).toEqual([expect.objectContaining({ code: 'upstream_timeout' })]);
    expect(h.last('response.done').response.status).toBe('failed');
  });
});

describe('per-response settings', () => {
  it('passes overrides to the engine and refuses bad ones with their param', async () => {
    const engine = new ScriptedEngine(() => ScriptedEngine.text('x'));
    const h = openSession({ dialect: 'openai-beta', engine, synthesizerVoices: ['alloy', 'verse'] });
    h.send({ type: 'session.update', session: { turn_detection: null, instructions: 'session' } });
    h.send({ type: 'response.create', event_id: 'e', response: { voice: 'nobody' } });
    expect(h.errors()).toEqual([expect.objectContaining({ code: 'invalid_value', param: 'response.voice', event_id: 'e' })]);
    expect(h.of('response.created')).toHaveLength(0);
    h.send({ type: 'response.create', response: { instructions: 'per response', voice: 'verse', modalities: ['text'], temperature: 1.1, metadata: { k: 'v' } } });
    await h.session.idle();
    expect(engine.calls[0]!.input).toMatchObject({ instructions: 'per response', voice: 'verse', modalities: ['text'], temperature: 1.1, metadata: { k: 'v' } });
    expect(h.last('response.done').response.metadata).toEqual({ k: 'v' });
  });

  it("honours StepFun's greeting form, response.create with session.instructions", async () => {
    const engine = new ScriptedEngine(() => ScriptedEngine.text('x'));
    const h = openSession({ dialect: 'stepfun', engine });
    h.sendWire({ type: 'response.create', response: { session: { instructions: 'Say hello first.' } } });
    await h.session.idle();
    expect(engine.calls[0]!.input.instructions).toBe('Say hello first.');
  });

  it('runs out-of-band responses without touching the conversation, on their own input', async () => {
    const engine = new ScriptedEngine(() => ScriptedEngine.text('summary'));
    const h = openSession({ dialect: 'openai-beta', engine });
    h.send(userText('in the conversation'));
    h.reset();
    h.send({
      type: 'response.create',
      response: { conversation: 'none', modalities: ['text'], input: [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: 'only this' }] }] },
    });
    await h.session.idle();
    expect(h.types().some((t) => t.startsWith('conversation.item'))).toBe(false);
    expect(engine.calls[0]!.input.items).toEqual([expect.objectContaining({ content: [{ type: 'input_text', text: 'only this' }] })]);
    const itemId = h.last('response.done').response.output![0]!.id!;
    h.send({ type: 'conversation.item.retrieve', item_id: itemId });
    expect(h.errors()).toEqual([expect.objectContaining({ code: 'item_not_found' })]);
    h.send({ type: 'response.create', response: { conversation: 'none', modalities: ['text'] } });
    await h.session.idle();
    expect(engine.calls[1]!.input.items).toEqual([expect.objectContaining({ content: [{ type: 'input_text', text: 'in the conversation' }] })]);
  });
});

describe('usage', () => {
  it('sums the engine usage parts', async () => {
    const usage = (input: number, output: number): ResponsePart => ({ type: 'usage', usage: { input_tokens: input, output_tokens: output, output_token_details: { text_tokens: output } } });
    const h = openSession({ dialect: 'stepfun', engine: new ScriptedEngine([[usage(10, 1), { type: 'text', delta: 'x' }, usage(0, 2)]]) });
    h.send({ type: 'response.create' });
    await h.session.idle();
    expect(h.last('response.done').response.usage).toEqual({ input_tokens: 10, output_tokens: 3, total_tokens: 13, output_token_details: { text_tokens: 3 } });
  });

  it('estimates usage when the engine reports none', async () => {
    const engine = new ScriptedEngine([[{ type: 'transcript', delta: 'abcdefgh' }, { type: 'audio', pcm: tone(500, 24_000), sampleRate: 24_000 }]]);
    const h = openSession({ dialect: 'stepfun', engine });
    h.send(userText('你好'));
    h.send({ type: 'response.create' });
    await h.session.idle();
    const u = h.last('response.done').response.usage!;
    expect(u.output_token_details).toEqual({ text_tokens: 2, audio_tokens: 10 });
    expect(u.input_token_details?.text_tokens).toBe(2);
    expect(u.total_tokens).toBe(u.input_tokens! + u.output_tokens!);
  });
});

describe('a tool call round trip', () => {
  it('emits the call, takes the output, and answers with both in context', async () => {
    const engine = new ScriptedEngine([ScriptedEngine.toolCall('get_weather', { city: 'Paris' }, { callId: 'call_9' }), ScriptedEngine.text('Sunny.')]);
    const h = openSession({ dialect: 'stepfun', engine });
    h.send({ type: 'session.update', session: { tools: [{ type: 'function', name: 'get_weather', parameters: {} }] } });
    h.send(userText('Weather?'));
    h.send({ type: 'response.create' });
    await h.session.idle();
    const call = h.last('response.function_call_arguments.done');
    expect(call).toMatchObject({ call_id: 'call_9', name: 'get_weather', arguments: '{"city":"Paris"}' });
    expect(h.last('response.done').response.output).toEqual([expect.objectContaining({ type: 'function_call', status: 'completed', call_id: 'call_9' })]);
    expect(engine.calls[0]!.input.tools).toEqual([expect.objectContaining({ name: 'get_weather' })]);
    h.send({ type: 'conversation.item.create', item: { type: 'function_call_output', call_id: 'call_9', output: '{"sky":"clear"}' } });
    h.send({ type: 'response.create', response: { modalities: ['text'] } });
    await h.session.idle();
    expect(engine.calls[1]!.input.items.map((i) => i.type)).toEqual(['message', 'function_call', 'function_call_output']);
    expect(h.last('response.text.done').text).toBe('Sunny.');
  });
});
