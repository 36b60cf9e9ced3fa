/**
 * Schema-driven decoding for the HTTP and streaming-TTS surfaces: JSON text in,
 * a typed value or one `ProtocolError` (stable code, `param` path) out. Never throws.
 *
 * The fast path is TypeBox's compiled check. Only when it fails are the validation
 * errors examined (`explainErrors`).
 */
import type { Static, TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';
import type { TLocalizedValidationError } from 'typebox/error';
import { Settings } from 'typebox/system';
import { type DecodeResult, type ProtocolError, invalidRequest } from '../errors.js';
import { parseJsonText } from '../realtime/client-codec/wire-input.js';
import { isPlainObject } from '../realtime/objects/result.js';
import { explainErrors } from './explain-errors.js';
import { describeValue, missing, wrongType } from './param-errors.js';

/** A lazily compiled validator: nothing is compiled until the first decode. */
export interface Checker<T> {
  readonly schema: TSchema;
  check(value: unknown): value is T;
  errors(value: unknown): TLocalizedValidationError[];
}

export function checker<S extends TSchema>(schema: S): Checker<Static<S>> {
  let compiled: Validator | undefined;
  const get = (): Validator => {
    compiled ??= Compile(schema as TSchema) as Validator;
    return compiled;
  };
  return {
    schema,
    check: (value: unknown): value is Static<S> => get().Check(value),
    errors: (value: unknown) => collectErrors(get(), value),
  };
}

/**
 * Errors to explain a failed check. TypeBox stops collecting at `maxErrors` (8 by
 * default), too few to see every branch of a union such as `messages[]`; the cap is
 * raised for this one synchronous call and restored.
 */
const MAX_EXPLAINED_ERRORS = 256;

function collectErrors(validator: Validator, value: unknown): TLocalizedValidationError[] {
  const previous = Settings.Get().maxErrors;
  Settings.Set({ maxErrors: Math.max(previous, MAX_EXPLAINED_ERRORS) });
  try {
    return validator.Errors(value);
  } finally {
    Settings.Set({ maxErrors: previous });
  }
}

/** Accepts JSON text, UTF-8 bytes (`Uint8Array` or `ArrayBuffer`; invalid UTF-8 is refused), or an already parsed value. */
export function parseJsonInput(raw: unknown): { ok: true; value: unknown } | { ok: false; error: ProtocolError } {
  const parsed = parseJsonText(raw);
  if (parsed.ok) return parsed;
  const detail = parsed.reason === 'utf8' ? `the bytes are not valid UTF-8 (${parsed.detail})` : parsed.detail;
  return { ok: false, error: invalidRequest('invalid_json', `The body is not valid JSON: ${detail}`) };
}

export interface DecodeOptions<T> {
  /** Checks a schema cannot express; returns the first problem found. */
  refine?: (value: T) => ProtocolError | null;
  /** Maps accepted variants to the canonical form; must not mutate its argument. */
  normalize?: (value: T) => T;
}

/** Parses, validates, refines and normalizes. Unknown fields are kept as they are. */
export function decodeWith<T>(raw: unknown, check: Checker<T>, options: DecodeOptions<T> = {}): DecodeResult<T> {
  const parsed = parseJsonInput(raw);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (!check.check(value)) {
    return { ok: false, error: withEventId(explainErrors(check.errors(value), value), value) };
  }
  const problem = options.refine?.(value) ?? null;
  if (problem) return { ok: false, error: withEventId(problem, value) };
  return { ok: true, event: options.normalize ? options.normalize(value) : value };
}

export interface TaggedDecodeOptions<T> extends DecodeOptions<T> {
  /** Accepted alternative names, mapped to the canonical one before validation. */
  aliases?: Readonly<Record<string, string>>;
}

/** Decodes a `type`-tagged message by looking its schema up in `table`. */
export function decodeTagged<T>(
  raw: unknown,
  table: Readonly<Record<string, Checker<T>>>,
  options: TaggedDecodeOptions<T> = {},
): DecodeResult<T> {
  const parsed = parseJsonInput(raw);
  if (!parsed.ok) return parsed;
  let value = parsed.value;
  if (!isPlainObject(value)) {
    return { ok: false, error: invalidRequest('invalid_type', `Expected a JSON object, but got ${describeValue(value)}.`) };
  }
  const type = value.type;
  if (type === undefined) return { ok: false, error: withEventId(missing('type'), value) };
  if (typeof type !== 'string') return { ok: false, error: withEventId(wrongType('type', ['string'], type), value) };
  const canonical = options.aliases?.[type] ?? type;
  const entry = Object.hasOwn(table, canonical) ? table[canonical] : undefined;
  if (!entry) {
    return { ok: false, error: withEventId(invalidRequest('unknown_event', `Unknown event type '${type}'.`, 'type'), value) };
  }
  if (canonical !== type) value = { ...value, type: canonical };
  return decodeWith(value, entry, options);
}

/** JSON text of a value a Parley peer sends (no validation: the types already hold). */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value);
}

function withEventId(error: ProtocolError, value: unknown): ProtocolError {
  if (error.event_id === null && isPlainObject(value) && typeof value.event_id === 'string') {
    return { ...error, event_id: value.event_id };
  }
  return error;
}
