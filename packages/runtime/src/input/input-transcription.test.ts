import { describe, expect, it } from 'vitest';
import type { Pcm, Recognizer, TranscribeOptions, TranscriptPart } from '../engine/engine.js';
import { ScriptedEngine, tone } from '../engines/index.js';
import { delay } from '../engines/abortable.js';
import { b64, type Harness, openSession } from '../session/test-support/harness.js';
import { VirtualClock } from '../testing/virtual-clock.js';

function recognizerOf(parts: (TranscriptPart | { wait: number } | { fail: string })[], clock?: VirtualClock) {
  const calls: { audio: Pcm; options: TranscribeOptions }[] = [];
  const recognizer: Recognizer = {
    async *transcribe(audio, options, signal) {
      calls.push({ audio, options });
      for (const part of parts) {
        if ('wait' in part) {
          if (!(await delay(clock!, part.wait, signal))) return;
        } else if ('fail' in part) throw new Error(part.fail);
        else yield part;
      }
    },
  };
  return { recognizer, calls };
}

function commitSpeech(h: Harness): string {
  h.send({ type: 'input_audio_buffer.append', audio: b64(tone(300, 24_000)) });
  h.send({ type: 'input_audio_buffer.commit' });
  return h.last('input_audio_buffer.committed').item_id;
}

describe('input audio transcription', () => {
  it('streams deltas, completes by item_id and updates the item', async () => {
    const { recognizer, calls } = recognizerOf([
      { type: 'delta', delta: 'Hel' },
      { type: 'delta', delta: 'lo' },
      { type: 'completed', transcript: 'Hello.' },
    ]);
    const engine = new ScriptedEngine(() => ScriptedEngine.text('hi'));
    const h = openSession({ dialect: 'openai-beta', engine, recognizer });
    h.send({ type: 'session.update', session: { turn_detection: null, input_audio_transcription: { model: 'm1', language: 'en', prompt: 'p' } } });
    const itemId = commitSpeech(h);
    await h.settle();
    expect(h.of('conversation.item.input_audio_transcription.delta').map((e) => [e.item_id, e.delta])).toEqual([
      [itemId, 'Hel'],
      [itemId, 'lo'],
    ]);
    expect(h.last('conversation.item.input_audio_transcription.completed')).toMatchObject({ item_id: itemId, content_index: 0, transcript: 'Hello.' });
    expect(calls[0]!.options).toEqual({ model: 'm1', language: 'en', prompt: 'p' });
    expect(calls[0]!.audio.sampleRate).toBe(24_000);
    h.send({ type: 'conversation.item.retrieve', item_id: itemId });
    expect(h.last('conversation.item.retrieved').item).toMatchObject({ content: [{ type: 'input_audio', transcript: 'Hello.' }] });
    h.send({ type: 'response.create' });
    await h.session.idle();
    expect(engine.calls[0]!.input.items[0]).toMatchObject({ content: [{ transcript: 'Hello.' }] });
  });

  it('may finish after the response; the events still name the item (GA config)', async () => {
    const clock = new VirtualClock();
    const { recognizer } = recognizerOf([{ wait: 2_000 }, { type: 'completed', transcript: 'late' }], clock);
    const h = openSession({ dialect: 'openai', engine: new ScriptedEngine(() => ScriptedEngine.text('answer')), recognizer, clock });
    h.sendWire({ type: 'session.update', session: { type: 'realtime', audio: { input: { turn_detection: null, transcription: { model: 'x' } } } } });
    const itemId = commitSpeech(h);
    h.send({ type: 'response.create' });
    await h.session.idle();
    await clock.advanceAsync(2_000);
    const types = h.types();
    expect(types.indexOf('conversation.item.input_audio_transcription.completed')).toBeGreaterThan(types.indexOf('response.done'));
    expect(h.last('conversation.item.input_audio_transcription.completed').item_id).toBe(itemId);
  });

  it('reports a failing recognizer, a missing one, and one that takes too long', async () => {
    const failing = openSession({ dialect: 'stepfun', engine: new ScriptedEngine([]), recognizer: recognizerOf([{ fail: 'asr down' }]).recognizer });
    failing.send({ type: 'session.update', session: { input_audio_transcription: { model: 'any' } } });
    const failedId = commitSpeech(failing);
    await failing.settle();
    expect(failing.last('conversation.item.input_audio_transcription.failed')).toMatchObject({
      item_id: failedId,
      content_index: 0,
      error: { code: 'transcription_failed', message: 'asr down' },
    });

    const missing = openSession({ dialect: 'volcengine', engine: new ScriptedEngine([]) });
    missing.send({ type: 'session.update', session: { input_audio_transcription: { model: 'any' } } });
    missing.send({ type: 'input_audio_buffer.append', audio: b64(tone(300, 16_000)) });
    missing.send({ type: 'input_audio_buffer.commit' });
    expect(missing.last('conversation.item.input_audio_transcription.failed').error).toMatchObject({ code: 'transcription_unavailable' });

    const clock = new VirtualClock();
    const slow = openSession({
      dialect: 'stepfun',
      engine: new ScriptedEngine([]),
      recognizer: recognizerOf([{ wait: 60_000 }, { type: 'completed', transcript: 'never' }], clock).recognizer,
      clock,
      limits: { transcriptionTimeoutMs: 3_000 },
    });
    slow.send({ type: 'session.update', session: { input_audio_transcription: { model: 'any' } } });
    commitSpeech(slow);
    await clock.advanceAsync(3_000);
    expect(slow.last('conversation.item.input_audio_transcription.failed').error).toMatchObject({ code: 'upstream_timeout' });
    await clock.advanceAsync(60_000);
    expect(slow.of('conversation.item.input_audio_transcription.completed')).toHaveLength(0);
  });

  it('is not run when the session does not ask for it', async () => {
    const { recognizer, calls } = recognizerOf([{ type: 'completed', transcript: 'x' }]);
    const h = openSession({ dialect: 'stepfun', engine: new ScriptedEngine([]), recognizer });
    commitSpeech(h);
    await h.settle();
    expect(calls).toHaveLength(0);
    expect(h.types().some((t) => t.includes('transcription'))).toBe(false);
  });
});
