import { expect } from 'vitest';
import { AudioFormatError } from '../../errors.js';

/**
 * Runs `fn`, asserts that it throws `AudioFormatError` and returns the error,
 * so a test can check its `code` and message.
 */
export function formatError(fn: () => unknown): AudioFormatError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(AudioFormatError);
  return caught as AudioFormatError;
}

/** The `code` of the `AudioFormatError` that `fn` throws. */
export function errorCode(fn: () => unknown): string {
  return formatError(fn).code;
}
