/**
 * Received server events, read in order by `next(type?)`: the reader moves
 * past events of other types, so `next('response.done')` means "wait for the
 * next response.done". Several readers may wait at once; an event goes to the
 * first waiting reader that wants it. Events nobody waits for are kept, up to
 * `limit`; past it the oldest are dropped (and counted). No Node APIs.
 */
import type { ServerEvent } from '@parley/protocol';

/** Why a read ended without an event. */
export class RealtimeClientError extends Error {
  readonly code: 'timeout' | 'closed' | 'connect_failed';
  /** The HTTP status of a refused upgrade, when the WebSocket implementation reports it. */
  readonly status?: number;
  /** The close code, for `closed`. */
  readonly closeCode?: number;
  constructor(
    code: 'timeout' | 'closed' | 'connect_failed',
    message: string,
    details: { status?: number; closeCode?: number } = {},
  ) {
    super(message);
    this.name = 'RealtimeClientError';
    this.code = code;
    if (details.status !== undefined) this.status = details.status;
    if (details.closeCode !== undefined) this.closeCode = details.closeCode;
  }
}

interface Waiter {
  type: string | undefined;
  resolve(event: ServerEvent): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class EventInbox {
  readonly #limit: number;
  #events: ServerEvent[] = [];
  #waiters: Waiter[] = [];
  #ended: RealtimeClientError | undefined;
  dropped = 0;

  constructor(limit: number) {
    this.#limit = limit;
  }

  push(event: ServerEvent): void {
    if (this.#waiters.length > 0) {
      const index = this.#waiters.findIndex((waiter) => waiter.type === undefined || waiter.type === event.type);
      if (index >= 0) {
        const [waiter] = this.#waiters.splice(index, 1);
        this.#settle(waiter!);
        waiter!.resolve(event);
      }
      // Waiting readers have moved past an event none of them wants.
      return;
    }
    this.#events.push(event);
    if (this.#events.length > this.#limit) {
      this.#events.shift();
      this.dropped++;
    }
  }

  /** No more events will come: waiting and later reads fail with `reason` once the kept events are read. */
  end(reason: RealtimeClientError): void {
    this.#ended ??= reason;
    for (const waiter of this.#waiters.splice(0)) {
      this.#settle(waiter);
      waiter.reject(reason);
    }
  }

  next(type: string | undefined, timeoutMs: number): Promise<ServerEvent> {
    while (this.#events.length > 0) {
      const event = this.#events.shift()!;
      if (type === undefined || event.type === type) return Promise.resolve(event);
    }
    if (this.#ended) return Promise.reject(this.#ended);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { type, resolve, reject, timer: undefined };
      if (Number.isFinite(timeoutMs)) {
        waiter.timer = setTimeout(() => {
          this.#waiters = this.#waiters.filter((w) => w !== waiter);
          reject(new RealtimeClientError('timeout', `No ${type ?? 'event'} within ${timeoutMs} ms.`));
        }, timeoutMs);
      }
      this.#waiters.push(waiter);
    });
  }

  #settle(waiter: Waiter): void {
    if (waiter.timer !== undefined) clearTimeout(waiter.timer);
  }
}
