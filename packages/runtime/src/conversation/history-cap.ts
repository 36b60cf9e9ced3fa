/**
 * The history cap in turns (Volcengine keeps 10, spec 003 and notes Part 1).
 *
 * A turn is a user message and every item after it up to the next user
 * message: the assistant's answer, its function calls and their outputs.
 * Items before the first user message belong to the first turn. System
 * messages are instructions, not turns: they are never dropped. When there
 * are more than `maxTurns` user messages, every non-system item before the
 * `maxTurns`-th user message from the end goes, oldest first.
 */
import type { Item } from '@parley/protocol';

function isUserMessage(item: Item): boolean {
  return item.type === 'message' && item.role === 'user';
}

function isSystemMessage(item: Item): boolean {
  return item.type === 'message' && item.role === 'system';
}

/** Ids of the items the cap removes (empty when within the cap). */
export function turnsToDrop(items: readonly Item[], maxTurns: number): string[] {
  if (!Number.isFinite(maxTurns) || maxTurns < 0) return [];
  const userIndices: number[] = [];
  items.forEach((item, index) => {
    if (isUserMessage(item)) userIndices.push(index);
  });
  if (userIndices.length <= maxTurns) return [];
  const firstKept = maxTurns === 0 ? items.length : userIndices[userIndices.length - maxTurns]!;
  const drop: string[] = [];
  for (let i = 0; i < firstKept; i++) {
    const item = items[i]!;
    if (!isSystemMessage(item) && item.id !== undefined) drop.push(item.id);
  }
  return drop;
}
