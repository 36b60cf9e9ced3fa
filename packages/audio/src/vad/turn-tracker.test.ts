import { describe, expect, it } from 'vitest';
import { TurnTracker } from './turn-tracker.js';
import type { VadEvent } from './types.js';

const FRAME = 10;

/**
 * Runs a tracker over a pattern: 'v' voiced, 'h' speech held by the hangover
 * (not voiced), '.' silence, 'r' silence whose evidence is rising. Returns
 * the events with the frame they came in.
 */
function drive(tracker: TurnTracker, pattern: string): Array<VadEvent & { atMs: number }> {
  const out: Array<VadEvent & { atMs: number }> = [];
  [...pattern].forEach((c, k) => {
    const events: VadEvent[] = [];
    tracker.next(c === 'v', c === 'v' || c === 'h', k * FRAME, (k + 1) * FRAME, events, c === 'r');
    for (const e of events) out.push({ ...e, atMs: (k + 1) * FRAME });
  });
  return out;
}

describe('TurnTracker', () => {
  it('starts after minSpeechMs of voiced frames, dated at the run start minus the padding', () => {
    const t = new TurnTracker(300, 500, 50);
    const events = drive(t, `${'.'.repeat(50)}vvvvvvvv`);
    expect(events).toEqual([{ type: 'speech_started', audioStartMs: 500 - 300, atMs: 550 }]);
    expect(t.speaking).toBe(true);
  });

  it('clamps the padded start at 0', () => {
    const events = drive(new TurnTracker(300, 500, 0), '.....vv');
    expect(events).toEqual([{ type: 'speech_started', audioStartMs: 0, atMs: 60 }]);
  });

  it('counts only voiced frames toward minSpeechMs, across hangover frames', () => {
    const events = drive(new TurnTracker(0, 500, 40), 'vvhhvvhh');
    expect(events).toEqual([{ type: 'speech_started', audioStartMs: 0, atMs: 60 }]);
  });

  it('drops a run that ends before minSpeechMs', () => {
    const t = new TurnTracker(0, 500, 100);
    expect(drive(t, 'vvvhh.....vvvhh.....')).toEqual([]);
    expect(t.speaking).toBe(false);
  });

  it('stops once silenceDurationMs has passed since the last voiced frame, dated at its end', () => {
    const t = new TurnTracker(0, 200, 0);
    const events = drive(t, `vvvvv${'h'.repeat(5)}${'.'.repeat(30)}`);
    expect(events).toEqual([
      { type: 'speech_started', audioStartMs: 0, atMs: 10 },
      { type: 'speech_stopped', audioEndMs: 50, atMs: 250 },
    ]);
    expect(t.speaking).toBe(false);
  });

  it('does not stop in a pause shorter than silenceDurationMs', () => {
    const events = drive(new TurnTracker(0, 200, 0), `vvv${'.'.repeat(19)}vvv${'.'.repeat(25)}`);
    expect(events.map((e) => e.type)).toEqual(['speech_started', 'speech_stopped']);
    expect(events[1]).toMatchObject({ audioEndMs: 250 });
  });

  it('starts a new turn after a stop, and reset() forgets the turn', () => {
    const t = new TurnTracker(0, 100, 0);
    const events = drive(t, `vv${'.'.repeat(12)}vv`);
    expect(events.map((e) => e.type)).toEqual(['speech_started', 'speech_stopped', 'speech_started']);
    t.reset();
    expect(t.speaking).toBe(false);
  });

  it('dates the start back over the rising frames just before the run, up to lookbackMs', () => {
    expect(drive(new TurnTracker(0, 500, 20, 50), '....r.rrrvv')).toEqual([
      { type: 'speech_started', audioStartMs: 60, atMs: 110 },
    ]);
    // Only the last 50 ms of a longer rise, on the frame grid.
    expect(drive(new TurnTracker(0, 500, 20, 55), 'rrrrrrrrvv')).toEqual([
      { type: 'speech_started', audioStartMs: 30, atMs: 100 },
    ]);
    // The padding still applies, and without a look-back rising frames change nothing.
    expect(drive(new TurnTracker(20, 500, 20, 50), '....rrvv')).toEqual([
      { type: 'speech_started', audioStartMs: 20, atMs: 80 },
    ]);
    expect(drive(new TurnTracker(0, 500, 20), '....rrvv')).toEqual([
      { type: 'speech_started', audioStartMs: 60, atMs: 80 },
    ]);
  });

  it('never dates a start back into the previous turn', () => {
    const events = drive(new TurnTracker(0, 50, 0, 1000), `vv${'r'.repeat(8)}v`);
    expect(events.map((e) => e.type)).toEqual(['speech_started', 'speech_stopped', 'speech_started']);
    expect(events[1]).toMatchObject({ audioEndMs: 20 });
    expect(events[2]).toMatchObject({ audioStartMs: 20 });
  });
});
