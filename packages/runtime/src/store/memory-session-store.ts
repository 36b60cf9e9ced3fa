/**
 * Conversations kept in memory between connections, for resumption (the
 * volcengine dialect's `X-Conversation-Id`).
 *
 * - Expiry: an entry lives `ttlMs` from its `savedAt`, read on the store's
 *   clock (so `savedAt` must come from the same clock; a `savedAt` later than
 *   the clock's `now()` counts as `now()`, so a timestamp from another time
 *   base cannot keep an entry forever). An expired entry is gone on `load`,
 *   and expired entries are pruned on every `save` and by `prune()`.
 * - Bound: at most `maxConversations`; saving one more evicts the entry saved
 *   longest ago (saving an id again makes it the newest).
 * - Copies: `save` stores a deep copy of the items and session config and
 *   `load` returns a new deep copy, so neither side can change the other's
 *   state. Audio is kept by reference: the `audio` record is copied, but its
 *   `Int16Array`s are shared, and must be treated as immutable by whoever
 *   saves or loads them (sessions never write into decoded audio).
 *
 * No timers: expiry is checked when the store is used.
 */
import { systemClock, type Clock } from '../clock.js';
import type { SessionStore, StoredConversation } from '../session/store.js';

export interface MemorySessionStoreOptions {
  /** How long a saved conversation can be resumed; default 10 minutes. */
  ttlMs?: number;
  /** Most conversations kept; default 10 000. */
  maxConversations?: number;
  clock?: Clock;
}

interface Entry {
  conversation: StoredConversation;
  expiresAt: number;
}

export class MemorySessionStore implements SessionStore {
  readonly ttlMs: number;
  readonly maxConversations: number;
  private readonly clock: Clock;
  /** In save order, oldest first. */
  private readonly entries = new Map<string, Entry>();

  constructor(options: MemorySessionStoreOptions = {}) {
    const { ttlMs = 10 * 60_000, maxConversations = 10_000, clock = systemClock } = options;
    if (!(ttlMs > 0)) throw new RangeError(`ttlMs must be > 0, got ${ttlMs}`);
    if (!Number.isInteger(maxConversations) || maxConversations < 1) {
      throw new RangeError(`maxConversations must be an integer >= 1, got ${maxConversations}`);
    }
    this.ttlMs = ttlMs;
    this.maxConversations = maxConversations;
    this.clock = clock;
  }

  /** Conversations held, expired ones not yet pruned included. */
  get size(): number {
    return this.entries.size;
  }

  async load(conversationId: string): Promise<StoredConversation | undefined> {
    const entry = this.entries.get(conversationId);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.clock.now()) {
      this.entries.delete(conversationId);
      return undefined;
    }
    return copyConversation(entry.conversation);
  }

  async save(conversation: StoredConversation): Promise<void> {
    const now = this.clock.now();
    const stored = copyConversation(conversation);
    const expiresAt = Math.min(stored.savedAt, now) + this.ttlMs;
    this.entries.delete(stored.conversationId);
    this.prune();
    if (expiresAt <= now) return; // saved already expired: nothing to keep
    this.entries.set(stored.conversationId, { conversation: stored, expiresAt });
    while (this.entries.size > this.maxConversations) this.entries.delete(this.entries.keys().next().value as string);
  }

  async delete(conversationId: string): Promise<void> {
    this.entries.delete(conversationId);
  }

  /** Drops every expired entry; returns how many went. */
  prune(): number {
    const now = this.clock.now();
    let dropped = 0;
    for (const [id, entry] of this.entries) {
      if (entry.expiresAt <= now) {
        this.entries.delete(id);
        dropped++;
      }
    }
    return dropped;
  }
}

/** Items and session config deep-copied; audio arrays shared (see the module comment). */
function copyConversation(conversation: StoredConversation): StoredConversation {
  const { audio, items, session, ...rest } = conversation;
  const copy: StoredConversation = { ...rest, items: structuredClone(items) };
  if (session !== undefined) copy.session = structuredClone(session);
  if (audio !== undefined) {
    copy.audio = {};
    for (const [key, clip] of Object.entries(audio)) {
      Object.defineProperty(copy.audio, key, {
        value: { pcm: clip.pcm, sampleRate: clip.sampleRate },
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return copy;
}
