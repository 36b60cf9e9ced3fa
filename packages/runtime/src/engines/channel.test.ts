import { describe, expect, test } from 'vitest';
import { Channel } from './channel.js';

async function drain<T>(channel: Channel<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of channel) out.push(value);
  return out;
}

describe('Channel', () => {
  test('delivers in order, then ends on close', async () => {
    const channel = new Channel<number>(4);
    void channel.push(1);
    void channel.push(2);
    channel.close();
    expect(await drain(channel)).toEqual([1, 2]);
  });

  test('a full channel holds the producer until the consumer takes a value', async () => {
    const channel = new Channel<string>(2);
    const log: string[] = [];
    const producer = (async () => {
      for (const v of ['a', 'b', 'c', 'd']) {
        await channel.push(v);
        log.push(`pushed ${v}`);
      }
      channel.close();
    })();
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['pushed a']); // 'b' fills the channel: its push waits
    const iterator = channel[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toBe('a');
    const rest: string[] = [];
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) rest.push(r.value);
    await producer;
    expect(rest).toEqual(['b', 'c', 'd']);
  });

  test('fail delivers what is queued, then throws; the first failure wins', async () => {
    const channel = new Channel<number>(4);
    void channel.push(1);
    channel.fail(new Error('first'));
    channel.fail(new Error('second'));
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const v of channel) seen.push(v);
      })(),
    ).rejects.toThrow('first');
    expect(seen).toEqual([1]);
  });

  test('close with discard drops the queue and releases a waiting producer', async () => {
    const channel = new Channel<number>(1);
    const waiting = channel.push(1);
    channel.close({ discard: true });
    await waiting;
    expect(await drain(channel)).toEqual([]);
    await channel.push(2); // after the end: dropped, does not wait
    expect(channel.closed).toBe(true);
  });

  test('a consumer that stops early releases the producer', async () => {
    const channel = new Channel<number>(1);
    void channel.push(1);
    const held = channel.push(2);
    for await (const v of channel) {
      expect(v).toBe(1);
      break;
    }
    await held;
    expect(channel.closed).toBe(true);
  });
});
