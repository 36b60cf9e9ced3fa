import { RuntimeError } from '@parley/runtime';
import { beforeAll, describe, expect, test } from 'vitest';
import { createEspeakSynthesizer } from './synthesizer.js';
import { collect, joinPcm } from './test-support/collect.js';
import { medianF0 } from './test-support/pitch.js';
import { espeakVoiceIds, espeakVoices, resolveEspeakVoice } from './voices.js';

// The official ids: StepFun TTS (all models, step-tts-2 and stepaudio-2.5-tts only, system_voices),
// StepFun realtime, the Volcengine default, and OpenAI's voice names.
const stepfun = [
  'elegantgentle-female', 'livelybreezy-female', 'wenrounansheng', 'wenrougongzi', 'yuanqinansheng', 'jingdiannvsheng',
  'wenroushunv', 'tianmeinvsheng', 'qingchunshaonv', 'cixingnansheng', 'yuanqishaonv', 'linjiajiejie', 'zhengpaiqingnian',
  'qingniandaxuesheng', 'boyinnansheng', 'ruyananshi', 'shenchennanyin', 'qinqienvsheng', 'wenrounvsheng', 'jilingshaonv',
  'ruanmengnvsheng', 'youyanvsheng', 'lengyanyujie', 'shuangkuaijiejie', 'wenjingxuejie', 'linjiameimei', 'zhixingjiejie',
  'vibrant-youth', 'lively-girl', 'soft-spoken-gentleman', 'magnetic-voiced-male', 'zixinnansheng', 'shuangkuainansheng',
  'ganliannvsheng', 'qinhenvsheng', 'huolinvsheng', 'energeticconfident-female',
];
const volcengine = ['zh_female_tianmeixiaoyuan_moon_bigtts'];
const openai = ['alloy', 'ash', 'ballad', 'coral', 'echo', 'sage', 'shimmer', 'verse', 'marin', 'cedar'];

describe('voice table', () => {
  test.each([...stepfun, ...volcengine, ...openai])('%s resolves to an espeak-ng variant', (id) => {
    const v = resolveEspeakVoice(id);
    expect(v.variant).toMatch(/^[fm]\d$/);
    expect(v.pitch).toBeGreaterThanOrEqual(0);
    expect(v.pitch).toBeLessThanOrEqual(99);
  });

  test('gender follows the id where the id says it, and picks a variant of that gender', () => {
    for (const id of espeakVoiceIds) {
      const v = espeakVoices[id]!;
      if (/female|nvsheng|shaonv|jiejie|meimei|shunv|xuejie|yujie|girl/.test(id)) expect(v.gender, id).toBe('female');
      else if (/(^|_)male|nansheng|nanshi|nanyin|gongzi|qingnian|daxuesheng|gentleman|youth/.test(id)) expect(v.gender, id).toBe('male');
      if (v.gender === 'female') expect(v.variant, id).toMatch(/^f/);
      if (v.gender === 'male') expect(v.variant, id).toMatch(/^m/);
    }
  });

  test('voices() lists every id once, with gender and description', () => {
    const synth = createEspeakSynthesizer();
    const listed = synth.voices();
    expect(listed.map((v) => v.id)).toEqual(espeakVoiceIds);
    expect(new Set(listed.map((v) => v.id)).size).toBe(listed.length);
    for (const v of listed) {
      expect(v.gender).toBe(espeakVoices[v.id]!.gender);
      expect(v.description).toMatch(/\S/);
    }
  });

  test('an unknown id throws invalid_value on param voice, listing the valid ids', () => {
    let error: unknown;
    try {
      resolveEspeakVoice('toString');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuntimeError);
    expect(error).toMatchObject({ code: 'invalid_value', param: 'voice' });
    expect((error as Error).message).toContain(espeakVoiceIds.join(', '));
  });
});

describe('voice pitch', () => {
  const synth = createEspeakSynthesizer();
  beforeAll(() => synth.ready());

  async function f0Of(id: string, text: string): Promise<number> {
    const pcm = joinPcm(await collect(synth.synthesize(text, id, new AbortController().signal, { sampleRate: 8000 })));
    return medianF0(pcm, 8000);
  }

  test.each([
    ['English', 'We will meet again tomorrow morning.'],
    ['Mandarin', '我们明天早上再见面吧。'],
  ])('%s: every female voice has a higher median F0 than every male voice', async (_name, text) => {
    const female: number[] = [];
    const male: number[] = [];
    for (const id of espeakVoiceIds) {
      const gender = espeakVoices[id]!.gender;
      if (gender === 'neutral') continue;
      const f0 = await f0Of(id, text);
      expect(f0, id).toBeGreaterThan(60);
      (gender === 'female' ? female : male).push(f0);
    }
    expect(Math.min(...female)).toBeGreaterThan(Math.max(...male) * 1.15);
  });
});
