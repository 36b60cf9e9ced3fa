import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../dialect.js';
import { SERVER_EVENT_TYPES } from '../server-events/index.js';
import { canonicalServerType, gaServerEventNames, serverWireType } from './event-names.js';

describe('server event names', () => {
  it('leaves names alone outside GA, except for dropping conversation.item.done', () => {
    for (const dialect of ['stepfun', 'volcengine', 'openai-beta'] as const) {
      for (const type of SERVER_EVENT_TYPES) {
        expect(serverWireType(type, dialect)).toBe(type === 'conversation.item.done' ? null : type);
      }
    }
  });

  it('maps every GA wire name back to its canonical name', () => {
    for (const type of SERVER_EVENT_TYPES) {
      if (type === 'transcription_session.updated') continue; // told apart by the session, see decode
      expect(canonicalServerType(serverWireType(type, 'openai')!)).toBe(type);
    }
  });

  it('renames exactly the cheat-sheet events in GA', () => {
    const renamed = SERVER_EVENT_TYPES.filter((type) => serverWireType(type, 'openai') !== type);
    expect(renamed.sort()).toEqual(Object.keys(gaServerEventNames).sort());
    for (const name of Object.values(gaServerEventNames)) expect(name.startsWith('response.output_') || !name.startsWith('response.')).toBe(true);
  });

  it('gives every dialect a name for every event but item.done', () => {
    for (const dialect of DIALECTS) {
      const missing = SERVER_EVENT_TYPES.filter((type) => serverWireType(type, dialect) === null);
      expect(missing).toEqual(dialect === 'openai' ? [] : ['conversation.item.done']);
    }
  });
});
