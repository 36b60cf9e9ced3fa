/**
 * Unknown wire fields. The canonical model keeps every field it does not
 * understand in an `extra` record, shaped as it was on the wire (for GA's
 * nested session, a residue such as `{ audio: { input: { foo: 1 } } }`), and
 * encoders merge it back, so a dialect's own events survive a round trip.
 *
 * Keys such as `__proto__` are copied as own data properties, never assigned,
 * so a hostile key cannot change any prototype.
 */
import { isPlainObject } from './result.js';

/** Unknown wire fields of one object, in their wire shape. */
export type Extra = Record<string, unknown>;

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The own fields of `wire` whose names are not in `known`, or `undefined` when there are none. */
export function unknownFields(wire: Record<string, unknown>, known: ReadonlySet<string>): Extra | undefined {
  let extra: Extra | undefined;
  for (const key of Object.keys(wire)) {
    if (known.has(key)) continue;
    extra ??= {};
    define(extra, key, wire[key]);
  }
  return extra;
}

/** Sets `extra` on a canonical object only when there is something to keep. */
export function attachExtra<T extends object>(value: T, extra: Extra | undefined): T {
  if (extra !== undefined && Object.keys(extra).length > 0) (value as T & { extra?: Extra }).extra = extra;
  return value;
}

/**
 * Merges a residue of unknown fields into an encoded wire object. Known
 * (encoded) fields win; where both sides hold a plain object the merge
 * recurses. Returns a new object; `wire` is not modified.
 */
export function mergeExtra(wire: Record<string, unknown>, extra: Extra | undefined): Record<string, unknown> {
  if (extra === undefined) return wire;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(extra)) define(out, key, extra[key]);
  for (const key of Object.keys(wire)) {
    const mine = wire[key];
    const theirs = Object.hasOwn(extra, key) ? extra[key] : undefined;
    define(out, key, isPlainObject(mine) && isPlainObject(theirs) ? mergeExtra(mine, theirs) : mine);
  }
  return out;
}

/** Copies the own enumerable fields of a plain object (prototype-safe shallow clone). */
export function copyObject(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) define(out, key, value[key]);
  return out;
}

/** Writes `value` under `key` unless it is `undefined`. */
export function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) define(target, key, value);
}
