import { describe, expect, it } from 'vitest';
import { HTTP_FIXTURE_CODECS, type HttpFixtureKind } from './fixture-codecs.js';
import { loadHttpFixtures } from './test-support/fixtures.js';

const fixtures = loadHttpFixtures();

describe('HTTP spec fixtures', () => {
  it('cover every HTTP kind', () => {
    const kinds = new Set(fixtures.map((f) => f.kind));
    for (const kind of Object.keys(HTTP_FIXTURE_CODECS)) expect(kinds, kind).toContain(kind);
  });

  it.each(fixtures.map((f) => [f.file, f] as const))('%s has the wrapper fields', (_file, fixture) => {
    expect(fixture.source).toMatch(/^(\d{3}_[0-9a-f]{16}\.txt|protocol-notes\.md) near '.+'/);
    expect(Object.keys(HTTP_FIXTURE_CODECS)).toContain(fixture.kind);
    expect(fixture.corrected === null || (typeof fixture.corrected === 'string' && fixture.corrected.length > 0)).toBe(true);
  });

  it.each(fixtures.map((f) => [f.file, f] as const))('%s decodes and re-encodes to the same object', (_file, fixture) => {
    const codec = HTTP_FIXTURE_CODECS[fixture.kind as HttpFixtureKind];
    const text = JSON.stringify(fixture.wire);
    const decoded = codec.decode(text);
    if (!decoded.ok) throw new Error(`${fixture.file}: ${decoded.error.code} ${decoded.error.param}: ${decoded.error.message}`);
    expect(JSON.parse(codec.encode(decoded.event))).toEqual(fixture.wire);
  });

  it('keeps unknown fields through decode and encode', () => {
    for (const fixture of fixtures.filter((f) => typeof f.wire === 'object' && f.wire !== null)) {
      const codec = HTTP_FIXTURE_CODECS[fixture.kind as HttpFixtureKind];
      const wire = { ...(fixture.wire as object), x_parley_probe: { nested: [1, 'two'] } };
      const decoded = codec.decode(wire);
      expect(decoded.ok, fixture.file).toBe(true);
      if (decoded.ok) expect(JSON.parse(codec.encode(decoded.event))).toEqual(wire);
    }
  });
});
