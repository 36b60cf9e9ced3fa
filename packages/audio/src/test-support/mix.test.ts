import { describe, expect, it } from 'vitest';
import { activeSnrDb, mixAtSnr, toPcm16 } from './mix.mjs';
import { whiteNoise } from './noise.mjs';

describe('mixAtSnr', () => {
  it('scales the noise so the SNR over active frames is the one asked for', () => {
    const rate = 16000;
    const speech = new Float32Array(rate);
    for (let i = 4000; i < 12000; i++) speech[i] = 0.3 * Math.sin(i * 0.1);
    const active = new Uint8Array(100);
    active.fill(1, 25, 75);
    const noise = whiteNoise(rate, 4);
    for (const snr of [20, 10, 5, -3]) {
      const mixed = mixAtSnr(speech, noise, snr, active, rate);
      const added = mixed.map((v, i) => v - speech[i]!);
      expect(activeSnrDb(speech, added, active, rate)).toBeCloseTo(snr, 3);
    }
  });

  it('refuses noise shorter than the speech', () => {
    expect(() => mixAtSnr(new Float32Array(10), new Float32Array(5), 10, new Uint8Array(1), 1000)).toThrow();
  });
});

describe('toPcm16', () => {
  it('rounds and clamps', () => {
    expect(Array.from(toPcm16(new Float32Array([0, 0.5, -0.5, 1, -1, 2, -2, 1 / 65536])))).toEqual([
      0, 16384, -16384, 32767, -32768, 32767, -32768, 1,
    ]);
  });
});
