/**
 * A bounded single-consumer queue between two concurrent tasks of one
 * response (the chat stream feeding the synthesizer, the synthesizer feeding
 * the response). `push` waits while the queue is full, so a fast producer is
 * held back by a slow consumer instead of buffering without limit.
 */
export class Channel<T> implements AsyncIterable<T> {
  private readonly queue: T[] = [];
  private ended = false;
  private failure: { error: unknown } | undefined;
  private wakeConsumer: (() => void) | undefined;
  private readonly wakeProducers: (() => void)[] = [];

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be an integer >= 1, got ${capacity}`);
  }

  /** True once `close`, `fail` or the consumer's `return()` ended the channel. */
  get closed(): boolean {
    return this.ended;
  }

  /** Adds a value; resolves when there is room again. After the end, values are dropped. */
  async push(value: T): Promise<void> {
    if (this.ended) return;
    this.queue.push(value);
    this.wake();
    while (!this.ended && this.queue.length >= this.capacity) {
      await new Promise<void>((resolve) => this.wakeProducers.push(resolve));
    }
  }

  /** No more values: the consumer gets what is queued, then the end. `discard` drops the queue. */
  close(options: { discard?: boolean } = {}): void {
    if (options.discard) this.queue.length = 0;
    this.end();
  }

  /** Ends the channel with an error, thrown to the consumer after what is queued. First failure wins. */
  fail(error: unknown): void {
    if (this.ended) return;
    this.failure = { error };
    this.end();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    try {
      for (;;) {
        if (this.queue.length > 0) {
          const value = this.queue.shift() as T;
          this.releaseProducers();
          yield value;
          continue;
        }
        if (this.failure) throw this.failure.error;
        if (this.ended) return;
        await new Promise<void>((resolve) => (this.wakeConsumer = resolve));
      }
    } finally {
      // The consumer stopped (or everything was read): producers must not wait on it.
      this.queue.length = 0;
      this.end();
    }
  }

  private end(): void {
    this.ended = true;
    this.wake();
    this.releaseProducers();
  }

  private wake(): void {
    const wake = this.wakeConsumer;
    this.wakeConsumer = undefined;
    wake?.();
  }

  private releaseProducers(): void {
    for (const wake of this.wakeProducers.splice(0)) wake();
  }
}
