/** Reads the HTTP fixtures under `fixtures/spec` (realtime ones, with `direction`, are skipped). */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const SPEC_FIXTURES_DIR = join(PACKAGE_DIR, 'fixtures', 'spec');

export interface HttpFixture {
  file: string;
  source: string;
  kind: string;
  corrected: string | null;
  wire: unknown;
}

export function loadHttpFixtures(): HttpFixture[] {
  const out: HttpFixture[] = [];
  for (const dir of readdirSync(SPEC_FIXTURES_DIR, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    const base = join(SPEC_FIXTURES_DIR, dir.name);
    for (const name of readdirSync(base).sort()) {
      if (!name.endsWith('.json')) continue;
      const path = join(base, name);
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      if ('direction' in parsed || !('kind' in parsed)) continue;
      out.push({
        file: relative(SPEC_FIXTURES_DIR, path),
        source: parsed.source as string,
        kind: parsed.kind as string,
        corrected: parsed.corrected as string | null,
        wire: parsed.wire,
      });
    }
  }
  return out;
}
