import type { Item, SessionConfig } from '@parley/protocol';

/** What a session keeps so that a reconnect can resume it (volcengine `X-Conversation-Id`). */
export interface StoredConversation {
  conversationId: string;
  items: Item[];
  /** Decoded input audio of items, keyed `${itemId}:${contentIndex}`, PCM16 at `sampleRate`. */
  audio?: Record<string, { pcm: Int16Array; sampleRate: number }>;
  session?: SessionConfig;
  savedAt: number;
}

/**
 * Where conversations live between connections. In memory now; the interface
 * is async so a Redis or SQL store can implement it later.
 */
export interface SessionStore {
  load(conversationId: string): Promise<StoredConversation | undefined>;
  save(conversation: StoredConversation): Promise<void>;
  delete(conversationId: string): Promise<void>;
}
