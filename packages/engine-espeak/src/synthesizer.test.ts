import { RuntimeError } from '@parley/runtime';
import { beforeAll, describe, expect, test } from 'vitest';
import { type SentenceReport, createEspeakSynthesizer } from './synthesizer.js';
import { dbfs } from '@parley/audio';
import { collect, deltas, joinPcm } from './test-support/collect.js';

const reports: SentenceReport[] = [];
const synth = createEspeakSynthesizer({ onSentence: (r) => reports.push(r) });
const live = () => new AbortController().signal;

beforeAll(() => synth.ready());

const english = 'The quick brown fox jumps over the lazy dog.';
const mandarin = '今天天气很好，我们一起去公园散步吧。';

describe('output rates', () => {
  const rates = [8000, 16000, 24000, 48000];
  test.each([
    ['English', english, 'en-us'],
    ['Mandarin', mandarin, 'cmn'],
  ] as const)('%s: speech at 8, 16, 24 and 48 kHz, the same length in seconds', async (_name, text, language) => {
    const lengths: number[] = [];
    for (const sampleRate of rates) {
      reports.length = 0;
      const parts = await collect(synth.synthesize(text, 'linjiajiejie', live(), { sampleRate }));
      expect(parts.every((p) => p.sampleRate === sampleRate)).toBe(true);
      const pcm = joinPcm(parts);
      expect(dbfs(pcm)).toBeGreaterThan(-30);
      expect(reports.map((r) => r.language)).toEqual([language]);
      lengths.push(pcm.length);
    }
    const seconds = lengths.map((n, i) => n / rates[i]!);
    expect(seconds[0]!).toBeGreaterThan(1);
    // Same text, same espeak-ng samples: the counts scale with the rate (to a sample or so).
    for (let i = 1; i < rates.length; i++) {
      expect(Math.abs(lengths[i]! - (lengths[0]! * rates[i]!) / rates[0]!)).toBeLessThanOrEqual(rates[i]! / rates[0]! + 1);
    }
  });

  test('speed maps to the speaking rate', async () => {
    const normal = joinPcm(await collect(synth.synthesize(english, 'alloy', live(), { sampleRate: 16000 })));
    const fast = joinPcm(await collect(synth.synthesize(english, 'alloy', live(), { sampleRate: 16000, speed: 2 })));
    const slow = joinPcm(await collect(synth.synthesize(english, 'alloy', live(), { sampleRate: 16000, speed: 0.7 })));
    expect(fast.length / normal.length).toBeGreaterThan(0.35);
    expect(fast.length / normal.length).toBeLessThan(0.7);
    expect(slow.length / normal.length).toBeGreaterThan(1.2);
  });
});

describe('sentence by sentence', () => {
  const text = 'This is the first sentence. Here comes the second one! And is this the third? 这是第四句。';

  test('the first part arrives after one sentence is spoken, carrying only that sentence', async () => {
    reports.length = 0;
    const iterator = synth.synthesize(text, 'alloy', live(), { sampleRate: 24000 })[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    expect(first.value.text).toBe('This is the first sentence. ');
    expect(reports.map((r) => r.text)).toEqual(['This is the first sentence. ']);
    const rest: string[] = [];
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) if (r.value.text) rest.push(r.value.text);
    expect(rest).toEqual(['Here comes the second one! ', 'And is this the third? ', '这是第四句。']);
    expect(reports.map((r) => r.language)).toEqual(['en-us', 'en-us', 'en-us', 'cmn']);
  });

  test('parts are at most chunkMs long and their texts give back the input', async () => {
    const parts = await collect(synth.synthesize(text, 'alloy', live(), { sampleRate: 16000 }));
    expect(Math.max(...parts.map((p) => p.pcm.length))).toBeLessThanOrEqual(3200);
    expect(parts.map((p) => p.text ?? '').join('')).toBe(text);
  });

  test('sentences are separated by a short pause, and nothing is left of espeak-ng\'s silence at the edges', async () => {
    const rate = 16000;
    const pcm = joinPcm(await collect(synth.synthesize('First one. Second one.', 'alloy', live(), { sampleRate: rate })));
    const frame = rate / 100;
    const silent = (at: number) => dbfs(pcm.subarray(at, at + frame)) < -60;
    const frames = Math.floor(pcm.length / frame);
    const loud = Array.from({ length: frames }, (_, k) => !silent(k * frame));
    expect(loud.indexOf(true)).toBeLessThanOrEqual(2); // at most the 10 ms lead, rounded to frames
    expect(frames - 1 - loud.lastIndexOf(true)).toBeLessThanOrEqual(5); // at most the 40 ms tail
    let longest = 0;
    let run = 0;
    for (let at = 0; at + frame <= pcm.length; at += frame) {
      run = silent(at) ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    expect(longest * 10).toBeGreaterThanOrEqual(200);
    expect(longest * 10).toBeLessThanOrEqual(400);
  });

  test('word timings: estimates in order, inside the audio, one entry per word', async () => {
    const rate = 24000;
    const parts = await collect(synth.synthesize('Hello there, my friend. 你好。', 'alloy', live(), { sampleRate: rate }));
    const words = parts.flatMap((p) => p.words ?? []);
    expect(words.map((w) => w.word)).toEqual(['Hello', 'there', 'my', 'friend', '你', '好']);
    const totalMs = (joinPcm(parts).length * 1000) / rate;
    let end = 0;
    for (const w of words) {
      expect(w.startMs).toBeGreaterThanOrEqual(end);
      expect(w.durationMs).toBeGreaterThan(0);
      end = w.startMs + w.durationMs;
    }
    expect(end).toBeLessThanOrEqual(totalMs);
    // Each word travels with the part during which it starts.
    let at = 0;
    for (const p of parts) {
      const partEnd = at + (p.pcm.length * 1000) / rate;
      for (const w of p.words ?? []) expect(w.startMs).toBeGreaterThanOrEqual(at - 1);
      at = partEnd;
    }
  });
});

describe('concurrent streams', () => {
  test('two interleaved syntheses on one synthesizer give the same audio as one at a time', async () => {
    const a = 'First stream, first sentence. First stream, second sentence.';
    const b = '第二个流的第一句。第二个流的第二句。';
    const alone = [
      joinPcm(await collect(synth.synthesize(a, 'cedar', live(), { sampleRate: 16000 }))),
      joinPcm(await collect(synth.synthesize(b, 'qingchunshaonv', live(), { sampleRate: 16000 }))),
    ];
    const instances = synth.stats.instances;
    const together = await Promise.all([
      collect(synth.synthesize(a, 'cedar', live(), { sampleRate: 16000 })),
      collect(synth.synthesize(b, 'qingchunshaonv', live(), { sampleRate: 16000 })),
    ]);
    expect(Buffer.from(joinPcm(together[0]).buffer).equals(Buffer.from(alone[0]!.buffer))).toBe(true);
    expect(Buffer.from(joinPcm(together[1]).buffer).equals(Buffer.from(alone[1]!.buffer))).toBe(true);
    expect(synth.stats.instances).toBe(instances);
  });
});

describe('streamed text', () => {
  test('a sentence is spoken before the rest of the text exists', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    async function* llm(): AsyncGenerator<string> {
      yield 'Hello';
      yield ' there. How';
      await gate; // the rest only comes once the first audio is out
      yield ' are you';
      yield ' today?';
    }
    const iterator = synth.synthesize(llm(), 'alloy', live(), { sampleRate: 16000 })[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value.text).toBe('Hello there. ');
    release();
    const texts = [first.value.text];
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) if (r.value.text) texts.push(r.value.text);
    expect(texts).toEqual(['Hello there. ', 'How are you today?']);
  });

  test('Mandarin deltas are cut at 。 and flushed at the end', async () => {
    reports.length = 0;
    const parts = await collect(synth.synthesize(deltas(['你好', '。今天', '天气', '很好']), 'wenrounansheng', live(), { sampleRate: 16000 }));
    expect(parts.filter((p) => p.text).map((p) => p.text)).toEqual(['你好。', '今天天气很好']);
    expect(reports.map((r) => r.language)).toEqual(['cmn', 'cmn']);
    expect(dbfs(joinPcm(parts))).toBeGreaterThan(-30);
  });
});

describe('abort', () => {
  const long = 'One sentence here. Two sentences here. Three sentences here. Four sentences here. Five sentences here.';

  test('aborting mid-sentence stops at once: no further part, no further sentence', async () => {
    reports.length = 0;
    const controller = new AbortController();
    const parts = [];
    for await (const part of synth.synthesize(long, 'alloy', controller.signal, { sampleRate: 16000 })) {
      parts.push(part);
      if (parts.length === 2) controller.abort();
    }
    expect(parts.length).toBe(2);
    expect(reports.length).toBe(1);
  });

  test('an abort from a timer (a network event, say) stops before the next sentence', async () => {
    reports.length = 0;
    const controller = new AbortController();
    const parts = [];
    for await (const part of synth.synthesize(long, 'alloy', controller.signal, { sampleRate: 16000 })) {
      parts.push(part);
      if (parts.length === 1) setTimeout(() => controller.abort(), 0);
    }
    expect(reports.length).toBe(1);
    expect(parts.filter((p) => p.text).map((p) => p.text)).toEqual(['One sentence here. ']);
  });

  test('aborting while waiting for text ends the iteration', async () => {
    const controller = new AbortController();
    async function* stalled(): AsyncGenerator<string> {
      yield 'Hello there. ';
      await new Promise(() => {}); // the model never answers again
    }
    const parts = [];
    for await (const part of synth.synthesize(stalled(), 'alloy', controller.signal, { sampleRate: 16000 })) {
      parts.push(part);
      if (part.text) setTimeout(() => controller.abort(), 0);
    }
    expect(parts.filter((p) => p.text).map((p) => p.text)).toEqual(['Hello there. ']);
  });

  test('an aborted signal yields nothing and speaks nothing', async () => {
    reports.length = 0;
    const parts = await collect(synth.synthesize(long, 'alloy', AbortSignal.abort(), { sampleRate: 16000 }));
    expect(parts).toEqual([]);
    expect(reports).toEqual([]);
  });
});

describe('errors', () => {
  const runtimeError = (fn: () => unknown): RuntimeError => {
    try {
      fn();
    } catch (e) {
      expect(e).toBeInstanceOf(RuntimeError);
      return e as RuntimeError;
    }
    throw new Error('expected a RuntimeError');
  };

  test('an unknown voice is invalid_value on param voice, listing the valid ids', () => {
    const e = runtimeError(() => synth.synthesize('Hi.', 'nobody', live(), { sampleRate: 16000 }));
    expect([e.code, e.param]).toEqual(['invalid_value', 'voice']);
    for (const id of ['linjiajiejie', 'zh_female_tianmeixiaoyuan_moon_bigtts', 'alloy', 'cedar']) expect(e.message).toContain(id);
  });

  test('text over the cap is invalid_value on param input, whole or streamed', async () => {
    const small = createEspeakSynthesizer({ maxInputChars: 50 });
    const e = runtimeError(() => small.synthesize('a'.repeat(51), 'alloy', live(), { sampleRate: 16000 }));
    expect([e.code, e.param]).toEqual(['invalid_value', 'input']);
    await expect(collect(small.synthesize(deltas(['a'.repeat(30), 'b'.repeat(30)]), 'alloy', live(), { sampleRate: 16000 }))).rejects.toMatchObject({
      code: 'invalid_value',
      param: 'input',
    });
    expect(runtimeError(() => synth.synthesize('a'.repeat(10_001), 'alloy', live(), { sampleRate: 16000 })).param).toBe('input');
  });

  test('bad rate or speed is invalid_value on its param', () => {
    expect(runtimeError(() => synth.synthesize('Hi.', 'alloy', live(), { sampleRate: 0 })).param).toBe('sample_rate');
    expect(runtimeError(() => synth.synthesize('Hi.', 'alloy', live(), { sampleRate: 16000.5 })).param).toBe('sample_rate');
    expect(runtimeError(() => synth.synthesize('Hi.', 'alloy', live(), { sampleRate: 16000, speed: 0 })).param).toBe('speed');
  });

  test('empty text yields nothing', async () => {
    reports.length = 0;
    expect(await collect(synth.synthesize('', 'alloy', live(), { sampleRate: 16000 }))).toEqual([]);
    expect(await collect(synth.synthesize('  \n ', 'alloy', live(), { sampleRate: 16000 }))).toEqual([]);
    expect(await collect(synth.synthesize(deltas([]), 'alloy', live(), { sampleRate: 16000 }))).toEqual([]);
    expect(reports).toEqual([]);
  });
});
