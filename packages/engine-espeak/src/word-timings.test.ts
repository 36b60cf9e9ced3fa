import { describe, expect, test } from 'vitest';
import { estimateWordTimings } from './word-timings.js';

describe('estimateWordTimings', () => {
  test('covers the sentence in order, from the offset to the end of the sound', () => {
    const words = estimateWordTimings('Hello there, how are you today?', 500, 2000);
    expect(words.map((w) => w.word)).toEqual(['Hello', 'there', 'how', 'are', 'you', 'today']);
    expect(words[0]!.startMs).toBe(500);
    const last = words[words.length - 1]!;
    expect(last.startMs + last.durationMs).toBe(2500);
    for (let i = 1; i < words.length; i++) {
      const prev = words[i - 1]!;
      expect(words[i]!.startMs).toBeGreaterThanOrEqual(prev.startMs + prev.durationMs);
    }
  });

  test('leaves a pause at a comma and gives longer words more time', () => {
    const words = estimateWordTimings('Hello there, how are you today?', 0, 2000);
    const there = words[1]!;
    const how = words[2]!;
    expect(how.startMs - (there.startMs + there.durationMs)).toBeGreaterThan(0);
    expect(words[5]!.durationMs).toBeGreaterThan(words[3]!.durationMs);
  });

  test('times each Han character as a word of its own', () => {
    const words = estimateWordTimings('你好，世界。', 0, 1000);
    expect(words.map((w) => w.word)).toEqual(['你', '好', '世', '界']);
    const durations = words.map((w) => w.durationMs);
    expect(Math.max(...durations) - Math.min(...durations)).toBeLessThanOrEqual(1);
  });

  test('returns nothing for text without words or without sound', () => {
    expect(estimateWordTimings('... !', 0, 1000)).toEqual([]);
    expect(estimateWordTimings('Hello', 0, 0)).toEqual([]);
  });
});
