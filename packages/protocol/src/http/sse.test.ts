import { describe, expect, it } from 'vitest';
import { SSE_DONE, encodeSseData, isSseDone } from './sse.js';

describe('SSE framing', () => {
  it('frames a value as one data line and a blank line', () => {
    const framed = encodeSseData({ text: 'line one\nline two', n: 1 });
    expect(framed.startsWith('data: ')).toBe(true);
    expect(framed.endsWith('\n\n')).toBe(true);
    expect(framed.slice(0, -2).includes('\n')).toBe(false);
    expect(JSON.parse(framed.slice('data: '.length))).toEqual({ text: 'line one\nline two', n: 1 });
  });

  it('ends streams with [DONE]', () => {
    expect(SSE_DONE).toBe('data: [DONE]\n\n');
    expect(isSseDone(' [DONE] ')).toBe(true);
    expect(isSseDone('{"type":"done"}')).toBe(false);
  });
});
