import { describe, expect, it } from 'vitest';
import { resampleOffline } from './sinc-resample.mjs';

function tone(hz: number, rate: number, seconds: number, amp = 0.5): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  for (let i = 0; i < out.length; i++) out[i] = amp * Math.sin((2 * Math.PI * hz * i) / rate);
  return out;
}

/** RMS over the middle half (away from edge effects). */
function midRms(x: Float32Array): number {
  let acc = 0;
  const a = x.length >> 2;
  const b = a * 3;
  for (let i = a; i < b; i++) acc += x[i]! * x[i]!;
  return Math.sqrt(acc / (b - a));
}

describe('resampleOffline', () => {
  it.each([
    [22050, 16000],
    [22050, 8000],
    [22050, 48000],
    [22050, 44100],
  ])('keeps a 1 kHz tone at %i -> %i Hz', (from, to) => {
    const out = resampleOffline(tone(1000, from, 0.5), from, to);
    expect(out.length).toBe(Math.floor((Math.round(from * 0.5) * to) / from));
    const expected = tone(1000, to, 0.5);
    let err = 0;
    const a = out.length >> 2;
    for (let i = a; i < 3 * a; i++) err = Math.max(err, Math.abs(out[i]! - expected[i]!));
    expect(err).toBeLessThan(1e-3);
  });

  it('removes what lies above the new Nyquist', () => {
    const out = resampleOffline(tone(9000, 22050, 0.5), 22050, 16000);
    expect(20 * Math.log10(midRms(out) / (0.5 / Math.SQRT2))).toBeLessThan(-40);
  });

  it('returns a copy at equal rates', () => {
    const x = tone(440, 16000, 0.01);
    const y = resampleOffline(x, 16000, 16000);
    expect(y).toEqual(x);
    expect(y).not.toBe(x);
  });
});
