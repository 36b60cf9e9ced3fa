import { describe, expect, it } from 'vitest';
import { decodeClientEvent } from '../client-codec/decode.js';
import { encodeClientEvent } from '../client-codec/encode.js';
import { DIALECTS } from '../dialect.js';
import { lazy } from '../objects/validation.js';
import { loadSpecFixtures } from '../test-support/fixtures.js';
import { CLIENT_EVENT_TYPES, ClientEventSchema, ClientEventWireSchema, GaClientEventWireSchema, realtimeClientSchemas } from './index.js';

describe('published client schemas', () => {
  it('are plain JSON and compile', () => {
    for (const [name, schema] of Object.entries(realtimeClientSchemas)) {
      const json = JSON.parse(JSON.stringify(schema)) as unknown;
      expect(json, name).toEqual(schema);
      expect(() => lazy(schema).check({}), name).not.toThrow();
    }
  });

  it('cover every client event type, in both wire shapes', () => {
    for (const type of CLIENT_EVENT_TYPES) expect(Object.keys(realtimeClientSchemas)).toContain(type);
    for (const type of ['session.update', 'conversation.item.create', 'response.create']) {
      expect(Object.keys(realtimeClientSchemas)).toContain(`openai/${type}`);
    }
  });

  it('agree with the codec: decoded events fit the canonical schema, encoded ones the wire schema', () => {
    const canonical = lazy(ClientEventSchema);
    const beta = lazy(ClientEventWireSchema);
    const ga = lazy(GaClientEventWireSchema);
    const fixtures = loadSpecFixtures('client');
    expect(fixtures.length).toBeGreaterThan(0);
    for (const fixture of fixtures) {
      const decoded = decodeClientEvent(fixture.wire, fixture.dialect);
      if (!decoded.ok) throw new Error(fixture.file);
      expect(canonical.validate(decoded.event, ''), fixture.file).toBeNull();
      for (const dialect of DIALECTS) {
        const wire = encodeClientEvent(decoded.event, dialect);
        expect((dialect === 'openai' ? ga : beta).validate(wire, ''), `${fixture.file} as ${dialect}`).toBeNull();
      }
    }
  });

  it('reject what the codec rejects for a missing required field', () => {
    const beta = lazy(ClientEventWireSchema);
    expect(beta.check({ type: 'conversation.item.truncate', item_id: 'i', content_index: 0 })).toBe(false);
    expect(decodeClientEvent({ type: 'conversation.item.truncate', item_id: 'i', content_index: 0 }, 'stepfun').ok).toBe(false);
  });
});

describe('GA session.update schema', () => {
  it('requires session.type, as the GA decoder does', () => {
    const schema = lazy(realtimeClientSchemas['openai/session.update']);
    expect(schema.validate({ type: 'session.update', session: {} }, '')).toMatchObject({ param: 'session.type' });
    expect(schema.check({ type: 'session.update', session: { type: 'realtime' } })).toBe(true);
    expect(decodeClientEvent({ type: 'session.update', session: {} }, 'openai')).toMatchObject({ ok: false, error: { param: 'session.type' } });
  });
});
