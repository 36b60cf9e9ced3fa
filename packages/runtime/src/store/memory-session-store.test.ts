import type { Item } from '@parley/protocol';
import { describe, expect, test } from 'vitest';
import type { StoredConversation } from '../session/store.js';
import { VirtualClock } from '../testing/virtual-clock.js';
import { MemorySessionStore } from './memory-session-store.js';

const MIN = 60_000;

function conversation(id: string, savedAt: number, text = 'hello'): StoredConversation {
  const items: Item[] = [{ type: 'message', id: `${id}_item`, role: 'user', content: [{ type: 'input_text', text }] }];
  return { conversationId: id, items, savedAt };
}

describe('MemorySessionStore', () => {
  test('loads what was saved; delete removes it', async () => {
    const clock = new VirtualClock(1000);
    const store = new MemorySessionStore({ clock });
    const saved = conversation('c1', clock.now());
    await store.save(saved);
    expect(await store.load('c1')).toEqual(saved);
    expect(await store.load('other')).toBeUndefined();
    await store.delete('c1');
    expect(await store.load('c1')).toBeUndefined();
  });

  test('an entry lives ttlMs from savedAt on the store clock (10 minutes by default)', async () => {
    const clock = new VirtualClock();
    const store = new MemorySessionStore({ clock });
    await store.save(conversation('c1', clock.now()));
    clock.advance(10 * MIN - 1);
    expect(await store.load('c1')).toBeDefined();
    clock.advance(1);
    expect(await store.load('c1')).toBeUndefined();
    expect(store.size).toBe(0);
  });

  test('the TTL counts from savedAt, not from the save call', async () => {
    const clock = new VirtualClock(5 * MIN);
    const store = new MemorySessionStore({ clock, ttlMs: 2 * MIN });
    await store.save(conversation('late', clock.now() - MIN));
    await store.save(conversation('stale', clock.now() - 3 * MIN));
    expect(await store.load('stale')).toBeUndefined();
    clock.advance(MIN - 1);
    expect(await store.load('late')).toBeDefined();
    clock.advance(1);
    expect(await store.load('late')).toBeUndefined();
  });

  test('a savedAt ahead of the clock (another time base) counts as now', async () => {
    const clock = new VirtualClock();
    const store = new MemorySessionStore({ clock, ttlMs: MIN });
    await store.save(conversation('c1', 1e12));
    clock.advance(MIN);
    expect(await store.load('c1')).toBeUndefined();
  });

  test('expired entries are pruned on save and by prune()', async () => {
    const clock = new VirtualClock();
    const store = new MemorySessionStore({ clock, ttlMs: MIN });
    await store.save(conversation('a', 0));
    await store.save(conversation('b', 0));
    clock.advance(30_000);
    await store.save(conversation('c', clock.now()));
    expect(store.size).toBe(3);
    clock.advance(30_000);
    await store.save(conversation('d', clock.now()));
    expect(store.size).toBe(2);
    clock.advance(30_000);
    expect(store.prune()).toBe(1);
    expect(await store.load('d')).toBeDefined();
  });

  test('over maxConversations the one saved longest ago goes; saving again makes an entry the newest', async () => {
    const clock = new VirtualClock();
    const store = new MemorySessionStore({ clock, maxConversations: 3 });
    for (const id of ['a', 'b', 'c']) {
      await store.save(conversation(id, clock.now()));
      clock.advance(10);
    }
    await store.save(conversation('a', clock.now(), 'again'));
    await store.save(conversation('d', clock.now()));
    expect(store.size).toBe(3);
    expect(await store.load('b')).toBeUndefined();
    expect((await store.load('a'))?.items).toEqual(conversation('a', 0, 'again').items);
    expect(await store.load('c')).toBeDefined();
    expect(await store.load('d')).toBeDefined();
  });

  test('saved and loaded state are copies: neither side can change the store', async () => {
    const clock = new VirtualClock();
    const store = new MemorySessionStore({ clock });
    const pcm = new Int16Array([1, 2, 3]);
    const original: StoredConversation = {
      ...conversation('c1', 0),
      session: { voice: 'alloy', instructions: 'be brief' } as StoredConversation['session'],
      audio: { 'c1_item:0': { pcm, sampleRate: 16_000 } },
    };
    await store.save(original);
    original.items.push(conversation('x', 0).items[0]!);
    (original.items[0] as { content: { text?: string }[] }).content[0]!.text = 'mutated';
    (original.session as Record<string, unknown>).voice = 'ash';
    delete original.audio!['c1_item:0'];

    const loaded = (await store.load('c1'))!;
    expect(loaded.items).toEqual(conversation('c1', 0).items);
    expect(loaded.session).toEqual({ voice: 'alloy', instructions: 'be brief' });
    expect(Object.keys(loaded.audio!)).toEqual(['c1_item:0']);
    expect(loaded.audio!['c1_item:0']!.pcm).toBe(pcm); // audio is shared by reference (documented)

    loaded.items.length = 0;
    loaded.audio!['other'] = { pcm, sampleRate: 8000 };
    const again = (await store.load('c1'))!;
    expect(again.items).toEqual(conversation('c1', 0).items);
    expect(Object.keys(again.audio!)).toEqual(['c1_item:0']);
  });

  test('rejects nonsense limits', () => {
    expect(() => new MemorySessionStore({ ttlMs: 0 })).toThrow(RangeError);
    expect(() => new MemorySessionStore({ maxConversations: 0 })).toThrow(RangeError);
  });
});
