import { RuntimeError } from '@parley/runtime';
import { type Sentence, SentenceSplitter, type SentenceSplitterOptions, splitSentences } from './sentence-splitter.js';

export interface TextSourceOptions {
  /** Most characters one call may speak; more throws `invalid_value` (`param: "input"`). */
  maxChars: number;
  splitter?: SentenceSplitterOptions;
}

/** The `invalid_value` error for text over the cap. */
export function inputTooLong(maxChars: number): RuntimeError {
  return new RuntimeError('invalid_value', `Input text is longer than ${maxChars} characters; split it into several requests.`, {
    param: 'input',
  });
}

/**
 * Resolves with the iterator's next result, or with `null` as soon as
 * `signal` aborts (the pending `next()` is left to settle on its own).
 */
export function nextOrAbort<T>(iterator: AsyncIterator<T>, signal: AbortSignal): Promise<IteratorResult<T> | null> {
  if (signal.aborted) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve(null);
    signal.addEventListener('abort', onAbort, { once: true });
    iterator.next().then(
      (result) => {
        signal.removeEventListener('abort', onAbort);
        resolve(result);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * The sentences of `text`, whole or streamed. A stream of deltas is cut as it
 * arrives, so each sentence comes out as soon as its end is known; the rest is
 * flushed when the stream ends. Aborting `signal` ends the sentences quietly
 * and tells the stream to stop (`return()`), without waiting for it.
 */
export async function* sentencesOf(
  text: string | AsyncIterable<string>,
  signal: AbortSignal,
  options: TextSourceOptions,
): AsyncGenerator<Sentence> {
  if (typeof text === 'string') {
    yield* splitSentences(text, options.splitter);
    return;
  }
  const splitter = new SentenceSplitter(options.splitter);
  const iterator = text[Symbol.asyncIterator]();
  let received = 0;
  let finished = false;
  try {
    for (;;) {
      const result = await nextOrAbort(iterator, signal);
      if (result === null) return;
      if (result.done) {
        finished = true;
        break;
      }
      const delta: unknown = result.value;
      if (typeof delta !== 'string') {
        throw new RuntimeError('invalid_type', `Text deltas must be strings, got ${delta === null ? 'null' : typeof delta}.`, {
          param: 'input',
        });
      }
      received += delta.length;
      if (received > options.maxChars) throw inputTooLong(options.maxChars);
      yield* splitter.push(delta);
    }
  } finally {
    if (!finished) {
      // Tell the stream to stop, without waiting: a stalled stream may never answer.
      try {
        iterator.return?.()?.catch(() => {});
      } catch {
        // a stream that cannot be told to stop is left alone
      }
    }
  }
  yield* splitter.flush();
}
