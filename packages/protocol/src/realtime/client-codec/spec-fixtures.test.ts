import { describe, expect, it } from 'vitest';
import { ClientEventWireSchema, GaClientEventWireSchema } from '../client-events/index.js';
import { lazy } from '../objects/validation.js';
import { describeSpecFixtures, loadSpecFixtures } from '../test-support/fixtures.js';
import { decodeClientEvent, encodeClientEvent } from './index.js';

describeSpecFixtures('client', { decode: decodeClientEvent, encode: encodeClientEvent });

describe('spec fixtures (client events) against the published wire schemas', () => {
  const beta = lazy(ClientEventWireSchema);
  const ga = lazy(GaClientEventWireSchema);
  for (const fixture of loadSpecFixtures('client')) {
    it(`${fixture.file} matches the ${fixture.dialect} wire schema`, () => {
      const validator = fixture.dialect === 'openai' ? ga : beta;
      expect(validator.validate(fixture.wire, '')).toBeNull();
    });
  }
});
