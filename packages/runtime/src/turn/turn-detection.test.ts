import { base64ToBytes } from '@parley/audio';
import type { Dialect, TurnDetection } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { ScriptedEngine } from '../engines/index.js';
import { VirtualClock } from '../testing/virtual-clock.js';
import { b64, type Harness, openSession, silence } from '../session/test-support/harness.js';
import { chunks, spokenPhrase } from './test-support/speech.js';
import { detectorThreshold } from './voice-detector.js';

const PHRASE = 'Hello there, how are you doing today?';

async function stream(h: Harness, pcm: Int16Array, rate: number, chunkMs = 100): Promise<void> {
  for (const chunk of chunks(pcm, rate, chunkMs)) {
    h.send({ type: 'input_audio_buffer.append', audio: b64(chunk) });
    await h.clock.advanceAsync((chunk.length * 1000) / rate);
  }
}

function vadSession(dialect: Dialect, turnDetection: TurnDetection, engine = new ScriptedEngine(() => ScriptedEngine.text('ok'))) {
  const h = openSession({ dialect, engine });
  h.send({ type: 'session.update', session: { turn_detection: turnDetection, ...(dialect === 'openai' ? { type: 'realtime' as const } : {}) } });
  return h;
}

const vadEvents = (h: Harness) =>
  h.events
    .filter((e) => e.type === 'input_audio_buffer.speech_started' || e.type === 'input_audio_buffer.speech_stopped')
    .map((e) => ({ type: e.type, ms: 'audio_start_ms' in e ? e.audio_start_ms : (e as { audio_end_ms: number }).audio_end_ms }));

describe('server VAD on real speech', () => {
  it.each([['openai-beta', 24_000] as const, ['volcengine', 16_000] as const])(
    '%s: finds the turn, commits it and answers',
    async (dialect, rate) => {
      const phrase = await spokenPhrase(PHRASE, rate);
      const h = vadSession(dialect, { type: 'server_vad' });
      await stream(h, phrase.pcm, rate);
      await h.session.idle();

      const started = h.of('input_audio_buffer.speech_started');
      const stopped = h.of('input_audio_buffer.speech_stopped');
      expect(started).toHaveLength(1);
      expect(stopped).toHaveLength(1);
      // Speech start minus the 300 ms prefix padding; speech end plus the 500 ms silence.
      expect(Math.abs(started[0]!.audio_start_ms - (phrase.speechStartMs - 300))).toBeLessThanOrEqual(120);
      expect(Math.abs(stopped[0]!.audio_end_ms - (phrase.speechEndMs + 500))).toBeLessThanOrEqual(200);
      const itemId = started[0]!.item_id;
      expect(stopped[0]!.item_id).toBe(itemId);
      expect(h.last('input_audio_buffer.committed').item_id).toBe(itemId);

      const types = h.types();
      const order = ['input_audio_buffer.speech_started', 'input_audio_buffer.speech_stopped', 'input_audio_buffer.committed', 'response.created', 'response.done'];
      const positions = order.map((t) => types.indexOf(t));
      expect(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!))).toBe(true);
      expect(h.last('response.done').response.status).toBe('completed');

      h.send({ type: 'conversation.item.retrieve', item_id: itemId });
      const item = h.last('conversation.item.retrieved').item as { content: { audio: string }[] };
      const committedMs = (base64ToBytes(item.content[0]!.audio).length / 2 / rate) * 1000;
      expect(Math.abs(committedMs - (stopped[0]!.audio_end_ms - started[0]!.audio_start_ms))).toBeLessThanOrEqual(2);
    },
  );

  it('gives the same turn whatever the chunking', async () => {
    const phrase = await spokenPhrase(PHRASE, 24_000);
    const results = [];
    for (const chunkMs of [20, 100, 37]) {
      const h = vadSession('openai-beta', { type: 'server_vad', create_response: false });
      await stream(h, phrase.pcm, 24_000, chunkMs);
      results.push(vadEvents(h));
    }
    expect(results[0]).toHaveLength(2);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it('runs semantic_vad as server VAD with the silence of its eagerness', async () => {
    const phrase = await spokenPhrase(PHRASE, 24_000);
    const ends: number[] = [];
    for (const eagerness of ['high', 'low'] as const) {
      const h = vadSession('openai', { type: 'semantic_vad', eagerness, create_response: false });
      await stream(h, phrase.pcm, 24_000);
      ends.push(h.last('input_audio_buffer.speech_stopped').audio_end_ms);
    }
    expect(ends[1]! - ends[0]!).toBe(500);
  });

  it('commits without answering when create_response is false', async () => {
    const phrase = await spokenPhrase(PHRASE, 24_000);
    const h = vadSession('stepfun', { type: 'server_vad', create_response: false });
    await stream(h, phrase.pcm, 24_000);
    expect(h.of('input_audio_buffer.committed')).toHaveLength(1);
    expect(h.of('response.created')).toHaveLength(0);
  });
});

describe('barge-in', () => {
  function storyteller(ms: number) {
    const clock = new VirtualClock();
    const story = ScriptedEngine.speaking('a long story', { ms, paced: true });
    const engine = new ScriptedEngine([story, ScriptedEngine.text('Yes?')], { clock });
    return openSession({ dialect: 'openai-beta', engine, clock });
  }

  it('cancels the playing response with reason turn_detected, and nothing of it follows', async () => {
    const phrase = await spokenPhrase(PHRASE, 24_000, { leadMs: 600 });
    const h = storyteller(8_000);
    h.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Tell me a story' }] } });
    h.send({ type: 'response.create' });
    await h.clock.advanceAsync(300);
    const first = h.last('response.created').response.id!;
    expect(h.of('response.audio.delta').length).toBeGreaterThan(0);

    await stream(h, phrase.pcm, 24_000);
    await h.session.idle();
    const types = h.types();
    const started = types.indexOf('input_audio_buffer.speech_started');
    const cancelled = h.of('response.done').find((e) => e.response.id === first)!;
    expect(cancelled.response.status).toBe('cancelled');
    expect(cancelled.response.status_details).toEqual({ type: 'cancelled', reason: 'turn_detected' });
    const doneAt = h.events.indexOf(cancelled);
    expect(started).toBeLessThan(doneAt);
    const late = h.events.slice(doneAt + 1).filter((e) => (e as { response_id?: string }).response_id === first);
    expect(late).toEqual([]);
    // The user's turn is committed and answered by a new response.
    expect(h.of('response.created')).toHaveLength(2);
    expect(types.lastIndexOf('response.created')).toBeGreaterThan(types.indexOf('input_audio_buffer.committed'));
  });

  it('lets the response play on when interrupt_response is false', async () => {
    const phrase = await spokenPhrase(PHRASE, 24_000, { leadMs: 600 });
    const h = storyteller(6_000);
    h.send({ type: 'session.update', session: { turn_detection: { type: 'server_vad', interrupt_response: false } } });
    h.send({ type: 'response.create' });
    await stream(h, phrase.pcm, 24_000);
    await h.clock.advanceAsync(6_000);
    await h.session.idle();
    expect(h.of('input_audio_buffer.speech_started')).toHaveLength(1);
    expect(h.of('response.done').map((e) => e.response.status)).toEqual(['completed']);
  });
});

describe('idle_timeout_ms (GA)', () => {
  it('commits the silence and answers after that long without speech, counted from response.done plus its audio', async () => {
    const clock = new VirtualClock();
    const engine = new ScriptedEngine(() => ScriptedEngine.speaking('Anything else?', { ms: 300 }), { clock });
    const h = openSession({ dialect: 'openai', engine, clock });
    h.send({ type: 'session.update', session: { type: 'realtime', turn_detection: { type: 'server_vad', idle_timeout_ms: 2_000 } } });
    h.send({ type: 'response.create' });
    await h.session.idle();
    h.reset();
    const quiet = silence(100, 24_000);
    for (let i = 0; i < 22; i++) {
      h.send({ type: 'input_audio_buffer.append', audio: b64(quiet) });
      await h.clock.advanceAsync(100);
    }
    expect(h.of('input_audio_buffer.timeout_triggered')).toHaveLength(0);
    h.send({ type: 'input_audio_buffer.append', audio: b64(quiet) });
    await h.clock.advanceAsync(100);
    await h.session.idle();
    const timeout = h.last('input_audio_buffer.timeout_triggered');
    expect(timeout.audio_end_ms - timeout.audio_start_ms).toBe(2_000);
    expect(h.types().slice(0, 4)).toEqual([
      'input_audio_buffer.timeout_triggered',
      'input_audio_buffer.committed',
      'conversation.item.created',
      'conversation.item.done',
    ]);
    expect(h.last('input_audio_buffer.committed').item_id).toBe(timeout.item_id);
    expect(h.of('response.created')).toHaveLength(1);
  });
});

describe('StepFun energy_awakeness_threshold', () => {
  it('maps 0..5000 onto the detector threshold, 2500 on the default 0.5; threshold wins', () => {
    expect(detectorThreshold({ type: 'server_vad', energy_awakeness_threshold: 2500 })).toBe(0.5);
    expect(detectorThreshold({ type: 'server_vad', energy_awakeness_threshold: 0 })).toBe(0);
    expect(detectorThreshold({ type: 'server_vad', energy_awakeness_threshold: 5000 })).toBe(1);
    expect(detectorThreshold({ type: 'server_vad', energy_awakeness_threshold: 4000, threshold: 0.3 })).toBe(0.3);
    expect(detectorThreshold({ type: 'server_vad' })).toBe(0.5);
  });

  it('a high energy threshold hears less speech than a low one', async () => {
    const phrase = await spokenPhrase(PHRASE, 24_000);
    const heard: number[] = [];
    for (const energy of [500, 5000]) {
      const h = vadSession('stepfun', { type: 'server_vad', energy_awakeness_threshold: energy, create_response: false });
      await stream(h, phrase.pcm, 24_000);
      heard.push(h.of('input_audio_buffer.speech_started').length);
    }
    expect(heard[0]).toBe(1);
    expect(heard[1]).toBe(0);
  });
});
