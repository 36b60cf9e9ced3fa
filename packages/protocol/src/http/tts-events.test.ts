import { describe, expect, it } from 'vitest';
import { decodeTtsClientEvent, encodeTtsClientEvent } from './tts-client-events.js';
import { createTtsEventFactory } from './tts-event-factory.js';
import { markdownFilterEnabled, pronunciationRules } from './tts-options.js';
import { decodeTtsServerEvent, encodeTtsServerEvent } from './tts-server-events.js';

const create = (data: Record<string, unknown>) => ({ type: 'tts.create', data: { session_id: 'S1', voice_id: 'linjiajiejie', ...data } });
const errorOf = (result: ReturnType<typeof decodeTtsClientEvent> | ReturnType<typeof decodeTtsServerEvent>) => {
  if (result.ok) throw new Error('expected an error');
  return result.error;
};

describe('decodeTtsClientEvent', () => {
  it('decodes each client event', () => {
    for (const type of ['tts.text.flush', 'tts.text.done']) {
      const result = decodeTtsClientEvent(JSON.stringify({ type, data: { session_id: 'S1' } }));
      expect(result.ok && result.event.type).toBe(type);
    }
    const delta = decodeTtsClientEvent({ type: 'tts.text.delta', data: { session_id: 'S1', text: '你好' } });
    expect(delta.ok && delta.event).toEqual({ type: 'tts.text.delta', data: { session_id: 'S1', text: '你好' } });
  });

  it('names unknown, untyped and malformed frames', () => {
    expect(errorOf(decodeTtsClientEvent({ type: 'tts.speak', data: {} }))).toMatchObject({ code: 'unknown_event', param: 'type' });
    expect(errorOf(decodeTtsClientEvent({ data: {} }))).toMatchObject({ code: 'missing_required_parameter', param: 'type' });
    expect(errorOf(decodeTtsClientEvent({ type: 3 }))).toMatchObject({ code: 'invalid_type', param: 'type' });
    expect(errorOf(decodeTtsClientEvent('{'))).toMatchObject({ code: 'invalid_json' });
    expect(errorOf(decodeTtsClientEvent({ type: 'tts.text.done' }))).toMatchObject({ code: 'missing_required_parameter', param: 'data' });
  });

  it('validates tts.create fields with data.* params', () => {
    const noVoice = { type: 'tts.create', data: { session_id: 'S1' } };
    expect(errorOf(decodeTtsClientEvent(noVoice))).toMatchObject({ code: 'missing_required_parameter', param: 'data.voice_id' });
    expect(errorOf(decodeTtsClientEvent(create({ speed_ratio: 3 })))).toMatchObject({ code: 'invalid_value', param: 'data.speed_ratio' });
    expect(errorOf(decodeTtsClientEvent(create({ sample_rate: 44100 })))).toMatchObject({ code: 'invalid_value', param: 'data.sample_rate' });
    expect(errorOf(decodeTtsClientEvent(create({ response_format: 'aac' })))).toMatchObject({ param: 'data.response_format' });
    const twoLabels = create({ voice_label: { emotion: '高兴', style: '慢速' } });
    expect(errorOf(decodeTtsClientEvent(twoLabels))).toMatchObject({ code: 'invalid_value', param: 'data.voice_label' });
    expect(decodeTtsClientEvent(create({ voice_label: { language: '粤语' }, response_format: 'mp3_stream', sample_rate: 48000 })).ok).toBe(true);
  });

  it('limits a text delta to 1000 characters, counted as code points', () => {
    const delta = (text: string) => ({ type: 'tts.text.delta', data: { session_id: 'S1', text } });
    expect(decodeTtsClientEvent(delta('😀'.repeat(1000))).ok).toBe(true);
    expect(errorOf(decodeTtsClientEvent(delta('字'.repeat(1001))))).toMatchObject({ code: 'invalid_value', param: 'data.text' });
  });

  it('accepts both pronunciation-map forms and both markdown-filter spellings', () => {
    const one = decodeTtsClientEvent(create({ pronunciation_map: { tone: ['阿胶/e1胶'] }, markdown_filter: true }));
    const list = decodeTtsClientEvent(create({ pronunciation_map: [{ tone: ['阿胶/e1胶'] }, { tone: ['LOL/laugh out loudly'] }], features: { enable_markdown_filter: true } }));
    if (!one.ok || !list.ok || one.event.type !== 'tts.create' || list.event.type !== 'tts.create') throw new Error('decode failed');
    expect(pronunciationRules(one.event.data.pronunciation_map)).toEqual(['阿胶/e1胶']);
    expect(pronunciationRules(list.event.data.pronunciation_map)).toEqual(['阿胶/e1胶', 'LOL/laugh out loudly']);
    expect(markdownFilterEnabled(one.event.data)).toBe(true);
    expect(markdownFilterEnabled(list.event.data)).toBe(true);
    expect(markdownFilterEnabled({})).toBe(false);
  });

  it('round-trips through its encoder', () => {
    const event = create({ mode: 'sentence' });
    const decoded = decodeTtsClientEvent(event);
    expect(decoded.ok && JSON.parse(encodeTtsClientEvent(decoded.event))).toEqual(event);
  });
});

describe('TTS server events', () => {
  let n = 0;
  const factory = createTtsEventFactory({ sessionId: 'S9', newEventId: () => `e-${++n}` });

  it('builds a whole session of events that decode back unchanged', () => {
    const events = [
      factory.connectionDone(),
      factory.responseCreated(),
      factory.sentenceStart('你好。', 1700000000000, 'sent-1'),
      factory.audioDelta('UklGRg==', 0.5),
      factory.sentenceEnd('你好。', 1700000000500, 'sent-1'),
      factory.textFlushed(),
      factory.audioDone(),
      factory.error('503', 'The engine is currently overloaded, please try again later'),
    ];
    expect(new Set(events.map((e) => e.event_id)).size).toBe(events.length);
    for (const event of events) {
      expect(event.data.session_id).toBe('S9');
      const decoded = decodeTtsServerEvent(encodeTtsServerEvent(event));
      expect(decoded.ok && decoded.event).toEqual(event);
    }
  });

  it('uses random 32-hex event ids by default', () => {
    const id = createTtsEventFactory({ sessionId: 's' }).connectionDone().event_id;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('maps the accepted variants to the canonical form', () => {
    const done = decodeTtsServerEvent({ event_id: 'e1', type: 'response.audio.done', data: { session_id: 'S', audio: '' } });
    expect(done.ok && done.event.type).toBe('tts.response.audio.done');
    const start = decodeTtsServerEvent({ event_id: 'e2', type: 'tts.response.sentence.start', data: { session_id: 'S', started_at: '10292929292' } });
    expect(start.ok && start.event.type === 'tts.response.sentence.start' && start.event.data.started_at).toBe(10292929292);
    const err = decodeTtsServerEvent({ event_id: 'e3', type: 'tts.response.error', data: { session_id: 'S', code: 503, message: 'busy' } });
    expect(err.ok && err.event.type === 'tts.response.error' && err.event.data.code).toBe('503');
  });

  it('rejects what it cannot map, echoing the event id', () => {
    const bad = decodeTtsServerEvent({ event_id: 'e4', type: 'tts.response.sentence.end', data: { session_id: 'S', ended_at: 'later' } });
    expect(errorOf(bad)).toMatchObject({ code: 'invalid_value', param: 'data.ended_at', event_id: 'e4' });
    const subtitle = decodeTtsServerEvent({ event_id: 'e5', type: 'tts.response.subtitle', data: { session_id: 'S' } });
    expect(errorOf(subtitle)).toMatchObject({ code: 'unknown_event', event_id: 'e5' });
    const noAudio = decodeTtsServerEvent({ event_id: 'e6', type: 'tts.response.audio.delta', data: { session_id: 'S' } });
    expect(errorOf(noAudio)).toMatchObject({ code: 'missing_required_parameter', param: 'data.audio' });
  });

  it('turns a client decoding failure into tts.response.error', () => {
    const failure = decodeTtsClientEvent(create({ speed_ratio: 9 }));
    if (failure.ok) throw new Error('expected failure');
    const event = factory.protocolError(failure.error);
    expect(event.type).toBe('tts.response.error');
    expect(event.data).toMatchObject({ session_id: 'S9', code: 'invalid_value', details: { param: 'data.speed_ratio' } });
  });
});
