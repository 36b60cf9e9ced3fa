/**
 * Conversations that outlive a connection (Volcengine's `X-Conversation-Id`).
 *
 * On close, a session with a store saves its completed items and their audio
 * under its conversation id: the `X-Conversation-Id` it was opened with, else
 * its own session id (Volcengine clients resume by sending the id they got in
 * `session.created`). A session opened with a conversation id the store knows
 * (within its TTL, which the store enforces) takes that conversation back
 * silently, as Volcengine does: no events replay it, the history is simply
 * there for the next response. The session configuration is not restored:
 * a resuming client configures its session again.
 */
import type { Item } from '@parley/protocol';
import type { Clock } from '../clock.js';
import type { Conversation } from '../conversation/conversation.js';
import type { SessionStore, StoredConversation } from './store.js';
import type { SessionSettings } from './session-settings.js';

/**
 * Loads a stored conversation, giving up (undefined) after `timeoutMs`, on a
 * store error, or when `signal` aborts (the session closed meanwhile).
 */
export function loadConversation(
  store: SessionStore,
  conversationId: string,
  clock: Clock,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<StoredConversation | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (value: StoredConversation | undefined) => {
      if (settled) return;
      settled = true;
      clock.clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    };
    const onAbort = () => finish(undefined);
    const timer = clock.setTimeout(onAbort, timeoutMs);
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) onAbort();
    try {
      store.load(conversationId).then(finish, () => finish(undefined));
    } catch {
      finish(undefined);
    }
  });
}

function completed(item: Item): boolean {
  const status = (item as { status?: string }).status;
  return status !== 'in_progress';
}

/** Saves the conversation without waiting; a failing store is ignored (the connection is ending anyway). */
export function saveConversation(
  store: SessionStore,
  conversationId: string,
  conversation: Conversation,
  settings: SessionSettings,
  clock: Clock,
): void {
  const { items, audio } = conversation.snapshot();
  const kept = items.filter(completed);
  const ids = new Set(kept.map((item) => item.id));
  const keptAudio: Record<string, { pcm: Int16Array; sampleRate: number }> = {};
  for (const [key, value] of Object.entries(audio)) {
    if (ids.has(key.slice(0, key.lastIndexOf(':')))) keptAudio[key] = value;
  }
  const stored: StoredConversation = {
    conversationId,
    items: kept,
    audio: keptAudio,
    session: settings.explicit,
    savedAt: clock.now(),
  };
  try {
    store.save(stored).catch(() => undefined);
  } catch {
    // A store that throws synchronously is as good as one that rejects.
  }
}
