import { resample } from '@parley/audio';
import type { Item } from '@parley/protocol';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Pcm, Recognizer, ResponsePart, TranscriptPart } from '../engine/engine.js';
import { EchoEngine } from './echo-engine.js';
import { espeak } from './test-support/espeak.js';
import {
  audioParts,
  collect,
  correlation,
  inputOf,
  joinPcm,
  levelDb,
  live,
  textOf,
  transcriptOf,
  userAudio,
  userText,
} from './test-support/parts.js';

const synthesizer = espeak();
beforeAll(() => synthesizer.ready());
const engine = new EchoEngine({ synthesizer });

/** A chirp with a rising envelope: misaligned or distorted copies correlate poorly. */
function chirp(ms: number, sampleRate: number): Int16Array {
  const n = Math.round((sampleRate * ms) / 1000);
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const t = i / sampleRate;
    const f = 200 + 1500 * (t / (ms / 1000));
    out[i] = Math.round(Math.sin(2 * Math.PI * f * t) * (0.2 + 0.6 * (i / n)) * 32767);
  }
  return out;
}

/** A recognizer that answers `text` and counts its calls. */
function recognizer(text: string, log: string[] = []): Recognizer & { calls: Pcm[] } {
  const calls: Pcm[] = [];
  return {
    calls,
    async *transcribe(audio) {
      calls.push(audio);
      log.push('transcribe');
      yield { type: 'delta', delta: text.slice(0, 3) } satisfies TranscriptPart;
      yield { type: 'completed', transcript: text } satisfies TranscriptPart;
    },
  };
}

describe('text turns', () => {
  test.each([16_000, 24_000])('speaks the text back with a real voice at %i Hz; the transcript is the text', async (rate) => {
    const text = 'Hello from Parley. This is the echo engine.';
    const parts = await collect(engine.respond(inputOf([userText('item_1', text)], { outputSampleRate: rate, voice: 'marin' }), live()));
    const audio = audioParts(parts);
    expect(audio.length).toBeGreaterThan(1);
    expect(audio.every((p) => p.sampleRate === rate)).toBe(true);
    const pcm = joinPcm(audio.map((p) => p.pcm));
    expect(pcm.length / rate).toBeGreaterThan(1.5);
    expect(levelDb(pcm)).toBeGreaterThan(-30);
    expect(transcriptOf(parts)).toBe(text);
    expect(parts[0]!.type).toBe('transcript'); // the words come before the audio that speaks them
    expect(parts.some((p) => p.type === 'text')).toBe(false);
  });

  test('text-only responses get the text, no audio', async () => {
    const parts = await collect(engine.respond(inputOf([userText('item_1', 'Just text.')], { modalities: ['text'] }), live()));
    expect(textOf(parts)).toBe('Just text.');
    expect(parts.filter((p) => p.type === 'audio' || p.type === 'transcript')).toEqual([]);
  });

  test('word timings pass through and run on the response time line across content parts', async () => {
    const item: Item = {
      type: 'message',
      id: 'item_1',
      role: 'user',
      content: [
        { type: 'input_text', text: 'First part here.' },
        { type: 'input_text', text: 'Second part now.' },
      ],
    };
    const rate = 16_000;
    const parts = await collect(engine.respond(inputOf([item], { outputSampleRate: rate }), live()));
    const firstAudioEnd = parts.findIndex((p) => p.type === 'transcript' && p.delta === 'Second part now.');
    expect(firstAudioEnd).toBeGreaterThan(0);
    const firstMs = (audioParts(parts.slice(0, firstAudioEnd)).reduce((n, p) => n + p.pcm.length, 0) * 1000) / rate;
    const words = parts.flatMap((p, i) => (p.type === 'transcript' && p.words ? p.words.map((w) => ({ ...w, second: i >= firstAudioEnd })) : []));
    expect(words.map((w) => w.word)).toEqual(['First', 'part', 'here', 'Second', 'part', 'now']);
    for (const w of words) {
      if (w.second) expect(w.startMs).toBeGreaterThanOrEqual(Math.floor(firstMs));
      else expect(w.startMs + w.durationMs).toBeLessThanOrEqual(Math.ceil(firstMs));
    }
  });

  test('an unknown voice fails with the synthesizer\'s invalid_value error', async () => {
    await expect(collect(engine.respond(inputOf([userText('item_1', 'Hi.')], { voice: 'nobody' }), live()))).rejects.toMatchObject({
      code: 'invalid_value',
      param: 'voice',
    });
  });
});

describe('audio turns', () => {
  test('at the input rate, the audio comes back sample for sample in 100 ms chunks, with the item transcript', async () => {
    const clip = { pcm: chirp(1250, 24_000), sampleRate: 24_000 };
    const parts = await collect(engine.respond(inputOf([userAudio('item_1', 'what I said')], {}, { 'item_1:0': clip }), live()));
    const audio = audioParts(parts);
    expect(joinPcm(audio.map((p) => p.pcm))).toEqual(clip.pcm);
    expect(audio.slice(0, -1).every((p) => p.pcm.length === 2400)).toBe(true);
    expect(audio.at(-1)!.pcm.length).toBe(1200);
    expect(transcriptOf(parts)).toBe('what I said');
    expect(parts[0]).toEqual({ type: 'transcript', delta: 'what I said' });
  });

  test.each([
    [16_000, 24_000],
    [24_000, 16_000],
    [48_000, 24_000],
  ])('from %i Hz to %i Hz: the same duration, and the same signal', async (inRate, outRate) => {
    const clip = { pcm: chirp(900, inRate), sampleRate: inRate };
    const input = inputOf([userAudio('item_1')], { outputSampleRate: outRate }, { 'item_1:0': clip });
    const audio = audioParts(await collect(engine.respond(input, live())));
    expect(audio.every((p) => p.sampleRate === outRate)).toBe(true);
    expect(audio.slice(0, -1).every((p) => p.pcm.length === outRate / 10)).toBe(true);
    const out = joinPcm(audio.map((p) => p.pcm));
    expect(Math.abs(out.length / outRate - clip.pcm.length / inRate)).toBeLessThanOrEqual(1 / outRate);
    // The chirp drawn directly at the output rate: aligned in time and shape.
    expect(correlation(out, chirp(900, outRate))).toBeGreaterThan(0.99);
    // Chunked playback gives exactly what resampling the whole clip at once gives.
    expect(out).toEqual(resample(clip.pcm, inRate, outRate));
  });

  test('a recognizer transcribes the clip before it is played back, and its transcript wins', async () => {
    const log: string[] = [];
    const asr = recognizer('recognised words', log);
    const echo = new EchoEngine({ synthesizer, recognizer: asr });
    const clip = { pcm: chirp(300, 16_000), sampleRate: 16_000 };
    const input = inputOf([userAudio('item_1', 'stale transcript')], { outputSampleRate: 16_000 }, { 'item_1:0': clip });
    for await (const part of echo.respond(input, live())) log.push(part.type);
    expect(asr.calls).toEqual([clip]);
    expect(log.slice(0, 3)).toEqual(['transcribe', 'transcript', 'audio']);
    const parts = await collect(echo.respond(input, live()));
    expect(transcriptOf(parts)).toBe('recognised words');
  });

  test('without a recognizer or a transcript there is no transcript, only the audio', async () => {
    const clip = { pcm: chirp(200, 24_000), sampleRate: 24_000 };
    const parts = await collect(engine.respond(inputOf([userAudio('item_1', null)], {}, { 'item_1:0': clip }), live()));
    expect(parts.filter((p) => p.type === 'transcript')).toEqual([]);
    expect(audioParts(parts).length).toBe(2);
  });

  test('text-only responses get the transcript as text', async () => {
    const clip = { pcm: chirp(200, 24_000), sampleRate: 24_000 };
    const input = inputOf([userAudio('item_1', 'heard this')], { modalities: ['text'] }, { 'item_1:0': clip });
    const parts = await collect(engine.respond(input, live()));
    expect(textOf(parts)).toBe('heard this');
    expect(audioParts(parts)).toEqual([]);
  });

  test('audio that is not at hand is spoken from its transcript', async () => {
    const parts = await collect(engine.respond(inputOf([userAudio('item_1', 'Resumed words.')]), live()));
    expect(transcriptOf(parts)).toBe('Resumed words.');
    expect(levelDb(joinPcm(audioParts(parts).map((p) => p.pcm)))).toBeGreaterThan(-30);
  });
});

describe('other turns', () => {
  test('a function call output last is spoken as it is', async () => {
    const items: Item[] = [
      userText('item_1', 'What is the weather?'),
      { type: 'function_call', id: 'item_2', call_id: 'call_1', name: 'weather', arguments: '{}' },
      { type: 'function_call_output', id: 'item_3', call_id: 'call_1', output: 'Sunny and warm.' },
    ];
    const parts = await collect(engine.respond(inputOf(items), live()));
    expect(transcriptOf(parts)).toBe('Sunny and warm.');
    expect(audioParts(parts).length).toBeGreaterThan(0);
  });

  test.each([
    ['an empty conversation', []],
    ['an assistant message last', [userText('item_1', 'Hi.'), { type: 'message', id: 'item_2', role: 'assistant', content: [{ type: 'text', text: 'Hi.' }] }]],
    ['a function call last', [{ type: 'function_call', id: 'item_1', call_id: 'c', name: 'f', arguments: '{}' }]],
    ['a blank user message', [userText('item_1', '   ')]],
  ] as [string, Item[]][])('%s: no parts at all', async (_name, items) => {
    expect(await collect(engine.respond(inputOf(items), live()))).toEqual([]);
  });

  test('a system message after the user message does not hide it', async () => {
    const items: Item[] = [userText('item_1', 'Still me.'), { type: 'message', id: 'item_2', role: 'system', content: [{ type: 'input_text', text: 'be brief' }] }];
    expect(textOf(await collect(engine.respond(inputOf(items, { modalities: ['text'] }), live())))).toBe('Still me.');
  });
});

describe('usage', () => {
  test('the last part estimates tokens: text by characters, audio by duration', async () => {
    const clip = { pcm: chirp(1000, 16_000), sampleRate: 16_000 };
    const input = inputOf([userAudio('item_1', '你好 abcdefgh')], { instructions: 'abcd', outputSampleRate: 24_000 }, { 'item_1:0': clip });
    const parts = await collect(engine.respond(input, live()));
    // in: 'abcd' is 1 text token, 1 s of input audio 10 (its transcript is not counted again);
    // out: the transcript, 2 Han characters + 9 others = 2 + 3, and 1 s of output audio 20.
    expect(parts.at(-1)).toEqual({
      type: 'usage',
      usage: {
        total_tokens: 1 + 10 + 5 + 20,
        input_tokens: 1 + 10,
        output_tokens: 5 + 20,
        input_token_details: { text_tokens: 1, audio_tokens: 10 },
        output_token_details: { text_tokens: 5, audio_tokens: 20 },
      },
    });
  });
});

describe('abort', () => {
  const long = 'One sentence here. Another sentence there. And a third one. A fourth. A fifth. A sixth to be sure.';

  test('aborting while speaking ends the stream at once', async () => {
    const controller = new AbortController();
    const seen: ResponsePart[] = [];
    for await (const part of engine.respond(inputOf([userText('item_1', long)]), controller.signal)) {
      seen.push(part);
      if (part.type === 'audio') controller.abort();
    }
    expect(seen.map((p) => p.type)).toEqual(['transcript', 'audio']);
  });

  test('aborting during playback ends the stream at once', async () => {
    const controller = new AbortController();
    const clip = { pcm: chirp(2000, 24_000), sampleRate: 24_000 };
    const seen: ResponsePart[] = [];
    for await (const part of engine.respond(inputOf([userAudio('item_1')], {}, { 'item_1:0': clip }), controller.signal)) {
      seen.push(part);
      if (seen.length === 3) controller.abort();
    }
    expect(seen.length).toBe(3);
  });

  test('aborting while a recognizer hangs ends the stream', async () => {
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const stuck: Recognizer = {
      async *transcribe() {
        started();
        await new Promise(() => {}); // never answers
      },
    };
    const echo = new EchoEngine({ synthesizer, recognizer: stuck });
    const controller = new AbortController();
    const clip = { pcm: chirp(200, 24_000), sampleRate: 24_000 };
    const done = collect(echo.respond(inputOf([userAudio('item_1')], {}, { 'item_1:0': clip }), controller.signal));
    await running;
    controller.abort();
    expect(await done).toEqual([]);
  });

  test('an already aborted signal yields nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await collect(engine.respond(inputOf([userText('item_1', 'Hi.')]), controller.signal))).toEqual([]);
  });
});
