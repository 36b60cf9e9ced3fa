import { describe, expect, test } from 'vitest';
import { addUsage, audioTokens, estimateInput, textTokens } from './usage.js';
import { inputOf, userAudio, userText } from './test-support/parts.js';

describe('usage estimate', () => {
  test('text: one token per CJK character plus one per four other characters, rounded up', () => {
    expect(textTokens('')).toBe(0);
    expect(textTokens('abcd')).toBe(1);
    expect(textTokens('abcde')).toBe(2);
    expect(textTokens('你好吗')).toBe(3);
    expect(textTokens('こんにちは hi')).toBe(5 + 1);
  });

  test('audio: tokens per second at the given rate, rounded up', () => {
    expect(audioTokens(16_000, 16_000, 10)).toBe(10);
    expect(audioTokens(16_001, 16_000, 10)).toBe(11);
    expect(audioTokens(12_000, 24_000, 20)).toBe(10);
  });

  test('input: instructions, texts, calls and outputs, and audio instead of its transcript', () => {
    const clip = { pcm: new Int16Array(8000), sampleRate: 16_000 };
    const input = inputOf(
      [
        userText('item_1', 'abcdefgh'),
        userAudio('item_2', 'transcript never counted'),
        userAudio('item_3', 'abcd'),
        { type: 'function_call', id: 'item_4', call_id: 'c', name: 'fn', arguments: '{}' },
        { type: 'function_call_output', id: 'item_5', call_id: 'c', output: 'ok' },
      ],
      { instructions: 'abcd' },
      { 'item_2:0': clip },
    );
    expect(estimateInput(input)).toEqual({ inputText: 1 + 2 + 1 + 1 + 1, inputAudio: 5 });
  });
});

describe('addUsage', () => {
  test('sums numbers field by field, details included', () => {
    const sum = addUsage(
      { input_tokens: 3, input_token_details: { text_tokens: 3 } },
      { input_tokens: 2, output_tokens: 5, input_token_details: { text_tokens: 1, audio_tokens: 1 } },
    );
    expect(sum).toEqual({ input_tokens: 5, output_tokens: 5, input_token_details: { text_tokens: 4, audio_tokens: 1 } });
    expect(addUsage(undefined, { total_tokens: 1 })).toEqual({ total_tokens: 1 });
  });

  test('a hostile key cannot reach a prototype', () => {
    const sum = addUsage({}, JSON.parse('{"__proto__": {"polluted": 1}, "total_tokens": 2}'));
    expect(sum).toEqual({ total_tokens: 2 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
