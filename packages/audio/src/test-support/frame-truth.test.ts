import { describe, expect, it } from 'vitest';
import { activeRuns, framePowers, frameTruth } from './frame-truth.mjs';

const RATE = 16000;

/** Silence with 1 kHz tone bursts [startMs, endMs, amplitude]. */
function bursts(totalMs: number, spans: Array<[number, number, number]>): Float32Array {
  const out = new Float32Array((totalMs * RATE) / 1000);
  for (const [a, b, amp] of spans) {
    for (let i = (a * RATE) / 1000; i < (b * RATE) / 1000; i++) out[i] = amp * Math.sin((2 * Math.PI * 1000 * i) / RATE);
  }
  return out;
}

describe('frameTruth', () => {
  it('marks frames within 30 dB of the active level and bridges gaps under 100 ms', () => {
    const track = bursts(2000, [
      [100, 400, 0.5],
      [450, 700, 0.5], // 50 ms gap: bridged
      [850, 1100, 0.5], // 150 ms gap: kept
      [1300, 1400, 0.5 * 10 ** (-20 / 20)], // 20 dB down: active
      [1600, 1700, 0.5 * 10 ** (-40 / 20)], // 40 dB down: not active
    ]);
    const truth = frameTruth(track, RATE);
    expect(activeRuns(truth.active, truth.frameMs)).toEqual([
      { startMs: 100, endMs: 700 },
      { startMs: 850, endMs: 1100 },
      { startMs: 1300, endMs: 1400 },
    ]);
  });

  it('reports the active level as the mean power of the loud frames', () => {
    const amp = 0.25;
    const truth = frameTruth(bursts(1000, [[200, 800, amp]]), RATE);
    expect(10 * Math.log10(truth.activeLevel)).toBeCloseTo(10 * Math.log10((amp * amp) / 2), 1);
  });

  it('keeps frame boundaries on the exact ms grid at rates that do not divide evenly', () => {
    const powers = framePowers(new Float32Array(22050).fill(0.5), 22050, 10);
    expect(powers.length).toBe(100);
    for (const p of powers) expect(p).toBeCloseTo(0.25, 12);
  });

  it('finds nothing in digital silence', () => {
    const truth = frameTruth(new Float32Array(RATE), RATE);
    expect(truth.active.every((v: number) => v === 0)).toBe(true);
  });
});
