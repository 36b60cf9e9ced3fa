import { describe, expect, it } from 'vitest';
import { readWavPcm16 } from './wav-reader.mjs';

function wav(samples: number[], rate: number, channels = 1, dataSize?: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const v = new DataView(bytes.buffer);
  const tag = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) v.setUint8(at + i, s.charCodeAt(i));
  };
  tag(0, 'RIFF');
  v.setUint32(4, 36 + samples.length * 2, true);
  tag(8, 'WAVE');
  tag(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, channels, true);
  v.setUint32(24, rate, true);
  v.setUint32(28, rate * 2 * channels, true);
  v.setUint16(32, 2 * channels, true);
  v.setUint16(34, 16, true);
  tag(36, 'data');
  v.setUint32(40, dataSize ?? samples.length * 2, true);
  samples.forEach((s, i) => {
    v.setInt16(44 + i * 2, s, true);
  });
  return bytes;
}

describe('readWavPcm16', () => {
  it('reads 16-bit mono PCM', () => {
    const { samples, sampleRate } = readWavPcm16(wav([0, 16384, -32768, 32767], 22050));
    expect(sampleRate).toBe(22050);
    expect(Array.from(samples)).toEqual([0, 0.5, -1, 32767 / 32768]);
  });

  it('reads to the end when a streaming writer left the size open', () => {
    expect(readWavPcm16(wav([1, 2, 3], 8000, 1, 0xffffffff)).samples.length).toBe(3);
  });

  it('keeps the first channel of interleaved audio', () => {
    expect(Array.from(readWavPcm16(wav([100, -5, 200, -5], 8000, 2)).samples)).toEqual([100 / 32768, 200 / 32768]);
  });

  it('rejects what is not a WAV file', () => {
    expect(() => readWavPcm16(new Uint8Array(50))).toThrow(/RIFF/);
  });
});
