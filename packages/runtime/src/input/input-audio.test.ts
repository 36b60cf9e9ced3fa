import { base64ToBytes, bytesToBase64, mulawEncode, pcm16FromBytes } from '@parley/audio';
import { describe, expect, it } from 'vitest';
import { ScriptedEngine, tone } from '../engines/index.js';
import { b64, openSession } from '../session/test-support/harness.js';
import { InputAudioBuffer } from './input-audio-buffer.js';

const engine = () => new ScriptedEngine(() => ScriptedEngine.text('ok'));
const manual = (dialect: 'stepfun' | 'openai-beta' = 'stepfun', limits = {}) => openSession({ dialect, engine: engine(), limits });

describe('input_audio_buffer.append', () => {
  it('refuses audio that is not base64 or not whole samples', () => {
    const h = manual();
    h.send({ type: 'input_audio_buffer.append', audio: 'not base64!', event_id: 'a1' });
    h.send({ type: 'input_audio_buffer.append', audio: bytesToBase64(new Uint8Array(3)), event_id: 'a2' });
    expect(h.errors()).toEqual([
      expect.objectContaining({ code: 'invalid_audio', param: 'audio', event_id: 'a1' }),
      expect.objectContaining({ code: 'invalid_audio', param: 'audio', event_id: 'a2' }),
    ]);
  });

  it('refuses an append over the per-event limit', () => {
    const h = manual('stepfun', { maxAppendBytes: 1000 });
    h.send({ type: 'input_audio_buffer.append', audio: b64(new Int16Array(501)) });
    expect(h.errors()).toEqual([expect.objectContaining({ code: 'audio_too_large', param: 'audio' })]);
  });

  it('caps the uncommitted buffer with audio_too_large, keeping what it holds', () => {
    const h = manual('stepfun', { maxInputBufferBytes: 9600 });
    const chunk = b64(tone(100, 24_000));
    h.send({ type: 'input_audio_buffer.append', audio: chunk });
    h.send({ type: 'input_audio_buffer.append', audio: chunk });
    h.send({ type: 'input_audio_buffer.append', audio: chunk, event_id: 'too_much' });
    expect(h.errors()).toEqual([expect.objectContaining({ code: 'audio_too_large', event_id: 'too_much' })]);
    h.send({ type: 'input_audio_buffer.commit' });
    const id = h.last('input_audio_buffer.committed').item_id;
    h.send({ type: 'conversation.item.retrieve', item_id: id });
    const part = h.last('conversation.item.retrieved').item as { content: { audio?: string }[] };
    expect(base64ToBytes(part.content[0]!.audio!).length).toBe(9600);
  });
});

describe('input_audio_buffer.commit', () => {
  it('refuses an empty or too short buffer', () => {
    const h = manual();
    h.send({ type: 'input_audio_buffer.commit', event_id: 'c1' });
    h.send({ type: 'input_audio_buffer.append', audio: b64(tone(50, 24_000)) });
    h.send({ type: 'input_audio_buffer.commit', event_id: 'c2' });
    expect(h.errors()).toEqual([
      expect.objectContaining({ code: 'input_audio_buffer_commit_empty', event_id: 'c1', message: expect.stringContaining('empty') }),
      expect.objectContaining({ code: 'input_audio_buffer_commit_empty', event_id: 'c2', message: expect.stringContaining('50 ms') }),
    ]);
  });

  it('makes a user item of the audio, keeps its PCM, and starts no response', async () => {
    const h = manual('openai-beta');
    const audio = tone(300, 24_000);
    h.send({ type: 'input_audio_buffer.append', audio: b64(audio.subarray(0, 3000)) });
    h.send({ type: 'input_audio_buffer.append', audio: b64(audio.subarray(3000)) });
    h.reset();
    h.send({ type: 'input_audio_buffer.commit' });
    await h.settle();
    expect(h.types()).toEqual(['input_audio_buffer.committed', 'conversation.item.created', 'conversation.item.done']);
    const committed = h.last('input_audio_buffer.committed');
    expect(committed.previous_item_id).toBeNull();
    expect(h.last('conversation.item.created').item).toEqual({
      id: committed.item_id,
      object: 'realtime.item',
      type: 'message',
      status: 'completed',
      role: 'user',
      content: [{ type: 'input_audio', transcript: null }],
    });
    h.send({ type: 'conversation.item.retrieve', item_id: committed.item_id });
    const retrieved = h.last('conversation.item.retrieved').item as { content: { audio: string }[] };
    expect(pcm16FromBytes(base64ToBytes(retrieved.content[0]!.audio))).toEqual(audio);

    h.send({ type: 'input_audio_buffer.append', audio: b64(tone(200, 24_000)) });
    h.send({ type: 'input_audio_buffer.commit' });
    expect(h.last('input_audio_buffer.committed').previous_item_id).toBe(committed.item_id);
  });

  it('decodes G.711 input and gives it back in the same format', () => {
    const h = manual();
    h.send({ type: 'session.update', session: { input_audio_format: { encoding: 'g711_ulaw' } } });
    const bytes = mulawEncode(tone(200, 8_000));
    h.send({ type: 'input_audio_buffer.append', audio: bytesToBase64(bytes) });
    h.send({ type: 'input_audio_buffer.commit' });
    h.send({ type: 'conversation.item.retrieve', item_id: h.last('input_audio_buffer.committed').item_id });
    const retrieved = h.last('conversation.item.retrieved').item as { content: { audio: string }[] };
    expect(base64ToBytes(retrieved.content[0]!.audio)).toEqual(bytes);
  });
});

describe('input_audio_buffer.clear', () => {
  it('empties the buffer', () => {
    const h = manual();
    h.send({ type: 'input_audio_buffer.append', audio: b64(tone(200, 24_000)) });
    h.send({ type: 'input_audio_buffer.clear' });
    h.send({ type: 'input_audio_buffer.commit' });
    expect(h.types().slice(-2)).toEqual(['input_audio_buffer.cleared', 'error']);
    expect(h.errors()[0]!.code).toBe('input_audio_buffer_commit_empty');
  });
});

describe('InputAudioBuffer', () => {
  it('keeps positions on the session timeline through takes, trims and rate changes', () => {
    const buffer = new InputAudioBuffer(16_000, 1 << 20);
    buffer.append(tone(500, 16_000));
    expect(buffer.endMs).toBe(500);
    const taken = buffer.take(100, 300);
    expect(taken.length).toBe(3200);
    expect(buffer.startMs).toBe(300);
    buffer.trimBefore(400);
    expect(buffer.durationMs).toBe(100);
    buffer.setRate(24_000);
    expect(buffer.rate).toBe(24_000);
    expect(buffer.endMs).toBeCloseTo(500, 5);
    buffer.clear();
    expect(buffer.startMs).toBeCloseTo(500, 5);
    expect(buffer.byteLength).toBe(0);
  });
});
