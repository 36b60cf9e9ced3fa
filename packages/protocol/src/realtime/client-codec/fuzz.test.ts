import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../dialect.js';
import { FIXTURES_DIR } from '../test-support/fixtures.js';
import { decodeClientEvent } from './decode.js';

interface FuzzCase {
  raw: string;
  code: string;
  param: string | null;
}

const corpus: FuzzCase[] = readFileSync(join(FIXTURES_DIR, 'fuzz', 'client.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line) as FuzzCase);

function eventIdOf(raw: string): string | null {
  try {
    const value = JSON.parse(raw) as unknown;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
    const id = (value as Record<string, unknown>).event_id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

describe('fuzz corpus of bad client events', () => {
  it('has a few hundred cases with distinct inputs', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    expect(new Set(corpus.map((c) => c.raw)).size).toBe(corpus.length);
  });

  for (const dialect of DIALECTS) {
    it(`every case fails with its code and param in ${dialect}, without throwing`, () => {
      const mismatches: string[] = [];
      for (const fuzz of corpus) {
        const result = decodeClientEvent(fuzz.raw, dialect);
        const label = fuzz.raw.length > 120 ? `${fuzz.raw.slice(0, 120)}… (${fuzz.raw.length} chars)` : fuzz.raw;
        if (result.ok) {
          mismatches.push(`${label}: decoded`);
          continue;
        }
        const { error } = result;
        const got = `${error.code} ${error.param}`;
        if (error.code !== fuzz.code || error.param !== fuzz.param) mismatches.push(`${label}: got ${got}, want ${fuzz.code} ${fuzz.param}`);
        if (error.type !== 'invalid_request_error' || typeof error.message !== 'string' || error.message === '') {
          mismatches.push(`${label}: malformed error ${JSON.stringify(error)}`);
        }
        if (error.event_id !== eventIdOf(fuzz.raw)) mismatches.push(`${label}: event_id ${error.event_id}`);
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('leaves Object.prototype untouched', () => {
    for (const fuzz of corpus) decodeClientEvent(fuzz.raw, 'openai');
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).type).toBeUndefined();
    expect(({} as Record<string, unknown>).audio_end_ms).toBeUndefined();
  });
});
