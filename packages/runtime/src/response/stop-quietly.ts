/**
 * Stopping an engine's or recognizer's iteration from the outside: `return()`
 * is called but not awaited (a source stuck in `next()` must not hold the
 * session), and however it fails is nobody's business any more.
 */
export function stopQuietly(iterator: AsyncIterator<unknown> | undefined): void {
  try {
    const done = iterator?.return?.();
    if (done) Promise.resolve(done).catch(() => undefined);
  } catch {
    // An iterator that cannot stop cleanly is abandoned.
  }
}
