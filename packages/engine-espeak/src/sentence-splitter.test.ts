import { describe, expect, test } from 'vitest';
import { SentenceSplitter, splitSentences } from './sentence-splitter.js';

const texts = [
  'Hello there. How are you today? I am fine! Thanks; bye.',
  'Pi is 3.14 roughly. The end',
  '你好，世界。今天天气很好！我们去公园吧？好的；走吧',
  'Line one\nLine two\r\n\r\nLine three.',
  'He said "stop." Then he left... Really?! Yes.',
  'Mixed 中文 and English. 这是第二句。',
];

describe('splitSentences', () => {
  test('cuts at sentence marks followed by a space, keeping the spaces with the sentence', () => {
    expect(splitSentences('Hello there. How are you today? I am fine! Thanks; bye.').map((s) => s.text)).toEqual([
      'Hello there. ',
      'How are you today? ',
      'I am fine! ',
      'Thanks; ',
      'bye.',
    ]);
  });

  test('labels each piece with how it ended', () => {
    expect(splitSentences('One. Two; three\nfour').map((s) => s.boundary)).toEqual(['sentence', 'clause', 'line', 'end']);
  });

  test('does not cut inside numbers or abbreviations joined to the next word', () => {
    expect(splitSentences('Pi is 3.14 roughly. Version v1.2.3 works.').map((s) => s.text)).toEqual([
      'Pi is 3.14 roughly. ',
      'Version v1.2.3 works.',
    ]);
  });

  test('cuts CJK text at 。！？； at once, and keeps closing quotes with the sentence', () => {
    expect(splitSentences('他说：“好。”我们走吧！真的？是的；').map((s) => s.text)).toEqual([
      '他说：“好。”',
      '我们走吧！',
      '真的？',
      '是的；',
    ]);
  });

  test('cuts at commas only once a piece is long', () => {
    expect(splitSentences('你好，世界。').map((s) => s.text)).toEqual(['你好，世界。']);
    const long = '今天我们一起去了很远的地方看了很多的风景，然后回家吃饭。';
    const pieces = splitSentences(long, { softSplitUnits: 40 }).map((s) => s.text);
    expect(pieces).toEqual(['今天我们一起去了很远的地方看了很多的风景，', '然后回家吃饭。']);
    expect(splitSentences('Short, sweet.').length).toBe(1);
  });

  test('joins pieces with nothing to say to the next piece, and drops a silent tail', () => {
    expect(splitSentences('Hi. ... there. !!! ').map((s) => s.text)).toEqual(['Hi. ', '... there. ']);
  });

  test('cuts a long run without punctuation at a space, within the limit', () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const pieces = splitSentences(words, { maxUnits: 100 });
    expect(pieces.length).toBeGreaterThan(10);
    for (const p of pieces) {
      expect(p.text.length).toBeLessThanOrEqual(101);
      expect(p.text).toMatch(/^word\d+( word\d+)* ?$/);
    }
    expect(pieces.map((p) => p.text).join('')).toBe(words);
  });

  test.each(texts)('gives back the input when the pieces are joined: %s', (text) => {
    expect(splitSentences(text).map((s) => s.text).join('')).toBe(text);
  });
});

describe('SentenceSplitter (streamed)', () => {
  test.each(texts)('pushing one character at a time gives the same sentences as the whole text: %s', (text) => {
    const splitter = new SentenceSplitter();
    const streamed = [...[...text].flatMap((c) => splitter.push(c)), ...splitter.flush()];
    const whole = splitSentences(text);
    // White space after a boundary may land in the next piece when it arrives later.
    expect(streamed.map((s) => [s.text.trim(), s.boundary])).toEqual(whole.map((s) => [s.text.trim(), s.boundary]));
    expect(streamed.map((s) => s.text).join('')).toBe(text);
  });

  test('a sentence comes out as soon as its end is known', () => {
    const splitter = new SentenceSplitter();
    expect(splitter.push('Hello there')).toEqual([]);
    expect(splitter.push('.')).toEqual([]); // "3." + "14" must stay whole: wait for the next character
    expect(splitter.push(' How')).toEqual([{ text: 'Hello there. ', boundary: 'sentence' }]);
    expect(splitter.push(' are you。')).toEqual([{ text: 'How are you。', boundary: 'sentence' }]);
    expect(splitter.flush()).toEqual([]);
  });

  test('a mark at the end of a delta followed by a digit is not a boundary', () => {
    const splitter = new SentenceSplitter();
    expect(splitter.push('Pi is 3.')).toEqual([]);
    expect(splitter.push('14 exactly')).toEqual([]);
    expect(splitter.flush()).toEqual([{ text: 'Pi is 3.14 exactly', boundary: 'end' }]);
  });
});
