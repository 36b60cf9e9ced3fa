/**
 * A FIFO of PCM16 chunks kept by reference: pushing stores the caller's array
 * (no copy), reading copies each sample once, into the caller's frame. The
 * chunk slots form a growable ring, so steady use allocates nothing.
 */

/** Called once per contiguous run of samples taken from one chunk. */
export type RunVisitor = (count: number, stamp: number, stream: number) => void;

export class ChunkQueue {
  private data: Array<Int16Array | undefined> = new Array(16);
  private stamps = new Float64Array(16);
  private streams = new Uint32Array(16);
  private head = 0; // slot of the oldest chunk
  private count = 0; // chunks held
  private offset = 0; // samples already taken from the oldest chunk
  private samples = 0; // samples held

  /** Samples held. */
  get length(): number {
    return this.samples;
  }

  /** Appends `chunk` (kept by reference) stamped with its arrival tick and stream. */
  enqueue(chunk: Int16Array, stamp: number, stream: number): void {
    if (chunk.length === 0) return;
    if (this.count === this.data.length) this.grow();
    const slot = (this.head + this.count) & (this.data.length - 1);
    this.data[slot] = chunk;
    this.stamps[slot] = stamp;
    this.streams[slot] = stream;
    this.count++;
    this.samples += chunk.length;
  }

  /**
   * Removes the oldest `n` samples (at most `length`). When `out` is given they
   * are copied to `out[at..]`; `visit` sees each chunk-run taken.
   */
  take(n: number, out: Int16Array | null, at: number, visit?: RunVisitor): number {
    let left = Math.min(n, this.samples);
    const taken = left;
    const mask = this.data.length - 1;
    while (left > 0) {
      const chunk = this.data[this.head]!;
      const run = Math.min(left, chunk.length - this.offset);
      if (out) out.set(chunk.subarray(this.offset, this.offset + run), at);
      if (visit) visit(run, this.stamps[this.head]!, this.streams[this.head]!);
      at += run;
      left -= run;
      this.offset += run;
      if (this.offset === chunk.length) {
        this.data[this.head] = undefined;
        this.head = (this.head + 1) & mask;
        this.count--;
        this.offset = 0;
      }
    }
    this.samples -= taken;
    return taken;
  }

  /** Copies the oldest `n` samples (at most `length`) to `out[at..]` without removing them. */
  peek(n: number, out: Int16Array, at = 0): number {
    let left = Math.min(n, this.samples);
    const copied = left;
    const mask = this.data.length - 1;
    let slot = this.head;
    let from = this.offset;
    while (left > 0) {
      const chunk = this.data[slot]!;
      const run = Math.min(left, chunk.length - from);
      out.set(chunk.subarray(from, from + run), at);
      at += run;
      left -= run;
      slot = (slot + 1) & mask;
      from = 0;
    }
    return copied;
  }

  /** Drops everything; returns the number of samples dropped. */
  clear(): number {
    const dropped = this.samples;
    this.data.fill(undefined);
    this.head = 0;
    this.count = 0;
    this.offset = 0;
    this.samples = 0;
    return dropped;
  }

  private grow(): void {
    const size = this.data.length * 2;
    const data: Array<Int16Array | undefined> = new Array(size);
    const stamps = new Float64Array(size);
    const streams = new Uint32Array(size);
    const mask = this.data.length - 1;
    for (let i = 0; i < this.count; i++) {
      const slot = (this.head + i) & mask;
      data[i] = this.data[slot];
      stamps[i] = this.stamps[slot]!;
      streams[i] = this.streams[slot]!;
    }
    this.data = data;
    this.stamps = stamps;
    this.streams = streams;
    this.head = 0;
  }
}
