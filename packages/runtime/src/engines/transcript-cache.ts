/**
 * Transcripts of user audio, remembered so that each clip goes to the
 * recognizer once, however many later responses carry it in their context.
 *
 * The key is the part's place (`itemId:contentIndex`) together with a digest
 * of its samples, so two sessions whose ids coincide (deterministic ids) or a
 * part whose audio changed never share a transcript. Bounded: past
 * `maxEntries` the oldest entry goes.
 */
import type { Pcm } from '../engine/engine.js';

export class TranscriptCache {
  private readonly entries = new Map<string, Promise<string | undefined>>();

  constructor(private readonly maxEntries = 1024) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`maxEntries must be an integer >= 1, got ${maxEntries}`);
  }

  /**
   * The transcript of this part: the cached one, or `run()`'s. A run that
   * fails or is aborted (`undefined`) is not kept, so the next response tries
   * again.
   */
  get(itemId: string, contentIndex: number, audio: Pcm, run: () => Promise<string | undefined>): Promise<string | undefined> {
    const key = `${itemId}:${contentIndex}:${audio.sampleRate}:${audio.pcm.length}:${digest(audio.pcm)}`;
    const cached = this.entries.get(key);
    if (cached) return cached;
    const pending = run();
    this.entries.set(key, pending);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    pending.then(
      (transcript) => {
        if (transcript === undefined && this.entries.get(key) === pending) this.entries.delete(key);
      },
      () => {
        if (this.entries.get(key) === pending) this.entries.delete(key);
      },
    );
    return pending;
  }
}

/** FNV-1a over the samples, as hex. */
function digest(pcm: Int16Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < pcm.length; i++) {
    h ^= pcm[i]! & 0xffff;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16);
}
