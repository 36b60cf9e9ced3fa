import type { Item } from '@parley/protocol';
import { beforeAll, describe, expect, test } from 'vitest';
import type { ChatMessage, ChatModel, ChatPart, Pcm, Recognizer, ResponsePart } from '../engine/engine.js';
import { CascadeEngine } from './cascade-engine.js';
import { espeak } from './test-support/espeak.js';
import { audioParts, collect, inputOf, joinPcm, levelDb, live, textOf, transcriptOf, userAudio, userText } from './test-support/parts.js';
import { tone } from './tone.js';

const synthesizer = espeak();
beforeAll(() => synthesizer.ready());

/** A chat step: a part, or a promise the stream waits on (so a test can hold it mid-answer). */
type ChatStep = ChatPart | Promise<unknown> | { throw: Error };

/** A scripted stand-in for a remote LLM: it records the messages and plays its steps. */
function chatModel(steps: ChatStep[], log: string[] = []): ChatModel & { seen: ChatMessage[][] } {
  const seen: ChatMessage[][] = [];
  return {
    seen,
    async *stream(messages) {
      seen.push(structuredClone([...messages]));
      for (const step of steps) {
        if (step instanceof Promise) await step;
        else if ('throw' in step) throw step.throw;
        else {
          log.push(`chat:${step.type}`);
          yield step;
        }
      }
      log.push('chat:end');
    },
  };
}

function counting(transcript: string): Recognizer & { calls: Pcm[] } {
  const calls: Pcm[] = [];
  return {
    calls,
    async *transcribe(audio) {
      calls.push(audio);
      yield { type: 'completed', transcript };
    },
  };
}

const text = (delta: string): ChatPart => ({ type: 'text', delta });

/** Resolves once `done()` holds, checking once per event-loop turn, or after `turns` turns. */
async function eventLoopTurns(done: () => boolean, turns: number): Promise<void> {
  for (let i = 0; i < turns && !done(); i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('spoken answers', () => {
  test('speech starts before the chat stream ends', async () => {
    const log: string[] = [];
    // The model holds its second sentence until speech has started, for at most
    // a bounded number of event-loop turns: an engine that waited for the whole
    // text would leave it holding, and the order below would show it.
    const speaking = eventLoopTurns(() => log.includes('audio'), 10_000);
    const chat = chatModel([text('The first sentence is here. '), speaking, text('And the rest comes later.')], log);
    const engine = new CascadeEngine({ chat, synthesizer });
    const parts: ResponsePart[] = [];
    for await (const part of engine.respond(inputOf([userText('item_1', 'Talk to me.')]), live())) {
      parts.push(part);
      if (part.type === 'audio' && !log.includes('audio')) log.push('audio');
    }
    expect(log.indexOf('audio')).toBeGreaterThan(-1);
    expect(log.indexOf('audio')).toBeLessThan(log.indexOf('chat:end'));
    expect(transcriptOf(parts)).toBe('The first sentence is here. And the rest comes later.');
    expect(levelDb(joinPcm(audioParts(parts).map((p) => p.pcm)))).toBeGreaterThan(-30);
    expect(parts.some((p) => p.type === 'text')).toBe(false);
  });

  test('audio comes at the output rate in the response voice; tool calls follow the speech; usage is summed', async () => {
    const chat = chatModel([
      { type: 'usage', usage: { input_tokens: 10, input_token_details: { text_tokens: 10 } } },
      text('Let me check. '),
      { type: 'function_call', callId: 'call_1', name: 'weather', argumentsDelta: '{"city":' },
      { type: 'function_call', callId: 'call_1', name: 'weather', argumentsDelta: '"Paris"}' },
      { type: 'usage', usage: { output_tokens: 7, input_token_details: { text_tokens: 2 } } },
    ]);
    const engine = new CascadeEngine({ chat, synthesizer });
    const parts = await collect(engine.respond(inputOf([userText('item_1', 'Weather?')], { outputSampleRate: 16_000, voice: 'ash' }), live()));
    expect(audioParts(parts).every((p) => p.sampleRate === 16_000)).toBe(true);
    const types = parts.map((p) => p.type);
    expect(types.lastIndexOf('audio')).toBeLessThan(types.indexOf('function_call'));
    expect(parts.filter((p) => p.type === 'function_call')).toEqual([
      { type: 'function_call', callId: 'call_1', name: 'weather', argumentsDelta: '{"city":' },
      { type: 'function_call', callId: 'call_1', name: 'weather', argumentsDelta: '"Paris"}' },
    ]);
    expect(parts.at(-1)).toEqual({ type: 'usage', usage: { input_tokens: 10, output_tokens: 7, input_token_details: { text_tokens: 12 } } });
  });

  test('an error from the model mid-answer ends the stream with that error', async () => {
    const chat = chatModel([text('Starting to answer. '), { throw: new Error('model went away') }]);
    const engine = new CascadeEngine({ chat, synthesizer });
    await expect(collect(engine.respond(inputOf([userText('item_1', 'Hi')]), live()))).rejects.toThrow('model went away');
  });

  test('an unknown voice ends the stream with the synthesizer\'s error', async () => {
    const engine = new CascadeEngine({ chat: chatModel([text('Hello.')]), synthesizer });
    await expect(collect(engine.respond(inputOf([userText('item_1', 'Hi')], { voice: 'nobody' }), live()))).rejects.toMatchObject({
      code: 'invalid_value',
      param: 'voice',
    });
  });

  test('aborting mid-speech ends the stream and stops the model', async () => {
    const log: string[] = [];
    const never = new Promise(() => {});
    const chat = chatModel([text('One sentence to say. '), never], log);
    const engine = new CascadeEngine({ chat, synthesizer });
    const controller = new AbortController();
    const seen: ResponsePart[] = [];
    for await (const part of engine.respond(inputOf([userText('item_1', 'Hi')]), controller.signal)) {
      seen.push(part);
      if (part.type === 'audio') controller.abort();
    }
    expect(seen.filter((p) => p.type === 'audio').length).toBe(1);
    expect(log).not.toContain('chat:end');
  });
});

describe('text answers', () => {
  test('text-only responses get the model\'s text and calls as they come', async () => {
    const chat = chatModel([
      text('Hel'),
      text('lo.'),
      { type: 'function_call', callId: 'call_9', name: 'lookup', argumentsDelta: '{}' },
      { type: 'usage', usage: { output_tokens: 3 } },
      { type: 'usage', usage: { output_tokens: 4 } },
    ]);
    const engine = new CascadeEngine({ chat, synthesizer });
    const parts = await collect(engine.respond(inputOf([userText('item_1', 'Hi')], { modalities: ['text'] }), live()));
    expect(parts).toEqual([
      text('Hel'),
      text('lo.'),
      { type: 'function_call', callId: 'call_9', name: 'lookup', argumentsDelta: '{}' },
      { type: 'usage', usage: { output_tokens: 7 } },
    ]);
  });

  test('without a synthesizer the answer is text even when audio is asked for', async () => {
    const engine = new CascadeEngine({ chat: chatModel([text('Plain.')]) });
    const parts = await collect(engine.respond(inputOf([userText('item_1', 'Hi')]), live()));
    expect(textOf(parts)).toBe('Plain.');
  });

  test('aborting while the model hangs ends the stream', async () => {
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const chat: ChatModel = {
      async *stream() {
        started();
        await new Promise(() => {});
      },
    };
    const controller = new AbortController();
    const done = collect(new CascadeEngine({ chat }).respond(inputOf([userText('item_1', 'Hi')], { modalities: ['text'] }), controller.signal));
    await running;
    controller.abort();
    expect(await done).toEqual([]);
  });
});

describe('history', () => {
  const clip = { pcm: tone(300, 16_000), sampleRate: 16_000 };
  const items: Item[] = [
    { type: 'message', id: 'item_0', role: 'system', content: [{ type: 'input_text', text: 'Be kind.' }] },
    userText('item_1', 'Hello there'),
    { type: 'message', id: 'item_2', role: 'assistant', content: [{ type: 'audio', transcript: 'Hi! Let me look.' }] },
    { type: 'function_call', id: 'item_3', call_id: 'call_a', name: 'weather', arguments: '{"city":"Oslo"}' },
    { type: 'function_call', id: 'item_4', call_id: 'call_b', name: 'time', arguments: '{}' },
    { type: 'function_call_output', id: 'item_5', call_id: 'call_a', output: '{"sky":"clear"}' },
    { type: 'function_call_output', id: 'item_6', call_id: 'call_b', output: '12:00' },
    { type: 'message', id: 'item_7', role: 'assistant', content: [{ type: 'text', text: 'Clear at noon.' }] },
    userAudio('item_8', 'typed transcript'),
    {
      type: 'message',
      id: 'item_9',
      role: 'user',
      content: [
        { type: 'input_text', text: 'And also' },
        { type: 'input_audio', transcript: null },
        { type: 'input_image', image_url: 'data:image/png;base64,AA==' },
      ],
    },
  ];
  const expected: ChatMessage[] = [
    { role: 'system', content: 'You are terse.' },
    { role: 'system', content: 'Be kind.' },
    { role: 'user', content: 'Hello there' },
    {
      role: 'assistant',
      content: 'Hi! Let me look.',
      toolCalls: [
        { id: 'call_a', name: 'weather', arguments: '{"city":"Oslo"}' },
        { id: 'call_b', name: 'time', arguments: '{}' },
      ],
    },
    { role: 'tool', content: '{"sky":"clear"}', toolCallId: 'call_a' },
    { role: 'tool', content: '12:00', toolCallId: 'call_b' },
    { role: 'assistant', content: 'Clear at noon.' },
    { role: 'user', content: 'typed transcript' },
    { role: 'user', content: 'And also\nrecognised speech' },
  ];

  test('items become chat messages; audio without a transcript is transcribed once across responses', async () => {
    const recognizer = counting('recognised speech');
    const chat = chatModel([text('ok')]);
    const engine = new CascadeEngine({ chat, recognizer, synthesizer });
    const input = inputOf(items, { instructions: 'You are terse.', modalities: ['text'] }, { 'item_8:0': clip, 'item_9:1': clip });
    await collect(engine.respond(input, live()));
    await collect(engine.respond(input, live()));
    expect(chat.seen).toEqual([expected, expected]);
    expect(recognizer.calls).toEqual([clip]); // item_8 had a transcript: never sent
  });

  test('the same ids with other audio (another session) are transcribed again', async () => {
    const recognizer = counting('words');
    const engine = new CascadeEngine({ chat: chatModel([]), recognizer });
    const other = { pcm: tone(300, 16_000, { frequency: 300 }), sampleRate: 16_000 };
    await collect(engine.respond(inputOf([userAudio('item_1')], {}, { 'item_1:0': clip }), live()));
    await collect(engine.respond(inputOf([userAudio('item_1')], {}, { 'item_1:0': other }), live()));
    expect(recognizer.calls).toEqual([clip, other]);
  });

  test('without a recognizer, audio without a transcript is left out', async () => {
    const chat = chatModel([]);
    await collect(new CascadeEngine({ chat }).respond(inputOf([userText('item_1', 'typed'), userAudio('item_2')], {}, { 'item_2:0': clip }), live()));
    expect(chat.seen).toEqual([[{ role: 'user', content: 'typed' }]]);
  });

  test('a failed transcription fails the response and is tried again next time', async () => {
    let calls = 0;
    const flaky: Recognizer = {
      async *transcribe() {
        calls++;
        if (calls === 1) throw new Error('asr down');
        yield { type: 'completed', transcript: 'second try' };
      },
    };
    const chat = chatModel([]);
    const engine = new CascadeEngine({ chat, recognizer: flaky });
    const input = inputOf([userAudio('item_1')], {}, { 'item_1:0': clip });
    await expect(collect(engine.respond(input, live()))).rejects.toThrow('asr down');
    await collect(engine.respond(input, live()));
    expect(chat.seen).toEqual([[{ role: 'user', content: 'second try' }]]);
  });
});
