/**
 * Arrival-jitter estimation for the jitter buffer, in virtual time.
 *
 * The buffer has no clock: time is counted in pulls ("ticks", one frame
 * period each), and a push is stamped with the number of pulls before it.
 * For every push we know its tick and the position of its first sample in
 * the stream, so its relative arrival is `rel = tick * frameSamples - position`
 * (samples). A sender exactly at real-time pace keeps `rel` constant; a piece
 * that comes late has a larger `rel`. The smallest `rel` seen recently is the
 * sender's best pace (the reference); a piece's lateness is how far its `rel`
 * exceeds the reference known when it arrived. Measuring lateness at arrival
 * (not retroactively) keeps a sender that runs ahead of real time from looking
 * jittery: each early piece simply becomes the new reference.
 *
 * Pushes within one tick form one entry (one arrival), so the history holds
 * at most one entry per tick and stream over the window.
 */

interface Entry {
  tick: number;
  stream: number;
  /** Relative arrival of the tick's first piece. */
  rel: number;
  /** Its lateness against the reference known then. */
  late: number;
  /** Samples pushed in this tick: the burst size. */
  burst: number;
}

export class ArrivalEstimator {
  private entries: Entry[] = [];
  private first = 0; // index of the oldest live entry
  private stream = -1;
  private ref = 0; // best `rel` of the current stream, samples
  private stale = false; // entries aged out: aggregates need recomputing
  private jitter = 0;
  private burst = 0;

  constructor(
    private readonly frameSamples: number,
    private readonly windowTicks: number,
  ) {}

  /**
   * Records a push of `length` samples whose first sample is at `position`.
   * Pushes within one tick are one arrival: only the first one's position
   * counts, so a burst reads the same whether it came as one push or many.
   */
  observe(tick: number, stream: number, position: number, length: number): void {
    if (length <= 0) return;
    this.refresh(tick);
    const last = this.entries.length > this.first ? this.entries[this.entries.length - 1] : undefined;
    if (last && last.tick === tick && last.stream === stream) {
      last.burst += length;
      this.burst = Math.max(this.burst, last.burst);
      return;
    }
    const rel = tick * this.frameSamples - position;
    if (stream !== this.stream) {
      this.stream = stream;
      this.ref = rel;
    }
    const late = Math.max(0, rel - this.ref);
    this.ref = Math.min(this.ref, rel);
    this.entries.push({ tick, stream, rel, late, burst: length });
    this.jitter = Math.max(this.jitter, late);
    this.burst = Math.max(this.burst, length);
  }

  /** Best relative arrival (samples) of the latest stream within the window. */
  reference(now: number): number {
    this.refresh(now);
    return this.ref;
  }

  /** Largest lateness (samples) observed within the window, any stream. */
  jitterSamples(now: number): number {
    this.refresh(now);
    return this.jitter;
  }

  /** Largest amount (samples) pushed within one tick, within the window. */
  burstSamples(now: number): number {
    this.refresh(now);
    return this.burst;
  }

  /** Forgets all history. */
  reset(): void {
    this.entries = [];
    this.first = 0;
    this.stream = -1;
    this.ref = 0;
    this.jitter = 0;
    this.burst = 0;
    this.stale = false;
  }

  private forget(now: number): void {
    const oldest = now - this.windowTicks;
    while (this.first < this.entries.length && this.entries[this.first]!.tick < oldest) {
      this.first++;
      this.stale = true;
    }
    if (this.first > 256 && this.first * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.first);
      this.first = 0;
    }
  }

  private refresh(now: number): void {
    this.forget(now);
    if (!this.stale) return;
    let jitter = 0;
    let burst = 0;
    let ref = Infinity;
    for (let i = this.first; i < this.entries.length; i++) {
      const e = this.entries[i]!;
      if (e.late > jitter) jitter = e.late;
      if (e.burst > burst) burst = e.burst;
      if (e.stream === this.stream && e.rel < ref) ref = e.rel;
    }
    this.jitter = jitter;
    this.burst = burst;
    // The reference only moves when its entry has aged out of the window.
    if (ref !== Infinity) this.ref = ref;
    this.stale = false;
  }
}
