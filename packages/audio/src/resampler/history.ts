/**
 * The input history of a stream, in one typed array: an optional read-only
 * prefix (the sliding kernels keep their coefficients there, so their inner
 * loop indexes a single array), then one linear region per channel.
 *
 * Samples are appended at the back (native `set` for mono) and dropped from
 * the front with one `copyWithin` per channel, so every window the kernels
 * read is contiguous. Regions grow (by doubling) only when a chunk needs more
 * room.
 */
export class History {
  readonly channels: number;
  /** Length of the prefix; channel c's region starts at prefixLength + c * capacity. */
  readonly prefixLength: number;
  private readonly wide: boolean;
  private readonly prefix: ArrayLike<number> | null;
  buf: Float32Array | Float64Array;
  capacity = 0;
  /** Samples held per channel. */
  fill = 0;

  /** `wide` selects Float64 storage; `prefix` (if any) is copied to the front. */
  constructor(channels: number, initialFrames: number, wide: boolean, prefix: ArrayLike<number> | null) {
    this.channels = channels;
    this.wide = wide;
    this.prefix = prefix;
    this.prefixLength = prefix ? prefix.length : 0;
    this.buf = wide ? new Float64Array(0) : new Float32Array(0);
    this.reserve(initialFrames);
  }

  /** Index in `buf` of channel `channel`'s first sample. */
  regionStart(channel: number): number {
    return this.prefixLength + channel * this.capacity;
  }

  /** Empties the history and fills it with `frames` zeros. */
  resetTo(frames: number): void {
    this.fill = 0;
    this.appendZeros(frames);
  }

  /** Appends `frames` interleaved frames of `input`, starting at frame `from`. */
  append(input: Float32Array, from: number, frames: number): void {
    this.reserve(this.fill + frames);
    const ch = this.channels;
    const buf = this.buf;
    if (ch === 1) {
      buf.set(input.subarray(from, from + frames), this.prefixLength + this.fill);
    } else {
      for (let c = 0; c < ch; c++) {
        const dst = this.regionStart(c) + this.fill;
        for (let k = 0, j = from * ch + c; k < frames; k++, j += ch) buf[dst + k] = input[j]!;
      }
    }
    this.fill += frames;
  }

  appendZeros(frames: number): void {
    this.reserve(this.fill + frames);
    for (let c = 0; c < this.channels; c++) {
      const start = this.regionStart(c) + this.fill;
      this.buf.fill(0, start, start + frames);
    }
    this.fill += frames;
  }

  /** Drops the first `frames` samples of every channel. */
  drop(frames: number): void {
    if (frames <= 0) return;
    for (let c = 0; c < this.channels; c++) {
      const start = this.regionStart(c);
      this.buf.copyWithin(start, start + frames, start + this.fill);
    }
    this.fill -= frames;
  }

  private reserve(frames: number): void {
    if (frames <= this.capacity) return;
    const capacity = Math.max(frames, this.capacity * 2);
    const size = this.prefixLength + this.channels * capacity;
    const buf = this.wide ? new Float64Array(size) : new Float32Array(size);
    if (this.prefix) for (let i = 0; i < this.prefixLength; i++) buf[i] = this.prefix[i]!;
    for (let c = 0; c < this.channels && this.fill > 0; c++) {
      const from = this.prefixLength + c * this.capacity;
      buf.set(this.buf.subarray(from, from + this.fill), this.prefixLength + c * capacity);
    }
    this.buf = buf;
    this.capacity = capacity;
  }
}
