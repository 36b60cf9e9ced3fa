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

  describe("audioCheck: 'size'", () => {
    const append = (audio: string) => ({ type: 'input_audio_buffer.append', event_id: 'e1', audio });

    it('leaves the alphabet to the session: bad characters pass, the default still refuses them', () => {
      expect(decodeClientEvent(append('AA A'), 'openai', { audioCheck: 'size' })).toEqual({
        ok: true,
        event: { type: 'input_audio_buffer.append', event_id: 'e1', audio: 'AA A' },
      });
      expect(decodeClientEvent(append('AA A'), 'openai')).toMatchObject({ ok: false, error: { code: 'invalid_audio' } });
      expect(decodeClientEvent(append('AA A'), 'openai', { audioCheck: 'full' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_audio' },
      });
    });

    it('still refuses a length that is not a multiple of 4, and audio over the cap', () => {
      expect(decodeClientEvent(append('AAA'), 'openai', { audioCheck: 'size' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_audio', param: 'audio', event_id: 'e1' },
      });
      const over = 'A'.repeat(((MAX_AUDIO_BYTES + 3) / 3) * 4);
      expect(decodeClientEvent(append(over), 'openai', { audioCheck: 'size' })).toMatchObject({
        ok: false,
        error: { code: 'audio_too_large' },
      });
    });

    it('checks the audio of other events fully', () => {
      const item = {
        type: 'conversation.item.create',
        item: { type: 'message', role: 'user', content: [{ type: 'input_audio', audio: 'AA A' }] },
      };
      expect(decodeClientEvent(item, 'openai-beta', { audioCheck: 'size' })).toMatchObject({ ok: false });
    });
  });
});
