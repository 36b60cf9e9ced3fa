import { describe, expect, test } from 'vitest';
import { VirtualClock } from '../testing/virtual-clock.js';
import { abortable, delay, unlessAborted } from './abortable.js';

describe('abortable', () => {
  test('passes a source through to its end', async () => {
    async function* source() {
      yield 1;
      yield 2;
    }
    const out: number[] = [];
    for await (const v of abortable(source(), new AbortController().signal)) out.push(v);
    expect(out).toEqual([1, 2]);
  });

  test('ends when the signal aborts while the source hangs, and tells the source to stop', async () => {
    let returned = false;
    let waiting!: () => void;
    const started = new Promise<void>((resolve) => (waiting = resolve));
    const hanging: AsyncIterable<number> = {
      [Symbol.asyncIterator]: () => ({
        next: () => {
          waiting();
          return new Promise<IteratorResult<number>>(() => {});
        },
        return: async () => {
          returned = true;
          return { done: true, value: undefined };
        },
      }),
    };
    const controller = new AbortController();
    const run = (async () => {
      const out: number[] = [];
      for await (const v of abortable(hanging, controller.signal)) out.push(v);
      return out;
    })();
    await started;
    controller.abort();
    expect(await run).toEqual([]);
    expect(returned).toBe(true);
  });

  test('a source error passes through', async () => {
    async function* source(): AsyncGenerator<number> {
      yield 1;
      throw new Error('broken');
    }
    await expect(
      (async () => {
        for await (const _ of abortable(source(), new AbortController().signal));
      })(),
    ).rejects.toThrow('broken');
  });
});

describe('unlessAborted', () => {
  test('gives the value, or undefined when the signal aborts first', async () => {
    expect(await unlessAborted(Promise.resolve(3), new AbortController().signal)).toBe(3);
    const controller = new AbortController();
    const pending = unlessAborted(new Promise<number>(() => {}), controller.signal);
    controller.abort();
    expect(await pending).toBeUndefined();
  });
});

describe('delay', () => {
  test('resolves true when the clock reaches it, false and timer cleared on abort', async () => {
    const clock = new VirtualClock();
    const first = delay(clock, 100, new AbortController().signal);
    clock.advance(100);
    expect(await first).toBe(true);
    const controller = new AbortController();
    const second = delay(clock, 100, controller.signal);
    controller.abort();
    expect(await second).toBe(false);
    expect(clock.pending).toBe(0);
  });
});
