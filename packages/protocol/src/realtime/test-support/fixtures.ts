/**
 * Shared harness for the spec fixtures of realtime events, for client events
 * and server events alike.
 *
 * Fixtures live in `fixtures/spec/<source-file-id>/<nn>-<event-type>.json`
 * (`nn` follows the order of the examples in the source document), each
 * wrapped as:
 *
 *   { "source": "<file> near '<heading>'", "dialect": "stepfun" | "volcengine" | "openai-beta" | "openai",
 *     "direction": "client" | "server", "corrected": "<what was fixed>" | null, "wire": { ...the event... } }
 *
 * Files without a `direction` (the HTTP fixtures) are ignored here.
 *
 * Server events: call `describeSpecFixtures('server', { decode: decodeServerEvent, encode: encodeServerEvent })`
 * from a colocated test; each fixture must decode in its dialect and re-encode
 * to an object deep-equal to its `wire`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DecodeResult } from '../../errors.js';
import { type Dialect, isDialect } from '../dialect.js';

export type FixtureDirection = 'client' | 'server';

export interface SpecFixture {
  /** Path relative to `fixtures/spec`. */
  file: string;
  source: string;
  dialect: Dialect;
  direction: FixtureDirection;
  corrected: string | null;
  wire: Record<string, unknown>;
}

/** Absolute path of the package's `fixtures` directory. */
export const FIXTURES_DIR = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
export const SPEC_FIXTURES_DIR = join(FIXTURES_DIR, 'spec');

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.name.endsWith('.json')) out.push(path);
  }
  return out.sort();
}

/** Problems with a wrapper's shape, empty when it is well-formed. */
export function wrapperProblems(value: unknown): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return ['not an object'];
  const w = value as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof w.source !== 'string' || !/ near '.+'$/.test(w.source)) problems.push("source must be \"<file> near '<heading>'\"");
  if (!isDialect(w.dialect)) problems.push('dialect must be one of the four dialects');
  if (w.direction !== 'client' && w.direction !== 'server') problems.push('direction must be client or server');
  if (w.corrected !== null && (typeof w.corrected !== 'string' || w.corrected === '')) {
    problems.push('corrected must be null or a non-empty string');
  }
  if (w.wire === null || typeof w.wire !== 'object' || Array.isArray(w.wire)) problems.push('wire must be an object');
  else if (typeof (w.wire as Record<string, unknown>).type !== 'string') problems.push('wire.type must be a string');
  return problems;
}

/** Every realtime spec fixture with the given direction (all realtime ones when omitted). */
export function loadSpecFixtures(direction?: FixtureDirection): SpecFixture[] {
  const fixtures: SpecFixture[] = [];
  for (const path of walk(SPEC_FIXTURES_DIR)) {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    if (!Object.hasOwn(value, 'direction')) continue;
    if (direction !== undefined && value.direction !== direction) continue;
    fixtures.push({ ...(value as unknown as SpecFixture), file: relative(SPEC_FIXTURES_DIR, path) });
  }
  return fixtures;
}

export interface FixtureCodec {
  decode(wire: unknown, dialect: Dialect): DecodeResult<unknown>;
  encode(event: never, dialect: Dialect): unknown;
}

/** Registers one test per fixture: well-formed wrapper, decodes (from text and from the object), re-encodes equal. */
export function describeSpecFixtures(direction: FixtureDirection, codec: FixtureCodec): void {
  const fixtures = loadSpecFixtures(direction);
  describe(`spec fixtures (${direction} events)`, () => {
    it('exist', () => {
      expect(fixtures.length).toBeGreaterThan(0);
    });
    for (const fixture of fixtures) {
      it(`${fixture.file} round-trips in ${fixture.dialect}`, () => {
        expect(wrapperProblems(fixture)).toEqual([]);
        const fileName = fixture.file.split('/').pop() ?? '';
        expect(fileName).toMatch(new RegExp(`^\\d{2}-${String(fixture.wire.type).replace(/\./g, '\\.')}\\.json$`));
        const text = JSON.stringify(fixture.wire);
        const fromText = codec.decode(text, fixture.dialect);
        if (!fromText.ok) throw new Error(`${fixture.file}: ${JSON.stringify(fromText.error)}`);
        const fromObject = codec.decode(JSON.parse(text), fixture.dialect);
        expect(fromObject).toEqual(fromText);
        const encode = codec.encode as (event: unknown, dialect: Dialect) => unknown;
        // Through JSON, as a transport would send it.
        expect(JSON.parse(JSON.stringify(encode(fromText.event, fixture.dialect)))).toEqual(fixture.wire);
      });
    }
  });
}
