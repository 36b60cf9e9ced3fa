import { describe, expect, it } from 'vitest';
import { base64DecodedLength, checkAudioBase64, isWellFormedBase64, MAX_AUDIO_BYTES } from './base64.js';

function encode(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

describe('base64 checks', () => {
  it('accepts what a standard encoder produces, and predicts its decoded length', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 37 + n) & 0xff);
      const text = encode(bytes);
      expect(isWellFormedBase64(text)).toBe(true);
      expect(base64DecodedLength(text)).toBe(n);
    }
  });

  it('refuses bad lengths, bad padding and characters outside the standard alphabet', () => {
    for (const text of ['A', 'AA', 'AAA', 'AAAAA', 'A===', '====', 'A=AA', 'AA=A', 'AA-_', 'AA A', 'AA\nA', 'AAA\u00e9', 'AA==AA==']) {
      expect(isWellFormedBase64(text), text).toBe(false);
    }
  });

  it('refuses audio over 15 MiB from its length alone', () => {
    const limit = encode(new Uint8Array(3 * 1024)).repeat((MAX_AUDIO_BYTES / 3 / 1024) | 0);
    expect(base64DecodedLength(limit)).toBeLessThanOrEqual(MAX_AUDIO_BYTES);
    expect(checkAudioBase64(limit)).toBe('ok');
    expect(checkAudioBase64(`${limit}AAAA`)).toBe('too_large');
    expect(checkAudioBase64('AAAA', 2)).toBe('too_large');
    expect(checkAudioBase64('AA-A')).toBe('invalid');
  });
});
