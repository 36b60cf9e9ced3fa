import { describe, expect, it } from 'vitest';
import { randomIds, sequentialIds } from './ids.js';

describe('randomIds', () => {
  it('gives ids with the kind as prefix, from the id alphabet', () => {
    const ids = randomIds();
    expect(ids.next('item')).toMatch(/^item_[A-Za-z0-9]{17,}$/);
    expect(ids.next('event')).toMatch(/^event_[A-Za-z0-9]{17,}$/);
  });

  it('never repeats an id within one generator', () => {
    const ids = randomIds();
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i++) seen.add(ids.next('event'));
    expect(seen.size).toBe(50_000);
  });

  it('draws from the random source once per generator, not per id', () => {
    const calls: number[] = [];
    const original = crypto.getRandomValues.bind(crypto);
    const spy = (array: Uint8Array) => {
      calls.push(array.length);
      return original(array);
    };
    const saved = crypto.getRandomValues;
    Object.defineProperty(crypto, 'getRandomValues', { value: spy, configurable: true, writable: true });
    try {
      const ids = randomIds();
      for (let i = 0; i < 100; i++) ids.next('event');
    } finally {
      Object.defineProperty(crypto, 'getRandomValues', { value: saved, configurable: true, writable: true });
    }
    expect(calls).toEqual([16]);
  });

  it('gives two generators different prefixes', () => {
    const a = randomIds().next('sess');
    const b = randomIds().next('sess');
    expect(a).not.toBe(b);
    expect(a.slice(0, -1)).not.toBe(b.slice(0, -1));
  });

  it('keeps the requested prefix length', () => {
    expect(randomIds(8).next('call')).toMatch(/^call_[A-Za-z0-9]{8}1$/);
  });
});

describe('sequentialIds', () => {
  it('counts per kind, zero-padded', () => {
    const ids = sequentialIds();
    expect([ids.next('item'), ids.next('item'), ids.next('resp')]).toEqual(['item_0001', 'item_0002', 'resp_0001']);
  });
});
