import type { Clock, TimerHandle } from '../clock.js';

interface Timer {
  id: number;
  at: number;
  callback: () => void;
}

/**
 * A clock that moves only when told. `advance(ms)` runs every timer that falls
 * due, in time order, with `now()` set to each one's due time. Use
 * `advanceAsync` when callbacks start promise chains that must settle between
 * timers.
 */
export class VirtualClock implements Clock {
  private time: number;
  private nextId = 1;
  private timers: Timer[] = [];

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const timer = { id: this.nextId++, at: this.time + Math.max(0, ms), callback };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Number of timers not yet run. */
  get pending(): number {
    return this.timers.length;
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = this.nextDue(end);
      if (!next) break;
      this.time = next.at;
      next.callback();
    }
    this.time = end;
  }

  /** Like `advance`, but lets microtasks and I/O callbacks settle after each timer. */
  async advanceAsync(ms: number): Promise<void> {
    const end = this.time + ms;
    await settle();
    for (;;) {
      const next = this.nextDue(end);
      if (!next) break;
      this.time = next.at;
      next.callback();
      await settle();
    }
    this.time = end;
    await settle();
  }

  private nextDue(end: number): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers) if (t.at <= end && (!best || t.at < best.at || (t.at === best.at && t.id < best.id))) best = t;
    if (best) this.timers = this.timers.filter((t) => t !== best);
    return best;
  }
}

/** Lets pending promise callbacks run (a macrotask turn). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
