/**
 * Restartable one-shot timers for the connection clocks. A duration past what
 * `setTimeout` can hold (about 24.8 days, e.g. `Infinity`) means "never".
 */

const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export interface Timer {
  /** Starts the wait over (cheap: no new timer object). */
  refresh(): void;
  clear(): void;
}

export function startTimer(ms: number, callback: () => void): Timer | undefined {
  if (!(ms <= MAX_TIMEOUT_MS)) return undefined;
  let done = false;
  const handle = setTimeout(() => {
    done = true;
    callback();
  }, ms);
  handle.unref();
  return {
    refresh: () => {
      if (!done) handle.refresh();
    },
    clear: () => {
      done = true;
      clearTimeout(handle);
    },
  };
}

/** Waits for `promise`, but no longer than `ms` (never rejects; a rejection counts as done). */
export function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = startTimer(ms, resolve);
    promise.then(
      () => {
        timer?.clear();
        resolve();
      },
      () => {
        timer?.clear();
        resolve();
      },
    );
  });
}
