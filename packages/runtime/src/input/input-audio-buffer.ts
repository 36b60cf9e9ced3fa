/**
 * The uncommitted input audio: PCM16 mono at the session's input rate, placed
 * on the session's input timeline (milliseconds of audio received since the
 * session started, the clock of `audio_start_ms` / `audio_end_ms`).
 *
 * The buffer always ends at the timeline's present; commits and trims remove
 * audio from the front. Its size is capped: an append that would pass the cap
 * is refused with `audio_too_large` and nothing is kept, so memory never grows
 * past the cap.
 */
import { resample } from '@parley/audio';
import { RuntimeError } from '../errors.js';

export class InputAudioBuffer {
  #rate: number;
  #chunks: Int16Array[] = [];
  #samples = 0;
  #startMs = 0;
  readonly #maxBytes: number;

  constructor(rate: number, maxBytes: number) {
    this.#rate = rate;
    this.#maxBytes = maxBytes;
  }

  get rate(): number {
    return this.#rate;
  }

  /** Timeline position of the first buffered sample. */
  get startMs(): number {
    return this.#startMs;
  }

  /** Timeline position just after the last sample: the present of the input timeline. */
  get endMs(): number {
    return this.#startMs + (this.#samples * 1000) / this.#rate;
  }

  get durationMs(): number {
    return (this.#samples * 1000) / this.#rate;
  }

  get byteLength(): number {
    return this.#samples * 2;
  }

  /** Appends PCM16 at `rate`; `audio_too_large` when the buffer would pass its cap. */
  append(pcm: Int16Array): void {
    if (pcm.length === 0) return;
    if (this.byteLength + pcm.length * 2 > this.#maxBytes) {
      throw new RuntimeError(
        'audio_too_large',
        `The input audio buffer would exceed ${this.#maxBytes} bytes; commit or clear it, or let turn detection commit it.`,
        { param: 'audio' },
      );
    }
    this.#chunks.push(pcm);
    this.#samples += pcm.length;
  }

  /**
   * Removes the audio up to `toMs` and returns the part from `fromMs` (audio
   * before `fromMs` is dropped). Positions are clamped to the buffer.
   */
  take(fromMs: number, toMs: number): Int16Array {
    const end = this.#indexOf(toMs);
    const start = Math.min(this.#indexOf(fromMs), end);
    const out = this.#copy(start, end);
    this.#dropFront(end);
    return out;
  }

  /** Empties the buffer; the timeline goes on. */
  clear(): void {
    this.#dropFront(this.#samples);
  }

  /** Forgets audio before `ms` (keeps memory bounded while no one is speaking). */
  trimBefore(ms: number): void {
    const n = this.#indexOf(ms);
    if (n > 0) this.#dropFront(n);
  }

  /** The session's input rate changed: buffered audio is converted so that it can still be committed. */
  setRate(rate: number): void {
    if (rate === this.#rate) return;
    const pcm = this.#copy(0, this.#samples);
    const converted = pcm.length > 0 ? resample(pcm, this.#rate, rate) : new Int16Array(0);
    this.#rate = rate;
    this.#chunks = converted.length > 0 ? [converted] : [];
    this.#samples = converted.length;
  }

  #indexOf(ms: number): number {
    const index = Math.round(((ms - this.#startMs) * this.#rate) / 1000);
    return Math.max(0, Math.min(this.#samples, index));
  }

  /** A copy of buffered samples `from`..`to` (indices into the buffer), in one allocation. */
  #copy(from: number, to: number): Int16Array {
    const out = new Int16Array(to - from);
    let at = 0;
    for (const chunk of this.#chunks) {
      if (at >= to) break;
      const next = at + chunk.length;
      if (next > from) {
        const a = Math.max(from, at) - at;
        const b = Math.min(to, next) - at;
        out.set(a === 0 && b === chunk.length ? chunk : chunk.subarray(a, b), at + a - from);
      }
      at = next;
    }
    return out;
  }

  #dropFront(count: number): void {
    let left = count;
    while (left > 0 && this.#chunks.length > 0) {
      const first = this.#chunks[0]!;
      if (first.length <= left) {
        this.#chunks.shift();
        left -= first.length;
      } else {
        // A view, not a copy: the dropped head is freed with the rest of the chunk.
        this.#chunks[0] = first.subarray(left);
        left = 0;
      }
    }
    const dropped = count - left;
    this.#samples -= dropped;
    this.#startMs += (dropped * 1000) / this.#rate;
  }
}
