import type { Item } from '@parley/protocol';
import { describe, expect, it } from 'vitest';
import { turnsToDrop } from './history-cap.js';
import { truncateTranscript } from './truncate.js';

describe('truncateTranscript', () => {
  it('keeps everything at or past the end, nothing at zero', () => {
    expect(truncateTranscript('all of it', [], 1000, 1000)).toBe('all of it');
    expect(truncateTranscript('all of it', [], 0, 1000)).toBe('');
  });

  it('cuts proportionally, keeping a Latin word being spoken whole', () => {
    expect(truncateTranscript('aaaa bbbb', [], 500, 1000)).toBe('aaaa');
    expect(truncateTranscript('aaaa bbbb cccc dddd', [], 600, 1000)).toBe('aaaa bbbb cccc');
    expect(truncateTranscript('你好世界朋友', [], 500, 1000)).toBe('你好世');
  });

  it('cuts by word timings when given, keeping the text as written', () => {
    const words = [
      { word: 'One,', startMs: 0, durationMs: 200 },
      { word: 'two', startMs: 200, durationMs: 200 },
      { word: 'three!', startMs: 400, durationMs: 200 },
    ];
    expect(truncateTranscript('One, two three!', words, 299, 600)).toBe('One,');
    expect(truncateTranscript('One, two three!', words, 300, 600)).toBe('One, two');
    expect(truncateTranscript('One, two three!', words, 599, 600)).toBe('One, two three!');
  });

  it('falls back to proportions when the words are not in the text', () => {
    expect(truncateTranscript('abcd efgh', [{ word: 'zzz', startMs: 0, durationMs: 10 }], 500, 1000)).toBe('abcd');
  });
});

describe('turnsToDrop', () => {
  const msg = (id: string, role: 'user' | 'assistant' | 'system'): Item => ({ id, type: 'message', role, content: [] });
  const items: Item[] = [
    msg('s', 'system'),
    msg('a0', 'assistant'),
    msg('u1', 'user'),
    msg('a1', 'assistant'),
    { id: 'f1', type: 'function_call', call_id: 'c', name: 'n', arguments: '' },
    msg('u2', 'user'),
    msg('a2', 'assistant'),
    msg('u3', 'user'),
  ];

  it('drops whole turns, oldest first, never system messages', () => {
    expect(turnsToDrop(items, 3)).toEqual([]);
    expect(turnsToDrop(items, 2)).toEqual(['a0', 'u1', 'a1', 'f1']);
    expect(turnsToDrop(items, 1)).toEqual(['a0', 'u1', 'a1', 'f1', 'u2', 'a2']);
  });
});
