/**
 * What is left of an assistant transcript when its audio is cut at
 * `audio_end_ms` (the client heard only that much, so the unheard words
 * leave the history, notes Part 1).
 *
 * With word timings (ms from the start of the part's audio): a word stays
 * when at least half of it was played (`start + duration / 2 <= cut`); the
 * transcript is cut after the last such word, found in the text in order, so
 * the kept text keeps its own spacing and punctuation. Without timings, or
 * when the words cannot be found in the text: proportionally, the share of
 * characters equal to the share of audio played, rounded, and a Latin word cut
 * in its middle is kept whole. Trailing spaces are trimmed.
 */
import type { WordTiming } from '../engine/synthesizer.js';

function byWords(transcript: string, words: readonly WordTiming[], cutMs: number): string | undefined {
  let cursor = 0;
  let keepUntil = 0;
  for (const word of words) {
    const text = word.word.trim();
    if (text === '') continue;
    const at = transcript.indexOf(text, cursor);
    if (at < 0) return undefined;
    cursor = at + text.length;
    if (word.startMs + word.durationMs / 2 <= cutMs) keepUntil = cursor;
    else break;
  }
  return transcript.slice(0, keepUntil);
}

const WORD_CHAR = /[\p{L}\p{N}'’-]/u;
const SPACED_SCRIPT = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}]/u;

function proportionally(transcript: string, cutMs: number, totalMs: number): string {
  const chars = [...transcript];
  let end = Math.round((chars.length * cutMs) / totalMs);
  end = Math.max(0, Math.min(chars.length, end));
  // A Latin word cut in its middle was being spoken: keep it whole.
  while (
    end > 0 &&
    end < chars.length &&
    SPACED_SCRIPT.test(chars[end - 1]!) &&
    WORD_CHAR.test(chars[end]!) &&
    SPACED_SCRIPT.test(chars[end]!)
  ) {
    end++;
  }
  return chars.slice(0, end).join('');
}

export function truncateTranscript(
  transcript: string,
  words: readonly WordTiming[],
  cutMs: number,
  totalMs: number,
): string {
  if (cutMs >= totalMs) return transcript;
  if (cutMs <= 0 || transcript === '') return '';
  const kept = words.length > 0 ? byWords(transcript, words, cutMs) : undefined;
  return (kept ?? proportionally(transcript, cutMs, totalMs)).trimEnd();
}
