/**
 * The result of mapping one wire object to its canonical form. Like
 * `DecodeResult` but for objects that are not whole events; the error's
 * `param` already names the full path (e.g. `session.tools[0].name`).
 */
import { invalidRequest, type ProtocolError, type ProtocolErrorCode } from '../../errors.js';

export type ObjectResult<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

export function success<T>(value: T): ObjectResult<T> {
  return { ok: true, value };
}

export function failure<T = never>(code: ProtocolErrorCode, message: string, param: string | null): ObjectResult<T> {
  return { ok: false, error: invalidRequest(code, message, param) };
}

/** Appends a property name or an array index to a parameter path: `item` + `content` + 0 = `item.content[0]`. */
export function joinPath(prefix: string, segment: string | number): string {
  if (typeof segment === 'number') return `${prefix}[${segment}]`;
  return prefix === '' ? segment : `${prefix}.${segment}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `missing_required_parameter` for `path`. */
export function missing<T = never>(path: string): ObjectResult<T> {
  return failure('missing_required_parameter', `Missing required parameter: '${path}'.`, path);
}

/** `invalid_type` for `path`, naming what was expected. */
export function wrongType<T = never>(path: string, expected: string, value: unknown): ObjectResult<T> {
  return failure('invalid_type', `Invalid type for '${path}': expected ${expected}, got ${describeType(value)}.`, path);
}

/** `invalid_value` for `path`. */
export function badValue<T = never>(path: string, detail: string): ObjectResult<T> {
  return failure('invalid_value', `Invalid value for '${path}': ${detail}.`, path);
}

/** A short name of a JSON value's type, for messages. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'an integer';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
