import { audioFormatSampleRate, type ClientEvent, DIALECTS, sessionToWire } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import type { Engine, Recognizer } from '../engine/engine.js';
import { VirtualClock } from '../testing/virtual-clock.js';
import { ScriptedEngine } from '../engines/index.js';
import { b64, openSession, silence } from './test-support/harness.js';

const textEngine = () => new ScriptedEngine(() => ScriptedEngine.text('ok'));
const speakingEngine = (rate = 24_000) => new ScriptedEngine(() => ScriptedEngine.speaking('hi', { sampleRate: rate, ms: 200 }));

describe('connect', () => {
  it('sends session.created with the dialect defaults', () => {
    const expected = {
      stepfun: { rate: 24_000, vad: null, voice: 'linjiajiejie' },
      volcengine: { rate: 16_000, vad: null, voice: 'zh_female_tianmeixiaoyuan_moon_bigtts' },
      'openai-beta': { rate: 24_000, vad: 'server_vad', voice: 'alloy' },
      openai: { rate: 24_000, vad: 'server_vad', voice: 'marin' },
    } as const;
    for (const dialect of DIALECTS) {
      const h = openSession({ dialect, engine: textEngine(), model: `m-${dialect}` });
      const { session } = h.events[0] as { session: Record<string, unknown> } & { type: string };
      expect(h.events[0]!.type).toBe('session.created');
      expect(session.id).toMatch(/^sess_/);
      expect(session.model).toBe(`m-${dialect}`);
      expect(session.voice).toBe(expected[dialect].voice);
      expect((session.turn_detection as { type?: string } | null)?.type ?? null).toBe(expected[dialect].vad);
      expect(audioFormatSampleRate(h.last('session.created').session.input_audio_format, dialect, 'input')).toBe(expected[dialect].rate);
      expect(h.last('session.created').session.output_audio_format?.rate).toBe(expected[dialect].rate);
      expect(h.types().includes('conversation.created')).toBe(dialect === 'openai' || dialect === 'openai-beta');
    }
  });

  it('uses the first valid voice when the dialect default is not among the server voices', () => {
    const h = openSession({ dialect: 'stepfun', engine: textEngine(), synthesizerVoices: ['en-a', 'en-b'] });
    expect(h.last('session.created').session.voice).toBe('en-a');
  });

  it('applies operator defaults over the dialect defaults', () => {
    const h = openSession({ dialect: 'stepfun', engine: textEngine(), defaults: { instructions: 'Be brief.' } });
    expect(h.last('session.created').session.instructions).toBe('Be brief.');
  });
});

describe('session.update', () => {
  it('merges and answers with the whole effective configuration', () => {
    const h = openSession({ dialect: 'stepfun', engine: textEngine() });
    h.send({ type: 'session.update', session: { instructions: 'A' } });
    h.send({ type: 'session.update', session: { temperature: 0.7 } });
    const { session } = h.last('session.updated');
    expect(session).toMatchObject({ instructions: 'A', temperature: 0.7, voice: 'linjiajiejie', tool_choice: 'auto' });
    expect(session.input_audio_format).toEqual({ encoding: 'pcm16', rate: 24_000 });
    expect(h.errors()).toEqual([]);
  });

  it('refuses unsupported values with their param, and changes nothing', () => {
    const h = openSession({ dialect: 'openai-beta', engine: textEngine(), synthesizerVoices: ['alloy', 'verse'] });
    const cases: [ClientEvent, string][] = [
      [{ type: 'session.update', session: { instructions: 'X', temperature: 5 } }, 'session.temperature'],
      [{ type: 'session.update', session: { voice: 'nobody' } }, 'session.voice'],
      [{ type: 'session.update', session: { modalities: [] } }, 'session.modalities'],
      [{ type: 'session.update', session: { input_audio_format: { encoding: 'pcm16', rate: 12_345 } } }, 'session.input_audio_format'],
      [{ type: 'session.update', session: { turn_detection: { type: 'server_vad', silence_duration_ms: 99_999 } } }, 'session.turn_detection.silence_duration_ms'],
      [{ type: 'session.update', session: { turn_detection: { type: 'nonsense' } as never } }, 'session.turn_detection.type'],
      [{ type: 'session.update', session: { speed: 9 } }, 'session.speed'],
      [{ type: 'session.update', session: { max_response_output_tokens: '0' } }, 'session.max_response_output_tokens'],
    ];
    for (const [event, param] of cases) {
      h.reset();
      h.send({ ...event, event_id: 'evt_x' } as ClientEvent);
      expect(h.errors()).toEqual([expect.objectContaining({ code: 'invalid_value', param, event_id: 'evt_x' })]);
      expect(h.types()).toEqual(['error']);
    }
    h.send({ type: 'session.update', session: {} });
    expect(h.last('session.updated').session.instructions).toBe('');
  });

  it('lists the valid voices for an unknown voice and spells GA params the GA way', () => {
    const h = openSession({ dialect: 'openai', engine: textEngine(), synthesizerVoices: ['marin', 'cedar'] });
    h.sendWire({ type: 'session.update', session: { type: 'realtime', audio: { output: { voice: 'nobody' } } } });
    expect(h.errors()[0]).toMatchObject({ code: 'invalid_value', param: 'session.audio.output.voice' });
    expect(h.errors()[0]!.message).toContain('marin, cedar');
  });

  it('locks the voice once the session has produced audio', async () => {
    const h = openSession({ dialect: 'stepfun', engine: speakingEngine() });
    h.send({ type: 'session.update', session: { voice: 'other' } });
    expect(h.last('session.updated').session.voice).toBe('other');
    h.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] } });
    h.send({ type: 'response.create' });
    await h.session.idle();
    h.reset();
    h.send({ type: 'session.update', session: { voice: 'third', instructions: 'changed' } });
    expect(h.errors()).toEqual([expect.objectContaining({ code: 'voice_locked', param: 'session.voice' })]);
    h.send({ type: 'session.update', session: { voice: 'other', instructions: 'same voice is fine' } });
    expect(h.last('session.updated').session.instructions).toBe('same voice is fine');
  });

  it('echoes turn detection as it runs, defaults filled in', () => {
    const h = openSession({ dialect: 'stepfun', engine: textEngine() });
    h.send({ type: 'session.update', session: { turn_detection: { type: 'server_vad', silence_duration_ms: 800 } } });
    expect(h.last('session.updated').session.turn_detection).toEqual({
      type: 'server_vad',
      threshold: 0.5,
      prefix_padding_ms: 300,
      silence_duration_ms: 800,
      create_response: true,
      interrupt_response: true,
    });
    h.send({ type: 'session.update', session: { turn_detection: { type: 'server_vad', energy_awakeness_threshold: 3000 } } });
    expect(h.last('session.updated').session.turn_detection).not.toHaveProperty('threshold');
    h.send({ type: 'session.update', session: { turn_detection: { type: 'semantic_vad' } } });
    expect(h.last('session.updated').session.turn_detection).toMatchObject({ type: 'semantic_vad', eagerness: 'auto' });
  });

  it('answers transcription_session.update with transcription_session.updated and no auto responses', () => {
    const h = openSession({ dialect: 'openai-beta', engine: textEngine() });
    h.send({ type: 'transcription_session.update', session: { input_audio_transcription: { model: 'x' } } });
    expect(h.last('transcription_session.updated').session.input_audio_transcription).toEqual({ model: 'x' });
  });
});

describe('switchDialect', () => {
  it('moves rates, voice and turn detection the client did not set, keeps what it set', () => {
    const h = openSession({ dialect: 'volcengine', engine: textEngine() });
    h.session.switchDialect('openai');
    h.send({ type: 'session.update', session: { type: 'realtime' } });
    const first = h.last('session.updated').session;
    expect(first.input_audio_format).toEqual({ encoding: 'pcm16', rate: 24_000 });
    expect(first.voice).toBe('marin');
    expect(first.turn_detection?.type).toBe('server_vad');
    expect(sessionToWire(first, 'openai')).toHaveProperty('audio.output.format', { type: 'audio/pcm', rate: 24_000 });

    const g = openSession({ dialect: 'volcengine', engine: textEngine() });
    g.send({ type: 'session.update', session: { input_audio_format: { encoding: 'pcm16', rate: 16_000 }, voice: 'v1', turn_detection: null } });
    g.session.switchDialect('openai');
    g.send({ type: 'session.update', session: { type: 'realtime' } });
    const kept = g.last('session.updated').session;
    expect(kept.input_audio_format).toEqual({ encoding: 'pcm16', rate: 16_000 });
    expect(kept.output_audio_format).toEqual({ encoding: 'pcm16', rate: 24_000 });
    expect(kept.voice).toBe('v1');
    expect(kept.turn_detection).toBeNull();
  });
});

describe('robustness', () => {
  it('turns an engine that throws synchronously into response.done failed, and goes on', async () => {
    const engine: Engine = {
      respond() {
        throw new Error('boom');
      },
    };
    const h = openSession({ dialect: 'stepfun', engine });
    h.send({ type: 'response.create', event_id: 'evt_1' });
    await h.session.idle();
    expect(h.last('response.done').response.status).toBe('failed');
    expect(h.errors()).toEqual([expect.objectContaining({ type: 'server_error', code: 'server_error' })]);
    h.send({ type: 'session.update', session: { instructions: 'still here' } });
    expect(h.last('session.updated').session.instructions).toBe('still here');
  });

  it('never throws out of handle, even for events no decoder would produce', () => {
    const h = openSession({ dialect: 'stepfun', engine: textEngine() });
    const odd = [
      { type: 'no.such.event' },
      { type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'text', text: 'x' }] } },
      { type: 'conversation.item.truncate', item_id: 'nope', content_index: 0, audio_end_ms: 1 },
      { type: 'input_audio_buffer.append', audio: '%%%' },
    ] as unknown as ClientEvent[];
    for (const event of odd) expect(() => h.send(event)).not.toThrow();
    expect(h.errors().map((e) => e.code)).toEqual(['unknown_event', 'invalid_value', 'item_not_found', 'invalid_audio']);
  });

  it('close stops every timer (engine watchdog, transcription limit) and lets idle() resolve', async () => {
    const clock = new VirtualClock();
    const hanging: Engine = { respond: () => ({ [Symbol.asyncIterator]: () => ({ next: () => new Promise(() => undefined) }) }) };
    const recognizer: Recognizer = { transcribe: () => ({ [Symbol.asyncIterator]: () => ({ next: () => new Promise(() => undefined) }) }) };
    const h = openSession({ dialect: 'openai', engine: hanging, recognizer, clock });
    h.sendWire({ type: 'session.update', session: { type: 'realtime', audio: { input: { turn_detection: null, transcription: { model: 'x' } } } } });
    h.send({ type: 'input_audio_buffer.append', audio: b64(silence(200, 24_000)) });
    h.send({ type: 'input_audio_buffer.commit' });
    h.send({ type: 'response.create' });
    await h.settle();
    expect(clock.pending).toBe(2);
    h.session.close();
    expect(clock.pending).toBe(0);
    await expect(h.session.idle()).resolves.toBeUndefined();
  });

  it('ignores events after close and stops sending', async () => {
    const h = openSession({ dialect: 'stepfun', engine: speakingEngine() });
    h.send({ type: 'input_audio_buffer.append', audio: b64(silence(200, 24_000)) });
    h.session.close('bye');
    const count = h.events.length;
    h.send({ type: 'response.create' });
    await h.settle();
    expect(h.events.length).toBe(count);
    await expect(h.session.idle()).resolves.toBeUndefined();
  });
});
