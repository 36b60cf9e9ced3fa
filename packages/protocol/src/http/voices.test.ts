import { describe, expect, it } from 'vitest';
import { STEPFUN_VOICES, STEP_AUDIO_2_MINI_VOICES, STEP_AUDIO_2_VOICES, stepfunVoice } from './stepfun-voices.js';
import {
  buildSystemVoicesResponse,
  buildVoiceListResponse,
  decodeSystemVoicesQuery,
  decodeSystemVoicesResponse,
  decodeVoiceListQuery,
  decodeVoiceListResponse,
} from './voices.js';

describe('voice list query', () => {
  it('applies the documented defaults and bounds', () => {
    expect(decodeVoiceListQuery(new URLSearchParams(''))).toEqual({ ok: true, event: { limit: 20, order: 'desc' } });
    const full = decodeVoiceListQuery(new URLSearchParams('limit=100&order=asc&after=voice-tone-1'));
    expect(full).toEqual({ ok: true, event: { limit: 100, order: 'asc', after: 'voice-tone-1' } });
    for (const limit of ['0', '101', '2.5', 'ten']) {
      const bad = decodeVoiceListQuery({ limit });
      expect(bad.ok || bad.error).toMatchObject({ code: 'invalid_value', param: 'limit' });
    }
    const order = decodeVoiceListQuery({ order: 'newest' });
    expect(order.ok || order.error).toMatchObject({ code: 'invalid_value', param: 'order' });
    const noModel = decodeSystemVoicesQuery(new URLSearchParams());
    expect(noModel.ok || noModel.error).toMatchObject({ code: 'missing_required_parameter', param: 'model' });
  });
});

describe('voice responses', () => {
  it('builds responses that decode, with cursors from the page', () => {
    const list = buildVoiceListResponse([{ id: 'voice-tone-a', created_at: 1 }, { id: 'voice-tone-b', created_at: 2 }], true);
    expect(list).toMatchObject({ first_id: 'voice-tone-a', last_id: 'voice-tone-b', has_more: true });
    expect(decodeVoiceListResponse(JSON.stringify(list)).ok).toBe(true);
    expect(buildVoiceListResponse([], false)).toMatchObject({ first_id: null, last_id: null });
    const system = buildSystemVoicesResponse([{ id: 'linjiajiejie', name: '邻家姐姐' }, { id: 'energeticconfident-female' }]);
    expect(system.voices).toEqual(['linjiajiejie', 'energeticconfident-female']);
    expect(system['voices-details']?.['energeticconfident-female']?.['voice-name']).toBe('');
    expect(decodeSystemVoicesResponse(system).ok).toBe(true);
  });
});

describe('STEPFUN_VOICES', () => {
  // Notes Part 2 §2.6, transcribed group by group.
  const onAllThree = `elegantgentle-female livelybreezy-female wenrounansheng wenrougongzi yuanqinansheng jingdiannvsheng
    wenroushunv tianmeinvsheng qingchunshaonv cixingnansheng yuanqishaonv linjiajiejie zhengpaiqingnian qingniandaxuesheng
    boyinnansheng ruyananshi shenchennanyin qinqienvsheng wenrounvsheng jilingshaonv ruanmengnvsheng youyanvsheng
    lengyanyujie shuangkuaijiejie wenjingxuejie linjiameimei zhixingjiejie`.split(/\s+/);
  const notOnMini = `vibrant-youth lively-girl soft-spoken-gentleman magnetic-voiced-male zixinnansheng shuangkuainansheng
    ganliannvsheng qinhenvsheng huolinvsheng`.split(/\s+/);
  const systemVoicesOnly = ['energeticconfident-female'];

  it('lists exactly the official ids, each once, with the models that offer them', () => {
    const ids = STEPFUN_VOICES.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set([...onAllThree, ...notOnMini, ...systemVoicesOnly]));
    for (const id of onAllThree) expect(stepfunVoice(id)?.models, id).toContain('step-tts-mini');
    for (const id of notOnMini) {
      expect(stepfunVoice(id)?.models, id).toEqual(expect.arrayContaining(['stepaudio-2.5-tts', 'step-tts-2']));
      expect(stepfunVoice(id)?.models, id).not.toContain('step-tts-mini');
    }
    expect(stepfunVoice('energeticconfident-female')).toMatchObject({ models: ['step-tts-2'], language: 'en' });
    expect(stepfunVoice('no-such-voice')).toBeUndefined();
  });

  it('knows every chat voice, and a gender for every voice whose id names one', () => {
    for (const id of [...STEP_AUDIO_2_VOICES, ...STEP_AUDIO_2_MINI_VOICES]) expect(stepfunVoice(id), id).toBeDefined();
    for (const voice of STEPFUN_VOICES) {
      if (/(nv|female|girl|jiejie|meimei|yujie|xuejie|shunv)/.test(voice.id)) expect(voice.gender, voice.id).toBe('female');
      else if (/(nan|male|gentleman|gongzi|qingnian|daxuesheng)/.test(voice.id)) expect(voice.gender, voice.id).toBe('male');
      expect(voice.models.length).toBeGreaterThan(0);
    }
  });
});
