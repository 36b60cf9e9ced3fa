import { isHan } from './language.js';

/** Why a piece of text ended where it did; decides the pause after it. */
export type BoundaryKind =
  /** `.` `!` `?` `…` followed by a space, or CJK `。！？`. */
  | 'sentence'
  /** `;` or CJK `；`, or a comma once the piece is long (see `softSplitUnits`). */
  | 'clause'
  /** A line break. */
  | 'line'
  /** No punctuation for `maxUnits`: cut at the last space. */
  | 'split'
  /** The end of the text. */
  | 'end';

/** A piece of text to speak in one go: the exact input text, trailing spaces included. */
export interface Sentence {
  text: string;
  boundary: BoundaryKind;
}

export interface SentenceSplitterOptions {
  /**
   * Length, in speech units, from which a comma or colon (`,` `:` `，` `、`
   * `：`) also ends a piece. A unit is about one Latin character; a Han
   * character counts 4 (one syllable). Default 80 (about 5 s of speech).
   */
  softSplitUnits?: number;
  /** Longest piece in speech units; a longer run is cut at its last space. Default 300. */
  maxUnits?: number;
}

const TERMINAL = new Set(['.', '!', '?', ';', '…']);
const CJK_TERMINAL = new Set(['。', '！', '？', '；']);
const SOFT = new Set([',', ':']);
const CJK_SOFT = new Set(['，', '、', '：']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '}', '»', '」', '』', '）', '】', '》']);
const LINE = new Set(['\n', '\r', '\u2028', '\u2029']);
const SPEAKABLE = /[\p{L}\p{N}]/u;

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/u.test(char);
}

/** Whether the text holds anything espeak-ng would say (a letter or a digit). */
export function isSpeakable(text: string): boolean {
  return SPEAKABLE.test(text);
}

function unitsOf(char: string): number {
  return isHan(char) ? 4 : 1;
}

/**
 * Cuts text, given whole or as a stream of deltas, into sentences so that
 * speech can start before the text is complete.
 *
 * A sentence ends at `.` `!` `?` `…` `;` followed by white space (so "3.14"
 * and "e.g." inside a word do not end one), at a line break, and at CJK
 * `。！？；` immediately; closing quotes and brackets after the mark stay
 * with the sentence, and so does the white space that follows (in a stream,
 * the white space that has arrived: a sentence is not held back for more). Once a piece
 * is long, a comma or colon ends it too, and a piece with no punctuation at
 * all is cut at a space. A piece with nothing to say (only punctuation) is
 * held and joined to the next one. Concatenating the pieces gives back the
 * input, except a trailing piece with nothing to say.
 */
export class SentenceSplitter {
  #buffer = '';
  #scan = 0;
  #units = 0;
  readonly #soft: number;
  readonly #max: number;

  constructor(options: SentenceSplitterOptions = {}) {
    this.#soft = options.softSplitUnits ?? 80;
    this.#max = Math.max(8, options.maxUnits ?? 300);
  }

  /** Adds a delta; returns the sentences it completed. */
  push(delta: string): Sentence[] {
    this.#buffer += delta;
    return this.#cut(false);
  }

  /** Ends the text; returns the sentences still held, the last one with boundary `end`. */
  flush(): Sentence[] {
    const out = this.#cut(true);
    const rest = this.#buffer;
    this.#buffer = '';
    this.#scan = 0;
    this.#units = 0;
    if (isSpeakable(rest)) out.push({ text: rest, boundary: 'end' });
    return out;
  }

  #cut(final: boolean): Sentence[] {
    const out: Sentence[] = [];
    let i = this.#scan;
    let units = this.#units;
    const emit = (end: number, boundary: BoundaryKind): void => {
      const text = this.#buffer.slice(0, end);
      if (isSpeakable(text)) {
        out.push({ text, boundary });
        this.#buffer = this.#buffer.slice(end);
        i = 0;
        units = 0;
      } else {
        i = end;
      }
    };
    const spacesFrom = (at: number): number => {
      while (at < this.#buffer.length && isSpace(this.#buffer[at])) at++;
      return at;
    };
    while (i < this.#buffer.length) {
      const buf = this.#buffer;
      const c = buf[i]!;
      if (CJK_TERMINAL.has(c)) {
        let end = i + 1;
        while (end < buf.length && (CJK_TERMINAL.has(buf[end]!) || CLOSERS.has(buf[end]!))) end++;
        emit(spacesFrom(end), c === '；' ? 'clause' : 'sentence');
        continue;
      }
      if (LINE.has(c)) {
        emit(spacesFrom(i + 1), 'line');
        continue;
      }
      if (TERMINAL.has(c) || (SOFT.has(c) && units >= this.#soft)) {
        let end = i + 1;
        if (TERMINAL.has(c)) while (end < buf.length && (TERMINAL.has(buf[end]!) || CLOSERS.has(buf[end]!))) end++;
        if (end === buf.length && !final) break; // the next delta decides
        if (end === buf.length || isSpace(buf[end])) {
          emit(spacesFrom(end), c === ';' || SOFT.has(c) ? 'clause' : 'sentence');
          continue;
        }
        units += end - i;
        i = end;
        continue;
      }
      if (CJK_SOFT.has(c) && units >= this.#soft) {
        emit(spacesFrom(i + 1), 'clause');
        continue;
      }
      units += unitsOf(c);
      i++;
      if (units >= this.#max) {
        const space = lastSpaceBefore(buf, i);
        const cut = space > i / 2 ? spacesFrom(space) : i;
        if (isSpeakable(buf.slice(0, cut))) emit(cut, 'split');
      }
    }
    this.#scan = i;
    this.#units = units;
    return out;
  }
}

function lastSpaceBefore(text: string, end: number): number {
  for (let j = end - 1; j > 0; j--) if (isSpace(text[j])) return j;
  return -1;
}

/** Splits a whole text into sentences (see {@link SentenceSplitter}). */
export function splitSentences(text: string, options?: SentenceSplitterOptions): Sentence[] {
  const splitter = new SentenceSplitter(options);
  return [...splitter.push(text), ...splitter.flush()];
}
