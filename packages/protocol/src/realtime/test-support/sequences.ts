/**
 * Recorded realtime sequences (`fixtures/sequences/<dialect>/<scenario>.jsonl`)
 * for tests, here and in other packages. Each line is
 * `{ "dir": "client" | "server", "wire": { … } }`, in protocol order.
 *
 * Node-only (reads files); excluded from the build. The JSONL files ship with
 * the package (`fixtures/`), so code outside this repository reads them
 * directly, e.g. from `require.resolve('@parley/protocol/package.json')`'s
 * directory.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dialect } from '../dialect.js';

/** The recorded scenarios; every dialect has each one. */
export const SEQUENCE_SCENARIOS = ['audio-turn', 'text-turn', 'tool-call', 'cancelled-response'] as const;
export type SequenceScenario = (typeof SEQUENCE_SCENARIOS)[number];

/** One recorded frame. */
export interface SequenceLine {
  dir: 'client' | 'server';
  wire: Record<string, unknown>;
}

/** The directory holding `<dialect>/<scenario>.jsonl`. */
export const SEQUENCES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/sequences');

/** Parses JSONL text into sequence lines; throws, naming the line, on malformed input. */
export function parseSequence(text: string, source = 'sequence'): SequenceLine[] {
  const lines: SequenceLine[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    if (raw.trim() === '') continue;
    const value = JSON.parse(raw) as Partial<SequenceLine>;
    const ok =
      (value.dir === 'client' || value.dir === 'server') &&
      value.wire !== null &&
      typeof value.wire === 'object' &&
      !Array.isArray(value.wire);
    if (!ok) throw new Error(`${source}:${index + 1}: expected {"dir":"client"|"server","wire":{…}}`);
    lines.push(value as SequenceLine);
  }
  return lines;
}

/** Loads one recorded sequence. */
export function loadSequence(dialect: Dialect, scenario: SequenceScenario): SequenceLine[] {
  const path = join(SEQUENCES_DIR, dialect, `${scenario}.jsonl`);
  return parseSequence(readFileSync(path, 'utf8'), path);
}
