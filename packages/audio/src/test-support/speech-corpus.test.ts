import { describe, expect, it } from 'vitest';
import { BABBLE_TALKERS, babbleNoise } from './babble-noise.mjs';
import { CORPUS_LEVEL_DB, CORPUS_PHRASES, buildSpeechCorpus } from './speech-corpus.mjs';
import { synthesizeSpeech } from './speech-synth.mjs';

describe('synthesizeSpeech', () => {
  it('speaks English and Mandarin, trimmed, the same every time', async () => {
    const en = await synthesizeSpeech('Hello there.', { voice: 'en-us' });
    const zh = await synthesizeSpeech('你好。', { voice: 'cmn', sampleRate: 8000 });
    expect(en.sampleRate).toBe(16000);
    expect(zh.sampleRate).toBe(8000);
    expect(en.samples.length / 16000).toBeGreaterThan(0.4);
    expect(zh.samples.length / 8000).toBeGreaterThan(0.3);
    // Trimmed: the first and last 5 ms are not silent.
    expect(Math.max(...en.samples.subarray(0, 80).map(Math.abs))).toBeGreaterThan(1e-4);
    expect(Math.max(...en.samples.subarray(-80).map(Math.abs))).toBeGreaterThan(1e-4);
    const again = await synthesizeSpeech('Hello there.', { voice: 'en-us' });
    expect(again.samples).toEqual(en.samples);
    again.samples[0] = 9;
    expect((await synthesizeSpeech('Hello there.', { voice: 'en-us' })).samples[0]).not.toBe(9);
  });
});

describe('buildSpeechCorpus', () => {
  it('lays the phrases out with the promised pauses and level', async () => {
    const c = await buildSpeechCorpus({ pausesMs: [300, 600], leadMs: 500, tailMs: 250 });
    expect(c.segments.length).toBe(CORPUS_PHRASES.length);
    expect(c.segments[0]!.startMs).toBeCloseTo(500, 6);
    expect(c.samples.length / c.sampleRate).toBeCloseTo(c.segments.at(-1)!.endMs / 1000 + 0.25, 3);
    c.segments.slice(1).forEach((s, i) => {
      expect(s.pauseBeforeMs).toBe(i % 2 === 0 ? 300 : 600);
      expect(s.startMs - c.segments[i]!.endMs).toBeCloseTo(s.pauseBeforeMs, 6);
    });
    expect(10 * Math.log10(c.truth.activeLevel)).toBeCloseTo(CORPUS_LEVEL_DB, 6);
    // Between phrases the clean track is silent and the truth says so.
    const k = Math.floor((c.segments[1]!.startMs - 100) / c.truth.frameMs);
    expect(c.truth.active[k]).toBe(0);
  });
});

describe('babbleNoise', () => {
  it('is continuous unit-RMS talk from all talkers', async () => {
    const rate = 16000;
    const x = await babbleNoise(rate * 6, rate);
    let acc = 0;
    for (const v of x) acc += v * v;
    expect(Math.sqrt(acc / x.length)).toBeCloseTo(1, 6);
    // No 250 ms stretch falls silent: several talkers overlap everywhere.
    for (let a = 0; a + 4000 <= x.length; a += 4000) {
      let e = 0;
      for (let i = a; i < a + 4000; i++) e += x[i]! * x[i]!;
      expect(10 * Math.log10(e / 4000)).toBeGreaterThan(-12);
    }
    expect(BABBLE_TALKERS.length).toBeGreaterThanOrEqual(5);
  });
});
