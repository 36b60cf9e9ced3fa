/**
 * Click-free seams for the jitter buffer: a raised-cosine ramp, and a
 * release tail that lets the last real samples die away instead of stepping
 * to zero.
 */

/** Raised-cosine fade-out gain at step `i` of `n` (0 <= i < n): just under 1 down to just over 0. */
export function fadeOutGain(i: number, n: number): number {
  return 0.5 * (1 + Math.cos((Math.PI * (i + 1)) / (n + 1)));
}

/** Raised-cosine fade-in gain at step `i` of `n`: the mirror of {@link fadeOutGain}. */
export function fadeInGain(i: number, n: number): number {
  return 1 - fadeOutGain(i, n);
}

/** Rounds to the nearest PCM16 value, clamped to the int16 range. */
export function toPcm16(x: number): number {
  return Math.min(32767, Math.max(-32768, Math.round(x)));
}

/**
 * Remembers the last `length` emitted samples and, when armed, produces a
 * tail: those samples played backwards under a fade-out. Playing backwards
 * makes the first tail sample equal the last real one, so the seam has no
 * step; the fade takes it to silence within `length` samples.
 */
export class ReleaseTail {
  private readonly history: Int16Array;
  private readonly tail: Int16Array;
  private write = 0; // next history slot (ring)
  private index = 0; // next tail sample to emit
  private left = 0; // tail samples left to emit

  constructor(readonly length: number) {
    this.history = new Int16Array(length);
    this.tail = new Int16Array(length);
  }

  /** True while armed and not yet fully emitted. */
  get active(): boolean {
    return this.left > 0;
  }

  /** Records `out[from..to)` as the newest emitted samples. */
  remember(out: Int16Array, from: number, to: number): void {
    const n = this.length;
    if (n === 0) return;
    for (let i = Math.max(from, to - n); i < to; i++) {
      this.history[this.write] = out[i]!;
      this.write = this.write + 1 === n ? 0 : this.write + 1;
    }
  }

  /** Builds the tail from what was last remembered. */
  arm(): void {
    const n = this.length;
    for (let i = 0; i < n; i++) {
      // i-th newest remembered sample, newest first
      const slot = (this.write - 1 - i + 2 * n) % n;
      this.tail[i] = toPcm16(this.history[slot]! * fadeOutGain(i, n));
    }
    this.index = 0;
    this.left = n;
  }

  /** Next tail sample (0 once the tail is over). */
  next(): number {
    if (this.left === 0) return 0;
    this.left--;
    return this.tail[this.index++]!;
  }
}
