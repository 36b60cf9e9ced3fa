import { describe, expect, it } from 'vitest';
import { describeSpecFixtures, loadSpecFixtures } from '../test-support/fixtures.js';
import { decodeServerEvent } from './decode.js';
import { encodeServerEvent } from './encode.js';

describeSpecFixtures('server', { decode: decodeServerEvent, encode: encodeServerEvent });

describe('spec fixtures (server events) read the same in every dialect', () => {
  // Decoding is lenient across dialects; only the event name and object
  // shapes of GA differ, and none of these vendor samples is GA.
  for (const fixture of loadSpecFixtures('server')) {
    it(`${fixture.file} decodes to the same canonical event in stepfun, volcengine and openai-beta`, () => {
      const results = (['stepfun', 'volcengine', 'openai-beta'] as const).map((dialect) => decodeServerEvent(fixture.wire, dialect));
      expect(results[0].ok).toBe(true);
      expect(results[1]).toEqual(results[0]);
      expect(results[2]).toEqual(results[0]);
    });
  }
});
