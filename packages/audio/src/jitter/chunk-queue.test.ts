import { describe, expect, it } from 'vitest';
import { ChunkQueue } from './chunk-queue.js';

function ramp(from: number, n: number): Int16Array {
  return Int16Array.from({ length: n }, (_, i) => from + i);
}

describe('ChunkQueue', () => {
  it('keeps FIFO order across many chunks and odd-sized reads, growing its ring', () => {
    const q = new ChunkQueue();
    let next = 0;
    for (let i = 0; i < 100; i++) {
      const n = 1 + ((i * 37) % 50);
      q.enqueue(ramp(next, n), i, 1);
      next += n;
    }
    expect(q.length).toBe(next);
    const out = new Int16Array(next);
    let at = 0;
    while (q.length > 0) at += q.take(33, out, at);
    expect(out).toEqual(ramp(0, next));
  });

  it('reports each run with its chunk\'s stamp and stream', () => {
    const q = new ChunkQueue();
    q.enqueue(ramp(0, 5), 3, 1);
    q.enqueue(ramp(5, 5), 4, 2);
    const runs: Array<[number, number, number]> = [];
    q.take(2, null, 0, (count, stamp, stream) => runs.push([count, stamp, stream]));
    q.take(6, null, 0, (count, stamp, stream) => runs.push([count, stamp, stream]));
    expect(runs).toEqual([
      [2, 3, 1],
      [3, 3, 1],
      [3, 4, 2],
    ]);
    expect(q.length).toBe(2);
  });

  it('peeks without consuming, and clear() reports what it dropped', () => {
    const q = new ChunkQueue();
    q.enqueue(ramp(0, 4), 0, 1);
    q.enqueue(ramp(4, 4), 0, 1);
    q.take(1, null, 0);
    const seen = new Int16Array(5);
    expect(q.peek(5, seen)).toBe(5);
    expect(Array.from(seen)).toEqual([1, 2, 3, 4, 5]);
    expect(q.length).toBe(7);
    expect(q.clear()).toBe(7);
    expect(q.length).toBe(0);
    expect(q.take(3, null, 0)).toBe(0);
  });

  it('holds pushed arrays by reference (no copy until read)', () => {
    const q = new ChunkQueue();
    const chunk = ramp(0, 4);
    q.enqueue(chunk, 0, 1);
    chunk[0] = 99;
    const out = new Int16Array(4);
    q.take(4, out, 0);
    expect(out[0]).toBe(99);
  });
});
