import { describe, expect, test } from 'vitest';
import { soundSpan, trimSilence } from './silence.js';

const rate = 22050;

function toneBetween(total: number, from: number, to: number, amplitude: number): Float32Array {
  const x = new Float32Array(total);
  for (let i = from; i < to; i++) x[i] = amplitude * Math.sin((2 * Math.PI * 200 * i) / rate);
  return x;
}

describe('soundSpan', () => {
  test('finds a tone inside silence, keeping the lead and tail margins', () => {
    const x = toneBetween(rate, 5000, 15000, 0.3);
    const { start, end } = soundSpan(x, rate, { leadMs: 10, tailMs: 40 });
    const frame = Math.round(rate * 0.005);
    expect(start).toBeGreaterThanOrEqual(5000 - Math.round(0.01 * rate) - frame);
    expect(start).toBeLessThanOrEqual(5000 - Math.round(0.01 * rate) + frame);
    expect(end).toBeGreaterThanOrEqual(15000 + Math.round(0.04 * rate) - frame);
    expect(end).toBeLessThanOrEqual(15000 + Math.round(0.04 * rate) + frame);
  });

  test('treats sound under the threshold as silence', () => {
    const x = toneBetween(rate, 0, rate, 10 ** (-60 / 20));
    expect(soundSpan(x, rate, { thresholdDb: -50 })).toEqual({ start: 0, end: 0 });
    expect(soundSpan(x, rate, { thresholdDb: -70 }).end).toBe(rate);
  });

  test('clamps to the buffer and trims to a view', () => {
    const x = toneBetween(1000, 0, 1000, 0.5);
    expect(soundSpan(x, rate)).toEqual({ start: 0, end: 1000 });
    const y = toneBetween(4000, 1000, 2000, 0.5);
    const trimmed = trimSilence(y, rate, { leadMs: 0, tailMs: 0 });
    expect(trimmed.buffer).toBe(y.buffer);
    expect(trimmed.length).toBeGreaterThanOrEqual(1000);
    expect(trimmed.length).toBeLessThanOrEqual(1000 + 2 * Math.round(rate * 0.005));
  });
});
