import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Type from 'typebox';
import { Compile } from 'typebox/compile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_SCHEMA_DIALECT, emitSchemas } from '../../scripts/emit-schemas.mjs';
import { HTTP_FIXTURE_CODECS, type HttpFixtureKind } from './fixture-codecs.js';
import { httpSchemas } from './schemas.js';
import { loadHttpFixtures } from './test-support/fixtures.js';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

function keysOf(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) keysOf(item, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      out.push(key);
      keysOf(value, out);
    }
  }
  return out;
}

describe('emit-schemas', () => {
  let dir: string;
  let result: { written: string[]; warnings: string[] };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-schemas-'));
    writeFileSync(join(dir, 'stale.json'), '{}');
    result = await emitSchemas({ httpSchemas }, dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one file per HTTP schema, an index, and nothing stale', () => {
    const files = readdirSync(dir).sort();
    const expected = [...Object.keys(httpSchemas).map((n) => `${n}.json`), 'index.json'].sort();
    expect(files).toEqual(expected);
    const index = readJson(join(dir, 'index.json')) as { schemas: Array<{ name: string; file: string }> };
    expect(index.schemas.map((s) => s.name)).toEqual(Object.keys(httpSchemas).sort());
  });

  it('warns, without failing, when the realtime schemas are not there', () => {
    expect(result.warnings.join('\n')).toMatch(/realtimeClientSchemas[\s\S]*realtimeServerSchemas/);
  });

  it('writes plain JSON Schema 2020-12 with a root type and no TypeBox internals', () => {
    for (const name of Object.keys(httpSchemas)) {
      const schema = readJson(join(dir, `${name}.json`));
      expect(schema.$schema, name).toBe(JSON_SCHEMA_DIALECT);
      expect(schema.title, name).toBe(name);
      expect(schema.type, name).toBe('object');
      expect(keysOf(schema).filter((k) => k.startsWith('~')), name).toEqual([]);
    }
  });

  it('re-read schemas accept the fixtures of their kind and reject broken ones', () => {
    const fixtures = loadHttpFixtures();
    expect(fixtures.length).toBeGreaterThan(20);
    for (const fixture of fixtures) {
      const name = HTTP_FIXTURE_CODECS[fixture.kind as HttpFixtureKind].schema;
      const validator = Compile(readJson(join(dir, `${name}.json`)));
      expect(validator.Check(fixture.wire), fixture.file).toBe(true);
      const broken = { ...(fixture.wire as Record<string, unknown>) };
      const required = (readJson(join(dir, `${name}.json`)).required as string[] | undefined) ?? ['type'];
      delete broken[required[0]];
      expect(validator.Check(broken), `${fixture.file} without ${required[0]}`).toBe(false);
    }
  });

  it('prefixes realtime schema names by direction', async () => {
    const other = mkdtempSync(join(tmpdir(), 'parley-schemas-'));
    try {
      const event = Type.Object({ type: Type.Literal('session.update') });
      const done = await emitSchemas(
        {
          realtimeClientSchemas: { 'session.update': event, 'openai/session.update': event },
          realtimeServerSchemas: { 'realtime.server.error': event },
        },
        other,
      );
      expect(done.written).toEqual([
        'realtime.client.openai.session.update',
        'realtime.client.session.update',
        'realtime.server.error',
      ]);
      expect(done.warnings).toEqual(['httpSchemas is not exported (yet); its schemas were skipped.']);
      expect(readJson(join(other, 'realtime.client.session.update.json')).properties).toEqual({
        type: { type: 'string', const: 'session.update' },
      });
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('refuses names that are not safe file names', async () => {
    const other = mkdtempSync(join(tmpdir(), 'parley-schemas-'));
    try {
      await expect(emitSchemas({ httpSchemas: { '..\\escape': Type.String() } }, other)).rejects.toThrow(/safe file name/);
      const twice = { realtimeClientSchemas: { 'a/b': Type.String(), 'a.b': Type.String() } };
      await expect(emitSchemas(twice, other)).rejects.toThrow(/defined twice/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
