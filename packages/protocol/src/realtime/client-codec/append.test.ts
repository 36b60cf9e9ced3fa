import { describe, expect, it } from 'vitest';
import { MAX_AUDIO_BYTES } from '../objects/base64.js';
import { decodeClientEvent } from './decode.js';

function chunkOfSilence(bytes: number): string {
  let binary = '';
  for (let i = 0; i < bytes; i++) binary += String.fromCharCode((i * 7) & 0xff);
  return btoa(binary);
}

describe('input_audio_buffer.append', () => {
  it('decodes without touching the audio string', () => {
    const audio = chunkOfSilence(960);
    expect(decodeClientEvent(JSON.stringify({ type: 'input_audio_buffer.append', event_id: 'a1', audio }), 'stepfun')).toEqual({
      ok: true,
      event: { type: 'input_audio_buffer.append', event_id: 'a1', audio },
    });
  });

  it('keeps unknown fields', () => {
    const result = decodeClientEvent(JSON.stringify({ type: 'input_audio_buffer.append', audio: 'AAAA', seq: 3 }), 'volcengine');
    expect(result).toEqual({ ok: true, event: { type: 'input_audio_buffer.append', audio: 'AAAA', extra: { seq: 3 } } });
  });

  it('accepts exactly 15 MiB and refuses one byte more', () => {
    const atLimit = 'A'.repeat((MAX_AUDIO_BYTES / 3) * 4);
    const ok = decodeClientEvent({ type: 'input_audio_buffer.append', audio: atLimit }, 'openai');
    expect(ok.ok).toBe(true);
    const over = `${atLimit}AA==`;
    expect(decodeClientEvent({ type: 'input_audio_buffer.append', event_id: 'big', audio: over }, 'openai')).toMatchObject({
      ok: false,
      error: { code: 'audio_too_large', param: 'audio', event_id: 'big' },
    });
  });

  it('is fast enough for hundreds of sessions (20 ms chunks at 24 kHz)', () => {
    const frames = Array.from({ length: 2000 }, (_, i) =>
      JSON.stringify({ type: 'input_audio_buffer.append', event_id: `e${i}`, audio: chunkOfSilence(960) }),
    );
    const start = performance.now();
    for (const frame of frames) if (!decodeClientEvent(frame, 'openai').ok) throw new Error('decode');
    const perEventMs = (performance.now() - start) / frames.length;
    // A generous bound for shared CI machines; typical is a few microseconds.
    expect(perEventMs).toBeLessThan(0.5);
  });
});
