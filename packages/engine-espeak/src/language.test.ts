import { describe, expect, test } from 'vitest';
import { pickLanguage } from './language.js';

describe('pickLanguage', () => {
  test.each([
    ['Hello there, how are you?', 'en-us'],
    ['今天天气很好。', 'cmn'],
    ['我喜欢用 Python 编程', 'cmn'],
    ['I really like 编程 a lot', 'en-us'],
    ['你好 hello', 'cmn'],
    ['12345', 'en-us'],
    ['Привет', 'en-us'],
  ] as const)('%s -> %s', (text, language) => {
    expect(pickLanguage(text)).toBe(language);
  });
});
