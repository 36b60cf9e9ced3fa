import type { WordTiming } from '@parley/runtime';

/**
 * A token of a sentence with its share of the speaking time: a word, or a
 * pause that punctuation causes (those are timed but not returned).
 */
interface Token {
  word: string | null;
  weight: number;
}

const TOKEN = /\p{Script=Han}|[\p{L}\p{M}\p{N}]+(?:['’.][\p{L}\p{M}\p{N}]+)*|[,;:，、；：]|[.!?。！？…]|[-–—()（）]/gu;
const HAN = /^\p{Script=Han}$/u;
const DIGIT = /\p{N}/gu;

/** Relative speaking time of one token (about one unit per Latin letter). */
function tokenOf(text: string): Token {
  if (HAN.test(text)) return { word: text, weight: 4 };
  if (/^[,;:，、；：]$/u.test(text)) return { word: null, weight: 5 };
  if (/^[.!?。！？…]$/u.test(text)) return { word: null, weight: 6 };
  if (/^[-–—()（）]$/u.test(text)) return { word: null, weight: 2 };
  const digits = text.match(DIGIT)?.length ?? 0;
  return { word: text, weight: text.length - digits + 4 * digits + 1 };
}

/**
 * Estimated word timings for one sentence spoken in `durationMs` starting at
 * `offsetMs`: espeak-ng's command line reports no word events, so the
 * sentence's sound is shared among its words in proportion to their length
 * (a Han character is a word of its own and weighs about one syllable; a digit
 * weighs about a short word; commas and other marks take a share as pauses).
 * Estimates, accurate to a syllable or two: good for captions and for
 * truncating a transcript at a playback position, not for lip sync.
 * Times are whole milliseconds; each word ends where its share ends.
 */
export function estimateWordTimings(sentence: string, offsetMs: number, durationMs: number): WordTiming[] {
  const tokens = (sentence.match(TOKEN) ?? []).map(tokenOf);
  // Marks before the first word or after the last one take no time.
  while (tokens.length && tokens[0]!.word === null) tokens.shift();
  while (tokens.length && tokens[tokens.length - 1]!.word === null) tokens.pop();
  const total = tokens.reduce((sum, t) => sum + t.weight, 0);
  if (total === 0 || !(durationMs > 0)) return [];
  const words: WordTiming[] = [];
  let before = 0;
  for (const token of tokens) {
    const start = Math.round(offsetMs + (before / total) * durationMs);
    before += token.weight;
    const end = Math.round(offsetMs + (before / total) * durationMs);
    if (token.word !== null) words.push({ word: token.word, startMs: start, durationMs: end - start });
  }
  return words;
}
