import type { Dialect } from '../dialect.js';
/** The recorded scenarios; every dialect has each one. */
export declare const SEQUENCE_SCENARIOS: readonly ["audio-turn", "text-turn", "tool-call", "cancelled-response"];
export type SequenceScenario = (typeof SEQUENCE_SCENARIOS)[number];
/** One recorded frame. */
export interface SequenceLine {
    dir: 'client' | 'server';
    wire: Record<string, unknown>;
}
/** The directory holding `<dialect>/<scenario>.jsonl`. */
export declare const SEQUENCES_DIR: string;
/** Parses JSONL text into sequence lines; throws, naming the line, on malformed input. */
export declare function parseSequence(text: string, source?: string): SequenceLine[];
/** Loads one recorded sequence. */
export declare function loadSequence(dialect: Dialect, scenario: SequenceScenario): SequenceLine[];
//# sourceMappingURL=sequences.d.ts.map