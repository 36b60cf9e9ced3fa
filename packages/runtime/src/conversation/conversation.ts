/**
 * The conversation: canonical items in order, the decoded audio of their
 * audio parts (user input audio, assistant output audio), and what truncation
 * needs to know about assistant audio (milliseconds sent, word timings).
 *
 * Placement follows OpenAI: `previous_item_id` absent or null appends at the
 * end, `"root"` inserts at the beginning, an existing id inserts right after
 * it, an unknown id is `item_not_found`.
 *
 * Caps: at most `maxItems` items (the oldest non-system items go first) and
 * `maxAudioBytes` of stored audio (the oldest items lose their audio first;
 * the items stay). The per-dialect history cap (`trimTurns`) is applied by the
 * session after each new user turn.
 */
import type { Item } from '@parley/protocol';
import type { Pcm } from '../engine/engine.js';
import type { WordTiming } from '../engine/synthesizer.js';
import { RuntimeError } from '../errors.js';
import { turnsToDrop } from './history-cap.js';

/** Where a new item goes: after this id, `"root"` for the start, null/undefined for the end. */
export type Placement = string | null | undefined;

/** What truncation needs to know about an assistant audio part. */
export interface SpokenAudio {
  /** Milliseconds of audio sent to the client for this part. */
  sentMs: number;
  /** Word timings from the start of the part's audio, when the engine gave them. */
  words: WordTiming[];
}

export interface ConversationLimits {
  maxItems: number;
  maxAudioBytes: number;
}

const key = (itemId: string, contentIndex: number) => `${itemId}:${contentIndex}`;

export class Conversation {
  #items: Item[] = [];
  readonly #audio = new Map<string, Pcm>();
  readonly #spoken = new Map<string, SpokenAudio>();
  #audioBytes = 0;

  constructor(private readonly limits: ConversationLimits) {}

  get items(): readonly Item[] {
    return this.#items;
  }

  get size(): number {
    return this.#items.length;
  }

  get(id: string): Item | undefined {
    return this.#items.find((item) => item.id === id);
  }

  has(id: string): boolean {
    return this.#items.some((item) => item.id === id);
  }

  /** Id of the last item, or null when empty. */
  lastId(): string | null {
    return this.#items.length === 0 ? null : (this.#items[this.#items.length - 1]!.id ?? null);
  }

  /**
   * Inserts an item (which must have an id) and returns the id of the item
   * now before it (null at the start). Throws `item_not_found` for an
   * unknown `previous`.
   */
  insert(item: Item, previous: Placement, param = 'previous_item_id'): string | null {
    let index: number;
    if (previous === undefined || previous === null) index = this.#items.length;
    else if (previous === 'root') index = 0;
    else {
      const at = this.#items.findIndex((it) => it.id === previous);
      if (at < 0) throw new RuntimeError('item_not_found', `Item '${previous}' does not exist.`, { param });
      index = at + 1;
    }
    this.#items.splice(index, 0, item);
    this.#enforceItemCap();
    return index === 0 ? null : (this.#items[index - 1]!.id ?? null);
  }

  /** Replaces the stored item with the same id (an in-progress item reaching its final form). */
  replace(item: Item): void {
    const index = this.#items.findIndex((it) => it.id === item.id);
    if (index >= 0) this.#items[index] = item;
  }

  remove(id: string): boolean {
    const index = this.#items.findIndex((item) => item.id === id);
    if (index < 0) return false;
    this.#items.splice(index, 1);
    this.#forget(id);
    return true;
  }

  audioOf(itemId: string, contentIndex: number): Pcm | undefined {
    return this.#audio.get(key(itemId, contentIndex));
  }

  setAudio(itemId: string, contentIndex: number, audio: Pcm): void {
    const k = key(itemId, contentIndex);
    const old = this.#audio.get(k);
    if (old) this.#audioBytes -= old.pcm.length * 2;
    this.#audio.set(k, audio);
    this.#audioBytes += audio.pcm.length * 2;
    this.#enforceAudioCap(k);
  }

  spokenOf(itemId: string): SpokenAudio | undefined {
    return this.#spoken.get(itemId);
  }

  setSpoken(itemId: string, spoken: SpokenAudio): void {
    this.#spoken.set(itemId, spoken);
  }

  /**
   * Keeps the last `maxTurns` turns (see `history-cap.ts`); returns the ids
   * removed. Items for which `keep` says true are never removed.
   */
  trimTurns(maxTurns: number, keep: (id: string) => boolean = () => false): string[] {
    const drop = turnsToDrop(this.#items, maxTurns).filter((id) => !keep(id));
    for (const id of drop) this.remove(id);
    return drop;
  }

  /** Everything, for storing: items and their audio keyed `${itemId}:${contentIndex}`. */
  snapshot(): { items: Item[]; audio: Record<string, Pcm> } {
    const audio: Record<string, Pcm> = {};
    for (const [k, v] of this.#audio) audio[k] = v;
    return { items: this.#items.map((item) => structuredClone(item)), audio };
  }

  /** Replaces the whole conversation (resuming a stored one). */
  restore(items: readonly Item[], audio: Record<string, Pcm> | undefined): void {
    this.#items = items.filter((item) => typeof item.id === 'string').map((item) => structuredClone(item));
    this.#audio.clear();
    this.#spoken.clear();
    this.#audioBytes = 0;
    for (const [k, v] of Object.entries(audio ?? {})) {
      const sep = k.lastIndexOf(':');
      const id = k.slice(0, sep);
      if (!this.has(id)) continue;
      this.setAudio(id, Number(k.slice(sep + 1)), v);
    }
    this.#enforceItemCap();
  }

  #forget(id: string): void {
    for (const k of [...this.#audio.keys()]) {
      if (k.slice(0, k.lastIndexOf(':')) !== id) continue;
      this.#audioBytes -= this.#audio.get(k)!.pcm.length * 2;
      this.#audio.delete(k);
    }
    this.#spoken.delete(id);
  }

  #enforceItemCap(): void {
    while (this.#items.length > this.limits.maxItems) {
      const index = Math.max(0, this.#items.findIndex((item) => !(item.type === 'message' && item.role === 'system')));
      const victim = this.#items[index]!;
      this.#items.splice(index, 1);
      if (victim.id !== undefined) this.#forget(victim.id);
    }
  }

  #enforceAudioCap(keepKey: string): void {
    if (this.#audioBytes <= this.limits.maxAudioBytes) return;
    for (const item of this.#items) {
      for (const k of [...this.#audio.keys()]) {
        if (this.#audioBytes <= this.limits.maxAudioBytes) return;
        if (k === keepKey || k.slice(0, k.lastIndexOf(':')) !== item.id) continue;
        this.#audioBytes -= this.#audio.get(k)!.pcm.length * 2;
        this.#audio.delete(k);
      }
    }
  }
}
