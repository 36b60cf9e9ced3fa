/**
 * Abort-aware iteration. An engine must end promptly when its signal aborts,
 * even while it waits on a source (a remote chat model, a recognizer) that is
 * slow to notice. `abortable` races each `next()` against the signal: on abort
 * the iteration ends quietly and the source is told to stop (`return()`,
 * not awaited, so a source stuck in `next()` cannot hold the engine).
 */
import type { Clock } from '../clock.js';
import { stopQuietly } from '../response/stop-quietly.js';

const ABORTED = Symbol('aborted');

/** Resolves when `signal` aborts; `dispose` removes the listener. */
function whenAborted(signal: AbortSignal): { promise: Promise<void>; dispose(): void } {
  if (signal.aborted) return { promise: Promise.resolve(), dispose() {} };
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  const listener = () => resolve();
  signal.addEventListener('abort', listener, { once: true });
  return { promise, dispose: () => signal.removeEventListener('abort', listener) };
}

/** Iterates `source` until it ends or `signal` aborts, whichever comes first. */
export async function* abortable<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T, void, undefined> {
  if (signal.aborted) return;
  const iterator = source[Symbol.asyncIterator]();
  const aborted = whenAborted(signal);
  const stop = aborted.promise.then((): typeof ABORTED => ABORTED);
  let finished = false;
  try {
    for (;;) {
      const result = await Promise.race([iterator.next(), stop]);
      if (result === ABORTED) return;
      if (result.done) {
        finished = true;
        return;
      }
      yield result.value;
      if (signal.aborted) return;
    }
  } catch (error) {
    finished = true; // a source that threw has ended
    throw error;
  } finally {
    aborted.dispose();
    if (!finished) stopQuietly(iterator);
  }
}

/** Awaits `promise` unless `signal` aborts first; `undefined` on abort. */
export async function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
  if (signal.aborted) {
    promise.catch(() => {});
    return undefined;
  }
  const aborted = whenAborted(signal);
  try {
    const result = await Promise.race([promise, aborted.promise.then((): typeof ABORTED => ABORTED)]);
    return result === ABORTED ? undefined : (result as T);
  } finally {
    aborted.dispose();
    promise.catch(() => {}); // a late rejection after the abort is nobody's business
  }
}

/** Waits `ms` on `clock`; resolves `false` early (and clears the timer) if `signal` aborts. */
export function delay(clock: Clock, ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clock.clearTimeout(handle);
      resolve(false);
    };
    const handle = clock.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
