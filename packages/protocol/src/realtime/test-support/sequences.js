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
/** The recorded scenarios; every dialect has each one. */
export const SEQUENCE_SCENARIOS = ['audio-turn', 'text-turn', 'tool-call', 'cancelled-response'];
/** The directory holding `<dialect>/<scenario>.jsonl`. */
export const SEQUENCES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures/sequences');
/** Parses JSONL text into sequence lines; throws, naming the line, on malformed input. */
export function parseSequence(text, source = 'sequence') {
    const lines = [];
    for (const [index, raw] of text.split('\n').entries()) {
        if (raw.trim() === '')
            continue;
        const value = JSON.parse(raw);
        const ok = (value.dir === 'client' || value.dir === 'server') &&
            value.wire !== null &&
            typeof value.wire === 'object' &&
            !Array.isArray(value.wire);
        if (!ok)
            throw new Error(`${source}:${index + 1}: expected {"dir":"client"|"server","wire":{…}}`);
        lines.push(value);
    }
    return lines;
}
/** Loads one recorded sequence. */
export function loadSequence(dialect, scenario) {
    const path = join(SEQUENCES_DIR, dialect, `${scenario}.jsonl`);
    return parseSequence(readFileSync(path, 'utf8'), path);
}
//# sourceMappingURL=sequences.js.map