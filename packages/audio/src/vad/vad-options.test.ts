import { describe, expect, it } from 'vitest';
import { AudioFormatError } from '../errors.js';
import type { EnergyVadOptions } from './types.js';
import { resolveVadOptions } from './vad-options.js';

function codeOf(options: unknown): string | undefined {
  try {
    resolveVadOptions(options as EnergyVadOptions);
  } catch (e) {
    expect(e).toBeInstanceOf(AudioFormatError);
    return (e as AudioFormatError).code;
  }
  return undefined;
}

describe('resolveVadOptions', () => {
  it('fills in the server_vad defaults', () => {
    expect(resolveVadOptions({ sampleRate: 16000 })).toEqual({
      sampleRate: 16000,
      frameMs: 30,
      threshold: 0.5,
      prefixPaddingMs: 300,
      silenceDurationMs: 500,
      minSpeechMs: 100,
      onFrame: undefined,
    });
  });

  it.each([
    [{}, 'invalid_sample_rate'],
    [{ sampleRate: 0 }, 'invalid_sample_rate'],
    [{ sampleRate: Number.NaN }, 'invalid_sample_rate'],
    [{ sampleRate: 4000 }, 'invalid_sample_rate'],
    [{ sampleRate: 384000 }, 'invalid_sample_rate'],
    [{ sampleRate: 16000, frameMs: 15 }, 'invalid_argument'],
    [{ sampleRate: 16000, threshold: 1.2 }, 'invalid_argument'],
    [{ sampleRate: 16000, threshold: -0.1 }, 'invalid_argument'],
    [{ sampleRate: 16000, threshold: Number.NaN }, 'invalid_argument'],
    [{ sampleRate: 16000, threshold: '0.5' }, 'invalid_argument'],
    [{ sampleRate: 16000, prefixPaddingMs: -1 }, 'invalid_argument'],
    [{ sampleRate: 16000, silenceDurationMs: Number.POSITIVE_INFINITY }, 'invalid_argument'],
    [{ sampleRate: 16000, minSpeechMs: Number.NaN }, 'invalid_argument'],
    [{ sampleRate: 16000, onFrame: 'no' }, 'invalid_argument'],
    [null, 'invalid_argument'],
  ])('rejects %j with %s', (options, code) => {
    expect(codeOf(options)).toBe(code);
  });

  it('accepts the edges of every range', () => {
    for (const options of [
      { sampleRate: 8000, threshold: 0, prefixPaddingMs: 0, silenceDurationMs: 0, minSpeechMs: 0 },
      { sampleRate: 192000, threshold: 1, frameMs: 10 as const },
      { sampleRate: 22050, frameMs: 20 as const },
    ]) {
      expect(codeOf(options)).toBeUndefined();
    }
  });
});
