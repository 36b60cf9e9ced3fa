import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../dialect.js';
import { audioFormatFromWire, audioFormatSampleRate, audioFormatToWire } from './audio-format.js';

describe('audio formats', () => {
  it('reads both wire forms into one canonical form', () => {
    expect(audioFormatFromWire('pcm16', 'f')).toEqual({ ok: true, value: { encoding: 'pcm16' } });
    expect(audioFormatFromWire('g711_ulaw', 'f')).toEqual({ ok: true, value: { encoding: 'g711_ulaw' } });
    expect(audioFormatFromWire({ type: 'audio/pcm', rate: 24000 }, 'f')).toEqual({ ok: true, value: { encoding: 'pcm16', rate: 24000 } });
    expect(audioFormatFromWire({ type: 'audio/pcma' }, 'f')).toEqual({ ok: true, value: { encoding: 'g711_alaw' } });
  });

  it("writes GA objects for openai and strings for flat dialects at the dialect's rate", () => {
    expect(audioFormatToWire({ encoding: 'pcm16', rate: 24000 }, 'openai', 'input')).toEqual({ type: 'audio/pcm', rate: 24000 });
    expect(audioFormatToWire({ encoding: 'g711_ulaw' }, 'openai', 'output')).toEqual({ type: 'audio/pcmu' });
    expect(audioFormatToWire({ encoding: 'pcm16' }, 'stepfun', 'input')).toBe('pcm16');
    expect(audioFormatToWire({ encoding: 'pcm16', rate: 16000 }, 'volcengine', 'input')).toBe('pcm16');
    expect(audioFormatToWire({ encoding: 'g711_alaw' }, 'openai-beta', 'input')).toBe('g711_alaw');
  });

  it('keeps a non-default rate in flat dialects by writing the object form', () => {
    expect(audioFormatToWire({ encoding: 'pcm16', rate: 16000 }, 'stepfun', 'input')).toEqual({ type: 'audio/pcm', rate: 16000 });
  });

  it('round-trips unknown fields of the object form', () => {
    const wire = { type: 'audio/pcm', rate: 24000, channels: 1 };
    const decoded = audioFormatFromWire(wire, 'f');
    if (!decoded.ok) throw new Error('decode');
    expect(decoded.value.extra).toEqual({ channels: 1 });
    for (const dialect of DIALECTS) expect(audioFormatToWire(decoded.value, dialect, 'input')).toEqual(wire);
  });

  it('names the failing path', () => {
    expect(audioFormatFromWire({ type: 'g711_ulaw' }, 'session.input_audio_format')).toMatchObject({
      ok: false,
      error: { code: 'invalid_value', param: 'session.input_audio_format.type' },
    });
    expect(audioFormatFromWire('wav', 'x')).toMatchObject({ ok: false, error: { code: 'invalid_value', param: 'x' } });
  });

  it('gives the rate in force', () => {
    expect(audioFormatSampleRate(undefined, 'volcengine', 'input')).toBe(16000);
    expect(audioFormatSampleRate({ encoding: 'pcm16' }, 'stepfun', 'output')).toBe(24000);
    expect(audioFormatSampleRate({ encoding: 'pcm16', rate: 48000 }, 'stepfun', 'output')).toBe(48000);
    expect(audioFormatSampleRate({ encoding: 'g711_ulaw' }, 'openai', 'input')).toBe(8000);
  });
});
