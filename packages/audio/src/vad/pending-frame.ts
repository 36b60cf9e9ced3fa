const INT16_SCALE = 1 / 32768;

/**
 * The part of a frame gathered so far across `process()` calls. It stays
 * PCM16 while every sample came as PCM16 (so the integer analysis runs on
 * it), and turns to floats (value / 32768, exact) as soon as a float chunk
 * joins in.
 */
export class PendingFrame {
  readonly ints: Int16Array;
  /** The same memory as `ints`, two samples per element. */
  readonly words: Int32Array;
  readonly floats: Float32Array;
  filled = 0;
  isInt16 = true;

  constructor(capacity: number) {
    const even = capacity + (capacity & 1);
    this.words = new Int32Array(even >> 1);
    this.ints = new Int16Array(this.words.buffer);
    this.floats = new Float32Array(capacity);
  }

  appendInt16(src: Int16Array, from: number, to: number): void {
    if (this.filled === 0) this.isInt16 = true;
    let f = this.filled;
    if (this.isInt16) {
      this.ints.set(from === 0 && to === src.length ? src : src.subarray(from, to), f);
      f += to - from;
    } else {
      const floats = this.floats;
      for (let i = from; i < to; i++) floats[f++] = src[i]! * INT16_SCALE;
    }
    this.filled = f;
  }

  appendFloat(src: Float32Array, from: number, to: number): void {
    if (this.filled === 0) this.isInt16 = false;
    if (this.isInt16) {
      for (let i = 0; i < this.filled; i++) this.floats[i] = this.ints[i]! * INT16_SCALE;
      this.isInt16 = false;
    }
    this.floats.set(from === 0 && to === src.length ? src : src.subarray(from, to), this.filled);
    this.filled += to - from;
  }
}
