import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../dialect.js';
import { loadSequence, parseSequence, SEQUENCE_SCENARIOS } from './sequences.js';

describe('sequence loader', () => {
  it('loads every scenario of every dialect, starting with session.created', () => {
    for (const dialect of DIALECTS) {
      for (const scenario of SEQUENCE_SCENARIOS) {
        const lines = loadSequence(dialect, scenario);
        expect(lines[0]).toMatchObject({ dir: 'server', wire: { type: 'session.created' } });
      }
    }
  });

  it('skips blank lines and names a malformed one', () => {
    const text = '{"dir":"client","wire":{"type":"response.create"}}\n\n{"dir":"up","wire":{}}\n';
    expect(() => parseSequence(text, 'x.jsonl')).toThrow('x.jsonl:3');
    expect(parseSequence(text.split('\n')[0])).toEqual([{ dir: 'client', wire: { type: 'response.create' } }]);
  });
});
