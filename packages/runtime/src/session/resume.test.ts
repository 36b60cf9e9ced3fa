import { describe, expect, it } from 'vitest';
import type { SessionStore, StoredConversation } from './store.js';
import { ScriptedEngine, tone } from '../engines/index.js';
import { MemorySessionStore } from '../store/index.js';
import { VirtualClock } from '../testing/virtual-clock.js';
import { b64, openSession } from './test-support/harness.js';

describe('resuming a conversation through the store', () => {
  it('saves on close under the session id and restores silently, before later events', async () => {
    const clock = new VirtualClock();
    const store = new MemorySessionStore({ clock });
    const first = openSession({ dialect: 'volcengine', engine: new ScriptedEngine(() => ScriptedEngine.text('first answer')), store, clock });
    const sessionId = first.last('session.created').session.id!;
    first.send({ type: 'input_audio_buffer.append', audio: b64(tone(300, 16_000)) });
    first.send({ type: 'input_audio_buffer.commit' });
    const audioItem = first.last('input_audio_buffer.committed').item_id;
    first.send({ type: 'response.create', response: { modalities: ['text'] } });
    await first.session.idle();
    first.session.close('client left');
    await first.settle();

    const engine = new ScriptedEngine(() => ScriptedEngine.text('second answer'));
    const second = openSession({ dialect: 'volcengine', engine, store, clock, conversationId: sessionId });
    expect(second.last('session.created').session.id).toBe(sessionId);
    second.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'and now?' }] } });
    second.send({ type: 'response.create', response: { modalities: ['text'] } });
    await second.settle();
    await second.session.idle();
    expect(engine.calls[0]!.input.items.map((i) => (i.type === 'message' ? i.role : i.type))).toEqual(['user', 'assistant', 'user']);
    expect(second.of('conversation.item.created')[0]!.previous_item_id).not.toBeNull();
    second.send({ type: 'conversation.item.retrieve', item_id: audioItem });
    expect(second.last('conversation.item.retrieved').item).toMatchObject({ content: [{ type: 'input_audio', audio: b64(tone(300, 16_000)) }] });
    expect(second.errors()).toEqual([]);
  });

  it('starts empty for an unknown id, and when the store does not answer in time', async () => {
    const unknown = openSession({
      dialect: 'volcengine',
      engine: new ScriptedEngine(() => ScriptedEngine.text('ok')),
      store: new MemorySessionStore(),
      conversationId: 'sess_never_saved',
    });
    await unknown.settle();
    unknown.send({ type: 'conversation.item.retrieve', item_id: 'anything', event_id: 'r' });
    expect(unknown.errors()).toEqual([expect.objectContaining({ code: 'item_not_found', event_id: 'r' })]);

    const clock = new VirtualClock();
    const silent: SessionStore = {
      load: () => new Promise<StoredConversation | undefined>(() => undefined),
      save: async () => undefined,
      delete: async () => undefined,
    };
    const engine = new ScriptedEngine(() => ScriptedEngine.text('ok'));
    const h = openSession({ dialect: 'volcengine', engine, store: silent, clock, conversationId: 'sess_unknown', limits: { restoreTimeoutMs: 1_000 } });
    h.send({ type: 'response.create', response: { modalities: ['text'] } });
    await h.settle();
    expect(h.of('response.created')).toHaveLength(0);
    await clock.advanceAsync(1_000);
    await h.session.idle();
    expect(h.of('response.created')).toHaveLength(1);
    expect(engine.calls[0]!.input.items).toEqual([]);
  });

  it('does not save the item of a response cut by close', async () => {
    const clock = new VirtualClock();
    const saved: StoredConversation[] = [];
    const store: SessionStore = { load: async () => undefined, save: async (c) => void saved.push(c), delete: async () => undefined };
    const engine = new ScriptedEngine(() => ScriptedEngine.speaking('long', { ms: 2_000, paced: true }), { clock });
    const h = openSession({ dialect: 'volcengine', engine, store, clock });
    h.send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] } });
    h.send({ type: 'response.create' });
    await clock.advanceAsync(300);
    h.session.close();
    expect(saved).toHaveLength(1);
    expect(saved[0]!.items.map((i) => i.type === 'message' && i.role)).toEqual(['user']);
    expect(saved[0]!.conversationId).toBe(h.last('session.created').session.id);
  });
});
