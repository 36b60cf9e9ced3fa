import { describe, expect, it } from 'vitest';
import { effectiveTurnDetection, turnDetectionFromWire, turnDetectionToWire } from './turn-detection.js';

describe('turn detection', () => {
  it('fills the server VAD defaults of notes Part 1', () => {
    expect(effectiveTurnDetection({ type: 'server_vad' })).toEqual({
      type: 'server_vad',
      threshold: 0.5,
      prefix_padding_ms: 300,
      silence_duration_ms: 500,
      create_response: true,
      interrupt_response: true,
      idle_timeout_ms: null,
    });
  });

  it('runs semantic VAD as server VAD with the silence of its eagerness', () => {
    const silence = (eagerness?: 'low' | 'medium' | 'high' | 'auto') =>
      effectiveTurnDetection({ type: 'semantic_vad', ...(eagerness ? { eagerness } : {}) }).silence_duration_ms;
    expect([silence('low'), silence('medium'), silence('auto'), silence('high'), silence()]).toEqual([1000, 700, 700, 500, 700]);
  });

  it("keeps the client's values, StepFun's energy gate and unknown fields", () => {
    const wire = { type: 'server_vad', prefix_padding_ms: 500, silence_duration_ms: 100, energy_awakeness_threshold: 2500, vendor_flag: 1 };
    const decoded = turnDetectionFromWire(wire, 'td');
    if (!decoded.ok || decoded.value === null) throw new Error('decode');
    expect(effectiveTurnDetection(decoded.value)).toMatchObject({ silence_duration_ms: 100, prefix_padding_ms: 500, energy_awakeness_threshold: 2500 });
    expect(turnDetectionToWire(decoded.value)).toEqual(wire);
    expect(turnDetectionFromWire(null, 'td')).toEqual({ ok: true, value: null });
  });
});
